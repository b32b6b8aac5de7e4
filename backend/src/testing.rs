//! Helpers for the test suites of this workspace (never called by the
//! server): a fresh database per test, on SQLite in memory or, when
//! `TEST_DATABASE_URL` names a PostgreSQL server, in a new schema of the PostgreSQL
//! database; and a real SMTP server on loopback (Python's aiosmtpd) that
//! stores what it receives.

use anyhow::Context as _;
use sea_orm::{ConnectionTrait as _, DatabaseConnection};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `postgres` when the tests run against PostgreSQL, else `sqlite`.
pub fn backend_name() -> &'static str {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => "postgres",
        _ => "sqlite",
    }
}

/// A new, migrated, empty database of its own for one test.
pub async fn fresh_database() -> anyhow::Result<DatabaseConnection> {
    let url = fresh_database_url().await?;
    let db = crate::db::connect(&url).await?;
    crate::db::migrate(&db).await?;
    Ok(db)
}

/// The URL of a new empty database: a private in-memory SQLite database, or
/// a new schema on the PostgreSQL server of `TEST_DATABASE_URL`.
///
/// On PostgreSQL each test gets a schema of its own in the server's database,
/// named first in the connection's `search_path`, rather than a database of
/// its own: a new database copies the 7 MB template, and the ~470 tests of a
/// run filled 5 GB of disk (4 GB of copies, 1 GB of write-ahead log). A schema
/// costs only the tables the migrations create.
pub async fn fresh_database_url() -> anyhow::Result<String> {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let schema = format!("palier_test_{}", &crate::auth::secret::new_token().plain[..16]);
            let admin = crate::db::connect(&admin_url).await.context("TEST_DATABASE_URL is not reachable")?;
            admin
                .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
                .await
                .context("could not create a test schema")?;
            admin.close().await.ok();
            let separator = if admin_url.contains('?') { '&' } else { '?' };
            Ok(format!("{admin_url}{separator}options[search_path]={schema}"))
        }
        _ => Ok("sqlite::memory:".to_owned()),
    }
}

/// A private temporary directory, removed when dropped.
#[derive(Debug)]
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> anyhow::Result<Self> {
        let path = std::env::temp_dir().join(format!("{prefix}-{}", &crate::auth::secret::new_token().plain[..12]));
        std::fs::create_dir_all(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(Self(path))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An email as the SMTP server received it.
#[derive(Debug, Clone)]
pub struct ReceivedEmail {
    pub raw: String,
}

impl ReceivedEmail {
    /// The value of the first header called `name` (unfolded, not decoded).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.raw.split("\r\n\r\n").next().unwrap_or_default();
        let head = head.split("\n\n").next().unwrap_or_default();
        let mut lines = head.lines().peekable();
        while let Some(line) = lines.next() {
            if let Some((key, value)) = line.split_once(':')
                && key.eq_ignore_ascii_case(name)
            {
                let mut value = value.trim().to_owned();
                while lines.peek().is_some_and(|next| next.starts_with([' ', '\t'])) {
                    value.push(' ');
                    value.push_str(lines.next().unwrap_or_default().trim());
                }
                return Some(value);
            }
        }
        None
    }
}

/// A real SMTP server on loopback (aiosmtpd), saving each message it accepts
/// in a maildir. It can be stopped and started again on the same port, to
/// play an outage.
pub struct SmtpSink {
    child: Option<Child>,
    port: u16,
    maildir: TempDir,
}

impl SmtpSink {
    /// Starts a server on a free port.
    pub async fn start() -> anyhow::Result<Self> {
        let port = free_port()?;
        let mut sink = Self { child: None, port, maildir: TempDir::new("palier-smtp")? };
        sink.restart().await?;
        Ok(sink)
    }

    /// The URL to give the mailer.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Stops the server: connections are refused until [`Self::restart`].
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// (Re)starts the server on its port and waits until it accepts connections.
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.stop();
        let child = Command::new(python())
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{}", self.port),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(self.maildir.path().join("mail"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context(
                "cannot start aiosmtpd: run `make test` once, or set PALIER_TEST_PYTHON to a Python with aiosmtpd",
            )?;
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if tokio::net::TcpStream::connect(("127.0.0.1", self.port)).await.is_ok() {
                return Ok(());
            }
            if let Some(child) = self.child.as_mut()
                && let Ok(Some(status)) = child.try_wait()
            {
                anyhow::bail!("aiosmtpd exited at once ({status}); is it installed for {}?", python().display());
            }
            if Instant::now() > deadline {
                anyhow::bail!("aiosmtpd did not start listening on port {}", self.port);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Every message received so far. aiosmtpd's mailbox writes a message
    /// before it answers 250, so every send acknowledged is here already.
    pub fn messages(&self) -> Vec<ReceivedEmail> {
        let mut found = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.maildir.path().join("mail").join(sub)) else {
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(raw) = std::fs::read_to_string(entry.path()) {
                    found.push(ReceivedEmail { raw });
                }
            }
        }
        found
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}

fn python() -> PathBuf {
    if let Ok(python) = std::env::var("PALIER_TEST_PYTHON") {
        return PathBuf::from(python);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/venv/bin/python");
    if venv.exists() { venv } else { PathBuf::from("python3") }
}

/// A TCP port nothing listens on right now.
pub fn free_port() -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").context("cannot find a free port")?;
    Ok(listener.local_addr()?.port())
}

/// The server key of the tests of this process (random, drawn once).
pub fn server_key() -> &'static crate::auth::server_key::ServerKey {
    static KEY: std::sync::OnceLock<crate::auth::server_key::ServerKey> = std::sync::OnceLock::new();
    KEY.get_or_init(crate::auth::server_key::ServerKey::generate)
}

/// The seal the tests of this process cast and count ballots with.
pub fn seal() -> &'static crate::consultations::voting::Seal {
    static SEAL: std::sync::OnceLock<crate::consultations::voting::Seal> = std::sync::OnceLock::new();
    SEAL.get_or_init(|| crate::consultations::voting::Seal::new(server_key()))
}

/// The key the tests of this process store invitation codes under.
pub fn codes() -> &'static crate::auth::secret::CodeKey {
    static CODES: std::sync::OnceLock<crate::auth::secret::CodeKey> = std::sync::OnceLock::new();
    CODES.get_or_init(|| crate::auth::secret::CodeKey::new(server_key()))
}
