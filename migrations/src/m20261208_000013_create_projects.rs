//! Habitant 3.0: projects tenants propose for their residence, their
//! supports and public timeline; the shared mechanisms they are the first
//! to use — comments, reports of content, attachments — and the
//! organisation's settings for them.
//!
//! Full-text search of projects with French stemming: on PostgreSQL a
//! generated `tsvector` column (configuration `french`) with a GIN index; on
//! SQLite an FTS5 table the backend fills with stemmed words (SQLite has no
//! French stemmer of its own).

use crate::{id, reference, timestamp, timestamp_null};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DbBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    SupportUnit,
    SupportThresholdKind,
    SupportThreshold,
    AnswerDays,
    ReportThreshold,
}

#[derive(DeriveIden)]
enum ProjectCategories {
    Table,
    Id,
    OrganisationId,
    Code,
    Label,
    Position,
    Archived,
}

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
    OrganisationId,
    ResidenceId,
    BuildingId,
    CategoryId,
    AuthorUserId,
    HouseholdId,
    RecordedByUserId,
    Channel,
    Title,
    Description,
    EstimatedCost,
    SpentCost,
    Needs,
    Status,
    Moderation,
    SupportUnit,
    SupportTarget,
    SupportCount,
    CommentCount,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    ReviewStartedAt,
    AnswerDueAt,
    AnsweredAt,
}

#[derive(DeriveIden)]
enum ProjectSupports {
    Table,
    ProjectId,
    UnitId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProjectEvents {
    Table,
    Id,
    ProjectId,
    Kind,
    Status,
    Message,
    Cost,
    Landlord,
    ActorUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    OrganisationId,
    Subject,
    SubjectId,
    ParentId,
    AuthorUserId,
    Landlord,
    Body,
    Moderation,
    CreatedAt,
    EditedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum ContentReports {
    Table,
    Id,
    OrganisationId,
    ContentKind,
    ContentId,
    ReporterUserId,
    Reason,
    CreatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum Attachments {
    Table,
    Id,
    OrganisationId,
    OwnerKind,
    OwnerId,
    Position,
    StorageKey,
    MediaType,
    Width,
    Height,
    Bytes,
    Moderation,
    UploadedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Residences {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Buildings {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Households {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

/// A foreign key from `from` to `to`'s `id`.
fn fk(
    from: impl IntoIden + 'static,
    column: impl IntoIden,
    to: impl IntoIden + 'static,
    to_id: impl IntoIden,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create().from_tbl(from).from_col(column).to_tbl(to).to_col(to_id).on_delete(on_delete).to_owned()
}

/// A short code column.
fn code(name: impl IntoIden, default: &str) -> ColumnDef {
    ColumnDef::new(name).string_len(20).not_null().default(default).to_owned()
}

/// The categories every organisation starts with: code, then French label.
const DEFAULT_CATEGORIES: [(&str, &str); 9] = [
    ("garden", "Jardins et espaces verts"),
    ("conviviality", "Convivialité et fêtes"),
    ("surroundings", "Cadre de vie et aménagements"),
    ("solidarity", "Solidarité et entraide"),
    ("youth", "Enfants et jeunes"),
    ("seniors", "Seniors"),
    ("environment", "Environnement et économies d'énergie"),
    ("culture", "Culture, sport et loisirs"),
    ("other", "Autre"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            code(Organisations::SupportUnit, "household"),
            code(Organisations::SupportThresholdKind, "supports"),
            ColumnDef::new(Organisations::SupportThreshold).integer().not_null().default(10).to_owned(),
            ColumnDef::new(Organisations::AnswerDays).integer().not_null().default(30).to_owned(),
            ColumnDef::new(Organisations::ReportThreshold).integer().not_null().default(3).to_owned(),
        ] {
            // SQLite alters one column per statement.
            manager.alter_table(Table::alter().table(Organisations::Table).add_column(column).to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ProjectCategories::Table)
                    .col(id(ProjectCategories::Id))
                    .col(reference(ProjectCategories::OrganisationId))
                    // One of the defaults (shown in the reader's language), or none for the organisation's own.
                    .col(ColumnDef::new(ProjectCategories::Code).string_len(20).null())
                    .col(ColumnDef::new(ProjectCategories::Label).string_len(100).not_null())
                    .col(ColumnDef::new(ProjectCategories::Position).integer().not_null().default(0))
                    .col(ColumnDef::new(ProjectCategories::Archived).boolean().not_null().default(false))
                    .foreign_key(&mut fk(
                        ProjectCategories::Table,
                        ProjectCategories::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("project_categories_label")
                    .table(ProjectCategories::Table)
                    .col(ProjectCategories::OrganisationId)
                    .col(ProjectCategories::Label)
                    .unique()
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        for (position, (code, label)) in DEFAULT_CATEGORIES.iter().enumerate() {
            let insert = Query::insert()
                .into_table(ProjectCategories::Table)
                .columns([
                    ProjectCategories::OrganisationId,
                    ProjectCategories::Code,
                    ProjectCategories::Label,
                    ProjectCategories::Position,
                ])
                .select_from(
                    Query::select()
                        .column(Organisations::Id)
                        .expr(Expr::val(*code))
                        .expr(Expr::val(*label))
                        .expr(Expr::val(<i32 as TryFrom<usize>>::try_from(position).unwrap_or_default()))
                        .from(Organisations::Table)
                        .to_owned(),
                )
                .map_err(|e| DbErr::Migration(e.to_string()))?
                .to_owned();
            manager.exec_stmt(insert).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(Projects::Table)
                    .col(id(Projects::Id))
                    .col(reference(Projects::OrganisationId))
                    .col(reference(Projects::ResidenceId))
                    .col(ColumnDef::new(Projects::BuildingId).big_integer().null())
                    .col(reference(Projects::CategoryId))
                    // Who proposed it; empty once their account is deleted.
                    .col(ColumnDef::new(Projects::AuthorUserId).big_integer().null())
                    // The author's home when staff entered it for them.
                    .col(ColumnDef::new(Projects::HouseholdId).big_integer().null())
                    // Staff who entered it on a tenant's behalf (never shown to tenants).
                    .col(ColumnDef::new(Projects::RecordedByUserId).big_integer().null())
                    .col(code(Projects::Channel, "online"))
                    .col(ColumnDef::new(Projects::Title).string_len(200).not_null())
                    .col(ColumnDef::new(Projects::Description).text().not_null())
                    .col(ColumnDef::new(Projects::EstimatedCost).integer().null())
                    .col(ColumnDef::new(Projects::SpentCost).integer().null())
                    // The needs' codes, separated by commas.
                    .col(ColumnDef::new(Projects::Needs).string_len(100).not_null().default(""))
                    .col(code(Projects::Status, "draft"))
                    .col(code(Projects::Moderation, "visible"))
                    // Frozen when it is published: households or adults support it.
                    .col(code(Projects::SupportUnit, "household"))
                    .col(ColumnDef::new(Projects::SupportTarget).integer().not_null().default(1))
                    .col(ColumnDef::new(Projects::SupportCount).integer().not_null().default(0))
                    .col(ColumnDef::new(Projects::CommentCount).integer().not_null().default(0))
                    .col(timestamp(Projects::CreatedAt))
                    .col(timestamp(Projects::UpdatedAt))
                    .col(timestamp_null(Projects::SubmittedAt))
                    .col(timestamp_null(Projects::ReviewStartedAt))
                    .col(timestamp_null(Projects::AnswerDueAt))
                    .col(timestamp_null(Projects::AnsweredAt))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::ResidenceId,
                        Residences::Table,
                        Residences::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::BuildingId,
                        Buildings::Table,
                        Buildings::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::CategoryId,
                        ProjectCategories::Table,
                        ProjectCategories::Id,
                        ForeignKeyAction::Restrict,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::AuthorUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::HouseholdId,
                        Households::Table,
                        Households::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        Projects::Table,
                        Projects::RecordedByUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("projects_by_residence", vec![Projects::ResidenceId, Projects::Status, Projects::SubmittedAt]),
            ("projects_by_organisation", vec![Projects::OrganisationId, Projects::Status, Projects::SubmittedAt]),
            ("projects_by_support", vec![Projects::OrganisationId, Projects::SupportCount]),
            ("projects_by_author", vec![Projects::AuthorUserId]),
        ] {
            let mut index = Index::create().name(name).table(Projects::Table).to_owned();
            for column in columns {
                index.col(column);
            }
            manager.create_index(index).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ProjectSupports::Table)
                    .col(reference(ProjectSupports::ProjectId))
                    // The household, or the adult, that supports it (the project's unit).
                    .col(reference(ProjectSupports::UnitId))
                    // Who gave it (the unit's occupant).
                    .col(ColumnDef::new(ProjectSupports::UserId).big_integer().null())
                    .col(timestamp(ProjectSupports::CreatedAt))
                    // One support per voting unit, whatever the application does.
                    .primary_key(Index::create().col(ProjectSupports::ProjectId).col(ProjectSupports::UnitId))
                    .foreign_key(&mut fk(
                        ProjectSupports::Table,
                        ProjectSupports::ProjectId,
                        Projects::Table,
                        Projects::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ProjectSupports::Table,
                        ProjectSupports::UserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProjectEvents::Table)
                    .col(id(ProjectEvents::Id))
                    .col(reference(ProjectEvents::ProjectId))
                    .col(ColumnDef::new(ProjectEvents::Kind).string_len(20).not_null())
                    .col(ColumnDef::new(ProjectEvents::Status).string_len(20).null())
                    .col(ColumnDef::new(ProjectEvents::Message).text().not_null())
                    .col(ColumnDef::new(ProjectEvents::Cost).integer().null())
                    // Posted by the landlord (its staff's names are not shown).
                    .col(ColumnDef::new(ProjectEvents::Landlord).boolean().not_null().default(false))
                    .col(ColumnDef::new(ProjectEvents::ActorUserId).big_integer().null())
                    .col(timestamp(ProjectEvents::CreatedAt))
                    .foreign_key(&mut fk(
                        ProjectEvents::Table,
                        ProjectEvents::ProjectId,
                        Projects::Table,
                        Projects::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ProjectEvents::Table,
                        ProjectEvents::ActorUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("project_events_by_project")
                    .table(ProjectEvents::Table)
                    .col(ProjectEvents::ProjectId)
                    .col(ProjectEvents::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Comments::Table)
                    .col(id(Comments::Id))
                    .col(reference(Comments::OrganisationId))
                    // What it is about: `project`, … and that item's id.
                    .col(ColumnDef::new(Comments::Subject).string_len(20).not_null())
                    .col(reference(Comments::SubjectId))
                    .col(ColumnDef::new(Comments::ParentId).big_integer().null())
                    .col(ColumnDef::new(Comments::AuthorUserId).big_integer().null())
                    .col(ColumnDef::new(Comments::Landlord).boolean().not_null().default(false))
                    .col(ColumnDef::new(Comments::Body).text().not_null())
                    .col(code(Comments::Moderation, "visible"))
                    .col(timestamp(Comments::CreatedAt))
                    .col(timestamp_null(Comments::EditedAt))
                    .col(timestamp_null(Comments::DeletedAt))
                    .foreign_key(&mut fk(
                        Comments::Table,
                        Comments::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Comments::Table,
                        Comments::ParentId,
                        Comments::Table,
                        Comments::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Comments::Table,
                        Comments::AuthorUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("comments_by_subject")
                    .table(Comments::Table)
                    .col(Comments::Subject)
                    .col(Comments::SubjectId)
                    .col(Comments::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ContentReports::Table)
                    .col(id(ContentReports::Id))
                    .col(reference(ContentReports::OrganisationId))
                    .col(ColumnDef::new(ContentReports::ContentKind).string_len(20).not_null())
                    .col(reference(ContentReports::ContentId))
                    .col(reference(ContentReports::ReporterUserId))
                    .col(ColumnDef::new(ContentReports::Reason).string_len(20).not_null())
                    .col(timestamp(ContentReports::CreatedAt))
                    // When a moderator decided on it (open reports have none).
                    .col(timestamp_null(ContentReports::ClosedAt))
                    .foreign_key(&mut fk(
                        ContentReports::Table,
                        ContentReports::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        ContentReports::Table,
                        ContentReports::ReporterUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("content_reports_once")
                    .table(ContentReports::Table)
                    .col(ContentReports::ContentKind)
                    .col(ContentReports::ContentId)
                    .col(ContentReports::ReporterUserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("content_reports_open")
                    .table(ContentReports::Table)
                    .col(ContentReports::OrganisationId)
                    .col(ContentReports::ClosedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Attachments::Table)
                    .col(id(Attachments::Id))
                    .col(reference(Attachments::OrganisationId))
                    // What it belongs to: `project`, `project_event`, … and that item's id.
                    .col(ColumnDef::new(Attachments::OwnerKind).string_len(20).not_null())
                    .col(reference(Attachments::OwnerId))
                    .col(ColumnDef::new(Attachments::Position).integer().not_null().default(0))
                    // The store's name for its files (random).
                    .col(ColumnDef::new(Attachments::StorageKey).string_len(64).not_null().unique_key())
                    .col(ColumnDef::new(Attachments::MediaType).string_len(40).not_null())
                    .col(ColumnDef::new(Attachments::Width).integer().not_null())
                    .col(ColumnDef::new(Attachments::Height).integer().not_null())
                    .col(ColumnDef::new(Attachments::Bytes).big_integer().not_null())
                    .col(code(Attachments::Moderation, "visible"))
                    .col(ColumnDef::new(Attachments::UploadedByUserId).big_integer().null())
                    .col(timestamp(Attachments::CreatedAt))
                    .foreign_key(&mut fk(
                        Attachments::Table,
                        Attachments::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        Attachments::Table,
                        Attachments::UploadedByUserId,
                        Users::Table,
                        Users::Id,
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("attachments_by_owner")
                    .table(Attachments::Table)
                    .col(Attachments::OwnerKind)
                    .col(Attachments::OwnerId)
                    .col(Attachments::Position)
                    .to_owned(),
            )
            .await?;

        // Full-text search of projects, with French stemming.
        let search = match backend {
            DbBackend::Postgres => vec![
                "ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS \
                 (to_tsvector('french'::regconfig, title || ' ' || description)) STORED",
                "CREATE INDEX projects_search ON projects USING gin (search)",
            ],
            _ => vec![
                // The rowid is the project's id; `words` holds its stemmed words.
                "CREATE VIRTUAL TABLE projects_search USING fts5(words, tokenize = 'unicode61 remove_diacritics 2')",
            ],
        };
        for sql in search {
            db.execute(Statement::from_string(backend, sql)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Sqlite {
            manager
                .get_connection()
                .execute(Statement::from_string(DbBackend::Sqlite, "DROP TABLE IF EXISTS projects_search"))
                .await?;
        }
        for table in [
            Attachments::Table.into_iden(),
            ContentReports::Table.into_iden(),
            Comments::Table.into_iden(),
            ProjectEvents::Table.into_iden(),
            ProjectSupports::Table.into_iden(),
            Projects::Table.into_iden(),
            ProjectCategories::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [
            Organisations::SupportUnit.into_iden(),
            Organisations::SupportThresholdKind.into_iden(),
            Organisations::SupportThreshold.into_iden(),
            Organisations::AnswerDays.into_iden(),
            Organisations::ReportThreshold.into_iden(),
        ] {
            manager.alter_table(Table::alter().table(Organisations::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
