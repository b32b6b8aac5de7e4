//! Form building blocks. Forms post to server functions: without JavaScript
//! the browser posts and follows the redirect back (errors travel in it);
//! with JavaScript `ActionForm` submits without reloading. Either way errors
//! show next to their fields, with a summary at the top, and what was typed
//! stays in the fields (passwords excepted).

use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// What the last submission of a form returned.
#[derive(Clone, Copy)]
pub struct Feedback {
    error: Signal<Option<AppError>>,
    /// Makes field ids unique when a page has several forms with the same field names.
    prefix: Option<Signal<String>>,
}

impl Feedback {
    /// Follows the result of `action` (also filled in from the URL after a
    /// post without JavaScript).
    pub fn of<S>(action: ServerAction<S>) -> Self
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        Self { error: Signal::derive(move || action.value().get().and_then(Result::err)), prefix: None }
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

    /// The error a form posted without JavaScript brought back in the address,
    /// for server functions that cannot have a `ServerAction` (file uploads).
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

/// A labelled input with its hint and error. `check` runs in the browser when
/// the field loses focus, for instant feedback; the server checks again.
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
    #[prop(optional)] check: Option<fn(&str) -> Option<&'static str>>,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = feedback.field_id(name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let local_error = RwSignal::new(None::<&'static str>);
    let error = move || local_error.get().map(str::to_owned).or_else(|| feedback.field_error(name));
    let secret = kind == "password";
    let value = move || if secret { None } else { feedback.value(name).or_else(|| initial.clone()) };
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_change = move |event: leptos::ev::Event| {
        if let Some(check) = check {
            local_error.set(check(&event_target_value(&event)));
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error().is_some()>
            <label for=id.clone()>{i18n.t(label)}</label>
            {hint.map(|hint| view! { <span class="field__hint" id=hint_id.clone()>{i18n.t(hint)}</span> })}
            {move || {
                error().map(|message| view! { <span class="field__error" id=error_id.clone()>{i18n.t(&message)}</span> })
            }}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                maxlength=maxlength
                prop:value=value.clone()
                value=value
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by
                on:change=on_change
            />
        </div>
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
