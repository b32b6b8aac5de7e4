use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::MeetingId;

/// Emails each member the convocation, with its agenda and invitation (once
/// per version of the meeting, however often it is asked).
#[server(prefix = "/api", endpoint = "councils/send_convocations")]
pub async fn send_convocations(meeting_id: MeetingId) -> Result<(), AppError> {
    use super::server::mailing;
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let (council, _) =
        palier_backend::councils::meetings::send_convocations(&state.db, &mailing(&state), &actor, meeting_id).await?;
    state.outbox.wake();
    leptos_axum::redirect(&format!("{}?ok=convocations-sent", super::meeting_path(council, meeting_id)));
    Ok(())
}
