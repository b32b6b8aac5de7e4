//! One-click unsubscribe links. A link carries the person, the category
//! (or `all`) and an HMAC-SHA256 of both under a key the server generated
//! once and keeps in the database: it works without signing in, cannot be
//! forged for someone else, and needs no table of tokens.

use super::{Category, Mode, set_preference};
use crate::auth::secret::{hex, unhex};
use crate::entities::app_secret;
use chrono::Utc;
use hmac::{Hmac, Mac as _};
use rand::RngCore as _;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait as _};
use sha2::Sha256;

const KEY_NAME: &str = "unsubscribe-link-key";

/// The key that signs unsubscribe links.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// The server's key: created at first use, the same ever after.
    pub async fn load<C: ConnectionTrait>(conn: &C) -> Result<Key, DbErr> {
        let mut fresh = [0u8; 32];
        rand::rng().fill_bytes(&mut fresh);
        let row = app_secret::ActiveModel {
            name: Set(KEY_NAME.to_owned()),
            value: Set(hex(&fresh)),
            created_at: Set(Utc::now()),
        };
        // Two servers starting together keep whichever key was stored first.
        app_secret::Entity::insert(row)
            .on_conflict(OnConflict::column(app_secret::Column::Name).do_nothing().to_owned())
            .do_nothing()
            .exec_without_returning(conn)
            .await?;
        let stored = app_secret::Entity::find_by_id(KEY_NAME.to_owned())
            .one(conn)
            .await?
            .ok_or_else(|| DbErr::RecordNotFound(KEY_NAME.to_owned()))?;
        let bytes = unhex(&stored.value).ok_or_else(|| DbErr::Custom("the unsubscribe key is not valid".into()))?;
        Ok(Key(bytes))
    }

    /// A fixed key, for tests.
    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        Key(bytes)
    }

    fn mac(&self, user_id: i64, scope: &str) -> Hmac<Sha256> {
        // A key of any length is accepted by HMAC.
        let mut mac = <Hmac<Sha256>>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!());
        mac.update(format!("unsubscribe:{user_id}:{scope}").as_bytes());
        mac
    }

    /// The token of a link that stops `category` (`None`: every category) for `user_id`.
    pub fn token(&self, user_id: i64, category: Option<Category>) -> String {
        let scope = scope_code(category);
        let tag = self.mac(user_id, scope).finalize().into_bytes();
        format!("{user_id}-{scope}-{}", hex(&tag))
    }

    /// Who and what a token stops, when it is genuine.
    pub fn verify(&self, token: &str) -> Option<(i64, Option<Category>)> {
        let mut parts = token.trim().splitn(3, '-');
        let user_id: i64 = parts.next()?.parse().ok()?;
        let scope = parts.next()?;
        let tag: [u8; 32] = unhex(parts.next()?)?;
        let category = match scope {
            "all" => None,
            code => Some(code.parse::<Category>().ok().filter(|c| Category::CHOOSABLE.contains(c))?),
        };
        // Constant-time comparison.
        self.mac(user_id, scope).verify_slice(&tag).ok()?;
        Some((user_id, category))
    }
}

fn scope_code(category: Option<Category>) -> &'static str {
    category.map_or("all", Category::code)
}

/// Applies a genuine token: the category (or every one) is set to no email.
/// Returns what it stopped, or `None` for a forged or damaged token.
pub async fn apply<C: ConnectionTrait>(
    conn: &C,
    key: &Key,
    token: &str,
) -> Result<Option<(i64, Option<Category>)>, DbErr> {
    let Some((user_id, category)) = key.verify(token) else { return Ok(None) };
    if crate::entities::user::Entity::find_by_id(user_id).one(conn).await?.is_none() {
        return Ok(None);
    }
    let categories = match category {
        Some(category) => vec![category],
        None => Category::CHOOSABLE.to_vec(),
    };
    for category in categories {
        set_preference(conn, user_id, category, Mode::None).await?;
    }
    Ok(Some((user_id, category)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_unaltered() {
        let key = Key::from_bytes([7; 32]);
        let token = key.token(42, Some(Category::Home));
        assert_eq!(key.verify(&token), Some((42, Some(Category::Home))));
        assert_eq!(key.verify(&key.token(42, None)), Some((42, None)));
        // Someone else's id, another category, another key, a cut token: refused.
        assert_eq!(key.verify(&token.replacen("42-", "43-", 1)), None);
        assert_eq!(key.verify(&token.replace("-home-", "-consultations-")), None);
        assert_eq!(Key::from_bytes([8; 32]).verify(&token), None);
        assert_eq!(key.verify(&token[..token.len() - 2]), None);
        assert_eq!(key.verify("n'importe quoi"), None);
        assert_eq!(key.verify(&key.token(42, Some(Category::Votes))), None, "votes are not emailed");
    }
}
