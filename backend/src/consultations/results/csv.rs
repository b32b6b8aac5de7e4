//! The CSV downloads of a consultation: its results and its anonymous ballot list.

use super::Definition;
use palier_domain::consultations::{Detail, PublishedBallot, Results, percent};

/// The results as CSV: one line per option (or scale value), with counts and shares.
pub fn results_csv(results: &Results) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let _ = writer.write_record(["question", "answer", "count", "percent", "borda", "first_choices"]);
    for question in &results.questions {
        match &question.detail {
            Detail::Choice { options, .. } => {
                for o in options {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &o.label,
                        &o.count.to_string(),
                        &o.percent.to_string(),
                        "",
                        "",
                    ]);
                }
            }
            Detail::Ranking { options } => {
                for o in options {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &o.label,
                        "",
                        &o.first_percent.to_string(),
                        &o.borda.to_string(),
                        &o.first_choices.to_string(),
                    ]);
                }
            }
            Detail::Scale { distribution, .. } => {
                for (value, n) in distribution.iter().enumerate() {
                    let _ = writer.write_record([
                        question.prompt.as_str(),
                        &(value + 1).to_string(),
                        &n.to_string(),
                        &percent(*n, question.answered).to_string(),
                        "",
                        "",
                    ]);
                }
            }
            Detail::Text { .. } => {
                let _ = writer.write_record([
                    question.prompt.as_str(),
                    "(texte libre)",
                    &question.answered.to_string(),
                    "",
                    "",
                    "",
                ]);
            }
        }
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The anonymous ballot list as CSV: a receipt per line, one column per question.
pub fn ballots_csv(definition: &Definition, ballots: &[PublishedBallot]) -> String {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let mut header = vec!["receipt".to_owned()];
    header.extend(definition.questions.iter().map(|q| q.prompt.clone()));
    let _ = writer.write_record(&header);
    for ballot in ballots {
        let mut line = vec![ballot.receipt.clone()];
        line.extend(ballot.answers.iter().map(|(_, a)| a.clone().unwrap_or_default()));
        let _ = writer.write_record(&line);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
