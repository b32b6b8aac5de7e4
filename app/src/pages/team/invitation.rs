//! `/invitation?jeton=…`: joining a team from an invitation email, with the
//! signed-in account, after signing in, or with a new account.

use super::role_label;
use crate::api::team::accept_invitation::AcceptInvitation;
use crate::api::team::accept_invitation_new_account::AcceptInvitationNewAccount;
use crate::api::team::invitation_info::get_invitation_info;
use crate::components::form::{ErrorSummary, Feedback, Field, PostForm};
use crate::components::page::{Loaded, query};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use palier_domain::form::Rule;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = query("jeton").unwrap_or_default();
    let load = {
        let token = token.clone();
        move || get_invitation_info(palier_domain::Secret::new(token.clone()))
    };
    view! {
        <Title text=i18n.t("invitation-title")/>
        <div class="page page--narrow">
            <h1>{i18n.t("invitation-title")}</h1>
            <Loaded load view=move |info| {
                let Some((invitation, signed_in)) = info else {
                    return view! { <p class="notice notice--error" role="alert">{i18n.t("invitation-invalid")}</p> }.into_any();
                };
                let intro = i18n.t_with(
                    "invitation-body",
                    &[("organisation", invitation.organisation.clone().into()), ("role", role_label(i18n, invitation.role).into())],
                );
                let form = if signed_in {
                    view! {
                        <ErrorSummary feedback={Feedback::of::<AcceptInvitation>()}/>
                        <form method="post" action=AcceptInvitation::PATH>
                            <input type="hidden" name="token" value=token.clone()/>
                            <button type="submit" class="button">{i18n.t("invitation-accept")}</button>
                        </form>
                    }
                    .into_any()
                } else if invitation.account_exists {
                    let back = format!("/connexion?retour=/invitation%3Fjeton%3D{token}");
                    view! {
                        <p>{i18n.t("invitation-sign-in-first")}</p>
                        <a class="button" href=back>{i18n.t("nav-sign-in")}</a>
                    }
                    .into_any()
                } else {
                    let feedback = Feedback::of::<AcceptInvitationNewAccount>();
                    let (token, email) = (token.clone(), invitation.email.clone());
                    view! {
                        <p>{i18n.t("invitation-create-account")}</p>
                        <PostForm action=AcceptInvitationNewAccount::PATH feedback>
                            <input type="hidden" name="token" value=token/>
                            <p>{i18n.t_with("account-email-current", &[("email", email.into())])}</p>
                            <Field feedback name="display_name" label="field-display-name" autocomplete="name"
                                required=true rule=Rule::DisplayName maxlength=60/>
                            <Field feedback name="password" label="field-password" hint="field-new-password-hint"
                                kind="password" autocomplete="new-password" required=true rule=Rule::NewPassword/>
                            <button type="submit" class="button">{i18n.t("invitation-accept")}</button>
                        </PostForm>
                    }
                    .into_any()
                };
                view! {
                    <p class="lead">{intro}</p>
                    {form}
                }
                .into_any()
            }/>
        </div>
    }
}
