//! Consultations: as tenants (and everyone in their audience) see them —
//! the list, a consultation, the ballot with its review and receipt, the
//! results and the recount list — and the builder staff run them with
//! (`admin`). Every form is a plain HTML form.

pub mod admin;
pub mod ballot;
pub mod list;
pub mod recount;
pub mod results;
pub mod view;

use crate::i18n::I18n;
use leptos::prelude::*;
use palier_domain::consultations::{ConsultationView, Status, Visibility, VotingUnit};

/// A consultation's status as a badge.
pub fn status_badge(i18n: I18n, status: Status) -> impl IntoView + use<> {
    let class = match status {
        Status::Open => "badge badge--success",
        Status::Closed | Status::Published => "badge badge--warning",
        Status::Draft | Status::Scheduled | Status::Archived => "badge",
    };
    view! { <span class=class>{i18n.t_code("status", status.code())}</span> }
}

/// The rules of a consultation, written out.
pub fn rules(i18n: I18n, page: &ConsultationView) -> impl IntoView + use<> {
    let unit = match page.unit {
        VotingUnit::Adult => i18n.t("rule-unit-adult"),
        VotingUnit::Household => i18n.t("rule-unit-household"),
    };
    let visibility = match page.visibility {
        Visibility::Live => i18n.t("rule-results-live"),
        Visibility::AfterClose => i18n.t("rule-results-after-close"),
    };
    let quorum = page.quorum.map(|q| i18n.t_with("rule-quorum", &[("percent", q.into())]));
    let dates = i18n.t_with(
        "rule-dates-value",
        &[("opens", i18n.datetime(page.opens_at).into()), ("closes", i18n.datetime(page.closes_at).into())],
    );
    view! {
        <dl class="facts">
            <dt>{i18n.t("rule-dates")}</dt>
            <dd>{dates}</dd>
            <dt>{i18n.t("rule-unit")}</dt>
            <dd>{unit}</dd>
            <dt>{i18n.t("rule-secret")}</dt>
            <dd>{i18n.t("rule-secret-value")} <a href="/secret-du-vote">{i18n.t("secrecy-link")}</a></dd>
            <dt>{i18n.t("rule-results")}</dt>
            <dd>{visibility}</dd>
            {quorum.map(|q| view! { <dt>{i18n.t("rule-quorum-title")}</dt><dd>{q}</dd> })}
        </dl>
    }
}
