//! The one integration test binary: every test drives the real application over HTTP
//! (Rocket's local client) against a real SQLite file and, when
//! `TREFFPUNKT_TEST_DATABASE_URL` is set, the same test against PostgreSQL.

mod support;

mod a11y;
mod a11y_change;
mod a11y_office;
mod abuse;
mod api;
mod backoffice;
mod backoffice_nav;
mod backoffice_pages;
mod bad_input;
mod browser;
mod browser_partners;
mod browser_questions;
mod change;
mod change_answers;
mod change_contact;
mod checkin;
mod cli;
mod demo;
mod door;
mod door_denied;
mod door_faults;
mod door_phone;
mod door_pin;
mod door_rescan;
mod drills;
mod faults;
mod feeds;
mod flow;
mod fuzz;
mod i18n;
mod intake;
mod invitees;
mod layers;
mod layout;
mod leftovers;
mod mail;
mod mail_calendar;
mod needs;
mod office_registrations;
mod offices_add;
mod partner_import;
mod partners;
mod person;
mod privacy;
mod questions;
mod race;
mod series_office;
mod sessions;
mod smtp;
mod unlisted;
mod validation;
