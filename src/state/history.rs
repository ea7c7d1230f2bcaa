//! Saved results on screen: opening one, paging the list, and the
//! confirmations that guard every deletion (and starting over).

use std::rc::Rc;

use super::{AppState, Confirmation, Screen, Status};
use crate::model::{Draft, SavedResult};

/// How many more saved results "Show more" lists.
pub const HISTORY_PAGE: usize = 25;

impl AppState {
    /// A saved result by id.
    pub fn result(&self, id: u64) -> Option<&SavedResult> {
        self.history.iter().find(|r| r.id == id)
    }

    pub(super) fn show_more_history(&mut self) {
        self.history_shown = self.history_shown.saturating_add(HISTORY_PAGE);
    }

    pub(super) fn ask(&mut self, confirmation: Confirmation) {
        self.pending = Some(confirmation);
        self.status = None;
    }

    /// A closed confirmation takes its focused buttons with it: focus the heading.
    pub(super) fn cancel(&mut self) {
        if self.pending.take().is_some() {
            self.navigation += 1;
        }
    }

    pub(super) fn confirm(&mut self) {
        match self.pending.take() {
            Some(Confirmation::StartOver) => {
                self.draft = Draft::default();
                self.sync.conflict = None;
                self.sync.data_changed();
                self.navigate(Screen::Step(0));
            }
            Some(Confirmation::DeleteResult(id)) => {
                Rc::make_mut(&mut self.history).retain(|r| r.id != id);
                self.sync.data_changed();
                if self.screen == Screen::Results(id) {
                    self.navigate(Screen::Start);
                } else {
                    self.navigation += 1;
                }
                self.status = Some(Status::ResultDeleted);
            }
            Some(Confirmation::DeleteTeam(id)) => self.delete_team(id),
            Some(Confirmation::ClearHistory) => {
                // Only the results this tab shows: one finished elsewhere a
                // moment ago, unseen here, survives the merge.
                self.history = Rc::default();
                self.sync.data_changed();
                self.navigation += 1;
                self.status = Some(Status::HistoryCleared);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, fresh};
    use super::super::Action;
    use super::*;

    #[test]
    fn deleting_and_clearing_history() {
        let s = fresh();
        let s = after(s, [Action::Finish { now_ms: 1, id: 1 }, Action::Finish { now_ms: 2, id: 2 }]);
        let s = after(s, [Action::Ask(Confirmation::DeleteResult(2)), Action::Confirm]);
        assert_eq!(s.history.iter().map(|r| r.id).collect::<Vec<_>>(), [1]);
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.status, Some(Status::ResultDeleted));
        let s = after(s, [Action::Ask(Confirmation::ClearHistory), Action::Confirm]);
        assert!(s.history.is_empty());
        assert_eq!(s.status, Some(Status::HistoryCleared));
    }

    #[test]
    fn the_list_grows_a_page_at_a_time() {
        let s = after(fresh(), [Action::ShowMoreHistory]);
        assert_eq!(s.history_shown, 2 * HISTORY_PAGE);
    }
}
