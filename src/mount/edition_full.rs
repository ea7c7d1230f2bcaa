//! Mounting in the full build: a widget may first need content fetched
//! (another language, a host's own questionnaire), may have been handed over
//! by the core build (the screen to open, data it could not save), and one
//! widget on the page opens the share link in the address.

use std::rc::Rc;

pub use super::link::{link_tag, link_target};
use super::{mount, props, show_message, Setup};
use crate::codec::host_events;
use crate::codec::store::{self, MainDocument};
use crate::components::app::AppProps;
use crate::config::{Config, Language};
use crate::content::Unusable;
use crate::host::{self, Carried};
use crate::model::{Questionnaire, StoreContents};
use crate::state::Screen;
use crate::text::EN;
use crate::{content, incoming, share, storage};

/// The full build mounts every widget itself.
pub fn leaves_to_full_build(_config: &Config, _language: Language) -> bool {
    false
}

/// Starts a widget: at once in English on the built-in questionnaire, else
/// once its content is fetched. A questionnaire that cannot be used leaves the
/// visitor a short, neutral message (with "Reload" only when the file could not
/// be fetched), the host's console the problem, and the host page a
/// `partnership-readiness:error` event naming it.
pub fn start(element: web_sys::Element, mut setup: Setup) {
    storage::explain_unreadable_with(|error| EN.full.store_error(error));
    // Only sharing reads it, so only this build does (js/share.js checks it).
    Rc::make_mut(&mut setup.config).share_page =
        element.get_attribute("data-share-page").map(|page| page.trim().to_owned()).filter(|page| !page.is_empty());
    let (handed_over, back_up, carried) = host::take_handover(&element);
    // A screen handed over (from the partner build, say) comes first; one that
    // shows the address's link opens it first (`components::app`).
    let start = handed_over.or(setup.opens_link.then_some(Screen::Shared));
    let carried = carried.and_then(carried_contents).map(Rc::new);
    if back_up {
        download_backup(&setup.config.storage_key, carried.as_deref());
    }
    if !setup.config.needs_content(setup.language) {
        mount(element, AppProps { start, carried, ..props(setup, &EN, Questionnaire::builtin()) }, &EN);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match content::load(setup.language, setup.config.questionnaire.as_deref()).await {
            Ok((text, questionnaire)) => {
                mount(element, AppProps { start, carried, ..props(setup, text, questionnaire) }, text);
            }
            Err(unavailable) => {
                gloo::console::error!(unavailable.reason.clone());
                // Reloading helps only when the file could not be fetched at all.
                let (message, reload) = match unavailable.code {
                    Unusable::Unreachable => (unavailable.text.common.unavailable, true),
                    _ => (unavailable.text.full.errors.check_not_available, false),
                };
                show_message(&element, message, unavailable.text, reload);
                let detail = host_events::error(unavailable.code.code(), &unavailable.reason);
                host::announce_on(&element, host_events::ERROR, &detail);
            }
        }
    });
}

/// "Back up all results", clicked in a build that hands the widget over to
/// this one (only this one writes backups): the results it carried along or
/// the stored ones, and the stored teams. Those builds run on the built-in
/// questionnaire only. Storage that cannot be read was said where it was read.
fn download_backup(key: &str, carried: Option<&StoreContents>) {
    let history = match carried {
        Some(carried) => carried.history.clone(),
        None => storage::load_results(key).ok().and_then(|stored| stored.history).unwrap_or_default(),
    };
    let teams = storage::load_teams(key).unwrap_or_default();
    share::download_backup(&history, &teams, &Questionnaire::builtin());
}

/// The data a handed-over widget that could not save carried along, through
/// the door for results like any stored data. It was written by this page a
/// moment ago, so a document that cannot be read is a bug: said in the console.
fn carried_contents(carried: Carried) -> Option<StoreContents> {
    let read = || -> Result<StoreContents, store::DecodeError> {
        let draft = match store::decode_main(&carried.main)? {
            MainDocument::Current { draft } => draft,
            MainDocument::Legacy(contents) => contents.draft,
        };
        Ok(StoreContents { draft, history: incoming::from_storage(&carried.results)? })
    };
    read()
        .map_err(|error| {
            gloo::console::error!(format!(
                "partnership readiness: the data carried over could not be read: {}",
                EN.full.store_error(&error)
            ))
        })
        .ok()
}
