//! The discussion of an item (a project; later minutes, commitments,
//! reports of non-quality): its comments with one level of replies, and
//! the forms to comment, reply, change or delete one's comment, and report
//! one. Also the report form of any item of content. Every form works
//! without JavaScript and comes back to its own place with its errors.

use crate::api::discussion::comment::Comment;
use crate::api::discussion::delete_comment::DeleteComment;
use crate::api::discussion::edit_comment::EditComment;
use crate::api::discussion::report::Report;
use crate::components::form::{Feedback, Field, PostForm};
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use palier_domain::discussion::{CommentView, ContentKind, Discussion, Moderation, ReportReason};
use palier_domain::form::Rule;
use strum::VariantArray as _;

/// The comments of an item and the forms around them.
#[component]
pub fn Comments(discussion: Discussion) -> impl IntoView {
    let i18n = use_i18n();
    let all = Feedback::of::<Comment>();
    let subject = discussion.subject.code();
    let subject_id = discussion.subject_id.to_string();
    let comments = discussion
        .comments
        .into_iter()
        .map(|comment| {
            let (subject, subject_id) = (subject, subject_id.clone());
            let can_reply = discussion.can_comment && !comment.deleted && comment.moderation.shown();
            let id = comment.id.to_string();
            let replies = comment.replies.clone();
            view! {
                <li>
                    <CommentItem comment=comment.clone()/>
                    {(!replies.is_empty()).then(|| view! {
                        <ol class="comment-replies">
                            {replies.into_iter().map(|reply| view! { <li><CommentItem comment=reply/></li> }).collect_view()}
                        </ol>
                    })}
                    {can_reply.then(|| {
                        let feedback = all.only_for("parent", &id).prefixed(format!("reply-{id}"));
                        view! {
                            <details class="disclosure" open=feedback.refused()>
                                <summary>{i18n.t("comment-reply")}</summary>
                                <PostForm action=Comment::PATH feedback>
                                    <input type="hidden" name="subject" value=subject/>
                                    <input type="hidden" name="subject_id" value=subject_id/>
                                    <input type="hidden" name="parent" value=id.clone()/>
                                    <Field feedback name="body" label="comment-reply-label" rows=3 required=true
                                        maxlength=5000 rule=Rule::Comment/>
                                    <button type="submit" class="button button--secondary">{i18n.t("comment-reply-submit")}</button>
                                </PostForm>
                            </details>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    let top = all.only_without("parent").prefixed("comment");
    view! {
        <section class="card" id="commentaires" aria-labelledby="comments-title">
            <h2 id="comments-title">{i18n.t_with("comments-title", &[("count", discussion.count.into())])}</h2>
            {(discussion.count == 0).then(|| view! { <p>{i18n.t("comments-none")}</p> })}
            <ol class="comment-list">{comments}</ol>
            {discussion.can_comment.then(|| view! {
                <h3>{i18n.t("comment-new")}</h3>
                {discussion.as_landlord.then(|| view! { <p class="field__hint">{i18n.t("comment-as-landlord")}</p> })}
                <PostForm action=Comment::PATH feedback=top>
                    <input type="hidden" name="subject" value=subject/>
                    <input type="hidden" name="subject_id" value=discussion.subject_id.to_string()/>
                    <Field feedback=top name="body" label="comment-label" hint="comment-hint" rows=4 required=true
                        maxlength=5000 rule=Rule::Comment/>
                    <button type="submit" class="button">{i18n.t("comment-submit")}</button>
                </PostForm>
            })}
        </section>
    }
}

/// One comment: who wrote it and when, its text (or why it is not shown),
/// and what the viewer may do with it.
#[component]
fn CommentItem(comment: CommentView) -> impl IntoView {
    let i18n = use_i18n();
    let comment_id = comment.id;
    let id = comment_id.to_string();
    let author = comment.author.clone().unwrap_or_else(|| i18n.t("comment-author-gone"));
    let placeholder = if comment.deleted {
        Some("comment-deleted")
    } else {
        match comment.moderation {
            Moderation::Visible => None,
            Moderation::Pending if comment.body_html.is_empty() => Some("content-pending"),
            Moderation::Hidden if comment.body_html.is_empty() => Some("content-hidden"),
            _ => None,
        }
    };
    let hidden_note = (!comment.moderation.shown() && !comment.body_html.is_empty())
        .then(|| view! { <p class="badge badge--warning">{i18n.t_code("moderation", comment.moderation.code())}</p> });
    let edit = comment.body.clone().map(|body| {
        let feedback = Feedback::of::<EditComment>()
            .only_for("id", &comment_id.to_string())
            .prefixed(format!("edit-{comment_id}"));
        view! {
            <details class="disclosure" open=feedback.refused()>
                <summary>{i18n.t("comment-edit")}</summary>
                <PostForm action=EditComment::PATH feedback>
                    <input type="hidden" name="id" value=comment_id.to_string()/>
                    <Field feedback name="body" label="comment-label" rows=3 required=true maxlength=5000
                        rule=Rule::Comment initial=body/>
                    <button type="submit" class="button button--secondary">{i18n.t("comment-edit-submit")}</button>
                </PostForm>
            </details>
        }
    });
    let delete = (comment.mine && !comment.deleted).then(|| {
        view! {
            <form method="post" action=DeleteComment::PATH class="inline-form">
                <input type="hidden" name="id" value=comment_id.to_string()/>
                <button type="submit" class="button button--quiet">{i18n.t("comment-delete")}</button>
            </form>
        }
    });
    let report = (!comment.mine && !comment.deleted && comment.moderation.shown())
        .then(|| view! { <ReportForm kind=ContentKind::Comment id=comment.id.get() reported=comment.reported/> });
    view! {
        <article class="comment" id=format!("comment-{id}") class:comment--landlord=comment.landlord>
            <p class="comment__meta">
                <strong>{author}</strong>
                {comment.landlord.then(|| view! { " " <span class="badge">{i18n.t("comment-landlord")}</span> })}
                " · " {i18n.datetime(comment.written_at)}
                {comment.edited.then(|| view! { " · " {i18n.t("comment-edited")} })}
            </p>
            {hidden_note}
            {match placeholder {
                Some(id) => view! { <p class="placeholder">{i18n.t(id)}</p> }.into_any(),
                None => view! { <div class="markdown" inner_html=comment.body_html.clone()></div> }.into_any(),
            }}
            <div class="inline-actions">{delete}</div>
            {edit}
            {report}
        </article>
    }
}

/// The form to report an item of content (or that the viewer did).
#[component]
pub fn ReportForm(kind: ContentKind, id: i64, reported: bool) -> impl IntoView {
    let i18n = use_i18n();
    if reported {
        return view! { <p class="field__hint">{i18n.t("report-done")}</p> }.into_any();
    }
    let item = format!("{}-{id}", kind.code());
    let feedback = Feedback::of::<Report>().only_for("item", &item).prefixed(format!("report-{item}"));
    view! {
        <details class="disclosure" open=feedback.refused()>
            <summary>{i18n.t_code("report-open", kind.code())}</summary>
            <PostForm action=Report::PATH feedback>
                <input type="hidden" name="kind" value=kind.code()/>
                <input type="hidden" name="id" value=id.to_string()/>
                <Field feedback name="reason" label="report-reason" hint="report-hint" kind="radio" required=true
                    choices=reasons(i18n)/>
                <button type="submit" class="button button--secondary">{i18n.t("report-submit")}</button>
            </PostForm>
        </details>
    }
    .into_any()
}

fn reasons(i18n: I18n) -> Vec<(String, String)> {
    ReportReason::VARIANTS.iter().map(|r| (r.code().to_owned(), i18n.t_code("report-reason", r.code()))).collect()
}
