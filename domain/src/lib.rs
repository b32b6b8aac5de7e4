//! Palier's domain: the pure types and rules of tenant participation.
//!
//! Nothing here does I/O, so the same parsers run on the server and in the
//! browser (wasm) for instant feedback. Every type that carries user input is
//! a newtype with a private field and a `parse` constructor: once you hold an
//! [`account::Email`], it is valid ("parse, don't validate").

pub mod account;
pub mod consultation;
pub mod form;
pub mod invitation;
pub mod locale;
pub mod notification;

pub use account::{DisplayName, Email, EmailError, NameError, Password, PasswordError};
pub use invitation::{InvitationCode, InvitationCodeError};
pub use locale::Locale;
