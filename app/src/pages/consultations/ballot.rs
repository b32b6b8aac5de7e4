//! Voting: the ballot, its review before it is cast, and the receipt.
//! The ballot posts to the review page's own address (the server hands the
//! answers to it, see `server/src/http/ballot.rs`), so answers never travel
//! in an address.

use crate::api::consultations::cast_ballot::CastBallot;
use crate::api::consultations::get::get_consultation;
use crate::api::consultations::review::get_review;
use crate::api::consultations::take_receipt::take_receipt;
use crate::components::ballot::BallotQuestions;
use crate::components::form::{ErrorSummary, Feedback};
use crate::components::page::{Loaded, PageError, param, with_id};
use crate::error::AppError;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::consultations::ConsultationView;
use palier_domain::ids::ConsultationId;

/// The ballot form of a consultation (also shown again, with errors, by
/// the review page).
#[component]
fn Ballot(page: ConsultationView, feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="field__hint"><a href="/secret-du-vote">{i18n.t("secrecy-link")}</a></p>
        <form class="form ballot" method="post" action=crate::routes::review_path(page.id) novalidate>
            <BallotQuestions questions=page.questions.clone() feedback/>
            <div class="actions">
                <button type="submit" class="button">{i18n.t("ballot-review")}</button>
                <a href=format!("/consultations/{}", page.id)>{i18n.t("ballot-cancel")}</a>
            </div>
        </form>
    }
}

/// Shown instead of a ballot when this person cannot vote now.
fn cannot_vote(i18n: I18n, page: &ConsultationView) -> Option<AnyView> {
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
    let id = param::<ConsultationId>("id");
    view! {
        <Loaded load=move || with_id(id, get_consultation) view=move |page| {
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
        }/>
    }
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    let load = move || async move {
        let page = with_id(id, get_consultation).await?;
        Ok((page, with_id(id, get_review).await))
    };
    view! {
        <Loaded load view=move |(page, review)| {
            let title = i18n.t("review-title");
            let body = match review {
                // The ballot breaks a rule: the form again, with the errors.
                Err(AppError::Invalid(form)) => {
                    let feedback = Feedback::from_error(AppError::Invalid(form));
                    view! {
                        <ErrorSummary feedback/>
                        <Ballot page=page.clone() feedback/>
                    }
                    .into_any()
                }
                Err(error) => view! { <PageError error/> }.into_any(),
                // Opened directly, or came back after a refusal.
                Ok(None) => view! {
                    <ErrorSummary feedback={Feedback::of::<CastBallot>()}/>
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
                        <input type="hidden" name="consultation_id" value=page.id.to_string()/>
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
        }/>
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ConsultationId>("id");
    view! {
        <Title text=i18n.t("receipt-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("receipt-title")}</h1>
            <Loaded load=move || with_id(id, take_receipt) view=move |receipt| {
                let shown = match receipt {
                    Some(code) => view! {
                        <div class="notice notice--success" role="status">
                            <p>{i18n.t("receipt-recorded")}</p>
                        </div>
                        <p>{i18n.t("receipt-yours")}</p>
                        <p class="receipt"><strong>{code}</strong></p>
                        <p>{i18n.t("receipt-explain")}</p>
                        <p>{i18n.t("receipt-once")}</p>
                        <p><a href="/secret-du-vote">{i18n.t("secrecy-link")}</a></p>
                    }
                    .into_any(),
                    None => view! { <p>{i18n.t("receipt-gone")}</p> }.into_any(),
                };
                view! {
                    {shown}
                    <p>
                        <a class="button button--secondary" href=format!("/consultations/{}", id.map(|id| id.to_string()).unwrap_or_default())>
                            {i18n.t("ballot-back")}
                        </a>
                    </p>
                }
            }/>
        </div>
    }
}
