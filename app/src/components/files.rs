//! File fields, checked in the browser before the form is sent: the
//! households file of an import, and photos. The server checks again (and
//! decodes every photo).

use crate::components::field::{FieldView, check_on_submit, field_markup, focus};
use crate::components::form::Feedback;
use crate::components::islands::{hydrated, text_of};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast as _;

/// The households file of an import, checked in the browser by the
/// domain's rule (`registry::import_file`: one is chosen, not too large)
/// when it is chosen and when its form is sent; the server checks again and
/// reports the file's lines.
#[component]
pub fn ImportFileField(
    feedback: Feedback,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The kinds of file taken (`accept`).
    accept: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = FieldView {
        id: feedback.field_id(name),
        name: name.to_owned(),
        label: i18n.t(label),
        hint: hint.map(|hint| i18n.t(hint)),
        kind: "file".to_owned(),
        rows: None,
        choices: None,
        autocomplete: None,
        accept: Some(accept.to_owned()),
        multiple: false,
        value: None,
        required: true,
        maxlength: None,
        error: None,
    };
    let messages = ["error-import-no-file", "import-problem-too-large"].map(|id| (id.to_owned(), i18n.t(id))).to_vec();
    view! { <CheckedImportFile field messages/> }
}

#[island]
fn CheckedImportFile(field: FieldView, messages: Vec<(String, String)>) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let messages = StoredValue::new(messages);
    let id = StoredValue::new(field.id.clone());
    // What is wrong with the file chosen, in the page's language.
    let problem = move || {
        let size = id
            .with_value(|id| document().get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
            .map(|file| file.size() as u64);
        palier_domain::registry::import_file(size).err().map(|m| messages.with_value(|all| text_of(all, m)))
    };
    checked_file(field, error, id, problem)
}

/// Up to three photos (JPEG, PNG or WebP, 10 MB each), checked in the
/// browser when chosen and when the form is sent; the server checks again
/// and decodes each one. A form refused without JavaScript cannot keep the
/// files chosen: its hint says to choose them again.
#[component]
pub fn PhotoField(
    feedback: Feedback,
    #[prop(default = "field-photos")] label: &'static str,
    /// Photos the item has already: fewer may be added.
    #[prop(default = 0)]
    existing: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let room = palier_domain::projects::MAX_PHOTOS.saturating_sub(existing);
    let field = FieldView {
        id: feedback.field_id("photos"),
        name: "photos".to_owned(),
        label: i18n.t(label),
        hint: Some(i18n.t_with("field-photos-hint", &[("count", room.into())])),
        kind: "file".to_owned(),
        rows: None,
        choices: None,
        autocomplete: None,
        accept: Some(palier_domain::attachments::PHOTO_TYPES.to_owned()),
        multiple: room > 1,
        value: None,
        required: false,
        maxlength: None,
        error: feedback.field_message("photos").map(|(id, args)| i18n.t_args(&id, &args)),
    };
    let messages = ["error-photo-count", "error-photo-too-large"].map(|id| (id.to_owned(), i18n.t(id))).to_vec();
    view! { <CheckedPhotos field messages room/> }
}

#[island]
fn CheckedPhotos(field: FieldView, messages: Vec<(String, String)>, room: usize) -> impl IntoView {
    let error = RwSignal::new(field.error.clone());
    let messages = StoredValue::new(messages);
    let id = StoredValue::new(field.id.clone());
    // What is wrong with the photos chosen, in the page's language.
    let problem = move || {
        let files = id
            .with_value(|id| document().get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files());
        let files = files?;
        let sizes: Vec<u64> = (0..files.length()).filter_map(|i| files.get(i)).map(|f| f.size() as u64).collect();
        let message = if sizes.len() > room {
            "error-photo-count"
        } else {
            sizes.into_iter().find_map(|size| palier_domain::attachments::photo_size(Some(size)).err())?
        };
        Some(messages.with_value(|all| text_of(all, message)))
    };
    checked_file(field, error, id, problem)
}

/// A file field whose `problem` (what is wrong with the files chosen, in
/// the page's language) shows when files are chosen and stops its form
/// from being sent, the focus on the field.
fn checked_file(
    field: FieldView,
    error: RwSignal<Option<String>>,
    id: StoredValue<String>,
    problem: impl Fn() -> Option<String> + Copy + 'static,
) -> impl IntoView {
    let wrapper = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(wrapper) = wrapper.get() else { return };
        let form = wrapper.closest("form").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        check_on_submit(form, move |event| {
            let found = problem();
            let invalid = found.is_some();
            error.set(found);
            if invalid {
                if !event.default_prevented() {
                    id.with_value(|id| focus(id));
                }
                event.prevent_default();
            }
        });
    });
    let on_change = move |_: leptos::ev::Event| error.set(problem());
    field_markup(field, error.into(), wrapper, (on_change, |_| {}), Some(hydrated()), None)
}
