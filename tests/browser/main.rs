//! Browser tests (wasm-bindgen-test in headless Chromium): the real components
//! against real DOM and real localStorage. Run with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod meeting;
mod mounting;
mod sharing;
mod storage_faults;
mod support;
mod sync;
mod walkthrough;
