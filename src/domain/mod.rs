//! The rules of Treffpunkt as plain Rust over a database connection: no HTTP here.

pub mod account;
pub mod audit;
pub mod availability;
pub mod capacity;
pub mod checkin;
pub mod demo;
pub mod door_link;
pub mod door_list;
pub mod door_pin;
pub mod error;
pub mod event;
pub mod event_text;
pub mod links;
pub mod manage;
pub mod notice;
pub mod outbox;
pub mod privacy;
pub mod register;
pub mod registration;
pub mod request_mail;
pub mod rescan;
pub mod roster;
pub mod series_plan;
pub mod slug;
pub mod staff_session;
pub mod throttle;
pub mod ticket;
pub mod token;
pub mod validate;
pub mod waitlist;

pub use error::{DomainError, FieldErrors};
