//! `/gestion/organisations/{org}/moderation`: the reported content of an
//! organisation, first reported first, with what its reporters said; a
//! moderator hides it, restores it, or dismisses the reports.

use crate::api::discussion::decide::Decide;
use crate::api::discussion::queue::moderation_queue;
use crate::components::form::{ErrorSummary, Feedback, OkNotice};
use crate::components::page::{Loaded, Pager, page_number, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::discussion::{Decision, Moderation, QueueItem};
use palier_domain::ids::OrganisationId;

#[component]
pub fn ModerationPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    let page = page_number();
    view! {
        <Loaded load=move || with_id(organisation, move |org| moderation_queue(org, page)) view=move |queue| {
            let base = format!("/gestion/organisations/{}/moderation", queue.organisation_id);
            let org = queue.organisation_id;
            let feedback = Feedback::of::<Decide>();
            view! {
                <Title text=i18n.t("moderation-title")/>
                <div class="page">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {queue.organisation.clone()}</p>
                    <h1>{i18n.t("moderation-title")}</h1>
                    <OkNotice known=&["hide", "restore", "dismiss"]/>
                    <ErrorSummary feedback/>
                    <p class="lead">{i18n.t("moderation-intro")}</p>
                    {queue.items.is_empty().then(|| view! { <p>{i18n.t("moderation-empty")}</p> })}
                    <ul class="card-list">
                        {queue.items.into_iter().map(|item| view! { <Item item org/> }).collect_view()}
                    </ul>
                    <Pager base page=queue.page pages=queue.pages/>
                </div>
            }
        }/>
    }
}

#[component]
fn Item(item: QueueItem, org: OrganisationId) -> impl IntoView {
    let i18n = use_i18n();
    let kind = item.content.kind().code();
    let id = item.content.id().to_string();
    let reasons = item
        .reasons
        .iter()
        .map(|(reason, n)| {
            i18n.t_with(&format!("moderation-reason-{}", reason.code().replace('_', "-")), &[("count", (*n).into())])
        })
        .collect::<Vec<_>>()
        .join(", ");
    let decisions = match item.moderation {
        Moderation::Visible => vec![Decision::Hide, Decision::Dismiss],
        Moderation::Pending => vec![Decision::Hide, Decision::Restore],
        Moderation::Hidden => vec![Decision::Restore],
    };
    view! {
        <li class="card">
            <p>
                <span class="badge">{i18n.t_code("moderation-kind", kind)}</span> " "
                <span class="badge badge--warning">{i18n.t_code("moderation", item.moderation.code())}</span>
            </p>
            <blockquote>{item.excerpt.clone()}</blockquote>
            <dl class="facts">
                <dt>{i18n.t("moderation-author")}</dt>
                <dd>{item.author.clone().unwrap_or_else(|| i18n.t("comment-author-gone"))}</dd>
                <dt>{i18n.t("moderation-reports")}</dt>
                <dd>{i18n.t_with("moderation-reporters", &[("count", item.reporters.into())])} " — " {reasons}</dd>
                <dt>{i18n.t("moderation-since")}</dt>
                <dd>{i18n.datetime(item.first_reported_at)}</dd>
            </dl>
            <div class="inline-actions">
                <a class="button button--quiet" href=item.link.clone()>{i18n.t("moderation-see")}</a>
                {decisions.into_iter().map(|decision| {
                    let class = if decision == Decision::Hide { "button button--danger" } else { "button button--secondary" };
                    view! {
                        <form method="post" action=Decide::PATH>
                            <input type="hidden" name="organisation_id" value=org.to_string()/>
                            <input type="hidden" name="kind" value=kind/>
                            <input type="hidden" name="id" value=id.clone()/>
                            <input type="hidden" name="decision" value=decision.code()/>
                            <button type="submit" class=class>{i18n.t_code("moderation-decision", decision.code())}</button>
                        </form>
                    }
                }).collect_view()}
            </div>
        </li>
    }
}
