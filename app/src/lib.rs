//! Palier's user interface (Leptos) and its server functions.
//!
//! Pages render on the server and work as plain HTML forms and links; when
//! the wasm bundle loads, they hydrate and the same forms submit without a
//! page reload. Server-only code lives in [`server`] (feature `ssr`).

pub mod api;
pub mod components;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

use crate::api::shell::get_shell_info;
use crate::components::layout::Layout;
use crate::i18n::{I18n, current_locale};
use crate::pages::home::HomePage;
use crate::pages::info::{AccessibilityPage, LegalPage};
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::{Html, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// Every page streams in order: each `<Suspense>` is rendered in place once
/// its data is there, so the HTML is complete without JavaScript (out-of-order
/// streaming would need a script to move late content into place).
const IN_ORDER: SsrMode = SsrMode::InOrder;

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
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
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
    // Browser tests wait for this attribute before they click.
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));

    view! {
        <Html {..} lang=i18n.locale.as_str()/>
        <Stylesheet id="leptos" href="/pkg/palier.css"/>
        <Title formatter=|title: String| format!("{title} · Palier")/>
        <Router>
            <div class="app" data-hydrated=move || hydrated.get().then_some("true")>
                <Layout info>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage ssr=IN_ORDER/>
                        <Route path=path!("/accessibilite") view=AccessibilityPage ssr=IN_ORDER/>
                        <Route path=path!("/mentions-legales") view=LegalPage ssr=IN_ORDER/>
                    </Routes>
                </Layout>
            </div>
        </Router>
    }
}
