use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::councils::SeatRole;
use palier_domain::form::Input;
use palier_domain::ids::CouncilId;

/// Adds a person (by the address of their account) to a council with a role
/// and a term, or changes theirs (its staff, president or secretary).
#[server(prefix = "/api", endpoint = "councils/add_member")]
pub async fn add_council_member(
    council_id: CouncilId,
    email: String,
    role: Input<SeatRole>,
    #[server(default)] term_ends: String,
) -> Result<(), AppError> {
    use super::server::council_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_domain::councils::form::MemberDraft;
    let (state, actor) = signed_in()?;
    palier_backend::councils::acting(&state.db, &actor, council_id).await?;
    let mut form = FormErrors::new();
    let Some(draft) = MemberDraft::parse(&mut form, &email, &role, &term_ends) else {
        return Err(AppError::Invalid(form));
    };
    palier_backend::councils::members::add(&state.db, &actor, council_id, draft, state.clock.now())
        .await
        .map_err(|error| council_error(error, form, "email"))?;
    leptos_axum::redirect(&format!("{}?ok=council-member-added#membres", super::council_path(council_id)));
    Ok(())
}
