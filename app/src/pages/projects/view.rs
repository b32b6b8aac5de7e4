//! `/projets/{id}`: a project — what it is, where it stands, its support,
//! the landlord's answers and progress on a public timeline, its photos,
//! its discussion — and what the viewer may do there.

use super::view_forms::{AuthorActions, LandlordActions, SupportBox};
use super::{category_text, euros, status_badge};
use crate::api::projects::get::get_project;
use crate::components::discussion::{Comments, ReportForm};
use crate::components::form::OkNotice;
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::attachments::{Photo, Variant};
use palier_domain::discussion::{ContentKind, Moderation};
use palier_domain::ids::ProjectId;
use palier_domain::projects::{Channel, EventKind, ProjectEvent, ProjectPage, Status};

/// The notices a project's page knows (`?ok=…`).
const NOTICES: [&str; 15] = [
    "project-drafted",
    "project-recorded",
    "project-saved",
    "project-published",
    "project-added",
    "project-answered",
    "progress-posted",
    "support-given",
    "support-reached",
    "support-withdrawn",
    "comment-posted",
    "comment-edited",
    "comment-deleted",
    "reported",
    "photo-removed",
];

#[component]
pub fn ProjectPage() -> impl IntoView {
    let id = param::<ProjectId>("id");
    view! { <Loaded load=move || with_id(id, get_project) view=move |page| view! { <Project page/> }/> }
}

#[component]
fn Project(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let shown = !page.title.is_empty();
    let title = if shown { page.title.clone() } else { i18n.t("project-hidden-title") };
    let moderation = (page.moderation != Moderation::Visible).then(|| {
        let message = if shown { "project-hidden-moderator" } else { "project-hidden-notice" };
        view! { <p class="notice notice--warning">{i18n.t_code("moderation", page.moderation.code())} " " {i18n.t(message)}</p> }
    });
    let draft = page.status == Status::Draft;
    view! {
        <Title text=title.clone()/>
        <article class="page page--narrow project">
            <p><a href="/projets">{i18n.t("projects-back")}</a> " · " {page.residence.clone()}</p>
            <OkNotice known=NOTICES.to_vec()/>
            <p>
                {status_badge(i18n, page.status)}
                {page.overdue.then(|| view! { " " <span class="badge badge--danger">{i18n.t("project-overdue")}</span> })}
                " " {category_text(i18n, &page.category)}
            </p>
            <h1>{title}</h1>
            {moderation}
            {draft.then(|| view! { <Draft page=page.clone()/> })}
            {shown.then(|| view! { <div class="prose markdown" inner_html=page.description_html.clone()></div> })}
            <Facts page=page.clone()/>
            <Photos photos=page.photos.clone() can_report=page.rights.can_report/>
            {(!draft).then(|| view! { <SupportBox page=page.clone()/> })}
            <AuthorActions page=page.clone()/>
            <LandlordActions page=page.clone()/>
            <Timeline events=page.events.clone()/>
            {(!draft).then(|| view! { <Comments discussion=page.discussion.clone()/> })}
            {page.rights.can_report.then(|| view! {
                <ReportForm kind=ContentKind::Project id=page.id.get() reported=page.rights.reported/>
            })}
            {(page.rights.reported && !page.rights.can_report).then(|| view! { <p class="field__hint">{i18n.t("report-done")}</p> })}
        </article>
    }
}

/// A draft, for its author: who sees it, what looks alike, and publishing it.
#[component]
fn Draft(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="notice" aria-labelledby="draft-title">
            <h2 id="draft-title" class="notice__title">{i18n.t("project-draft-title")}</h2>
            <p>{i18n.t("project-draft-body")}</p>
            {(!page.similar.is_empty()).then(|| view! {
                <h3>{i18n.t("project-similar-title")}</h3>
                <p>{i18n.t("project-similar-body")}</p>
                <ul>
                    {page.similar.iter().map(|s| view! {
                        <li>
                            <a href=format!("/projets/{}", s.id)>{s.title.clone()}</a> " — "
                            {i18n.t_code("project-status", s.status.code())} ", "
                            {i18n.t_with("project-supports", &[("count", s.supports.into())])}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// Where, for whom, how much, what help, who proposed it, the deadline.
#[component]
fn Facts(page: ProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let place = match &page.building {
        Some(building) => format!("{} — {building}", page.residence),
        None => page.residence.clone(),
    };
    let by = match (&page.author, page.channel) {
        (Some(name), Channel::Online) => i18n.t_with("project-by", &[("name", name.clone().into())]),
        (None, Channel::Online) => i18n.t("project-by-gone"),
        (_, channel) => i18n.t_code("project-by-channel", channel.code()),
    };
    let needs = (!page.needs.is_empty())
        .then(|| page.needs.iter().map(|n| i18n.t_code("project-need", n.code())).collect::<Vec<_>>().join(", "));
    view! {
        <dl class="facts">
            <dt>{i18n.t("project-place")}</dt><dd>{place}</dd>
            <dt>{i18n.t("project-proposed")}</dt>
            <dd>{by} {page.submitted_at.map(|at| view! { " · " {i18n.datetime(at)} })}</dd>
            {page.estimated_cost.map(|cost| view! { <dt>{i18n.t("project-cost")}</dt><dd>{euros(i18n, cost)}</dd> })}
            {page.spent_cost.map(|cost| view! { <dt>{i18n.t("project-spent")}</dt><dd>{euros(i18n, cost)}</dd> })}
            {needs.map(|needs| view! { <dt>{i18n.t("project-needs")}</dt><dd>{needs}</dd> })}
            {page.answer_due_at.filter(|_| page.status == Status::UnderReview).map(|due| view! {
                <dt>{i18n.t("project-due")}</dt>
                <dd>{i18n.datetime(due)} {page.overdue.then(|| view! { " — " <strong>{i18n.t("project-overdue-long")}</strong> })}</dd>
            })}
        </dl>
    }
}

/// Photos, each opening at full size, each reportable.
#[component]
pub fn Photos(photos: Vec<Photo>, can_report: bool) -> impl IntoView {
    let i18n = use_i18n();
    (!photos.is_empty()).then(|| {
        view! {
            <ul class="photos">
                {photos.into_iter().enumerate().map(|(n, photo)| {
                    let alt = i18n.t_with("project-photo", &[("number", (n + 1).into())]);
                    let body = if photo.moderation.shown() {
                        view! {
                            <a href=photo.url(Variant::Display)>
                                <img src=photo.url(Variant::Thumb) alt=alt loading="lazy" width="160" height="120"/>
                            </a>
                        }.into_any()
                    } else {
                        view! { <p class="placeholder">{i18n.t("photo-hidden")}</p> }.into_any()
                    };
                    view! {
                        <li id=format!("photo-{}", photo.id)>
                            {body}
                            {(can_report && photo.moderation.shown()).then(|| view! {
                                <ReportForm kind=ContentKind::Photo id=photo.id.get() reported=photo.reported/>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// The public timeline: publication, review, answers, progress, additions.
#[component]
fn Timeline(events: Vec<ProjectEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card" id="evenements" aria-labelledby="events-title">
            <h2 id="events-title">{i18n.t("project-timeline")}</h2>
            <ol class="timeline">
                {events.into_iter().map(|event| view! {
                    <li>
                        <p class="timeline__when">{i18n.datetime(event.at)}</p>
                        <p><strong>{event_title(i18n, &event)}</strong></p>
                        {(!event.message_html.is_empty()).then(|| view! {
                            <div class="markdown" inner_html=event.message_html.clone()></div>
                        })}
                        {event.cost.map(|cost| view! { <p>{i18n.t("project-spent")} " : " {euros(i18n, cost)}</p> })}
                        <Photos photos=event.photos.clone() can_report=false/>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

fn event_title(i18n: I18n, event: &ProjectEvent) -> String {
    match (event.kind, event.status) {
        (EventKind::Status, Some(status)) => i18n.t_code("project-event", status.code()),
        (EventKind::Progress, _) => i18n.t("project-event-progress"),
        (EventKind::Addition, _) => i18n.t("project-event-addition"),
        (EventKind::Status, None) => i18n.t("project-event-other"),
    }
}
