//! A small world for authorisation tests: two organisations, residences,
//! households, and one signed-in client per role. Accounts share one
//! pre-computed password hash and sessions are opened directly, so building
//! a world costs no argon2 work.

use crate::helpers::TestApp;
use palier_backend::accounts::{self, NewAccount};
use palier_backend::auth::password::{self, PasswordHashString};
use palier_backend::registry::{self, NewHousehold};
use palier_domain::registry::NewResidence;
use palier_domain::team::OrgRole;
use palier_domain::{DisplayName, Email, InvitationCode, Locale, Password};
use tokio::sync::OnceCell;

static HASH: OnceCell<PasswordHashString> = OnceCell::const_new();

/// The password of every world account.
pub const PASSWORD: &str = "le mot de passe du monde de test";

async fn hash() -> &'static PasswordHashString {
    HASH.get_or_init(|| async { password::hash(Password::parse(PASSWORD).unwrap()).await.unwrap() }).await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Anonymous,
    /// Lives in residence A of organisation 1.
    TenantA,
    /// Lives in residence B of organisation 1.
    TenantB,
    /// Staff of organisation 1.
    Staff1,
    /// Admin of organisation 1.
    Admin1,
    /// Staff of organisation 2.
    Staff2,
    /// Platform administrator.
    Platform,
}

pub const ROLES: [Role; 7] =
    [Role::Anonymous, Role::TenantA, Role::TenantB, Role::Staff1, Role::Admin1, Role::Staff2, Role::Platform];

pub struct World {
    pub org1: i64,
    pub org2: i64,
    pub residence_a: i64,
    pub residence_b: i64,
    pub residence_c: i64,
    pub building_a: i64,
    pub household_a1: i64,
    pub household_a2: i64,
    pub household_b1: i64,
    pub household_c1: i64,
    /// The code of household A2 (nobody joined it).
    pub code_a2: InvitationCode,
    pub tenant_a: i64,
    pub tenant_b: i64,
    pub staff1: i64,
    pub admin1: i64,
    pub staff2: i64,
    pub platform: i64,
    pub invitation_token: String,
    /// A pending invitation to organisation 1.
    pub invitation_id: i64,
    /// Consultations of organisation 1: a draft, one open for residence A, one closed for everyone.
    pub draft: i64,
    pub draft_question: i64,
    pub open_consultation: i64,
    pub open_option: i64,
    pub closed_consultation: i64,
    /// A project of residence A, published by tenant A, with a photo and a comment of theirs.
    pub project_a: i64,
    pub photo_a: i64,
    pub comment_a: i64,
    /// A council of organisation 1 for residence A: tenant A its secretary,
    /// tenant B a member; a meeting to come with one agenda item.
    pub council: i64,
    pub meeting: i64,
    pub agenda_item: i64,
    clients: Vec<(Role, reqwest::Client)>,
    tokens: Vec<(Role, String)>,
}

impl World {
    pub async fn build(app: &TestApp) -> World {
        let db = &app.db;
        let org1 = registry::create_organisation(db, "org-un", "Organisme Un").await.unwrap().id;
        let org2 = registry::create_organisation(db, "org-deux", "Organisme Deux").await.unwrap().id;
        let residence = |org, name: &str| {
            let name = name.to_owned();
            async move { registry::create_residence(db, org, NewResidence { name, ..Default::default() }).await.unwrap().id }
        };
        let residence_a = residence(org1, "Résidence A").await;
        let residence_b = residence(org1, "Résidence B").await;
        let residence_c = residence(org2, "Résidence C").await;
        let building_a = registry::create_building(db, residence_a, "Bâtiment A").await.unwrap().id;
        let household = |org, residence_id, building_id, lease: &str| {
            let lease = lease.to_owned();
            async move {
                let home = registry::create_household(
                    db,
                    org,
                    NewHousehold {
                        residence_id,
                        building_id,
                        lease_ref: lease.clone(),
                        unit_label: format!("Logement {lease}"),
                        max_occupants: 4,
                    },
                )
                .await
                .unwrap();
                let code = registry::issue_code(db, &app.codes, home.id).await.unwrap();
                (home, code)
            }
        };
        let household_a1 = household(org1, residence_a, Some(building_a), "A1").await.0.id;
        let (a2, code_a2) = household(org1, residence_a, Some(building_a), "A2").await;
        let household_b1 = household(org1, residence_b, None, "B1").await.0.id;
        let household_c1 = household(org2, residence_c, None, "C1").await.0.id;

        let user = |email: &str, platform_admin: bool| {
            let email = email.to_owned();
            async move {
                let account = NewAccount {
                    email: Email::parse(&email).unwrap(),
                    display_name: DisplayName::parse(email.split('@').next().unwrap()).unwrap(),
                    locale: Locale::Fr,
                    email_verified: true,
                    platform_admin,
                };
                accounts::insert(db, account, hash().await).await.unwrap().id
            }
        };
        let tenant_a = user("tenant.a@example.org", false).await;
        let tenant_b = user("tenant.b@example.org", false).await;
        let staff1 = user("staff.1@example.org", false).await;
        let admin1 = user("admin.1@example.org", false).await;
        let staff2 = user("staff.2@example.org", false).await;
        let platform = user("platform@example.org", true).await;
        registry::add_occupant(db, household_a1, tenant_a).await.unwrap();
        registry::add_occupant(db, household_b1, tenant_b).await.unwrap();
        accounts::set_membership(db, staff1, org1, OrgRole::Staff).await.unwrap();
        accounts::set_membership(db, admin1, org1, OrgRole::Admin).await.unwrap();
        accounts::set_membership(db, staff2, org2, OrgRole::Staff).await.unwrap();

        let invitation_token = "0".repeat(64);
        let organisation_1 = registry::organisation(db, org1).await.unwrap().unwrap();
        let inviter = palier_backend::team::Inviter { user_id: admin1, name: "Admin".into(), locale: Locale::Fr };
        palier_backend::team::invite(
            db,
            &palier_backend::links::Links::new(&app.address),
            &inviter,
            &organisation_1,
            &Email::parse("invited@example.org").unwrap(),
            OrgRole::Staff,
        )
        .await
        .unwrap();
        let invitation_id = palier_backend::team::pending_invitations(db, org1).await.unwrap()[0].id.get();

        use palier_backend::consultations::builder;
        use palier_domain::consultations::QuestionKind;
        use palier_domain::consultations::{Audience, Visibility, VotingUnit};
        use palier_domain::consultations::{QuestionDraft, Settings};
        let settings = |audience: Audience| Settings {
            title: "Consultation".into(),
            summary: String::new(),
            body: String::new(),
            audience,
            unit: VotingUnit::Household,
            opens_at: chrono::Utc::now() - chrono::Duration::hours(1),
            closes_at: chrono::Utc::now() + chrono::Duration::days(3),
            visibility: Visibility::Live,
            quorum_percent: None,
        };
        let yes_no = QuestionDraft {
            kind: QuestionKind::SingleChoice,
            prompt: "Oui ou non ?".into(),
            required: true,
            options: vec!["Oui".into(), "Non".into()],
        };
        let draft = builder::create(db, staff1, org1, settings(Audience::Organisation)).await.unwrap().id;
        let draft_question = builder::add_question(db, draft, yes_no.clone()).await.unwrap();
        builder::add_question(db, draft, yes_no.clone()).await.unwrap();
        let open_consultation = builder::create(
            db,
            staff1,
            org1,
            settings(Audience::Residences(vec![palier_domain::ids::ResidenceId::new(residence_a)])),
        )
        .await
        .unwrap()
        .id;
        builder::add_question(db, open_consultation, yes_no.clone()).await.unwrap();
        builder::schedule(db, &app.seal, staff1, open_consultation, app.clock.now()).await.unwrap();
        let open_option =
            palier_backend::consultations::definition(db, open_consultation).await.unwrap().unwrap().questions[0]
                .options[0]
                .0
                .get();
        let closed_consultation = builder::create(db, staff1, org1, settings(Audience::Organisation)).await.unwrap().id;
        builder::add_question(db, closed_consultation, yes_no).await.unwrap();
        builder::schedule(db, &app.seal, staff1, closed_consultation, app.clock.now()).await.unwrap();
        // Closed by the clock's rule directly: the world's builders run no background job.
        move_past_close(app, closed_consultation).await;
        palier_backend::consultations::lifecycle::advance(db, &app.seal, closed_consultation, app.clock.now())
            .await
            .unwrap();

        let (project_a, photo_a, comment_a) = project(app, tenant_a, residence_a).await;
        // Tenant B moderates the content of residence B for organisation 1.
        sea_orm::EntityTrait::insert(palier_backend::entities::moderator::ActiveModel {
            organisation_id: sea_orm::ActiveValue::Set(org1),
            user_id: sea_orm::ActiveValue::Set(tenant_b),
            named_by_user_id: sea_orm::ActiveValue::Set(Some(admin1)),
            created_at: sea_orm::ActiveValue::Set(app.clock.now()),
        })
        .exec_without_returning(db)
        .await
        .unwrap();

        let (council, meeting, agenda_item) = council(app, org1, residence_a, admin1, [tenant_a, tenant_b]).await;

        let mut clients = vec![(Role::Anonymous, TestApp::new_client())];
        let mut tokens = Vec::new();
        for (role, user_id) in [
            (Role::TenantA, tenant_a),
            (Role::TenantB, tenant_b),
            (Role::Staff1, staff1),
            (Role::Admin1, admin1),
            (Role::Staff2, staff2),
            (Role::Platform, platform),
        ] {
            let session = palier_backend::sessions::create(db, user_id, false, "tests").await.unwrap();
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert("cookie", format!("palier_session={}", session.token).parse().unwrap());
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(headers)
                .build()
                .unwrap();
            clients.push((role, client));
            tokens.push((role, session.token));
        }
        World {
            org1,
            org2,
            residence_a,
            residence_b,
            residence_c,
            building_a,
            household_a1,
            household_a2: a2.id,
            household_b1,
            household_c1,
            code_a2,
            tenant_a,
            tenant_b,
            staff1,
            admin1,
            staff2,
            platform,
            invitation_token,
            invitation_id,
            draft,
            draft_question,
            open_consultation,
            open_option,
            closed_consultation,
            project_a,
            photo_a,
            comment_a,
            council,
            meeting,
            agenda_item,
            clients,
            tokens,
        }
    }

    pub fn client(&self, role: Role) -> &reqwest::Client {
        &self.clients.iter().find(|(r, _)| *r == role).unwrap().1
    }

    /// A new client signed in as `role` that, like a browser, keeps the
    /// cookies the server sets (the shared clients send a fixed cookie).
    pub fn browser(&self, app: &TestApp, role: Role) -> reqwest::Client {
        let token = &self.tokens.iter().find(|(r, _)| *r == role).unwrap().1;
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        jar.add_cookie_str(&format!("palier_session={token}; Path=/"), &app.address.parse().unwrap());
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_provider(jar).build().unwrap()
    }
}

/// A council of `residence` set up by `admin`, the first of `seated` its
/// secretary and the second a member, a meeting a week ahead, and an item on its agenda: (council, meeting, item).
async fn council(app: &TestApp, org: i64, residence: i64, admin: i64, seated: [i64; 2]) -> (i64, i64, i64) {
    use palier_backend::councils::{self, meetings, members};
    use palier_backend::entities::{agenda_item, user};
    use palier_domain::councils::form::{CouncilDraft, ItemDraft, MeetingDraft, MemberDraft};
    use palier_domain::councils::{CouncilKind, SeatRole};
    use palier_domain::ids::{OrganisationId, ResidenceId};
    use sea_orm::EntityTrait as _;
    let db = &app.db;
    let now = app.clock.now();
    let admin = user::Entity::find_by_id(admin).one(db).await.unwrap().unwrap();
    let admin = palier_backend::sessions::load_actor(db, &admin).await.unwrap();
    let draft = CouncilDraft {
        name: "Conseil de la résidence A".into(),
        kind: CouncilKind::ResidenceCouncil,
        residences: vec![ResidenceId::new(residence)],
        description: String::new(),
    };
    let id = councils::create(db, &admin, OrganisationId::new(org), draft, now).await.unwrap();
    for (person, role) in seated.into_iter().zip([SeatRole::Secretary, SeatRole::Member]) {
        let row = user::Entity::find_by_id(person).one(db).await.unwrap().unwrap();
        let email = Email::parse(row.email.as_deref().unwrap()).unwrap();
        members::add(db, &admin, id, MemberDraft { email, role, term_ends: None }, now).await.unwrap();
    }
    let slot = MeetingDraft {
        starts_at: now + chrono::Duration::days(7),
        minutes: 90,
        place: "Salle commune".into(),
        video_link: String::new(),
    };
    let meeting = meetings::convene(db, &admin, id, slot, now).await.unwrap();
    let item =
        ItemDraft { title: "Chauffage".into(), description: String::new(), presenter: String::new(), minutes: 30 };
    meetings::add_item(db, &admin, meeting, item, now).await.unwrap();
    let item_id = agenda_item::Entity::find().one(db).await.unwrap().unwrap().id;
    (id.get(), meeting.get(), item_id)
}

/// Moves a consultation's closing time just past and lets the server's
/// consultation clock close it.
pub async fn close_now(app: &TestApp, id: i64) {
    move_past_close(app, id).await;
    app.run_pending_jobs().await;
}

/// Moves a consultation's closing time one second before the clock's time.
async fn move_past_close(app: &TestApp, id: i64) {
    use palier_backend::entities::consultation;
    use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
    consultation::Entity::update_many()
        .col_expr(
            consultation::Column::ClosesAt,
            sea_orm::sea_query::Expr::value(app.clock.now() - chrono::Duration::seconds(1)),
        )
        .filter(consultation::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

/// A project of `residence` published by `author`, with a photo (its row
/// only: no file) and a comment of its author.
async fn project(app: &TestApp, author: i64, residence: i64) -> (i64, i64, i64) {
    use palier_backend::attachments::{Attachments, NoStore};
    use palier_backend::entities::{attachment, user};
    use palier_domain::discussion::Subject;
    use palier_domain::ids::ResidenceId;
    use palier_domain::projects::form::ProjectDraft;
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
    let db = &app.db;
    let user = user::Entity::find_by_id(author).one(db).await.unwrap().unwrap();
    let actor = palier_backend::sessions::load_actor(db, &user).await.unwrap();
    let organisation = registry::residence(db, residence).await.unwrap().unwrap().organisation_id;
    let category = palier_backend::projects::categories(db, organisation).await.unwrap()[0].id;
    let draft = ProjectDraft {
        residence_id: ResidenceId::new(residence),
        building_id: None,
        category_id: category,
        title: "Un jardin partagé".into(),
        description: "Des bacs dans la cour, entretenus ensemble.".into(),
        estimated_cost: None,
        needs: Vec::new(),
    };
    let now = app.clock.now();
    let store = Attachments::new(NoStore);
    let id =
        palier_backend::projects::propose::propose(db, &store, &actor, draft, None, Vec::new(), now).await.unwrap();
    palier_backend::projects::propose::submit(db, &actor, id, now).await.unwrap();
    let photo = attachment::ActiveModel {
        organisation_id: Set(organisation),
        owner_kind: Set("project".into()),
        owner_id: Set(id.get()),
        position: Set(0),
        storage_key: Set("ab".repeat(32)),
        media_type: Set("image/jpeg".into()),
        width: Set(4),
        height: Set(3),
        bytes: Set(100),
        moderation: Set("visible".into()),
        uploaded_by_user_id: Set(Some(author)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let comment = palier_backend::discussion::comment(db, &actor, Subject::Project, id.get(), None, "Bonne idée", now)
        .await
        .unwrap();
    (id.get(), photo, comment.get())
}
