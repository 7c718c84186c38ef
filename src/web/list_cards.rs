//! The meeting list rendered from current data without rendering it all again: each card is
//! made once per language and per state of everything it shows (its fingerprint), the
//! page's frame (header, language switch, filter, paging) once per address, language and
//! categories, and a page is its frame around its cards. Through Tera and Fluent (dates,
//! seat counts, badges) a list of 30 cards cost about 1.7 ms at every request; now a list
//! read from the database costs the query and one lookup per card, and a registration
//! changes one card, not the page. Nothing shown is older than the database's answer: a
//! card's key holds all it shows, so a changed meeting simply has another key.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use chrono::NaiveDateTime;

use super::Visitor;
use super::view::EventCard;
use crate::domain::availability::Availability;
use crate::domain::event::{Category, Listed};
use crate::i18n::{self, Formatter, escape_html};

/// Stands in the rendered frame where the cards go.
pub const CARDS_MARK: &str = "\u{1}cards\u{1}";

/// Cards kept at most (about a kilobyte each); beyond, the store starts again.
const MAX_CARDS: usize = 4096;
/// Frames kept at most (one per address and language in use).
const MAX_FRAMES: usize = 256;

/// A card's key: meeting, language and the fingerprint of all the card shows.
type CardKey = (i64, &'static str, u64);
/// A frame: the page before the cards and after them.
type Frame = (Arc<str>, Arc<str>);

#[derive(Default)]
pub struct ListCards {
    cards: Mutex<HashMap<CardKey, Arc<str>>>,
    frames: Mutex<HashMap<String, Frame>>,
    /// Random keys per process: fingerprints nobody outside can aim at.
    hasher: std::collections::hash_map::RandomState,
}

impl ListCards {
    /// Appends the card of `l` to `out`, made now only if its fingerprint is new.
    pub fn card(
        &self,
        visitor: &Visitor,
        fmt: &Formatter,
        l: &Listed,
        now: NaiveDateTime,
        out: &mut String,
    ) {
        let availability = Availability::of(&l.event, l.occupancy, now);
        let key = (
            l.event.id,
            visitor.lang,
            self.fingerprint(visitor, l, availability),
        );
        if let Some(html) = self.cards.lock().ok().and_then(|c| c.get(&key).cloned()) {
            out.push_str(&html);
            return;
        }
        let mut card = EventCard::new(
            &l.event,
            l.category.as_ref(),
            (l.occupancy, &l.intake),
            fmt,
            now,
        );
        if let Some(t) = &l.text {
            card.translate(t);
        }
        let html: Arc<str> = render_card(visitor, &card).into();
        out.push_str(&html);
        if let Ok(mut cards) = self.cards.lock() {
            if cards.len() >= MAX_CARDS {
                cards.clear();
            }
            cards.insert(key, html);
        }
    }

    /// Everything a card shows, hashed; the page's time only through the availability.
    fn fingerprint(&self, visitor: &Visitor, l: &Listed, availability: Availability) -> u64 {
        let mut h = self.hasher.build_hasher();
        let e = &l.event;
        (visitor.lang, visitor.content_lang).hash(&mut h);
        (&e.title, e.starts_at, e.ends_at).hash(&mut h);
        (&e.venue_name, &e.venue_room, &e.town).hash(&mut h);
        l.category
            .as_ref()
            .map(|c| (&c.slug, c.name(visitor.lang)))
            .hash(&mut h);
        match availability {
            Availability::Open { free } => ("open", free).hash(&mut h),
            other => (other.as_str(), None::<i64>).hash(&mut h),
        }
        (&l.intake.mode, &l.intake.url).hash(&mut h);
        l.text.as_ref().map(|t| (&t.lang, &t.title)).hash(&mut h);
        h.finish()
    }

    /// The frame for `key` (address, language and whatever else it shows), split where the
    /// cards go; made by `make` (a whole page with [`CARDS_MARK`] for its cards) when new.
    pub fn frame<E>(
        &self,
        key: String,
        make: impl FnOnce() -> Result<String, E>,
    ) -> Result<Frame, E> {
        if let Some(f) = self.frames.lock().ok().and_then(|f| f.get(&key).cloned()) {
            return Ok(f);
        }
        let page = make()?;
        let (before, after) = page.split_once(CARDS_MARK).unwrap_or((&page, ""));
        let frame: Frame = (before.into(), after.into());
        if let Ok(mut frames) = self.frames.lock() {
            if frames.len() >= MAX_FRAMES {
                frames.clear();
            }
            frames.insert(key, frame.clone());
        }
        Ok(frame)
    }

    /// A fingerprint of the categories the filter offers, for the frame's key.
    pub fn categories_mark(&self, categories: &[Category]) -> u64 {
        let mut h = self.hasher.build_hasher();
        for c in categories {
            // every language's name: the frame's filter shows the visitor's
            (&c.slug, &c.name_de, &c.name_en, &c.names).hash(&mut h);
        }
        h.finish()
    }
}

/// One card as `index.html.tera` showed it.
fn render_card(visitor: &Visitor, e: &EventCard) -> String {
    let dir = i18n::direction(visitor.lang);
    let content_dir = i18n::direction(visitor.content_lang);
    let title_lang = e.text_lang.as_deref().unwrap_or(visitor.content_lang);
    let title_dir = if e.text_lang.is_none() && content_dir != dir {
        format!(" dir=\"{content_dir}\"")
    } else {
        String::new()
    };
    let category = match &e.category {
        Some(c) => {
            let lang = if c.name_lang != visitor.lang {
                format!(" lang=\"{}\"", c.name_lang)
            } else {
                String::new()
            };
            format!(
                "      <p class=\"category\"{lang}><bdi>{}</bdi></p>\n",
                escape_html(&c.name)
            )
        }
        None => String::new(),
    };
    format!(
        "  <li class=\"event-card state-{state}\">\n    <article aria-labelledby=\"ev-{id}\">\n      \
         <h2 id=\"ev-{id}\" lang=\"{title_lang}\"{title_dir}><a href=\"{path}\">{title}</a></h2>\n      \
         <p class=\"when\"><time datetime=\"{iso}\">{when}</time></p>\n      \
         <p class=\"where\" lang=\"{content_lang}\"><bdi>{place}</bdi></p>\n\
         {category}      \
         <p class=\"availability\"><span class=\"badge badge-{state}\">{badge}</span></p>\n    \
         </article>\n  </li>\n",
        state = e.availability,
        id = e.id,
        title_lang = escape_html(title_lang),
        path = escape_html(&e.path),
        title = escape_html(&e.title),
        iso = escape_html(&e.start_iso),
        when = escape_html(&e.when),
        content_lang = visitor.content_lang,
        place = escape_html(&e.place),
        badge = escape_html(&e.availability_text),
    )
}
