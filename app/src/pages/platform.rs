//! `/admin`: the organisations the platform hosts, and a new one.

use crate::api::platform::{CreateOrganisation, list_organisations};
use crate::components::form::{Feedback, Field, OkNotice, PostForm};
use crate::components::page::Loaded;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn PlatformPage() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<CreateOrganisation>();
    view! {
        <Title text=i18n.t("platform-title")/>
        <div class="page">
            <h1>{i18n.t("platform-title")}</h1>
            <OkNotice known=&["organisation-created"]/>
            <Loaded load=list_organisations view=move |rows| view! {
                <section class="card" aria-labelledby="organisations">
                    <h2 id="organisations">{i18n.t("platform-organisations")}</h2>
                    <ul>
                        {rows.into_iter().map(|o| view! {
                            <li>
                                <strong>{o.name}</strong> " (" {o.slug} ") — "
                                {i18n.t_with("platform-residences", &[("count", o.residences.into())])}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <section class="card" aria-labelledby="new-organisation">
                    <h2 id="new-organisation">{i18n.t("platform-new")}</h2>
                    <PostForm action=CreateOrganisation::PATH feedback>
                        <Field feedback name="name" label="platform-org-name" required=true maxlength=200 rule=Rule::OrganisationName/>
                        <Field feedback name="slug" label="platform-org-slug" hint="platform-org-slug-hint" required=true
                            maxlength=64 rule=Rule::Slug/>
                        <Field feedback name="admin_email" label="platform-org-admin" hint="platform-org-admin-hint"
                            kind="email" required=true rule=Rule::Email/>
                        <button type="submit" class="button">{i18n.t("platform-create")}</button>
                    </PostForm>
                </section>
            }/>
        </div>
    }
}
