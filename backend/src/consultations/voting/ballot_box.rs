//! The ballot box: one writer that commits the ballots of a crowd in groups.

use super::*;

/// Casts ballots through one writer that commits them in groups: under a
/// crowd of voters, each transaction carries every ballot that arrived
/// while the previous one was being written, so the database commits a few
/// times per batch rather than once per voter (on SQLite, one writer at a
/// time, this is what keeps thousands of ballots a second possible).
#[derive(Debug, Clone)]
pub struct BallotBox {
    jobs: tokio::sync::mpsc::Sender<Job>,
    seal: Seal,
}

#[derive(Debug)]
struct Job {
    prepared: Prepared,
    reply: tokio::sync::oneshot::Sender<Result<String, CastError>>,
}

/// The most ballots written in one transaction.
const MAX_BATCH: usize = 128;

impl BallotBox {
    /// Starts the writer on the current runtime; it stops when every
    /// handle is dropped.
    pub fn start(db: DatabaseConnection, seal: Seal) -> Self {
        let (jobs, queue) = tokio::sync::mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, queue));
        Self { jobs, seal }
    }

    /// What this box seals ballots with.
    pub fn seal(&self) -> &Seal {
        &self.seal
    }

    /// Checks and casts a ballot (see [`cast_with_receipt`]).
    pub async fn cast(
        &self,
        definition: &Definition,
        unit: &eligible_unit::Model,
        channel: Channel,
        raw: &RawAnswers,
        mail: Option<ReceiptMail<'_>>,
        now: DateTime<Utc>,
    ) -> Result<String, CastError> {
        let prepared = prepare(&self.seal, definition, unit, channel, raw, mail, now)?;
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Job { prepared, reply })
            .await
            .map_err(|_| CastError::Unexpected(anyhow::anyhow!("the ballot box is closed")))?;
        answer.await.map_err(|_| CastError::Unexpected(anyhow::anyhow!("the ballot box stopped")))?
    }
}

async fn run(db: DatabaseConnection, mut queue: tokio::sync::mpsc::Receiver<Job>) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut jobs, MAX_BATCH).await > 0 {
        let (batch, replies): (Vec<Prepared>, Vec<_>) = jobs.drain(..).map(|job| (job.prepared, job.reply)).unzip();
        let outcomes = match write(&db, &batch).await {
            Ok(outcomes) => outcomes,
            Err(error) => {
                // One ballot must not sink the others: write them one by one.
                tracing::warn!(%error, ballots = batch.len(), "a batch of ballots failed; writing them one by one");
                let mut outcomes = Vec::with_capacity(batch.len());
                for prepared in &batch {
                    outcomes.push(match write(&db, std::slice::from_ref(prepared)).await {
                        Ok(mut one) => one.pop().unwrap_or(Err(CastError::AlreadyVoted)),
                        Err(error) => Err(error.into()),
                    });
                }
                outcomes
            }
        };
        for (reply, outcome) in replies.into_iter().zip(outcomes) {
            let _ = reply.send(outcome);
        }
    }
}
