use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::form::Input;
use palier_domain::ids::ProjectId;
use palier_domain::projects::Action;

/// Staff take a step of the project's lifecycle (review, accept, refuse
/// with a reason, start, finish with what it cost), with a public message.
#[server(prefix = "/api", endpoint = "projects/answer")]
pub async fn answer_project(
    id: ProjectId,
    action: Input<Action>,
    message: String,
    spent_cost: Input<u32>,
) -> Result<(), AppError> {
    use super::server::project_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_domain::projects::form::Answer;
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    let Some(answer) = Answer::parse(&mut form, &action, &message, &spent_cost) else {
        return Err(AppError::Invalid(form));
    };
    palier_backend::projects::answer::answer(&state.db, &actor, id, answer, state.clock.now())
        .await
        .map_err(|error| project_error(error, form))?;
    leptos_axum::redirect(&format!("{}?ok=project-answered#evenements", super::project_path(id)));
    Ok(())
}
