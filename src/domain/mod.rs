//! The rules of Treffpunkt as plain Rust over a database connection: no HTTP here.

pub mod account;
pub mod audit;
pub(crate) mod availability;
pub(crate) mod capacity;
pub mod change;
pub(crate) mod checkin;
pub mod contact;
pub mod demo;
pub(crate) mod door_link;
pub(crate) mod door_list;
pub(crate) mod door_pin;
pub(crate) mod due;
pub mod error;
pub mod event;
pub(crate) mod event_text;
pub(crate) mod links;
pub mod manage;
pub mod needs;
pub(crate) mod notice;
pub mod outbox;
pub mod privacy;
pub mod question;
pub(crate) mod register;
pub mod registration;
pub(crate) mod request_mail;
pub(crate) mod rescan;
pub mod roster;
pub(crate) mod series_plan;
pub(crate) mod slug;
pub(crate) mod staff_session;
pub(crate) mod throttle;
pub mod ticket;
pub mod token;
pub mod validate;
pub mod waitlist;

pub use error::{DomainError, FieldErrors};
