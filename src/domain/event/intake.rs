//! How a meeting takes registrations: online here (the default), not at all ("Anmeldung
//! nicht erforderlich"), by phone or e-mail to its contact (the office enters them), or at
//! another address. Capacity and the waiting list hold for every registration Treffpunkt
//! keeps, whichever way it came.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::DbConn;
use crate::db::schema::event_intake;

pub const ONLINE: &str = "online";
pub const NONE: &str = "none";
pub const CONTACT: &str = "contact";
pub const EXTERNAL: &str = "external";
pub const MODES: [&str; 4] = [ONLINE, NONE, CONTACT, EXTERNAL];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Intake {
    pub mode: String,
    /// The address where people register, for `external`.
    pub url: Option<String>,
}

impl Default for Intake {
    fn default() -> Self {
        Intake {
            mode: ONLINE.into(),
            url: None,
        }
    }
}

impl Intake {
    /// Whether people register through this site's form and API.
    pub fn is_online(&self) -> bool {
        self.mode == ONLINE
    }
}

pub fn intake_of(conn: &mut DbConn, event_id: i64) -> QueryResult<Intake> {
    Ok(event_intake::table
        .find(event_id)
        .select((event_intake::mode, event_intake::url))
        .first::<(String, Option<String>)>(conn)
        .optional()?
        .map(|(mode, url)| Intake { mode, url })
        .unwrap_or_default())
}

/// The meetings among `ids` that take registrations otherwise than online here.
pub fn intakes_of(
    conn: &mut DbConn,
    ids: &[i64],
) -> QueryResult<std::collections::HashMap<i64, Intake>> {
    Ok(event_intake::table
        .filter(event_intake::event_id.eq_any(ids))
        .select((
            event_intake::event_id,
            event_intake::mode,
            event_intake::url,
        ))
        .load::<(i64, String, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, mode, url)| (id, Intake { mode, url }))
        .collect())
}

/// Stores how the meeting takes registrations (online: no row).
pub fn save_intake(conn: &mut DbConn, event_id: i64, intake: &Intake) -> QueryResult<()> {
    diesel::delete(event_intake::table.find(event_id)).execute(conn)?;
    if !intake.is_online() {
        diesel::insert_into(event_intake::table)
            .values((
                event_intake::event_id.eq(event_id),
                event_intake::mode.eq(&intake.mode),
                event_intake::url.eq(&intake.url),
            ))
            .execute(conn)?;
    }
    Ok(())
}
