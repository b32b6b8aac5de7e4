//! Sending email: a [`Mailer`] over lettre with three transports (SMTP in
//! production, `.eml` files by default, an in-memory stub in tests), and the
//! per-message, per-locale [`templates`].
//!
//! Services never send directly: they write to the [`crate::outbox`] in their
//! own transaction and the outbox worker calls [`Mailer::send`].

pub mod templates;

use anyhow::Context as _;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport as _, Message, Tokio1Executor};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub use templates::{EmailTemplate, RenderedEmail};

/// How long one SMTP conversation may take before it counts as a failure.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// Where emails go. Its `Debug` hides the SMTP password.
#[derive(Clone, PartialEq, Eq)]
pub enum MailTransport {
    /// An SMTP server, from a URL such as `smtp://127.0.0.1:2525`,
    /// `smtp://user:pass@host:587?tls=required` or `smtps://host`.
    Smtp(String),
    /// One `.eml` file per email in this directory (the zero-configuration default).
    Files(PathBuf),
    /// Kept in memory, for tests.
    Stub,
}

impl std::fmt::Debug for MailTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailTransport::Smtp(url) => f.debug_tuple("Smtp").field(&redact_password(url)).finish(),
            MailTransport::Files(dir) => f.debug_tuple("Files").field(dir).finish(),
            MailTransport::Stub => f.write_str("Stub"),
        }
    }
}

/// A URL with the password of its user part replaced by `***`, for logs
/// (`postgres://palier:***@db/palier`, `smtp://user:***@host:587`).
pub fn redact_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// An email ready to send, as the outbox stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// Extra headers, e.g. `List-Unsubscribe`.
    pub headers: Vec<(String, String)>,
    /// Stable across retries, so a receiving server can drop a duplicate.
    pub message_id: String,
    /// An iCalendar invitation (RFC 5545), sent as a `text/calendar` part
    /// that mail programs offer to add to a calendar, and as `invitation.ics`.
    pub calendar: Option<String>,
}

/// Why a send failed, and whether trying again may help.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("temporary failure: {0}")]
    Transient(String),
    #[error("permanent failure: {0}")]
    Permanent(String),
}

/// The emails the stub transport has "sent".
#[derive(Debug, Clone, Default)]
pub struct StubMailbox(Arc<Mutex<Vec<OutgoingEmail>>>);

impl StubMailbox {
    pub fn messages(&self) -> Vec<OutgoingEmail> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    fn push(&self, email: OutgoingEmail) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).push(email);
    }
}

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
    Stub(StubMailbox),
}

/// Sends [`OutgoingEmail`]s from one sender address through one transport.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Files(_) => "files",
            Transport::Stub(_) => "stub",
        };
        f.debug_struct("Mailer").field("transport", &kind).finish_non_exhaustive()
    }
}

impl Mailer {
    /// Builds a mailer. `from` is a mailbox such as `Palier <palier@example.org>`.
    pub fn new(from: &str, transport: &MailTransport) -> anyhow::Result<Self> {
        let from: Mailbox = from.parse().context("the sender address (PALIER_MAIL_FROM) is not valid")?;
        let transport = match transport {
            MailTransport::Smtp(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .context("the SMTP URL (PALIER_SMTP_URL) is not valid")?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            MailTransport::Files(dir) => {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("could not create the mail directory {}", dir.display()))?;
                Transport::Files(AsyncFileTransport::new(dir))
            }
            MailTransport::Stub => Transport::Stub(StubMailbox::default()),
        };
        Ok(Self { from, transport })
    }

    /// The address emails come from (calendar invitations name it as their organiser).
    pub fn from_address(&self) -> String {
        self.from.email.to_string()
    }

    /// A mailer whose emails stay in memory, and the box to read them from.
    pub fn stub(from: &str) -> anyhow::Result<(Self, StubMailbox)> {
        let mailer = Self::new(from, &MailTransport::Stub)?;
        let mailbox = match &mailer.transport {
            Transport::Stub(mailbox) => mailbox.clone(),
            _ => StubMailbox::default(),
        };
        Ok((mailer, mailbox))
    }

    /// The domain of the sender address, used in Message-IDs.
    pub fn sender_domain(&self) -> &str {
        self.from.email.domain()
    }

    /// Sends one email, classifying failures as transient or permanent.
    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), SendError> {
        let message = self.build(email)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(|error| {
                if error.is_permanent() {
                    SendError::Permanent(error.to_string())
                } else {
                    SendError::Transient(error.to_string())
                }
            }),
            Transport::Files(files) => {
                files.send(message).await.map(drop).map_err(|error| SendError::Transient(error.to_string()))
            }
            Transport::Stub(mailbox) => {
                mailbox.push(email.clone());
                Ok(())
            }
        }
    }

    fn build(&self, email: &OutgoingEmail) -> Result<Message, SendError> {
        let to: Mailbox =
            email.to.parse().map_err(|_| SendError::Permanent("the recipient address is not valid".to_owned()))?;
        let mut message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(email.message_id.clone()))
            .multipart(body(email))
            .map_err(|error| SendError::Permanent(format!("could not build the email: {error}")))?;
        for (name, value) in &email.headers {
            let name = HeaderName::new_from_ascii(name.clone())
                .map_err(|_| SendError::Permanent(format!("invalid header name {name}")))?;
            message.headers_mut().insert_raw(HeaderValue::new(name, value.clone()));
        }
        Ok(message)
    }
}

/// The body of `email`: its text and HTML, and its invitation when it has one.
fn body(email: &OutgoingEmail) -> MultiPart {
    use lettre::message::header::ContentType;
    use lettre::message::{Attachment, SinglePart};
    let alternative = MultiPart::alternative_plain_html(email.text.clone(), email.html.clone());
    let Some(calendar) = &email.calendar else { return alternative };
    // The method the invitation carries (REQUEST, or CANCEL when called off).
    let method = calendar
        .lines()
        .find_map(|line| line.strip_prefix("METHOD:"))
        .map(str::trim)
        .filter(|m| m.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or("REQUEST");
    let kind = |extra: &str| {
        ContentType::parse(&format!("text/calendar; charset=utf-8{extra}")).unwrap_or(ContentType::TEXT_PLAIN)
    };
    MultiPart::mixed()
        .multipart(
            alternative
                .singlepart(SinglePart::builder().header(kind(&format!("; method={method}"))).body(calendar.clone())),
        )
        .singlepart(Attachment::new("invitation.ics".to_owned()).body(calendar.clone(), kind("")))
}

/// Whether `from` is a sender mailbox such as `Palier <palier@example.org>`.
pub fn is_valid_sender(from: &str) -> bool {
    from.parse::<Mailbox>().is_ok()
}
