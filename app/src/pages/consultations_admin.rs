//! The consultation builder for staff: the list, a new consultation, and one
//! consultation's page (settings, questions, lifecycle, paper ballots, the
//! response). Plain HTML forms throughout.

use crate::api::consultations::QuestionForm;
use crate::api::consultations::ballot::RecordPaperBallot;
use crate::api::consultations::build::{
    ChangeStatus, ConsultationAdmin, CreateConsultation, ExtendConsultation, Place, PublishResponse,
    UpdateConsultation, get_consultation_admin, get_places, list_consultations,
};
use crate::api::consultations::questions::{AddQuestion, QuestionAction, UpdateQuestion};
use crate::components::ballot::BallotQuestions;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::{PageError, by_id, id_param};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;

#[component]
pub fn ConsultationsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let list = by_id(organisation, list_consultations);
    view! {
        <Title text=i18n.t("consultations-admin-title")/>
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let list = match list.await {
                    Ok(list) => list,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                view! {
                    <div class="page">
                        <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {list.organisation.clone()}</p>
                        <h1>{i18n.t("consultations-admin-title")}</h1>
                        <p>
                            <a class="button" href=format!("/gestion/organisations/{}/consultations/nouvelle", list.organisation_id)>
                                {i18n.t("consultation-new")}
                            </a>
                        </p>
                        {if list.consultations.is_empty() {
                            view! { <p>{i18n.t("consultations-none")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-wrap">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t("consultation-title-label")}</th>
                                                <th scope="col">{i18n.t("consultation-status")}</th>
                                                <th scope="col">{i18n.t("consultation-opens")}</th>
                                                <th scope="col">{i18n.t("consultation-closes")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list.consultations.into_iter().map(|c| view! {
                                                <tr>
                                                    <th scope="row"><a href=format!("/gestion/consultations/{}", c.id)>{c.title}</a></th>
                                                    <td>{i18n.t(&format!("status-{}", c.status))}</td>
                                                    <td>{c.opens}</td>
                                                    <td>{c.closes}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }}
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// Radio buttons for one setting.
#[component]
fn Radios(
    feedback: Feedback,
    name: &'static str,
    legend: &'static str,
    /// (value, label message id)
    choices: Vec<(&'static str, &'static str)>,
    selected: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let kept = feedback.value(name).unwrap_or(selected);
    let error = feedback.field_error(name);
    let invalid = error.is_some();
    view! {
        <fieldset class="field" class:field--invalid=invalid id=format!("field-{name}")>
            <legend>{i18n.t(legend)}</legend>
            {error.map(|e| view! { <span class="field__error">{i18n.t(&e)}</span> })}
            {choices.into_iter().map(|(value, label)| {
                let id = format!("{name}-{value}");
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name=name value=value checked=kept == value/>
                        <label for=id>{i18n.t(label)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The settings fields, for creating or editing a consultation.
#[component]
fn SettingsFields(
    feedback: Feedback,
    places: Vec<Place>,
    #[prop(optional)] current: Option<ConsultationAdmin>,
) -> impl IntoView {
    let i18n = use_i18n();
    let get = |value: Option<String>, fallback: &str| value.unwrap_or_else(|| fallback.to_owned());
    let c = current.clone();
    let kept_residences = feedback.values("residences");
    let kept_buildings = feedback.values("buildings");
    let residences: Vec<i64> = if kept_residences.is_empty() {
        c.as_ref().map(|c| c.residences.clone()).unwrap_or_default()
    } else {
        kept_residences.iter().filter_map(|v| v.parse().ok()).collect()
    };
    let buildings: Vec<i64> = if kept_buildings.is_empty() {
        c.as_ref().map(|c| c.buildings.clone()).unwrap_or_default()
    } else {
        kept_buildings.iter().filter_map(|v| v.parse().ok()).collect()
    };
    let body = feedback.value("body").unwrap_or_else(|| c.as_ref().map(|c| c.body.clone()).unwrap_or_default());
    view! {
        <Field feedback name="title" label="consultation-title-label" required=true maxlength=200
            initial=get(c.as_ref().map(|c| c.title.clone()), "")/>
        <Field feedback name="summary" label="consultation-summary" hint="consultation-summary-hint" maxlength=500
            initial=get(c.as_ref().map(|c| c.summary.clone()), "")/>
        <div class="field">
            <label for="field-body">{i18n.t("consultation-body")}</label>
            <span class="field__hint" id="field-body-hint">{i18n.t("consultation-body-hint")}</span>
            <textarea id="field-body" name="body" rows="10" maxlength="20000" aria-describedby="field-body-hint">{body}</textarea>
        </div>
        <Radios feedback name="scope" legend="consultation-scope"
            choices=vec![("organisation", "scope-organisation"), ("residences", "scope-residences"), ("buildings", "scope-buildings")]
            selected=get(c.as_ref().map(|c| c.scope.clone()), "residences")/>
        <fieldset class="field">
            <legend>{i18n.t("consultation-places")}</legend>
            <span class="field__hint">{i18n.t("consultation-places-hint")}</span>
            {places.into_iter().map(|place| {
                let rid = format!("residence-{}", place.residence_id);
                view! {
                    <div class="choice">
                        <input type="checkbox" id=rid.clone() name="residences[]" value=place.residence_id
                            checked=residences.contains(&place.residence_id)/>
                        <label for=rid>{place.residence.clone()}</label>
                    </div>
                    <div class="nested">
                        {place.buildings.into_iter().map(|(id, name)| {
                            let bid = format!("building-{id}");
                            view! {
                                <div class="choice">
                                    <input type="checkbox" id=bid.clone() name="buildings[]" value=id checked=buildings.contains(&id)/>
                                    <label for=bid>{format!("{} — {name}", place.residence)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <Radios feedback name="unit" legend="consultation-unit"
            choices=vec![("household", "rule-unit-household"), ("adult", "rule-unit-adult")]
            selected=get(c.as_ref().map(|c| c.unit.clone()), "household")/>
        <Field feedback name="opens_at" label="consultation-opens" hint="consultation-time-hint" kind="datetime-local" required=true
            initial=get(c.as_ref().map(|c| c.opens_input.clone()), "")/>
        <Field feedback name="closes_at" label="consultation-closes" hint="consultation-time-hint" kind="datetime-local" required=true
            initial=get(c.as_ref().map(|c| c.closes_input.clone()), "")/>
        <Radios feedback name="visibility" legend="consultation-visibility"
            choices=vec![("after_close", "rule-results-after"), ("live", "rule-results-live")]
            selected=get(c.as_ref().map(|c| c.visibility.clone()), "after_close")/>
        <Field feedback name="quorum" label="consultation-quorum" hint="consultation-quorum-hint" kind="number"
            initial=c.as_ref().and_then(|c| c.quorum).map(|q| q.to_string()).unwrap_or_default()/>
    }
}

#[component]
pub fn NewConsultationPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let places = by_id(organisation, get_places);
    let create = ServerAction::<CreateConsultation>::new();
    view! {
        <Title text=i18n.t("consultation-new")/>
        <div class="page page--narrow">
            <p><a href=move || format!("/gestion/organisations/{}/consultations", organisation.get().unwrap_or_default())>{i18n.t("consultations-admin-title")}</a></p>
            <h1>{i18n.t("consultation-new")}</h1>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let places = match places.await {
                        Ok(places) => places,
                        Err(error) => return view! { <PageError error/> }.into_any(),
                    };
                    let feedback = Feedback::of(create);
                    view! {
                        <ErrorSummary feedback/>
                        <form class="form" method="post" action=CreateConsultation::PATH novalidate>
                            <input type="hidden" name="organisation_id" value=organisation.get_untracked().unwrap_or_default()/>
                            <SettingsFields feedback places/>
                            <button type="submit" class="button">{i18n.t("consultation-create")}</button>
                        </form>
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

fn kind_label(kind: &str) -> String {
    format!("kind-{kind}")
}

/// The fields of a question (add or edit).
#[component]
fn QuestionFieldsForm(feedback: Feedback, #[prop(optional)] current: Option<QuestionForm>) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.clone();
    let kind =
        feedback.value("kind").unwrap_or_else(|| c.as_ref().map(|q| q.kind.clone()).unwrap_or_else(|| "single".into()));
    let options = feedback.value("options").unwrap_or_else(|| {
        c.as_ref().map(|q| q.options.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join("\n")).unwrap_or_default()
    });
    let required = c.as_ref().is_none_or(|q| q.required);
    let prefix = feedback.field_id("q");
    let number = |value: u32| if value == 0 { String::new() } else { value.to_string() };
    view! {
        <div class="field">
            <label for=format!("{prefix}-kind")>{i18n.t("question-kind")}</label>
            <select id=format!("{prefix}-kind") name="kind">
                {["single", "multiple", "ranking", "scale", "text"].into_iter().map(|k| view! {
                    <option value=k selected=kind == k>{i18n.t(&kind_label(k))}</option>
                }).collect_view()}
            </select>
        </div>
        <Field feedback name="prompt" label="question-prompt" required=true maxlength=500
            initial=c.as_ref().map(|q| q.prompt.clone()).unwrap_or_default()/>
        <div class="field">
            <label for=format!("{prefix}-options")>{i18n.t("question-options")}</label>
            <span class="field__hint">{i18n.t("question-options-hint")}</span>
            {feedback.field_error("options").map(|e| view! { <span class="field__error">{i18n.t(&e)}</span> })}
            <textarea id=format!("{prefix}-options") name="options" rows="5">{options}</textarea>
        </div>
        <div class="field-row">
            <Field feedback name="min_choices" label="question-min" kind="number"
                initial=c.as_ref().map(|q| number(q.min)).unwrap_or_default()/>
            <Field feedback name="max_choices" label="question-max" kind="number"
                initial=c.as_ref().map(|q| number(q.max)).unwrap_or_default()/>
        </div>
        <div class="field-row">
            <Field feedback name="scale_low" label="question-scale-low" maxlength=100
                initial=c.as_ref().map(|q| q.scale_low.clone()).unwrap_or_default()/>
            <Field feedback name="scale_high" label="question-scale-high" maxlength=100
                initial=c.as_ref().map(|q| q.scale_high.clone()).unwrap_or_default()/>
        </div>
        <Field feedback name="max_chars" label="question-max-chars" hint="question-max-chars-hint" kind="number"
            initial=c.as_ref().map(|q| number(q.max_chars)).unwrap_or_else(|| "500".to_owned())/>
        <div class="choice">
            <input type="checkbox" id=format!("{prefix}-required") name="required" value="on" checked=required/>
            <label for=format!("{prefix}-required")>{i18n.t("question-required")}</label>
        </div>
    }
}

#[component]
pub fn ConsultationAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let data = by_id(id, get_consultation_admin);
    let update = ServerAction::<UpdateConsultation>::new();
    let add = ServerAction::<AddQuestion>::new();
    let edit = ServerAction::<UpdateQuestion>::new();
    let status = ServerAction::<ChangeStatus>::new();
    let extend = ServerAction::<ExtendConsultation>::new();
    let publish = ServerAction::<PublishResponse>::new();
    let paper = ServerAction::<RecordPaperBallot>::new();
    let question_action = ServerAction::<QuestionAction>::new();
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let c = match data.await {
                    Ok(c) => c,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let status_feedback = Feedback::of(status);
                let lifecycle = match c.status.as_str() {
                    "draft" => view! {
                        <p>{i18n.t("lifecycle-draft")}</p>
                        <form method="post" action=ChangeStatus::PATH>
                            <input type="hidden" name="id" value=c.id/>
                            <input type="hidden" name="action" value="schedule"/>
                            <button type="submit" class="button">{i18n.t("lifecycle-schedule")}</button>
                        </form>
                    }.into_any(),
                    "scheduled" => view! {
                        <p>{i18n.t_with("lifecycle-scheduled", &[("when", c.opens.clone().into())])}</p>
                        <div class="inline-actions">
                            <form method="post" action=ChangeStatus::PATH>
                                <input type="hidden" name="id" value=c.id/>
                                <input type="hidden" name="action" value="open_now"/>
                                <button type="submit" class="button">{i18n.t("lifecycle-open-now")}</button>
                            </form>
                            <form method="post" action=ChangeStatus::PATH>
                                <input type="hidden" name="id" value=c.id/>
                                <input type="hidden" name="action" value="unschedule"/>
                                <button type="submit" class="button button--secondary">{i18n.t("lifecycle-unschedule")}</button>
                            </form>
                        </div>
                    }.into_any(),
                    "open" => {
                        let feedback = Feedback::of(extend);
                        view! {
                            <p>{i18n.t_with("lifecycle-open", &[("when", c.closes.clone().into()), ("participants", c.participants.into()), ("eligible", c.eligible.unwrap_or(0).into())])}</p>
                            <ErrorSummary feedback/>
                            <form method="post" action=ExtendConsultation::PATH class="form">
                                <input type="hidden" name="id" value=c.id/>
                                <Field feedback name="closes_at" label="lifecycle-extend-label" hint="lifecycle-extend-hint" kind="datetime-local"
                                    initial=c.closes_input.clone() required=true/>
                                <button type="submit" class="button button--secondary">{i18n.t("lifecycle-extend")}</button>
                            </form>
                        }.into_any()
                    }
                    "closed" | "published" => {
                        let feedback = Feedback::of(publish);
                        let decision = feedback.value("decision").unwrap_or_else(|| c.decision.clone());
                        let response = feedback.value("response").unwrap_or_else(|| c.response.clone());
                        view! {
                            <p>{i18n.t_with("lifecycle-closed", &[("participants", c.participants.into()), ("eligible", c.eligible.unwrap_or(0).into())])}</p>
                            <h3>{i18n.t("publish-title")}</h3>
                            <ErrorSummary feedback/>
                            <form method="post" action=PublishResponse::PATH class="form">
                                <input type="hidden" name="id" value=c.id/>
                                <div class="field">
                                    <label for="field-decision">{i18n.t("publish-decision")}</label>
                                    <select id="field-decision" name="decision">
                                        {["adopted", "adjusted", "not_retained"].into_iter().map(|d| view! {
                                            <option value=d selected=decision == d>{i18n.t(&format!("decision-{}", d.replace('_', "-")))}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="field-response">{i18n.t("publish-response")}</label>
                                    <span class="field__hint" id="field-response-hint">{i18n.t("consultation-body-hint")}</span>
                                    <textarea id="field-response" name="response" rows="8" aria-describedby="field-response-hint">{response}</textarea>
                                </div>
                                <button type="submit" class="button">{i18n.t("publish-submit")}</button>
                            </form>
                            <form method="post" action=ChangeStatus::PATH>
                                <input type="hidden" name="id" value=c.id/>
                                <input type="hidden" name="action" value="archive"/>
                                <button type="submit" class="button button--secondary">{i18n.t("lifecycle-archive")}</button>
                            </form>
                        }.into_any()
                    }
                    _ => view! { <p>{i18n.t("lifecycle-archived")}</p> }.into_any(),
                };
                let settings = c.editable.then(|| {
                    let feedback = Feedback::of(update).prefixed("settings");
                    view! {
                        <section class="card" aria-labelledby="settings">
                            <h2 id="settings">{i18n.t("consultation-settings")}</h2>
                            <ErrorSummary feedback/>
                            <form class="form" method="post" action=UpdateConsultation::PATH novalidate>
                                <input type="hidden" name="id" value=c.id/>
                                <SettingsFields feedback places=c.places.clone() current=c.clone()/>
                                <button type="submit" class="button">{i18n.t("consultation-save")}</button>
                            </form>
                        </section>
                    }
                });
                let add_feedback = Feedback::of(add).prefixed("new");
                let edit_feedback = Feedback::of(edit).prefixed("edit");
                let action_feedback = Feedback::of(question_action);
                let questions = c.questions.clone().into_iter().map(|q| {
                    let editable = c.editable;
                    let qid = q.id;
                    view! {
                        <li class="question-item">
                            <p><strong>{q.prompt.clone()}</strong> " — " {i18n.t(&kind_label(&q.kind))}</p>
                            {(!q.options.is_empty()).then(|| view! {
                                <ul>{q.options.iter().map(|(_, l)| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
                            })}
                            {editable.then(|| view! {
                                <div class="inline-actions">
                                    {["up", "down", "delete"].into_iter().map(|action| view! {
                                        <form method="post" action=QuestionAction::PATH>
                                            <input type="hidden" name="question_id" value=qid/>
                                            <input type="hidden" name="action" value=action/>
                                            <button type="submit" class="button button--secondary">
                                                {i18n.t(&format!("question-{action}"))}
                                                <span class="visually-hidden">" — " {q.prompt.clone()}</span>
                                            </button>
                                        </form>
                                    }).collect_view()}
                                </div>
                                <details>
                                    <summary>{i18n.t("question-edit")}<span class="visually-hidden">" — " {q.prompt.clone()}</span></summary>
                                    <form class="form" method="post" action=UpdateQuestion::PATH novalidate>
                                        <input type="hidden" name="question_id" value=qid/>
                                        <QuestionFieldsForm feedback=edit_feedback.prefixed(format!("edit-{qid}")) current=q.clone()/>
                                        <button type="submit" class="button">{i18n.t("question-save")}</button>
                                    </form>
                                </details>
                            })}
                        </li>
                    }
                }).collect_view();
                let paper_section = (c.status == "open").then(|| {
                    let feedback = Feedback::of(paper);
                    let chosen = feedback.value("unit_id").unwrap_or_default();
                    let unit_invalid = feedback.field_error("unit_id").is_some();
                    view! {
                        <section class="card" id="papier" aria-labelledby="paper">
                            <h2 id="paper">{i18n.t("paper-title")}</h2>
                            <p>{i18n.t("paper-body")}</p>
                            <ErrorSummary feedback/>
                            <form class="form" method="post" action=RecordPaperBallot::PATH novalidate>
                                <input type="hidden" name="consultation_id" value=c.id/>
                                <div class="field" class:field--invalid=unit_invalid>
                                    <label for="field-unit_id">{i18n.t("paper-unit")}</label>
                                    {feedback.field_error("unit_id").map(|e| view! { <span class="field__error">{i18n.t(&e)}</span> })}
                                    <select id="field-unit_id" name="unit_id">
                                        <option value="">{i18n.t("paper-unit-choose")}</option>
                                        {c.paper_units.iter().map(|(unit, label, voted)| {
                                            let text = if *voted { format!("{label} ({})", i18n.t("paper-voted")) } else { label.clone() };
                                            view! { <option value=*unit selected=chosen == unit.to_string() disabled=*voted>{text}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <BallotQuestions questions=c.questions.clone() feedback/>
                                <button type="submit" class="button">{i18n.t("paper-submit")}</button>
                            </form>
                        </section>
                    }
                });
                view! {
                    <Title text=c.title.clone()/>
                    <div class="page">
                        <p>
                            <a href=format!("/gestion/organisations/{}/consultations", c.organisation_id)>{i18n.t("consultations-admin-title")}</a>
                            " · " {c.organisation.clone()}
                        </p>
                        <h1>{c.title.clone()}</h1>
                        <OkNotice known=&[
                            "consultation-created", "consultation-saved", "question-added", "question-saved", "schedule",
                            "unschedule", "open-now", "extended", "published", "archive", "paper-recorded",
                        ]/>
                        <section class="card" aria-labelledby="lifecycle">
                            <h2 id="lifecycle">{i18n.t("lifecycle-title")} " : " {i18n.t(&format!("status-{}", c.status))}</h2>
                            <ErrorSummary feedback=status_feedback/>
                            {lifecycle}
                            <nav class="actions" aria-label=i18n.t("consultation-links")>
                                <a class="button button--secondary" href=format!("/gestion/consultations/{}/apercu", c.id)>{i18n.t("consultation-preview")}</a>
                                {(c.status != "draft").then(|| view! {
                                    <a class="button button--secondary" href=format!("/consultations/{}", c.id)>{i18n.t("consultation-public-page")}</a>
                                    <a class="button button--secondary" href=format!("/consultations/{}/resultats", c.id)>{i18n.t("results-title")}</a>
                                })}
                            </nav>
                        </section>
                        {paper_section}
                        <section class="card" id="questions" aria-labelledby="questions-title">
                            <h2 id="questions-title">{i18n.t_with("consultation-questions", &[("count", c.questions.len().into())])}</h2>
                            <ErrorSummary feedback=action_feedback/>
                            <ErrorSummary feedback=edit_feedback/>
                            <ol class="question-list">{questions}</ol>
                            {c.editable.then(|| view! {
                                <h3>{i18n.t("question-add")}</h3>
                                <ErrorSummary feedback=add_feedback/>
                                <form class="form" method="post" action=AddQuestion::PATH novalidate>
                                    <input type="hidden" name="consultation_id" value=c.id/>
                                    <QuestionFieldsForm feedback=add_feedback/>
                                    <button type="submit" class="button">{i18n.t("question-add")}</button>
                                </form>
                            })}
                        </section>
                        {settings}
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn PreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let data = by_id(id, get_consultation_admin);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let c = match data.await {
                    Ok(c) => c,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                view! {
                    <Title text=i18n.t("consultation-preview")/>
                    <div class="page page--narrow">
                        <p class="notice notice--warning">{i18n.t("preview-notice")}</p>
                        <h1>{i18n.t_with("ballot-title", &[("title", c.title.clone().into())])}</h1>
                        <p class="lead">{c.summary.clone()}</p>
                        <div class="prose markdown" inner_html=c.body_html.clone()></div>
                        <form class="form ballot" aria-label=i18n.t("consultation-preview")>
                            <BallotQuestions questions=c.questions.clone() feedback=Feedback::none() disabled=true/>
                        </form>
                        <p><a href=format!("/gestion/consultations/{}", c.id)>{i18n.t("preview-back")}</a></p>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}
