//! Form building blocks. Forms are plain HTML forms that post to server
//! functions; the browser follows the redirect back, and a refused form
//! comes back with its errors in the address. Errors show next to their
//! fields, with a summary at the top, and what was typed stays in the fields
//! (passwords excepted). Fields with a rule are islands: with JavaScript,
//! the same rule checks them before the form is sent.

use crate::components::islands::{hydrated, text_of};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::wasm_bindgen::JsCast as _;
use leptos_router::hooks::use_query_map;
use palier_domain::form::Rule;
use serde::{Deserialize, Serialize};

/// What the last submission of a form returned.
#[derive(Clone, Copy)]
pub struct Feedback {
    error: Signal<Option<AppError>>,
    /// Makes field ids unique when a page has several forms with the same field names.
    prefix: Option<Signal<String>>,
}

impl Feedback {
    /// What the last submission to server function `S` returned. Forms post
    /// to server functions and the browser follows the redirect back: a
    /// refused form comes back with its error in the address.
    pub fn of<S: ServerFn>() -> Self {
        Self::from_address(S::PATH)
    }

    /// The same feedback, for a form whose field ids start with `prefix`
    /// (needed when two forms of a page share a field name).
    pub fn prefixed(self, prefix: impl Into<String>) -> Self {
        Self { prefix: Some(Signal::stored(prefix.into())), ..self }
    }

    /// The id of `field`'s input in this form.
    pub fn field_id(&self, field: &str) -> String {
        match self.prefix {
            Some(prefix) => format!("field-{}-{field}", prefix.get_untracked()),
            None => format!("field-{field}"),
        }
    }

    /// The error a form posted to `path` brought back in the address.
    pub fn from_address(path: &'static str) -> Self {
        use leptos::server::ServerActionError;
        use leptos::server_fn::error::ServerFnUrlError;
        let error = use_context::<ServerActionError>()
            .filter(|error| error.path() == path)
            .map(|error| ServerFnUrlError::<AppError>::decode_err(error.err()));
        Self { error: Signal::derive(move || error.clone()), prefix: None }
    }

    /// No submission yet.
    pub fn none() -> Self {
        Self { error: Signal::derive(|| None), prefix: None }
    }

    /// Feedback for an error a page already holds (e.g. from a resource).
    pub fn from_error(error: AppError) -> Self {
        Self { error: Signal::derive(move || Some(error.clone())), prefix: None }
    }

    /// The message id for `field`, if the last submission had one.
    pub fn field_error(&self, field: &str) -> Option<String> {
        self.error.with(|e| e.as_ref().and_then(AppError::form).and_then(|f| f.for_field(field)).map(str::to_owned))
    }

    /// The message id and arguments for `field`, if the last submission had one.
    pub fn field_message(&self, field: &str) -> Option<(String, Vec<(String, String)>)> {
        self.error.with(|e| {
            e.as_ref()
                .and_then(AppError::form)
                .and_then(|f| f.errors.iter().find(|x| x.field == field))
                .map(|x| (x.message.clone(), x.args.clone()))
        })
    }

    /// Every value kept for `field` (several for checkboxes).
    pub fn values(&self, field: &str) -> Vec<String> {
        self.error.with(|e| {
            e.as_ref()
                .and_then(AppError::form)
                .map(|f| f.values.iter().filter(|(name, _)| name == field).map(|(_, v)| v.clone()).collect())
                .unwrap_or_default()
        })
    }

    /// What was typed in `field` at the last submission.
    pub fn value(&self, field: &str) -> Option<String> {
        self.error.with(|e| e.as_ref().and_then(AppError::form).and_then(|f| f.value(field)).map(str::to_owned))
    }

    pub fn error(&self) -> Option<AppError> {
        self.error.get()
    }
}

/// The message shown for an error that is not about one field.
pub fn error_text(error: &AppError) -> String {
    let i18n = use_i18n();
    match error {
        AppError::RateLimited { retry_after_s } => {
            let minutes = retry_after_s.div_ceil(60).max(1);
            i18n.t_with("error-rate-limited", &[("minutes", minutes.into())])
        }
        other => i18n.t(other.message_id()),
    }
}

/// The list of problems at the top of a form, linking to each field.
#[component]
pub fn ErrorSummary(feedback: Feedback) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        feedback.error().map(|error| match error.form() {
            Some(form) => {
                let items = form
                    .errors
                    .iter()
                    .map(|e| {
                        let href = format!("#{}", feedback.field_id(&e.field));
                        view! {
                            <li>
                                <a href=href>{i18n.t_args(&e.message, &e.args)}</a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="notice notice--error" role="alert">
                        <h2 class="notice__title">{i18n.t("error-summary-title")}</h2>
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <div class="notice notice--error" role="alert">
                    <p>{error_text(&error)}</p>
                </div>
            }
            .into_any(),
        })
    }
}

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
    #[prop(optional)]
    hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The value before any submission.
    #[prop(optional, into)]
    initial: Option<String>,
    #[prop(optional)] required: bool,
    /// The rule the browser checks as the person types.
    #[prop(optional)]
    rule: Option<Rule>,
    #[prop(optional)] maxlength: Option<usize>,
    /// A text area of this many rows instead of a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
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
        autocomplete: autocomplete.map(str::to_owned),
        value: if secret { None } else { feedback.value(name).or(initial) },
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
            field_markup(field, Signal::stored(error), NodeRef::new(), (|_| {}, |_| {}), None).into_any()
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
    pub autocomplete: Option<String>,
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
    let on_change = move |event: leptos::ev::Event| checked.set(Some(check(&event_target_value(&event))));
    let on_input = move |event: leptos::ev::Event| {
        if error.with_untracked(Option::is_some) {
            checked.set(Some(check(&event_target_value(&event))));
        }
    };
    field_markup(field, error, wrapper, (on_change, on_input), Some(hydrated()))
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
fn focus(id: &str) {
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The markup of a field, the same on the server and in an island.
fn field_markup(
    field: FieldView,
    error: Signal<Option<String>>,
    wrapper: NodeRef<leptos::html::Div>,
    (on_change, on_input): (impl Fn(leptos::ev::Event) + 'static, impl Fn(leptos::ev::Event) + 'static),
    hydrated: Option<ReadSignal<bool>>,
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
    let control = match field.rows {
        Some(rows) => view! {
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
        None => view! {
            <input
                id=field.id.clone()
                name=field.name
                type=field.kind
                autocomplete=field.autocomplete
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
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some) node_ref=wrapper
            data-hydrated=move || hydrated.is_some_and(|h| h.get()).then_some("true")>
            <label for=field.id>{field.label}</label>
            {field.hint.map(|hint| view! { <span class="field__hint" id=hint_id>{hint}</span> })}
            {move || error.get().map(|message| view! { <span class="field__error" id=error_id.clone()>{message}</span> })}
            {control}
        </div>
    }
}

/// A form that posts to server function `action` (its `PATH`), with the
/// summary of its errors above it.
#[component]
pub fn PostForm(
    action: &'static str,
    feedback: Feedback,
    #[prop(default = "form")] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <ErrorSummary feedback/>
        <form class=class method="post" action=action novalidate>
            {children()}
        </form>
    }
}

/// A labelled checkbox.
#[component]
pub fn Checkbox(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = feedback.field_id(name);
    let error = move || feedback.field_error(name);
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            {move || error().map(|message| view! { <span class="field__error">{i18n.t(&message)}</span> })}
            <div class="choice">
                <input type="checkbox" id=id.clone() name=name value="on"/>
                <label for=id>
                    {i18n.t(label)}
                    {hint.map(|hint| view! { <span class="field__hint">{i18n.t(hint)}</span> })}
                </label>
            </div>
        </div>
    }
}

/// A success notice chosen by the `ok` query parameter (set by the redirect
/// after a form), e.g. `?ok=password-changed` shows `ok-password-changed`.
#[component]
pub fn OkNotice(
    /// The `ok` values this page knows.
    known: &'static [&'static str],
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        let value = query.with(|q| q.get("ok"))?;
        let known = known.iter().find(|k| **k == value)?;
        Some(view! {
            <div class="notice notice--success" role="status">
                <p>{i18n.t(&format!("ok-{known}"))}</p>
            </div>
        })
    }
}
