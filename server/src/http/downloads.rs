//! Files people download (data export; later letters and CSV exports). They
//! are plain handlers rather than server functions because they answer with
//! a file, not data for a page; they authorise through the same session and
//! policy.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use palier_app::server::AppState;
use palier_backend::policy::{AccessError, Refusal};
use palier_backend::sessions::CurrentSession;
use palier_domain::consultations::Export;
use palier_domain::ids::{ConsultationId, HouseholdId, ResidenceId};
use palier_domain::registry::LetterChoice;

/// The answer to a download refused by the policy (the same rule as server
/// functions: 403 for the organisation's people, 404 for outsiders).
fn refused(error: AccessError) -> Response {
    match error {
        AccessError::Refused(Refusal::Forbidden) => StatusCode::FORBIDDEN.into_response(),
        AccessError::Refused(Refusal::NotFound) => StatusCode::NOT_FOUND.into_response(),
        AccessError::Db(error) => {
            tracing::error!(error = %format!("{error:#}"), "could not check access to a download");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /compte/mes-donnees.json`: everything Palier keeps about the signed-in
/// person, as a JSON download (the session middleware sends visitors to sign in).
pub async fn my_data(State(state): State<AppState>, session: Option<Extension<CurrentSession>>) -> Response {
    let Some(Extension(session)) = session else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match palier_backend::accounts::export(&state.db, session.actor.user_id).await {
        Ok(Some(export)) => match serde_json::to_string_pretty(&export) {
            Ok(json) => (
                [
                    (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                    (header::CONTENT_DISPOSITION, "attachment; filename=\"palier-mes-donnees.json\""),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                json,
            )
                .into_response(),
            Err(error) => {
                tracing::error!(error = %palier_app::server::cause_chain(&error), "could not serialise a data export");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Ok(None) => StatusCode::UNAUTHORIZED.into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not gather a data export");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The letters form of a residence or household page.
#[derive(Debug, serde::Deserialize)]
pub struct LettersForm {
    which: LetterChoice,
    household_id: Option<HouseholdId>,
}

/// `POST /gestion/residences/{id}/lettres`: issues new invitation codes for
/// the chosen households and answers the printable letters (one A4 page
/// each). The codes appear only in this response.
pub async fn letters(
    State(state): State<AppState>,
    Path(id): Path<ResidenceId>,
    session: Option<Extension<CurrentSession>>,
    Form(form): Form<LettersForm>,
) -> Response {
    use palier_backend::policy::Permission;
    use palier_backend::registry::{self, LetterSelection, RegistryError};
    let Some(Extension(session)) = session else {
        return Redirect::to(&format!("/connexion?retour=/gestion/residences/{id}")).into_response();
    };
    let residence = match registry::access::residence(&state.db, &session.actor, id, Permission::ManageRegistry).await {
        Ok(residence) => residence,
        Err(error) => return refused(error),
    };
    let selection = match (form.which, form.household_id) {
        (LetterChoice::All, _) => LetterSelection::All,
        (LetterChoice::Unclaimed, _) => LetterSelection::Unclaimed,
        (LetterChoice::Household, Some(id)) => LetterSelection::Household(id),
        (LetterChoice::Household, None) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let letters = match registry::issue_letters(
        &state.db,
        &state.codes,
        Some(session.actor.user_id),
        &residence,
        selection,
    )
    .await
    {
        Ok(letters) => letters,
        Err(RegistryError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not issue letters");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let nonce = palier_backend::auth::secret::new_token().plain[..24].to_owned();
    let links = state.settings.links();
    match palier_backend::letters::render(&letters, &residence.name, &links.join(), Some(&nonce)) {
        Ok(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                (header::CACHE_CONTROL, "no-store".to_owned()),
                (
                    header::CONTENT_SECURITY_POLICY,
                    format!("default-src 'none'; style-src 'nonce-{nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
                ),
            ],
            html,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not render letters");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /consultations/{id}/resultats.csv` and `…/bulletins.csv`: the
/// results and the anonymous ballot list, for the organisation's staff,
/// once results may be seen.
pub async fn consultation_csv(
    State(state): State<AppState>,
    Path((id, file)): Path<(ConsultationId, String)>,
    session: Option<Extension<CurrentSession>>,
) -> Response {
    use palier_backend::consultations::access::{Access, open};
    use palier_backend::consultations::results;
    use palier_backend::policy::Permission;
    let Some(Extension(session)) = session else { return StatusCode::UNAUTHORIZED.into_response() };
    // Any other file name is no file of ours.
    let Ok(export) = file.parse::<Export>() else { return StatusCode::NOT_FOUND.into_response() };
    let now = state.clock.now();
    let definition = match open(&state.db, &state.definitions, &state.seal, &session.actor, id, Access::Read, now).await
    {
        Ok(definition) => definition,
        Err(error) => return refused(error),
    };
    // The exports are files of the back office: the rest of the audience
    // is offered no such file (as for any other file name).
    if !session.actor.can(Permission::ViewBackOffice, definition.organisation_scope()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    if !definition.results_visible(now) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let csv = match export {
        // While the vote is open, the same stepped count as the page: an
        // exact count, twice, would show what one ballot added.
        Export::Results => {
            state.live_counts.counted(&state.db, &definition, state.clock.now()).await.map(|r| results::results_csv(&r))
        }
        Export::Ballots if definition.status().is_over() => {
            results::all_ballots(&state.db, &definition).await.map(|b| results::ballots_csv(&definition, &b))
        }
        Export::Ballots => return StatusCode::FORBIDDEN.into_response(),
    };
    match csv {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"consultation-{id}-{}\"", export.file_name()),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            // A byte-order mark so spreadsheet programs read the accents right.
            format!("\u{feff}{csv}"),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not build a CSV export");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `GET /projets/export/projets.csv` and `…/projets.json`: the projects the
/// signed-in person may read (narrowed as the list is, by the same query),
/// as open data: statuses, supports, answer delays; no name, no text but
/// the title.
pub async fn projects_export(
    State(state): State<AppState>,
    Path(file): Path<String>,
    session: Option<Extension<CurrentSession>>,
    axum::extract::Query(filters): axum::extract::Query<palier_domain::projects::Filters>,
) -> Response {
    use palier_backend::projects::list;
    let Some(Extension(session)) = session else { return StatusCode::UNAUTHORIZED.into_response() };
    let csv = match file.as_str() {
        "projets.csv" => true,
        "projets.json" => false,
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let rows = match list::export(&state.db, &session.actor, filters, state.clock.now()).await {
        Ok(rows) => rows,
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not export projects");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let (kind, body) = if csv {
        ("text/csv; charset=utf-8", format!("\u{feff}{}", list::export_csv(&rows)))
    } else {
        ("application/json; charset=utf-8", serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned()))
    };
    (
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// `GET /conseils/{id}/agenda.ics`: a council's meetings of the last year
/// and to come, as an iCalendar feed calendar applications subscribe to
/// (public, like the council's page).
pub async fn council_feed(State(state): State<AppState>, Path((id, file)): Path<(String, String)>) -> Response {
    use palier_backend::councils::CouncilError;
    let (Ok(id), "agenda.ics") = (id.parse::<palier_domain::ids::CouncilId>(), file.as_str()) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mailing = palier_backend::councils::meetings::Mailing {
        links: state.settings.links(),
        organiser: state.mailer.from_address(),
    };
    match palier_backend::councils::meetings::feed(&state.db, &mailing, id, state.clock.now()).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "inline; filename=\"agenda.ics\""),
                (header::CACHE_CONTROL, "public, max-age=900"),
            ],
            body,
        )
            .into_response(),
        Err(CouncilError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not build a council's feed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
