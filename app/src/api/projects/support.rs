use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::ids::ProjectId;

/// The signed-in tenant's home supports project `id` (`withdraw`: takes its
/// support back), while it is open to support.
#[server(prefix = "/api", endpoint = "projects/support")]
pub async fn support_project(id: ProjectId, withdraw: Option<String>) -> Result<(), AppError> {
    use crate::server::signed_in;
    use palier_backend::projects::support;
    let (state, actor) = signed_in()?;
    let ok = if withdraw.is_some() {
        support::withdraw_support(&state.db, &actor, id).await?;
        "support-withdrawn"
    } else if support::support(&state.db, &actor, id, state.clock.now()).await? {
        "support-reached"
    } else {
        "support-given"
    };
    leptos_axum::redirect(&format!("{}?ok={ok}#soutien", super::project_path(id)));
    Ok(())
}
