//! Accounts, end to end over HTTP: every form posted as a browser without
//! JavaScript would, emails read from the outbox's stub mailer.

use crate::helpers::{TestApp, error_of, link_in, set_cookie, spawn_app, spawn_app_with};
use palier_backend::entities::{session, user};
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_registers_verifies_signs_in_and_out() {
    let app = spawn_app().await;
    let page = app
        .post_form(
            "/api/accounts/register",
            &[
                ("display_name", "Jeanne Martin"),
                ("email", "Jeanne@Example.org"),
                ("password", "la mer est calme ce matin"),
            ],
        )
        .await;
    assert_eq!(page.status, 302, "{}", page.body);
    assert_eq!(page.header("location"), Some("/inscription/envoyee"));

    let email = app.last_email_to("jeanne@example.org").await;
    assert_eq!(email.subject, "Palier : confirmez votre adresse email");
    let link = link_in(&email.text, "/verifier?jeton=");
    // Opening the link (as a mail scanner might) does not use it up.
    let page = app.get(&link).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Confirmer mon adresse"));
    let token = link.split("jeton=").nth(1).unwrap();

    // Not verified yet: sign-in is refused, and the link is sent again.
    let client = TestApp::new_client();
    let page = app
        .post_form_as(
            &client,
            "/api/accounts/login",
            &[("email", "jeanne@example.org"), ("password", "la mer est calme ce matin")],
        )
        .await;
    assert!(page.header("location").unwrap().contains("__err="));
    assert!(set_cookie(&page, "palier_session").is_none());

    let page = app.post_form("/api/accounts/verify_email", &[("token", token)]).await;
    assert_eq!(page.header("location"), Some("/connexion?ok=verified"));
    // Single use.
    let page = app.post_form("/api/accounts/verify_email", &[("token", token)]).await;
    assert!(page.header("location").unwrap().contains("__err="));

    let page = app
        .post_form_as(
            &client,
            "/api/accounts/login",
            &[("email", " JEANNE@example.org "), ("password", "la mer est calme ce matin"), ("remember", "on")],
        )
        .await;
    assert_eq!(page.status, 302, "{}", page.body);
    assert_eq!(page.header("location"), Some("/accueil"));
    let cookie = set_cookie(&page, "palier_session").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
    assert!(cookie.contains("Max-Age="), "stay signed in makes the cookie persistent: {cookie}");
    assert!(!cookie.contains("Secure"));
    let token_value = cookie.split(';').next().unwrap().split('=').nth(1).unwrap();
    assert!(token_value.len() >= 32, "the session token carries at least 128 bits");
    // Only its hash is stored.
    let stored = session::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_ne!(stored.token_hash, token_value);

    let page = app.get_as(&client, "/accueil").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Bonjour Jeanne Martin"));
    assert!(page.body.contains("Se déconnecter"));

    let page = app.post_form_as(&client, "/api/accounts/logout", &[]).await;
    assert_eq!(page.status, 302);
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
    let page = app.get_as(&client, "/accueil").await;
    assert_eq!(page.status, 303);
    assert_eq!(page.header("location"), Some("/connexion?retour=/accueil"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_an_existing_address_reveals_nothing_and_warns_its_owner() {
    let app = spawn_app().await;
    let owner = app.create_user("paul@example.org", "Paul", true).await;
    let fields = [("display_name", "Intrus"), ("email", "paul@example.org"), ("password", "une autre phrase secrète")];
    let page = app.post_form("/api/accounts/register", &fields).await;
    assert_eq!(page.status, 302);
    assert_eq!(page.header("location"), Some("/inscription/envoyee"));
    let email = app.last_email_to("paul@example.org").await;
    assert_eq!(email.subject, "Palier : vous avez déjà un compte");
    assert!(!email.text.contains("jeton="));
    assert_eq!(user::Entity::find().count(&app.db).await.unwrap(), 1);
    let row = user::Entity::find_by_id(owner.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.display_name, "Paul");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_registrations_come_back_with_messages_and_what_was_typed() {
    let app = spawn_app().await;
    let client = TestApp::new_client();
    let page = app
        .post_form_as(
            &client,
            "/api/accounts/register",
            &[("display_name", "Amina"), ("email", "pas-une-adresse"), ("password", "court")],
        )
        .await;
    assert_eq!(page.status, 302);
    let back = page.header("location").unwrap().to_owned();
    assert!(back.starts_with(&app.url("/formulaire?")) && back.contains("__err="), "{back}");
    assert!(!back.contains("court"), "the password travelled in the URL: {back}");
    // Nor does anything typed: it waits in a short-lived cookie of this browser.
    assert!(!back.contains("pas-une-adresse") && !error_of(&page).contains("pas-une-adresse"), "{back}");
    assert!(!error_of(&page).contains("Amina"));

    // The page the browser goes back to shows each problem next to its field.
    let form_page = back.replacen(&app.url("/formulaire"), "/inscription", 1);
    // Someone else given the same address sees the errors, not what was typed.
    let stranger = app.get(&form_page).await;
    assert!(stranger.body.contains("Le formulaire contient des erreurs"));
    assert!(!stranger.body.contains("pas-une-adresse"));
    // A link crafted to fill the form in (its keys escaped or not) fills nothing.
    use base64::Engine as _;
    let planted = base64::engine::general_purpose::URL_SAFE.encode(
        r#"{"Invalid":{"errors":[{"field":"email","message":"error-email"}],"values":[["email","piege@example.org"]]}}"#,
    );
    for key in ["__err", "%5F%5Ferr"] {
        let crafted = app.get(&format!("/inscription?__path=/api/accounts/register&{key}={planted}")).await;
        assert_eq!(crafted.status, 200);
        assert!(!crafted.body.contains("piege@example.org"), "{key}");
    }
    let page = app.get_as(&client, &form_page).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Le formulaire contient des erreurs"));
    assert!(
        page.body.contains("Cette adresse email n&#x27;est pas valide")
            || page.body.contains("Cette adresse email n'est pas valide")
    );
    assert!(page.body.contains("Le mot de passe doit faire au moins 12 caractères"));
    assert!(page.body.contains("value=\"pas-une-adresse\""));
    assert!(page.body.contains("value=\"Amina\""));
    assert!(page.body.contains("aria-invalid=\"true\""));

    // A common password is refused with its reason.
    let page = app
        .post_form_as(
            &client,
            "/api/accounts/register",
            &[("display_name", "Amina"), ("email", "amina@example.org"), ("password", "qwerty123456")],
        )
        .await;
    let page = app.get(&page.header("location").unwrap().replacen(&app.url("/formulaire"), "/inscription", 1)).await;
    assert!(page.body.contains("trop courant"));
    assert_eq!(user::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_and_unknown_credentials_get_the_same_answer_then_429() {
    let app = spawn_app().await;
    let user = app.create_user("louis@example.org", "Louis", true).await;
    let client = TestApp::new_client();
    let wrong = app
        .call_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", "pas le bon mot de passe")])
        .await;
    let unknown = app
        .call_as(
            &client,
            "/api/accounts/login",
            &[("email", "nobody@example.org"), ("password", "pas le bon mot de passe")],
        )
        .await;
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body.replace("louis@example.org", "X"), unknown.body.replace("nobody@example.org", "X"));

    // Ten failures for one account, then it is locked for a while, even with the right password.
    for _ in 0..9 {
        app.call_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", "encore une erreur ici")])
            .await;
    }
    let page =
        app.call_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)]).await;
    assert_eq!(page.status, 429, "{}", page.body);
    assert!(page.header("retry-after").unwrap().parse::<u64>().unwrap() > 0);

    // A browser without JavaScript gets a readable page in its language.
    let page =
        app.post_form_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)]).await;
    assert_eq!(page.status, 429);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.body.contains("Trop de tentatives"));
    assert!(page.body.contains("<html lang=\"fr\""));
    assert!(page.body.contains("href=\"/formulaire\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_logins_are_limited_per_ip_too() {
    let app = spawn_app().await;
    let client = TestApp::new_client();
    let mut last = 0;
    for n in 0..51 {
        let email = format!("nobody{n}@example.org");
        last = app
            .call_as(&client, "/api/accounts/login", &[("email", &email), ("password", "pas le bon mot de passe")])
            .await
            .status;
    }
    assert_eq!(last, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_by_email_and_every_session_ends() {
    let app = spawn_app().await;
    let user = app.create_user("sofia@example.org", "Sofia", true).await;
    let other_device = app.signed_in(&user).await;

    for address in ["sofia@example.org", "unknown@example.org"] {
        let page = app.post_form("/api/accounts/request_password_reset", &[("email", address)]).await;
        assert_eq!(page.status, 302);
        assert_eq!(page.header("location"), Some("/mot-de-passe-oublie?ok=sent"));
    }
    let email = app.last_email_to("sofia@example.org").await;
    assert!(app.mailbox.messages().iter().all(|m| m.to != "unknown@example.org"));
    let link = link_in(&email.text, "/mot-de-passe/nouveau?jeton=");
    let token = link.split("jeton=").nth(1).unwrap().to_owned();
    let page = app.get(&link).await;
    assert!(page.body.contains("Enregistrer le mot de passe"));

    let page = app
        .post_form("/api/accounts/reset_password", &[("token", &token), ("password", "un tout nouveau secret")])
        .await;
    assert_eq!(page.header("location"), Some("/connexion?ok=password-reset"));
    // No automatic sign-in, and the other device is signed out.
    assert!(set_cookie(&page, "palier_session").is_none());
    assert_eq!(app.get_as(&other_device, "/accueil").await.status, 303);
    app.email_with_subject("sofia@example.org", "Palier : votre mot de passe a changé").await;

    // The link works once.
    let page = app
        .post_form("/api/accounts/reset_password", &[("token", &token), ("password", "encore un autre secret")])
        .await;
    assert!(page.header("location").unwrap().contains("__err="));
    let page = app.get(&link).await;
    assert!(page.body.contains("Ce lien ne marche plus"));

    let renewed = crate::helpers::TestUser { password: "un tout nouveau secret".into(), ..user };
    app.signed_in(&renewed).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_links_expire_after_30_minutes() {
    use palier_backend::entities::email_token;
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    app.create_user("marc@example.org", "Marc", true).await;
    app.post_form("/api/accounts/request_password_reset", &[("email", "marc@example.org")]).await;
    let email = app.last_email_to("marc@example.org").await;
    let token = link_in(&email.text, "/mot-de-passe/nouveau?jeton=").split("jeton=").nth(1).unwrap().to_owned();
    let row = email_token::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!((row.expires_at - row.created_at).num_minutes() == 30);
    email_token::Entity::update_many()
        .col_expr(email_token::Column::ExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)))
        .exec(&app.db)
        .await
        .unwrap();
    let page = app
        .post_form("/api/accounts/reset_password", &[("token", &token), ("password", "un tout nouveau secret")])
        .await;
    assert!(page.header("location").unwrap().contains("__err="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_are_limited_per_address() {
    let app = spawn_app().await;
    app.create_user("nadia@example.org", "Nadia", true).await;
    let client = TestApp::new_client();
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(
            app.call_as(&client, "/api/accounts/request_password_reset", &[("email", "nadia@example.org")])
                .await
                .status,
        );
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    assert_eq!(app.emails().await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let user = app.create_user("amina@example.org", "Amina", true).await;
    let phone = app.signed_in(&user).await;
    let laptop = app.signed_in(&user).await;

    let page = app
        .post_form_as(
            &laptop,
            "/api/accounts/change_password",
            &[("current_password", "faux mot de passe !"), ("new_password", "ma nouvelle phrase secrète")],
        )
        .await;
    assert!(page.header("location").unwrap().contains("__err="));

    let page = app
        .post_form_as(
            &laptop,
            "/api/accounts/change_password",
            &[("current_password", &user.password), ("new_password", "ma nouvelle phrase secrète")],
        )
        .await;
    assert_eq!(page.header("location"), Some("/compte?ok=password-changed"));
    assert_eq!(app.get_as(&laptop, "/compte").await.status, 200, "this session stays");
    assert_eq!(app.get_as(&phone, "/compte").await.status, 303, "the other session ended");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_address_is_confirmed_by_the_new_one_and_notified_to_the_old_one() {
    let app = spawn_app().await;
    let user = app.create_user("old@example.org", "Louise", true).await;
    let client = app.signed_in(&user).await;
    let elsewhere = app.signed_in(&user).await;
    let page = app
        .post_form_as(
            &client,
            "/api/accounts/change_email",
            &[("new_email", "new@example.org"), ("password", &user.password)],
        )
        .await;
    assert_eq!(page.header("location"), Some("/compte?ok=email-sent"));
    let notice = app.last_email_to("old@example.org").await;
    assert!(notice.text.contains("n***@example.org"));
    let confirm = app.last_email_to("new@example.org").await;
    let token = link_in(&confirm.text, "/compte/adresse?jeton=").split("jeton=").nth(1).unwrap().to_owned();
    // Still the old address until confirmed.
    let row = user::Entity::find_by_id(user.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.email.as_deref(), Some("old@example.org"));

    let page = app.post_form_as(&client, "/api/accounts/confirm_email_change", &[("token", &token)]).await;
    assert_eq!(page.header("location"), Some("/compte?ok=email-changed"));
    let row = user::Entity::find_by_id(user.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.email.as_deref(), Some("new@example.org"));
    // The session that confirmed stays; every other one ended.
    assert_eq!(app.get_as(&client, "/compte").await.status, 200);
    assert_eq!(app.get_as(&elsewhere, "/compte").await.status, 303, "another session outlived the new address");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_are_listed_and_can_be_ended() {
    let app = spawn_app().await;
    let user = app.create_user("karim@example.org", "Karim", true).await;
    let first = app.signed_in(&user).await;
    let second = app.signed_in(&user).await;
    let page = app.get_as(&second, "/compte").await;
    assert!(page.body.contains("cet appareil"));
    assert_eq!(page.body.matches("session-list__item").count(), 2);

    let sessions = session::Entity::find().filter(session::Column::UserId.eq(user.id)).all(&app.db).await.unwrap();
    let first_id = sessions.iter().map(|s| s.id).min().unwrap();
    let page =
        app.post_form_as(&second, "/api/accounts/revoke_session", &[("session_id", &first_id.to_string())]).await;
    assert!(page.header("location").unwrap().starts_with("/compte?ok=session-ended"));
    assert_eq!(app.get_as(&first, "/compte").await.status, 303);

    // Someone else's session cannot be ended.
    let other = app.create_user("other@example.org", "Autre", true).await;
    let intruder = app.signed_in(&other).await;
    let second_id =
        session::Entity::find().filter(session::Column::UserId.eq(user.id)).one(&app.db).await.unwrap().unwrap().id;
    let page = app.call_as(&intruder, "/api/accounts/revoke_session", &[("session_id", &second_id.to_string())]).await;
    assert_eq!(page.status, 404);
    assert_eq!(app.get_as(&second, "/compte").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_sessions_expire_and_their_cookie_is_cleared() {
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    let user = app.create_user("idle@example.org", "Idle", true).await;
    let client = app.signed_in(&user).await;
    let row = session::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!((row.idle_expires_at - row.created_at).num_minutes(), 30);
    assert_eq!((row.absolute_expires_at - row.created_at).num_hours(), 12);
    session::Entity::update_many()
        .col_expr(session::Column::IdleExpiresAt, Expr::value(chrono::Utc::now() - chrono::Duration::seconds(1)))
        .exec(&app.db)
        .await
        .unwrap();
    let page = app.get_as(&client, "/").await;
    assert!(!page.body.contains("Se déconnecter"));
    let cleared = set_cookie(&page, "palier_session").unwrap();
    assert!(cleared.contains("Max-Age=0"));
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activity_pushes_the_idle_deadline_back_but_never_past_the_absolute_limit() {
    use chrono::{Duration, Utc};
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    let user = app.create_user("active@example.org", "Active", true).await;
    let client = app.signed_in(&user).await;
    let age = |minutes: i64, absolute_in: Duration| {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(Utc::now() - Duration::minutes(minutes)))
            .col_expr(session::Column::IdleExpiresAt, Expr::value(Utc::now() + Duration::minutes(30 - minutes)))
            .col_expr(session::Column::AbsoluteExpiresAt, Expr::value(Utc::now() + absolute_in))
            .exec(&app.db)
    };
    let row = || async { session::Entity::find().one(&app.db).await.unwrap().unwrap() };
    // Written in groups by a writer of its own: the test has it write now.
    let app = &app;
    let touched_after = |since: chrono::DateTime<Utc>| async move {
        app.run_pending_jobs().await;
        let current = row().await;
        assert!(current.last_seen_at >= since, "the session's activity was not recorded");
        current
    };

    age(20, Duration::hours(5)).await.unwrap();
    let asked = Utc::now();
    assert_eq!(app.get_as(&client, "/compte").await.status, 200);
    let touched = touched_after(asked).await;
    let idle_left = touched.idle_expires_at - Utc::now();
    assert!(idle_left > Duration::minutes(29) && idle_left <= Duration::minutes(30), "{idle_left}");

    // Close to the absolute limit, the idle deadline stops there.
    age(20, Duration::minutes(12)).await.unwrap();
    let limit = row().await.absolute_expires_at;
    let asked = Utc::now();
    assert_eq!(app.get_as(&client, "/compte").await.status, 200);
    assert_eq!(touched_after(asked).await.idle_expires_at, limit);

    // Seen less than a minute ago: nothing is written.
    let before = row().await;
    assert_eq!(app.get_as(&client, "/compte").await.status, 200);
    app.run_pending_jobs().await;
    assert_eq!(row().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookies_are_secure_and_host_only_behind_https() {
    let app = spawn_app_with(&[("PALIER_PUBLIC_URL", "https://palier.example")]).await;
    let user = app.create_user("secure@example.org", "Secure", true).await;
    let client = TestApp::new_client();
    let page =
        app.post_form_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)]).await;
    let cookie = set_cookie(&page, "__Host-palier_session").unwrap();
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"));
    assert!(!cookie.contains("Domain"));
    assert!(app.get("/").await.header("strict-transport-security").unwrap().contains("max-age=31536000"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_export_is_mine_only() {
    let app = spawn_app().await;
    let user = app.create_user("export@example.org", "Export", true).await;
    let client = app.signed_in(&user).await;
    let page = app.get_as(&client, "/compte/mes-donnees.json").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-disposition").unwrap().contains("attachment"));
    let data: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(data["account"]["email"], "export@example.org");
    assert_eq!(data["account"]["display_name"], "Export");
    assert!(data["sessions"].as_array().unwrap().len() == 1);
    assert!(!page.body.contains("argon2"), "the password hash leaked");

    let page = app.get("/compte/mes-donnees.json").await;
    assert_eq!(page.status, 303);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_account_erases_personal_data_and_ends_sessions() {
    let app = spawn_app().await;
    let user = app.create_user("leaving@example.org", "Partante", true).await;
    let client = app.signed_in(&user).await;
    let page = app.post_form_as(&client, "/api/accounts/delete_account", &[("password", &user.password)]).await;
    assert!(page.header("location").unwrap().contains("__err="), "the confirmation box is required");
    let page = app
        .post_form_as(&client, "/api/accounts/delete_account", &[("password", &user.password), ("confirm", "on")])
        .await;
    assert_eq!(page.header("location"), Some("/?ok=account-deleted"));
    let row = user::Entity::find_by_id(user.id).one(&app.db).await.unwrap().unwrap();
    assert!(row.email.is_none() && row.password_hash.is_none() && row.display_name.is_empty());
    assert!(row.deleted_at.is_some());
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
    let page =
        app.call_as(&client, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)]).await;
    assert!(page.status >= 400);
    // The address is free again.
    app.create_user("leaving@example.org", "Nouvelle", true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_follows_the_account() {
    let app = spawn_app().await;
    let user = app.create_user("english@example.org", "Anne", true).await;
    let client = app.signed_in(&user).await;
    let page = app.post_form_as(&client, "/api/set_locale", &[("locale", "en"), ("redirect_to", "/compte")]).await;
    assert_eq!(page.header("location"), Some("/compte"));
    let row = user::Entity::find_by_id(user.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.locale, "en");

    // On another device, signing in brings the language back.
    let other = TestApp::new_client();
    let page =
        app.post_form_as(&other, "/api/accounts/login", &[("email", &user.email), ("password", &user.password)]).await;
    assert!(set_cookie(&page, "palier_lang").unwrap().starts_with("palier_lang=en"));
    let page = app.get_as(&other, "/compte").await;
    assert!(page.body.contains("<html lang=\"en\""));
    assert!(page.body.contains("My account"));
    // Emails follow it too.
    app.post_form("/api/accounts/request_password_reset", &[("email", &user.email)]).await;
    assert_eq!(app.last_email_to(&user.email).await.subject, "Palier: choose a new password");
}

/// "Stay signed in" keeps a tenant signed in for weeks; staff and
/// administrators, who reach many homes, never stay more than 12 hours.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_sessions_end_after_twelve_hours_even_when_remembered() {
    use crate::world::World;
    use chrono::{Duration, Utc};
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let remembered = |user_id: i64| {
        let app = &app;
        async move {
            let session = palier_backend::sessions::create(&app.db, user_id, true, "tests").await.unwrap();
            let client = TestApp::new_client();
            let cookie = format!("palier_session={}", session.token);
            (session.id, client, cookie)
        }
    };
    let opened_ago = |id: i64, hours: i64| {
        session::Entity::update_many()
            .col_expr(session::Column::CreatedAt, Expr::value(Utc::now() - Duration::hours(hours)))
            .filter(session::Column::Id.eq(id))
            .exec(&app.db)
    };
    for (user_id, staff) in
        [(world.staff1, true), (world.admin1, true), (world.platform, true), (world.tenant_a, false)]
    {
        let (id, client, cookie) = remembered(user_id).await;
        let account = |client: &reqwest::Client| client.get(app.url("/compte")).header("cookie", cookie.clone()).send();
        opened_ago(id, 11).await.unwrap();
        assert_eq!(account(&client).await.unwrap().status(), 200, "user {user_id} after 11 hours");
        opened_ago(id, 13).await.unwrap();
        let status = account(&client).await.unwrap().status();
        if staff {
            assert_eq!(status, 303, "staff member {user_id} still signed in after 13 hours");
            assert!(session::Entity::find_by_id(id).one(&app.db).await.unwrap().is_none());
        } else {
            assert_eq!(status, 200, "a remembered tenant stays signed in");
        }
    }
}

/// Attempts are counted before the password is checked: thirty wrong
/// passwords sent at once get ten answers and twenty refusals, not thirty
/// answers. And a stranger's failures lock only the stranger out: the
/// account's owner, elsewhere, still signs in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_are_counted_first_and_cannot_lock_the_owner_out() {
    let app = spawn_app_with(&[("PALIER_TRUSTED_PROXIES", "127.0.0.1, ::1")]).await;
    let user = app.create_user("nadia@example.org", "Nadia", true).await;
    let attempt = |from: &'static str, password: String| {
        let (app, email) = (&app, user.email.clone());
        async move {
            app.client
                .post(app.url("/api/accounts/login"))
                .header("x-forwarded-for", from)
                .header("origin", &app.address)
                .header("accept", "application/json")
                .form(&[("email", email.as_str()), ("password", password.as_str())])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let guesses = (0..30).map(|n| attempt("203.0.113.66", format!("essai numéro {n} du voleur")));
    let statuses = futures_util::future::join_all(guesses).await;
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((statuses.len() - refused, refused), (10, 20), "{statuses:?}");
    assert_eq!(attempt("203.0.113.66", user.password.clone()).await, 429, "the guesser stays locked out");
    // The owner, from home, signs in (a little slowed down, never refused).
    let status = attempt("198.51.100.7", user.password.clone()).await;
    assert!(status == 200 || status == 302, "the owner was locked out: {status}");
}

/// Someone at an unlocked screen cannot guess the password without end
/// through the forms that ask for it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn checks_of_the_current_password_are_limited_too() {
    let app = spawn_app().await;
    let user = app.create_user("ines@example.org", "Inès", true).await;
    let client = app.signed_in(&user).await;
    let guess = |path: &'static str, n: usize| {
        let (app, client) = (&app, &client);
        async move {
            let guess = format!("devinette numéro {n}");
            let fields: Vec<(&str, &str)> = match path {
                "/api/accounts/change_password" => {
                    vec![("current_password", &guess), ("new_password", "une nouvelle phrase secrète")]
                }
                "/api/accounts/change_email" => vec![("new_email", "autre@example.org"), ("password", &guess)],
                _ => vec![("password", &guess), ("confirm", "on")],
            };
            app.call_as(client, path, &fields).await.status
        }
    };
    let paths = ["/api/accounts/change_password", "/api/accounts/change_email", "/api/accounts/delete_account"];
    let mut statuses = Vec::new();
    for n in 0..11 {
        statuses.push(guess(paths[n % 3], n).await);
    }
    assert!(statuses[..10].iter().all(|s| *s == 422), "{statuses:?}");
    assert_eq!(statuses[10], 429, "{statuses:?}");
    for path in paths {
        assert_eq!(guess(path, 99).await, 429);
    }
    assert!(user::Entity::find_by_id(user.id).one(&app.db).await.unwrap().unwrap().deleted_at.is_none());
}
