//! The page addresses the server's middleware needs to know, declared once
//! (the router's `path!`s in `App` are literals; tests check they agree).

/// Areas of the site for signed-in people only: a visitor who opens one is
/// sent to the sign-in page first (see `server/src/http/session.rs`).
pub const SIGNED_IN_ONLY: &[&str] = &[
    "/accueil",
    "/compte",
    "/notifications",
    "/rejoindre",
    "/mon-logement",
    "/gestion",
    "/admin",
    "/projets",
    "/pieces-jointes",
];

/// Whether `path` is in an area for signed-in people only.
pub fn needs_sign_in(path: &str) -> bool {
    SIGNED_IN_ONLY.iter().any(|prefix| path == *prefix || path.starts_with(&format!("{prefix}/")))
}

/// The review page of a consultation's ballot, where the ballot form posts
/// (the server hands the posted answers to the page, see `server/src/http/ballot.rs`).
pub fn review_path(consultation: palier_domain::ids::ConsultationId) -> String {
    format!("/consultations/{consultation}/verifier")
}

/// The consultation whose review page `path` is, if it is one.
pub fn review_of(path: &str) -> Option<palier_domain::ids::ConsultationId> {
    let mut parts = path.trim_end_matches('/').split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(""), Some("consultations"), Some(id), Some("verifier"), None) => id.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_areas_need_sign_in() {
        assert!(needs_sign_in("/compte"));
        assert!(needs_sign_in("/gestion/residences/3"));
        assert!(!needs_sign_in("/comptes-rendus"));
        assert!(!needs_sign_in("/connexion"));
        assert!(!needs_sign_in("/"));
    }

    #[test]
    fn only_review_pages_are_reviews() {
        let id = palier_domain::ids::ConsultationId::new(12);
        assert_eq!(review_of(&review_path(id)), Some(id));
        assert_eq!(review_of("/consultations/12/voter"), None);
        assert_eq!(review_of("/consultations/x/verifier"), None);
        assert_eq!(review_of("/consultations/12/verifier/extra"), None);
    }
}
