//! What most handlers need at once: the database, settings, clock and the visitor.

use chrono::NaiveDateTime;
use rocket::State;
use rocket::request::{FromRequest, Outcome, Request};

use super::Visitor;
use crate::db::Db;
use crate::i18n::Formatter;
use crate::{Clock, Settings};

pub struct Ctx<'r> {
    pub db: &'r Db,
    pub settings: &'r Settings,
    pub clock: &'r Clock,
    pub visitor: Visitor,
}

impl Ctx<'_> {
    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    pub fn fmt(&self) -> Formatter {
        Formatter {
            lang: self.visitor.lang,
            tz: self.settings.tz(),
        }
    }

    pub fn lang(&self) -> &'static str {
        self.visitor.lang
    }

    /// An absolute link for mails and API answers.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.settings.public_url.trim_end_matches('/'))
    }
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for Ctx<'r> {
    type Error = ();

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, ()> {
        let db = rocket::outcome::try_outcome!(req.guard::<&State<Db>>().await);
        let settings = rocket::outcome::try_outcome!(req.guard::<&State<Settings>>().await);
        let clock = rocket::outcome::try_outcome!(req.guard::<&State<Clock>>().await);
        let visitor =
            rocket::outcome::try_outcome!(req.guard::<Visitor>().await.map_error(|(s, _)| (s, ())));
        Outcome::Success(Ctx {
            db,
            settings,
            clock,
            visitor,
        })
    }
}
