//! The demo command fills a database for trying Treffpunkt out; with SMTP configured its
//! contacts receive mail, so none of them may be a real office or person.

use diesel::prelude::*;
use treffpunkt::db::schema::{events, offices, outbox, registrations};
use treffpunkt::domain::account::ROLE_ORGANISER;

use crate::support::{Backend, TestApp, json_of, start};

crate::both_backends!(
    the_concept_meeting_shows_questions_managers_and_needs,
    the_round_table_has_its_partners_invitations_and_answers
);

fn reserved_address(email: &str) -> bool {
    let domain = email.rsplit_once('@').map_or("", |(_, d)| d);
    ["example.org", "example.com", "example.net"]
        .iter()
        .any(|r| domain == *r || domain.ends_with(&format!(".{r}")))
        || domain.ends_with(".invalid")
}

/// The Bundesnetzagentur's numbers for film and fiction.
fn fictitious_number(phone: &str) -> bool {
    phone.starts_with("030 23125 ")
}

#[rocket::async_test]
async fn demo_contacts_are_fictitious_and_the_command_says_so() {
    let Some(app) = start(Backend::Sqlite).await else {
        return;
    };
    let url = format!("sqlite://{}", app.data_dir().join("test.sqlite").display());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("demo")
        .env("TREFFPUNKT_DATABASE_URL", &url)
        .env("TREFFPUNKT_DATA_DIR", app.data_dir())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("fictitious"), "{said}");

    let office_contacts: Vec<(Option<String>, Option<String>)> = offices::table
        .select((offices::email, offices::phone))
        .load(&mut *app.conn())
        .unwrap();
    let meeting_contacts: Vec<(Option<String>, Option<String>)> = events::table
        .select((events::contact_email, events::contact_phone))
        .load(&mut *app.conn())
        .unwrap();
    assert!(meeting_contacts.len() >= 3);
    let people: Vec<(String, Option<String>, Option<String>)> = registrations::table
        .select((
            registrations::email,
            registrations::via_email,
            registrations::phone,
        ))
        .load(&mut *app.conn())
        .unwrap();
    assert!(people.len() >= 5, "{people:?}");
    let people_contacts: Vec<(Option<String>, Option<String>)> = people
        .into_iter()
        .flat_map(|(email, via, phone)| {
            [(Some(email).filter(|e| !e.is_empty()), phone), (via, None)]
        })
        .collect();
    let partner_contacts: Vec<(Option<String>, Option<String>)> =
        treffpunkt::db::schema::partner_contacts::table
            .select((
                treffpunkt::db::schema::partner_contacts::email.nullable(),
                treffpunkt::db::schema::partner_contacts::phone,
            ))
            .load(&mut *app.conn())
            .unwrap();
    assert!(partner_contacts.len() >= 15, "the Runder Tisch's partners");
    for (email, phone) in office_contacts
        .iter()
        .chain(&meeting_contacts)
        .chain(&people_contacts)
        .chain(&partner_contacts)
    {
        if let Some(email) = email {
            assert!(
                reserved_address(email),
                "a real address in the demo: {email}"
            );
        }
        if let Some(phone) = phone {
            assert!(
                fictitious_number(phone),
                "a real number in the demo: {phone}"
            );
        }
    }

    // what an API client (or a fuzzer) reads carries no other address either
    let (_, list) = json_of(app.get("/api/v1/events").await).await;
    for event in list["events"].as_array().expect("events") {
        let (_, one) = json_of(app.get(&format!("/api/v1/events/{}", event["id"])).await).await;
        let text = one.to_string();
        for word in text.split(|c: char| c == '"' || c.is_whitespace()) {
            if word.contains('@') {
                assert!(reserved_address(word), "{word} in {text}");
            }
        }
    }
}

fn concept_meeting(app: &TestApp) -> (i64, i64) {
    events::table
        .filter(events::title.like("Vorstellung des Konzepts%"))
        .select((events::id, events::office_id))
        .first(&mut *app.conn())
        .unwrap()
}

/// The main meeting shows what issue 15 built: the interpreting and childcare questions,
/// an integration manager's clients, a registration by phone without an address, and the
/// needs they bring on the dashboard; and none of them has a mail waiting.
async fn the_concept_meeting_shows_questions_managers_and_needs(app: TestApp) {
    treffpunkt::domain::demo::load(&mut app.conn(), app.now()).expect("demo data");
    let (id, office) = concept_meeting(&app);
    let password = app.account("gruendler@example.org", ROLE_ORGANISER, &[office]);
    let s = app.login("gruendler@example.org", &password).await;

    let (_, questions, _) = s.get(&format!("/admin/events/{id}/questions")).await;
    assert!(
        questions.contains("Dolmetschen: In welche Sprache?"),
        "{questions}"
    );
    assert!(
        questions.contains("Kinderbetreuung: Für wie viele Kinder?")
            && questions.contains("Alter der Kinder"),
        "{questions}"
    );

    let (_, list, _) = s.get(&format!("/admin/events/{id}/registrations")).await;
    let managers = list
        .split_once("Angemeldet über Integrationsmanager·innen")
        .and_then(|(_, rest)| rest.split_once("</section>"))
        .map(|(section, _)| section)
        .unwrap_or_else(|| panic!("no managers' section: {list}"));
    assert!(
        managers.contains("Integrationsmanagement Stadt Rottenburg"),
        "{managers}"
    );
    for client in ["Samira Haddad", "Mohammad Rezaei", "Olena Kovalenko"] {
        assert!(managers.contains(client), "{client} in {managers}");
    }
    assert!(!managers.contains("Erwin Haug"), "{managers}");
    assert!(list.contains("Telefon: 030 23125 104"), "{list}");
    let (kind, email): (String, String) = registrations::table
        .filter(registrations::name.eq("Erwin Haug"))
        .select((registrations::contact_kind, registrations::email))
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!((kind.as_str(), email.as_str()), ("phone", ""));
    let ukrainian: String = registrations::table
        .filter(registrations::name.eq("Olena Kovalenko"))
        .select(registrations::language)
        .first(&mut *app.conn())
        .unwrap();
    assert_eq!(ukrainian, "uk");

    let (_, dashboard, _) = s.get(&format!("/admin/events/{id}")).await;
    for need in [
        "1 × Arabisch",
        "1 × Dari",
        "1 × Ukrainisch",
        "Kinderbetreuung: 2 Kinder (3–5 Jahre)",
    ] {
        assert!(dashboard.contains(need), "{need} in {dashboard}");
    }
    assert!(dashboard.contains("Dolmetschen: "), "{dashboard}");

    // the demo's topics are named in every language: the list's filter in Persian and Russian
    for (lang, topic) in [("fa", "ادغام"), ("ru", "Интеграция"), ("ar", "الاندماج")]
    {
        let list = s.get_in("/", lang).await;
        assert!(
            list.contains(&format!(">{topic}</option>")),
            "{lang}: {list}"
        );
    }

    // the demo writes to nobody: neither the manager nor the person who registered online
    let queued: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(queued, 0);
}

/// The Runder Tisch: fifteen partner organisations on the series's list, the next date
/// invited, five coming, one sending her deputy, two declined, the rest open; the reply
/// counts on the organiser's pages; and still no mail waiting.
async fn the_round_table_has_its_partners_invitations_and_answers(app: TestApp) {
    use treffpunkt::db::schema::{invitations, partners};
    treffpunkt::domain::demo::load(&mut app.conn(), app.now()).expect("demo data");
    let organisations: i64 = partners::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(organisations, 15);
    let (next, office): (i64, i64) = events::table
        .filter(events::title.eq("Runder Tisch Integration"))
        .order(events::starts_at.asc())
        .filter(events::starts_at.gt(app.now()))
        .select((events::id, events::office_id))
        .first(&mut *app.conn())
        .unwrap();
    let replies: Vec<Option<String>> = invitations::table
        .filter(invitations::event_id.eq(next))
        .select(invitations::reply)
        .load(&mut *app.conn())
        .unwrap();
    assert_eq!(replies.len(), 15, "every member invited");
    let count = |r: &str| replies.iter().filter(|x| x.as_deref() == Some(r)).count();
    assert_eq!(
        (count("come"), count("substitute"), count("decline")),
        (5, 1, 2)
    );
    let substitute: i64 = registrations::table
        .filter(registrations::event_id.eq(next))
        .filter(registrations::name.eq("Yasemin Kaya"))
        .filter(registrations::status.eq("confirmed"))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(substitute, 1, "the substitute holds a seat");

    let password = app.account("geschaeftsstelle@example.org", ROLE_ORGANISER, &[office]);
    let s = app.login("geschaeftsstelle@example.org", &password).await;
    let (_, dashboard, _) = s.get(&format!("/admin/events/{next}")).await;
    assert!(
        dashboard
            .contains("15 eingeladen: 5 kommen, 1 schicken eine Vertretung, 2 abgesagt, 7 offen."),
        "{dashboard}"
    );
    // the next date's agenda with its two documents, public and for participants
    let (_, public) = app.get_text(&format!("/events/{next}")).await;
    assert!(
        public.contains("Sprachkurse im Landkreis: Angebot und Wartelisten"),
        "{public}"
    );
    assert!(
        public.contains("Tagesordnung-Runder-Tisch.pdf") && !public.contains("Sprachkurse-VHS.pdf")
    );
    let documents: i64 = treffpunkt::db::schema::documents::table
        .filter(treffpunkt::db::schema::documents::event_id.eq(next))
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(documents, 2);
    // the date already held: twelve of fifteen organisations, and its minutes for all
    let past: i64 = events::table
        .filter(events::title.eq("Runder Tisch Integration"))
        .filter(events::starts_at.lt(app.now()))
        .select(events::id)
        .first(&mut *app.conn())
        .unwrap();
    let (_, dashboard, _) = s.get(&format!("/admin/events/{past}")).await;
    assert!(dashboard.contains("12 von 15"), "{dashboard}");
    let (status, minutes) = app.get_text(&format!("/events/{past}/minutes")).await;
    assert_eq!(status, rocket::http::Status::Ok);
    assert!(
        minutes.contains("Zwölf der fünfzehn Partnerorganisationen"),
        "{minutes}"
    );
    let queued: i64 = outbox::table.count().get_result(&mut *app.conn()).unwrap();
    assert_eq!(queued, 0, "the demo writes to nobody");
}
