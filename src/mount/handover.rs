//! Mounting in the builds that hand widgets over to the full build (core,
//! partner, and the one for a host's questionnaire): a widget this build can
//! run starts at once; one that needs more (another language, a host's own
//! questionnaire, whole result documents) is left to the full build, which
//! this build loads for it.

use super::{mount, props, Setup};
use crate::components::app::AppProps;
use crate::host;
use crate::model::Questionnaire;
use crate::state::Screen;
use crate::text::BUILT_IN;

/// Leaves a widget to the full build when `needs_full`: loads it (once), and
/// it mounts the widget. Whether it did.
pub fn leave_if(needs_full: bool) -> bool {
    if needs_full {
        load_full_build();
    }
    needs_full
}

/// Loads the full build (once) and has it mount every widget not mounted yet.
pub fn load_full_build() {
    if let Ok(loading) = host::load_full() {
        let loaded =
            wasm_bindgen::closure::Closure::once(|module: wasm_bindgen::JsValue| host::call_mount_all(&module));
        let _ = loading.then(&loaded);
        // Runs at most once; the page keeps it for the promise.
        loaded.forget();
    }
}

/// Starts a widget on `questionnaire`, on the share link's screen when it
/// opens the link in the address (only the partner build names one).
pub fn start_with(element: web_sys::Element, setup: Setup, questionnaire: Questionnaire) {
    let start = setup.opens_link.then_some(Screen::Shared);
    let props = props(setup, &BUILT_IN, questionnaire);
    mount(element, AppProps { start, ..props }, &BUILT_IN);
}
