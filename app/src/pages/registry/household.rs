//! `/gestion/menages/{id}`: a household as staff manage it — its occupants,
//! a new letter, its unit, building and capacity.

use super::BuildingSelect;
use crate::api::registry::household_admin::get_household_admin;
use crate::api::registry::remove_occupant::RemoveOccupant;
use crate::api::registry::update_household::UpdateHousehold;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::HouseholdId;
use palier_domain::registry::LetterChoice;

#[component]
pub fn HouseholdAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<HouseholdId>("id");
    view! {
        <Loaded load=move || with_id(id, get_household_admin) view=move |household| {
            let feedback = Feedback::of::<UpdateHousehold>();
            let title = format!("{} — {}", household.unit_label, household.residence);
            let household_id = household.id.to_string();
            let occupants = household.occupants.clone();
            let occupant_count = occupants.len();
            let code_issued = household
                .code_issued_at
                .map_or_else(|| i18n.t("household-code-never"), |at| i18n.datetime(at));
            let code_until = household.code_valid_until.map(|until| {
                let key = if household.code_expired { "household-code-expired-on" } else { "household-code-valid-until" };
                (i18n.t(key), i18n.datetime(until))
            });
            let (unit, max, buildings, building) = (
                household.unit_label.clone(),
                household.max_occupants.to_string(),
                household.buildings.clone(),
                household.building_id,
            );
            view! {
                <Title text=title.clone()/>
                <div class="page page--narrow">
                    <p>
                        <a href=format!("/gestion/residences/{}", household.residence_id)>{household.residence.clone()}</a>
                    </p>
                    <h1>{title}</h1>
                    <OkNotice known=&["household-updated", "occupant-removed"]/>
                    <dl class="facts">
                        <dt>{i18n.t("household-lease")}</dt>
                        <dd>{household.lease_ref.clone()}</dd>
                        <dt>{i18n.t("household-code-issued")}</dt>
                        <dd>{code_issued}</dd>
                        {code_until.map(|(label, until)| view! { <dt>{label}</dt> <dd>{until}</dd> })}
                    </dl>

                    <section class="card" aria-labelledby="occupants">
                        <h2 id="occupants">
                            {i18n.t_with(
                                "household-occupants-count",
                                &[("count", occupant_count.into()), ("max", household.max_occupants.into())],
                            )}
                        </h2>
                        <ErrorSummary feedback={Feedback::of::<RemoveOccupant>()}/>
                        {if occupants.is_empty() {
                            view! { <p>{i18n.t("household-no-occupant")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list">
                                    {occupants.into_iter().map(|o| view! {
                                        <li class="session-list__item">
                                            <p><strong>{o.display_name.clone()}</strong></p>
                                            <p class="field__hint">
                                                {i18n.t_with("household-joined-on", &[("when", i18n.datetime(o.joined_at).into())])}
                                            </p>
                                            <form method="post" action=RemoveOccupant::PATH>
                                                <input type="hidden" name="household_id" value=household_id.clone()/>
                                                <input type="hidden" name="user_id" value=o.user_id.to_string()/>
                                                <button type="submit" class="button button--secondary">
                                                    {i18n.t("household-remove-occupant")}
                                                    <span class="visually-hidden">" " {o.display_name}</span>
                                                </button>
                                            </form>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }
                            .into_any()
                        }}
                    </section>

                    <section class="card" aria-labelledby="code">
                        <h2 id="code">{i18n.t("household-code-title")}</h2>
                        <p>{i18n.t("household-code-body")}</p>
                        <form method="post" action=format!("/gestion/residences/{}/lettres", household.residence_id) target="_blank">
                            <input type="hidden" name="which" value=LetterChoice::Household.code()/>
                            <input type="hidden" name="household_id" value=household_id.clone()/>
                            <button type="submit" class="button">{i18n.t("household-code-renew")}</button>
                        </form>
                    </section>

                    <section class="card" aria-labelledby="edit-household">
                        <h2 id="edit-household">{i18n.t("household-edit")}</h2>
                        <PostForm action=UpdateHousehold::PATH feedback>
                            <input type="hidden" name="household_id" value=household_id.clone()/>
                            <Field feedback name="unit_label" label="household-unit" required=true maxlength=100
                                rule=Rule::UnitLabel initial=unit/>
                            <BuildingSelect feedback buildings selected=building/>
                            <Field feedback name="max_occupants" label="household-max" kind="number" required=true
                                rule=Rule::MaxOccupants initial=max/>
                            <button type="submit" class="button button--secondary">{i18n.t("household-save")}</button>
                        </PostForm>
                    </section>
                </div>
            }
        }/>
    }
}
