//! Small charts drawn on the server as SVG: no JavaScript, readable by screen readers
//! through their title and description.

use std::fmt::Write;

use chrono::NaiveDateTime;

use crate::i18n::{self, Formatter};

const W: f64 = 600.0;
const H: f64 = 220.0;
const PAD_L: f64 = 44.0;
const PAD_B: f64 = 28.0;
const PAD_T: f64 = 12.0;
const PAD_R: f64 = 12.0;

fn esc(s: &str) -> String {
    crate::i18n::escape_html(s)
}

/// Seats taken over time (cumulative), with the capacity as a dashed line.
pub fn registrations_over_time(
    points: &[(NaiveDateTime, i32)],
    capacity: Option<i32>,
    fmt: &Formatter,
    lang: &str,
) -> String {
    let total: i64 = points.iter().map(|(_, s)| i64::from(*s)).sum();
    let title = i18n::text(lang, "chart-registrations-title");
    let desc = i18n::text_with(
        lang,
        "chart-registrations-desc",
        &[
            ("count", total.into()),
            ("registrations", (points.len() as i64).into()),
        ],
    );
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-reg-title chart-reg-desc" xmlns="http://www.w3.org/2000/svg"><title id="chart-reg-title">{}</title><desc id="chart-reg-desc">{}</desc>"#,
        esc(&title),
        esc(&desc)
    );
    let y_max = (total.max(i64::from(capacity.unwrap_or(0))).max(1)) as f64;
    let plot_w = W - PAD_L - PAD_R;
    let plot_h = H - PAD_T - PAD_B;
    let y = |v: f64| PAD_T + plot_h - v / y_max * plot_h;
    // axes
    let _ = write!(
        svg,
        r##"<line x1="{PAD_L}" y1="{}" x2="{}" y2="{}" stroke="#4a5360"/>"##,
        H - PAD_B,
        W - PAD_R,
        H - PAD_B
    );
    let _ = write!(
        svg,
        r##"<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{}" stroke="#4a5360"/>"##,
        H - PAD_B
    );
    let _ = write!(
        svg,
        r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#1b1f24">{}</text>"##,
        PAD_L - 6.0,
        y(y_max) + 4.0,
        y_max as i64
    );
    let _ = write!(
        svg,
        r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#1b1f24">0</text>"##,
        PAD_L - 6.0,
        H - PAD_B + 4.0
    );
    if let Some(c) = capacity {
        let cy = y(f64::from(c));
        let _ = write!(
            svg,
            r##"<line x1="{PAD_L}" y1="{cy:.1}" x2="{}" y2="{cy:.1}" stroke="#a4161a" stroke-dasharray="6 4"/>"##,
            W - PAD_R
        );
        let _ = write!(
            svg,
            r##"<text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="#a4161a">{}</text>"##,
            W - PAD_R,
            cy - 4.0,
            esc(&i18n::text(lang, "chart-capacity"))
        );
    }
    if let (Some(first), Some(last)) = (points.first(), points.last()) {
        let span = (last.0 - first.0).num_seconds().max(1) as f64;
        let x = |t: NaiveDateTime| PAD_L + (t - first.0).num_seconds() as f64 / span * plot_w;
        let mut d = format!("M{PAD_L:.1},{:.1}", y(0.0));
        let mut sum = 0i64;
        for (t, seats) in points {
            let px = if points.len() == 1 {
                PAD_L + plot_w
            } else {
                x(*t)
            };
            let _ = write!(d, " L{px:.1},{:.1}", y(sum as f64));
            sum += i64::from(*seats);
            let _ = write!(d, " L{px:.1},{:.1}", y(sum as f64));
        }
        let _ = write!(
            svg,
            r##"<path d="{d}" fill="none" stroke="#0b5394" stroke-width="2.5"/>"##
        );
        let _ = write!(
            svg,
            r##"<text x="{PAD_L}" y="{}" font-size="12" fill="#1b1f24">{}</text>"##,
            H - 8.0,
            esc(&fmt.date(first.0))
        );
        if points.len() > 1 {
            let _ = write!(
                svg,
                r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#1b1f24">{}</text>"##,
                W - PAD_R,
                H - 8.0,
                esc(&fmt.date(last.0))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Checked in against confirmed seats (and capacity) as one bar.
pub fn progress(checked_in: i64, confirmed: i64, capacity: Option<i32>, lang: &str) -> String {
    let full = confirmed.max(i64::from(capacity.unwrap_or(0))).max(1) as f64;
    let title = i18n::text(lang, "chart-checkin-title");
    let desc = i18n::text_with(
        lang,
        "chart-checkin-desc",
        &[
            ("checked", checked_in.into()),
            ("confirmed", confirmed.into()),
        ],
    );
    let width = W - 2.0;
    let confirmed_w = confirmed as f64 / full * width;
    let checked_w = checked_in as f64 / full * width;
    format!(
        r##"<svg class="chart" viewBox="0 0 {W} 64" role="img" aria-labelledby="chart-ci-title chart-ci-desc" xmlns="http://www.w3.org/2000/svg"><title id="chart-ci-title">{}</title><desc id="chart-ci-desc">{}</desc><rect x="1" y="8" width="{width:.1}" height="28" fill="#fff" stroke="#4a5360"/><rect x="1" y="8" width="{confirmed_w:.1}" height="28" fill="#c9ced6"/><rect x="1" y="8" width="{checked_w:.1}" height="28" fill="#1e6b32"/><text x="1" y="56" font-size="13" fill="#1b1f24">{}</text></svg>"##,
        esc(&title),
        esc(&desc),
        esc(&desc)
    )
}

/// Horizontal bars with their values, one per line (`items`: label, value); `id` makes the
/// title and description unique on a page with several charts. Screen readers get the
/// title and the description, which should list what the bars show.
pub fn bars(id: &str, title: &str, desc: &str, items: &[(String, i64)]) -> String {
    const ROW: f64 = 26.0;
    const LABEL_W: f64 = 200.0;
    const VALUE_W: f64 = 56.0;
    let height = (items.len().max(1) as f64) * ROW + 8.0;
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let width = W - LABEL_W - VALUE_W;
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {W} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for (i, (label, value)) in items.iter().enumerate() {
        let y = 4.0 + i as f64 * ROW;
        let label: String = if label.chars().count() > 30 {
            label.chars().take(29).chain(['…']).collect()
        } else {
            label.clone()
        };
        let w = (*value as f64 / max * width).max(if *value > 0 { 1.0 } else { 0.0 });
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="13" text-anchor="end" fill="#1b1f24">{}</text><rect x="{LABEL_W}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="#0b5394"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#1b1f24">{value}</text>"##,
            LABEL_W - 8.0,
            y + 17.0,
            esc(&label),
            y + 3.0,
            ROW - 8.0,
            LABEL_W + w + 6.0,
            y + 17.0,
        );
    }
    svg.push_str("</svg>");
    svg
}
