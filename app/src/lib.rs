//! Palier's user interface (Leptos) and its server functions.
//!
//! Pages render on the server and work as plain HTML forms and links; only
//! their islands (instant field checks, the ballot's running checks) are
//! hydrated when the wasm bundle loads. Server-only code lives in [`server`]
//! (feature `ssr`). See ARCHITECTURE.md at the repository's root.

#![recursion_limit = "256"]

pub mod api;
pub mod assets;
pub mod components;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod server;
pub mod validation;

use crate::api::shell::get_shell_info;
use crate::components::islands::IslandsBoot;
use crate::components::layout::Layout;
use crate::i18n::{I18n, current_locale};
use crate::pages::accounts::{
    account::{AccountPage, ConfirmEmailPage},
    password::{ForgotPasswordPage, ResetPasswordPage},
    sign_in::LoginPage,
    sign_up::{RegisterPage, RegisterSentPage, VerifyPage},
};
use crate::pages::audit::AuditPage;
use crate::pages::consultations::admin::{
    builder::ConsultationAdminPage, list::ConsultationsAdminPage, new::NewConsultationPage, preview::PreviewPage,
};
use crate::pages::consultations::{
    ballot::{BallotPage, ReceiptPage, ReviewPage},
    list::ConsultationsPage,
    recount::RecountPage,
    results::ResultsPage,
    view::ConsultationPage,
};
use crate::pages::councils::{CouncilPage, CouncilsAdminPage, MeetingPage};
use crate::pages::dashboard::DashboardPage;
use crate::pages::home::HomePage;
use crate::pages::info::{AccessibilityPage, LegalPage, SecrecyPage};
use crate::pages::moderation::ModerationPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::notifications::{NotificationPreferencesPage, NotificationsPage, UnsubscribePage, UnsubscribedPage};
use crate::pages::platform::PlatformPage;
use crate::pages::projects::{edit::EditProjectPage, list::ProjectsPage, new::NewProjectPage, view::ProjectPage};
use crate::pages::registry::{
    back_office::BackOfficePage,
    homes::{JoinPage, MyHomePage, ResidencePage},
    household::HouseholdAdminPage,
    import::ImportPage,
    residence::{NewResidencePage, ResidenceAdminPage},
    settings::SettingsPage,
};
use crate::pages::team::{invitation::InvitationPage, members::TeamPage};
use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// Every page is rendered whole on the server before it is sent: the HTML is
/// complete without JavaScript (out-of-order streaming would need a script
/// to move late content into place), and a page can still set its status
/// (404, 403) or redirect after loading its data.
const WHOLE: SsrMode = SsrMode::Async;

/// The HTML document around the app, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=assets::Assets::current().stylesheet_href()/>
                <AutoReload options/>
                <IslandsBoot/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: the page frame and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n::new(current_locale());
    provide_context(i18n);
    let info = Resource::new_blocking(|| (), |()| get_shell_info());

    view! {
        <Html {..} lang=i18n.locale.as_str()/>
        <Title formatter=|title: String| format!("{title} · Palier")/>
        <Router>
            <div class="app">
                <Layout info>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage ssr=WHOLE/>
                        <Route path=path!("/accessibilite") view=AccessibilityPage ssr=WHOLE/>
                        <Route path=path!("/mentions-legales") view=LegalPage ssr=WHOLE/>
                        <Route path=path!("/secret-du-vote") view=SecrecyPage ssr=WHOLE/>
                        <Route path=path!("/inscription") view=RegisterPage ssr=WHOLE/>
                        <Route path=path!("/inscription/envoyee") view=RegisterSentPage ssr=WHOLE/>
                        <Route path=path!("/verifier") view=VerifyPage ssr=WHOLE/>
                        <Route path=path!("/connexion") view=LoginPage ssr=WHOLE/>
                        <Route path=path!("/mot-de-passe-oublie") view=ForgotPasswordPage ssr=WHOLE/>
                        <Route path=path!("/mot-de-passe/nouveau") view=ResetPasswordPage ssr=WHOLE/>
                        <Route path=path!("/accueil") view=DashboardPage ssr=WHOLE/>
                        <Route path=path!("/compte") view=AccountPage ssr=WHOLE/>
                        <Route path=path!("/compte/adresse") view=ConfirmEmailPage ssr=WHOLE/>
                        <Route path=path!("/compte/notifications") view=NotificationPreferencesPage ssr=WHOLE/>
                        <Route path=path!("/notifications") view=NotificationsPage ssr=WHOLE/>
                        <Route path=path!("/desabonnement") view=UnsubscribePage ssr=WHOLE/>
                        <Route path=path!("/desabonnement/fait") view=UnsubscribedPage ssr=WHOLE/>
                        <Route path=path!("/rejoindre") view=JoinPage ssr=WHOLE/>
                        <Route path=path!("/mon-logement") view=MyHomePage ssr=WHOLE/>
                        <Route path=path!("/residences/:id") view=ResidencePage ssr=WHOLE/>
                        <Route path=path!("/gestion") view=BackOfficePage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/residences/nouvelle") view=NewResidencePage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/import") view=ImportPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/equipe") view=TeamPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/journal") view=AuditPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/reglages") view=SettingsPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/moderation") view=ModerationPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/conseils") view=CouncilsAdminPage ssr=WHOLE/>
                        <Route path=path!("/conseils/:id") view=CouncilPage ssr=WHOLE/>
                        <Route path=path!("/conseils/:id/reunions/:meeting") view=MeetingPage ssr=WHOLE/>
                        <Route path=path!("/projets") view=ProjectsPage ssr=WHOLE/>
                        <Route path=path!("/projets/nouveau") view=NewProjectPage ssr=WHOLE/>
                        <Route path=path!("/projets/:id") view=ProjectPage ssr=WHOLE/>
                        <Route path=path!("/projets/:id/modifier") view=EditProjectPage ssr=WHOLE/>
                        <Route path=path!("/gestion/residences/:id") view=ResidenceAdminPage ssr=WHOLE/>
                        <Route path=path!("/gestion/menages/:id") view=HouseholdAdminPage ssr=WHOLE/>
                        <Route path=path!("/invitation") view=InvitationPage ssr=WHOLE/>
                        <Route path=path!("/admin") view=PlatformPage ssr=WHOLE/>
                        <Route path=path!("/consultations") view=ConsultationsPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id") view=ConsultationPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id/voter") view=BallotPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id/verifier") view=ReviewPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id/recu") view=ReceiptPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id/resultats") view=ResultsPage ssr=WHOLE/>
                        <Route path=path!("/consultations/:id/depouillement") view=RecountPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/consultations") view=ConsultationsAdminPage ssr=WHOLE/>
                        <Route path=path!("/gestion/organisations/:org/consultations/nouvelle") view=NewConsultationPage ssr=WHOLE/>
                        <Route path=path!("/gestion/consultations/:id") view=ConsultationAdminPage ssr=WHOLE/>
                        <Route path=path!("/gestion/consultations/:id/apercu") view=PreviewPage ssr=WHOLE/>
                    </Routes>
                </Layout>
            </div>
        </Router>
    }
}
