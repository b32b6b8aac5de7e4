//! The CSV downloads of a consultation: its results and its anonymous ballot list.

use super::Definition;
use crate::export::text_cell;
use palier_domain::consultations::{Detail, PublishedBallot, Results, percent};

/// The results as CSV: one line per option (or scale value), with counts and shares.
pub fn results_csv(results: &Results) -> String {
    let mut writer = crate::export::writer();
    let _ = writer.write_record(["question", "answer", "count", "percent", "borda", "first_choices"]);
    for question in &results.questions {
        match &question.detail {
            Detail::Choice { options, .. } => {
                for o in options {
                    let _ = writer.write_record([
                        &*text_cell(&question.prompt),
                        &text_cell(&o.label),
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
                        &*text_cell(&question.prompt),
                        &text_cell(&o.label),
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
                        &*text_cell(&question.prompt),
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
                    &*text_cell(&question.prompt),
                    "(texte libre)",
                    &question.answered.to_string(),
                    "",
                    "",
                    "",
                ]);
            }
        }
    }
    crate::export::finish(writer)
}

/// The anonymous ballot list as CSV: a receipt per line, one column per question.
pub fn ballots_csv(definition: &Definition, ballots: &[PublishedBallot]) -> String {
    let mut writer = crate::export::writer();
    let mut header = vec!["receipt".to_owned()];
    header.extend(definition.questions.iter().map(|q| text_cell(&q.prompt).into_owned()));
    let _ = writer.write_record(&header);
    for ballot in ballots {
        let mut line = vec![ballot.receipt.clone()];
        line.extend(ballot.answers.iter().map(|(_, a)| a.as_deref().map(text_cell).unwrap_or_default().into_owned()));
        let _ = writer.write_record(&line);
    }
    crate::export::finish(writer)
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for payload in ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"] {
            assert_eq!(text_cell(payload), format!("'{payload}"));
        }
        for plain in ["Bancs", "1. Jardin ; 2. Parking", "", "a=b", "4"] {
            assert_eq!(text_cell(plain), plain);
        }
    }
}
