//! An organisation's team and audit log; accepting an invitation; the
//! platform's organisations.

use crate::api::platform::{CreateOrganisation, list_organisations};
use crate::api::team::{
    AcceptInvitation, AcceptInvitationNewAccount, ChangeRole, InviteStaff, RemoveMember, RevokeInvitation, audit_log,
    get_invitation_info, get_team,
};
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice};
use crate::components::page::{PageError, Pager, id_param, page_param};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use palier_domain::form::Rule;

fn role_label(role: &str) -> &'static str {
    if role == "admin" { "role-admin" } else { "role-staff" }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let invite = ServerAction::<InviteStaff>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let change = ServerAction::<ChangeRole>::new();
    let remove = ServerAction::<RemoveMember>::new();
    let data = Resource::new(
        move || {
            (
                organisation.get(),
                invite.version().get(),
                revoke.version().get(),
                change.version().get(),
                remove.version().get(),
            )
        },
        |(organisation, ..)| async move {
            match organisation {
                Some(id) => get_team(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let team = match data.await {
                    Ok(team) => team,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let invite_feedback = Feedback::of(invite);
                let change_feedback = Feedback::of(change);
                let remove_feedback = Feedback::of(remove);
                let org = team.organisation_id;
                view! {
                    <Title text=i18n.t("team-title")/>
                    <div class="page">
                        <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {team.organisation.clone()}</p>
                        <h1>{i18n.t("team-title")}</h1>
                        <OkNotice known=&["invited", "invitation-revoked", "role-changed", "member-removed"]/>
                        <ErrorSummary feedback=change_feedback/>
                        <ErrorSummary feedback=remove_feedback/>
                        <section class="card" aria-labelledby="members">
                            <h2 id="members">{i18n.t("team-members")}</h2>
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t("team-name")}</th>
                                            <th scope="col">{i18n.t("field-email")}</th>
                                            <th scope="col">{i18n.t("team-role")}</th>
                                            <th scope="col">{i18n.t("team-actions")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {team.members.into_iter().map(|m| {
                                            let other_role = if m.role == "admin" { "staff" } else { "admin" };
                                            let change_label = if m.role == "admin" { "team-make-staff" } else { "team-make-admin" };
                                            let (name_1, name_2) = (m.display_name.clone(), m.display_name.clone());
                                            view! {
                                                <tr>
                                                    <th scope="row">{m.display_name.clone()}</th>
                                                    <td>{m.email.clone()}</td>
                                                    <td>{i18n.t(role_label(&m.role))}</td>
                                                    <td>
                                                        <div class="inline-actions">
                                                            <ActionForm action=change>
                                                                <input type="hidden" name="organisation_id" value=org/>
                                                                <input type="hidden" name="user_id" value=m.user_id/>
                                                                <input type="hidden" name="role" value=other_role/>
                                                                <button type="submit" class="button button--secondary">
                                                                    {i18n.t(change_label)}
                                                                    <span class="visually-hidden">" " {name_1}</span>
                                                                </button>
                                                            </ActionForm>
                                                            <ActionForm action=remove>
                                                                <input type="hidden" name="organisation_id" value=org/>
                                                                <input type="hidden" name="user_id" value=m.user_id/>
                                                                <button type="submit" class="button button--secondary">
                                                                    {i18n.t("team-remove")}
                                                                    <span class="visually-hidden">" " {name_2}</span>
                                                                </button>
                                                            </ActionForm>
                                                        </div>
                                                    </td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </section>
                        <section class="card" aria-labelledby="invite">
                            <h2 id="invite">{i18n.t("team-invite")}</h2>
                            <ErrorSummary feedback=invite_feedback/>
                            <ActionForm action=invite attr:class="form" attr:novalidate=true>
                                <input type="hidden" name="organisation_id" value=org/>
                                <Field feedback=invite_feedback name="email" label="field-email" kind="email" required=true rule=Rule::Email/>
                                <div class="field">
                                    <label for="field-role">{i18n.t("team-role")}</label>
                                    <select id="field-role" name="role">
                                        <option value="staff" selected=true>{i18n.t("role-staff")}</option>
                                        <option value="admin">{i18n.t("role-admin")}</option>
                                    </select>
                                </div>
                                <button type="submit" class="button">{i18n.t("team-invite-submit")}</button>
                            </ActionForm>
                            {(!team.invitations.is_empty()).then(|| view! {
                                <h3>{i18n.t("team-pending")}</h3>
                                <ul class="session-list">
                                    {team.invitations.into_iter().map(|i| view! {
                                        <li class="session-list__item">
                                            <p><strong>{i.email.clone()}</strong> " — " {i18n.t(role_label(&i.role))}</p>
                                            <p class="field__hint">{i18n.t_with("team-expires", &[("when", i.expires.clone().into())])}</p>
                                            <ActionForm action=revoke>
                                                <input type="hidden" name="organisation_id" value=org/>
                                                <input type="hidden" name="invitation_id" value=i.id/>
                                                <button type="submit" class="button button--secondary">{i18n.t("team-revoke")}</button>
                                            </ActionForm>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            })}
                        </section>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = id_param("org");
    let page = page_param();
    let data = Resource::new(
        move || (organisation.get(), page.get()),
        |(organisation, page)| async move {
            match organisation {
                Some(id) => audit_log(id, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                let log = match data.await {
                    Ok(log) => log,
                    Err(error) => return view! { <PageError error/> }.into_any(),
                };
                let base = format!("/gestion/organisations/{}/journal", organisation.get_untracked().unwrap_or_default());
                view! {
                    <Title text=i18n.t("audit-title")/>
                    <div class="page">
                        <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {log.organisation.clone()}</p>
                        <h1>{i18n.t("audit-title")}</h1>
                        <p>{i18n.t("audit-body")}</p>
                        <div class="table-wrap">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{i18n.t("audit-when")}</th>
                                        <th scope="col">{i18n.t("audit-who")}</th>
                                        <th scope="col">{i18n.t("audit-what")}</th>
                                        <th scope="col">{i18n.t("audit-details")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {log.lines.into_iter().map(|line| {
                                        let action_id = format!("audit-action-{}", line.action.replace(['.', '_'], "-"));
                                        let details = line.details.iter().map(|(k, v)| format!("{k} : {v}")).collect::<Vec<_>>().join(" · ");
                                        view! {
                                            <tr>
                                                <td>{line.when}</td>
                                                <td>{line.actor.unwrap_or_else(|| i18n.t("audit-system"))}</td>
                                                <td>{i18n.t(&action_id)}</td>
                                                <td>{details}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <Pager base page=log.page pages=log.pages/>
                    </div>
                }
                    .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = Memo::new(move |_| query.with(|q| q.get("jeton").unwrap_or_default()));
    let accept = ServerAction::<AcceptInvitation>::new();
    let create = ServerAction::<AcceptInvitationNewAccount>::new();
    let info = Resource::new(move || token.get(), get_invitation_info);
    view! {
        <Title text=i18n.t("invitation-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("invitation-title")}</h1>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let Ok(Some(invitation)) = info.await else {
                        return view! { <p class="notice notice--error" role="alert">{i18n.t("invitation-invalid")}</p> }.into_any();
                    };
                    let accept_feedback = Feedback::of(accept);
                    let create_feedback = Feedback::of(create);
                    let intro = i18n.t_with(
                        "invitation-body",
                        &[("organisation", invitation.organisation.clone().into()), ("role", i18n.t(role_label(&invitation.role)).into())],
                    );
                    let form = if invitation.signed_in {
                        view! {
                            <ErrorSummary feedback=accept_feedback/>
                            <form method="post" action=AcceptInvitation::PATH>
                                <input type="hidden" name="token" value=token/>
                                <button type="submit" class="button">{i18n.t("invitation-accept")}</button>
                            </form>
                        }
                            .into_any()
                    } else if invitation.account_exists {
                        let back = format!("/connexion?retour=/invitation%3Fjeton%3D{}", token.get_untracked());
                        view! {
                            <p>{i18n.t("invitation-sign-in-first")}</p>
                            <a class="button" href=back>{i18n.t("nav-sign-in")}</a>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p>{i18n.t("invitation-create-account")}</p>
                            <ErrorSummary feedback=create_feedback/>
                            <form class="form" method="post" action=AcceptInvitationNewAccount::PATH novalidate>
                                <input type="hidden" name="token" value=token/>
                                <p>{i18n.t_with("account-email-current", &[("email", invitation.email.clone().into())])}</p>
                                <Field feedback=create_feedback name="display_name" label="field-display-name" autocomplete="name"
                                    required=true rule=Rule::DisplayName maxlength=60/>
                                <Field feedback=create_feedback name="password" label="field-password" hint="field-new-password-hint"
                                    kind="password" autocomplete="new-password" required=true rule=Rule::NewPassword/>
                                <button type="submit" class="button">{i18n.t("invitation-accept")}</button>
                            </form>
                        }
                            .into_any()
                    };
                    view! {
                        <p class="lead">{intro}</p>
                        {form}
                    }
                        .into_any()
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn PlatformPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateOrganisation>::new();
    let data = Resource::new(move || create.version().get(), |_| list_organisations());
    let feedback = Feedback::of(create);
    view! {
        <Title text=i18n.t("platform-title")/>
        <div class="page">
            <h1>{i18n.t("platform-title")}</h1>
            <OkNotice known=&["organisation-created"]/>
            <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(error) => view! { <PageError error/> }.into_any(),
                        Ok(rows) => view! {
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
                                <ErrorSummary feedback/>
                                <ActionForm action=create attr:class="form" attr:novalidate=true>
                                    <Field feedback name="name" label="platform-org-name" required=true maxlength=200/>
                                    <Field feedback name="slug" label="platform-org-slug" hint="platform-org-slug-hint" required=true maxlength=64/>
                                    <Field feedback name="admin_email" label="platform-org-admin" hint="platform-org-admin-hint"
                                        kind="email" required=true rule=Rule::Email/>
                                    <button type="submit" class="button">{i18n.t("platform-create")}</button>
                                </ActionForm>
                            </section>
                        }
                            .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
