//! `/conseils/{id}/reunions/{meeting}`: a meeting — when, where, its agenda
//! — and what the viewer may do there: a member answers the convocation;
//! who acts for the council sets the agenda, sends the convocations, moves
//! or calls off the meeting.

use super::council::MeetingFields;
use crate::api::councils::add_item::AddAgendaItem;
use crate::api::councils::cancel::CancelMeeting;
use crate::api::councils::meeting::get_meeting;
use crate::api::councils::remove_item::RemoveAgendaItem;
use crate::api::councils::reply::ReplyToMeeting;
use crate::api::councils::reschedule::RescheduleMeeting;
use crate::api::councils::send_convocations::SendConvocations;
use crate::api::councils::{council_path, meeting_path};
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::councils::{MeetingPage as Page, MeetingStatus, Reply};
use palier_domain::form::Rule;
use palier_domain::ids::{CouncilId, MeetingId};
use strum::VariantArray as _;

/// The notices a meeting's page knows (`?ok=…`).
const NOTICES: [&str; 8] = [
    "meeting-convened",
    "meeting-moved",
    "meeting-cancelled",
    "convocations-sent",
    "item-added",
    "item-removed",
    "reply-present",
    "reply-excused",
];

#[component]
pub fn MeetingPage() -> impl IntoView {
    let council = param::<CouncilId>("id");
    let id = param::<MeetingId>("meeting");
    let load = move || async move {
        match (council, id) {
            (Some(council), Some(id)) => get_meeting(council, id).await,
            _ => Err(AppError::NotFound),
        }
    };
    view! { <Loaded load view=move |page| view! { <Meeting page/> }/> }
}

#[component]
fn Meeting(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let when = i18n.datetime(page.starts_at);
    let title =
        i18n.t_with("meeting-title", &[("council", page.council.clone().into()), ("when", when.clone().into())]);
    let planned = page.status == MeetingStatus::Planned;
    let open = planned && !page.held;
    let ends = palier_domain::time::paris_hour(page.ends_at);
    view! {
        <Title text=title.clone()/>
        <article class="page page--narrow">
            <p><a href=council_path(page.council_id)>{page.council.clone()}</a></p>
            <OkNotice known=NOTICES.to_vec()/>
            {(!planned).then(|| view! { <p><span class="badge badge--danger">{i18n.t("meeting-status-cancelled")}</span></p> })}
            <h1>{title}</h1>
            {(!planned).then(|| view! { <p class="notice notice--warning">{i18n.t("meeting-cancelled-notice")}</p> })}
            {(planned && page.held).then(|| view! { <p class="notice">{i18n.t("meeting-held-notice")}</p> })}
            <dl class="facts">
                <dt>{i18n.t("meeting-when")}</dt>
                <dd>{i18n.t_with("meeting-when-value", &[("when", when.into()), ("ends", ends.into())])}</dd>
                {(!page.place.is_empty()).then(|| view! {
                    <dt>{i18n.t("meeting-place")}</dt>
                    <dd>{page.place.clone()}</dd>
                })}
                {(!page.video_link.is_empty()).then(|| view! {
                    <dt>{i18n.t("meeting-video")}</dt>
                    <dd><a href=page.video_link.clone() rel="noopener noreferrer">{page.video_link.clone()}</a></dd>
                })}
            </dl>
            <Agenda page=page.clone() open/>
            {(page.member && open).then(|| view! { <Answer page=page.clone()/> })}
            {(!page.replies.is_empty()).then(|| view! { <Replies page=page.clone()/> })}
            {(page.can_convene && open).then(|| view! { <Manage page=page.clone()/> })}
        </article>
    }
}

/// The agenda, in order, with the expected minutes; for who acts for the
/// council, removing and adding items.
#[component]
fn Agenda(page: Page, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let edit = page.can_convene && open;
    let feedback = Feedback::of::<AddAgendaItem>().prefixed("item");
    let total: u32 = page.agenda.iter().map(|i| i.minutes).sum();
    view! {
        <section id="ordre-du-jour" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{i18n.t("meeting-agenda")}</h2>
            {page.agenda.is_empty().then(|| view! { <p>{i18n.t("meeting-agenda-empty")}</p> })}
            <ol class="question-list">
                {page.agenda.iter().map(|item| view! {
                    <li class="question">
                        <h3>{item.title.clone()}</h3>
                        <p class="field__hint">
                            {i18n.t_with("meeting-item-minutes", &[("minutes", item.minutes.into())])}
                            {(!item.presenter.is_empty()).then(|| format!(" — {}", item.presenter))}
                        </p>
                        {(!item.description.is_empty()).then(|| view! { <p class="prose">{item.description.clone()}</p> })}
                        {edit.then(|| view! {
                            <form method="post" action=RemoveAgendaItem::PATH>
                                <input type="hidden" name="meeting_id" value=page.id.to_string()/>
                                <input type="hidden" name="item_id" value=item.id.to_string()/>
                                <button type="submit" class="button button--quiet">
                                    {i18n.t("meeting-item-remove")}
                                    <span class="visually-hidden">" " {item.title.clone()}</span>
                                </button>
                            </form>
                        })}
                    </li>
                }).collect_view()}
            </ol>
            {(!page.agenda.is_empty()).then(|| {
                i18n.t_with("meeting-agenda-total", &[("minutes", total.into())])
            }).map(|t| view! { <p>{t}</p> })}
            {(!page.fits).then(|| view! {
                <p class="notice notice--warning" role="status">{i18n.t("meeting-agenda-too-long")}</p>
            })}
            {edit.then(|| view! {
                <details class="disclosure" open=feedback.refused()>
                    <summary>{i18n.t("meeting-item-add")}</summary>
                    <PostForm action=AddAgendaItem::PATH feedback>
                        <input type="hidden" name="meeting_id" value=page.id.to_string()/>
                        <Field feedback name="title" label="meeting-item-title" required=true maxlength=200
                            rule=Rule::AgendaTitle/>
                        <Field feedback name="description" label="meeting-item-description" rows=3 maxlength=2000
                            rule=Rule::ShortText/>
                        <Field feedback name="presenter" label="meeting-item-presenter" hint="meeting-item-presenter-hint"
                            maxlength=200 rule=Rule::Line/>
                        <Field feedback name="minutes" label="meeting-item-duration" kind="number" required=true
                            rule=Rule::AgendaMinutes initial="15"/>
                        <button type="submit" class="button button--secondary">{i18n.t("meeting-item-save")}</button>
                    </PostForm>
                </details>
            })}
        </section>
    }
}

/// A member answers: present or excused.
#[component]
fn Answer(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<ReplyToMeeting>();
    let current = page.my_reply.map(|r| i18n.t_code("meeting-reply-is", r.code()));
    let choices: Vec<(String, String)> =
        Reply::VARIANTS.iter().map(|r| (r.code().to_owned(), i18n.t_code("meeting-reply", r.code()))).collect();
    let initial = page.my_reply.unwrap_or(Reply::Present).code();
    view! {
        <section id="reponse" class="card" aria-labelledby="answer-title">
            <h2 id="answer-title">{i18n.t("meeting-answer")}</h2>
            {current.map(|c| view! { <p>{c}</p> })}
            <PostForm action=ReplyToMeeting::PATH feedback>
                <input type="hidden" name="meeting_id" value=page.id.to_string()/>
                <Field feedback name="reply" label="meeting-answer-label" kind="radio" choices initial/>
                <button type="submit" class="button">{i18n.t("meeting-answer-submit")}</button>
            </PostForm>
        </section>
    }
}

/// Members' answers, for the council's members and its staff.
#[component]
fn Replies(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="replies-title">
            <h2 id="replies-title">{i18n.t("meeting-replies")}</h2>
            <ul>
                {page.replies.iter().map(|(name, reply)| {
                    let answer = match reply {
                        Some(r) => i18n.t_code("meeting-reply", r.code()),
                        None => i18n.t("meeting-reply-none"),
                    };
                    view! { <li>{name.clone()} " — " {answer}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Sending the convocations, moving and calling off the meeting.
#[component]
fn Manage(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let moved = Feedback::of::<RescheduleMeeting>().prefixed("move");
    let current = (
        palier_domain::time::paris_input(page.starts_at),
        u32::try_from((page.ends_at - page.starts_at).num_minutes()).unwrap_or(120),
        page.place.clone(),
        page.video_link.clone(),
    );
    let id = page.id.to_string();
    let move_id = id.clone();
    let link = meeting_path(page.council_id, page.id);
    let sent = Feedback::of::<SendConvocations>();
    let cancelled = Feedback::of::<CancelMeeting>();
    view! {
        <section class="card" aria-labelledby="manage-title">
            <h2 id="manage-title">{i18n.t("meeting-manage")}</h2>
            <ErrorSummary feedback=sent/>
            <ErrorSummary feedback=cancelled/>
            <p>{i18n.t("meeting-convocations-intro")}</p>
            <form method="post" action=SendConvocations::PATH>
                <input type="hidden" name="meeting_id" value=id.clone()/>
                <button type="submit" class="button">{i18n.t("meeting-convocations-send")}</button>
            </form>
            <details class="disclosure" open=moved.refused()>
                <summary>{i18n.t("meeting-move")}</summary>
                <p>{i18n.t("meeting-move-intro")}</p>
                <PostForm action=RescheduleMeeting::PATH feedback=moved>
                    <input type="hidden" name="meeting_id" value=move_id/>
                    <MeetingFields feedback=moved current=Some(current)/>
                    <button type="submit" class="button button--secondary">{i18n.t("meeting-move-submit")}</button>
                </PostForm>
            </details>
            <details class="disclosure">
                <summary>{i18n.t("meeting-cancel")}</summary>
                <p>{i18n.t("meeting-cancel-intro")}</p>
                <form method="post" action=CancelMeeting::PATH>
                    <input type="hidden" name="meeting_id" value=id/>
                    <button type="submit" class="button button--danger">{i18n.t("meeting-cancel-submit")}</button>
                </form>
            </details>
            <p class="field__hint"><a href=link>{i18n.t("meeting-permalink")}</a></p>
        </section>
    }
}
