//! The reply matrix of a Runder Tisch: organisations down, dates across, each reply kind in
//! its cell with the totals per date, the same in CSV (plain and for German Excel) and XLSX,
//! and nothing of it for another office.

use rocket::http::Status;
use treffpunkt::domain::account;
use treffpunkt::domain::invitation::reply::Answer;

use crate::both_backends;
use crate::support::{StaffSession, TestApp};

both_backends!(
    every_reply_has_its_cell_and_totals,
    exports_read_back_as_the_page_shows,
    another_office_finds_no_matrix
);

const SCHOOL: &str = "Berufliche Schule Tübingen";
const JOBCENTER: &str = "Jobcenter Tübingen";
/// An organisation whose name a spreadsheet would take for a formula.
const FORMULA: &str = "=HYPERLINK(\"x\") Verein";

/// A Runder Tisch with two dates and three organisations: Anna comes to the first date and
/// declines the second; Bernd sends Clara to the first and is not invited to the second;
/// Dora has not answered for the first and comes to the second; Emil (of an organisation
/// with an awkward name) is invited to the second only.
pub(crate) struct Round {
    pub series: i64,
    pub first: i64,
    pub second: i64,
    pub office: i64,
}

pub(crate) fn round(app: &TestApp) -> Round {
    let office = app.office("runder-tisch", "Landratsamt Tübingen, Integration");
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let date = |weeks: i64| {
        app.meeting_with(|e| {
            e.columns.office_id = office;
            e.columns.series_id = Some(series);
            e.columns.title = "Runder Tisch Integration".into();
            e.columns.visibility = "partners".into();
            e.columns.starts_at += chrono::Duration::weeks(weeks);
            e.columns.ends_at += chrono::Duration::weeks(weeks);
        })
    };
    let (first, second) = (date(0), date(4));
    let school = app.partner_org(office, SCHOOL);
    let jobcenter = app.partner_org(office, JOBCENTER);
    let odd = app.partner_org(office, FORMULA);
    let (anna, _) = app.partner_contact(school, "Anna Berger", "anna@schule.example.org", "de");
    let (bernd, _) = app.partner_contact(school, "Bernd Keller", "bernd@schule.example.org", "de");
    let (dora, _) = app.partner_contact(jobcenter, "Dora Yılmaz", "dora@jc.example.org", "de");
    let (emil, _) = app.partner_contact(odd, "Emil Braun", "emil@verein.example.org", "de");
    let t = app.partner_invitation(first, anna);
    app.partner_answer(&t, Answer::Come).expect("a seat");
    let t = app.partner_invitation(second, anna);
    assert_eq!(app.partner_answer(&t, Answer::Decline), None);
    let t = app.partner_invitation(first, bernd);
    app.partner_answer(
        &t,
        Answer::Substitute {
            name: "Clara Vogt".into(),
            email: "clara@schule.example.org".into(),
        },
    )
    .expect("the substitute's seat");
    app.partner_invitation(first, dora);
    let t = app.partner_invitation(second, dora);
    app.partner_answer(&t, Answer::Come).expect("a seat");
    app.partner_invitation(second, emil);
    Round {
        series,
        first,
        second,
        office,
    }
}

async fn organiser(app: &TestApp, r: &Round) -> StaffSession {
    let password = app.account(
        "geschaeftsstelle@example.org",
        account::ROLE_ORGANISER,
        &[r.office],
    );
    app.login("geschaeftsstelle@example.org", &password).await
}

/// The text of each cell in the row headed `head`, tags removed.
pub(crate) fn row(html: &str, head: &str) -> Vec<String> {
    let start = html
        .find(&format!("<th scope=\"row\">{head}"))
        .unwrap_or_else(|| panic!("a row for {head}"));
    let tr = &html[start..];
    let tr = &tr[..tr.find("</tr>").unwrap()];
    tr.split("<td")
        .skip(1)
        .map(|cell| {
            let inner = &cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()];
            strip_tags(inner)
        })
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

async fn every_reply_has_its_cell_and_totals(app: TestApp) {
    let r = round(&app);
    let s = organiser(&app, &r).await;
    let (status, html, _) = s.get(&format!("/admin/series/{}/replies", r.series)).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("<caption"), "the table says what it is");
    assert_eq!(row(&html, "Anna Berger"), ["kommt", "abgesagt"]);
    assert_eq!(
        row(&html, "Bernd Keller"),
        ["Vertretung: Clara Vogt", "nicht eingeladen"]
    );
    assert_eq!(row(&html, "Dora Yılmaz"), ["keine Antwort", "kommt"]);
    assert_eq!(
        row(&html, "Emil Braun"),
        ["nicht eingeladen", "keine Antwort"]
    );
    // organisations down, by name, each heading its people
    let at = |text: &str| html.find(text).unwrap_or_else(|| panic!("{text} shown"));
    assert!(at("scope=\"rowgroup\"") < at(SCHOOL));
    assert!(at(SCHOOL) < at("Anna Berger") && at("Bernd Keller") < at(JOBCENTER));
    assert!(at(JOBCENTER) < at("Dora Yılmaz"));
    // the totals per date
    assert_eq!(row(&html, "Zusagen"), ["1", "1"]);
    assert_eq!(row(&html, "Absagen"), ["0", "1"]);
    assert_eq!(row(&html, "Vertretungen"), ["1", "0"]);
    assert_eq!(row(&html, "Ohne Antwort"), ["1", "1"]);

    // one date alone: only who was invited to it
    let (status, html, _) = s.get(&format!("/admin/events/{}/replies", r.second)).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(row(&html, "Anna Berger"), ["abgesagt"]);
    assert_eq!(row(&html, "Dora Yılmaz"), ["kommt"]);
    assert!(!html.contains("Bernd Keller"), "not invited to this date");
    assert_eq!(row(&html, "Zusagen"), ["1"]);

    // a changed answer shows at once
    let token: String = {
        use diesel::prelude::*;
        use treffpunkt::db::schema::{invitations, partner_contacts};
        invitations::table
            .inner_join(partner_contacts::table)
            .filter(invitations::event_id.eq(r.first))
            .filter(partner_contacts::name.eq("Dora Yılmaz"))
            .select(invitations::token)
            .first(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(app.partner_answer(&token, Answer::Decline), None);
    let (_, html, _) = s.get(&format!("/admin/series/{}/replies", r.series)).await;
    assert_eq!(row(&html, "Dora Yılmaz"), ["abgesagt", "kommt"]);
    assert_eq!(row(&html, "Absagen"), ["1", "1"]);
    assert_eq!(row(&html, "Ohne Antwort"), ["0", "1"]);

    // a meeting nobody was invited to says so
    let lonely = app.meeting_with(|e| e.columns.office_id = r.office);
    let (status, html, _) = s.get(&format!("/admin/events/{lonely}/replies")).await;
    assert_eq!(status, Status::Ok);
    assert!(html.contains("noch niemand eingeladen"));
}

async fn exports_read_back_as_the_page_shows(app: TestApp) {
    let r = round(&app);
    let s = organiser(&app, &r).await;
    let base = format!("/admin/series/{}/replies", r.series);

    // for German Excel: BOM, semicolons
    let (status, ct, body) = s.get_bytes(&format!("{base}.csv?excel=1")).await;
    assert_eq!(status, Status::Ok);
    assert!(ct.unwrap().starts_with("text/csv"));
    assert!(body.starts_with("\u{feff}".as_bytes()), "UTF-8 with BOM");
    let rows = read_csv(&body[3..], b';');
    assert_eq!(rows[0][..3], ["Organisation", "Person", "E-Mail"]);
    assert_eq!(rows[0].len(), 5, "one column per date");
    assert!(
        rows[0][3].contains('.') && rows[0][3].contains(':'),
        "a date and time"
    );
    let person = |name: &str| rows.iter().find(|r| r[1] == name).unwrap().clone();
    assert_eq!(
        person("Anna Berger"),
        [
            SCHOOL,
            "Anna Berger",
            "anna@schule.example.org",
            "kommt",
            "abgesagt"
        ]
    );
    assert_eq!(
        person("Bernd Keller")[3..],
        ["Vertretung: Clara Vogt", "nicht eingeladen"]
    );
    let emil = person("Emil Braun");
    assert_eq!(emil[0], format!("'{FORMULA}"), "no formula for Excel");
    let totals: Vec<&Vec<String>> = rows.iter().rev().take(4).rev().collect();
    assert_eq!(totals[0], &["Zusagen", "", "", "1", "1"]);
    assert_eq!(totals[3], &["Ohne Antwort", "", "", "1", "1"]);

    // plain CSV: commas, no BOM
    let (_, _, plain) = s.get_bytes(&format!("{base}.csv")).await;
    assert!(!plain.starts_with("\u{feff}".as_bytes()));
    assert_eq!(read_csv(&plain, b','), rows);

    // XLSX: the same cells, the totals as numbers
    let (status, _, xlsx) = s.get_bytes(&format!("{base}.xlsx")).await;
    assert_eq!(status, Status::Ok);
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<Vec<calamine::Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(cells.len(), rows.len());
    assert_eq!(person_in(&cells, "Anna Berger")[3].to_string(), "kommt");
    assert_eq!(
        person_in(&cells, "Bernd Keller")[3].to_string(),
        "Vertretung: Clara Vogt"
    );
    assert_eq!(
        person_in(&cells, "Emil Braun")[0].to_string(),
        FORMULA,
        "kept as text, not a formula"
    );
    let come = &cells[cells.len() - 4];
    assert_eq!(come[0].to_string(), "Zusagen");
    assert_eq!(come[3], calamine::Data::Float(1.0));
    assert_eq!(come[4], calamine::Data::Float(1.0));

    // one date's export
    let (status, _, body) = s
        .get_bytes(&format!("/admin/events/{}/replies.csv?excel=1", r.second))
        .await;
    assert_eq!(status, Status::Ok);
    let rows = read_csv(&body[3..], b';');
    assert_eq!(rows[0].len(), 4);
    assert!(!rows.iter().any(|r| r[1] == "Bernd Keller"));
}

fn person_in<'a>(cells: &'a [Vec<calamine::Data>], name: &str) -> &'a Vec<calamine::Data> {
    cells.iter().find(|r| r[1] == name).unwrap()
}

fn read_csv(body: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn another_office_finds_no_matrix(app: TestApp) {
    let r = round(&app);
    let theirs = app.office("amt-b", "Landratsamt B");
    let password = app.account("fremd@example.org", account::ROLE_ORGANISER, &[theirs]);
    let stranger = app.login("fremd@example.org", &password).await;
    for path in [
        format!("/admin/series/{}/replies", r.series),
        format!("/admin/series/{}/replies.csv?excel=1", r.series),
        format!("/admin/series/{}/replies.xlsx", r.series),
        format!("/admin/events/{}/replies", r.first),
        format!("/admin/events/{}/replies.csv", r.first),
        format!("/admin/events/{}/replies.xlsx", r.first),
    ] {
        let (status, body, _) = stranger.get(&path).await;
        assert_eq!(status, Status::NotFound, "{path}");
        assert!(!body.contains("Anna"), "{path}");
    }
    // the same for what does not exist at all, and for nobody logged in
    let (status, _, _) = stranger.get("/admin/series/999999/replies").await;
    assert_eq!(status, Status::NotFound);
    let (status, _, location) = app
        .anonymous()
        .await
        .get(&format!("/admin/series/{}/replies", r.series))
        .await;
    assert_eq!(status, Status::SeeOther);
    assert!(location.unwrap().starts_with("/admin/login"));
    // the office's own organiser sees it
    let s = organiser(&app, &r).await;
    let (status, _, _) = s.get(&format!("/admin/series/{}/replies", r.series)).await;
    assert_eq!(status, Status::Ok);
}
