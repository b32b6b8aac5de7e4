//! `/projets/{id}/modifier`: the author rewrites their project while it is
//! a draft or nobody supports it yet; photos can be added or taken off.

use super::fields::{Current, ProjectFields};
use crate::api::projects::get::get_project;
use crate::api::projects::new_page::proposal_form;
use crate::api::projects::remove_photo::RemovePhoto;
use crate::api::projects::rewrite::RewriteProject;
use crate::components::form::{ErrorSummary, Feedback, OkNotice};
use crate::components::page::{Loaded, PageError, param, with_id};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::attachments::Variant;
use palier_domain::ids::ProjectId;

#[component]
pub fn EditProjectPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = param::<ProjectId>("id");
    let load = move || async move {
        let project = with_id(id, get_project).await?;
        let form = proposal_form().await?;
        Ok::<_, AppError>((project, form))
    };
    view! {
        <Loaded load view=move |(project, form)| {
            let Some(description) = project.description.clone() else {
                return view! { <PageError error=AppError::Forbidden/> }.into_any();
            };
            let feedback = Feedback::of::<RewriteProject>();
            let buildings = form
                .places
                .iter()
                .find(|(residence, _, _)| *residence == project.residence_id)
                .map(|(_, _, buildings)| buildings.clone())
                .unwrap_or_default();
            let current = Current {
                category: project.category_id.to_string(),
                building: project.building_id.map(|b| b.to_string()).unwrap_or_default(),
                title: project.title.clone(),
                description,
                cost: project.estimated_cost.map(|c| c.to_string()).unwrap_or_default(),
                needs: project.needs.clone(),
            };
            let id = project.id.to_string();
            view! {
                <Title text=i18n.t("project-edit-title")/>
                <div class="page page--narrow">
                    <p><a href=format!("/projets/{id}")>{i18n.t("project-back")}</a></p>
                    <h1>{i18n.t("project-edit-title")}</h1>
                    <OkNotice known=&["photo-removed"]/>
                    <p class="lead">{i18n.t("project-edit-intro")}</p>
                    {feedback.refused().then(|| view! { <p class="notice notice--warning">{i18n.t("project-photos-again")}</p> })}
                    <ErrorSummary feedback/>
                    <form class="form" method="post" action=RewriteProject::PATH enctype="multipart/form-data" novalidate>
                        <input type="hidden" name="id" value=id.clone()/>
                        <input type="hidden" name="residence_id" value=project.residence_id.to_string()/>
                        <ProjectFields feedback categories=form.categories.clone() buildings current photos=project.photos.len()/>
                        <button type="submit" class="button">{i18n.t("project-save")}</button>
                    </form>
                    {(!project.photos.is_empty()).then(|| view! {
                        <section class="card" aria-labelledby="photos-title">
                            <h2 id="photos-title">{i18n.t("project-photos")}</h2>
                            <ul class="photos">
                                {project.photos.iter().enumerate().map(|(n, photo)| view! {
                                    <li>
                                        <img src=photo.url(Variant::Thumb)
                                            alt=i18n.t_with("project-photo", &[("number", (n + 1).into())])
                                            width="160" height="120"/>
                                        <form method="post" action=RemovePhoto::PATH>
                                            <input type="hidden" name="id" value=id.clone()/>
                                            <input type="hidden" name="photo" value=photo.id.to_string()/>
                                            <button type="submit" class="button button--quiet">{i18n.t("project-photo-remove")}</button>
                                        </form>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                </div>
            }
            .into_any()
        }/>
    }
}
