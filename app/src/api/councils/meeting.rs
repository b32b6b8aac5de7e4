use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::councils::MeetingPage;
use palier_domain::ids::{CouncilId, MeetingId};

/// A meeting's public page: when, where, its agenda; for the council's
/// members, their answers.
#[server(prefix = "/api", endpoint = "councils/meeting", input = GetUrl)]
pub async fn get_meeting(council_id: CouncilId, id: MeetingId) -> Result<MeetingPage, AppError> {
    use crate::server::{session, state};
    let state = state()?;
    let actor = session().map(|s| s.actor);
    Ok(palier_backend::councils::meeting_page(&state.db, actor.as_ref(), council_id, id, state.clock.now()).await?)
}
