//! VTIMEZONE blocks with yearly rules (RRULE form), as Outlook and Apple expect them.

/// Whether we can describe `tz` with a VTIMEZONE (else times are written in UTC).
pub fn has_vtimezone(tz: chrono_tz::Tz) -> bool {
    vtimezone(tz).is_some()
}

/// The zones of the EU rule (last Sunday of March / October at 01:00 UTC).
pub fn vtimezone(tz: chrono_tz::Tz) -> Option<&'static str> {
    match tz {
        chrono_tz::Europe::Berlin => Some(concat!(
            "BEGIN:VTIMEZONE\r\n",
            "TZID:Europe/Berlin\r\n",
            "X-LIC-LOCATION:Europe/Berlin\r\n",
            "BEGIN:DAYLIGHT\r\n",
            "TZOFFSETFROM:+0100\r\n",
            "TZOFFSETTO:+0200\r\n",
            "TZNAME:CEST\r\n",
            "DTSTART:19700329T020000\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
            "END:DAYLIGHT\r\n",
            "BEGIN:STANDARD\r\n",
            "TZOFFSETFROM:+0200\r\n",
            "TZOFFSETTO:+0100\r\n",
            "TZNAME:CET\r\n",
            "DTSTART:19701025T030000\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
            "END:STANDARD\r\n",
            "END:VTIMEZONE\r\n",
        )),
        _ => None,
    }
}
