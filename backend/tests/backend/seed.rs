use palier_backend::entities::{household, membership, occupancy, user};
use palier_backend::seed::{DemoRole, SeedError, seed_demo};
use palier_backend::testing::{codes, fresh_database, seal};
use palier_domain::InvitationCode;
use palier_domain::consultations::Status;
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};

#[tokio::test]
async fn seed_demo_creates_a_usable_organisation_once() {
    let db = fresh_database().await.unwrap();
    let report = seed_demo(&db, seal(), codes()).await.unwrap();

    assert_eq!(report.households.len(), 40);
    // 40 for the demo landlord, 4 for its neighbour.
    assert_eq!(household::Entity::find().count(&db).await.unwrap(), 44);
    assert_eq!(report.residences.len(), 3);
    assert_eq!(report.residences.iter().filter(|r| r.organisation == "Logis Voisin").count(), 1);
    let residences: std::collections::BTreeSet<_> = report.households.iter().map(|h| h.residence.clone()).collect();
    assert_eq!(residences.len(), 2);
    assert!(report.households.iter().all(|h| h.building.is_some()));

    for role in ["platform_admin", "org_admin", "staff", "tenant"] {
        assert!(report.accounts.iter().any(|a| a.role.to_string() == role), "no demo {role}");
    }
    // Some households are joined, most are not.
    let joined = report.households.iter().filter(|h| h.occupants > 0).count();
    assert!((3..40).contains(&joined), "{joined} households joined");
    assert_eq!(
        occupancy::Entity::find().count(&db).await.unwrap() as usize,
        report.accounts.iter().filter(|a| a.role == DemoRole::Tenant).count()
    );
    assert_eq!(membership::Entity::find().count(&db).await.unwrap(), 3);

    // Every printed code is the household's current code, stored only hashed.
    for printed in &report.households {
        let code = InvitationCode::parse(&printed.code).unwrap();
        let stored = household::Entity::find()
            .filter(household::Column::InvitationCodeHash.eq(codes().hash(&code)))
            .one(&db)
            .await
            .unwrap()
            .expect("the printed code matches a household");
        assert_eq!(stored.unit_label, printed.unit);
        assert_ne!(stored.invitation_code_hash.as_deref(), Some(printed.code.as_str()));
    }

    // Every printed password signs in.
    for account in &report.accounts {
        let row = user::Entity::find().filter(user::Column::Email.eq(&account.email)).one(&db).await.unwrap().unwrap();
        assert!(
            palier_backend::auth::password::verify(account.password.clone(), row.password_hash).await.unwrap(),
            "{} cannot sign in",
            account.email
        );
    }

    assert!(matches!(seed_demo(&db, seal(), codes()).await, Err(SeedError::AlreadySeeded)));
}

#[tokio::test]
async fn the_demo_shows_a_whole_consultation_cycle_in_the_first_residence() {
    use palier_backend::consultations::{definition, results};
    use palier_domain::consultations::QuestionKind;
    let db = fresh_database().await.unwrap();
    let report = seed_demo(&db, seal(), codes()).await.unwrap();
    let first = &report.residences[0];
    assert_eq!(report.consultations.len(), 2);

    // Open, one question of each kind, and the demo tenants have not voted yet.
    let open = report.consultations.iter().find(|c| c.status == Status::Open).unwrap();
    let open = definition(&db, open.id).await.unwrap().unwrap();
    assert_eq!(open.status().code(), "open");
    let kinds: std::collections::BTreeSet<&str> = open.questions.iter().map(|q| q.kind.code().code()).collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert!(open.questions.iter().any(|q| matches!(q.kind, QuestionKind::Ranking)));
    let tenant =
        report.accounts.iter().find(|a| a.role == DemoRole::Tenant && a.residence.as_deref() == Some(&first.name));
    let tenant =
        user::Entity::find().filter(user::Column::Email.eq(&tenant.unwrap().email)).one(&db).await.unwrap().unwrap();
    let actor = palier_backend::sessions::load_actor(&db, &tenant).await.unwrap();
    let (_, voted) = palier_backend::consultations::voting::unit_of(&db, &open, &actor).await.unwrap().unwrap();
    assert!(!voted, "the demo tenant can still vote");

    // Published, with ballots on both channels, results and a response.
    let done = report.consultations.iter().find(|c| c.status == Status::Published).unwrap();
    let done = definition(&db, done.id).await.unwrap().unwrap();
    assert_eq!(done.status().code(), "published");
    assert!(done.consultation.response_body.as_deref().is_some_and(|r| !r.is_empty()));
    let results = results::compute(&db, &done).await.unwrap();
    assert_eq!((results.participants, results.paper, results.ballots), (12, 2, 12));
    assert_eq!(results.quorum_reached, Some(true), "12 of 24 homes, quorum 30 %");
    assert_eq!(results::all_ballots(&db, &done).await.unwrap().len(), 12);

    // Opened through the same path as any vote: its notifications are queued,
    // the email of those who get them at once still to be written.
    let (items, _) = palier_backend::notifications::list(&db, tenant.id, 0, 20).await.unwrap();
    let opened: Vec<_> = items
        .iter()
        .filter(|i| i.kind == palier_domain::notifications::Kind::ConsultationOpened)
        .map(|i| i.link.clone())
        .collect();
    assert!(opened.contains(&format!("/consultations/{}", open.consultation.id)), "{items:?}");
    assert!(items.iter().any(|i| i.kind == palier_domain::notifications::Kind::ResponsePublished));
    let pending = palier_backend::entities::notification::Entity::find()
        .filter(palier_backend::entities::notification::Column::UserId.eq(tenant.id))
        .filter(palier_backend::entities::notification::Column::EmailState.eq("immediate"))
        .all(&db)
        .await
        .unwrap();
    assert!(!pending.is_empty());
}
