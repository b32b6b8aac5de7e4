//! The consultations of the demo: for the first residence, one open
//! consultation with one question of each kind, and one closed with ballots
//! (online and on paper), its results and the landlord's response published,
//! so a newcomer sees the whole cycle at once.

use super::DemoConsultation;
use crate::consultations::builder;
use crate::consultations::voting::{self, Channel, Seal};
use crate::consultations::{Definition, definition, lifecycle};
use crate::entities::consultation;
use anyhow::Context as _;
use chrono::{Duration, Utc};
use palier_domain::consultations::QuestionKind;
use palier_domain::consultations::{Audience, Decision, RawAnswers, Visibility, VotingUnit};
use palier_domain::consultations::{QuestionDraft, Settings};
use palier_domain::ids::ResidenceId;
use sea_orm::{ColumnTrait as _, DatabaseConnection, EntityTrait as _, QueryFilter as _};

fn question(kind: QuestionKind, prompt: &str, options: &[&str]) -> QuestionDraft {
    QuestionDraft {
        kind,
        prompt: prompt.to_owned(),
        required: true,
        options: options.iter().map(|o| (*o).to_owned()).collect(),
    }
}

/// Creates the consultation, adds its questions and opens it.
async fn open(
    db: &DatabaseConnection,
    seal: &Seal,
    organisation: i64,
    staff: i64,
    settings: Settings,
    questions: Vec<QuestionDraft>,
) -> anyhow::Result<Definition> {
    let id = builder::create(db, staff, organisation, settings).await.context("demo consultation")?.id;
    for question in questions {
        builder::add_question(db, id, question).await.context("demo question")?;
    }
    builder::schedule(db, seal, staff, id, Utc::now()).await.context("demo schedule")?;
    lifecycle::advance(db, seal, id, Utc::now()).await.context("demo opening")?;
    definition(db, id).await?.context("the demo consultation exists")
}

/// Casts one ballot for household `unit`, its answers by question index.
async fn vote(
    db: &DatabaseConnection,
    seal: &Seal,
    definition: &Definition,
    unit: i64,
    channel: Channel,
    answers: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    let id = definition.consultation.id;
    let unit = voting::eligible_unit(db, id, unit).await?.context("the demo household may vote")?;
    let raw: RawAnswers = definition.questions.iter().map(|q| q.id).zip(answers).collect();
    voting::cast(db, seal, definition, &unit, channel, &raw, Utc::now()).await.context("demo ballot")?;
    Ok(())
}

/// The option id at `index` of question `question`.
fn option(definition: &Definition, question: usize, index: usize) -> String {
    definition.questions[question].options[index % definition.questions[question].options.len()].0.to_string()
}

pub(super) async fn seed(
    db: &DatabaseConnection,
    seal: &Seal,
    organisation: i64,
    staff: i64,
    residence: i64,
    voters: &[i64],
) -> anyhow::Result<Vec<DemoConsultation>> {
    let now = Utc::now();

    // Closed: the courtyard, decided.
    let courtyard = open(
        db,
        seal,
        organisation,
        staff,
        Settings {
            title: "Aménagement de la cour intérieure".to_owned(),
            summary: "Que faire de la cour entre les bâtiments A et B ?".to_owned(),
            body: "La cour sera refaite cet été. Le budget est de **18 000 €**.\n\n\
                   Trois projets ont été proposés par le conseil de concertation locative."
                .to_owned(),
            audience: Audience::Residences(vec![ResidenceId::new(residence)]),
            unit: VotingUnit::Household,
            opens_at: now - Duration::minutes(1),
            closes_at: now + Duration::days(1),
            visibility: Visibility::Live,
            quorum_percent: Some(30),
        },
        vec![
            question(
                QuestionKind::SingleChoice,
                "Quel projet préférez-vous pour la cour ?",
                &["Un jardin partagé", "Une aire de jeux", "Des bancs à l'ombre"],
            ),
            question(
                QuestionKind::Scale { low: "Pas du tout".to_owned(), high: "Tout à fait".to_owned() },
                "Êtes-vous satisfait de la cour aujourd'hui ?",
                &[],
            ),
        ],
    )
    .await?;
    // Twelve homes vote, two of them on paper; the garden wins.
    for (n, household) in voters.iter().take(12).enumerate() {
        let channel = if n % 6 == 5 { Channel::Paper { staff_id: staff } } else { Channel::Online };
        let choice = [0, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0][n];
        let score = ["2", "1", "3", "2", "1", "2", "4", "1", "2", "3", "2", "1"][n];
        vote(
            db,
            seal,
            &courtyard,
            *household,
            channel,
            vec![vec![option(&courtyard, 0, choice)], vec![score.to_owned()]],
        )
        .await?;
    }
    let courtyard_id = courtyard.consultation.id;
    // The vote closes now, as if its closing date had come.
    consultation::Entity::update_many()
        .col_expr(consultation::Column::ClosesAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(consultation::Column::Id.eq(courtyard_id))
        .exec(db)
        .await?;
    lifecycle::advance(db, seal, courtyard_id, Utc::now()).await?;
    builder::publish(
        db,
        seal,
        staff,
        courtyard_id,
        "Merci à tous les votants. Le **jardin partagé** l'emporte : les travaux commenceront en juin.\n\n\
         Les bancs seront aussi installés le long du jardin, comme plusieurs d'entre vous l'ont demandé.",
        Decision::Adopted,
        Utc::now(),
    )
    .await
    .context("demo response")?;

    // Open: the entrance halls, one question of each kind.
    let halls = open(
        db,
        seal,
        organisation,
        staff,
        Settings {
            title: "Rénovation des halls d'entrée".to_owned(),
            summary: "Couleurs, équipements et priorités des travaux dans les halls.".to_owned(),
            body: "Les halls des bâtiments A et B seront rénovés l'an prochain.\n\n\
                   - Votre avis compte pour **le choix des couleurs** et des équipements ;\n\
                   - les résultats seront publiés à la fin du vote."
                .to_owned(),
            audience: Audience::Residences(vec![ResidenceId::new(residence)]),
            unit: VotingUnit::Household,
            opens_at: now - Duration::minutes(1),
            closes_at: now + Duration::days(21),
            visibility: Visibility::AfterClose,
            quorum_percent: Some(25),
        },
        vec![
            question(
                QuestionKind::SingleChoice,
                "Quelle couleur pour les murs ?",
                &["Bleu clair", "Vert sauge", "Ocre"],
            ),
            question(
                QuestionKind::MultipleChoice { min: 1, max: 2 },
                "Quels équipements voulez-vous ? (deux au plus)",
                &["Un banc", "Des plantes", "Un meilleur éclairage", "Un panneau d'affichage"],
            ),
            question(
                QuestionKind::Ranking,
                "Classez les travaux, du plus urgent au moins urgent",
                &["Les boîtes aux lettres", "L'interphone", "Le sol"],
            ),
            question(
                QuestionKind::Scale { low: "Très mauvais".to_owned(), high: "Très bon".to_owned() },
                "Comment trouvez-vous l'état des halls aujourd'hui ?",
                &[],
            ),
            QuestionDraft {
                required: false,
                ..question(QuestionKind::FreeText { max_chars: 500 }, "Une idée, une remarque ?", &[])
            },
        ],
    )
    .await?;
    for (n, household) in voters.iter().skip(12).take(5).enumerate() {
        let ranks = (0..3).map(|r| format!("{}:{}", option(&halls, 2, r), (r + n) % 3 + 1)).collect();
        let idea = if n == 0 { vec!["Un local à poussettes serait bienvenu.".to_owned()] } else { vec![] };
        vote(
            db,
            seal,
            &halls,
            *household,
            Channel::Online,
            vec![
                vec![option(&halls, 0, n)],
                vec![option(&halls, 1, n), option(&halls, 1, n + 1)],
                ranks,
                vec![(n % 5 + 1).to_string()],
                idea,
            ],
        )
        .await?;
    }

    Ok(vec![
        DemoConsultation {
            id: halls.consultation.id,
            title: halls.consultation.title.clone(),
            status: palier_domain::consultations::Status::Open,
        },
        DemoConsultation {
            id: courtyard_id,
            title: courtyard.consultation.title.clone(),
            status: palier_domain::consultations::Status::Published,
        },
    ])
}
