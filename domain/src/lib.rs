//! Palier's domain: the pure types and rules of tenant participation, and
//! every type that crosses the wire between the server and the browser.
//!
//! Nothing here does I/O, so the same parsers run on the server and in the
//! browser (wasm) for instant feedback. Every type that carries user input is
//! a newtype with a private field and a `parse` constructor: once you hold an
//! [`accounts::Email`], it is valid ("parse, don't validate"). Modules are
//! named after the features they serve, as in the backend, the server
//! functions and the pages.

/// Gives fieldless enums their stored code, `code()`, e.g. `"after_close"`.
/// The code and the parser (`str::parse`) are derived by strum's
/// `IntoStaticStr` and `EnumString`, with the same `snake_case` names serde
/// uses; none is written by hand.
macro_rules! codes {
    ($($name:ty),* $(,)?) => {$(
        impl $name {
            /// The stored code.
            pub fn code(self) -> &'static str {
                self.into()
            }
        }
    )*};
}
pub(crate) use codes;

pub mod accounts;
pub mod audit;
pub mod consultations;
pub mod dashboard;
pub mod form;
pub mod ids;
pub mod locale;
pub mod notifications;
pub mod platform;
pub mod registry;
pub mod shell;
pub mod team;
pub mod time;

pub use accounts::{DisplayName, Email, EmailError, NameError, Password, PasswordError, Secret};
pub use locale::Locale;
pub use registry::{InvitationCode, InvitationCodeError};
