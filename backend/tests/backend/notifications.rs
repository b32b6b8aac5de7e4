//! Notifications against a real database (and a real SMTP server on
//! loopback): who hears of each event, what their preferences do to email,
//! the daily digest, unsubscribe links, and a fan-out that survives an SMTP
//! outage without losing or doubling an email.

use chrono::{Duration, TimeZone as _, Utc};
use palier_backend::accounts::{self, NewAccount};
use palier_backend::clock::Clock;
use palier_backend::consultations::builder;
use palier_backend::consultations::lifecycle;
use palier_backend::consultations::voting::{self, Channel};
use palier_backend::entities::{consultation, notification, outbox_email};
use palier_backend::links::Links;
use palier_backend::mail::{MailTransport, Mailer};
use palier_backend::notifications;
use palier_backend::notifications::mailer::{self, Round};
use palier_backend::notifications::unsubscribe::{self, Key};
use palier_backend::outbox::{OutboxConfig, Worker};
use palier_backend::registry::{self, NewHousehold};
use palier_backend::testing::{SmtpSink, codes, fresh_database, seal};
use palier_domain::consultations::QuestionKind;
use palier_domain::consultations::{Audience, Decision, Visibility, VotingUnit};
use palier_domain::consultations::{QuestionDraft, Settings};
use palier_domain::ids::{BuildingId, ResidenceId};
use palier_domain::notifications::{Category, Mode};
use palier_domain::registry::NewResidence;
use palier_domain::{DisplayName, Email, Locale};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _};
use std::collections::{BTreeMap, HashSet};
use tokio::sync::OnceCell;

const PASSWORD: &str = "un mot de passe de test";

static HASH: OnceCell<palier_backend::auth::password::PasswordHashString> = OnceCell::const_new();

async fn hash() -> &'static palier_backend::auth::password::PasswordHashString {
    HASH.get_or_init(|| async {
        palier_backend::auth::password::hash(palier_domain::Password::parse(PASSWORD).unwrap()).await.unwrap()
    })
    .await
}

fn settings(links: &Links) -> mailer::Settings {
    mailer::Settings { links: links.clone(), key: Key::from_bytes([3; 32]), digest_hour: 7 }
}

/// Before 7:00 in Paris, today: immediate emails only.
fn early() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 5, 0, 0).single().unwrap()
}

/// After tomorrow's digest hour.
fn tomorrow_morning() -> chrono::DateTime<Utc> {
    let tomorrow = (Utc::now() + Duration::days(1)).date_naive();
    Utc.from_utc_datetime(&tomorrow.and_hms_opt(11, 0, 0).unwrap())
}

struct Town {
    staff: i64,
    org: i64,
    residence_a: i64,
    building_a1: i64,
    /// (household, tenant) in residence A; even ones in building A1.
    homes_a: Vec<(i64, i64)>,
    /// (household, tenant) in residence B.
    homes_b: Vec<(i64, i64)>,
}

async fn person(db: &DatabaseConnection, email: &str) -> i64 {
    let account = NewAccount {
        email: Email::parse(email).unwrap(),
        display_name: DisplayName::parse(&email.replace('@', " chez ")).unwrap(),
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    accounts::insert(db, account, hash().await).await.unwrap().id
}

/// Two residences of `per_residence` homes, each with one tenant.
async fn town(db: &DatabaseConnection, per_residence: usize) -> Town {
    let org = registry::create_organisation(db, "org", "Organisme").await.unwrap().id;
    let residence_a =
        registry::create_residence(db, org, NewResidence { name: "A".into(), ..Default::default() }).await.unwrap().id;
    let residence_b =
        registry::create_residence(db, org, NewResidence { name: "B".into(), ..Default::default() }).await.unwrap().id;
    let building_a1 = registry::create_building(db, residence_a, "A1").await.unwrap().id;
    let mut homes_a = Vec::new();
    let mut homes_b = Vec::new();
    for n in 0..per_residence {
        for (residence, building, homes, tag) in [
            (residence_a, (n % 2 == 0).then_some(building_a1), &mut homes_a, "a"),
            (residence_b, None, &mut homes_b, "b"),
        ] {
            let home = registry::create_household(
                db,
                org,
                NewHousehold {
                    residence_id: residence,
                    building_id: building,
                    lease_ref: format!("{tag}-{n}"),
                    unit_label: format!("Logement {tag}{n}"),
                    max_occupants: 4,
                },
            )
            .await
            .unwrap();
            let tenant = person(db, &format!("{tag}{n}@example.org")).await;
            registry::add_occupant(db, home.id, tenant).await.unwrap();
            homes.push((home.id, tenant));
        }
    }
    let staff = person(db, "equipe@example.org").await;
    accounts::set_membership(db, staff, org, palier_domain::team::OrgRole::Staff).await.unwrap();
    Town { staff, org, residence_a, building_a1, homes_a, homes_b }
}

/// A consultation for `audience`, opened by the clock, closing in `days`.
async fn opened(db: &DatabaseConnection, town: &Town, audience: Audience, unit: VotingUnit, days: i64) -> i64 {
    scheduled(db, town, audience, unit, -Duration::minutes(1), days).await
}

/// A consultation for `audience`, opening in `opens_in` (scheduling opens it
/// when that is past), closing in `days`.
async fn scheduled(
    db: &DatabaseConnection,
    town: &Town,
    audience: Audience,
    unit: VotingUnit,
    opens_in: Duration,
    days: i64,
) -> i64 {
    let id = builder::create(
        db,
        town.staff,
        town.org,
        Settings {
            title: "Rénovation des halls".into(),
            summary: String::new(),
            body: String::new(),
            audience,
            unit,
            opens_at: Utc::now() + opens_in,
            closes_at: Utc::now() + Duration::days(days),
            visibility: Visibility::AfterClose,
            quorum_percent: None,
        },
    )
    .await
    .unwrap()
    .id;
    builder::add_question(
        db,
        id,
        QuestionDraft {
            kind: QuestionKind::SingleChoice,
            prompt: "Oui ?".into(),
            required: true,
            options: vec!["Oui".into(), "Non".into()],
        },
    )
    .await
    .unwrap();
    builder::schedule(db, seal(), town.staff, id, Utc::now()).await.unwrap();
    id
}

/// The tenants of these homes.
fn tenants(homes: &[(i64, i64)]) -> HashSet<i64> {
    homes.iter().map(|(_, t)| *t).collect()
}

/// Who got a notification of `kind`.
async fn told(db: &DatabaseConnection, kind: &str) -> HashSet<i64> {
    notification::Entity::find()
        .filter(notification::Column::Kind.eq(kind))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect()
}

async fn outbox(db: &DatabaseConnection) -> Vec<outbox_email::Model> {
    outbox_email::Entity::find().all(db).await.unwrap()
}

#[tokio::test]
async fn an_opening_reaches_exactly_the_homes_in_its_scope() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 4).await;

    opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7).await;
    assert_eq!(told(&db, "consultation_opened").await, tenants(&town.homes_a));

    let db2 = fresh_database().await.unwrap();
    let town2 = self::town(&db2, 4).await;
    opened(&db2, &town2, Audience::Buildings(vec![BuildingId::new(town2.building_a1)]), VotingUnit::Adult, 7).await;
    let in_a1: HashSet<i64> = town2.homes_a.iter().step_by(2).map(|(_, t)| *t).collect();
    assert_eq!(told(&db2, "consultation_opened").await, in_a1);

    let db3 = fresh_database().await.unwrap();
    let town3 = self::town(&db3, 2).await;
    opened(&db3, &town3, Audience::Organisation, VotingUnit::Household, 7).await;
    let everyone: HashSet<i64> = tenants(&town3.homes_a).union(&tenants(&town3.homes_b)).copied().collect();
    assert_eq!(told(&db3, "consultation_opened").await, everyone);
    // Staff without a home are not tenants of it.
    assert!(!told(&db3, "consultation_opened").await.contains(&town3.staff));
}

#[tokio::test]
async fn the_closing_reminder_goes_once_to_the_homes_that_have_not_voted() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 3).await;
    let id =
        opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7)
            .await;
    let definition = palier_backend::consultations::definition(&db, id).await.unwrap().unwrap();
    let (voter_home, voter) = town.homes_a[0];
    let unit = voting::eligible_unit(&db, id, voter_home).await.unwrap().unwrap();
    let answer = BTreeMap::from([(definition.questions[0].id, vec![definition.questions[0].options[0].0.to_string()])]);
    voting::cast(&db, seal(), &definition, &unit, Channel::Paper { staff_id: town.staff }, &answer, Utc::now())
        .await
        .unwrap();

    // Seven days left: too early.
    assert!(lifecycle::remind_due(&db, Utc::now()).await.unwrap().is_empty());
    // A week-long vote with 47 hours left.
    consultation::Entity::update_many()
        .col_expr(consultation::Column::OpensAt, Expr::value(Utc::now() - Duration::days(5)))
        .col_expr(consultation::Column::ClosesAt, Expr::value(Utc::now() + Duration::hours(47)))
        .filter(consultation::Column::Id.eq(id))
        .exec(&db)
        .await
        .unwrap();
    assert_eq!(lifecycle::remind_due(&db, Utc::now()).await.unwrap(), vec![id]);
    let reminded = told(&db, "consultation_closing").await;
    let expected: HashSet<i64> = town.homes_a.iter().skip(1).map(|(_, t)| *t).collect();
    assert_eq!(reminded, expected);
    assert!(!reminded.contains(&voter));
    // A second run reminds nobody again.
    assert!(lifecycle::remind_due(&db, Utc::now()).await.unwrap().is_empty());
    assert_eq!(
        notification::Entity::find()
            .filter(notification::Column::Kind.eq("consultation_closing"))
            .all(&db)
            .await
            .unwrap()
            .len(),
        expected.len()
    );
}

#[tokio::test]
async fn a_vote_the_clock_finds_already_past_its_close_is_not_announced_as_open() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 2).await;
    let residence = Audience::Residences(vec![ResidenceId::new(town.residence_a)]);
    let id = scheduled(&db, &town, residence, VotingUnit::Household, Duration::hours(1), 7).await;
    // The server was down for the whole vote.
    consultation::Entity::update_many()
        .col_expr(consultation::Column::OpensAt, Expr::value(Utc::now() - Duration::days(7)))
        .col_expr(consultation::Column::ClosesAt, Expr::value(Utc::now() - Duration::seconds(1)))
        .filter(consultation::Column::Id.eq(id))
        .exec(&db)
        .await
        .unwrap();
    lifecycle::advance(&db, seal(), id, Utc::now()).await.unwrap();
    assert!(told(&db, "consultation_opened").await.is_empty());
    assert_eq!(told(&db, "results_available").await, tenants(&town.homes_a));
}

#[tokio::test]
async fn results_and_the_response_are_notified_once_and_votes_in_the_app_only() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 2).await;
    let id =
        opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7)
            .await;
    let definition = palier_backend::consultations::definition(&db, id).await.unwrap().unwrap();
    let (home, tenant) = town.homes_a[0];
    let unit = voting::eligible_unit(&db, id, home).await.unwrap().unwrap();
    let links = Links::new("https://palier.example");
    let answer = BTreeMap::from([(definition.questions[0].id, vec![definition.questions[0].options[1].0.to_string()])]);
    let mail = voting::ReceiptMail {
        user_id: tenant,
        to: Email::parse("a0@example.org").unwrap(),
        locale: Locale::Fr,
        links: &links,
    };
    let receipt =
        voting::cast_with_receipt(&db, seal(), &definition, &unit, Channel::Online, &answer, Some(mail), Utc::now())
            .await
            .unwrap();
    let cast =
        notification::Entity::find().filter(notification::Column::Kind.eq("ballot_cast")).all(&db).await.unwrap();
    assert_eq!(cast.len(), 1);
    assert_eq!((cast[0].user_id, cast[0].email_state.as_str()), (tenant, "none"));
    // The notification never carries the receipt.
    assert!(!cast[0].params.contains(&receipt));
    // The receipt email waits in the outbox sealed: nothing of it shows there.
    let waiting =
        outbox_email::Entity::find().filter(outbox_email::Column::Sensitive.eq(true)).one(&db).await.unwrap().unwrap();
    for field in [&waiting.subject, &waiting.text_body, &waiting.html_body] {
        assert!(field.starts_with("sealed:") && !field.contains(&receipt), "{field}");
    }
    // The server's worker opens it and sends it whole.
    let (mailer, mailbox) = Mailer::stub("Palier <palier@example.org>").unwrap();
    let config = OutboxConfig::default();
    let with_key = Worker::new(db.clone(), mailer, config).with_key(palier_backend::testing::server_key().clone());
    let sent = with_key.run_once().await.unwrap().sent;
    assert!(sent >= 1);
    let receipt_mail = mailbox.messages().into_iter().find(|m| m.text.contains(&receipt)).expect("the receipt is sent");
    assert!(!receipt_mail.subject.starts_with("sealed:"));

    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, Expr::value(Utc::now() - Duration::seconds(1)))
        .filter(consultation::Column::Id.eq(id))
        .exec(&db)
        .await
        .unwrap();
    lifecycle::advance(&db, seal(), id, Utc::now()).await.unwrap();
    let everyone: HashSet<i64> = town.homes_a.iter().map(|(_, t)| *t).collect();
    assert_eq!(told(&db, "results_available").await, everyone);

    builder::publish(&db, seal(), town.staff, id, "Nous ferons les travaux.", Decision::Adopted, Utc::now())
        .await
        .unwrap();
    builder::publish(&db, seal(), town.staff, id, "Nous ferons les travaux en mai.", Decision::Adjusted, Utc::now())
        .await
        .unwrap();
    let responses = notification::Entity::find()
        .filter(notification::Column::Kind.eq("response_published"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(responses.len(), everyone.len(), "an edited response is not notified again");
    assert!(responses.iter().all(|n| n.link == format!("/consultations/{id}/resultats")));
}

#[tokio::test]
async fn joining_and_leaving_a_home_tell_its_occupants() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 1).await;
    let household = registry::create_household(
        &db,
        town.org,
        NewHousehold {
            residence_id: town.residence_a,
            building_id: None,
            lease_ref: "J-1".into(),
            unit_label: "Logement J1".into(),
            max_occupants: 4,
        },
    )
    .await
    .unwrap();
    let home = household.id;
    let code = registry::issue_code(&db, codes(), home).await.unwrap();
    let first = person(&db, "premier@example.org").await;
    registry::add_occupant(&db, home, first).await.unwrap();
    let newcomer = person(&db, "nouveau@example.org").await;
    registry::join_household(&db, codes(), newcomer, &code, "127.0.0.1", Utc::now()).await.unwrap();
    assert_eq!(told(&db, "home_joined").await, HashSet::from([first, newcomer]));

    let household = registry::household(&db, home).await.unwrap().unwrap();
    registry::remove_occupant(&db, town.staff, &household, newcomer).await.unwrap();
    assert_eq!(told(&db, "home_left").await, HashSet::from([first, newcomer]));
    // The code they knew stops working; a new one is issued (by letter) for the home.
    let again = registry::join_household(&db, codes(), newcomer, &code, "127.0.0.2", Utc::now()).await;
    assert!(matches!(again, Err(registry::JoinError::UnknownCode)), "{again:?}");
    // (Its first code worked above.) Under another server key, a stored code is of no use.
    let code = registry::issue_code(&db, codes(), home).await.unwrap();
    let stranger = palier_backend::auth::secret::CodeKey::new(&palier_backend::auth::server_key::ServerKey::generate());
    let stolen = registry::join_household(&db, &stranger, newcomer, &code, "127.0.0.3", Utc::now()).await;
    assert!(matches!(stolen, Err(registry::JoinError::UnknownCode)), "{stolen:?}");
    // By default the home category waits for the digest.
    let states: HashSet<String> = notification::Entity::find()
        .filter(notification::Column::Category.eq("home"))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.email_state)
        .collect();
    assert_eq!(states, HashSet::from(["digest".to_owned()]));

    // The newcomer's data export holds their notifications and choices.
    let export = accounts::export(&db, newcomer).await.unwrap().unwrap();
    let kinds: HashSet<&str> = export.notifications.iter().map(|n| n.kind.code()).collect();
    assert_eq!(kinds, HashSet::from(["home_joined", "home_left"]));
    assert_eq!(export.email_preferences.get("home"), Some(&"digest"));

    // When they delete their account, their notifications go, and so does
    // their name from the others' notifications about them.
    let named = |db: &DatabaseConnection| {
        let db = db.clone();
        async move {
            notifications::list(&db, first, 0, 20)
                .await
                .unwrap()
                .0
                .into_iter()
                .map(|n| n.params.get("name").and_then(|v| v.as_str()).unwrap_or_default().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert!(named(&db).await.iter().all(|name| name.contains("nouveau")));
    accounts::delete_account(&db, newcomer, PASSWORD).await.unwrap();
    assert_eq!(notifications::list(&db, newcomer, 0, 20).await.unwrap().1, 0);
    assert_eq!(named(&db).await, vec![String::new(), String::new()]);
}

#[tokio::test]
async fn preferences_decide_between_an_email_now_the_morning_digest_and_none() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 3).await;
    let [(_, now_tenant), (_, digest_tenant), (_, quiet_tenant)] = town.homes_a[..] else { panic!("three homes") };
    notifications::set_preference(&db, digest_tenant, Category::Consultations, Mode::Digest).await.unwrap();
    notifications::set_preference(&db, quiet_tenant, Category::Consultations, Mode::None).await.unwrap();
    assert_eq!(
        notifications::preferences(&db, digest_tenant)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>(),
        vec![
            (Category::Consultations, Mode::Digest),
            (Category::Projects, Mode::Immediate),
            (Category::Neighbourhood, Mode::Digest),
            (Category::Home, Mode::Digest)
        ]
    );

    // Two consultations open.
    opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7).await;
    opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 9).await;
    let links = Links::new("https://palier.example");
    let settings = settings(&links);

    // Early in the morning: the "immediate" tenant gets one email per consultation.
    let round = mailer::run_once(&db, &settings, early()).await.unwrap();
    assert_eq!(round, Round { immediate: 2, digests: 0 });
    let emails = outbox(&db).await;
    assert_eq!(emails.len(), 2);
    assert!(emails.iter().all(|e| e.recipient == "a0@example.org"));
    assert!(emails[0].subject.contains("Vote ouvert"));
    assert!(emails[0].text_body.contains("https://palier.example/consultations/"));
    let headers: Vec<(String, String)> = serde_json::from_str(&emails[0].headers).unwrap();
    let list = headers.iter().find(|(k, _)| k == "List-Unsubscribe").unwrap();
    assert!(list.1.starts_with("<https://palier.example/desabonnement?jeton="));
    assert!(headers.contains(&("List-Unsubscribe-Post".into(), "List-Unsubscribe=One-Click".into())));
    // Nothing twice.
    assert_eq!(mailer::run_once(&db, &settings, early()).await.unwrap(), Round::default());

    // The next morning: one digest with both, for the "digest" tenant only.
    let round = mailer::run_once(&db, &settings, tomorrow_morning()).await.unwrap();
    assert_eq!(round, Round { immediate: 0, digests: 1 });
    let emails = outbox(&db).await;
    assert_eq!(emails.len(), 3);
    let digest = emails.iter().find(|e| e.recipient == "a1@example.org").unwrap();
    assert_eq!(digest.text_body.matches("Vote ouvert : « Rénovation des halls »").count(), 2, "{}", digest.text_body);
    assert!(digest.text_body.contains("https://palier.example/compte/notifications"));
    assert_eq!(mailer::run_once(&db, &settings, tomorrow_morning()).await.unwrap(), Round::default());

    // The "none" tenant got no email, and sees both in the app.
    assert!(outbox(&db).await.iter().all(|e| e.recipient != "a2@example.org"));
    let (items, total) = notifications::list(&db, quiet_tenant, 0, 20).await.unwrap();
    assert_eq!((items.len(), total), (2, 2));
    assert_eq!(notifications::unread_count(&db, quiet_tenant).await.unwrap(), 2);
    assert_eq!(notifications::open(&db, quiet_tenant, items[0].id).await.unwrap(), Some(items[0].link.clone()));
    assert_eq!(notifications::unread_count(&db, quiet_tenant).await.unwrap(), 1);
    assert_eq!(notifications::open(&db, now_tenant, items[1].id).await.unwrap(), None, "not theirs");
    assert_eq!(notifications::mark_read(&db, quiet_tenant, None).await.unwrap(), 1);
    assert_eq!(notifications::unread_count(&db, quiet_tenant).await.unwrap(), 0);
}

#[tokio::test]
async fn an_unsubscribe_link_stops_emails_without_signing_in_and_cannot_be_forged() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 2).await;
    let (_, tenant) = town.homes_a[0];
    let (_, other) = town.homes_a[1];
    let key = Key::load(&db).await.unwrap();
    assert_eq!(Key::load(&db).await.unwrap().token(1, None), key.token(1, None), "the key is kept");

    let forged =
        key.token(other, Some(Category::Consultations)).replacen(&format!("{other}-"), &format!("{tenant}-"), 1);
    assert_eq!(unsubscribe::apply(&db, &key, &forged).await.unwrap(), None);
    let token = key.token(tenant, Some(Category::Consultations));
    assert_eq!(unsubscribe::apply(&db, &key, &token).await.unwrap(), Some((tenant, Some(Category::Consultations))));
    assert_eq!(
        notifications::preferences(&db, tenant)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()[0],
        (Category::Consultations, Mode::None)
    );
    assert_eq!(
        notifications::preferences(&db, other)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()[0],
        (Category::Consultations, Mode::Immediate)
    );

    opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7).await;
    let links = Links::new("https://palier.example");
    let settings = mailer::Settings { links: links.clone(), key: key.clone(), digest_hour: 7 };
    mailer::run_once(&db, &settings, early()).await.unwrap();
    let recipients: Vec<String> = outbox(&db).await.into_iter().map(|e| e.recipient).collect();
    assert_eq!(recipients, vec!["a1@example.org".to_owned()]);

    // "all" stops every category.
    unsubscribe::apply(&db, &key, &key.token(other, None)).await.unwrap();
    assert!(
        notifications::preferences(&db, other)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()
            .iter()
            .all(|(_, mode)| *mode == Mode::None)
    );
}

#[tokio::test]
async fn a_fan_out_of_500_emails_survives_a_minute_of_smtp_outage_and_arrives_exactly_once() {
    let db = fresh_database().await.unwrap();
    let org = registry::create_organisation(&db, "grand", "Grand Ensemble").await.unwrap().id;
    let residence =
        registry::create_residence(&db, org, NewResidence { name: "Les Tours".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let staff = person(&db, "equipe@example.org").await;
    accounts::set_membership(&db, staff, org, palier_domain::team::OrgRole::Staff).await.unwrap();
    for n in 0..500 {
        let home = registry::create_household(
            &db,
            org,
            NewHousehold {
                residence_id: residence,
                building_id: None,
                lease_ref: format!("T-{n}"),
                unit_label: format!("Logement {n}"),
                max_occupants: 4,
            },
        )
        .await
        .unwrap();
        let tenant = person(&db, &format!("locataire{n}@example.org")).await;
        registry::add_occupant(&db, home.id, tenant).await.unwrap();
    }
    let town = Town { staff, org, residence_a: residence, building_a1: 0, homes_a: Vec::new(), homes_b: Vec::new() };
    // The opening writes 500 notifications in its one transaction.
    opened(&db, &town, Audience::Residences(vec![ResidenceId::new(residence)]), VotingUnit::Household, 7).await;
    assert_eq!(told(&db, "consultation_opened").await.len(), 500);

    let mut sink = SmtpSink::start().await.unwrap();
    let mailer_settings = settings(&Links::new("https://palier.example"));
    let smtp = Mailer::new("Palier <palier@example.org>", &MailTransport::Smtp(sink.url())).unwrap();
    let config = OutboxConfig {
        batch_size: 25,
        lease: std::time::Duration::from_secs(60),
        max_attempts: 100,
        retry_base: std::time::Duration::from_millis(500),
        retry_max: std::time::Duration::from_secs(3),
        poll_interval: std::time::Duration::from_millis(10),
    };
    // The test drives the worker's rounds and moves its clock: a minute of
    // outage takes no time.
    let clock = Clock::system();
    let worker = Worker::new(db.clone(), smtp, config).with_clock(clock.clone());
    let queued = mailer::run_once(&db, &mailer_settings, early()).await.unwrap();
    assert_eq!(queued.immediate, 500);

    // The SMTP server goes down part-way through, for a minute.
    let mut sent = 0;
    for round in 0.. {
        assert!(round < 100, "the SMTP server took only {sent} emails in 100 rounds");
        if sent >= 100 {
            break;
        }
        sent += worker.run_once().await.unwrap().sent;
    }
    sink.stop();
    let before = sink.messages().len();
    assert!(before < 500, "the outage must begin mid-fan-out ({before} already sent)");
    // A minute of the worker's clock, a round each second, and longer if
    // need be, until every email held back was tried again after its backoff.
    for second in 1.. {
        let round = worker.run_once().await.unwrap();
        assert_eq!(round.sent + round.failed, 0, "nothing goes, nothing is given up, while the server is down");
        clock.advance(Duration::seconds(1));
        if second >= 60 && outbox(&db).await.iter().filter(|e| e.status == "pending").all(|e| e.attempts >= 2) {
            break;
        }
        assert!(second < 3600, "the held emails were not retried within an hour of the worker's clock");
    }
    let rows = outbox(&db).await;
    let waiting: Vec<_> = rows.iter().filter(|e| e.status == "pending").collect();
    assert_eq!(waiting.len(), 500 - sent, "the outage held the rest back");
    assert!(waiting.iter().all(|e| e.attempts >= 2), "each held email was tried again");
    assert!(rows.iter().all(|e| e.status != "failed"), "an outage is not a reason to give up");
    assert!(waiting.iter().all(|e| e.last_error.is_some()), "a held email records why");
    assert!(waiting.iter().all(|e| e.locked_until.is_none()), "no email stays claimed between rounds");
    sink.restart().await.unwrap();

    // Past the longest backoff, the held emails are due again and go.
    clock.advance(Duration::seconds(4));
    loop {
        let round = worker.run_once().await.unwrap();
        if round.claimed() == 0 {
            break;
        }
        sent += round.sent;
    }
    assert_eq!(sent, 500);
    let received = sink.messages();
    // Later still, nothing may go twice.
    clock.advance(Duration::minutes(10));
    assert_eq!(worker.run_once().await.unwrap().claimed(), 0);
    assert_eq!(received.len(), 500);
    let messages = sink.messages();
    assert_eq!(messages.len(), 500, "counted at the SMTP server");
    let to: HashSet<String> = messages.iter().filter_map(|m| m.header("To")).collect();
    assert_eq!(to.len(), 500, "one email per tenant");
    let ids: HashSet<String> = messages.iter().filter_map(|m| m.header("Message-ID")).collect();
    assert_eq!(ids.len(), 500);
    assert!(outbox(&db).await.iter().all(|e| e.status == "sent"));
}

/// Makes every insert into `notifications` fail, as a full disk or a broken
/// constraint would, until [`accept_notifications`].
async fn refuse_notifications(db: &DatabaseConnection) {
    use sea_orm::ConnectionTrait as _;
    if palier_backend::db::is_sqlite(db) {
        db.execute_unprepared(
            "CREATE TRIGGER refuse_notifications BEFORE INSERT ON notifications \
             BEGIN SELECT RAISE(ABORT, 'notifications refused by the test'); END",
        )
        .await
        .unwrap();
    } else {
        db.execute_unprepared(
            "CREATE FUNCTION refuse_notification() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'notifications refused by the test'; END $$ LANGUAGE plpgsql",
        )
        .await
        .unwrap();
        db.execute_unprepared(
            "CREATE TRIGGER refuse_notifications BEFORE INSERT ON notifications \
             FOR EACH ROW EXECUTE FUNCTION refuse_notification()",
        )
        .await
        .unwrap();
    }
}

async fn accept_notifications(db: &DatabaseConnection) {
    use sea_orm::ConnectionTrait as _;
    let on = if palier_backend::db::is_sqlite(db) { "" } else { " ON notifications" };
    db.execute_unprepared(&format!("DROP TRIGGER refuse_notifications{on}")).await.unwrap();
}

#[tokio::test]
async fn a_vote_that_fails_after_its_receipt_email_was_queued_leaves_no_email_and_no_vote() {
    let db = fresh_database().await.unwrap();
    let town = town(&db, 1).await;
    let id =
        opened(&db, &town, Audience::Residences(vec![ResidenceId::new(town.residence_a)]), VotingUnit::Household, 7)
            .await;
    let definition = palier_backend::consultations::definition(&db, id).await.unwrap().unwrap();
    let (home, tenant) = town.homes_a[0];
    let unit = voting::eligible_unit(&db, id, home).await.unwrap().unwrap();
    let links = Links::new("https://palier.example");
    let answer = BTreeMap::from([(definition.questions[0].id, vec![definition.questions[0].options[0].0.to_string()])]);
    let mail = || voting::ReceiptMail {
        user_id: tenant,
        to: Email::parse("a0@example.org").unwrap(),
        locale: Locale::Fr,
        links: &links,
    };
    let emails_before = outbox(&db).await.len();

    // The ballot's transaction queues the receipt email, then fails on the
    // voter's notification, written after it.
    refuse_notifications(&db).await;
    let failed =
        voting::cast_with_receipt(&db, seal(), &definition, &unit, Channel::Online, &answer, Some(mail()), Utc::now())
            .await;
    assert!(matches!(failed, Err(voting::CastError::Unexpected(_))), "{failed:?}");
    assert_eq!(outbox(&db).await.len(), emails_before, "no receipt email for a vote that did not happen");
    assert!(palier_backend::entities::ballot::Entity::find().all(&db).await.unwrap().is_empty());
    assert!(
        palier_backend::entities::participation::Entity::find().all(&db).await.unwrap().is_empty(),
        "not marked as voted"
    );

    // Once the database accepts it again, the same home votes, and gets one email.
    accept_notifications(&db).await;
    voting::cast_with_receipt(&db, seal(), &definition, &unit, Channel::Online, &answer, Some(mail()), Utc::now())
        .await
        .unwrap();
    let receipts: Vec<_> = outbox(&db).await.into_iter().filter(|e| e.sensitive).collect();
    assert_eq!(receipts.len(), 1);
    assert_eq!(receipts[0].recipient, "a0@example.org");
}

/// Codes stored before they were keyed (a plain SHA-256, which trying every
/// code would reverse) are keyed once at start-up, and still open their home.
#[tokio::test]
async fn codes_stored_before_they_were_keyed_are_keyed_once_and_still_work() {
    use palier_backend::auth::secret;
    use palier_backend::entities::household;
    use sea_orm::sea_query::Expr;
    let db = fresh_database().await.unwrap();
    let town = town(&db, 1).await;
    let home = registry::create_household(
        &db,
        town.org,
        NewHousehold {
            residence_id: town.residence_a,
            building_id: None,
            lease_ref: "K-1".into(),
            unit_label: "Logement K1".into(),
            max_occupants: 4,
        },
    )
    .await
    .unwrap()
    .id;
    // As the earlier version stored it.
    let code = secret::new_invitation_code();
    let unkeyed = secret::hash(&format!("invitation:{}", code.canonical()));
    household::Entity::update_many()
        .col_expr(household::Column::InvitationCodeHash, Expr::value(unkeyed.clone()))
        .col_expr(household::Column::InvitationCodeIssuedAt, Expr::value(Utc::now()))
        .filter(household::Column::Id.eq(home))
        .exec(&db)
        .await
        .unwrap();

    assert_eq!(secret::key_stored_codes(&db, codes()).await.unwrap(), 1);
    let stored = household::Entity::find_by_id(home).one(&db).await.unwrap().unwrap().invitation_code_hash.unwrap();
    assert_ne!(stored, unkeyed, "the plain hash is gone");
    assert_eq!(secret::key_stored_codes(&db, codes()).await.unwrap(), 0, "once");
    let newcomer = person(&db, "ancien-code@example.org").await;
    registry::join_household(&db, codes(), newcomer, &code, "127.0.0.1", Utc::now()).await.unwrap();
}
