use palier_backend::db;
use palier_backend::testing::{TempDir, fresh_database};
use sea_orm::{ConnectionTrait as _, Statement, TransactionTrait as _};

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
    // Checkpoints are the server's job; connections only step in past 64 MiB.
    assert_eq!(pragma("wal_autocheckpoint").await, "16384");

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

#[tokio::test]
async fn a_checkpoint_copies_the_wal_into_the_database_file_and_the_wal_starts_over() {
    let dir = TempDir::new("palier-checkpoint").unwrap();
    let path = dir.path().join("palier.db");
    let db = db::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.unwrap();
    db.execute_unprepared("CREATE TABLE pages (body BLOB NOT NULL)").await.unwrap();
    let write = |rows: u32| {
        let db = db.clone();
        async move {
            // One 4 KiB row per page, in one transaction.
            let sql = format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) \
                 INSERT INTO pages SELECT randomblob(4000) FROM n"
            );
            db.execute_unprepared(&sql).await.unwrap();
        }
    };
    let size = |name: &str| std::fs::metadata(dir.path().join(name)).map(|m| m.len()).unwrap_or(0);

    // A WAL is copied back into the database file.
    write(100).await;
    let before = size("palier.db");
    let pages = db::checkpoint(&db).await.unwrap();
    assert!(pages >= 100, "{pages} pages in the WAL");
    assert!(size("palier.db") >= before + 100 * 4000, "the rows did not reach the database file");

    // A large WAL starts over even when a reader holds it while the
    // checkpoint runs (as readers always do on a busy server): the copy
    // without waiting cannot reach the frames written after the reader's
    // snapshot, so only the RESTART that waits for the reader lets the next
    // write begin the WAL again rather than append to it.
    write(3000).await;
    let reader = db.begin().await.unwrap();
    reader.execute_unprepared("SELECT count(*) FROM pages").await.unwrap();
    write(10).await;
    let release = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        reader.commit().await.unwrap();
    });
    let grown = db::checkpoint(&db).await.unwrap();
    release.await.unwrap();
    assert!(grown > 3000, "{grown} pages in the WAL");
    write(10).await;
    let after = db::checkpoint(&db).await.unwrap();
    assert!(after < 100, "the WAL was not started over: {after} pages");
}
