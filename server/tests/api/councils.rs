//! Tenant councils over HTTP, as a browser without JavaScript does it: staff
//! set up a council, its secretary convenes a meeting, sets the agenda and
//! sends the convocation (an email with an iCalendar invitation), a member
//! answers, the residence's tenants see the meeting coming, anyone
//! subscribes to the council's calendar; the meeting is called off.

use crate::helpers::{error_of, spawn_app};
use crate::world::{Role, World};
use palier_backend::entities::{council, meeting};
use sea_orm::{EntityTrait as _, QueryOrder as _};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secretary_convenes_members_get_the_invitation_and_tenants_see_it_coming() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff = world.client(Role::Staff1);
    let secretary = world.client(Role::TenantA);
    let member = world.client(Role::TenantB);
    let org = world.org1.to_string();

    // Staff set up a council for all their residences; a bad name is refused with its message.
    let admin_page = app.get_as(staff, &format!("/gestion/organisations/{org}/conseils")).await;
    assert_eq!(admin_page.status, 200);
    assert!(admin_page.body.contains("Conseil de la résidence A"));
    let refused = app
        .post_form_as(staff, "/api/councils/create", &[("organisation_id", &org), ("name", "x"), ("kind", "ccl")])
        .await;
    assert!(error_of(&refused).contains("error-council-name"));
    let created = app
        .post_form_as(
            staff,
            "/api/councils/create",
            &[
                ("organisation_id", &org),
                ("name", "CCL Organisme Un"),
                ("kind", "ccl"),
                ("description", "Chaque **trimestre**."),
            ],
        )
        .await;
    assert!(created.header("location").unwrap().contains("ok=council-created"), "{:?}", created.header("location"));
    let page = app.follow(staff, &created).await;
    assert!(page.body.contains("CCL Organisme Un") && page.body.contains("Toutes les résidences de Organisme Un"));
    assert!(page.body.contains("<strong>trimestre</strong>"), "the description is markdown, sanitised");

    // The secretary convenes the world's council: a meeting needs a place and a sane length.
    let council = world.council.to_string();
    let from = format!("/conseils/{council}");
    let refused = app
        .post_form_from(
            secretary,
            &from,
            "/api/councils/convene",
            &[("council_id", &council), ("starts_at", "2099-03-04T18:30"), ("minutes", "5")],
        )
        .await;
    let errors = error_of(&refused);
    assert!(errors.contains("error-meeting-duration") && errors.contains("error-meeting-where"), "{errors}");
    let convened = app
        .post_form_from(
            secretary,
            &from,
            "/api/councils/convene",
            &[
                ("council_id", &council),
                ("starts_at", "2099-03-04T18:30"),
                ("minutes", "90"),
                ("place", "Salle commune"),
            ],
        )
        .await;
    let location = convened.header("location").unwrap().to_owned();
    assert!(location.contains("/reunions/") && location.contains("ok=meeting-convened"), "{location}");
    let newest = meeting::Entity::find().order_by_desc(meeting::Column::Id).one(&app.db).await.unwrap().unwrap();
    let id = newest.id.to_string();
    assert_eq!(newest.starts_at.to_rfc3339(), "2099-03-04T17:30:00+00:00", "typed in Paris time");
    let added = app
        .post_form_as(
            secretary,
            "/api/councils/add_item",
            &[("meeting_id", &id), ("title", "Ascenseur en panne"), ("minutes", "120")],
        )
        .await;
    assert!(added.header("location").unwrap().contains("ok=item-added"));
    let meeting_page = app.follow(secretary, &added).await;
    assert!(meeting_page.body.contains("Ascenseur en panne"));
    assert!(meeting_page.body.contains("durent plus longtemps que la réunion"), "120 min in a 90 min slot");

    // The convocation: each member gets an email with the invitation.
    let sent = app.post_form_as(secretary, "/api/councils/send_convocations", &[("meeting_id", &id)]).await;
    assert!(sent.header("location").unwrap().contains("ok=convocations-sent"));
    let email = app.email_containing("tenant.b@example.org", "Ascenseur en panne").await;
    assert!(email.subject.starts_with("Convocation : Conseil de la résidence A"));
    let invitation = email.calendar.as_deref().expect("an invitation");
    assert!(invitation.contains("METHOD:REQUEST") && invitation.contains("DTSTART:20990304T173000Z"));
    assert!(app.emails().await.iter().any(|e| e.to == "tenant.a@example.org" && e.calendar.is_some()));

    // A member answers; the page says so.
    let answered = app.post_form_as(member, "/api/councils/reply", &[("meeting_id", &id), ("reply", "excused")]).await;
    assert!(answered.header("location").unwrap().contains("ok=reply-excused"));
    let seen = app.follow(member, &answered).await;
    assert!(seen.body.contains("Vous avez répondu : excusé·e."));
    // A staff member who does not sit on it does not answer.
    assert_eq!(
        app.call_as(staff, "/api/councils/reply", &[("meeting_id", &id), ("reply", "present")]).await.status,
        403
    );

    // Residence A's tenants see it coming; residence B is not covered.
    let residence_a = app.get_as(secretary, &format!("/residences/{}", world.residence_a)).await;
    assert!(
        residence_a.body.contains("Conseil de la résidence A") && residence_a.body.contains(&format!("/reunions/{id}"))
    );
    let residence_b = app.get_as(member, &format!("/residences/{}", world.residence_b)).await;
    assert!(!residence_b.body.contains("Conseil de la résidence A"));

    // Anyone reads the council's page and subscribes to its calendar.
    let public = app.get(&format!("/conseils/{council}")).await;
    assert_eq!(public.status, 200);
    assert!(public.body.contains("tenant.a") && public.body.contains("Secrétaire"));
    let feed = app.get(&format!("/conseils/{council}/agenda.ics")).await;
    assert_eq!(feed.status, 200);
    assert!(feed.header("content-type").unwrap().starts_with("text/calendar"));
    assert_eq!(feed.body.matches("BEGIN:VEVENT").count(), 2, "the world's meeting and the new one");
    for missing in ["/conseils/abc/agenda.ics", "/conseils/99999/agenda.ics", &format!("/conseils/{council}/autre.ics")]
    {
        assert_eq!(app.get(missing).await.status, 404, "{missing}");
    }
    let other = council::Entity::find().order_by_desc(council::Column::Id).one(&app.db).await.unwrap().unwrap().id;
    assert_eq!(app.get(&format!("/conseils/{other}/reunions/{id}")).await.status, 404, "under its own council only");

    // Called off: members get the cancellation, and it leaves the residence page.
    let cancelled = app.post_form_as(secretary, "/api/councils/cancel", &[("meeting_id", &id)]).await;
    assert!(cancelled.header("location").unwrap().contains("ok=meeting-cancelled"));
    let email = app.email_containing("tenant.b@example.org", "est annulée").await;
    assert!(email.calendar.as_deref().unwrap().contains("METHOD:CANCEL"));
    let residence_a = app.get_as(secretary, &format!("/residences/{}", world.residence_a)).await;
    assert!(!residence_a.body.contains(&format!("/reunions/{id}")));
    let moved_again = app
        .post_form_as(
            secretary,
            "/api/councils/reschedule",
            &[("meeting_id", &id), ("starts_at", "2099-03-05T18:30"), ("minutes", "90"), ("place", "Salle")],
        )
        .await;
    assert!(error_of(&moved_again).contains("error-meeting-not-now"));
}
