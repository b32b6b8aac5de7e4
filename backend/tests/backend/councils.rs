//! Tenant councils against a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`) and a real SMTP server: who may act for a council,
//! convening with an agenda, the convocations members receive with an
//! iCalendar invitation (read back as a mail program and a calendar parser
//! would), moving and calling off a meeting, members' answers, the public
//! feed, and what the covered residences' tenants see and hear.

use chrono::{DateTime, Duration, Utc};
use palier_backend::accounts::{self, NewAccount};
use palier_backend::councils::meetings::{self, Mailing};
use palier_backend::councils::{self, CouncilError, members};
use palier_backend::entities::{audit_log, notification, outbox_email};
use palier_backend::links::Links;
use palier_backend::mail::{MailTransport, Mailer};
use palier_backend::outbox::{OutboxConfig, Worker};
use palier_backend::policy::Actor;
use palier_backend::registry::{self, NewHousehold};
use palier_backend::testing::{SmtpSink, fresh_database};
use palier_domain::councils::form::{CouncilDraft, ItemDraft, MeetingDraft, MemberDraft};
use palier_domain::councils::{CouncilKind, MeetingStatus, Reply, SeatRole};
use palier_domain::ids::{CouncilId, MeetingId, OrganisationId, ResidenceId, UserId};
use palier_domain::registry::NewResidence;
use palier_domain::{DisplayName, Email, Locale, Password};
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _};
use std::collections::HashMap;

struct Place {
    org: i64,
    residence: i64,
    other_residence: i64,
    staff: Actor,
    /// A tenant of the residence who sits on no council.
    neighbour: Actor,
    /// A tenant of the other residence.
    elsewhere: Actor,
}

async fn person(db: &DatabaseConnection, name: &str) -> palier_backend::entities::user::Model {
    let hash = palier_backend::auth::password::hash(Password::parse("mot de passe des tests").unwrap()).await.unwrap();
    let account = NewAccount {
        email: Email::parse(&format!("{}@example.org", name.to_lowercase().replace(' ', "."))).unwrap(),
        display_name: DisplayName::parse(name).unwrap(),
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    accounts::insert(db, account, &hash).await.unwrap()
}

async fn actor(db: &DatabaseConnection, user: &palier_backend::entities::user::Model) -> Actor {
    palier_backend::sessions::load_actor(db, user).await.unwrap()
}

async fn home(db: &DatabaseConnection, org: i64, residence: i64, label: &str) -> i64 {
    let new = NewHousehold {
        residence_id: residence,
        building_id: None,
        unit_label: label.into(),
        lease_ref: label.into(),
        max_occupants: 4,
    };
    registry::create_household(db, org, new).await.unwrap().id
}

async fn tenant(db: &DatabaseConnection, name: &str, org: i64, residence: i64) -> Actor {
    let user = person(db, name).await;
    let household = home(db, org, residence, name).await;
    registry::add_occupant(db, household, user.id).await.unwrap();
    actor(db, &user).await
}

async fn place(db: &DatabaseConnection) -> Place {
    let org = registry::create_organisation(db, "org", "Habitat Centre").await.unwrap().id;
    let residence =
        registry::create_residence(db, org, NewResidence { name: "Les Tilleuls".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let other_residence =
        registry::create_residence(db, org, NewResidence { name: "Les Érables".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let staff_user = person(db, "Karim Benali").await;
    accounts::set_membership(db, staff_user.id, org, palier_domain::team::OrgRole::Staff).await.unwrap();
    let staff = actor(db, &staff_user).await;
    let neighbour = tenant(db, "Paul Martin", org, residence).await;
    let elsewhere = tenant(db, "Lucie Roche", org, other_residence).await;
    Place { org, residence, other_residence, staff, neighbour, elsewhere }
}

fn mailing() -> Mailing {
    Mailing { links: Links::new("https://palier.example"), organiser: "palier@example.org".into() }
}

fn council_draft(residences: &[i64]) -> CouncilDraft {
    CouncilDraft {
        name: "Conseil de résidence des Tilleuls".into(),
        kind: CouncilKind::ResidenceCouncil,
        residences: residences.iter().map(|r| ResidenceId::new(*r)).collect(),
        description: "Les locataires et le bailleur, chaque trimestre.".into(),
    }
}

fn member(email: &str, role: SeatRole) -> MemberDraft {
    MemberDraft { email: Email::parse(email).unwrap(), role, term_ends: None }
}

fn slot(starts_at: DateTime<Utc>, place: &str) -> MeetingDraft {
    MeetingDraft { starts_at, minutes: 90, place: place.into(), video_link: String::new() }
}

fn item(title: &str, minutes: u32) -> ItemDraft {
    ItemDraft { title: title.into(), description: String::new(), presenter: "Le bailleur".into(), minutes }
}

/// A council of the residence with a secretary and a member (both tenants
/// with accounts), returned with their actors.
async fn council_with_members(db: &DatabaseConnection, p: &Place) -> (CouncilId, Actor, Actor) {
    let now = Utc::now();
    let id =
        councils::create(db, &p.staff, OrganisationId::new(p.org), council_draft(&[p.residence]), now).await.unwrap();
    let secretary = tenant(db, "Aicha Diallo", p.org, p.residence).await;
    let seated = tenant(db, "Jean Dupont", p.org, p.residence).await;
    members::add(db, &p.staff, id, member("aicha.diallo@example.org", SeatRole::Secretary), now).await.unwrap();
    // The secretary acts for the council: she adds its members herself.
    members::add(db, &secretary, id, member("jean.dupont@example.org", SeatRole::Member), now).await.unwrap();
    (id, secretary, seated)
}

/// The properties of an iCalendar text and of its events, as the parser of
/// a calendar program reads them (an invalid text fails the test).
fn read_ics(text: &str) -> (HashMap<String, String>, Vec<HashMap<String, String>>) {
    let unfolded = icalendar::parser::unfold(text);
    let calendar =
        icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|e| panic!("invalid iCalendar: {e}\n{text}"));
    let props = |properties: &[icalendar::parser::Property<'_>]| {
        properties.iter().map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned())).collect::<HashMap<_, _>>()
    };
    let head = props(&calendar.properties);
    let events = calendar.components.iter().filter(|c| c.name == "VEVENT").map(|c| props(&c.properties)).collect();
    (head, events)
}

fn ics_time(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

async fn outbox_rows(db: &DatabaseConnection) -> Vec<outbox_email::Model> {
    outbox_email::Entity::find().all(db).await.unwrap()
}

/// The convocations of version `sequence` of a meeting (keys `convocation:{meeting}:{sequence}:{person}`).
async fn version(db: &DatabaseConnection, sequence: &str) -> Vec<outbox_email::Model> {
    outbox_rows(db).await.into_iter().filter(|r| r.idempotency_key.split(':').nth(2) == Some(sequence)).collect()
}

#[tokio::test]
async fn a_secretary_convenes_and_members_receive_an_invitation_a_calendar_imports() {
    let db = fresh_database().await.unwrap();
    let p = place(&db).await;
    let (council, secretary, seated) = council_with_members(&db, &p).await;
    let now = Utc::now();
    let starts = (now + Duration::days(10)).with_nanosecond_zero();
    let meeting = meetings::convene(&db, &secretary, council, slot(starts, "Salle commune"), now).await.unwrap();
    meetings::add_item(&db, &secretary, meeting, item("Chauffage de l'hiver", 30), now).await.unwrap();
    meetings::add_item(&db, &secretary, meeting, item("Propreté des halls", 20), now).await.unwrap();
    let (_, sent) = meetings::send_convocations(&db, &mailing(), &secretary, meeting).await.unwrap();
    assert_eq!(sent, 2, "the secretary and the member");
    // Sending again (a double click) queues nothing more.
    meetings::send_convocations(&db, &mailing(), &secretary, meeting).await.unwrap();
    assert_eq!(outbox_rows(&db).await.len(), 2);

    let sink = SmtpSink::start().await.unwrap();
    let mailer = Mailer::new("Palier <palier@example.org>", &MailTransport::Smtp(sink.url())).unwrap();
    let config = OutboxConfig {
        batch_size: 50,
        lease: std::time::Duration::from_secs(60),
        max_attempts: 5,
        retry_base: std::time::Duration::from_millis(200),
        retry_max: std::time::Duration::from_secs(1),
        poll_interval: std::time::Duration::from_millis(50),
    };
    assert_eq!(Worker::new(db.clone(), mailer, config).run_once().await.unwrap().sent, 2);
    let received = sink.messages();
    assert_eq!(received.len(), 2);
    let to_member = received.iter().find(|m| m.header("To").is_some_and(|to| to.contains("jean.dupont"))).unwrap();
    let message = mail_parser::MessageParser::default().parse(to_member.raw.as_bytes()).unwrap();
    assert!(message.subject().unwrap().starts_with("Convocation : Conseil de résidence des Tilleuls"));
    assert!(message.body_text(0).unwrap().contains("1. Chauffage de l'hiver (30 min)"));
    // The invitation: a text/calendar part a mail program offers to add, and the same as a file.
    use mail_parser::MimeHeaders as _;
    let calendar_part = message
        .parts
        .iter()
        .find(|part| part.content_type().is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar")))
        .expect("a text/calendar part");
    assert_eq!(calendar_part.content_type().unwrap().attribute("method"), Some("REQUEST"));
    assert!(message.attachments().any(|a| a.attachment_name() == Some("invitation.ics")));
    let ics = calendar_part.text_contents().unwrap();
    let (head, events) = read_ics(ics);
    assert_eq!(head.get("METHOD").map(String::as_str), Some("REQUEST"));
    assert_eq!(head.get("VERSION").map(String::as_str), Some("2.0"));
    assert!(head.contains_key("PRODID"));
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!(event["UID"], format!("meeting-{meeting}@palier.example"));
    assert_eq!(event["SEQUENCE"], "0");
    assert_eq!(event["DTSTART"], ics_time(starts));
    assert_eq!(event["DTEND"], ics_time(starts + Duration::minutes(90)));
    assert_eq!(event["LOCATION"], "Salle commune");
    assert_eq!(event["SUMMARY"], "Conseil de résidence des Tilleuls");
    assert!(event["DESCRIPTION"].contains("Chauffage de l'hiver (30 min)"), "{}", event["DESCRIPTION"]);
    assert!(event["ORGANIZER"].contains("palier@example.org"));
    assert!(event["ATTENDEE"].contains("jean.dupont@example.org"));

    // The member answers; the secretary sees it, a visitor does not.
    meetings::reply(&db, &seated, meeting, Reply::Excused, now).await.unwrap();
    let seen = councils::meeting_page(&db, Some(&secretary), council, meeting, now).await.unwrap();
    assert!(seen.replies.contains(&("Jean Dupont".to_owned(), Some(Reply::Excused))));
    assert!(seen.can_convene && seen.fits);
    let public = councils::meeting_page(&db, None, council, meeting, now).await.unwrap();
    assert!(public.replies.is_empty() && !public.can_convene);
    assert_eq!(public.agenda.len(), 2);
    // A tenant who does not sit on the council cannot answer.
    assert!(matches!(
        meetings::reply(&db, &p.neighbour, meeting, Reply::Present, now).await,
        Err(CouncilError::Forbidden)
    ));
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for DateTime<Utc> {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::{SubsecRound as _, Timelike as _};
        self.trunc_subsecs(0).with_second(0).unwrap()
    }
}

#[tokio::test]
async fn moving_raises_the_sequence_and_cancelling_removes_it_from_calendars() {
    let db = fresh_database().await.unwrap();
    let p = place(&db).await;
    let (council, secretary, _) = council_with_members(&db, &p).await;
    let now = Utc::now();
    let starts = (now + Duration::days(10)).with_nanosecond_zero();
    let meeting = meetings::convene(&db, &secretary, council, slot(starts, "Salle commune"), now).await.unwrap();
    meetings::send_convocations(&db, &mailing(), &secretary, meeting).await.unwrap();

    let later = starts + Duration::days(2);
    meetings::reschedule(&db, &mailing(), &secretary, meeting, slot(later, "Loge du gardien"), now).await.unwrap();
    let moved = version(&db, "1").await;
    assert_eq!(moved.len(), 2, "each member is sent the update");
    let (head, events) = read_ics(moved[0].calendar.as_deref().unwrap());
    assert_eq!(head["METHOD"], "REQUEST");
    assert_eq!((events[0]["SEQUENCE"].as_str(), events[0]["DTSTART"].clone()), ("1", ics_time(later)));
    assert_eq!(events[0]["UID"], format!("meeting-{meeting}@palier.example"), "the same event, updated");
    assert!(moved[0].subject.starts_with("Réunion déplacée"));

    meetings::cancel(&db, &mailing(), &secretary, meeting, now).await.unwrap();
    let cancelled = version(&db, "2").await;
    assert_eq!(cancelled.len(), 2);
    let (head, events) = read_ics(cancelled[0].calendar.as_deref().unwrap());
    assert_eq!(head["METHOD"], "CANCEL");
    assert_eq!((events[0]["SEQUENCE"].as_str(), events[0]["STATUS"].as_str()), ("2", "CANCELLED"));
    assert!(cancelled[0].subject.starts_with("Réunion annulée"));
    // Called off, it can be neither moved nor given items.
    let again = meetings::reschedule(&db, &mailing(), &secretary, meeting, slot(later, "Salle"), now).await;
    assert!(matches!(again, Err(CouncilError::NotNow)));
    assert!(matches!(
        meetings::add_item(&db, &secretary, meeting, item("Point", 10), now).await,
        Err(CouncilError::NotNow)
    ));

    // The public feed carries it, cancelled, with the same UID.
    let feed = meetings::feed(&db, &mailing(), council, now).await.unwrap();
    let (head, events) = read_ics(&feed);
    assert_eq!(head["METHOD"], "PUBLISH");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["STATUS"], "CANCELLED");
    let actions: Vec<String> =
        audit_log::Entity::find().all(&db).await.unwrap().into_iter().map(|r| r.action).collect();
    for action in ["council.created", "council.member_added", "meeting.convened", "meeting.moved", "meeting.cancelled"]
    {
        assert!(actions.iter().any(|a| a == action), "{action} is audited");
    }
}

#[tokio::test]
async fn only_staff_the_president_and_the_secretary_act_for_a_council() {
    let db = fresh_database().await.unwrap();
    let p = place(&db).await;
    let (council, secretary, seated) = council_with_members(&db, &p).await;
    let now = Utc::now();
    let starts = now + Duration::days(3);
    // A member, a neighbour, a tenant elsewhere: none convenes or adds members.
    for outsider in [&seated, &p.neighbour, &p.elsewhere] {
        let convened = meetings::convene(&db, outsider, council, slot(starts, "Salle"), now).await;
        assert!(matches!(convened, Err(CouncilError::Forbidden | CouncilError::NotFound)), "{convened:?}");
        let added =
            members::add(&db, outsider, council, member("paul.martin@example.org", SeatRole::Member), now).await;
        assert!(matches!(added, Err(CouncilError::Forbidden | CouncilError::NotFound)));
    }
    // Another landlord's staff learn nothing.
    let other_org = registry::create_organisation(&db, "autre", "Autre bailleur").await.unwrap().id;
    let other_user = person(&db, "Claire Petit").await;
    accounts::set_membership(&db, other_user.id, other_org, palier_domain::team::OrgRole::Admin).await.unwrap();
    let other_staff = actor(&db, &other_user).await;
    let created = councils::create(&db, &other_staff, OrganisationId::new(p.org), council_draft(&[]), now).await;
    assert!(created.is_err());
    assert!(meetings::convene(&db, &other_staff, council, slot(starts, "Salle"), now).await.is_err());
    // A council cannot cover another landlord's residence.
    let foreign =
        registry::create_residence(&db, other_org, NewResidence { name: "Ailleurs".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let covered = councils::create(&db, &p.staff, OrganisationId::new(p.org), council_draft(&[foreign]), now).await;
    assert!(matches!(covered, Err(CouncilError::ForeignResidence)));
    // A member is a person with an account.
    let unknown = members::add(&db, &secretary, council, member("personne@example.org", SeatRole::Guest), now).await;
    assert!(matches!(unknown, Err(CouncilError::UnknownPerson)));
    // A meeting is convened for later, not the past.
    let past = meetings::convene(&db, &secretary, council, slot(now - Duration::hours(1), "Salle"), now).await;
    assert!(matches!(past, Err(CouncilError::NotNow)));
    // Once held, its agenda is closed and nobody answers any more.
    let meeting = meetings::convene(&db, &secretary, council, slot(starts, "Salle"), now).await.unwrap();
    let after = starts + Duration::hours(3);
    assert!(matches!(
        meetings::add_item(&db, &secretary, meeting, item("Tard", 10), after).await,
        Err(CouncilError::NotNow)
    ));
    assert!(matches!(meetings::reply(&db, &seated, meeting, Reply::Present, after).await, Err(CouncilError::NotNow)));
    // The secretary removes a member; the staff's page shows who is left.
    members::remove(&db, &secretary, council, UserId::new(seated.user_id)).await.unwrap();
    let page = councils::page(&db, Some(&p.staff), council, now).await.unwrap();
    assert_eq!(page.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["Aicha Diallo"]);
    assert!(page.can_manage && page.can_convene);
    let public = councils::page(&db, None, council, now).await.unwrap();
    assert!(!public.can_manage && !public.can_convene && public.members.len() == 1);
    assert_eq!(public.upcoming.len(), 1);
}

#[tokio::test]
async fn the_covered_residence_sees_and_hears_of_its_meetings_and_no_other() {
    let db = fresh_database().await.unwrap();
    let p = place(&db).await;
    let (council, secretary, seated) = council_with_members(&db, &p).await;
    let now = Utc::now();
    let meeting =
        meetings::convene(&db, &secretary, council, slot(now + Duration::days(5), "Salle"), now).await.unwrap();
    let told = |kind: &'static str| {
        let db = db.clone();
        async move {
            notification::Entity::find()
                .filter(notification::Column::Kind.eq(kind))
                .all(&db)
                .await
                .unwrap()
                .into_iter()
                .map(|n| n.user_id)
                .collect::<Vec<_>>()
        }
    };
    // The neighbour hears of it (by digest); the members get the convocation instead.
    let convened = told("meeting_convened").await;
    assert!(convened.contains(&p.neighbour.user_id));
    assert!(!convened.contains(&p.elsewhere.user_id) && !convened.contains(&seated.user_id));
    let row = notification::Entity::find()
        .filter(notification::Column::UserId.eq(p.neighbour.user_id))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.email_state, "digest");
    assert_eq!(row.link, format!("/conseils/{council}/reunions/{meeting}"));
    meetings::reschedule(&db, &mailing(), &secretary, meeting, slot(now + Duration::days(6), "Salle"), now)
        .await
        .unwrap();
    assert!(told("meeting_moved").await.contains(&p.neighbour.user_id));

    let residence = |id: i64| {
        let db = db.clone();
        async move {
            let row = palier_backend::entities::residence::Entity::find_by_id(id).one(&db).await.unwrap().unwrap();
            councils::for_residence(&db, &row, now).await.unwrap()
        }
    };
    let (here, upcoming) = residence(p.residence).await;
    assert_eq!((here.len(), upcoming.len()), (1, 1));
    assert_eq!(upcoming[0].id, meeting);
    let (there, none) = residence(p.other_residence).await;
    assert!(there.is_empty() && none.is_empty());
    // A council that names no residence covers them all.
    councils::create(&db, &p.staff, OrganisationId::new(p.org), council_draft(&[]), now).await.unwrap();
    assert_eq!(residence(p.other_residence).await.0.len(), 1);

    // Called off, it leaves the residence page; its tenants are told.
    meetings::cancel(&db, &mailing(), &secretary, meeting, now).await.unwrap();
    assert!(residence(p.residence).await.1.is_empty());
    assert!(told("meeting_cancelled").await.contains(&p.neighbour.user_id));
    let page = councils::meeting_page(&db, None, council, MeetingId::new(meeting.get()), now).await.unwrap();
    assert_eq!(page.status, MeetingStatus::Cancelled);
    // A meeting is found under its own council only.
    let elsewhere = CouncilId::new(council.get() + 1);
    assert!(matches!(councils::meeting_page(&db, None, elsewhere, meeting, now).await, Err(CouncilError::NotFound)));
}
