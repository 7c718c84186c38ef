//! Every back-office page in a real browser, at a desktop's size (1280×800) and a phone's
//! (390×844), in German and English: a screenshot of each, no page wider than its window, no
//! table wider than its box unless it scrolls in a labelled region (and none at all on the
//! desktop), no button whose text is cut off, and axe (WCAG 2.1 AA) without findings.
//! (Over 400 lines: the list of pages and the data that fills each of them.)
//!
//! A new back-office page is one line in [`PAGES`].

use diesel::prelude::*;
use fantoccini::Client;
use serde_json::json;
use treffpunkt::db::schema::{outbox, registrations};
use treffpunkt::domain::account;
use treffpunkt::domain::question::Scope;

use crate::a11y::{audit, heading, log_in, open, switch_language};
use crate::browser::{Driver, door_link, serve};
use crate::layout::{layout_faults, resize, screenshot_dir, screenshots};
use crate::support::{Backend, TestApp, start};

/// What a page's heading says.
enum Heading {
    /// a Fluent message (checked in the page's language)
    Key(&'static str),
    /// text from the data (a meeting's title)
    Text(&'static str),
}
use Heading::{Key, Text};

/// (screenshot name, path, heading). In the path, `{event}` is the full meeting with a
/// waiting list, `{setup}` a set-up link's token, `{series}` its series, `{question}` one
/// of its questions, `{registration}` a confirmed registration of it, `{agenda_item}` the
/// first item of its agenda, `{partner}` a partner organisation of its office `{office}`
/// with `{contact}`, `{import}` a partner list waiting for confirmation, `{topic}` a topic.
const PAGES: &[(&str, &str, Heading)] = &[
    ("login", "/admin/login", Key("login-title")),
    ("setup", "/admin/setup/{setup}", Key("setup-title")),
    ("home", "/admin", Key("staff-meetings")),
    ("archive", "/admin/archive", Key("staff-archive")),
    ("report", "/admin/report", Key("report-title")),
    ("event-new", "/admin/events/new", Key("staff-new-event")),
    (
        "event-edit",
        "/admin/events/{event}/edit",
        Key("staff-edit-event"),
    ),
    ("event", "/admin/events/{event}", Text(TITLE)),
    (
        "event-preview",
        "/admin/events/{event}/preview",
        Text(TITLE),
    ),
    (
        "registrations",
        "/admin/events/{event}/registrations",
        Key("staff-registrations"),
    ),
    (
        "registrations-waiting",
        "/admin/events/{event}/registrations?status=waiting",
        Key("staff-registrations"),
    ),
    (
        "message",
        "/admin/events/{event}/message",
        Key("message-title"),
    ),
    (
        "message-selection",
        "/admin/events/{event}/message?group=selection&status=waiting",
        Key("message-title"),
    ),
    (
        "door-links",
        "/admin/events/{event}/door",
        Key("door-links"),
    ),
    (
        "questions",
        "/admin/events/{event}/questions",
        Key("staff-questions"),
    ),
    (
        "series-questions",
        "/admin/series/{series}/questions",
        Key("staff-questions"),
    ),
    ("series", "/admin/series/{series}", Text(TITLE)),
    (
        "question-edit",
        "/admin/questions/{question}/edit",
        Key("staff-questions"),
    ),
    (
        "agenda",
        "/admin/events/{event}/agenda",
        Key("agenda-staff-title"),
    ),
    (
        "agenda-item-edit",
        "/admin/agenda/{agenda_item}/edit",
        Key("agenda-staff-title"),
    ),
    (
        "minutes",
        "/admin/events/{event}/minutes",
        Key("minutes-staff-title"),
    ),
    (
        "registration-add",
        "/admin/events/{event}/registrations/new",
        Key("staff-add-registration"),
    ),
    (
        "registration-edit",
        "/admin/events/{event}/registrations/{registration}/edit",
        Key("staff-edit-title"),
    ),
    (
        "registration-cancel",
        "/admin/events/{event}/registrations/{registration}/cancel",
        Key("staff-confirm-cancel-title"),
    ),
    (
        "registration-erase",
        "/admin/events/{event}/registrations/{registration}/erase",
        Key("staff-confirm-erase-title"),
    ),
    (
        "slip",
        "/admin/events/{event}/registrations/{registration}/slip",
        Text("Anmeldebestätigung"),
    ),
    (
        "sign-in",
        "/admin/events/{event}/sign-in",
        Key("paper-sign-in-title"),
    ),
    (
        "sign-in-email",
        "/admin/events/{event}/sign-in?email=1&order=organisation&walk_ins=3",
        Key("paper-sign-in-title"),
    ),
    (
        "certificates",
        "/admin/events/{event}/certificates",
        Key("paper-certificates-title"),
    ),
    ("series-new", "/admin/series/new", Key("staff-new-series")),
    (
        "series-replies",
        "/admin/series/{series}/replies",
        Key("replies-title"),
    ),
    (
        "event-replies",
        "/admin/events/{event}/replies",
        Key("replies-title"),
    ),
    (
        "series-attendance",
        "/admin/series/{series}/attendance",
        Text(TITLE),
    ),
    (
        "partners",
        "/admin/partners?office={office}",
        Key("staff-partners"),
    ),
    ("partner", "/admin/partners/{partner}", Text(PARTNER)),
    (
        "partner-contact",
        "/admin/partners/{partner}/contacts/{contact}",
        Key("staff-partner-contact-edit"),
    ),
    (
        "partners-import",
        "/admin/partners/import?office={office}",
        Key("staff-partner-import"),
    ),
    (
        "partners-preview",
        "/admin/partners/import/{import}",
        Key("staff-partner-import-preview"),
    ),
    (
        "invitees",
        "/admin/events/{event}/invitees",
        Key("staff-invitees"),
    ),
    (
        "series-invitees",
        "/admin/series/{series}/invitees",
        Key("staff-invitees"),
    ),
    ("feed", "/admin/feed", Key("staff-feed")),
    ("embed", "/admin/embed", Key("staff-embed")),
    ("users", "/admin/users", Key("staff-users")),
    ("offices", "/admin/offices", Key("staff-offices")),
    ("topic-names", "/admin/categories/{topic}", Text(TOPIC)),
    ("privacy", "/admin/privacy", Key("staff-privacy")),
    ("access", "/admin/accessibility", Key("access-admin-title")),
    (
        "access-feedback",
        "/admin/accessibility/feedback",
        Key("access-admin-feedback-title"),
    ),
    (
        "access-videos",
        "/admin/accessibility/videos",
        Key("access-admin-videos-title"),
    ),
    ("outbox", "/admin/outbox", Key("staff-outbox")),
    ("audit", "/admin/audit", Key("staff-audit")),
    ("sessions", "/admin/sessions", Key("sessions-title")),
];

/// A topic named alike in German and English, with names in the right-to-left languages.
const TOPIC: &str = "Integration";

const SIZES: [(u32, u32); 2] = [(1280, 800), (390, 844)];

const TITLE: &str = "Kreisweite Beteiligungswerkstatt zur Fortschreibung des Integrationskonzepts";

const PARTNER: &str =
    "Arbeitsgemeinschaft der Freien Wohlfahrtspflege im Landkreis – Kreisarbeitsgemeinschaft";

/// The office's Runder Tisch: partners with long names, lists of the series and the meeting,
/// and a partner list uploaded with changes and faulty rows: `(partner, contact, import)`.
fn partners_of(app: &TestApp, event: i64, series: i64) -> (i64, i64, String) {
    use treffpunkt::domain::partner::contact::{self, ContactInput};
    use treffpunkt::domain::partner::invitees::{List, add_contact, add_partner};
    use treffpunkt::domain::partner::organisation::{self, PartnerInput};
    let office = app.office_of(event);
    let who = treffpunkt::domain::audit::Actor {
        user_id: None,
        label: "test".into(),
    };
    let mut conn = app.conn();
    let (mut partner, mut first) = (0, 0);
    for (i, (name, kind)) in [
        (PARTNER, "church_welfare"),
        ("Berufsbildende Schulen II – Standort Innenstadt", "school"),
        ("Polizeiinspektion", "police"),
    ]
    .into_iter()
    .enumerate()
    {
        let valid = PartnerInput {
            name: Some(name.into()),
            kind: Some(kind.into()),
        }
        .check()
        .unwrap();
        let id = organisation::add(&mut conn, office, &valid, &who, app.now()).unwrap();
        for (j, (person, email)) in PEOPLE.iter().skip(i * 3).take(3).enumerate() {
            let c = ContactInput {
                name: Some((*person).into()),
                email: Some((*email).into()),
                phone: Some("+49 7071 207-2003".into()),
                role: Some(if j == 2 { "deputy" } else { "member" }.into()),
                language: Some(["de", "uk", "ar"][j].into()),
            }
            .check()
            .unwrap();
            let cid = contact::add(&mut conn, id, &c, &who, app.now()).unwrap();
            if i == 0 && j == 0 {
                (partner, first) = (id, cid);
            }
        }
        add_partner(&mut conn, List::Series(series), office, id, &who, app.now()).unwrap();
    }
    add_contact(
        &mut conn,
        List::Event(event),
        office,
        first,
        &who,
        app.now(),
    )
    .unwrap();
    let admin: i64 = treffpunkt::db::schema::users::table
        .filter(treffpunkt::db::schema::users::email.eq("leitung@example.org"))
        .select(treffpunkt::db::schema::users::id)
        .first(&mut *conn)
        .unwrap();
    let csv = format!(
        "Organisation;Art;Name;E-Mail;Rolle;Sprache\n\
         {PARTNER};Kirche;{} von Hohenzollern;{};Vertretung;en\n\
         Jobcenter Landkreis;Jobcenter;Oleksandra Schewtschenko-Kowalenko;o.s@jobcenter.example;;uk\n\
         Jobcenter Landkreis;;Ohne Adresse;;;\n\
         Sportverein;Verein;Mehmet Ali Yılmaz;mehmet@sv.example;;\n",
        PEOPLE[0].0, PEOPLE[0].1
    );
    let import =
        treffpunkt::domain::partner::import_store::save(&mut conn, admin, office, &csv, app.now())
            .unwrap();
    (partner, first, import)
}

/// People whose names and addresses are as long as real ones get.
const PEOPLE: &[(&str, &str)] = &[
    (
        "Maximiliane Sophie-Charlotte von Hohenzollern-Sigmaringen",
        "maximiliane.sophie-charlotte.hohenzollern-sigmaringen@beratungsstelle-fuer-gefluechtete.example.org",
    ),
    (
        "Oleksandra Wolodymyriwna Schewtschenko-Kowalenko",
        "o.schewtschenko-kowalenko@example.org",
    ),
    ("Mehmet Ali Yılmaz", "mehmet.yilmaz@example.org"),
    ("Amira Haddad", "amira.haddad@example.org"),
    ("Bogdan Kowal", "bogdan@example.org"),
    ("Carla Rossi", "carla.rossi@example.org"),
    ("Dragana Petrović", "dragana@example.org"),
    ("Emre Demir", "emre.demir@example.org"),
    ("Fatima Zahra El-Amrani", "fatima.el-amrani@example.org"),
    ("Gregor Schmid", "gregor.schmid@example.org"),
    ("Hanna Weber", "hanna.weber@example.org"),
    ("Ivana Horvat", "ivana.horvat@example.org"),
    (
        "Jonas Müller-Lüdenscheidt",
        "jonas.mueller-luedenscheidt@example.org",
    ),
    ("Katarzyna Nowak", "k.nowak@example.org"),
];

/// Demo meetings, plus one meeting of a series that is full with a waiting list, long names,
/// a door link, mails in the outbox and organiser actions in the audit log.
async fn office_with_a_busy_week(app: &TestApp) -> (i64, i64, String, String) {
    treffpunkt::domain::demo::load(&mut app.conn(), app.now()).expect("demo data");
    let office =
        app.office_of(app.meeting_with(|e| e.columns.title = "Vorbereitungstreffen".into()));
    let series = app.series(office, "beteiligungswerkstatt", TITLE);
    let (mut event, mut next_date) = (0, 0);
    for week in 0..3 {
        let id = app.meeting_with(|e| {
            e.columns.title = TITLE.into();
            e.columns.series_id = Some(series);
            e.columns.office_id = office;
            e.columns.capacity = Some(8);
            e.columns.starts_at += chrono::Duration::weeks(week);
            e.columns.ends_at += chrono::Duration::weeks(week);
        });
        match week {
            0 => event = id,
            1 => next_date = id,
            _ => {}
        }
    }
    for (i, (name, email)) in PEOPLE.iter().enumerate() {
        let (status, body) = app
            .register(event, name, email, i64::from(i % 2 == 0))
            .await;
        assert!(status.code < 300, "{name} registered: {body}");
    }
    door_link(app, event, "layoutdoorlayoutdoorlayo");
    let password = app.account("leitung@example.org", account::ROLE_ADMIN, &[]);
    let s = app.login("leitung@example.org", &password).await;
    let list = format!("/admin/events/{event}/registrations");
    let (status, _, _) = s
        .submit(
            &list,
            &list,
            &[
                ("name", "Walburga Theresia Eberhardt-Schwarzenbach"),
                ("email", "w.eberhardt-schwarzenbach@example.org"),
                ("companions", "0"),
                ("language", "de"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert!(status.code < 400, "added by hand: {status}");
    // organiser actions for the audit log: one cancelled, one moved to the next date
    let id_of = |email: &str| -> i64 {
        registrations::table
            .filter(registrations::email.eq(email))
            .select(registrations::id)
            .first(&mut *app.conn())
            .unwrap()
    };
    let bogdan = id_of("bogdan@example.org");
    let (status, _, _) = s
        .submit(&list, &format!("{list}/{bogdan}/cancel"), &[])
        .await;
    assert!(status.code < 400, "cancelled: {status}");
    let carla = id_of("carla.rossi@example.org");
    let (status, _, _) = s
        .submit(
            &list,
            &format!("{list}/{carla}/move"),
            &[("target", &next_date.to_string())],
        )
        .await;
    assert!(status.code < 400, "moved: {status}");
    let setup = account::new_setup_link(
        &mut app.conn(),
        None,
        None,
        account::ROLE_ORGANISER,
        app.now(),
    )
    .unwrap();
    app.settled().await;
    // mail the outbox still holds: two waiting for another try, one given up
    let mails: Vec<i64> = outbox::table
        .select(outbox::id)
        .order(outbox::id)
        .limit(3)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(mails.len(), 3, "the registrations sent mail");
    diesel::update(outbox::table.filter(outbox::id.eq_any(&mails)))
        .set((
            outbox::sent_at.eq(None::<chrono::NaiveDateTime>),
            outbox::attempts.eq(3),
            outbox::next_attempt_at.eq(app.now() + chrono::Duration::days(1)),
            outbox::last_error.eq(Some(
                "451 4.7.1 Greylisting in effect, please come back later \
                 (mx01.beratungsstelle-fuer-gefluechtete.example.org)",
            )),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    diesel::update(outbox::table.find(mails[0]))
        .set(outbox::failed_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    app.expect_failed_mail();
    // the questions an office asks most, on the meeting and on its series
    let organiser = treffpunkt::domain::audit::Actor {
        user_id: None,
        label: "test".into(),
    };
    let mut conn = app.conn();
    for key in ["interpreting", "childcare", "accessibility"] {
        treffpunkt::domain::question::add_preset(
            &mut conn,
            Scope::Event(event),
            key,
            "de",
            &organiser,
            app.now(),
        )
        .unwrap();
    }
    treffpunkt::domain::question::add_preset(
        &mut conn,
        Scope::Series(series),
        "photos",
        "de",
        &organiser,
        app.now(),
    )
    .unwrap();
    drop(conn);
    round_table(app, office, series);
    agenda_with_documents(app, event, &organiser);
    (event, series, password, setup)
}

/// Partner organisations with names as long as real ones, invited to every date of the
/// series, with each kind of answer and one organisation marked present.
fn round_table(app: &TestApp, office: i64, series: i64) {
    use treffpunkt::db::schema::{events, invitations, partner_attendance};
    let dates: Vec<i64> = events::table
        .filter(events::series_id.eq(series))
        .order(events::starts_at)
        .select(events::id)
        .load(&mut *app.conn())
        .unwrap();
    let organisations = [
        (
            "Industrie- und Handelskammer Reutlingen, Geschäftsstelle Tübingen",
            "Dr. Friederike Amalia Hohenstein-Waldburg",
        ),
        (
            "Caritasverband der Diözese Rottenburg-Stuttgart e. V.",
            "Oleksandra Schewtschenko-Kowalenko",
        ),
        ("Agentur für Arbeit Reutlingen", "Mehmet Ali Yılmaz"),
        ("Volkshochschule Tübingen", "Amira Haddad"),
    ];
    let replies = [Some("come"), Some("substitute"), Some("decline"), None];
    for (i, (name, person)) in organisations.iter().enumerate() {
        let partner = app.partner_org(office, name);
        let email = format!("kontakt{i}@partner.example.org");
        let (contact, _) = app.partner_contact(partner, person, &email, "de");
        for (d, date) in dates.iter().enumerate() {
            let token = app.partner_invitation(*date, contact);
            let reply = replies[(i + d) % replies.len()];
            let substitute =
                (reply == Some("substitute")).then_some("Bartholomäus Wenzel-Oberndorfer");
            diesel::update(invitations::table.filter(invitations::token.eq(&token)))
                .set((
                    invitations::reply.eq(reply),
                    invitations::substitute_name.eq(substitute),
                ))
                .execute(&mut *app.conn())
                .unwrap();
        }
        if i == 0 {
            diesel::insert_into(partner_attendance::table)
                .values((
                    partner_attendance::event_id.eq(dates[0]),
                    partner_attendance::partner_id.eq(partner),
                    partner_attendance::recorded_at.eq(app.now()),
                    partner_attendance::source.eq("staff"),
                ))
                .execute(&mut *app.conn())
                .unwrap();
        }
    }
}

/// An agenda with long titles, documents of each visibility, an online address, minutes
/// and an invitation sent before (so that the agenda page offers the update mail).
fn agenda_with_documents(app: &TestApp, event: i64, organiser: &treffpunkt::domain::audit::Actor) {
    use treffpunkt::domain::{agenda, document, minutes, online};
    // invited before the agenda was drawn up, so that the page offers the update
    crate::invited::invite(app, event, "schule@example.org", "de", true);
    app.clock.advance(chrono::Duration::minutes(1));
    let mut conn = app.conn();
    for (title, presenter, at) in [
        (
            "Begrüßung und Feststellung der Beschlussfähigkeit",
            Some("Landrätin Dr. Hohenzollern-Sigmaringen"),
            Some("18:00"),
        ),
        (
            "Bericht der Geschäftsstelle Runder Tisch Integration über das Jahr 2026",
            None,
            Some("18:15"),
        ),
        ("Verschiedenes", None, None),
    ] {
        let input = agenda::ItemInput {
            title: Some(title.into()),
            presenter: presenter.map(Into::into),
            at_time: at.map(Into::into),
        };
        agenda::add(
            &mut conn,
            event,
            &input.check().unwrap(),
            organiser,
            app.now(),
        )
        .unwrap();
    }
    for (visibility, name) in [
        (
            "public",
            "Tagesordnung_Runder_Tisch_Integration_Fruehjahr_2026_final.pdf",
        ),
        ("participants", "Präsentation Jobcenter.pdf"),
        ("organisers", "Interne Notiz.pdf"),
    ] {
        let input = document::DocumentInput {
            title: format!("Unterlage ({visibility})"),
            visibility: visibility.into(),
            attach_to: String::new(),
        };
        let file = document::Upload {
            name: name.into(),
            bytes: b"%PDF-1.4\n%%EOF\n".to_vec(),
            too_large: false,
        };
        document::store(&mut conn, event, &input, Some(&file), organiser, app.now()).unwrap();
    }
    online::save(
        &mut conn,
        event,
        Some(("https://meet.example.org/runder-tisch".into(), 30)),
        organiser,
        app.now(),
    )
    .unwrap();
    let text = minutes::MinutesInput {
        body: Some("## Beschlüsse\n\n- Die Sprachkurse werden ausgeweitet.".into()),
        document: None,
        audience: Some("invitees".into()),
    };
    minutes::save(&mut conn, event, &text, organiser, app.now()).unwrap();
}

/// Two reported barriers (one answered, with a long address to wrap) and a sign-language
/// video on the office's server, for the accessibility pages.
fn reported_barriers(app: &TestApp) {
    use treffpunkt::domain::access::{feedback, sign_video};
    let mut conn = app.conn();
    let actor = treffpunkt::domain::audit::Actor::system();
    for (what, page, contact) in [
        (
            "Das Anmeldeformular lässt sich mit dem Bildschirmleser nicht absenden.",
            "/events/1-vorstellung-des-konzepts",
            "hilde.brenner-mustermann@beispiel-verein.example.org",
        ),
        ("Kontrast der Links zu schwach", "", ""),
    ] {
        let report = feedback::NewFeedback::checked(what, page, contact, "de").unwrap();
        let id =
            feedback::submit(&mut conn, &report, None, "https://t.example", app.now()).unwrap();
        if contact.is_empty() {
            feedback::mark_answered(&mut conn, id, &actor, app.now()).unwrap();
        }
    }
    let source = sign_video::Source {
        url: Some(
            "https://video.kreis.example/dgs/inhalt-der-website-in-gebaerdensprache.mp4".into(),
        ),
        duration_ms: Some(125_000),
        ..sign_video::Source::default()
    };
    sign_video::set(&mut conn, "inhalt", &source, &actor, app.now()).unwrap();
}

#[rocket::async_test]
async fn every_back_office_page_fits_and_passes_axe() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let (event, series, password, setup) = office_with_a_busy_week(&app).await;
    let question: i64 = treffpunkt::db::schema::questions::table
        .filter(treffpunkt::db::schema::questions::event_id.eq(event))
        .select(treffpunkt::db::schema::questions::id)
        .first(&mut *app.conn())
        .unwrap();
    let registration: i64 = registrations::table
        .filter(registrations::event_id.eq(event))
        .filter(registrations::status.eq("confirmed"))
        .select(registrations::id)
        .first(&mut *app.conn())
        .unwrap();
    assert!(
        app.count(&format!("event_id = {event} AND status = 'waiting'")) > 0,
        "the meeting has a waiting list"
    );
    // two people checked in at the door, for their certificates, one reading Arabic
    let arrived: Vec<i64> = registrations::table
        .filter(registrations::event_id.eq(event))
        .filter(registrations::status.eq("confirmed"))
        // not the one whose slip is looked at in German
        .filter(registrations::id.ne(registration))
        .order(registrations::id)
        .select(registrations::id)
        .limit(2)
        .load(&mut *app.conn())
        .unwrap();
    diesel::update(registrations::table.filter(registrations::id.eq_any(&arrived)))
        .set(registrations::checked_in_at.eq(Some(app.now())))
        .execute(&mut *app.conn())
        .unwrap();
    diesel::update(registrations::table.filter(registrations::id.eq(arrived[1])))
        .set(registrations::language.eq("ar"))
        .execute(&mut *app.conn())
        .unwrap();
    let agenda_item = treffpunkt::domain::agenda::items_of(&mut app.conn(), event).unwrap()[0].id;
    let (partner, contact, import) = partners_of(&app, event, series);
    let topic = {
        use treffpunkt::domain::event;
        let mut conn = app.conn();
        let id = event::insert_category(&mut conn, "integration-sprachen", TOPIC, TOPIC).unwrap();
        let names = [
            ("ar", "الاندماج".to_owned()),
            ("fa", "ادغام".to_owned()),
            ("ru", "Интеграция".to_owned()),
        ];
        event::set_category_names(&mut conn, id, &names).unwrap();
        id
    };
    reported_barriers(&app);
    let served = serve(&app).await;
    let base = &served.base;
    let dir = screenshot_dir("backoffice");
    let b = driver.browser("de").await;
    log_in(&b, base, "/admin", ("leitung@example.org", &password)).await;

    let mut faults = Vec::new();
    for lang in ["de", "en"] {
        switch_language(&b, base, lang, "/admin").await;
        for (name, path, want) in PAGES {
            let path = path
                .replace("{event}", &event.to_string())
                .replace("{setup}", &setup)
                .replace("{series}", &series.to_string())
                .replace("{question}", &question.to_string())
                .replace("{registration}", &registration.to_string())
                .replace("{agenda_item}", &agenda_item.to_string())
                .replace("{office}", &app.office_of(event).to_string())
                .replace("{partner}", &partner.to_string())
                .replace("{contact}", &contact.to_string())
                .replace("{import}", &import)
                .replace("{topic}", &topic.to_string());
            resize(&b, SIZES[0].0, SIZES[0].1).await;
            open(&b, &format!("{base}{path}")).await;
            let h1 = heading(&b).await;
            let want = match want {
                Key(key) => treffpunkt::i18n::text(lang, key),
                Text(text) => (*text).to_owned(),
            };
            assert!(
                h1.contains(&want),
                "[{lang}] {path}: heading {h1:?}, not {want:?}"
            );
            faults.extend(current_in_navigation(&b, &format!("[{lang}] {path}")).await);
            for size in SIZES {
                let (w, h) = size;
                resize(&b, w, h).await;
                // afresh, with every menu closed
                open(&b, &format!("{base}{path}")).await;
                let what = format!("[{lang}] {path} at {w}×{h}");
                let inner = b
                    .execute("return [window.innerWidth, window.innerHeight];", vec![])
                    .await
                    .unwrap();
                assert_eq!(
                    inner,
                    json!([w, h]),
                    "{what}: the page sees the size under test"
                );
                screenshots(&b, &dir, &format!("{name}-{lang}"), size).await;
                faults.extend(layout_faults(&b, &what, w >= 1280).await);
                faults.extend(navigation_shown(&b, &what, w >= 1280).await);
                faults.extend(audit(&b, &what).await);
                // the same with every menu open: an open row menu must not break the table
                b.execute(
                    "document.querySelectorAll('details').forEach(d => d.open = true);
                     const first = document.querySelector('main details');
                     if (first) first.scrollIntoView({ block: 'start' });",
                    vec![],
                )
                .await
                .unwrap();
                let png = b.screenshot().await.expect("screenshot");
                std::fs::write(dir.join(format!("{name}-{lang}-{w}x{h}-open.png")), png)
                    .expect("screenshot saved");
                faults.extend(layout_faults(&b, &format!("{what}, menus open"), w >= 1280).await);
            }
        }
    }
    b.close().await.unwrap();
    assert!(
        faults.is_empty(),
        "{} faults of layout or accessibility (screenshots in {}):\n{}",
        faults.len(),
        dir.display(),
        faults.join("\n")
    );
}

/// On a desktop the navigation is on show and its links take the keyboard's focus without
/// opening anything; on a phone it waits folded behind its menu button.
async fn navigation_shown(b: &Client, what: &str, desktop: bool) -> Vec<String> {
    let state = b
        .execute(
            "const nav = document.querySelector('nav.staff-nav');
             if (!nav) return null;
             const link = nav.querySelector('a');
             link.focus();
             return { shown: link.checkVisibility(),
                      focused: document.activeElement === link,
                      button: nav.querySelector('summary').checkVisibility() };",
            vec![],
        )
        .await
        .unwrap();
    if state.is_null() {
        return Vec::new();
    }
    let want = if desktop {
        json!({ "shown": true, "focused": true, "button": false })
    } else {
        json!({ "shown": false, "focused": false, "button": true })
    };
    if state == want {
        Vec::new()
    } else {
        vec![format!("{what}: navigation is {state}, not {want}")]
    }
}

/// A back-office page with the navigation (all but login, set-up and preview) says in it
/// where one is.
async fn current_in_navigation(b: &Client, what: &str) -> Vec<String> {
    let marked = b
        .execute(
            "return document.querySelector('nav.staff-nav') === null ? -1 \
               : document.querySelectorAll('nav.staff-nav [aria-current]').length;",
            vec![],
        )
        .await
        .unwrap();
    if marked == json!(1) || marked == json!(-1) {
        Vec::new()
    } else {
        vec![format!(
            "{what}: {marked} links marked current in the navigation, not one"
        )]
    }
}
