use crate::helpers::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_page_is_french_by_default() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.body.contains("<html lang=\"fr\""), "{}", &page.body[..300.min(page.body.len())]);
    assert!(page.body.contains("Palier : votre avis compte dans votre résidence"));
    assert!(page.body.contains("<title>Palier : votre avis compte dans votre résidence · Palier</title>"));
    // The frame: skip link, landmarks, footer links.
    assert!(page.body.contains("href=\"#main\""));
    assert!(page.body.contains("<main id=\"main\""));
    assert!(page.body.contains("href=\"/accessibilite\""));
    assert!(page.body.contains("href=\"/mentions-legales\""));
    // A page without anything interactive preloads nothing; its one script
    // loads the bundle only when the page has an island.
    assert!(!page.body.contains("<leptos-island"));
    assert!(!page.body.contains("preload"), "the home page loads code it does not use");
    assert!(page.body.contains("if (!document.querySelector('leptos-island')) return;"));
    // Pages are revalidated each time and never kept by a shared cache.
    assert_eq!(page.header("cache-control"), Some("no-cache, private"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_with_instant_checks_have_islands() {
    let app = spawn_app().await;
    let page = app.get("/inscription").await;
    assert_eq!(page.status, 200);
    // Three checked fields, three islands, one bundle.
    assert_eq!(page.body.matches("<leptos-island").count(), 3, "{}", page.body);
    assert_eq!(page.body.matches("/pkg/palier.js").count(), 1);
    // The islands carry the texts of their messages, in the page's language.
    assert!(page.body.contains("Indiquez votre adresse email."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_language_is_honoured() {
    let app = spawn_app().await;
    let page = app.get_with("/", &[("accept-language", "en-GB,en;q=0.9,fr;q=0.5")]).await;
    assert!(page.body.contains("<html lang=\"en\""));
    assert!(page.body.contains("Palier: your voice counts in your residence"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_works_without_javascript_and_is_remembered() {
    let app = spawn_app().await;
    let page = app.post_form("/api/set_locale", &[("locale", "en"), ("redirect_to", "/accessibilite")]).await;
    assert_eq!(page.status, 302, "{}", page.body);
    assert_eq!(page.header("location"), Some("/accessibilite"));
    let cookie = page.header("set-cookie").unwrap();
    assert!(cookie.starts_with("palier_lang=en"));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
    assert!(!cookie.contains("Secure"), "plain-http localhost cookies cannot be Secure");

    // The client keeps the cookie, as a browser does.
    let page = app.get("/accessibilite").await;
    assert!(page.body.contains("<html lang=\"en\""));
    assert!(page.body.contains("Accessibility statement"));

    // Back to French.
    app.post_form("/api/set_locale", &[("locale", "fr"), ("redirect_to", "/")]).await;
    assert!(app.get("/").await.body.contains("<html lang=\"fr\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_refuses_open_redirects_and_bad_input() {
    let app = spawn_app().await;
    let page = app.post_form("/api/set_locale", &[("locale", "en"), ("redirect_to", "https://evil.example/")]).await;
    assert_eq!(page.status, 302);
    assert_eq!(page.header("location"), Some("/"));

    // A tampered form (the switch only offers French and English) changes
    // nothing and sends the person back to a page that works.
    for form in [&[("locale", "klingon"), ("redirect_to", "/")][..], &[("nothing", "here")][..]] {
        let page = app.post_form("/api/set_locale", form).await;
        assert_eq!(page.status, 302, "{form:?} gave {}", page.body);
        assert!(page.header("set-cookie").is_none(), "{form:?} set a cookie");
        let location = page.header("location").unwrap().to_owned();
        let path = &location[location.find("/?").expect("back to a local page")..];
        let back = app.get(path).await;
        assert_eq!(back.status, 200);
        assert!(back.body.contains("<html lang=\"en\""), "the language stays as it was");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn information_pages_exist_in_both_languages() {
    let app = spawn_app().await;
    for (path, fr, en) in [
        ("/accessibilite", "Déclaration d'accessibilité", "Accessibility statement"),
        ("/mentions-legales", "Mentions légales", "Legal notice"),
        ("/secret-du-vote", "Comment votre vote reste secret", "How your vote stays secret"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&fr.replace('\'', "&#x27;")) || page.body.contains(fr), "{path} in French");
        let page = app.get_with(path, &[("accept-language", "en")]).await;
        assert!(page.body.contains(en), "{path} in English");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_get_a_localised_404() {
    let app = spawn_app().await;
    let page = app.get("/nulle-part").await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Page introuvable"));
    assert!(page.body.contains("<html lang=\"fr\""));
    let page = app.get_with("/nowhere", &[("accept-language", "en")]).await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Page not found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_names_the_organisation_of_a_single_landlord_instance() {
    let app = spawn_app().await;
    assert!(!app.get("/").await.body.contains("brand__org"));
    palier_backend::registry::create_organisation(&app.db, "habitat-exemple", "Habitat Exemple").await.unwrap();
    let page = app.get("/").await;
    assert!(page.body.contains("<span class=\"brand__org\">Habitat Exemple</span>"));
    // Rendered in place, not streamed out of order for a script to move: the
    // page is complete without JavaScript.
    assert!(!page.body.contains("<template"), "out-of-order fragment in {}", page.body);
    // With a second landlord on the instance, visitors see no name.
    palier_backend::registry::create_organisation(&app.db, "logis-voisin", "Logis Voisin").await.unwrap();
    assert!(!app.get("/").await.body.contains("brand__org"));
}

/// Building a server walks the app's routes, and while Leptos walks them any
/// page of any server of the process that starts loading waits forever
/// (leptos-rs/leptos#4773): the tests, which build a server each, stalled
/// now and then. Pages read while other servers are built never stall.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn building_a_server_never_stalls_the_pages_of_another() {
    use palier_server::http::renders::stalls_so_far;
    use std::sync::atomic::{AtomicBool, Ordering};
    let app = spawn_app().await;
    let stalls = stalls_so_far();
    let built = AtomicBool::new(false);
    let reading = async {
        let mut reads = 0;
        while !built.load(Ordering::Relaxed) {
            let pages = futures_util::future::join_all((0..4).map(|_| app.get("/"))).await;
            assert!(pages.iter().all(|page| page.status == 200));
            reads += pages.len();
        }
        reads
    };
    let building = async {
        for _ in 0..6 {
            drop(spawn_app().await);
        }
        built.store(true, Ordering::Relaxed);
    };
    let (reads, ()) = tokio::join!(reading, building);
    assert!(reads > 0);
    assert_eq!(stalls_so_far(), stalls, "a page stalled while another server was built");
}
