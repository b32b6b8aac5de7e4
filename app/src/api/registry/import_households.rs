use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// The most line errors sent back (they travel in the address after a post
/// without JavaScript); the page says how many more there were.
pub const MAX_REPORTED_ERRORS: usize = 30;

/// Imports households from an uploaded CSV file into an organisation (all or
/// nothing). Form fields: `organisation_id` and `file`.
#[server(prefix = "/api", endpoint = "registry/import_households", input = MultipartFormData)]
pub async fn import_households(data: MultipartData) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::import::{self, ImportError, Problem};
    use palier_backend::policy::Permission;
    use palier_backend::registry::access;
    use palier_domain::ids::OrganisationId;
    use palier_domain::registry::import_file;
    let (state, actor) = signed_in()?;
    let mut multipart = data.into_inner().ok_or(AppError::BadRequest)?;
    let mut organisation_id: Option<OrganisationId> = None;
    let mut file: Option<Vec<u8>> = None;
    while let Ok(Some(mut field)) = multipart.next_field().await {
        match field.name() {
            Some("organisation_id") => {
                let text = field.text().await.map_err(|_| AppError::BadRequest)?;
                organisation_id = text.trim().parse().ok();
            }
            Some("file") => {
                let mut bytes = Vec::new();
                while let Ok(Some(chunk)) = field.chunk().await {
                    // Only the size here: an empty file is refused after the caller's rights are checked.
                    let size = u64::try_from(bytes.len() + chunk.len()).unwrap_or(u64::MAX);
                    if size > 0
                        && let Err(message) = import_file(Some(size))
                    {
                        let mut form = FormErrors::new();
                        form.add_with("file", message, &[("line", "1".into())]);
                        return Err(AppError::Invalid(form));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                file = Some(bytes);
            }
            _ => {}
        }
    }
    let organisation_id = organisation_id.ok_or(AppError::BadRequest)?;
    access::organisation(&state.db, &actor, organisation_id, Permission::ManageRegistry).await?;
    let file = file.unwrap_or_default();
    if let Err(message) = import_file(u64::try_from(file.len()).ok()) {
        let mut form = FormErrors::new();
        form.add("file", message);
        return Err(AppError::Invalid(form));
    }
    match import::import_households(&state.db, Some(actor.user_id), organisation_id.get(), &file, |_, _| {}).await {
        Ok(report) => {
            leptos_axum::redirect(&format!(
                "/gestion/organisations/{organisation_id}/import?ok=imported&created={}&updated={}&unchanged={}&buildings={}",
                report.created,
                report.updated,
                report.unchanged,
                report.buildings_created.len()
            ));
            Ok(())
        }
        Err(ImportError::Invalid(errors)) => {
            let mut form = FormErrors::new();
            let total = errors.len();
            for error in errors.into_iter().take(MAX_REPORTED_ERRORS) {
                let line = error.line.to_string();
                let (id, args): (&str, Vec<(&str, String)>) = match error.problem {
                    Problem::NotUtf8 => ("import-problem-not-utf8", vec![]),
                    Problem::Empty => ("import-problem-empty", vec![]),
                    Problem::TooLarge => ("import-problem-too-large", vec![]),
                    Problem::MissingColumn(column) => ("import-problem-missing-column", vec![("column", column)]),
                    Problem::Malformed => ("import-problem-malformed", vec![]),
                    Problem::EmptyValue(column) => ("import-problem-empty-value", vec![("column", column)]),
                    Problem::TooLong(column) => ("import-problem-too-long", vec![("column", column)]),
                    Problem::UnknownResidence(name) => ("import-problem-unknown-residence", vec![("name", name)]),
                    Problem::BadMaxOccupants(value) => ("import-problem-max-occupants", vec![("value", value)]),
                    Problem::DuplicateLease { lease, first_line } => {
                        ("import-problem-duplicate-lease", vec![("lease", lease), ("first", first_line.to_string())])
                    }
                };
                let mut all = vec![("line", line)];
                all.extend(args);
                form.add_with("file", id, &all);
            }
            if total > MAX_REPORTED_ERRORS {
                form.add_with("file", "import-problem-more", &[("count", (total - MAX_REPORTED_ERRORS).to_string())]);
            }
            Err(AppError::Invalid(form))
        }
        Err(ImportError::Unexpected(error)) => Err(error.into()),
    }
}
