//! The back office's navigation: its sections in groups, only those the person may use,
//! and which one the page belongs to (for `aria-current`). A new section is one line here.

use rocket::serde::json::Value;
use rocket::serde::json::serde_json::json;

use super::session::Staff;

/// Who may see a link.
#[derive(Clone, Copy)]
enum Who {
    Everyone,
    Organiser,
    Admin,
}

/// A link: (address, message).
type Link = (&'static str, &'static str);

/// (group's message, who sees it, its links)
const GROUPS: &[(&str, Who, &[Link])] = &[
    (
        "staff-meetings",
        Who::Organiser,
        &[
            ("/admin", "staff-nav-overview"),
            ("/admin/archive", "staff-archive"),
            ("/admin/events/new", "staff-new-event"),
            ("/admin/series/new", "staff-new-series"),
            ("/admin/partners", "staff-partners"),
            ("/admin/report", "report-nav"),
        ],
    ),
    (
        "staff-nav-publish",
        Who::Organiser,
        &[
            ("/admin/feed", "staff-feed"),
            ("/admin/embed", "staff-embed"),
        ],
    ),
    (
        "staff-nav-admin",
        Who::Admin,
        &[
            ("/admin/offices", "staff-offices"),
            ("/admin/users", "staff-users"),
            ("/admin/privacy", "staff-privacy"),
            ("/admin/accessibility", "access-admin-nav"),
            ("/admin/accessibility/feedback", "access-admin-feedback-nav"),
            ("/admin/accessibility/videos", "access-admin-videos-nav"),
            ("/admin/outbox", "staff-outbox"),
            ("/admin/audit", "staff-audit"),
        ],
    ),
    (
        "staff-nav-account",
        Who::Everyone,
        &[("/admin/sessions", "sessions-nav")],
    ),
];

/// The link a page belongs to: itself when it is one, else the section above it (a
/// meeting's pages belong to the overview of meetings).
fn section_of(path: &str) -> &'static str {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_suffix('/').unwrap_or(path);
    let links = GROUPS.iter().flat_map(|(_, _, links)| links.iter());
    if let Some((href, _)) = links.clone().find(|(href, _)| *href == path) {
        return href;
    }
    links
        .filter(|(href, _)| *href != "/admin" && path.starts_with(&format!("{href}/")))
        .map(|(href, _)| *href)
        .next()
        .unwrap_or("/admin")
}

/// The groups and links for this person on the page at `path`; the current link carries
/// `current`: "page" on the page itself, "true" on a page below it.
pub fn context(staff: &Staff, path: &str) -> Value {
    let here = path.split(['?', '#']).next().unwrap_or_default();
    let section = section_of(path);
    let allowed = |who: Who| match who {
        Who::Everyone => true,
        Who::Organiser => staff.user.is_organiser(),
        Who::Admin => staff.user.is_admin(),
    };
    let groups: Vec<Value> = GROUPS
        .iter()
        .enumerate()
        .filter(|(_, (_, who, _))| allowed(*who))
        .map(|(i, (title, _, links))| {
            let links: Vec<Value> = links
                .iter()
                .map(|(href, label)| {
                    let current =
                        (*href == section).then(|| if *href == here { "page" } else { "true" });
                    json!({ "href": href, "label": label, "current": current })
                })
                .collect();
            json!({ "id": format!("staff-nav-{i}"), "title": title, "links": links })
        })
        .collect();
    json!(groups)
}

#[cfg(test)]
mod tests {
    use super::section_of;

    #[test]
    fn pages_belong_to_their_section() {
        assert_eq!(section_of("/admin"), "/admin");
        assert_eq!(section_of("/admin/events/new"), "/admin/events/new");
        assert_eq!(
            section_of("/admin/events/7/registrations?status=waiting"),
            "/admin"
        );
        assert_eq!(section_of("/admin/users?x=1"), "/admin/users");
        assert_eq!(section_of("/admin/offices/3/edit"), "/admin/offices");
        assert_eq!(section_of("/admin/sessions/"), "/admin/sessions");
        assert_eq!(section_of("/admin/partners/import/x"), "/admin/partners");
    }
}
