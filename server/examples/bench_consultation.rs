//! Fixtures and measurements for the consultation benchmark (`make bench`,
//! `scripts/bench.sh`). Three commands, all on the database at URL:
//!
//! - `setup URL HOUSEHOLDS VOTERS TOKENS_FILE`: a landlord with one residence of
//!   HOUSEHOLDS homes, VOTERS of them with a tenant signed in (their session
//!   tokens go to TOKENS_FILE, one per line); a consultation with 100 000
//!   ballots (cast through the real voting code) closed for the results page,
//!   and an open one for the load generator to vote in. Prints JSON.
//!   The ballots are sealed with the server key at `PALIER_KEY_FILE` (created
//!   there if missing), which the server given the same data directory uses.
//! - `count URL CONSULTATION`: how many ballots a consultation holds (sealed or not).
//! - `raw-inserts URL SECONDS`: how many one-row insert transactions the same
//!   database commits per second, one after the other, for comparison.
//!
//! Usage: bench_consultation setup|count|raw-inserts …

use anyhow::Context as _;
use chrono::{Duration, Utc};
use palier_backend::accounts::{self, NewAccount};
use palier_backend::auth::password;
use palier_backend::consultations::builder;
use palier_backend::consultations::voting::{self, Channel, Seal};
use palier_backend::consultations::{Definition, definition, lifecycle};
use palier_backend::registry::{self, NewHousehold};
use palier_domain::consultations::{Audience, QuestionKind, RawAnswers, Visibility, VotingUnit};
use palier_domain::consultations::{QuestionDraft, Settings};
use palier_domain::ids::ResidenceId;
use palier_domain::registry::NewResidence;
use palier_domain::{DisplayName, Email, Locale, Password};
use sea_orm::{ConnectionTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, TransactionTrait as _};
use std::io::Write as _;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["setup", url, households, voters, tokens] => setup(url, households.parse()?, voters.parse()?, tokens).await,
        ["count", url, consultation] => {
            use palier_backend::entities::{ballot, sealed_ballot};
            use sea_orm::{ColumnTrait as _, PaginatorTrait as _};
            let db = palier_backend::db::connect(url).await?;
            let id: i64 = consultation.parse()?;
            let open = sealed_ballot::Entity::find().filter(sealed_ballot::Column::ConsultationId.eq(id)).count(&db);
            let closed = ballot::Entity::find().filter(ballot::Column::ConsultationId.eq(id)).count(&db);
            println!("{}", open.await? + closed.await?);
            Ok(())
        }
        ["raw-inserts", url, seconds] => raw_inserts(url, seconds.parse()?).await,
        _ => anyhow::bail!(
            "usage: bench_consultation setup URL HOUSEHOLDS VOTERS TOKENS_FILE | count URL ID | raw-inserts URL SECONDS"
        ),
    }
}

fn questions() -> Vec<QuestionDraft> {
    let q = |kind, prompt: &str, options: &[&str]| QuestionDraft {
        kind,
        prompt: prompt.to_owned(),
        required: true,
        options: options.iter().map(|o| (*o).to_owned()).collect(),
    };
    vec![
        q(QuestionKind::SingleChoice, "Quelle couleur pour les halls ?", &["Bleu", "Vert", "Ocre", "Gris"]),
        q(
            QuestionKind::MultipleChoice { min: 1, max: 2 },
            "Quels équipements ?",
            &["Bancs", "Plantes", "Éclairage", "Affichage"],
        ),
        q(QuestionKind::Ranking, "Classez les travaux", &["Boîtes aux lettres", "Interphone", "Sol"]),
        q(QuestionKind::Scale { low: "Très mauvais".into(), high: "Très bon".into() }, "L'état des halls ?", &[]),
        QuestionDraft { required: false, ..q(QuestionKind::FreeText { max_chars: 500 }, "Une idée ?", &[]) },
    ]
}

/// The answers of voter `n`, as the ballot form posts them (by question index).
fn answers(definition: &Definition, n: usize) -> Vec<Vec<String>> {
    let option = |q: usize, i: usize| {
        let options = &definition.questions[q].options;
        options[i % options.len()].0.to_string()
    };
    vec![
        vec![option(0, n % 7 % 4)],
        vec![option(1, n), option(1, n + 1)],
        (0..3).map(|r| format!("{}:{}", option(2, r), (r + n) % 3 + 1)).collect(),
        vec![(n % 5 + 1).to_string()],
        if n.is_multiple_of(10) { vec!["Un local à vélos".to_owned()] } else { vec![] },
    ]
}

async fn consultation(
    db: &DatabaseConnection,
    seal: &Seal,
    staff: i64,
    organisation: i64,
    residence: i64,
    title: &str,
) -> anyhow::Result<Definition> {
    let settings = Settings {
        title: title.to_owned(),
        summary: "Banc d'essai".to_owned(),
        body: String::new(),
        audience: Audience::Residences(vec![ResidenceId::new(residence)]),
        unit: VotingUnit::Household,
        opens_at: Utc::now() - Duration::minutes(1),
        closes_at: Utc::now() + Duration::days(7),
        visibility: Visibility::Live,
        quorum_percent: Some(25),
    };
    let id = builder::create(db, staff, organisation, settings).await?.id;
    for question in questions() {
        builder::add_question(db, id, question).await?;
    }
    builder::schedule(db, seal, staff, id, Utc::now()).await?;
    lifecycle::advance(db, seal, id, Utc::now()).await?;
    definition(db, id).await?.context("the consultation exists")
}

async fn setup(url: &str, households: usize, voters: usize, tokens_file: &str) -> anyhow::Result<()> {
    let db = palier_backend::db::connect(url).await?;
    palier_backend::db::migrate(&db).await?;
    let key_file = std::env::var("PALIER_KEY_FILE").context("PALIER_KEY_FILE: where the server key is")?;
    let key = palier_backend::auth::server_key::ServerKey::load_or_create(key_file.as_ref(), &db).await?;
    let seal = Seal::new(&key);
    let hash = password::hash(Password::parse("banc d'essai des votes")?).await?;
    let account = |email: String, name: String| -> anyhow::Result<NewAccount> {
        Ok(NewAccount {
            email: Email::parse(&email).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            display_name: DisplayName::parse(&name).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            locale: Locale::Fr,
            email_verified: true,
            platform_admin: false,
        })
    };

    let txn = db.begin().await?;
    let organisation = registry::create_organisation(&txn, "banc-essai", "Banc d'essai").await?.id;
    let residence = registry::create_residence(
        &txn,
        organisation,
        NewResidence {
            name: "Résidence du Banc d'essai".to_owned(),
            address: "1 rue de l'Essai".to_owned(),
            postcode: "69001".to_owned(),
            city: "Lyon".to_owned(),
        },
    )
    .await?
    .id;
    let staff = accounts::insert(&txn, account("staff@bench.invalid".into(), "Équipe".into())?, &hash)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .id;
    accounts::set_membership(&txn, staff, organisation, palier_domain::team::OrgRole::Staff).await?;
    let mut buildings = Vec::new();
    for name in ["Bâtiment A", "Bâtiment B", "Bâtiment C", "Bâtiment D"] {
        buildings.push(registry::create_building(&txn, residence, name).await?.id);
    }
    let mut homes = Vec::with_capacity(households);
    for n in 0..households {
        let home = registry::create_household(
            &txn,
            organisation,
            NewHousehold {
                residence_id: residence,
                building_id: Some(buildings[n % buildings.len()]),
                lease_ref: format!("BANC-{n:06}"),
                unit_label: format!("Logement {n:06}"),
                max_occupants: 4,
            },
        )
        .await?;
        homes.push(home.id);
    }
    let mut tokens = std::io::BufWriter::new(std::fs::File::create(tokens_file)?);
    for (n, home) in homes.iter().take(voters).enumerate() {
        let user = accounts::insert(&txn, account(format!("votant{n}@bench.invalid"), format!("Votant {n}"))?, &hash)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        registry::add_occupant(&txn, *home, user.id).await?;
        let session = palier_backend::sessions::create(&txn, user.id, false, "bench").await?;
        writeln!(tokens, "{}", session.token)?;
    }
    tokens.flush()?;
    let viewer = palier_backend::sessions::create(&txn, staff, false, "bench").await?.token;
    txn.commit().await?;

    // 100 000 ballots through the real voting code, four at a time.
    let counted = consultation(&db, &seal, staff, organisation, residence, "Résultats à 100 000 bulletins").await?;
    let ballots = households.min(100_000);
    let started = std::time::Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    let shared = std::sync::Arc::new((db.clone(), counted.clone(), seal.clone()));
    for worker in 0..4 {
        let shared = shared.clone();
        let homes = homes.clone();
        tasks.spawn(async move {
            let (db, definition, seal) = &*shared;
            for n in (worker..ballots).step_by(4) {
                let unit = voting::eligible_unit(db, definition.consultation.id, homes[n])
                    .await?
                    .context("an eligible home")?;
                let raw: RawAnswers = definition.questions.iter().map(|q| q.id).zip(answers(definition, n)).collect();
                voting::cast(db, seal, definition, &unit, Channel::Online, &raw, Utc::now()).await?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    let cast_in = started.elapsed();
    palier_backend::entities::consultation::Entity::update_many()
        .col_expr(palier_backend::entities::consultation::Column::ClosesAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(sea_orm::ColumnTrait::eq(&palier_backend::entities::consultation::Column::Id, counted.consultation.id))
        .exec(&db)
        .await?;
    lifecycle::advance(&db, &seal, counted.consultation.id, Utc::now()).await?;

    let open = consultation(&db, &seal, staff, organisation, residence, "Vote sous charge").await?;
    // Opening both votes queued an email for every voter; sending them is
    // not what this benchmark measures (the receipts of its ballots are).
    {
        use palier_backend::entities::notification;
        notification::Entity::update_many()
            .col_expr(notification::Column::EmailState, sea_orm::sea_query::Expr::value("none"))
            .exec(&db)
            .await?;
    }
    let fields: Vec<(String, String)> = open
        .questions
        .iter()
        .zip(answers(&open, 3))
        .flat_map(|(q, values)| values.into_iter().map(move |v| (format!("answers[q{}][]", q.id), v)))
        .collect();
    // The form body, encoded as a browser does (the `url` crate's serializer).
    let mut form = reqwest::Url::parse("http://bench.invalid/")?;
    form.query_pairs_mut().append_pair("consultation_id", &open.consultation.id.to_string()).extend_pairs(fields);
    let body = form.query().unwrap_or_default().to_owned();
    println!(
        "{}",
        serde_json::json!({
            "results_consultation": counted.consultation.id,
            "results_ballots": ballots,
            "results_cast_seconds": cast_in.as_secs_f64(),
            "ballot_consultation": open.consultation.id,
            "ballot_body": body,
            "viewer_token": viewer,
        })
    );
    Ok(())
}

async fn raw_inserts(url: &str, seconds: u64) -> anyhow::Result<()> {
    let db = palier_backend::db::connect(url).await?;
    let backend = db.get_database_backend();
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL)",
    )
    .await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let started = std::time::Instant::now();
    let mut count = 0u64;
    while std::time::Instant::now() < deadline {
        // One statement outside a transaction: SQLite commits each on its own.
        db.execute(sea_orm::Statement::from_sql_and_values(
            backend,
            "INSERT INTO bench_raw (at, payload) VALUES ($1, $2)",
            [Utc::now().to_rfc3339().into(), "un bulletin de la taille d'une ligne".into()],
        ))
        .await?;
        count += 1;
    }
    db.execute_unprepared("DROP TABLE bench_raw").await?;
    println!("{:.0}", count as f64 / started.elapsed().as_secs_f64());
    Ok(())
}
