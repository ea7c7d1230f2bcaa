//! Partnership readiness: a self-assessment widget in Rust + Yew.
//!
//! Reading order: `model` (pure domain), `codec` (serialized formats), `text`
//! (every user-facing string), `config` (what a host configures), `state` (the
//! reducer), then the browser shell: `platform`, `storage`, `embed`, `components`.

pub mod codec;
pub mod config;
pub mod model;
pub mod state;
pub mod text;

pub mod components;
#[cfg(feature = "full")]
pub mod content;
pub mod embed;
pub mod platform;
#[cfg(feature = "full")]
pub mod share;
pub mod storage;

pub use components::app::App;

// Talc instead of the default allocator: ≈ 3 KiB gzip smaller, and constant-time,
// where lol_alloc (used before) walks its free list on every free and made
// reading a few thousand stored results take hundreds of milliseconds.
// Single-threaded wasm: no atomics, so no locking is needed.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
