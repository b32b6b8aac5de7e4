//! Habitant 3.0 over HTTP, as a browser without JavaScript does it: a
//! tenant proposes a project with a photo (its metadata gone), sees the
//! neighbours' look-alike before publishing, neighbours support it up to
//! the threshold, comment it, the landlord answers in the open; a comment
//! reported by three people is hidden until a moderator restores it.

use crate::helpers::{Page, TestApp, error_of, read, spawn_app};
use crate::world::{Role, World};
use palier_backend::entities::{audit_log, notification, project};
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _, QueryOrder as _};

/// A multipart body: text fields, then files (name, file name, bytes).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "palier-projects-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (name, file, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Posts a form with files from page `from`, as a browser without JavaScript.
async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    from: &str,
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> Page {
    let (content_type, body) = multipart(fields, files);
    let request = client
        .post(app.url(path))
        .header("content-type", content_type)
        .header("origin", &app.address)
        .header("accept", "text/html")
        .header("referer", app.url(from))
        .body(body);
    read(request.send().await.unwrap()).await
}

/// A 1600 × 1200 JPEG carrying an EXIF segment with a GPS position.
fn photo_with_gps() -> Vec<u8> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&image::RgbImage::from_pixel(1600, 1200, image::Rgb([40, 120, 60])))
        .unwrap();
    let payload = b"Exif\0\0MM\0*\0\0\0\x08\0\0GPS 45.7640N 4.8357E";
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A tenant of household `household`, signed in through the real form.
async fn tenant(app: &TestApp, email: &str, name: &str, household: i64) -> reqwest::Client {
    let user = app.create_user(email, name, true).await;
    palier_backend::registry::add_occupant(&app.db, household, user.id).await.unwrap();
    app.signed_in(&user).await
}

async fn newest_project(app: &TestApp) -> project::Model {
    project::Entity::find().order_by_desc(project::Column::Id).one(&app.db).await.unwrap().unwrap()
}

fn html_has(page: &Page, text: &str) -> bool {
    page.body.contains(text) || page.body.contains(&text.replace('\'', "&#x27;"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_proposes_a_project_with_a_photo_neighbours_support_it_and_the_landlord_answers() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let org = world.org1.to_string();
    // The organisation asks two supports.
    let settings = app
        .post_form_as(
            world.client(Role::Admin1),
            "/api/registry/update_settings",
            &[
                ("organisation_id", &org),
                ("code_validity_days", "90"),
                ("support_unit", "household"),
                ("threshold_kind", "supports"),
                ("threshold", "2"),
                ("answer_days", "20"),
                ("report_threshold", "3"),
            ],
        )
        .await;
    assert!(settings.header("location").unwrap().contains("ok=settings-saved"), "{:?}", error_of(&settings));
    let author = tenant(&app, "auteur@example.org", "Jeanne Martin", world.household_a2).await;
    let form = app.get_as(&author, "/projets/nouveau").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("name=\"title\"") && form.body.contains("name=\"photos\""));
    assert!(form.body.contains("enctype=\"multipart/form-data\""));
    let residence = world.residence_a.to_string();
    let category = palier_backend::projects::categories(&app.db, world.org1).await.unwrap()[0].id.to_string();

    // A title too short: said, nothing saved (photos are looked at once the rest is right).
    let refused = upload(
        &app,
        &author,
        "/projets/nouveau",
        "/api/projects/propose",
        &[
            ("residence_id", &residence),
            ("category_id", &category),
            ("title", "Bac"),
            ("description", "Des bacs de légumes dans la cour."),
        ],
        &[("photos", "photo.jpg", b"not a photo at all")],
    )
    .await;
    assert!(error_of(&refused).contains("error-project-title-short"), "{}", error_of(&refused));
    let page = app.follow(&author, &refused).await;
    assert!(page.body.contains("Le titre compte au moins 5 caractères."));
    assert!(page.body.contains("choisissez-les à nouveau"), "files cannot come back: the page says so");
    // A file that is no image: said, nothing saved.
    let refused = upload(
        &app,
        &author,
        "/projets/nouveau",
        "/api/projects/propose",
        &[
            ("residence_id", &residence),
            ("category_id", &category),
            ("title", "Des bacs"),
            ("description", "Des bacs de légumes dans la cour."),
        ],
        &[("photos", "photo.jpg", b"not a photo at all")],
    )
    .await;
    assert!(error_of(&refused).contains("error-photo-type"), "{}", error_of(&refused));
    let page = app.follow(&author, &refused).await;
    assert!(
        page.body.contains("Une photo n&#x27;est pas au format JPEG")
            || page.body.contains("Une photo n'est pas au format JPEG")
    );
    assert_eq!(project::Entity::find().count(&app.db).await.unwrap(), 1, "only the world's project");

    let photo = photo_with_gps();
    let saved = upload(
        &app,
        &author,
        "/projets/nouveau",
        "/api/projects/propose",
        &[
            ("residence_id", &residence),
            ("category_id", &category),
            ("title", "Des jardins partagés"),
            ("description", "Des bacs de légumes dans la cour, entretenus ensemble."),
            ("estimated_cost", "450"),
            ("needs[]", "volunteers"),
        ],
        &[("photos", "jardin.jpg", &photo)],
    )
    .await;
    let draft = newest_project(&app).await;
    let page_path = format!("/projets/{}", draft.id);
    assert_eq!(saved.header("location"), Some(format!("{page_path}?ok=project-drafted").as_str()));
    let page = app.follow(&author, &saved).await;
    assert!(page.body.contains("Brouillon : vous seul le voyez"));
    assert!(page.body.contains("Un voisin a peut-être déjà proposé cela"), "the world's garden looks alike");
    assert!(page.body.contains(&format!("href=\"/projets/{}\"", world.project_a)));
    assert_eq!(app.get_as(world.client(Role::TenantA), &page_path).await.status, 404, "a draft is its author's");

    // The photo: re-encoded, smaller, without its EXIF; for the project's readers only.
    let photo_id = palier_backend::entities::attachment::Entity::find()
        .filter(palier_backend::entities::attachment::Column::OwnerId.eq(draft.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(page.body.contains(&format!("/pieces-jointes/{photo_id}/thumb")));
    let served = author.get(app.url(&format!("/pieces-jointes/{photo_id}/display"))).send().await.unwrap();
    assert_eq!(served.status().as_u16(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let bytes = served.bytes().await.unwrap();
    assert!(!contains(&bytes, b"Exif") && !contains(&bytes, b"GPS"));
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 1280);

    // Published: the neighbours see it, read its photo, support it.
    let published = app.post_form_as(&author, "/api/projects/submit", &[("id", &draft.id.to_string())]).await;
    assert_eq!(published.header("location"), Some(format!("{page_path}?ok=project-published").as_str()));
    let neighbour = world.client(Role::TenantA);
    let seen = app.get_as(neighbour, &page_path).await;
    assert!(seen.body.contains("Des jardins partagés") && seen.body.contains("Je soutiens ce projet"));
    assert!(seen.body.contains("0 soutien(s) sur 2 nécessaires"));
    let status = |client: &reqwest::Client, path: String| {
        let request = client.get(app.url(&path));
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(status(neighbour, format!("/pieces-jointes/{photo_id}/thumb")).await, 200);
    assert_eq!(status(world.client(Role::TenantB), format!("/pieces-jointes/{photo_id}/thumb")).await, 403);
    assert_eq!(status(world.client(Role::Staff2), format!("/pieces-jointes/{photo_id}/thumb")).await, 404);
    assert_eq!(status(world.client(Role::TenantA), format!("/pieces-jointes/{photo_id}/original")).await, 404);
    let support = app.post_form_as(neighbour, "/api/projects/support", &[("id", &draft.id.to_string())]).await;
    assert!(support.header("location").unwrap().contains("ok=support-given"));
    let staff_support =
        app.call_as(world.client(Role::Staff1), "/api/projects/support", &[("id", &draft.id.to_string())]).await;
    assert_eq!(staff_support.status, 403, "staff do not support");
    let reached = app.post_form_as(&author, "/api/projects/support", &[("id", &draft.id.to_string())]).await;
    assert!(reached.header("location").unwrap().contains("ok=support-reached"));
    let page = app.get_as(neighbour, &page_path).await;
    assert!(html_has(&page, "À l'étude") && page.body.contains("Réponse du bailleur attendue avant le"));

    // The discussion: a neighbour, the author's reply, the landlord.
    let commented = app
        .post_form_as(
            neighbour,
            "/api/discussion/comment",
            &[("subject", "project"), ("subject_id", &draft.id.to_string()), ("body", "Je peux arroser le week-end.")],
        )
        .await;
    assert!(commented.header("location").unwrap().contains("ok=comment-posted#comment-"));
    let empty = app
        .post_form_as(
            neighbour,
            "/api/discussion/comment",
            &[("subject", "project"), ("subject_id", &draft.id.to_string()), ("body", "  ")],
        )
        .await;
    assert!(error_of(&empty).contains("error-comment-empty"));
    let staff = world.client(Role::Staff1);
    app.post_form_as(
        staff,
        "/api/discussion/comment",
        &[("subject", "project"), ("subject_id", &draft.id.to_string()), ("body", "Nous regardons l'emplacement.")],
    )
    .await;
    let page = app.get_as(&author, &page_path).await;
    assert!(page.body.contains("Je peux arroser le week-end.") && page.body.contains("comment--landlord"));

    // The landlord answers, in the open; a refusal without a reason is refused.
    let id = draft.id.to_string();
    let no_reason = app
        .post_form_as(
            staff,
            "/api/projects/answer",
            &[("id", &id), ("action", "reject"), ("message", ""), ("spent_cost", "")],
        )
        .await;
    assert!(error_of(&no_reason).contains("error-project-message-empty"));
    let tenant_answer = app
        .call_as(
            neighbour,
            "/api/projects/answer",
            &[("id", &id), ("action", "accept"), ("message", ""), ("spent_cost", "")],
        )
        .await;
    assert_eq!(tenant_answer.status, 403);
    let accepted = app
        .post_form_as(
            staff,
            "/api/projects/answer",
            &[("id", &id), ("action", "accept"), ("message", "Nous fournissons six bacs."), ("spent_cost", "")],
        )
        .await;
    assert!(accepted.header("location").unwrap().contains("ok=project-answered"));
    let page = app.get_as(neighbour, &page_path).await;
    assert!(page.body.contains("Le bailleur accepte le projet") && page.body.contains("Nous fournissons six bacs."));
    let told = notification::Entity::find()
        .filter(notification::Column::Kind.eq("project_changed"))
        .count(&app.db)
        .await
        .unwrap();
    assert!(told >= 4, "review and acceptance, for the author and the supporter: {told}");

    // The list and the open data.
    let list = app.get_as(neighbour, "/projets?status=accepted").await;
    assert!(list.body.contains("Des jardins partagés") && !list.body.contains(">Un jardin partagé<"));
    assert!(list.body.contains("Réponses du bailleur en"));
    let csv = neighbour.get(app.url("/projets/export/projets.csv")).send().await.unwrap().text().await.unwrap();
    assert!(csv.contains("Des jardins partagés;") && csv.contains(";accepted;") && !csv.contains("Jeanne"));
    assert_eq!(status(neighbour, "/projets/export/projets.xls".into()).await, 404);
    let residence_page = app.get_as(neighbour, &format!("/residences/{}", world.residence_a)).await;
    assert!(residence_page.body.contains("2 projets proposés dans la résidence"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_reported_by_three_people_is_hidden_until_a_moderator_restores_it() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let page_path = format!("/projets/{}", world.project_a);
    let mut reporters = Vec::new();
    for (n, household) in [world.household_a2, world.household_a2, world.household_a1].into_iter().enumerate() {
        reporters.push(tenant(&app, &format!("voisin{n}@example.org"), &format!("Voisin {n}"), household).await);
    }
    let report = |client: &reqwest::Client, reason: &'static str| {
        let fields =
            [("kind", "comment".to_owned()), ("id", world.comment_a.to_string()), ("reason", reason.to_owned())];
        let request = client
            .post(app.url("/api/discussion/report"))
            .form(&fields)
            .header("origin", &app.address)
            .header("accept", "text/html")
            .header("referer", app.url(&page_path));
        async move { read(request.send().await.unwrap()).await }
    };
    let own = report(world.client(Role::TenantA), "spam").await;
    assert!(error_of(&own).contains("error-comment-not-now"), "one's own comment");
    let no_reason = report(&reporters[0], "").await;
    assert!(error_of(&no_reason).contains("error-report-reason"));
    for (client, reason) in reporters.iter().zip(["offensive", "offensive", "spam"]) {
        let done = report(client, reason).await;
        assert!(done.header("location").unwrap().contains("ok=reported"), "{:?}", error_of(&done));
    }
    let seen = app.get_as(world.client(Role::TenantB), "/").await;
    assert_eq!(seen.status, 200);
    let page = app.get_as(&reporters[0], &page_path).await;
    assert!(page.body.contains("Masqué après plusieurs signalements") && !page.body.contains("Bonne idée"));

    // The queue, and the moderator's decision.
    let queue_path = format!("/gestion/organisations/{}/moderation", world.org1);
    assert_eq!(app.get_as(world.client(Role::TenantA), &queue_path).await.status, 403);
    assert_eq!(app.get_as(world.client(Role::Staff2), &queue_path).await.status, 404);
    let queue = app.get_as(world.client(Role::Staff1), &queue_path).await;
    assert!(queue.body.contains("Bonne idée") && queue.body.contains("3 personnes"), "{}", queue.body);
    assert!(queue.body.contains("blessant (2)") && queue.body.contains("publicité (1)"));
    let restored = app
        .post_form_as(
            world.client(Role::Staff1),
            "/api/discussion/decide",
            &[
                ("organisation_id", &world.org1.to_string()),
                ("kind", "comment"),
                ("id", &world.comment_a.to_string()),
                ("decision", "restore"),
            ],
        )
        .await;
    assert!(restored.header("location").unwrap().ends_with("moderation?ok=restore"));
    let page = app.get_as(&reporters[1], &page_path).await;
    assert!(page.body.contains("Bonne idée"));
    assert!(!app.get_as(world.client(Role::Staff1), &queue_path).await.body.contains("Bonne idée"));
    let kinds: Vec<String> = notification::Entity::find()
        .filter(notification::Column::UserId.eq(world.tenant_a))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind)
        .collect();
    assert!(kinds.contains(&"content_hidden".to_owned()) && kinds.contains(&"content_restored".to_owned()));
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("content.restored"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_add_and_archive_categories_and_the_proposal_form_follows() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let admin = world.client(Role::Admin1);
    let org = world.org1.to_string();
    let settings = format!("/gestion/organisations/{org}/reglages");
    let added = app
        .post_form_as(
            admin,
            "/api/registry/add_category",
            &[("organisation_id", &org), ("label", "  Mobilité  douce ")],
        )
        .await;
    assert!(added.header("location").unwrap().contains("ok=category-added"));
    let again = app
        .post_form_as(admin, "/api/registry/add_category", &[("organisation_id", &org), ("label", "mobilité douce")])
        .await;
    assert!(error_of(&again).contains("error-category-taken"));
    let short =
        app.post_form_as(admin, "/api/registry/add_category", &[("organisation_id", &org), ("label", "x")]).await;
    assert!(error_of(&short).contains("error-category-label"));
    let page = app.get_as(admin, &settings).await;
    assert!(page.body.contains("Mobilité douce") && page.body.contains("Jardins et espaces verts"));
    let form = app.get_as(world.client(Role::TenantA), "/projets/nouveau").await;
    assert!(form.body.contains(">Mobilité douce<"));
    // Archived: offered no more; the project filed under the first category keeps it.
    let gardens = palier_backend::projects::categories(&app.db, world.org1).await.unwrap()[0].id.to_string();
    let archived = app
        .post_form_as(admin, "/api/registry/archive_category", &[("organisation_id", &org), ("category_id", &gardens)])
        .await;
    assert!(archived.header("location").unwrap().contains("ok=category-archived"));
    let form = app.get_as(world.client(Role::TenantA), "/projets/nouveau").await;
    assert!(!form.body.contains(">Jardins et espaces verts<"));
    let project = app.get_as(world.client(Role::TenantA), &format!("/projets/{}", world.project_a)).await;
    assert!(project.body.contains("Jardins et espaces verts"));
    // Another organisation's category is not found.
    let other = palier_backend::projects::categories(&app.db, world.org2).await.unwrap()[0].id.to_string();
    let refused = app
        .call_as(admin, "/api/registry/archive_category", &[("organisation_id", &org), ("category_id", &other)])
        .await;
    assert_eq!(refused.status, 404);
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("project.categories_changed"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tenant_named_moderator_decides_on_their_residences_content_only() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let admin = world.client(Role::Admin1);
    let org = world.org1.to_string();
    let refused = app
        .post_form_as(
            admin,
            "/api/registry/name_moderator",
            &[("organisation_id", &org), ("email", "staff.2@example.org")],
        )
        .await;
    assert!(error_of(&refused).contains("error-moderator-not-tenant"), "only a tenant of the organisation");
    let named = app
        .post_form_as(
            admin,
            "/api/registry/name_moderator",
            &[("organisation_id", &org), ("email", "tenant.a@example.org")],
        )
        .await;
    assert!(named.header("location").unwrap().contains("ok=moderator-named"));
    let settings = app.get_as(admin, &format!("/gestion/organisations/{org}/reglages")).await;
    assert!(settings.body.contains("tenant.a") && settings.body.contains("Ne plus modérer"));

    // A comment reported in residence A (tenant A's) and one in residence B.
    let b_author = world.client(Role::TenantB);
    let b_project = {
        use palier_domain::projects::form::ProjectDraft;
        let user =
            palier_backend::entities::user::Entity::find_by_id(world.tenant_b).one(&app.db).await.unwrap().unwrap();
        let actor = palier_backend::sessions::load_actor(&app.db, &user).await.unwrap();
        let category = palier_backend::projects::categories(&app.db, world.org1).await.unwrap()[0].id;
        let draft = ProjectDraft {
            residence_id: palier_domain::ids::ResidenceId::new(world.residence_b),
            building_id: None,
            category_id: category,
            title: "Des bancs en B".into(),
            description: "Deux bancs devant l'entrée de la résidence B.".into(),
            estimated_cost: None,
            needs: Vec::new(),
        };
        let store = palier_backend::attachments::Attachments::new(palier_backend::attachments::NoStore);
        let id = palier_backend::projects::propose::propose(
            &app.db,
            &store,
            &actor,
            draft,
            None,
            Vec::new(),
            app.clock.now(),
        )
        .await
        .unwrap();
        palier_backend::projects::propose::submit(&app.db, &actor, id, app.clock.now()).await.unwrap();
        id.get()
    };
    let fields =
        [("subject", "project".to_owned()), ("subject_id", b_project.to_string()), ("body", "Trop cher !".to_owned())];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form_as(b_author, "/api/discussion/comment", &pairs).await;
    let b_comment = palier_backend::entities::comment::Entity::find()
        .filter(palier_backend::entities::comment::Column::SubjectId.eq(b_project))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    for (kind, id) in [("comment", world.comment_a), ("comment", b_comment)] {
        let report = [("kind", kind.to_owned()), ("id", id.to_string()), ("reason", "spam".to_owned())];
        let pairs: Vec<(&str, &str)> = report.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app.post_form_as(world.client(Role::Staff1), "/api/discussion/report", &pairs).await;
    }
    // Tenant A, now a moderator, gets a session that knows it.
    let moderator = app
        .signed_in(&crate::helpers::TestUser {
            id: world.tenant_a,
            email: "tenant.a@example.org".into(),
            password: crate::world::PASSWORD.into(),
        })
        .await;
    let home = app.get_as(&moderator, "/accueil").await;
    let queue_path = format!("/gestion/organisations/{org}/moderation");
    assert!(home.body.contains(&format!("href=\"{queue_path}\"")), "the menu leads to the queue");
    let queue = app.get_as(&moderator, &queue_path).await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains("Bonne idée") && !queue.body.contains("Trop cher"), "residence A's only");
    let decide = |id: i64| {
        let fields = [
            ("organisation_id", org.clone()),
            ("kind", "comment".to_owned()),
            ("id", id.to_string()),
            ("decision", "dismiss".to_owned()),
        ];
        let request = moderator
            .post(app.url("/api/discussion/decide"))
            .form(&fields)
            .header("origin", &app.address)
            .header("accept", "application/json");
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(decide(b_comment).await, 403, "residence B is not theirs to moderate");
    assert!(decide(world.comment_a).await < 400);
    let removed = app
        .post_form_as(
            admin,
            "/api/registry/remove_moderator",
            &[("organisation_id", &org), ("user_id", &world.tenant_a.to_string())],
        )
        .await;
    assert!(removed.header("location").unwrap().contains("ok=moderator-removed"));
    assert_eq!(app.get_as(&moderator, &queue_path).await.status, 403);
    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(["moderator.named", "moderator.removed"]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(logged, 2);
}
