//! What every data page is made of: its parameters, its data with the error
//! page when it cannot be loaded, and paging.

use crate::components::form::error_text;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::future::Future;
use std::str::FromStr;

/// The route parameter `name` read as a `T` (an id): `None` when absent or
/// not one. Pages are rendered on the server, once: no need to track it.
pub fn param<T: FromStr>(name: &'static str) -> Option<T> {
    use_params_map().with_untracked(|p| p.get(name).and_then(|v| v.parse().ok()))
}

/// The query parameter `name`, if the address has it.
pub fn query(name: &'static str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(name))
}

/// The `page` query parameter, counted from 1 in the address, from 0 here.
pub fn page_number() -> u64 {
    query("page").and_then(|v| v.parse::<u64>().ok()).unwrap_or(1).saturating_sub(1)
}

/// Loads with `load(id)`, or answers "not found" when the page's address
/// has no such id.
pub async fn with_id<I, T, Fut>(id: Option<I>, load: impl FnOnce(I) -> Fut) -> Result<T, AppError>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    match id {
        Some(id) => load(id).await,
        None => Err(AppError::NotFound),
    }
}

/// A page's scaffold: loads its data with `load`, then shows `view` with it;
/// when the data cannot be loaded, the error page, with its HTTP status.
/// Pages render whole on the server (see `App`), so the loading state is
/// never sent; it is there for the `Suspense` that waits.
#[component]
pub fn Loaded<T, Fut, L, V, IV>(load: L, view: V) -> impl IntoView
where
    T: serde::Serialize + serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    L: Fn() -> Fut + Send + Sync + 'static,
    V: Fn(T) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    let i18n = use_i18n();
    let data = Resource::new(|| (), move |()| load());
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || {
                let view = view.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(data) => view(data).into_any(),
                        Err(error) => view! { <PageError error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// How a page sets the HTTP status of its response. The server provides it
/// to each page it renders (`request_context` in the server crate); in the
/// browser there is no response, and no such context.
#[derive(Clone, Copy)]
pub struct PageStatus(pub fn(u16));

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_status(code: u16) {
    if let Some(PageStatus(set)) = use_context::<PageStatus>() {
        set(code);
    }
}

/// What a page shows when its data could not be loaded; the status follows.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    set_status(error.status_code());
    let title = match error {
        AppError::NotFound => "not-found-title",
        AppError::Forbidden => "forbidden-title",
        _ => "error-title",
    };
    view! {
        <Title text=i18n.t(title)/>
        <div class="page page--narrow">
            <h1>{i18n.t(title)}</h1>
            <p class="notice notice--error" role="alert">{error_text(&error)}</p>
            <p>
                <a class="button" href="/">{i18n.t("back-home")}</a>
            </p>
        </div>
    }
}

/// Links to the previous and next pages of a list.
#[component]
pub fn Pager(
    /// The page's address without `page=` (it may have other parameters).
    base: String,
    /// Current page, from 0.
    page: u64,
    pages: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let join = if base.contains('?') { '&' } else { '?' };
        let previous = (page > 0).then(|| format!("{base}{join}page={page}"));
        let next = (page + 1 < pages).then(|| format!("{base}{join}page={}", page + 2));
        view! {
            <nav class="pager" aria-label=i18n.t("pager-label")>
                {previous.map(|href| view! { <a href=href rel="prev">{i18n.t("pager-previous")}</a> })}
                <span>{i18n.t_with("pager-position", &[("page", (page + 1).into()), ("pages", pages.into())])}</span>
                {next.map(|href| view! { <a href=href rel="next">{i18n.t("pager-next")}</a> })}
            </nav>
        }
    })
}
