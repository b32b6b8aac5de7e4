//! The ballot: every question of a consultation as plain form controls
//! (radios, checkboxes, rank selects, a textarea), each in a fieldset with
//! its rule and, after a failed submission, its error and the answers given.

use crate::api::consultations::QuestionForm;
use crate::components::form::Feedback;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The form field name of a question's answers.
pub fn answer_name(question: i64) -> String {
    format!("answers[q{question}][]")
}

/// One question's controls.
#[component]
pub fn QuestionFields(
    question: QuestionForm,
    /// Errors and answers kept from the last submission.
    feedback: Feedback,
    /// Answers to show checked (the review page sends the form back).
    #[prop(optional)]
    disabled: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = format!("q{}", question.id);
    let name = answer_name(question.id);
    let error_id = format!("{field}-error");
    let hint_id = format!("{field}-hint");
    let kept = feedback.values(&field);
    let message = feedback.field_message(&field);
    let hint = match question.kind.as_str() {
        "single" => i18n.t("ballot-hint-single"),
        "multiple" if question.min == question.max => {
            i18n.t_with("ballot-hint-multiple-exact", &[("count", question.max.into())])
        }
        "multiple" => {
            i18n.t_with("ballot-hint-multiple", &[("min", question.min.into()), ("max", question.max.into())])
        }
        "ranking" => i18n.t_with("ballot-hint-ranking", &[("count", question.options.len().into())]),
        "scale" => i18n.t("ballot-hint-scale"),
        _ => i18n.t_with("ballot-hint-text", &[("max", question.max_chars.into())]),
    };
    let optional =
        (!question.required).then(|| view! { " " <span class="field__hint">{i18n.t("ballot-optional")}</span> });
    let described = if message.is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    let controls = match question.kind.as_str() {
        "single" | "multiple" => {
            let input_type = if question.kind == "single" { "radio" } else { "checkbox" };
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
        "ranking" => {
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
                                <option value="" selected=chosen.is_none()>{i18n.t("ballot-rank-none")}</option>
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
        "scale" => (1..=5u8)
            .map(|value| {
                let input_id = format!("{field}-{value}");
                let checked = kept.contains(&value.to_string());
                let label = match value {
                    1 => format!("1 — {}", question.scale_low),
                    5 => format!("5 — {}", question.scale_high),
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
        _ => {
            let text = kept.join("\n");
            let text_id = format!("{field}-text");
            view! {
                <label for=text_id.clone() class="visually-hidden">{question.prompt.clone()}</label>
                <textarea id=text_id name=name.clone() maxlength=question.max_chars rows="5" disabled=disabled
                    aria-describedby=described.clone()>{text}</textarea>
            }
            .into_any()
        }
    };
    let invalid = message.is_some();
    view! {
        <fieldset class="field question" class:field--invalid=invalid id=feedback.field_id(&field)
            aria-describedby=described>
            <legend>{question.prompt.clone()} {optional}</legend>
            <span class="field__hint" id=hint_id>{hint}</span>
            {message.map(|(id, args)| view! { <span class="field__error" id=error_id>{i18n.t_args(&id, &args)}</span> })}
            {controls}
        </fieldset>
    }
}

/// All the questions of a ballot.
#[component]
pub fn BallotQuestions(
    questions: Vec<QuestionForm>,
    feedback: Feedback,
    #[prop(optional)] disabled: bool,
) -> impl IntoView {
    questions.into_iter().map(|question| view! { <QuestionFields question feedback disabled/> }).collect_view()
}
