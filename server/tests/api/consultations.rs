//! Consultations over HTTP, as browsers without JavaScript use them: staff
//! build and open one, tenants vote through the review step and get a
//! receipt, paper ballots, visibility of results, the recount list and the
//! landlord's response.

use crate::helpers::{Page, TestApp, error_of, spawn_app};
use crate::world::{Role, World, close_now};
use palier_backend::entities::{audit_log, outbox_email as outbox};
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};

/// A `datetime-local` value, in Paris time, `minutes` from now.
fn paris_in(minutes: i64) -> String {
    palier_domain::time::paris_input(chrono::Utc::now() + chrono::Duration::minutes(minutes))
}

/// The settings form of a consultation for residence `residence`.
fn settings<'a>(
    organisation: &'a str,
    residence: &'a str,
    opens: &'a str,
    closes: &'a str,
    visibility: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("organisation_id", organisation),
        ("title", "  Rénovation   des halls "),
        ("summary", "Choisissez les couleurs des halls."),
        ("body", "Les travaux auront lieu **au printemps**.<script>alert(1)</script>"),
        ("scope", "residences"),
        ("residences[]", residence),
        ("unit", "household"),
        ("opens_at", opens),
        ("closes_at", closes),
        ("visibility", visibility),
        ("quorum", "50"),
    ]
}

/// The id in a `/gestion/consultations/{id}?…` redirect.
fn consultation_id(page: &Page) -> i64 {
    let location = page.header("location").unwrap_or_default();
    assert!(location.starts_with("/gestion/consultations/"), "{location} {}", error_of(page));
    location.trim_start_matches("/gestion/consultations/").split(['?', '#']).next().unwrap().parse().unwrap()
}

/// Adds a single-choice question and returns its option ids.
async fn add_single(app: &TestApp, staff: &reqwest::Client, id: i64, prompt: &str) -> (i64, Vec<i64>) {
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/add_question",
            &[
                ("consultation_id", &id.to_string()),
                ("kind", "single"),
                ("prompt", prompt),
                ("required", "on"),
                ("options", "Bleu\nVert\n\nOcre"),
            ],
        )
        .await;
    assert_eq!(page.status, 302, "{}", error_of(&page));
    let definition = palier_backend::consultations::definition(&app.db, id).await.unwrap().unwrap();
    let question = definition.questions.iter().find(|q| q.prompt == prompt).unwrap();
    (question.id.get(), question.options.iter().map(|(id, _)| id.get()).collect())
}

/// Staff of organisation 1 create a consultation for residence A, open now, with one question.
async fn open_consultation(app: &TestApp, world: &World, visibility: &str) -> (i64, i64, Vec<i64>) {
    let staff = world.client(Role::Staff1);
    let (org, residence) = (world.org1.to_string(), world.residence_a.to_string());
    let (opens, closes) = (paris_in(60), paris_in(60 * 24 * 7));
    let page = app
        .post_form_as(staff, "/api/consultations/create", &settings(&org, &residence, &opens, &closes, visibility))
        .await;
    let id = consultation_id(&page);
    let (question, options) = add_single(app, staff, id, "Quelle couleur ?").await;
    for action in ["schedule", "open_now"] {
        let page = app
            .post_form_as(staff, "/api/consultations/transition", &[("id", &id.to_string()), ("action", action)])
            .await;
        assert_eq!(page.status, 302, "{}", error_of(&page));
    }
    (id, question, options)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_build_a_consultation_with_forms_and_its_rules_freeze_once_scheduled() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let (org, residence) = (world.org1.to_string(), world.residence_a.to_string());
    let (opens, closes) = (paris_in(60), paris_in(60 * 24 * 7));

    // Broken settings come back as field errors, with the values kept.
    let browser = world.browser(&app, Role::Staff1);
    let page = app
        .post_form_as(
            &browser,
            "/api/consultations/create",
            &[
                ("organisation_id", &org),
                ("title", " "),
                ("summary", ""),
                ("body", ""),
                ("scope", "residences"),
                ("unit", "everyone"),
                ("opens_at", &closes),
                ("closes_at", &opens),
                ("visibility", "live"),
                ("quorum", "120"),
            ],
        )
        .await;
    let error = error_of(&page);
    for code in [
        "error-consultation-title",
        "error-consultation-scope",
        "error-consultation-unit",
        "error-closes-before-opens",
        "error-quorum",
    ] {
        assert!(error.contains(code), "{code} missing in {error}");
    }
    // What was typed stays out of the URL, and fills the form again in this browser.
    assert!(!error.contains(&closes), "typed values in the URL: {error}");
    let back = page.header("location").unwrap().replacen(
        &app.url("/formulaire"),
        &format!("/gestion/organisations/{org}/consultations/nouvelle"),
        1,
    );
    let again = app.get_as(&browser, &back).await;
    assert!(again.body.contains("Le formulaire contient des erreurs"), "{}", again.status);
    // Not in another browser of the same person (nor anyone else's).
    let elsewhere = app.get_as(staff, &back).await;
    assert!(elsewhere.body.contains("Le formulaire contient des erreurs") && !elsewhere.body.contains("value=\"120\""));
    assert!(again.body.contains(&format!("value=\"{closes}\"")), "the values typed are kept");
    assert!(again.body.contains("value=\"120\""));

    // Another landlord's staff cannot create one here; a tenant is refused.
    let form = settings(&org, &residence, &opens, &closes, "live");
    assert_eq!(app.call_as(world.client(Role::Staff2), "/api/consultations/create", &form).await.status, 404);
    assert_eq!(app.call_as(world.client(Role::TenantA), "/api/consultations/create", &form).await.status, 403);

    let page = app.post_form_as(staff, "/api/consultations/create", &form).await;
    let id = consultation_id(&page);
    let definition = palier_backend::consultations::definition(&app.db, id).await.unwrap().unwrap();
    assert_eq!(definition.consultation.title, "Rénovation des halls");

    // A consultation without a question cannot be scheduled.
    let page = app
        .post_form_as(staff, "/api/consultations/transition", &[("id", &id.to_string()), ("action", "schedule")])
        .await;
    assert!(error_of(&page).contains("error-consultation-no-question"), "{}", error_of(&page));

    // One question of each kind; a broken one is refused with a message.
    let id_text = id.to_string();
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/add_question",
            &[
                ("consultation_id", &id_text),
                ("kind", "multiple"),
                ("prompt", "Quels équipements ?"),
                ("options", "Bancs\nArbres"),
                ("min_choices", "1"),
                ("max_choices", "5"),
            ],
        )
        .await;
    assert!(error_of(&page).contains("error-choice-limits"), "{}", error_of(&page));
    for fields in [
        vec![("kind", "single"), ("prompt", "Quelle couleur ?"), ("required", "on"), ("options", "Bleu\nVert")],
        vec![
            ("kind", "multiple"),
            ("prompt", "Quels équipements ?"),
            ("options", "Bancs\nArbres\nJeux"),
            ("min_choices", "1"),
            ("max_choices", "2"),
        ],
        vec![("kind", "ranking"), ("prompt", "Classez les travaux"), ("options", "Toit\nHall\nCaves")],
        vec![("kind", "scale"), ("prompt", "Votre avis ?"), ("scale_low", "Mauvais"), ("scale_high", "Très bien")],
        vec![("kind", "text"), ("prompt", "Une idée ?"), ("max_chars", "300")],
    ] {
        let mut fields = fields;
        fields.push(("consultation_id", &id_text));
        let page = app.post_form_as(staff, "/api/consultations/add_question", &fields).await;
        assert_eq!(page.status, 302, "{}", error_of(&page));
    }
    let definition = palier_backend::consultations::definition(&app.db, id).await.unwrap().unwrap();
    assert_eq!(definition.questions.len(), 5);
    let last = definition.questions[4].id;
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/question_action",
            &[("question_id", &last.to_string()), ("action", "up")],
        )
        .await;
    assert_eq!(page.status, 302);
    let definition = palier_backend::consultations::definition(&app.db, id).await.unwrap().unwrap();
    assert_eq!(definition.questions[3].id, last, "moved up one place");

    // A refused edit, without JavaScript, comes back to that question's form
    // alone: open, with its summary and the field's message, and what was typed.
    let first = definition.questions[0].id.to_string();
    let builder_page = format!("/gestion/consultations/{id}");
    let staff_browser = world.browser(&app, Role::Staff1);
    let page = app
        .post_form_from(
            &staff_browser,
            &builder_page,
            "/api/consultations/update_question",
            &[("question_id", &first), ("kind", "single"), ("prompt", " "), ("options", "Bleu\nVert\nRouge")],
        )
        .await;
    assert!(error_of(&page).contains("error-question-prompt"), "{}", error_of(&page));
    let back = app.follow(&staff_browser, &page).await;
    assert_eq!(back.status, 200);
    let message = "Écrivez la question (500 caractères au plus).";
    // (Each field's island also carries its rule's messages, hence the markup.)
    assert_eq!(back.body.matches(&format!("{message}</a>")).count(), 1, "in one summary, linked");
    assert_eq!(back.body.matches(&format!("{message}</span>")).count(), 1, "next to one field");
    assert!(back.body.contains(&format!("href=\"#field-edit-{first}-prompt\"")), "the summary links to the field");
    assert_eq!(back.body.matches("<details open").count(), 1, "only the refused question's form is open");
    let open_at = back.body.find("<details open").unwrap();
    let field_at = back.body.find(&format!("id=\"field-edit-{first}-prompt\"")).expect("the edit form's field");
    let message_at = back.body.find(&format!("{message}</span>")).unwrap();
    assert!(open_at < message_at && open_at < field_at, "the message and its field are in the open form");
    assert!(back.body.contains("Bleu\nVert\nRouge"), "what was typed stays");
    // A browser that keeps no cookie gets the message back without what says
    // which question it was: it shows above the list, not lost.
    let page = app
        .post_form_from(
            staff,
            &builder_page,
            "/api/consultations/update_question",
            &[("question_id", &first), ("kind", "single"), ("prompt", " "), ("options", "Bleu\nVert")],
        )
        .await;
    let back = app.follow(staff, &page).await;
    assert_eq!(back.body.matches(&format!("{message}</a>")).count(), 1, "in the summary above the list");
    assert_eq!(back.body.matches("<details open").count(), 0);

    // The preview shows the ballot as a tenant would see it, sanitised.
    let page = app.get_as(staff, &format!("/gestion/consultations/{id}/apercu")).await;
    assert_eq!(page.status, 200);
    for text in ["Quelle couleur ?", "Classez les travaux", "Mauvais", "Très bien", "<strong>au printemps</strong>"] {
        assert!(page.body.contains(text), "{text} missing from the preview");
    }
    assert!(!page.body.contains("<script>alert"), "the body is sanitised");
    assert_eq!(
        app.get_as(world.client(Role::Staff2), &format!("/gestion/consultations/{id}/apercu")).await.status,
        404
    );

    // Scheduled: the rules are frozen, the server refuses changes.
    let page =
        app.post_form_as(staff, "/api/consultations/transition", &[("id", &id_text), ("action", "schedule")]).await;
    assert_eq!(page.header("location"), Some(format!("/gestion/consultations/{id}?ok=schedule").as_str()));
    let mut changed = settings(&org, &residence, &opens, &closes, "after_close");
    changed.push(("id", &id_text));
    changed.retain(|(k, _)| *k != "organisation_id");
    let page = app.post_form_as(staff, "/api/consultations/update", &changed).await;
    assert!(error_of(&page).contains("error-consultation-frozen"), "{}", error_of(&page));
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/add_question",
            &[("consultation_id", &id_text), ("kind", "text"), ("prompt", "Encore ?"), ("max_chars", "10")],
        )
        .await;
    assert!(error_of(&page).contains("error-consultation-frozen"), "{}", error_of(&page));
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/question_action",
            &[("question_id", &last.to_string()), ("action", "delete")],
        )
        .await;
    assert!(error_of(&page).contains("error-consultation-frozen"), "{}", error_of(&page));

    // Opened early; the closing date may only move later, and that is in the audit log.
    let page =
        app.post_form_as(staff, "/api/consultations/transition", &[("id", &id_text), ("action", "open_now")]).await;
    assert_eq!(page.status, 302, "{}", error_of(&page));
    let earlier = paris_in(60 * 24);
    let page = app.post_form_as(staff, "/api/consultations/extend", &[("id", &id_text), ("closes_at", &earlier)]).await;
    assert!(error_of(&page).contains("error-extend-not-later"), "{}", error_of(&page));
    // Its results are shown live: it keeps its closing date, so that nobody
    // prolongs the vote on seeing who leads.
    let later = paris_in(60 * 24 * 14);
    let page = app.post_form_as(staff, "/api/consultations/extend", &[("id", &id_text), ("closes_at", &later)]).await;
    assert!(error_of(&page).contains("error-extend-live"), "{}", error_of(&page));
    // A vote whose results come after the close moves once only, and every
    // home that may vote hears of it.
    let (after_close, _, _) = open_consultation(&app, &world, "after_close").await;
    let after_close = after_close.to_string();
    let page =
        app.post_form_as(staff, "/api/consultations/extend", &[("id", &after_close), ("closes_at", &later)]).await;
    assert_eq!(page.header("location"), Some(format!("/gestion/consultations/{after_close}?ok=extended").as_str()));
    let again = paris_in(60 * 24 * 21);
    let page =
        app.post_form_as(staff, "/api/consultations/extend", &[("id", &after_close), ("closes_at", &again)]).await;
    assert!(error_of(&page).contains("error-extend-once"), "{}", error_of(&page));
    let told: Vec<i64> = palier_backend::entities::notification::Entity::find()
        .filter(palier_backend::entities::notification::Column::Kind.eq("consultation_extended"))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect();
    assert_eq!(told, vec![world.tenant_a], "the occupants of residence A");
    let tenant = world.client(Role::TenantA);
    assert!(app.get_as(tenant, "/notifications").await.body.contains("est prolongé jusqu"));
    let logged: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::OrganisationId.eq(world.org1))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.action)
        .collect();
    for action in
        ["consultation.created", "consultation.scheduled", "consultation.opened_early", "consultation.extended"]
    {
        assert!(logged.iter().any(|a| a == action), "{action} not in {logged:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_votes_without_javascript_through_the_review_step_and_gets_a_receipt_once() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let (id, question, options) = open_consultation(&app, &world, "live").await;
    let tenant = world.browser(&app, Role::TenantA);

    // Listed for the tenant of residence A, not for the one of residence B (who gets a 404).
    let page = app.get_as(&tenant, "/consultations").await;
    assert!(page.body.contains("Rénovation des halls"));
    let page = app.get_as(world.client(Role::TenantB), "/consultations").await;
    assert!(!page.body.contains("Rénovation des halls"));
    assert_eq!(app.get_as(world.client(Role::TenantB), &format!("/consultations/{id}/voter")).await.status, 404);

    // The ballot form, then a review with a missing answer: the form again, with the message.
    let page = app.get_as(&tenant, &format!("/consultations/{id}/voter")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&format!("action=\"/consultations/{id}/verifier\"")));
    assert!(page.body.contains("href=\"/secret-du-vote\""), "every ballot links to how the vote stays secret");
    let field = format!("answers[q{question}][]");
    let review = format!("/consultations/{id}/verifier");
    let page = app.post_form_as(&tenant, &review, &[]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Répondez à cette question."), "{}", page.body);

    // A good ballot is shown back for review; nothing is cast yet.
    let choice = options[1].to_string();
    let page = app.post_form_as(&tenant, &review, &[(&field, &choice)]).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Vert"), "the review names the choice");
    assert!(page.body.contains(&format!("value=\"{choice}\"")), "the choice travels in a hidden field");
    assert_eq!(voters(&app, id).await, 0);

    // Confirmed: redirected to the receipt, shown once.
    let id_text = id.to_string();
    let page = app
        .post_form_as(&tenant, "/api/consultations/cast_ballot", &[("consultation_id", &id_text), (&field, &choice)])
        .await;
    assert_eq!(page.header("location"), Some(format!("/consultations/{id}/recu").as_str()), "{}", error_of(&page));
    let page = app.get_as(&tenant, &format!("/consultations/{id}/recu")).await;
    assert_eq!(page.status, 200);
    let receipt = app.sealed_receipts(id).await.pop().unwrap();
    assert!(page.body.contains(&receipt), "the receipt is shown");
    let again = app.get_as(&tenant, &format!("/consultations/{id}/recu")).await;
    assert!(!again.body.contains(&receipt), "the receipt is shown only once");
    assert!(again.body.contains("n'est affiché qu'une fois"));

    // The receipt email; once sent, its body is erased from the outbox.
    let email = app.email_containing("tenant.a@example.org", &receipt).await;
    assert!(email.subject.contains("reçu") || email.subject.contains("Reçu"), "{}", email.subject);
    let rows = outbox::Entity::find().filter(outbox::Column::Sensitive.eq(true)).all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_some(), "the receipt email is marked sent");
    assert!(!rows[0].text_body.contains(&receipt) && !rows[0].html_body.contains(&receipt));

    // A second vote is refused, as a form and as a script call.
    let page = app
        .post_form_as(&tenant, "/api/consultations/cast_ballot", &[("consultation_id", &id_text), (&field, &choice)])
        .await;
    assert!(error_of(&page).contains("error-ballot-already-voted"), "{}", error_of(&page));
    let page = app
        .call_as(&tenant, "/api/consultations/cast_ballot", &[("consultation_id", &id_text), (&field, &choice)])
        .await;
    assert_eq!(page.status, 422);
    assert_eq!(voters(&app, id).await, 1);
    // Results are live, but one ballot is fewer than five: neither the page
    // nor the staff's export shows it yet.
    let staff = world.client(Role::Staff1);
    let csv = app.get_as(staff, &format!("/consultations/{id}/resultats.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains(";0;") && !csv.body.contains(";1;"), "one ballot is visible:\n{}", csv.body);
    let page = app.get_as(&tenant, &format!("/consultations/{id}")).await;
    assert!(
        page.body.contains("Votre logement a voté. Merci !"),
        "the page says the home voted: {} {}",
        page.status,
        page.body
    );

    // A tenant elsewhere cannot cast into it, whatever they post.
    let page = app
        .call_as(
            world.client(Role::TenantB),
            "/api/consultations/cast_ballot",
            &[("consultation_id", &id_text), (&field, &choice)],
        )
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(voters(&app, id).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_ballots_get_a_message_per_question_and_keep_the_answers() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let (id, question, options) = open_consultation(&app, &world, "live").await;
    let tenant = world.browser(&app, Role::TenantA);
    let field = format!("answers[q{question}][]");
    let (a, b) = (options[0].to_string(), options[1].to_string());
    let id_text = id.to_string();
    for fields in [
        vec![(field.as_str(), a.as_str()), (field.as_str(), b.as_str())],
        vec![(field.as_str(), "999999")],
        vec![(field.as_str(), "pas un nombre")],
    ] {
        let page = app.post_form_as(&tenant, &format!("/consultations/{id}/verifier"), &fields).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Choisissez une seule réponse.")
                || page.body.contains("Une réponse ne fait pas partie des choix proposés."),
            "{fields:?}"
        );
        let mut cast = fields.clone();
        cast.push(("consultation_id", &id_text));
        let page = app.post_form_as(&tenant, "/api/consultations/cast_ballot", &cast).await;
        let error = error_of(&page);
        assert!(error.contains("error-answer-"), "{error}");
    }
    // The answers given are kept in the form that comes back.
    let page = app.post_form_as(&tenant, &format!("/consultations/{id}/verifier"), &[(&field, &a), (&field, &b)]).await;
    assert!(page.body.contains(&format!("value=\"{a}\" checked")), "the choices are kept");
    assert_eq!(voters(&app, id).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_record_paper_ballots_and_online_and_paper_votes_exclude_each_other() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let (id, question, options) = open_consultation(&app, &world, "live").await;
    let staff = world.client(Role::Staff1);
    let field = format!("answers[q{question}][]");
    let choice = options[0].to_string();
    let id_text = id.to_string();
    let paper = async |unit: i64| {
        app.post_form_as(
            staff,
            "/api/consultations/record_paper_ballot",
            &[("consultation_id", &id_text), ("unit_id", &unit.to_string()), (&field, &choice)],
        )
        .await
    };
    let page = paper(world.household_a1).await;
    assert_eq!(page.header("location"), Some(format!("/gestion/consultations/{id}?ok=paper-recorded#papier").as_str()));
    assert!(error_of(&paper(world.household_a1).await).contains("error-paper-already-voted"));
    assert!(error_of(&paper(world.household_b1).await).contains("error-paper-unit"), "not in the consultation");
    assert_eq!(voters(&app, id).await, 1);

    // The tenant of that household can no longer vote online, and is told
    // that a paper ballot was entered in their home's name.
    let tenant = world.browser(&app, Role::TenantA);
    let page = app.get_as(&tenant, "/notifications").await;
    assert!(page.body.contains("Un bulletin papier a été saisi pour votre logement"), "{}", page.body);
    let notice = palier_backend::entities::notification::Entity::find()
        .filter(palier_backend::entities::notification::Column::Kind.eq("paper_ballot"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(notice.iter().map(|n| n.user_id).collect::<Vec<_>>(), vec![world.tenant_a]);
    assert_eq!(notice[0].email_state, "digest", "emailed as the home's notices are, in the daily digest");
    let page = app
        .post_form_as(&tenant, "/api/consultations/cast_ballot", &[("consultation_id", &id_text), (&field, &choice)])
        .await;
    assert!(error_of(&page).contains("error-ballot-already-voted"), "{}", error_of(&page));

    // An online vote first: the paper ballot for that home is refused.
    let joined = app.create_user("voisin@example.org", "Voisin", true).await;
    palier_backend::registry::join_household(
        &app.db,
        &app.codes,
        joined.id,
        &world.code_a2,
        "127.0.0.1",
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let neighbour = app.signed_in(&joined).await;
    let page = app
        .post_form_as(&neighbour, "/api/consultations/cast_ballot", &[("consultation_id", &id_text), (&field, &choice)])
        .await;
    assert_eq!(page.header("location"), Some(format!("/consultations/{id}/recu").as_str()), "{}", error_of(&page));
    assert!(error_of(&paper(world.household_a2).await).contains("error-paper-already-voted"));
    assert_eq!(voters(&app, id).await, 2);

    // Only the organisation's staff record paper ballots, and each one is logged.
    let fields = [("consultation_id", id_text.as_str()), ("unit_id", "1"), (field.as_str(), choice.as_str())];
    assert_eq!(
        app.call_as(world.client(Role::Staff2), "/api/consultations/record_paper_ballot", &fields).await.status,
        404
    );
    assert_eq!(
        app.call_as(world.client(Role::TenantA), "/api/consultations/record_paper_ballot", &fields).await.status,
        403
    );
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("consultation.paper_ballot"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 1);
    // Each refusal told staff that a home voted: both are logged too.
    let refusals = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("consultation.paper_ballot_refused"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(refusals, 2);
    // While the vote is open the staff page never says which homes voted.
    let page = app.get_as(staff, &format!("/gestion/consultations/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Enregistrer le bulletin papier"));
    let options: Vec<&str> = page.body.split("<option").skip(1).map(|o| o.split("</option>").next().unwrap()).collect();
    assert!(options.len() >= 2, "{}", page.body);
    assert!(options.iter().all(|o| !o.contains("disabled") && !o.contains("a voté")), "{options:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_after_closing_leak_nothing_before_and_everything_is_published_after() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let (id, question, options) = open_consultation(&app, &world, "after_close").await;
    let staff = world.client(Role::Staff1);
    let tenant = world.browser(&app, Role::TenantA);
    let field = format!("answers[q{question}][]");
    let id_text = id.to_string();
    let page = app
        .post_form_as(
            &tenant,
            "/api/consultations/cast_ballot",
            &[("consultation_id", &id_text), (&field, &options[2].to_string())],
        )
        .await;
    assert_eq!(page.status, 302, "{}", error_of(&page));
    let receipt = app.sealed_receipts(id).await.pop().unwrap();

    // While open: no counts, no lists, no exports, for tenants or staff, by page or by call.
    for client in [&tenant, staff] {
        let page = app.get_as(client, &format!("/consultations/{id}/resultats")).await;
        assert!(page.body.contains("Les résultats seront visibles à la fin du vote."));
        assert!(!page.body.contains("Ocre</th>") && !page.body.contains("100 %"), "no count leaks");
        let page = app.get_as(client, &format!("/consultations/{id}/depouillement")).await;
        assert_eq!(page.status, 403);
        assert!(!page.body.contains(&receipt));
        let call = app.get_as(client, &format!("/api/consultations/results?id={id}")).await;
        assert!(!call.body.contains("Ocre"), "the server function leaks nothing: {}", call.body);
    }
    for file in ["resultats.csv", "bulletins.csv"] {
        assert_eq!(app.get_as(staff, &format!("/consultations/{id}/{file}")).await.status, 403);
    }
    // Staff cannot publish a response before closing.
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/publish",
            &[("id", &id_text), ("response", "Nous ferons l'ocre."), ("decision", "adopted")],
        )
        .await;
    assert!(error_of(&page).contains("error-consultation-transition"), "{}", error_of(&page));

    close_now(&app, id).await;
    let page = app.get_as(&tenant, &format!("/consultations/{id}/resultats")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<ul aria-hidden=\"true\" class=\"chart__bars\">"), "a chart");
    assert!(page.body.contains("<span class=\"chart__label\">Ocre</span>"), "its labels are text, whole");
    assert!(page.body.contains("<table"), "a data table beside it");
    assert!(page.body.contains("Ocre"));
    assert!(page.body.contains("Le quorum de 50 % est atteint."), "1 of 2 households voted");

    // The recount list: every receipt with its answers, and a voter finds theirs.
    let page = app.get_as(&tenant, &format!("/consultations/{id}/depouillement")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&receipt));
    let page = app.get_as(&tenant, &format!("/consultations/{id}/depouillement?recu={receipt}")).await;
    assert!(page.body.contains("Votre bulletin est bien compté."));
    let page = app.get_as(&tenant, &format!("/consultations/{id}/depouillement?recu=AAAA-BBBB-CCCC")).await;
    assert!(page.body.contains("Aucun bulletin n'a ce reçu."));
    // A receipt of the wrong form is said next to the field (the rule the
    // browser checks before sending), with what was typed, not as "not found".
    let page = app.get_as(&tenant, &format!("/consultations/{id}/depouillement?recu=K7QM-9TX")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Un reçu compte 12 lettres et chiffres"), "the format is explained");
    assert!(page.body.contains("value=\"K7QM-9TX\""), "what was typed stays");
    assert!(!page.body.contains("Aucun bulletin n'a ce reçu."));
    assert_eq!(
        app.get_as(world.client(Role::TenantB), &format!("/consultations/{id}/depouillement")).await.status,
        404
    );

    // Staff exports: results and the anonymous ballot list, nothing that names a home.
    let csv = app.get_as(staff, &format!("/consultations/{id}/bulletins.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains(&receipt) && csv.body.contains("Ocre"));
    assert!(!csv.body.contains(&world.household_a1.to_string()) || !csv.body.contains("household"));
    let csv = app.get_as(staff, &format!("/consultations/{id}/resultats.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("Ocre"));
    assert_eq!(
        app.get_as(world.client(Role::TenantA), &format!("/consultations/{id}/resultats.csv")).await.status,
        404
    );

    // The landlord's response, shown under the results.
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/publish",
            &[("id", &id_text), ("response", " "), ("decision", "maybe")],
        )
        .await;
    let error = error_of(&page);
    assert!(error.contains("error-response") && error.contains("error-decision"), "{error}");
    let page = app
        .post_form_as(
            staff,
            "/api/consultations/publish",
            &[("id", &id_text), ("response", "Nous peindrons les halls en **ocre**."), ("decision", "adopted")],
        )
        .await;
    assert_eq!(page.header("location"), Some(format!("/gestion/consultations/{id}?ok=published").as_str()));
    let page = app.get_as(&tenant, &format!("/consultations/{id}/resultats")).await;
    assert!(page.body.contains("<strong>ocre</strong>"));
    assert!(page.body.contains("Adopté"));
}

/// How many units took part in consultation `id`.
async fn voters(app: &TestApp, id: i64) -> u64 {
    use palier_backend::entities::participation;
    participation::Entity::find().filter(participation::Column::ConsultationId.eq(id)).count(&app.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_finds_open_votes_first_on_their_home_page_and_whether_their_home_has_voted() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let (id, question, options) = open_consultation(&app, &world, "live").await;
    let tenant = world.browser(&app, Role::TenantA);
    let vote_link = format!("href=\"/consultations/{id}/voter\"");

    let page = app.get_as(&tenant, "/accueil").await;
    assert_eq!(page.status, 200);
    let votes = page.body.find("Votes en cours").expect("the open votes come first");
    let unread = page.body.find("Nouvelles notifications").expect("then the unread notifications");
    let rest = page.body.find("Et aussi").expect("then the rest");
    assert!(votes < unread && unread < rest);
    let vote = page.body.find(&vote_link).expect("a button to vote");
    assert!(votes < vote && vote < unread, "the vote is in its section");
    assert!(page.body.contains("Vote ouvert : «"), "the notification of the opening is listed");
    assert!(page.body.contains("(1 non lue)") || page.body.contains("non lues)"));

    let field = format!("answers[q{question}][]");
    let page = app
        .post_form_as(
            &tenant,
            "/api/consultations/cast_ballot",
            &[("consultation_id", &id.to_string()), (&field, &options[0].to_string())],
        )
        .await;
    assert_eq!(page.status, 302, "{}", error_of(&page));
    let page = app.get_as(&tenant, "/accueil").await;
    assert!(!page.body.contains(&vote_link), "voted: no button any more");
    assert!(page.body.contains("Votre logement a voté."));

    // A tenant of another residence is not shown it.
    let page = app.get_as(world.client(Role::TenantB), "/accueil").await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains(&vote_link));
}
