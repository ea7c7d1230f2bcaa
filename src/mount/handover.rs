//! Mounting in the builds that hand widgets over to the full build (core and
//! partner): a widget in the built-in language on the built-in questionnaire
//! starts at once; one that needs more (another language, a host's own
//! questionnaire, whole result documents) is left to the full build, which
//! this build loads for it.

use super::{mount, props, Setup};
use crate::components::app::AppProps;
use crate::config::{Config, Language};
use crate::host;
use crate::model::Questionnaire;
use crate::state::Screen;
use crate::text::BUILT_IN;

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

/// Starts a widget at once, on the share link's screen when it opens the link
/// in the address (only the partner build names one). These builds have no
/// agenda, so they leave out the discussion questions.
pub fn start(element: web_sys::Element, setup: Setup) {
    let start = setup.opens_link.then_some(Screen::Shared);
    let props = props(setup, &BUILT_IN, Questionnaire::builtin_without_discussion_questions());
    mount(element, AppProps { start, ..props }, &BUILT_IN);
}
