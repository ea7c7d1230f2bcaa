//! Serialized formats, kept apart from the model so that saved data survives
//! refactoring: each format has its own versioned shape and converts to the model.
//! Pure: no browser APIs; `cargo test` covers it natively.

pub mod answers;
pub mod base64url;
pub mod export;
pub mod host_events;
pub mod json;
pub mod language;
pub mod link;
pub mod markdown;
pub mod questionnaire;
pub mod reader;
pub mod store;
pub mod team;
pub mod template;
pub mod time;
