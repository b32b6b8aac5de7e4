//! Configuration: environment variables, optionally a TOML file named by
//! `PALIER_CONFIG`, then defaults. Everything is validated at start-up, and a
//! bad value stops the program with a message naming the setting.

use crate::http::client_addr::{ForwardedHeader, TrustedProxies};
use anyhow::{Context as _, bail};
use palier_backend::mail::{MailTransport, redact_password};
use palier_backend::outbox::OutboxConfig;
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The settings `palier` runs with. Its `Debug` hides the passwords of
/// the database and SMTP URLs.
#[derive(Clone)]
pub struct Config {
    /// Where to listen (`PALIER_ADDR`, default `127.0.0.1:3000`).
    pub addr: SocketAddr,
    /// The address people use, in email links (`PALIER_PUBLIC_URL`, default `http://<addr>`).
    pub public_url: String,
    /// Where the SQLite file and the `.eml` outbox go (`PALIER_DATA_DIR`, default `./data`).
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…` (`PALIER_DATABASE_URL`, default `<data dir>/palier.db`).
    pub database_url: String,
    /// The server key, which seals the ballots of open votes (`PALIER_KEY_FILE`,
    /// default `<data dir>/palier.key`; created at first start). Never in the
    /// database: back it up with it, and give every server of a site the same one.
    pub key_file: PathBuf,
    /// Where photos and other attachments are kept (`PALIER_ATTACHMENTS_DIR`,
    /// default `<data dir>/attachments`). Back it up with the database.
    pub attachments_dir: PathBuf,
    /// SMTP when `PALIER_SMTP_URL` is set, else `.eml` files under `<data dir>/outbox/`.
    pub mail_transport: MailTransport,
    /// The sender of every email (`PALIER_MAIL_FROM`).
    pub mail_from: String,
    /// The compiled site (wasm, JS, CSS) from cargo-leptos (`LEPTOS_SITE_ROOT`, default `target/site`).
    pub site_root: PathBuf,
    /// How the email outbox worker paces itself.
    pub outbox: OutboxConfig,
    /// The hour of the daily notification digest, Paris time (`PALIER_DIGEST_HOUR`, default 7).
    pub digest_hour: u32,
    /// The reverse proxies whose forwarding header names the client
    /// (`PALIER_TRUSTED_PROXIES`, addresses or CIDR ranges; none by default),
    /// and that header (`PALIER_FORWARDED_HEADER`: `x-forwarded-for` or `forwarded`).
    pub trusted_proxies: TrustedProxies,
    /// The fewest ballots by which live results and turnout move while a vote
    /// is open, and the smallest group whose turnout is shown
    /// (`PALIER_SECRECY_K`, at least and by default 5).
    pub secrecy_k: u64,
}

/// The keys a config file may set; environment variables win over it.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    addr: Option<String>,
    public_url: Option<String>,
    data_dir: Option<String>,
    database_url: Option<String>,
    key_file: Option<String>,
    attachments_dir: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    site_root: Option<String>,
    outbox_retry_base_seconds: Option<u64>,
    digest_hour: Option<u32>,
    trusted_proxies: Option<String>,
    forwarded_header: Option<String>,
    secrecy_k: Option<u64>,
}

impl Config {
    /// Reads the process environment (and the file `PALIER_CONFIG` names).
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_vars(&std::env::vars().collect())
    }

    /// Reads settings from `vars`, as if they were the environment.
    pub fn from_vars(vars: &HashMap<String, String>) -> anyhow::Result<Self> {
        let file = match vars.get("PALIER_CONFIG").filter(|p| !p.is_empty()) {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("PALIER_CONFIG: cannot read the file {path}"))?;
                toml::from_str::<FileConfig>(&text).with_context(|| format!("PALIER_CONFIG: {path} is not valid"))?
            }
            None => FileConfig::default(),
        };
        let get = |env: &str, from_file: &Option<String>| -> Option<String> {
            vars.get(env).filter(|v| !v.trim().is_empty()).cloned().or_else(|| from_file.clone())
        };

        let addr_text = get("PALIER_ADDR", &file.addr).unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let addr: SocketAddr = addr_text
            .trim()
            .parse()
            .with_context(|| format!("PALIER_ADDR: '{addr_text}' is not an address like 127.0.0.1:3000"))?;

        let public_url = get("PALIER_PUBLIC_URL", &file.public_url).unwrap_or_else(|| format!("http://{addr}"));
        let public_url = public_url.trim().trim_end_matches('/').to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) || public_url.contains(' ') {
            bail!("PALIER_PUBLIC_URL: '{public_url}' must be an http:// or https:// address");
        }

        let data_dir = PathBuf::from(get("PALIER_DATA_DIR", &file.data_dir).unwrap_or_else(|| "./data".to_owned()));

        let database_url = match get("PALIER_DATABASE_URL", &file.database_url) {
            Some(url) => {
                let url = url.trim().to_owned();
                if !(url.starts_with("sqlite:") || url.starts_with("postgres://") || url.starts_with("postgresql://")) {
                    bail!("PALIER_DATABASE_URL: must start with sqlite: or postgres://");
                }
                url
            }
            None => format!("sqlite://{}?mode=rwc", data_dir.join("palier.db").display()),
        };

        let key_file = match get("PALIER_KEY_FILE", &file.key_file) {
            Some(path) => PathBuf::from(path.trim()),
            None => data_dir.join("palier.key"),
        };

        let attachments_dir = match get("PALIER_ATTACHMENTS_DIR", &file.attachments_dir) {
            Some(path) => PathBuf::from(path.trim()),
            None => data_dir.join("attachments"),
        };

        let mail_transport = match get("PALIER_SMTP_URL", &file.smtp_url) {
            Some(url) => {
                let url = url.trim().to_owned();
                if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
                    bail!("PALIER_SMTP_URL: must start with smtp:// or smtps://");
                }
                MailTransport::Smtp(url)
            }
            None => MailTransport::Files(data_dir.join("outbox")),
        };

        let mail_from = get("PALIER_MAIL_FROM", &file.mail_from)
            .unwrap_or_else(|| "Palier <palier@localhost.localdomain>".to_owned());
        if !palier_backend::mail::is_valid_sender(&mail_from) {
            bail!("PALIER_MAIL_FROM: '{mail_from}' is not an address like 'Palier <palier@example.org>'");
        }

        let site_root =
            PathBuf::from(get("LEPTOS_SITE_ROOT", &file.site_root).unwrap_or_else(|| "target/site".to_owned()));

        let mut outbox = OutboxConfig::default();
        let retry_base = match vars.get("PALIER_OUTBOX_RETRY_BASE_SECONDS") {
            Some(text) => Some(text.trim().parse::<u64>().with_context(|| {
                format!("PALIER_OUTBOX_RETRY_BASE_SECONDS: '{text}' is not a whole number of seconds")
            })?),
            None => file.outbox_retry_base_seconds,
        };
        if let Some(seconds) = retry_base {
            if seconds == 0 {
                bail!("PALIER_OUTBOX_RETRY_BASE_SECONDS: must be at least 1");
            }
            outbox.retry_base = Duration::from_secs(seconds);
            outbox.poll_interval = outbox.poll_interval.min(Duration::from_secs(seconds));
        }

        let digest_hour = match vars.get("PALIER_DIGEST_HOUR") {
            Some(text) => text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|h| *h < 24)
                .with_context(|| format!("PALIER_DIGEST_HOUR: '{text}' is not an hour from 0 to 23"))?,
            None => match file.digest_hour {
                Some(hour) if hour >= 24 => bail!("digest_hour: {hour} is not an hour from 0 to 23"),
                Some(hour) => hour,
                None => 7,
            },
        };

        let header = match get("PALIER_FORWARDED_HEADER", &file.forwarded_header) {
            Some(text) => text.parse::<ForwardedHeader>().map_err(|()| {
                anyhow::anyhow!("PALIER_FORWARDED_HEADER: '{text}' is neither x-forwarded-for nor forwarded")
            })?,
            None => ForwardedHeader::default(),
        };
        let trusted_proxies =
            TrustedProxies::parse(&get("PALIER_TRUSTED_PROXIES", &file.trusted_proxies).unwrap_or_default(), header)
                .map_err(|entry| {
                    anyhow::anyhow!("PALIER_TRUSTED_PROXIES: '{entry}' is not an address or a range like 10.0.0.0/8")
                })?;

        let minimum = palier_backend::consultations::results::SECRECY_K;
        let secrecy_k =
            match vars.get("PALIER_SECRECY_K").filter(|v| !v.trim().is_empty()) {
                Some(text) => text.trim().parse::<u64>().ok().filter(|k| *k >= minimum).with_context(|| {
                    format!("PALIER_SECRECY_K: '{text}' is not a whole number of at least {minimum}")
                })?,
                None => match file.secrecy_k {
                    Some(k) if k < minimum => bail!("secrecy_k: {k} is less than {minimum}"),
                    Some(k) => k,
                    None => minimum,
                },
            };

        Ok(Self {
            addr,
            public_url,
            data_dir,
            database_url,
            key_file,
            attachments_dir,
            mail_transport,
            mail_from,
            site_root,
            outbox,
            digest_hour,
            trusted_proxies,
            secrecy_k,
        })
    }

    /// Whether cookies must carry `Secure` (the public address is https).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// What is allowed but unwise in this configuration, to log at start-up.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if let MailTransport::Files(dir) = &self.mail_transport
            && self.secure_cookies()
        {
            warnings.push(format!(
                "PALIER_PUBLIC_URL is https but PALIER_SMTP_URL is not set: emails are written to {} and \
                 nobody receives them; those files hold live secrets (sign-in and reset links, ballot \
                 receipts) until they are deleted",
                dir.display()
            ));
        }
        warnings
    }

    /// The database URL with any password hidden, for logs.
    pub fn database_url_for_logs(&self) -> String {
        redact_password(&self.database_url)
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("public_url", &self.public_url)
            .field("data_dir", &self.data_dir)
            .field("database_url", &self.database_url_for_logs())
            .field("key_file", &self.key_file)
            .field("attachments_dir", &self.attachments_dir)
            .field("mail_transport", &self.mail_transport)
            .field("mail_from", &self.mail_from)
            .field("site_root", &self.site_root)
            .field("outbox", &self.outbox)
            .field("digest_hour", &self.digest_hour)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("secrecy_k", &self.secrecy_k)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_need_no_setting() {
        let config = Config::from_vars(&vars(&[])).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.public_url, "http://127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://./data/palier.db?mode=rwc");
        assert_eq!(config.mail_transport, MailTransport::Files(PathBuf::from("./data/outbox")));
        assert!(!config.secure_cookies());
    }

    #[test]
    fn a_public_site_without_smtp_is_warned_about() {
        assert!(Config::from_vars(&vars(&[])).unwrap().warnings().is_empty());
        let public = Config::from_vars(&vars(&[("PALIER_PUBLIC_URL", "https://palier.example")])).unwrap();
        assert!(public.warnings()[0].contains("live secrets"), "{:?}", public.warnings());
        let with_smtp = Config::from_vars(&vars(&[
            ("PALIER_PUBLIC_URL", "https://palier.example"),
            ("PALIER_SMTP_URL", "smtp://127.0.0.1:25"),
        ]))
        .unwrap();
        assert!(with_smtp.warnings().is_empty());
    }

    #[test]
    fn bad_values_name_the_setting() {
        let error = Config::from_vars(&vars(&[("PALIER_ADDR", "localhost")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_ADDR"));
        let error = Config::from_vars(&vars(&[("PALIER_DATABASE_URL", "mysql://x")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_DATABASE_URL"));
        let error = Config::from_vars(&vars(&[("PALIER_TRUSTED_PROXIES", "10.0.0.0/8 nginx")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_TRUSTED_PROXIES: 'nginx'"));
        let error = Config::from_vars(&vars(&[("PALIER_SECRECY_K", "2")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_SECRECY_K"));
        assert_eq!(Config::from_vars(&vars(&[("PALIER_SECRECY_K", "10")])).unwrap().secrecy_k, 10);
        let error = Config::from_vars(&vars(&[("PALIER_FORWARDED_HEADER", "x-real-ip")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_FORWARDED_HEADER"));
        let error = Config::from_vars(&vars(&[("PALIER_SMTP_URL", "http://x")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_SMTP_URL"));
        let error = Config::from_vars(&vars(&[("PALIER_MAIL_FROM", "not an address")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_MAIL_FROM"));
        let error = Config::from_vars(&vars(&[("PALIER_PUBLIC_URL", "ftp://x")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_PUBLIC_URL"));
        let error = Config::from_vars(&vars(&[("PALIER_CONFIG", "/nonexistent/palier.toml")])).unwrap_err();
        assert!(format!("{error:#}").contains("PALIER_CONFIG"));
    }

    #[test]
    fn environment_wins_over_the_file() {
        let dir = std::env::temp_dir().join(format!("palier-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("palier.toml");
        std::fs::write(
            &path,
            "addr = \"0.0.0.0:8080\"\npublic_url = \"https://palier.example/\"\nsmtp_url = \"smtp://mail:25\"\n",
        )
        .unwrap();
        let config =
            Config::from_vars(&vars(&[("PALIER_CONFIG", path.to_str().unwrap()), ("PALIER_ADDR", "127.0.0.1:4000")]))
                .unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:4000");
        assert_eq!(config.public_url, "https://palier.example");
        assert!(config.secure_cookies());
        assert_eq!(config.mail_transport, MailTransport::Smtp("smtp://mail:25".into()));
        std::fs::write(&path, "adr = \"typo\"\n").unwrap();
        let error = Config::from_vars(&vars(&[("PALIER_CONFIG", path.to_str().unwrap())])).unwrap_err();
        assert!(format!("{error:#}").contains("adr"));
    }

    #[test]
    fn passwords_are_hidden_in_logs() {
        assert_eq!(redact_password("postgres://palier:secret@db:5432/palier"), "postgres://palier:***@db:5432/palier");
        assert_eq!(redact_password("sqlite://data/palier.db"), "sqlite://data/palier.db");
        // A password may hold an `@`.
        assert_eq!(redact_password("smtp://me:p@ss@mail:587"), "smtp://me:***@mail:587");
        let config = Config::from_vars(&vars(&[
            ("PALIER_DATABASE_URL", "postgres://palier:hunter2@db/palier"),
            ("PALIER_SMTP_URL", "smtp://postmaster:s3cret@mail:587"),
        ]))
        .unwrap();
        let printed = format!("{config:?}");
        assert!(!printed.contains("hunter2") && !printed.contains("s3cret"), "{printed}");
        assert!(printed.contains("postmaster:***@mail:587"), "{printed}");
    }
}
