//! The `palier` binary's subcommands, run as a person would run them.

use palier_backend::testing::{TempDir, fresh_database_url};
use std::process::{Child, Command, Output, Stdio};

struct Palier {
    dir: TempDir,
    database_url: String,
}

impl Palier {
    async fn new() -> Self {
        let dir = TempDir::new("palier-cli").unwrap();
        // Each run is its own process: SQLite needs a file, not memory.
        let database_url = match palier_backend::testing::backend_name() {
            "postgres" => fresh_database_url().await.unwrap(),
            _ => format!("sqlite://{}?mode=rwc", dir.path().join("palier.db").display()),
        };
        Self { dir, database_url }
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(args, env).output().unwrap()
    }

    /// Starts `palier` with `args` in the background.
    fn spawn(&self, args: &[&str], env: &[(&str, &str)]) -> Child {
        self.command(args, env).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap()
    }

    fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_palier"));
        command
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("PALIER_DATA_DIR", self.dir.path())
            .env("PALIER_DATABASE_URL", &self.database_url)
            .env("PALIER_LOG", "error");
        for (key, value) in env {
            command.env(key, value);
        }
        command
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_demo_prints_working_credentials_once() {
    let palier = Palier::new().await;
    let output = palier.run(&["seed-demo", "--json"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let accounts = report["accounts"].as_array().unwrap();
    let households = report["households"].as_array().unwrap();
    assert_eq!(households.len(), 40);
    for role in ["platform_admin", "org_admin", "staff", "tenant"] {
        assert!(accounts.iter().any(|a| a["role"] == role), "no {role}");
    }
    for account in accounts {
        assert!(account["email"].as_str().unwrap().contains('@'));
        assert!(account["password"].as_str().unwrap().len() >= 12);
    }
    for household in households {
        assert!(palier_domain::InvitationCode::parse(household["code"].as_str().unwrap()).is_ok());
        assert!(household["residence"].is_string() && household["unit"].is_string());
    }
    let again = palier.run(&["seed-demo", "--json"], &[]);
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_admin_reads_the_password_from_the_environment_and_checks_input() {
    let palier = Palier::new().await;
    let output = palier.run(
        &["create-admin", "--email", "root@example.org", "--name", "Racine"],
        &[("PALIER_ADMIN_PASSWORD", "une phrase pour la racine")],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("Platform administrator created"));
    let output = palier
        .run(&["create-admin", "--email", "pas-un-email", "--name", "X"], &[("PALIER_ADMIN_PASSWORD", "une phrase")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--email"));
    let output =
        palier.run(&["create-admin", "--email", "a@example.org", "--name", "X"], &[("PALIER_ADMIN_PASSWORD", "court")]);
    assert!(stderr(&output).contains("password"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_settings_stop_palier_with_their_name() {
    let palier = Palier::new().await;
    let output = palier.run(&["migrate"], &[("PALIER_ADDR", "partout")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("PALIER_ADDR"), "{}", stderr(&output));
    let output = palier.run(&["migrate"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn households_are_imported_and_letters_printed_from_the_terminal() {
    let palier = Palier::new().await;
    assert!(palier.run(&["seed-demo"], &[]).status.success());
    let csv = palier.dir.path().join("logements.csv");
    std::fs::write(&csv, "residence;batiment;logement;bail\nRésidence Le Parc;Bâtiment 3;Logement 301;PAR-301\nRésidence Le Parc;Bâtiment 3;Logement 302;PAR-302\n").unwrap();
    let output = palier.run(&["import-households", "--org", "habitat-exemple", csv.to_str().unwrap()], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("2 created, 0 updated, 0 unchanged"), "{}", stdout(&output));
    assert!(stdout(&output).contains("Bâtiment 3"));
    let output = palier.run(&["import-households", "--org", "habitat-exemple", csv.to_str().unwrap()], &[]);
    assert!(stdout(&output).contains("0 created, 0 updated, 2 unchanged"));

    std::fs::write(&csv, "residence;logement;bail\nNulle Part;Logement 1;X-1\n").unwrap();
    let output = palier.run(&["import-households", "--org", "habitat-exemple", csv.to_str().unwrap()], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 2: no residence is named 'Nulle Part'"), "{}", stderr(&output));

    let letters = palier.dir.path().join("lettres.html");
    let output = palier.run(
        &[
            "print-letters",
            "--org",
            "habitat-exemple",
            "--residence",
            "résidence le parc",
            "--out",
            letters.to_str().unwrap(),
        ],
        &[],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(&letters).unwrap();
    // Le Parc: 16 demo households, 2 joined by demo tenants, plus the 2 imported.
    assert_eq!(html.matches("<section class=\"letter\">").count(), 16);
    // The neighbouring landlord's residence is not the demo landlord's.
    let output = palier.run(
        &[
            "print-letters",
            "--org",
            "habitat-exemple",
            "--residence",
            "Résidence Les Cèdres",
            "--out",
            letters.to_str().unwrap(),
        ],
        &[],
    );
    assert!(!output.status.success());
    assert!(html.contains("Logement 301"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_key_is_made_once_outside_the_database_and_a_wrong_one_stops_palier() {
    let palier = Palier::new().await;
    let output = palier.run(&["seed-demo", "--json"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let key_file = palier.dir.path().join("palier.key");
    let key = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(key.trim().len(), 64, "256 bits, in hexadecimal");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // The database does not hold it.
    if palier_backend::testing::backend_name() == "sqlite" {
        let database = std::fs::read(palier.dir.path().join("palier.db")).unwrap();
        assert!(!database.windows(64).any(|w| w == key.trim().as_bytes()));
    }

    // Without it, or with another one, Palier refuses to start rather than
    // lose the ballots sealed under it.
    std::fs::remove_file(&key_file).unwrap();
    let output = palier.run(&["seed-demo"], &[]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("PALIER_KEY_FILE") && stderr(&output).contains("missing"), "{}", stderr(&output));
    assert!(!key_file.exists(), "no new key is made for a database that had one");
    let write_key = |text: &str| {
        std::fs::write(&key_file, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    };
    write_key(&format!("{}\n", "ab".repeat(32)));
    let output = palier.run(&["seed-demo"], &[]);
    assert!(stderr(&output).contains("is not the key this database was used with"), "{}", stderr(&output));
    write_key("not a key");
    let output = palier.run(&["seed-demo"], &[]);
    assert!(stderr(&output).contains("does not hold a Palier key"), "{}", stderr(&output));
    // A key others can read is refused.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        write_key(&key);
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let output = palier.run(&["seed-demo"], &[]);
        assert!(stderr(&output).contains("can be read by others"), "{}", stderr(&output));
    }

    // The right one back: it starts (and finds the demo already there).
    write_key(&key);
    let output = palier.run(&["seed-demo"], &[]);
    assert!(!stderr(&output).contains("PALIER_KEY_FILE"), "{}", stderr(&output));
}

/// `kill -9` of a server while ballots pour in: after a restart, every ballot
/// it acknowledged is counted, no unit is half-recorded (a register row
/// without its ballot, or the reverse), and the receipt emails that were
/// waiting are sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_while_ballots_pour_in_loses_none_it_acknowledged() {
    use palier_backend::consultations::{lifecycle, voting::Seal};
    use palier_backend::entities::{ballot, participation};
    use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};
    use std::sync::atomic::{AtomicUsize, Ordering};

    let palier = Palier::new().await;
    let db = palier_backend::db::connect(&palier.database_url).await.unwrap();
    palier_backend::db::migrate(&db).await.unwrap();
    let key_file = palier.dir.path().join("palier.key");
    let key = palier_backend::auth::server_key::ServerKey::load_or_create(&key_file, &db).await.unwrap();
    let seal = Seal::new(&key);

    // Forty homes, a tenant of each signed in, and an open vote.
    let crate::helpers::Vote { id, tokens, field, option, .. } = crate::helpers::open_vote(&db, &seal, 40).await;

    // A stand-in for the compiled site: the server needs one to start.
    let site = palier.dir.path().join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/palier.js"), "export default function init() {}\n").unwrap();
    let port = palier_backend::testing::free_port().unwrap();
    let address = format!("http://127.0.0.1:{port}");
    let env = [("PALIER_ADDR", format!("127.0.0.1:{port}")), ("LEPTOS_SITE_ROOT", site.display().to_string())];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let client = reqwest::Client::new();
    let started = |client: reqwest::Client, address: String| async move {
        for _ in 0..300 {
            if client.get(format!("{address}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("palier serve did not start");
    };
    let mut server = palier.spawn(&["serve"], &env);
    started(client.clone(), address.clone()).await;

    // Four voters at a time; the server is killed once fifteen were told
    // their ballot counted, with others on their way.
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let told = std::sync::Arc::new(AtomicUsize::new(0));
    let mut voters = tokio::task::JoinSet::new();
    for worker in 0..4 {
        let tokens: Vec<String> = tokens.iter().skip(worker).step_by(4).cloned().collect();
        let (client, address, field, option) = (client.clone(), address.clone(), field.clone(), option.clone());
        let (acknowledged, told) = (acknowledged.clone(), told.clone());
        voters.spawn(async move {
            for token in tokens {
                let response = client
                    .post(format!("{address}/api/consultations/cast_ballot"))
                    .header("origin", &address)
                    .header("accept", "application/json")
                    .header("cookie", format!("palier_session={token}"))
                    .form(&[("consultation_id".to_owned(), id.to_string()), (field.clone(), option.clone())])
                    .send()
                    .await;
                let Ok(response) = response else { return };
                let receipt = response.headers().get_all("set-cookie").iter().find_map(|cookie| {
                    let cookie = cookie.to_str().ok()?;
                    let rest = cookie.strip_prefix(&format!("palier_receipt_{id}="))?;
                    Some(rest.split(';').next()?.to_owned())
                });
                if let Some(receipt) = receipt {
                    acknowledged.lock().unwrap().push(receipt);
                    told.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while told.load(Ordering::SeqCst) < 15 {
        assert!(std::time::Instant::now() < deadline, "fifteen ballots were not acknowledged within a minute");
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    while voters.join_next().await.is_some() {}
    let acknowledged = acknowledged.lock().unwrap().clone();

    // Restarted, the server sends what the outbox held; the vote closes.
    let mut server = palier.spawn(&["serve"], &env);
    started(client.clone(), address.clone()).await;
    let registered = participation::Entity::find().filter(participation::Column::ConsultationId.eq(id));
    let registered = registered.count(&db).await.unwrap();
    assert!(registered as usize >= acknowledged.len(), "{registered} registered, {} acknowledged", acknowledged.len());
    palier_backend::entities::consultation::Entity::update_many()
        .col_expr(
            palier_backend::entities::consultation::Column::ClosesAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(palier_backend::entities::consultation::Column::Id.eq(id))
        .exec(&db)
        .await
        .unwrap();
    lifecycle::advance(&db, &seal, id, chrono::Utc::now()).await.unwrap();
    let receipts: Vec<String> = ballot::Entity::find()
        .filter(ballot::Column::ConsultationId.eq(id))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|b| b.receipt)
        .collect();
    assert_eq!(receipts.len() as u64, registered, "one ballot per register row, no more, no less");
    for receipt in &acknowledged {
        assert!(receipts.contains(receipt), "acknowledged ballot {receipt} is counted");
    }

    // Every acknowledged voter's receipt email arrives (the file transport's
    // `.eml` files): those the killed server had claimed once its claims'
    // lease (five minutes) is over, which the test moves past.
    palier_backend::entities::outbox_email::Entity::update_many()
        .col_expr(
            palier_backend::entities::outbox_email::Column::LockedUntil,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(palier_backend::entities::outbox_email::Column::Status.eq("pending"))
        .filter(palier_backend::entities::outbox_email::Column::LockedUntil.is_not_null())
        .exec(&db)
        .await
        .unwrap();
    let outbox = palier.dir.path().join("outbox");
    let mut missing = acknowledged.clone();
    for _ in 0..300 {
        let mut mail = String::new();
        for entry in std::fs::read_dir(&outbox).into_iter().flatten().flatten() {
            mail.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default().replace("=\r\n", ""));
        }
        missing.retain(|receipt| !mail.contains(receipt.as_str()));
        if missing.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(missing.is_empty(), "receipt emails never sent: {missing:?}");
    server.kill().unwrap();
    server.wait().unwrap();
}
