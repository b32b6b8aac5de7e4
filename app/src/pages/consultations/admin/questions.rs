//! The questions of a consultation in its builder: the list, and the form
//! to add or edit one.

use crate::api::consultations::question_action::QuestionAction;
use crate::api::consultations::update_question::UpdateQuestion;
use crate::components::field::{FormCheck, form_messages};
use crate::components::form::{Feedback, Field, PostForm};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use palier_domain::consultations::{KindCode, Question, QuestionKind, QuestionMove};
use palier_domain::form::{FormRule, Rule};
use strum::VariantArray as _;

/// The fields of a question (add, or edit `current`).
#[component]
pub fn QuestionFieldsForm(feedback: Feedback, #[prop(optional)] current: Option<Question>) -> impl IntoView {
    let i18n = use_i18n();
    let c = current.as_ref();
    let kind =
        feedback.value("kind").unwrap_or_else(|| c.map_or(KindCode::Single, |q| q.kind.code()).code().to_owned());
    let options =
        c.map(|q| q.options.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join("\n")).unwrap_or_default();
    let required = c.is_none_or(|q| q.required);
    let prefix = feedback.field_id("q");
    let (min, max, low, high, chars) = match c.map(|q| &q.kind) {
        Some(QuestionKind::MultipleChoice { min, max }) => {
            (min.to_string(), max.to_string(), String::new(), String::new(), String::new())
        }
        Some(QuestionKind::Scale { low, high }) => {
            (String::new(), String::new(), low.clone(), high.clone(), String::new())
        }
        Some(QuestionKind::FreeText { max_chars }) => {
            (String::new(), String::new(), String::new(), String::new(), max_chars.to_string())
        }
        _ => (String::new(), String::new(), String::new(), String::new(), "500".to_owned()),
    };
    view! {
        <Field feedback name="kind" label="question-kind" initial=kind.to_owned()
            choices=KindCode::VARIANTS.iter().map(|k| (k.code().to_owned(), i18n.t_code("kind", k.code()))).collect()/>
        <Field feedback name="prompt" label="question-prompt" required=true maxlength=500 rule=Rule::QuestionPrompt
            initial=c.map(|q| q.prompt.clone()).unwrap_or_default()/>
        <FormCheck rule=FormRule::Question focus_in=feedback.field_id("options")
            messages=form_messages(FormRule::Question) error=None/>
        <Field feedback name="options" label="question-options" hint="question-options-hint" rows=5
            rule=Rule::QuestionOptions initial=options/>
        <div class="field-row">
            <Field feedback name="min_choices" label="question-min" kind="number" rule=Rule::ChoiceCount initial=min/>
            <Field feedback name="max_choices" label="question-max" kind="number" rule=Rule::ChoiceCount initial=max/>
        </div>
        <div class="field-row">
            <Field feedback name="scale_low" label="question-scale-low" maxlength=100 rule=Rule::ScaleLabel initial=low/>
            <Field feedback name="scale_high" label="question-scale-high" maxlength=100 rule=Rule::ScaleLabel initial=high/>
        </div>
        <Field feedback name="max_chars" label="question-max-chars" hint="question-max-chars-hint" kind="number"
            rule=Rule::MaxChars initial=chars/>
        <div class="choice">
            <input type="checkbox" id=format!("{prefix}-required") name="required" value="on" checked=required/>
            <label for=format!("{prefix}-required")>{i18n.t("question-required")}</label>
        </div>
    }
}

/// One question of the builder's list; while a draft, with its buttons and its edit form.
#[component]
pub fn QuestionItem(question: Question, editable: bool, feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id;
    let prompt = question.prompt.clone();
    // A refused edit comes back to this question's form only, open.
    let feedback = feedback.only_for("question_id", &id.to_string()).prefixed(format!("edit-{id}"));
    view! {
        <li class="question-item">
            <p><strong>{question.prompt.clone()}</strong> " — " {i18n.t_code("kind", question.kind.code().code())}</p>
            {(!question.options.is_empty()).then(|| view! {
                <ul>{question.options.iter().map(|(_, l)| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            })}
            {editable.then(|| view! {
                <div class="inline-actions">
                    {QuestionMove::VARIANTS.iter().map(|action| view! {
                        <form method="post" action=QuestionAction::PATH>
                            <input type="hidden" name="question_id" value=id.to_string()/>
                            <input type="hidden" name="action" value=action.code()/>
                            <button type="submit" class="button button--secondary">
                                {i18n.t_code("question", action.code())}
                                <span class="visually-hidden">" — " {prompt.clone()}</span>
                            </button>
                        </form>
                    }).collect_view()}
                </div>
                <details open=feedback.refused()>
                    <summary>{i18n.t("question-edit")}<span class="visually-hidden">" — " {prompt.clone()}</span></summary>
                    <PostForm action=UpdateQuestion::PATH feedback>
                        <input type="hidden" name="question_id" value=id.to_string()/>
                        <QuestionFieldsForm feedback current=question.clone()/>
                        <button type="submit" class="button">{i18n.t("question-save")}</button>
                    </PostForm>
                </details>
            })}
        </li>
    }
}
