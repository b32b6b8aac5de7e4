//! The page frame: skip link, header, main landmark, footer.

use crate::api::accounts::sign_in::Logout;
use crate::api::shell::SetLocale;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_location;
use palier_domain::Locale;
use palier_domain::shell::{ShellInfo, ShellUser};

/// Wraps every page. The frame's data (`info`) loads in the header's own
/// suspense, so the routes render at once. Pages needing the same data load
/// their own copy rather than read `info` in another suspense.
#[component]
pub fn Layout(info: Resource<Result<ShellInfo, AppError>>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="site-header__inner">
                // One suspense reads the frame's data: a resource read in two
                // suspenses can leave a server render hanging (leptos#4851).
                <Suspense fallback=move || view! { <Brand organisation=None/> <LanguageSwitch current=i18n.locale/> }>
                    {move || Suspend::new(async move {
                        let info = info.await.ok();
                        let organisation = info.as_ref().and_then(|info| info.organisation.clone());
                        let user = info.and_then(|info| info.user);
                        view! {
                            <Brand organisation/>
                            <LanguageSwitch current=i18n.locale/>
                            <Menu user/>
                        }
                    })}
                </Suspense>
            </div>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>{i18n.t("footer-about")}</p>
                <nav aria-label=i18n.t("footer-nav")>
                    <ul>
                        <li>
                            <a href="/accessibilite">{i18n.t("footer-accessibility")}</a>
                        </li>
                        <li>
                            <a href="/mentions-legales">{i18n.t("footer-legal")}</a>
                        </li>
                        <li>
                            <a href="/secret-du-vote">{i18n.t("footer-secrecy")}</a>
                        </li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}

/// The site's name, and the landlord's for its staff and tenants.
#[component]
fn Brand(organisation: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="brand" href="/">
            <span class="brand__name">{i18n.t("site-name")}</span>
            {organisation.map(|name| view! { <span class="brand__org">{name}</span> })}
        </a>
    }
}

/// The main menu. On a phone it folds behind a "Menu" button (a
/// `<details>`, so it opens without JavaScript) that shows the unread count;
/// on a wider screen the links stand in the header (style/main.css).
#[component]
fn Menu(user: Option<ShellUser>) -> impl IntoView {
    let i18n = use_i18n();
    let unread = user.as_ref().map_or(0, |user| user.unread);
    view! {
        <details class="menu">
            <summary class="menu__button">
                {i18n.t("nav-menu")}
                {(unread > 0).then(|| view! {
                    " "
                    <span class="count-badge" aria-hidden="true">{unread}</span>
                })}
            </summary>
            <nav class="site-nav" aria-label=i18n.t("nav-main")>
                <NavLinks user/>
            </nav>
        </details>
    }
}

/// The main menu's links: what a visitor, a tenant or staff can open.
#[component]
fn NavLinks(user: Option<ShellUser>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let current = move |href: &'static str| {
        move || {
            let path = location.pathname.get();
            let here = if href == "/" { path == "/" } else { path == href || path.starts_with(&format!("{href}/")) };
            here.then_some("page")
        }
    };
    let link = move |href: &'static str, label: &'static str| {
        view! {
            <li>
                <a href=href aria-current=current(href)>{i18n.t(label)}</a>
            </li>
        }
    };
    match user {
        None => view! {
            <ul>
                {link("/", "nav-home")}
                {link("/connexion", "nav-sign-in")}
                {link("/inscription", "nav-register")}
            </ul>
        }
        .into_any(),
        Some(user) => view! {
            <ul>
                {link("/accueil", "nav-dashboard")}
                <li>
                    <a href="/notifications" aria-current=current("/notifications")>
                        {i18n.t("nav-notifications")}
                        {(user.unread > 0).then(|| view! {
                            " "
                            <span class="count-badge">
                                {user.unread}
                                <span class="visually-hidden">
                                    " " {i18n.t_with("nav-notifications-unread", &[("count", user.unread.into())])}
                                </span>
                            </span>
                        })}
                    </a>
                </li>
                {user.has_home.then(|| link("/consultations", "nav-consultations"))}
                {(user.has_home || user.staff).then(|| link("/projets", "nav-projects"))}
                {(!user.has_home && !user.staff).then(|| link("/rejoindre", "nav-join"))}
                {user.staff.then(|| link("/gestion", "nav-back-office"))}
                {user.moderates.map(|org| {
                    let href = format!("/gestion/organisations/{org}/moderation");
                    view! { <li><a href=href>{i18n.t("nav-moderation")}</a></li> }
                })}
                {user.platform_admin.then(|| link("/admin", "nav-platform"))}
                {link("/compte", "nav-account")}
                <li>
                    <form method="post" action=Logout::PATH class="inline-form">
                        <button type="submit" class="button button--quiet">
                            {i18n.t("nav-sign-out")}
                            <span class="visually-hidden">" (" {user.display_name.clone()} ")"</span>
                        </button>
                    </form>
                </li>
            </ul>
        }
        .into_any(),
    }
}

/// A plain form that switches to the other language and comes back to this
/// page; identical with or without JavaScript (the page reloads).
#[component]
fn LanguageSwitch(current: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Come back to this page, without the error of an earlier form post.
    let here = move || {
        let search = location.search.get();
        let kept: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty() && !pair.starts_with("__err=") && !pair.starts_with("__path="))
            .collect();
        if kept.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), kept.join("&"))
        }
    };
    let others = Locale::ALL.into_iter().filter(move |l| *l != current);
    view! {
        <form class="lang-switch" method="post" action=SetLocale::PATH>
            <input type="hidden" name="redirect_to" value=here/>
            <span class="visually-hidden">
                {i18n.t_with("language-current", &[("language", current.endonym().into())])}
            </span>
            {others
                .map(|other| {
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=other.as_str()
                            lang=other.as_str()
                            class="button button--quiet"
                        >
                            {other.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
