use crate::helpers::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_based_content_security_policy() {
    let app = spawn_app().await;
    let page = app.get("/").await;
    let csp = page.header("content-security-policy").unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap();
    assert!(nonce.len() >= 16);
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("'unsafe-inline'"));
    // Every inline script of the page carries that nonce.
    let scripts = page.body.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(page.body.matches(&format!("nonce=\"{nonce}\"")).count(), scripts, "{}", page.body);

    // Another request gets another nonce.
    let again = app.get("/").await;
    assert_ne!(again.header("content-security-policy").unwrap(), csp);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/healthz", "/pkg/palier.js", "/nulle-part"] {
        let page = app.get(path).await;
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(page.header("referrer-policy"), Some("same-origin"), "{path}");
        assert_eq!(page.header("x-frame-options"), Some("DENY"), "{path}");
        assert!(page.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"), "{path}");
        assert!(page.header("x-request-id").is_some_and(|id| id.len() >= 32), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_assets_are_compressed() {
    let app = spawn_app().await;
    for (encoding, path) in [("br", "/"), ("gzip", "/"), ("br", "/pkg/palier.js"), ("gzip", "/pkg/palier.js")] {
        let response = app.client.get(app.url(path)).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers().get("content-encoding").and_then(|v| v.to_str().ok()),
            Some(encoding),
            "{path} with {encoding}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_form_posts_are_refused() {
    let app = spawn_app().await;
    let fields = [("locale", "en"), ("redirect_to", "/")];
    let page = app.post_form_with("/api/set_locale", &fields, &[("origin", "https://evil.example")]).await;
    assert_eq!(page.status, 403);
    assert!(page.header("set-cookie").is_none());
    assert!(page.body.contains("Requête refusée"));

    let page = app.post_form_with("/api/set_locale", &fields, &[("sec-fetch-site", "cross-site")]).await;
    assert_eq!(page.status, 403);

    let referer = app.url("/");
    let page = app
        .post_form_with(
            "/api/set_locale",
            &fields,
            &[("sec-fetch-site", "same-origin"), ("accept", "text/html"), ("referer", &referer)],
        )
        .await;
    assert_eq!(page.status, 302);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_are_refused() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let app = spawn_app().await;
    // The server answers from the announced length, without reading the
    // body; a client still sending would see the connection close, so
    // this one announces 6 MiB and waits for the answer.
    let mut stream = tokio::net::TcpStream::connect(app.address.trim_start_matches("http://")).await.unwrap();
    let request = format!(
        "POST /api/set_locale HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\nlocale=xxxx",
        app.address.trim_start_matches("http://"),
        app.address,
        6 * 1024 * 1024
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = vec![0; 1024];
    let read =
        tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer)).await.unwrap().unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

/// server_fn's multipart decoder panics on a body without a boundary, which
/// dropped the connection; the guard answers first, signed in or not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_upload_posted_without_a_multipart_body_gets_a_message() {
    let app = spawn_app().await;
    let path = "/api/registry/import_households";
    for content_type in [
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "application/json",
    ] {
        let response =
            app.client.post(app.url(path)).header("content-type", content_type).body("a=b").send().await.unwrap();
        assert_eq!(response.status(), 415, "{content_type}");
        assert!(response.text().await.unwrap().contains("Envoi refusé"), "{content_type}");
    }
    let response = app.client.post(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 415, "no content type");

    // A real multipart body still reaches the function, which asks who is sending it.
    let boundary = "palier-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"organisation_id\"\r\n\r\n1\r\n--{boundary}--\r\n"
    );
    let response = app
        .client
        .post(app.url(path))
        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_ne!(response.status(), 415);
    assert!(response.status().is_client_error(), "{}", response.status());
    // The server is still there.
    assert_eq!(app.get("/healthz").await.status, 200);
}

/// Behind a reverse proxy every request comes from the proxy: with
/// `PALIER_TRUSTED_PROXIES`, the per-address limits count the client the
/// proxy saw, and what a client writes in the header itself is ignored.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_has_its_own_limits() {
    use crate::helpers::{TestApp, spawn_app_with};
    use palier_backend::entities::rate_limit;
    use palier_backend::rate_limit::key;
    use sea_orm::EntityTrait as _;
    async fn register(app: &TestApp, forwarded_for: &str, n: usize) {
        let email = format!("voisin{n}@example.org");
        let fields = [("display_name", "Voisin"), ("email", &email), ("password", "la mer est calme ce matin")];
        let headers = [
            ("origin", app.address.as_str()),
            ("accept", "text/html"),
            ("x-forwarded-for", forwarded_for),
            ("forwarded", "for=192.0.2.99"),
        ];
        let page = app.post_form_with("/api/accounts/register", &fields, &headers).await;
        assert_eq!(page.header("location"), Some("/inscription/envoyee"));
    }
    async fn buckets(app: &TestApp) -> Vec<String> {
        let rows = rate_limit::Entity::find().all(&app.db).await.unwrap();
        rows.into_iter().map(|row| row.key).filter(|key| key.starts_with("register-ip:")).collect()
    }
    let bucket = |ip: &str| key("register-ip", ip);

    // Straight to the server: its peer is the client, whatever the headers say.
    let direct = spawn_app().await;
    register(&direct, "203.0.113.7", 1).await;
    assert_eq!(buckets(&direct).await, vec![bucket("127.0.0.1")]);

    let proxied = spawn_app_with(&[("PALIER_TRUSTED_PROXIES", "127.0.0.1/32, ::1")]).await;
    // The proxy appended the address it saw after what the client wrote.
    register(&proxied, "198.51.100.1, 203.0.113.7", 1).await;
    register(&proxied, "203.0.113.8", 2).await;
    let mut expected = vec![bucket("203.0.113.7"), bucket("203.0.113.8")];
    expected.sort();
    let mut found = buckets(&proxied).await;
    found.sort();
    assert_eq!(found, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_left_unread_closes_its_connection_and_a_read_one_keeps_it() {
    let app = spawn_app().await;
    let client = crate::helpers::TestApp::new_client();
    // Refused before its body is read: the connection cannot carry another request.
    let refused = client
        .post(app.url("/api/projects/propose"))
        .header("origin", &app.address)
        .header("content-type", "text/plain")
        .body("not a form with files")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 415);
    assert_eq!(refused.headers().get("connection").map(|v| v.to_str().unwrap()), Some("close"));
    // A form read to its end keeps the connection open for the next request.
    let read = client
        .post(app.url("/api/accounts/login"))
        .header("origin", &app.address)
        .header("accept", "application/json")
        .form(&[("email", "personne@example.org"), ("password", "pas le bon mot de passe")])
        .send()
        .await
        .unwrap();
    assert!(read.status().is_client_error());
    assert_eq!(read.headers().get("connection"), None);
}
