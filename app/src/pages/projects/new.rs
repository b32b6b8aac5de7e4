//! `/projets/nouveau`: proposing a project — a tenant's draft, which its
//! page shows with the neighbours' projects that look alike before it is
//! published; or staff entering one for a tenant who called or came.

use super::fields::ProjectFields;
use crate::api::projects::new_page::proposal_form;
use crate::api::projects::propose::ProposeProject;
use crate::components::form::{ErrorSummary, Feedback, Field};
use crate::components::page::Loaded;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::projects::{Channel, NewProjectPage};

#[component]
pub fn NewProjectPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("project-new-title")/>
        <div class="page page--narrow">
            <p><a href="/projets">{i18n.t("projects-back")}</a></p>
            <h1>{i18n.t("project-new-title")}</h1>
            <Loaded load=proposal_form view=move |page| view! { <ProposalForm page/> }/>
        </div>
    }
}

#[component]
fn ProposalForm(page: NewProjectPage) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = Feedback::of::<ProposeProject>();
    let single = page.places.len() == 1;
    let residences = page.places.iter().map(|(id, name, _)| (id.to_string(), name.clone())).collect::<Vec<_>>();
    // The buildings of the residence, when there is one to choose from.
    let buildings = if single { page.places[0].2.clone() } else { Vec::new() };
    let residence = if single {
        view! { <input type="hidden" name="residence_id" value=residences[0].0.clone()/> }.into_any()
    } else {
        view! {
            <Field feedback name="residence_id" label="project-residence" required=true choices=residences
                placeholder="project-residence-choose" rule=Rule::Required/>
        }
        .into_any()
    };
    let on_behalf = page.on_behalf.then(|| {
        let channels = [Channel::Phone, Channel::Lodge, Channel::Paper]
            .map(|c| (c.code().to_owned(), i18n.t_code("project-channel", c.code())))
            .to_vec();
        view! {
            <section class="card" aria-labelledby="on-behalf">
                <h2 id="on-behalf">{i18n.t("project-on-behalf")}</h2>
                <p>{i18n.t("project-on-behalf-body")}</p>
                <input type="hidden" name="on_behalf" value="1"/>
                <Field feedback name="lease_ref" label="project-lease" hint="project-lease-hint" required=true
                    maxlength=64 rule=Rule::LeaseRef/>
                <Field feedback name="channel" label="project-channel" kind="radio" choices=channels
                    initial=Channel::Phone.code()/>
            </section>
        }
    });
    let submit = if page.on_behalf { "project-record-submit" } else { "project-draft-submit" };
    view! {
        <p class="lead">{i18n.t(if page.on_behalf { "project-new-staff-intro" } else { "project-new-intro" })}</p>
        {feedback.refused().then(|| view! { <p class="notice notice--warning">{i18n.t("project-photos-again")}</p> })}
        <ErrorSummary feedback/>
        <form class="form" method="post" action=ProposeProject::PATH enctype="multipart/form-data" novalidate>
            {residence}
            {on_behalf}
            <ProjectFields feedback categories=page.categories.clone() buildings/>
            <button type="submit" class="button">{i18n.t(submit)}</button>
        </form>
    }
}
