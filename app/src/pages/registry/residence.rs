//! A residence in the back office: creating one, and its page (households,
//! letters, a new household, buildings, its name and address).

use super::{BuildingSelect, ResidenceFields};
use crate::api::registry::create_building::CreateBuilding;
use crate::api::registry::create_household::CreateHousehold;
use crate::api::registry::create_residence::CreateResidence;
use crate::api::registry::residence_admin::get_residence_admin;
use crate::api::registry::update_residence::UpdateResidence;
use crate::components::form::{Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, Pager, page_number, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::{OrganisationId, ResidenceId};
use palier_domain::registry::{LetterChoice, ResidenceAdmin};

#[component]
pub fn NewResidencePage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org").map(|o| o.to_string()).unwrap_or_default();
    let feedback = Feedback::of::<CreateResidence>();
    view! {
        <Title text=i18n.t("residence-new")/>
        <div class="page page--narrow">
            <p><a href="/gestion">{i18n.t("back-office-back")}</a></p>
            <h1>{i18n.t("residence-new")}</h1>
            <PostForm action=CreateResidence::PATH feedback>
                <input type="hidden" name="organisation_id" value=organisation/>
                <ResidenceFields feedback/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("residence-create")}</button>
                </div>
            </PostForm>
        </div>
    }
}

/// The `ok` codes of the residence page.
const RESIDENCE_OK: &[&str] = &["residence-created", "residence-updated", "building-created", "household-created"];

/// The table of one page of households.
fn households(residence: &ResidenceAdmin) -> impl IntoView + use<> {
    let i18n = use_i18n();
    if residence.households.is_empty() {
        return view! { <p>{i18n.t("residence-no-household")}</p> }.into_any();
    }
    let base = format!("/gestion/residences/{}", residence.id);
    view! {
        <div class="table-wrap">
            <table class="stack">
                <caption class="visually-hidden">{i18n.t("residence-households")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("household-unit")}</th>
                        <th scope="col">{i18n.t("household-building")}</th>
                        <th scope="col">{i18n.t("household-lease")}</th>
                        <th scope="col" class="num">{i18n.t("household-occupants")}</th>
                    </tr>
                </thead>
                <tbody>
                    {residence.households.iter().map(|h| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/gestion/menages/{}", h.id)>{h.unit_label.clone()}</a>
                            </th>
                            <td data-label=i18n.t("household-building")>{h.building.clone().unwrap_or_default()}</td>
                            <td data-label=i18n.t("household-lease")>{h.lease_ref.clone()}</td>
                            <td class="num" data-label=i18n.t("household-occupants")>{format!("{} / {}", h.occupants, h.max_occupants)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager base page=residence.page pages=residence.pages/>
    }
    .into_any()
}

#[component]
pub fn ResidenceAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ResidenceId>("id");
    let page = page_number();
    view! {
        <Loaded load=move || with_id(id, move |id| get_residence_admin(id, page)) view=move |residence| {
            let update_feedback = Feedback::of::<UpdateResidence>().prefixed("residence");
            let building_feedback = Feedback::of::<CreateBuilding>().prefixed("building");
            let household_feedback = Feedback::of::<CreateHousehold>();
            let id = residence.id.to_string();
            let (id_household, id_building, id_update) = (id.clone(), id.clone(), id.clone());
            let letters_action = format!("/gestion/residences/{id}/lettres");
            let building_names: Vec<String> = residence.buildings.iter().map(|b| b.name.clone()).collect();
            let buildings = residence.buildings.clone();
            let (name, address, postcode, city) =
                (residence.name.clone(), residence.address.clone(), residence.postcode.clone(), residence.city.clone());
            view! {
                <Title text=residence.name.clone()/>
                <div class="page">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {residence.organisation.clone()}</p>
                    <h1>{residence.name.clone()}</h1>
                    <OkNotice known=RESIDENCE_OK/>

                    <section class="card" aria-labelledby="households">
                        <h2 id="households">
                            {i18n.t_with("residence-households-count", &[("count", residence.total_households.into())])}
                        </h2>
                        {households(&residence)}
                    </section>

                    <section class="card" aria-labelledby="letters">
                        <h2 id="letters">{i18n.t("letters-title")}</h2>
                        <p>{i18n.t("letters-body")}</p>
                        <form class="form" method="post" action=letters_action target="_blank">
                            <Field feedback=Feedback::none() name="which" label="letters-which" kind="radio"
                                initial=LetterChoice::Unclaimed.code()
                                choices=vec![
                                    (LetterChoice::Unclaimed.code().to_owned(), i18n.t("letters-unclaimed")),
                                    (LetterChoice::All.code().to_owned(), i18n.t("letters-all")),
                                ]/>
                            <p class="notice notice--warning">{i18n.t("letters-warning")}</p>
                            <button type="submit" class="button">{i18n.t("letters-submit")}</button>
                        </form>
                    </section>

                    <section class="card" aria-labelledby="add-household">
                        <h2 id="add-household">{i18n.t("household-new")}</h2>
                        <PostForm action=CreateHousehold::PATH feedback=household_feedback>
                            <input type="hidden" name="residence_id" value=id_household/>
                            <Field feedback=household_feedback name="unit_label" label="household-unit"
                                hint="household-unit-hint" required=true maxlength=100 rule=Rule::UnitLabel/>
                            <BuildingSelect feedback=household_feedback buildings selected=None/>
                            <Field feedback=household_feedback name="lease_ref" label="household-lease"
                                hint="household-lease-hint" required=true maxlength=64 rule=Rule::LeaseRef/>
                            <Field feedback=household_feedback name="max_occupants" label="household-max"
                                kind="number" initial="4" required=true rule=Rule::MaxOccupants/>
                            <button type="submit" class="button">{i18n.t("household-create")}</button>
                        </PostForm>
                    </section>

                    <section class="card" aria-labelledby="buildings">
                        <h2 id="buildings">{i18n.t("residence-buildings")}</h2>
                        {if building_names.is_empty() {
                            view! { <p>{i18n.t("residence-no-building")}</p> }.into_any()
                        } else {
                            view! { <ul>{building_names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul> }
                                .into_any()
                        }}
                        <PostForm action=CreateBuilding::PATH feedback=building_feedback>
                            <input type="hidden" name="residence_id" value=id_building/>
                            <Field feedback=building_feedback name="name" label="building-name" required=true
                                maxlength=100 rule=Rule::BuildingName/>
                            <button type="submit" class="button button--secondary">{i18n.t("building-create")}</button>
                        </PostForm>
                    </section>

                    <section class="card" aria-labelledby="edit-residence">
                        <h2 id="edit-residence">{i18n.t("residence-edit")}</h2>
                        <PostForm action=UpdateResidence::PATH feedback=update_feedback>
                            <input type="hidden" name="residence_id" value=id_update/>
                            <ResidenceFields feedback=update_feedback name address postcode city/>
                            <button type="submit" class="button button--secondary">{i18n.t("residence-save")}</button>
                        </PostForm>
                    </section>
                </div>
            }
        }/>
    }
}
