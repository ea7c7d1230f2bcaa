//! Mounting in the build for a host's own questionnaire (a first visit to a
//! page whose widgets all name one, in English): each widget's file is fetched
//! and read here, and the widget starts on it as the core build starts on its
//! own (`handover`); it opens no share link (`no_links`). Anything else — a
//! file that cannot be fetched or read, a band only the full build can name,
//! another language — is left to the full build, which fetches the file again
//! and says what is wrong (the visitor's message, the host's console and error
//! event), as it always has.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

pub use super::no_links::{link_tag, link_target};
use super::{handover, Setup};
use crate::codec::questionnaire::{self, MAX_QUESTIONNAIRE_BYTES};
use crate::config::{Config, Language};
use crate::fetch::fetch_text;
use crate::host::MOUNTED_ATTRIBUTE;
use crate::model::questionnaire::ascii_slug;

/// A widget on its host's questionnaire, in English, is this build's; any other is the full build's.
pub fn leaves_to_full_build(config: &Config, language: Language) -> bool {
    let ours = config.questionnaire.is_some() && language == Language::BUILT_IN && !config.completed_document;
    handover::leave_if(!ours)
}

/// Fetches the widget's questionnaire (same origin only, size-limited) and
/// starts the widget on it; on any failure leaves the widget to the full build.
pub fn start(element: web_sys::Element, setup: Setup) {
    let url = setup.config.questionnaire.clone().unwrap_or_default();
    let to_full_build = {
        let element = element.clone();
        move || {
            // Not mounted after all: the full build's `mount_all` takes it.
            let _ = element.remove_attribute(MOUNTED_ATTRIBUTE);
            handover::load_full_build();
        }
    };
    let fallback = to_full_build.clone();
    let read = Closure::once(move |body: JsValue| {
        let text = body.as_string().unwrap_or_default();
        // Bands without an id are named from ASCII labels here; the full build names the rest.
        match questionnaire::decode_with(&text, ascii_slug) {
            Ok(questionnaire) => handover::start_with(element, setup, questionnaire),
            Err(_) => to_full_build(),
        }
    });
    let failed = Closure::once(move |_: JsValue| fallback());
    let _ = fetch_text(&url, MAX_QUESTIONNAIRE_BYTES, true).then2(&read, &failed);
    // Each runs at most once; the page keeps them for the promise.
    read.forget();
    failed.forget();
}
