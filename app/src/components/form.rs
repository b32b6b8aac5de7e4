//! Form building blocks. Forms are plain HTML forms that post to server
//! functions; the browser follows the redirect back, and a refused form
//! comes back with its errors in the address. Errors show next to their
//! fields, with a summary at the top, and what was typed stays in the fields
//! (passwords excepted). Fields with a rule are islands: with JavaScript,
//! the same rule checks them before the form is sent.

pub use crate::components::field::{Field, check_on_submit, posted_values};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use palier_domain::form::Rule;

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

    /// This feedback when the last submission was this form's, that is when
    /// it kept `value` for `field` (the hidden id of the item a form edits);
    /// otherwise none. For pages with one form per item of a list.
    pub fn only_for(self, field: &str, value: &str) -> Self {
        if self.value(field).as_deref() == Some(value) { self } else { Self { error: Signal::derive(|| None), ..self } }
    }

    /// This feedback when the last submission was this form's, that is when
    /// it kept no value for `field` (the hidden id that the list's other
    /// forms send); otherwise none.
    pub fn only_without(self, field: &str) -> Self {
        if self.value(field).is_none() { self } else { Self { error: Signal::derive(|| None), ..self } }
    }

    /// Whether the last submission was refused.
    pub fn refused(&self) -> bool {
        self.error.with(Option::is_some)
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

/// A labelled checkbox (it sends `on` when ticked). With a `rule`, the
/// browser checks it as the server will (e.g. a confirmation to tick).
#[component]
pub fn Checkbox(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] rule: Option<Rule>,
) -> impl IntoView {
    view! { <Field feedback name label hint kind="checkbox" initial="on" rule/> }
}

/// A success notice chosen by the `ok` query parameter (set by the redirect
/// after a form), e.g. `?ok=password-changed` shows `ok-password-changed`.
#[component]
pub fn OkNotice(
    /// The `ok` values this page knows (an enum's codes among them: the
    /// message of `open_now` is `ok-open-now`).
    #[prop(into)]
    known: Vec<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    move || {
        let value = query.with(|q| q.get("ok"))?;
        let known = known.iter().find(|k| **k == value)?;
        Some(view! {
            <div class="notice notice--success" role="status">
                <p>{i18n.t_code("ok", known)}</p>
            </div>
        })
    }
}
