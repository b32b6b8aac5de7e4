//! Malformed input, at volume: every server function gets wrong types, huge
//! numbers, invalid UTF-8, missing, repeated and unknown fields, bodies cut
//! short, foreign content types and oversized bodies, signed out and signed
//! in as each kind of person. Not one answer may be a 500, and no
//! connection may drop (what a panic in a handler does).
//!
//! `make test` sends about 20 000 requests; the long run sends more:
//! `PALIER_FUZZ_REQUESTS=100000 cargo test -p palier-server --test api fuzz -- --nocapture`.

use crate::helpers::spawn_app;
use crate::permissions::{cases, registered};
use crate::world::{Role, World};
use std::collections::HashMap;

/// A small deterministic generator, so that a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[usize::try_from(self.next() % items.len() as u64).unwrap_or(0)]
    }
}

/// Values no form sends, percent-encoded as they go on the wire.
const VALUES: &[&str] = &[
    "",
    "%FF%FE%FD",
    "%C3%28",
    "%00",
    "-1",
    "0",
    "99999999999999999999999999",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "3.5",
    "true",
    "%5B%5D",
    "%7B%7D",
    "null",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%E2%80%AE%F0%9F%98%80",
    "2026-13-45T25%3A61",
    "AAAA-BBBB-CCCC",
    "%",
    "%zz",
    "a%26b%3Dc",
];

/// Field names no form sends.
const NAMES: &[&str] = &["", "%FF", "answers[", "answers[q3][][]", "modes[]", "x[y][z]", "__proto__", "a%00b"];

/// One malformed request body for a function whose valid fields are `fields`.
fn mutate(dice: &mut Dice, fields: &[(&'static str, String)], in_url: bool) -> String {
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    let mut pairs: Vec<(String, String)> = fields.iter().map(|(k, v)| (encode(k), encode(v))).collect();
    let rounds = 1 + dice.next() % 3;
    for _ in 0..rounds {
        match dice.next() % 8 {
            // A field's value replaced.
            0 | 1 if !pairs.is_empty() => {
                let i = usize::try_from(dice.next() % pairs.len() as u64).unwrap_or(0);
                pairs[i].1 = (*dice.pick(VALUES)).to_owned();
            }
            // A field missing.
            2 if !pairs.is_empty() => {
                let i = usize::try_from(dice.next() % pairs.len() as u64).unwrap_or(0);
                pairs.remove(i);
            }
            // A field repeated, with another value.
            3 if !pairs.is_empty() => {
                let i = usize::try_from(dice.next() % pairs.len() as u64).unwrap_or(0);
                let name = pairs[i].0.clone();
                pairs.push((name, (*dice.pick(VALUES)).to_owned()));
            }
            // A field nobody expects.
            4 => pairs.push(((*dice.pick(NAMES)).to_owned(), (*dice.pick(VALUES)).to_owned())),
            // A long value.
            5 if !pairs.is_empty() => {
                let i = usize::try_from(dice.next() % pairs.len() as u64).unwrap_or(0);
                // Within what an address can carry (http's limits refuse more).
                let lengths: &[usize] = if in_url { &[300, 5_000] } else { &[300, 5_000, 70_000] };
                let length = *dice.pick(lengths);
                pairs[i].1 = "%C3%A9".repeat(length / 2);
            }
            // Every value as the same odd one.
            6 => {
                let value = dice.pick(VALUES);
                for pair in &mut pairs {
                    pair.1 = (*value).to_owned();
                }
            }
            _ => {}
        }
    }
    let body = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    match dice.next() % 10 {
        // Cut short, anywhere.
        0 if !body.is_empty() => {
            let at = usize::try_from(dice.next() % body.len() as u64).unwrap_or(0);
            body[..at].to_owned()
        }
        // No `=`, stray separators.
        1 => format!("&&=&=&{body}&&"),
        _ => body,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_malformed_request_gets_a_500_or_a_dropped_connection() {
    let requests: usize = std::env::var("PALIER_FUZZ_REQUESTS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let methods: HashMap<String, String> = registered().into_iter().collect();
    // Every server function: those of the permission matrix with their valid
    // fields, and the file upload (the matrix calls it separately).
    let mut cases: Vec<(&str, Vec<(&'static str, String)>)> =
        cases().iter().map(|case| (case.path, (case.fields)(&world))).collect();
    cases.push(("/api/registry/import_households", vec![("organisation_id", world.org1.to_string())]));
    let project_fields = vec![
        ("residence_id", world.residence_a.to_string()),
        ("category_id", "1".to_owned()),
        ("title", "Un projet".to_owned()),
        ("description", "Une description assez longue.".to_owned()),
    ];
    cases.push(("/api/projects/propose", project_fields.clone()));
    let mut rewrite = project_fields;
    rewrite.push(("id", world.project_a.to_string()));
    cases.push(("/api/projects/rewrite", rewrite));
    cases.push(("/api/projects/progress", vec![("id", world.project_a.to_string()), ("message", "Avancement".into())]));
    let roles = [Role::Anonymous, Role::TenantA, Role::Staff1, Role::Admin1, Role::Platform];
    let content_types = [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded",
        "application/json",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded; charset=latin1",
    ];
    let mut dice = Dice(0x005E_ED0F_F022);
    let mut failures = Vec::new();
    let mut sent = 0;
    while sent < requests {
        // Eight at once: the server sees concurrent malformed input too.
        let mut batch = Vec::new();
        for _ in 0..8 {
            let (path, fields) = dice.pick(&cases);
            let role = *dice.pick(&roles);
            let get = methods.get(*path).is_some_and(|m| m == "GET");
            let body = mutate(&mut dice, fields, get);
            let content_type = *dice.pick(&content_types);
            let accept = if dice.next().is_multiple_of(2) { "application/json" } else { "text/html" };
            let client = world.client(role);
            let roll = dice.next() % 200;
            // The server answers 413 as soon as it reads the length, and closes
            // without reading the rest: the client may fail writing it.
            let oversized = roll == 5 && !get;
            let raw: Vec<u8> = match roll {
                // Bytes that are not UTF-8 at all, unencoded.
                0..5 => [b"\xff\xfe=\xc3(&".as_slice(), body.as_bytes()].concat(),
                // Over the body limit (forms with photos have a larger one).
                5 if palier_app::api::PHOTO_PATHS.contains(path) => {
                    vec![b'a'; palier_server::http::PHOTO_BODY_LIMIT_BYTES + 1]
                }
                5 => vec![b'a'; palier_server::http::BODY_LIMIT_BYTES + 1],
                _ => body.clone().into_bytes(),
            };
            let request = if get {
                client.get(format!("{}?{body}", app.url(path)))
            } else {
                client.post(app.url(path)).header("origin", &app.address).header("content-type", content_type).body(raw)
            };
            let request = request.header("accept", accept);
            batch.push(async move {
                let outcome = request.send().await;
                let outcome = outcome.map(|r| r.status().as_u16()).map_err(|e| {
                    // The cause is at the end (the URL comes first).
                    let text = format!("{e:?}");
                    let from = text.char_indices().rev().nth(299).map_or(0, |(i, _)| i);
                    text[from..].to_owned()
                });
                (*path, role, body, oversized, outcome)
            });
        }
        for (path, role, body, oversized, outcome) in futures_util::future::join_all(batch).await {
            sent += 1;
            match outcome {
                Ok(413) if oversized => {}
                Err(error) if oversized && error.contains("BodyWrite") => {}
                Ok(status) if status < 500 && !oversized => {}
                other => failures.push(format!("{role:?} {path} {:?} -> {other:?}", &body[..body.len().min(200)])),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {sent} requests failed:\n{}",
        failures.len(),
        failures[..failures.len().min(30)].join("\n")
    );
}
