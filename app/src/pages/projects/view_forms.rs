//! The forms of a project's page: supporting it, what its author may do
//! (publish, rewrite, add to it, withdraw it), and what the landlord does
//! (the steps of its lifecycle, progress with photos).

use crate::api::projects::add::AddToProject;
use crate::api::projects::answer::AnswerProject;
use crate::api::projects::discard::DiscardProject;
use crate::api::projects::progress::PostProgress;
use crate::api::projects::submit::SubmitProject;
use crate::api::projects::support::SupportProject;
use crate::api::projects::withdraw::WithdrawProject;
use crate::components::files::PhotoField;
use crate::components::form::{ErrorSummary, Feedback, Field, PostForm};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use palier_domain::form::Rule;
use palier_domain::projects::{ProjectPage, Status};

/// The support a project has, towards its threshold, and the button.
#[component]
pub fn SupportBox(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let open = page.status == Status::Submitted;
    let id = page.id;
    let feedback = Feedback::of::<SupportProject>();
    let progress = open.then(|| {
        let value = page.supports.min(page.target);
        view! {
            <progress class="support-progress" value=value max=page.target aria-labelledby="support-count"></progress>
        }
    });
    let count = if open {
        i18n.t_with("project-supports-of", &[("count", page.supports.into()), ("target", page.target.into())])
    } else {
        i18n.t_with("project-supports", &[("count", page.supports.into())])
    };
    let button = if page.rights.can_support && !page.rights.supported {
        Some(
            view! {
                <form method="post" action=SupportProject::PATH>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="button">{i18n.t("project-support")}</button>
                </form>
            }
            .into_any(),
        )
    } else if page.rights.can_support && page.rights.supported {
        Some(
            view! {
                <p class="badge badge--success">{i18n.t("project-supported")}</p>
                <form method="post" action=SupportProject::PATH>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="withdraw" value="1"/>
                    <button type="submit" class="button button--quiet">{i18n.t("project-unsupport")}</button>
                </form>
            }
            .into_any(),
        )
    } else if page.rights.supported {
        Some(view! { <p class="badge badge--success">{i18n.t("project-supported")}</p> }.into_any())
    } else {
        None
    };
    view! {
        <section class="card" id="soutien" aria-labelledby="support-title">
            <h2 id="support-title">{i18n.t("project-support-title")}</h2>
            <ErrorSummary feedback/>
            <p id="support-count">{count}</p>
            {progress}
            {open.then(|| view! { <p class="field__hint">{i18n.t("project-support-hint")}</p> })}
            {button}
        </section>
    }
}

/// What the author may do: publish a draft, rewrite it, add to it, withdraw it.
#[component]
pub fn AuthorActions(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let rights = page.rights.clone();
    if !rights.author {
        return ().into_any();
    }
    let id = page.id;
    let add_feedback = Feedback::of::<AddToProject>();
    let submit_feedback = Feedback::of::<SubmitProject>();
    view! {
        <section class="card" aria-labelledby="author-title">
            <h2 id="author-title">{i18n.t("project-yours")}</h2>
            <ErrorSummary feedback=submit_feedback/>
            <div class="actions">
                {rights.can_submit.then(|| view! {
                    <form method="post" action=SubmitProject::PATH class="inline-form">
                        <input type="hidden" name="id" value=id.to_string()/>
                        <button type="submit" class="button">{i18n.t("project-submit")}</button>
                    </form>
                })}
                {rights.can_edit.then(|| view! {
                    <a class="button button--secondary" href=format!("/projets/{id}/modifier")>{i18n.t("project-edit")}</a>
                })}
            </div>
            {rights.can_add.then(|| view! {
                <h3>{i18n.t("project-add")}</h3>
                <p class="field__hint">{i18n.t("project-add-hint")}</p>
                <PostForm action=AddToProject::PATH feedback=add_feedback>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <Field feedback=add_feedback name="text" label="project-add-label" rows=4 required=true
                        maxlength=5000 rule=Rule::ProjectMessage/>
                    <button type="submit" class="button button--secondary">{i18n.t("project-add-submit")}</button>
                </PostForm>
            })}
            {rights.can_discard.then(|| view! {
                <details class="disclosure">
                    <summary>{i18n.t("project-discard")}</summary>
                    <p>{i18n.t("project-discard-body")}</p>
                    <form method="post" action=DiscardProject::PATH>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <button type="submit" class="button button--danger">{i18n.t("project-discard-confirm")}</button>
                    </form>
                </details>
            })}
            {rights.can_withdraw.then(|| view! {
                <details class="disclosure">
                    <summary>{i18n.t("project-withdraw")}</summary>
                    <p>{i18n.t("project-withdraw-body")}</p>
                    <form method="post" action=WithdrawProject::PATH>
                        <input type="hidden" name="id" value=id.to_string()/>
                        <button type="submit" class="button button--danger">{i18n.t("project-withdraw-confirm")}</button>
                    </form>
                </details>
            })}
        </section>
    }
    .into_any()
}

/// What the landlord's staff may do: the next steps, and progress.
#[component]
pub fn LandlordActions(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let rights = page.rights.clone();
    if rights.actions.is_empty() && !rights.can_post_progress {
        return ().into_any();
    }
    let id = page.id;
    let answer_feedback = Feedback::of::<AnswerProject>().prefixed("answer");
    let progress_feedback = Feedback::of::<PostProgress>().prefixed("progress");
    let actions: Vec<(String, String)> =
        rights.actions.iter().map(|a| (a.code().to_owned(), i18n.t_code("project-action", a.code()))).collect();
    let first = actions.first().map(|(code, _)| code.clone()).unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="landlord-title">
            <h2 id="landlord-title">{i18n.t("project-landlord")}</h2>
            {(!actions.is_empty()).then(|| view! {
                <PostForm action=AnswerProject::PATH feedback=answer_feedback>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <Field feedback=answer_feedback name="action" label="project-answer-action" kind="radio"
                        choices=actions initial=first/>
                    <Field feedback=answer_feedback name="message" label="project-answer-message"
                        hint="project-answer-message-hint" rows=5 maxlength=5000 rule=Rule::OptionalMessage/>
                    <Field feedback=answer_feedback name="spent_cost" label="project-spent" hint="project-spent-hint"
                        kind="number" rule=Rule::ProjectCost/>
                    <button type="submit" class="button">{i18n.t("project-answer-submit")}</button>
                </PostForm>
            })}
            {rights.can_post_progress.then(|| view! {
                <h3>{i18n.t("project-progress")}</h3>
                <ErrorSummary feedback=progress_feedback/>
                <form class="form" method="post" action=PostProgress::PATH enctype="multipart/form-data" novalidate>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <Field feedback=progress_feedback name="message" label="project-progress-message" rows=4
                        required=true maxlength=5000 rule=Rule::ProjectMessage/>
                    <Field feedback=progress_feedback name="cost" label="project-spent" hint="project-spent-hint"
                        kind="number" rule=Rule::ProjectCost/>
                    <PhotoField feedback=progress_feedback/>
                    <button type="submit" class="button button--secondary">{i18n.t("project-progress-submit")}</button>
                </form>
            })}
        </section>
    }
    .into_any()
}
