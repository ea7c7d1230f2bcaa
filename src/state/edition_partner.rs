//! The partner build's part of the state: the core build's (no screens of the
//! full build) plus the result a partner's share link opened (`shared`). A
//! widget that opens any other screen of the full build is handed over to it,
//! as from the core build (`components::edition_partner`).

pub use super::shared::SharedLink;
use super::AppState;

/// The opened share link: the only screen of the full build this build draws.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FullState {
    pub link: Option<SharedLink>,
}

/// What the opened link's screen can ask for (the full build's variants of the same names).
#[derive(Debug, Clone, PartialEq)]
pub enum FullAction {
    /// The shell read a share link from the address.
    LinkOpened(SharedLink),
    /// Save the opened shared result; the shell passes a fresh id.
    SaveShared {
        id: u64,
    },
    /// Save the opened shared result (fresh `id`), take the check, then compare.
    TakeCheckToCompare {
        id: u64,
    },
    CloseShared,
}

impl AppState {
    pub(super) fn full_screen_opened(&mut self) {}

    /// No teams in this build.
    pub(super) fn has_team(&self, _id: u64) -> bool {
        false
    }

    /// No teams in this build.
    pub(super) fn delete_team(&mut self, _id: u64) {}

    pub(super) fn apply_full(&mut self, action: FullAction) {
        match action {
            FullAction::LinkOpened(link) => self.link_opened(link),
            FullAction::SaveShared { id } => self.save_shared(id),
            FullAction::TakeCheckToCompare { id } => self.take_check_to_compare(id),
            FullAction::CloseShared => self.close_shared(),
        }
    }
}
