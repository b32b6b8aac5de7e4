//! Consultations and votes: building them (staff), the lifecycle (the clock
//! opens and closes them; opening freezes the eligible units), voting
//! (online and on paper, one ballot per unit by constraint, secret), and the
//! results (aggregated in SQL).

pub mod access;
pub mod builder;
pub mod lifecycle;
pub mod results;
pub mod views;
pub mod voting;

use crate::entities::{consultation, consultation_scope, question, question_option};
use crate::policy::{Actor, Scope};
use chrono::{DateTime, Utc};
use palier_domain::consultations::{
    Audience, KindCode, Question, QuestionKind, QuestionRules, Status, Visibility, VotingUnit,
};
use palier_domain::ids::{BuildingId, OptionId, QuestionId, ResidenceId};
use sea_orm::{ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _};
use std::collections::HashMap;

/// A consultation and its questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub consultation: consultation::Model,
    pub audience: Audience,
    pub questions: Vec<Question>,
}

impl Definition {
    pub fn status(&self) -> Status {
        self.consultation.status.parse().unwrap_or(Status::Draft)
    }

    pub fn unit(&self) -> VotingUnit {
        self.consultation.voting_unit.parse().unwrap_or(VotingUnit::Household)
    }

    pub fn visibility(&self) -> Visibility {
        self.consultation.results_visibility.parse().unwrap_or(Visibility::AfterClose)
    }

    pub fn rules(&self) -> Vec<QuestionRules> {
        self.questions.iter().map(Question::rules).collect()
    }

    /// The organisation-wide scope, for staff permissions.
    pub fn organisation_scope(&self) -> Scope {
        Scope::organisation(self.consultation.organisation_id)
    }

    /// Whether the consultation is for a home in this residence and building.
    pub fn covers(&self, residence_id: i64, building_id: Option<i64>) -> bool {
        self.audience.covers(ResidenceId::new(residence_id), building_id.map(BuildingId::new))
    }

    /// Whether `actor` may see this consultation: its organisation's staff
    /// always; tenants of a covered home once it is no longer a draft.
    pub fn visible_to(&self, actor: &Actor) -> bool {
        let organisation = self.consultation.organisation_id;
        if actor.can(crate::policy::Permission::ViewBackOffice, Scope::organisation(organisation)) {
            return true;
        }
        self.status() != Status::Draft
            && actor
                .homes
                .iter()
                .any(|home| home.organisation_id == organisation && self.covers(home.residence_id, home.building_id))
    }

    /// Whether the results may be shown now.
    pub fn results_visible(&self, now: DateTime<Utc>) -> bool {
        match self.visibility() {
            Visibility::Live => self.status() != Status::Draft && self.status() != Status::Scheduled,
            Visibility::AfterClose => self.status().is_over() || now >= self.consultation.closes_at,
        }
    }
}

fn kind_of(row: &question::Model) -> QuestionKind {
    let int = |v: Option<i32>| u32::try_from(v.unwrap_or(0)).unwrap_or(0);
    match row.kind.parse().unwrap_or(KindCode::Single) {
        KindCode::Multiple => QuestionKind::MultipleChoice { min: int(row.min_choices), max: int(row.max_choices) },
        KindCode::Ranking => QuestionKind::Ranking,
        KindCode::Scale => QuestionKind::Scale {
            low: row.scale_low.clone().unwrap_or_default(),
            high: row.scale_high.clone().unwrap_or_default(),
        },
        KindCode::Text => QuestionKind::FreeText { max_chars: int(row.max_chars) },
        KindCode::Single => QuestionKind::SingleChoice,
    }
}

/// Loads a consultation with its audience and questions (three queries).
pub async fn definition<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Definition>, DbErr> {
    let Some(consultation) = consultation::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    let scopes =
        consultation_scope::Entity::find().filter(consultation_scope::Column::ConsultationId.eq(id)).all(conn).await?;
    let audience = match consultation.scope_kind.parse() {
        Ok(palier_domain::consultations::Scope::Residences) => {
            Audience::Residences(scopes.iter().filter_map(|s| s.residence_id).map(ResidenceId::new).collect())
        }
        Ok(palier_domain::consultations::Scope::Buildings) => {
            Audience::Buildings(scopes.iter().filter_map(|s| s.building_id).map(BuildingId::new).collect())
        }
        _ => Audience::Organisation,
    };
    let rows = question::Entity::find()
        .filter(question::Column::ConsultationId.eq(id))
        .order_by_asc(question::Column::Position)
        .order_by_asc(question::Column::Id)
        .all(conn)
        .await?;
    let mut options: HashMap<i64, Vec<(OptionId, String)>> = HashMap::new();
    for option in question_option::Entity::find()
        .filter(question_option::Column::QuestionId.is_in(rows.iter().map(|q| q.id)))
        .order_by_asc(question_option::Column::Position)
        .order_by_asc(question_option::Column::Id)
        .all(conn)
        .await?
    {
        options.entry(option.question_id).or_default().push((OptionId::new(option.id), option.label));
    }
    let questions = rows
        .iter()
        .map(|row| Question {
            id: QuestionId::new(row.id),
            position: row.position,
            kind: kind_of(row),
            prompt: row.prompt.clone(),
            required: row.required,
            options: options.remove(&row.id).unwrap_or_default(),
        })
        .collect();
    Ok(Some(Definition { consultation, audience, questions }))
}

/// The audience and questions of consultations that have opened, kept in
/// this process: from the opening on they never change, so reading such a
/// definition again costs only its consultation's row (voting reads it on
/// every ballot).
#[derive(Debug, Clone, Default)]
pub struct Definitions {
    frozen: std::sync::Arc<std::sync::Mutex<HashMap<i64, Frozen>>>,
}

/// What cannot change once a vote has opened.
type Frozen = (Audience, Vec<Question>);

impl Definitions {
    /// Like [`definition`], from the kept parts when the vote has opened.
    pub async fn get<C: ConnectionTrait>(&self, conn: &C, id: i64) -> Result<Option<Definition>, DbErr> {
        let Some(consultation) = consultation::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
        let frozen = |row: &consultation::Model| row.status.parse().is_ok_and(Status::has_opened);
        if frozen(&consultation) {
            let kept = self.frozen.lock().ok().and_then(|kept| kept.get(&id).cloned());
            if let Some((audience, questions)) = kept {
                return Ok(Some(Definition { consultation, audience, questions }));
            }
        }
        let loaded = definition(conn, id).await?;
        if let Some(loaded) = &loaded
            && frozen(&loaded.consultation)
            && let Ok(mut kept) = self.frozen.lock()
        {
            kept.insert(id, (loaded.audience.clone(), loaded.questions.clone()));
        }
        Ok(loaded)
    }
}
