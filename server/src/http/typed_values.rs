//! What a person typed stays out of URLs.
//!
//! A form posted without JavaScript that the server refuses comes back as a
//! redirect to its page with the error in the query string (`__err`, put
//! there by server_fn), and our errors carry what was typed so the form is
//! filled again ([`FormErrors::values`]), and arguments of their messages
//! that may come from it (a line of an imported file). A query string lands
//! in the browser's history and in proxy logs, and a crafted one could fill
//! in a form for someone else. So on the way out, the values and arguments
//! leave `__err` for a short-lived cookie of that browser, sealed with the
//! server key for that form; on the way in they come back only from that
//! cookie, and whatever a URL carries of them is dropped.
//!
//! [`FormErrors::values`]: palier_app::error::FormErrors

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE;
use palier_app::error::{AppError, FormErrors};
use palier_app::server::{Settings, site_cookie};
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
    /// Whose `secure_cookies` the cookie follows.
    pub settings: std::sync::Arc<Settings>,
}

/// Names and values (of fields, or of a message's arguments).
type Pairs = Vec<(String, String)>;

/// What a refused form's error carried that a URL must not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Kept {
    /// The server function's path (`__path`).
    function: String,
    until: i64,
    values: Pairs,
    /// The arguments of each message, in order.
    args: Vec<Pairs>,
}

/// The middleware (see the module).
pub async fn keep_typed_values(State(typed): State<TypedValues>, mut request: Request<Body>, next: Next) -> Response {
    let mut consumed = false;
    if let Some(query) = request.uri().query() {
        let pairs = pairs(query);
        if carries_error(&pairs) {
            let kept = cookie(&request).and_then(|sealed| open(&typed.key, &sealed));
            let (query, used) = refill(&pairs, kept);
            consumed = used;
            let path = request.uri().path();
            let rebuilt = if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") };
            // Never the query as it came: without it if it cannot be rebuilt.
            let uri = rebuilt.parse::<Uri>().or_else(|_| path.parse::<Uri>()).unwrap_or_default();
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
        let sealed = kept
            .and_then(|kept| typed.key.seal(PURPOSE, &serde_json::to_vec(&kept).ok()?))
            .map(|sealed| URL_SAFE.encode(sealed))
            .filter(|sealed| sealed.len() <= MAX_COOKIE);
        if let Some(sealed) = sealed {
            set(&mut response, &typed.settings, sealed, cookie::time::Duration::seconds(FOR_SECONDS));
            consumed = false;
        }
    }
    if consumed {
        set(&mut response, &typed.settings, String::new(), cookie::time::Duration::ZERO);
    }
    response
}

fn set(response: &mut Response, settings: &Settings, value: String, max_age: cookie::time::Duration) {
    let cookie = site_cookie(settings, COOKIE, value, "/", Some(max_age));
    if let Ok(value) = HeaderValue::from_str(&cookie.to_string()) {
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

/// The pairs of a query string, decoded as the router decodes them.
fn pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

fn carries_error(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, _)| k == "__err" || k == "__path")
}

fn decode(err: &str) -> Option<AppError> {
    serde_json::from_slice(&URL_SAFE.decode(err).ok()?).ok()
}

fn encode(error: &AppError) -> String {
    URL_SAFE.encode(serde_json::to_vec(error).unwrap_or_default())
}

/// Takes out of `form` what a URL must not carry.
fn strip(form: &mut FormErrors) -> (Pairs, Vec<Pairs>) {
    let values = std::mem::take(&mut form.values);
    let args = form.errors.iter_mut().map(|e| std::mem::take(&mut e.args)).collect();
    (values, args)
}

/// The error of these pairs as the router reads it (the last `__path` and
/// `__err`, as it takes the last of each), without values or arguments.
fn last_error(pairs: &[(String, String)]) -> Option<(String, AppError, Kept)> {
    let function = pairs.iter().rev().find(|(k, _)| k == "__path")?.1.clone();
    let mut error = decode(&pairs.iter().rev().find(|(k, _)| k == "__err")?.1)?;
    let (values, args) = match &mut error {
        AppError::Invalid(form) => strip(form),
        _ => (Vec::new(), Vec::new()),
    };
    let kept = Kept { function: function.clone(), until: chrono::Utc::now().timestamp() + FOR_SECONDS, values, args };
    Some((function, error, kept))
}

/// The query of `pairs` with at most one `__path` and one `__err`, the
/// latter holding only what `kept` (from this browser's cookie) gives back
/// for its form; and whether `kept` was used.
fn refill(pairs: &[(String, String)], kept: Option<Kept>) -> (String, bool) {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs.iter().filter(|(k, _)| k != "__err" && k != "__path") {
        out.append_pair(name, value);
    }
    let mut used = false;
    // An error that is not ours is dropped whole.
    if let Some((function, mut error, _)) = last_error(pairs) {
        if let (AppError::Invalid(form), Some(kept)) = (&mut error, kept.filter(|k| k.function == function))
            && kept.args.len() == form.errors.len()
        {
            form.values = kept.values;
            for (error, args) in form.errors.iter_mut().zip(kept.args) {
                error.args = args;
            }
            used = true;
        }
        out.append_pair("__path", &function);
        out.append_pair("__err", &encode(&error));
    }
    (out.finish(), used)
}

/// `location` with its error as the router will read it, without values
/// or arguments, and those with their form (`None` when there are none).
fn take_values(location: &str) -> Option<(String, Option<Kept>)> {
    let (before, query) = location.split_once('?')?;
    let pairs = pairs(query);
    if !carries_error(&pairs) {
        return None;
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs.iter().filter(|(k, _)| k != "__err" && k != "__path") {
        out.append_pair(name, value);
    }
    let mut kept = None;
    if let Some((function, error, taken)) = last_error(&pairs) {
        out.append_pair("__path", &function);
        out.append_pair("__err", &encode(&error));
        kept = (!taken.values.is_empty() || taken.args.iter().any(|a| !a.is_empty())).then_some(taken);
    }
    Some((format!("{before}?{}", out.finish()), kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(code: &str) -> AppError {
        let mut form = FormErrors::new();
        form.add("code", "error-code-unknown");
        form.errors[0].args.push(("line".into(), "Dupont".into()));
        form.values.push(("code".into(), code.into()));
        AppError::Invalid(form)
    }

    fn err_of(query: &str) -> Option<AppError> {
        decode(&pairs(query).into_iter().rev().find(|(k, _)| k == "__err")?.1)
    }

    #[test]
    fn typed_values_leave_the_url_and_come_back_only_for_their_form() {
        let location = format!("http://example.org/rejoindre?x=1&__path=/api/join&__err={}", encode(&refused("ABCD")));
        let (clean, kept) = take_values(&location).unwrap();
        assert!(!clean.contains("ABCD") && !clean.contains("Dupont"), "{clean}");
        let query = clean.split_once('?').unwrap().1.to_owned();
        let (refilled, used) = refill(&pairs(&query), kept);
        assert!(used);
        assert_eq!(err_of(&refilled), Some(refused("ABCD")));
        assert!(refilled.starts_with("x=1&"));
        // A URL crafted with values fills nothing in.
        let crafted = format!("__path=/api/join&__err={}", encode(&refused("ABCD")));
        let (refilled, used) = refill(&pairs(&crafted), None);
        assert!(!used && !refilled.contains("ABCD"));
        assert!(err_of(&refilled).is_some_and(|e| e.form().is_some_and(|f| f.values.is_empty())));
        // Nor do values kept for another form.
        let (_, kept) = take_values(&location).unwrap();
        let other = query.replace("%2Fapi%2Fjoin", "%2Fapi%2Fother");
        assert!(!refill(&pairs(&other), kept).1);
        // An error that is not ours is dropped.
        let (refilled, _) = refill(&pairs("__path=/api/join&__err=%21%21&y=2"), None);
        assert_eq!(refilled, "y=2");
    }

    #[test]
    fn a_second_refusal_or_an_encoded_key_does_not_bring_values_back_to_the_url() {
        // The page of a first refusal is the referrer of the second: server_fn
        // appends a second pair; the router reads the last of each.
        let first = encode(&AppError::Invalid(FormErrors::new()));
        let location =
            format!("/rejoindre?__path=/api/join&__err={first}&__path=/api/join&__err={}", encode(&refused("WXYZ")));
        let (clean, kept) = take_values(&location).unwrap();
        assert!(!clean.contains("WXYZ"));
        assert_eq!(kept.unwrap().values, vec![("code".to_owned(), "WXYZ".to_owned())]);
        assert_eq!(pairs(clean.split_once('?').unwrap().1).iter().filter(|(k, _)| k == "__err").count(), 1);
        // Keys written with escapes are the same keys.
        let crafted = format!("%5F%5Fpath=/api/join&%5F%5Ferr={}", encode(&refused("WXYZ")));
        let (refilled, used) = refill(&pairs(&crafted), None);
        assert!(!used && !refilled.contains(&encode(&refused("WXYZ"))));
        assert!(err_of(&refilled).is_some_and(|e| e.form().is_some_and(|f| f.values.is_empty())));
    }
}
