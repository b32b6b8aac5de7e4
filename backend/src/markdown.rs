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

/// Safe HTML for what tenants write (projects, comments): a subset of
/// markdown — paragraphs, emphasis, lists, quotes, links — without
/// headings, tables or images, so a neighbour's text never looks like the
/// page itself and loads nothing from elsewhere.
pub fn tenant_html(markdown: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, Options::empty()));
    ammonia::Builder::empty()
        .add_tags(["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"])
        .add_tag_attributes("a", ["href"])
        .url_schemes(std::collections::HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer nofollow ugc"))
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
    fn tenants_write_a_subset() {
        let html = tenant_html(
            "# Titre\n\nUn **jardin** ![x](https://tracker.example/p.png)\n\n- bacs\n\n<img src=x onerror=alert(1)>",
        );
        assert!(!html.contains("<h1") && !html.contains("<img"), "{html}");
        assert!(html.contains("Titre") && html.contains("<strong>jardin</strong>") && html.contains("<li>bacs</li>"));
        let link = tenant_html("[voir](https://example.org) [x](javascript:alert(1))");
        assert!(link.contains("rel=\"noopener noreferrer nofollow ugc\"") && !link.contains("javascript"), "{link}");
    }

    #[test]
    fn links_do_not_leak_the_page() {
        let html = to_safe_html("[site](https://example.org)");
        assert!(html.contains("rel=\"noopener noreferrer\""));
    }
}
