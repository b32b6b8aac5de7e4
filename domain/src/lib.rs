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

/// A fieldless enum that crosses the wire and is stored by its code: the
/// derives every such enum needs (serde and strum with the same
/// `snake_case` names, its variants listed) and its [`codes!`] `code()`.
macro_rules! wire_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            serde::Serialize,
            serde::Deserialize,
            strum::EnumString,
            strum::IntoStaticStr,
            strum::VariantArray,
            strum::Display,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name {
            $($(#[$variant_meta])* $variant),*
        }

        crate::codes!($name);
    };
}
pub(crate) use wire_enum;

pub mod accounts;
pub mod attachments;
pub mod audit;
pub mod consultations;
pub mod councils;
pub mod dashboard;
pub mod discussion;
pub mod form;
pub mod ids;
pub mod locale;
pub mod notifications;
pub mod platform;
pub mod projects;
pub mod registry;
pub mod shell;
pub mod team;
pub mod time;

pub use accounts::{DisplayName, Email, EmailError, NameError, Password, PasswordError, Secret};
pub use locale::Locale;
pub use registry::{InvitationCode, InvitationCodeError};
