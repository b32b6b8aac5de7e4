//! The addresses of the pages that emails link to.

use crate::mail::templates::Layout;

/// Builds absolute links from the site's public address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Links {
    public_url: String,
}

impl Links {
    /// `public_url` without a trailing slash, e.g. `https://palier.example`.
    pub fn new(public_url: &str) -> Self {
        Self { public_url: public_url.trim_end_matches('/').to_owned() }
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    pub fn layout(&self) -> Layout<'_> {
        Layout { public_url: &self.public_url, unsubscribe_url: None }
    }

    pub fn login(&self) -> String {
        format!("{}/connexion", self.public_url)
    }

    pub fn forgot_password(&self) -> String {
        format!("{}/mot-de-passe-oublie", self.public_url)
    }

    pub fn verify(&self, token: &str) -> String {
        format!("{}/verifier?jeton={token}", self.public_url)
    }

    pub fn reset(&self, token: &str) -> String {
        format!("{}/mot-de-passe/nouveau?jeton={token}", self.public_url)
    }

    pub fn confirm_new_email(&self, token: &str) -> String {
        format!("{}/compte/adresse?jeton={token}", self.public_url)
    }

    pub fn invitation(&self, token: &str) -> String {
        format!("{}/invitation?jeton={token}", self.public_url)
    }

    pub fn recount(&self, consultation_id: i64) -> String {
        format!("{}/consultations/{consultation_id}/depouillement", self.public_url)
    }

    pub fn consultation(&self, consultation_id: i64) -> String {
        format!("{}/consultations/{consultation_id}", self.public_url)
    }

    /// The page (and one-click target) that stops emails, for `token`.
    pub fn unsubscribe(&self, token: &str) -> String {
        format!("{}/desabonnement?jeton={token}", self.public_url)
    }

    pub fn notifications(&self) -> String {
        format!("{}/notifications", self.public_url)
    }

    pub fn notification_preferences(&self) -> String {
        format!("{}/compte/notifications", self.public_url)
    }

    pub fn join(&self) -> String {
        format!("{}/rejoindre", self.public_url)
    }
}
