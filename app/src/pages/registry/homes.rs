//! The tenant side of the registry: joining a home with its code, my home,
//! my residence.

use crate::api::registry::join_household::JoinHousehold;
use crate::api::registry::my_homes::my_homes;
use crate::api::registry::residence_view::get_residence_view;
use crate::components::form::{Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::ResidenceId;

#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<JoinHousehold>();
    view! {
        <Title text=i18n.t("join-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("join-title")}</h1>
            <p class="lead">{i18n.t("join-lead")}</p>
            <PostForm action=JoinHousehold::PATH feedback>
                <Field feedback name="code" label="join-code-label" hint="join-code-hint" autocomplete="off"
                    required=true rule=Rule::InvitationCode maxlength=20/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("join-submit")}</button>
                </div>
            </PostForm>
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
    view! {
        <Title text=i18n.t("my-home-title")/>
        <div class="page">
            <h1>{i18n.t("my-home-title")}</h1>
            <OkNotice known=&["joined"]/>
            <Loaded load=my_homes view=move |homes| {
                if homes.is_empty() {
                    return view! {
                        <p>{i18n.t("my-home-none")}</p>
                        <a class="button" href="/rejoindre">{i18n.t("dashboard-join-link")}</a>
                    }
                    .into_any();
                }
                homes.into_iter().map(|home| {
                    let unit = match &home.building {
                        Some(building) => format!("{}, {building}", home.unit_label),
                        None => home.unit_label.clone(),
                    };
                    let housemates = if home.housemates.is_empty() {
                        i18n.t("my-home-housemates-none")
                    } else {
                        home.housemates.join(", ")
                    };
                    view! {
                        <section class="card" id=format!("logement-{}", home.household_id)>
                            <h2>{home.residence.clone()}</h2>
                            <dl class="facts">
                                <dt>{i18n.t("my-home-unit")}</dt>
                                <dd>{unit}</dd>
                                <dt>{i18n.t("my-home-address")}</dt>
                                <dd>{home.address.clone()}</dd>
                                <dt>{i18n.t("my-home-landlord")}</dt>
                                <dd>{home.organisation.clone()}</dd>
                                <dt>{i18n.t("my-home-housemates")}</dt>
                                <dd>{housemates}</dd>
                            </dl>
                            <a class="button" href=format!("/residences/{}", home.residence_id)>{i18n.t("my-home-residence-link")}</a>
                        </section>
                    }
                }).collect_view().into_any()
            }/>
        </div>
    }
}

#[component]
pub fn ResidencePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ResidenceId>("id");
    view! {
        <Loaded load=move || with_id(id, get_residence_view) view=move |residence| view! {
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
                <section class="card" aria-labelledby="residence-projects">
                    <h2 id="residence-projects">{i18n.t("projects-title")}</h2>
                    <p>{i18n.t_with("residence-projects-count", &[("count", residence.projects.into())])}</p>
                    <p>
                        {if residence.answer_record.due == 0 {
                            i18n.t_with("projects-record-none", &[("year", residence.answer_record.year.into())])
                        } else {
                            i18n.t_with("projects-record", &[
                                ("year", residence.answer_record.year.into()),
                                ("on_time", residence.answer_record.on_time.into()),
                                ("due", residence.answer_record.due.into()),
                            ])
                        }}
                    </p>
                    <div class="actions">
                        <a class="button" href=format!("/projets?residence={}", residence.id)>{i18n.t("residence-projects-link")}</a>
                        <a class="button button--secondary" href="/projets/nouveau">{i18n.t("projects-propose")}</a>
                    </div>
                </section>
                {(!residence.councils.is_empty()).then(|| view! {
                    <section class="card" aria-labelledby="residence-councils">
                        <h2 id="residence-councils">{i18n.t("residence-councils")}</h2>
                        {residence.meetings.is_empty().then(|| view! { <p>{i18n.t("council-no-upcoming")}</p> })}
                        {(!residence.meetings.is_empty()).then(|| view! {
                            <h3>{i18n.t("council-upcoming")}</h3>
                            <ul>
                                {residence.meetings.iter().map(|m| crate::pages::councils::meeting_line(i18n, m, true)).collect_view()}
                            </ul>
                        })}
                        <ul>
                            {residence.councils.iter().map(|c| view! {
                                <li><a href=crate::api::councils::council_path(c.id)>{c.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                })}
            </div>
        }/>
    }
}
