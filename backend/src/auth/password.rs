//! Password hashing with argon2id (OWASP parameters: m = 19 456 KiB, t = 2,
//! p = 1), always off the async executor, and never more at once than the
//! machine has cores: each check takes 19 MB and a core for tens of
//! milliseconds, so five hundred parallel sign-ins would otherwise take
//! 10 GB and every core. Beyond that, a request waits up to
//! [`WAIT_FOR_A_TURN`], then fails with [`Busy`] (the app answers 429 with a
//! message and `Retry-After`).

use anyhow::Context as _;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use palier_domain::Password;
use std::sync::LazyLock;

/// A PHC-format argon2id hash. Deliberately not `Serialize`: it never leaves
/// the backend.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHashString(String);

impl PasswordHashString {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(<redacted>)")
    }
}

fn hasher() -> Argon2<'static> {
    // These constants are valid argon2 parameters; `Params::new` only fails on out-of-range values.
    let params = Params::new(19_456, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password nobody knows, verified against when the account does
/// not exist, so that timing does not reveal which emails have accounts.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(b"palier dummy password, never valid", &salt)
        .map(|hash| hash.to_string())
        .unwrap_or_default()
});

/// How long a password check waits for a free core before giving up.
pub const WAIT_FOR_A_TURN: std::time::Duration = std::time::Duration::from_secs(3);

/// Every core was busy with other password checks for [`WAIT_FOR_A_TURN`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("every core is busy checking other passwords")]
pub struct Busy;

static TURNS: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
});

/// Takes every core's turn until the result is dropped, so that password
/// checks meanwhile give up with [`Busy`] (for tests).
#[cfg(any(test, feature = "testing"))]
pub async fn hold_every_turn() -> tokio::sync::SemaphorePermit<'static> {
    let cores = u32::try_from(std::thread::available_parallelism().map_or(2, std::num::NonZero::get)).unwrap_or(2);
    TURNS.acquire_many(cores).await.unwrap_or_else(|_| unreachable!("the semaphore is never closed"))
}

/// Runs argon2 work `work` on the blocking pool once a core is free.
async fn in_turn<T: Send + 'static>(work: impl FnOnce() -> anyhow::Result<T> + Send + 'static) -> anyhow::Result<T> {
    let Ok(Ok(turn)) = tokio::time::timeout(WAIT_FOR_A_TURN, TURNS.acquire()).await else {
        return Err(Busy.into());
    };
    // The turn ends with the work, not with the request: a client that
    // leaves does not free a core that argon2 still uses.
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        work()
    })
    .await
    .context("the password task failed")?
}

/// Hashes `password` on the blocking pool.
pub async fn hash(password: Password) -> anyhow::Result<PasswordHashString> {
    in_turn(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|hash| PasswordHashString(hash.to_string()))
            .map_err(|error| anyhow::anyhow!("argon2 failed: {error}"))
    })
    .await
}

/// Checks `candidate` against `stored` on the blocking pool. With no stored
/// hash (unknown account, or an account without a password) it still spends
/// the time of one verification and answers `false`.
pub async fn verify(candidate: String, stored: Option<String>) -> anyhow::Result<bool> {
    in_turn(move || {
        let (phc, real) = match stored {
            Some(hash) => (hash, true),
            None => (DUMMY_HASH.clone(), false),
        };
        let parsed = PasswordHash::new(&phc).map_err(|error| anyhow::anyhow!("stored hash is not valid: {error}"))?;
        let matches = hasher().verify_password(candidate.as_bytes(), &parsed).is_ok();
        Ok(real && matches)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_use_argon2id_with_owasp_parameters() {
        let password = Password::parse("une phrase de passe assez longue").unwrap();
        let hashed = hash(password).await.unwrap();
        assert!(hashed.as_str().starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("une phrase de passe assez longue".into(), Some(hashed.as_str().into())).await.unwrap());
        assert!(!verify("une autre phrase de passe".into(), Some(hashed.as_str().into())).await.unwrap());
        assert!(!format!("{hashed:?}").contains("argon2"));
    }

    #[tokio::test(start_paused = true)]
    async fn a_check_that_finds_every_core_busy_gives_up_with_busy() {
        let cores = u32::try_from(std::thread::available_parallelism().map_or(2, std::num::NonZero::get)).unwrap();
        let every_core = TURNS.acquire_many(cores).await.unwrap();
        let error = verify("une phrase quelconque".into(), None).await.unwrap_err();
        assert_eq!(error.downcast_ref::<Busy>(), Some(&Busy));
        drop(every_core);
        assert!(!verify("une phrase quelconque".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn unknown_accounts_never_verify() {
        assert!(!verify("palier dummy password, never valid".into(), None).await.unwrap());
    }
}

/// Refuses a password that is one of the 30,000 most common passwords of the
/// zxcvbn list (also in upper case, reversed or in l33t), that is just the
/// person's name or email (`personal`), or that zxcvbn guesses in fewer than
/// a million tries (sequences like `123456789012`, repeats like
/// `abcabcabcabc`): the checks NIST SP 800-63B asks for, and no composition
/// rule.
pub fn check_not_common(password: &Password, personal: &[&str]) -> Result<(), palier_domain::PasswordError> {
    use zxcvbn::Score;
    use zxcvbn::matching::patterns::MatchPattern;
    let secret = password.expose();
    let chars = secret.chars().count();
    let personal: Vec<String> = personal.iter().map(|p| p.to_lowercase()).collect();
    let inputs: Vec<&str> = personal.iter().map(String::as_str).chain(FRENCH_COMMON.iter().copied()).collect();
    let entropy = zxcvbn::zxcvbn(secret, &inputs);
    let whole_is_a_known_word = entropy
        .sequence()
        .iter()
        .any(|m| m.i == 0 && m.j + 1 >= chars && matches!(&m.pattern, MatchPattern::Dictionary(_)));
    let too_guessable = matches!(entropy.score(), Score::Zero | Score::One);
    if whole_is_a_known_word || too_guessable { Err(palier_domain::PasswordError::Common) } else { Ok(()) }
}

/// Common French passwords and AZERTY keyboard runs, which the English-centred
/// zxcvbn list misses; they count as a dictionary for the checks above.
const FRENCH_COMMON: &[&str] = &[
    "azerty",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "azertyuiopqsdfghjklmwxcvbn",
    "azertyuiopqsdf",
    "azertyqsdfgh",
    "azertyqsdfghwxcvbn",
    "azertyuiopqsdfghjklm",
    "motdepasse",
    "soleil",
    "bonjour",
    "doudou",
    "loulou",
    "chouchou",
    "jetaime",
    "marseille",
    "toulouse",
    "bordeaux",
    "nicolas",
    "camille",
    "princesse",
    "coucou",
    "liberte",
    "chocolat",
    "bienvenue",
    "bisous",
    "vacances",
];

#[cfg(test)]
mod common_tests {
    use super::*;
    use palier_domain::PasswordError;

    fn check(text: &str, personal: &[&str]) -> Result<(), PasswordError> {
        check_not_common(&Password::parse(text).unwrap(), personal)
    }

    #[test]
    fn passwords_of_the_common_list_and_their_variants_are_refused() {
        for common in ["qwerty123456", "1qaz2wsx3edc", "LEAVEMEALONE", "enolaemevael", "finalfantasy", "1q2w3e4r5t6y"] {
            assert_eq!(check(common, &[]), Err(PasswordError::Common), "{common}");
        }
    }

    #[test]
    fn sequences_and_repeats_are_refused() {
        for weak in ["123456789012", "abcabcabcabc", "aaaaaaaaaaaa", "azertyuiopqsdf", "motdepasse2024", "Azerty123456"]
        {
            assert_eq!(check(weak, &[]), Err(PasswordError::Common), "{weak}");
        }
    }

    #[test]
    fn ordinary_passphrases_pass() {
        assert_eq!(check("la mer est calme ce matin", &[]), Ok(()));
        assert_eq!(check("Bâtiment B, escalier 3, 2e", &[]), Ok(()));
        assert_eq!(check("correct horse battery staple", &[]), Ok(()));
    }

    #[test]
    fn a_password_that_is_the_persons_email_or_name_is_refused() {
        assert_eq!(check("jeanne.martin@example.org", &["jeanne.martin@example.org"]), Err(PasswordError::Common));
        assert_eq!(check("Jeanne-Martine Dupont", &["Jeanne-Martine Dupont"]), Err(PasswordError::Common));
    }
}
