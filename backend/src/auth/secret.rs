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
        use hmac::Mac as _;
        // A key of any length is accepted by HMAC.
        let mut mac = <hmac::Hmac<Sha256>>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!());
        mac.update(format!("invitation:{}", code.canonical()).as_bytes());
        hex(&mac.finalize().into_bytes())
    }
}

/// How codes issued before they were keyed are stored (a plain SHA-256):
/// looked up when joining until those codes expire, 90 days after the
/// version that keyed them.
pub(crate) fn unkeyed_hash_invitation_code(code: &InvitationCode) -> String {
    hash(&format!("invitation:{}", code.canonical()))
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
