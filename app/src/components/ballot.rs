//! The ballot: every question of a consultation as plain form controls
//! (radios, checkboxes, rank selects, a textarea), each in a fieldset with
//! its rule and, after a failed submission, its error and the answers given.

use crate::components::form::{Feedback, check_on_submit, posted_values};
use crate::components::islands::{hydrated, text_of};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use palier_domain::consultations::{AnswerError, Question, QuestionKind, answer_field, question_key};
use serde::{Deserialize, Serialize};

/// One question's controls: an island that runs the question's rule (the
/// one the server applies) as the person answers, and when the ballot is
/// sent; without JavaScript the server's check shows the same message.
#[component]
pub fn QuestionFields(
    question: Question,
    /// Errors and answers kept from the last submission.
    feedback: Feedback,
    /// Shown, not answered (the preview for staff).
    #[prop(optional)]
    disabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = question_key(question.id);
    let view = QuestionView {
        hint: hint(i18n, &question),
        optional: (!question.required).then(|| i18n.t("ballot-optional")),
        rank_none: i18n.t("ballot-rank-none"),
        field_id: feedback.field_id(&field),
        kept: feedback.values(&field),
        error: feedback.field_message(&field).map(|(id, args)| i18n.t_args(&id, &args)),
        disabled,
        question,
    };
    if disabled {
        let error = view.error.clone();
        return question_markup(view, Signal::stored(error), NodeRef::new(), None::<(fn(leptos::ev::Event), _)>)
            .into_any();
    }
    let messages = AnswerError::all_for(&view.question.rules())
        .iter()
        .map(AnswerError::message)
        .map(|(id, args)| {
            let args: Vec<(String, String)> = args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            (id.to_owned(), i18n.t_args(id, &args))
        })
        .collect();
    view! { <CheckedQuestion view messages/> }.into_any()
}

/// What a question shows, translated on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    question: Question,
    hint: String,
    optional: Option<String>,
    rank_none: String,
    field_id: String,
    kept: Vec<String>,
    error: Option<String>,
    disabled: bool,
}

fn hint(i18n: crate::i18n::I18n, question: &Question) -> String {
    match &question.kind {
        QuestionKind::SingleChoice => i18n.t("ballot-hint-single"),
        QuestionKind::MultipleChoice { min, max } if min == max => {
            i18n.t_with("ballot-hint-multiple-exact", &[("count", (*max).into())])
        }
        QuestionKind::MultipleChoice { min, max } => {
            i18n.t_with("ballot-hint-multiple", &[("min", (*min).into()), ("max", (*max).into())])
        }
        QuestionKind::Ranking => i18n.t_with("ballot-hint-ranking", &[("count", question.options.len().into())]),
        QuestionKind::Scale { .. } => i18n.t("ballot-hint-scale"),
        QuestionKind::FreeText { max_chars } => i18n.t_with("ballot-hint-text", &[("max", (*max_chars).into())]),
    }
}

#[island]
fn CheckedQuestion(view: QuestionView, messages: Vec<(String, String)>) -> impl IntoView {
    let server_error = view.error.clone();
    let checked = RwSignal::new(None::<Option<String>>);
    let error = Signal::derive(move || checked.get().unwrap_or_else(|| server_error.clone()));
    let rules = view.question.rules();
    let name = answer_field(view.question.id);
    let messages = StoredValue::new(messages);
    let fieldset = NodeRef::<leptos::html::Fieldset>::new();
    // The question's answers as the form would send them, checked by its rule.
    let check = move || {
        let element = fieldset.get_untracked()?;
        let values = posted_values(element.form(), &name);
        let raw = std::collections::BTreeMap::from([(rules.id, values)]);
        palier_domain::consultations::check_ballot(std::slice::from_ref(&rules), &raw).err().and_then(|errors| {
            errors.values().next().map(|error| messages.with_value(|m| text_of(m, error.message().0)))
        })
    };
    let check = StoredValue::new(check);
    Effect::new(move |_| {
        if let Some(element) = fieldset.get() {
            check_on_submit(element.form(), move |event| {
                let problem = check.with_value(|check| check());
                let invalid = problem.is_some();
                checked.set(Some(problem));
                if invalid {
                    if !event.default_prevented() {
                        element.scroll_into_view();
                    }
                    event.prevent_default();
                }
            });
        }
    });
    let on_change = move |_| checked.set(Some(check.with_value(|check| check())));
    question_markup(view, error, fieldset, Some((on_change, hydrated())))
}

/// The markup of a question, the same on the server and in its island.
fn question_markup(
    view: QuestionView,
    error: Signal<Option<String>>,
    fieldset: NodeRef<leptos::html::Fieldset>,
    live: Option<(impl Fn(leptos::ev::Event) + 'static, ReadSignal<bool>)>,
) -> impl IntoView {
    let QuestionView { question, hint, optional, rank_none, field_id, kept, disabled, .. } = view;
    let field = question_key(question.id);
    let name = answer_field(question.id);
    let error_id = format!("{field}-error");
    let hint_id = format!("{field}-hint");
    let optional = optional.map(|text| view! { " " <span class="field__hint">{text}</span> });
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || if error.with(Option::is_some) { format!("{hint_id} {error_id}") } else { hint_id.clone() }
    };
    let controls = match &question.kind {
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice { .. } => {
            let input_type = if question.kind == QuestionKind::SingleChoice { "radio" } else { "checkbox" };
            question
                .options
                .iter()
                .map(|(id, label)| {
                    let input_id = format!("{field}-{id}");
                    let checked = kept.contains(&id.to_string());
                    view! {
                        <div class="choice">
                            <input type=input_type id=input_id.clone() name=name.clone() value=id.to_string() checked=checked disabled=disabled/>
                            <label for=input_id>{label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Ranking => {
            let count = question.options.len();
            question
                .options
                .iter()
                .map(|(id, label)| {
                    let select_id = format!("{field}-{id}");
                    let chosen = kept.iter().find_map(|v| v.strip_prefix(&format!("{id}:")).map(str::to_owned));
                    view! {
                        <div class="rank">
                            <select id=select_id.clone() name=name.clone() disabled=disabled>
                                <option value="" selected=chosen.is_none()>{rank_none.clone()}</option>
                                {(1..=count)
                                    .map(|rank| {
                                        let value = format!("{id}:{rank}");
                                        let selected = chosen.as_deref() == Some(rank.to_string().as_str());
                                        view! { <option value=value selected=selected>{rank}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <label for=select_id>{label.clone()}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionKind::Scale { low, high } => (1..=5u8)
            .map(|value| {
                let input_id = format!("{field}-{value}");
                let checked = kept.contains(&value.to_string());
                let label = match value {
                    1 => format!("1 — {low}"),
                    5 => format!("5 — {high}"),
                    v => v.to_string(),
                };
                view! {
                    <div class="choice">
                        <input type="radio" id=input_id.clone() name=name.clone() value=value.to_string() checked=checked disabled=disabled/>
                        <label for=input_id>{label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        QuestionKind::FreeText { max_chars } => {
            let text = kept.join("\n");
            let text_id = format!("{field}-text");
            view! {
                <label for=text_id.clone() class="visually-hidden">{question.prompt.clone()}</label>
                <textarea id=text_id name=name.clone() maxlength=*max_chars rows="5" disabled=disabled
                    aria-describedby=described.clone()>{text}</textarea>
            }
            .into_any()
        }
    };
    let (on_change, hydrated) = match live {
        Some((on_change, hydrated)) => (Some(on_change), Some(hydrated)),
        None => (None, None),
    };
    view! {
        <fieldset class="field question" class:field--invalid=move || error.with(Option::is_some) id=field_id
            aria-describedby=described node_ref=fieldset
            data-hydrated=move || hydrated.is_some_and(|h| h.get()).then_some("true")
            on:change=move |event| if let Some(on_change) = &on_change { on_change(event) }>
            <legend>{question.prompt.clone()} {optional}</legend>
            <span class="field__hint" id=hint_id>{hint}</span>
            {move || error.get().map(|message| view! { <span class="field__error" id=error_id.clone()>{message}</span> })}
            {controls}
        </fieldset>
    }
}

/// All the questions of a ballot.
#[component]
pub fn BallotQuestions(
    questions: Vec<Question>,
    feedback: Feedback,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    questions.into_iter().map(|question| view! { <QuestionFields question feedback disabled/> }).collect_view()
}
