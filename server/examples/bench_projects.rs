//! Fixtures and measurements for the projects benchmark (`make bench`,
//! `scripts/bench.sh`), on the database at URL:
//!
//! - `setup URL`: one landlord with 10 residences of 1 000 homes, 10 000
//!   published projects (1 000 per residence), 200 000 supports (20 per
//!   project, each from another home) and 50 000 comments; a tenant of the
//!   first residence and a staff member signed in. Prints JSON (their
//!   session tokens, a project's id).
//! - `similar URL COUNT`: COUNT similar-project searches (the proposal's
//!   look-alikes) of varied texts against the first residence, timed one by
//!   one through the backend's search; prints p50 and p99 in milliseconds.
//!
//! Usage: bench_projects setup|similar …

use anyhow::Context as _;
use chrono::{Duration, Utc};
use palier_backend::entities::{comment, project, project_support};
use palier_backend::registry::{self, NewHousehold};
use palier_domain::registry::NewResidence;
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait as _, TransactionTrait as _};

const RESIDENCES: usize = 10;
const HOMES: usize = 1_000;
const PROJECTS_PER_RESIDENCE: usize = 1_000;
const SUPPORTS_PER_PROJECT: usize = 20;
const COMMENTS_PER_PROJECT: usize = 5;

const IDEAS: [&str; 16] = [
    "Un jardin partagé",
    "Des bancs à l'ombre",
    "Un composteur collectif",
    "Une fête des voisins",
    "Un local à vélos fermé",
    "Un atelier de réparation",
    "Une aire de jeux pour les petits",
    "Des ruches sur le toit",
    "Des cours de cuisine",
    "Une boîte à livres",
    "Des ateliers numériques pour les seniors",
    "Un potager pour l'école",
    "Un éclairage du parking",
    "Une conciergerie solidaire",
    "Des tables de pique-nique",
    "Un terrain de pétanque",
];
const PLACES: [&str; 8] = [
    "dans la cour",
    "près du parking",
    "devant le bâtiment A",
    "derrière le bâtiment B",
    "sur la pelouse",
    "au pied des tours",
    "dans la salle commune",
    "le long de l'allée",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["setup", url] => setup(url).await,
        ["similar", url, count] => similar(url, count.parse()?).await,
        _ => anyhow::bail!("usage: bench_projects setup URL | similar URL COUNT"),
    }
}

async fn person(
    db: &DatabaseConnection,
    email: &str,
    hash: &palier_backend::auth::password::PasswordHashString,
) -> anyhow::Result<i64> {
    use palier_domain::{DisplayName, Email, Locale};
    let account = palier_backend::accounts::NewAccount {
        email: Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?,
        display_name: DisplayName::parse("Banc d'essai").map_err(|e| anyhow::anyhow!("{e}"))?,
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    Ok(palier_backend::accounts::insert(db, account, hash).await.map_err(|e| anyhow::anyhow!("{e}"))?.id)
}

async fn setup(url: &str) -> anyhow::Result<()> {
    let db = palier_backend::db::connect(url).await?;
    palier_backend::db::migrate(&db).await?;
    let started = std::time::Instant::now();
    let organisation = registry::create_organisation(&db, "banc", "Banc d'essai").await?.id;
    let category = palier_backend::projects::categories(&db, organisation).await?[0].id.get();
    let mut residences = Vec::new();
    let mut homes: Vec<Vec<i64>> = Vec::new();
    for r in 0..RESIDENCES {
        let txn = db.begin().await?;
        let new = NewResidence { name: format!("Résidence {r:02}"), ..Default::default() };
        let residence = registry::create_residence(&txn, organisation, new).await?.id;
        let mut ids = Vec::with_capacity(HOMES);
        for h in 0..HOMES {
            let home = NewHousehold {
                residence_id: residence,
                building_id: None,
                unit_label: format!("Logement {h:04}"),
                lease_ref: format!("R{r:02}-{h:04}"),
                max_occupants: 4,
            };
            ids.push(registry::create_household(&txn, organisation, home).await?.id);
        }
        txn.commit().await?;
        residences.push(residence);
        homes.push(ids);
    }
    let hash = palier_backend::auth::password::hash(
        palier_domain::Password::parse("mot de passe du banc d'essai").map_err(|e| anyhow::anyhow!("{e}"))?,
    )
    .await?;
    let tenant = person(&db, "habitant@banc.invalid", &hash).await?;
    registry::add_occupant(&db, homes[0][0], tenant).await?;
    let staff = person(&db, "equipe@banc.invalid", &hash).await?;
    palier_backend::accounts::set_membership(&db, staff, organisation, palier_domain::team::OrgRole::Staff).await?;

    let now = Utc::now();
    let mut first_project = None;
    for (r, residence) in residences.iter().enumerate() {
        let txn = db.begin().await?;
        let mut rows = Vec::with_capacity(PROJECTS_PER_RESIDENCE);
        for p in 0..PROJECTS_PER_RESIDENCE {
            let n = r * PROJECTS_PER_RESIDENCE + p;
            let at = now - Duration::minutes(i64::try_from(n).unwrap_or(0));
            let title = format!("{} {} ({n})", IDEAS[n % IDEAS.len()], PLACES[(n / IDEAS.len()) % PLACES.len()]);
            let description = format!(
                "{title} : une idée des habitants de la résidence {r:02}, pour se retrouver entre voisins, \
                 avec l'aide du bailleur et de bénévoles. Nous en parlerons à la prochaine réunion."
            );
            rows.push(project::ActiveModel {
                organisation_id: Set(organisation),
                residence_id: Set(*residence),
                building_id: Set(None),
                category_id: Set(category),
                author_user_id: Set(Some(tenant)),
                household_id: Set(None),
                recorded_by_user_id: Set(None),
                channel: Set("online".into()),
                title: Set(title),
                description: Set(description),
                estimated_cost: Set(None),
                spent_cost: Set(None),
                needs: Set("volunteers".into()),
                status: Set(["submitted", "under_review", "accepted", "rejected", "done"][n % 5].into()),
                moderation: Set("visible".into()),
                support_unit: Set("household".into()),
                support_target: Set(40),
                support_count: Set(i32::try_from(SUPPORTS_PER_PROJECT).unwrap_or(0)),
                comment_count: Set(i32::try_from(COMMENTS_PER_PROJECT).unwrap_or(0)),
                created_at: Set(at),
                updated_at: Set(at),
                submitted_at: Set(Some(at)),
                review_started_at: Set(None),
                answer_due_at: Set(None),
                answered_at: Set(None),
                ..Default::default()
            });
        }
        for chunk in rows.chunks(400) {
            project::Entity::insert_many(chunk.to_vec()).exec_without_returning(&txn).await?;
        }
        let inserted = {
            use sea_orm::{ColumnTrait as _, QueryFilter as _, QueryOrder as _};
            project::Entity::find()
                .filter(project::Column::ResidenceId.eq(*residence))
                .order_by_asc(project::Column::Id)
                .all(&txn)
                .await?
        };
        first_project.get_or_insert(inserted[0].id);
        let mut supports = Vec::new();
        let mut comments = Vec::new();
        for (p, row) in inserted.iter().enumerate() {
            palier_backend::search::index_project(&txn, row.id, &row.title, &row.description).await?;
            for s in 0..SUPPORTS_PER_PROJECT {
                supports.push(project_support::ActiveModel {
                    project_id: Set(row.id),
                    unit_id: Set(homes[r][(p * 7 + s * 37) % HOMES]),
                    user_id: Set(None),
                    created_at: Set(now),
                });
            }
            for c in 0..COMMENTS_PER_PROJECT {
                comments.push(comment::ActiveModel {
                    organisation_id: Set(organisation),
                    subject: Set("project".into()),
                    subject_id: Set(row.id),
                    parent_id: Set(None),
                    author_user_id: Set(Some(tenant)),
                    landlord: Set(false),
                    body: Set(format!("Commentaire {c} : bonne idée, je participe.")),
                    moderation: Set("visible".into()),
                    created_at: Set(now),
                    ..Default::default()
                });
            }
        }
        for chunk in supports.chunks(2_000) {
            project_support::Entity::insert_many(chunk.to_vec()).exec_without_returning(&txn).await?;
        }
        for chunk in comments.chunks(1_000) {
            comment::Entity::insert_many(chunk.to_vec()).exec_without_returning(&txn).await?;
        }
        txn.commit().await?;
    }
    let tenant_token = palier_backend::sessions::create(&db, tenant, false, "bench").await?.token;
    let staff_token = palier_backend::sessions::create(&db, staff, false, "bench").await?.token;
    println!(
        "{}",
        serde_json::json!({
            "tenant_token": tenant_token,
            "staff_token": staff_token,
            "project": first_project.context("a project")?,
            "residence": residences[0],
            "setup_seconds": started.elapsed().as_secs_f64(),
        })
    );
    Ok(())
}

async fn similar(url: &str, count: usize) -> anyhow::Result<()> {
    let db = palier_backend::db::connect(url).await?;
    let residence: i64 = {
        use sea_orm::QueryOrder as _;
        palier_backend::entities::residence::Entity::find()
            .order_by_asc(palier_backend::entities::residence::Column::Id)
            .one(&db)
            .await?
            .context("a residence")?
            .id
    };
    let mut times = Vec::with_capacity(count);
    for n in 0..count {
        let text = format!(
            "{} {} pour les familles et les anciens de la résidence",
            IDEAS[(n * 5) % IDEAS.len()],
            PLACES[n % PLACES.len()]
        );
        let started = std::time::Instant::now();
        let found = palier_backend::search::similar_projects(&db, residence, &text, 0, 5).await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        anyhow::ensure!(!found.is_empty(), "a search found nothing: {text}");
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!("{:.2} {:.2}", at(0.5), at(0.99));
    Ok(())
}
