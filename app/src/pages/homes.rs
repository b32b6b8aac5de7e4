//! The tenant side of the registry: joining a home with its code, my home,
//! my residence.

use crate::api::registry::tenants::{JoinHousehold, get_residence_view, my_homes};
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::{PageError, id_param};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<JoinHousehold>::new();
    let feedback = Feedback::of(action);
    view! {
        <Title text=i18n.t("join-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("join-title")}</h1>
            <p class="lead">{i18n.t("join-lead")}</p>
            <ErrorSummary feedback/>
            <form class="form" method="post" action=JoinHousehold::PATH novalidate>
                <Field feedback name="code" label="join-code-label" hint="join-code-hint" autocomplete="off"
                    required=true rule=Rule::InvitationCode maxlength=20/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("join-submit")}</button>
                </div>
            </form>
            <section class="card" aria-labelledby="join-help">
                <h2 id="join-help">{i18n.t("join-help-title")}</h2>
                <p>{i18n.t("join-help-body")}</p>
            </section>
        </div>
    }
}

#[component]
pub fn MyHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let homes = Resource::new(|| (), |()| my_homes());
    view! {
        <Title text=i18n.t("my-home-title")/>
        <div class="page">
            <h1>{i18n.t("my-home-title")}</h1>
            <OkNotice known=&["joined"]/>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match homes.await {
                        Err(error) => view! { <PageError error/> }.into_any(),
                        Ok(homes) if homes.is_empty() => view! {
                            <p>{i18n.t("my-home-none")}</p>
                            <a class="button" href="/rejoindre">{i18n.t("dashboard-join-link")}</a>
                        }
                            .into_any(),
                        Ok(homes) => homes
                            .into_iter()
                            .map(|home| {
                                let id = format!("logement-{}", home.household_id);
                                let unit = match &home.building {
                                    Some(building) => format!("{}, {building}", home.unit_label),
                                    None => home.unit_label.clone(),
                                };
                                view! {
                                    <section class="card" id=id>
                                        <h2>{home.residence.clone()}</h2>
                                        <dl class="facts">
                                            <dt>{i18n.t("my-home-unit")}</dt>
                                            <dd>{unit}</dd>
                                            <dt>{i18n.t("my-home-address")}</dt>
                                            <dd>{home.address.clone()}</dd>
                                            <dt>{i18n.t("my-home-landlord")}</dt>
                                            <dd>{home.organisation.clone()}</dd>
                                            <dt>{i18n.t("my-home-housemates")}</dt>
                                            <dd>
                                                {if home.housemates.is_empty() {
                                                    i18n.t("my-home-housemates-none")
                                                } else {
                                                    home.housemates.join(", ")
                                                }}
                                            </dd>
                                        </dl>
                                        <a class="button" href=format!("/residences/{}", home.residence_id)>
                                            {i18n.t("my-home-residence-link")}
                                        </a>
                                    </section>
                                }
                            })
                            .collect_view()
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn ResidencePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let residence = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_residence_view(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match residence.await {
                    Err(error) => view! { <PageError error/> }.into_any(),
                    Ok(residence) => view! {
                        <Title text=residence.name.clone()/>
                        <div class="page">
                            <h1>{residence.name.clone()}</h1>
                            <p class="lead">{residence.address.clone()}</p>
                            <p>
                                {i18n.t_with(
                                    "residence-participation",
                                    &[("joined", residence.joined.into()), ("households", residence.households.into())],
                                )}
                            </p>
                            <section class="card">
                                <h2>{i18n.t("residence-coming-title")}</h2>
                                <p>{i18n.t("residence-coming-body")}</p>
                            </section>
                        </div>
                    }
                        .into_any(),
                }
            })}
        </Suspense>
    }
}
