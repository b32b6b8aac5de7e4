//! The server key: 256 random bits kept in a file next to the database, never
//! in it. Keys for each purpose are derived from it (HMAC-SHA256 of the
//! purpose), so a copy of the database alone opens no sealed ballot.
//!
//! The database keeps a check value of the key (a derived MAC, from which
//! the key cannot be found): a server started with another key, or with
//! none where one was made, refuses to start rather than lose the ballots
//! sealed under the first one.

use crate::entities::app_secret;
use anyhow::{Context as _, bail};
use chrono::Utc;
use hmac::{Hmac, Mac as _};
use rand::RngCore as _;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait as _};
use sha2::Sha256;
use std::path::Path;

/// The length of the random nonce in front of a sealed message.
const NONCE: usize = 24;

/// The row of `app_secrets` that holds the check value of the server key.
const CHECK_NAME: &str = "server-key-check";

/// The server key (see the module).
#[derive(Clone)]
pub struct ServerKey([u8; 32]);

impl std::fmt::Debug for ServerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerKey(…)")
    }
}

impl ServerKey {
    /// A new random key (tests and benchmarks; servers [`load_or_create`](Self::load_or_create) theirs).
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The key of `purpose`, derived from this one.
    pub fn derive(&self, purpose: &[u8]) -> [u8; 32] {
        // A key of any length is accepted by HMAC.
        let mut mac = <Hmac<Sha256>>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!());
        mac.update(purpose);
        mac.finalize().into_bytes().into()
    }

    /// `plain`, encrypted and authenticated (XChaCha20-Poly1305, a random
    /// nonce first) under the key of `purpose`: only [`open`](Self::open)
    /// with the same purpose gives it back, and any change is detected.
    pub fn seal(&self, purpose: &str, plain: &[u8]) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::{Aead as _, KeyInit as _};
        let mut nonce = [0u8; NONCE];
        rand::rng().fill_bytes(&mut nonce);
        let cipher = chacha20poly1305::XChaCha20Poly1305::new(&self.derive(purpose.as_bytes()).into());
        // Encryption fails only for messages of gigabytes.
        let sealed = cipher.encrypt(chacha20poly1305::XNonce::from_slice(&nonce), plain).ok()?;
        let mut body = nonce.to_vec();
        body.extend(sealed);
        Some(body)
    }

    /// What [`seal`](Self::seal) sealed for `purpose`, if `body` is intact.
    pub fn open(&self, purpose: &str, body: &[u8]) -> Option<Vec<u8>> {
        use chacha20poly1305::aead::{Aead as _, KeyInit as _};
        if body.len() < NONCE {
            return None;
        }
        let (nonce, sealed) = body.split_at(NONCE);
        let cipher = chacha20poly1305::XChaCha20Poly1305::new(&self.derive(purpose.as_bytes()).into());
        cipher.decrypt(chacha20poly1305::XNonce::from_slice(nonce), sealed).ok()
    }

    /// Reads the key from `path`, or creates it there (readable by its owner
    /// only) when the database has never had one; then checks that it is the
    /// key the database was used with.
    pub async fn load_or_create<C: ConnectionTrait>(path: &Path, conn: &C) -> anyhow::Result<Self> {
        let stored = app_secret::Entity::find_by_id(CHECK_NAME.to_owned()).one(conn).await?;
        let key = match std::fs::metadata(path) {
            Ok(_) => read(path)?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if stored.is_some() {
                    bail!(
                        "PALIER_KEY_FILE: {} is missing, but this database was used with a server key; \
                         restore the file from a backup (without it, the ballots of open votes cannot be counted)",
                        path.display()
                    );
                }
                Self::generate().write(path)?
            }
            Err(error) => {
                return Err(error).with_context(|| format!("PALIER_KEY_FILE: cannot read {}", path.display()));
            }
        };
        let check = super::secret::hex(&key.derive(b"palier server key check"));
        match stored {
            Some(row) if row.value != check => bail!(
                "PALIER_KEY_FILE: {} is not the key this database was used with; restore the right one",
                path.display()
            ),
            Some(_) => {}
            None => {
                app_secret::Entity::insert(app_secret::ActiveModel {
                    name: Set(CHECK_NAME.to_owned()),
                    value: Set(check.clone()),
                    created_at: Set(Utc::now()),
                })
                .on_conflict(OnConflict::column(app_secret::Column::Name).do_nothing().to_owned())
                .do_nothing()
                .exec_without_returning(conn)
                .await?;
                // Two servers started together with two new keys: one wins.
                let kept = app_secret::Entity::find_by_id(CHECK_NAME.to_owned()).one(conn).await?;
                if kept.is_some_and(|row| row.value != check) {
                    bail!(
                        "PALIER_KEY_FILE: another server stored its key first; copy its key file to {}",
                        path.display()
                    );
                }
            }
        }
        Ok(key)
    }

    /// Writes the key to `path` whole or not at all: to a temporary file
    /// first, synced, then linked to `path` (which fails if another server
    /// made one meanwhile: then its key is read), and the directory synced.
    fn write(&self, path: &Path) -> anyhow::Result<Self> {
        use std::io::Write as _;
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("PALIER_KEY_FILE: cannot create {}", dir.display()))?;
        let temporary = dir.join(format!(".palier-key-{}", &super::secret::new_token().plain[..12]));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options
            .open(&temporary)
            .and_then(|mut file| writeln!(file, "{}", super::secret::hex(&self.0)).and_then(|()| file.sync_all()))
            .and_then(|()| std::fs::hard_link(&temporary, path));
        let _ = std::fs::remove_file(&temporary);
        match written {
            Ok(()) => {
                // The link itself must survive a power cut.
                if let Ok(dir) = std::fs::File::open(dir) {
                    let _ = dir.sync_all();
                }
                Ok(self.clone())
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => read(path),
            Err(error) => Err(error).with_context(|| format!("PALIER_KEY_FILE: cannot create {}", path.display())),
        }
    }
}

/// The key in the file at `path`, which only its owner may read.
fn read(path: &Path) -> anyhow::Result<ServerKey> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("PALIER_KEY_FILE: cannot read {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode()).unwrap_or(0);
        if mode & 0o077 != 0 {
            bail!(
                "PALIER_KEY_FILE: {} can be read by others (mode {:o}); make it readable by its owner only (chmod 600)",
                path.display(),
                mode & 0o777
            );
        }
    }
    super::secret::unhex::<32>(text.trim())
        .map(ServerKey)
        .with_context(|| format!("PALIER_KEY_FILE: {} does not hold a Palier key", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_get_different_keys() {
        let key = ServerKey::generate();
        assert_ne!(key.derive(b"a"), key.derive(b"b"));
        assert_eq!(key.derive(b"a"), key.derive(b"a"));
        assert_ne!(key.derive(b"a"), ServerKey::generate().derive(b"a"));
    }

    #[test]
    fn sealed_messages_open_only_with_their_key_and_purpose() {
        let key = ServerKey::generate();
        let body = key.seal("p", b"secret").unwrap();
        assert_eq!(key.open("p", &body).as_deref(), Some(b"secret".as_slice()));
        assert_ne!(key.seal("p", b"secret").unwrap(), body, "a fresh nonce each time");
        assert!(key.open("q", &body).is_none());
        assert!(ServerKey::generate().open("p", &body).is_none());
        let mut changed = body.clone();
        *changed.last_mut().unwrap() ^= 1;
        assert!(key.open("p", &changed).is_none());
        assert!(key.open("p", &body[..5]).is_none());
    }
}
