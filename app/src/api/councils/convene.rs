use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::CouncilId;

/// Convenes a meeting of a council (its staff, president or secretary): when
/// (Paris time), for how long, where or by which video link.
#[server(prefix = "/api", endpoint = "councils/convene")]
pub async fn convene_meeting(
    council_id: CouncilId,
    starts_at: String,
    minutes: Input<u32>,
    #[server(default)] place: String,
    #[server(default)] video_link: String,
) -> Result<(), AppError> {
    use super::server::{council_error, meeting_draft};
    use crate::error::FormErrors;
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::councils::acting(&state.db, &actor, council_id).await?;
    let mut form = FormErrors::new();
    let Some(draft) = meeting_draft(&mut form, &starts_at, &minutes, &place, &video_link) else {
        return Err(AppError::Invalid(form));
    };
    let id = palier_backend::councils::meetings::convene(&state.db, &actor, council_id, draft, state.clock.now())
        .await
        .map_err(|error| council_error(error, form, "starts_at"))?;
    leptos_axum::redirect(&format!("{}?ok=meeting-convened", super::meeting_path(council_id, id)));
    Ok(())
}
