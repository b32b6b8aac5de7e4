use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::councils::CouncilPage;
use palier_domain::ids::CouncilId;

/// A council's public page: who sits on it, its meetings.
#[server(prefix = "/api", endpoint = "councils/get", input = GetUrl)]
pub async fn get_council(id: CouncilId) -> Result<CouncilPage, AppError> {
    use crate::server::{session, state};
    let state = state()?;
    let actor = session().map(|s| s.actor);
    Ok(palier_backend::councils::page(&state.db, actor.as_ref(), id, state.clock.now()).await?)
}
