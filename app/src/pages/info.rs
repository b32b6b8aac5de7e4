//! Static information pages linked from the footer.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// A titled section of an information page: `(title id, body id)`.
fn sections(ids: &[(&'static str, &'static str)]) -> impl IntoView + use<> {
    let i18n = use_i18n();
    ids.iter()
        .map(|(title, body)| {
            view! {
                <section>
                    <h2>{i18n.t(title)}</h2>
                    <p>{i18n.t(body)}</p>
                </section>
            }
        })
        .collect_view()
}

/// The accessibility statement (déclaration d'accessibilité, RGAA).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("a11y-title")/>
        <article class="page page--narrow prose">
            <h1>{i18n.t("a11y-title")}</h1>
            <p>{i18n.t("a11y-intro")}</p>
            {sections(
                &[
                    ("a11y-status-title", "a11y-status"),
                    ("a11y-tests-title", "a11y-tests"),
                    ("a11y-limits-title", "a11y-limits"),
                    ("a11y-contact-title", "a11y-contact"),
                    ("a11y-recourse-title", "a11y-recourse"),
                ],
            )}
        </article>
    }
}

/// The legal notice (mentions légales) and data-protection summary.
#[component]
pub fn LegalPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("legal-title")/>
        <article class="page page--narrow prose">
            <h1>{i18n.t("legal-title")}</h1>
            {sections(
                &[
                    ("legal-publisher-title", "legal-publisher"),
                    ("legal-data-title", "legal-data"),
                    ("legal-cookies-title", "legal-cookies"),
                ],
            )}
        </article>
    }
}

/// `/secret-du-vote`: how a vote stays secret and how anyone can check the
/// count, in plain words (linked from every ballot and the footer). The
/// threat model behind it is in ARCHITECTURE.md.
#[component]
pub fn SecrecyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("secrecy-title")/>
        <article class="page page--narrow prose">
            <h1>{i18n.t("secrecy-title")}</h1>
            <p>{i18n.t("secrecy-intro")}</p>
            {sections(
                &[
                    ("secrecy-landlord-title", "secrecy-landlord"),
                    ("secrecy-apart-title", "secrecy-apart"),
                    ("secrecy-live-title", "secrecy-live"),
                    ("secrecy-receipt-title", "secrecy-receipt"),
                    ("secrecy-check-title", "secrecy-check"),
                    ("secrecy-paper-title", "secrecy-paper"),
                    ("secrecy-limits-title", "secrecy-limits"),
                ],
            )}
        </article>
    }
}
