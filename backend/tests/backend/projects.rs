//! Habitant 3.0 against a real database (SQLite, or PostgreSQL with
//! `TEST_DATABASE_URL`): proposing, supporting up to the threshold under
//! parallel supports, the landlord's answers and deadline, French search,
//! comments, reports and moderation, photos.

use chrono::{Duration, Utc};
use palier_backend::accounts::{self, NewAccount};
use palier_backend::attachments::{Attachments, FileStore, NewPhoto, image};
use palier_backend::discussion::{self, DiscussionError, moderation};
use palier_backend::entities::{audit_log, notification, project, project_support};
use palier_backend::policy::Actor;
use palier_backend::projects::{self, ProjectError, answer, list, page, propose, support};
use palier_backend::registry::{self, NewHousehold};
use palier_backend::testing::{TempDir, fresh_database};
use palier_domain::consultations::VotingUnit;
use palier_domain::discussion::{ContentRef, Decision, Moderation, ReportReason, Subject};
use palier_domain::ids::{CategoryId, ProjectId, ResidenceId};
use palier_domain::projects::form::{Answer, OnBehalf, ProjectDraft};
use palier_domain::projects::{Action, Channel, Filters, Need, Sort, Status};
use palier_domain::registry::NewResidence;
use palier_domain::{DisplayName, Email, Locale, Password};
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};

struct Place {
    org: i64,
    residence: i64,
    other_residence: i64,
    category: CategoryId,
    households: Vec<i64>,
    staff: Actor,
}

async fn person(db: &DatabaseConnection, name: &str) -> palier_backend::entities::user::Model {
    let hash = palier_backend::auth::password::hash(Password::parse("mot de passe des tests").unwrap()).await.unwrap();
    let account = NewAccount {
        email: Email::parse(&format!("{}@example.org", name.to_lowercase().replace(' ', "."))).unwrap(),
        display_name: DisplayName::parse(name).unwrap(),
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    accounts::insert(db, account, &hash).await.unwrap()
}

async fn actor(db: &DatabaseConnection, user: &palier_backend::entities::user::Model) -> Actor {
    palier_backend::sessions::load_actor(db, user).await.unwrap()
}

/// A tenant living in household `household`.
async fn tenant(db: &DatabaseConnection, name: &str, household: i64) -> Actor {
    let user = person(db, name).await;
    registry::add_occupant(db, household, user.id).await.unwrap();
    actor(db, &user).await
}

async fn place(db: &DatabaseConnection, homes: usize) -> Place {
    let org = registry::create_organisation(db, "org", "Organisme").await.unwrap().id;
    let residence =
        registry::create_residence(db, org, NewResidence { name: "Les Tilleuls".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let other_residence =
        registry::create_residence(db, org, NewResidence { name: "Les Érables".into(), ..Default::default() })
            .await
            .unwrap()
            .id;
    let mut households = Vec::new();
    for n in 0..homes {
        let new = NewHousehold {
            residence_id: residence,
            building_id: None,
            unit_label: format!("Logement {n}"),
            lease_ref: format!("TIL-{n}"),
            max_occupants: 4,
        };
        households.push(registry::create_household(db, org, new).await.unwrap().id);
    }
    let category = projects::categories(db, org).await.unwrap()[0].id;
    let staff_user = person(db, "Karim Benali").await;
    accounts::set_membership(db, staff_user.id, org, palier_domain::team::OrgRole::Staff).await.unwrap();
    let staff = actor(db, &staff_user).await;
    Place { org, residence, other_residence, category, households, staff }
}

fn draft(place: &Place, title: &str, description: &str) -> ProjectDraft {
    ProjectDraft {
        residence_id: ResidenceId::new(place.residence),
        building_id: None,
        category_id: place.category,
        title: title.into(),
        description: description.into(),
        estimated_cost: Some(300),
        needs: vec![Need::Volunteers],
    }
}

fn store(dir: &TempDir) -> Attachments {
    Attachments::new(FileStore::new(dir.path().join("attachments")).unwrap())
}

async fn published(db: &DatabaseConnection, store: &Attachments, author: &Actor, d: ProjectDraft) -> ProjectId {
    let id = propose::propose(db, store, author, d, None, Vec::new(), Utc::now()).await.unwrap();
    propose::submit(db, author, id, Utc::now()).await.unwrap();
    id
}

async fn row(db: &DatabaseConnection, id: ProjectId) -> project::Model {
    project::Entity::find_by_id(id.get()).one(db).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_draft_is_its_authors_then_supports_move_it_to_review_with_a_deadline() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 6).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let housemate = tenant(&db, "Paul Martin", place.households[0]).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    // Three supports of six homes: a threshold of 50 %.
    let settings = palier_backend::entities::organisation::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(place.org),
        support_threshold_kind: sea_orm::ActiveValue::Set("percent".into()),
        support_threshold: sea_orm::ActiveValue::Set(50),
        answer_days: sea_orm::ActiveValue::Set(20),
        ..Default::default()
    };
    sea_orm::ActiveModelTrait::update(settings, &db).await.unwrap();

    let id = propose::propose(
        &db,
        &store,
        &author,
        draft(&place, "Un jardin partagé", "Des bacs dans la cour, entretenus ensemble."),
        None,
        Vec::new(),
        Utc::now(),
    )
    .await
    .unwrap();
    assert!(
        matches!(page::page(&db, &neighbour, id, Utc::now()).await, Err(ProjectError::NotFound)),
        "a draft is the author's"
    );
    assert!(matches!(support::support(&db, &neighbour, id, Utc::now()).await, Err(ProjectError::NotFound)));
    let mine = page::page(&db, &author, id, Utc::now()).await.unwrap();
    assert!(mine.rights.can_submit && mine.rights.can_edit && !mine.rights.can_support);

    propose::submit(&db, &author, id, Utc::now()).await.unwrap();
    let published = row(&db, id).await;
    assert_eq!(
        (published.status.as_str(), published.support_target, published.support_unit.as_str()),
        ("submitted", 3, "household")
    );
    // The neighbours were told (the author was not).
    let told: Vec<i64> = notification::Entity::find()
        .filter(notification::Column::Kind.eq("project_published"))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect();
    assert!(told.contains(&neighbour.user_id) && told.contains(&housemate.user_id) && !told.contains(&author.user_id));

    // One support per household: the author's housemate adds nothing.
    assert!(!support::support(&db, &author, id, Utc::now()).await.unwrap());
    assert!(!support::support(&db, &housemate, id, Utc::now()).await.unwrap());
    assert!(!support::support(&db, &neighbour, id, Utc::now()).await.unwrap());
    assert_eq!(row(&db, id).await.support_count, 2);
    // Taken back, and given again.
    support::withdraw_support(&db, &neighbour, id).await.unwrap();
    assert_eq!(row(&db, id).await.support_count, 1);
    assert!(!support::support(&db, &neighbour, id, Utc::now()).await.unwrap());
    // Once supported, the author adds instead of rewriting.
    let rewrite = propose::rewrite(
        &db,
        &store,
        &author,
        id,
        draft(&place, "Autre titre", "Une autre description du projet."),
        Vec::new(),
        Utc::now(),
    )
    .await;
    assert!(matches!(rewrite, Err(ProjectError::NotNow)));
    propose::add(&db, &author, id, "Nous avons déjà des graines.", Utc::now()).await.unwrap();

    let third = tenant(&db, "Louis Bernard", place.households[2]).await;
    // PostgreSQL keeps microseconds.
    let before = chrono::SubsecRound::trunc_subsecs(Utc::now(), 6);
    assert!(support::support(&db, &third, id, before).await.unwrap(), "the third support reaches 50 % of six homes");
    let reviewed = row(&db, id).await;
    assert_eq!(reviewed.status, "under_review");
    assert_eq!(reviewed.answer_due_at, Some(before + Duration::days(20)));
    // Supports are closed with the review.
    let late = tenant(&db, "Sofia Rossi", place.households[3]).await;
    assert!(matches!(support::support(&db, &late, id, Utc::now()).await, Err(ProjectError::NotNow)));
    assert!(matches!(support::withdraw_support(&db, &third, id).await, Err(ProjectError::NotNow)));
    // Author and supporters heard of it.
    let changed: Vec<i64> = notification::Entity::find()
        .filter(notification::Column::Kind.eq("project_changed"))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect();
    for who in [&author, &neighbour, &third] {
        assert!(changed.contains(&who.user_id));
    }
    // The page shows the deadline; it is overdue the day after.
    let seen = page::page(&db, &neighbour, id, Utc::now()).await.unwrap();
    assert!(!seen.overdue && seen.events.len() == 3, "published, the addition, under review");
    let after = page::page(&db, &neighbour, id, Utc::now() + Duration::days(21)).await.unwrap();
    assert!(after.overdue);
    // A tenant of another residence learns nothing of it.
    let stranger_home = registry::create_household(
        &db,
        place.org,
        NewHousehold {
            residence_id: place.other_residence,
            building_id: None,
            unit_label: "E1".into(),
            lease_ref: "ERA-1".into(),
            max_occupants: 4,
        },
    )
    .await
    .unwrap()
    .id;
    let stranger = tenant(&db, "Marc Petit", stranger_home).await;
    assert!(matches!(page::page(&db, &stranger, id, Utc::now()).await, Err(ProjectError::Forbidden)));
}

#[tokio::test]
async fn parallel_supports_are_counted_once_each_and_start_one_review() {
    parallel_supports(fresh_database().await.unwrap()).await;
}

/// On a SQLite file (as `palier serve` runs by default) every connection of
/// the pool supports at once: each transaction waits its turn to write
/// rather than failing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_supports_on_a_sqlite_file_wait_their_turn() {
    if palier_backend::testing::backend_name() != "sqlite" {
        return;
    }
    let dir = TempDir::new("palier-file").unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("palier.db").display());
    let db = palier_backend::db::connect(&url).await.unwrap();
    palier_backend::db::migrate(&db).await.unwrap();
    parallel_supports(db).await;
}

async fn parallel_supports(db: DatabaseConnection) {
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 24).await;
    let author = tenant(&db, "Auteur", place.households[0]).await;
    let id = published(&db, &store, &author, draft(&place, "Des bancs", "Des bancs devant chaque entrée.")).await;
    let mut supporters = Vec::new();
    for (n, household) in place.households.iter().enumerate().skip(1) {
        supporters.push(tenant(&db, &format!("Voisin {n}"), *household).await);
    }
    // Each supporter clicks twice, all at once.
    let mut tasks = Vec::new();
    for who in supporters.iter().chain(supporters.iter()) {
        let (db, who) = (db.clone(), who.clone());
        tasks.push(tokio::spawn(async move { support::support(&db, &who, id, Utc::now()).await }));
    }
    let mut reached = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(true) => reached += 1,
            Ok(false) | Err(ProjectError::NotNow) => {}
            Err(other) => panic!("{other}"),
        }
    }
    assert_eq!(reached, 1, "one support started the review");
    let counted = row(&db, id).await;
    let rows = project_support::Entity::find()
        .filter(project_support::Column::ProjectId.eq(id.get()))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(i64::from(counted.support_count), i64::try_from(rows).unwrap(), "the count is the rows");
    assert!(counted.support_count >= 10 && counted.status == "under_review");
}

#[tokio::test]
async fn adults_support_one_by_one_when_the_organisation_says_so() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 2).await;
    let organisation = palier_backend::entities::organisation::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(place.org),
        support_unit: sea_orm::ActiveValue::Set(VotingUnit::Adult.code().into()),
        ..Default::default()
    };
    sea_orm::ActiveModelTrait::update(organisation, &db).await.unwrap();
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let housemate = tenant(&db, "Paul Martin", place.households[0]).await;
    let id =
        published(&db, &store, &author, draft(&place, "Un composteur", "Un composteur près du local vélos.")).await;
    support::support(&db, &author, id, Utc::now()).await.unwrap();
    support::support(&db, &housemate, id, Utc::now()).await.unwrap();
    assert_eq!(row(&db, id).await.support_count, 2, "two adults of one home");
}

#[tokio::test]
async fn the_landlord_answers_in_the_open_and_its_record_counts_the_deadlines() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 4).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let supporter = tenant(&db, "Amina Diallo", place.households[1]).await;
    let quick =
        published(&db, &store, &author, draft(&place, "Une fête des voisins", "Une fête dans la cour en juin.")).await;
    let slow = published(&db, &store, &author, draft(&place, "Un local vélos", "Un local fermé pour les vélos.")).await;
    support::support(&db, &supporter, quick, Utc::now()).await.unwrap();
    // Tenants cannot answer; staff review both.
    let refuse =
        Answer { action: Action::Reject, message: "Le budget de l'année est engagé.".into(), spent_cost: None };
    assert!(matches!(
        answer::answer(&db, &author, quick, refuse.clone(), Utc::now()).await,
        Err(ProjectError::Forbidden)
    ));
    for id in [quick, slow] {
        let review = Answer { action: Action::Review, message: String::new(), spent_cost: None };
        assert_eq!(answer::answer(&db, &place.staff, id, review, Utc::now()).await.unwrap(), Status::UnderReview);
    }
    // Quick is accepted at once; slow is refused 40 days later, past its 30 days.
    let accept = Answer { action: Action::Accept, message: "Nous prêtons les tables.".into(), spent_cost: None };
    answer::answer(&db, &place.staff, quick, accept, Utc::now()).await.unwrap();
    answer::answer(&db, &place.staff, slow, refuse, Utc::now() + Duration::days(40)).await.unwrap();
    let again = Answer { action: Action::Accept, message: String::new(), spent_cost: None };
    assert!(matches!(answer::answer(&db, &place.staff, slow, again, Utc::now()).await, Err(ProjectError::NotNow)));
    let start = Answer { action: Action::Start, message: "La fête est prévue le 14 juin.".into(), spent_cost: None };
    answer::answer(&db, &place.staff, quick, start, Utc::now()).await.unwrap();
    answer::post_progress(
        &db,
        &store,
        &place.staff,
        quick,
        "Les tables sont réservées.",
        Some(120),
        Vec::new(),
        Utc::now(),
    )
    .await
    .unwrap();
    let seen = page::page(&db, &supporter, quick, Utc::now()).await.unwrap();
    assert_eq!(seen.status, Status::InProgress);
    assert_eq!(seen.spent_cost, Some(120));
    assert!(seen.events.iter().any(|e| e.landlord && e.message_html.contains("tables sont réservées")));
    assert!(seen.rights.actions.is_empty() && !seen.rights.can_post_progress, "a tenant sees no staff action");
    let refused = page::page(&db, &author, slow, Utc::now()).await.unwrap();
    assert!(refused.events.iter().any(|e| e.status == Some(Status::Rejected) && e.message_html.contains("budget")));

    let record = list::answer_record(&db, place.org, Utc::now() + Duration::days(41)).await.unwrap();
    assert_eq!((record.on_time, record.due), (1, 2), "one answered in time of two");
    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("project.status_changed"))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.details)
        .collect();
    assert_eq!(actions.len(), 5);

    // The list: filtered, sorted, and the export carries no names.
    let page =
        list::list(&db, &supporter, Filters { sort: Some(Sort::MostSupported), ..Default::default() }, 0, Utc::now())
            .await
            .unwrap();
    assert_eq!(page.projects.first().map(|p| p.id), Some(quick));
    let refused_only = Filters { status: Some(Status::Rejected), ..Default::default() };
    let only = list::list(&db, &supporter, refused_only, 0, Utc::now()).await.unwrap();
    assert_eq!(only.projects.iter().map(|p| p.id).collect::<Vec<_>>(), vec![slow]);
    let rows = list::export(&db, &supporter, Filters::default(), Utc::now()).await.unwrap();
    let csv = list::export_csv(&rows);
    assert!(csv.contains("Une fête des voisins") && !csv.contains("Jeanne") && !csv.contains("Amina"));
    assert!(rows.iter().any(|r| r.id == slow.get() && r.answer_days == Some(40)));
}

#[tokio::test]
async fn staff_record_a_tenants_project_from_a_phone_call() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 3).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    let on_behalf = OnBehalf { lease_ref: "TIL-0".into(), channel: Channel::Phone };
    let d = draft(&place, "Des jeux pour enfants", "Un petit espace de jeux derrière le bâtiment.");
    let id =
        propose::propose(&db, &store, &place.staff, d.clone(), Some(on_behalf), Vec::new(), Utc::now()).await.unwrap();
    let recorded = row(&db, id).await;
    assert_eq!((recorded.status.as_str(), recorded.channel.as_str()), ("submitted", "phone"));
    assert_eq!((recorded.author_user_id, recorded.household_id), (None, Some(place.households[0])));
    let seen = page::page(&db, &neighbour, id, Utc::now()).await.unwrap();
    assert_eq!((seen.channel, seen.author), (Channel::Phone, None));
    // Staff always say for whom; a lease that is not the residence's is refused.
    let mine = propose::propose(&db, &store, &place.staff, d.clone(), None, Vec::new(), Utc::now()).await;
    assert!(matches!(mine, Err(ProjectError::Forbidden)));
    let unknown = OnBehalf { lease_ref: "NOPE".into(), channel: Channel::Lodge };
    let refused = propose::propose(&db, &store, &place.staff, d, Some(unknown), Vec::new(), Utc::now()).await;
    assert!(matches!(refused, Err(ProjectError::UnknownLease)));
    assert_eq!(
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("project.recorded")).count(&db).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn similar_projects_are_found_by_french_stems() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 3).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    let garden =
        published(&db, &store, &neighbour, draft(&place, "Jardins partagés", "Cultiver des légumes entre voisins."))
            .await;
    let benches =
        published(&db, &store, &neighbour, draft(&place, "Des bancs", "S'asseoir à l'ombre des arbres.")).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let id = propose::propose(
        &db,
        &store,
        &author,
        draft(&place, "Un jardin à partager", "Faire pousser nos légumes."),
        None,
        Vec::new(),
        Utc::now(),
    )
    .await
    .unwrap();
    let seen = page::page(&db, &author, id, Utc::now()).await.unwrap();
    let found: Vec<ProjectId> = seen.similar.iter().map(|s| s.id).collect();
    assert_eq!(found, vec![garden], "not {benches}: nothing in common");
    // Words that are query syntax are only words.
    let odd = palier_backend::search::similar_projects(&db, place.residence, "jardin\" OR * NEAR( -- ' ;", 0, 5)
        .await
        .unwrap();
    assert_eq!(odd, vec![garden.get()]);
}

#[tokio::test]
async fn comments_reply_once_edit_for_a_quarter_hour_and_leave_a_trace_when_deleted() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 3).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    let id =
        published(&db, &store, &author, draft(&place, "Un composteur", "Un composteur près du local vélos.")).await;
    let now = Utc::now();
    let first =
        discussion::comment(&db, &neighbour, Subject::Project, id.get(), None, "Bonne idée !", now).await.unwrap();
    let reply = discussion::comment(
        &db,
        &place.staff,
        Subject::Project,
        id.get(),
        Some(first),
        "Nous étudions l'emplacement.",
        now,
    )
    .await
    .unwrap();
    let nested = discussion::comment(&db, &author, Subject::Project, id.get(), Some(reply), "Merci", now).await;
    assert!(matches!(nested, Err(DiscussionError::NotNow)), "one level of replies");
    assert!(matches!(discussion::edit(&db, &author, first, "Pas à moi", now).await, Err(DiscussionError::Forbidden)));
    discussion::edit(&db, &neighbour, first, "Très bonne idée !", now + Duration::minutes(10)).await.unwrap();
    let late = discussion::edit(&db, &neighbour, first, "Trop tard", now + Duration::minutes(16)).await;
    assert!(matches!(late, Err(DiscussionError::NotNow)));
    discussion::delete(&db, &neighbour, first, now).await.unwrap();
    let seen = page::page(&db, &author, id, now).await.unwrap();
    let thread = &seen.discussion.comments[0];
    assert!(thread.deleted && thread.body_html.is_empty());
    assert!(thread.replies[0].landlord && thread.replies[0].body_html.contains("emplacement"));
    assert_eq!(row(&db, id).await.comment_count, 1);
    let told: Vec<(String, i64)> = notification::Entity::find()
        .filter(notification::Column::Kind.is_in(["new_comment", "comment_reply"]))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| (n.kind, n.user_id))
        .collect();
    assert!(told.contains(&("new_comment".into(), author.user_id)));
    assert!(told.contains(&("comment_reply".into(), neighbour.user_id)));
}

#[tokio::test]
async fn the_third_reporter_hides_a_comment_until_a_moderator_restores_it() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 5).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let writer = tenant(&db, "Paul Dupont", place.households[1]).await;
    let id =
        published(&db, &store, &author, draft(&place, "Un composteur", "Un composteur près du local vélos.")).await;
    let comment =
        discussion::comment(&db, &writer, Subject::Project, id.get(), None, "Texte discuté", Utc::now()).await.unwrap();
    let item = ContentRef::Comment(comment);
    assert!(
        matches!(
            moderation::report(&db, &writer, item, ReportReason::Spam, Utc::now()).await,
            Err(DiscussionError::NotNow)
        ),
        "not one's own"
    );
    let mut reporters = Vec::new();
    for n in 2..5 {
        reporters.push(tenant(&db, &format!("Voisin {n}"), place.households[n]).await);
    }
    assert!(!moderation::report(&db, &reporters[0], item, ReportReason::Offensive, Utc::now()).await.unwrap());
    assert!(
        !moderation::report(&db, &reporters[0], item, ReportReason::Offensive, Utc::now()).await.unwrap(),
        "once each"
    );
    assert!(!moderation::report(&db, &reporters[1], item, ReportReason::Offensive, Utc::now()).await.unwrap());
    assert!(
        moderation::report(&db, &reporters[2], item, ReportReason::Spam, Utc::now()).await.unwrap(),
        "the third hides it"
    );
    let seen = page::page(&db, &author, id, Utc::now()).await.unwrap();
    let hidden = &seen.discussion.comments[0];
    assert_eq!(hidden.moderation, Moderation::Pending);
    assert!(hidden.body_html.is_empty(), "a placeholder for tenants");
    let staff_view = page::page(&db, &place.staff, id, Utc::now()).await.unwrap();
    assert!(staff_view.discussion.comments[0].body_html.contains("Texte discuté"), "moderators read it");
    // The queue, and the decision.
    let organisation = registry::organisation(&db, place.org).await.unwrap().unwrap();
    let queue = moderation::queue(&db, &place.staff, organisation, 0).await.unwrap();
    assert_eq!(queue.items.len(), 1);
    assert_eq!(queue.items[0].reporters, 3);
    assert!(queue.items[0].reasons.contains(&(ReportReason::Offensive, 2)));
    assert!(matches!(
        moderation::decide(&db, &author, item, Decision::Restore, Utc::now()).await,
        Err(DiscussionError::Forbidden)
    ));
    moderation::decide(&db, &place.staff, item, Decision::Restore, Utc::now()).await.unwrap();
    let shown = page::page(&db, &author, id, Utc::now()).await.unwrap();
    assert_eq!(shown.discussion.comments[0].moderation, Moderation::Visible);
    let organisation = registry::organisation(&db, place.org).await.unwrap().unwrap();
    assert!(moderation::queue(&db, &place.staff, organisation, 0).await.unwrap().items.is_empty());
    let kinds: Vec<String> = notification::Entity::find()
        .filter(notification::Column::UserId.eq(writer.user_id))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind)
        .collect();
    assert!(kinds.contains(&"content_hidden".to_owned()) && kinds.contains(&"content_restored".to_owned()));
    let hidden_params = notification::Entity::find()
        .filter(notification::Column::Kind.eq("content_hidden"))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .params;
    assert!(hidden_params.contains("offensive"), "the author is told why: {hidden_params}");
    assert_eq!(
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("content.restored")).count(&db).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn a_photo_is_stored_without_its_metadata_and_a_corrupt_one_says_why() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 2).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let mut jpeg = Vec::new();
    ::image::codecs::jpeg::JpegEncoder::new(&mut jpeg).encode_image(&::image::RgbImage::new(1600, 1200)).unwrap();
    let payload = b"Exif\0\0MM\0*\0\0\0\x08\0\0GPS 45.7640N 4.8357E";
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&[0xFF, 0xE1]);
    with_exif.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    with_exif.extend_from_slice(payload);
    with_exif.extend_from_slice(&jpeg[2..]);
    let d = draft(&place, "Un banc", "Un banc sous le tilleul de la cour.");
    let id = propose::propose(&db, &store, &author, d, None, vec![NewPhoto(with_exif)], Utc::now()).await.unwrap();
    let seen = page::page(&db, &author, id, Utc::now()).await.unwrap();
    assert_eq!((seen.photos.len(), seen.photos[0].width, seen.photos[0].height), (1, 1280, 960));
    let files: Vec<_> = std::fs::read_dir(dir.path().join("attachments")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 2, "display and thumbnail");
    for file in files {
        let bytes = std::fs::read(file).unwrap();
        assert!(!bytes.windows(3).any(|w| w == b"GPS") && !bytes.windows(4).any(|w| w == b"Exif"));
    }
    assert_eq!(image::process(b"\x89PNG\r\n\x1a\n broken").unwrap_err().message(), "error-photo-unreadable");
    let corrupt = vec![NewPhoto(b"\x89PNG\r\n\x1a\n broken".to_vec())];
    let d = draft(&place, "Un autre banc", "Un banc près de l'entrée du parking.");
    let refused = propose::propose(&db, &store, &author, d, None, corrupt, Utc::now()).await;
    assert!(matches!(refused, Err(ProjectError::Photo(image::PhotoError::Unreadable))), "nothing saved");
}

#[tokio::test]
async fn a_draft_is_thrown_away_never_withdrawn_into_the_open() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 2).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    let d = draft(&place, "Un banc", "Un banc sous le tilleul de la cour.");
    let id = propose::propose(&db, &store, &author, d, None, Vec::new(), Utc::now()).await.unwrap();
    assert!(matches!(propose::withdraw(&db, &author, id, Utc::now()).await, Err(ProjectError::NotNow)));
    let comment = discussion::comment(&db, &neighbour, Subject::Project, id.get(), None, "Tiens ?", Utc::now()).await;
    assert!(matches!(comment, Err(DiscussionError::NotFound)), "nobody learns a draft exists");
    assert!(matches!(propose::discard(&db, &store, &neighbour, id).await, Err(ProjectError::NotFound)));
    propose::discard(&db, &store, &author, id).await.unwrap();
    assert!(project::Entity::find_by_id(id.get()).one(&db).await.unwrap().is_none());
    let page = list::list(&db, &neighbour, Filters::default(), 0, Utc::now()).await.unwrap();
    assert_eq!(page.total, 0);
}

#[tokio::test]
async fn a_hidden_project_shows_nothing_of_itself_but_to_moderators() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 3).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let neighbour = tenant(&db, "Amina Diallo", place.households[1]).await;
    let mut png = Vec::new();
    ::image::DynamicImage::new_rgb8(40, 30)
        .write_to(&mut std::io::Cursor::new(&mut png), ::image::ImageFormat::Png)
        .unwrap();
    let d = draft(&place, "Un titre à cacher", "Une description qui sera masquée.");
    let id = propose::propose(&db, &store, &author, d, None, vec![NewPhoto(png)], Utc::now()).await.unwrap();
    propose::submit(&db, &author, id, Utc::now()).await.unwrap();
    let photo = page::page(&db, &neighbour, id, Utc::now()).await.unwrap().photos[0].id;
    use palier_backend::projects::photos;
    use palier_domain::attachments::Variant;
    assert!(photos::photo(&db, &store, &neighbour, photo, Variant::Thumb).await.is_ok());
    moderation::decide(&db, &place.staff, ContentRef::Project(id), Decision::Hide, Utc::now()).await.unwrap();
    let seen = page::page(&db, &neighbour, id, Utc::now()).await.unwrap();
    assert!(seen.title.is_empty() && seen.description_html.is_empty() && seen.photos.is_empty());
    assert!(matches!(
        photos::photo(&db, &store, &neighbour, photo, Variant::Thumb).await,
        Err(ProjectError::Forbidden)
    ));
    assert!(photos::photo(&db, &store, &place.staff, photo, Variant::Thumb).await.is_ok(), "moderators see it");
    let card = &list::list(&db, &neighbour, Filters::default(), 0, Utc::now()).await.unwrap().projects[0];
    assert!(card.title.is_empty() && card.thumbnail.is_none());
    // The neighbours' notifications no longer quote its title.
    let published =
        notification::Entity::find().filter(notification::Column::Kind.eq("project_published")).all(&db).await.unwrap();
    assert!(!published.is_empty());
    assert!(published.iter().all(|n| !n.params.contains("cacher")), "{:?}", published[0].params);
    // What happens to it now is not announced to its supporters.
    answer::answer(
        &db,
        &place.staff,
        id,
        Answer { action: Action::Reject, message: "Non.".into(), spent_cost: None },
        Utc::now(),
    )
    .await
    .unwrap();
    let changed =
        notification::Entity::find().filter(notification::Column::Kind.eq("project_changed")).count(&db).await.unwrap();
    assert_eq!(changed, 0);
}

#[tokio::test]
async fn invisible_characters_never_reach_the_database() {
    let db = fresh_database().await.unwrap();
    let dir = TempDir::new("palier-projects").unwrap();
    let store = store(&dir);
    let place = place(&db, 2).await;
    let author = tenant(&db, "Jeanne Martin", place.households[0]).await;
    let title = palier_domain::projects::form::title("Un\0 banc\u{7}").unwrap();
    let description = palier_domain::projects::form::description("Sous le\0 tilleul de la cour, à l'ombre.").unwrap();
    let mut d = draft(&place, &title, &description);
    d.title = title;
    let id = propose::propose(&db, &store, &author, d, None, Vec::new(), Utc::now()).await.unwrap();
    propose::submit(&db, &author, id, Utc::now()).await.unwrap();
    let body = palier_domain::discussion::comment_body("Oui\0 !").unwrap();
    discussion::comment(&db, &author, Subject::Project, id.get(), None, &body, Utc::now()).await.unwrap();
    let saved = row(&db, id).await;
    assert_eq!(saved.title, "Un banc");
    assert!(!saved.description.contains('\0'));
}
