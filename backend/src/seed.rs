//! `palier seed-demo`: a demo organisation a newcomer can sign in to at once.
//! Later capabilities add their demo content here.

use crate::accounts::{self, CreateAccountError, NewAccount};
use crate::auth::{password, secret};
use crate::entities::organisation;
use crate::registry::{self, NewHousehold};
use anyhow::Context as _;
use palier_domain::registry::NewResidence;
use palier_domain::team::OrgRole;
use palier_domain::{DisplayName, Email, Locale, Password};
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _, TransactionTrait as _};
use serde::Serialize;

mod demo_consultations;
mod demo_projects;

/// The demo organisation's slug; seeding twice is refused.
pub const DEMO_SLUG: &str = "habitat-exemple";
/// The neighbouring demo organisation's slug.
pub const NEIGHBOUR_SLUG: &str = "logis-voisin";
const DEMO_DOMAIN: &str = "demo.palier.invalid";

/// What `seed-demo` created, as printed by `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct SeedReport {
    pub organisation: String,
    pub accounts: Vec<DemoAccount>,
    /// The demo organisation's 40 households.
    pub households: Vec<DemoHousehold>,
    /// Every residence created, with its organisation (including the neighbour's).
    pub residences: Vec<DemoResidence>,
    /// The demo consultations of the first residence.
    pub consultations: Vec<DemoConsultation>,
    /// The demo projects of the first residence (drafts left out).
    pub projects: Vec<DemoProject>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoProject {
    pub id: i64,
    pub title: String,
    pub status: palier_domain::projects::Status,
    /// Under review past its deadline.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoConsultation {
    pub id: i64,
    pub title: String,
    pub status: palier_domain::consultations::Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoResidence {
    pub id: i64,
    pub name: String,
    pub organisation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoAccount {
    pub email: String,
    pub password: String,
    pub role: DemoRole,
    pub name: String,
    /// The organisation the account works for or lives in.
    pub organisation: String,
    pub residence: Option<String>,
    /// The household's unit, for tenants.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DemoHousehold {
    pub residence: String,
    pub building: Option<String>,
    pub unit: String,
    pub lease_ref: String,
    /// The invitation code, in clear: shown once, stored hashed.
    pub code: String,
    /// How many demo tenants already joined it.
    pub occupants: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the demo organisation already exists; seed a fresh database")]
    AlreadySeeded,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// What a demo account is for (its code in the `--json` report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::Display)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DemoRole {
    PlatformAdmin,
    OrgAdmin,
    Staff,
    Tenant,
}

struct Person {
    local: &'static str,
    name: &'static str,
    role: DemoRole,
    locale: Locale,
    /// (residence index, unit index) for tenants.
    home: Option<(usize, usize)>,
}

const PEOPLE: &[Person] = &[
    Person {
        local: "admin",
        name: "Administratrice Palier",
        role: DemoRole::PlatformAdmin,
        locale: Locale::Fr,
        home: None,
    },
    Person { local: "gestion", name: "Claire Lefèvre", role: DemoRole::OrgAdmin, locale: Locale::Fr, home: None },
    Person { local: "concertation", name: "Karim Benali", role: DemoRole::Staff, locale: Locale::Fr, home: None },
    Person {
        local: "jeanne.martin",
        name: "Jeanne Martin",
        role: DemoRole::Tenant,
        locale: Locale::Fr,
        home: Some((0, 0)),
    },
    Person {
        local: "paul.martin",
        name: "Paul Martin",
        role: DemoRole::Tenant,
        locale: Locale::Fr,
        home: Some((0, 0)),
    },
    Person {
        local: "amina.diallo",
        name: "Amina Diallo",
        role: DemoRole::Tenant,
        locale: Locale::En,
        home: Some((0, 1)),
    },
    Person {
        local: "louis.bernard",
        name: "Louis Bernard",
        role: DemoRole::Tenant,
        locale: Locale::Fr,
        home: Some((0, 2)),
    },
    Person {
        local: "sofia.rossi",
        name: "Sofia Rossi",
        role: DemoRole::Tenant,
        locale: Locale::Fr,
        home: Some((0, 12)),
    },
    Person { local: "marc.petit", name: "Marc Petit", role: DemoRole::Tenant, locale: Locale::Fr, home: Some((1, 0)) },
    Person {
        local: "nadia.haddad",
        name: "Nadia Haddad",
        role: DemoRole::Tenant,
        locale: Locale::Fr,
        home: Some((1, 8)),
    },
];

struct ResidenceSpec {
    residence: NewResidenceSpec,
    lease_prefix: &'static str,
    buildings: &'static [(&'static str, &'static str)],
    per_building: usize,
}

struct NewResidenceSpec {
    name: &'static str,
    address: &'static str,
    postcode: &'static str,
    city: &'static str,
}

const RESIDENCES: &[ResidenceSpec] = &[
    ResidenceSpec {
        residence: NewResidenceSpec {
            name: "Résidence Les Tilleuls",
            address: "12 rue des Tilleuls",
            postcode: "69008",
            city: "Lyon",
        },
        lease_prefix: "TIL",
        buildings: &[("Bâtiment A", "A"), ("Bâtiment B", "B")],
        per_building: 12,
    },
    ResidenceSpec {
        residence: NewResidenceSpec {
            name: "Résidence Le Parc",
            address: "3 allée du Parc",
            postcode: "69100",
            city: "Villeurbanne",
        },
        lease_prefix: "PAR",
        buildings: &[("Bâtiment 1", "1"), ("Bâtiment 2", "2")],
        per_building: 8,
    },
];

/// Creates the demo organisation, its residences, 40 households and one
/// account per role. Fails with [`SeedError::AlreadySeeded`] on a seeded database.
#[tracing::instrument(skip_all)]
pub async fn seed_demo(
    db: &DatabaseConnection,
    seal: &crate::consultations::voting::Seal,
    codes: &secret::CodeKey,
) -> Result<SeedReport, SeedError> {
    let exists = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(DEMO_SLUG))
        .one(db)
        .await
        .context("could not look for the demo organisation")?;
    if exists.is_some() {
        return Err(SeedError::AlreadySeeded);
    }

    // Hash the passwords before the transaction: argon2 is slow on purpose.
    let mut credentials = Vec::with_capacity(PEOPLE.len());
    for _ in PEOPLE {
        let plain = format!("demo-{}", &secret::new_token().plain[..14]);
        let parsed = Password::parse(&plain).map_err(|e| anyhow::anyhow!("demo password: {e}"))?;
        credentials.push((plain, password::hash(parsed).await?));
    }
    let neighbour_plain = format!("demo-{}", &secret::new_token().plain[..14]);
    let neighbour_parsed = Password::parse(&neighbour_plain).map_err(|e| anyhow::anyhow!("demo password: {e}"))?;
    let neighbour_credentials = (neighbour_plain, password::hash(neighbour_parsed).await?);

    let txn = db.begin().await.context("could not start the seed transaction")?;
    let org = registry::create_organisation(&txn, DEMO_SLUG, "Habitat Exemple")
        .await
        .context("could not create the demo organisation")?;

    // residence index -> list of (household id, unit label, residence name)
    let mut homes: Vec<Vec<(i64, usize)>> = Vec::new();
    let mut households = Vec::new();
    let mut residence_ids: Vec<(String, i64)> = Vec::new();
    for spec in RESIDENCES {
        let residence = registry::create_residence(
            &txn,
            org.id,
            NewResidence {
                name: spec.residence.name.to_owned(),
                address: spec.residence.address.to_owned(),
                postcode: spec.residence.postcode.to_owned(),
                city: spec.residence.city.to_owned(),
            },
        )
        .await
        .context("could not create a demo residence")?;
        residence_ids.push((residence.name.clone(), residence.id));
        let mut these = Vec::new();
        for (building_name, short) in spec.buildings {
            let building = registry::create_building(&txn, residence.id, building_name)
                .await
                .context("could not create a demo building")?;
            for n in 1..=spec.per_building {
                let unit = format!("Logement {short}{n:02}");
                let lease_ref = format!("{}-{short}{n:02}", spec.lease_prefix);
                let household = registry::create_household(
                    &txn,
                    org.id,
                    NewHousehold {
                        residence_id: residence.id,
                        building_id: Some(building.id),
                        lease_ref: lease_ref.clone(),
                        unit_label: unit.clone(),
                        max_occupants: 4,
                    },
                )
                .await
                .context("could not create a demo household")?;
                let code = registry::issue_code(&txn, codes, household.id)
                    .await
                    .context("could not give a demo household its code")?;
                these.push((household.id, households.len()));
                households.push(DemoHousehold {
                    residence: residence.name.clone(),
                    building: Some((*building_name).to_owned()),
                    unit,
                    lease_ref,
                    code: code.to_string(),
                    occupants: 0,
                });
            }
        }
        homes.push(these);
    }

    let mut accounts = Vec::new();
    let mut staff_id = None;
    // Demo tenants of the first residence, one per home (they act in the demo projects).
    let mut first_tenants: Vec<(usize, i64)> = Vec::new();
    for (person, (plain, hash)) in PEOPLE.iter().zip(credentials) {
        let email =
            Email::parse(&format!("{}@{DEMO_DOMAIN}", person.local)).map_err(|e| anyhow::anyhow!("demo email: {e}"))?;
        let name = DisplayName::parse(person.name).map_err(|e| anyhow::anyhow!("demo name: {e}"))?;
        let account = NewAccount {
            email: email.clone(),
            display_name: name,
            locale: person.locale,
            email_verified: true,
            platform_admin: person.role == DemoRole::PlatformAdmin,
        };
        let user = accounts::insert(&txn, account, &hash).await.map_err(|error| match error {
            CreateAccountError::EmailTaken => anyhow::anyhow!("a demo email is already taken"),
            CreateAccountError::Unexpected(error) => error,
        })?;
        let mut residence = None;
        let mut unit = None;
        match person.role {
            DemoRole::Staff if staff_id.is_none() => {
                staff_id = Some(user.id);
                accounts::set_membership(&txn, user.id, org.id, OrgRole::Staff).await.context("demo membership")?;
            }
            DemoRole::OrgAdmin => {
                accounts::set_membership(&txn, user.id, org.id, OrgRole::Admin).await.context("demo membership")?;
            }
            DemoRole::Staff => {
                accounts::set_membership(&txn, user.id, org.id, OrgRole::Staff).await.context("demo membership")?;
            }
            _ => {}
        }
        if let Some((r, u)) = person.home {
            if r == 0 && !first_tenants.iter().any(|(unit, _)| *unit == u) {
                first_tenants.push((u, user.id));
            }
            let (household_id, index) = homes[r][u];
            registry::add_occupant(&txn, household_id, user.id).await.context("demo occupancy")?;
            households[index].occupants += 1;
            residence = Some(households[index].residence.clone());
            unit = Some(households[index].unit.clone());
        }
        accounts.push(DemoAccount {
            email: email.into(),
            password: plain,
            role: person.role,
            name: person.name.to_owned(),
            organisation: org.name.clone(),
            residence,
            unit,
        });
    }
    let mut residences: Vec<DemoResidence> = Vec::new();
    for (name, id) in &residence_ids {
        residences.push(DemoResidence { id: *id, name: name.clone(), organisation: org.name.clone() });
    }

    // A neighbouring landlord on the same instance, to show that each
    // organisation sees only its own residences.
    let neighbour = registry::create_organisation(&txn, NEIGHBOUR_SLUG, "Logis Voisin")
        .await
        .context("could not create the neighbouring organisation")?;
    let cedres = registry::create_residence(
        &txn,
        neighbour.id,
        NewResidence {
            name: "Résidence Les Cèdres".to_owned(),
            address: "8 avenue des Cèdres".to_owned(),
            postcode: "69500".to_owned(),
            city: "Bron".to_owned(),
        },
    )
    .await
    .context("could not create the neighbouring residence")?;
    for n in 1..=4 {
        registry::create_household(
            &txn,
            neighbour.id,
            NewHousehold {
                residence_id: cedres.id,
                building_id: None,
                lease_ref: format!("CED-{n:02}"),
                unit_label: format!("Logement {n:02}"),
                max_occupants: 4,
            },
        )
        .await
        .context("could not create a neighbouring household")?;
    }
    residences.push(DemoResidence { id: cedres.id, name: cedres.name.clone(), organisation: neighbour.name.clone() });
    let (plain, hash) = neighbour_credentials;
    let email = Email::parse(&format!("equipe@{DEMO_DOMAIN}")).map_err(|e| anyhow::anyhow!("demo email: {e}"))?;
    let account = NewAccount {
        email: email.clone(),
        display_name: DisplayName::parse("Équipe Logis Voisin").map_err(|e| anyhow::anyhow!("demo name: {e}"))?,
        locale: Locale::Fr,
        email_verified: true,
        platform_admin: false,
    };
    let user = accounts::insert(&txn, account, &hash).await.map_err(|error| match error {
        CreateAccountError::EmailTaken => anyhow::anyhow!("a demo email is already taken"),
        CreateAccountError::Unexpected(error) => error,
    })?;
    accounts::set_membership(&txn, user.id, neighbour.id, OrgRole::Admin).await.context("demo membership")?;
    accounts.push(DemoAccount {
        email: email.into(),
        password: plain,
        role: DemoRole::OrgAdmin,
        name: "Équipe Logis Voisin".to_owned(),
        organisation: neighbour.name.clone(),
        residence: None,
        unit: None,
    });

    txn.commit().await.context("could not commit the demo data")?;

    let staff = staff_id.context("the demo has a staff member")?;
    let first = residence_ids.first().map(|(_, id)| *id).context("the demo has a residence")?;
    // Homes of the first residence without a demo tenant, so the demo
    // tenants still have their own vote to cast.
    let tenant_homes: Vec<(usize, usize)> = PEOPLE.iter().filter_map(|p| p.home).collect();
    let voters: Vec<i64> = homes[0]
        .iter()
        .enumerate()
        .filter(|(unit, _)| !tenant_homes.contains(&(0, *unit)))
        .map(|(_, (household, _))| *household)
        .collect();
    let consultations = demo_consultations::seed(db, seal, org.id, staff, first, &voters).await?;
    let tenants: Vec<i64> = first_tenants.into_iter().map(|(_, id)| id).collect();
    let projects = demo_projects::seed(db, org.id, first, staff, &tenants).await?;
    Ok(SeedReport { organisation: org.name, accounts, households, residences, consultations, projects })
}
