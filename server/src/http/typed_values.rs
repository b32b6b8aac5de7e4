//! What a person typed stays out of URLs.
//!
//! A form posted without JavaScript that the server refuses comes back as a
//! redirect to its page with the error in the query string (`__err`, put
//! there by server_fn), and our errors carry what was typed so the form is
//! filled again ([`FormErrors::values`]). A query string lands in the
//! browser's history and in proxy logs, and a crafted one could fill in a
//! form for someone else. So on the way out the typed values are taken out
//! of `__err` and put in a short-lived cookie of that browser, sealed with
//! the server key for that form; on the way in they go back only from that
//! cookie, and any value a URL carries is dropped.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE;
use palier_app::error::AppError;
use palier_backend::auth::server_key::ServerKey;
use serde::{Deserialize, Serialize};

const COOKIE: &str = "palier_typed";
const PURPOSE: &str = "palier typed values";
/// How long the typed values wait for the page they go back to.
const FOR_SECONDS: i64 = 60;
/// Beyond this a cookie may be refused by browsers: the values are dropped.
const MAX_COOKIE: usize = 3800;

/// The key and cookie settings of [`keep_typed_values`].
#[derive(Clone)]
pub struct TypedValues {
    pub key: ServerKey,
    pub secure: bool,
}

/// The typed values of one refused form, for one page.
#[derive(Serialize, Deserialize)]
struct Kept {
    /// The server function's path (`__path`).
    function: String,
    until: i64,
    values: Vec<(String, String)>,
}

/// The middleware (see the module).
pub async fn keep_typed_values(State(typed): State<TypedValues>, mut request: Request<Body>, next: Next) -> Response {
    let mut consumed = false;
    if let Some(query) = request.uri().query().filter(|q| q.contains("__err=")) {
        let kept = cookie(&request).and_then(|sealed| open(&typed.key, &sealed));
        let path = request.uri().path().to_owned();
        let (query, used) = refill(query, kept);
        consumed = used;
        let rebuilt = format!("{path}?{query}");
        if let Ok(uri) = rebuilt.parse::<Uri>() {
            *request.uri_mut() = uri;
        }
    }
    let mut response = next.run(request).await;
    if response.status().is_redirection()
        && let Some((location, kept)) =
            response.headers().get(header::LOCATION).and_then(|l| l.to_str().ok()).and_then(take_values)
    {
        if let Ok(value) = HeaderValue::from_str(&location) {
            response.headers_mut().insert(header::LOCATION, value);
        }
        if let Some(kept) = kept {
            let sealed = URL_SAFE.encode(typed.key.seal(PURPOSE, &serde_json::to_vec(&kept).unwrap_or_default()));
            if sealed.len() <= MAX_COOKIE {
                set(&mut response, &format!("{COOKIE}={sealed}; Max-Age={FOR_SECONDS}"), typed.secure);
                consumed = false;
            }
        }
    }
    if consumed {
        set(&mut response, &format!("{COOKIE}=; Max-Age=0"), typed.secure);
    }
    response
}

fn set(response: &mut Response, cookie: &str, secure: bool) {
    let secure = if secure { "; Secure" } else { "" };
    if let Ok(value) = HeaderValue::from_str(&format!("{cookie}; Path=/; HttpOnly; SameSite=Lax{secure}")) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

fn cookie(request: &Request<Body>) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('=').map(str::to_owned))
}

fn open(key: &ServerKey, sealed: &str) -> Option<Kept> {
    let kept: Kept = serde_json::from_slice(&key.open(PURPOSE, &URL_SAFE.decode(sealed).ok()?)?).ok()?;
    (kept.until > chrono::Utc::now().timestamp()).then_some(kept)
}

fn decode(err: &str) -> Option<AppError> {
    serde_json::from_slice(&URL_SAFE.decode(err).ok()?).ok()
}

fn encode(error: &AppError) -> String {
    URL_SAFE.encode(serde_json::to_vec(error).unwrap_or_default())
}

/// The query string `query`, its `__err` holding no typed values but those
/// `kept` for its form; and whether they were used.
fn refill(query: &str, kept: Option<Kept>) -> (String, bool) {
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let function = pairs.iter().find(|(k, _)| k == "__path").map(|(_, v)| v.as_str()).unwrap_or_default();
    let mut used = false;
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        if name != "__err" {
            out.append_pair(name, value);
            continue;
        }
        // An error that is not ours is dropped whole.
        let Some(mut error) = decode(value) else { continue };
        if let AppError::Invalid(form) = &mut error {
            form.values.clear();
            if let Some(kept) = kept.as_ref().filter(|k| k.function == function) {
                form.values = kept.values.clone();
                used = true;
            }
        }
        out.append_pair(name, &encode(&error));
    }
    (out.finish(), used)
}

/// `location` without the typed values in its `__err`, and those values
/// with their form; `None` when it carries none.
fn take_values(location: &str) -> Option<(String, Option<Kept>)> {
    let (before, query) = location.split_once('?')?;
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let err = pairs.iter().find(|(k, _)| k == "__err")?;
    let mut error = decode(&err.1)?;
    let AppError::Invalid(form) = &mut error else { return None };
    if form.values.is_empty() {
        return None;
    }
    let values = std::mem::take(&mut form.values);
    let function = pairs.iter().find(|(k, _)| k == "__path").map(|(_, v)| v.clone()).unwrap_or_default();
    let kept = Kept { function, until: chrono::Utc::now().timestamp() + FOR_SECONDS, values };
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        if name == "__err" {
            out.append_pair(name, &encode(&error));
        } else {
            out.append_pair(name, value);
        }
    }
    Some((format!("{before}?{}", out.finish()), Some(kept)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use palier_app::error::FormErrors;

    fn refused() -> AppError {
        let mut form = FormErrors::new();
        form.add("code", "error-code-unknown");
        form.values.push(("code".into(), "ABCD-EFGH-JKMN".into()));
        AppError::Invalid(form)
    }

    #[test]
    fn typed_values_leave_the_url_and_come_back_only_for_their_page() {
        let location = format!("http://example.org/rejoindre?x=1&__path=/api/join&__err={}", encode(&refused()));
        let (clean, kept) = take_values(&location).unwrap();
        assert!(!clean.contains("ABCD"), "{clean}");
        let query = clean.split_once('?').unwrap().1;
        let (refilled, used) = refill(query, kept);
        assert!(used);
        let err = form_urlencoded::parse(refilled.as_bytes()).find(|(k, _)| k == "__err").unwrap().1;
        assert_eq!(decode(&err), Some(refused()));
        // A URL crafted with values fills nothing in.
        let crafted = format!("__path=/api/join&__err={}", encode(&refused()));
        let (refilled, used) = refill(&crafted, None);
        assert!(!used && !refilled.contains(&encode(&refused())));
        // Nor do values kept for another form.
        let (_, kept) = take_values(&location).unwrap();
        let other = query.replace("%2Fapi%2Fjoin", "%2Fapi%2Fother");
        assert!(!refill(&other, kept).1);
    }
}
