//! Random secrets (session tokens, one-time links, invitation codes) and the
//! hashes under which they are stored. Only hashes reach the database.

use palier_domain::InvitationCode;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

/// A URL-safe token of 256 random bits, and its hash for storage.
pub struct Token {
    pub plain: String,
    pub hash: String,
}

/// Draws a new random token from the thread-local CSPRNG (seeded by the OS).
pub fn new_token() -> Token {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let plain = hex(&bytes);
    let hash = hash(&plain);
    Token { plain, hash }
}

/// The SHA-256 of `secret`, hex-encoded. Tokens carry 256 bits and codes 60,
/// so a fast hash suffices: a stolen database does not give working secrets.
pub fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The `N` bytes written in `text` as hexadecimal, if it is exactly that.
pub(crate) fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != N * 2 || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// The bytes written in `text` as hexadecimal, of any even length.
pub(crate) fn unhex_vec(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

/// Draws a new invitation code.
pub fn new_invitation_code() -> InvitationCode {
    InvitationCode::from_random(rand::rng().next_u64())
}

/// The key under which invitation codes are stored (HMAC-SHA256), derived
/// from the server key, which is kept outside the database: a copy of the
/// database alone gives no working code, not even by trying all 2^60.
#[derive(Clone)]
pub struct CodeKey([u8; 32]);

impl std::fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CodeKey(…)")
    }
}

impl CodeKey {
    pub fn new(key: &super::server_key::ServerKey) -> Self {
        Self(key.derive(b"palier invitation codes"))
    }

    /// The stored form of an invitation code.
    pub fn hash(&self, code: &InvitationCode) -> String {
        self.mac(&format!("invitation:{}", code.canonical()))
    }

    fn mac(&self, message: &str) -> String {
        use hmac::Mac as _;
        // A key of any length is accepted by HMAC.
        let mut mac = <hmac::Hmac<Sha256>>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!());
        mac.update(message.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// The stored form of a code issued before codes were keyed: its plain
    /// SHA-256, keyed in turn ([`key_stored_codes`] rewrote those).
    pub fn hash_unkeyed(&self, unkeyed: &str) -> String {
        self.mac(&format!("unkeyed:{unkeyed}"))
    }
}

/// How codes issued before they were keyed were stored (a plain SHA-256).
pub(crate) fn unkeyed_hash_invitation_code(code: &InvitationCode) -> String {
    hash(&format!("invitation:{}", code.canonical()))
}

/// Keys, once, the codes stored before codes were keyed (their plain
/// SHA-256 could be reversed by trying every code): each becomes
/// [`CodeKey::hash_unkeyed`] of itself. The first server to start claims the
/// work in the transaction that does it, so it is done once.
pub async fn key_stored_codes(db: &sea_orm::DatabaseConnection, codes: &CodeKey) -> Result<u64, sea_orm::DbErr> {
    use crate::entities::{app_secret, household};
    use sea_orm::sea_query::{Expr, OnConflict};
    use sea_orm::{ActiveValue::Set, ColumnTrait as _, EntityTrait as _, QueryFilter as _, TransactionTrait as _};
    let txn = db.begin().await?;
    let claimed = app_secret::Entity::insert(app_secret::ActiveModel {
        name: Set("invitation-codes-keyed".to_owned()),
        value: Set("1".to_owned()),
        created_at: Set(chrono::Utc::now()),
    })
    .on_conflict(OnConflict::column(app_secret::Column::Name).do_nothing().to_owned())
    .do_nothing()
    .exec_without_returning(&txn)
    .await?;
    let mut keyed = 0;
    if matches!(claimed, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
        let stored =
            household::Entity::find().filter(household::Column::InvitationCodeHash.is_not_null()).all(&txn).await?;
        for home in stored {
            let Some(unkeyed) = home.invitation_code_hash else { continue };
            household::Entity::update_many()
                .col_expr(household::Column::InvitationCodeHash, Expr::value(codes.hash_unkeyed(&unkeyed)))
                .filter(household::Column::Id.eq(home.id))
                .exec(&txn)
                .await?;
            keyed += 1;
        }
    }
    txn.commit().await?;
    Ok(keyed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.plain.len(), 64);
        assert_ne!(a.plain, b.plain);
        assert_eq!(a.hash, hash(&a.plain));
        assert_ne!(a.hash, a.plain);
    }

    #[test]
    fn invitation_code_hash_ignores_formatting_and_needs_the_key() {
        let key = CodeKey::new(&super::super::server_key::ServerKey::generate());
        let code = new_invitation_code();
        let typed = InvitationCode::parse(&code.to_string().to_lowercase()).unwrap();
        assert_eq!(key.hash(&code), key.hash(&typed));
        assert_ne!(key.hash(&code), CodeKey::new(&super::super::server_key::ServerKey::generate()).hash(&code));
        assert_ne!(key.hash(&code), unkeyed_hash_invitation_code(&code));
    }
}
