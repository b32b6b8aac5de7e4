//! Server functions of tenant councils: an organisation's list and a new
//! council, a council's and a meeting's page, members, convening, the
//! agenda, convocations, moving or calling off a meeting, members' answers.
//! One server function per file; what several share is in `server` below.

pub mod add_item;
pub mod add_member;
pub mod admin;
pub mod cancel;
pub mod convene;
pub mod create;
pub mod get;
pub mod meeting;
pub mod remove_item;
pub mod remove_member;
pub mod reply;
pub mod reschedule;
pub mod send_convocations;

use palier_domain::ids::{CouncilId, MeetingId};

/// The address of council `id`'s page.
pub fn council_path(id: CouncilId) -> String {
    format!("/conseils/{id}")
}

/// The address of meeting `id`'s page.
pub fn meeting_path(council: CouncilId, id: MeetingId) -> String {
    format!("/conseils/{council}/reunions/{id}")
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::{AppError, FormErrors};
    use palier_backend::councils::CouncilError;
    use palier_backend::councils::meetings::Mailing;

    /// A councils refusal as the form shows it (`form` keeps what was typed;
    /// `field` is where a refusal about the whole form shows).
    pub fn council_error(error: CouncilError, mut form: FormErrors, field: &str) -> AppError {
        match error {
            CouncilError::NotFound => AppError::NotFound,
            CouncilError::Forbidden => AppError::Forbidden,
            CouncilError::UnknownPerson => {
                form.add("email", "error-council-unknown-person");
                AppError::Invalid(form)
            }
            CouncilError::ForeignResidence => {
                form.add("residences", "error-council-residence");
                AppError::Invalid(form)
            }
            CouncilError::NotNow => {
                form.add(field, "error-meeting-not-now");
                AppError::Invalid(form)
            }
            CouncilError::Unexpected(error) => error.into(),
        }
    }

    impl From<CouncilError> for AppError {
        fn from(error: CouncilError) -> Self {
            council_error(error, FormErrors::new(), "meeting")
        }
    }

    /// Who convocations come from, and the site's address.
    pub fn mailing(state: &crate::server::AppState) -> Mailing {
        Mailing { links: state.settings.links(), organiser: state.mailer.from_address() }
    }

    /// A meeting's fields, parsed (problems recorded in `form`).
    pub fn meeting_draft(
        form: &mut FormErrors,
        starts_at: &str,
        minutes: &palier_domain::form::Input<u32>,
        place: &str,
        video_link: &str,
    ) -> Option<palier_domain::councils::form::MeetingDraft> {
        palier_domain::councils::form::MeetingDraft::parse(form, starts_at, minutes, place, video_link)
    }
}
