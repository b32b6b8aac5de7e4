//! An organisation's team, and accepting an invitation to join one.

pub mod invitation;
pub mod members;

use crate::i18n::I18n;
use palier_domain::team::OrgRole;

/// The name of a role, as people read it.
pub fn role_label(i18n: I18n, role: OrgRole) -> String {
    i18n.t_code("role", role.code())
}
