use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::MeetingId;

/// Calls a meeting off: members are emailed its cancellation.
#[server(prefix = "/api", endpoint = "councils/cancel")]
pub async fn cancel_meeting(meeting_id: MeetingId) -> Result<(), AppError> {
    use super::server::mailing;
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let now = state.clock.now();
    let council =
        palier_backend::councils::meetings::cancel(&state.db, &mailing(&state), &actor, meeting_id, now).await?;
    state.outbox.wake();
    leptos_axum::redirect(&format!("{}?ok=meeting-cancelled", super::meeting_path(council, meeting_id)));
    Ok(())
}
