use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::councils::CouncilKind;
use palier_domain::form::Input;
use palier_domain::ids::{OrganisationId, ResidenceId};

/// An organisation's staff set up a council: its name, kind, the residences
/// it covers (none: all of them) and what it is for.
#[server(prefix = "/api", endpoint = "councils/create")]
pub async fn create_council(
    organisation_id: OrganisationId,
    name: String,
    kind: Input<CouncilKind>,
    #[server(default)] residences: Vec<ResidenceId>,
    #[server(default)] description: String,
) -> Result<(), AppError> {
    use super::server::council_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::policy::{Permission, Scope};
    use palier_domain::councils::form::CouncilDraft;
    let (state, actor) = signed_in()?;
    actor.authorise(Permission::ManageCouncils, Scope::organisation(organisation_id.get()))?;
    let mut form = FormErrors::new();
    let draft = CouncilDraft::parse(&mut form, &name, &kind, &residences, &description);
    let Some(draft) = draft.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let id = palier_backend::councils::create(&state.db, &actor, organisation_id, draft, state.clock.now())
        .await
        .map_err(|error| council_error(error, form, "name"))?;
    leptos_axum::redirect(&format!("{}?ok=council-created", super::council_path(id)));
    Ok(())
}
