//! Tenant councils: where tenants' representatives and the landlord meet (a
//! conseil de concertation locative, a conseil de résidence, an association
//! of tenants). A council covers residences, has members with roles and
//! terms, and holds meetings with an agenda; its secretary and president act
//! for it. Minutes, decisions and commitments follow the meetings.

pub mod form;
mod views;

pub use views::{AgendaItemView, CouncilAdmin, CouncilPage, CouncilSummary, MeetingPage, MeetingSummary, MemberView};

use chrono::{DateTime, Utc};

crate::wire_enum! {
    /// What a council is.
    pub enum CouncilKind {
        /// Conseil de concertation locative (the law's council of the landlord's tenants).
        Ccl,
        /// Conseil de résidence: one residence's council.
        ResidenceCouncil,
        /// An association of tenants (amicale).
        TenantsAssociation,
        Other,
    }
}

crate::wire_enum! {
    /// A member's role on a council.
    pub enum SeatRole {
        President,
        Secretary,
        Member,
        /// A member from the landlord's side.
        LandlordRepresentative,
        Guest,
    }
}

impl SeatRole {
    /// The roles that act for the council: convene, write the minutes.
    pub fn acts_for_council(self) -> bool {
        matches!(self, SeatRole::President | SeatRole::Secretary)
    }
}

crate::wire_enum! {
    /// Where a meeting stands.
    pub enum MeetingStatus {
        /// Convened, to come.
        Planned,
        /// Called off (its invitation is cancelled in calendars).
        Cancelled,
    }
}

crate::wire_enum! {
    /// A member's answer to a convocation.
    pub enum Reply {
        Present,
        Excused,
    }
}

/// A meeting is over once its slot has ended.
pub fn held(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= ends_at
}

/// Whether an agenda's items (their expected minutes) fit its slot.
pub fn agenda_fits(items_minutes: &[u32], slot_minutes: i64) -> bool {
    i64::from(items_minutes.iter().copied().sum::<u32>()) <= slot_minutes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presidents_and_secretaries_act_for_their_council() {
        assert!(SeatRole::President.acts_for_council() && SeatRole::Secretary.acts_for_council());
        assert!(!SeatRole::Member.acts_for_council() && !SeatRole::LandlordRepresentative.acts_for_council());
        assert_eq!("residence_council".parse::<CouncilKind>(), Ok(CouncilKind::ResidenceCouncil));
    }

    #[test]
    fn an_agenda_fits_its_slot_or_says_so() {
        assert!(agenda_fits(&[30, 45, 15], 90));
        assert!(!agenda_fits(&[30, 45, 20], 90));
        assert!(agenda_fits(&[], 0));
    }
}
