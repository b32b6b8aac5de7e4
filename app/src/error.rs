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

pub use palier_domain::form::{FieldError, FormErrors};

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

    /// `Err(AppError::Invalid(form))` when the form has errors.
    pub fn unless_valid(form: FormErrors) -> Result<(), AppError> {
        if form.is_empty() { Ok(()) } else { Err(AppError::Invalid(form)) }
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
