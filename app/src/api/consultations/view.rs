use super::QuestionForm;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use palier_domain::consultation::{PublishedBallot, Results};
use serde::{Deserialize, Serialize};

/// A consultation in a tenant's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationLine {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub opens: String,
    pub closes: String,
    pub voted: bool,
    pub eligible: bool,
}

/// The consultations for my homes.
#[server(prefix = "/api", endpoint = "consultations/mine", input = GetUrl)]
pub async fn my_consultations() -> Result<Vec<ConsultationLine>, AppError> {
    use crate::server::{format_datetime, internal, locale, require_session, state};
    use palier_backend::consultations::{lifecycle, voting};
    let state = state()?;
    let actor = require_session()?.actor;
    lifecycle::advance_due(&state.db).await.map_err(internal)?;
    let locale = locale();
    Ok(voting::for_tenant(&state.db, &actor)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|c| ConsultationLine {
            id: c.summary.id,
            title: c.summary.title,
            summary: c.summary.summary,
            status: c.summary.status.code().to_owned(),
            opens: format_datetime(c.summary.opens_at, locale),
            closes: format_datetime(c.summary.closes_at, locale),
            voted: c.voted,
            eligible: c.eligible,
        })
        .collect())
}

/// A consultation's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationPage {
    pub id: i64,
    pub organisation_id: i64,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML from the markdown body.
    pub body_html: String,
    pub status: String,
    pub opens: String,
    pub closes: String,
    /// `household` or `adult`.
    pub unit: String,
    /// `live` or `after_close`.
    pub visibility: String,
    pub quorum: Option<u32>,
    pub questions: Vec<QuestionForm>,
    /// Voting is open now.
    pub open: bool,
    /// The reader's unit is eligible (frozen at opening).
    pub eligible: bool,
    /// The reader's unit has voted.
    pub voted: bool,
    pub results_visible: bool,
    pub over: bool,
    pub response_html: Option<String>,
    pub decision: Option<String>,
    /// The reader is staff of the organisation.
    pub staff: bool,
}

#[cfg(feature = "ssr")]
async fn visible_definition(
    id: i64,
) -> Result<(palier_backend::consultations::Definition, palier_backend::policy::Actor), AppError> {
    use crate::server::{internal, require_session, state};
    use palier_backend::consultations::{definition, lifecycle};
    let state = state()?;
    let actor = require_session()?.actor;
    lifecycle::advance(&state.db, id).await.map_err(internal)?;
    let definition = definition(&state.db, id).await.map_err(internal)?.ok_or(AppError::NotFound)?;
    if !definition.visible_to(&actor) {
        return Err(AppError::NotFound);
    }
    Ok((definition, actor))
}

#[server(prefix = "/api", endpoint = "consultations/get", input = GetUrl)]
pub async fn get_consultation(id: i64) -> Result<ConsultationPage, AppError> {
    use crate::server::{format_datetime, internal, locale, state};
    use palier_backend::consultations::voting;
    use palier_backend::markdown::to_safe_html;
    use palier_backend::policy::Permission;
    let state = state()?;
    let (definition, actor) = visible_definition(id).await?;
    let locale = locale();
    let unit = voting::unit_of(&state.db, &definition, &actor).await.map_err(internal)?;
    let row = &definition.consultation;
    Ok(ConsultationPage {
        id: row.id,
        organisation_id: row.organisation_id,
        title: row.title.clone(),
        summary: row.summary.clone(),
        body_html: to_safe_html(&row.body),
        status: definition.status().code().to_owned(),
        opens: format_datetime(row.opens_at, locale),
        closes: format_datetime(row.closes_at, locale),
        unit: row.voting_unit.clone(),
        visibility: row.results_visibility.clone(),
        quorum: row.quorum_percent.and_then(|q| u32::try_from(q).ok()),
        questions: definition.questions.iter().map(QuestionForm::from).collect(),
        open: voting::is_open(&definition),
        eligible: unit.is_some(),
        voted: unit.as_ref().is_some_and(|(_, voted)| *voted),
        results_visible: definition.results_visible(chrono::Utc::now()),
        over: definition.status().is_over(),
        response_html: row.response_body.as_deref().map(to_safe_html),
        decision: row.response_decision.clone(),
        staff: actor.can(Permission::ViewBackOffice, definition.organisation_scope()),
    })
}

/// A ballot posted for review, written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// (question, answer written out or `None` when left blank).
    pub lines: Vec<(String, Option<String>)>,
    /// The answers as hidden fields for the confirmation form.
    pub fields: Vec<(String, String)>,
}

/// The ballot posted with this request, checked and written out for review.
/// `None` when nothing was posted (the page was opened directly).
#[server(prefix = "/api", endpoint = "consultations/review", input = GetUrl)]
pub async fn get_review(consultation_id: i64) -> Result<Option<Review>, AppError> {
    use super::ballot_errors;
    use crate::server::pending_ballot;
    use palier_domain::consultation::{Answer, check_ballot};
    let (definition, _) = visible_definition(consultation_id).await?;
    let Some(pending) = pending_ballot() else { return Ok(None) };
    let raw = pending.0;
    let ballot =
        check_ballot(&definition.rules(), &raw).map_err(|errors| AppError::Invalid(ballot_errors(&errors, &raw)))?;
    let mut lines = Vec::new();
    for (question, (_, answer)) in definition.questions.iter().zip(&ballot.answers) {
        let label =
            |id: &i64| question.options.iter().find(|(o, _)| o == id).map(|(_, l)| l.clone()).unwrap_or_default();
        let text = match answer {
            Answer::Blank => None,
            Answer::Single(o) => Some(label(o)),
            Answer::Multiple(os) => Some(os.iter().map(label).collect::<Vec<_>>().join(" ; ")),
            Answer::Ranking(os) => Some(
                os.iter().enumerate().map(|(i, o)| format!("{}. {}", i + 1, label(o))).collect::<Vec<_>>().join(" ; "),
            ),
            Answer::Scale(v) => Some(format!("{v} / 5")),
            Answer::Text(t) => Some(t.clone()),
        };
        lines.push((question.prompt.clone(), text));
    }
    let fields = raw
        .iter()
        .flat_map(|(question, values)| values.iter().map(move |v| (format!("answers[q{question}][]"), v.clone())))
        .collect();
    Ok(Some(Review { lines, fields }))
}

/// The receipt of the ballot just cast, shown once (it is then forgotten).
#[server(prefix = "/api", endpoint = "consultations/take_receipt", input = GetUrl)]
pub async fn take_receipt(consultation_id: i64) -> Result<Option<String>, AppError> {
    use crate::server::{cookie, request_headers, require_session, set_cookie, state};
    let state = state()?;
    require_session()?;
    let name = format!("palier_receipt_{consultation_id}");
    let receipt = cookie(&request_headers(), &name);
    if receipt.is_some() {
        let expired = cookie::Cookie::build((name, ""))
            .path(format!("/consultations/{consultation_id}"))
            .http_only(true)
            .same_site(cookie::SameSite::Lax)
            .secure(state.settings.secure_cookies)
            .max_age(cookie::time::Duration::ZERO)
            .build();
        set_cookie(expired);
    }
    Ok(receipt.filter(|r| palier_domain::InvitationCode::parse(r).is_ok()))
}

/// The results, when they may be seen (`None` before then).
#[server(prefix = "/api", endpoint = "consultations/results", input = GetUrl)]
pub async fn get_results(id: i64) -> Result<Option<Results>, AppError> {
    use crate::server::{internal, state};
    let state = state()?;
    let (definition, _) = visible_definition(id).await?;
    if !definition.results_visible(chrono::Utc::now()) {
        return Ok(None);
    }
    Ok(Some(state.live_counts.counted(&state.db, &definition).await.map_err(internal)?))
}

/// A page of the published ballot list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotList {
    pub questions: Vec<(i64, String)>,
    pub ballots: Vec<PublishedBallot>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    /// When a receipt was looked up: whether it is in the count.
    pub found: Option<bool>,
}

/// Ballots per page of the recount list.
pub const BALLOTS_PER_PAGE: u64 = 100;

/// The ballot list of a consultation whose voting is over, by receipt;
/// `receipt` looks one up.
#[server(prefix = "/api", endpoint = "consultations/ballots", input = GetUrl)]
pub async fn get_ballot_list(id: i64, page: u64, receipt: Option<String>) -> Result<BallotList, AppError> {
    use crate::server::{internal, state};
    use palier_backend::consultations::results;
    let state = state()?;
    let (definition, _) = visible_definition(id).await?;
    if !definition.status().is_over() {
        return Err(AppError::Forbidden);
    }
    let found = match receipt.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(text) => Some(match palier_domain::InvitationCode::parse(text) {
            Ok(code) => results::receipt_counted(&state.db, id, &code.to_string()).await.map_err(internal)?,
            Err(_) => false,
        }),
        None => None,
    };
    let (ballots, total) =
        results::ballot_list(&state.db, &definition, page, BALLOTS_PER_PAGE).await.map_err(internal)?;
    Ok(BallotList {
        questions: definition.questions.iter().map(|q| (q.id, q.prompt.clone())).collect(),
        ballots,
        total,
        page,
        pages: total.div_ceil(BALLOTS_PER_PAGE).max(1),
        found,
    })
}
