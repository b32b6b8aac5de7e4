//! `spawn_app()` and typed helpers to talk to it.

use palier_backend::mail::{Mailer, StubMailbox};
use palier_backend::testing::{TempDir, fresh_database_url};
use palier_server::config::Config;
use palier_server::startup::{Application, Jobs};
use reqwest::header::HeaderMap;
use std::collections::HashMap;

pub struct TestApp {
    pub address: String,
    pub db: palier_backend::DatabaseConnection,
    pub mailbox: StubMailbox,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    /// The server's clock, which the tests move forward.
    pub clock: palier_backend::clock::Clock,
    /// What the server seals the ballots of open votes with.
    pub seal: palier_backend::consultations::voting::Seal,
    /// What the server keys stored invitation codes with.
    pub codes: palier_backend::auth::secret::CodeKey,
    /// The server's background work, which runs only when a test says so.
    jobs: Jobs,
    _site: std::sync::Arc<TempDir>,
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
/// mailer, without its background jobs (see [`TestApp::run_pending_jobs`]);
/// it stops when the returned value is dropped.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Like [`spawn_app`], with extra settings (as environment variables would give them).
pub async fn spawn_app_with(settings: &[(&str, &str)]) -> TestApp {
    let site = std::sync::Arc::new(stand_in_site());
    spawn_on(site, &fresh_database_url().await.unwrap(), settings).await
}

/// Two servers on one database and one data directory (so one server key),
/// as a site runs several `palier serve` behind a load balancer.
pub async fn spawn_pair() -> (TestApp, TestApp) {
    let site = std::sync::Arc::new(stand_in_site());
    // SQLite in memory is private to one server: they share a file.
    let url = match palier_backend::testing::backend_name() {
        "postgres" => fresh_database_url().await.unwrap(),
        _ => {
            std::fs::create_dir_all(site.path().join("data")).unwrap();
            format!("sqlite://{}?mode=rwc", site.path().join("data/palier.db").display())
        }
    };
    let first = spawn_on(site.clone(), &url, &[]).await;
    (first, spawn_on(site, &url, &[]).await)
}

/// A stand-in for the compiled site, so static files can be tested without building wasm.
fn stand_in_site() -> TempDir {
    let site = TempDir::new("palier-site").unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/palier.js"), "export default function init() {}\n".repeat(200)).unwrap();
    std::fs::write(site.path().join("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    site
}

async fn spawn_on(site: std::sync::Arc<TempDir>, database_url: &str, settings: &[(&str, &str)]) -> TestApp {
    let mut vars: HashMap<String, String> = HashMap::from([
        ("PALIER_ADDR".into(), "127.0.0.1:0".into()),
        ("PALIER_DATA_DIR".into(), site.path().join("data").display().to_string()),
        ("PALIER_DATABASE_URL".into(), database_url.to_owned()),
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
    let clock = app.state().clock.clone();
    let seal = app.state().seal.clone();
    let codes = app.state().codes.clone();
    let jobs = app.jobs().clone();
    let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.serve_until(async move {
        let _ = stopped.await;
    }));
    let client = TestApp::new_client();
    TestApp { address, db, mailbox, client, clock, seal, codes, jobs, _site: site, _shutdown: shutdown }
}

impl TestApp {
    /// The receipts in the sealed ballots of open consultation `id`, opened
    /// with the server's seal (as its closing will).
    pub async fn sealed_receipts(&self, id: i64) -> Vec<String> {
        let mut receipts = Vec::new();
        palier_backend::consultations::voting::seal::for_each_sealed(&self.db, &self.seal, id, |ballot| {
            receipts.push(ballot.receipt)
        })
        .await
        .unwrap();
        receipts
    }

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
        let mut request = self.client.post(self.url(path)).form(fields);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        read(request.send().await.unwrap()).await
    }
}

/// A person the tests sign in as.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: i64,
    pub email: String,
    pub password: String,
}

impl TestApp {
    /// A new client (its own cookie jar), like another browser.
    pub fn new_client() -> reqwest::Client {
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap()
    }

    /// Creates an account directly in the database.
    pub async fn create_user(&self, email: &str, name: &str, verified: bool) -> TestUser {
        use palier_backend::accounts::{self, NewAccount};
        use palier_domain::{DisplayName, Email, Locale, Password};
        let password = format!("un mot de passe pour {name}");
        let hash = palier_backend::auth::password::hash(Password::parse(&password).unwrap()).await.unwrap();
        let account = NewAccount {
            email: Email::parse(email).unwrap(),
            display_name: DisplayName::parse(name).unwrap(),
            locale: Locale::Fr,
            email_verified: verified,
            platform_admin: false,
        };
        let user = accounts::insert(&self.db, account, &hash).await.unwrap();
        TestUser { id: user.id, email: email.to_owned(), password }
    }

    /// A client signed in as `user` through the real sign-in form.
    pub async fn signed_in(&self, user: &TestUser) -> reqwest::Client {
        let client = Self::new_client();
        let page = self
            .post_form_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)])
            .await;
        assert_eq!(page.status, 302, "sign-in failed: {}", page.body);
        assert_eq!(page.header("location"), Some("/accueil"));
        client
    }

    pub async fn get_as(&self, client: &reqwest::Client, path: &str) -> Page {
        read(client.get(self.url(path)).send().await.unwrap()).await
    }

    /// Posts a form with `client`, as a browser without JavaScript does.
    pub async fn post_form_as(&self, client: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> Page {
        let request = client
            .post(self.url(path))
            .form(fields)
            .header("origin", &self.address)
            .header("accept", "text/html")
            .header("referer", self.url("/formulaire"));
        read(request.send().await.unwrap()).await
    }

    /// Posts a form with `client` from page `from`, as a browser without
    /// JavaScript does: a refused form comes back to `from` with its messages.
    pub async fn post_form_from(
        &self,
        client: &reqwest::Client,
        from: &str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let request = client
            .post(self.url(path))
            .form(fields)
            .header("origin", &self.address)
            .header("accept", "text/html")
            .header("referer", self.url(from));
        read(request.send().await.unwrap()).await
    }

    /// The page a redirect `page` sends `client` to.
    pub async fn follow(&self, client: &reqwest::Client, page: &Page) -> Page {
        let location = page.header("location").unwrap();
        let url = if location.starts_with('/') { self.url(location) } else { location.to_owned() };
        read(client.get(url).send().await.unwrap()).await
    }

    /// Calls a server function as the browser's JavaScript does (JSON back).
    pub async fn call_as(&self, client: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> Page {
        let request = client
            .post(self.url(path))
            .form(fields)
            .header("origin", &self.address)
            .header("accept", "application/json");
        read(request.send().await.unwrap()).await
    }

    /// Runs the server's background work — the consultation clock, the
    /// notification mailer, the outbox — until nothing is left to do at the
    /// clock's time (as `palier serve` would have by then).
    pub async fn run_pending_jobs(&self) {
        self.jobs.run_pending().await;
    }

    /// Moves the server's clock forward by `by`, then runs what became due.
    pub async fn advance_clock(&self, by: chrono::Duration) {
        self.clock.advance(by);
        self.run_pending_jobs().await;
    }

    /// Every email sent so far, once the pending jobs have run.
    pub async fn emails(&self) -> Vec<palier_backend::mail::OutgoingEmail> {
        self.run_pending_jobs().await;
        self.mailbox.messages()
    }

    /// The last email to `to` with this subject (the pending jobs run first).
    pub async fn email_with_subject(&self, to: &str, subject: &str) -> palier_backend::mail::OutgoingEmail {
        let sent = self.emails().await;
        sent.into_iter()
            .rev()
            .find(|m| m.to == to && m.subject == subject)
            .unwrap_or_else(|| panic!("no email to {to} about {subject}"))
    }

    /// The first email to `to` whose text contains `needle` (other emails,
    /// such as notifications, may go to the same person).
    pub async fn email_containing(&self, to: &str, needle: &str) -> palier_backend::mail::OutgoingEmail {
        let sent = self.emails().await;
        sent.into_iter()
            .find(|m| m.to == to && m.text.contains(needle))
            .unwrap_or_else(|| panic!("no email to {to} containing {needle}"))
    }

    /// The last email sent to `to`.
    pub async fn last_email_to(&self, to: &str) -> palier_backend::mail::OutgoingEmail {
        let sent = self.emails().await;
        sent.into_iter().rev().find(|m| m.to == to).unwrap_or_else(|| panic!("no email to {to}"))
    }
}

/// The first link in `text` whose path starts with `path`, as a path and query.
pub fn link_in(text: &str, path: &str) -> String {
    let start = text.find(path).unwrap_or_else(|| panic!("no link to {path} in {text}"));
    text[start..].split(|c: char| c.is_whitespace() || c == '"' || c == '<').next().unwrap().to_owned()
}

/// The form error codes carried back in a redirect (as the page would show them).
pub fn error_of(page: &Page) -> String {
    use base64::Engine as _;
    let location = page.header("location").unwrap_or_default();
    let err = location.split("__err=").nth(1).unwrap_or_default().split('&').next().unwrap_or_default();
    let err = err.replace("%3D", "=");
    String::from_utf8(base64::engine::general_purpose::URL_SAFE.decode(err).unwrap_or_default()).unwrap_or_default()
}

/// The `Set-Cookie` header for cookie `name`, if the response has one.
pub fn set_cookie<'a>(page: &'a Page, name: &str) -> Option<&'a str> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
}

pub async fn read(response: reqwest::Response) -> Page {
    let status = response.status().as_u16();
    if status == 408 {
        eprintln!("SLOW {} {}", response.url(), status);
    }
    let headers = response.headers().clone();
    let body = response.text().await.unwrap_or_default();
    Page { status, headers, body }
}

/// An open vote of one organisation's `homes` households, a tenant of each
/// signed in (see [`open_vote`]).
pub struct Vote {
    pub id: i64,
    /// The voters' session tokens, and their email addresses (`voterN@example.org`).
    pub tokens: Vec<String>,
    /// The field and the value of a valid ballot, as the form posts them.
    pub field: String,
    pub option: String,
    /// Every voter's password.
    pub password: String,
}

/// Creates an organisation of `homes` households with a signed-in tenant
/// each, and opens a yes-or-no vote of all of them (which notifies them).
pub async fn open_vote(
    db: &palier_backend::DatabaseConnection,
    seal: &palier_backend::consultations::voting::Seal,
    homes: usize,
) -> Vote {
    use palier_backend::consultations::builder;
    use palier_domain::consultations::{Audience, QuestionDraft, QuestionKind, Settings, Visibility, VotingUnit};
    let organisation = palier_backend::registry::create_organisation(db, "vote", "Vote").await.unwrap().id;
    let residence = palier_backend::registry::create_residence(
        db,
        organisation,
        palier_domain::registry::NewResidence {
            name: "Résidence".into(),
            address: "1 rue".into(),
            postcode: "69001".into(),
            city: "Lyon".into(),
        },
    )
    .await
    .unwrap()
    .id;
    let password = "un mot de passe solide".to_owned();
    let hash = palier_backend::auth::password::hash(palier_domain::Password::parse(&password).unwrap()).await.unwrap();
    let account = |n: usize| palier_backend::accounts::NewAccount {
        email: palier_domain::Email::parse(&format!("voter{n}@example.org")).unwrap(),
        display_name: palier_domain::DisplayName::parse(&format!("Voter {n}")).unwrap(),
        locale: palier_domain::Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    let staff = palier_backend::accounts::insert(db, account(homes), &hash).await.unwrap().id;
    palier_backend::accounts::set_membership(db, staff, organisation, palier_domain::team::OrgRole::Staff)
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for n in 0..homes {
        let home = palier_backend::registry::create_household(
            db,
            organisation,
            palier_backend::registry::NewHousehold {
                residence_id: residence,
                building_id: None,
                lease_ref: format!("L{n}"),
                unit_label: format!("Logement {n}"),
                max_occupants: 2,
            },
        )
        .await
        .unwrap();
        let user = palier_backend::accounts::insert(db, account(n), &hash).await.unwrap().id;
        palier_backend::registry::add_occupant(db, home.id, user).await.unwrap();
        tokens.push(palier_backend::sessions::create(db, user, false, "test").await.unwrap().token);
    }
    let settings = Settings {
        title: "Vote".into(),
        summary: String::new(),
        body: String::new(),
        audience: Audience::Organisation,
        unit: VotingUnit::Household,
        opens_at: chrono::Utc::now() - chrono::Duration::hours(1),
        closes_at: chrono::Utc::now() + chrono::Duration::days(3),
        visibility: Visibility::AfterClose,
        quorum_percent: None,
    };
    let id = builder::create(db, staff, organisation, settings).await.unwrap().id;
    let question = QuestionDraft {
        kind: QuestionKind::SingleChoice,
        prompt: "Oui ou non ?".into(),
        required: true,
        options: vec!["Oui".into(), "Non".into()],
    };
    builder::add_question(db, id, question).await.unwrap();
    builder::schedule(db, seal, staff, id, chrono::Utc::now()).await.unwrap();
    let definition = palier_backend::consultations::definition(db, id).await.unwrap().unwrap();
    let field = format!("answers[q{}][]", definition.questions[0].id);
    let option = definition.questions[0].options[0].0.to_string();
    Vote { id, tokens, field, option, password }
}
