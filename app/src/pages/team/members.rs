//! `/gestion/organisations/{org}/equipe`: the team, its roles, invitations.

use super::role_label;
use crate::api::team::change_role::ChangeRole;
use crate::api::team::invite_staff::InviteStaff;
use crate::api::team::remove_member::RemoveMember;
use crate::api::team::revoke_invitation::RevokeInvitation;
use crate::api::team::team_view::get_team;
use crate::components::form::{ErrorSummary, Feedback, Field, OkNotice, PostForm};
use crate::components::page::{Loaded, param, with_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;
use palier_domain::ids::OrganisationId;
use palier_domain::team::OrgRole;

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let organisation = param::<OrganisationId>("org");
    view! {
        <Loaded load=move || with_id(organisation, get_team) view=move |team| {
            let invite_feedback = Feedback::of::<InviteStaff>();
            let org = team.organisation_id.to_string();
            let org_invite = org.clone();
            view! {
                <Title text=i18n.t("team-title")/>
                <div class="page">
                    <p><a href="/gestion">{i18n.t("back-office-back")}</a> " · " {team.organisation.clone()}</p>
                    <h1>{i18n.t("team-title")}</h1>
                    <OkNotice known=&["invited", "invitation-revoked", "role-changed", "member-removed"]/>
                    <ErrorSummary feedback={Feedback::of::<ChangeRole>()}/>
                    <ErrorSummary feedback={Feedback::of::<RemoveMember>()}/>
                    <section class="card" aria-labelledby="members">
                        <h2 id="members">{i18n.t("team-members")}</h2>
                        <div class="table-wrap">
                            <table class="stack">
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
                                        let (other, change_label) = match m.role {
                                            OrgRole::Admin => (OrgRole::Staff, "team-make-staff"),
                                            OrgRole::Staff => (OrgRole::Admin, "team-make-admin"),
                                        };
                                        let (name_1, name_2) = (m.display_name.clone(), m.display_name.clone());
                                        let (user, org_1, org_2) = (m.user_id.to_string(), org.clone(), org.clone());
                                        view! {
                                            <tr>
                                                <th scope="row">{m.display_name.clone()}</th>
                                                <td data-label=i18n.t("field-email")>{m.email.clone()}</td>
                                                <td data-label=i18n.t("team-role")>{role_label(i18n, m.role)}</td>
                                                <td>
                                                    <div class="inline-actions">
                                                        <form method="post" action=ChangeRole::PATH>
                                                            <input type="hidden" name="organisation_id" value=org_1/>
                                                            <input type="hidden" name="user_id" value=user.clone()/>
                                                            <input type="hidden" name="role" value=other.code()/>
                                                            <button type="submit" class="button button--secondary">
                                                                {i18n.t(change_label)}
                                                                <span class="visually-hidden">" " {name_1}</span>
                                                            </button>
                                                        </form>
                                                        <form method="post" action=RemoveMember::PATH>
                                                            <input type="hidden" name="organisation_id" value=org_2/>
                                                            <input type="hidden" name="user_id" value=user/>
                                                            <button type="submit" class="button button--secondary">
                                                                {i18n.t("team-remove")}
                                                                <span class="visually-hidden">" " {name_2}</span>
                                                            </button>
                                                        </form>
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
                        <PostForm action=InviteStaff::PATH feedback=invite_feedback>
                            <input type="hidden" name="organisation_id" value=org_invite/>
                            <Field feedback=invite_feedback name="email" label="field-email" kind="email" required=true rule=Rule::Email/>
                            <Field feedback=invite_feedback name="role" label="team-role" required=true
                                rule=Rule::Required initial=OrgRole::Staff.code()
                                choices=[OrgRole::Staff, OrgRole::Admin]
                                    .map(|role| (role.code().to_owned(), role_label(i18n, role)))
                                    .to_vec()/>
                            <button type="submit" class="button">{i18n.t("team-invite-submit")}</button>
                        </PostForm>
                        {(!team.invitations.is_empty()).then(|| view! {
                            <h3>{i18n.t("team-pending")}</h3>
                            <ul class="session-list">
                                {team.invitations.into_iter().map(|i| view! {
                                    <li class="session-list__item">
                                        <p><strong>{i.email.clone()}</strong> " — " {role_label(i18n, i.role)}</p>
                                        <p class="field__hint">{i18n.t_with("team-expires", &[("when", i18n.datetime(i.expires_at).into())])}</p>
                                        <form method="post" action=RevokeInvitation::PATH>
                                            <input type="hidden" name="organisation_id" value=org.clone()/>
                                            <input type="hidden" name="invitation_id" value=i.id.to_string()/>
                                            <button type="submit" class="button button--secondary">{i18n.t("team-revoke")}</button>
                                        </form>
                                    </li>
                                }).collect_view()}
                            </ul>
                        })}
                    </section>
                </div>
            }
        }/>
    }
}
