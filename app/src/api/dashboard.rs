//! The signed-in person's home page.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::dashboard::Dashboard;

/// What the signed-in person finds first on their home page.
#[server(prefix = "/api", endpoint = "dashboard", input = GetUrl)]
pub async fn get_dashboard() -> Result<Dashboard, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::dashboard::dashboard(&state.db, &actor, state.clock.now()).await?)
}
