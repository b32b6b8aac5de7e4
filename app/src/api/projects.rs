//! Server functions of Habitant 3.0: the list, a project's page, proposing
//! (with photos), rewriting, publishing, adding to, withdrawing, supporting,
//! and the landlord's answers and progress. One server function per file;
//! what several share is in `server` below.

pub mod add;
pub mod answer;
pub mod discard;
pub mod get;
pub mod list;
pub mod new_page;
pub mod progress;
pub mod propose;
pub mod remove_photo;
pub mod rewrite;
pub mod submit;
pub mod support;
pub mod withdraw;

/// The address of project `id`'s page.
pub fn project_path(id: palier_domain::ids::ProjectId) -> String {
    format!("/projets/{id}")
}

#[cfg(feature = "ssr")]
mod server {
    use crate::error::{AppError, FormErrors};
    use leptos::server_fn::codec::MultipartData;
    use palier_backend::attachments::NewPhoto;
    use palier_backend::projects::ProjectError;
    use palier_domain::attachments::MAX_PHOTO_BYTES;
    use palier_domain::projects::MAX_PHOTOS;

    /// A projects refusal as the form shows it (`form` keeps what was typed).
    pub fn project_error(error: ProjectError, mut form: FormErrors) -> AppError {
        match error {
            ProjectError::NotFound => AppError::NotFound,
            ProjectError::Forbidden => AppError::Forbidden,
            ProjectError::NotNow => {
                form.add("project", "error-project-not-now");
                AppError::Invalid(form)
            }
            ProjectError::Category => {
                form.add("category_id", "error-project-category");
                AppError::Invalid(form)
            }
            ProjectError::Place => {
                form.add("building_id", "error-project-place");
                AppError::Invalid(form)
            }
            ProjectError::UnknownLease => {
                form.add("lease_ref", "error-project-lease-unknown");
                AppError::Invalid(form)
            }
            ProjectError::TooManyPhotos => {
                form.add("photos", "error-photo-count");
                AppError::Invalid(form)
            }
            ProjectError::Photo(problem) => {
                form.add("photos", problem.message());
                AppError::Invalid(form)
            }
            ProjectError::Unexpected(error) => error.into(),
        }
    }

    impl From<ProjectError> for AppError {
        fn from(error: ProjectError) -> Self {
            project_error(error, FormErrors::new())
        }
    }

    /// A form posted with files: its text fields, and its photos (every
    /// file of a `photos` input; an input left empty sends none).
    #[derive(Default)]
    pub struct Upload {
        fields: Vec<(String, String)>,
        pub photos: Vec<Vec<u8>>,
    }

    impl Upload {
        /// The first value of field `name` (empty when absent).
        pub fn text(&self, name: &str) -> &str {
            self.fields.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
        }

        /// Every value of field `name`.
        pub fn all(&self, name: &str) -> Vec<&str> {
            self.fields.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
        }
    }

    /// The longest text field accepted in an upload.
    const MAX_FIELD_BYTES: usize = 64 * 1024;

    /// Reads a multipart form: a photo over 10 MB, or more than three, is
    /// refused with a message before it is read whole.
    pub async fn read_upload(data: MultipartData) -> Result<Upload, AppError> {
        let mut multipart = data.into_inner().ok_or(AppError::BadRequest)?;
        let mut upload = Upload::default();
        while let Some(mut field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
            let name = field.name().unwrap_or_default().to_owned();
            if field.file_name().is_some() {
                if name != "photos" {
                    continue;
                }
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
                    if u64::try_from(bytes.len() + chunk.len()).unwrap_or(u64::MAX) > MAX_PHOTO_BYTES {
                        let mut form = FormErrors::new();
                        form.add("photos", "error-photo-too-large");
                        return Err(AppError::Invalid(form));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if bytes.is_empty() {
                    continue;
                }
                if upload.photos.len() == MAX_PHOTOS {
                    let mut form = FormErrors::new();
                    form.add("photos", "error-photo-count");
                    return Err(AppError::Invalid(form));
                }
                upload.photos.push(bytes);
            } else {
                let text = field.text().await.map_err(|_| AppError::BadRequest)?;
                if text.len() > MAX_FIELD_BYTES {
                    return Err(AppError::BadRequest);
                }
                upload.fields.push((name, text));
            }
        }
        Ok(upload)
    }

    /// The photos of an upload, to decode once the person is known to be allowed.
    pub fn photos(upload: &mut Upload) -> Vec<NewPhoto> {
        std::mem::take(&mut upload.photos).into_iter().map(NewPhoto).collect()
    }

    /// The project fields of an upload, parsed (problems recorded in `form`).
    pub fn draft_of(form: &mut FormErrors, upload: &Upload) -> Option<palier_domain::projects::form::ProjectDraft> {
        use palier_domain::form::Input;
        use palier_domain::projects::form::{ProjectDraft, ProjectForm};
        let needs: Vec<Input<palier_domain::projects::Need>> =
            upload.all("needs[]").into_iter().map(Input::new).collect();
        ProjectDraft::parse(
            form,
            ProjectForm {
                residence: &Input::new(upload.text("residence_id")),
                building: &Input::new(upload.text("building_id")),
                category: &Input::new(upload.text("category_id")),
                title: upload.text("title"),
                description: upload.text("description"),
                cost: &Input::new(upload.text("estimated_cost")),
                needs: &needs,
            },
        )
    }
}
