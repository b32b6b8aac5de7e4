//! `/projets`: the projects of my residences (staff: of their
//! organisation), filtered by residence, category and status, sorted,
//! paged; with the landlord's answer record and the open-data exports.

use super::{category_text, status_badge};
use crate::api::projects::list::list_projects;
use crate::components::form::OkNotice;
use crate::components::page::{Loaded, Pager, page_number, query};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::attachments::{Photo, Variant};
use palier_domain::discussion::Moderation;
use palier_domain::projects::{Filters, ProjectCard, ProjectsPage, Sort, Status};
use strum::VariantArray as _;

/// The filters the address asks for (what cannot be read is ignored).
fn filters() -> Filters {
    Filters {
        residence: query("residence").and_then(|v| v.parse().ok()),
        category: query("category").and_then(|v| v.parse().ok()),
        status: query("status").and_then(|v| v.parse().ok()),
        sort: query("sort").and_then(|v| v.parse().ok()),
    }
}

/// The address's query for `filters` (without the page).
fn query_of(filters: &Filters) -> String {
    let mut parts = Vec::new();
    if let Some(r) = filters.residence {
        parts.push(format!("residence={r}"));
    }
    if let Some(c) = filters.category {
        parts.push(format!("category={c}"));
    }
    if let Some(s) = filters.status {
        parts.push(format!("status={}", s.code()));
    }
    if let Some(s) = filters.sort {
        parts.push(format!("sort={}", s.code()));
    }
    parts.join("&")
}

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let i18n = use_i18n();
    let filters = filters();
    let page = page_number();
    view! {
        <Title text=i18n.t("projects-title")/>
        <div class="page">
            <h1>{i18n.t("projects-title")}</h1>
            <OkNotice known=&["project-withdrawn", "draft-discarded"]/>
            <p class="lead">{i18n.t("projects-intro")}</p>
            <Loaded load=move || list_projects(filters, page) view=move |list| view! { <ProjectsList list/> }/>
        </div>
    }
}

#[component]
fn ProjectsList(list: ProjectsPage) -> impl IntoView {
    let i18n = use_i18n();
    let query = query_of(&list.filters);
    let base = if query.is_empty() { "/projets".to_owned() } else { format!("/projets?{query}") };
    let export = |ext: &str| {
        if query.is_empty() {
            format!("/projets/export/projets.{ext}")
        } else {
            format!("/projets/export/projets.{ext}?{query}")
        }
    };
    view! {
        {list.can_propose.then(|| view! {
            <p><a class="button" href="/projets/nouveau">{i18n.t("projects-propose")}</a></p>
        })}
        {(!list.drafts.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="drafts">
                <h2 id="drafts">{i18n.t("projects-drafts")}</h2>
                <p class="field__hint">{i18n.t("projects-drafts-hint")}</p>
                <ul>
                    {list.drafts.iter().map(|(id, title)| view! {
                        <li><a href=format!("/projets/{id}")>{title.clone()}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {list.record.map(|r| view! {
            <p class="notice">
                {if r.due == 0 {
                    i18n.t_with("projects-record-none", &[("year", r.year.into())])
                } else {
                    i18n.t_with("projects-record", &[("year", r.year.into()), ("on_time", r.on_time.into()), ("due", r.due.into())])
                }}
            </p>
        })}
        <FiltersForm list=list.clone()/>
        <p role="status">{i18n.t_with("projects-count", &[("count", list.total.into())])}</p>
        <ul class="card-list project-list">
            {list.projects.into_iter().map(|card| view! { <Card card/> }).collect_view()}
        </ul>
        <Pager base page=list.page pages=list.pages/>
        <p class="field__hint">
            {i18n.t("projects-export")} " "
            <a href=export("csv") download>{i18n.t("projects-export-csv")}</a> " · "
            <a href=export("json") download>{i18n.t("projects-export-json")}</a>
        </p>
    }
}

/// The filters, as a form that reloads the page (no JavaScript needed).
#[component]
fn FiltersForm(list: ProjectsPage) -> impl IntoView {
    let i18n = use_i18n();
    let f = list.filters;
    let select = move |name: &'static str,
                       label: &'static str,
                       any: &'static str,
                       options: Vec<(String, String)>,
                       chosen: Option<String>| {
        let id = format!("filter-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{i18n.t(label)}</label>
                <select id=id name=name>
                    <option value="" selected=chosen.is_none()>{i18n.t(any)}</option>
                    {options.into_iter().map(|(value, text)| {
                        let selected = chosen.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let residences = list.residences.iter().map(|(id, name)| (id.to_string(), name.clone())).collect();
    let categories = list.categories.iter().map(|c| (c.id.to_string(), category_text(i18n, &c.name))).collect();
    let statuses =
        Status::LISTED.iter().map(|s| (s.code().to_owned(), i18n.t_code("project-status", s.code()))).collect();
    let sorts: Vec<(String, String)> =
        Sort::VARIANTS.iter().skip(1).map(|s| (s.code().to_owned(), i18n.t_code("projects-sort", s.code()))).collect();
    view! {
        <form class="filters" method="get" action="/projets" aria-label=i18n.t("projects-filters")>
            {(list.residences.len() > 1).then(|| select("residence", "projects-residence", "projects-any-residence", residences, f.residence.map(|r| r.to_string())))}
            {(!list.categories.is_empty()).then(|| select("category", "projects-category", "projects-any-category", categories, f.category.map(|c| c.to_string())))}
            {select("status", "projects-status", "projects-any-status", statuses, f.status.map(|s| s.code().to_owned()))}
            {select("sort", "projects-sort", "projects-sort-newest", sorts, f.sort.filter(|s| *s != Sort::Newest).map(|s| s.code().to_owned()))}
            <button type="submit" class="button button--secondary">{i18n.t("projects-filter")}</button>
        </form>
    }
}

/// A project in the list.
#[component]
fn Card(card: ProjectCard) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/projets/{}", card.id);
    let title =
        if card.moderation == Moderation::Visible { card.title.clone() } else { i18n.t("project-hidden-title") };
    let thumbnail = card.thumbnail.map(|id| {
        let photo = Photo { id, width: 0, height: 0, moderation: Moderation::Visible, reported: false };
        view! { <img class="project-card__photo" src=photo.url(Variant::Thumb) alt="" loading="lazy" width="96" height="72"/> }
    });
    view! {
        <li class="card project-card">
            {thumbnail}
            <div>
                <h2><a href=href>{title}</a></h2>
                <p>
                    {status_badge(i18n, card.status)}
                    {card.overdue.then(|| view! { " " <span class="badge badge--danger">{i18n.t("project-overdue")}</span> })}
                    " " {category_text(i18n, &card.category)} " · " {card.residence.clone()}
                </p>
                <p class="field__hint">{support_line(i18n, &card)} " · " {i18n.t_with("project-comments", &[("count", card.comments.into())])}</p>
            </div>
        </li>
    }
}

fn support_line(i18n: I18n, card: &ProjectCard) -> String {
    if card.status == Status::Submitted {
        i18n.t_with("project-supports-of", &[("count", card.supports.into()), ("target", card.target.into())])
    } else {
        i18n.t_with("project-supports", &[("count", card.supports.into())])
    }
}
