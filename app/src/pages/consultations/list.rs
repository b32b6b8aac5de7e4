//! `/consultations`: the consultations for my homes.

use super::status_badge;
use crate::api::consultations::mine::my_consultations;
use crate::components::page::Loaded;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use palier_domain::consultations::{Status, TenantLine};

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("consultations-title")/>
        <div class="page">
            <h1>{i18n.t("consultations-title")}</h1>
            <Loaded load=my_consultations view=move |list| {
                if list.is_empty() {
                    return view! { <p>{i18n.t("consultations-none")}</p> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {list.into_iter().map(|line| view! { <ConsultationCard line/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </div>
    }
}

/// A consultation as a tenant sees it in a list: its status, until when,
/// and whether their home has voted or may vote now.
#[component]
pub fn ConsultationCard(
    line: TenantLine,
    /// Under a section's heading (the title is then a third-level heading).
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let c = line.summary;
    let open = c.status == Status::Open;
    let when = match c.status {
        Status::Open => i18n.t_with("consultations-until", &[("when", i18n.datetime(c.closes_at).into())]),
        Status::Scheduled => i18n.t_with("consultations-from", &[("when", i18n.datetime(c.opens_at).into())]),
        _ => i18n.t_with("consultations-closed-on", &[("when", i18n.datetime(c.closes_at).into())]),
    };
    view! {
        <li class="card">
            {
                let title = view! { <a href=format!("/consultations/{}", c.id)>{c.title.clone()}</a> };
                if nested { view! { <h3>{title}</h3> }.into_any() } else { view! { <h2>{title}</h2> }.into_any() }
            }
            <p>{status_badge(i18n, c.status)} " " {c.summary.clone()}</p>
            <p class="field__hint">{when}</p>
            {(open && line.voted).then(|| view! { <p class="badge badge--success">{i18n.t("consultation-voted")}</p> })}
            {(open && !line.voted && line.eligible).then(|| view! {
                <a class="button" href=format!("/consultations/{}/voter", c.id)>{i18n.t("consultation-vote")}</a>
            })}
        </li>
    }
}
