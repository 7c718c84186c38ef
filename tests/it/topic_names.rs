//! Issue 19: topic names in every language. An administrator names a topic in German and,
//! as far as known, in the other languages; each public place that shows the topic (the
//! list's filter and cards, the meeting page, the calendar feeds) shows it in the
//! visitor's language, else in English, else in German.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{categories, events};
use treffpunkt::domain::account;

use crate::both_backends;
use crate::support::{TestApp, lang_header};

both_backends!(topics_are_named_in_the_visitors_language);

/// The page in `lang` as a browser asking for it gets it, without Fluent's isolation marks.
async fn page_in(app: &TestApp, uri: &str, lang: &str) -> String {
    app.client
        .get(uri.to_owned())
        .header(lang_header(lang))
        .dispatch()
        .await
        .into_string()
        .await
        .unwrap_or_default()
        .replace(['\u{2068}', '\u{2069}'], "")
}

async fn topics_are_named_in_the_visitors_language(app: TestApp) {
    let pw = app.account("admin@example.org", account::ROLE_ADMIN, &[]);
    let admin = app.login("admin@example.org", &pw).await;

    // the form offers a field for every language, German required
    let (_, page, _) = admin.get("/admin/offices").await;
    for lang in treffpunkt::i18n::SUPPORTED {
        assert!(page.contains(&format!("name=\"name_{lang}\"")), "{lang}");
    }
    assert!(
        page.contains("lang=\"fa\" dir=\"rtl\""),
        "Persian typed right to left"
    );

    // without German: refused, the other names kept
    let (status, page, _) = admin
        .submit(
            "/admin/offices",
            "/admin/categories",
            &[("name_de", " "), ("name_fa", "کافه زبان")],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"کافه زبان\""), "input kept");
    assert!(page.contains("id=\"name_de-error\""), "reason at the field");

    // German and Persian and Russian, no English
    let (status, _, _) = admin
        .submit(
            "/admin/offices",
            "/admin/categories",
            &[
                ("name_de", "Sprachcafé"),
                ("name_en", ""),
                ("name_fa", " کافه زبان "),
                ("name_ru", "Языковое кафе"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (topic, slug): (i64, String) = categories::table
        .filter(categories::name_de.eq("Sprachcafé"))
        .select((categories::id, categories::slug))
        .first(&mut *app.conn())
        .unwrap();
    let id = app.meeting(Some(10), 0);
    diesel::update(events::table.find(id))
        .set(events::category_id.eq(Some(topic)))
        .execute(&mut *app.conn())
        .unwrap();

    // the list: filter and card, in the visitor's language; a fallback marked as such
    let fa = page_in(&app, "/", "fa").await;
    assert!(
        fa.contains(&format!("<option value=\"{slug}\">کافه زبان</option>")),
        "{fa}"
    );
    assert!(fa.contains("<bdi>کافه زبان</bdi>"), "card in Persian");
    let ar = page_in(&app, "/", "ar").await;
    assert!(
        ar.contains(&format!(
            "<option value=\"{slug}\" lang=\"de\">Sprachcafé</option>"
        )),
        "no Arabic nor English name: German, marked as German"
    );
    // the meeting page
    let ru = page_in(&app, &format!("/events/{id}"), "ru").await;
    assert!(ru.contains("<bdi>Языковое кафе</bdi>"), "{ru}");
    // the topic's feed: its name and the meeting's category
    let feed = page_in(&app, &format!("/categories/{slug}/calendar.ics"), "fa").await;
    assert!(
        feed.contains("X-WR-CALNAME:Treffpunkt: کافه زبان"),
        "{feed}"
    );
    assert!(feed.contains("CATEGORIES:کافه زبان"), "{feed}");
    let feed_ru = page_in(&app, &format!("/categories/{slug}/calendar.ics"), "ru").await;
    assert!(feed_ru.contains("CATEGORIES:Языковое кафе"), "{feed_ru}");

    // the names are changed: English added, Persian removed, Arabic added
    let edit = format!("/admin/categories/{topic}");
    let (status, page, _) = admin.get(&edit).await;
    assert_eq!(status, Status::Ok);
    assert!(
        page.contains("value=\"کافه زبان\""),
        "the names as they are"
    );
    let (status, _, location) = admin
        .submit(
            &edit,
            &edit,
            &[
                ("name_de", "Sprachcafé"),
                ("name_en", "Language café"),
                ("name_ar", "مقهى اللغات"),
                ("name_fa", ""),
                ("name_ru", "Языковое кафе"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(location.as_deref(), Some("/admin/offices"));
    let fa = page_in(&app, "/", "fa").await;
    assert!(
        fa.contains(&format!(
            "<option value=\"{slug}\" lang=\"en\">Language café</option>"
        )),
        "Persian now falls back to English: {fa}"
    );
    let ar = page_in(&app, &format!("/events/{id}"), "ar").await;
    assert!(ar.contains("<bdi>مقهى اللغات</bdi>"));
    let feed = page_in(&app, &format!("/categories/{slug}/calendar.ics"), "fa").await;
    assert!(
        feed.contains("CATEGORIES:Language café"),
        "the cached feed was made anew: {feed}"
    );
    let (_, log, _) = admin.get("/admin/audit").await;
    assert!(log.contains("category.rename"));

    // a refused change keeps what was typed and changes nothing
    let (status, page, _) = admin
        .submit(&edit, &edit, &[("name_de", ""), ("name_tr", "Dil kafesi")])
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("value=\"Dil kafesi\""));
    let tr = page_in(&app, "/", "tr").await;
    assert!(tr.contains(">Language café</option>"), "nothing stored");

    // only administrators name topics
    let organiser = app
        .staff_of(id, "org@example.org", account::ROLE_ORGANISER)
        .await;
    let (status, _, _) = organiser.get(&edit).await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = organiser
        .submit("/admin", &edit, &[("name_de", "Übernommen")])
        .await;
    assert_eq!(status, Status::Forbidden);
    let (status, _, _) = admin.get("/admin/categories/999999").await;
    assert_eq!(status, Status::NotFound);
}
