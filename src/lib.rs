//! Partnership readiness: a self-assessment widget in Rust + Yew.
//!
//! Reading order, from the pure core outwards (ARCHITECTURE.md has the codemap):
//! `model` (the domain), `codec` (serialized formats), `incoming` (the one door
//! for results from outside), `text` (every user-facing string), `config` (what
//! a host configures), `state` (the reducer); then the browser shell:
//! `platform`, `storage`, `host`, `components`, `mount`, and the full build's
//! `share` and `content` (with `fetch`, which the own-questionnaire build
//! shares).
//!
//! The crate is built five ways (ARCHITECTURE.md's Builds: the core build a
//! first visit loads, its German twin, the ones for a host's questionnaire and
//! for a partner's link, and the full build). Build features appear only here
//! and on module declarations: what differs is in the `edition_*.rs` files each
//! layer picks at its declaration, and in the small modules they share; a test
//! (`tests/tidy.rs`) holds that.

pub mod codec;
pub mod config;
pub mod incoming;
pub mod model;
pub mod state;
pub mod text;

#[cfg(any(feature = "full", feature = "partner"))]
pub mod address;
pub mod components;
#[cfg(feature = "full")]
pub mod content;
#[cfg(any(feature = "full", feature = "own"))]
mod fetch;
pub mod host;
pub mod mount;
pub mod platform;
#[cfg(feature = "full")]
pub mod share;
pub mod storage;
#[cfg(feature = "full")]
pub mod validator;

pub use components::app::App;

// Talc instead of the default allocator: ≈ 3 KiB gzip smaller, and constant-time,
// where lol_alloc (used before) walks its free list on every free and made
// reading a few thousand stored results take hundreds of milliseconds.
// Single-threaded wasm: no atomics, so no locking is needed.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
