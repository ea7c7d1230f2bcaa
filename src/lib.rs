//! Partnership readiness: a self-assessment widget in Rust + Yew.
//!
//! Reading order: `model` (pure domain), `codec` (serialized formats), `text`
//! (every user-facing string), `state` (the reducer), then the browser shell:
//! `storage`, `embed`, `components`.

pub mod codec;
pub mod model;
pub mod text;
pub mod state;

pub mod components;
pub mod embed;
pub mod storage;

pub use components::app::App;
