//! `/conseils/{id}`: a council's public page — what it is, whom it covers,
//! who sits on it, its meetings, the calendar to subscribe to — and, for
//! those who act for it, its members and a new meeting.

use super::meeting_line;
use crate::api::councils::add_member::AddCouncilMember;
use crate::api::councils::convene::ConveneMeeting;
use crate::api::councils::get::get_council;
use crate::api::councils::remove_member::RemoveCouncilMember;
use crate::components::form::{Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::councils::{CouncilPage as Page, MemberView, SeatRole};
use palier_domain::form::Rule;
use palier_domain::ids::CouncilId;
use strum::VariantArray as _;

/// The notices a council's page knows (`?ok=…`).
const NOTICES: [&str; 3] = ["council-created", "council-member-added", "council-member-removed"];

#[component]
pub fn CouncilPage() -> impl IntoView {
    let id = param::<CouncilId>("id");
    view! { <Loaded load=move || with_id(id, get_council) view=move |page| view! { <Council page/> }/> }
}

#[component]
fn Council(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let covers = if page.residences.is_empty() {
        i18n.t_with("council-covers-all-of", &[("organisation", page.organisation.clone().into())])
    } else {
        page.residences.join(", ")
    };
    let feed = format!("/conseils/{}/agenda.ics", page.id);
    view! {
        <Title text=page.name.clone()/>
        <article class="page page--narrow">
            <p>{page.organisation.clone()}</p>
            <OkNotice known=NOTICES.to_vec()/>
            <p><span class="badge">{i18n.t_code("council-kind", page.kind.code())}</span></p>
            <h1>{page.name.clone()}</h1>
            <dl class="facts">
                <dt>{i18n.t("council-covers")}</dt>
                <dd>{covers}</dd>
            </dl>
            {(!page.description_html.is_empty()).then(|| view! {
                <div class="prose markdown" inner_html=page.description_html.clone()></div>
            })}
            <section aria-labelledby="upcoming-title">
                <h2 id="upcoming-title">{i18n.t("council-upcoming")}</h2>
                {page.upcoming.is_empty().then(|| view! { <p>{i18n.t("council-no-upcoming")}</p> })}
                <ul>{page.upcoming.iter().map(|m| meeting_line(i18n, m, false)).collect_view()}</ul>
                <p>
                    <a href=feed.clone() download="agenda.ics">{i18n.t("council-feed")}</a>
                    <br/><span class="field__hint">{i18n.t("council-feed-hint")}</span>
                </p>
            </section>
            {page.can_convene.then(|| view! { <Convene id=page.id/> })}
            <Members id=page.id members=page.members.clone() can_edit=page.can_convene/>
            {(!page.past.is_empty()).then(|| view! {
                <section aria-labelledby="past-title">
                    <h2 id="past-title">{i18n.t("council-past")}</h2>
                    <ul>{page.past.iter().map(|m| meeting_line(i18n, m, false)).collect_view()}</ul>
                </section>
            })}
        </article>
    }
}

/// Who sits on the council; for those who act for it, adding and removing.
#[component]
fn Members(id: CouncilId, members: Vec<MemberView>, can_edit: bool) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<AddCouncilMember>().prefixed("member");
    let roles: Vec<(String, String)> =
        SeatRole::VARIANTS.iter().map(|r| (r.code().to_owned(), i18n.t_code("seat-role", r.code()))).collect();
    view! {
        <section id="membres" aria-labelledby="members-title">
            <h2 id="members-title">{i18n.t("council-members")}</h2>
            {members.is_empty().then(|| view! { <p>{i18n.t("council-no-members")}</p> })}
            <ul class="session-list">
                {members.into_iter().map(|m| {
                    let term = m.term_ends.map(|d| {
                        i18n.t_with("council-term-ends", &[("date", d.format("%d/%m/%Y").to_string().into())])
                    });
                    view! {
                        <li class="session-list__item">
                            <p>
                                <strong>{m.name.clone()}</strong> " — " {i18n.t_code("seat-role", m.role.code())}
                                {term.map(|t| view! { <br/><span class="field__hint">{t}</span> })}
                            </p>
                            {can_edit.then(|| view! {
                                <form method="post" action=RemoveCouncilMember::PATH>
                                    <input type="hidden" name="council_id" value=id.to_string()/>
                                    <input type="hidden" name="user_id" value=m.user_id.to_string()/>
                                    <button type="submit" class="button button--quiet">
                                        {i18n.t("council-member-remove")}
                                        <span class="visually-hidden">" " {m.name.clone()}</span>
                                    </button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {can_edit.then(|| view! {
                <details class="disclosure" open=feedback.refused()>
                    <summary>{i18n.t("council-member-add")}</summary>
                    <PostForm action=AddCouncilMember::PATH feedback>
                        <input type="hidden" name="council_id" value=id.to_string()/>
                        <Field feedback name="email" label="council-member-email" hint="council-member-email-hint"
                            kind="email" required=true rule=Rule::Email/>
                        <Field feedback name="role" label="council-member-role" kind="radio" choices=roles
                            initial=SeatRole::Member.code()/>
                        <Field feedback name="term_ends" label="council-member-term" hint="council-member-term-hint"
                            kind="date" rule=Rule::TermEnd/>
                        <button type="submit" class="button button--secondary">{i18n.t("council-member-save")}</button>
                    </PostForm>
                </details>
            })}
        </section>
    }
}

/// Convening a meeting: when, how long, where.
#[component]
fn Convene(id: CouncilId) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<ConveneMeeting>();
    view! {
        <section class="card" aria-labelledby="convene-title">
            <h2 id="convene-title">{i18n.t("meeting-convene")}</h2>
            <p>{i18n.t("meeting-convene-intro")}</p>
            <PostForm action=ConveneMeeting::PATH feedback>
                <input type="hidden" name="council_id" value=id.to_string()/>
                <MeetingFields feedback current=None/>
                <button type="submit" class="button">{i18n.t("meeting-convene-submit")}</button>
            </PostForm>
        </section>
    }
}

/// The fields of a meeting: when (Paris time), how long, where, the video link.
#[component]
pub fn MeetingFields(feedback: Feedback, current: Option<(String, u32, String, String)>) -> impl IntoView {
    let (starts, minutes, place, video) = current.unwrap_or_else(|| (String::new(), 120, String::new(), String::new()));
    view! {
        <Field feedback name="starts_at" label="meeting-starts" hint="consultation-time-hint" kind="datetime-local"
            required=true rule=Rule::DateTime initial=starts/>
        <Field feedback name="minutes" label="meeting-minutes" hint="meeting-minutes-hint" kind="number"
            required=true rule=Rule::MeetingDuration initial=minutes.to_string()/>
        <Field feedback name="place" label="meeting-place" hint="meeting-place-hint" maxlength=200 rule=Rule::Line
            initial=place/>
        <Field feedback name="video_link" label="meeting-video" hint="meeting-video-hint" kind="url" maxlength=500
            rule=Rule::VideoLink initial=video/>
    }
}
