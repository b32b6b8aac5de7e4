//! Pieces every data page uses: route parameters, error states, paging.

use crate::components::form::error_text;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A numeric route parameter (`None` when absent or not a number).
pub fn id_param(name: &'static str) -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(name).and_then(|v| v.parse().ok())))
}

/// A resource loading `load(id)` for the route's numeric parameter `id`;
/// a parameter that is not a number is a page that does not exist.
pub fn by_id<T, Fut>(
    id: Memo<Option<i64>>,
    load: impl Fn(i64) -> Fut + Send + Sync + 'static,
) -> Resource<Result<T, AppError>>
where
    T: serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    let load = std::sync::Arc::new(load);
    Resource::new(
        move || id.get(),
        move |id| {
            let load = load.clone();
            async move {
                match id {
                    Some(id) => load(id).await,
                    None => Err(AppError::NotFound),
                }
            }
        },
    )
}

/// The `page` query parameter, counted from 1 in the address, from 0 here.
pub fn page_param() -> Memo<u64> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get("page").and_then(|v| v.parse::<u64>().ok())).unwrap_or(1).saturating_sub(1))
}

/// Sets the HTTP status of the page being rendered on the server.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Ok(status) = axum::http::StatusCode::from_u16(code) {
        crate::server::set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
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
    /// The page's address without `?page=`.
    base: String,
    /// Current page, from 0.
    page: u64,
    pages: u64,
) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        let previous = (page > 0).then(|| format!("{base}?page={page}"));
        let next = (page + 1 < pages).then(|| format!("{base}?page={}", page + 2));
        view! {
            <nav class="pager" aria-label=i18n.t("pager-label")>
                {previous.map(|href| view! { <a href=href rel="prev">{i18n.t("pager-previous")}</a> })}
                <span>{i18n.t_with("pager-position", &[("page", (page + 1).into()), ("pages", pages.into())])}</span>
                {next.map(|href| view! { <a href=href rel="next">{i18n.t("pager-next")}</a> })}
            </nav>
        }
    })
}
