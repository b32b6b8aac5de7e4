//! The audit log of an organisation, for its admins.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::audit::AuditPage;
use palier_domain::ids::OrganisationId;

/// Audit entries per page.
pub const AUDIT_PER_PAGE: u64 = 50;

/// A page of the organisation's audit log (admins only).
#[server(prefix = "/api", endpoint = "team/audit_log", input = GetUrl)]
pub async fn audit_log(organisation_id: OrganisationId, page: u64) -> Result<AuditPage, AppError> {
    use crate::server::signed_in;
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    let (state, actor) = signed_in()?;
    let organisation = access::organisation(&state.db, &actor, organisation_id, Permission::ReadAuditLog).await?;
    Ok(palier_backend::audit::page(&state.db, organisation, page, AUDIT_PER_PAGE).await?)
}
