//! "Nachricht schreiben": an organiser writes to a group of a meeting's people. The page
//! says for each group how many it reaches (and who is left out, and why), shows a preview
//! as the first person of the group will read it, and lists the messages sent before.

use rocket::http::Status;
use rocket::request::FlashMessage;
use rocket::response::{Flash, Redirect};
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Either, FromForm, Route, get, post, routes};
use rocket_dyn_templates::Template;
use std::collections::BTreeMap;

use super::registrations::{ListFilter, listing};
use super::session::{Checked, CsrfToken, Staff};
use super::{error_map, managed_event};
use crate::domain::event::Event;
use crate::domain::message::compose::{About, DraftInput, Version, letter};
use crate::domain::message::send::{self, Sender};
use crate::domain::message::{self, Audience, Group};
use crate::domain::{DomainError, FieldErrors, document, token};
use crate::i18n;
use crate::web::Ctx;
use crate::web::errors::PageError;

#[derive(Debug, Default, FromForm)]
struct MessageForm {
    /// Checked by `Checked`; named so that the form parses.
    #[field(name = "csrf")]
    _csrf: Option<String>,
    #[field(default = String::new())]
    group: String,
    q: Option<String>,
    status: Option<String>,
    answer: Option<String>,
    /// The form's one-time key: a second submit of the same form sends nothing.
    #[field(default = String::new())]
    once: String,
    #[field(default = String::new())]
    subject: String,
    #[field(default = String::new())]
    body: String,
    #[field(default = String::new())]
    language: String,
    #[field(default = BTreeMap::new())]
    versions: BTreeMap<String, Version>,
    /// Ids of the meeting's documents to link below the text.
    #[field(default = Vec::new())]
    documents: Vec<String>,
    /// `preview` shows the message, anything else sends it.
    action: Option<String>,
}

impl MessageForm {
    fn filter(&self) -> ListFilter {
        ListFilter {
            q: self.q.clone(),
            status: self.status.clone(),
            answer: self.answer.clone(),
        }
    }

    fn draft(&self) -> DraftInput {
        DraftInput {
            subject: self.subject.clone(),
            body: self.body.clone(),
            language: self.language.clone(),
            versions: self.versions.clone(),
        }
    }
}

fn has_selection(f: &ListFilter) -> bool {
    [&f.q, &f.status, &f.answer]
        .iter()
        .any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
}

/// The registration ids the list shows for `filter`. Cancelled rows count only when the
/// list was filtered for them: a search over everybody should not write to those who left.
fn selection(
    conn: &mut crate::db::DbConn,
    e: &Event,
    filter: &ListFilter,
    lang: &'static str,
) -> diesel::QueryResult<Vec<i64>> {
    let l = listing(conn, e, filter, lang)?;
    let cancelled_wanted = filter.status.as_deref() == Some("cancelled");
    Ok(l.shown()
        .filter(|(r, _)| cancelled_wanted || !r.is_cancelled())
        .map(|(r, _)| r.id)
        .collect())
}

/// Every group offered now, with the chosen one's people.
struct Groups {
    offered: Vec<(Audience, Group)>,
}

async fn groups(
    ctx: &Ctx<'_>,
    e: &Event,
    filter: &ListFilter,
) -> Result<(Groups, Vec<i64>), PageError> {
    let (e, filter, lang, now) = (e.clone(), filter.clone(), ctx.lang(), ctx.now());
    ctx.db
        .page(move |conn| {
            let chosen = if has_selection(&filter) {
                selection(conn, &e, &filter, lang)?
            } else {
                Vec::new()
            };
            let mut offered = Vec::new();
            for a in Audience::ALL {
                if !a.offered(&e, now) || (a == Audience::Selection && !has_selection(&filter)) {
                    continue;
                }
                offered.push((a, message::group(conn, &e, a, &chosen)?));
            }
            Ok((Groups { offered }, chosen))
        })
        .await
}

fn audience_label(lang: &str, key: &str) -> String {
    i18n::text(lang, &format!("message-group-{key}"))
}

/// What the page shows besides the form.
struct Shown<'a> {
    form: &'a MessageForm,
    errors: &'a FieldErrors,
    refusal: Option<&'static str>,
    preview: bool,
}

async fn page(
    ctx: &Ctx<'_>,
    staff: &Staff,
    csrf: &CsrfToken,
    flash: Option<FlashMessage<'_>>,
    e: &Event,
    shown: Shown<'_>,
    status: Status,
) -> Result<(Status, Template), PageError> {
    let lang = ctx.lang();
    let filter = shown.form.filter();
    let (groups, _) = groups(ctx, e, &filter).await?;
    let this = e.clone();
    let (sent, contact, documents) = ctx
        .db
        .page(move |conn| {
            Ok((
                send::of_event(conn, this.id)?,
                send::contact_of(conn, &this)?,
                document::for_participants(conn, this.id)?,
            ))
        })
        .await?;
    let chosen = Audience::parse(&shown.form.group)
        .filter(|a| groups.offered.iter().any(|(o, _)| o == a))
        .or_else(|| groups.offered.first().map(|(a, _)| *a));
    let fmt = ctx.fmt();
    let group_rows: Vec<Value> = groups
        .offered
        .iter()
        .map(|(a, g)| {
            json!({
                "key": a.key(), "label": audience_label(lang, a.key()), "checked": Some(*a) == chosen,
                "reach": g.reach.len(), "opted_out": g.opted_out, "no_address": g.no_address,
            })
        })
        .collect();
    // the preview shows the message as the first person of the chosen group reads it
    let preview = if shown.preview && shown.errors.is_empty() {
        let first = groups
            .offered
            .iter()
            .find(|(a, _)| Some(*a) == chosen)
            .and_then(|(_, g)| g.reach.first());
        let checked = shown
            .form
            .draft()
            .check()
            .and_then(|d| d.with_documents(&shown.form.documents, &documents));
        match (checked, first) {
            (Ok(d), Some(to)) => {
                let about = About {
                    meeting: &e.title,
                    contact: contact.as_deref(),
                    base_url: &ctx.settings.public_url,
                };
                let l = letter(&d, to, &about);
                Some(
                    json!({ "name": to.name, "lang": l.lang, "dir": i18n::direction(l.lang),
                             "language": i18n::native_name(l.lang),
                             "subject": l.subject, "html": body_of(&l.html), "text": l.text }),
                )
            }
            _ => None,
        }
    } else {
        None
    };
    let languages: Vec<Value> = i18n::SUPPORTED
        .iter()
        .map(|code| json!({ "code": code, "name": i18n::native_name(code) }))
        .collect();
    let once = if token::looks_like_token(&shown.form.once) {
        shown.form.once.clone()
    } else {
        token::new_token()
    };
    let original = if shown.form.language.is_empty() {
        ctx.visitor.content_lang
    } else {
        i18n::supported(&shown.form.language)
    };
    let sent: Vec<Value> = sent
        .iter()
        .map(|m| {
            json!({ "when": format!("{}, {}", fmt.date(m.created_at), fmt.time(m.created_at)),
                    "sender": m.sender_name, "group": audience_label(lang, &m.audience),
                    "subject": m.subject, "recipients": m.recipients, "left_out": m.left_out })
        })
        .collect();
    let form = shown.form;
    let context = json!({
        "event": { "id": e.id, "title": e.title, "when": fmt.span(e.starts_at, e.ends_at) },
        "groups": group_rows,
        "filter": { "q": form.q, "status": form.status, "answer": form.answer },
        "form": { "subject": form.subject, "body": form.body, "language": original, "versions": form.versions },
        "once": once, "languages": languages, "errors": error_map(lang, shown.errors),
        "refusal": shown.refusal.map(|k| i18n::text(lang, k)),
        "preview": preview, "sent": sent,
        "documents": documents.iter().map(|d| json!({ "id": d.id, "title": d.title,
            "checked": form.documents.iter().any(|c| c.trim() == d.id.to_string()) })).collect::<Vec<_>>(),
    });
    Ok((
        status,
        super::page(ctx, staff, csrf, flash, "staff/message", context),
    ))
}

/// The inside of the mail's `<body>`, to show within the page.
fn body_of(html: &str) -> String {
    let start = html
        .find("<body")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1));
    let end = html.rfind("</body>");
    match (start, end) {
        (Some(s), Some(e)) if s <= e => html[s..e].to_owned(),
        _ => String::new(),
    }
}

#[allow(clippy::too_many_arguments)]
#[get("/admin/events/<id>/message?<group>&<q>&<status>&<answer>")]
async fn form(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    flash: Option<FlashMessage<'_>>,
    id: i64,
    group: Option<String>,
    q: Option<String>,
    status: Option<String>,
    answer: Option<String>,
) -> Result<(Status, Template), PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let form = MessageForm {
        group: group.unwrap_or_default(),
        q,
        status,
        answer,
        ..Default::default()
    };
    let shown = Shown {
        form: &form,
        errors: &FieldErrors::new(),
        refusal: None,
        preview: false,
    };
    page(&ctx, &staff, &csrf, flash, &e, shown, Status::Ok).await
}

type Answer = Either<Flash<Redirect>, (Status, Template)>;

#[post("/admin/events/<id>/message", data = "<form>")]
async fn submit(
    ctx: Ctx<'_>,
    staff: Staff,
    csrf: CsrfToken,
    id: i64,
    form: Checked<MessageForm>,
) -> Result<Answer, PageError> {
    let e = managed_event(&ctx, &staff, id).await?;
    let form = form.0;
    let again = |errors, refusal, preview, status| {
        let (ctx, staff, csrf, e, form) = (&ctx, &staff, &csrf, &e, &form);
        async move {
            let shown = Shown {
                form,
                errors: &errors,
                refusal,
                preview,
            };
            page(ctx, staff, csrf, None, e, shown, status)
                .await
                .map(Either::Right)
        }
    };
    let mut errors = FieldErrors::new();
    let audience = Audience::parse(&form.group);
    if audience.is_none() {
        errors.insert("group", "message-error-group");
    }
    let event_id = e.id;
    let offered = ctx
        .db
        .page(move |conn| Ok(document::for_participants(conn, event_id)?))
        .await?;
    let draft = match form
        .draft()
        .check()
        .and_then(|d| d.with_documents(&form.documents, &offered))
    {
        Ok(d) => Some(d),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let (Some(audience), Some(draft)) = (audience, draft) else {
        return again(errors, None, false, Status::UnprocessableEntity).await;
    };
    if form.action.as_deref() == Some("preview") {
        return again(errors, None, true, Status::Ok).await;
    }
    let filter = form.filter();
    let (actor, name, now, lang) = (
        staff.actor(),
        staff.user.name.clone(),
        ctx.now(),
        ctx.lang(),
    );
    let base = ctx.settings.public_url.clone();
    let (this, once) = (e.clone(), form.once.clone());
    let outcome = ctx
        .db
        .page(move |conn| {
            let chosen = if audience == Audience::Selection && has_selection(&filter) {
                selection(conn, &this, &filter, lang)?
            } else {
                Vec::new()
            };
            let sender = Sender {
                actor: &actor,
                name: &name,
                base_url: &base,
            };
            Ok(send::send(
                conn,
                &this,
                (audience, &chosen),
                &draft,
                &once,
                &sender,
                now,
            ))
        })
        .await?;
    let back = format!("/admin/events/{id}/message");
    match outcome {
        Ok(sent) => Ok(Either::Left(Flash::success(
            Redirect::to(back),
            format!("message-sent|{}", sent.recipients),
        ))),
        // the same form once more (a double click, a reload): it went already
        Err(DomainError::Duplicate) => Ok(Either::Left(Flash::success(
            Redirect::to(back),
            "message-sent-already",
        ))),
        Err(DomainError::Closed(why)) => {
            let status = if why == "message-too-many" {
                Status::TooManyRequests
            } else {
                Status::Conflict
            };
            again(FieldErrors::new(), Some(why), false, status).await
        }
        Err(other) => Err(other.into()),
    }
}

pub fn routes() -> Vec<Route> {
    routes![form, submit]
}
