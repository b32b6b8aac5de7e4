use palier_backend::db;
use palier_backend::testing::{TempDir, fresh_database};
use sea_orm::{ConnectionTrait as _, Statement};

#[tokio::test]
async fn migrations_apply_and_are_idempotent() {
    let db = fresh_database().await.unwrap();
    // A second run on a migrated database changes nothing and succeeds.
    db::migrate(&db).await.unwrap();
    assert!(db::ping(&db).await);
}

#[tokio::test]
async fn a_sqlite_file_is_created_and_tuned_for_a_web_server() {
    let dir = TempDir::new("palier-db").unwrap();
    let path = dir.path().join("nested").join("palier.db");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let url = format!("sqlite://{}?mode=rwc", path.display());
    let db = db::connect(&url).await.unwrap();
    db::migrate(&db).await.unwrap();
    assert!(path.exists());

    let pragma = |name: &'static str| {
        let db = db.clone();
        async move {
            let row = db
                .query_one(Statement::from_string(db.get_database_backend(), format!("PRAGMA {name}")))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
                .unwrap()
        }
    };
    assert_eq!(pragma("journal_mode").await, "wal");
    assert_eq!(pragma("foreign_keys").await, "1");
    assert_eq!(pragma("synchronous").await, "1"); // NORMAL
    assert_eq!(pragma("busy_timeout").await, "5000");

    // A second start on the existing file is fast: nothing left to migrate.
    drop(db);
    let started = std::time::Instant::now();
    let db = db::connect(&url).await.unwrap();
    db::migrate(&db).await.unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "restart took {:?}", started.elapsed());
}

#[tokio::test]
async fn foreign_keys_are_enforced() {
    let db = fresh_database().await.unwrap();
    let result = db
        .execute_unprepared(
            "INSERT INTO residences (organisation_id, name, address, postcode, city, created_at) \
             VALUES (999999, 'Nowhere', '', '', '', '2026-01-01T00:00:00+00:00')",
        )
        .await;
    assert!(result.is_err(), "a residence of a missing organisation was stored");
}
