//! The forms of projects: proposing one, answering it, posting its
//! progress. The browser runs the same field rules (`form::Rule`).

use super::{Action, Channel, Need};
use crate::form::{FormErrors, Input, clean_text, collapse};
use crate::ids::{BuildingId, CategoryId, ResidenceId};
use serde::{Deserialize, Serialize};

/// The longest title and description, in characters.
pub const MAX_TITLE: usize = 120;
pub const MIN_TITLE: usize = 5;
pub const MAX_DESCRIPTION: usize = 10_000;
pub const MIN_DESCRIPTION: usize = 20;
/// The longest message of an answer, an update or an addition.
pub const MAX_MESSAGE: usize = 5_000;
/// The largest estimated cost, in euros.
pub const MAX_COST: u32 = 10_000_000;

/// A project's title: 5 to 120 characters, white space collapsed.
pub fn title(text: &str) -> Result<String, &'static str> {
    let text = collapse(&clean_text(text));
    let chars = text.chars().count();
    if chars < MIN_TITLE {
        Err("error-project-title-short")
    } else if chars > MAX_TITLE {
        Err("error-project-title-long")
    } else {
        Ok(text)
    }
}

/// A project's description (markdown): 20 to 10,000 characters.
pub fn description(text: &str) -> Result<String, &'static str> {
    let text = clean_text(text);
    let chars = text.chars().count();
    if chars < MIN_DESCRIPTION {
        Err("error-project-description-short")
    } else if chars > MAX_DESCRIPTION {
        Err("error-project-description-long")
    } else {
        Ok(text)
    }
}

/// An estimated or spent cost in whole euros, or nothing.
pub fn cost(input: &Input<u32>) -> Result<Option<u32>, &'static str> {
    if input.is_empty() {
        return Ok(None);
    }
    input.value().copied().filter(|n| *n <= MAX_COST).map(Some).ok_or("error-project-cost")
}

/// The category, chosen in the organisation's list.
pub fn category(input: &Input<CategoryId>) -> Result<CategoryId, &'static str> {
    input.value().copied().ok_or("error-project-category")
}

/// The longest name of a category an organisation adds.
pub const MAX_CATEGORY: usize = 100;

/// The name of a category an organisation adds: 2 to 100 characters.
pub fn category_label(text: &str) -> Result<String, &'static str> {
    let text = collapse(&clean_text(text));
    let chars = text.chars().count();
    if (2..=MAX_CATEGORY).contains(&chars) { Ok(text) } else { Err("error-category-label") }
}

/// A message that must be written: an update, an addition, a refusal's reason.
pub fn message(text: &str) -> Result<String, &'static str> {
    let text = clean_text(text);
    if text.is_empty() {
        Err("error-project-message-empty")
    } else if text.chars().count() > MAX_MESSAGE {
        Err("error-project-message-long")
    } else {
        Ok(text)
    }
}

/// A message that may be left empty.
pub fn optional_message(text: &str) -> Result<String, &'static str> {
    if text.trim().is_empty() { Ok(String::new()) } else { message(text) }
}

/// A project as proposed (or rewritten) by its author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDraft {
    pub residence_id: ResidenceId,
    pub building_id: Option<BuildingId>,
    pub category_id: CategoryId,
    pub title: String,
    /// Markdown, as written.
    pub description: String,
    pub estimated_cost: Option<u32>,
    pub needs: Vec<Need>,
}

/// The project form as posted.
pub struct ProjectForm<'a> {
    pub residence: &'a Input<ResidenceId>,
    pub building: &'a Input<BuildingId>,
    pub category: &'a Input<CategoryId>,
    pub title: &'a str,
    pub description: &'a str,
    pub cost: &'a Input<u32>,
    pub needs: &'a [Input<Need>],
}

impl ProjectDraft {
    /// Parses the project form, recording every field's problem in `form`.
    pub fn parse(form: &mut FormErrors, posted: ProjectForm<'_>) -> Option<Self> {
        let residence =
            form.field("residence_id", posted.residence.text(), |_| posted.residence.value().copied().ok_or(PLACE));
        form.keep("building_id", posted.building.text());
        let building = match (posted.building.is_empty(), posted.building.value()) {
            (true, _) => Some(None),
            (false, Some(id)) => Some(Some(*id)),
            (false, None) => {
                form.add("building_id", PLACE);
                None
            }
        };
        let category = form.field("category_id", posted.category.text(), |_| category(posted.category));
        let title = form.field("title", posted.title, title);
        let description = form.field("description", posted.description, description);
        let cost = form.field("estimated_cost", posted.cost.text(), |_| cost(posted.cost));
        let mut needs = Vec::new();
        for need in posted.needs {
            form.keep("needs[]", need.text());
            match need.value() {
                Some(need) if !needs.contains(need) => needs.push(*need),
                Some(_) => {}
                None => form.add("needs", "error-project-needs"),
            }
        }
        needs.sort();
        if !form.is_empty() {
            return None;
        }
        Some(Self {
            residence_id: residence?,
            building_id: building?,
            category_id: category?,
            title: title?,
            description: description?,
            estimated_cost: cost?,
            needs,
        })
    }
}

const PLACE: &str = "error-project-place";

/// Who a project entered by staff comes from: the home of the tenant who
/// called, came to the lodge or wrote (by its lease reference), and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnBehalf {
    pub lease_ref: String,
    pub channel: Channel,
}

/// Parses the "on behalf of" part of the form staff fill in.
pub fn on_behalf(form: &mut FormErrors, lease: &str, channel: &Input<Channel>) -> Option<OnBehalf> {
    let lease_ref = form.field("lease_ref", lease, crate::registry::lease_ref);
    let channel = form.field("channel", channel.text(), |_| {
        channel.value().copied().filter(|c| *c != Channel::Online).ok_or("error-project-channel")
    });
    Some(OnBehalf { lease_ref: lease_ref?, channel: channel? })
}

/// The landlord's answer to a project: a step of its lifecycle and a
/// public message (required to refuse), and for a finished project what it
/// cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub action: Action,
    pub message: String,
    pub spent_cost: Option<u32>,
}

impl Answer {
    pub fn parse(form: &mut FormErrors, action: &Input<Action>, text: &str, spent: &Input<u32>) -> Option<Self> {
        let action = form.field("action", action.text(), |_| action.value().copied().ok_or("error-project-action"));
        let message = form.field("message", text, |text| match action {
            Some(action) if action.needs_message() => message(text),
            _ => optional_message(text),
        });
        let spent_cost = form.field("spent_cost", spent.text(), |_| cost(spent));
        Some(Self { action: action?, message: message?, spent_cost: spent_cost? })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted<'a>(
        residence: &'a Input<ResidenceId>,
        building: &'a Input<BuildingId>,
        category: &'a Input<CategoryId>,
        cost: &'a Input<u32>,
        needs: &'a [Input<Need>],
    ) -> ProjectForm<'a> {
        ProjectForm {
            residence,
            building,
            category,
            title: "  Un   jardin partagé ",
            description: "Des bacs à légumes dans la cour, entretenus par les voisins.",
            cost,
            needs,
        }
    }

    #[test]
    fn a_proposal_parses_into_typed_values() {
        let (r, b, c, cost) = (Input::new("3"), Input::new(""), Input::new("12"), Input::new(" 450 "));
        let needs = [Input::new("volunteers"), Input::new("money"), Input::new("volunteers")];
        let mut form = FormErrors::new();
        let draft = ProjectDraft::parse(&mut form, posted(&r, &b, &c, &cost, &needs)).unwrap();
        assert_eq!(draft.title, "Un jardin partagé");
        assert_eq!(draft.residence_id, ResidenceId::new(3));
        assert_eq!(draft.building_id, None);
        assert_eq!(draft.estimated_cost, Some(450));
        assert_eq!(draft.needs, vec![Need::Volunteers, Need::Money]);
    }

    #[test]
    fn every_bad_field_is_named_and_what_was_typed_stays() {
        let (r, b, c, cost) = (Input::new("x"), Input::new("B"), Input::new(""), Input::new("-3"));
        let needs = [Input::new("gold")];
        let mut form = FormErrors::new();
        let mut bad = posted(&r, &b, &c, &cost, &needs);
        bad.title = "Abc";
        bad.description = "court";
        assert_eq!(ProjectDraft::parse(&mut form, bad), None);
        for (field, message) in [
            ("residence_id", "error-project-place"),
            ("building_id", "error-project-place"),
            ("category_id", "error-project-category"),
            ("title", "error-project-title-short"),
            ("description", "error-project-description-short"),
            ("estimated_cost", "error-project-cost"),
            ("needs", "error-project-needs"),
        ] {
            assert_eq!(form.for_field(field), Some(message), "{field}");
        }
        assert_eq!(form.value("estimated_cost"), Some("-3"));
        assert_eq!(form.value("title"), Some("Abc"));
    }

    #[test]
    fn a_refusal_says_why() {
        let mut form = FormErrors::new();
        assert_eq!(Answer::parse(&mut form, &Input::new("reject"), "  ", &Input::new("")), None);
        assert_eq!(form.for_field("message"), Some("error-project-message-empty"));
        let mut form = FormErrors::new();
        let answer = Answer::parse(&mut form, &Input::new("accept"), "", &Input::new("")).unwrap();
        assert_eq!((answer.action, answer.message.as_str()), (Action::Accept, ""));
        let mut form = FormErrors::new();
        assert_eq!(Answer::parse(&mut form, &Input::new("delete"), "", &Input::new("")), None);
        assert_eq!(form.for_field("action"), Some("error-project-action"));
    }

    #[test]
    fn staff_say_whose_project_they_enter_and_how_it_came() {
        let mut form = FormErrors::new();
        let parsed = on_behalf(&mut form, " TIL-A01 ", &Input::new("phone"));
        assert_eq!(parsed, Some(OnBehalf { lease_ref: "TIL-A01".to_owned(), channel: Channel::Phone }));
        let mut form = FormErrors::new();
        assert_eq!(on_behalf(&mut form, "", &Input::new("online")), None);
        assert!(form.for_field("lease_ref").is_some());
        assert_eq!(form.for_field("channel"), Some("error-project-channel"));
    }
}
