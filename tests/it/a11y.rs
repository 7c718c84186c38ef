//! Accessibility (BITV 2.0 / WCAG 2.1 AA) in a real browser: axe-core on every public page
//! in German, English, Persian (right to left) and Russian, registering with the keyboard
//! alone, and the door page telling a screen reader its verdict. (Over 400 lines: one
//! browser session walks the public pages in order, each step building on the last.)

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::json;

use crate::browser::{Driver, door_link, serve};
use crate::support::{Backend, TestApp, start};

const AXE: &str = include_str!("../vendor/axe-core/axe.min.js");

/// Runs axe on the page as it is now; one line per violation and element. WCAG 2.0/2.1 A
/// and AA, plus axe's best practices: heading order, landmarks and all content in one, which
/// BITV audits ask about too.
pub(crate) async fn audit(b: &Client, page: &str) -> Vec<String> {
    // WebDriver scripts run outside the page's CSP, so no inline script is needed
    let loaded = b
        .execute(
            &format!("{AXE}\n;return typeof window.axe === 'object';"),
            vec![],
        )
        .await
        .expect("axe loads");
    assert_eq!(loaded, json!(true), "axe is on the page");
    let result = b
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
              resultTypes: ['violations'],
            }).then(r => done(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
            })))).catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await
        .expect("axe runs");
    let mut lines = Vec::new();
    for v in result.as_array().expect("violations") {
        let head = format!(
            "{page}: {} ({}) – {}",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("?")
        );
        let nodes = v["nodes"].as_array().cloned().unwrap_or_default();
        if nodes.is_empty() {
            lines.push(head.clone());
        }
        for n in nodes {
            lines.push(format!(
                "{head}\n    at {}\n    {}",
                n["target"].as_str().unwrap_or("?"),
                n["summary"].as_str().unwrap_or("").replace('\n', "\n    ")
            ));
        }
    }
    lines
}

pub(crate) async fn open(b: &Client, url: &str) {
    b.goto(url).await.unwrap();
    b.wait().for_element(Locator::Css("main h1")).await.unwrap();
}

/// Switches the site to `lang` by its language links, landing on `next`.
pub(crate) async fn switch_language(b: &Client, base: &str, lang: &str, next: &str) {
    open(b, &format!("{base}/language/{lang}?next={next}")).await;
    let html_lang = b
        .find(Locator::Css("html"))
        .await
        .unwrap()
        .attr("lang")
        .await
        .unwrap();
    assert_eq!(html_lang.as_deref(), Some(lang), "switched to {lang}");
}

/// Marks the page, so that [`wait_new_page`] can tell when the next one has replaced it.
pub(crate) async fn mark_page(b: &Client) {
    b.execute("window.tpOld = true;", vec![]).await.unwrap();
}

pub(crate) async fn wait_new_page(b: &Client) {
    for _ in 0..100 {
        let fresh = b
            .execute(
                "return !window.tpOld && document.readyState === 'complete';",
                vec![],
            )
            .await
            .unwrap_or(json!(false));
        if fresh == json!(true) {
            return;
        }
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no new page after submitting");
}

/// Sends the page's form (the registration's, and the login's, which has the same look)
/// and waits for the answer.
/// The text of the page's main heading.
pub(crate) async fn heading(b: &Client) -> String {
    b.find(Locator::Css("main h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Logs in through the login page in the browser and lands on `next`.
pub(crate) async fn log_in(b: &Client, base: &str, next: &str, (email, password): (&str, &str)) {
    open(b, &format!("{base}/admin/login?next={next}")).await;
    for (id, value) in [("email", email), ("password", password)] {
        b.find(Locator::Id(id))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    submit_form(b).await;
}

pub(crate) async fn submit_form(b: &Client) {
    mark_page(b).await;
    b.find(Locator::Css("form.registration button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_new_page(b).await;
}

fn token_in(path: &str) -> String {
    path.strip_prefix("/r/")
        .expect("on a registration page")
        .to_owned()
}

/// A meeting with everything a page can show: category (filter and link), contact, calendar.
fn full_meeting(app: &TestApp) -> i64 {
    let category = treffpunkt::domain::event::insert_category(
        &mut app.conn(),
        "buergerbeteiligung",
        "Bürgerbeteiligung",
        "Citizen participation",
    )
    .unwrap();
    let names = [
        ("fa", "مشارکت شهروندان".to_owned()),
        ("ru", "Участие граждан".to_owned()),
    ];
    treffpunkt::domain::event::set_category_names(&mut app.conn(), category, &names).unwrap();
    app.meeting_with(|e| e.columns.category_id = Some(category))
}

#[rocket::async_test]
async fn public_pages_pass_axe_in_four_languages() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = full_meeting(&app);
    let door = "a11ydoora11ydoora11ydoor";
    door_link(&app, id, door);
    // a meeting this browser has no door link for: its check-in page shows the ways in
    let no_door = app.meeting(Some(5), 0);
    let (_, walk_in) = app
        .register(id, "Amira Haddad", "amira@example.org", 1)
        .await;
    assert!(walk_in["token"].is_string(), "registered: {walk_in}");
    // the one-time link to one's own data, as the mail would bring it
    let data_link =
        treffpunkt::domain::privacy::new_request(&mut app.conn(), "amira@example.org", app.now())
            .unwrap()
            .expect("data is stored");
    // a certificate of somebody checked in, for its public check page
    let (_, jonas) = app
        .register(no_door, "Jonas Weber", "jonas@example.org", 0)
        .await;
    let certificate = {
        use diesel::prelude::*;
        use treffpunkt::db::schema::registrations;
        let token = jonas["token"].as_str().expect("registered").to_owned();
        diesel::update(registrations::table.filter(registrations::token.eq(&token)))
            .set(registrations::checked_in_at.eq(Some(app.now())))
            .execute(&mut *app.conn())
            .unwrap();
        let r = treffpunkt::domain::registration::find_by_token(&mut app.conn(), &token)
            .unwrap()
            .unwrap();
        treffpunkt::domain::certificate::issue(&mut app.conn(), &r, app.now())
            .unwrap()
            .expect("checked in")
            .display_code()
    };
    // the meeting's Leichte Sprache version, behind its switch
    {
        use diesel::prelude::*;
        use treffpunkt::db::schema::event_texts;
        diesel::insert_into(event_texts::table)
            .values((
                event_texts::event_id.eq(id),
                event_texts::lang.eq("de-x-ls"),
                event_texts::title.eq("Ein Treffen zum Zusammen-Leben"),
                event_texts::summary.eq("Das Amt stellt einen Plan vor."),
                event_texts::description.eq("Sie können Fragen stellen."),
            ))
            .execute(&mut *app.conn())
            .unwrap();
    }
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;

    // axe must see a planted fault, or a clean result would mean nothing
    open(&b, &format!("{base}/")).await;
    b.execute(
        "document.querySelector('main').insertAdjacentHTML('beforeend', \
         '<img id=probe src=/static/icon.svg><input id=probe-input>');",
        vec![],
    )
    .await
    .unwrap();
    let planted = audit(&b, "probe").await.join("\n");
    assert!(
        planted.contains("image-alt") && planted.contains("#probe-input"),
        "axe reports a picture without text and a field without label: {planted}"
    );

    let mut violations = Vec::new();
    for lang in ["de", "en", "fa", "ru"] {
        switch_language(&b, base, lang, "/").await;
        violations.extend(audit(&b, &format!("[{lang}] meeting list")).await);

        open(&b, &format!("{base}/events/{id}?fassung=leichte-sprache")).await;
        violations
            .extend(audit_at_both_sizes(&b, &format!("[{lang}] meeting in Leichte Sprache")).await);

        open(&b, &format!("{base}/events/{id}")).await;
        violations.extend(audit(&b, &format!("[{lang}] meeting page with form")).await);

        submit_form(&b).await;
        assert!(
            b.find(Locator::Id("error-summary")).await.is_ok(),
            "empty form shows errors"
        );
        violations.extend(audit(&b, &format!("[{lang}] form submitted empty")).await);

        for (field, value) in [
            ("name", "Bogdan Kowal"),
            ("email", "bogdan@"),
            ("companions", "9"),
        ] {
            let input = b.find(Locator::Id(field)).await.unwrap();
            input.clear().await.unwrap();
            input.send_keys(value).await.unwrap();
        }
        submit_form(&b).await;
        assert!(
            b.find(Locator::Id("email-error")).await.is_ok(),
            "bad e-mail is shown"
        );
        violations.extend(audit(&b, &format!("[{lang}] form with bad values")).await);

        let email = b.find(Locator::Id("email")).await.unwrap();
        email.clear().await.unwrap();
        email
            .send_keys(&format!("bogdan.{lang}@example.org"))
            .await
            .unwrap();
        let companions = b.find(Locator::Id("companions")).await.unwrap();
        companions.clear().await.unwrap();
        companions.send_keys("1").await.unwrap();
        if !b
            .find(Locator::Id("consent"))
            .await
            .unwrap()
            .is_selected()
            .await
            .unwrap()
        {
            b.find(Locator::Id("consent"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
        }
        submit_form(&b).await;
        let confirmation = b.current_url().await.unwrap();
        if !confirmation.path().starts_with("/r/") {
            let errors = b
                .find(Locator::Css("main"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            panic!("not registered: {confirmation}\n{errors}");
        }
        violations.extend(audit(&b, &format!("[{lang}] confirmation")).await);

        let token = token_in(confirmation.path());
        let pages = [
            (format!("/r/{token}"), "management page"),
            (format!("/r/{token}/ticket"), "ticket"),
            (format!("/r/{token}/cancel"), "cancel question"),
            ("/privacy".to_owned(), "privacy"),
            ("/privacy/data".to_owned(), "data request form"),
            (format!("/privacy/data/{data_link}"), "one's own data"),
            ("/embed".to_owned(), "embedded list"),
            ("/door".to_owned(), "door PIN"),
            (format!("/door?event={id}&pin=00000000"), "door PIN wrong"),
            ("/door?pin=00000000".to_owned(), "door PIN without meeting"),
            ("/certificate".to_owned(), "certificate check form"),
            (format!("/certificate/{certificate}"), "certificate checked"),
            (
                "/certificate/ZZZZ-ZZZZ-ZZZZ".to_owned(),
                "certificate unknown",
            ),
        ];
        for (path, what) in pages {
            open(&b, &format!("{base}{path}")).await;
            violations.extend(audit(&b, &format!("[{lang}] {what}")).await);
        }
        open(&b, &format!("{base}/checkin/{no_door}")).await;
        assert!(
            b.find(Locator::Id("checkin-pin")).await.is_ok(),
            "the check-in page without access shows the ways in"
        );
        violations
            .extend(audit_at_both_sizes(&b, &format!("[{lang}] check-in without access")).await);

        open(&b, &format!("{base}/door/{door}")).await;
        b.wait().for_element(Locator::Id("checkin")).await.unwrap();
        violations.extend(audit(&b, &format!("[{lang}] door check-in")).await);
        // the same page showing a verdict
        let_in(&b, "Amira").await;
        b.wait()
            .for_element(Locator::Css("#result:not([hidden])"))
            .await
            .unwrap();
        violations.extend(audit(&b, &format!("[{lang}] door check-in verdict")).await);
        // undone so the next language's round lets her in again
        b.find(Locator::Id("result-close"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.find(Locator::Id("undo"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        b.wait()
            .for_element(Locator::Css("#undo[disabled]"))
            .await
            .unwrap();

        open(&b, &format!("{base}/no/such/page")).await;
        violations.extend(audit(&b, &format!("[{lang}] not found")).await);
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

async fn press(b: &Client, keys: &[Key]) {
    let mut actions = KeyActions::new("keyboard".into());
    for k in keys {
        actions = actions.then(KeyAction::Down { value: (*k).into() });
    }
    for k in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: (*k).into() });
    }
    b.perform_actions(actions).await.unwrap();
}

/// What has the keyboard focus: its id (or tag and class), and whether it is drawn.
async fn focused(b: &Client) -> (String, bool) {
    let v = b
        .execute(
            r#"const e = document.activeElement;
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const shadow = s.boxShadow !== 'none';
            const name = e.id || (e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
            return [name, outline || shadow];"#,
            vec![],
        )
        .await
        .unwrap();
    (
        v[0].as_str().unwrap_or_default().to_owned(),
        v[1].as_bool().unwrap_or(false),
    )
}

/// Tabs forward until `id` has the focus, checking every stop shows it.
async fn tab_to(b: &Client, id: &str) {
    let mut seen = Vec::new();
    for _ in 0..60 {
        press(b, &[Key::Tab]).await;
        let (now, visible) = focused(b).await;
        assert!(visible, "focus on {now} is not visible");
        if now == id {
            return;
        }
        seen.push(now);
    }
    panic!("never reached {id} by Tab; went through {seen:?}");
}

async fn type_here(b: &Client, text: &str) {
    b.active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

async fn wait_path(b: &Client, prefix: &str) {
    for _ in 0..50 {
        if b.current_url().await.unwrap().path().starts_with(prefix) {
            return;
        }
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never reached {prefix}: {}", b.current_url().await.unwrap());
}

#[rocket::async_test]
async fn registering_with_the_keyboard_alone() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = full_meeting(&app);
    let served = serve(&app).await;
    let b = driver.browser("de").await;
    open(&b, &format!("{}/events/{id}", served.base)).await;

    // the first Tab reaches the skip link, which is then shown and leads into the page
    press(&b, &[Key::Tab]).await;
    let (first, visible) = focused(&b).await;
    assert_eq!(first, "a.skip", "the skip link comes first");
    assert!(visible, "the focused skip link is outlined");
    let on_screen = b
        .execute(
            "const r = document.activeElement.getBoundingClientRect(); return r.left >= 0 && r.width > 0;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(on_screen, json!(true), "the skip link shows when focused");
    press(&b, &[Key::Enter]).await;
    assert_eq!(
        focused(&b).await.0,
        "main",
        "the skip link moves focus to the content"
    );

    // sending the empty form puts the focus on the list of problems
    tab_to(&b, "name").await;
    tab_to(&b, "consent").await;
    let submit = "button.primary";
    tab_to(&b, submit).await;
    press(&b, &[Key::Enter]).await;
    b.wait()
        .for_element(Locator::Id("error-summary"))
        .await
        .unwrap();
    assert_eq!(
        focused(&b).await.0,
        "error-summary",
        "the error summary takes the focus"
    );
    // its first link leads to the field
    press(&b, &[Key::Tab]).await;
    press(&b, &[Key::Enter]).await;
    assert_eq!(
        focused(&b).await.0,
        "name",
        "the summary link leads to the field"
    );

    type_here(&b, "Olena Kovalenko").await;
    tab_to(&b, "email").await;
    type_here(&b, "olena@example.org").await;
    // and back, to check Shift+Tab goes the other way
    press(&b, &[Key::Shift, Key::Tab]).await;
    assert_eq!(focused(&b).await.0, "name", "Shift+Tab goes back");
    tab_to(&b, "email").await;
    tab_to(&b, "companions").await;
    type_here(&b, &format!("{}1", Key::Backspace)).await;
    tab_to(&b, "consent").await;
    press(&b, &[Key::Space]).await;
    let checked = b
        .execute("return document.getElementById('consent').checked;", vec![])
        .await
        .unwrap();
    assert_eq!(checked, json!(true), "Space ticks the consent");
    tab_to(&b, submit).await;
    press(&b, &[Key::Enter]).await;

    wait_path(&b, "/r/").await;
    let heading = b
        .wait()
        .for_element(Locator::Css("main h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        heading.contains("Vielen Dank"),
        "confirmation page: {heading}"
    );
    assert_eq!(
        app.count("email = 'olena@example.org' AND name = 'Olena Kovalenko' AND companions = 1"),
        1,
        "stored as typed"
    );
    b.close().await.unwrap();
}

/// At the door: finds `name` by the search and lets them in with one tap.
async fn let_in(b: &Client, name: &str) {
    let q = b.find(Locator::Id("search-q")).await.unwrap();
    q.clear().await.unwrap();
    q.send_keys(name).await.unwrap();
    b.find(Locator::Css("#search-form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait()
        .for_element(Locator::Css("#search-results button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// The text in an element, shown or only read out.
async fn text_of(b: &Client, id: &str) -> String {
    b.execute(
        "return document.getElementById(arguments[0]).textContent.trim();",
        vec![json!(id)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the live region says something containing `want`.
async fn announced(b: &Client, want: &str) -> String {
    for _ in 0..50 {
        let text = text_of(b, "result-live").await;
        if text.contains(want) {
            return text;
        }
        rocket::tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "never announced {want}: {}",
        text_of(b, "result-live").await
    );
}

/// The door page says the verdict in words, in a live region a screen reader announces.
#[rocket::async_test]
async fn door_verdict_is_announced_in_words() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 1);
    let door = "a11yverdicta11yverdictxx";
    door_link(&app, id, door);
    let (_, amira) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    assert!(amira["token"].is_string());
    let served = serve(&app).await;
    let b = driver.browser("de").await;
    open(&b, &format!("{}/door/{door}", served.base)).await;
    let live = b.find(Locator::Id("result-live")).await.unwrap();
    let politeness = live.attr("aria-live").await.unwrap();
    let role = live.attr("role").await.unwrap();
    assert!(
        politeness.is_some() || role.as_deref() == Some("status"),
        "a live region"
    );
    assert_eq!(
        text_of(&b, "result-live").await,
        "",
        "silent until someone is checked"
    );
    let in_hidden = b
        .execute(
            "return !!document.getElementById('result-live').closest('[hidden],[aria-hidden=true]');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(in_hidden, json!(false), "the region is always in the page");

    let_in(&b, "Amira").await;
    // (the search row says who each "let in" button is for, in the page's language)
    let row = b
        .execute(
            "const b = document.querySelector('#search-results button'); \
             return document.getElementById(b.getAttribute('aria-describedby')).textContent;",
            vec![],
        )
        .await
        .unwrap();
    let row = row.as_str().unwrap_or_default();
    assert!(
        row.contains("Amira Haddad") && row.contains("bestätigt"),
        "the button is described by its row: {row}"
    );
    let text = announced(&b, "Amira").await;
    assert!(
        text.starts_with("Einlass erlaubt") && text.contains("Willkommen, Amira Haddad"),
        "the verdict in words: {text}"
    );
    assert_eq!(
        text_of(&b, "result-verdict").await,
        "Einlass erlaubt",
        "and on screen"
    );
    // closing the verdict by keyboard gives the focus back to where it was
    assert_eq!(focused(&b).await.0, "result", "the verdict takes the focus");
    press(&b, &[Key::Tab]).await;
    assert_eq!(focused(&b).await.0, "result-close");
    press(&b, &[Key::Enter]).await;
    let back = b
        .execute(
            "return document.activeElement.closest('#search-results') !== null;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(back, json!(true), "focus is back on the list searched");

    // tapped again on this device at once: still a welcome, and the note is read out too
    let_in(&b, "Amira").await;
    let text = announced(&b, "Schon angezeigt").await;
    assert!(
        text.starts_with("Einlass erlaubt") && text.contains("an diesem Gerät eingelassen"),
        "the welcome again in words: {text}"
    );
    b.find(Locator::Id("result-close"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // a minute later she is not let in again, and it says so
    app.clock.advance(chrono::Duration::seconds(61));
    let_in(&b, "Amira").await;
    let text = announced(&b, "schon eingelassen").await;
    assert!(
        text.starts_with("Kein Einlass"),
        "the refusal in words: {text}"
    );
    assert_eq!(text_of(&b, "result-verdict").await, "Kein Einlass");
    b.close().await.unwrap();
}

/// Pages that show errors link each message to its field and announce the summary.
#[rocket::async_test]
async fn errors_are_linked_to_their_fields() {
    let app = start(Backend::Sqlite).await.unwrap();
    let id = app.meeting(Some(10), 1);
    let res = app
        .post_form(
            &format!("/events/{id}/register"),
            "name=&email=nope&companions=9&needs=",
        )
        .await;
    let page = res.into_string().await.unwrap();
    let summary = page
        .split("id=\"error-summary\"")
        .next()
        .and_then(|before| before.rsplit("<div").next())
        .expect("an error summary");
    assert!(
        summary.contains("role=\"alert\""),
        "summary is announced: {summary}"
    );
    let summary_at = page.find("id=\"error-summary\"").unwrap();
    let form_at = page
        .find("<form method=\"post\" action=\"/events/")
        .unwrap();
    assert!(summary_at < form_at, "the summary is above the form");
    for field in ["name", "email", "companions", "consent"] {
        let tag = element_with_id(&page, field);
        assert!(
            tag.contains("aria-invalid=\"true\""),
            "{field} invalid: {tag}"
        );
        let described = attr(tag, "aria-describedby").unwrap_or_default();
        assert!(
            described
                .split(' ')
                .any(|id| id == format!("{field}-error")),
            "{field} described by its message: {tag}"
        );
        let message = element_with_id(&page, &format!("{field}-error"));
        assert!(message.contains("class=\"error\""), "{message}");
        assert!(
            page.contains(&format!("<a href=\"#{field}\">")),
            "summary links to {field}"
        );
    }
    let links: Vec<usize> = ["name", "email", "companions", "consent"]
        .iter()
        .map(|f| page.find(&format!("<a href=\"#{f}\">")).unwrap())
        .collect();
    assert!(
        links.is_sorted(),
        "the summary lists problems in the form's order: {links:?}"
    );
    let fine = element_with_id(&page, "organisation");
    assert!(
        !fine.contains("aria-invalid"),
        "a good field is not marked: {fine}"
    );

    // the language switch and dates, on any page
    let (_, list) = app.get_text("/").await;
    let nav = list
        .split("<nav")
        .find(|n| n.contains("class=\"langs\""))
        .expect("language nav");
    let name = attr(nav, "aria-label").unwrap_or_default();
    assert!(!name.is_empty(), "the language switch is named");
    let nav = &nav[..nav.find("</nav>").unwrap()];
    for link in nav.split("<a ").skip(1) {
        let lang = attr(link, "lang").expect("lang on each language");
        assert_eq!(attr(link, "hreflang"), Some(lang), "{link}");
    }
    assert!(
        list.contains("<time datetime=\""),
        "dates are machine-readable"
    );
    let (_, amira) = app
        .register(id, "Amira Haddad", "amira@example.org", 0)
        .await;
    let (_, mine) = app
        .get_text(&format!("/r/{}", amira["token"].as_str().unwrap()))
        .await;
    assert_eq!(
        mine.matches("<time datetime=\"").count(),
        2,
        "the meeting's date and the registration's"
    );
}

/// The start tag of the element with this id.
fn element_with_id<'a>(page: &'a str, id: &str) -> &'a str {
    let at = page
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element #{id}"));
    let start = page[..at].rfind('<').unwrap();
    let end = at + page[at..].find('>').unwrap();
    &page[start..=end]
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let at = tag.find(&needle)? + needle.len();
    Some(&tag[at..at + tag[at..].find('"')?])
}

/// The elements that reach past the right edge when the page is wider than the window
/// (content a phone user would have to scroll sideways to), else `None`.
async fn overflow(b: &Client) -> Option<String> {
    let found = b
        .execute(
            "const w = document.documentElement.clientWidth;
             if (document.documentElement.scrollWidth <= w) return null;
             return [...document.querySelectorAll('body *')]
               .filter(e => e.getBoundingClientRect().right > w)
               .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))
               .join(', ');",
            vec![],
        )
        .await
        .unwrap();
    found.as_str().map(str::to_owned)
}

/// Runs axe on the page as it is now at a phone's size (390×844) and a desktop's
/// (1280×800), and reports a page wider than the window as a violation too. Ends at the
/// desktop size, which the pages audited after it expect.
pub(crate) async fn audit_at_both_sizes(b: &Client, what: &str) -> Vec<String> {
    let mut violations = Vec::new();
    for (w, h) in [(390, 844), (1280, 800)] {
        b.set_window_size(w, h).await.unwrap();
        let what = format!("{what} at {w}×{h}");
        violations.extend(audit(b, &what).await);
        if let Some(wide) = overflow(b).await {
            violations.push(format!("{what}: wider than the window: {wide}"));
        }
    }
    violations
}

pub(crate) fn assert_accessible(violations: &[String]) {
    assert!(
        violations.is_empty(),
        "{} accessibility violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

#[rocket::async_test]
async fn sessions_page_passes_axe_in_german_and_english() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let password = app.account(
        "orga@example.org",
        treffpunkt::domain::account::ROLE_ORGANISER,
        &[],
    );
    // another device, so the page shows a row with its button too
    let _phone = app
        .login_from(
            "orga@example.org",
            &password,
            Some("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"),
        )
        .await;
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    log_in(&b, base, "/admin/sessions", ("orga@example.org", &password)).await;

    let mut violations = Vec::new();
    for lang in ["de", "en"] {
        switch_language(&b, base, lang, "/admin/sessions").await;
        let heading = crate::a11y::heading(&b).await;
        let want = if lang == "de" {
            "Wo Sie angemeldet sind"
        } else {
            "Where you are signed in"
        };
        assert_eq!(heading, want, "the sessions page in {lang}");
        assert!(
            b.source().await.unwrap().contains("/end\""),
            "the other device's button is there"
        );
        violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] sessions")).await);
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}

/// The states of a person's page and ticket that issue 13 added: a place waiting for the
/// person's confirmation, a cancelled meeting, and the optional mails turned off.
#[rocket::async_test]
async fn person_states_pass_axe_in_german_and_english() {
    let Some(driver) = Driver::start().await else {
        return;
    };
    let app = start(Backend::Sqlite).await.unwrap();
    let opt_in = app.meeting_with(|e| e.columns.double_opt_in = true);
    let (_, unconfirmed) = app
        .register(opt_in, "Bogdan Kowal", "bogdan@example.org", 0)
        .await;
    let u = unconfirmed["token"].as_str().unwrap().to_owned();
    treffpunkt::domain::registration::set_optional_mail(&mut app.conn(), &u, false, app.now())
        .unwrap();
    let off = app.meeting(Some(10), 1);
    let (_, called_off) = app
        .register(off, "Carla Rossi", "carla@example.org", 1)
        .await;
    let c = called_off["token"].as_str().unwrap().to_owned();
    treffpunkt::domain::manage::cancel(
        &mut app.conn(),
        off,
        &treffpunkt::domain::manage::CancelReason::untranslated("Der Saal ist gesperrt."),
        &treffpunkt::domain::audit::Actor::system(),
        app.now(),
    )
    .unwrap();
    let served = serve(&app).await;
    let base = &served.base;
    let b = driver.browser("de").await;
    let pages = [
        (format!("/r/{u}"), "unconfirmed, mails off"),
        (format!("/r/{u}/ticket"), "ticket while unconfirmed"),
        (format!("/r/{c}"), "registration for a cancelled meeting"),
        (format!("/r/{c}/ticket"), "ticket for a cancelled meeting"),
    ];
    let mut violations = Vec::new();
    for lang in ["de", "en"] {
        switch_language(&b, base, lang, "/").await;
        for (path, what) in &pages {
            open(&b, &format!("{base}{path}")).await;
            violations.extend(audit_at_both_sizes(&b, &format!("[{lang}] {what}")).await);
        }
    }
    b.close().await.unwrap();
    assert_accessible(&violations);
}
