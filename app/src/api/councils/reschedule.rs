use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::MeetingId;

/// Moves a meeting to come: members are emailed the updated invitation.
#[server(prefix = "/api", endpoint = "councils/reschedule")]
pub async fn reschedule_meeting(
    meeting_id: MeetingId,
    starts_at: String,
    minutes: Input<u32>,
    #[server(default)] place: String,
    #[server(default)] video_link: String,
) -> Result<(), AppError> {
    use super::server::{council_error, mailing, meeting_draft};
    use crate::error::FormErrors;
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    let Some(draft) = meeting_draft(&mut form, &starts_at, &minutes, &place, &video_link) else {
        return Err(AppError::Invalid(form));
    };
    let now = state.clock.now();
    let council =
        palier_backend::councils::meetings::reschedule(&state.db, &mailing(&state), &actor, meeting_id, draft, now)
            .await
            .map_err(|error| council_error(error, form, "starts_at"))?;
    state.outbox.wake();
    leptos_axum::redirect(&format!("{}?ok=meeting-moved", super::meeting_path(council, meeting_id)));
    Ok(())
}
