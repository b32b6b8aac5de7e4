//! Organisations (landlords) hosted on the instance, and the back office
//! overview of the ones a person works for.

use super::residences::residences_in;
use crate::entities::organisation;
use crate::policy::{Actor, Permission, Scope};
use chrono::Utc;
use palier_domain::ids::OrganisationId;
use palier_domain::projects::Threshold;
use palier_domain::registry::OrganisationOverview;
use palier_domain::registry::{DEFAULT_CODE_VALIDITY_DAYS, OrganisationSettings, ResidenceSummary, SettingsView};
use palier_domain::team::OrgRole;
use sea_orm::{
    ActiveModelTrait as _, ActiveValue::Set, ColumnTrait as _, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait as _, QueryFilter as _, QueryOrder as _, QuerySelect as _, TransactionTrait as _,
};
use std::collections::HashMap;

/// A new organisation, with the default categories of projects.
pub async fn create_organisation<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
    name: &str,
) -> Result<organisation::Model, DbErr> {
    let organisation = organisation::ActiveModel {
        slug: Set(slug.to_owned()),
        name: Set(name.to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    crate::projects::add_default_categories(conn, organisation.id).await?;
    Ok(organisation)
}

pub async fn organisation<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<organisation::Model>, DbErr> {
    organisation::Entity::find_by_id(id).one(conn).await
}

pub async fn organisation_by_slug<C: ConnectionTrait>(
    conn: &C,
    slug: &str,
) -> Result<Option<organisation::Model>, DbErr> {
    organisation::Entity::find().filter(organisation::Column::Slug.eq(slug)).one(conn).await
}

pub async fn organisations<C: ConnectionTrait>(
    conn: &C,
    ids: Option<&[i64]>,
) -> Result<Vec<organisation::Model>, DbErr> {
    let mut query = organisation::Entity::find().order_by_asc(organisation::Column::Name);
    if let Some(ids) = ids {
        query = query.filter(organisation::Column::Id.is_in(ids.iter().copied()));
    }
    query.all(conn).await
}

/// The name of organisation `id`.
pub async fn organisation_name<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<String>, DbErr> {
    Ok(organisation::Entity::find_by_id(id).one(conn).await?.map(|o| o.name))
}

/// The organisation's name when the instance hosts exactly one, for the
/// header of pages seen by visitors.
pub async fn sole_organisation_name<C: ConnectionTrait>(conn: &C) -> Result<Option<String>, DbErr> {
    let mut names = organisation::Entity::find()
        .select_only()
        .column(organisation::Column::Name)
        .limit(2)
        .into_tuple::<String>()
        .all(conn)
        .await?;
    Ok(if names.len() == 1 { names.pop() } else { None })
}

/// The back office of `actor`: every organisation they may open, with its
/// residences and their counts (five queries, however many organisations).
pub async fn back_office<C: ConnectionTrait>(conn: &C, actor: &Actor) -> Result<Vec<OrganisationOverview>, DbErr> {
    let ids = actor.staff_organisations();
    let organisations: Vec<organisation::Model> =
        organisations(conn, (!actor.platform_admin).then_some(ids.as_slice()))
            .await?
            .into_iter()
            .filter(|o| actor.can(Permission::ViewBackOffice, Scope::organisation(o.id)))
            .collect();
    let ids: Vec<i64> = organisations.iter().map(|o| o.id).collect();
    let mut residences: HashMap<i64, Vec<ResidenceSummary>> = HashMap::new();
    for (organisation, residence) in residences_in(conn, &ids).await? {
        residences.entry(organisation).or_default().push(residence);
    }
    Ok(organisations
        .into_iter()
        .map(|organisation| OrganisationOverview {
            id: OrganisationId::new(organisation.id),
            admin: actor.platform_admin || actor.role_in(organisation.id) == Some(OrgRole::Admin),
            residences: residences.remove(&organisation.id).unwrap_or_default(),
            name: organisation.name,
        })
        .collect())
}

/// How long the codes of organisation `id`'s households work after their letter.
pub async fn code_validity<C: ConnectionTrait>(conn: &C, id: i64) -> Result<chrono::Duration, DbErr> {
    let days = organisation::Entity::find_by_id(id)
        .select_only()
        .column(organisation::Column::CodeValidityDays)
        .into_tuple::<i32>()
        .one(conn)
        .await?;
    Ok(chrono::Duration::days(days.map_or(i64::from(DEFAULT_CODE_VALIDITY_DAYS), i64::from)))
}

/// What `organisation`'s admins chose for it.
pub fn settings_of(organisation: &organisation::Model) -> OrganisationSettings {
    let defaults = OrganisationSettings::default();
    OrganisationSettings {
        code_validity_days: u16::try_from(organisation.code_validity_days).unwrap_or(DEFAULT_CODE_VALIDITY_DAYS),
        support_unit: organisation.support_unit.parse().unwrap_or(defaults.support_unit),
        threshold: Threshold {
            kind: organisation.support_threshold_kind.parse().unwrap_or(defaults.threshold.kind),
            value: u32::try_from(organisation.support_threshold).unwrap_or(defaults.threshold.value),
        },
        answer_days: u16::try_from(organisation.answer_days).unwrap_or(defaults.answer_days),
        report_threshold: u16::try_from(organisation.report_threshold).unwrap_or(defaults.report_threshold),
    }
}

/// The settings page of `organisation`.
pub async fn settings_view<C: ConnectionTrait>(
    conn: &C,
    organisation: organisation::Model,
) -> Result<SettingsView, DbErr> {
    Ok(SettingsView {
        organisation_id: OrganisationId::new(organisation.id),
        settings: settings_of(&organisation),
        categories: crate::projects::categories::for_admins(conn, organisation.id).await?,
        moderators: crate::discussion::moderators::of(conn, organisation.id).await?,
        organisation: organisation.name,
    })
}

/// Saves `settings` for `organisation` (audited, with what changed). Codes
/// already issued follow the new validity from now on.
pub async fn update_settings(
    db: &DatabaseConnection,
    actor_id: i64,
    organisation: organisation::Model,
    settings: OrganisationSettings,
) -> Result<(), DbErr> {
    let before = settings_of(&organisation);
    if before == settings {
        return Ok(());
    }
    let txn = db.begin().await?;
    let id = organisation.id;
    let mut active: organisation::ActiveModel = organisation.into();
    active.code_validity_days = Set(i32::from(settings.code_validity_days));
    active.support_unit = Set(settings.support_unit.code().to_owned());
    active.support_threshold_kind = Set(settings.threshold.kind.code().to_owned());
    active.support_threshold = Set(i32::try_from(settings.threshold.value).unwrap_or(i32::MAX));
    active.answer_days = Set(i32::from(settings.answer_days));
    active.report_threshold = Set(i32::from(settings.report_threshold));
    active.update(&txn).await?;
    // What changed, from and to.
    let mut changes = serde_json::Map::new();
    let mut note = |name: &str, from: serde_json::Value, to: serde_json::Value| {
        if from != to {
            changes.insert(name.to_owned(), serde_json::json!({ "from": from, "to": to }));
        }
    };
    note("code_validity_days", before.code_validity_days.into(), settings.code_validity_days.into());
    note("support_unit", before.support_unit.code().into(), settings.support_unit.code().into());
    let threshold = |t: Threshold| format!("{} {}", t.value, t.kind.code()).into();
    note("support_threshold", threshold(before.threshold), threshold(settings.threshold));
    note("answer_days", before.answer_days.into(), settings.answer_days.into());
    note("report_threshold", before.report_threshold.into(), settings.report_threshold.into());
    crate::audit::record(
        &txn,
        crate::audit::Entry {
            actor_user_id: Some(actor_id),
            organisation_id: Some(id),
            action: palier_domain::audit::Action::OrganisationSettingsChanged,
            target_kind: "organisation",
            target_id: Some(id),
            details: serde_json::Value::Object(changes),
        },
    )
    .await?;
    txn.commit().await
}
