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

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
