//! Mounting in the core build (`handover`): English (or German, in the German
//! core build) on the built-in questionnaire; it opens no share link — the boot
//! script starts the partner or the full build for a page with one.

use yew::AttrValue;

use super::{handover, Setup};
use crate::config::{Config, Language};
use crate::model::Questionnaire;

/// This build opens no share link.
pub fn link_target<T>(_configs: &[(Config, T)]) -> Option<usize> {
    None
}

/// This build makes no share links.
pub fn link_tag(_storage_key: &str) -> AttrValue {
    AttrValue::default()
}

/// Whether the full build must mount this widget: it needs content this build
/// does not have, or whole result documents for its host.
pub fn leaves_to_full_build(config: &Config, language: Language) -> bool {
    handover::leave_if(config.needs_full_build(language))
}

/// Starts a widget at once on the built-in questionnaire (without its
/// discussion questions: this build has no agenda).
pub fn start(element: web_sys::Element, setup: Setup) {
    handover::start_with(element, setup, Questionnaire::builtin_without_discussion_questions());
}
