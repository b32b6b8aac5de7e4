//! Consultations against a real database: building, opening (the frozen
//! register of eligible units), voting once per unit even under parallel
//! duplicates, secrecy, paper ballots, results.

use chrono::{Duration, Utc};
use palier_backend::consultations::builder::{self, BuildError};
use palier_backend::consultations::voting::{self, CastError, Channel};
use palier_backend::consultations::{definition, lifecycle, results};
use palier_backend::entities::{ballot, ballot_answer, consultation, eligible_unit, participation, sealed_ballot};
use palier_backend::registry::{self, NewHousehold};
use palier_backend::testing::{fresh_database, seal};
use palier_domain::consultations::{AnswerError, QuestionKind, Status};
use palier_domain::consultations::{Audience, Decision, Visibility, VotingUnit};
use palier_domain::consultations::{QuestionDraft, Settings};
use palier_domain::ids::{BuildingId, ResidenceId};
use palier_domain::registry::NewResidence;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait as _, ConnectionTrait as _, DatabaseConnection, EntityTrait as _, PaginatorTrait as _,
    QueryFilter as _, QueryOrder as _, Statement,
};
use std::collections::BTreeMap;

struct Place {
    /// A staff member of the organisation (the actor of staff actions).
    staff: i64,
    org: i64,
    residence_a: i64,
    residence_b: i64,
    building_a1: i64,
    households_a: Vec<i64>,
    households_b: Vec<i64>,
}

async fn place(db: &DatabaseConnection, per_residence: usize) -> Place {
    let org = registry::create_organisation(db, "org", "Organisme").await.unwrap().id;
    let residence_a =
        registry::create_residence(db, org, NewResidence { name: "A".into(), ..Default::default() }).await.unwrap().id;
    let residence_b =
        registry::create_residence(db, org, NewResidence { name: "B".into(), ..Default::default() }).await.unwrap().id;
    let building_a1 = registry::create_building(db, residence_a, "A1").await.unwrap().id;
    let mut households_a = Vec::new();
    let mut households_b = Vec::new();
    for n in 0..per_residence {
        let new = |residence_id, building_id, lease: String| NewHousehold {
            residence_id,
            building_id,
            unit_label: lease.clone(),
            lease_ref: lease,
            max_occupants: 4,
        };
        let building = (n % 2 == 0).then_some(building_a1);
        households_a
            .push(registry::create_household(db, org, new(residence_a, building, format!("A-{n}"))).await.unwrap().id);
        households_b
            .push(registry::create_household(db, org, new(residence_b, None, format!("B-{n}"))).await.unwrap().id);
    }
    let staff = staff_user(db).await;
    Place { staff, org, residence_a, residence_b, building_a1, households_a, households_b }
}

async fn staff_user(db: &DatabaseConnection) -> i64 {
    let hash = palier_backend::auth::password::hash(palier_domain::Password::parse("mot de passe équipe").unwrap())
        .await
        .unwrap();
    let account = palier_backend::accounts::NewAccount {
        email: palier_domain::Email::parse("equipe@example.org").unwrap(),
        display_name: palier_domain::DisplayName::parse("Équipe").unwrap(),
        locale: palier_domain::Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    palier_backend::accounts::insert(db, account, &hash).await.unwrap().id
}

fn settings(audience: Audience, unit: VotingUnit) -> Settings {
    Settings {
        title: "Réfection des halls".into(),
        summary: "Choisissons ensemble".into(),
        body: "Le **bailleur** propose trois options.".into(),
        audience,
        unit,
        opens_at: Utc::now() - Duration::minutes(1),
        closes_at: Utc::now() + Duration::days(7),
        visibility: Visibility::AfterClose,
        quorum_percent: Some(25),
    }
}

fn question(kind: QuestionKind, options: &[&str]) -> QuestionDraft {
    QuestionDraft {
        kind,
        prompt: "Question ?".into(),
        required: true,
        options: options.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// A consultation for `audience` with one question of each kind, opened.
async fn open_consultation(db: &DatabaseConnection, place: &Place, audience: Audience, unit: VotingUnit) -> i64 {
    let id = builder::create(db, place.staff, place.org, settings(audience, unit)).await.unwrap().id;
    builder::add_question(db, id, question(QuestionKind::SingleChoice, &["Bleu", "Vert", "Gris"])).await.unwrap();
    builder::add_question(
        db,
        id,
        question(QuestionKind::MultipleChoice { min: 1, max: 2 }, &["Bancs", "Plantes", "Éclairage"]),
    )
    .await
    .unwrap();
    builder::add_question(db, id, question(QuestionKind::Ranking, &["Hall", "Parking", "Jardin"])).await.unwrap();
    builder::add_question(
        db,
        id,
        question(QuestionKind::Scale { low: "Pas du tout".into(), high: "Tout à fait".into() }, &[]),
    )
    .await
    .unwrap();
    let mut text = question(QuestionKind::FreeText { max_chars: 200 }, &[]);
    text.required = false;
    builder::add_question(db, id, text).await.unwrap();
    builder::schedule(db, seal(), place.staff, id, Utc::now()).await.unwrap();
    id
}

/// Moves the closing time of consultation `id` just past and lets the clock close it.
async fn close_now(db: &DatabaseConnection, id: i64) {
    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, Expr::value(Utc::now() - Duration::seconds(1)))
        .filter(consultation::Column::Id.eq(id))
        .exec(db)
        .await
        .unwrap();
    lifecycle::advance(db, seal(), id, Utc::now()).await.unwrap();
}

/// Answers for the standard questions: option picks by index.
fn answers(
    def: &palier_backend::consultations::Definition,
    single: usize,
    multiple: &[usize],
    ranking: [usize; 3],
    scale: u8,
    text: &str,
) -> palier_domain::consultations::RawAnswers {
    let q = &def.questions;
    let opt = |qi: usize, oi: usize| q[qi].options[oi].0.to_string();
    BTreeMap::from([
        (q[0].id, vec![opt(0, single)]),
        (q[1].id, multiple.iter().map(|i| opt(1, *i)).collect()),
        (q[2].id, ranking.iter().enumerate().map(|(rank, oi)| format!("{}:{}", opt(2, *oi), rank + 1)).collect()),
        (q[3].id, vec![scale.to_string()]),
        (q[4].id, if text.is_empty() { vec![] } else { vec![text.to_owned()] }),
    ])
}

#[tokio::test]
async fn opening_freezes_the_eligible_units_and_the_rules() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 4).await;
    let id = open_consultation(
        &db,
        &place,
        Audience::Residences(vec![ResidenceId::new(place.residence_a)]),
        VotingUnit::Household,
    )
    .await;
    let def = definition(&db, id).await.unwrap().unwrap();
    assert_eq!(def.status(), Status::Open, "the opening time had passed: scheduling opened it");
    assert_eq!(def.consultation.eligible_count, Some(4));
    // A household added later does not change the denominator.
    registry::create_household(
        &db,
        place.org,
        NewHousehold {
            residence_id: place.residence_a,
            building_id: None,
            lease_ref: "late".into(),
            unit_label: "late".into(),
            max_occupants: 4,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        eligible_unit::Entity::find().filter(eligible_unit::Column::ConsultationId.eq(id)).count(&db).await.unwrap(),
        4
    );

    let q = def.questions[0].id;
    assert!(matches!(
        builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["x", "y"])).await,
        Err(BuildError::Frozen)
    ));
    assert!(matches!(
        builder::update_question(&db, q, question(QuestionKind::SingleChoice, &["x", "y"])).await,
        Err(BuildError::Frozen)
    ));
    assert!(matches!(builder::delete_question(&db, q).await, Err(BuildError::Frozen)));
    assert!(matches!(
        builder::update(&db, place.staff, id, settings(Audience::Organisation, VotingUnit::Adult)).await,
        Err(BuildError::Frozen)
    ));

    // The closing time may only move later, and is logged.
    let closes = def.consultation.closes_at;
    assert!(matches!(
        builder::extend(&db, seal(), place.staff, id, closes - Duration::hours(1), Utc::now()).await,
        Err(BuildError::NotLater)
    ));
    builder::extend(&db, seal(), place.staff, id, closes + Duration::days(2), Utc::now()).await.unwrap();
    let logged = palier_backend::entities::audit_log::Entity::find()
        .filter(palier_backend::entities::audit_log::Column::Action.eq("consultation.extended"))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(logged, 1);
}

#[tokio::test]
async fn a_scheduled_consultation_opens_and_closes_by_the_clock() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let mut later = settings(Audience::Organisation, VotingUnit::Household);
    later.opens_at = Utc::now() + Duration::hours(1);
    let id = builder::create(&db, place.staff, place.org, later).await.unwrap().id;
    builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await.unwrap();
    builder::schedule(&db, seal(), place.staff, id, Utc::now()).await.unwrap();
    assert_eq!(definition(&db, id).await.unwrap().unwrap().status(), Status::Scheduled);
    assert!(lifecycle::advance_due(&db, seal(), Utc::now()).await.unwrap().is_empty());

    consultation::Entity::update_many()
        .col_expr(consultation::Column::OpensAt, Expr::value(Utc::now() - Duration::seconds(1)))
        .exec(&db)
        .await
        .unwrap();
    let done = lifecycle::advance_due(&db, seal(), Utc::now()).await.unwrap();
    assert_eq!(done, vec![lifecycle::Transition::Opened { consultation_id: id, eligible: 4 }]);
    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, Expr::value(Utc::now() - Duration::seconds(1)))
        .exec(&db)
        .await
        .unwrap();
    let done = lifecycle::advance_due(&db, seal(), Utc::now()).await.unwrap();
    assert_eq!(done, vec![lifecycle::Transition::Closed { consultation_id: id }]);
    assert_eq!(definition(&db, id).await.unwrap().unwrap().status(), Status::Closed);
}

#[tokio::test]
async fn scheduling_checks_the_questions() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 1).await;
    let id = builder::create(&db, place.staff, place.org, settings(Audience::Organisation, VotingUnit::Household))
        .await
        .unwrap()
        .id;
    assert!(matches!(builder::schedule(&db, seal(), place.staff, id, Utc::now()).await, Err(BuildError::NoQuestion)));
    builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Seule"])).await.unwrap();
    assert!(matches!(
        builder::schedule(&db, seal(), place.staff, id, Utc::now()).await,
        Err(BuildError::QuestionNotReady { .. })
    ));
    // Another organisation's residence cannot be in the audience.
    let other = registry::create_organisation(&db, "other", "Autre").await.unwrap().id;
    let foreign =
        registry::create_residence(&db, other, NewResidence { name: "Ailleurs".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    assert!(matches!(
        builder::update(
            &db,
            place.staff,
            id,
            settings(Audience::Residences(vec![ResidenceId::new(foreign)]), VotingUnit::Household)
        )
        .await,
        Err(BuildError::BadAudience)
    ));
}

#[tokio::test]
async fn each_unit_votes_once_and_bad_ballots_say_why() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let unit = voting::eligible_unit(&db, id, place.households_a[0]).await.unwrap().unwrap();

    let mut bad = answers(&def, 0, &[0, 1, 2], [0, 1, 2], 9, "");
    bad.remove(&def.questions[0].id);
    match voting::cast(&db, seal(), &def, &unit, Channel::Online, &bad, Utc::now()).await {
        Err(CastError::Invalid(errors)) => {
            assert_eq!(errors[&def.questions[0].id], AnswerError::Missing);
            assert_eq!(errors[&def.questions[1].id], AnswerError::TooMany { max: 2 });
            assert_eq!(errors[&def.questions[3].id], AnswerError::OutOfScale);
            assert!(!errors.contains_key(&def.questions[4].id), "the text question is optional");
        }
        other => panic!("expected an invalid ballot, got {other:?}"),
    }
    assert_eq!(participation::Entity::find().count(&db).await.unwrap(), 0, "an invalid ballot left a trace");

    let receipt = voting::cast(
        &db,
        seal(),
        &def,
        &unit,
        Channel::Online,
        &answers(&def, 1, &[0], [2, 0, 1], 4, "Merci"),
        Utc::now(),
    )
    .await
    .unwrap();
    assert!(palier_domain::InvitationCode::parse(&receipt).is_ok());
    assert!(matches!(
        voting::cast(&db, seal(), &def, &unit, Channel::Online, &answers(&def, 0, &[1], [0, 1, 2], 1, ""), Utc::now())
            .await,
        Err(CastError::AlreadyVoted)
    ));
    // Nor on paper afterwards.
    assert!(matches!(
        voting::cast(
            &db,
            seal(),
            &def,
            &unit,
            Channel::Paper { staff_id: place.staff },
            &answers(&def, 0, &[1], [0, 1, 2], 1, ""),
            Utc::now()
        )
        .await,
        Err(CastError::AlreadyVoted)
    ));

    // A paper ballot first blocks the online vote.
    let paper_unit = voting::eligible_unit(&db, id, place.households_b[0]).await.unwrap().unwrap();
    voting::cast(
        &db,
        seal(),
        &def,
        &paper_unit,
        Channel::Paper { staff_id: place.staff },
        &answers(&def, 2, &[2], [0, 1, 2], 2, ""),
        Utc::now(),
    )
    .await
    .unwrap();
    assert!(matches!(
        voting::cast(
            &db,
            seal(),
            &def,
            &paper_unit,
            Channel::Online,
            &answers(&def, 0, &[1], [0, 1, 2], 1, ""),
            Utc::now()
        )
        .await,
        Err(CastError::AlreadyVoted)
    ));
    let register = participation::Entity::find()
        .filter(participation::Column::Channel.eq("paper"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(register.recorded_by, Some(place.staff));
    // While the vote is open its ballots are sealed; the closing opens them.
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap(), 2);
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap(), 0);
    close_now(&db, id).await;
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap(), 2);
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap(), 0);
}

#[tokio::test]
async fn parallel_duplicate_submissions_give_exactly_one_ballot_per_unit() {
    let db = fresh_database().await.unwrap();
    let voters = 1000;
    let org = registry::create_organisation(&db, "org", "Organisme").await.unwrap().id;
    let residence =
        registry::create_residence(&db, org, NewResidence { name: "R".into(), ..Default::default() }).await.unwrap().id;
    let txn = sea_orm::TransactionTrait::begin(&db).await.unwrap();
    for n in 0..voters {
        registry::create_household(
            &txn,
            org,
            NewHousehold {
                residence_id: residence,
                building_id: None,
                lease_ref: format!("L{n}"),
                unit_label: format!("U{n}"),
                max_occupants: 4,
            },
        )
        .await
        .unwrap();
    }
    txn.commit().await.unwrap();
    let staff = staff_user(&db).await;
    let id =
        builder::create(&db, staff, org, settings(Audience::Organisation, VotingUnit::Household)).await.unwrap().id;
    builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await.unwrap();
    builder::schedule(&db, seal(), staff, id, Utc::now()).await.unwrap();
    let def = std::sync::Arc::new(definition(&db, id).await.unwrap().unwrap());
    let units =
        eligible_unit::Entity::find().filter(eligible_unit::Column::ConsultationId.eq(id)).all(&db).await.unwrap();
    assert_eq!(units.len(), voters);

    // Two of the five go through their own transaction each, three through
    // the ballot box that groups ballots (duplicates in one group included).
    let ballot_box = voting::BallotBox::start(db.clone(), seal().clone());
    let mut tasks = tokio::task::JoinSet::new();
    for unit in units {
        for attempt in 0..5 {
            let (db, def, unit, ballot_box) = (db.clone(), def.clone(), unit.clone(), ballot_box.clone());
            tasks.spawn(async move {
                let choice = def.questions[0].options[(unit.unit_id as usize + attempt) % 2].0.to_string();
                let answers = BTreeMap::from([(def.questions[0].id, vec![choice])]);
                if attempt < 2 {
                    voting::cast(&db, seal(), &def, &unit, Channel::Online, &answers, Utc::now()).await
                } else {
                    ballot_box.cast(&def, &unit, Channel::Online, &answers, None, Utc::now()).await
                }
            });
        }
    }
    let (mut accepted, mut already, mut other) = (0, 0, Vec::new());
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => accepted += 1,
            Err(CastError::AlreadyVoted) => already += 1,
            Err(error) => other.push(error.to_string()),
        }
    }
    assert!(other.is_empty(), "errors other than 'already voted': {other:?}");
    assert_eq!(accepted, voters);
    assert_eq!(already, voters * 4);
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap() as usize, voters);
    assert_eq!(participation::Entity::find().count(&db).await.unwrap() as usize, voters);
    close_now(&db, id).await;
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap() as usize, voters);
    assert_eq!(ballot_answer::Entity::find().count(&db).await.unwrap() as usize, voters);
}

#[tokio::test]
async fn ballots_cannot_be_linked_to_the_register() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 20).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    // Each voter writes their household id in the text answer: the truth the attacker seeks.
    let mut households: Vec<i64> = place.households_a.iter().chain(&place.households_b).copied().collect();
    households.sort_unstable();
    for household in &households {
        let unit = voting::eligible_unit(&db, id, *household).await.unwrap().unwrap();
        voting::cast(
            &db,
            seal(),
            &def,
            &unit,
            Channel::Online,
            &answers(&def, 0, &[0], [0, 1, 2], 3, &format!("foyer-{household}")),
            Utc::now(),
        )
        .await
        .unwrap();
    }

    // While the vote is open, the register rows and what each transaction
    // wrote with them can be joined (PostgreSQL's xmin, SQLite's rowid), but
    // what they join to is sealed: no answer, no receipt, one length.
    let pg = db.get_database_backend() == sea_orm::DbBackend::Postgres;
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap(), 0);
    assert_eq!(ballot_answer::Entity::find().count(&db).await.unwrap(), 0);
    let sealed = sealed_ballot::Entity::find().all(&db).await.unwrap();
    assert_eq!(sealed.len(), households.len());
    assert!(sealed.iter().all(|s| s.body.len() == sealed[0].body.len()), "sealed ballots all have one length");
    assert!(sealed.iter().all(|s| !s.body.windows(6).any(|w| w == b"foyer-")), "no answer shows in a sealed ballot");
    if pg {
        let joined = db
            .query_all(Statement::from_string(
                db.get_database_backend(),
                "SELECT p.household_id FROM participations p JOIN sealed_ballots s ON p.xmin = s.xmin",
            ))
            .await
            .unwrap();
        assert_eq!(joined.len(), households.len(), "the join the seal makes harmless does exist");
    }

    close_now(&db, id).await;
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap(), 0, "closing opened every sealed ballot");

    // The register, in the order votes happened.
    let register: Vec<i64> = participation::Entity::find()
        .filter(participation::Column::ConsultationId.eq(id))
        .order_by_asc(participation::Column::RecordedAt)
        .order_by_asc(participation::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.household_id)
        .collect();
    assert_eq!(register, households);

    // Every way to list the ballots the database offers: by each column, and in
    // storage order (no ORDER BY). None lines up with the register.
    let text_of = |ballot_ids: Vec<String>| {
        let db = db.clone();
        let text_q = def.questions[4].id;
        async move {
            let mut owners = Vec::new();
            for ballot_id in ballot_ids {
                let answer = ballot_answer::Entity::find()
                    .filter(ballot_answer::Column::BallotId.eq(ballot_id))
                    .filter(ballot_answer::Column::QuestionId.eq(text_q.get()))
                    .one(&db)
                    .await
                    .unwrap()
                    .unwrap();
                owners.push(answer.text.unwrap().trim_start_matches("foyer-").parse::<i64>().unwrap());
            }
            owners
        }
    };
    let storage_order: Vec<String> = db
        .query_all(Statement::from_string(db.get_database_backend(), "SELECT id FROM ballots"))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "id").unwrap())
        .collect();
    let by_id: Vec<String> = ballot::Entity::find()
        .order_by_asc(ballot::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    let by_receipt: Vec<String> = ballot::Entity::find()
        .order_by_asc(ballot::Column::Receipt)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    let answers_storage: Vec<String> = db
        .query_all(Statement::from_string(db.get_database_backend(), "SELECT ballot_id FROM ballot_answers"))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "ballot_id").unwrap())
        .fold(Vec::new(), |mut seen, id| {
            if !seen.contains(&id) {
                seen.push(id);
            }
            seen
        });
    let mut orders =
        vec![("storage", storage_order), ("id", by_id), ("receipt", by_receipt), ("answers storage", answers_storage)];
    let ids_of = |sql: &'static str| {
        let db = db.clone();
        async move {
            db.query_all(Statement::from_string(db.get_database_backend(), sql))
                .await
                .unwrap()
                .into_iter()
                .map(|row| row.try_get::<String>("", "id").unwrap())
                .fold(Vec::new(), |mut seen: Vec<String>, id| {
                    if !seen.contains(&id) {
                        seen.push(id);
                    }
                    seen
                })
        }
    };
    if pg {
        // Physical order, and the transaction ids: one transaction wrote
        // every ballot, none of those that wrote the register.
        orders.push(("ctid", ids_of("SELECT id FROM ballots ORDER BY ctid").await));
        orders.push(("answers ctid", ids_of("SELECT ballot_id AS id FROM ballot_answers ORDER BY ctid").await));
        for table in ["ballots", "ballot_answers"] {
            let xmins = db
                .query_all(Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT DISTINCT xmin::text AS x FROM {table}"),
                ))
                .await
                .unwrap();
            assert_eq!(xmins.len(), 1, "{table}: every row written by one transaction");
            let joined = db
                .query_all(Statement::from_string(
                    db.get_database_backend(),
                    format!("SELECT 1 AS one FROM participations p JOIN {table} b ON p.xmin = b.xmin"),
                ))
                .await
                .unwrap();
            assert!(joined.is_empty(), "{table}: no row shares a transaction with the register");
        }
    } else {
        // No hidden row number to order by.
        for table in ["ballots", "ballot_answers"] {
            let sql = format!("SELECT rowid FROM {table}");
            let rowid = db.query_all(Statement::from_string(db.get_database_backend(), sql)).await;
            assert!(rowid.is_err(), "{table} has no rowid");
        }
    }
    for (name, order) in orders {
        let owners = text_of(order).await;
        let lined_up = owners.iter().zip(&register).filter(|(a, b)| a == b).count();
        // Chance alone lines up about one of forty; a leak lines up most of them.
        assert!(lined_up <= 6, "ballots in {name} order line up with the register on {lined_up} of {}", register.len());
    }
    // And the ballots table has nothing to join on.
    let columns: Vec<String> = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            if db.get_database_backend() == sea_orm::DbBackend::Postgres {
                "SELECT column_name AS name FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = 'ballots'"
            } else {
                "SELECT name FROM pragma_table_info('ballots')"
            },
        ))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect();
    let mut columns = columns;
    columns.sort();
    assert_eq!(columns, vec!["consultation_id", "id", "receipt"]);
}

#[tokio::test]
async fn results_are_counted_in_sql_with_turnout_and_quorum() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 4).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    assert!(!def.results_visible(Utc::now()), "results after closing: nothing before");
    let votes = [
        (place.households_a[0], answers(&def, 0, &[0, 1], [0, 1, 2], 5, "Bravo")),
        (place.households_a[1], answers(&def, 0, &[1], [1, 0, 2], 4, "")),
        (place.households_a[2], answers(&def, 1, &[1, 2], [0, 2, 1], 2, "")),
    ];
    for (household, ballot) in &votes {
        let unit = voting::eligible_unit(&db, id, *household).await.unwrap().unwrap();
        voting::cast(&db, seal(), &def, &unit, Channel::Online, ballot, Utc::now()).await.unwrap();
    }
    let unit = voting::eligible_unit(&db, id, place.households_b[0]).await.unwrap().unwrap();
    voting::cast(
        &db,
        seal(),
        &def,
        &unit,
        Channel::Paper { staff_id: place.staff },
        &answers(&def, 2, &[0], [2, 1, 0], 1, ""),
        Utc::now(),
    )
    .await
    .unwrap();

    // While the vote is open its ballots are sealed, and counted in memory.
    let open = results::compute_sealed(&db, seal(), &def).await.unwrap();
    close_now(&db, id).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    assert!(def.results_visible(Utc::now()));
    // Closing opened them into the ballot tables, counted by the database,
    // and kept the count: the same figures (texts are shown once closed).
    let r = results::counted(&db, &def).await.unwrap();
    let mut without_texts = r.clone();
    for question in &mut without_texts.questions {
        if let palier_domain::consultations::Detail::Text { samples } = &mut question.detail {
            samples.clear();
        }
    }
    assert_eq!(open, without_texts);
    assert_eq!((r.ballots, r.eligible, r.participants, r.online, r.paper), (4, 8, 4, 3, 1));
    assert_eq!(r.turnout_percent, 50.0);
    assert_eq!((r.quorum_percent, r.quorum_reached), (Some(25), Some(true)));
    let residence_a = r.turnout.iter().find(|t| t.residence == "A" && t.building.is_none()).unwrap();
    assert_eq!((residence_a.eligible, residence_a.participants, residence_a.percent), (4, 3, 75.0));
    let building = r.turnout.iter().find(|t| t.building.as_deref() == Some("A1")).unwrap();
    assert_eq!((building.eligible, building.participants), (2, 2));

    let palier_domain::consultations::Detail::Choice { options, .. } = &r.questions[0].detail else { panic!() };
    assert_eq!(options.iter().map(|o| o.count).collect::<Vec<_>>(), vec![2, 1, 1]);
    assert_eq!(options[0].percent, 50.0);
    let palier_domain::consultations::Detail::Choice { options, multiple } = &r.questions[1].detail else { panic!() };
    assert!(*multiple);
    assert_eq!(options.iter().map(|o| o.count).collect::<Vec<_>>(), vec![2, 3, 1]);
    assert_eq!(r.questions[1].answered, 4);
    let palier_domain::consultations::Detail::Ranking { options } = &r.questions[2].detail else { panic!() };
    // Hall: 2+1+2+0 = 5; Parking: 1+2+0+1 = 4; Jardin: 0+0+1+2 = 3.
    assert_eq!(
        options.iter().map(|o| (o.label.as_str(), o.borda)).collect::<Vec<_>>(),
        vec![("Hall", 5), ("Parking", 4), ("Jardin", 3)]
    );
    assert_eq!(options[0].first_choices, 2);
    let palier_domain::consultations::Detail::Scale { distribution, mean, .. } = &r.questions[3].detail else {
        panic!()
    };
    assert_eq!(distribution, &vec![1, 1, 0, 1, 1]);
    assert_eq!(*mean, Some(3.0));
    let palier_domain::consultations::Detail::Text { samples } = &r.questions[4].detail else { panic!() };
    assert_eq!(samples, &vec!["Bravo".to_owned()]);
    assert_eq!(r.questions[4].answered, 1);

    // The published list lets anyone recount, by receipt.
    let (list, total) = results::ballot_list(&db, &def, 0, 50).await.unwrap();
    assert_eq!(total, 4);
    let mut receipts: Vec<_> = list.iter().map(|b| b.receipt.clone()).collect();
    let sorted = {
        let mut s = receipts.clone();
        s.sort();
        s
    };
    assert_eq!(receipts, sorted);
    receipts.dedup();
    assert_eq!(receipts.len(), 4);
    assert!(list.iter().any(|b| b.answers[2].1.as_deref() == Some("1. Jardin ; 2. Parking ; 3. Hall")));
    let csv = results::ballots_csv(&def, &list);
    assert_eq!(csv.lines().count(), 5);
    assert!(results::results_csv(&r).contains("Hall;;"));

    // The count is read from one row.
    assert_eq!(results::counted(&db, &def).await.unwrap(), r);
    let kept = palier_backend::entities::result_snapshot::Entity::find_by_id(id).one(&db).await.unwrap().unwrap();
    let stored: palier_domain::consultations::Results = serde_json::from_str(&kept.body).unwrap();
    assert_eq!(stored, r);
    // (Were a row of answers to change behind the application's back, the
    // published count would not move: it is read from the kept one.)
    ballot_answer::Entity::delete_many()
        .filter(ballot_answer::Column::QuestionId.eq(def.questions[0].id.get()))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(results::counted(&db, &def).await.unwrap(), r);
    assert_ne!(results::compute(&db, &def).await.unwrap(), r);
    builder::publish(&db, seal(), place.staff, id, "Nous retenons le **bleu**.", Decision::Adopted, Utc::now())
        .await
        .unwrap();
    let def = definition(&db, id).await.unwrap().unwrap();
    assert_eq!(def.status(), Status::Published);
    assert_eq!(def.consultation.response_decision.as_deref(), Some("adopted"));
}

#[tokio::test]
async fn adults_vote_one_by_one_when_the_unit_is_the_adult() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let hash = palier_backend::auth::password::hash(palier_domain::Password::parse("mot de passe adulte").unwrap())
        .await
        .unwrap();
    let mut adults = Vec::new();
    for n in 0..3 {
        let account = palier_backend::accounts::NewAccount {
            email: palier_domain::Email::parse(&format!("adulte{n}@example.org")).unwrap(),
            display_name: palier_domain::DisplayName::parse("Adulte").unwrap(),
            locale: palier_domain::Locale::Fr,
            email_verified: true,
            platform_admin: false,
        };
        let user = palier_backend::accounts::insert(&db, account, &hash).await.unwrap();
        registry::add_occupant(&db, place.households_a[0], user.id).await.unwrap();
        adults.push(user.id);
    }
    let id = open_consultation(
        &db,
        &place,
        Audience::Buildings(vec![BuildingId::new(place.building_a1)]),
        VotingUnit::Adult,
    )
    .await;
    let def = definition(&db, id).await.unwrap().unwrap();
    assert_eq!(def.consultation.eligible_count, Some(3), "three adults registered in the building's households");
    for adult in &adults {
        let unit = voting::eligible_unit(&db, id, *adult).await.unwrap().unwrap();
        voting::cast(&db, seal(), &def, &unit, Channel::Online, &answers(&def, 0, &[0], [0, 1, 2], 3, ""), Utc::now())
            .await
            .unwrap();
    }
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap(), 3);
    let _ = (place.residence_b,);
}

/// While a vote is open, live results move only in steps of at least k = 5
/// ballots, on every server (each `LiveCounts` stands for one), show no
/// free-text answer and no turnout of a group of fewer than 5 voters; each
/// server recounts at most every few seconds; the final count comes at once.
#[tokio::test]
async fn live_results_move_in_steps_of_five_ballots_and_final_ones_come_at_once() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 16).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let server = || results::LiveCounts::new(2, seal().clone());
    assert_eq!(server().k(), results::SECRECY_K, "k cannot be set below 5");
    let vote = |n: usize| {
        let (db, def) = (db.clone(), def.clone());
        let household = place.households_a[n];
        async move {
            let unit = voting::eligible_unit(&db, def.consultation.id, household).await.unwrap().unwrap();
            let ballot = answers(&def, n % 3, &[0], [0, 1, 2], 3, &format!("Mot {n}"));
            voting::cast(&db, seal(), &def, &unit, Channel::Online, &ballot, Utc::now()).await.unwrap();
        }
    };
    let answered = |r: &palier_domain::consultations::Results| r.questions[0].answered;
    for n in 0..4 {
        vote(n).await;
    }
    let first = server();
    let shown = first.counted(&db, &def, Utc::now()).await.unwrap();
    assert_eq!((shown.ballots, shown.participants, answered(&shown)), (0, 0, 0), "nothing before five ballots");
    assert_eq!(shown.live_step, Some(5));
    vote(4).await;
    let shown = server().counted(&db, &def, Utc::now()).await.unwrap();
    assert_eq!((shown.ballots, shown.participants, answered(&shown)), (5, 5, 5));
    let palier_domain::consultations::Detail::Text { samples } = &shown.questions[4].detail else { panic!() };
    assert!(samples.is_empty(), "free-text answers wait for the close: {samples:?}");
    // Five voters in residence A, three of them in building A1: A shows, A1
    // not, nor the two voters outside buildings (A minus A1); B, where nobody
    // voted yet, shows its zero.
    assert!(shown.turnout.iter().all(|line| line.building.is_none()), "{:?}", shown.turnout);
    let residences: Vec<_> = shown.turnout.iter().map(|l| (l.residence.as_str(), l.participants)).collect();
    assert_eq!(residences, vec![("A", 5), ("B", 0)]);
    for n in 5..9 {
        vote(n).await;
        let shown = server().counted(&db, &def, Utc::now()).await.unwrap();
        assert_eq!(shown.ballots, 5, "a step of {} ballots was published", n - 4);
    }
    vote(9).await;
    let ten = server().counted(&db, &def, Utc::now()).await.unwrap();
    assert_eq!(ten.ballots, 10);
    // Five in building A1, five outside it: now the building shows too.
    assert!(
        ten.turnout.iter().any(|l| l.building.as_deref() == Some("A1") && l.participants == 5),
        "{:?}",
        ten.turnout
    );
    // A server that counted a few seconds ago still shows its count.
    assert_eq!(first.counted(&db, &def, Utc::now()).await.unwrap().ballots, 0);
    assert_eq!(results::compute(&db, &def).await.unwrap().participants, 10);
    // The staff page's number of voters moves in the same steps.
    vote(10).await;
    let admin = palier_backend::consultations::views::admin(&db, &def, results::SECRECY_K).await.unwrap();
    assert_eq!(admin.participants, 10);

    // In the vote's last day, live results stop moving.
    for n in 11..16 {
        vote(n).await;
    }
    let last_day = def.consultation.closes_at - Duration::hours(1);
    assert_eq!(server().counted(&db, &def, last_day).await.unwrap().ballots, 10, "frozen before the close");
    assert!(results::frozen(&def, last_day) && !results::frozen(&def, Utc::now()));

    // Once the vote is closed, the final count at once, with the free-text answers.
    close_now(&db, id).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let fin = first.counted(&db, &def, Utc::now()).await.unwrap();
    assert_eq!((fin.ballots, fin.live_step), (16, None));
    let palier_domain::consultations::Detail::Text { samples } = &fin.questions[4].detail else { panic!() };
    assert_eq!(samples.len(), 16);
    assert_eq!(palier_backend::consultations::views::admin(&db, &def, 5).await.unwrap().participants, 16);
}

#[tokio::test]
async fn opened_definitions_are_read_from_one_row_and_drafts_afresh() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 1).await;
    let open = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let draft = builder::create(&db, place.staff, place.org, settings(Audience::Organisation, VotingUnit::Household))
        .await
        .unwrap()
        .id;
    builder::add_question(&db, draft, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await.unwrap();
    let definitions = palier_backend::consultations::Definitions::default();
    for id in [open, draft] {
        assert_eq!(definitions.get(&db, id).await.unwrap(), definition(&db, id).await.unwrap());
    }
    // Behind the application's back, every prompt changes: the draft shows
    // it, the opened vote keeps the questions it opened with (the builder
    // refuses such changes once a vote is open).
    palier_backend::entities::question::Entity::update_many()
        .col_expr(palier_backend::entities::question::Column::Prompt, Expr::value("Changée"))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(definitions.get(&db, draft).await.unwrap().unwrap().questions[0].prompt, "Changée");
    let kept = definitions.get(&db, open).await.unwrap().unwrap();
    assert!(kept.questions.iter().all(|q| q.prompt != "Changée"));
    // The consultation's own row is always read afresh (its status, its close).
    assert_eq!(kept.consultation, definition(&db, open).await.unwrap().unwrap().consultation);
}

/// A ballot received while the vote was open but written after it closed
/// (the ballot box was busy) is refused inside its transaction: the count
/// made at closing always equals the ballot list.
#[tokio::test]
async fn a_ballot_written_after_the_closing_is_refused() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let on_time = voting::eligible_unit(&db, id, place.households_a[0]).await.unwrap().unwrap();
    let late = voting::eligible_unit(&db, id, place.households_a[1]).await.unwrap().unwrap();
    let ballot = answers(&def, 1, &[0], [2, 0, 1], 4, "");
    voting::cast(&db, seal(), &def, &on_time, Channel::Online, &ballot, Utc::now()).await.unwrap();
    // Received before the closing instant…
    let received = voting::prepare(seal(), &def, &late, Channel::Online, &ballot, None, Utc::now()).unwrap();

    close_now(&db, id).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let counted = results::counted(&db, &def).await.unwrap();
    assert_eq!(counted.ballots, 1);

    // …written after it.
    let outcome = voting::write(&db, std::slice::from_ref(&received)).await.unwrap();
    assert!(matches!(outcome.as_slice(), [Err(CastError::NotOpen)]), "{outcome:?}");
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap(), 1);
    assert_eq!(participation::Entity::find().count(&db).await.unwrap(), 1);
    assert_eq!(results::ballot_list(&db, &def, 0, 50).await.unwrap().1, counted.ballots);
}

/// Prompts, labels and free-text answers that a spreadsheet would run as
/// formulas reach the CSV exports as text (OWASP "CSV injection").
#[tokio::test]
async fn csv_exports_do_not_carry_formulas() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 1).await;
    let id = builder::create(&db, place.staff, place.org, settings(Audience::Organisation, VotingUnit::Household))
        .await
        .unwrap()
        .id;
    let mut choice = question(QuestionKind::SingleChoice, &["=HYPERLINK(\"http://evil.example\")", "@SUM(A1)"]);
    choice.prompt = "+cmd|' /C calc'!A0".into();
    builder::add_question(&db, id, choice).await.unwrap();
    let mut text = question(QuestionKind::FreeText { max_chars: 200 }, &[]);
    text.prompt = "-2+3".into();
    builder::add_question(&db, id, text).await.unwrap();
    builder::schedule(&db, seal(), place.staff, id, Utc::now()).await.unwrap();
    let def = definition(&db, id).await.unwrap().unwrap();
    let unit = voting::eligible_unit(&db, id, place.households_a[0]).await.unwrap().unwrap();
    let q = &def.questions;
    let ballot =
        BTreeMap::from([(q[0].id, vec![q[0].options[0].0.to_string()]), (q[1].id, vec!["=1+1\tcmd".to_owned()])]);
    voting::cast(&db, seal(), &def, &unit, Channel::Online, &ballot, Utc::now()).await.unwrap();
    close_now(&db, id).await;
    let def = definition(&db, id).await.unwrap().unwrap();

    let counts = results::results_csv(&results::counted(&db, &def).await.unwrap());
    let (list, _) = results::ballot_list(&db, &def, 0, 50).await.unwrap();
    let ballots = results::ballots_csv(&def, &list);
    for csv in [&counts, &ballots] {
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(csv.as_bytes());
        let cells: Vec<String> =
            reader.records().flat_map(|record| record.unwrap().iter().map(str::to_owned).collect::<Vec<_>>()).collect();
        for cell in &cells {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a formula in {cell:?}:\n{csv}");
        }
        assert!(cells.iter().any(|c| c.starts_with("'+cmd")), "{csv}");
    }
    assert!(counts.contains("'=HYPERLINK(") && counts.contains("'@SUM(A1)"), "{counts}");
    assert!(ballots.contains("'-2+3") && ballots.contains("'=1+1\tcmd"), "{ballots}");
}

/// SQLite binds at most 32 766 values per statement: the staff page of an
/// organisation-wide vote of more homes than that lists every one of them.
#[tokio::test]
async fn the_staff_page_of_a_vote_of_33_000_homes_works() {
    use palier_backend::entities::household;
    use sea_orm::ActiveValue::Set;
    let db = fresh_database().await.unwrap();
    let place = place(&db, 1).await;
    const HOMES: usize = 33_000;
    let now = Utc::now();
    let rows: Vec<household::ActiveModel> = (0..HOMES)
        .map(|n| household::ActiveModel {
            organisation_id: Set(place.org),
            residence_id: Set(place.residence_b),
            building_id: Set(None),
            lease_ref: Set(format!("L-{n}")),
            unit_label: Set(format!("Logement {n:05}")),
            max_occupants: Set(4),
            invitation_code_hash: Set(None),
            invitation_code_issued_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(2_000) {
        household::Entity::insert_many(chunk.iter().cloned()).exec_without_returning(&db).await.unwrap();
    }
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    let admin = palier_backend::consultations::views::admin(&db, &def, results::SECRECY_K).await.unwrap();
    assert_eq!(admin.paper_units.len(), HOMES + 2);
    assert!(admin.paper_units.iter().any(|u| u.label == "B, Logement 32999"));
}

/// A consultation asks 50 questions at most; the 51st is refused with its reason.
#[tokio::test]
async fn a_consultation_asks_fifty_questions_at_most() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 1).await;
    let id = builder::create(&db, place.staff, place.org, settings(Audience::Organisation, VotingUnit::Household))
        .await
        .unwrap()
        .id;
    for _ in 0..palier_domain::consultations::form::MAX_QUESTIONS {
        builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await.unwrap();
    }
    assert!(matches!(
        builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await,
        Err(BuildError::TooManyQuestions)
    ));
    assert_eq!(definition(&db, id).await.unwrap().unwrap().questions.len(), 50);
}

/// A staff member who lives in a home votes for it online, like its other
/// occupants: a paper ballot they enter for it is refused.
#[tokio::test]
async fn staff_cannot_enter_a_paper_ballot_for_their_own_home() {
    use palier_backend::entities::occupancy;
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set};
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    occupancy::ActiveModel {
        user_id: Set(place.staff),
        household_id: Set(place.households_a[0]),
        joined_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .unwrap();
    let ballot = answers(&def, 0, &[0], [0, 1, 2], 3, "");
    let paper = Channel::Paper { staff_id: place.staff };
    let own = voting::eligible_unit(&db, id, place.households_a[0]).await.unwrap().unwrap();
    assert!(matches!(voting::cast(&db, seal(), &def, &own, paper, &ballot, Utc::now()).await, Err(CastError::OwnHome)));
    assert_eq!(participation::Entity::find().count(&db).await.unwrap(), 0, "the home may still vote online");
    let other = voting::eligible_unit(&db, id, place.households_a[1]).await.unwrap().unwrap();
    voting::cast(&db, seal(), &def, &other, paper, &ballot, Utc::now()).await.unwrap();
    voting::cast(&db, seal(), &def, &own, Channel::Online, &ballot, Utc::now()).await.unwrap();
}

/// An edit racing the opening either lands before it (and is checked by it)
/// or is refused: no vote opens with rules it did not check. Races 30 times.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_racing_the_opening_never_changes_an_open_vote() {
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let (mut before, mut refused) = (0, 0);
    for _ in 0..30 {
        let id = builder::create(&db, place.staff, place.org, settings(Audience::Organisation, VotingUnit::Household))
            .await
            .unwrap()
            .id;
        let question_id =
            builder::add_question(&db, id, question(QuestionKind::SingleChoice, &["Oui", "Non"])).await.unwrap();
        // The edit leaves one option: a question the opening would refuse.
        let edit = {
            let db = db.clone();
            tokio::spawn(async move {
                builder::update_question(
                    &db,
                    palier_domain::ids::QuestionId::new(question_id),
                    question(QuestionKind::SingleChoice, &["Oui"]),
                )
                .await
            })
        };
        let open = {
            let (db, staff) = (db.clone(), place.staff);
            tokio::spawn(async move { builder::schedule(&db, seal(), staff, id, Utc::now()).await })
        };
        let (edit, open) = (edit.await.unwrap(), open.await.unwrap());
        let def = definition(&db, id).await.unwrap().unwrap();
        match (edit, open) {
            (Ok(()), Err(BuildError::QuestionNotReady { .. })) => {
                before += 1;
                assert_eq!(def.status(), Status::Draft);
            }
            (Err(BuildError::Frozen), Ok(())) => {
                refused += 1;
                assert_eq!(def.status(), Status::Open);
                assert_eq!(def.questions[0].options.len(), 2, "the open vote keeps the rules it opened with");
            }
            other => panic!("edit and opening both passed, or failed otherwise: {other:?}"),
        }
    }
    assert_eq!(before + refused, 30);
}

/// Ballots an earlier version wrote in the clear while a vote is open are
/// sealed at start-up, and counted at closing like the others.
#[tokio::test]
async fn ballots_of_open_votes_written_in_the_clear_are_sealed_at_start_up() {
    use sea_orm::ActiveValue::Set;
    let db = fresh_database().await.unwrap();
    let place = place(&db, 2).await;
    let id = open_consultation(&db, &place, Audience::Organisation, VotingUnit::Household).await;
    let def = definition(&db, id).await.unwrap().unwrap();
    // As the earlier version wrote it: the ballot and its answer in the clear.
    ballot::Entity::insert(ballot::ActiveModel {
        id: Set("un-ancien-bulletin".into()),
        consultation_id: Set(id),
        receipt: Set("AAAA-BBBB-CCCC".into()),
    })
    .exec(&db)
    .await
    .unwrap();
    ballot_answer::Entity::insert(ballot_answer::ActiveModel {
        ballot_id: Set("un-ancien-bulletin".into()),
        question_id: Set(def.questions[0].id.get()),
        position: Set(0),
        option_id: Set(Some(def.questions[0].options[1].0.get())),
        rank: Set(None),
        value: Set(None),
        text: Set(None),
    })
    .exec(&db)
    .await
    .unwrap();
    let unit = voting::eligible_unit(&db, id, place.households_a[0]).await.unwrap().unwrap();
    voting::cast(&db, seal(), &def, &unit, Channel::Online, &answers(&def, 0, &[0], [0, 1, 2], 3, ""), Utc::now())
        .await
        .unwrap();

    assert_eq!(voting::seal::seal_plain_ballots(&db, seal()).await.unwrap(), 1);
    assert_eq!(ballot::Entity::find().count(&db).await.unwrap(), 0);
    assert_eq!(ballot_answer::Entity::find().count(&db).await.unwrap(), 0);
    assert_eq!(sealed_ballot::Entity::find().count(&db).await.unwrap(), 2);
    assert_eq!(voting::seal::seal_plain_ballots(&db, seal()).await.unwrap(), 0, "once");
    assert_eq!(results::compute_sealed(&db, seal(), &def).await.unwrap().ballots, 2);

    close_now(&db, id).await;
    let kept = ballot::Entity::find().filter(ballot::Column::Receipt.eq("AAAA-BBBB-CCCC")).one(&db).await.unwrap();
    let kept = kept.expect("the old ballot is counted");
    assert_ne!(kept.id, "un-ancien-bulletin", "under a new id");
    assert_eq!(
        ballot_answer::Entity::find().filter(ballot_answer::Column::BallotId.eq(kept.id)).count(&db).await.unwrap(),
        1
    );
}
