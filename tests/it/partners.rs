//! The Runder Tisch's partners in the back office: organisations and their contact persons
//! kept through the pages, and another office finding none of them (the import is in
//! `partner_import`, the invitation lists in `invitees`). Over 400 lines: the office-scope
//! test names every route, GET and POST, once.

use diesel::prelude::*;
use rocket::http::Status;
use treffpunkt::db::schema::{audit_log, invitees, partner_contacts, partners};
use treffpunkt::domain::audit::Actor;
use treffpunkt::domain::partner::contact::ContactInput;
use treffpunkt::domain::partner::invitees::{List, add_partner};
use treffpunkt::domain::partner::organisation::PartnerInput;
use treffpunkt::domain::partner::{contact, organisation};

use crate::partner_import::upload;
use crate::support::{TestApp, csrf_of};

crate::both_backends!(
    organisations_and_contacts_are_kept_through_the_pages,
    another_office_finds_nothing
);

pub(crate) fn tester() -> Actor {
    Actor {
        user_id: None,
        label: "test".into(),
    }
}

/// An organisation of `office` with contacts `(name, email, role)`, straight into the
/// database: `(partner, [contact ids])`.
pub(crate) fn partner_with(
    app: &TestApp,
    office: i64,
    name: &str,
    kind: &str,
    people: &[(&str, &str, &str)],
) -> (i64, Vec<i64>) {
    let mut conn = app.conn();
    let valid = PartnerInput {
        name: Some(name.into()),
        kind: Some(kind.into()),
    }
    .check()
    .unwrap();
    let id = organisation::add(&mut conn, office, &valid, &tester(), app.now()).unwrap();
    let contacts = people
        .iter()
        .map(|(n, e, role)| {
            let c = ContactInput {
                name: Some((*n).into()),
                email: Some((*e).into()),
                role: Some((*role).into()),
                ..Default::default()
            }
            .check()
            .unwrap();
            contact::add(&mut conn, id, &c, &tester(), app.now()).unwrap()
        })
        .collect();
    (id, contacts)
}

pub(crate) fn live_partners(app: &TestApp) -> Vec<(String, String)> {
    partners::table
        .filter(partners::removed_at.is_null())
        .order(partners::name.asc())
        .select((partners::name, partners::kind))
        .load(&mut *app.conn())
        .unwrap()
}

/// (organisation, name, email, phone, role, language) of every live contact.
pub(crate) type ContactRow = (String, String, String, Option<String>, String, String);

pub(crate) fn live_contacts(app: &TestApp) -> Vec<ContactRow> {
    partner_contacts::table
        .inner_join(partners::table)
        .filter(partner_contacts::removed_at.is_null())
        .filter(partners::removed_at.is_null())
        .order((partners::name.asc(), partner_contacts::name.asc()))
        .select((
            partners::name,
            partner_contacts::name,
            partner_contacts::email,
            partner_contacts::phone,
            partner_contacts::role,
            partner_contacts::language,
        ))
        .load(&mut *app.conn())
        .unwrap()
}

fn id_of_partner(app: &TestApp, name: &str) -> i64 {
    partners::table
        .filter(partners::name.eq(name))
        .filter(partners::removed_at.is_null())
        .select(partners::id)
        .first(&mut *app.conn())
        .unwrap()
}

async fn organisations_and_contacts_are_kept_through_the_pages(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let s = app.staff_of(id, "orga@example.org", "organiser").await;
    let (status, page, _) = s.get("/admin/partners").await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("Noch keine Partnerorganisationen."), "{page}");
    assert!(
        page.contains("href=\"/admin/partners\""),
        "in the navigation"
    );

    // a missing name: the form again with the message at the field, nothing stored
    let office_s = office.to_string();
    let add = |name: &'static str, kind: &'static str| {
        let office_s = office_s.clone();
        let s = &s;
        async move {
            s.submit(
                "/admin/partners",
                "/admin/partners/new",
                &[
                    ("office", &office_s),
                    ("partner.name", name),
                    ("partner.kind", kind),
                ],
            )
            .await
        }
    };
    let (status, page, _) = add("  ", "school").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Bitte geben Sie den Namen der Organisation an."));
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(live_partners(&app).is_empty());
    let (status, _, location) = add("VHS Musterkreis", "adult_education").await;
    assert_eq!(status, Status::SeeOther);
    let vhs = id_of_partner(&app, "VHS Musterkreis");
    assert_eq!(
        location.as_deref(),
        Some(&*format!("/admin/partners/{vhs}"))
    );
    // the same name in other letters is the same organisation
    let (status, page, _) = add("vhs musterkreis", "school").await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Eine Organisation dieses Namens gibt es schon."));
    assert!(
        page.contains("value=\"vhs musterkreis\""),
        "the value is kept"
    );
    assert!(
        page.contains("<option value=\"school\" selected>"),
        "the kind is kept"
    );

    // contact persons: bad input comes back at its field with the values kept
    let here = format!("/admin/partners/{vhs}");
    let to = format!("{here}/contacts");
    let (status, page, _) = s
        .submit(
            &here,
            &to,
            &[
                ("name", "Anna Weber"),
                ("email", "anna@vhs"),
                ("phone", "ruf mich an"),
                ("role", "member"),
                ("language", "de"),
            ],
        )
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"contact-email-error\""), "{page}");
    assert!(page.contains("id=\"contact-phone-error\""));
    assert!(page.contains("value=\"Anna Weber\""));
    assert!(live_contacts(&app).is_empty());
    let anna = [
        ("name", "Anna Weber"),
        ("email", "Anna.Weber@vhs.example"),
        ("phone", "05141 91-0"),
        ("role", "member"),
        ("language", "de"),
    ];
    let (status, _, _) = s.submit(&here, &to, &anna).await;
    assert_eq!(status, Status::SeeOther);
    // one address once per organisation, in whatever letters
    let again = [
        ("name", "Anna W."),
        ("email", " anna.weber@VHS.example "),
        ("role", "deputy"),
        ("language", "en"),
    ];
    let (status, page, _) = s.submit(&here, &to, &again).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("Diese Adresse hat schon eine Ansprechperson dieser Organisation."));
    assert_eq!(live_contacts(&app).len(), 1);

    let anna_id: i64 = partner_contacts::table
        .select(partner_contacts::id)
        .first(&mut *app.conn())
        .unwrap();
    let token: String = partner_contacts::table
        .find(anna_id)
        .select(partner_contacts::feed_token)
        .first(&mut *app.conn())
        .unwrap();
    assert!(treffpunkt::domain::token::looks_like_token(&token));

    // changed on its own page: a deputy who reads Ukrainian
    let edit = format!("{here}/contacts/{anna_id}");
    let (status, page, _) = s.get(&edit).await;
    assert_eq!(status, Status::Ok);
    assert!(page.contains("value=\"Anna.Weber@vhs.example\""));
    let (status, page, _) = s
        .submit(&edit, &edit, &[("name", ""), ("email", "anna@vhs.example")])
        .await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(page.contains("id=\"name-error\""));
    let (status, _, _) = s
        .submit(
            &edit,
            &edit,
            &[
                ("name", "Anna Weber-Kühn"),
                ("email", "anna.weber@vhs.example"),
                ("phone", ""),
                ("role", "deputy"),
                ("language", "uk"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    assert_eq!(
        live_contacts(&app),
        vec![(
            "VHS Musterkreis".into(),
            "Anna Weber-Kühn".into(),
            "anna.weber@vhs.example".into(),
            None,
            "deputy".into(),
            "uk".into()
        )]
    );

    // the organisation renamed, then the list shows it with its contact count
    let (status, _, _) = s
        .submit(
            &here,
            &here,
            &[
                ("name", "Volkshochschule Musterkreis"),
                ("kind", "adult_education"),
            ],
        )
        .await;
    assert_eq!(status, Status::SeeOther);
    let (_, page, _) = s.get("/admin/partners").await;
    assert!(page.contains("Volkshochschule Musterkreis"));
    assert!(page.contains("Erwachsenenbildung"));

    // removed: the contact, then the organisation, whose name is free again
    let (status, _, _) = s.submit(&here, &format!("{edit}/remove"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(live_contacts(&app).is_empty());
    let (status, _, _) = s.get(&edit).await;
    assert_eq!(status, Status::NotFound, "a removed contact is gone");
    let (status, _, _) = s.submit(&here, &format!("{here}/remove"), &[]).await;
    assert_eq!(status, Status::SeeOther);
    assert!(live_partners(&app).is_empty());
    let (status, _, _) = s.get(&here).await;
    assert_eq!(status, Status::NotFound);
    let (status, _, _) = add("Volkshochschule Musterkreis", "adult_education").await;
    assert_eq!(
        status,
        Status::SeeOther,
        "the name of a removed one is free"
    );

    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.like("partner.%"))
        .select(audit_log::action)
        .load(&mut *app.conn())
        .unwrap();
    for action in [
        "partner.add",
        "partner.update",
        "partner.remove",
        "partner.contact.add",
        "partner.contact.update",
        "partner.contact.remove",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} audited");
    }

    // junk from a client never gives a server error
    let csrf = csrf_of(&s.get("/admin/partners").await.1);
    let vhs = id_of_partner(&app, "Volkshochschule Musterkreis");
    for form in [
        "/admin/partners/new".to_owned(),
        format!("/admin/partners/{vhs}"),
        format!("/admin/partners/{vhs}/contacts"),
    ] {
        for body in [
            format!(
                "csrf={csrf}&office=x&partner.name={}&kind=%00",
                "x".repeat(300)
            ),
            format!("csrf={csrf}&name=%zz&email=&&=&language=xx&role=chef"),
        ] {
            let (status, _, _) = s.post_raw(&form, body.into_bytes()).await;
            assert!((400..500).contains(&status.code), "{form}: {status}");
        }
        let (status, _, _) = s.post_raw(&form, b"name=ohne+Token".to_vec()).await;
        assert_eq!(status, Status::Forbidden, "{form} without CSRF token");
    }
    assert_eq!(live_partners(&app).len(), 1);
}

async fn another_office_finds_nothing(app: TestApp) {
    let id = app.meeting(Some(20), 0);
    let office = app.office_of(id);
    let series = app.series(office, "runder-tisch", "Runder Tisch Integration");
    let mine = app.staff_of(id, "orga@example.org", "organiser").await;
    let (partner, c) = partner_with(
        &app,
        office,
        "Caritas",
        "church_welfare",
        &[("Dora Fink", "fink@caritas.example", "member")],
    );
    add_partner(
        &mut app.conn(),
        List::Event(id),
        office,
        partner,
        &tester(),
        app.now(),
    )
    .unwrap();
    let entry: i64 = invitees::table
        .select(invitees::id)
        .first(&mut *app.conn())
        .unwrap();
    let (_, _, location) = upload(
        &mine,
        office,
        None,
        "Organisation;Name;E-Mail\nIHK;Jan Otto;jan@ihk.example\n",
    )
    .await;
    let import = location.expect("a preview");

    // an organiser of the office next door, with a meeting and a partner of their own
    let theirs_office = app.office("nachbar", "Landratsamt Reutlingen");
    let theirs = app.meeting_with(|e| e.columns.office_id = theirs_office);
    let (own_partner, _) = partner_with(&app, theirs_office, "Diakonie", "church_welfare", &[]);
    let password = app.account("nachbar@example.org", "organiser", &[theirs_office]);
    let other = app.login("nachbar@example.org", &password).await;
    let (_, page, _) = other.get("/admin/partners").await;
    assert!(page.contains("Diakonie") && !page.contains("Caritas"));
    assert!(
        !page.contains("id=\"office-choice\""),
        "one office: no choice"
    );

    for path in [
        format!("/admin/partners?office={office}"),
        format!("/admin/partners/{partner}"),
        format!("/admin/partners/{partner}/contacts/{}", c[0]),
        format!("/admin/partners/{own_partner}/contacts/{}", c[0]),
        format!("/admin/partners/import?office={office}"),
        import.clone(),
        format!("/admin/events/{id}/invitees"),
        format!("/admin/series/{series}/invitees"),
    ] {
        let (status, _, _) = other.get(&path).await;
        assert_eq!(status, Status::NotFound, "GET {path}");
    }
    let from = "/admin/partners";
    let posts: Vec<(String, Vec<(&str, String)>)> = vec![
        (
            "/admin/partners/new".into(),
            vec![
                ("office", office.to_string()),
                ("partner.name", "Übernommen".into()),
                ("partner.kind", "other".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}"),
            vec![("name", "Übernommen".into()), ("kind", "other".into())],
        ),
        (format!("/admin/partners/{partner}/remove"), vec![]),
        (
            format!("/admin/partners/{partner}/contacts"),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}/contacts/{}", c[0]),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{own_partner}/contacts/{}", c[0]),
            vec![
                ("name", "Spion".into()),
                ("email", "spion@example.org".into()),
            ],
        ),
        (
            format!("/admin/partners/{partner}/contacts/{}/remove", c[0]),
            vec![],
        ),
        (import.clone(), vec![("plan", "x".into())]),
        (
            format!("/admin/events/{id}/invitees"),
            vec![("partner", own_partner.to_string())],
        ),
        (
            format!("/admin/series/{series}/invitees"),
            vec![("partner", own_partner.to_string())],
        ),
        (
            format!("/admin/events/{id}/invitees/{entry}/remove"),
            vec![],
        ),
        // their own meeting's list takes no partner or person of another office
        (
            format!("/admin/events/{theirs}/invitees"),
            vec![("partner", partner.to_string())],
        ),
        (
            format!("/admin/events/{theirs}/invitees"),
            vec![("contact", c[0].to_string())],
        ),
        (
            format!("/admin/events/{theirs}/invitees/{entry}/remove"),
            vec![],
        ),
    ];
    for (action, fields) in &posts {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, _, _) = other.submit(from, action, &fields).await;
        assert_eq!(status, Status::NotFound, "POST {action}");
    }
    let (status, _, _) = upload(
        &other,
        office,
        None,
        "Organisation;Name;E-Mail\nX;Y;y@x.example",
    )
    .await;
    assert_eq!(status, Status::NotFound, "an upload into another office");

    // door staff of the office itself manage no partners
    let door = app.staff_of(id, "einlass@example.org", "door").await;
    for path in [
        "/admin/partners".to_owned(),
        format!("/admin/partners/{partner}"),
        format!("/admin/events/{id}/invitees"),
    ] {
        let (status, _, _) = door.get(&path).await;
        assert_eq!(status, Status::Forbidden, "door staff: {path}");
    }
    // an administrator of both offices chooses among them
    let admin_password = app.account("leitung@example.org", "admin", &[]);
    let admin = app.login("leitung@example.org", &admin_password).await;
    let (_, page, _) = admin
        .get(&format!("/admin/partners?office={theirs_office}"))
        .await;
    assert!(page.contains("id=\"office-choice\""));
    assert!(page.contains("Diakonie") && !page.contains("Caritas"));

    // everything is as it was
    assert_eq!(
        live_partners(&app),
        vec![
            ("Caritas".into(), "church_welfare".into()),
            ("Diakonie".into(), "church_welfare".into()),
        ]
    );
    assert_eq!(live_contacts(&app).len(), 1);
    assert_eq!(live_contacts(&app)[0].1, "Dora Fink");
    let entries: i64 = invitees::table
        .count()
        .get_result(&mut *app.conn())
        .unwrap();
    assert_eq!(entries, 1);
    // the upload is still its uploader's to confirm
    let (status, _, _) = mine.get(&import).await;
    assert_eq!(status, Status::Ok);
}
