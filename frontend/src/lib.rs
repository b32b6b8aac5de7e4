//! The browser entry point: hydrates the islands of the server-rendered page
//! (the rest of the page is plain HTML and stays as the server sent it).

// The islands are exported by the app crate itself: linking it brings them in.
use palier_app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
