//! The projects of the demo, in the first residence: one of each state —
//! proposed with supports, under review, one overdue, accepted and under
//! way with progress, done, refused with its reason, withdrawn, a draft, one
//! entered by staff after a phone call — with comments, a reply from the
//! landlord, and a comment hidden by three reports, waiting in the
//! moderation queue.

use super::DemoProject;
use crate::attachments::{Attachments, NoStore};
use crate::discussion::{self, moderation};
use crate::entities::{organisation, user};
use crate::policy::Actor;
use crate::projects::{answer, propose, support};
use anyhow::Context as _;
use chrono::{DateTime, Duration, Utc};
use palier_domain::discussion::{ContentRef, ReportReason, Subject};
use palier_domain::ids::{CategoryId, ProjectId, ResidenceId};
use palier_domain::projects::form::{Answer, OnBehalf, ProjectDraft};
use palier_domain::projects::{Action, Channel, Need};
use sea_orm::{ActiveModelTrait as _, ActiveValue, DatabaseConnection, EntityTrait as _};

async fn actor(db: &DatabaseConnection, id: i64) -> anyhow::Result<Actor> {
    let user = user::Entity::find_by_id(id).one(db).await?.context("a demo account")?;
    Ok(crate::sessions::load_actor(db, &user).await?)
}

struct Demo<'a> {
    db: &'a DatabaseConnection,
    store: Attachments,
    residence: i64,
    categories: Vec<CategoryId>,
}

impl Demo<'_> {
    async fn propose(
        &self,
        author: &Actor,
        category: usize,
        title: &str,
        description: &str,
        needs: Vec<Need>,
        at: DateTime<Utc>,
    ) -> anyhow::Result<ProjectId> {
        let draft = ProjectDraft {
            residence_id: ResidenceId::new(self.residence),
            building_id: None,
            category_id: self.categories[category % self.categories.len()],
            title: title.to_owned(),
            description: description.to_owned(),
            estimated_cost: None,
            needs,
        };
        Ok(propose::propose(self.db, &self.store, author, draft, None, Vec::new(), at).await?)
    }

    async fn publish(&self, author: &Actor, id: ProjectId, at: DateTime<Utc>) -> anyhow::Result<()> {
        Ok(propose::submit(self.db, author, id, at).await?)
    }

    async fn answer(
        &self,
        staff: &Actor,
        id: ProjectId,
        action: Action,
        message: &str,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let answer = Answer { action, message: message.to_owned(), spent_cost: None };
        answer::answer(self.db, staff, id, answer, at).await?;
        Ok(())
    }
}

/// Seeds the projects. `tenants` are demo tenants of the first residence,
/// each of another home (the first is the author of most), and `staff` a
/// staff member.
pub async fn seed(
    db: &DatabaseConnection,
    organisation_id: i64,
    residence: i64,
    staff: i64,
    tenants: &[i64],
) -> anyhow::Result<Vec<DemoProject>> {
    // A demo residence has few tenants with an account: three supports move a project to review.
    let mut settings: organisation::ActiveModel =
        organisation::Entity::find_by_id(organisation_id).one(db).await?.context("the demo organisation")?.into();
    settings.support_threshold = ActiveValue::Set(3);
    settings.update(db).await?;
    let staff = actor(db, staff).await?;
    let mut people = Vec::new();
    for id in tenants {
        people.push(actor(db, *id).await?);
    }
    let [jeanne, amina, louis, sofia, ..] = people.as_slice() else { anyhow::bail!("the demo needs four tenants") };
    let categories = crate::projects::categories(db, organisation_id).await?.into_iter().map(|c| c.id).collect();
    let demo = Demo { db, store: Attachments::new(NoStore), residence, categories };
    let now = Utc::now();
    let days = |n: i64| now - Duration::days(n);

    // Accepted and under way, with progress and a discussion.
    let garden = demo
        .propose(jeanne, 0, "Un jardin partagé dans la cour", "Des bacs de légumes et d'herbes aromatiques dans la cour, entretenus à tour de rôle par les voisins qui le veulent. Les enfants de l'école voisine pourraient venir planter.", vec![Need::Volunteers, Need::Space], days(50))
        .await?;
    demo.publish(jeanne, garden, days(50)).await?;
    for who in [amina, louis, sofia] {
        support::support(db, who, garden, days(48)).await?;
    }
    demo.answer(&staff, garden, Action::Accept, "Bonne idée : nous fournissons six bacs et le terreau. Le service espaces verts passe le 15 pour les installer.", days(40)).await?;
    demo.answer(&staff, garden, Action::Start, "", days(30)).await?;
    answer::post_progress(
        db,
        &demo.store,
        &staff,
        garden,
        "Les six bacs sont installés le long du bâtiment A. La clé du local à outils est à la loge.",
        Some(640),
        Vec::new(),
        days(20),
    )
    .await?;
    let first = discussion::comment(
        db,
        amina,
        Subject::Project,
        garden.get(),
        None,
        "Je peux m'occuper de l'arrosage le week-end.",
        days(45),
    )
    .await?;
    discussion::comment(
        db,
        &staff,
        Subject::Project,
        garden.get(),
        Some(first),
        "Merci ! Un robinet sera posé près des bacs.",
        days(44),
    )
    .await?;
    let rude = discussion::comment(
        db,
        louis,
        Subject::Project,
        garden.get(),
        None,
        "Encore une idée qui va attirer les nuisibles, bande d'amateurs.",
        days(43),
    )
    .await?;
    for who in [jeanne, amina, sofia] {
        moderation::report(db, who, ContentRef::Comment(rude), ReportReason::Offensive, days(42)).await?;
    }

    // Proposed, gathering support.
    let benches = demo
        .propose(
            amina,
            2,
            "Des bancs devant le bâtiment B",
            "Deux bancs à l'ombre du tilleul, pour que les aînés puissent s'asseoir en revenant des courses.",
            vec![Need::Money],
            days(6),
        )
        .await?;
    demo.publish(amina, benches, days(6)).await?;
    support::support(db, sofia, benches, days(5)).await?;

    // Under review, the deadline passed: overdue.
    let compost = demo
        .propose(louis, 6, "Un composteur collectif", "Un composteur près du local poubelles pour réduire nos déchets, avec une affiche qui explique quoi y mettre.", vec![Need::Space], days(45))
        .await?;
    demo.publish(louis, compost, days(45)).await?;
    for who in [jeanne, amina, sofia] {
        support::support(db, who, compost, days(44)).await?;
    }

    // Done.
    let party = demo
        .propose(
            sofia,
            1,
            "Une fête des voisins en juin",
            "Un repas partagé dans la cour, chacun apporte un plat. Le bailleur pourrait prêter des tables.",
            vec![Need::Volunteers],
            days(200),
        )
        .await?;
    demo.publish(sofia, party, days(200)).await?;
    demo.answer(&staff, party, Action::Accept, "Nous prêtons dix tables et trente chaises.", days(190)).await?;
    demo.answer(
        &staff,
        party,
        Action::Finish,
        "La fête a réuni une soixantaine de voisins. Merci aux organisateurs !",
        days(150),
    )
    .await?;

    // Refused, with its reason.
    let bikes = demo
        .propose(
            jeanne,
            2,
            "Un local à vélos fermé",
            "Transformer l'ancien local à poussettes en local à vélos fermé à clé.",
            vec![Need::Money, Need::Space],
            days(30),
        )
        .await?;
    demo.publish(jeanne, bikes, days(30)).await?;
    demo.answer(&staff, bikes, Action::Review, "", days(28)).await?;
    demo.answer(&staff, bikes, Action::Reject, "Le local sert de sortie de secours : les pompiers refusent qu'il soit fermé. Nous cherchons un autre emplacement pour l'an prochain.", days(20)).await?;

    // Withdrawn by its author.
    let repair = demo
        .propose(
            amina,
            3,
            "Un atelier de réparation (repair café)",
            "Un samedi par mois, réparer ensemble petits appareils et vélos.",
            vec![Need::Volunteers, Need::Space],
            days(15),
        )
        .await?;
    demo.publish(amina, repair, days(15)).await?;
    propose::withdraw(db, amina, repair, days(10)).await?;

    // A draft, seen by its author only.
    demo.propose(
        jeanne,
        3,
        "Des cours de cuisine entre voisins",
        "Chacun montre une recette de chez lui, une fois par mois, dans la salle commune.",
        vec![Need::Space],
        days(1),
    )
    .await?;

    // Entered by staff after a phone call.
    let draft = ProjectDraft {
        residence_id: ResidenceId::new(residence),
        building_id: None,
        category_id: demo.categories[5 % demo.categories.len()],
        title: "Des ateliers numériques pour les seniors".to_owned(),
        description: "Une habitante âgée a appelé : elle aimerait apprendre à faire ses démarches en ligne avec l'aide de jeunes du quartier.".to_owned(),
        estimated_cost: None,
        needs: vec![Need::Volunteers],
    };
    let lease = crate::entities::household::Entity::find_by_id(
        staff_home(db, residence, tenants).await?.context("a home without a demo tenant")?,
    )
    .one(db)
    .await?
    .context("the home")?
    .lease_ref;
    let on_behalf = OnBehalf { lease_ref: lease, channel: Channel::Phone };
    let phoned = propose::propose(db, &demo.store, &staff, draft, Some(on_behalf), Vec::new(), days(3)).await?;
    let mut report = Vec::new();
    for id in [garden, benches, compost, party, bikes, repair, phoned] {
        let row = crate::entities::project::Entity::find_by_id(id.get()).one(db).await?.context("a demo project")?;
        let status = crate::projects::status_of(&row);
        report.push(DemoProject {
            id: row.id,
            overdue: palier_domain::projects::overdue(status, row.answer_due_at, now),
            title: row.title,
            status,
        });
    }
    Ok(report)
}

/// A home of the residence where no demo tenant lives.
async fn staff_home(db: &DatabaseConnection, residence: i64, tenants: &[i64]) -> anyhow::Result<Option<i64>> {
    use crate::entities::{household, occupancy};
    use sea_orm::{ColumnTrait as _, QueryFilter as _, QueryOrder as _};
    let taken: Vec<i64> = occupancy::Entity::find()
        .filter(occupancy::Column::UserId.is_in(tenants.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.household_id)
        .collect();
    Ok(household::Entity::find()
        .filter(household::Column::ResidenceId.eq(residence))
        .filter(household::Column::Id.is_not_in(taken))
        .order_by_asc(household::Column::Id)
        .one(db)
        .await?
        .map(|h| h.id))
}
