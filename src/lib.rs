//! Partnership readiness: a self-assessment widget in Rust + Yew.
//!
//! Reading order: `model` (pure domain), `codec` (serialized formats), `text`
//! (every user-facing string), `state` (the reducer), then the browser shell:
//! `storage`, `embed`, `components`.

pub mod codec;
pub mod model;
pub mod state;
pub mod text;

pub mod components;
pub mod embed;
pub mod storage;

pub use components::app::App;

// A small free-list allocator: the default one is ≈ 3.5 KiB gzip of every
// visitor's first load (see ARCHITECTURE.md). The wasm build is single-threaded.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without atomics has exactly one thread.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
