//! The rules fields follow, by name: the browser runs the parser a name
//! stands for, as the server does.

use super::Input;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The rule a form field follows, named so that a page can tell the browser
/// which parser to run on it (a function cannot travel to the browser, a
/// name can).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum Rule {
    /// Something must be typed.
    Required,
    /// The address someone signs in with: anything typed (an old account
    /// may predate today's rules), but something.
    SignInEmail,
    /// A password someone already has: anything typed, but something.
    CurrentPassword,
    Email,
    DisplayName,
    /// A password being chosen: the length rules of [`crate::Password`].
    NewPassword,
    /// The box ticked to confirm deleting one's account.
    DeleteConfirm,
    InvitationCode,
    ConsultationTitle,
    ConsultationSummary,
    ConsultationBody,
    /// A `datetime-local` field.
    DateTime,
    Quorum,
    QuestionPrompt,
    QuestionOptions,
    ChoiceCount,
    ScaleLabel,
    MaxChars,
    Response,
    /// The home of a paper ballot, chosen in a list.
    PaperUnit,
    /// A receipt looked up in the ballot list (nothing is fine).
    Receipt,
    ResidenceName,
    Address,
    Postcode,
    City,
    BuildingName,
    UnitLabel,
    LeaseRef,
    MaxOccupants,
    CodeValidityDays,
    OrganisationName,
    Slug,
    SupportThreshold,
    AnswerDays,
    ReportThreshold,
    ProjectTitle,
    ProjectDescription,
    /// An estimated or spent cost in euros (nothing is fine).
    ProjectCost,
    /// The category chosen in the organisation's list.
    ProjectCategory,
    /// A message that must be written (an update, an addition, a comment's edit).
    ProjectMessage,
    /// A message that may be empty.
    OptionalMessage,
    Comment,
    CategoryLabel,
    CouncilName,
    /// A text of a few lines that may be empty (a council's description, an agenda item's).
    ShortText,
    /// One line that may be empty (a place, a presenter).
    Line,
    /// A meeting's video link: nothing, or an `https://` address.
    VideoLink,
    /// A meeting's length in minutes.
    MeetingDuration,
    AgendaTitle,
    /// An agenda item's expected minutes.
    AgendaMinutes,
    /// The end of a council member's term (nothing is fine).
    TermEnd,
}

impl Rule {
    /// The message id of what is wrong with `value`, or `None` when it is fine.
    pub fn check(self, value: &str) -> Option<&'static str> {
        use crate::consultations::form;
        use crate::councils::form as councils;
        use crate::projects::form as projects;
        use crate::registry;
        use crate::{DisplayName, Email, EmailError, InvitationCode, Password};
        match self {
            Rule::Required => value.trim().is_empty().then_some(REQUIRED),
            Rule::SignInEmail => value.trim().is_empty().then_some(EmailError::Empty.message()),
            Rule::CurrentPassword => value.is_empty().then_some(PASSWORD_EMPTY),
            Rule::Email => Email::parse(value).err().map(|e| e.message()),
            Rule::DisplayName => DisplayName::parse(value).err().map(|e| e.message()),
            Rule::NewPassword => Password::parse(value).err().map(|e| e.message()),
            Rule::DeleteConfirm => crate::accounts::delete_confirmed(value).err(),
            Rule::InvitationCode => InvitationCode::parse(value).err().map(|e| e.message()),
            Rule::ConsultationTitle => form::title(value).err(),
            Rule::ConsultationSummary => form::summary(value).err(),
            Rule::ConsultationBody => form::body(value).err(),
            Rule::DateTime => form::datetime(value).err(),
            Rule::Quorum => form::quorum(&Input::new(value)).err(),
            Rule::QuestionPrompt => form::prompt(value).err(),
            Rule::QuestionOptions => form::option_lines(value).err(),
            Rule::ChoiceCount => form::choice_count(&Input::new(value)).err(),
            Rule::ScaleLabel => form::scale_label(value).err(),
            Rule::MaxChars => form::max_chars(&Input::new(value)).err(),
            Rule::Response => form::response(value).err(),
            Rule::PaperUnit => form::paper_unit(&Input::new(value)).err(),
            Rule::Receipt => form::receipt(value).err(),
            Rule::ResidenceName => registry::residence_name(value).err(),
            Rule::Address => registry::address(value).err(),
            Rule::Postcode => registry::postcode(value).err(),
            Rule::City => registry::city(value).err(),
            Rule::BuildingName => registry::building_name(value).err(),
            Rule::UnitLabel => registry::unit_label(value).err(),
            Rule::LeaseRef => registry::lease_ref(value).err(),
            Rule::MaxOccupants => registry::max_occupants(&Input::new(value)).err(),
            Rule::CodeValidityDays => registry::code_validity_days(&Input::new(value)).err(),
            Rule::OrganisationName => crate::platform::organisation_name(value).err(),
            Rule::Slug => crate::platform::slug(value).err(),
            Rule::SupportThreshold => registry::support_threshold(&Input::new(value)).err(),
            Rule::AnswerDays => registry::answer_days(&Input::new(value)).err(),
            Rule::ReportThreshold => registry::report_threshold(&Input::new(value)).err(),
            Rule::ProjectTitle => projects::title(value).err(),
            Rule::ProjectDescription => projects::description(value).err(),
            Rule::ProjectCost => projects::cost(&Input::new(value)).err(),
            Rule::ProjectCategory => projects::category(&Input::new(value)).err(),
            Rule::ProjectMessage => projects::message(value).err(),
            Rule::OptionalMessage => projects::optional_message(value).err(),
            Rule::Comment => crate::discussion::comment_body(value).err(),
            Rule::CategoryLabel => projects::category_label(value).err(),
            Rule::CouncilName => councils::council_name(value).err(),
            Rule::ShortText => councils::short_text(value).err(),
            Rule::Line => councils::line(value).err(),
            Rule::VideoLink => councils::video_link(value).err(),
            Rule::MeetingDuration => councils::duration(&Input::new(value)).err(),
            Rule::AgendaTitle => councils::item_title(value).err(),
            Rule::AgendaMinutes => councils::item_minutes(&Input::new(value)).err(),
            Rule::TermEnd => councils::term_end(value).err(),
        }
    }

    /// Every message [`Rule::check`] can give, so a page can send their texts along.
    pub fn messages(self) -> Vec<&'static str> {
        use crate::{EmailError, InvitationCodeError, NameError, PasswordError};
        use strum::VariantArray as _;
        match self {
            Rule::Required => vec![REQUIRED],
            Rule::SignInEmail => vec![EmailError::Empty.message()],
            Rule::CurrentPassword => vec![PASSWORD_EMPTY],
            Rule::Email => EmailError::VARIANTS.iter().map(|e| e.message()).collect(),
            Rule::DisplayName => NameError::VARIANTS.iter().map(|e| e.message()).collect(),
            // "Common" is only known to the server, which holds the list.
            Rule::NewPassword => PasswordError::VARIANTS.iter().map(|e| e.message()).collect(),
            Rule::DeleteConfirm => vec!["error-delete-confirm"],
            Rule::InvitationCode => InvitationCodeError::VARIANTS.iter().map(|e| e.message()).collect(),
            Rule::ConsultationTitle => vec!["error-consultation-title"],
            Rule::ConsultationSummary | Rule::ConsultationBody | Rule::QuestionOptions | Rule::ScaleLabel => {
                vec!["error-text-too-long"]
            }
            Rule::DateTime => vec!["error-datetime"],
            Rule::Quorum => vec!["error-quorum"],
            Rule::QuestionPrompt => vec!["error-question-prompt"],
            Rule::ChoiceCount => vec!["error-choice-limits"],
            Rule::MaxChars => vec!["error-max-chars"],
            Rule::Response => vec!["error-response"],
            Rule::PaperUnit => vec!["error-paper-unit"],
            Rule::Receipt => vec!["error-receipt-length", "error-receipt-character"],
            Rule::ResidenceName => vec!["error-residence-name-empty", "error-text-too-long"],
            Rule::Address | Rule::City => vec!["error-text-too-long"],
            Rule::Postcode => vec!["error-postcode"],
            Rule::BuildingName => vec!["error-building-name"],
            Rule::UnitLabel => vec!["error-unit-label"],
            Rule::LeaseRef => vec!["error-lease-ref"],
            Rule::MaxOccupants => vec!["error-max-occupants"],
            Rule::CodeValidityDays => vec!["error-code-validity-days"],
            Rule::OrganisationName => vec!["error-organisation-name"],
            Rule::Slug => vec!["error-slug"],
            Rule::SupportThreshold => vec!["error-support-threshold"],
            Rule::AnswerDays => vec!["error-answer-days"],
            Rule::ReportThreshold => vec!["error-report-threshold"],
            Rule::ProjectTitle => vec!["error-project-title-short", "error-project-title-long"],
            Rule::ProjectDescription => vec!["error-project-description-short", "error-project-description-long"],
            Rule::ProjectCost => vec!["error-project-cost"],
            Rule::ProjectCategory => vec!["error-project-category"],
            Rule::ProjectMessage => vec!["error-project-message-empty", "error-project-message-long"],
            Rule::OptionalMessage => vec!["error-project-message-long"],
            Rule::Comment => vec!["error-comment-empty", "error-comment-long"],
            Rule::CategoryLabel => vec!["error-category-label"],
            Rule::CouncilName => vec!["error-council-name"],
            Rule::ShortText | Rule::Line => vec!["error-text-too-long"],
            Rule::VideoLink => vec!["error-video-link"],
            Rule::MeetingDuration => vec!["error-meeting-duration"],
            Rule::AgendaTitle => vec!["error-item-title"],
            Rule::AgendaMinutes => vec!["error-item-minutes"],
            Rule::TermEnd => vec!["error-term-end"],
        }
    }
}

/// A rule over several fields of a form, checked in the browser when the
/// form is sent, by the parser the server runs on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
pub enum FormRule {
    /// A consultation's `scope` with the `residences[]` or `buildings[]` ticked.
    Audience,
    /// A consultation's `closes_at` after its `opens_at`.
    Schedule,
    /// A question's `kind` with what it needs: enough `options`, choice
    /// limits (`min_choices`, `max_choices`), the scale's labels.
    Question,
    /// A support `threshold` of `threshold_kind` percent is 100 at most.
    Threshold,
}

/// The messages of a question's fields that depend on its other fields.
const QUESTION_SHAPE: [&str; 3] = ["error-options-too-few", "error-choice-limits", "error-scale-labels"];

impl FormRule {
    /// The message id of what is wrong with a form whose values for field
    /// `name` are `values(name)`, or `None` when it is fine.
    pub fn check(self, values: impl Fn(&str) -> Vec<String>) -> Option<&'static str> {
        fn ids<T: FromStr>(texts: Vec<String>) -> Vec<T> {
            texts.iter().filter_map(|text| text.parse().ok()).collect()
        }
        match self {
            FormRule::Audience => {
                let scope = values("scope").first().and_then(|text| text.parse().ok());
                let (residences, buildings) = (ids(values("residences[]")), ids(values("buildings[]")));
                crate::consultations::form::audience(scope, &residences, &buildings).err()
            }
            FormRule::Schedule => {
                let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
                crate::consultations::form::schedule(&one("opens_at"), &one("closes_at")).err()
            }
            FormRule::Question => {
                use crate::consultations::form::{QuestionDraft, QuestionForm};
                let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
                let number = |name: &str| Input::new(one(name));
                let (min, max, chars) = (number("min_choices"), number("max_choices"), number("max_chars"));
                let (prompt, options, low, high) = (one("prompt"), one("options"), one("scale_low"), one("scale_high"));
                let mut form = super::FormErrors::new();
                QuestionDraft::parse(
                    &mut form,
                    QuestionForm {
                        kind: &Input::new(one("kind")),
                        prompt: &prompt,
                        required: !values("required").is_empty(),
                        options: &options,
                        min_choices: &min,
                        max_choices: &max,
                        scale_low: &low,
                        scale_high: &high,
                        max_chars: &chars,
                    },
                );
                // The fields' own rules show their other messages next to them.
                form.errors.iter().find_map(|e| QUESTION_SHAPE.into_iter().find(|m| *m == e.message))
            }
            FormRule::Threshold => {
                let one = |name: &str| values(name).into_iter().next().unwrap_or_default();
                let kind = one("threshold_kind").parse().ok()?;
                let value = one("threshold").trim().parse().ok()?;
                crate::registry::settings::threshold(kind, value).err()
            }
        }
    }

    /// Every message [`FormRule::check`] can give.
    pub fn messages(self) -> Vec<&'static str> {
        match self {
            FormRule::Audience => vec!["error-consultation-scope"],
            FormRule::Schedule => vec!["error-closes-before-opens"],
            FormRule::Question => QUESTION_SHAPE.to_vec(),
            FormRule::Threshold => vec!["error-support-percent"],
        }
    }
}

/// The message of an empty field that needs a value.
pub const REQUIRED: &str = "error-required";
/// The message of an empty current password.
pub const PASSWORD_EMPTY: &str = "error-password-empty";
