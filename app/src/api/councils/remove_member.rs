use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::{CouncilId, UserId};

/// Takes a member off a council (its staff, president or secretary).
#[server(prefix = "/api", endpoint = "councils/remove_member")]
pub async fn remove_council_member(council_id: CouncilId, user_id: UserId) -> Result<(), AppError> {
    use crate::server::signed_in;
    let (state, actor) = signed_in()?;
    palier_backend::councils::members::remove(&state.db, &actor, council_id, user_id).await?;
    leptos_axum::redirect(&format!("{}?ok=council-member-removed#membres", super::council_path(council_id)));
    Ok(())
}
