use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::registry::Home;

/// The households the signed-in person joined.
#[server(prefix = "/api", endpoint = "registry/my_homes", input = GetUrl)]
pub async fn my_homes() -> Result<Vec<Home>, AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    Ok(palier_backend::registry::homes_of(&state.db, actor.user_id).await?)
}
