//! A result opened from a share link, in the builds that open links (the full
//! build, and the partner build a partner's first visit loads): what the link
//! held, and keeping it — saved to one's results, or saved to take the check
//! and compare. Each build's `FullAction` has the variants that lead here
//! (`LinkOpened`, `SaveShared`, `TakeCheckToCompare`, `CloseShared`), and its
//! `FullState` the `link`.

use std::rc::Rc;

use super::{AppState, Screen, Status, StorageNotice};
use crate::codec::link::{LinkError, Sealed};
use crate::model::saved::same_result;
use crate::model::{SavedResult, MAX_RESULTS};

/// A result opened from a share link.
#[derive(Debug, Clone, PartialEq)]
pub enum SharedLink {
    /// Sealed with a passphrase (only the full build opens these).
    Locked {
        sealed: Rc<Sealed>,
        wrong_passphrase: bool,
        opening: bool,
    },
    Open(Rc<SavedResult>),
    Unreadable(LinkError),
}

impl AppState {
    /// The result the share link in the address opened, if it is open.
    pub(super) fn shared_result(&self) -> Option<&SavedResult> {
        match &self.full.link {
            Some(SharedLink::Open(result)) => Some(result),
            _ => None,
        }
    }

    pub(super) fn link_opened(&mut self, link: SharedLink) {
        self.full.link = Some(link);
        self.navigate(Screen::Shared);
    }

    pub(super) fn close_shared(&mut self) {
        self.full.link = None;
        self.navigate(Screen::Start);
    }

    /// Saves the opened shared result (as `id`, unless it is saved already) and shows it.
    pub(super) fn save_shared(&mut self, id: u64) {
        if let Some((id, already)) = self.keep_shared(id) {
            self.navigate(Screen::Results(id));
            self.status = Some(if already { Status::SharedAlreadySaved } else { Status::SharedSaved });
        }
    }

    /// Saves the opened shared result (fresh `id`), then starts the check to compare with it.
    pub(super) fn take_check_to_compare(&mut self, id: u64) {
        if let Some((id, _)) = self.keep_shared(id) {
            self.start_to_compare(id);
        }
    }

    /// Keeps the opened shared result in the history (with `id`, unless it is
    /// there already) and closes the link: its id, and whether it was there.
    fn keep_shared(&mut self, id: u64) -> Option<(u64, bool)> {
        let Some(SharedLink::Open(result)) = &self.full.link else { return None };
        if let Some(existing) = self.history.iter().find(|r| same_result(r, result)).map(|r| r.id) {
            self.full.link = None;
            Some((existing, true))
        } else if self.history.len() >= MAX_RESULTS {
            self.sync.show(Some(StorageNotice::ResultLimit));
            None
        } else {
            let result = SavedResult { id, ..(**result).clone() };
            Rc::make_mut(&mut self.history).push(result);
            self.full.link = None;
            self.sync.data_changed();
            Some((id, false))
        }
    }
}
