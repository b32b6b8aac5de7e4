use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::MeetingId;

/// Takes an item off a meeting's agenda.
#[server(prefix = "/api", endpoint = "councils/remove_item")]
pub async fn remove_agenda_item(meeting_id: MeetingId, item_id: i64) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let now = state.clock.now();
    let council = palier_backend::councils::meetings::remove_item(&state.db, &actor, meeting_id, item_id, now).await?;
    leptos_axum::redirect(&format!("{}?ok=item-removed#ordre-du-jour", super::meeting_path(council, meeting_id)));
    Ok(())
}
