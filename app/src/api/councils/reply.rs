use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::councils::Reply;
use palier_domain::form::Input;
use palier_domain::ids::MeetingId;

/// A member answers a convocation: present or excused.
#[server(prefix = "/api", endpoint = "councils/reply")]
pub async fn reply_to_meeting(meeting_id: MeetingId, reply: Input<Reply>) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    let Some(answer) = reply.value().copied() else { return Err(AppError::BadRequest) };
    let council =
        palier_backend::councils::meetings::reply(&state.db, &actor, meeting_id, answer, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?ok=reply-{}#reponse", super::meeting_path(council, meeting_id), answer.code()));
    Ok(())
}
