use crate::error::AppError;
use leptos::prelude::*;

/// Links the signed-in account to the household of `code`.
#[server(prefix = "/api", endpoint = "registry/join_household")]
pub async fn join_household(code: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::server::{client_ip, rate_limited, signed_in};
    use crate::validation::parse_code;
    use palier_backend::registry::{self, JoinError};
    let (state, actor) = signed_in()?;
    let mut form = FormErrors::new();
    let Some(code) = parse_code(&mut form, "code", &code) else { return Err(AppError::Invalid(form)) };
    let refused = |mut form: FormErrors, message: &str| {
        form.add("code", message);
        Err(AppError::Invalid(form))
    };
    match registry::join_household(&state.db, &state.codes, actor.user_id, &code, &client_ip(), state.clock.now()).await
    {
        Ok(joined) => {
            leptos_axum::redirect(&format!("/mon-logement?ok=joined#logement-{}", joined.household_id));
            Ok(())
        }
        Err(JoinError::UnknownCode) => refused(form, "error-code-unknown"),
        Err(JoinError::ExpiredCode { days }) => {
            form.add_with("code", "error-code-expired", &[("days", days.to_string())]);
            Err(AppError::Invalid(form))
        }
        Err(JoinError::Full) => refused(form, "error-household-full"),
        Err(JoinError::AlreadyJoined) => refused(form, "error-already-joined"),
        Err(JoinError::RateLimited(exceeded)) => Err(rate_limited(exceeded)),
        Err(JoinError::Unexpected(error)) => Err(error.into()),
    }
}
