//! The `palier` binary's subcommands, run as a person would run them.

use palier_backend::testing::{TempDir, fresh_database_url};
use std::process::{Command, Output};

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
        command.output().unwrap()
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
    std::fs::write(&key_file, format!("{}\n", "ab".repeat(32))).unwrap();
    let output = palier.run(&["seed-demo"], &[]);
    assert!(stderr(&output).contains("is not the key this database was used with"), "{}", stderr(&output));
    std::fs::write(&key_file, "not a key").unwrap();
    let output = palier.run(&["seed-demo"], &[]);
    assert!(stderr(&output).contains("does not hold a Palier key"), "{}", stderr(&output));

    // The right one back: it starts (and finds the demo already there).
    std::fs::write(&key_file, &key).unwrap();
    let output = palier.run(&["seed-demo"], &[]);
    assert!(!stderr(&output).contains("PALIER_KEY_FILE"), "{}", stderr(&output));
}
