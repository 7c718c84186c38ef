//! The back office's archive: every meeting of the person's offices, past ones too, found
//! by title words in any case, by office, series, state and dates, a page at a time; never
//! another office's; a date that cannot be read is said at its field.

use chrono::Duration;
use rocket::http::Status;

use crate::support::TestApp;

crate::both_backends!(the_archive_finds_past_meetings_by_every_filter);

fn rows(page: &str) -> usize {
    page.matches("role=\"rowheader\"").count()
}

async fn the_archive_finds_past_meetings_by_every_filter(app: TestApp) {
    let ours = app.office("lra-ulm", "Landratsamt Ulm");
    let theirs = app.office("lra-bb", "Landratsamt Böblingen");
    let series = app.series(ours, "runder-tisch", "Runder Tisch Integration");
    let now = app.now();
    let meeting =
        |office: i64, title: &str, days: i64, status: &'static str, series: Option<i64>| {
            let title = title.to_owned();
            app.meeting_with(move |e| {
                e.columns.office_id = office;
                e.columns.title = title;
                e.columns.series_id = series;
                e.columns.starts_at = now + Duration::days(days);
                e.columns.ends_at = now + Duration::days(days) + Duration::hours(2);
                e.status = status;
            })
        };
    let old = meeting(
        ours,
        "Runder Tisch Integration",
        -200,
        "published",
        Some(series),
    );
    meeting(
        ours,
        "RUNDER TISCH Integration",
        30,
        "published",
        Some(series),
    );
    meeting(ours, "Infoabend Ehrenamt", -20, "cancelled", None);
    meeting(ours, "Sprachcafé 100%", 10, "draft", None);
    meeting(theirs, "Runder Tisch Böblingen", -100, "published", None);
    let password = app.account("orga@example.org", "organiser", &[ours]);
    let s = app.login("orga@example.org", &password).await;

    // the list of current meetings leaves the old one out; the archive has it
    let (_, home, _) = s.get("/admin").await;
    assert!(!home.contains(&format!("/admin/events/{old}\"")));
    let (status, all, _) = s.get("/admin/archive").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(rows(&all), 4, "our four, not Böblingen's: {all}");
    assert!(all.contains(&format!("/admin/events/{old}\"")) && !all.contains("Böblingen</a>"));

    // words of the title in any case, wildcards taken literally
    let (_, found, _) = s.get("/admin/archive?q=runder+tisch").await;
    assert_eq!(rows(&found), 2, "{found}");
    assert!(
        found.contains("value=\"runder tisch\""),
        "the words stay in the field"
    );
    let (_, found, _) = s.get("/admin/archive?q=100%25").await;
    assert_eq!(rows(&found), 1);
    let (_, found, _) = s.get("/admin/archive?q=%25").await;
    assert_eq!(rows(&found), 1, "% is no wildcard");
    // state, series, dates
    let (_, found, _) = s.get("/admin/archive?status=cancelled").await;
    assert_eq!(rows(&found), 1);
    assert!(found.contains("Infoabend Ehrenamt"));
    let (_, found, _) = s.get(&format!("/admin/archive?series={series}")).await;
    assert_eq!(rows(&found), 2);
    let day = |d: i64| {
        (now + Duration::days(d))
            .date()
            .format("%Y-%m-%d")
            .to_string()
    };
    let (_, found, _) = s
        .get(&format!("/admin/archive?from={}&to={}", day(-30), day(15)))
        .await;
    assert_eq!(
        rows(&found),
        2,
        "the cancelled evening and the draft: {found}"
    );
    // another office's meetings stay out even when asked for
    let (_, found, _) = s.get(&format!("/admin/archive?office={theirs}")).await;
    assert_eq!(rows(&found), 0);
    assert!(found.contains("Keine Veranstaltung gefunden."), "{found}");

    // a date that cannot be read: said at its field, the value kept, the rest still found
    let (status, found, _) = s.get("/admin/archive?from=31.02.2026&q=runder").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(
        found.contains("id=\"from-error\"") && found.contains("value=\"31.02.2026\""),
        "{found}"
    );
    assert_eq!(rows(&found), 2);

    // a page at a time, the filter kept in the page links
    for i in 0..30 {
        meeting(
            ours,
            &format!("Sprechstunde {i}"),
            -i - 1,
            "published",
            None,
        );
    }
    let (_, first, _) = s.get("/admin/archive?q=sprechstunde").await;
    assert_eq!(rows(&first), 25);
    assert!(
        first.contains("/admin/archive?q=sprechstunde&amp;page=2"),
        "{first}"
    );
    let (_, second, _) = s.get("/admin/archive?q=sprechstunde&page=2").await;
    assert_eq!(rows(&second), 5);
    assert!(second.contains("Seite 2 von 2"));
}
