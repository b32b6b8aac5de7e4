//! The questions of a draft: adding, replacing, deleting and moving them.

use super::*;

/// The kind-specific columns of a question row.
#[derive(Default)]
struct KindColumns {
    min: Option<i32>,
    max: Option<i32>,
    low: Option<String>,
    high: Option<String>,
    chars: Option<i32>,
}

fn question_columns(q: &QuestionDraft) -> KindColumns {
    let int = |v: u32| i32::try_from(v).ok();
    match &q.kind {
        QuestionKind::MultipleChoice { min, max } => {
            KindColumns { min: int(*min), max: int(*max), ..Default::default() }
        }
        QuestionKind::Scale { low, high } => {
            KindColumns { low: Some(low.clone()), high: Some(high.clone()), ..Default::default() }
        }
        QuestionKind::FreeText { max_chars } => KindColumns { chars: int(*max_chars), ..Default::default() },
        QuestionKind::SingleChoice | QuestionKind::Ranking => KindColumns::default(),
    }
}

async fn write_options(txn: &DatabaseTransaction, question_id: i64, q: &QuestionDraft) -> Result<(), DbErr> {
    question_option::Entity::delete_many()
        .filter(question_option::Column::QuestionId.eq(question_id))
        .exec(txn)
        .await?;
    if !q.kind.has_options() || q.options.is_empty() {
        return Ok(());
    }
    let rows = q.options.iter().enumerate().map(|(position, label)| question_option::ActiveModel {
        question_id: Set(question_id),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        label: Set(label.clone()),
        ..Default::default()
    });
    question_option::Entity::insert_many(rows).exec(txn).await?;
    Ok(())
}

/// Adds a question at the end of a draft.
pub async fn add_question(
    db: &DatabaseConnection,
    consultation_id: i64,
    new: QuestionDraft,
) -> Result<i64, BuildError> {
    let txn = db.begin().await?;
    editable(&txn, consultation_id).await?;
    let count =
        question::Entity::find().filter(question::Column::ConsultationId.eq(consultation_id)).count(&txn).await?;
    if count >= MAX_QUESTIONS {
        return Err(BuildError::TooManyQuestions);
    }
    let position = i32::try_from(count).unwrap_or(i32::MAX);
    let KindColumns { min, max, low, high, chars } = question_columns(&new);
    let row = question::ActiveModel {
        consultation_id: Set(consultation_id),
        position: Set(position),
        kind: Set(new.kind.code().code().to_owned()),
        prompt: Set(new.prompt.clone()),
        required: Set(new.required),
        min_choices: Set(min),
        max_choices: Set(max),
        scale_low: Set(low),
        scale_high: Set(high),
        max_chars: Set(chars),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_options(&txn, row.id, &new).await?;
    txn.commit().await?;
    Ok(row.id)
}

async fn question_of_draft(txn: &DatabaseTransaction, question_id: i64) -> Result<question::Model, BuildError> {
    let row = question::Entity::find_by_id(question_id).one(txn).await?.ok_or(BuildError::NotFound)?;
    editable(txn, row.consultation_id).await?;
    Ok(row)
}

/// The consultation a question belongs to.
pub async fn consultation_of_question<C: ConnectionTrait>(
    conn: &C,
    question_id: QuestionId,
) -> Result<Option<i64>, DbErr> {
    let question_id = question_id.get();
    Ok(question::Entity::find_by_id(question_id).one(conn).await?.map(|q| q.consultation_id))
}

/// Replaces a question of a draft.
pub async fn update_question(
    db: &DatabaseConnection,
    question_id: QuestionId,
    new: QuestionDraft,
) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    let row = question_of_draft(&txn, question_id).await?;
    let KindColumns { min, max, low, high, chars } = question_columns(&new);
    let mut active: question::ActiveModel = row.into();
    active.kind = Set(new.kind.code().code().to_owned());
    active.prompt = Set(new.prompt.clone());
    active.required = Set(new.required);
    active.min_choices = Set(min);
    active.max_choices = Set(max);
    active.scale_low = Set(low);
    active.scale_high = Set(high);
    active.max_chars = Set(chars);
    active.update(&txn).await?;
    write_options(&txn, question_id, &new).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes a question of a draft.
pub async fn delete_question(db: &DatabaseConnection, question_id: QuestionId) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    question_of_draft(&txn, question_id).await?;
    question::Entity::delete_by_id(question_id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves a question of a draft one place up (`-1`) or down (`1`).
pub async fn move_question(db: &DatabaseConnection, question_id: QuestionId, direction: i32) -> Result<(), BuildError> {
    let question_id = question_id.get();
    let txn = db.begin().await?;
    let row = question_of_draft(&txn, question_id).await?;
    let definition = definition(&txn, row.consultation_id).await?.ok_or(BuildError::NotFound)?;
    let mut ids: Vec<i64> = definition.questions.iter().map(|q| q.id.get()).collect();
    let Some(index) = ids.iter().position(|id| *id == question_id) else { return Err(BuildError::NotFound) };
    let target = index as i64 + i64::from(direction.signum());
    if target < 0 || target >= ids.len() as i64 {
        return Ok(());
    }
    ids.swap(index, usize::try_from(target).unwrap_or(index));
    for (position, id) in ids.into_iter().enumerate() {
        question::Entity::update_many()
            .col_expr(question::Column::Position, Expr::value(i32::try_from(position).unwrap_or(i32::MAX)))
            .filter(question::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}
