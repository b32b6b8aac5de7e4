//! The notification centre, email preferences and unsubscribe links, over
//! HTTP as a browser without JavaScript (and a mail client) uses them.

use crate::helpers::{error_of, link_in, spawn_app};
use crate::world::{Role, World};
use palier_backend::notifications;
use palier_domain::notifications::{Category, Mode};

async fn unread(app: &crate::helpers::TestApp, user: i64) -> u64 {
    notifications::unread_count(&app.db, user).await.unwrap()
}

/// The `<input …>` tag with this id, as the page renders it.
fn input_tag<'a>(body: &'a str, id: &str) -> &'a str {
    let at = body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no input {id}"));
    let start = body[..at].rfind('<').unwrap();
    let end = at + body[at..].find('>').unwrap();
    &body[start..=end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notification_centre_lists_opens_and_marks_read_without_javascript() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    palier_backend::consultations::lifecycle::advance(&app.db, &app.seal, world.open_consultation, app.clock.now())
        .await
        .unwrap();
    let tenant = world.browser(&app, Role::TenantA);

    // The header counts what is unread, on every page.
    let before = unread(&app, world.tenant_a).await;
    assert!(before >= 1);
    let home = app.get_as(&tenant, "/accueil").await;
    assert!(home.body.contains(&format!("class=\"count-badge\">{before}")), "{}", home.body);

    let page = app.get_as(&tenant, "/notifications").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Vote ouvert : « Consultation »"), "{}", page.body);
    assert!(page.body.contains("Tout marquer comme lu"));

    // Opening one marks it read and leads to its consultation.
    let (items, _) = notifications::list(&app.db, world.tenant_a, 0, 20).await.unwrap();
    let opened = items
        .iter()
        .find(|i| {
            i.kind == palier_domain::notifications::Kind::ConsultationOpened
                && i.link.ends_with(&world.open_consultation.to_string())
        })
        .unwrap();
    let response = app.get_as(&tenant, &format!("/notifications/{}/ouvrir", opened.id)).await;
    assert_eq!(response.status, 303);
    assert_eq!(response.header("location"), Some(format!("/consultations/{}", world.open_consultation).as_str()));
    assert_eq!(unread(&app, world.tenant_a).await, before - 1);

    // Someone else's notification is not there for them, and stays unread.
    let other = world.browser(&app, Role::TenantB);
    let unread_item = items.iter().find(|i| i.id != opened.id).unwrap();
    assert_eq!(app.get_as(&other, &format!("/notifications/{}/ouvrir", unread_item.id)).await.status, 404);
    let id = unread_item.id.to_string();
    let refused = app.call_as(&other, "/api/notifications/mark_read", &[("id", &id)]).await;
    assert_eq!(refused.status, 404);
    assert_eq!(unread(&app, world.tenant_a).await, before - 1);

    // Mark one, then all, as read with plain form posts.
    let marked = app.post_form_as(&tenant, "/api/notifications/mark_read", &[("id", &id)]).await;
    assert_eq!(marked.header("location"), Some("/notifications?ok=notification-read"));
    assert_eq!(unread(&app, world.tenant_a).await, before - 2);
    let all = app.post_form_as(&tenant, "/api/notifications/mark_all_read", &[]).await;
    assert_eq!(all.header("location"), Some("/notifications?ok=notifications-read"));
    assert_eq!(unread(&app, world.tenant_a).await, 0);
    let page = app.get_as(&tenant, "/notifications?ok=notifications-read").await;
    assert!(page.body.contains("Toutes vos notifications sont marquées comme lues."));
    assert!(page.body.contains("Vous avez tout lu."));
    assert!(!page.body.contains("count-badge"));

    // A page far past the end (or past what a number can hold) is empty, not an error.
    for page in ["1000", "18446744073709551615"] {
        let far = app.get_as(&tenant, &format!("/api/notifications/mine?page={page}")).await;
        assert_eq!(far.status, 200, "page {page}: {}", far.body);
        assert!(far.body.contains("\"items\":[]"), "{}", far.body);
    }

    // Visitors are sent to sign in.
    let visitor = app.get("/notifications").await;
    assert_eq!(visitor.status, 303);
    assert!(visitor.header("location").unwrap().starts_with("/connexion?retour="));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_preferences_are_saved_per_category_and_bad_choices_change_nothing() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let tenant = world.browser(&app, Role::TenantA);

    // The defaults: consultations at once, the home in the digest.
    let page = app.get_as(&tenant, "/compte/notifications").await;
    assert_eq!(page.status, 200);
    assert!(input_tag(&page.body, "preference-consultations-immediate").contains("checked"));
    assert!(!input_tag(&page.body, "preference-consultations-digest").contains("checked"));
    assert!(input_tag(&page.body, "preference-home-digest").contains("checked"));
    assert!(page.body.contains("reçus de vote sont toujours envoyés"));

    let saved = app
        .post_form_as(
            &tenant,
            "/api/notifications/set_preferences",
            &[("modes[consultations]", "none"), ("modes[home]", "immediate")],
        )
        .await;
    assert_eq!(saved.header("location"), Some("/compte/notifications?ok=preferences-saved"));
    let chosen = vec![
        (Category::Consultations, Mode::None),
        (Category::Projects, Mode::Immediate),
        (Category::Neighbourhood, Mode::Digest),
        (Category::Home, Mode::Immediate),
    ];
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_a)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>(),
        chosen
    );
    let page = app.get_as(&tenant, "/compte/notifications?ok=preferences-saved").await;
    assert!(page.body.contains("Vos choix sont enregistrés."));
    assert!(input_tag(&page.body, "preference-consultations-none").contains("checked"));

    // Choices the form does not offer are refused, and nothing changes.
    for fields in [
        [("modes[consultations]", "loud"), ("modes[home]", "digest")],
        [("modes[votes]", "immediate"), ("modes[home]", "digest")],
    ] {
        let refused = app.post_form_as(&tenant, "/api/notifications/set_preferences", &fields).await;
        assert!(!error_of(&refused).is_empty(), "{:?}", refused.header("location"));
        let json = app.call_as(&tenant, "/api/notifications/set_preferences", &fields).await;
        assert_eq!(json.status, 400);
        assert_eq!(
            notifications::preferences(&app.db, world.tenant_a)
                .await
                .unwrap()
                .into_iter()
                .map(|p| (p.category, p.mode))
                .collect::<Vec<_>>(),
            chosen
        );
    }
    // Each person's own.
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_b)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>(),
        vec![
            (Category::Consultations, Mode::Immediate),
            (Category::Projects, Mode::Immediate),
            (Category::Neighbourhood, Mode::Digest),
            (Category::Home, Mode::Digest),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_emails_unsubscribe_link_works_in_one_click_and_from_its_page_without_signing_in() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    palier_backend::consultations::lifecycle::advance(&app.db, &app.seal, world.open_consultation, app.clock.now())
        .await
        .unwrap();

    // The server's mailer sends the opening at once (the default).
    let link = format!("/consultations/{}\n", world.open_consultation);
    let email = app.email_containing("tenant.a@example.org", &link).await;
    assert_eq!(email.subject, "Vote ouvert : « Consultation »");
    let header = |name: &str| email.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    let list = header("List-Unsubscribe").unwrap();
    let url = list.trim_start_matches('<').trim_end_matches('>');
    let path = link_in(url, "/desabonnement?jeton=");
    let path = path.as_str();
    assert!(email.text.contains(url), "the link is in the text too");

    // Opening the link (as a mail scanner would) changes nothing.
    let page = app.get(path).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Vous ne recevrez plus d'emails sur les consultations de votre résidence."));
    assert!(page.body.contains("Confirmer le désabonnement"));
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_a)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()[0]
            .1,
        Mode::Immediate
    );

    // The mail client's one-click POST, from another machine: no cookie, no origin.
    let one_click = reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(one_click.status(), 200);
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_a)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>(),
        vec![
            (Category::Consultations, Mode::None),
            (Category::Projects, Mode::Immediate),
            (Category::Neighbourhood, Mode::Digest),
            (Category::Home, Mode::Digest),
        ]
    );

    // The page's button, for a link that stops everything.
    let key = notifications::unsubscribe::Key::load(&app.db).await.unwrap();
    let token = key.token(world.tenant_a, None);
    let done = app.post_form("/api/notifications/unsubscribe", &[("token", &token)]).await;
    assert_eq!(done.header("location"), Some("/desabonnement/fait"));
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_a)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>(),
        vec![
            (Category::Consultations, Mode::None),
            (Category::Projects, Mode::None),
            (Category::Neighbourhood, Mode::None),
            (Category::Home, Mode::None),
        ]
    );
    assert!(app.get("/desabonnement/fait").await.body.contains("Désabonnement confirmé"));
    // Tenant B's preferences were never touched.
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_b)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()[0]
            .1,
        Mode::Immediate
    );

    // A forged or cut link does nothing, with a clear message.
    let forged = format!("{}-all-{}", world.tenant_b, "0".repeat(64));
    let page = app.get(&format!("/desabonnement?jeton={forged}")).await;
    assert!(page.body.contains("Ce lien de désabonnement n'est pas valide."));
    assert!(!page.body.contains("Confirmer le désabonnement"));
    let refused = reqwest::Client::new()
        .post(app.url(&format!("/desabonnement?jeton={forged}")))
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404);
    let refused = app.post_form("/api/notifications/unsubscribe", &[("token", &forged)]).await;
    assert!(!error_of(&refused).is_empty());
    assert_eq!(
        notifications::preferences(&app.db, world.tenant_b)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.category, p.mode))
            .collect::<Vec<_>>()[0]
            .1,
        Mode::Immediate
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_clock_reminds_two_days_before_the_close_then_closes_and_announces_the_results() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let tenant = world.browser(&app, Role::TenantA);
    let page = format!("/consultations/{}", world.open_consultation);
    let to = "tenant.a@example.org";
    let reminder = "Plus que 48 heures pour voter : « Consultation »";
    let results = "Résultats du vote : « Consultation »";
    // (The world's other consultation has the same title: count this one's emails by their link.)
    let about_this_one = |text: &str| {
        text.match_indices(&page).any(|(at, _)| !text[at + page.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    let count = |emails: &[palier_backend::mail::OutgoingEmail], subject: &str| {
        emails.iter().filter(|m| m.to == to && m.subject == subject && about_this_one(&m.text)).count()
    };

    // Three days before the close, the opening is announced, nothing more.
    app.email_with_subject(to, "Vote ouvert : « Consultation »").await;
    assert_eq!(count(&app.emails().await, reminder), 0);

    // A day later the home that has not voted is reminded, once.
    app.advance_clock(chrono::Duration::days(1) + chrono::Duration::minutes(1)).await;
    assert_eq!(count(&app.emails().await, reminder), 1);
    app.advance_clock(chrono::Duration::hours(1)).await;
    assert_eq!(count(&app.emails().await, reminder), 1, "reminded once only");
    assert!(app.get_as(&tenant, &page).await.body.contains("Vote ouvert"));

    // Past the close: the vote is over and its results are announced.
    assert_eq!(count(&app.emails().await, results), 0);
    app.advance_clock(chrono::Duration::days(2)).await;
    assert_eq!(count(&app.emails().await, results), 1);
    let shown = app.get_as(&tenant, &page).await;
    assert!(shown.body.contains("Vote terminé"), "{}", shown.body);
    assert!(!shown.body.contains("Vote ouvert"));
    assert_eq!(count(&app.emails().await, reminder), 1);
}
