//! The housing registry over HTTP: staff build it, import it, print letters;
//! tenants join with a code; everything staff do is in the audit log.

use crate::helpers::{TestApp, error_of, spawn_app};
use crate::world::{Role, World};
use palier_backend::entities::{audit_log, household, occupancy};
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};

async fn post(app: &TestApp, client: &reqwest::Client, path: &str, fields: &[(&str, &str)]) -> crate::helpers::Page {
    app.post_form_as(client, path, fields).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_build_a_residence_with_buildings_and_households() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let org = world.org1.to_string();

    let page = post(
        &app,
        staff,
        "/api/registry/create_residence",
        &[
            ("organisation_id", &org),
            ("name", "  Les   Lilas "),
            ("address", "1 rue des Lilas"),
            ("postcode", "69003"),
            ("city", "Lyon"),
        ],
    )
    .await;
    let location = page.header("location").unwrap().to_owned();
    assert!(location.starts_with("/gestion/residences/") && location.ends_with("?ok=residence-created"), "{location}");
    let residence_id = location.trim_start_matches("/gestion/residences/").split('?').next().unwrap().to_owned();

    // The same name again, and a bad postcode, come back as field errors.
    let page = post(
        &app,
        staff,
        "/api/registry/create_residence",
        &[("organisation_id", &org), ("name", "Les Lilas"), ("address", ""), ("postcode", "6900"), ("city", "")],
    )
    .await;
    let error = error_of(&page);
    assert!(error.contains("error-postcode"), "{error}");
    let page = post(
        &app,
        staff,
        "/api/registry/create_residence",
        &[("organisation_id", &org), ("name", "Les Lilas"), ("address", ""), ("postcode", ""), ("city", "")],
    )
    .await;
    assert!(error_of(&page).contains("error-residence-name-taken"));

    let page =
        post(&app, staff, "/api/registry/create_building", &[("residence_id", &residence_id), ("name", "Bâtiment 1")])
            .await;
    assert!(page.header("location").unwrap().ends_with("?ok=building-created"));
    let page = post(
        &app,
        staff,
        "/api/registry/create_household",
        &[
            ("residence_id", &residence_id),
            ("building_id", ""),
            ("unit_label", "Logement 12"),
            ("lease_ref", "LIL-12"),
            ("max_occupants", "2"),
        ],
    )
    .await;
    assert!(page.header("location").unwrap().ends_with("?ok=household-created"), "{}", error_of(&page));
    let page = post(
        &app,
        staff,
        "/api/registry/create_household",
        &[
            ("residence_id", &residence_id),
            ("building_id", ""),
            ("unit_label", "Logement 13"),
            ("lease_ref", "LIL-12"),
            ("max_occupants", "99"),
        ],
    )
    .await;
    let error = error_of(&page);
    assert!(error.contains("error-lease-ref-taken") || error.contains("error-max-occupants"), "{error}");
    // A building of another residence is refused.
    let page = post(
        &app,
        staff,
        "/api/registry/create_household",
        &[
            ("residence_id", &residence_id),
            ("building_id", &world.building_a.to_string()),
            ("unit_label", "Logement 14"),
            ("lease_ref", "LIL-14"),
            ("max_occupants", "2"),
        ],
    )
    .await;
    assert!(page.header("location").unwrap().contains("__err="));

    let page = app.get_as(staff, &format!("/gestion/residences/{residence_id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Les Lilas") && page.body.contains("Logement 12") && page.body.contains("LIL-12"));
    assert!(page.body.contains("Bâtiment 1"));
    let page = app.get_as(staff, "/gestion").await;
    assert!(page.body.contains("Les Lilas"));
    assert!(!page.body.contains("Résidence C"), "another organisation's residence is listed");
}

fn multipart(organisation_id: i64, csv: &[u8]) -> (String, Vec<u8>) {
    let boundary = "palier-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"organisation_id\"\r\n\r\n{organisation_id}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logements.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(csv);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, client: &reqwest::Client, organisation_id: i64, csv: &[u8]) -> crate::helpers::Page {
    let (content_type, body) = multipart(organisation_id, csv);
    let response = client
        .post(app.url("/api/registry/import_households"))
        .header("content-type", content_type)
        .header("origin", &app.address)
        .header("accept", "text/html")
        .header("referer", app.url("/gestion/organisations/1/import"))
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    crate::helpers::Page { status, headers, body: response.text().await.unwrap() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn households_are_imported_all_or_nothing_and_idempotently() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let before = household::Entity::find().count(&app.db).await.unwrap();

    let bad = "résidence;bâtiment;logement;bail\nRésidence A;Bâtiment A;Logement 1;IMP-1\nRésidence Z;;Logement 2;IMP-2\nRésidence B;;;IMP-3\n";
    // (A browser that keeps cookies: the lines quoted in the errors wait in one, not in the URL.)
    let browser = world.browser(&app, Role::Staff1);
    let page = upload(&app, &browser, world.org1, bad.as_bytes()).await;
    assert_eq!(page.status, 302);
    let location = page.header("location").unwrap().to_owned();
    assert!(!error_of(&page).contains("Résidence Z"), "{location}");
    let form_page = app.get_as(&browser, &location.replacen(&app.url(""), "", 1)).await;
    assert!(
        form_page.body.contains("Rien n&#x27;a été importé") || form_page.body.contains("Rien n'a été importé"),
        "{}",
        form_page.body
    );
    assert!(form_page.body.contains("Ligne 3") && form_page.body.contains("Résidence Z"));
    assert!(form_page.body.contains("Ligne 4"));
    assert_eq!(household::Entity::find().count(&app.db).await.unwrap(), before, "a bad file wrote something");

    let good = "residence;batiment;logement;bail;occupants_max\nRésidence A;Bâtiment A;Logement 1;IMP-1;3\nrésidence b;Bâtiment Neuf;Logement 2;IMP-2;\n";
    let page = upload(&app, staff, world.org1, good.as_bytes()).await;
    let location = page.header("location").unwrap().to_owned();
    assert!(location.contains("ok=imported&created=2&updated=0&unchanged=0&buildings=1"), "{location}");
    assert_eq!(household::Entity::find().count(&app.db).await.unwrap(), before + 2);

    let page = upload(&app, staff, world.org1, good.as_bytes()).await;
    assert!(page.header("location").unwrap().contains("created=0&updated=0&unchanged=2&buildings=0"));

    let changed = good.replace("Logement 1;IMP-1;3", "Logement 1 bis;IMP-1;3");
    let page = upload(&app, staff, world.org1, changed.as_bytes()).await;
    assert!(page.header("location").unwrap().contains("created=0&updated=1&unchanged=1"));

    let page = app
        .get_as(
            staff,
            &format!(
                "/gestion/organisations/{}/import?ok=imported&created=2&updated=0&unchanged=0&buildings=1",
                world.org1
            ),
        )
        .await;
    assert!(page.body.contains("Import terminé : 2 logement(s) créé(s)"));
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("households.imported"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 3);
}

/// The codes in a letters page.
fn codes_in(html: &str) -> Vec<String> {
    html.split("<p class=\"code\">").skip(1).filter_map(|rest| rest.split('<').next()).map(str::to_owned).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn letters_issue_new_codes_that_tenants_use_to_join() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let letters_url = format!("/gestion/residences/{}/lettres", world.residence_a);

    let response = staff
        .post(app.url(&letters_url))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.address)
        .body("which=unclaimed")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let csp = response.headers().get("content-security-policy").unwrap().to_str().unwrap().to_owned();
    assert!(csp.contains("style-src 'nonce-"));
    assert_eq!(response.headers().get("cache-control").unwrap(), "no-store");
    let html = response.text().await.unwrap();
    // Only A2 is unclaimed in residence A (A1 has tenant A).
    let codes = codes_in(&html);
    assert_eq!(codes.len(), 1, "{html}");
    assert!(
        html.contains("Logement A2")
            && html.contains("Résidence A")
            && html.replace("&#x2f;", "/").contains("/rejoindre")
    );
    assert!(html.contains("Donnez votre avis"));

    // The code from before the letter no longer works; the new one does.
    let newcomer = app.create_user("newcomer@example.org", "Nouvelle", true).await;
    let client = app.signed_in(&newcomer).await;
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &world.code_a2.to_string())]).await;
    assert!(error_of(&page).contains("error-code-unknown"));
    let typed = codes[0].to_lowercase().replace('-', " ");
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &typed)]).await;
    assert!(page.header("location").unwrap().starts_with("/mon-logement?ok=joined"), "{}", error_of(&page));
    let page = app.get_as(&client, "/mon-logement").await;
    assert!(page.body.contains("Résidence A") && page.body.contains("Logement A2"));
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &codes[0])]).await;
    assert!(error_of(&page).contains("error-already-joined"));

    // All households: two letters now, and audit entries for both issues.
    let html = staff
        .post(app.url(&letters_url))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.address)
        .body("which=all")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(codes_in(&html).len(), 2);
    let issued =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("letters.issued")).count(&app.db).await.unwrap();
    assert_eq!(issued, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_are_limited_and_full_households_refused() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let tenant = world.client(Role::TenantB);
    let mut last = 0;
    for n in 0..11 {
        let code = format!("ZZZZ-ZZZZ-ZZ{:02}", n % 10);
        last = app.call_as(tenant, "/api/registry/join_household", &[("code", &code)]).await.status;
    }
    assert_eq!(last, 429);

    // Household A1 takes one more account at most once its capacity is 2.
    palier_backend::registry::edit_household(
        &app.db,
        world.staff1,
        world.household_a1,
        palier_domain::registry::HouseholdChanges {
            unit_label: "Logement A1".into(),
            building_id: None,
            max_occupants: 1,
        },
    )
    .await
    .unwrap();
    let residence = palier_backend::registry::residence(&app.db, world.residence_a).await.unwrap().unwrap();
    let letters = palier_backend::registry::issue_letters(
        &app.db,
        &app.codes,
        None,
        &residence,
        palier_backend::registry::LetterSelection::Household(palier_domain::ids::HouseholdId::new(world.household_a1)),
    )
    .await
    .unwrap();
    let newcomer = app.create_user("full@example.org", "Plein", true).await;
    let client = app.signed_in(&newcomer).await;
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &letters[0].code)]).await;
    assert!(error_of(&page).contains("error-household-full"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_see_who_joined_and_remove_those_who_moved_out() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let page = app.get_as(staff, &format!("/gestion/menages/{}", world.household_a1)).await;
    assert!(page.body.contains("tenant.a"), "the occupant is listed");

    let tenant = world.client(Role::TenantA);
    assert_eq!(app.get_as(tenant, &format!("/residences/{}", world.residence_a)).await.status, 200);
    let page = post(
        &app,
        staff,
        "/api/registry/remove_occupant",
        &[("household_id", &world.household_a1.to_string()), ("user_id", &world.tenant_a.to_string())],
    )
    .await;
    assert!(page.header("location").unwrap().ends_with("?ok=occupant-removed"));
    assert_eq!(
        occupancy::Entity::find().filter(occupancy::Column::UserId.eq(world.tenant_a)).count(&app.db).await.unwrap(),
        0
    );
    assert_eq!(app.get_as(tenant, &format!("/residences/{}", world.residence_a)).await.status, 404);
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("household.occupant_removed"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(logged.actor_user_id, Some(world.staff1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_invite_colleagues_who_join_the_team() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let admin = world.client(Role::Admin1);
    let org = world.org1.to_string();
    let page = post(
        &app,
        admin,
        "/api/team/invite",
        &[("organisation_id", &org), ("email", "karim@example.org"), ("role", "staff")],
    )
    .await;
    assert!(page.header("location").unwrap().ends_with("?ok=invited"), "{}", error_of(&page));
    let email = app.last_email_to("karim@example.org").await;
    assert!(email.subject.contains("Organisme Un"));
    let link = crate::helpers::link_in(&email.text, "/invitation?jeton=");
    let token = link.split("jeton=").nth(1).unwrap().to_owned();

    let page = app.get(&link).await;
    assert!(page.body.contains("Créez votre compte pour accepter"));
    let karim = TestApp::new_client();
    let page = app
        .post_form_as(
            &karim,
            "/api/team/accept_invitation_new_account",
            &[("token", &token), ("display_name", "Karim"), ("password", "une phrase pour karim")],
        )
        .await;
    assert_eq!(page.header("location"), Some("/gestion?ok=joined-team"), "{}", error_of(&page));
    let page = app.get_as(&karim, "/gestion").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Résidence A"));
    // Used once.
    let page = app.post_form_as(&karim, "/api/team/accept_invitation", &[("token", &token)]).await;
    assert!(page.header("location").unwrap().contains("__err="));

    let team = app.get_as(admin, &format!("/gestion/organisations/{org}/equipe")).await;
    assert!(team.body.contains("Karim"));
    // Staff cannot open the team page or the log.
    assert_eq!(
        app.get_as(world.client(Role::Staff1), &format!("/gestion/organisations/{org}/equipe")).await.status,
        403
    );
    assert_eq!(
        app.get_as(world.client(Role::Staff1), &format!("/gestion/organisations/{org}/journal")).await.status,
        403
    );

    // The last admin cannot step down.
    let page = post(
        &app,
        admin,
        "/api/team/change_role",
        &[("organisation_id", &org), ("user_id", &world.admin1.to_string()), ("role", "staff")],
    )
    .await;
    assert!(error_of(&page).contains("error-last-admin"));

    let log = app.get_as(admin, &format!("/gestion/organisations/{org}/journal")).await;
    assert_eq!(log.status, 200);
    assert!(
        log.body.contains("Personne invitée dans l&#x27;équipe") || log.body.contains("Personne invitée dans l'équipe")
    );
    assert!(log.body.contains("Invitation acceptée"));
    assert!(log.body.contains("k***@example.org"));
    assert!(!log.body.contains("karim@example.org"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_export_lists_the_homes() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let page = app.get_as(world.client(Role::TenantA), "/compte/mes-donnees.json").await;
    let data: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(data["households"][0]["residence"], "Résidence A");
    assert_eq!(data["households"][0]["unit"], "Logement A1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn platform_admins_create_organisations() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let platform = world.client(Role::Platform);
    let page = post(
        &app,
        platform,
        "/api/platform/create_organisation",
        &[("name", "Logis du Sud"), ("slug", "Logis du Sud"), ("admin_email", "chef@example.org")],
    )
    .await;
    assert!(error_of(&page).contains("error-slug"));
    let page = post(
        &app,
        platform,
        "/api/platform/create_organisation",
        &[("name", "Logis du Sud"), ("slug", "logis-sud"), ("admin_email", "chef@example.org")],
    )
    .await;
    assert_eq!(page.header("location"), Some("/admin?ok=organisation-created"));
    let email = app.last_email_to("chef@example.org").await;
    assert!(email.subject.contains("Logis du Sud"));
    let page = app.get_as(platform, "/admin").await;
    assert!(page.body.contains("logis-sud"));
}

/// Moves the letter of `household`'s code `days` back in time.
async fn code_issued_days_ago(app: &TestApp, household: i64, days: i64) {
    use sea_orm::sea_query::Expr;
    household::Entity::update_many()
        .col_expr(
            household::Column::InvitationCodeIssuedAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::days(days)),
        )
        .filter(household::Column::Id.eq(household))
        .exec(&app.db)
        .await
        .unwrap();
}

/// A code works for 90 days after its letter; a join is written in the
/// landlord's log (its occupants are told, see the notification tests); and
/// codes are counted before they are looked up, so parallel guesses cannot
/// all pass the limit.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_expire_joins_are_logged_and_parallel_guesses_are_counted_first() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let newcomer = app.create_user("tard@example.org", "Tardif", true).await;
    let client = app.signed_in(&newcomer).await;
    let code = world.code_a2.to_string();
    let age = |days: i64| code_issued_days_ago(&app, world.household_a2, days);
    age(91).await;
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &code)]).await;
    assert!(error_of(&page).contains("error-code-expired"), "{}", error_of(&page));
    age(89).await;
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &code)]).await;
    assert_eq!(page.status, 302, "{}", error_of(&page));
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("household.joined"))
        .filter(audit_log::Column::TargetId.eq(world.household_a2))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 1);

    let guesser = world.client(Role::TenantB);
    let app = &app;
    let guesses = (0..30).map(|n| {
        let code = format!("ZZZZ-ZZZZ-Z{n:03}");
        async move { app.call_as(guesser, "/api/registry/join_household", &[("code", &code)]).await.status }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 20, "{statuses:?}");
}

/// An organisation's admins choose how long its codes work (7 to 365 days,
/// 90 until they do): the settings page is theirs alone, a wrong number is
/// refused next to its field with what was typed, the change is in the log,
/// and joining, the household page and the letters follow it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_organisation_chooses_how_long_its_codes_work() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let admin = world.client(Role::Admin1);
    let org = world.org1.to_string();
    let settings_page = format!("/gestion/organisations/{org}/reglages");

    let page = app.get_as(admin, "/gestion").await;
    assert!(page.body.contains(&format!("href=\"{settings_page}\"")), "the back office links to the settings");
    let page = app.get_as(admin, &settings_page).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Durée de validité d&#x27;un code") || page.body.contains("Durée de validité d'un code")
    );
    assert!(page.body.contains("name=\"code_validity_days\"") && page.body.contains("value=\"90\""), "{}", page.body);
    assert_eq!(app.get_as(world.client(Role::Staff1), &settings_page).await.status, 403);
    assert_eq!(app.get_as(world.client(Role::TenantA), &settings_page).await.status, 403);
    assert_eq!(app.get_as(world.client(Role::Staff2), &settings_page).await.status, 404);

    // A wrong number: the message is next to the field, with what was typed.
    let admin_browser = world.browser(&app, Role::Admin1);
    for bad in ["6", "366", "trente", "-1", "99999999999999999999"] {
        let page = app
            .post_form_from(&admin_browser, &settings_page, "/api/registry/update_settings", &settings_form(&org, bad))
            .await;
        assert!(error_of(&page).contains("error-code-validity-days"), "{bad}: {}", error_of(&page));
        let form = app.follow(&admin_browser, &page).await;
        assert!(form.body.contains("Indiquez un nombre de jours entre 7 et 365."), "{bad}");
        assert!(form.body.contains(&format!("value=\"{bad}\"")), "{bad}: what was typed is kept");
    }
    let page = app.post_form_as(admin, "/api/registry/update_settings", &settings_form(&org, "30")).await;
    assert_eq!(page.header("location"), Some(format!("{settings_page}?ok=settings-saved").as_str()));
    let page = app.follow(admin, &page).await;
    assert!(page.body.contains("value=\"30\"") && page.body.contains("Les réglages sont enregistrés."));
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("organisation.settings_changed"))
        .filter(audit_log::Column::OrganisationId.eq(world.org1))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(logged.len(), 1);
    let details: serde_json::Value = serde_json::from_str(&logged[0].details).unwrap();
    assert_eq!(details["code_validity_days"], serde_json::json!({ "from": 90, "to": 30 }));
    let log = app.get_as(admin, &format!("/gestion/organisations/{org}/journal")).await;
    assert!(
        log.body.contains("Réglages de l&#x27;organisme modifiés")
            || log.body.contains("Réglages de l'organisme modifiés")
    );

    // Staff of the organisation cannot change them, whatever they post.
    let page =
        app.call_as(world.client(Role::Staff1), "/api/registry/update_settings", &settings_form(&org, "365")).await;
    assert_eq!(page.status, 403);

    // Joining follows the new validity: 31 days is too old, 29 is not.
    let newcomer = app.create_user("tard@example.org", "Tardif", true).await;
    let client = app.signed_in(&newcomer).await;
    let code = world.code_a2.to_string();
    let age = |days: i64| code_issued_days_ago(&app, world.household_a2, days);
    age(31).await;
    let household_page = format!("/gestion/menages/{}", world.household_a2);
    assert!(app.get_as(admin, &household_page).await.body.contains("Code expiré depuis le"));
    let page = app.post_form_from(&client, "/rejoindre", "/api/registry/join_household", &[("code", &code)]).await;
    assert!(error_of(&page).contains("error-code-expired"), "{}", error_of(&page));
    let form = app.follow(&client, &page).await;
    assert!(form.body.contains("il date de plus de 30 jours"), "the message says the organisation's validity");
    age(29).await;
    assert!(
        app.get_as(admin, &household_page).await.body.contains("Code valable jusqu&#x27;au")
            || app.get_as(admin, &household_page).await.body.contains("Code valable jusqu'au")
    );
    let page = app.post_form_as(&client, "/api/registry/join_household", &[("code", &code)]).await;
    assert_eq!(page.status, 302);
    assert_eq!(
        page.header("location").map(|l| l.starts_with("/mon-logement?ok=joined")),
        Some(true),
        "{}",
        error_of(&page)
    );

    // A new letter says until when its code works.
    let letters = app
        .post_form_as(
            admin,
            &format!("/gestion/residences/{}/lettres", world.residence_a),
            &[("which", "household"), ("household_id", &world.household_a1.to_string())],
        )
        .await;
    let paris = palier_domain::time::paris_input(chrono::Utc::now() + chrono::Duration::days(30));
    let until = format!("{}/{}/{}", &paris[8..10], &paris[5..7], &paris[0..4]);
    let line = format!("Valable jusqu'au {}", until.replace('/', "&#x2f;"));
    assert!(letters.body.contains(&line), "{line} not in {}", letters.body);
}

/// The settings form of organisation `org` as its page sends it, with
/// `days` for the codes and the other settings left as they are by default.
fn settings_form<'a>(org: &'a str, days: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("organisation_id", org),
        ("code_validity_days", days),
        ("support_unit", "household"),
        ("threshold_kind", "supports"),
        ("threshold", "10"),
        ("answer_days", "30"),
        ("report_threshold", "3"),
    ]
}
