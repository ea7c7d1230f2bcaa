//! Mounting in the partner build: as the core build (`handover`), and one
//! widget opens the share link in the address (`link`).

pub use super::link::{link_tag, link_target};
use super::{handover, Setup};
use crate::config::{Config, Language};
use crate::model::Questionnaire;

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
