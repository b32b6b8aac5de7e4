//! Errors as they cross the wire and reach a person.
//!
//! Policy: a server function returns `Result<T, AppError>`. Backend errors
//! are mapped to the variant that says what the person can do about it; the
//! details of unexpected errors are logged on the server (with a request id)
//! and never sent: the browser only learns that something went wrong. Every
//! variant is shown through a localised message ([`AppError::message_id`]),
//! and `Invalid` carries one message per field plus the values the person
//! typed (never passwords), so a form re-rendered after a plain HTML post
//! (no JavaScript) keeps them.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// A field's problem: the field's name, the id of the message to show and
/// the message's arguments (e.g. the line of a file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, String)>,
}

/// A form that did not pass validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    pub errors: Vec<FieldError>,
    /// What the person typed, by field name (secrets left out).
    pub values: Vec<(String, String)>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the message `message` for `field`.
    pub fn add(&mut self, field: &str, message: &str) {
        self.errors.push(FieldError { field: field.to_owned(), message: message.to_owned(), args: Vec::new() });
    }

    /// Adds the message `message` with arguments for `field`.
    pub fn add_with(&mut self, field: &str, message: &str, args: &[(&str, String)]) {
        self.errors.push(FieldError {
            field: field.to_owned(),
            message: message.to_owned(),
            args: args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        });
    }

    /// Remembers what was typed in `field`.
    pub fn keep(&mut self, field: &str, value: &str) {
        self.values.push((field.to_owned(), value.to_owned()));
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The message id for `field`, if it has one.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
    }

    /// Every error of `field`, with its arguments.
    pub fn all_for(&self, field: &str) -> Vec<&FieldError> {
        self.errors.iter().filter(|e| e.field == field).collect()
    }

    /// What was typed in `field`, if kept.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.iter().find(|(name, _)| name == field).map(|(_, value)| value.as_str())
    }

    /// `Err(AppError::Invalid(self))` when there are errors.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() { Ok(()) } else { Err(AppError::Invalid(self)) }
    }
}

/// Every error a server function can return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("the form has errors")]
    Invalid(FormErrors),
    #[error("sign in first")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("too many attempts")]
    RateLimited { retry_after_s: u64 },
    /// The request itself was malformed (wrong encoding, missing argument).
    #[error("bad request")]
    BadRequest,
    /// Something failed on the server; the details are in its logs.
    #[error("server error")]
    Internal,
}

impl AppError {
    /// The id of the localised message that explains this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "error-invalid",
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::RateLimited { .. } => "error-rate-limited",
            AppError::BadRequest => "error-bad-request",
            AppError::Internal => "error-internal",
        }
    }

    /// The HTTP status that goes with this error when a script called the
    /// server function (a form posted without JavaScript gets a redirect).
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::RateLimited { .. } => 429,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
        }
    }

    /// The form errors, when this is a validation failure.
    pub fn form(&self) -> Option<&FormErrors> {
        match self {
            AppError::Invalid(form) => Some(form),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}
