//! The core build's stand-in for the full build's part of the state
//! (`edition_full.rs`): its screens are not in this build, so there is
//! nothing to keep and no action to take. A widget that opens one of them is
//! handed over to the full build (`components::edition_core`).

use super::AppState;
use crate::model::SavedResult;

/// No state: the full build's screens are not in this build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FullState {}

/// No actions: an enum without variants, so `Action::Full` cannot be made here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FullAction {}

impl AppState {
    /// The core build never opens share links.
    pub(super) fn shared_result(&self) -> Option<&SavedResult> {
        None
    }

    pub(super) fn full_screen_opened(&mut self) {}

    /// No teams in this build.
    pub(super) fn has_team(&self, _id: u64) -> bool {
        false
    }

    /// No teams in this build.
    pub(super) fn delete_team(&mut self, _id: u64) {}

    pub(super) fn apply_full(&mut self, action: FullAction) {
        match action {}
    }
}
