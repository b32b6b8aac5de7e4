use crate::error::AppError;
use leptos::prelude::*;
use palier_domain::consultations::QuestionMove;
use palier_domain::ids::QuestionId;

/// Moves a question of a draft up or down, or deletes it.
#[server(prefix = "/api", endpoint = "consultations/question_action")]
pub async fn question_action(question_id: QuestionId, action: QuestionMove) -> Result<(), AppError> {
    use super::server::build_error;
    use crate::error::FormErrors;
    use crate::server::signed_in;
    use palier_backend::consultations::access::{Access, open_by_question};
    use palier_backend::consultations::builder;
    use palier_backend::policy::Permission;
    let (state, actor) = signed_in()?;
    let access = Access::Staff(Permission::ManageRegistry);
    let definition =
        open_by_question(&state.db, &state.definitions, &state.seal, &actor, question_id, access, state.clock.now())
            .await?;
    let result = match action {
        QuestionMove::Delete => builder::delete_question(&state.db, question_id).await,
        QuestionMove::Up => builder::move_question(&state.db, question_id, -1).await,
        QuestionMove::Down => builder::move_question(&state.db, question_id, 1).await,
    };
    match result {
        Ok(()) => {
            leptos_axum::redirect(&format!("/gestion/consultations/{}#questions", definition.consultation.id));
            Ok(())
        }
        Err(error) => Err(build_error(error, FormErrors::new(), "prompt")),
    }
}
