//! The permission matrix: every server function (and download), called by
//! every role, is allowed or refused exactly as the policy says. A server
//! function that is not in the table fails the test, so a new one cannot be
//! added without deciding who may call it.

use crate::helpers::spawn_app;
use crate::world::{ROLES, Role, World};
use std::collections::BTreeSet;

/// Who may call a server function.
#[derive(Debug, Clone, Copy)]
enum Access {
    /// Anyone (it is protected by a token or credentials, not by a role).
    Public,
    /// Anyone signed in (on their own data, which the account tests check).
    SignedIn,
    /// Only these roles.
    Only(&'static [Role]),
}

use Role::*;

const REGISTRY_1: Access = Access::Only(&[Staff1, Admin1, Platform]);
const ADMIN_1: Access = Access::Only(&[Admin1, Platform]);
/// Those who see the consultation open for residence A: its tenants and organisation 1's staff.
const AUDIENCE_A: Access = Access::Only(&[TenantA, Staff1, Admin1, Platform]);
/// Tenant A, the author of the world's project and comment.
const AUTHOR_A: Access = Access::Only(&[TenantA]);
/// Those who act for the world's council: its secretary (tenant A) and organisation 1's staff.
const ACTS_FOR_COUNCIL: Access = Access::Only(&[TenantA, Staff1, Admin1, Platform]);
/// The world council's members: tenant A (secretary) and tenant B.
const COUNCIL_MEMBERS: Access = Access::Only(&[TenantA, TenantB]);
/// The open consultation's only question (its id is 3 in every world: the draft's two come first).
const ANSWER_FIELD: &str = "answers[q3][]";

fn settings_fields(mut fields: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
    fields.extend([
        ("title", "Nouvelle consultation".to_owned()),
        ("summary", String::new()),
        ("body", String::new()),
        ("scope", "organisation".to_owned()),
        ("unit", "household".to_owned()),
        ("opens_at", "2099-01-01T10:00".to_owned()),
        ("closes_at", "2099-01-08T10:00".to_owned()),
        ("visibility", "after_close".to_owned()),
        ("quorum", String::new()),
    ]);
    fields
}

pub(crate) struct Case {
    pub(crate) path: &'static str,
    access: Access,
    pub(crate) fields: fn(&World) -> Vec<(&'static str, String)>,
}

fn none(_: &World) -> Vec<(&'static str, String)> {
    Vec::new()
}

pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case { path: "/api/shell_info", access: Access::Public, fields: none },
        Case { path: "/api/dashboard", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/set_locale",
            access: Access::Public,
            fields: |_| vec![("locale", "en".into()), ("redirect_to", "/".into())],
        },
        Case {
            path: "/api/accounts/register",
            access: Access::Public,
            fields: |_| vec![("display_name", "X".into()), ("email", "bad".into()), ("password", "short".into())],
        },
        Case {
            path: "/api/accounts/verify_email",
            access: Access::Public,
            fields: |_| vec![("token", "0".repeat(64))],
        },
        Case {
            path: "/api/accounts/login",
            access: Access::Public,
            fields: |_| vec![("email", "nobody@example.org".into()), ("password", "not the password".into())],
        },
        Case { path: "/api/accounts/logout", access: Access::Public, fields: none },
        Case {
            path: "/api/accounts/request_password_reset",
            access: Access::Public,
            fields: |_| vec![("email", "bad".into())],
        },
        Case {
            path: "/api/accounts/reset_link_status",
            access: Access::Public,
            fields: |_| vec![("token", "0".repeat(64))],
        },
        Case {
            path: "/api/accounts/reset_password",
            access: Access::Public,
            fields: |_| vec![("token", "0".repeat(64)), ("password", "a brand new password".into())],
        },
        Case {
            path: "/api/accounts/confirm_email_change",
            access: Access::Public,
            fields: |_| vec![("token", "0".repeat(64))],
        },
        Case {
            path: "/api/accounts/change_password",
            access: Access::SignedIn,
            fields: |_| vec![("current_password", "wrong".into()), ("new_password", "a brand new password".into())],
        },
        Case { path: "/api/accounts/my_account", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/accounts/rename",
            access: Access::SignedIn,
            fields: |_| vec![("display_name", "Nouveau nom".into())],
        },
        Case {
            path: "/api/accounts/change_email",
            access: Access::SignedIn,
            fields: |_| vec![("new_email", "new@example.org".into()), ("password", "wrong".into())],
        },
        Case {
            path: "/api/accounts/delete_account",
            access: Access::SignedIn,
            fields: |_| vec![("password", "wrong".into())],
        },
        Case { path: "/api/accounts/my_sessions", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/accounts/revoke_session",
            access: Access::SignedIn,
            fields: |_| vec![("session_id", "999999".into())],
        },
        Case { path: "/api/accounts/revoke_other_sessions", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/registry/back_office",
            access: Access::Only(&[Staff1, Admin1, Staff2, Platform]),
            fields: none,
        },
        Case {
            path: "/api/registry/create_residence",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("organisation_id", w.org1.to_string()),
                    ("name", "Nouvelle".into()),
                    ("address", String::new()),
                    ("postcode", String::new()),
                    ("city", String::new()),
                ]
            },
        },
        Case {
            path: "/api/registry/update_residence",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("residence_id", w.residence_a.to_string()),
                    ("name", "Résidence A2".into()),
                    ("address", String::new()),
                    ("postcode", String::new()),
                    ("city", String::new()),
                ]
            },
        },
        Case {
            path: "/api/registry/create_building",
            access: REGISTRY_1,
            fields: |w| vec![("residence_id", w.residence_a.to_string()), ("name", "Bâtiment Z".into())],
        },
        Case {
            path: "/api/registry/residence_admin",
            access: REGISTRY_1,
            fields: |w| vec![("residence_id", w.residence_a.to_string()), ("page", "0".into())],
        },
        Case {
            path: "/api/registry/create_household",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("residence_id", w.residence_a.to_string()),
                    ("building_id", String::new()),
                    ("unit_label", "Logement Z".into()),
                    ("lease_ref", "Z-1".into()),
                    ("max_occupants", "4".into()),
                ]
            },
        },
        Case {
            path: "/api/registry/household_admin",
            access: REGISTRY_1,
            fields: |w| vec![("household_id", w.household_a1.to_string())],
        },
        Case {
            path: "/api/registry/update_household",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("household_id", w.household_a1.to_string()),
                    ("building_id", String::new()),
                    ("unit_label", "Logement A1 bis".into()),
                    ("max_occupants", "3".into()),
                ]
            },
        },
        Case {
            path: "/api/registry/remove_occupant",
            access: REGISTRY_1,
            fields: |w| vec![("household_id", w.household_a1.to_string()), ("user_id", w.tenant_a.to_string())],
        },
        Case {
            path: "/api/registry/join_household",
            access: Access::SignedIn,
            fields: |w| vec![("code", w.code_a2.to_string())],
        },
        Case { path: "/api/registry/my_homes", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/registry/residence_view",
            access: Access::Only(&[TenantA, Staff1, Admin1, Platform]),
            fields: |w| vec![("residence_id", w.residence_a.to_string())],
        },
        Case { path: "/api/team/get_team", access: ADMIN_1, fields: |w| vec![("organisation_id", w.org1.to_string())] },
        Case {
            path: "/api/registry/settings_view",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string())],
        },
        Case {
            path: "/api/registry/update_settings",
            access: ADMIN_1,
            fields: |w| {
                vec![
                    ("organisation_id", w.org1.to_string()),
                    ("code_validity_days", "60".into()),
                    ("support_unit", "household".into()),
                    ("threshold_kind", "supports".into()),
                    ("threshold", "10".into()),
                    ("answer_days", "30".into()),
                    ("report_threshold", "3".into()),
                ]
            },
        },
        Case {
            path: "/api/team/invite",
            access: ADMIN_1,
            fields: |w| {
                vec![
                    ("organisation_id", w.org1.to_string()),
                    ("email", "new.staff@example.org".into()),
                    ("role", "staff".into()),
                ]
            },
        },
        Case {
            path: "/api/team/revoke_invitation",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("invitation_id", w.invitation_id.to_string())],
        },
        Case {
            path: "/api/team/change_role",
            access: ADMIN_1,
            fields: |w| {
                vec![
                    ("organisation_id", w.org1.to_string()),
                    ("user_id", w.staff1.to_string()),
                    ("role", "admin".into()),
                ]
            },
        },
        Case {
            path: "/api/team/remove_member",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("user_id", w.staff1.to_string())],
        },
        Case {
            path: "/api/team/invitation_info",
            access: Access::Public,
            fields: |w| vec![("token", w.invitation_token.clone())],
        },
        Case {
            path: "/api/team/accept_invitation",
            access: Access::SignedIn,
            fields: |w| vec![("token", w.invitation_token.clone())],
        },
        Case {
            path: "/api/team/accept_invitation_new_account",
            access: Access::Public,
            fields: |w| {
                vec![
                    ("token", w.invitation_token.clone()),
                    ("display_name", "X".into()),
                    ("password", "a brand new password".into()),
                ]
            },
        },
        Case {
            path: "/api/team/audit_log",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("page", "0".into())],
        },
        Case { path: "/api/platform/organisations", access: Access::Only(&[Platform]), fields: none },
        Case { path: "/api/consultations/mine", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/consultations/get",
            access: AUDIENCE_A,
            fields: |w| vec![("id", w.open_consultation.to_string())],
        },
        Case {
            path: "/api/consultations/review",
            access: AUDIENCE_A,
            fields: |w| vec![("consultation_id", w.open_consultation.to_string())],
        },
        Case {
            path: "/api/consultations/take_receipt",
            access: Access::SignedIn,
            fields: |w| vec![("consultation_id", w.open_consultation.to_string())],
        },
        Case {
            path: "/api/consultations/results",
            access: AUDIENCE_A,
            fields: |w| vec![("id", w.open_consultation.to_string())],
        },
        Case {
            path: "/api/consultations/ballots",
            access: Access::Only(&[TenantA, TenantB, Staff1, Admin1, Platform]),
            fields: |w| vec![("id", w.closed_consultation.to_string()), ("page", "0".into())],
        },
        Case {
            path: "/api/consultations/admin_list",
            access: REGISTRY_1,
            fields: |w| vec![("organisation_id", w.org1.to_string())],
        },
        Case {
            path: "/api/consultations/places",
            access: REGISTRY_1,
            fields: |w| vec![("organisation_id", w.org1.to_string())],
        },
        Case {
            path: "/api/consultations/admin_get",
            access: REGISTRY_1,
            fields: |w| vec![("id", w.open_consultation.to_string())],
        },
        Case {
            path: "/api/consultations/create",
            access: REGISTRY_1,
            fields: |w| settings_fields(vec![("organisation_id", w.org1.to_string())]),
        },
        Case {
            path: "/api/consultations/update",
            access: REGISTRY_1,
            fields: |w| settings_fields(vec![("id", w.draft.to_string())]),
        },
        Case {
            path: "/api/consultations/transition",
            access: REGISTRY_1,
            fields: |w| vec![("id", w.draft.to_string()), ("action", "schedule".into())],
        },
        Case {
            path: "/api/consultations/extend",
            access: REGISTRY_1,
            fields: |w| vec![("id", w.open_consultation.to_string()), ("closes_at", "2099-01-01T12:00".into())],
        },
        Case {
            path: "/api/consultations/publish",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("id", w.closed_consultation.to_string()),
                    ("response", "Merci".into()),
                    ("decision", "adopted".into()),
                ]
            },
        },
        Case {
            path: "/api/consultations/add_question",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("consultation_id", w.draft.to_string()),
                    ("kind", "single".into()),
                    ("prompt", "Q ?".into()),
                    ("options", "a\nb".into()),
                ]
            },
        },
        Case {
            path: "/api/consultations/update_question",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("question_id", w.draft_question.to_string()),
                    ("kind", "single".into()),
                    ("prompt", "Q ?".into()),
                    ("options", "a\nb".into()),
                ]
            },
        },
        Case {
            path: "/api/consultations/question_action",
            access: REGISTRY_1,
            fields: |w| vec![("question_id", w.draft_question.to_string()), ("action", "down".into())],
        },
        Case {
            path: "/api/consultations/cast_ballot",
            access: AUDIENCE_A,
            fields: |w| {
                vec![("consultation_id", w.open_consultation.to_string()), (ANSWER_FIELD, w.open_option.to_string())]
            },
        },
        Case {
            path: "/api/consultations/record_paper_ballot",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("consultation_id", w.open_consultation.to_string()),
                    ("unit_id", w.household_a2.to_string()),
                    (ANSWER_FIELD, w.open_option.to_string()),
                ]
            },
        },
        Case { path: "/api/notifications/mine", access: Access::SignedIn, fields: |_| vec![("page", "0".into())] },
        Case {
            path: "/api/notifications/mark_read",
            access: Access::SignedIn,
            fields: |_| vec![("id", "999999".into())],
        },
        Case { path: "/api/notifications/mark_all_read", access: Access::SignedIn, fields: none },
        Case { path: "/api/notifications/preferences", access: Access::SignedIn, fields: none },
        Case {
            path: "/api/notifications/set_preferences",
            access: Access::SignedIn,
            fields: |_| vec![("modes[consultations]", "digest".into())],
        },
        Case {
            path: "/api/notifications/unsubscribe_info",
            access: Access::Public,
            fields: |_| vec![("token", "1-all-00".into())],
        },
        Case {
            path: "/api/notifications/unsubscribe",
            access: Access::Public,
            fields: |_| vec![("token", "1-all-00".into())],
        },
        Case {
            path: "/api/registry/add_category",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("label", "Mobilité".into())],
        },
        Case {
            path: "/api/registry/archive_category",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("category_id", "1".into())],
        },
        Case {
            path: "/api/registry/name_moderator",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("email", "tenant.a@example.org".into())],
        },
        Case {
            path: "/api/registry/remove_moderator",
            access: ADMIN_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("user_id", w.tenant_b.to_string())],
        },
        Case {
            path: "/api/councils/admin",
            access: REGISTRY_1,
            fields: |w| vec![("organisation_id", w.org1.to_string())],
        },
        Case {
            path: "/api/councils/create",
            access: REGISTRY_1,
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("name", "CCL".into()), ("kind", "ccl".into())],
        },
        Case { path: "/api/councils/get", access: Access::Public, fields: |w| vec![("id", w.council.to_string())] },
        Case {
            path: "/api/councils/meeting",
            access: Access::Public,
            fields: |w| vec![("council_id", w.council.to_string()), ("id", w.meeting.to_string())],
        },
        Case {
            path: "/api/councils/add_member",
            access: ACTS_FOR_COUNCIL,
            fields: |w| {
                vec![
                    ("council_id", w.council.to_string()),
                    ("email", "staff.1@example.org".into()),
                    ("role", "landlord_representative".into()),
                ]
            },
        },
        Case {
            path: "/api/councils/remove_member",
            access: ACTS_FOR_COUNCIL,
            fields: |w| vec![("council_id", w.council.to_string()), ("user_id", w.tenant_b.to_string())],
        },
        Case {
            path: "/api/councils/convene",
            access: ACTS_FOR_COUNCIL,
            fields: |w| {
                vec![
                    ("council_id", w.council.to_string()),
                    ("starts_at", "2099-01-01T18:00".into()),
                    ("minutes", "90".into()),
                    ("place", "Salle commune".into()),
                ]
            },
        },
        Case {
            path: "/api/councils/reschedule",
            access: ACTS_FOR_COUNCIL,
            fields: |w| {
                vec![
                    ("meeting_id", w.meeting.to_string()),
                    ("starts_at", "2099-01-02T18:00".into()),
                    ("minutes", "60".into()),
                    ("place", "Loge".into()),
                ]
            },
        },
        Case {
            path: "/api/councils/cancel",
            access: ACTS_FOR_COUNCIL,
            fields: |w| vec![("meeting_id", w.meeting.to_string())],
        },
        Case {
            path: "/api/councils/send_convocations",
            access: ACTS_FOR_COUNCIL,
            fields: |w| vec![("meeting_id", w.meeting.to_string())],
        },
        Case {
            path: "/api/councils/add_item",
            access: ACTS_FOR_COUNCIL,
            fields: |w| {
                vec![("meeting_id", w.meeting.to_string()), ("title", "Halls".into()), ("minutes", "10".into())]
            },
        },
        Case {
            path: "/api/councils/remove_item",
            access: ACTS_FOR_COUNCIL,
            fields: |w| vec![("meeting_id", w.meeting.to_string()), ("item_id", w.agenda_item.to_string())],
        },
        Case {
            path: "/api/councils/reply",
            access: COUNCIL_MEMBERS,
            fields: |w| vec![("meeting_id", w.meeting.to_string()), ("reply", "present".into())],
        },
        Case { path: "/api/projects/list", access: Access::SignedIn, fields: |_| vec![("page", "0".into())] },
        Case { path: "/api/projects/get", access: AUDIENCE_A, fields: |w| vec![("id", w.project_a.to_string())] },
        Case { path: "/api/projects/new_page", access: Access::SignedIn, fields: none },
        Case { path: "/api/projects/submit", access: AUTHOR_A, fields: |w| vec![("id", w.project_a.to_string())] },
        Case { path: "/api/projects/discard", access: AUTHOR_A, fields: |w| vec![("id", w.project_a.to_string())] },
        Case { path: "/api/projects/withdraw", access: AUTHOR_A, fields: |w| vec![("id", w.project_a.to_string())] },
        Case {
            path: "/api/projects/add",
            access: AUTHOR_A,
            fields: |w| vec![("id", w.project_a.to_string()), ("text", "Une précision".into())],
        },
        Case {
            path: "/api/projects/remove_photo",
            access: AUTHOR_A,
            fields: |w| vec![("id", w.project_a.to_string()), ("photo", w.photo_a.to_string())],
        },
        Case { path: "/api/projects/support", access: AUTHOR_A, fields: |w| vec![("id", w.project_a.to_string())] },
        Case {
            path: "/api/projects/answer",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("id", w.project_a.to_string()),
                    ("action", "review".into()),
                    ("message", String::new()),
                    ("spent_cost", String::new()),
                ]
            },
        },
        Case {
            path: "/api/discussion/comment",
            access: AUDIENCE_A,
            fields: |w| {
                vec![("subject", "project".into()), ("subject_id", w.project_a.to_string()), ("body", "Oui !".into())]
            },
        },
        Case {
            path: "/api/discussion/edit_comment",
            access: AUTHOR_A,
            fields: |w| vec![("id", w.comment_a.to_string()), ("body", "Très bonne idée".into())],
        },
        Case {
            path: "/api/discussion/delete_comment",
            access: AUTHOR_A,
            fields: |w| vec![("id", w.comment_a.to_string())],
        },
        Case {
            path: "/api/discussion/report",
            access: AUDIENCE_A,
            fields: |w| vec![("kind", "project".into()), ("id", w.project_a.to_string()), ("reason", "spam".into())],
        },
        Case {
            path: "/api/discussion/decide",
            access: REGISTRY_1,
            fields: |w| {
                vec![
                    ("organisation_id", w.org1.to_string()),
                    ("kind", "comment".into()),
                    ("id", w.comment_a.to_string()),
                    ("decision", "dismiss".into()),
                ]
            },
        },
        Case {
            path: "/api/discussion/queue",
            // Tenant B moderates residence B's content.
            access: Access::Only(&[TenantB, Staff1, Admin1, Platform]),
            fields: |w| vec![("organisation_id", w.org1.to_string()), ("page", "0".into())],
        },
        Case {
            path: "/api/platform/create_organisation",
            access: Access::Only(&[Platform]),
            fields: |_| {
                vec![
                    ("name", "Organisme Trois".into()),
                    ("slug", "org-trois".into()),
                    ("admin_email", "boss@example.org".into()),
                ]
            },
        },
    ]
}

/// Server functions called with a multipart body, tested on their own below.
const MULTIPART: &[&str] =
    &["/api/registry/import_households", "/api/projects/propose", "/api/projects/rewrite", "/api/projects/progress"];

pub(crate) fn registered() -> Vec<(String, String)> {
    leptos::server_fn::axum::server_fn_paths().map(|(path, method)| (path.to_owned(), method.to_string())).collect()
}

#[test]
fn every_server_function_is_in_the_matrix() {
    let registered: BTreeSet<String> = registered().into_iter().map(|(path, _)| path).collect();
    let covered: BTreeSet<String> =
        cases().iter().map(|c| c.path.to_owned()).chain(MULTIPART.iter().map(|p| (*p).to_owned())).collect();
    let missing: Vec<_> = registered.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&registered).collect();
    assert!(missing.is_empty(), "server functions with no row in the permission matrix: {missing:?}");
    assert!(stale.is_empty(), "matrix rows for server functions that do not exist: {stale:?}");
}

fn is_denied(status: u16) -> bool {
    matches!(status, 401 | 403 | 404)
}

async fn call(
    app: &crate::helpers::TestApp,
    client: &reqwest::Client,
    method: &str,
    path: &str,
    fields: &[(&'static str, String)],
) -> u16 {
    let query: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let request = if method == "GET" {
        client.get(app.url(path)).query(&query)
    } else {
        client.post(app.url(path)).form(&query).header("origin", &app.address)
    };
    request.header("accept", "application/json").send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_allows_exactly_the_roles_it_should() {
    use futures_util::stream::{self, StreamExt as _};
    let methods: std::collections::HashMap<String, String> = registered().into_iter().collect();
    // Each case runs in worlds of its own, so several run at once.
    let failures: Vec<String> = stream::iter(cases())
        .map(|case| {
            let method = methods.get(case.path).cloned().unwrap_or_else(|| "POST".into());
            check(case, method)
        })
        .buffer_unordered(4)
        .flat_map(stream::iter)
        .collect()
        .await;
    assert!(failures.is_empty(), "permission matrix failures:\n{}", failures.join("\n"));
}

/// Calls `case` as every role; returns what went against the matrix.
async fn check(case: Case, method: String) -> Vec<String> {
    let mut failures = Vec::new();
    let allowed = |role: Role| match case.access {
        Access::Public => true,
        Access::SignedIn => role != Anonymous,
        Access::Only(roles) => roles.contains(&role),
    };
    // Refusals change nothing, so the refused roles share one world.
    let app = spawn_app().await;
    let world = World::build(&app).await;
    for role in ROLES.into_iter().filter(|r| !allowed(*r)) {
        let status = call(&app, world.client(role), &method, case.path, &(case.fields)(&world)).await;
        if !is_denied(status) {
            failures.push(format!("{} as {role:?}: expected a refusal, got {status}", case.path));
        }
    }
    // Each allowed role gets a fresh world, as an allowed call may change it.
    for role in ROLES.into_iter().filter(|r| allowed(*r)) {
        let app = spawn_app().await;
        let world = World::build(&app).await;
        let status = call(&app, world.client(role), &method, case.path, &(case.fields)(&world)).await;
        // Past the role check, a business answer (a wrong token, a session that is not
        // yours) is not a refusal by the policy.
        let refused = match case.access {
            Access::Public => matches!(status, 401 | 403),
            Access::SignedIn => status == 401,
            Access::Only(_) => is_denied(status),
        };
        if refused || status >= 500 {
            failures.push(format!("{} as {role:?}: expected to be allowed, got {status}", case.path));
        }
    }
    failures
}

fn multipart(organisation_id: i64, csv: &str) -> (String, Vec<u8>) {
    let boundary = "palier-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"organisation_id\"\r\n\r\n{organisation_id}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logements.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n\
         --{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_organisations_staff_import_households() {
    let csv = "residence;logement;bail\nRésidence A;Logement Z;Z-1\n";
    for role in ROLES {
        let app = spawn_app().await;
        let world = World::build(&app).await;
        let (content_type, body) = multipart(world.org1, csv);
        let status = world
            .client(role)
            .post(app.url("/api/registry/import_households"))
            .header("content-type", content_type)
            .header("origin", &app.address)
            .header("accept", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let allowed = matches!(role, Staff1 | Admin1 | Platform);
        assert_eq!(!is_denied(status), allowed, "import as {role:?} gave {status}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_follow_the_same_policy() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    for role in ROLES {
        let status = world
            .client(role)
            .post(app.url(&format!("/gestion/residences/{}/lettres", world.residence_a)))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &app.address)
            .body("which=unclaimed")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let allowed = matches!(role, Staff1 | Admin1 | Platform);
        let expected = if allowed {
            200
        } else if role == Anonymous {
            303
        } else if role == Staff2 {
            404
        } else {
            403
        };
        assert_eq!(status, expected, "letters as {role:?}");

        let status =
            world.client(role).get(app.url("/compte/mes-donnees.json")).send().await.unwrap().status().as_u16();
        assert_eq!(status, if role == Anonymous { 303 } else { 200 }, "data export as {role:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_of_other_organisations_are_not_found() {
    let app = spawn_app().await;
    let world = World::build(&app).await;
    let staff2 = world.client(Staff2);
    for path in [
        format!("/gestion/residences/{}", world.residence_a),
        format!("/gestion/menages/{}", world.household_a1),
        format!("/gestion/organisations/{}/equipe", world.org1),
        format!("/gestion/organisations/{}/reglages", world.org1),
        format!("/residences/{}", world.residence_a),
    ] {
        let page = staff2.get(app.url(&path)).send().await.unwrap();
        assert_eq!(page.status().as_u16(), 404, "{path}");
        let body = page.text().await.unwrap();
        assert!(!body.contains("Résidence A"), "{path} leaked the residence's name");
    }
    // A tenant of residence B is refused residence A (same landlord: 403).
    let page = world.client(TenantB).get(app.url(&format!("/residences/{}", world.residence_a))).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 403);
    let page = world.client(TenantA).get(app.url(&format!("/residences/{}", world.residence_a))).send().await.unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let _ = (world.org2, world.residence_b, world.residence_c, world.building_a, world.household_a2);
    let _ = (world.household_b1, world.household_c1, world.tenant_b, world.admin1, world.staff2, world.platform);
}

/// A multipart body of text fields only.
fn multipart_fields(fields: &[(&str, String)]) -> (String, Vec<u8>) {
    let boundary = "palier-test-boundary";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (format!("multipart/form-data; boundary={boundary}"), body.into_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn projects_with_photos_are_proposed_rewritten_and_updated_by_exactly_the_right_people() {
    for role in ROLES {
        let app = spawn_app().await;
        let world = World::build(&app).await;
        let category = palier_backend::projects::categories(&app.db, world.org1).await.unwrap()[0].id.to_string();
        let project = vec![
            ("residence_id", world.residence_a.to_string()),
            ("category_id", category),
            ("title", "Un banc sous le tilleul".to_owned()),
            ("description", "Un banc pour s'asseoir à l'ombre du tilleul.".to_owned()),
        ];
        let mut for_a_tenant = project.clone();
        for_a_tenant.extend([("on_behalf", "1".to_owned()), ("lease_ref", "A2".into()), ("channel", "phone".into())]);
        let mut rewrite = project.clone();
        rewrite.push(("id", world.project_a.to_string()));
        let progress = vec![("id", world.project_a.to_string()), ("message", "Commandé".to_owned())];
        for (path, fields, allowed) in [
            ("/api/projects/propose", project, matches!(role, TenantA)),
            ("/api/projects/propose", for_a_tenant, matches!(role, Staff1 | Admin1 | Platform)),
            ("/api/projects/rewrite", rewrite, matches!(role, TenantA)),
            ("/api/projects/progress", progress, matches!(role, Staff1 | Admin1 | Platform)),
        ] {
            let (content_type, body) = multipart_fields(&fields);
            let status = world
                .client(role)
                .post(app.url(path))
                .header("content-type", content_type)
                .header("origin", &app.address)
                .header("accept", "application/json")
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
            assert_eq!(!is_denied(status), allowed, "{path} as {role:?} gave {status}");
            assert!(status < 500, "{path} as {role:?} gave {status}");
        }
    }
}
