//! Habitant 3.0: the projects list, a project's page, the proposal form
//! and its rewriting, and what they share.

pub mod edit;
mod fields;
pub mod list;
pub mod new;
pub mod view;
mod view_forms;

use crate::i18n::I18n;
use leptos::prelude::*;
use palier_domain::projects::{CategoryName, Status};

/// A project's status as a badge (late answers are said apart).
pub fn status_badge(i18n: I18n, status: Status) -> impl IntoView + use<> {
    let class = match status {
        Status::Accepted | Status::InProgress | Status::Done => "badge badge--success",
        Status::Rejected | Status::Withdrawn => "badge badge--danger",
        Status::UnderReview => "badge badge--warning",
        Status::Draft | Status::Submitted => "badge",
    };
    view! { <span class=class>{i18n.t_code("project-status", status.code())}</span> }
}

/// A category's name in the reader's language (the organisation's own as written).
pub fn category_text(i18n: I18n, name: &CategoryName) -> String {
    match name {
        CategoryName::Default(code) => i18n.t_code("project-category", code.code()),
        CategoryName::Custom(label) => label.clone(),
    }
}

/// An amount in euros, e.g. `1 200 €` (`€1,200` in English).
pub fn euros(i18n: I18n, amount: u32) -> String {
    let separator = match i18n.locale {
        palier_domain::Locale::Fr => '\u{202f}',
        palier_domain::Locale::En => ',',
    };
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (n, digit) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    i18n.t_with("euros", &[("amount", grouped.into())])
}
