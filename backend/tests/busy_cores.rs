//! A test of its own binary (so its own process): it holds every core's
//! turn for password checks, which would make the password checks of tests
//! running beside it give up.

#![expect(clippy::unwrap_used, reason = "a test fails loudly")]

use palier_backend::accounts::{self, NewAccount};
use palier_backend::auth::password;
use palier_backend::testing::fresh_database;
use palier_domain::{DisplayName, Email, Locale, Password};

fn email(text: &str) -> Email {
    Email::parse(text).unwrap()
}

/// A sign-in refused because every core was busy checking other passwords
/// (the app answers 429) costs the person none of their attempts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_refused_for_busy_cores_costs_no_attempt() {
    use palier_backend::entities::rate_limit;
    use sea_orm::EntityTrait as _;
    let db = fresh_database().await.unwrap();
    let hash = password::hash(Password::parse("une phrase de passe assez longue").unwrap()).await.unwrap();
    let account = NewAccount {
        email: email("occupe@example.org"),
        display_name: DisplayName::parse("Occupé").unwrap(),
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    accounts::insert(&db, account, &hash).await.unwrap();
    let links = palier_backend::links::Links::new("https://palier.example");
    let credentials = || accounts::Credentials {
        email: "occupe@example.org",
        password: "une phrase de passe assez longue",
        remember: false,
        user_agent: "test",
        ip: "192.0.2.7",
    };
    let every_core = password::hold_every_turn().await;
    let refused = accounts::login(&db, &links, credentials()).await;
    assert!(
        matches!(refused, Err(accounts::LoginError::Unexpected(ref e)) if e.0.downcast_ref::<password::Busy>().is_some())
    );
    let counted: i32 = rate_limit::Entity::find().all(&db).await.unwrap().iter().map(|row| row.hits).sum();
    assert_eq!(counted, 0, "the attempt was given back");
    drop(every_core);
    assert!(accounts::login(&db, &links, credentials()).await.is_ok());
}
