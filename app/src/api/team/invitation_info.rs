use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::team::InvitationView;

/// What an invitation link leads to (`None` when it no longer works), and
/// whether someone is signed in to accept it with.
#[server(prefix = "/api", endpoint = "team/invitation_info", input = GetUrl)]
pub async fn get_invitation_info(token: palier_domain::Secret) -> Result<Option<(InvitationView, bool)>, AppError> {
    use crate::server::{session, state};
    let state = state()?;
    let signed_in = session().is_some();
    Ok(palier_backend::team::invitation(&state.db, token.expose()).await?.map(|invitation| (invitation, signed_in)))
}
