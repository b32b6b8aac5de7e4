//! Markdown written by staff and councils, turned into HTML that is safe to
//! put in a page: pulldown-cmark renders, ammonia keeps only harmless tags
//! and attributes (no scripts, no styles, no event handlers, links with
//! `rel="noopener noreferrer"`).

use pulldown_cmark::{Options, Parser, html};

/// Safe HTML for `markdown`.
pub fn to_safe_html(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .url_schemes(std::collections::HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_safe_html("# Travaux\n\nLes **ascenseurs** seront *remplacés*.\n\n- bâtiment A\n- bâtiment B\n");
        assert!(html.contains("<h1>Travaux</h1>"));
        assert!(html.contains("<strong>ascenseurs</strong>"));
        assert!(html.contains("<li>bâtiment A</li>"));
    }

    #[test]
    fn scripts_styles_and_handlers_are_removed() {
        let html = to_safe_html(
            "<script>alert(1)</script><img src=x onerror=alert(2)><p style=\"color:red\" onclick=\"x()\">texte</p>\n\n[lien](javascript:alert(3))",
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("onerror"));
        assert!(!html.contains("onclick"));
        assert!(!html.contains("style="));
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("texte"));
    }

    #[test]
    fn links_do_not_leak_the_page() {
        let html = to_safe_html("[site](https://example.org)");
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }
}
