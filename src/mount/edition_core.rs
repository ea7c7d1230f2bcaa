//! Mounting in the core build: English on the built-in questionnaire, started
//! at once. A widget that needs more (another language, a host's own
//! questionnaire) is left to the full build, which the core build loads for it.

use yew::AttrValue;

use super::{mount, props, Setup};
use crate::config::{Config, Language};
use crate::host;
use crate::model::Questionnaire;
use crate::text::BUILT_IN;

/// Only the full build opens share links (the boot script starts it for a page with one).
pub fn link_target<T>(_configs: &[(Config, T)]) -> Option<usize> {
    None
}

/// Whether the full build must mount this widget: it needs content this build
/// does not have, or whole result documents for its host. The full build is
/// then loaded (once) and mounts it.
pub fn leaves_to_full_build(config: &Config, language: Language) -> bool {
    if !config.needs_full_build(language) {
        return false;
    }
    if let Ok(loading) = host::load_full() {
        let loaded =
            wasm_bindgen::closure::Closure::once(|module: wasm_bindgen::JsValue| host::call_mount_all(&module));
        let _ = loading.then(&loaded);
        // Runs at most once; the page keeps it for the promise.
        loaded.forget();
    }
    true
}

/// Starts an English widget on the built-in questionnaire at once. The core
/// build has no agenda, so it leaves out the discussion questions.
pub fn start(element: web_sys::Element, setup: Setup) {
    mount(element, props(setup, &BUILT_IN, Questionnaire::builtin_without_discussion_questions()), &BUILT_IN);
}

/// This build makes no share links.
pub fn link_tag(_storage_key: &str) -> AttrValue {
    AttrValue::default()
}
