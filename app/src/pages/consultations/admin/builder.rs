//! `/gestion/consultations/{id}`: one consultation as staff run it — its
//! lifecycle, paper ballots while it is open, its questions and settings.

use super::questions::{QuestionFieldsForm, QuestionItem};
use super::settings::SettingsFields;
use crate::api::consultations::add_question::AddQuestion;
use crate::api::consultations::change_status::ChangeStatus;
use crate::api::consultations::extend::ExtendConsultation;
use crate::api::consultations::get_admin::get_consultation_admin;
use crate::api::consultations::publish::PublishResponse;
use crate::api::consultations::question_action::QuestionAction;
use crate::api::consultations::record_paper_ballot::RecordPaperBallot;
use crate::api::consultations::update::UpdateConsultation;
use crate::api::consultations::update_question::UpdateQuestion;
use crate::components::ballot::BallotQuestions;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::consultations::{ConsultationAdmin, Decision, Status, StatusAction};
use palier_domain::form::Rule;
use palier_domain::ids::ConsultationId;
use palier_domain::time::paris_input;
use strum::VariantArray as _;

/// A one-button form that moves the consultation through its lifecycle.
fn status_button(
    i18n: I18n,
    id: ConsultationId,
    action: StatusAction,
    label: &'static str,
    secondary: bool,
) -> impl IntoView + use<> {
    let class = if secondary { "button button--secondary" } else { "button" };
    view! {
        <form method="post" action=ChangeStatus::PATH>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="action" value=action.code()/>
            <button type="submit" class=class>{i18n.t(label)}</button>
        </form>
    }
}

/// What can be done now, by status.
fn lifecycle(i18n: I18n, c: &ConsultationAdmin) -> AnyView {
    let eligible = c.eligible.unwrap_or(0);
    match c.status {
        Status::Draft => view! {
            <p>{i18n.t("lifecycle-draft")}</p>
            {status_button(i18n, c.id, StatusAction::Schedule, "lifecycle-schedule", false)}
        }
        .into_any(),
        Status::Scheduled => view! {
            <p>{i18n.t_with("lifecycle-scheduled", &[("when", i18n.datetime(c.opens_at).into())])}</p>
            <div class="inline-actions">
                {status_button(i18n, c.id, StatusAction::OpenNow, "lifecycle-open-now", false)}
                {status_button(i18n, c.id, StatusAction::Unschedule, "lifecycle-unschedule", true)}
            </div>
        }
        .into_any(),
        Status::Open => {
            let feedback = Feedback::of::<ExtendConsultation>();
            let (id, closes) = (c.id, paris_input(c.closes_at));
            let counts = [
                ("when", i18n.datetime(c.closes_at).into()),
                ("participants", c.participants.into()),
                ("eligible", eligible.into()),
                ("k", c.live_step.into()),
            ];
            view! {
                <p>{i18n.t_with("lifecycle-open", &counts)}</p>
                <PostForm action=ExtendConsultation::PATH feedback>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <Field feedback name="closes_at" label="lifecycle-extend-label" hint="lifecycle-extend-hint"
                        kind="datetime-local" initial=closes required=true rule=Rule::DateTime/>
                    <button type="submit" class="button button--secondary">{i18n.t("lifecycle-extend")}</button>
                </PostForm>
            }
            .into_any()
        }
        Status::Closed | Status::Published => {
            let feedback = Feedback::of::<PublishResponse>();
            let decision = feedback
                .value("decision")
                .unwrap_or_else(|| c.decision.map(|d| d.code().to_owned()).unwrap_or_default());
            let counts = [("participants", c.participants.into()), ("eligible", eligible.into())];
            let (id, response) = (c.id, c.response.clone());
            view! {
                <p>{i18n.t_with("lifecycle-closed", &counts)}</p>
                <h3>{i18n.t("publish-title")}</h3>
                <PostForm action=PublishResponse::PATH feedback>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <Field feedback name="decision" label="publish-decision" initial=decision
                        choices=Decision::VARIANTS
                            .iter()
                            .map(|d| (d.code().to_owned(), i18n.t_code("decision", d.code())))
                            .collect()/>
                    <Field feedback name="response" label="publish-response" hint="consultation-body-hint" rows=8
                        rule=Rule::Response initial=response/>
                    <button type="submit" class="button">{i18n.t("publish-submit")}</button>
                </PostForm>
                {status_button(i18n, c.id, StatusAction::Archive, "lifecycle-archive", true)}
            }
            .into_any()
        }
        Status::Archived => view! { <p>{i18n.t("lifecycle-archived")}</p> }.into_any(),
    }
}

/// While voting is open: recording a paper ballot for one unit.
fn paper_section(i18n: I18n, c: &ConsultationAdmin) -> impl IntoView + use<> {
    let feedback = Feedback::of::<RecordPaperBallot>();
    let (id, units, questions) = (c.id, c.paper_units.clone(), c.questions.clone());
    let choices = units.iter().map(|unit| (unit.unit_id.to_string(), unit.label.clone())).collect();
    view! {
        <section class="card" id="papier" aria-labelledby="paper">
            <h2 id="paper">{i18n.t("paper-title")}</h2>
            <p>{i18n.t("paper-body")}</p>
            <PostForm action=RecordPaperBallot::PATH feedback>
                <input type="hidden" name="consultation_id" value=id.to_string()/>
                <Field feedback name="unit_id" label="paper-unit" choices placeholder="paper-unit-choose"
                    rule=Rule::PaperUnit/>
                <BallotQuestions questions feedback/>
                <button type="submit" class="button">{i18n.t("paper-submit")}</button>
            </PostForm>
        </section>
    }
}

#[component]
pub fn ConsultationAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    view! {
        <Loaded load=move || with_id(id, get_consultation_admin) view=move |c| {
            let editable = c.status.is_editable();
            let consultation_id = c.id.to_string();
            let add_feedback = Feedback::of::<AddQuestion>().prefixed("new");
            let edit_feedback = Feedback::of::<UpdateQuestion>().prefixed("edit");
            let settings = editable.then(|| {
                let feedback = Feedback::of::<UpdateConsultation>().prefixed("settings");
                let (id, places, current) = (c.id, c.places.clone(), c.clone());
                view! {
                    <section class="card" aria-labelledby="settings">
                        <h2 id="settings">{i18n.t("consultation-settings")}</h2>
                        <PostForm action=UpdateConsultation::PATH feedback>
                            <input type="hidden" name="id" value=id.to_string()/>
                            <SettingsFields feedback places current/>
                            <button type="submit" class="button">{i18n.t("consultation-save")}</button>
                        </PostForm>
                    </section>
                }
            });
            let questions = c.questions.iter().cloned()
                .map(|question| view! { <QuestionItem question editable feedback=edit_feedback/> })
                .collect_view();
            view! {
                <Title text=c.title.clone()/>
                <div class="page">
                    <p>
                        <a href=format!("/gestion/organisations/{}/consultations", c.organisation_id)>{i18n.t("consultations-admin-title")}</a>
                        " · " {c.organisation.clone()}
                    </p>
                    <h1>{c.title.clone()}</h1>
                    <OkNotice known={
                        let mut known = vec![
                            "consultation-created", "consultation-saved", "question-added", "question-saved", "extended",
                            "published", "paper-recorded",
                        ];
                        known.extend(StatusAction::VARIANTS.iter().map(|action| action.code()));
                        known
                    }/>
                    <section class="card" aria-labelledby="lifecycle">
                        <h2 id="lifecycle">{i18n.t("lifecycle-title")} " : " {i18n.t_code("status", c.status.code())}</h2>
                        <ErrorSummary feedback={Feedback::of::<ChangeStatus>()}/>
                        {lifecycle(i18n, &c)}
                        <nav class="actions" aria-label=i18n.t("consultation-links")>
                            <a class="button button--secondary" href=format!("/gestion/consultations/{}/apercu", c.id)>{i18n.t("consultation-preview")}</a>
                            {(c.status != Status::Draft).then(|| view! {
                                <a class="button button--secondary" href=format!("/consultations/{}", c.id)>{i18n.t("consultation-public-page")}</a>
                                <a class="button button--secondary" href=format!("/consultations/{}/resultats", c.id)>{i18n.t("results-title")}</a>
                            })}
                        </nav>
                    </section>
                    {(c.status == Status::Open).then(|| paper_section(i18n, &c))}
                    <section class="card" id="questions" aria-labelledby="questions-title">
                        <h2 id="questions-title">{i18n.t_with("consultation-questions", &[("count", c.questions.len().into())])}</h2>
                        <ErrorSummary feedback={Feedback::of::<QuestionAction>()}/>
                        // A refused edit shows in its question's form; here only
                        // when the answer does not say which question it was.
                        {edit_feedback.value("question_id").is_none().then(|| view! { <ErrorSummary feedback=edit_feedback/> })}
                        <ol class="question-list">{questions}</ol>
                        {editable.then(|| view! {
                            <h3>{i18n.t("question-add")}</h3>
                            <PostForm action=AddQuestion::PATH feedback=add_feedback>
                                <input type="hidden" name="consultation_id" value=consultation_id.clone()/>
                                <QuestionFieldsForm feedback=add_feedback/>
                                <button type="submit" class="button">{i18n.t("question-add")}</button>
                            </PostForm>
                        })}
                    </section>
                    {settings}
                </div>
            }
        }/>
    }
}
