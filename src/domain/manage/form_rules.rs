//! The meeting form's rules field by field: lengths, one-line text, times in the local
//! zone and in the window of years, numbers in range, coordinates, visibility.

use chrono::NaiveDateTime;

use super::form::{EventFields, EventInput, text};
use super::local_time::{in_date_window, parse_local};
use crate::domain::event::{EventColumns, Intake, intake};
use crate::domain::{FieldErrors, event_text};

impl EventInput {
    /// Checks every field; `may_use_office` says whether the person may put a meeting
    /// into that office. Times must lie in the window of `in_date_window(…, now)`.
    pub fn validate(
        &self,
        tz: chrono_tz::Tz,
        (content_lang, now): (&str, NaiveDateTime),
        may_use_office: &dyn Fn(i64) -> bool,
    ) -> Result<EventFields, FieldErrors> {
        let mut errors = FieldErrors::new();
        // one line of text: a line break would end up in mail subjects and calendar entries
        let mut line = |field: &'static str, v: &Option<String>, max: usize| -> Option<String> {
            let s = text(v)?;
            if s.chars().count() > max {
                errors.insert(field, "error-too-long");
                None
            } else if let Some(problem) = crate::domain::validate::single_line_problem(s) {
                errors.insert(field, problem);
                None
            } else {
                Some(s.to_owned())
            }
        };
        let title = line("title", &self.title, 200);
        let venue_name = line("venue_name", &self.venue_name, 200);
        let street = line("street", &self.street, 200);
        let postal_code = line("postal_code", &self.postal_code, 20);
        let town = line("town", &self.town, 100);
        let venue_room = line("venue_room", &self.venue_room, 200);
        let contact_name = line("contact_name", &self.contact_name, 200);
        let contact_phone = line("contact_phone", &self.contact_phone, 50);
        let contact_email = line("contact_email", &self.contact_email, 254);
        let mut required = |field: &'static str, v: &Option<String>, checked: Option<String>| {
            if text(v).is_none() {
                errors.insert(field, "error-required");
            }
            checked.unwrap_or_default()
        };
        let title = required("title", &self.title, title);
        let venue_name = required("venue_name", &self.venue_name, venue_name);
        let street = required("street", &self.street, street);
        let postal_code = required("postal_code", &self.postal_code, postal_code);
        let town = required("town", &self.town, town);

        let mut optional =
            |field: &'static str, v: &Option<String>, max: usize| -> Option<String> {
                let s = text(v)?;
                if s.chars().count() > max {
                    errors.insert(field, "error-too-long");
                    None
                } else {
                    Some(s.to_owned())
                }
            };
        let summary = optional("summary", &self.summary, 500).unwrap_or_default();
        let description = optional("description", &self.description, 20_000).unwrap_or_default();
        if contact_email
            .as_deref()
            .is_some_and(|e| !crate::domain::validate::is_deliverable_email(e))
        {
            errors.insert("contact_email", "error-email-invalid");
        }

        let mut time =
            |field: &'static str, v: &Option<String>, needed: bool| -> Option<NaiveDateTime> {
                match text(v) {
                    None if needed => {
                        errors.insert(field, "error-required");
                        None
                    }
                    None => None,
                    Some(s) => match parse_local(s, tz) {
                        None => {
                            errors.insert(field, "error-datetime-invalid");
                            None
                        }
                        Some(t) if !in_date_window(t, now) => {
                            errors.insert(field, "error-date-out-of-range");
                            None
                        }
                        t => t,
                    },
                }
            };
        let starts_at = time("starts_at", &self.starts_at, true);
        let ends_at = time("ends_at", &self.ends_at, true);
        let opens = time("registration_opens_at", &self.registration_opens_at, false);
        let closes = time(
            "registration_closes_at",
            &self.registration_closes_at,
            false,
        );
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errors.insert("ends_at", "error-end-before-start");
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && c <= o
        {
            errors.insert("registration_closes_at", "error-window-invalid");
        }

        let mut number =
            |field: &'static str, v: &Option<String>, min: i64, max: i64| -> Option<i64> {
                let s = text(v)?;
                match s.parse::<i64>() {
                    Ok(n) if (min..=max).contains(&n) => Some(n),
                    _ => {
                        errors.insert(field, "error-number-invalid");
                        None
                    }
                }
            };
        let capacity = number("capacity", &self.capacity, 1, 100_000).map(|n| n as i32);
        let max_companions =
            number("max_companions", &self.max_companions, 0, 20).unwrap_or(0) as i32;
        let office_id = number("office_id", &self.office_id, 1, i64::MAX);
        let reminder_hours =
            number("reminder_hours", &self.reminder_hours, 1, 24 * 14).map(|n| n as i32);
        let retention_days =
            number("retention_days", &self.retention_days, 1, 3650).map(|n| n as i32);
        let category_id = number("category_id", &self.category_id, 1, i64::MAX);
        let series_id = number("series_id", &self.series_id, 1, i64::MAX);
        let intake = intake_rule(&self.registration_mode, &self.registration_url, &mut errors);
        match office_id {
            None if !errors.contains_key("office_id") => {
                errors.insert("office_id", "error-required");
            }
            Some(o) if !may_use_office(o) => {
                errors.insert("office_id", "error-office-forbidden");
            }
            _ => {}
        }

        let mut coordinate = |field: &'static str, v: &Option<String>, limit: f64| -> Option<f64> {
            let s = text(v)?;
            match s.replace(',', ".").parse::<f64>() {
                Ok(x) if x.is_finite() && x.abs() <= limit => Some(x),
                _ => {
                    errors.insert(field, "error-coordinates-invalid");
                    None
                }
            }
        };
        let latitude = coordinate("latitude", &self.latitude, 90.0);
        let longitude = coordinate("longitude", &self.longitude, 180.0);
        if latitude.is_some() != longitude.is_some()
            && !errors.contains_key("latitude")
            && !errors.contains_key("longitude")
        {
            errors.insert("longitude", "error-coordinates-invalid");
        }
        let texts = event_text::validate(&self.texts, content_lang).unwrap_or_else(|key| {
            errors.insert("texts", key);
            Vec::new()
        });
        let visibility = match text(&self.visibility) {
            None | Some("public") => "public",
            Some("unlisted") => "unlisted",
            Some("partners") => "partners",
            Some(_) => {
                errors.insert("visibility", "error-choice-invalid");
                "public"
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EventFields {
            columns: EventColumns {
                title,
                summary,
                description,
                starts_at: starts_at.unwrap_or_default(),
                ends_at: ends_at.unwrap_or_default(),
                venue_name,
                venue_room,
                street,
                postal_code,
                town,
                latitude,
                longitude,
                office_id: office_id.unwrap_or_default(),
                category_id,
                series_id,
                contact_name,
                contact_phone,
                contact_email,
                capacity,
                max_companions,
                waitlist_enabled: text(&self.waitlist_enabled).is_some(),
                registration_opens_at: opens,
                registration_closes_at: closes,
                visibility: visibility.to_owned(),
                reminder_hours,
                double_opt_in: text(&self.double_opt_in).is_some(),
            },
            retention_days,
            intake,
            texts,
        })
    }
}

/// How the meeting takes registrations; another site's address must be a web address.
fn intake_rule(mode: &Option<String>, url: &Option<String>, errors: &mut FieldErrors) -> Intake {
    let mode = match text(mode) {
        None => intake::ONLINE,
        Some(m) => match intake::MODES.iter().find(|k| **k == m) {
            Some(k) => k,
            None => {
                errors.insert("registration_mode", "error-choice-invalid");
                intake::ONLINE
            }
        },
    };
    let url = text(url).map(str::to_owned);
    if mode == intake::EXTERNAL {
        let ok = url.as_deref().is_some_and(|u| {
            (u.starts_with("https://") || u.starts_with("http://"))
                && u.chars().count() <= 500
                && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        });
        if !ok {
            errors.insert("registration_url", "error-url-invalid");
        }
    }
    Intake {
        mode: mode.to_owned(),
        url: url.filter(|_| mode == intake::EXTERNAL),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;

    const TZ: chrono_tz::Tz = chrono_tz::Europe::Berlin;

    fn any_field() -> impl Strategy<Value = Option<String>> {
        prop::option::of(prop_oneof![
            "\\PC{0,30}",
            "-?[0-9]{1,8}([.,][0-9]{1,4})?",
            "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]",
            any::<String>(),
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn accepted_meetings_keep_every_rule(
            title in any_field(), summary in any_field(), starts_at in any_field(), ends_at in any_field(),
            venue_name in any_field(), street in any_field(), postal_code in any_field(), town in any_field(),
            latitude in any_field(), longitude in any_field(), office_id in any_field(), capacity in any_field(),
            max_companions in any_field(), registration_opens_at in any_field(), registration_closes_at in any_field(),
            visibility in prop::option::of(prop_oneof![Just("public".to_owned()), Just("unlisted".to_owned()), "\\PC{0,8}"]),
            reminder_hours in any_field(), contact_email in any_field(),
        ) {
            let input = EventInput {
                title, summary, starts_at, ends_at, venue_name, street, postal_code, town, latitude,
                longitude, office_id, capacity, max_companions, registration_opens_at,
                registration_closes_at, visibility, reminder_hours, contact_email,
                ..Default::default()
            };
            let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap().and_hms_opt(1, 0, 0).unwrap();
            if let Ok(f) = input.validate(TZ, ("de", now), &|o| o == 1) {
                prop_assert!(!f.columns.title.is_empty() && f.columns.title.chars().count() <= 200);
                prop_assert!(f.columns.postal_code.chars().count() <= 20 && f.columns.town.chars().count() <= 100);
                prop_assert!(f.columns.ends_at > f.columns.starts_at);
                prop_assert_eq!(f.columns.office_id, 1);
                prop_assert!(f.columns.capacity.is_none_or(|c| (1..=100_000).contains(&c)));
                prop_assert!((0..=20).contains(&f.columns.max_companions));
                prop_assert!(f.columns.reminder_hours.is_none_or(|h| (1..=24 * 14).contains(&h)));
                prop_assert_eq!(f.columns.latitude.is_some(), f.columns.longitude.is_some());
                prop_assert!(f.columns.latitude.is_none_or(|x| x.abs() <= 90.0));
                prop_assert!(f.columns.longitude.is_none_or(|x| x.abs() <= 180.0));
                prop_assert!(["public", "unlisted", "partners"].contains(&f.columns.visibility.as_str()));
                if let (Some(o), Some(c)) = (f.columns.registration_opens_at, f.columns.registration_closes_at) {
                    prop_assert!(c > o);
                }
                prop_assert!(f.columns.contact_email.as_deref().is_none_or(crate::domain::validate::is_deliverable_email));
                prop_assert!(in_date_window(f.columns.starts_at, now) && in_date_window(f.columns.ends_at, now));
                for line in [&f.columns.title, &f.columns.venue_name, &f.columns.street, &f.columns.postal_code, &f.columns.town] {
                    prop_assert!(crate::domain::validate::single_line_problem(line).is_none());
                }
            }
        }
    }
}
