//! Several `palier serve` on one database, requests alternating between
//! them, as behind a load balancer: they act as one server.

use crate::helpers::{TestApp, open_vote, spawn_pair};
use palier_backend::entities::{participation, sealed_ballot};
use sea_orm::{ColumnTrait as _, EntityTrait as _, PaginatorTrait as _, QueryFilter as _};
use std::collections::HashMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_database_act_as_one() {
    let (a, b) = spawn_pair().await;
    let servers = [&a, &b];
    // Opening a vote of 500 homes notifies each of its tenants by email.
    let vote = open_vote(&a.db, &a.seal, 500).await;

    // Both servers' background jobs run at once: each email goes once.
    tokio::join!(a.run_pending_jobs(), b.run_pending_jobs());
    let mut sent: HashMap<String, usize> = HashMap::new();
    for email in a.mailbox.messages().into_iter().chain(b.mailbox.messages()) {
        *sent.entry(email.to).or_default() += 1;
    }
    assert_eq!(sent.len(), 500, "every tenant is told");
    assert!(sent.values().all(|n| *n == 1), "nobody is told twice");

    // A session made on one server is valid on the other.
    let browser = TestApp::new_client();
    let page = a
        .post_form_as(&browser, "/api/accounts/login", &[("email", "voter0@example.org"), ("password", &vote.password)])
        .await;
    assert_eq!(page.status, 302, "{}", page.body);
    let cookie = crate::helpers::set_cookie(&page, "palier_session").unwrap().split(';').next().unwrap().to_owned();
    let on_b = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let home =
        crate::helpers::read(on_b.get(b.url("/mon-logement")).header("cookie", &cookie).send().await.unwrap()).await;
    assert_eq!(home.status, 200, "{:?}", home.header("location"));
    assert!(home.body.contains("Voter 0"), "signed in on the other server");

    // Rate limits count across both: ten wrong passwords, half on each, and
    // the right one is refused on either.
    let guesser = TestApp::new_client();
    let wrong = [("email", "voter1@example.org"), ("password", "pas le bon mot de passe")];
    for n in 0..10 {
        let page = servers[n % 2].call_as(&guesser, "/api/accounts/login", &wrong).await;
        assert_ne!(page.status, 429, "attempt {n} was refused too early");
    }
    let right = [("email", "voter1@example.org"), ("password", vote.password.as_str())];
    assert_eq!(b.call_as(&guesser, "/api/accounts/login", &right).await.status, 429);
    assert_eq!(a.call_as(&guesser, "/api/accounts/login", &right).await.status, 429);

    // Forty homes vote twice at once, once through each server: one ballot each.
    let mut casts = tokio::task::JoinSet::new();
    for token in vote.tokens.iter().skip(2).take(40) {
        for server in servers {
            let (address, token) = (server.address.clone(), token.clone());
            let form = [("consultation_id".to_owned(), vote.id.to_string()), (vote.field.clone(), vote.option.clone())];
            casts.spawn(async move {
                reqwest::Client::new()
                    .post(format!("{address}/api/consultations/cast_ballot"))
                    .header("origin", &address)
                    .header("accept", "application/json")
                    .header("cookie", format!("palier_session={token}"))
                    .form(&form)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            });
        }
    }
    let mut statuses = Vec::new();
    while let Some(status) = casts.join_next().await {
        statuses.push(status.unwrap());
    }
    let accepted = statuses.iter().filter(|s| **s < 300).count();
    let refused = statuses.iter().filter(|s| **s == 422).count();
    assert_eq!((accepted, refused), (40, 40), "{statuses:?}");
    let registered = participation::Entity::find().filter(participation::Column::ConsultationId.eq(vote.id));
    assert_eq!(registered.count(&a.db).await.unwrap(), 40);
    let sealed = sealed_ballot::Entity::find().filter(sealed_ballot::Column::ConsultationId.eq(vote.id));
    assert_eq!(sealed.count(&a.db).await.unwrap(), 40);
}
