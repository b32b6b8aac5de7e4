//! Server functions of the shared discussion mechanism: comments on any
//! content that takes them, reports of any content, and the moderation
//! queue. One server function per file.

pub mod comment;
pub mod decide;
pub mod delete_comment;
pub mod edit_comment;
pub mod queue;
pub mod report;

#[cfg(feature = "ssr")]
mod server {
    use crate::error::{AppError, FormErrors};
    use palier_backend::discussion::DiscussionError;

    /// A discussion refusal as the form shows it (`form` keeps what was typed).
    pub fn discussion_error(error: DiscussionError, mut form: FormErrors) -> AppError {
        match error {
            DiscussionError::NotFound => AppError::NotFound,
            DiscussionError::Forbidden => AppError::Forbidden,
            DiscussionError::NotNow => {
                form.add("body", "error-comment-not-now");
                AppError::Invalid(form)
            }
            DiscussionError::Unexpected(error) => error.into(),
        }
    }

    impl From<DiscussionError> for AppError {
        fn from(error: DiscussionError) -> Self {
            discussion_error(error, FormErrors::new())
        }
    }
}
