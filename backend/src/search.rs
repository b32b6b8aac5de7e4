//! Full-text search with French stemming, one interface over both engines:
//! "jardins partagés" finds "un jardin à partager".
//!
//! - PostgreSQL stems with its own `french` configuration: `projects.search`
//!   is a generated `tsvector` column with a GIN index, kept by the engine.
//! - SQLite has no French stemmer: the backend stems words with Snowball's
//!   French algorithm (`rust-stemmers`) and keeps them in the FTS5 table
//!   `projects_search` (its rowid is the project's id), in the transaction
//!   that writes the project.
//!
//! A search asks for any of the text's meaningful words and ranks by
//! relevance (BM25 on SQLite, `ts_rank` on PostgreSQL).

use rust_stemmers::{Algorithm, Stemmer};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

/// Words too common to tell projects apart.
const STOP_WORDS: &[&str] = &[
    "les", "des", "une", "aux", "pour", "dans", "sur", "avec", "par", "est", "sont", "qui", "que", "quoi", "nos",
    "notre", "nous", "vous", "votre", "vos", "leur", "leurs", "mais", "ont", "pas", "plus", "tout", "tous", "toutes",
    "cette", "ces", "ses", "son", "sans", "entre", "comme", "elle", "ils", "elles", "faire", "être", "avoir", "the",
    "and", "for", "with",
];

/// The most words a search asks for.
const MAX_TERMS: usize = 16;

/// The meaningful words of `text`: lower case, three letters at least, no
/// common words, each once.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if word.chars().count() < 3 || STOP_WORDS.contains(&word.as_str()) || out.contains(&word) {
            continue;
        }
        out.push(word);
    }
    out
}

/// The French stems of `text`'s meaningful words, each once.
pub fn stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::French);
    let mut out: Vec<String> = Vec::new();
    for word in words(text) {
        let stem = stemmer.stem(&word).into_owned();
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

/// Keeps project `id`'s words for search, after it was written (on SQLite;
/// PostgreSQL keeps them itself).
pub async fn index_project<C: ConnectionTrait>(conn: &C, id: i64, title: &str, description: &str) -> Result<(), DbErr> {
    if conn.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    remove_project(conn, id).await?;
    let words = stems(&format!("{title} {description}")).join(" ");
    conn.execute(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "INSERT INTO projects_search (rowid, words) VALUES (?, ?)",
        [Value::from(id), Value::from(words)],
    ))
    .await
    .map(drop)
}

/// Forgets project `id`'s words (on SQLite).
pub async fn remove_project<C: ConnectionTrait>(conn: &C, id: i64) -> Result<(), DbErr> {
    if conn.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    conn.execute(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "DELETE FROM projects_search WHERE rowid = ?",
        [Value::from(id)],
    ))
    .await
    .map(drop)
}

/// The published, shown projects of residence `residence_id` that share
/// words with `text`, most alike first, `exclude` left out.
pub async fn similar_projects<C: ConnectionTrait>(
    conn: &C,
    residence_id: i64,
    text: &str,
    exclude: i64,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    let backend = conn.get_database_backend();
    let (sql, query) = match backend {
        DbBackend::Postgres => {
            // Postgres stems the words itself; they are letters and digits only.
            let terms: Vec<String> = words(text).into_iter().take(MAX_TERMS).collect();
            (
                "SELECT id FROM projects, to_tsquery('french', $1) AS query \
                 WHERE search @@ query AND residence_id = $2 AND id <> $3 \
                 AND status NOT IN ('draft', 'withdrawn') AND moderation = 'visible' \
                 ORDER BY ts_rank(search, query) DESC, id DESC LIMIT $4",
                terms.join(" | "),
            )
        }
        _ => {
            let terms: Vec<String> = stems(text).into_iter().take(MAX_TERMS).map(|s| format!("\"{s}\"")).collect();
            (
                "SELECT p.id FROM projects_search s JOIN projects p ON p.id = s.rowid \
                 WHERE projects_search MATCH ? AND p.residence_id = ? AND p.id <> ? \
                 AND p.status NOT IN ('draft', 'withdrawn') AND p.moderation = 'visible' \
                 ORDER BY bm25(projects_search), p.id DESC LIMIT ?",
                terms.join(" OR "),
            )
        }
    };
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = conn
        .query_all(Statement::from_sql_and_values(
            backend,
            sql,
            [Value::from(query), Value::from(residence_id), Value::from(exclude), Value::from(limit)],
        ))
        .await?;
    rows.iter().map(|row| row.try_get_by_index::<i64>(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_words_meet_at_their_stem() {
        let (garden, gardens) = (stems("jardin partagé"), stems("Des JARDINS partagés pour tous"));
        assert_eq!(garden, gardens);
        assert!(stems("les, des; pour ... et à").is_empty(), "only common words");
        assert!(stems("Un composteur au pied du bâtiment").iter().any(|s| s.starts_with("compost")));
    }

    #[test]
    fn a_search_never_carries_query_syntax() {
        // Quotes, stars and operators are not letters: they never reach MATCH or to_tsquery.
        assert_eq!(words("jardin\" OR * NEAR(x) -- ; DROP"), vec!["jardin", "near", "drop"]);
    }
}
