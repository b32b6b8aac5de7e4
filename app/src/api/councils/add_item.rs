use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::MeetingId;

/// Adds an item at the end of a meeting's agenda.
#[server(prefix = "/api", endpoint = "councils/add_item")]
pub async fn add_agenda_item(
    meeting_id: MeetingId,
    title: String,
    #[server(default)] description: String,
    #[server(default)] presenter: String,
    minutes: Input<u32>,
) -> Result<(), AppError> {
    use super::server::council_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_domain::councils::form::ItemDraft;
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    let draft = ItemDraft::parse(&mut form, &title, &description, &presenter, &minutes);
    let Some(draft) = draft.filter(|_| form.is_empty()) else { return Err(AppError::Invalid(form)) };
    let council = palier_backend::councils::meetings::add_item(&state.db, &actor, meeting_id, draft, state.clock.now())
        .await
        .map_err(|error| council_error(error, form, "title"))?;
    leptos_axum::redirect(&format!("{}?ok=item-added#ordre-du-jour", super::meeting_path(council, meeting_id)));
    Ok(())
}
