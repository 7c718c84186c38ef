//! What pages and the API show of a meeting or a registration, computed once per request.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::domain::availability::Availability;
use crate::domain::capacity;
use crate::domain::event::{Category, EventDetail, Intake, Occupancy};
use crate::domain::event_text::EventText;
use crate::domain::registration::Registration;
use crate::i18n::{self, Formatter};
use crate::markdown;

// the link rule is the domain's, shared with mails and feeds; pages take it from here
pub use crate::domain::links::{event_path, key_query, url_encode};

#[derive(Debug, Serialize)]
pub struct CategoryView {
    pub slug: String,
    pub name: String,
    pub name_lang: &'static str,
}

impl CategoryView {
    pub fn new(c: &Category, lang: &str) -> Self {
        CategoryView {
            slug: c.slug.clone(),
            name: c.name(lang).to_owned(),
            name_lang: c.name_lang(lang),
        }
    }
}

/// A meeting in a list.
#[derive(Debug, Serialize)]
pub struct EventCard {
    pub id: i64,
    pub path: String,
    pub title: String,
    pub summary: String,
    pub when: String,
    pub start_iso: String,
    pub place: String,
    pub category: Option<CategoryView>,
    pub availability: &'static str,
    pub availability_text: String,
    /// The language of title and summary when shown in translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_lang: Option<String>,
}

/// The sentence for a meeting's state: "12 Plätze frei", "Warteliste", "Ausgebucht", …
pub fn availability_text(lang: &str, a: Availability) -> String {
    match a {
        Availability::Open { free: Some(n) } => {
            i18n::text_with(lang, "availability-free", &[("count", n.into())])
        }
        Availability::Open { free: None } => i18n::text(lang, "availability-unlimited"),
        other => i18n::text(
            lang,
            &format!("availability-{}", other.as_str().replace('_', "-")),
        ),
    }
}

pub use crate::domain::event::place_line;

/// What a meeting's badge says: its seats and registration state, or, for a meeting that
/// takes registrations otherwise (and is not cancelled), how.
fn badge_text(lang: &str, availability: Availability, intake: &Intake) -> String {
    match intake.is_online() || availability == Availability::Cancelled {
        true => availability_text(lang, availability),
        false => i18n::text(lang, &format!("intake-{}-short", intake.mode)),
    }
}

impl EventCard {
    pub fn new(
        event: &crate::domain::event::Event,
        category: Option<&Category>,
        (occupancy, intake): (Occupancy, &Intake),
        fmt: &Formatter,
        now: NaiveDateTime,
    ) -> Self {
        let availability = Availability::of(event, occupancy, now);
        EventCard {
            id: event.id,
            // lists show listed meetings only, whose links need no key
            path: event_path(event, None),
            title: event.title.clone(),
            summary: event.summary.clone(),
            when: fmt.span(event.starts_at, event.ends_at),
            start_iso: fmt.iso(event.starts_at),
            place: place_line(&event.venue_name, event.venue_room.as_deref(), &event.town),
            category: category.map(|c| CategoryView::new(c, fmt.lang)),
            availability: availability.as_str(),
            availability_text: badge_text(fmt.lang, availability, intake),
            text_lang: None,
            summary_lang: None,
        }
    }

    /// Shows the meeting in the visitor's language (the summary only when translated).
    pub fn translate(&mut self, t: &EventText) {
        translate_heading(
            t,
            (&mut self.title, &mut self.text_lang),
            (&mut self.summary, &mut self.summary_lang),
        );
    }
}

/// Title and summary from a translation, each marked with its language; an untranslated
/// summary stays the original.
fn translate_heading(
    t: &EventText,
    title: (&mut String, &mut Option<String>),
    summary: (&mut String, &mut Option<String>),
) {
    if !t.title.is_empty() {
        title.0.clone_from(&t.title);
        *title.1 = Some(t.lang.clone());
    }
    if !t.summary.is_empty() {
        summary.0.clone_from(&t.summary);
        *summary.1 = Some(t.lang.clone());
    }
}

/// A meeting's own page.
#[derive(Debug, Serialize)]
pub struct EventPage {
    pub id: i64,
    pub path: String,
    /// What the meeting's other addresses (form actions) carry: see `key_query`.
    pub key_query: String,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub when: String,
    pub start_iso: String,
    pub end_iso: String,
    pub venue_name: String,
    pub venue_room: Option<String>,
    pub street: String,
    pub postal_code: String,
    pub town: String,
    pub office_name: String,
    pub office_email: Option<String>,
    pub office_phone: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub category: Option<CategoryView>,
    pub series_title: Option<String>,
    pub series_slug: Option<String>,
    pub capacity: Option<i32>,
    pub free_seats: Option<i64>,
    pub waiting: i64,
    pub max_companions: i32,
    pub availability: &'static str,
    pub availability_text: String,
    pub can_register: bool,
    pub joins_waiting_list: bool,
    pub closed_text: Option<String>,
    pub opens: Option<String>,
    pub opens_iso: Option<String>,
    pub closes: Option<String>,
    pub closes_iso: Option<String>,
    pub cancelled: bool,
    pub cancel_reason: Option<String>,
    /// How the meeting takes registrations when not by this site's form.
    pub intake: Intake,
    /// The language of title, summary and description when shown in translation (each is
    /// translated only when the translation has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description_lang: Option<String>,
    /// Likewise for the place (venue and room), the contact line and the cancellation reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_lang: Option<String>,
}

impl EventPage {
    pub fn new(d: &EventDetail, fmt: &Formatter, now: NaiveDateTime) -> Self {
        let e = &d.event;
        let availability = Availability::of(e, d.occupancy, now);
        let free_seats = capacity::seats_left(e.capacity, d.occupancy.confirmed_seats);
        let at = |t: NaiveDateTime| format!("{}, {}", fmt.date(t), fmt.time(t));
        // registered otherwise: no form here
        let online = d.intake.is_online() || e.is_cancelled();
        EventPage {
            id: e.id,
            path: event_path(e, d.access_key.as_deref()),
            key_query: key_query(e, d.access_key.as_deref()),
            title: e.title.clone(),
            summary: e.summary.clone(),
            description_html: markdown::to_safe_html_cached(&e.description).to_string(),
            when: fmt.span(e.starts_at, e.ends_at),
            start_iso: fmt.iso(e.starts_at),
            end_iso: fmt.iso(e.ends_at),
            venue_name: e.venue_name.clone(),
            venue_room: e.venue_room.clone(),
            street: e.street.clone(),
            postal_code: e.postal_code.clone(),
            town: e.town.clone(),
            office_name: d.office.name.clone(),
            office_email: d.office.email.clone(),
            office_phone: d.office.phone.clone(),
            contact_name: e.contact_name.clone(),
            contact_phone: e.contact_phone.clone(),
            contact_email: e.contact_email.clone(),
            category: d.category.as_ref().map(|c| CategoryView::new(c, fmt.lang)),
            series_title: d.series.as_ref().map(|s| s.title.clone()),
            series_slug: d.series.as_ref().map(|s| s.slug.clone()),
            capacity: e.capacity,
            free_seats,
            waiting: d.occupancy.waiting,
            max_companions: e.max_party() - 1,
            availability: availability.as_str(),
            availability_text: badge_text(fmt.lang, availability, &d.intake),
            can_register: online && availability.accepts_registrations(),
            joins_waiting_list: availability == Availability::WaitingList,
            closed_text: availability
                .closed_reason()
                .map(|k| i18n::text(fmt.lang, k)),
            opens: e.registration_opens_at.map(at),
            opens_iso: e.registration_opens_at.map(|t| fmt.iso(t)),
            closes: e.registration_closes_at.map(at),
            closes_iso: e.registration_closes_at.map(|t| fmt.iso(t)),
            cancelled: e.is_cancelled(),
            cancel_reason: e.cancel_reason.clone(),
            intake: d.intake.clone(),
            text_lang: None,
            summary_lang: None,
            description_lang: None,
            venue_lang: None,
            contact_lang: None,
            reason_lang: None,
        }
    }

    /// Shows the meeting in the visitor's language, field by field as translated.
    pub fn translate(&mut self, t: &EventText) {
        translate_heading(
            t,
            (&mut self.title, &mut self.text_lang),
            (&mut self.summary, &mut self.summary_lang),
        );
        if !t.description.is_empty() {
            self.description_html = markdown::to_safe_html_cached(&t.description).to_string();
            self.description_lang = Some(t.lang.clone());
        }
        if let Some(venue) = EventText::field(&t.venue) {
            // the translation names venue and room together, as a reader says them
            self.venue_name = venue.to_owned();
            self.venue_room = None;
            self.venue_lang = Some(t.lang.clone());
        }
        if let Some(contact) = EventText::field(&t.contact)
            && self.contact_name.is_some()
        {
            self.contact_name = Some(contact.to_owned());
            self.contact_lang = Some(t.lang.clone());
        }
        if let Some(reason) = EventText::field(&t.cancel_reason)
            && self.cancel_reason.is_some()
        {
            self.cancel_reason = Some(reason.to_owned());
            self.reason_lang = Some(t.lang.clone());
        }
    }
}

/// A registration as its owner sees it.
#[derive(Debug, Serialize)]
pub struct RegistrationView {
    pub token: String,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub companions: i32,
    pub seats: i32,
    pub needs: Option<String>,
    /// The state people read (see `Registration::state`), with `unconfirmed` of its own.
    pub status: String,
    pub position: Option<i64>,
    /// Until when an unconfirmed registration waits for the person's confirmation.
    pub confirm_by: Option<String>,
    /// Reminders and organisers' messages still wanted (see the one-click unsubscribe).
    pub optional_mail: bool,
    pub registered_at: String,
    pub registered_iso: String,
}

impl RegistrationView {
    pub fn new(r: &Registration, position: Option<i64>, fmt: &Formatter) -> Self {
        RegistrationView {
            token: r.token.clone(),
            name: r.name.clone(),
            email: r.email.clone(),
            organisation: r.organisation.clone(),
            companions: r.companions,
            seats: r.seats,
            needs: r.needs.clone(),
            status: r.state().to_owned(),
            position,
            confirm_by: r
                .awaits_verification()
                .then_some(r.verify_deadline)
                .flatten()
                .map(|t| format!("{}, {}", fmt.date(t), fmt.time(t))),
            optional_mail: r.wants_optional_mail(),
            registered_at: format!("{}, {}", fmt.date(r.created_at), fmt.time(r.created_at)),
            registered_iso: fmt.iso(r.created_at),
        }
    }
}

/// The subscribe and "add to calendar" links for a meeting's page.
pub fn calendar_links(public_url: &str, d: &EventDetail) -> serde_json::Value {
    let base = public_url.trim_end_matches('/');
    let webcal = |path: &str| {
        format!(
            "webcal://{}{path}",
            base.split("://").nth(1).unwrap_or(base)
        )
    };
    let e = &d.event;
    let stamp = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%SZ").to_string();
    let iso = |t: NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let key = d.access_key.as_deref();
    let page = format!("{base}{}", event_path(e, key));
    let details = if e.summary.is_empty() {
        page.clone()
    } else {
        format!("{}\n\n{page}", e.summary)
    };
    let place = crate::ical::location(e);
    let mut out = serde_json::json!({
        "ics": format!("{base}/events/{}/calendar.ics{}", e.id, key_query(e, key)),
        "all_https": format!("{base}/calendar.ics"),
        "all_webcal": webcal("/calendar.ics"),
        "google": format!(
            "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}&location={}",
            url_encode(&e.title), stamp(e.starts_at), stamp(e.ends_at), url_encode(&details), url_encode(&place)
        ),
        "outlook": format!(
            "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent&subject={}&startdt={}&enddt={}&body={}&location={}",
            url_encode(&e.title), url_encode(&iso(e.starts_at)), url_encode(&iso(e.ends_at)), url_encode(&details), url_encode(&place)
        ),
    });
    if let Some(s) = &d.series {
        out["series_https"] = serde_json::json!(format!("{base}/series/{}/calendar.ics", s.slug));
        out["series_webcal"] =
            serde_json::json!(webcal(&format!("/series/{}/calendar.ics", s.slug)));
        out["series_title"] = serde_json::json!(s.title);
    }
    if let Some(c) = &d.category {
        out["category_https"] =
            serde_json::json!(format!("{base}/categories/{}/calendar.ics", c.slug));
        out["category_webcal"] =
            serde_json::json!(webcal(&format!("/categories/{}/calendar.ics", c.slug)));
    }
    out
}
