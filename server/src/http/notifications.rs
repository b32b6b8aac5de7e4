//! Notification links that are plain HTTP rather than pages: opening a
//! notification (mark it read, go where it leads) and the one-click
//! unsubscribe of mail clients (RFC 8058).

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use palier_app::server::AppState;
use palier_backend::sessions::CurrentSession;
use palier_domain::ids::NotificationId;

/// `GET /notifications/{id}/ouvrir`: marks my notification read and sends me
/// to its page. Someone else's notification does not exist for me.
pub async fn open(
    State(state): State<AppState>,
    Path(id): Path<NotificationId>,
    session: Option<Extension<CurrentSession>>,
) -> Response {
    let Some(Extension(session)) = session else {
        return Redirect::to(&format!("/connexion?retour=/notifications/{id}/ouvrir")).into_response();
    };
    match palier_backend::notifications::open(&state.db, session.actor.user_id, id).await {
        // Links are stored as local paths; anything else goes to the list.
        Ok(Some(link)) if link.starts_with('/') && !link.starts_with("//") => Redirect::to(&link).into_response(),
        Ok(Some(_)) => Redirect::to("/notifications").into_response(),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Notification introuvable</title>\
             </head><body><h1>Notification introuvable</h1><p>Cette notification n'existe pas ou n'est pas la vôtre.</p>\
             <p lang=\"en\">Notification not found: it does not exist or is not yours.</p>\
             <p><a href=\"/notifications\">Mes notifications / My notifications</a></p></body></html>",
        )
            .into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not open a notification");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct UnsubscribeQuery {
    jeton: Option<String>,
}

/// `POST /desabonnement?jeton=…`, as a mail client sends it from the
/// `List-Unsubscribe-Post` header: stops the emails at once, no page.
pub async fn one_click(State(state): State<AppState>, Query(query): Query<UnsubscribeQuery>) -> Response {
    let token = query.jeton.unwrap_or_default();
    match palier_backend::notifications::unsubscribe::apply(&state.db, &state.settings.unsubscribe_key, &token).await {
        Ok(Some(_)) => {
            ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "Désabonnement confirmé. / Unsubscribed.\n")
                .into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Lien de désabonnement invalide. / Invalid unsubscribe link.\n",
        )
            .into_response(),
        Err(error) => {
            tracing::error!(error = %palier_app::server::cause_chain(&error), "could not apply an unsubscribe link");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
