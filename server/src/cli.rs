//! The subcommands of `palier`.

use crate::config::Config;
use crate::startup::{Application, shutdown_signal};
use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};
use palier_backend::mail::templates::{self, Layout, SmtpTest};
use palier_backend::outbox::{self, NewEmail};
use palier_domain::{DisplayName, Email, Locale, Password};
use std::io::{BufRead as _, IsTerminal as _, Write as _};

/// Palier: the tenant participation portal.
#[derive(Debug, Parser)]
#[command(name = "palier", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a platform administrator (the password is asked on the terminal,
    /// or read from PALIER_ADMIN_PASSWORD).
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Create a demo organisation with residences, households and accounts.
    SeedDemo {
        /// Print what was created as JSON (accounts with passwords, households with codes).
        #[arg(long)]
        json: bool,
    },
    /// Send a test email through the configured transport, via the outbox.
    MailTest {
        #[arg(long)]
        to: String,
    },
    /// Import households from a CSV file into an organisation (all or nothing;
    /// importing the same file again changes nothing).
    ImportHouseholds {
        /// The organisation's short name (slug).
        #[arg(long)]
        org: String,
        /// The CSV file: residence;batiment;logement;bail[;occupants_max].
        file: std::path::PathBuf,
    },
    /// Issue new invitation codes and write the letters (one A4 page each) as
    /// one HTML file to print. The previous codes of these households stop working.
    PrintLetters {
        /// The organisation's short name (slug).
        #[arg(long)]
        org: String,
        /// The residence's name.
        #[arg(long)]
        residence: String,
        /// Letters for every household, not only those nobody joined yet.
        #[arg(long)]
        all: bool,
        /// Where to write the letters.
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&config).await,
        Command::Migrate => {
            let db = open(&config).await?;
            drop(db);
            eprintln!("The database is up to date.");
            Ok(())
        }
        Command::CreateAdmin { email, name } => create_admin(&config, &email, &name).await,
        Command::SeedDemo { json } => seed_demo(&config, json).await,
        Command::MailTest { to } => mail_test(&config, &to).await,
        Command::ImportHouseholds { org, file } => import_households(&config, &org, &file).await,
        Command::PrintLetters { org, residence, all, out } => print_letters(&config, &org, &residence, all, &out).await,
    }
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let app = Application::build(config, None).await?;
    tracing::info!(address = %app.local_addr(), public_url = %config.public_url, "Palier is listening");
    app.run_until(shutdown_signal()).await
}

async fn open(config: &Config) -> anyhow::Result<palier_backend::DatabaseConnection> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("PALIER_DATA_DIR: cannot create {}", config.data_dir.display()))?;
    }
    let db = palier_backend::db::connect(&config.database_url).await?;
    palier_backend::db::migrate(&db).await?;
    Ok(db)
}

/// The server key (created at the first start), which seals the ballots of
/// open votes and keys the invitation codes.
pub(crate) async fn server_key(
    config: &Config,
    db: &palier_backend::DatabaseConnection,
) -> anyhow::Result<palier_backend::auth::server_key::ServerKey> {
    let key = palier_backend::auth::server_key::ServerKey::load_or_create(&config.key_file, db).await?;
    let codes = palier_backend::auth::secret::CodeKey::new(&key);
    let keyed = palier_backend::auth::secret::key_stored_codes(db, &codes).await?;
    if keyed > 0 {
        tracing::info!(households = keyed, "invitation codes stored before codes were keyed are now keyed");
    }
    Ok(key)
}

async fn create_admin(config: &Config, email: &str, name: &str) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = DisplayName::parse(name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    let password = match std::env::var("PALIER_ADMIN_PASSWORD") {
        Ok(password) if !password.is_empty() => password,
        _ => ask_password()?,
    };
    let password = Password::parse(&password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let db = open(config).await?;
    let (_, created) = palier_backend::accounts::create_platform_admin(&db, email, name, password).await?;
    if created {
        eprintln!("Platform administrator created.");
    } else {
        eprintln!(
            "An account with this email already existed: it is now a platform administrator (its password is unchanged)."
        );
    }
    Ok(())
}

fn ask_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin.lock().read_line(&mut line).context("cannot read the password from standard input")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    eprint!("Password (12 to 128 characters; it is shown as you type): ");
    std::io::stderr().flush().ok();
    let mut first = String::new();
    stdin.lock().read_line(&mut first).context("cannot read the password")?;
    eprint!("Repeat the password: ");
    std::io::stderr().flush().ok();
    let mut second = String::new();
    stdin.lock().read_line(&mut second).context("cannot read the password")?;
    let (first, second) = (first.trim_end_matches(['\r', '\n']), second.trim_end_matches(['\r', '\n']));
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(first.to_owned())
}

async fn seed_demo(config: &Config, json: bool) -> anyhow::Result<()> {
    let db = open(config).await?;
    let key = server_key(config, &db).await?;
    let seal = palier_backend::consultations::voting::Seal::new(&key);
    let codes = palier_backend::auth::secret::CodeKey::new(&key);
    let report = palier_backend::seed::seed_demo(&db, &seal, &codes).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!("Demo organisation: {}", report.organisation);
    println!("\nAccounts (sign in at {}):", config.public_url);
    for account in &report.accounts {
        let home = match (&account.residence, &account.unit) {
            (Some(residence), Some(unit)) => format!(" — {residence}, {unit}"),
            _ => String::new(),
        };
        println!("  {:<15} {:<40} {}{home}", account.role, account.email, account.password);
    }
    println!("\nHouseholds nobody has joined yet, with their invitation codes:");
    for household in report.households.iter().filter(|h| h.occupants == 0).take(10) {
        println!("  {} — {} — {}", household.residence, household.unit, household.code);
    }
    println!(
        "  … and {} more (see --json)",
        report.households.iter().filter(|h| h.occupants == 0).count().saturating_sub(10)
    );
    Ok(())
}

async fn mail_test(config: &Config, to: &str) -> anyhow::Result<()> {
    let to = Email::parse(to).map_err(|e| anyhow::anyhow!("--to: {e}"))?;
    let db = open(config).await?;
    let transport = match &config.mail_transport {
        palier_backend::mail::MailTransport::Smtp(_) => "smtp",
        palier_backend::mail::MailTransport::Files(_) => "files",
        palier_backend::mail::MailTransport::Stub => "stub",
    };
    let content = templates::render(
        &SmtpTest { transport: transport.to_owned() },
        Locale::Fr,
        &Layout { public_url: &config.public_url, unsubscribe_url: None },
    )?;
    let key = format!("mail-test:{}", uuid_like());
    outbox::enqueue(
        &db,
        NewEmail { idempotency_key: key, to, content, headers: Vec::new(), sensitive: false, calendar: None },
    )
    .await?;
    let mailer = palier_backend::mail::Mailer::new(&config.mail_from, &config.mail_transport)?;
    // With the server key: the round may carry receipts waiting, sealed.
    let key = server_key(config, &db).await?;
    let worker = outbox::Worker::new(db, mailer, config.outbox.clone()).with_key(key);
    let round = worker.run_once().await?;
    if round.sent > 0 {
        eprintln!("Test email sent ({transport}).");
        Ok(())
    } else {
        bail!("the test email was not sent; the outbox will retry it (see the server logs)")
    }
}

async fn import_households(config: &Config, org: &str, file: &std::path::Path) -> anyhow::Result<()> {
    use palier_backend::import::{self, ImportError};
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let db = open(config).await?;
    let organisation = palier_backend::registry::organisation_by_slug(&db, org)
        .await?
        .with_context(|| format!("--org: no organisation has the short name '{org}'"))?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} households {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let result = import::import_households(&db, None, organisation.id, &bytes, |done, total| {
        bar.set_length(u64::try_from(total).unwrap_or(0));
        bar.set_position(u64::try_from(done).unwrap_or(0));
    })
    .await;
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            println!(
                "Imported into {}: {} created, {} updated, {} unchanged.",
                organisation.name, report.created, report.updated, report.unchanged
            );
            if !report.buildings_created.is_empty() {
                println!("New buildings: {}", report.buildings_created.join(", "));
            }
            Ok(())
        }
        Err(ImportError::Invalid(errors)) => {
            eprintln!("Nothing was imported: the file has {} problem(s).", errors.len());
            for error in &errors {
                eprintln!("  line {}: {}", error.line, error.problem);
            }
            bail!("fix the file and import it again")
        }
        Err(ImportError::Unexpected(error)) => Err(error),
    }
}

async fn print_letters(
    config: &Config,
    org: &str,
    residence: &str,
    all: bool,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    use palier_backend::registry::{self, LetterSelection};
    let db = open(config).await?;
    let organisation = registry::organisation_by_slug(&db, org)
        .await?
        .with_context(|| format!("--org: no organisation has the short name '{org}'"))?;
    let found = registry::residences_of(&db, organisation.id)
        .await?
        .into_iter()
        .find(|r| r.name.eq_ignore_ascii_case(residence.trim()))
        .with_context(|| format!("--residence: {} has no residence named '{residence}'", organisation.name))?;
    let residence = registry::residence(&db, found.id.get()).await?.context("the residence disappeared")?;
    let selection = if all { LetterSelection::All } else { LetterSelection::Unclaimed };
    let codes = palier_backend::auth::secret::CodeKey::new(&server_key(config, &db).await?);
    let letters = registry::issue_letters(&db, &codes, None, &residence, selection).await?;
    let links = palier_backend::links::Links::new(&config.public_url);
    let html = palier_backend::letters::render(&letters, &residence.name, &links.join(), None)?;
    std::fs::write(out, html).with_context(|| format!("cannot write {}", out.display()))?;
    println!("{} letter(s) written to {} — open it in a browser and print it.", letters.len(), out.display());
    Ok(())
}

fn uuid_like() -> String {
    palier_backend::auth::secret::new_token().plain[..16].to_owned()
}
