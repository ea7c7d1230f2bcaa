//! Starting on the built-in questionnaire, as the core and partner builds do
//! (`handover`): a widget that needs more (another language, a host's own
//! questionnaire, whole result documents) is left to the full build.

use super::{handover, Setup};
use crate::config::{Config, Language};
use crate::model::Questionnaire;

/// Whether the full build must mount this widget: it needs content this build
/// does not have, or whole result documents for its host.
pub fn leaves_to_full_build(config: &Config, language: Language) -> bool {
    handover::leave_if(config.needs_full_build(language))
}

/// Starts a widget at once on the built-in questionnaire (without its
/// discussion questions: these builds have no agenda).
pub fn start(element: web_sys::Element, setup: Setup) {
    handover::start_with(element, setup, Questionnaire::builtin_without_discussion_questions());
}
