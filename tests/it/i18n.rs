//! All seven languages are complete for the public side and the mails, every page renders in
//! each, Arabic and Persian read right to left, and the back office falls back to German.
//! (Over 400 lines: one file for the rules every language must keep, plurals and dates.)

use std::borrow::Cow;
use std::collections::BTreeSet;

use fluent_templates::Loader;
use fluent_templates::fluent_bundle::FluentValue;
use rocket::http::{ContentType, Status};
use treffpunkt::i18n::{self, Args, LOCALES, SUPPORTED};

use crate::support::{Backend, lang_header, start, start_with_smtp};

/// The text of one .ftl file of a language, if it has one.
fn ftl(lang: &str, file: &str) -> Option<String> {
    std::fs::read_to_string(format!(
        "{}/locales/{lang}/{file}.ftl",
        env!("CARGO_MANIFEST_DIR")
    ))
    .ok()
}

/// Message ids in one .ftl text.
fn ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
        .map(|l| l.split(" =").next().unwrap().trim().to_owned())
        .collect()
}

/// The names of a language's .ftl files, without the extension.
fn files(lang: &str) -> Vec<String> {
    let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".ftl").map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The back office's files, in German and English only (the others fall back to German).
const BACK_OFFICE: &[&str] = &["staff", "paper", "report", "access_admin"];

/// The public files (every one but the back office's), which all seven languages translate.
fn public_files() -> Vec<String> {
    files("de")
        .into_iter()
        .filter(|f| !BACK_OFFICE.contains(&f.as_str()))
        .collect()
}

/// Message ids of every .ftl file of a language.
fn keys(lang: &str) -> BTreeSet<String> {
    let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        text.push('\n');
    }
    ids(&text)
}

/// A value for every variable any message uses, so that formatting cannot fail for want
/// of one (a failure would silently fall back to German and hide a broken message).
fn all_args() -> Args {
    let mut text = String::new();
    for lang in ["de", "en"] {
        for file in files(lang) {
            text.push_str(&ftl(lang, &file).unwrap_or_default());
        }
    }
    let mut args = Args::new();
    for part in text.split('$').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() {
            args.insert(Cow::Owned(name), FluentValue::from(3));
        }
    }
    args
}

/// `key` formatted by `lang`'s own file, without falling back.
fn own(lang: &str, key: &str, args: &Args) -> Option<String> {
    LOCALES
        .lookup_single_language(&lang.parse().unwrap(), key, Some(args))
        .ok()
}

#[test]
fn english_and_german_have_the_same_messages() {
    let de = keys("de");
    let en = keys("en");
    assert!(de.len() > 100, "parsed the files");
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(only_de.is_empty(), "missing in English: {only_de:?}");
    assert!(only_en.is_empty(), "missing in German: {only_en:?}");
    for key in &de {
        assert!(
            treffpunkt::i18n::has_own("en", key),
            "English resolves {key}"
        );
        assert!(
            treffpunkt::i18n::has_own("de", key),
            "German resolves {key}"
        );
    }
}

/// Arabic, Ukrainian, Turkish, Persian and Russian translate every message of the public side
/// and the mails, each formats in its own language with all its variables, and none carries
/// a message German no longer has.
#[test]
fn new_languages_translate_the_whole_public_side() {
    let public = public_files();
    assert!(public.len() >= 5, "found the public files: {public:?}");
    for file in &public {
        translated_completely(file);
    }
    // the back office stays German and English
    for lang in SUPPORTED.iter().filter(|l| !["de", "en"].contains(l)) {
        for file in BACK_OFFICE {
            assert!(ftl(lang, file).is_none(), "no {file}.ftl for {lang}");
        }
    }
}

/// Every message of a public file (`main`, `privacy`) exists and formats in every language.
fn translated_completely(file: &str) {
    let main = ids(&ftl("de", file).unwrap());
    assert!(!main.is_empty(), "parsed {file}.ftl");
    let args = all_args();
    assert_eq!(SUPPORTED.len(), 7, "de, en, ar, uk, tr, fa, ru");
    for lang in SUPPORTED.iter().filter(|l| **l != "de") {
        let theirs = ids(&ftl(lang, file).unwrap_or_default());
        let missing: Vec<_> = main.difference(&theirs).collect();
        let stale: Vec<_> = theirs.difference(&main).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(
            stale.is_empty(),
            "not in German any more, {lang}: {stale:?}"
        );
        for key in &main {
            let text =
                own(lang, key, &args).unwrap_or_else(|| panic!("{lang} formats {key} by itself"));
            assert!(!text.trim().is_empty(), "{lang} {key} is empty");
        }
    }
}

/// Every message of every file resolves in every language: the back office's messages
/// fall back to German for the new languages instead of showing their ids. The test lists
/// which ones do.
#[test]
fn every_message_resolves_in_every_language() {
    let all = keys("de");
    let staff: BTreeSet<String> = BACK_OFFICE
        .iter()
        .flat_map(|file| ids(&ftl("de", file).unwrap()))
        .collect();
    let args = all_args();
    for lang in SUPPORTED {
        let id = lang.parse().unwrap();
        let mut fallen_back = Vec::new();
        for key in &all {
            let text = LOCALES
                .try_lookup_complete(&id, key, Some(&args))
                .unwrap_or_else(|| panic!("{key} resolves in {lang}"));
            assert_ne!(&text, key, "{key} in {lang} shows its id");
            if own(lang, key, &args).is_none() {
                assert_eq!(
                    Some(text),
                    own("de", key, &args),
                    "{key} in {lang} falls back to German"
                );
                fallen_back.push(key.as_str());
            }
        }
        if !fallen_back.is_empty() {
            println!(
                "{lang}: {} back-office messages fall back to German: {}",
                fallen_back.len(),
                fallen_back.join(", ")
            );
        }
        assert!(
            fallen_back.iter().all(|k| staff.contains(*k)),
            "only back-office messages fall back in {lang}: {fallen_back:?}"
        );
    }
}

/// Plural forms pick the grammatical form the number needs in each language.
#[test]
fn plurals_follow_each_language() {
    let free = |lang: &str, n: i64| {
        i18n::text_with(lang, "availability-free", &[("count", n.into())])
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    // Arabic: zero, one, two, few (3–10), many (11–99), other (100–102)
    assert_eq!(free("ar", 0), "لا توجد أماكن شاغرة");
    assert_eq!(free("ar", 1), "بقي مكان واحد شاغر");
    assert_eq!(free("ar", 2), "بقي مكانان شاغران");
    assert_eq!(free("ar", 5), "بقيت 5 أماكن شاغرة");
    assert_eq!(free("ar", 11), "بقي 11 مكانًا شاغرًا");
    assert_eq!(free("ar", 100), "بقي 100 مكان شاغر");
    // Ukrainian: one (1, 21), few (2–4, 22), many (5–20, 25)
    assert_eq!(free("uk", 1), "Залишилося 1 вільне місце");
    assert_eq!(free("uk", 21), "Залишилося 21 вільне місце");
    assert_eq!(free("uk", 3), "Залишилося 3 вільні місця");
    assert_eq!(free("uk", 12), "Залишилося 12 вільних місць");
    assert_eq!(free("uk", 25), "Залишилося 25 вільних місць");
    // Turkish nouns stay singular after numbers
    assert_eq!(free("tr", 1), "Sadece 1 boş yer kaldı");
    assert_eq!(free("tr", 7), "7 boş yer kaldı");
    // one seat is for the person alone; 21 seats are not, though Ukrainian calls 21 "one"
    let seats =
        |n: i64| i18n::text_with("uk", "registration-confirmed-seats", &[("count", n.into())]);
    assert_eq!(seats(1), "Для вас зарезервовано 1 місце.");
    assert!(seats(21).contains("супровідних осіб зарезервовано 21 місце"));
    // Russian: one (1, 21), few (2–4, 22), many (0, 5–20, 25)
    assert_eq!(free("ru", 1), "Осталось 1 свободное место");
    assert_eq!(free("ru", 21), "Осталось 21 свободное место");
    assert_eq!(free("ru", 3), "Осталось 3 свободных места");
    assert_eq!(free("ru", 22), "Осталось 22 свободных места");
    assert_eq!(free("ru", 11), "Осталось 11 свободных мест");
    assert_eq!(free("ru", 25), "Осталось 25 свободных мест");
    let waiting = |lang: &str, n: i64| {
        i18n::text_with(lang, "event-waiting", &[("count", n.into())])
            .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(waiting("ru", 2), "2 человека в листе ожидания");
    assert_eq!(waiting("ru", 5), "5 человек в листе ожидания");
    let seats_ru =
        |n: i64| i18n::text_with("ru", "registration-confirmed-seats", &[("count", n.into())]);
    assert_eq!(seats_ru(1), "Для Вас забронировано 1 место.");
    assert!(seats_ru(21).contains("сопровождающих Вас лиц забронировано 21 место"));
    assert!(seats_ru(3).contains("забронировано 3 места"));
    let minutes = |n: i64| i18n::text_with("ru", "error-too-many", &[("minutes", n.into())]);
    assert!(minutes(2).contains("через 2 минуты."), "{}", minutes(2));
    assert!(minutes(5).contains("через 5 минут."));
    // Persian: the noun stays singular after any number, and 0 (CLDR "one") is not "one"
    assert_eq!(free("fa", 1), "1 جای خالی باقی مانده است");
    assert_eq!(free("fa", 0), "0 جای خالی باقی مانده است");
    assert_eq!(free("fa", 7), "7 جای خالی باقی مانده است");
    let seats_fa =
        |n: i64| i18n::text_with("fa", "registration-confirmed-seats", &[("count", n.into())]);
    assert_eq!(seats_fa(1), "یک جا برای شما رزرو شده است.");
    assert_eq!(
        seats_fa(3).replace(['\u{2068}', '\u{2069}'], ""),
        "3 جا برای شما و همراهانتان رزرو شده است."
    );
    // numbers from templates arrive as floats and select the same way
    let from_template = i18n::try_text(
        "ar",
        "event-waiting",
        Some(&Args::from([(
            Cow::Borrowed("count"),
            FluentValue::from(2.0),
        )])),
    );
    assert_eq!(from_template.as_deref(), Some("شخصان في قائمة الانتظار"));
}

/// Dates read naturally in each language.
#[test]
fn dates_read_naturally() {
    let start = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap();
    let end = start + chrono::Duration::hours(2);
    let span = |lang: &'static str| {
        i18n::Formatter {
            lang,
            tz: chrono_tz::Europe::Berlin,
        }
        .span(start, end)
        .replace(['\u{2068}', '\u{2069}'], "")
    };
    assert_eq!(span("de"), "Dienstag, 1. Dezember 2026, 18:00–20:00 Uhr");
    assert_eq!(span("tr"), "1 Aralık 2026 Salı, saat 18:00–20:00");
    assert_eq!(span("uk"), "вівторок, 1 грудня 2026 р., з 18:00 до 20:00");
    assert_eq!(span("ru"), "вторник, 1 декабря 2026 г., с 18:00 до 20:00");
    // Gregorian dates with Persian month names and the Latin digits of the times around them
    assert_eq!(
        span("fa"),
        "سه\u{200c}شنبه، 1 دسامبر 2026، از ساعت 18:00 تا ساعت 20:00"
    );
    assert_eq!(
        span("ar"),
        "الثلاثاء، 1 ديسمبر 2026، من الساعة 18:00 حتى الساعة 20:00"
    );
    // A date made only of isolated parts would itself be isolated as left to right when
    // placed into another message (the first strong letter inside nested isolates does not
    // count), and would read backwards; dates come without inner isolation marks.
    let fmt = i18n::Formatter {
        lang: "ar",
        tz: chrono_tz::Europe::Berlin,
    };
    assert_eq!(fmt.date(start), "الثلاثاء، 1 ديسمبر 2026");
    let closes = i18n::text_with("ar", "event-closes", &[("at", fmt.date(start).into())]);
    assert_eq!(
        closes,
        "ينتهي التسجيل: \u{2068}الثلاثاء، 1 ديسمبر 2026\u{2069}"
    );
}

/// The privacy link in the footer, as each language words it.
const MARKERS: [(&str, &str); 7] = [
    ("de", "Datenschutzhinweise"),
    ("en", "Privacy notice"),
    ("ar", "معلومات حماية البيانات"),
    ("uk", "Інформація про захист даних"),
    ("tr", "Gizlilik bildirimi"),
    ("fa", "اطلاعات حفاظت از داده\u{200c}ها"),
    ("ru", "Информация о защите данных"),
];

/// The visible text of a page: tags removed, so that ids and classes such as
/// `error-summary` do not count as raw message ids.
fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every public page renders in every language, says which, and shows no message id.
#[rocket::async_test]
async fn every_page_renders_in_every_language() {
    use diesel::prelude::*;
    use treffpunkt::db::schema::door_links;
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(1), 1);
    let cancelled = app.meeting_with(|e| e.status = "cancelled");
    let (_, confirmed) = app.register(id, "Erste", "erste@example.org", 0).await;
    let (_, waiting) = app.register(id, "Zweite", "zweite@example.org", 0).await;
    let (_, gone) = app.register(id, "Dritte", "dritte@example.org", 0).await;
    let gone = gone["token"].as_str().unwrap().to_owned();
    app.client
        .delete(format!("/api/v1/registrations/{gone}"))
        .dispatch()
        .await;
    diesel::insert_into(door_links::table)
        .values((
            door_links::event_id.eq(id),
            door_links::token.eq("i18ndoorlinki18ndoorlink"),
            door_links::pin.eq("654321"),
            door_links::label.eq("Eingang"),
            door_links::created_at.eq(app.now()),
            door_links::expires_at.eq(app.now() + chrono::Duration::days(10)),
        ))
        .execute(&mut *app.conn())
        .unwrap();
    let res = app.get("/door/i18ndoorlinki18ndoorlink").await;
    assert_eq!(
        res.status(),
        Status::SeeOther,
        "door link opens the check-in"
    );
    let confirmed = confirmed["token"].as_str().unwrap();
    let waiting = waiting["token"].as_str().unwrap();
    let data_link =
        treffpunkt::domain::privacy::new_request(&mut app.conn(), "erste@example.org", app.now())
            .unwrap()
            .expect("data is stored");
    let pages = [
        "/".to_owned(),
        format!("/events/{id}"),
        format!("/events/{cancelled}"),
        format!("/r/{confirmed}?new=1"),
        format!("/r/{confirmed}/ticket"),
        format!("/r/{confirmed}/verify"),
        format!("/r/{waiting}"),
        format!("/r/{waiting}/cancel"),
        format!("/r/{gone}"),
        "/privacy".to_owned(),
        "/privacy/data".to_owned(),
        format!("/privacy/data/{data_link}"),
        "/embed".to_owned(),
        "/door".to_owned(),
        format!("/checkin/{id}"),
        "/does-not-exist".to_owned(),
    ];
    let ids: Vec<String> = keys("de").into_iter().filter(|k| k.contains('-')).collect();
    for (lang, marker) in MARKERS {
        for page in &pages {
            let res = app
                .client
                .get(page.clone())
                .header(lang_header(lang))
                .dispatch()
                .await;
            let status = res.status();
            assert!(
                status == Status::Ok || status == Status::NotFound,
                "{page} in {lang}: {status}"
            );
            let html = res.into_string().await.unwrap();
            let dir = i18n::direction(lang);
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{page} says its language"
            );
            if !page.starts_with("/checkin") {
                assert!(html.contains(marker), "{page} is in {lang}");
            }
            let text = visible_text(&html);
            let raw: Vec<_> = ids.iter().filter(|k| text.contains(k.as_str())).collect();
            assert!(raw.is_empty(), "{page} in {lang} shows message ids {raw:?}");
        }
    }
    // form errors in English, Arabic, Ukrainian and Turkish too
    for (accept, expected) in [
        (
            "en-GB,en;q=0.9,de;q=0.5",
            [
                "Please enter your name.",
                "Please agree to the privacy notice",
            ],
        ),
        (
            "ar-SY,ar;q=0.9",
            [
                "يُرجى إدخال اسمكم.",
                "يُرجى الموافقة على معلومات حماية البيانات",
            ],
        ),
        (
            "uk-UA,uk;q=0.9",
            ["Будь ласка, вкажіть своє імʼя.", "Будь ласка, погодьтеся"],
        ),
        (
            "tr-TR,tr;q=0.9",
            [
                "Lütfen adınızı yazın.",
                "Lütfen gizlilik bildirimini kabul edin.",
            ],
        ),
        (
            "fa-IR,fa;q=0.9",
            [
                "لطفاً نام خود را وارد کنید.",
                "لطفاً با اطلاعات حفاظت از داده\u{200c}ها موافقت کنید",
            ],
        ),
        (
            "ru-RU,ru;q=0.9",
            [
                "Пожалуйста, укажите Ваше имя.",
                "Пожалуйста, подтвердите согласие с информацией о защите данных",
            ],
        ),
    ] {
        let res = app
            .client
            .post(format!("/events/{id}/register"))
            .header(lang_header(accept))
            .header(ContentType::Form)
            .body("name=&email=x")
            .dispatch()
            .await;
        let html = res.into_string().await.unwrap();
        for e in expected {
            assert!(html.contains(e), "{accept}: {e}");
        }
    }
    let (_, page) = app.get_text(&format!("/r/{waiting}")).await;
    assert!(page.contains("Warteliste auf Platz 1"));
}

#[rocket::async_test]
async fn language_choice_is_remembered() {
    let app = start(Backend::Sqlite).await.unwrap();
    let (_, page) = app.get_text("/").await;
    assert!(page.contains("Veranstaltungen"), "German by default");
    assert!(page.contains("/language/en?next=%2F"), "switch offered");

    let res = app.get("/language/en?next=/privacy").await;
    assert_eq!(res.status(), Status::SeeOther);
    assert_eq!(res.headers().get_one("Location"), Some("/privacy"));
    let cookie = res.cookies().get("lang").unwrap().value().to_owned();
    assert_eq!(cookie, "en");
    let (_, page) = app.get_text("/").await;
    assert!(
        page.contains("<h1>Meetings</h1>"),
        "English after switching"
    );
    // the choice beats the browser's header
    let res = app
        .client
        .get("/")
        .header(lang_header("de"))
        .dispatch()
        .await;
    assert!(
        res.into_string()
            .await
            .unwrap()
            .contains("<h1>Meetings</h1>")
    );

    let res = app.get("/language/xx?next=https://evil.example").await;
    assert_eq!(res.headers().get_one("Location"), Some("/"));
}

/// Meetings are written in German: on an English page their titles and texts are marked
/// as German, so screen readers pronounce them right (WCAG 3.1.2).
#[rocket::async_test]
async fn german_content_is_marked_on_english_pages() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(5), 0);
    let res = app
        .client
        .get(format!("/events/{id}"))
        .header(lang_header("en"))
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("<h1 lang=\"de\">Vorstellung des Konzepts</h1>"));
    assert!(html.contains("<div lang=\"de\"><p><strong>Bitte</strong> anmelden.</p>"));
}

/// A browser that asks for Arabic, Ukrainian, Turkish, Persian or Russian gets it; Arabic
/// and Persian right to left.
#[rocket::async_test]
async fn browsers_asking_for_the_new_languages_get_them() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(5), 1);
    for (accept, lang, dir, heading) in [
        ("ar-SY,ar;q=0.9,en;q=0.5", "ar", "rtl", "الفعاليات"),
        ("uk-UA,uk;q=0.9,ru;q=0.8", "uk", "ltr", "Заходи"),
        ("tr-TR,tr;q=0.9,de;q=0.5", "tr", "ltr", "Etkinlikler"),
        ("fa-IR,de;q=0.5", "fa", "rtl", "نشست\u{200c}ها"),
        ("fa-AF,ps;q=0.9", "fa", "rtl", "نشست\u{200c}ها"),
        ("ru-RU,ru;q=0.9,de;q=0.5", "ru", "ltr", "Мероприятия"),
        ("ps-AF,de;q=0.5", "de", "ltr", "Veranstaltungen"),
    ] {
        let res = app
            .client
            .get("/")
            .header(lang_header(accept))
            .dispatch()
            .await;
        let html = res.into_string().await.unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
            "{accept} gives {lang}"
        );
        assert!(html.contains(&format!("<h1>{heading}</h1>")), "{accept}");
    }
    // the switch offers all seven, each named in its own language and direction
    let (_, page) = app.get_text(&format!("/events/{id}")).await;
    for (code, name) in [
        ("en", "English"),
        ("ar", "العربية"),
        ("uk", "Українська"),
        ("tr", "Türkçe"),
        ("fa", "فارسی/دری"),
        ("ru", "Русский"),
    ] {
        let dir = i18n::direction(code);
        assert!(
            page.contains(&format!(
                "dir=\"{dir}\" lang=\"{code}\" hreflang=\"{code}\">{name}</a>"
            )),
            "switch to {code}"
        );
    }
    // choosing Arabic is remembered and beats the browser's German
    let res = app.get("/language/ar?next=/").await;
    assert_eq!(res.cookies().get("lang").unwrap().value(), "ar");
    let res = app
        .client
        .get(format!("/events/{id}"))
        .header(lang_header("de"))
        .dispatch()
        .await;
    let html = res.into_string().await.unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // the German title keeps its own direction inside the Arabic page; phone and mail
    // address are read left to right
    assert!(html.contains("<h1 lang=\"de\" dir=\"ltr\">Vorstellung des Konzepts</h1>"));
    assert!(html.contains("dir=\"ltr\">07071 207-2003</a>"));
    assert!(html.contains("dir=\"ltr\">p.gruendler@example.org</a>"));
    assert!(html.contains("تأكيد التسجيل"), "Arabic register button");
    // the back office has no Arabic: it stays German, left to right, marked as German
    let (_, login) = app.get_text("/admin/login").await;
    assert!(login.contains("<html lang=\"de\" dir=\"ltr\">"), "{login}");
}

/// Someone registering in Arabic, Ukrainian, Turkish, Persian or Russian gets the mails in
/// that language: by the form in the language of the page, by the API in the language asked
/// for.
#[rocket::async_test]
async fn registrations_in_new_languages_get_mails_in_them() {
    let sink = crate::smtp::SmtpSink::start().await;
    let Some(app) = start_with_smtp(Backend::Sqlite, sink.port).await else {
        return;
    };
    let id = app.meeting_with(|e| {
        e.columns.capacity = Some(4);
        e.columns.starts_at = chrono::NaiveDate::from_ymd_opt(2030, 3, 30)
            .unwrap()
            .and_hms_opt(17, 0, 0)
            .unwrap();
        e.columns.ends_at = e.columns.starts_at + chrono::Duration::hours(2);
    });
    // Amira by the form on the Arabic page
    let res = app
        .client
        .post(format!("/events/{id}/register"))
        .header(lang_header("ar"))
        .header(ContentType::Form)
        .body("name=Amira+Haddad&email=amira%40example.org&companions=0&consent=yes")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    // Olena by the API in Ukrainian; Ayşe by the API in Turkish, and she waits
    let (status, _) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "Olena", "email": "olena@example.org", "consent": true, "language": "uk"}),
        )
        .await;
    assert_eq!(status, Status::Created);
    // Parisa by the form on the Persian page, Sergei by the API in Russian
    let res = app
        .client
        .post(format!("/events/{id}/register"))
        .header(lang_header("fa-IR,fa;q=0.9"))
        .header(ContentType::Form)
        .body("name=Parisa+Ahmadi&email=parisa%40example.org&companions=0&consent=yes")
        .dispatch()
        .await;
    assert_eq!(res.status(), Status::SeeOther);
    let (status, sergei) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "Sergei", "email": "sergei@example.org", "consent": true, "language": "ru"}),
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(sergei["language"], "ru");
    let (status, ayse) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "Ayşe", "email": "ayse@example.org", "consent": true, "language": "tr"}),
        )
        .await;
    assert_eq!(status, Status::Created);
    assert_eq!(ayse["status"], "waiting");
    assert_eq!(ayse["language"], "tr");
    assert_eq!(
        app.count("language = 'ar' AND email = 'amira@example.org'"),
        1,
        "the form stores the page's language"
    );
    assert_eq!(
        app.count("language = 'fa' AND email = 'parisa@example.org'"),
        1,
        "the Persian page's language is stored"
    );
    let mails = sink.wait_for(5, 10).await;
    assert_eq!(mails.len(), 5);
    let of = |to: &str| {
        let m = mails.iter().find(|m| m.to == [to]).expect("a mail");
        let p = m.parsed();
        let strip = |s: &str| s.replace(['\u{2066}', '\u{2068}', '\u{2069}'], "");
        (
            strip(p.subject().unwrap_or_default()),
            strip(&p.body_text(0).unwrap_or_default()),
            p.body_html(0).unwrap_or_default().into_owned(),
        )
    };

    let (subject, text, html) = of("amira@example.org");
    assert_eq!(subject, "تم تأكيد التسجيل: Vorstellung des Konzepts");
    assert!(text.contains("مرحبًا Amira Haddad،"), "{text}");
    assert!(
        text.contains("تم تأكيد تسجيلكم. حُجز لكم مكان واحد."),
        "{text}"
    );
    assert!(
        text.contains("السبت، 30 مارس 2030، من الساعة 18:00 حتى الساعة 20:00"),
        "{text}"
    );
    assert!(text.contains("الهاتف: 07071 207-2003"), "{text}");
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(
        html.contains("border-right: 6px solid"),
        "the bar on the reading side"
    );

    let (subject, text, html) = of("olena@example.org");
    assert_eq!(subject, "Реєстрацію підтверджено: Vorstellung des Konzepts");
    assert!(text.contains("Доброго дня, Olena!"), "{text}");
    assert!(
        text.contains("субота, 30 березня 2030 р., з 18:00 до 20:00"),
        "{text}"
    );
    assert!(text.contains("Подію для вашого календаря ви знайдете у вкладенні."));
    assert!(html.contains("<html lang=\"uk\" dir=\"ltr\">"));

    let (subject, text, html) = of("parisa@example.org");
    assert_eq!(subject, "ثبت\u{200c}نام تأیید شد: Vorstellung des Konzepts");
    assert!(text.contains("Parisa Ahmadi گرامی،"), "{text}");
    assert!(
        text.contains("ثبت\u{200c}نام شما تأیید شد. یک جا برای شما رزرو شده است."),
        "{text}"
    );
    assert!(
        text.contains("شنبه، 30 مارس 2030، از ساعت 18:00 تا ساعت 20:00"),
        "{text}"
    );
    assert!(text.contains("تلفن: 07071 207-2003"), "{text}");
    assert!(html.contains("<html lang=\"fa\" dir=\"rtl\">"), "{html}");
    assert!(
        html.contains("border-right: 6px solid"),
        "the bar on the reading side"
    );

    let (subject, text, html) = of("sergei@example.org");
    assert_eq!(
        subject,
        "Регистрация подтверждена: Vorstellung des Konzepts"
    );
    assert!(text.contains("Здравствуйте, Sergei!"), "{text}");
    assert!(
        text.contains("суббота, 30 марта 2030 г., с 18:00 до 20:00"),
        "{text}"
    );
    assert!(text.contains("Событие для Вашего календаря Вы найдёте во вложении."));
    assert!(html.contains("<html lang=\"ru\" dir=\"ltr\">"));

    let (subject, text, _) = of("ayse@example.org");
    assert_eq!(subject, "Bekleme listesi: Vorstellung des Konzepts");
    assert!(text.contains("Sayın Ayşe,"), "{text}");
    assert!(
        text.contains("Bekleme listesinde 1. sıradasınız."),
        "{text}"
    );
    assert!(
        text.contains("30 Mart 2030 Cumartesi, saat 18:00–20:00"),
        "{text}"
    );

    // an unknown language is refused by the API, in the language of the request
    let (status, body) = app
        .post_json(
            &format!("/api/v1/events/{id}/registrations"),
            &serde_json::json!({"name": "X", "email": "x@example.org", "consent": true, "language": "xx"}),
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(body["fields"]["language"].is_string());
}

/// In a real browser the Arabic and the Persian meeting page run right to left: the body's direction is
/// rtl, labels start at the right edge of the form, and the consent box stands to the
/// right of its text. The German page is the mirror image.
#[rocket::async_test]
async fn arabic_meeting_page_lays_out_right_to_left() {
    let Some(driver) = crate::browser::Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(20), 2);
    let served = crate::browser::serve(&app).await;
    let measure = r#"
        const form = document.querySelector('form.registration').getBoundingClientRect();
        const label = document.querySelector('label[for=name]');
        const range = document.createRange();
        range.selectNodeContents(label);
        const text = range.getBoundingClientRect();
        const box = document.getElementById('consent').getBoundingClientRect();
        const consent = document.querySelector('label[for=consent]').getBoundingClientRect();
        return {
            direction: getComputedStyle(document.body).direction,
            fromRight: form.right - text.right,
            fromLeft: text.left - form.left,
            boxRightOfText: box.left >= consent.right - 1,
            boxLeftOfText: box.right <= consent.left + 1,
        };
    "#;
    for (lang, rtl) in [("ar", true), ("fa", true), ("de", false)] {
        // a profile of its own: Chromium keeps the accepted languages in the profile
        let profile = tempfile::tempdir().unwrap();
        let b = driver.browser_with(lang, profile.path(), &[]).await;
        b.goto(&format!("{}/events/{id}", served.base))
            .await
            .unwrap();
        let m = b.execute(measure, vec![]).await.unwrap();
        let lang_attr = b
            .execute("return document.documentElement.lang;", vec![])
            .await
            .unwrap();
        assert_eq!(lang_attr, lang, "the browser asked for {lang}");
        let near = |v: &serde_json::Value| v.as_f64().unwrap().abs() < 2.0;
        if rtl {
            assert_eq!(m["direction"], "rtl", "{m}");
            assert!(near(&m["fromRight"]), "label starts at the right: {m}");
            assert!(!near(&m["fromLeft"]), "and not at the left: {m}");
            assert_eq!(m["boxRightOfText"], true, "{m}");
        } else {
            assert_eq!(m["direction"], "ltr", "{m}");
            assert!(near(&m["fromLeft"]), "label starts at the left: {m}");
            assert_eq!(m["boxLeftOfText"], true, "{m}");
        }
        b.close().await.unwrap();
    }
}

/// The attendance certificate of a person who registered in Persian or Russian is in their
/// language with German beside it: one page, both titles, read back from the PDF.
#[rocket::async_test]
async fn certificates_in_persian_and_russian() {
    use diesel::prelude::*;
    use treffpunkt::db::schema::registrations;
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 0);
    let people = [
        ("fa", "Parisa Ahmadi", "parisa@example.org", "گواهی شرکت"),
        (
            "ru",
            "Sergei Ivanov",
            "sergei@example.org",
            "Справка об участии",
        ),
    ];
    let mut tokens = Vec::new();
    for (lang, name, email, _) in people {
        let (status, reg) = app
            .post_json(
                &format!("/api/v1/events/{id}/registrations"),
                &serde_json::json!({"name": name, "email": email, "consent": true, "language": lang}),
            )
            .await;
        assert_eq!(status, Status::Created, "{reg}");
        tokens.push(reg["token"].as_str().unwrap().to_owned());
    }
    diesel::update(registrations::table.filter(registrations::token.eq_any(&tokens)))
        .set(registrations::checked_in_at.eq(Some(app.now() + chrono::Duration::days(7))))
        .execute(&mut *app.conn())
        .unwrap();
    app.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::hours(3));
    for ((lang, name, _, title), token) in people.into_iter().zip(&tokens) {
        let res = app.get(&format!("/r/{token}/certificate.pdf")).await;
        assert_eq!(res.status(), Status::Ok, "{lang}");
        let bytes = res.into_bytes().await.unwrap();
        crate::pdf_read::keep(&format!("certificate-{lang}.pdf"), &bytes);
        let text = crate::pdf_read::pages(&bytes);
        assert_eq!(text.len(), 1, "{lang}: one page");
        let flat = text[0].replace(['\u{2068}', '\u{2069}', '\u{200c}'], "");
        let title = title.replace('\u{200c}', "");
        let reversed: String = title.chars().rev().collect();
        // a right-to-left title may be stored in visual order, its words reversed
        let words_reversed: String = title.split(' ').rev().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&title) || flat.contains(&reversed) || flat.contains(&words_reversed),
            "{lang} title in {flat}"
        );
        assert!(
            flat.contains("Teilnahmebescheinigung"),
            "German beside it: {flat}"
        );
        assert!(flat.contains(name), "{flat}");
        let (_, html) = app.get_text(&format!("/r/{token}/certificate")).await;
        assert!(
            html.contains(&format!("lang=\"{lang}\"")),
            "{lang} page part"
        );
    }
}
