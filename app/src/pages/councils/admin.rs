//! `/gestion/organisations/{org}/conseils`: an organisation's councils, and
//! setting up a new one (its staff).

use crate::api::councils::admin::councils_admin;
use crate::api::councils::council_path;
use crate::api::councils::create::CreateCouncil;
use crate::components::form::{Feedback, Field, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::councils::CouncilKind;
use palier_domain::form::Rule;
use palier_domain::ids::{OrganisationId, ResidenceId};
use strum::VariantArray as _;

#[component]
pub fn CouncilsAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    view! {
        <Loaded load=move || with_id(organisation, councils_admin) view=move |page| {
            let feedback = Feedback::of::<CreateCouncil>();
            let kinds: Vec<(String, String)> = CouncilKind::VARIANTS
                .iter()
                .map(|k| (k.code().to_owned(), i18n.t_code("council-kind", k.code())))
                .collect();
            let kept: Vec<ResidenceId> = feedback.values("residences").iter().filter_map(|v| v.parse().ok()).collect();
            view! {
                <Title text=i18n.t("councils-admin-title")/>
                <div class="page page--narrow">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {page.organisation.clone()}</p>
                    <h1>{i18n.t("councils-admin-title")}</h1>
                    <p class="lead">{i18n.t("councils-admin-intro")}</p>
                    {page.councils.is_empty().then(|| view! { <p>{i18n.t("councils-none")}</p> })}
                    <ul class="card-list">
                        {page.councils.iter().map(|c| {
                            let covers = if c.residences.is_empty() {
                                i18n.t("council-covers-all")
                            } else {
                                c.residences.join(", ")
                            };
                            view! {
                                <li class="card">
                                    <h2><a href=council_path(c.id)>{c.name.clone()}</a></h2>
                                    <p><span class="badge">{i18n.t_code("council-kind", c.kind.code())}</span> " " {covers}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <section class="card" aria-labelledby="new-council">
                        <h2 id="new-council">{i18n.t("council-new")}</h2>
                        <PostForm action=CreateCouncil::PATH feedback>
                            <input type="hidden" name="organisation_id" value=page.organisation_id.to_string()/>
                            <Field feedback name="name" label="council-name" hint="council-name-hint" required=true
                                maxlength=150 rule=Rule::CouncilName/>
                            <Field feedback name="kind" label="council-kind" kind="radio" choices=kinds
                                initial=CouncilKind::Ccl.code()/>
                            <fieldset class="field" id=feedback.field_id("residences")>
                                <legend>{i18n.t("council-residences")}</legend>
                                <span class="field__hint">{i18n.t("council-residences-hint")}</span>
                                {feedback.field_error("residences").map(|e| view! { <p class="field__error">{i18n.t(&e)}</p> })}
                                {page.residences.iter().map(|(id, name)| {
                                    let rid = format!("council-residence-{id}");
                                    view! {
                                        <div class="choice">
                                            <input type="checkbox" id=rid.clone() name="residences[]" value=id.to_string()
                                                checked=kept.contains(id)/>
                                            <label for=rid>{name.clone()}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </fieldset>
                            <Field feedback name="description" label="council-description" hint="council-description-hint"
                                rows=4 maxlength=2000 rule=Rule::ShortText/>
                            <button type="submit" class="button">{i18n.t("council-create")}</button>
                        </PostForm>
                    </section>
                </div>
            }
        }/>
    }
}
