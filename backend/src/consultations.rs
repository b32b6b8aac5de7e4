//! Consultations and votes: building them (staff), the lifecycle (the clock
//! opens and closes them; opening freezes the eligible units), voting
//! (online and on paper, one ballot per unit by constraint, secret), and the
//! results (aggregated in SQL).

pub mod builder;
pub mod lifecycle;
pub mod results;
pub mod voting;

use crate::entities::{consultation, consultation_scope, question, question_option};
use crate::policy::{Actor, Scope};
use chrono::{DateTime, Utc};
use palier_domain::consultation::{QuestionKind, QuestionRules, Status};
use sea_orm::{ColumnTrait as _, ConnectionTrait, DbErr, EntityTrait as _, QueryFilter as _, QueryOrder as _};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Who a consultation is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// Every household of the organisation.
    Organisation,
    /// Every household of these residences.
    Residences(Vec<i64>),
    /// Every household of these buildings.
    Buildings(Vec<i64>),
}

impl Audience {
    pub fn kind(&self) -> &'static str {
        match self {
            Audience::Organisation => "organisation",
            Audience::Residences(_) => "residences",
            Audience::Buildings(_) => "buildings",
        }
    }
}

/// What votes: each household once, or each adult occupant registered in Palier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VotingUnit {
    Household,
    Adult,
}

impl VotingUnit {
    pub fn code(self) -> &'static str {
        match self {
            VotingUnit::Household => "household",
            VotingUnit::Adult => "adult",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "household" => Some(Self::Household),
            "adult" => Some(Self::Adult),
            _ => None,
        }
    }
}

/// When results can be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Visibility {
    /// While voting.
    Live,
    /// Only once voting is over.
    AfterClose,
}

impl Visibility {
    pub fn code(self) -> &'static str {
        match self {
            Visibility::Live => "live",
            Visibility::AfterClose => "after_close",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "live" => Some(Self::Live),
            "after_close" => Some(Self::AfterClose),
            _ => None,
        }
    }
}

/// The landlord's decision, published with its response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Adopted,
    Adjusted,
    NotRetained,
}

impl Decision {
    pub fn code(self) -> &'static str {
        match self {
            Decision::Adopted => "adopted",
            Decision::Adjusted => "adjusted",
            Decision::NotRetained => "not_retained",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "adopted" => Some(Self::Adopted),
            "adjusted" => Some(Self::Adjusted),
            "not_retained" => Some(Self::NotRetained),
            _ => None,
        }
    }
}

/// A question with its options, as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: i64,
    pub position: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub required: bool,
    /// (option id, label), in order.
    pub options: Vec<(i64, String)>,
}

impl QuestionView {
    pub fn rules(&self) -> QuestionRules {
        QuestionRules {
            id: self.id,
            kind: self.kind.clone(),
            required: self.required,
            options: self.options.iter().map(|(id, _)| *id).collect(),
        }
    }
}

/// A consultation and its questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub consultation: consultation::Model,
    pub audience: Audience,
    pub questions: Vec<QuestionView>,
}

impl Definition {
    pub fn status(&self) -> Status {
        Status::parse(&self.consultation.status).unwrap_or(Status::Draft)
    }

    pub fn unit(&self) -> VotingUnit {
        VotingUnit::parse(&self.consultation.voting_unit).unwrap_or(VotingUnit::Household)
    }

    pub fn visibility(&self) -> Visibility {
        Visibility::parse(&self.consultation.results_visibility).unwrap_or(Visibility::AfterClose)
    }

    pub fn rules(&self) -> Vec<QuestionRules> {
        self.questions.iter().map(QuestionView::rules).collect()
    }

    /// The organisation-wide scope, for staff permissions.
    pub fn organisation_scope(&self) -> Scope {
        Scope::organisation(self.consultation.organisation_id)
    }

    /// Whether the consultation is for a home in this residence and building.
    pub fn covers(&self, residence_id: i64, building_id: Option<i64>) -> bool {
        match &self.audience {
            Audience::Organisation => true,
            Audience::Residences(ids) => ids.contains(&residence_id),
            Audience::Buildings(ids) => building_id.is_some_and(|b| ids.contains(&b)),
        }
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
    match row.kind.as_str() {
        "multiple" => QuestionKind::MultipleChoice { min: int(row.min_choices), max: int(row.max_choices) },
        "ranking" => QuestionKind::Ranking,
        "scale" => QuestionKind::Scale {
            low: row.scale_low.clone().unwrap_or_default(),
            high: row.scale_high.clone().unwrap_or_default(),
        },
        "text" => QuestionKind::FreeText { max_chars: int(row.max_chars) },
        _ => QuestionKind::SingleChoice,
    }
}

/// Loads a consultation with its audience and questions (three queries).
pub async fn definition<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Definition>, DbErr> {
    let Some(consultation) = consultation::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    let scopes =
        consultation_scope::Entity::find().filter(consultation_scope::Column::ConsultationId.eq(id)).all(conn).await?;
    let audience = match consultation.scope_kind.as_str() {
        "residences" => Audience::Residences(scopes.iter().filter_map(|s| s.residence_id).collect()),
        "buildings" => Audience::Buildings(scopes.iter().filter_map(|s| s.building_id).collect()),
        _ => Audience::Organisation,
    };
    let rows = question::Entity::find()
        .filter(question::Column::ConsultationId.eq(id))
        .order_by_asc(question::Column::Position)
        .order_by_asc(question::Column::Id)
        .all(conn)
        .await?;
    let mut options: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    for option in question_option::Entity::find()
        .filter(question_option::Column::QuestionId.is_in(rows.iter().map(|q| q.id)))
        .order_by_asc(question_option::Column::Position)
        .order_by_asc(question_option::Column::Id)
        .all(conn)
        .await?
    {
        options.entry(option.question_id).or_default().push((option.id, option.label));
    }
    let questions = rows
        .iter()
        .map(|row| QuestionView {
            id: row.id,
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
type Frozen = (Audience, Vec<QuestionView>);

impl Definitions {
    /// Like [`definition`], from the kept parts when the vote has opened.
    pub async fn get<C: ConnectionTrait>(&self, conn: &C, id: i64) -> Result<Option<Definition>, DbErr> {
        let Some(consultation) = consultation::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
        let frozen = |row: &consultation::Model| {
            matches!(
                Status::parse(&row.status),
                Some(Status::Open | Status::Closed | Status::Published | Status::Archived)
            )
        };
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

/// A consultation in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
}

impl From<&consultation::Model> for Summary {
    fn from(row: &consultation::Model) -> Self {
        Self {
            id: row.id,
            title: row.title.clone(),
            summary: row.summary.clone(),
            status: Status::parse(&row.status).unwrap_or(Status::Draft),
            opens_at: row.opens_at,
            closes_at: row.closes_at,
        }
    }
}

/// Every consultation of an organisation, newest first (staff).
pub async fn of_organisation<C: ConnectionTrait>(conn: &C, organisation_id: i64) -> Result<Vec<Summary>, DbErr> {
    Ok(consultation::Entity::find()
        .filter(consultation::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(consultation::Column::OpensAt)
        .order_by_desc(consultation::Column::Id)
        .all(conn)
        .await?
        .iter()
        .map(Summary::from)
        .collect())
}
