use palier_backend::accounts::{self, CreateAccountError, NewAccount};
use palier_backend::auth::password;
use palier_backend::testing::fresh_database;
use palier_domain::{DisplayName, Email, Locale, Password};

fn email(text: &str) -> Email {
    Email::parse(text).unwrap()
}

#[tokio::test]
async fn create_admin_creates_then_promotes() {
    let db = fresh_database().await.unwrap();
    let (admin, created) = accounts::create_platform_admin(
        &db,
        email("Admin@Example.org"),
        DisplayName::parse("Admin").unwrap(),
        Password::parse("correct horse battery staple").unwrap(),
    )
    .await
    .unwrap();
    assert!(created);
    assert!(admin.is_platform_admin);
    assert_eq!(admin.email.as_deref(), Some("admin@example.org"));
    assert!(admin.email_verified_at.is_some());
    assert!(password::verify("correct horse battery staple".into(), admin.password_hash.clone()).await.unwrap());

    // An existing tenant account is promoted and keeps its password.
    let hash = password::hash(Password::parse("tenant password 123").unwrap()).await.unwrap();
    let tenant = accounts::insert(
        &db,
        NewAccount {
            email: email("tenant@example.org"),
            display_name: DisplayName::parse("Tenant").unwrap(),
            locale: Locale::Fr,
            email_verified: false,
            platform_admin: false,
        },
        &hash,
    )
    .await
    .unwrap();
    let (promoted, created) = accounts::create_platform_admin(
        &db,
        email("tenant@example.org"),
        DisplayName::parse("Ignored").unwrap(),
        Password::parse("another password 456").unwrap(),
    )
    .await
    .unwrap();
    assert!(!created);
    assert_eq!(promoted.id, tenant.id);
    assert!(promoted.is_platform_admin);
    assert!(password::verify("tenant password 123".into(), promoted.password_hash).await.unwrap());
}

#[tokio::test]
async fn one_email_one_account_by_constraint() {
    let db = fresh_database().await.unwrap();
    let hash = password::hash(Password::parse("a long enough password").unwrap()).await.unwrap();
    let new = || NewAccount {
        email: email("same@example.org"),
        display_name: DisplayName::parse("Same").unwrap(),
        locale: Locale::En,
        email_verified: false,
        platform_admin: false,
    };
    accounts::insert(&db, new(), &hash).await.unwrap();
    let second = accounts::insert(&db, new(), &hash).await;
    assert!(matches!(second, Err(CreateAccountError::EmailTaken)), "{second:?}");
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
