//! Reading a project's photos: served to whoever may see the project (its
//! photos and those of its timeline); a photo hidden by moderation only to
//! moderators.

use super::{ProjectError, find_for};
use crate::attachments::Attachments;
use crate::entities::{attachment, project_event};
use crate::policy::{Actor, Permission};
use palier_domain::attachments::{Owner, Variant};
use palier_domain::discussion::Moderation;
use palier_domain::ids::{AttachmentId, ProjectId};
use sea_orm::{ConnectionTrait, EntityTrait as _};

/// The bytes of photo `id` in `variant` (a JPEG), for `actor`.
pub async fn photo<C: ConnectionTrait>(
    conn: &C,
    store: &Attachments,
    actor: &Actor,
    id: AttachmentId,
    variant: Variant,
) -> Result<Vec<u8>, ProjectError> {
    let row = attachment::Entity::find_by_id(id.get()).one(conn).await?.ok_or(ProjectError::NotFound)?;
    let project_id = match row.owner_kind.parse::<Owner>() {
        Ok(Owner::Project) => row.owner_id,
        Ok(Owner::ProjectEvent) => {
            project_event::Entity::find_by_id(row.owner_id).one(conn).await?.ok_or(ProjectError::NotFound)?.project_id
        }
        Err(_) => return Err(ProjectError::NotFound),
    };
    let project = find_for(conn, actor, ProjectId::new(project_id), Permission::ViewResidence).await?;
    // Shown when both the photo and its project are.
    let shown = row.moderation == Moderation::Visible.code() && super::moderation_of(&project).shown();
    if !shown && !actor.can(Permission::Moderate, super::scope_of(&project)) {
        return Err(ProjectError::Forbidden);
    }
    store.store().get(row.storage_key, variant).await?.ok_or(ProjectError::NotFound)
}
