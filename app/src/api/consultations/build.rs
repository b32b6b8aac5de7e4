//! Server functions take one argument per form field, so some take many.
#![expect(clippy::too_many_arguments, reason = "one argument per form field")]

use super::QuestionForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A consultation in the back office's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminLine {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub opens: String,
    pub closes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminList {
    pub organisation_id: i64,
    pub organisation: String,
    pub consultations: Vec<AdminLine>,
}

#[server(prefix = "/api", endpoint = "consultations/admin_list", input = GetUrl)]
pub async fn list_consultations(organisation_id: i64) -> Result<AdminList, AppError> {
    use crate::server::{authorise, format_datetime, internal, locale, require_session, state};
    use palier_backend::consultations::{lifecycle, of_organisation};
    use palier_backend::policy::{Permission, Scope};
    let state = state()?;
    let actor = require_session()?.actor;
    let organisation = palier_backend::registry::organisation(&state.db, organisation_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ViewBackOffice, Scope::organisation(organisation_id))?;
    lifecycle::advance_due(&state.db).await.map_err(internal)?;
    let locale = locale();
    Ok(AdminList {
        organisation_id,
        organisation: organisation.name,
        consultations: of_organisation(&state.db, organisation_id)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|c| AdminLine {
                id: c.id,
                title: c.title,
                status: c.status.code().to_owned(),
                opens: format_datetime(c.opens_at, locale),
                closes: format_datetime(c.closes_at, locale),
            })
            .collect(),
    })
}

/// A residence and its buildings, for choosing an audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub residence_id: i64,
    pub residence: String,
    pub buildings: Vec<(i64, String)>,
}

#[cfg(feature = "ssr")]
async fn places(db: &palier_backend::DatabaseConnection, organisation_id: i64) -> Result<Vec<Place>, AppError> {
    use crate::server::internal;
    use palier_backend::registry;
    let mut places = Vec::new();
    for residence in registry::residences_of(db, organisation_id).await.map_err(internal)? {
        let buildings = registry::buildings_of(db, residence.id)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|b| (b.id, b.name))
            .collect();
        places.push(Place { residence_id: residence.id, residence: residence.name, buildings });
    }
    Ok(places)
}

/// The organisation's residences and buildings, for a new consultation.
#[server(prefix = "/api", endpoint = "consultations/places", input = GetUrl)]
pub async fn get_places(organisation_id: i64) -> Result<Vec<Place>, AppError> {
    use crate::server::{authorise, require_session, state};
    use palier_backend::policy::{Permission, Scope};
    let state = state()?;
    let actor = require_session()?.actor;
    authorise(&actor, Permission::ManageRegistry, Scope::organisation(organisation_id))?;
    places(&state.db, organisation_id).await
}

/// A consultation as staff build and run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationAdmin {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    /// The body as tenants see it (sanitised HTML), for the preview.
    pub body_html: String,
    pub scope: String,
    pub residences: Vec<i64>,
    pub buildings: Vec<i64>,
    pub unit: String,
    pub opens_input: String,
    pub closes_input: String,
    pub opens: String,
    pub closes: String,
    pub visibility: String,
    pub quorum: Option<u32>,
    pub status: String,
    pub editable: bool,
    pub questions: Vec<QuestionForm>,
    pub places: Vec<Place>,
    pub eligible: Option<u64>,
    pub participants: u64,
    pub paper_units: Vec<(i64, String, bool)>,
    pub response: String,
    pub decision: String,
}

#[server(prefix = "/api", endpoint = "consultations/admin_get", input = GetUrl)]
pub async fn get_consultation_admin(id: i64) -> Result<ConsultationAdmin, AppError> {
    use crate::server::{authorise, format_datetime, internal, locale, paris_input, require_session, state};
    use palier_backend::consultations::{Audience, definition, lifecycle, results, voting};
    use palier_backend::policy::Permission;
    use palier_domain::consultation::Status;
    let state = state()?;
    let actor = require_session()?.actor;
    lifecycle::advance(&state.db, id).await.map_err(internal)?;
    let definition = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ViewBackOffice, definition.organisation_scope())?;
    let row = &definition.consultation;
    let locale = locale();
    let status = definition.status();
    let (residences, buildings) = match &definition.audience {
        Audience::Organisation => (Vec::new(), Vec::new()),
        Audience::Residences(ids) => (ids.clone(), Vec::new()),
        Audience::Buildings(ids) => (Vec::new(), ids.clone()),
    };
    let participants = if status == Status::Draft || status == Status::Scheduled {
        0
    } else {
        results::participants(&state.db, definition.consultation.id).await.map_err(internal)?
    };
    let paper_units = if status == Status::Open {
        voting::paper_units(&state.db, &definition)
            .await
            .map_err(internal)?
            .into_iter()
            .map(|u| (u.unit_id, u.label, u.voted))
            .collect()
    } else {
        Vec::new()
    };
    Ok(ConsultationAdmin {
        id: row.id,
        organisation_id: row.organisation_id,
        organisation: palier_backend::registry::organisation_name(&state.db, row.organisation_id)
            .await
            .map_err(internal)?
            .unwrap_or_default(),
        title: row.title.clone(),
        summary: row.summary.clone(),
        body: row.body.clone(),
        body_html: palier_backend::markdown::to_safe_html(&row.body),
        scope: row.scope_kind.clone(),
        residences,
        buildings,
        unit: row.voting_unit.clone(),
        opens_input: paris_input(row.opens_at),
        closes_input: paris_input(row.closes_at),
        opens: format_datetime(row.opens_at, locale),
        closes: format_datetime(row.closes_at, locale),
        visibility: row.results_visibility.clone(),
        quorum: row.quorum_percent.and_then(|q| u32::try_from(q).ok()),
        status: status.code().to_owned(),
        editable: status.is_editable(),
        questions: definition.questions.iter().map(QuestionForm::from).collect(),
        places: places(&state.db, row.organisation_id).await?,
        eligible: row.eligible_count.and_then(|n| u64::try_from(n).ok()),
        participants,
        paper_units,
        response: row.response_body.clone().unwrap_or_default(),
        decision: row.response_decision.clone().unwrap_or_default(),
    })
}

/// The fields of the settings form, checked into backend settings.
#[cfg(feature = "ssr")]
fn parse_settings(
    form: &mut crate::error::FormErrors,
    title: &str,
    summary: &str,
    body: &str,
    scope: &str,
    residences: &[i64],
    buildings: &[i64],
    unit: &str,
    opens_at: &str,
    closes_at: &str,
    visibility: &str,
    quorum: &str,
) -> Option<palier_backend::consultations::builder::Settings> {
    use crate::server::parse_paris;
    use palier_backend::consultations::{Audience, Visibility, VotingUnit, builder::Settings};
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let summary = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    for (field, value) in [
        ("title", title.as_str()),
        ("summary", summary.as_str()),
        ("body", body),
        ("scope", scope),
        ("unit", unit),
        ("opens_at", opens_at),
        ("closes_at", closes_at),
        ("visibility", visibility),
        ("quorum", quorum),
    ] {
        form.keep(field, value);
    }
    for id in residences {
        form.keep("residences", &id.to_string());
    }
    for id in buildings {
        form.keep("buildings", &id.to_string());
    }
    if title.is_empty() || title.chars().count() > 200 {
        form.add("title", "error-consultation-title");
    }
    if summary.chars().count() > 500 {
        form.add("summary", "error-text-too-long");
    }
    if body.chars().count() > 20_000 {
        form.add("body", "error-text-too-long");
    }
    let audience = match scope {
        "organisation" => Some(Audience::Organisation),
        "residences" if !residences.is_empty() => Some(Audience::Residences(residences.to_vec())),
        "buildings" if !buildings.is_empty() => Some(Audience::Buildings(buildings.to_vec())),
        _ => None,
    };
    if audience.is_none() {
        form.add("scope", "error-consultation-scope");
    }
    let unit = VotingUnit::parse(unit);
    if unit.is_none() {
        form.add("unit", "error-consultation-unit");
    }
    let opens = parse_paris(opens_at);
    if opens.is_none() {
        form.add("opens_at", "error-datetime");
    }
    let closes = parse_paris(closes_at);
    if closes.is_none() {
        form.add("closes_at", "error-datetime");
    }
    if let (Some(opens), Some(closes)) = (opens, closes)
        && closes <= opens
    {
        form.add("closes_at", "error-closes-before-opens");
    }
    let visibility = Visibility::parse(visibility);
    if visibility.is_none() {
        form.add("visibility", "error-consultation-visibility");
    }
    let quorum_percent = match quorum.trim() {
        "" => Some(None),
        text => text.parse::<u32>().ok().filter(|q| (1..=100).contains(q)).map(Some),
    };
    if quorum_percent.is_none() {
        form.add("quorum", "error-quorum");
    }
    if !form.is_empty() {
        return None;
    }
    Some(Settings {
        title,
        summary,
        body: body.to_owned(),
        audience: audience?,
        unit: unit?,
        opens_at: opens?,
        closes_at: closes?,
        visibility: visibility?,
        quorum_percent: quorum_percent?,
    })
}

#[cfg(feature = "ssr")]
fn build_error(
    error: palier_backend::consultations::builder::BuildError,
    mut form: crate::error::FormErrors,
) -> AppError {
    use palier_backend::consultations::builder::BuildError;
    let message = match error {
        BuildError::NotFound => return AppError::NotFound,
        BuildError::Unexpected(error) => return crate::server::internal(error),
        BuildError::Frozen => "error-consultation-frozen",
        BuildError::BadAudience => "error-consultation-scope",
        BuildError::BadTransition { .. } => "error-consultation-transition",
        BuildError::NoQuestion => "error-consultation-no-question",
        BuildError::QuestionNotReady { .. } => "error-consultation-question-not-ready",
        BuildError::ClosesBeforeOpens => "error-closes-before-opens",
        BuildError::ClosesInThePast => "error-closes-in-past",
        BuildError::NotLater => "error-extend-not-later",
    };
    form.add("consultation", message);
    AppError::Invalid(form)
}

/// Creates a draft consultation.
#[server(prefix = "/api", endpoint = "consultations/create")]
pub async fn create_consultation(
    organisation_id: i64,
    title: String,
    summary: String,
    body: String,
    scope: String,
    #[server(default)] residences: Vec<i64>,
    #[server(default)] buildings: Vec<i64>,
    unit: String,
    opens_at: String,
    closes_at: String,
    visibility: String,
    quorum: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, require_session, state};
    use palier_backend::consultations::builder;
    use palier_backend::policy::{Permission, Scope};
    let state = state()?;
    let actor = require_session()?.actor;
    authorise(&actor, Permission::ManageRegistry, Scope::organisation(organisation_id))?;
    let mut form = FormErrors::new();
    let Some(settings) = parse_settings(
        &mut form,
        &title,
        &summary,
        &body,
        &scope,
        &residences,
        &buildings,
        &unit,
        &opens_at,
        &closes_at,
        &visibility,
        &quorum,
    ) else {
        return Err(AppError::Invalid(form));
    };
    match builder::create(&state.db, actor.user_id, organisation_id, settings).await {
        Ok(row) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{}?ok=consultation-created", row.id));
            Ok(())
        }
        Err(error) => Err(build_error(error, form)),
    }
}

/// Changes a draft's settings.
#[server(prefix = "/api", endpoint = "consultations/update")]
pub async fn update_consultation(
    id: i64,
    title: String,
    summary: String,
    body: String,
    scope: String,
    #[server(default)] residences: Vec<i64>,
    #[server(default)] buildings: Vec<i64>,
    unit: String,
    opens_at: String,
    closes_at: String,
    visibility: String,
    quorum: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::consultations::{builder, definition};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    let current = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, current.organisation_scope())?;
    let mut form = FormErrors::new();
    let Some(settings) = parse_settings(
        &mut form,
        &title,
        &summary,
        &body,
        &scope,
        &residences,
        &buildings,
        &unit,
        &opens_at,
        &closes_at,
        &visibility,
        &quorum,
    ) else {
        return Err(AppError::Invalid(form));
    };
    match builder::update(&state.db, actor.user_id, id, settings).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=consultation-saved"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form)),
    }
}

/// Moves a consultation through its lifecycle: `schedule`, `unschedule`,
/// `open_now` or `archive`.
#[server(prefix = "/api", endpoint = "consultations/transition")]
pub async fn change_status(id: i64, action: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::consultations::{builder, definition};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    let current = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, current.organisation_scope())?;
    let result = match action.as_str() {
        "schedule" => builder::schedule(&state.db, actor.user_id, id).await,
        "unschedule" => builder::unschedule(&state.db, actor.user_id, id).await,
        "open_now" => builder::open_now(&state.db, actor.user_id, id).await,
        "archive" => builder::archive(&state.db, actor.user_id, id).await,
        _ => return Err(AppError::BadRequest),
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok={}", action.replace('_', "-")));
            Ok(())
        }
        Err(error) => Err(build_error(error, FormErrors::new())),
    }
}

/// Moves the closing time of an open consultation later.
#[server(prefix = "/api", endpoint = "consultations/extend")]
pub async fn extend_consultation(id: i64, closes_at: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, parse_paris, require_session, state};
    use palier_backend::consultations::{builder, definition};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    let current = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, current.organisation_scope())?;
    let mut form = FormErrors::new();
    form.keep("new_closes_at", &closes_at);
    let Some(closes) = parse_paris(&closes_at) else {
        form.add("new_closes_at", "error-datetime");
        return Err(AppError::Invalid(form));
    };
    match builder::extend(&state.db, actor.user_id, id, closes).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=extended"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form)),
    }
}

/// Publishes the results with the landlord's response.
#[server(prefix = "/api", endpoint = "consultations/publish")]
pub async fn publish_response(id: i64, response: String, decision: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{authorise, internal, require_session, state};
    use palier_backend::consultations::{Decision, builder, definition};
    use palier_backend::policy::Permission;
    let state = state()?;
    let actor = require_session()?.actor;
    let current = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    authorise(&actor, Permission::ManageRegistry, current.organisation_scope())?;
    let mut form = FormErrors::new();
    form.keep("response", &response);
    form.keep("decision", &decision);
    if response.trim().is_empty() || response.chars().count() > 20_000 {
        form.add("response", "error-response");
    }
    let decision = Decision::parse(&decision);
    if decision.is_none() {
        form.add("decision", "error-decision");
    }
    let Some(decision) = decision.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    match builder::publish(&state.db, actor.user_id, id, response.trim(), decision).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{id}?ok=published"));
            Ok(())
        }
        Err(error) => Err(build_error(error, form)),
    }
}
