//! Typing the door PIN instead of opening the door link: the meeting's number and its PIN.
//! Wrong PINs are limited per client address and for the whole server, in counters all
//! instances share (`domain::door_pin`); the door link itself is never limited.

use rocket::http::Status;
use rocket::response::Redirect;
use rocket::serde::json::serde_json::json;
use rocket::{Either, Route, State, get, routes};
use rocket_dyn_templates::Template;

use crate::domain::door_pin::{self, Answer, Rules};
use crate::i18n;
use crate::web::abuse::{ClientIp, TooMany};
use crate::web::errors::PageError;
use crate::web::shared_limits::SharedLimits;
use crate::web::{Ctx, render};

type PinAnswer = Either<Redirect, Either<(Status, Template), TooMany<Template>>>;

/// The meeting's number as typed (`12`, `#12`, ` 12 `).
fn meeting_number(typed: &str) -> Option<i64> {
    typed
        .trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
}

#[get("/door?<event>&<pin>")]
async fn pin_page(
    ctx: Ctx<'_>,
    ip: ClientIp,
    limits: &State<SharedLimits>,
    event: Option<&str>,
    pin: Option<&str>,
) -> Result<PinAnswer, PageError> {
    let lang = ctx.lang();
    let typed_event: String = event.unwrap_or("").trim().chars().take(20).collect();
    let page = |status: Status, fields: serde_json::Value| {
        let mut values = json!({ "event": typed_event });
        if let (Some(v), Some(extra)) = (values.as_object_mut(), fields.as_object()) {
            v.extend(extra.clone());
        }
        (status, render("door_pin", &ctx.visitor, values))
    };
    let Some(pin) = pin.map(door_pin::normalise).filter(|p| !p.is_empty()) else {
        return Ok(Either::Right(Either::Left(page(Status::Ok, json!({})))));
    };
    let Some(event_id) = meeting_number(&typed_event) else {
        let message = i18n::text(lang, "door-pin-meeting-missing");
        return Ok(Either::Right(Either::Left(page(
            Status::UnprocessableEntity,
            json!({ "event_error": message }),
        ))));
    };
    let now = ctx.now();
    limits.sweep_if_due(ctx.db, now).await;
    let address = ip.0.map(|ip| limits.address_key("door-pin", ip));
    let rules = Rules {
        per_minute: i64::from(ctx.settings.door_pins_per_minute),
        ..Rules::default()
    };
    let answer = ctx
        .db
        .page(move |conn| {
            Ok(door_pin::attempt(
                conn,
                event_id,
                &pin,
                address.as_deref(),
                rules,
                now,
            )?)
        })
        .await?;
    match answer {
        Answer::Open(token) => Ok(Either::Left(Redirect::to(format!("/door/{token}")))),
        Answer::Wrong => Ok(Either::Right(Either::Left(page(
            Status::UnprocessableEntity,
            json!({ "error": i18n::text(lang, "door-pin-wrong") }),
        )))),
        Answer::Limited(wait) => {
            let message = i18n::text_with(
                lang,
                "door-pin-too-many",
                &[("minutes", wait.div_ceil(60).into())],
            );
            let (_, template) = page(Status::TooManyRequests, json!({ "error": message }));
            Ok(Either::Right(Either::Right(TooMany(template, wait))))
        }
    }
}

pub fn routes() -> Vec<Route> {
    routes![pin_page]
}
