//! What downloads share: CSV that spreadsheets open safely.

use std::borrow::Cow;

/// `text` as a spreadsheet shows it without running it: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
/// formula, so it gets a leading apostrophe (OWASP, "CSV injection").
/// Every text typed by people (question prompts, answers, project titles)
/// goes through here.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV writer as French spreadsheets expect it: `;` between cells.
pub fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new())
}

/// What `writer` wrote, as text.
pub fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
