//! Partnership readiness: a self-assessment widget in Rust + Yew.
//!
//! Reading order, from the pure core outwards (ARCHITECTURE.md has the codemap):
//! `model` (the domain), `codec` (serialized formats), `incoming` (the one door
//! for results from outside), `text` (every user-facing string), `config` (what
//! a host configures), `state` (the reducer); then the browser shell:
//! `platform`, `storage`, `host`, `components`, `mount`, and the full build's
//! `share` and `content`.
//!
//! The crate is built twice (the core build a first visit loads, and the full
//! build with the `full` feature). `feature = "full"` appears only here, at
//! module declarations, in generated code and in the `edition_*.rs` files each
//! layer that differs picks at its declaration; a test (`tests/tidy.rs`) holds that.

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
