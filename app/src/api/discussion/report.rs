use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::discussion::{ContentKind, ReportReason};
use palier_domain::form::Input;

/// Reports an item of content (`kind` and `id`) for `reason`, once.
#[server(prefix = "/api", endpoint = "discussion/report")]
pub async fn report(kind: Input<ContentKind>, id: Input<i64>, reason: Input<ReportReason>) -> Result<(), AppError> {
    use super::server::discussion_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::discussion::moderation;
    use palier_domain::discussion::ContentRef;
    let (state, actor) = signed_in()?;
    let (Some(kind), Some(id)) = (kind.value().copied(), id.value().copied()) else { return Err(AppError::BadRequest) };
    let item = ContentRef::new(kind, id);
    let mut form = FormErrors::new();
    form.keep("item", &format!("{}-{id}", kind.code()));
    let Some(reason) = form.field("reason", reason.text(), |_| reason.value().copied().ok_or("error-report-reason"))
    else {
        return Err(AppError::Invalid(form));
    };
    let info = moderation::content(&state.db, item).await?.ok_or(AppError::NotFound)?;
    moderation::report(&state.db, &actor, item, reason, state.clock.now())
        .await
        .map_err(|error| discussion_error(error, form))?;
    let (page, anchor) = info.link.split_once('#').unwrap_or((&info.link, ""));
    leptos_axum::redirect(&format!("{page}?ok=reported#{anchor}"));
    Ok(())
}
