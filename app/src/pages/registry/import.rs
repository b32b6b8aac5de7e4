//! `/gestion/organisations/{org}/import`: households from the landlord's
//! spreadsheet, all or nothing, every bad line named.

use crate::api::registry::import_households::ImportHouseholds;
use crate::components::files::ImportFileField;
use crate::components::form::Feedback;
use crate::components::page::{param, query};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::ids::OrganisationId;

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org").map(|o| o.to_string()).unwrap_or_default();
    let feedback = Feedback::of::<ImportHouseholds>();
    let report = (query("ok").as_deref() == Some("imported")).then(|| {
        let n = |key: &'static str| query(key).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        (n("created"), n("updated"), n("unchanged"), n("buildings"))
    });
    let file_errors = feedback
        .error()
        .and_then(|e| e.form().cloned())
        .map(|form| form.all_for("file").into_iter().map(|e| i18n.t_args(&e.message, &e.args)).collect::<Vec<_>>());
    view! {
        <Title text=i18n.t("import-title")/>
        <div class="page page--narrow">
            <p><a href="/gestion">{i18n.t("back-office-back")}</a></p>
            <h1>{i18n.t("import-title")}</h1>
            {report.map(|(created, updated, unchanged, buildings)| view! {
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
            {feedback.error().filter(|e| e.form().is_none()).map(|error| view! {
                <div class="notice notice--error" role="alert"><p>{crate::components::form::error_text(&error)}</p></div>
            })}
            {file_errors.map(|errors| view! {
                <div class="notice notice--error" role="alert" id="field-file-errors">
                    <h2 class="notice__title">{i18n.t("import-failed")}</h2>
                    <ul>{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            })}
            <p>{i18n.t("import-body")}</p>
            <pre class="example">"residence;batiment;logement;bail;occupants_max\nRésidence Les Tilleuls;Bâtiment A;Logement A01;TIL-A01;4"</pre>
            <form class="form" method="post" action=ImportHouseholds::PATH enctype="multipart/form-data" novalidate>
                <input type="hidden" name="organisation_id" value=organisation/>
                <ImportFileField feedback name="file" label="import-file" hint="import-file-hint" accept=".csv,text/csv"/>
                <button type="submit" class="button">{i18n.t("import-submit")}</button>
            </form>
        </div>
    }
}
