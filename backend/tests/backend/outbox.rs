use palier_backend::clock::Clock;
use palier_backend::db;
use palier_backend::entities::outbox_email;
use palier_backend::mail::templates::{Layout, SmtpTest, render};
use palier_backend::mail::{MailTransport, Mailer};
use palier_backend::outbox::{self, NewEmail, OutboxConfig, Status, Worker};
use palier_backend::testing::{SmtpSink, TempDir, backend_name, fresh_database, fresh_database_url};
use palier_domain::{Email, Locale};
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, DatabaseConnection, EntityTrait as _};
use std::collections::HashSet;
use std::time::Duration;

const FROM: &str = "Palier <palier@example.org>";

fn email(key: &str, to: &str) -> NewEmail {
    let content = render(
        &SmtpTest { transport: "smtp".into() },
        Locale::Fr,
        &Layout { public_url: "https://palier.example", unsubscribe_url: None },
    )
    .unwrap();
    NewEmail {
        idempotency_key: key.to_owned(),
        to: Email::parse(to).unwrap(),
        content,
        headers: vec![("X-Palier-Test".into(), key.to_owned())],
        sensitive: false,
        calendar: None,
    }
}

fn fast_config() -> OutboxConfig {
    OutboxConfig {
        batch_size: 50,
        lease: Duration::from_secs(60),
        max_attempts: 5,
        retry_base: Duration::from_millis(200),
        retry_max: Duration::from_secs(1),
        poll_interval: Duration::from_millis(50),
    }
}

async fn rows(db: &DatabaseConnection) -> Vec<outbox_email::Model> {
    outbox_email::Entity::find().all(db).await.unwrap()
}

// That an email queued by a service that then fails is never sent is
// tested with a real service, in `notifications.rs`
// (`a_vote_that_fails_after_its_receipt_email_was_queued_…`).

#[tokio::test]
async fn the_same_idempotency_key_is_stored_once() {
    let db = fresh_database().await.unwrap();
    assert!(outbox::enqueue(&db, email("once", "a@example.org")).await.unwrap());
    assert!(!outbox::enqueue(&db, email("once", "a@example.org")).await.unwrap());
    assert_eq!(rows(&db).await.len(), 1);
}

#[tokio::test]
async fn the_worker_delivers_over_smtp_and_marks_sent() {
    let db = fresh_database().await.unwrap();
    let sink = SmtpSink::start().await.unwrap();
    let mailer = Mailer::new(FROM, &MailTransport::Smtp(sink.url())).unwrap();
    outbox::enqueue(&db, email("deliver-1", "jeanne@example.org")).await.unwrap();
    outbox::enqueue(&db, email("deliver-2", "paul@example.org")).await.unwrap();

    let worker = Worker::new(db.clone(), mailer, fast_config());
    let round = worker.run_once().await.unwrap();
    assert_eq!(round.sent, 2);

    let received = sink.messages();
    assert_eq!(received.len(), 2);
    let to: HashSet<_> = received.iter().filter_map(|m| m.header("To")).collect();
    assert_eq!(to, HashSet::from(["jeanne@example.org".to_owned(), "paul@example.org".to_owned()]));
    let first = &received[0];
    assert!(first.header("Subject").unwrap().contains("Palier"));
    assert!(first.header("Message-ID").unwrap().ends_with("@example.org>"));
    assert!(first.header("X-Palier-Test").is_some());
    assert!(first.raw.contains("multipart/alternative"));

    for row in rows(&db).await {
        assert_eq!(row.status, Status::Sent.as_str());
        assert_eq!(row.attempts, 1);
        assert!(row.sent_at.is_some());
    }
    // Nothing is due any more: a second round sends nothing.
    assert_eq!(worker.run_once().await.unwrap().claimed(), 0);
    assert_eq!(sink.messages().len(), 2);
}

#[tokio::test]
async fn emails_wait_while_the_smtp_server_is_down_and_arrive_once_after() {
    let db = fresh_database().await.unwrap();
    let mut sink = SmtpSink::start().await.unwrap();
    let mailer = Mailer::new(FROM, &MailTransport::Smtp(sink.url())).unwrap();
    sink.stop();
    for n in 0..5 {
        outbox::enqueue(&db, email(&format!("outage-{n}"), &format!("tenant{n}@example.org"))).await.unwrap();
    }
    let clock = Clock::system();
    let worker = Worker::new(db.clone(), mailer, fast_config()).with_clock(clock.clone());
    let round = worker.run_once().await.unwrap();
    assert_eq!(round.retried, 5);
    for row in rows(&db).await {
        assert_eq!(row.status, Status::Pending.as_str());
        assert_eq!(row.attempts, 1);
        assert!(row.last_error.is_some());
        assert!(row.locked_until.is_none());
    }
    // Not due yet: the backoff holds them.
    assert_eq!(worker.run_once().await.unwrap().claimed(), 0);

    sink.restart().await.unwrap();
    // Past the backoff, one round sends them all.
    clock.advance(chrono::Duration::seconds(1));
    assert_eq!(worker.run_once().await.unwrap().sent, 5);
    // Later rounds must not send anything twice.
    clock.advance(chrono::Duration::minutes(10));
    assert_eq!(worker.run_once().await.unwrap().claimed(), 0);

    assert_eq!(sink.messages().len(), 5);
    let ids: HashSet<_> = sink.messages().iter().filter_map(|m| m.header("Message-ID")).collect();
    assert_eq!(ids.len(), 5);
    for row in rows(&db).await {
        assert_eq!(row.status, Status::Sent.as_str());
        assert_eq!(row.attempts, 2);
    }
}

#[tokio::test]
async fn too_many_failures_end_in_the_visible_failed_state() {
    let db = fresh_database().await.unwrap();
    let mut sink = SmtpSink::start().await.unwrap();
    let mailer = Mailer::new(FROM, &MailTransport::Smtp(sink.url())).unwrap();
    sink.stop();
    outbox::enqueue(&db, email("doomed", "a@example.org")).await.unwrap();
    // A ballot receipt that never leaves keeps no secret either.
    outbox::enqueue(&db, NewEmail { sensitive: true, ..email("doomed-receipt", "b@example.org") }).await.unwrap();
    let config = OutboxConfig { max_attempts: 3, retry_base: Duration::from_millis(1), ..fast_config() };
    let clock = Clock::system();
    let worker = Worker::new(db.clone(), mailer, config).with_clock(clock.clone());
    let mut failed = 0;
    for _ in 0..10 {
        failed += worker.run_once().await.unwrap().failed;
        clock.advance(chrono::Duration::seconds(2));
    }
    assert_eq!(failed, 2);
    let mut all = rows(&db).await;
    all.sort_by_key(|row| row.id);
    let receipt = all.remove(1);
    let row = all.remove(0);
    assert_eq!(row.status, Status::Failed.as_str());
    assert_eq!(row.attempts, 3);
    assert!(row.text_body.contains("Palier"), "an ordinary email is kept to be looked at");
    assert_eq!(receipt.status, Status::Failed.as_str());
    assert_eq!(
        (receipt.subject.as_str(), receipt.text_body.as_str(), receipt.html_body.as_str()),
        ("[erased]", "[erased]", "[erased]")
    );
    assert_eq!(outbox::counts(&db).await.unwrap().failed, 2);
}

#[tokio::test]
async fn a_permanent_failure_is_not_retried() {
    let db = fresh_database().await.unwrap();
    let (mailer, mailbox) = Mailer::stub(FROM).unwrap();
    outbox::enqueue(&db, email("bad-recipient", "a@example.org")).await.unwrap();
    // Corrupt the stored recipient, as a row written by an older version might be.
    let mut row: outbox_email::ActiveModel = rows(&db).await.remove(0).into();
    row.recipient = Set("not an address".into());
    row.update(&db).await.unwrap();

    let worker = Worker::new(db.clone(), mailer, fast_config());
    assert_eq!(worker.run_once().await.unwrap().failed, 1);
    assert!(mailbox.messages().is_empty());
    assert_eq!(rows(&db).await[0].attempts, 1);
}

#[tokio::test]
async fn two_workers_never_send_the_same_row() {
    // Two workers with their own connection pools on one database, like two
    // server processes: a PostgreSQL database, or a SQLite file.
    let dir = TempDir::new("palier-race").unwrap();
    let url = match backend_name() {
        "postgres" => fresh_database_url().await.unwrap(),
        _ => format!("sqlite://{}?mode=rwc", dir.path().join("race.db").display()),
    };
    let db_a = db::connect(&url).await.unwrap();
    db::migrate(&db_a).await.unwrap();
    let db_b = db::connect(&url).await.unwrap();

    let sink = SmtpSink::start().await.unwrap();
    let total = 120;
    for n in 0..total {
        outbox::enqueue(&db_a, email(&format!("race-{n}"), &format!("t{n}@example.org"))).await.unwrap();
    }
    let config = OutboxConfig { batch_size: 10, ..fast_config() };
    let a = Worker::new(db_a, Mailer::new(FROM, &MailTransport::Smtp(sink.url())).unwrap(), config.clone());
    let b = Worker::new(db_b, Mailer::new(FROM, &MailTransport::Smtp(sink.url())).unwrap(), config);
    let drain = |worker: Worker| async move {
        let mut sent = 0;
        loop {
            let round = worker.run_once().await.unwrap();
            if round.claimed() == 0 {
                return sent;
            }
            sent += round.sent;
        }
    };
    let (sent_a, sent_b) = tokio::join!(tokio::spawn(drain(a)), tokio::spawn(drain(b)));
    let (sent_a, sent_b) = (sent_a.unwrap(), sent_b.unwrap());
    assert_eq!(sent_a + sent_b, total);
    assert!(sent_a > 0 && sent_b > 0, "one worker did everything ({sent_a}/{sent_b}): no race was tested");

    let received = sink.messages();
    assert_eq!(received.len(), total);
    let keys: HashSet<_> = received.iter().filter_map(|m| m.header("X-Palier-Test")).collect();
    assert_eq!(keys.len(), total, "some email was sent twice");
}

/// A sealed email (a receipt) opens only with the server key: a worker
/// without it fails the email for good, and its sealed text is erased too.
#[tokio::test]
async fn a_sealed_email_needs_the_server_key() {
    let db = fresh_database().await.unwrap();
    let content = email("sealed", "c@example.org").content;
    let sealed = outbox::sealed(palier_backend::testing::server_key(), content.clone()).unwrap();
    assert!(sealed.text.starts_with("sealed:") && !sealed.text.contains(&content.text[..20]));
    outbox::enqueue(&db, NewEmail { content: sealed, sensitive: true, ..email("sealed", "c@example.org") })
        .await
        .unwrap();
    let (mailer, mailbox) = Mailer::stub(FROM).unwrap();
    let keyless = Worker::new(db.clone(), mailer.clone(), fast_config());
    assert_eq!(keyless.run_once().await.unwrap().failed, 1);
    assert!(mailbox.messages().is_empty());
    let row = outbox_email::Entity::find().one(&db).await.unwrap().unwrap();
    assert_eq!(row.status, "failed");
    assert!(!row.text_body.starts_with("sealed:"), "erased");

    outbox::enqueue(
        &db,
        NewEmail {
            content: outbox::sealed(palier_backend::testing::server_key(), content.clone()).unwrap(),
            sensitive: true,
            ..email("sealed-2", "d@example.org")
        },
    )
    .await
    .unwrap();
    let worker = Worker::new(db.clone(), mailer, fast_config()).with_key(palier_backend::testing::server_key().clone());
    assert_eq!(worker.run_once().await.unwrap().sent, 1);
    assert_eq!(mailbox.messages()[0].text, content.text);
    assert_eq!(mailbox.messages()[0].subject, content.subject);
}
