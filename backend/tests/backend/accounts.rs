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
