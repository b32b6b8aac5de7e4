//! `/consultations/{id}/resultats`: turnout, quorum and every question's
//! results as charts with their data tables, and the landlord's response.

use crate::api::consultations::get::get_consultation;
use crate::api::consultations::results::get_results;
use crate::components::charts::{Bar, BarChart};
use crate::components::form::error_text;
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::consultations::{Detail, Export, Results};
use palier_domain::ids::ConsultationId;

/// The charts and tables of one question's results.
fn question_results(
    i18n: I18n,
    index: usize,
    question: palier_domain::consultations::QuestionResult,
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
                    Bar { label, count: *n, percent: palier_domain::consultations::percent(*n, total) }
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
    let id = param::<ConsultationId>("id");
    let load = move || async move {
        let page = with_id(id, get_consultation).await?;
        Ok((page, with_id(id, get_results).await))
    };
    view! {
        <Loaded load view=move |(page, results)| {
            let title = i18n.t_with("results-page-title", &[("title", page.title.clone().into())]);
            let live_step = results.as_ref().ok().flatten().and_then(|r| r.live_step);
            let body = match results {
                Err(error) => view! { <p class="notice notice--error">{error_text(&error)}</p> }.into_any(),
                Ok(None) => view! { <p class="notice">{i18n.t("results-hidden")}</p> }.into_any(),
                Ok(Some(results)) => results_view(i18n, results).into_any(),
            };
            let response = page.response_html.clone().map(|html| {
                let decision = page.decision.map(|d| i18n.t_code("decision", d.code())).unwrap_or_default();
                view! {
                    <section class="card response" aria-labelledby="response">
                        <h2 id="response">{i18n.t("results-response")}</h2>
                        <p><span class="badge">{decision}</span></p>
                        <div class="prose markdown" inner_html=html></div>
                    </section>
                }
            });
            let over = page.status.is_over();
            view! {
                <Title text=title.clone()/>
                <div class="page">
                    <p><a href=format!("/consultations/{}", page.id)>{page.title.clone()}</a></p>
                    <h1>{title}</h1>
                    {live_step.filter(|_| !over).map(|k| view! {
                        <p class="notice">{i18n.t_with("results-live-note", &[("k", k.into())])}</p>
                    })}
                    {response}
                    {body}
                    <nav class="actions" aria-label=i18n.t("consultation-links")>
                        {over.then(|| view! {
                            <a class="button button--secondary" href=format!("/consultations/{}/depouillement", page.id)>{i18n.t("recount-title")}</a>
                        })}
                        {page.staff.then(|| view! {
                            <a class="button button--secondary" href=format!("/consultations/{}/{}", page.id, Export::Results.file_name())>{i18n.t("results-csv")}</a>
                            <a class="button button--secondary" href=format!("/consultations/{}/{}", page.id, Export::Ballots.file_name())>{i18n.t("recount-csv")}</a>
                        })}
                    </nav>
                </div>
            }
        }/>
    }
}
