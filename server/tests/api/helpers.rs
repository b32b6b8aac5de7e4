//! `spawn_app()` and typed helpers to talk to it.

use palier_backend::mail::{Mailer, StubMailbox};
use palier_backend::testing::{TempDir, fresh_database_url};
use palier_server::config::Config;
use palier_server::startup::Application;
use reqwest::header::HeaderMap;
use std::collections::HashMap;

pub struct TestApp {
    pub address: String,
    pub db: palier_backend::DatabaseConnection,
    #[expect(dead_code, reason = "read by the account tests, which come with the accounts issue")]
    pub mailbox: StubMailbox,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    _site: TempDir,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

/// A response read to the end.
pub struct Page {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// Starts the application on a free port with a fresh database and the stub
/// mailer; it stops when the returned value is dropped.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Like [`spawn_app`], with extra settings (as environment variables would give them).
pub async fn spawn_app_with(settings: &[(&str, &str)]) -> TestApp {
    let site = TempDir::new("palier-site").unwrap();
    // A stand-in for the compiled site, so static files can be tested without building wasm.
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/palier.js"), "export default function init() {}\n".repeat(200)).unwrap();
    std::fs::write(site.path().join("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();

    let mut vars: HashMap<String, String> = HashMap::from([
        ("PALIER_ADDR".into(), "127.0.0.1:0".into()),
        ("PALIER_DATA_DIR".into(), site.path().join("data").display().to_string()),
        ("PALIER_DATABASE_URL".into(), fresh_database_url().await.unwrap()),
        ("LEPTOS_SITE_ROOT".into(), site.path().display().to_string()),
        ("PALIER_MAIL_FROM".into(), "Palier <palier@example.org>".into()),
    ]);
    for (key, value) in settings {
        vars.insert((*key).to_owned(), (*value).to_owned());
    }
    let config = Config::from_vars(&vars).unwrap();
    let (mailer, mailbox) = Mailer::stub(&config.mail_from).unwrap();
    let app = Application::build(&config, Some(mailer)).await.unwrap();
    let address = format!("http://{}", app.local_addr());
    let db = app.state().db.clone();
    let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap();
    TestApp { address, db, mailbox, client, _site: site, _shutdown: shutdown }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        read(request.send().await.unwrap()).await
    }

    /// Posts a form as a browser without JavaScript does (same-origin).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        self.post_form_with(
            path,
            fields,
            &[("origin", &self.address), ("accept", "text/html"), ("referer", &self.url("/"))],
        )
        .await
    }

    pub async fn post_form_with(&self, path: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> Page {
        let body =
            fields.iter().map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v))).collect::<Vec<_>>().join("&");
        let mut request =
            self.client.post(self.url(path)).header("content-type", "application/x-www-form-urlencoded").body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        read(request.send().await.unwrap()).await
    }
}

async fn read(response: reqwest::Response) -> Page {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response.text().await.unwrap_or_default();
    Page { status, headers, body }
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
