//! Who may do what. Every permission is decided here, from the actor and the
//! resource's organisation, residence and building; server functions, pages
//! and downloads ask this module and nothing else.
//!
//! The rules:
//! - a platform administrator may do everything, in every organisation;
//! - an organisation admin may do everything in their organisation;
//! - staff may manage their organisation's registry and content, but not its
//!   people (roles, invitations) nor read its audit log;
//! - a tenant sees the residence (and building) of a household they joined;
//! - a council's president and secretary act for that council (its seat is
//!   looked up for the council at hand, see `Actor::acts_for_council`).

use palier_domain::Locale;
use palier_domain::team::OrgRole;
use serde::{Deserialize, Serialize};

/// A household the actor lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    pub household_id: i64,
    pub residence_id: i64,
    pub building_id: Option<i64>,
    pub organisation_id: i64,
}

/// The actor's place in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub organisation_id: i64,
    pub role: OrgRole,
}

/// A signed-in person, with everything the policy needs to know about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: i64,
    pub display_name: String,
    /// Where their emails go (none once the account is deleted).
    pub email: Option<String>,
    pub locale: Locale,
    pub email_verified: bool,
    pub platform_admin: bool,
    pub memberships: Vec<Membership>,
    pub homes: Vec<Home>,
    /// Organisations that named them a moderator of the residences they live in.
    pub moderates: Vec<i64>,
}

/// What a resource belongs to: its organisation and, when it has one, its
/// residence and building.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    pub organisation_id: i64,
    pub residence_id: Option<i64>,
    pub building_id: Option<i64>,
}

impl Scope {
    pub fn organisation(organisation_id: i64) -> Self {
        Self { organisation_id, residence_id: None, building_id: None }
    }

    pub fn residence(organisation_id: i64, residence_id: i64) -> Self {
        Self { organisation_id, residence_id: Some(residence_id), building_id: None }
    }
}

/// Something an actor may want to do on a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the organisation's back office (residences, households, staff list).
    ViewBackOffice,
    /// Create and edit residences, buildings and households; import them;
    /// print letters, renew codes, remove occupants.
    ManageRegistry,
    /// Invite staff and admins, change and remove roles.
    ManageStaff,
    /// Read the organisation's audit log.
    ReadAuditLog,
    /// Change the organisation's settings (how long invitation codes work, …).
    ManageSettings,
    /// See a residence's page and what is published for it; comment and
    /// report what is there.
    ViewResidence,
    /// Propose a project for a residence: its tenants, and staff on behalf
    /// of a tenant who called or came.
    ProposeProject,
    /// Support a residence's projects: its tenants (staff do not).
    SupportProject,
    /// Answer projects (review, accept, refuse, progress): staff.
    AnswerProjects,
    /// Decide on reported content: staff, and the tenants the organisation names.
    Moderate,
    /// Set up councils, their residences and members: staff.
    ManageCouncils,
}

/// Why the policy said no, as the person is told: someone of the
/// organisation learns they may not (`Forbidden`); an outsider is told the
/// thing does not exist (`NotFound`), so ids cannot be probed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
}

/// A refusal, or the database failed while finding what was asked for.
#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("database error while checking access")]
    Db(#[from] sea_orm::DbErr),
}

impl Actor {
    /// The actor's role in `organisation_id`, if any.
    pub fn role_in(&self, organisation_id: i64) -> Option<OrgRole> {
        self.memberships.iter().find(|m| m.organisation_id == organisation_id).map(|m| m.role)
    }

    /// Organisations whose back office the actor may open.
    pub fn staff_organisations(&self) -> Vec<i64> {
        self.memberships.iter().map(|m| m.organisation_id).collect()
    }

    /// Whether the actor works for some organisation (or runs the platform).
    pub fn is_staff_anywhere(&self) -> bool {
        self.platform_admin || !self.memberships.is_empty()
    }

    fn lives_in(&self, scope: Scope) -> bool {
        self.homes.iter().any(|home| {
            home.organisation_id == scope.organisation_id
                && scope.residence_id.is_none_or(|r| r == home.residence_id)
                && scope.building_id.is_none_or(|b| home.building_id == Some(b))
        })
    }

    /// Whether the actor may do `permission` on `scope`.
    pub fn can(&self, permission: Permission, scope: Scope) -> bool {
        if self.platform_admin {
            return true;
        }
        let role = self.role_in(scope.organisation_id);
        match permission {
            Permission::ViewBackOffice | Permission::ManageRegistry => role.is_some(),
            Permission::ManageStaff | Permission::ReadAuditLog | Permission::ManageSettings => {
                role == Some(OrgRole::Admin)
            }
            Permission::ViewResidence | Permission::ProposeProject => {
                // A whole-organisation scope is open to staff only; tenants see their residence.
                role.is_some() || (scope.residence_id.is_some() && self.lives_in(scope))
            }
            Permission::SupportProject => scope.residence_id.is_some() && self.lives_in(scope),
            Permission::AnswerProjects | Permission::ManageCouncils => role.is_some(),
            // Tenants the organisation named moderate where they live.
            Permission::Moderate => {
                role.is_some() || (self.moderates.contains(&scope.organisation_id) && self.lives_in(scope))
            }
        }
    }

    /// Whether the actor works for, or lives with, `organisation_id`.
    pub fn insider(&self, organisation_id: i64) -> bool {
        self.platform_admin
            || self.role_in(organisation_id).is_some()
            || self.homes.iter().any(|home| home.organisation_id == organisation_id)
    }

    /// `Ok` when the actor may do `permission` on `scope`; otherwise the
    /// refusal they are told (the one rule for every server function,
    /// page and download).
    pub fn authorise(&self, permission: Permission, scope: Scope) -> Result<(), Refusal> {
        if self.can(permission, scope) {
            Ok(())
        } else if self.insider(scope.organisation_id) {
            Err(Refusal::Forbidden)
        } else {
            Err(Refusal::NotFound)
        }
    }

    /// Whether the actor, who holds `seat` on a council of `organisation_id`
    /// (or none), acts for that council: convenes its meetings, sets their
    /// agenda, writes its minutes. Its organisation's staff do, and its
    /// president and secretary.
    pub fn acts_for_council(&self, organisation_id: i64, seat: Option<palier_domain::councils::SeatRole>) -> bool {
        self.can(Permission::ManageCouncils, Scope::organisation(organisation_id))
            || seat.is_some_and(palier_domain::councils::SeatRole::acts_for_council)
    }

    /// Whether the actor may create organisations and manage the platform.
    pub fn can_manage_platform(&self) -> bool {
        self.platform_admin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor() -> Actor {
        Actor {
            user_id: 1,
            display_name: "Test".into(),
            email: None,
            locale: Locale::Fr,
            email_verified: true,
            platform_admin: false,
            memberships: Vec::new(),
            homes: Vec::new(),
            moderates: Vec::new(),
        }
    }

    const ORG_1: i64 = 1;
    const ORG_2: i64 = 2;
    const RES_A: i64 = 10;
    const RES_B: i64 = 11;

    #[test]
    fn tenants_see_only_their_own_residence_and_building() {
        let mut tenant = actor();
        tenant.homes.push(Home {
            household_id: 100,
            residence_id: RES_A,
            building_id: Some(5),
            organisation_id: ORG_1,
        });
        assert!(tenant.can(Permission::ViewResidence, Scope::residence(ORG_1, RES_A)));
        assert!(!tenant.can(Permission::ViewResidence, Scope::residence(ORG_1, RES_B)));
        assert!(!tenant.can(Permission::ViewResidence, Scope::residence(ORG_2, RES_A)));
        assert!(!tenant.can(Permission::ViewResidence, Scope::organisation(ORG_1)));
        let building = |b| Scope { organisation_id: ORG_1, residence_id: Some(RES_A), building_id: Some(b) };
        assert!(tenant.can(Permission::ViewResidence, building(5)));
        assert!(!tenant.can(Permission::ViewResidence, building(6)));
        for permission in [
            Permission::ViewBackOffice,
            Permission::ManageRegistry,
            Permission::ManageStaff,
            Permission::ReadAuditLog,
            Permission::ManageSettings,
        ] {
            assert!(!tenant.can(permission, Scope::residence(ORG_1, RES_A)), "{permission:?}");
        }
    }

    #[test]
    fn staff_work_in_their_organisation_only() {
        let mut staff = actor();
        staff.memberships.push(Membership { organisation_id: ORG_1, role: OrgRole::Staff });
        assert!(staff.can(Permission::ManageRegistry, Scope::residence(ORG_1, RES_A)));
        assert!(staff.can(Permission::ViewResidence, Scope::residence(ORG_1, RES_B)));
        assert!(!staff.can(Permission::ManageStaff, Scope::organisation(ORG_1)));
        assert!(!staff.can(Permission::ReadAuditLog, Scope::organisation(ORG_1)));
        assert!(!staff.can(Permission::ManageSettings, Scope::organisation(ORG_1)));
        for permission in [Permission::ViewBackOffice, Permission::ManageRegistry, Permission::ViewResidence] {
            assert!(!staff.can(permission, Scope::residence(ORG_2, RES_A)), "{permission:?}");
        }
    }

    #[test]
    fn organisation_admins_also_manage_people_and_read_the_log() {
        let mut admin = actor();
        admin.memberships.push(Membership { organisation_id: ORG_1, role: OrgRole::Admin });
        assert!(admin.can(Permission::ManageStaff, Scope::organisation(ORG_1)));
        assert!(admin.can(Permission::ReadAuditLog, Scope::organisation(ORG_1)));
        assert!(admin.can(Permission::ManageSettings, Scope::organisation(ORG_1)));
        assert!(!admin.can(Permission::ManageStaff, Scope::organisation(ORG_2)));
        assert!(!admin.can(Permission::ManageSettings, Scope::organisation(ORG_2)));
        assert!(!admin.can_manage_platform());
    }

    #[test]
    fn refusals_tell_insiders_no_and_outsiders_nothing() {
        let mut staff = actor();
        staff.memberships.push(Membership { organisation_id: ORG_1, role: OrgRole::Staff });
        assert_eq!(staff.authorise(Permission::ManageStaff, Scope::organisation(ORG_1)), Err(Refusal::Forbidden));
        assert_eq!(staff.authorise(Permission::ViewBackOffice, Scope::organisation(ORG_2)), Err(Refusal::NotFound));
        let mut tenant = actor();
        tenant.homes.push(Home { household_id: 1, residence_id: RES_A, building_id: None, organisation_id: ORG_2 });
        assert_eq!(tenant.authorise(Permission::ViewBackOffice, Scope::organisation(ORG_2)), Err(Refusal::Forbidden));
        assert_eq!(tenant.authorise(Permission::ViewResidence, Scope::residence(ORG_2, RES_A)), Ok(()));
    }

    #[test]
    fn tenants_propose_and_support_staff_answer_and_moderate() {
        let mut tenant = actor();
        tenant.homes.push(Home { household_id: 100, residence_id: RES_A, building_id: None, organisation_id: ORG_1 });
        let here = Scope::residence(ORG_1, RES_A);
        assert!(tenant.can(Permission::ProposeProject, here));
        assert!(tenant.can(Permission::SupportProject, here));
        assert!(!tenant.can(Permission::SupportProject, Scope::residence(ORG_1, RES_B)));
        assert!(!tenant.can(Permission::AnswerProjects, here));
        assert!(!tenant.can(Permission::Moderate, here));
        let mut staff = actor();
        staff.memberships.push(Membership { organisation_id: ORG_1, role: OrgRole::Staff });
        assert!(staff.can(Permission::ProposeProject, here), "for a tenant who called");
        assert!(!staff.can(Permission::SupportProject, here), "staff do not support");
        assert!(staff.can(Permission::AnswerProjects, here));
        assert!(staff.can(Permission::Moderate, here));
        assert!(!staff.can(Permission::Moderate, Scope::residence(ORG_2, RES_A)));
        // A tenant the organisation named moderates where they live, and nothing else.
        tenant.moderates.push(ORG_1);
        assert!(tenant.can(Permission::Moderate, here));
        assert!(tenant.can(Permission::Moderate, Scope::organisation(ORG_1)), "their queue");
        assert!(!tenant.can(Permission::Moderate, Scope::residence(ORG_1, RES_B)));
        assert!(!tenant.can(Permission::AnswerProjects, here));
    }

    #[test]
    fn councils_are_run_by_staff_and_by_their_president_and_secretary() {
        use palier_domain::councils::SeatRole;
        let mut staff = actor();
        staff.memberships.push(Membership { organisation_id: ORG_1, role: OrgRole::Staff });
        assert!(staff.acts_for_council(ORG_1, None));
        assert!(!staff.acts_for_council(ORG_2, None));
        let tenant = actor();
        assert!(tenant.acts_for_council(ORG_1, Some(SeatRole::Secretary)));
        assert!(tenant.acts_for_council(ORG_1, Some(SeatRole::President)));
        assert!(!tenant.acts_for_council(ORG_1, Some(SeatRole::Member)));
        assert!(!tenant.acts_for_council(ORG_1, None));
        assert!(!tenant.can(Permission::ManageCouncils, Scope::organisation(ORG_1)));
    }

    #[test]
    fn platform_admins_may_do_everything() {
        let mut root = actor();
        root.platform_admin = true;
        assert!(root.can(Permission::ManageStaff, Scope::organisation(ORG_2)));
        assert!(root.can_manage_platform());
        assert!(root.authorise(Permission::ReadAuditLog, Scope::organisation(ORG_1)).is_ok());
    }
}
