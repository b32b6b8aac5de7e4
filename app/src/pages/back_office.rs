//! The landlord's back office: residences, buildings, households, the CSV
//! import and the invitation letters.

use crate::api::registry::back_office::{CreateBuilding, CreateResidence, UpdateResidence, back_office};
use crate::api::registry::households::{
    BuildingOption, CreateHousehold, RemoveOccupant, UpdateHousehold, get_household_admin, get_residence_admin,
};
use crate::api::registry::import::ImportHouseholds;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::{PageError, Pager, id_param, page_param};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BackOfficePage() -> impl IntoView {
    let i18n = use_i18n();
    let overview = Resource::new(|| (), |()| back_office());
    view! {
        <Title text=i18n.t("back-office-title")/>
        <div class="page">
            <h1>{i18n.t("back-office-title")}</h1>
            <OkNotice known=&["joined-team"]/>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let organisations = match overview.await {
                        Ok(organisations) => organisations,
                        Err(error) => return view! { <PageError error/> }.into_any(),
                    };
                    organisations
                        .into_iter()
                        .map(|org| {
                            let base = format!("/gestion/organisations/{}", org.id);
                            view! {
                                <section class="card" aria-labelledby=format!("org-{}", org.id)>
                                    <h2 id=format!("org-{}", org.id)>{org.name.clone()}</h2>
                                    <nav class="actions" aria-label=i18n.t("back-office-actions")>
                                        <a class="button" href=format!("{base}/consultations")>{i18n.t("consultations-admin-title")}</a>
                                        <a class="button button--secondary" href=format!("{base}/residences/nouvelle")>{i18n.t("residence-new")}</a>
                                        <a class="button button--secondary" href=format!("{base}/import")>{i18n.t("import-title")}</a>
                                        {org.admin.then(|| view! {
                                            <a class="button button--secondary" href=format!("{base}/equipe")>{i18n.t("team-title")}</a>
                                            <a class="button button--secondary" href=format!("{base}/journal")>{i18n.t("audit-title")}</a>
                                        })}
                                    </nav>
                                    {if org.residences.is_empty() {
                                        view! { <p>{i18n.t("back-office-no-residence")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <div class="table-wrap">
                                                <table>
                                                    <caption>{i18n.t("back-office-residences")}</caption>
                                                    <thead>
                                                        <tr>
                                                            <th scope="col">{i18n.t("residence-name")}</th>
                                                            <th scope="col">{i18n.t("residence-city")}</th>
                                                            <th scope="col" class="num">{i18n.t("residence-buildings")}</th>
                                                            <th scope="col" class="num">{i18n.t("residence-households")}</th>
                                                            <th scope="col" class="num">{i18n.t("residence-joined")}</th>
                                                        </tr>
                                                    </thead>
                                                    <tbody>
                                                        {org.residences.into_iter().map(|r| view! {
                                                            <tr>
                                                                <th scope="row">
                                                                    <a href=format!("/gestion/residences/{}", r.id)>{r.name}</a>
                                                                </th>
                                                                <td>{r.city}</td>
                                                                <td class="num">{r.buildings}</td>
                                                                <td class="num">{r.households}</td>
                                                                <td class="num">{r.joined}</td>
                                                            </tr>
                                                        }).collect_view()}
                                                    </tbody>
                                                </table>
                                            </div>
                                        }
                                            .into_any()
                                    }}
                                </section>
                            }
                        })
                        .collect_view()
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

/// The fields of a residence, for creating or editing it.
#[component]
fn ResidenceFields(
    feedback: Feedback,
    #[prop(optional)] name: String,
    #[prop(optional)] address: String,
    #[prop(optional)] postcode: String,
    #[prop(optional)] city: String,
) -> impl IntoView {
    view! {
        <Field feedback name="name" label="residence-name" required=true maxlength=200 initial=name/>
        <Field feedback name="address" label="residence-address" autocomplete="street-address" maxlength=300 initial=address/>
        <Field feedback name="postcode" label="residence-postcode" autocomplete="postal-code" maxlength=5 initial=postcode/>
        <Field feedback name="city" label="residence-city" autocomplete="address-level2" maxlength=100 initial=city/>
    }
}

#[component]
pub fn NewResidencePage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let action = ServerAction::<CreateResidence>::new();
    let feedback = Feedback::of(action);
    view! {
        <Title text=i18n.t("residence-new")/>
        <div class="page page--narrow">
            <p><a href="/gestion">{i18n.t("back-office-back")}</a></p>
            <h1>{i18n.t("residence-new")}</h1>
            <ErrorSummary feedback/>
            <ActionForm action attr:class="form" attr:novalidate=true>
                <input type="hidden" name="organisation_id" value=move || organisation.get().unwrap_or_default()/>
                <ResidenceFields feedback/>
                <div class="actions">
                    <button type="submit" class="button">{i18n.t("residence-create")}</button>
                </div>
            </ActionForm>
        </div>
    }
}

/// The `ok` codes of the residence page.
const RESIDENCE_OK: &[&str] = &["residence-created", "residence-updated", "building-created", "household-created"];

#[component]
pub fn ResidenceAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let page = page_param();
    let update = ServerAction::<UpdateResidence>::new();
    let add_building = ServerAction::<CreateBuilding>::new();
    let add_household = ServerAction::<CreateHousehold>::new();
    let data = Resource::new(
        move || {
            (id.get(), page.get(), update.version().get(), add_building.version().get(), add_household.version().get())
        },
        |(id, page, ..)| async move {
            match id {
                Some(id) => get_residence_admin(id, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let residence = match data.await {
                    Ok(residence) => residence,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let update_feedback = Feedback::of(update);
                let building_feedback = Feedback::of(add_building);
                let household_feedback = Feedback::of(add_household);
                let letters_action = format!("/gestion/residences/{}/lettres", residence.id);
                let building_names: Vec<String> = residence.buildings.iter().map(|b| b.name.clone()).collect();
                let buildings = residence.buildings.clone();
                let base = format!("/gestion/residences/{}", residence.id);
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
                            {if residence.households.is_empty() {
                                view! { <p>{i18n.t("residence-no-household")}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="table-wrap">
                                        <table>
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
                                                        <td>{h.building.clone().unwrap_or_default()}</td>
                                                        <td>{h.lease_ref.clone()}</td>
                                                        <td class="num">{format!("{} / {}", h.occupants, h.max_occupants)}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                    <Pager base=base.clone() page=residence.page pages=residence.pages/>
                                }
                                    .into_any()
                            }}
                        </section>

                        <section class="card" aria-labelledby="letters">
                            <h2 id="letters">{i18n.t("letters-title")}</h2>
                            <p>{i18n.t("letters-body")}</p>
                            <form class="form" method="post" action=letters_action target="_blank">
                                <fieldset class="field">
                                    <legend>{i18n.t("letters-which")}</legend>
                                    <div class="choice">
                                        <input type="radio" id="which-unclaimed" name="which" value="unclaimed" checked=true/>
                                        <label for="which-unclaimed">{i18n.t("letters-unclaimed")}</label>
                                    </div>
                                    <div class="choice">
                                        <input type="radio" id="which-all" name="which" value="all"/>
                                        <label for="which-all">{i18n.t("letters-all")}</label>
                                    </div>
                                </fieldset>
                                <p class="notice notice--warning">{i18n.t("letters-warning")}</p>
                                <button type="submit" class="button">{i18n.t("letters-submit")}</button>
                            </form>
                        </section>

                        <section class="card" aria-labelledby="add-household">
                            <h2 id="add-household">{i18n.t("household-new")}</h2>
                            <ErrorSummary feedback=household_feedback/>
                            <ActionForm action=add_household attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="residence_id" value=residence.id/>
                                <Field feedback=household_feedback name="unit_label" label="household-unit"
                                    hint="household-unit-hint" required=true maxlength=100/>
                                <BuildingSelect buildings=buildings selected=None/>
                                <Field feedback=household_feedback name="lease_ref" label="household-lease"
                                    hint="household-lease-hint" required=true maxlength=64/>
                                <Field feedback=household_feedback name="max_occupants" label="household-max"
                                    kind="number" initial="4" required=true/>
                                <button type="submit" class="button">{i18n.t("household-create")}</button>
                            </ActionForm>
                        </section>

                        <section class="card" aria-labelledby="buildings">
                            <h2 id="buildings">{i18n.t("residence-buildings")}</h2>
                            {if building_names.is_empty() {
                                view! { <p>{i18n.t("residence-no-building")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {building_names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }}
                            <ErrorSummary feedback=building_feedback/>
                            <ActionForm action=add_building attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="residence_id" value=residence.id/>
                                <Field feedback=building_feedback name="building_name" label="building-name"
                                    required=true maxlength=100/>
                                <button type="submit" class="button button--secondary">{i18n.t("building-create")}</button>
                            </ActionForm>
                        </section>

                        <section class="card" aria-labelledby="edit-residence">
                            <h2 id="edit-residence">{i18n.t("residence-edit")}</h2>
                            <ErrorSummary feedback=update_feedback/>
                            <ActionForm action=update attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="residence_id" value=residence.id/>
                                <ResidenceFields feedback=update_feedback name=residence.name.clone()
                                    address=residence.address.clone() postcode=residence.postcode.clone()
                                    city=residence.city.clone()/>
                                <button type="submit" class="button button--secondary">{i18n.t("residence-save")}</button>
                            </ActionForm>
                        </section>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

/// A `<select name="building_id">` of a residence's buildings (or none).
#[component]
fn BuildingSelect(buildings: Vec<BuildingOption>, selected: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    (!buildings.is_empty()).then(|| {
        view! {
            <div class="field">
                <label for="field-building_id">{i18n.t("household-building")}</label>
                <select id="field-building_id" name="building_id">
                    <option value="" selected=selected.is_none()>{i18n.t("household-no-building")}</option>
                    {buildings
                        .into_iter()
                        .map(|b| view! { <option value=b.id selected=selected == Some(b.id)>{b.name}</option> })
                        .collect_view()}
                </select>
            </div>
        }
    })
}

#[component]
pub fn HouseholdAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = id_param("id");
    let update = ServerAction::<UpdateHousehold>::new();
    let remove = ServerAction::<RemoveOccupant>::new();
    let data = Resource::new(
        move || (id.get(), update.version().get(), remove.version().get()),
        |(id, ..)| async move {
            match id {
                Some(id) => get_household_admin(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let household = match data.await {
                    Ok(household) => household,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let feedback = Feedback::of(update);
                let title = format!("{} — {}", household.unit_label, household.residence);
                let household_id = household.id;
                let occupants = household.occupants.clone();
                let occupant_count = occupants.len();
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
                            <dd>{household.code_issued.clone().unwrap_or_else(|| i18n.t("household-code-never"))}</dd>
                        </dl>

                        <section class="card" aria-labelledby="occupants">
                            <h2 id="occupants">
                                {i18n.t_with(
                                    "household-occupants-count",
                                    &[("count", occupant_count.into()), ("max", household.max_occupants.into())],
                                )}
                            </h2>
                            {if occupants.is_empty() {
                                view! { <p>{i18n.t("household-no-occupant")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="session-list">
                                        {occupants.into_iter().map(|o| {
                                            let name = o.display_name.clone();
                                            view! {
                                                <li class="session-list__item">
                                                    <p><strong>{o.display_name}</strong></p>
                                                    <p class="field__hint">{i18n.t_with("household-joined-on", &[("when", o.joined.into())])}</p>
                                                    <ActionForm action=remove>
                                                        <input type="hidden" name="household_id" value=household_id/>
                                                        <input type="hidden" name="user_id" value=o.user_id/>
                                                        <button type="submit" class="button button--secondary">
                                                            {i18n.t("household-remove-occupant")}
                                                            <span class="visually-hidden">" " {name}</span>
                                                        </button>
                                                    </ActionForm>
                                                </li>
                                            }
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
                                <input type="hidden" name="which" value="household"/>
                                <input type="hidden" name="household_id" value=household.id/>
                                <button type="submit" class="button">{i18n.t("household-code-renew")}</button>
                            </form>
                        </section>

                        <section class="card" aria-labelledby="edit-household">
                            <h2 id="edit-household">{i18n.t("household-edit")}</h2>
                            <ErrorSummary feedback/>
                            <ActionForm action=update attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="household_id" value=household.id/>
                                <Field feedback name="unit_label" label="household-unit" required=true maxlength=100
                                    initial=household.unit_label.clone()/>
                                <BuildingSelect buildings=household.buildings.clone() selected=household.building_id/>
                                <Field feedback name="max_occupants" label="household-max" kind="number" required=true
                                    initial=household.max_occupants.to_string()/>
                                <button type="submit" class="button button--secondary">{i18n.t("household-save")}</button>
                            </ActionForm>
                        </section>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let feedback = Feedback::from_address(ImportHouseholds::PATH);
    let query = use_query_map();
    let report = move || {
        query.with(|q| {
            (q.get("ok").as_deref() == Some("imported")).then(|| {
                let n = |key: &str| q.get(key).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
                (n("created"), n("updated"), n("unchanged"), n("buildings"))
            })
        })
    };
    let file_errors = move || {
        feedback
            .error()
            .and_then(|e| e.form().cloned())
            .map(|form| form.all_for("file").into_iter().map(|e| i18n.t_args(&e.message, &e.args)).collect::<Vec<_>>())
    };
    view! {
        <Title text=i18n.t("import-title")/>
        <div class="page page--narrow">
            <p><a href="/gestion">{i18n.t("back-office-back")}</a></p>
            <h1>{i18n.t("import-title")}</h1>
            {move || report().map(|(created, updated, unchanged, buildings)| view! {
                <div class="notice notice--success" role="status">
                    <p>
                        {i18n.t_with(
                            "import-done",
                            &[
                                ("created", created.into()),
                                ("updated", updated.into()),
                                ("unchanged", unchanged.into()),
                                ("buildings", buildings.into()),
                            ],
                        )}
                    </p>
                </div>
            })}
            {move || feedback.error().filter(|e| e.form().is_none()).map(|error| view! {
                <div class="notice notice--error" role="alert"><p>{crate::components::form::error_text(&error)}</p></div>
            })}
            {move || file_errors().map(|errors| view! {
                <div class="notice notice--error" role="alert" id="field-file-errors">
                    <h2 class="notice__title">{i18n.t("import-failed")}</h2>
                    <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            })}
            <p>{i18n.t("import-body")}</p>
            <pre class="example">"residence;batiment;logement;bail;occupants_max\nRésidence Les Tilleuls;Bâtiment A;Logement A01;TIL-A01;4"</pre>
            <form class="form" method="post" action=ImportHouseholds::PATH enctype="multipart/form-data">
                <input type="hidden" name="organisation_id" value=move || organisation.get().unwrap_or_default()/>
                <div class="field">
                    <label for="field-file">{i18n.t("import-file")}</label>
                    <span class="field__hint" id="field-file-hint">{i18n.t("import-file-hint")}</span>
                    <input type="file" id="field-file" name="file" accept=".csv,text/csv" required=true
                        aria-describedby="field-file-hint"/>
                </div>
                <button type="submit" class="button">{i18n.t("import-submit")}</button>
            </form>
        </div>
    }
}
