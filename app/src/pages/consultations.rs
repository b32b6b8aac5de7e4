//! Consultations as tenants (and everyone in their audience) see them: the
//! list, a consultation, the ballot, its review, the receipt, the results
//! and the recount list. Every form is a plain HTML form.

use crate::api::consultations::ballot::CastBallot;
use crate::api::consultations::view::{
    ConsultationPage as Page, get_ballot_list, get_consultation, get_results, get_review, my_consultations,
    take_receipt,
};
use crate::components::ballot::BallotQuestions;
use crate::components::charts::{Bar, BarChart};
use crate::components::form::{ErrorSummary, Feedback, error_text};
use crate::components::page::{PageError, Pager, by_id, id_param, page_param};
use crate::error::AppError;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use palier_domain::consultation::{Detail, Results};

fn status_badge(i18n: I18n, status: &str) -> impl IntoView + use<> {
    let class = match status {
        "open" => "badge badge--success",
        "scheduled" => "badge",
        "closed" | "published" => "badge badge--warning",
        _ => "badge",
    };
    view! { <span class=class>{i18n.t(&format!("status-{status}"))}</span> }
}

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = Resource::new(|| (), |()| my_consultations());
    view! {
        <Title text=i18n.t("consultations-title")/>
        <div class="page">
            <h1>{i18n.t("consultations-title")}</h1>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <PageError error/> }.into_any(),
                    };
                    if list.is_empty() {
                        return view! { <p>{i18n.t("consultations-none")}</p> }.into_any();
                    }
                    view! {
                        <ul class="card-list">
                            {list.into_iter().map(|c| {
                                let voted = c.voted;
                                let open = c.status == "open";
                                view! {
                                    <li class="card">
                                        <h2><a href=format!("/consultations/{}", c.id)>{c.title.clone()}</a></h2>
                                        <p>{status_badge(i18n, &c.status)} " " {c.summary.clone()}</p>
                                        <p class="field__hint">
                                            {if open { i18n.t_with("consultations-until", &[("when", c.closes.clone().into())]) }
                                             else if c.status == "scheduled" { i18n.t_with("consultations-from", &[("when", c.opens.clone().into())]) }
                                             else { i18n.t_with("consultations-closed-on", &[("when", c.closes.clone().into())]) }}
                                        </p>
                                        {(open && voted).then(|| view! { <p class="badge badge--success">{i18n.t("consultation-voted")}</p> })}
                                        {(open && !voted && c.eligible).then(|| view! {
                                            <a class="button" href=format!("/consultations/{}/voter", c.id)>{i18n.t("consultation-vote")}</a>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

fn load(id: Memo<Option<i64>>) -> Resource<Result<Page, AppError>> {
    by_id(id, get_consultation)
}

/// The rules of a consultation, written out.
fn rules(i18n: I18n, page: &Page) -> impl IntoView + use<> {
    let unit = if page.unit == "adult" { i18n.t("rule-unit-adult") } else { i18n.t("rule-unit-household") };
    let visibility = if page.visibility == "live" { i18n.t("rule-results-live") } else { i18n.t("rule-results-after") };
    let quorum = page.quorum.map(|q| i18n.t_with("rule-quorum", &[("percent", q.into())]));
    view! {
        <dl class="facts">
            <dt>{i18n.t("rule-dates")}</dt>
            <dd>{i18n.t_with("rule-dates-value", &[("opens", page.opens.clone().into()), ("closes", page.closes.clone().into())])}</dd>
            <dt>{i18n.t("rule-unit")}</dt>
            <dd>{unit}</dd>
            <dt>{i18n.t("rule-secret")}</dt>
            <dd>{i18n.t("rule-secret-value")}</dd>
            <dt>{i18n.t("rule-results")}</dt>
            <dd>{visibility}</dd>
            {quorum.map(|q| view! { <dt>{i18n.t("rule-quorum-title")}</dt><dd>{q}</dd> })}
        </dl>
    }
}

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = load(id);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let action = if page.open && page.eligible && !page.voted {
                    view! { <a class="button" href=format!("/consultations/{}/voter", page.id)>{i18n.t("consultation-vote")}</a> }.into_any()
                } else if page.voted {
                    view! { <p class="notice notice--success">{i18n.t("consultation-voted")}</p> }.into_any()
                } else if page.open && !page.staff {
                    view! { <p class="notice">{i18n.t("consultation-not-eligible")}</p> }.into_any()
                } else if page.status == "scheduled" {
                    view! { <p class="notice">{i18n.t_with("consultations-from", &[("when", page.opens.clone().into())])}</p> }.into_any()
                } else {
                    ().into_any()
                };
                view! {
                    <Title text=page.title.clone()/>
                    <article class="page page--narrow">
                        <p>{status_badge(i18n, &page.status)}</p>
                        <h1>{page.title.clone()}</h1>
                        <p class="lead">{page.summary.clone()}</p>
                        {action}
                        <div class="prose markdown" inner_html=page.body_html.clone()></div>
                        <section class="card" aria-labelledby="rules">
                            <h2 id="rules">{i18n.t("rules-title")}</h2>
                            {rules(i18n, &page)}
                        </section>
                        <section class="card" aria-labelledby="questions">
                            <h2 id="questions">{i18n.t_with("consultation-questions", &[("count", page.questions.len().into())])}</h2>
                            <ol>{page.questions.iter().map(|q| view! { <li>{q.prompt.clone()}</li> }).collect_view()}</ol>
                        </section>
                        <nav class="actions" aria-label=i18n.t("consultation-links")>
                            {page.results_visible.then(|| view! {
                                <a class="button button--secondary" href=format!("/consultations/{}/resultats", page.id)>{i18n.t("results-title")}</a>
                            })}
                            {page.over.then(|| view! {
                                <a class="button button--secondary" href=format!("/consultations/{}/depouillement", page.id)>{i18n.t("recount-title")}</a>
                            })}
                            {page.staff.then(|| view! {
                                <a class="button button--secondary" href=format!("/gestion/consultations/{}", page.id)>{i18n.t("consultation-manage")}</a>
                            })}
                        </nav>
                    </article>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// The ballot form of a consultation (also shown again, with errors, by
/// the review page).
#[component]
fn Ballot(page: Page, feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="form ballot" method="post" action=format!("/consultations/{}/verifier", page.id) novalidate>
            <BallotQuestions questions=page.questions.clone() feedback/>
            <div class="actions">
                <button type="submit" class="button">{i18n.t("ballot-review")}</button>
                <a href=format!("/consultations/{}", page.id)>{i18n.t("ballot-cancel")}</a>
            </div>
        </form>
    }
}

/// Shown instead of a ballot when this person cannot vote now.
fn cannot_vote(i18n: I18n, page: &Page) -> Option<AnyView> {
    let message = if page.voted {
        "consultation-voted"
    } else if !page.open {
        "error-ballot-not-open"
    } else if !page.eligible {
        "consultation-not-eligible"
    } else {
        return None;
    };
    Some(
        view! {
            <p class="notice">{i18n.t(message)}</p>
            <p><a href=format!("/consultations/{}", page.id)>{i18n.t("ballot-back")}</a></p>
        }
        .into_any(),
    )
}

#[component]
pub fn BallotPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = load(id);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let title = i18n.t_with("ballot-title", &[("title", page.title.clone().into())]);
                let body = cannot_vote(i18n, &page).unwrap_or_else(|| {
                    view! {
                        <p>{i18n.t("ballot-intro")}</p>
                        <Ballot page=page.clone() feedback=Feedback::none()/>
                    }
                    .into_any()
                });
                view! {
                    <Title text=title.clone()/>
                    <div class="page page--narrow">
                        <h1>{title}</h1>
                        {body}
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = load(id);
    let review = by_id(id, get_review);
    let cast = ServerAction::<CastBallot>::new();
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let title = i18n.t("review-title");
                let cast_feedback = Feedback::of(cast);
                let body = match review.await {
                    // The ballot breaks a rule: the form again, with the errors.
                    Err(AppError::Invalid(form)) => {
                        let error = AppError::Invalid(form);
                        let feedback = Feedback::from_error(error);
                        view! {
                            <ErrorSummary feedback/>
                            <Ballot page=page.clone() feedback/>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <PageError error/> }.into_any(),
                    // Opened directly, or came back after a refusal.
                    Ok(None) => view! {
                        <ErrorSummary feedback=cast_feedback/>
                        <p><a class="button" href=format!("/consultations/{}", page.id)>{i18n.t("ballot-back")}</a></p>
                    }
                        .into_any(),
                    Ok(Some(review)) => view! {
                        <p>{i18n.t("review-intro")}</p>
                        <dl class="review">
                            {review.lines.into_iter().map(|(prompt, answer)| view! {
                                <dt>{prompt}</dt>
                                <dd>{answer.unwrap_or_else(|| i18n.t("review-blank"))}</dd>
                            }).collect_view()}
                        </dl>
                        <form method="post" action=CastBallot::PATH class="form">
                            <input type="hidden" name="consultation_id" value=page.id/>
                            {review.fields.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
                            <p class="notice notice--warning">{i18n.t("review-final")}</p>
                            <div class="actions">
                                <button type="submit" class="button">{i18n.t("review-confirm")}</button>
                                <a href=format!("/consultations/{}/voter", page.id)>{i18n.t("review-change")}</a>
                            </div>
                        </form>
                    }
                        .into_any(),
                };
                view! {
                    <Title text=title.clone()/>
                    <div class="page page--narrow">
                        <p>{page.title.clone()}</p>
                        <h1>{title}</h1>
                        {body}
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let receipt = by_id(id, take_receipt);
    view! {
        <Title text=i18n.t("receipt-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("receipt-title")}</h1>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let consultation = id.get_untracked().unwrap_or_default();
                    let shown = match receipt.await {
                        Ok(Some(code)) => view! {
                            <div class="notice notice--success" role="status">
                                <p>{i18n.t("receipt-recorded")}</p>
                            </div>
                            <p>{i18n.t("receipt-yours")}</p>
                            <p class="receipt"><strong>{code}</strong></p>
                            <p>{i18n.t("receipt-explain")}</p>
                            <p>{i18n.t("receipt-once")}</p>
                        }
                            .into_any(),
                        _ => view! { <p>{i18n.t("receipt-gone")}</p> }.into_any(),
                    };
                    view! {
                        {shown}
                        <p><a class="button button--secondary" href=format!("/consultations/{consultation}")>{i18n.t("ballot-back")}</a></p>
                    }
                })}
            </Suspense>
        </div>
    }
}

/// The charts and tables of one question's results.
fn question_results(
    i18n: I18n,
    index: usize,
    question: palier_domain::consultation::QuestionResult,
) -> impl IntoView + use<> {
    let id = format!("q{index}");
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let answered = i18n.t_with("results-answered", &[("count", question.answered.into())]);
    let body = match question.detail {
        Detail::Choice { options, multiple } => {
            let bars = options.into_iter().map(|o| Bar { label: o.label, count: o.count, percent: o.percent }).collect();
            view! {
                {multiple.then(|| view! { <p class="field__hint">{i18n.t("results-multiple-note")}</p> })}
                <BarChart id title=question.prompt.clone() bars/>
            }
            .into_any()
        }
        Detail::Ranking { options } => {
            let bars = options.iter().map(|o| Bar { label: o.label.clone(), count: o.first_choices, percent: o.first_percent }).collect();
            view! {
                <div class="table-wrap">
                    <table>
                        <caption>{i18n.t("results-borda-caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t("results-rank")}</th>
                                <th scope="col">{i18n.t("results-answer")}</th>
                                <th scope="col" class="num">{i18n.t("results-borda")}</th>
                                <th scope="col" class="num">{i18n.t("results-first-choices")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {options.into_iter().enumerate().map(|(rank, o)| view! {
                                <tr>
                                    <td>{rank + 1}</td>
                                    <th scope="row">{o.label}</th>
                                    <td class="num">{o.borda}</td>
                                    <td class="num">{o.first_choices}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <p class="field__hint">{i18n.t("results-borda-explain")}</p>
                <BarChart id title=i18n.t("results-first-choices") bars value_label=i18n.t("results-first-choices")/>
            }
            .into_any()
        }
        Detail::Scale { low, high, distribution, mean } => {
            let total: u64 = distribution.iter().sum();
            let bars = distribution
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let label = match i {
                        0 => format!("1 — {low}"),
                        4 => format!("5 — {high}"),
                        i => (i + 1).to_string(),
                    };
                    Bar { label, count: *n, percent: palier_domain::consultation::percent(*n, total) }
                })
                .collect();
            view! {
                <p>{match mean {
                    Some(mean) => i18n.t_with("results-mean", &[("mean", format!("{mean:.2}").into())]),
                    None => i18n.t("results-no-answer"),
                }}</p>
                <BarChart id title=question.prompt.clone() bars/>
            }
            .into_any()
        }
        Detail::Text { samples } => view! {
            {(!samples.is_empty()).then(|| view! { <p>{i18n.t("results-text-samples")}</p> })}
            <ul class="quotes">{samples.into_iter().map(|s| view! { <li><blockquote>{s}</blockquote></li> }).collect_view()}</ul>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{question.prompt.clone()}</h3>
            <p class="field__hint">{answered}</p>
            {body}
        </section>
    }
}

/// Turnout, quorum and the results of every question.
fn results_view(i18n: I18n, results: Results) -> impl IntoView + use<> {
    let quorum = results.quorum_percent.map(|q| {
        let reached = results.quorum_reached.unwrap_or(false);
        let message = if reached { "results-quorum-reached" } else { "results-quorum-missed" };
        view! {
            <p class=if reached { "notice notice--success" } else { "notice notice--warning" }>
                {i18n.t_with(message, &[("percent", q.into())])}
            </p>
        }
    });
    let turnout_bars: Vec<Bar> = results
        .turnout
        .iter()
        .map(|t| Bar {
            label: match &t.building {
                Some(b) => format!("{}, {b}", t.residence),
                None => t.residence.clone(),
            },
            count: t.participants,
            percent: t.percent,
        })
        .collect();
    view! {
        <section class="card" aria-labelledby="turnout">
            <h2 id="turnout">{i18n.t("results-turnout")}</h2>
            <p class="big-number">
                {i18n.t_with(
                    "results-turnout-value",
                    &[
                        ("participants", results.participants.into()),
                        ("eligible", results.eligible.into()),
                        ("percent", results.turnout_percent.into()),
                    ],
                )}
            </p>
            <p class="field__hint">{i18n.t_with("results-channels", &[("online", results.online.into()), ("paper", results.paper.into())])}</p>
            {quorum}
            {(!turnout_bars.is_empty()).then(|| view! {
                <BarChart id="turnout-places".to_owned() title=i18n.t("results-turnout-places") bars=turnout_bars
                    value_label=i18n.t("results-participants")/>
            })}
        </section>
        <h2>{i18n.t("results-answers")}</h2>
        {results.questions.into_iter().enumerate().map(|(i, q)| question_results(i18n, i, q)).collect_view()}
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = load(id);
    let results = by_id(id, get_results);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let page = match page.await {
                    Ok(page) => page,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let title = i18n.t_with("results-page-title", &[("title", page.title.clone().into())]);
                let body = match results.await {
                    Err(error) => view! { <p class="notice notice--error">{error_text(&error)}</p> }.into_any(),
                    Ok(None) => view! { <p class="notice">{i18n.t("results-hidden")}</p> }.into_any(),
                    Ok(Some(results)) => results_view(i18n, results).into_any(),
                };
                let response = page.response_html.clone().map(|html| {
                    let decision = page.decision.clone().unwrap_or_default();
                    view! {
                        <section class="card response" aria-labelledby="response">
                            <h2 id="response">{i18n.t("results-response")}</h2>
                            <p><span class="badge">{i18n.t(&format!("decision-{}", decision.replace('_', "-")))}</span></p>
                            <div class="prose markdown" inner_html=html></div>
                        </section>
                    }
                });
                view! {
                    <Title text=title.clone()/>
                    <div class="page">
                        <p><a href=format!("/consultations/{}", page.id)>{page.title.clone()}</a></p>
                        <h1>{title}</h1>
                        {(!page.over).then(|| view! { <p class="notice">{i18n.t("results-live-note")}</p> })}
                        {response}
                        {body}
                        <nav class="actions" aria-label=i18n.t("consultation-links")>
                            {page.over.then(|| view! {
                                <a class="button button--secondary" href=format!("/consultations/{}/depouillement", page.id)>{i18n.t("recount-title")}</a>
                            })}
                            {page.staff.then(|| view! {
                                <a class="button button--secondary" href=format!("/consultations/{}/resultats.csv", page.id)>{i18n.t("results-csv")}</a>
                                <a class="button button--secondary" href=format!("/consultations/{}/bulletins.csv", page.id)>{i18n.t("recount-csv")}</a>
                            })}
                        </nav>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn RecountPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = page_param();
    let query = use_query_map();
    let receipt = Memo::new(move |_| query.with(|q| q.get("recu")));
    let list = Resource::new(
        move || (id.get(), page.get(), receipt.get()),
        |(id, page, receipt)| async move {
            match id {
                Some(id) => get_ballot_list(id, page, receipt).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Title text=i18n.t("recount-title")/>
        <div class="page">
            <h1>{i18n.t("recount-title")}</h1>
            <p>{i18n.t("recount-intro")}</p>
            <form method="get" class="form inline-search" role="search">
                <div class="field">
                    <label for="field-recu">{i18n.t("recount-receipt-label")}</label>
                    <input type="text" id="field-recu" name="recu" autocomplete="off" value=move || receipt.get().unwrap_or_default()/>
                </div>
                <button type="submit" class="button button--secondary">{i18n.t("recount-receipt-submit")}</button>
            </form>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <PageError error/> }.into_any(),
                    };
                    let found = list.found.map(|found| if found {
                        view! { <p class="notice notice--success" role="status">{i18n.t("recount-found")}</p> }.into_any()
                    } else {
                        view! { <p class="notice notice--error" role="status">{i18n.t("recount-not-found")}</p> }.into_any()
                    });
                    let base = format!("/consultations/{}/depouillement", id.get_untracked().unwrap_or_default());
                    let looked_up = receipt.get_untracked().unwrap_or_default().to_uppercase();
                    view! {
                        {found}
                        <p>{i18n.t_with("recount-total", &[("count", list.total.into())])}</p>
                        <div class="table-wrap">
                            <table class="recount">
                                <caption class="visually-hidden">{i18n.t("recount-title")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t("recount-receipt")}</th>
                                        {list.questions.iter().map(|(_, prompt)| view! { <th scope="col">{prompt.clone()}</th> }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {list.ballots.into_iter().map(|ballot| {
                                        let mine = !looked_up.is_empty() && ballot.receipt == looked_up;
                                        view! {
                                            <tr class:highlight=mine>
                                                <th scope="row"><code>{ballot.receipt}</code></th>
                                                {ballot.answers.into_iter().map(|(_, a)| view! { <td>{a.unwrap_or_else(|| "—".to_owned())}</td> }).collect_view()}
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <Pager base page=list.page pages=list.pages/>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}
