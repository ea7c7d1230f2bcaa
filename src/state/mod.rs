//! The application state and its one reducer. Pure: no I/O, no clock, no DOM.
//! The shell (`components::app`) loads the initial state, passes the time in with
//! the actions that need it, and saves after every change that bumps the revision.
//!
//! One module per concern, each adding its part of the reducer to [`AppState`]:
//! - `screen` — which screen shows ([`Screen`], [`Side`]), moving between them,
//!   and the one list of screens only the full build draws;
//! - `walkthrough` — the check in progress: steps, answers, notes, label, finishing;
//! - `history` — saved results: opening, confirmations, deleting, paging;
//! - `sync` — storage: what was last read or written, the merge plan a save
//!   follows, changes stored elsewhere, draft conflicts, notices;
//! - `host_events` — what the host page is told;
//! - `edition` — the full build's screens' state (sharing, importing, opened
//!   links, comparison and agenda choices), the partner build's (an opened
//!   link), or the core build's stand-in;
//! - `shared` (full and partner builds) — the result a share link opened, and keeping it;
//! - `teams` (full build) — saved teams, an opened team link, adding members.
//!
//! [`AppState::apply`] only dispatches each [`Action`] to its concern.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Answer, Draft, Questionnaire, SavedResult};

#[cfg(not(any(feature = "full", feature = "partner")))]
#[path = "edition_core.rs"]
mod edition;
#[cfg(feature = "full")]
#[path = "edition_full.rs"]
mod edition;
#[cfg(all(feature = "partner", not(feature = "full")))]
#[path = "edition_partner.rs"]
mod edition;
mod history;
mod host_events;
mod screen;
#[cfg(any(feature = "full", feature = "partner"))]
mod shared;
mod sync;
#[cfg(feature = "full")]
mod teams;
#[cfg(test)]
mod test_support;
mod walkthrough;

pub use edition::*;
pub use history::HISTORY_PAGE;
pub use host_events::{HostEvent, HostEvents, ShareMethod};
pub use screen::{Screen, Side};
pub use sync::{DraftConflict, Loaded, Persistence, SavePlan, StorageNotice, StoredData, Sync};

/// A destructive action waiting for the person to confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    StartOver,
    DeleteResult(u64),
    ClearHistory,
    /// Delete a saved team (full build).
    DeleteTeam(u64),
}

/// A short confirmation announced politely to screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    ResultSaved,
    ResultDeleted,
    HistoryCleared,
    /// Results were added or deleted in another tab or widget.
    ChangedElsewhere,
    /// The result on screen was deleted elsewhere, so the start screen shows.
    ResultDeletedElsewhere,
    /// A shared result was saved, or found already saved.
    SharedSaved,
    SharedAlreadySaved,
    /// Typed or pasted text passed its limit of `max` characters: `cut` were left out.
    TextCut {
        max: usize,
        cut: usize,
    },
}

/// Everything the interface shows.
#[derive(Debug, Clone)]
pub struct AppState {
    pub questionnaire: Rc<Questionnaire>,
    pub screen: Screen,
    /// The check in progress (`walkthrough`).
    pub draft: Draft,
    /// Saved results, oldest first. Shared, so each action's copy of the state
    /// costs nothing; changed only through `Rc::make_mut` or replaced whole, which
    /// gives a changed history a new allocation (see the `PartialEq` impl).
    pub history: Rc<Vec<SavedResult>>,
    /// How many saved results the start screen lists (newest first): a few at a
    /// time, so thousands of stored results do not slow the first screen.
    pub history_shown: usize,
    pub pending: Option<Confirmation>,
    pub status: Option<Status>,
    /// What storage holds as far as this instance knows, and its problems (`sync`).
    pub sync: Sync,
    /// What the screens only the full build has show (`edition`).
    pub full: FullState,
    /// The core build could not load the full build for a screen.
    pub full_unavailable: bool,
    /// The saved result to compare with once the check in progress is
    /// finished ("Take the check yourself" on someone else's result).
    pub compare_when_finished: Option<u64>,
    /// Bumped when the person moves to another screen or closes a prompt or
    /// notice (whose buttons vanish with it); the shell then moves focus to the
    /// screen's heading. Zero on first render, so an embedded widget never steals
    /// focus from its host page on load.
    pub navigation: u64,
    pub host_events: HostEvents,
}

/// Equality as the reducer needs it, cheaply: the shared questionnaire and
/// histories compare by identity. The questionnaire never changes, and the reducer
/// only ever changes a history of a fresh copy of the state (through `make_mut`,
/// which allocates anew) or replaces it, so identity equality is "unchanged" here.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && Rc::ptr_eq(&self.history, &other.history)
            && self.screen == other.screen
            && self.draft == other.draft
            && self.history_shown == other.history_shown
            && self.pending == other.pending
            && self.status == other.status
            && self.sync == other.sync
            && self.full == other.full
            && self.full_unavailable == other.full_unavailable
            && self.compare_when_finished == other.compare_when_finished
            && self.navigation == other.navigation
            && self.host_events == other.host_events
    }
}

/// Every change the interface can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Begin: a fresh check, or the draft when one exists.
    Start,
    GoToStep(usize),
    Next,
    Back,
    GoToReview,
    GoToStart,
    Answer {
        statement_id: String,
        answer: Answer,
    },
    SetNote {
        principle_id: String,
        text: String,
    },
    SetLabel(String),
    /// Save the draft as a result; the shell passes the time and a fresh random id.
    Finish {
        now_ms: u64,
        id: u64,
    },
    OpenResult(u64),
    /// Take the check, then compare with the saved result `u64` (someone else's).
    StartToCompare(u64),
    Ask(Confirmation),
    Confirm,
    Cancel,
    /// List the next page of older saved results.
    ShowMoreHistory,
    /// Open a screen directly (sharing, importing, comparing).
    Open(Screen),
    StorageProblem(StorageNotice),
    /// A save worked again after a failed one.
    StorageRecovered,
    /// Dismiss the notice at this position.
    DismissNotice(usize),
    /// The shell wrote this (the merge of this state and what was stored).
    Saved(StoredData),
    /// Storage holds this now: the results read after the first screen, or
    /// what another tab or widget stored.
    StoredChanged(StoredData),
    /// Resolve a [`DraftConflict`] in favour of this tab's draft.
    KeepMyDraft,
    /// Resolve a [`DraftConflict`] in favour of the stored draft.
    UseOtherDraft,
    /// The full build's actions: sharing, importing, opened links, comparison
    /// and agenda choices (in the core build, there are none).
    Full(FullAction),
    /// The core build could not load the full build.
    FullUnavailable,
}

impl AppState {
    /// The state at start-up, from what storage held.
    pub fn new(questionnaire: Rc<Questionnaire>, mut loaded: Loaded) -> Self {
        let history = Rc::new(std::mem::take(&mut loaded.contents.history));
        let draft = loaded.contents.draft.take();
        let mut state = Self {
            questionnaire,
            screen: Screen::Start,
            draft: Draft::default(),
            history: Rc::clone(&history),
            history_shown: HISTORY_PAGE,
            pending: None,
            status: None,
            sync: Sync::loaded(history, &loaded),
            full: FullState::default(),
            full_unavailable: false,
            compare_when_finished: None,
            navigation: 0,
            host_events: HostEvents::default(),
        };
        state.sync.base_draft = draft.map(|draft| state.normalized(draft));
        state.draft = state.sync.base_draft.clone().unwrap_or_default();
        state
    }

    /// Applies one action. Unknown ids (a stale click on a deleted result, a
    /// statement that no longer exists) leave the state as it is.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Start => self.start(),
            Action::GoToStep(step) => self.go_to_step(step),
            Action::Next => self.next(),
            Action::Back => self.back(),
            Action::GoToReview => self.navigate(Screen::Review),
            Action::GoToStart => self.navigate(Screen::Start),
            Action::Answer { statement_id, answer } => self.answer(&statement_id, answer),
            Action::SetNote { principle_id, text } => self.set_note(&principle_id, &text),
            Action::SetLabel(label) => self.set_label(&label),
            Action::Finish { now_ms, id } => self.finish(now_ms, id),
            Action::OpenResult(id) => self.open(Screen::Results(id)),
            Action::StartToCompare(id) => self.start_to_compare(id),
            Action::Ask(confirmation) => self.ask(confirmation),
            Action::Confirm => self.confirm(),
            Action::Cancel => self.cancel(),
            Action::ShowMoreHistory => self.show_more_history(),
            Action::Open(screen) => self.open(screen),
            Action::StorageProblem(notice) => self.storage_problem(notice),
            Action::StorageRecovered => self.storage_recovered(),
            Action::DismissNotice(index) => self.dismiss_notice(index),
            Action::Saved(written) => self.saved(written),
            Action::StoredChanged(stored) => self.stored_changed(stored),
            Action::KeepMyDraft => self.keep_my_draft(),
            Action::UseOtherDraft => self.use_other_draft(),
            Action::Full(action) => self.apply_full(action),
            Action::FullUnavailable => self.full_unavailable = true,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{after, fresh};
    use super::*;

    #[test]
    fn reducer_returns_the_same_rc_when_nothing_changes() {
        let state = Rc::new(fresh());
        let same = state.clone().reduce(Action::Cancel);
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn reducer_notices_history_changes() {
        let state = Rc::new(after(fresh(), [Action::Finish { now_ms: 1, id: 1 }]));
        let asked = state.clone().reduce(Action::Ask(Confirmation::ClearHistory));
        let cleared = asked.clone().reduce(Action::Confirm);
        assert!(!Rc::ptr_eq(&asked, &cleared));
        assert!(cleared.history.is_empty());
        assert_eq!(state.history.len(), 1, "the earlier state keeps its history");
    }
}
