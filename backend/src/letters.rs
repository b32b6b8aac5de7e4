//! Printable invitation letters: one A4 page per household, in French, with
//! the residence, the code and the address to join. The same document is
//! served to staff and written by `palier print-letters`.

use crate::registry::Letter;
use minijinja::{Environment, context};
use std::sync::LazyLock;

static ENVIRONMENT: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    if let Err(error) = env.add_template("letters.html", include_str!("../templates/letters/letters.html")) {
        tracing::error!(%error, "invalid letters template");
    }
    env
});

/// Renders `letters` as one HTML document. `nonce` allows its inline style
/// under the page's Content-Security-Policy (`None` for a file on disk).
pub fn render(
    letters: &[Letter],
    residence: &str,
    join_url: &str,
    nonce: Option<&str>,
) -> Result<String, minijinja::Error> {
    ENVIRONMENT
        .get_template("letters.html")?
        .render(context! { letters => letters, residence => residence, join_url => join_url, nonce => nonce })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter(code: &str) -> Letter {
        Letter {
            organisation: "Habitat <Exemple>".into(),
            residence: "Les Tilleuls".into(),
            address: "12 rue des Tilleuls".into(),
            postcode: "69008".into(),
            city: "Lyon".into(),
            building: Some("Bâtiment A".into()),
            unit: "Logement A01".into(),
            lease_ref: "TIL-A01".into(),
            code: code.into(),
            valid_until: "03/03/2027".into(),
        }
    }

    #[test]
    fn one_page_per_household_with_its_code() {
        let html = render(
            &[letter("K7QM-9TXR-2HWP"), letter("ABCD-EFGH-JKMN")],
            "Les Tilleuls",
            "https://palier.example/rejoindre",
            Some("n0nce"),
        )
        .unwrap();
        assert_eq!(html.matches("<section class=\"letter\">").count(), 2);
        assert!(html.contains("K7QM-9TXR-2HWP") && html.contains("ABCD-EFGH-JKMN"));
        assert!(
            html.contains("https:&#x2f;&#x2f;palier.example&#x2f;rejoindre")
                || html.contains("https://palier.example/rejoindre")
        );
        assert!(html.contains("<style nonce=\"n0nce\">"));
        assert!(html.contains("Habitat &lt;Exemple&gt;"), "values are escaped");
        assert!(html.contains("break-after: page"));
        assert!(html.contains("Valable jusqu'au 03&#x2f;03&#x2f;2027"), "the letter says until when its code works");
    }
}
