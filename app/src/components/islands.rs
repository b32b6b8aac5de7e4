//! The parts of pages that run in the browser ("islands"). Everything else
//! is server-rendered HTML that works without JavaScript; an island adds
//! only instant feedback on top of it, and is hydrated from the same markup
//! the server sent. Pages without an island load no JavaScript and no wasm.

use leptos::prelude::*;

/// The script, in the page's head, that loads the wasm bundle and hydrates
/// the islands when the page has any (a module script runs once the page is
/// parsed, and the bundle is fetched when the browser is idle, so it never
/// delays the stylesheet or the first paint).
#[component]
pub fn IslandsBoot() -> impl IntoView {
    // Only islands are hydrated, so the data of everything else is not
    // serialised into the page.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let (js, wasm) = crate::assets::Assets::current().bundle_hrefs();
    let script = format!(
        "((js, wasm) => {{ if (!document.querySelector('leptos-island')) return; \
         const go = () => import(js).then(async (mod) => {{ await mod.default({{ module_or_path: wasm }}); mod.hydrate(); \
         for (const island of document.querySelectorAll('leptos-island')) {{ const hydrate = mod[island.dataset.component]; \
         if (hydrate) hydrate(island); }} }}); \
         if ('requestIdleCallback' in window) requestIdleCallback(go, {{ timeout: 1000 }}); else go(); }})\
         ({js:?}, {wasm:?})",
    );
    view! { <script type="module" nonce=use_nonce()>{script}</script> }
}

/// A signal that turns true once the island around it is hydrated: islands
/// put it in `data-hydrated` on their first element, so browser tests (and
/// styles) know when their checks are live.
pub fn hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}

/// The text of message `id` among the messages an island was sent (the
/// server translates them; the browser has no translations).
pub fn text_of(messages: &[(String, String)], id: &str) -> String {
    messages.iter().find(|(key, _)| key == id).map_or_else(|| id.to_owned(), |(_, text)| text.clone())
}
