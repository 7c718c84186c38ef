//! E-mail: mails are rows of the outbox table, written in the transaction of the change
//! that causes them (`domain::outbox`), and delivered afterwards by the worker.

pub mod render;
pub mod worker;
