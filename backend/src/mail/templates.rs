//! Email templates: for each message and locale, a plain-text template (with
//! the subject in its `subject` block) and an HTML template, both extending a
//! shared layout. They are compiled into the binary and rendered with
//! minijinja; HTML templates escape every value.

use minijinja::{Environment, context};
use palier_domain::Locale;
use serde::Serialize;
use std::sync::LazyLock;

/// A message Palier can email. The struct's fields are the template's values.
pub trait EmailTemplate: Serialize {
    /// The folder under `backend/templates/email/`.
    const NAME: &'static str;
}

/// Values every email's layout needs.
#[derive(Debug, Clone, Serialize)]
pub struct Layout<'a> {
    /// The site's public address, without a trailing slash.
    pub public_url: &'a str,
    /// Where to stop receiving this kind of email; `None` for transactional emails.
    pub unsubscribe_url: Option<&'a str>,
}

/// An email rendered in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

macro_rules! templates {
    ($($folder:literal),* $(,)?) => {
        &[
            ("layout.html", include_str!("../../templates/email/layout.html")),
            ("layout.txt", include_str!("../../templates/email/layout.txt")),
            $(
                (concat!($folder, "/fr.html"), include_str!(concat!("../../templates/email/", $folder, "/fr.html"))),
                (concat!($folder, "/fr.txt"), include_str!(concat!("../../templates/email/", $folder, "/fr.txt"))),
                (concat!($folder, "/en.html"), include_str!(concat!("../../templates/email/", $folder, "/en.html"))),
                (concat!($folder, "/en.txt"), include_str!(concat!("../../templates/email/", $folder, "/en.txt"))),
            )*
        ]
    };
}

/// Every template file, by name: the layouts, and each message's folder
/// with its text and HTML in each locale.
const SOURCES: &[(&str, &str)] = templates![
    "smtp_test",
    "verify_email",
    "account_exists",
    "password_reset",
    "password_changed",
    "confirm_new_email",
    "email_change_notice",
    "staff_invitation",
    "ballot_receipt",
    "notification_consultation_opened",
    "notification_consultation_closing",
    "notification_consultation_extended",
    "notification_results_available",
    "notification_response_published",
    "notification_home_joined",
    "notification_home_left",
    "notification_paper_ballot",
    "notification_project_published",
    "notification_project_changed",
    "notification_project_progress",
    "notification_new_comment",
    "notification_comment_reply",
    "notification_content_hidden",
    "notification_content_restored",
    "notification_meeting_convened",
    "notification_meeting_moved",
    "notification_meeting_cancelled",
    "council_convocation",
    "notification_digest",
];

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, source) in SOURCES {
        if let Err(error) = env.add_template(name, source) {
            // A broken template is a build defect; `every_template_renders` catches it in tests.
            tracing::error!(template = name, %error, "invalid email template");
        }
    }
    env
});

/// Renders `message` in `locale`.
pub fn render<T: EmailTemplate>(
    message: &T,
    locale: Locale,
    layout: &Layout<'_>,
) -> Result<RenderedEmail, minijinja::Error> {
    render_named(T::NAME, message, locale, layout)
}

/// Renders the template folder `name` with `values` in `locale` (for
/// messages chosen at run time, like notifications by kind).
pub fn render_named<T: Serialize>(
    name: &str,
    values: &T,
    locale: Locale,
    layout: &Layout<'_>,
) -> Result<RenderedEmail, minijinja::Error> {
    let ctx = context! { locale => locale.as_str(), layout => layout, m => values };
    let text_template = ENVIRONMENT.get_template(&format!("{name}/{}.txt", locale.as_str()))?;
    let mut captured = text_template.render_captured(&ctx)?;
    let subject = captured.with_state_mut(|state| state.render_block("subject"))?;
    let subject = palier_domain::form::collapse(&subject);
    let text = captured.output().to_owned();
    let html = ENVIRONMENT.get_template(&format!("{name}/{}.html", locale.as_str()))?.render(&ctx)?;
    Ok(RenderedEmail { subject, text, html })
}

/// The test email that `palier mail-test` sends to check the configuration.
#[derive(Debug, Clone, Serialize)]
pub struct SmtpTest {
    pub transport: String,
}

impl EmailTemplate for SmtpTest {
    const NAME: &'static str = "smtp_test";
}

/// Confirms the address of a new account.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyEmail {
    pub name: String,
    pub link: String,
}

impl EmailTemplate for VerifyEmail {
    const NAME: &'static str = "verify_email";
}

/// Sent instead of a verification when someone registers with an address
/// that already has an account (so registration reveals nothing).
#[derive(Debug, Clone, Serialize)]
pub struct AccountExists {
    pub name: String,
    pub login_link: String,
    pub reset_link: String,
}

impl EmailTemplate for AccountExists {
    const NAME: &'static str = "account_exists";
}

/// A link to choose a new password.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordReset {
    pub name: String,
    pub link: String,
}

impl EmailTemplate for PasswordReset {
    const NAME: &'static str = "password_reset";
}

/// Tells the owner their password changed.
#[derive(Debug, Clone, Serialize)]
pub struct PasswordChanged {
    pub name: String,
    pub reset_link: String,
}

impl EmailTemplate for PasswordChanged {
    const NAME: &'static str = "password_changed";
}

/// Sent to a new address to confirm it.
#[derive(Debug, Clone, Serialize)]
pub struct ConfirmNewEmail {
    pub name: String,
    pub link: String,
}

impl EmailTemplate for ConfirmNewEmail {
    const NAME: &'static str = "confirm_new_email";
}

/// Sent to the old address when a change of address is requested.
#[derive(Debug, Clone, Serialize)]
pub struct EmailChangeNotice {
    pub name: String,
    pub new_email: String,
    pub reset_link: String,
}

impl EmailTemplate for EmailChangeNotice {
    const NAME: &'static str = "email_change_notice";
}

/// Invites someone to an organisation's team.
#[derive(Debug, Clone, Serialize)]
pub struct StaffInvitation {
    pub organisation: String,
    pub inviter: String,
    /// Serialised as its code (`admin`, `staff`), which the templates compare.
    pub role: palier_domain::team::OrgRole,
    pub link: String,
    pub days: i64,
}

impl EmailTemplate for StaffInvitation {
    const NAME: &'static str = "staff_invitation";
}

/// The receipt of a ballot, sent to the voter (erased from the outbox once sent).
#[derive(Debug, Clone, Serialize)]
pub struct BallotReceipt {
    pub title: String,
    pub receipt: String,
    /// Where the ballot list will be published.
    pub link: String,
}

impl EmailTemplate for BallotReceipt {
    const NAME: &'static str = "ballot_receipt";
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: Layout<'static> = Layout { public_url: "https://palier.example", unsubscribe_url: None };

    #[test]
    fn every_template_parses() {
        for (name, _) in SOURCES {
            assert!(ENVIRONMENT.get_template(name).is_ok(), "template {name} does not parse");
        }
    }

    #[test]
    fn smtp_test_renders_in_every_locale() {
        for locale in Locale::ALL {
            let email = render(&SmtpTest { transport: "smtp".into() }, locale, &LAYOUT).unwrap();
            assert!(!email.subject.is_empty());
            assert!(!email.subject.contains('\n'));
            assert!(email.text.contains("https://palier.example"));
            assert!(email.html.replace("&#x2f;", "/").contains("href=\"https://palier.example\""));
            assert!(email.html.contains("<html lang=\"") && email.html.contains(locale.as_str()));
        }
        let fr = render(&SmtpTest { transport: "smtp".into() }, Locale::Fr, &LAYOUT).unwrap();
        assert!(fr.subject.contains("Palier"));
        assert!(fr.text.contains("Ce message"));
    }

    fn check<T: EmailTemplate>(message: &T, must_contain: &str) {
        for locale in Locale::ALL {
            let email = render(message, locale, &LAYOUT).unwrap_or_else(|e| panic!("{} in {locale}: {e:#}", T::NAME));
            assert!(!email.subject.is_empty() && !email.subject.contains("{{"), "{} subject", T::NAME);
            assert!(email.text.contains(must_contain), "{} text in {locale} lacks {must_contain}", T::NAME);
            assert!(
                email.html.replace("&#x2f;", "/").contains(must_contain),
                "{} html in {locale} lacks {must_contain}",
                T::NAME
            );
            assert!(!email.text.contains("{{") && !email.html.contains("{{"), "{} has raw template syntax", T::NAME);
        }
    }

    #[test]
    fn notification_emails_render_in_every_locale() {
        let link = "https://palier.example/consultations/1";
        let values = serde_json::json!({
            "title": "Halls & cours", "name": "Paul Martin", "unit": "Logement A01",
            "residence": "Les Tilleuls", "link": link, "closes": "03/12/2026 à 18:00",
            "council": "CCL Les Tilleuls", "starts": "14/01/2027 à 18:00",
        });
        for kind in crate::notifications::EMAILED_KINDS {
            for locale in Locale::ALL {
                let email = render_named(&format!("notification_{kind}"), &values, locale, &LAYOUT)
                    .unwrap_or_else(|e| panic!("{kind} in {locale}: {e:#}"));
                assert!(!email.subject.is_empty() && !email.subject.contains("{{"), "{kind} subject");
                assert!(email.text.contains(link), "{kind} text in {locale}");
                assert!(email.html.replace("&#x2f;", "/").contains(link), "{kind} html in {locale}");
                assert!(!email.text.contains("{{") && !email.html.contains("{{"), "{kind} raw syntax");
                assert!(!email.html.contains("Halls & cours"), "{kind}: HTML escapes values");
            }
        }
        let digest = serde_json::json!({
            "lines": [{"text": "Vote ouvert : « Halls »", "link": link}],
            "notifications_link": "https://palier.example/notifications",
            "preferences_link": "https://palier.example/compte/notifications",
        });
        for locale in Locale::ALL {
            let email = render_named("notification_digest", &digest, locale, &LAYOUT).unwrap();
            assert!(email.text.contains("Vote ouvert : « Halls »") && email.text.contains(link));
            assert!(email.html.replace("&#x2f;", "/").contains("https://palier.example/compte/notifications"));
        }
    }

    #[test]
    fn every_message_renders_in_every_locale() {
        let link = "https://palier.example/x?jeton=abc".to_owned();
        check(&VerifyEmail { name: "Jeanne".into(), link: link.clone() }, &link);
        check(
            &AccountExists { name: "Jeanne".into(), login_link: link.clone(), reset_link: "https://r".into() },
            &link,
        );
        check(&PasswordReset { name: "Jeanne".into(), link: link.clone() }, &link);
        check(&PasswordChanged { name: "Jeanne".into(), reset_link: link.clone() }, &link);
        check(&ConfirmNewEmail { name: "Jeanne".into(), link: link.clone() }, &link);
        check(
            &EmailChangeNotice {
                name: "Jeanne".into(),
                new_email: "j***@example.org".into(),
                reset_link: link.clone(),
            },
            "j***@example.org",
        );
        check(
            &StaffInvitation {
                organisation: "Habitat".into(),
                inviter: "Claire".into(),
                role: palier_domain::team::OrgRole::Admin,
                link: link.clone(),
                days: 7,
            },
            &link,
        );
        check(
            &BallotReceipt { title: "Halls".into(), receipt: "K7QM-9TXR-2HWP".into(), link: link.clone() },
            "K7QM-9TXR-2HWP",
        );
        for change in ["convened", "moved", "cancelled"] {
            let convocation = crate::councils::meetings::Convocation {
                change,
                council: "CCL Les Tilleuls".into(),
                when: "14/01/2027 à 18:00".into(),
                place: "Salle commune".into(),
                video_link: String::new(),
                agenda: vec!["Chauffage (30 min)".into()],
                link: link.clone(),
            };
            check(&convocation, "14/01/2027 à 18:00");
            let fr = render(&convocation, Locale::Fr, &LAYOUT).unwrap();
            assert_eq!(fr.text.contains("Chauffage (30 min)"), change != "cancelled", "{change}");
            assert_eq!(fr.subject.starts_with("Réunion annulée"), change == "cancelled");
        }
        let fr = render(&VerifyEmail { name: "Jeanne".into(), link }, Locale::Fr, &LAYOUT).unwrap();
        assert_eq!(fr.subject, "Palier : confirmez votre adresse email");
    }

    #[test]
    fn html_escapes_values_and_text_does_not() {
        let email = render(&SmtpTest { transport: "<b>&".into() }, Locale::En, &LAYOUT).unwrap();
        assert!(email.html.contains("&lt;b&gt;&amp;"));
        assert!(!email.html.contains("<b>&"));
        assert!(email.text.contains("<b>&"));
    }

    #[test]
    fn unsubscribe_link_appears_only_when_given() {
        let with = Layout { unsubscribe_url: Some("https://palier.example/u/abc"), ..LAYOUT };
        let email = render(&SmtpTest { transport: "smtp".into() }, Locale::Fr, &with).unwrap();
        assert!(email.text.contains("https://palier.example/u/abc"));
        // minijinja escapes "/" in HTML; mail clients decode it like any entity.
        assert!(email.html.replace("&#x2f;", "/").contains("https://palier.example/u/abc"));
        let email = render(&SmtpTest { transport: "smtp".into() }, Locale::Fr, &LAYOUT).unwrap();
        assert!(!email.text.contains("/u/"));
    }
}
