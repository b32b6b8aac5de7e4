//! A form field: a labelled input or text area with its hint and error.
//! With a rule it is an island, checked in the browser by the parser the
//! server runs.

use crate::components::form::Feedback;
use crate::components::islands::{hydrated, text_of};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast as _;
use palier_domain::form::{FormRule, Rule};
use serde::{Deserialize, Serialize};

/// A labelled input with its hint and error. With a `rule`, the same parser
/// the server runs checks the field in the browser (an island) when it
/// changes and when its form is sent; the server checks again.
#[component]
pub fn Field(
    feedback: Feedback,
    /// The form field's name, as the server function takes it.
    name: &'static str,
    /// Message id of the label.
    label: &'static str,
    /// Message id of a hint under the label.
    #[prop(default = None, into)]
    hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The value before any submission.
    #[prop(optional, into)]
    initial: Option<String>,
    #[prop(optional)] required: bool,
    /// The rule the browser checks as the person types.
    #[prop(default = None, into)]
    rule: Option<Rule>,
    #[prop(optional)] maxlength: Option<usize>,
    /// A text area of this many rows instead of a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
    /// A list to choose from (values and their labels) instead of an input;
    /// `placeholder` labels its first, empty choice.
    #[prop(optional)]
    choices: Option<Vec<(String, String)>>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// A rule over this and other fields (a radio choice that others depend
    /// on), checked in the browser when the form is sent; its message shows
    /// in place of the field's own.
    #[prop(optional)]
    check: Option<FormRule>,
) -> impl IntoView {
    let i18n = use_i18n();
    let secret = kind == "password";
    let field = FieldView {
        id: feedback.field_id(name),
        name: name.to_owned(),
        label: i18n.t(label),
        hint: hint.map(|hint| i18n.t(hint)),
        kind: kind.to_owned(),
        rows,
        choices: choices.map(|choices| {
            let empty = placeholder.map(|p| (String::new(), i18n.t(p)));
            empty.into_iter().chain(choices).collect()
        }),
        autocomplete: autocomplete.map(str::to_owned),
        accept: None,
        multiple: false,
        // A checkbox always sends its own value when ticked, whatever came back.
        value: if secret {
            None
        } else if kind == "checkbox" {
            initial
        } else {
            feedback.value(name).or(initial)
        },
        required,
        maxlength,
        error: feedback.field_message(name).map(|(id, args)| i18n.t_args(&id, &args)),
    };
    match rule {
        Some(rule) => {
            let messages = rule.messages().into_iter().map(|id| (id.to_owned(), i18n.t(id))).collect();
            view! { <CheckedField field rule messages/> }.into_any()
        }
        None => {
            let error = field.error.clone();
            let slot = check.map(|rule| {
                let error = error.clone();
                view! { <FormCheck rule focus_in=field.id.clone() messages=form_messages(rule) error/> }.into_any()
            });
            let error = if slot.is_some() { None } else { error };
            field_markup(field, Signal::stored(error), NodeRef::new(), (|_| {}, |_| {}), None, slot).into_any()
        }
    }
}

/// What a field shows, translated on the server (an island gets it as is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// The input's `type`.
    pub kind: String,
    /// A text area of this many rows, instead of an input.
    pub rows: Option<u32>,
    /// A list to choose from (value, label), instead of an input.
    pub choices: Option<Vec<(String, String)>>,
    pub autocomplete: Option<String>,
    /// The kinds of file a file input takes.
    pub accept: Option<String>,
    /// A file input that takes several files.
    #[serde(default)]
    pub multiple: bool,
    pub value: Option<String>,
    pub required: bool,
    pub maxlength: Option<usize>,
    /// The server's message for the last submission.
    pub error: Option<String>,
}

/// A field checked in the browser by `rule`; `messages` are the texts of
/// every message the rule can give.
#[island]
fn CheckedField(field: FieldView, rule: Rule, messages: Vec<(String, String)>) -> impl IntoView {
    let server_error = field.error.clone();
    // `None` until the browser checked the field itself.
    let checked = RwSignal::new(None::<Option<String>>);
    let error = Signal::derive(move || checked.get().unwrap_or_else(|| server_error.clone()));
    let messages = StoredValue::new(messages);
    let check = move |value: &str| rule.check(value).map(|id| messages.with_value(|m| text_of(m, id)));
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let (name, id) = (field.name.clone(), field.id.clone());
    Effect::new(move |_| {
        let Some(wrapper) = wrapper.get() else { return };
        let form = wrapper.closest("form").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        let (name, id) = (name.clone(), id.clone());
        check_on_submit(form.clone(), move |event| {
            let value = posted_values(form.clone(), &name).join("\n");
            let problem = check(&value);
            let invalid = problem.is_some();
            checked.set(Some(problem));
            if invalid {
                if !event.default_prevented() {
                    focus(&id);
                }
                event.prevent_default();
            }
        });
    });
    // A new problem shows when the person leaves the field; a problem shown
    // goes away as soon as what is typed is right (before they reach the
    // button, which would otherwise move under their finger).
    // What the field would send: a checkbox sends its value only when ticked.
    let checkbox = field.kind == "checkbox";
    let sent = move |event: &leptos::ev::Event| {
        if checkbox && !event_target_checked(event) { String::new() } else { event_target_value(event) }
    };
    let on_change = move |event: leptos::ev::Event| checked.set(Some(check(&sent(&event))));
    let on_input = move |event: leptos::ev::Event| {
        if error.with_untracked(Option::is_some) {
            checked.set(Some(check(&sent(&event))));
        }
    };
    field_markup(field, error, wrapper, (on_change, on_input), Some(hydrated()), None)
}

/// The message of a rule over several fields (`rule`), where it stands in
/// the page; with JavaScript the rule is checked when the form is sent, and
/// the focus moves into the element `focus_in` (the fields it is about).
/// `error` is the server's message for the last submission.
#[island]
pub fn FormCheck(
    rule: FormRule,
    focus_in: String,
    messages: Vec<(String, String)>,
    error: Option<String>,
) -> impl IntoView {
    let error = RwSignal::new(error);
    let wrapper = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        let Some(wrapper) = wrapper.get() else { return };
        let form = wrapper.closest("form").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        let (focus_in, messages) = (focus_in.clone(), messages.clone());
        check_on_submit(form.clone(), move |event| {
            let problem = rule.check(|name| posted_values(form.clone(), name));
            error.set(problem.map(|id| text_of(&messages, id)));
            if problem.is_some() {
                // The control itself, or the first one inside it (a group of choices).
                if !event.default_prevented()
                    && let Some(first) = document()
                        .get_element_by_id(&focus_in)
                        .and_then(|area| match area.tag_name().as_str() {
                            "INPUT" | "SELECT" | "TEXTAREA" => Some(area),
                            _ => area.query_selector("input, select, textarea").ok().flatten(),
                        })
                        .and_then(|input| input.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
                event.prevent_default();
            }
        });
    });
    let shown = hydrated();
    view! {
        <span node_ref=wrapper data-hydrated=move || shown.get().then_some("true")>
            {move || error.get().map(|message| view! { <span class="field__error">{message}</span> })}
        </span>
    }
}

/// The texts of every message `rule` can give, for a [`FormCheck`].
pub fn form_messages(rule: FormRule) -> Vec<(String, String)> {
    let i18n = use_i18n();
    rule.messages().into_iter().map(|m| (m.to_owned(), i18n.t(m))).collect()
}

/// Runs `on_submit` when `form` is sent (before the browser sends it).
pub fn check_on_submit(form: Option<web_sys::HtmlFormElement>, on_submit: impl Fn(web_sys::SubmitEvent) + 'static) {
    use leptos::wasm_bindgen::closure::Closure;
    let Some(form) = form else { return };
    let listener = Closure::<dyn Fn(web_sys::SubmitEvent)>::new(on_submit);
    let _ = form.add_event_listener_with_callback("submit", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// The values `form` would send for field `name`.
pub fn posted_values(form: Option<web_sys::HtmlFormElement>, name: &str) -> Vec<String> {
    form.and_then(|form| web_sys::FormData::new_with_form(&form).ok())
        .map(|data| data.get_all(name).iter().filter_map(|value| value.as_string()).collect())
        .unwrap_or_default()
}

/// Moves the focus to the element with this id.
pub(crate) fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The markup of a field, the same on the server and in an island.
/// `error_slot`, when given, shows instead of the field's error (a check
/// over several fields, see [`FormCheck`]).
pub(crate) fn field_markup(
    field: FieldView,
    error: Signal<Option<String>>,
    wrapper: NodeRef<leptos::html::Div>,
    (on_change, on_input): (impl Fn(leptos::ev::Event) + Clone + 'static, impl Fn(leptos::ev::Event) + 'static),
    hydrated: Option<ReadSignal<bool>>,
    error_slot: Option<AnyView>,
) -> impl IntoView {
    let hint_id = format!("{}-hint", field.id);
    let error_id = format!("{}-error", field.id);
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), field.hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let checkbox = field.kind == "checkbox";
    let hydrated = move || hydrated.is_some_and(|h| h.get()).then_some("true");
    // Radio buttons: a group with its legend, one choice under the other.
    if field.kind == "radio" {
        let chosen = field.value.unwrap_or_default();
        let (id, name) = (field.id.clone(), field.name.clone());
        let hint = field.hint.map(|hint| view! { <span class="field__hint" id=hint_id>{hint}</span> });
        let error_text = move || {
            error.get().map(|message| view! { <span class="field__error" id=error_id.clone()>{message}</span> })
        };
        let radios = field
            .choices
            .unwrap_or_default()
            .into_iter()
            .map(|(value, label)| {
                let radio_id = format!("{id}-{value}");
                let checked = value == chosen;
                view! {
                    <div class="choice">
                        <input type="radio" id=radio_id.clone() name=name.clone() value=value checked=checked
                            on:change=on_change.clone()/>
                        <label for=radio_id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        return view! {
            <fieldset class="field" class:field--invalid=move || error.with(Option::is_some) id=field.id
                aria-describedby=described_by data-hydrated=hydrated>
                <legend>{field.label}</legend>
                {hint}
                {error_slot.unwrap_or_else(|| error_text.into_any())}
                {radios}
            </fieldset>
        }
        .into_any();
    }
    let control = match (field.rows, field.choices) {
        (_, Some(choices)) => {
            let chosen = field.value.unwrap_or_default();
            view! {
                <select
                    id=field.id.clone()
                    name=field.name
                    required=field.required
                    aria-invalid=invalid
                    aria-describedby=described_by
                    on:change=on_change
                    on:input=on_input
                >
                    {choices
                        .into_iter()
                        .map(|(value, label)| {
                            let selected = value == chosen;
                            view! { <option value=value selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        (Some(rows), None) => view! {
            <textarea
                id=field.id.clone()
                name=field.name
                rows=rows
                required=field.required
                maxlength=field.maxlength
                aria-invalid=invalid
                aria-describedby=described_by
                on:change=on_change
                on:input=on_input
            >
                {field.value}
            </textarea>
        }
        .into_any(),
        (None, None) => view! {
            <input
                id=field.id.clone()
                name=field.name
                type=field.kind
                autocomplete=field.autocomplete
                accept=field.accept
                multiple=field.multiple
                required=field.required
                maxlength=field.maxlength
                value=field.value
                aria-invalid=invalid
                aria-describedby=described_by
                on:change=on_change
                on:input=on_input
            />
        }
        .into_any(),
    };
    let hint = field.hint.map(|hint| view! { <span class="field__hint" id=hint_id>{hint}</span> });
    let error_text =
        move || error.get().map(|message| view! { <span class="field__error" id=error_id.clone()>{message}</span> });
    let error_text = error_slot.unwrap_or_else(|| error_text.into_any());
    // A checkbox comes before its label, the hint inside it.
    if checkbox {
        return view! {
            <div class="field" class:field--invalid=move || error.with(Option::is_some) node_ref=wrapper
                data-hydrated=hydrated>
                {error_text}
                <div class="choice">
                    {control}
                    <label for=field.id>{field.label}{hint}</label>
                </div>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some) node_ref=wrapper
            data-hydrated=hydrated>
            <label for=field.id>{field.label}</label>
            {hint}
            {error_text}
            {control}
        </div>
    }
    .into_any()
}
