//! A partner's invitation, answered through the personal link in its mail: no account, the
//! token is the key. The "I come" link of the mail only opens a page with one button, so
//! that mail scanners that open links confirm nothing.

use rocket::Either;
use rocket::form::{Form, FromForm, Lenient};
use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::{Value, json};
use rocket::{Route, get, post, routes};
use rocket_dyn_templates::Template;

use super::errors::PageError;
use super::view::EventPage;
use super::{Ctx, PageWithStatus, policy, render};
use crate::domain::FieldErrors;
use crate::domain::event;
use crate::domain::invitation::reply::{self, Answer};
use crate::domain::invitation::{self, Invitation, Opened, open_for_replies};
use crate::domain::links::invitation_path;
use crate::i18n;

/// What the form showed when it comes back with a message.
#[derive(Debug, Default, Clone)]
struct Typed {
    reply: String,
    substitute_name: String,
    substitute_email: String,
    all_dates: bool,
}

#[get("/invitation/<token>?<reply>&<done>")]
async fn page(
    ctx: Ctx<'_>,
    token: &str,
    reply: Option<&str>,
    done: Option<&str>,
) -> Result<Template, PageError> {
    let opened = load(&ctx, token).await?;
    let typed = Typed {
        reply: opened.invitation.reply.clone().unwrap_or_default(),
        substitute_name: opened
            .invitation
            .substitute_name
            .clone()
            .unwrap_or_default(),
        substitute_email: opened
            .invitation
            .substitute_email
            .clone()
            .unwrap_or_default(),
        all_dates: false,
    };
    // the mail's one-click link asks once more, with a single button
    let confirm_come =
        reply == Some("come") && opened.invitation.reply.as_deref() != Some(invitation::REPLY_COME);
    view(
        &ctx,
        &opened,
        &typed,
        &FieldErrors::new(),
        None,
        (confirm_come, done.is_some()),
    )
    .await
}

#[derive(Debug, FromForm)]
struct ReplyForm {
    reply: Option<String>,
    substitute_name: Option<String>,
    substitute_email: Option<String>,
    all_dates: Option<String>,
}

#[post("/invitation/<token>", data = "<form>")]
async fn answer(
    ctx: Ctx<'_>,
    token: &str,
    form: Form<Lenient<ReplyForm>>,
) -> Result<Either<Redirect, PageWithStatus>, PageError> {
    let f = form.into_inner().into_inner();
    let typed = Typed {
        reply: f.reply.unwrap_or_default(),
        substitute_name: f.substitute_name.unwrap_or_default(),
        substitute_email: f.substitute_email.unwrap_or_default(),
        all_dates: f.all_dates.is_some_and(|a| !a.is_empty()),
    };
    let opened = load(&ctx, token).await?;
    let chosen = match typed.reply.as_str() {
        invitation::REPLY_COME => Some(Answer::Come),
        invitation::REPLY_DECLINE => Some(Answer::Decline),
        invitation::REPLY_SUBSTITUTE => Some(Answer::Substitute {
            name: typed.substitute_name.clone(),
            email: typed.substitute_email.clone(),
        }),
        _ => None,
    };
    let Some(chosen) = chosen else {
        let errors: FieldErrors = [("reply", "invite-reply-missing")].into_iter().collect();
        let page = view(&ctx, &opened, &typed, &errors, None, (false, false)).await?;
        return Ok(Either::Right((Status::UnprocessableEntity, page)));
    };
    let now = ctx.now();
    let (o, c, all) = (opened.clone(), chosen.clone(), typed.all_dates);
    let result = ctx
        .db
        .page(move |conn| {
            let who = (&o.contact, &o.partner);
            let first = reply::answer(conn, &o.invitation, who, &c, now);
            if first.is_ok() && all {
                // the other dates as far as they can still be answered; one that cannot
                // (begun, cancelled) keeps its answer
                for (sibling, e) in &o.siblings {
                    if open_for_replies(e, now) {
                        match reply::answer(conn, sibling, who, &c, now) {
                            Ok(_) | Err(crate::domain::DomainError::Closed(_)) => {}
                            Err(e) => return Ok(Err(e)),
                        }
                    }
                }
            }
            Ok(first)
        })
        .await?;
    match result {
        Ok(_) => Ok(Either::Left(Redirect::to(format!(
            "{}?done=1",
            invitation_path(token)
        )))),
        Err(e) => {
            let refusal = policy::refusal_of(e)?;
            if refusal.status == Status::NotFound {
                return Err(PageError::NotFound);
            }
            let message = refusal
                .fields
                .is_empty()
                .then(|| i18n::text(ctx.lang(), refusal.key));
            let opened = load(&ctx, token).await?;
            let page = view(
                &ctx,
                &opened,
                &typed,
                &refusal.fields,
                message,
                (false, false),
            )
            .await?;
            Ok(Either::Right((refusal.status, page)))
        }
    }
}

async fn load(ctx: &Ctx<'_>, token: &str) -> Result<Opened, PageError> {
    let (token, now) = (token.to_owned(), ctx.now());
    ctx.db
        .page(move |conn| Ok(invitation::open(conn, &token, now)?))
        .await?
        .ok_or(PageError::NotFound)
}

/// The page: the meeting, its agenda, the answer so far with the way to the ticket, and
/// the form (or, from the mail's "I come" link, only the button that confirms it).
async fn view(
    ctx: &Ctx<'_>,
    o: &Opened,
    typed: &Typed,
    errors: &FieldErrors,
    message: Option<String>,
    (confirm_come, done): (bool, bool),
) -> Result<Template, PageError> {
    let (event_id, token) = (o.event.id, o.invitation.token.clone());
    let (detail, part) = ctx
        .db
        .page(move |conn| {
            Ok((
                event::find_detail(conn, event_id)?,
                super::agenda_view::invitation_part(conn, event_id, &token)?,
            ))
        })
        .await?;
    let detail = detail.ok_or(PageError::NotFound)?;
    let lang = ctx.lang();
    let fmt = ctx.fmt();
    let errors: serde_json::Map<String, Value> = errors
        .iter()
        .map(|(f, k)| ((*f).to_owned(), json!(i18n::text(lang, k))))
        .collect();
    let inv = &o.invitation;
    // the invitee's own seat only: a substitute's ticket is theirs, sent to them
    let own_ticket = o
        .seat
        .as_ref()
        .filter(|_| inv.reply.as_deref() == Some(invitation::REPLY_COME))
        .map(|r| format!("/r/{}", r.token));
    let siblings: Vec<Value> = o
        .siblings
        .iter()
        .map(|(s, e): &(Invitation, event::Event)| {
            json!({ "title": e.title, "when": fmt.span(e.starts_at, e.ends_at),
                    "reply": s.reply, "path": invitation_path(&s.token) })
        })
        .collect();
    Ok(render(
        "invitation",
        &ctx.visitor,
        json!({
            "event": EventPage::new(&detail, &fmt, ctx.now()),
            "agenda": part["agenda"], "documents": part["documents"], "minutes": part["minutes"],
            "contact": { "name": o.contact.name, "organisation": o.partner.name },
            "reply": inv.reply, "substitute_name": inv.substitute_name,
            "own_ticket": own_ticket,
            "open": open_for_replies(&o.event, ctx.now()),
            "action": invitation_path(&inv.token),
            "siblings": siblings,
            "feed": ctx.absolute(&crate::domain::links::partner_feed_path(&o.contact.feed_token)),
            "typed": { "reply": typed.reply, "substitute_name": typed.substitute_name,
                       "substitute_email": typed.substitute_email, "all_dates": typed.all_dates },
            "errors": errors, "message": message,
            "confirm_come": confirm_come, "done": done,
        }),
    ))
}

pub fn routes() -> Vec<Route> {
    routes![page, answer]
}
