//! The application state and its one reducer. Pure: no I/O, no clock, no DOM.
//! The shell (`components::app`) loads the initial state, passes the time in with
//! the actions that need it, and saves after every change that bumps `revision`.

use std::rc::Rc;

use yew::Reducible;

use crate::codec::store::{Draft, StoreContents};
use crate::model::responses::truncate_chars;
use crate::model::{next_result_id, Answer, Questionnaire, SavedResult, LABEL_MAX_CHARS};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// One principle, by position.
    Step(usize),
    Review,
    /// A finished result from the history, by id.
    Results(u64),
}

/// A destructive action waiting for the person to confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    StartOver,
    DeleteResult(u64),
    ClearHistory,
}

/// Whether changes are written to browser storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Enabled,
    /// Storage is blocked, or holds data this build must not overwrite:
    /// everything stays in memory.
    MemoryOnly,
}

/// A storage problem the person must know about; stays until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    Full,
    WriteFailed,
    /// Unreadable data was moved to `backup_key`.
    Corrupt {
        reason: String,
        backup_key: String,
    },
    /// Unreadable data that could not be moved aside, so it is left untouched.
    CorruptNoBackup {
        reason: String,
    },
    NewerVersion {
        reason: String,
    },
}

/// A short confirmation announced politely to screen readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    ResultSaved,
    ResultDeleted,
    HistoryCleared,
}

/// What the shell found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub contents: StoreContents,
    pub notice: Option<StorageNotice>,
    pub persistence: Persistence,
}

/// Everything the interface shows.
#[derive(Debug, Clone)]
pub struct AppState {
    pub questionnaire: Rc<Questionnaire>,
    pub screen: Screen,
    pub draft: Draft,
    /// Oldest first. Shared, so each action's copy of the state costs nothing;
    /// changed only through `Rc::make_mut`, which gives a changed history a new
    /// allocation (see the `PartialEq` impl).
    pub history: Rc<Vec<SavedResult>>,
    pub pending: Option<Confirmation>,
    pub notice: Option<StorageNotice>,
    pub status: Option<Status>,
    pub persistence: Persistence,
    /// Bumped on every change to what is stored (draft or history); the shell
    /// saves whenever it changes.
    pub revision: u64,
    /// Bumped when the person moves to another screen or closes a confirmation
    /// (whose buttons vanish with it); the shell then moves focus to the screen's
    /// heading. Zero on first render, so an embedded widget never steals focus
    /// from its host page on load.
    pub navigation: u64,
}

/// Equality as the reducer needs it, cheaply: the shared questionnaire and
/// history compare by identity. The questionnaire never changes, and the reducer
/// only ever changes the history of a fresh copy of the state, whose `make_mut`
/// then allocates anew, so identity equality is exactly "unchanged" here.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && Rc::ptr_eq(&self.history, &other.history)
            && self.screen == other.screen
            && self.draft == other.draft
            && self.pending == other.pending
            && self.notice == other.notice
            && self.status == other.status
            && self.persistence == other.persistence
            && self.revision == other.revision
            && self.navigation == other.navigation
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
    /// Save the draft as a result; the shell passes the current time.
    Finish {
        now_ms: u64,
    },
    OpenResult(u64),
    Ask(Confirmation),
    Confirm,
    Cancel,
    StorageProblem(StorageNotice),
    /// A save worked again after a failed one.
    StorageRecovered,
    DismissNotice,
}

impl AppState {
    /// The state at start-up, from what storage held.
    pub fn new(questionnaire: Rc<Questionnaire>, loaded: Loaded) -> Self {
        let mut draft = loaded.contents.draft.unwrap_or_default();
        // Answers to statements this questionnaire no longer has must not count.
        draft.responses.retain_known(&questionnaire);
        draft.step = draft.step.min(questionnaire.principles.len().saturating_sub(1));
        Self {
            questionnaire,
            screen: Screen::Start,
            draft,
            history: Rc::new(loaded.contents.history),
            pending: None,
            notice: loaded.notice,
            status: None,
            persistence: loaded.persistence,
            revision: 0,
            navigation: 0,
        }
    }

    /// Whether a check is in progress (anything answered, noted or labelled).
    pub fn has_draft(&self) -> bool {
        !self.draft.responses.is_empty() || !self.draft.label.is_empty()
    }

    /// The draft as it is written to storage: none when nothing is in progress.
    pub fn stored_draft(&self) -> Option<&Draft> {
        self.has_draft().then_some(&self.draft)
    }

    /// A saved result by id.
    pub fn result(&self, id: u64) -> Option<&SavedResult> {
        self.history.iter().find(|r| r.id == id)
    }

    fn last_step(&self) -> usize {
        self.questionnaire.principles.len().saturating_sub(1)
    }

    fn navigate(&mut self, screen: Screen) {
        if let Screen::Step(step) = screen {
            if self.draft.step != step {
                self.draft.step = step;
                self.revision += 1;
            }
        }
        self.screen = screen;
        self.pending = None;
        self.status = None;
        self.navigation += 1;
    }

    fn data_changed(&mut self) {
        self.revision += 1;
    }

    /// Applies one action. Unknown ids (a stale click on a deleted result, a
    /// statement that no longer exists) leave the state as it is.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Start => {
                let step = if self.has_draft() { self.draft.step } else { 0 };
                self.navigate(Screen::Step(step));
            }
            Action::GoToStep(step) if step <= self.last_step() => self.navigate(Screen::Step(step)),
            Action::GoToStep(_) => {}
            Action::Next => match self.screen {
                Screen::Step(step) if step < self.last_step() => self.navigate(Screen::Step(step + 1)),
                Screen::Step(_) => self.navigate(Screen::Review),
                _ => {}
            },
            Action::Back => match self.screen {
                Screen::Step(0) => self.navigate(Screen::Start),
                Screen::Step(step) => self.navigate(Screen::Step(step - 1)),
                Screen::Review => self.navigate(Screen::Step(self.last_step())),
                _ => {}
            },
            Action::GoToReview => self.navigate(Screen::Review),
            Action::GoToStart => self.navigate(Screen::Start),
            Action::Answer { statement_id, answer } => {
                if self.questionnaire.has_statement(&statement_id)
                    && self.draft.responses.answer(&statement_id) != Some(answer)
                {
                    self.draft.responses.set_answer(&statement_id, answer);
                    self.data_changed();
                }
            }
            Action::SetNote { principle_id, text } => {
                if self.questionnaire.principle_index(&principle_id).is_some() {
                    self.draft.responses.set_note(&principle_id, &text);
                    self.data_changed();
                }
            }
            Action::SetLabel(label) => {
                self.draft.label = truncate_chars(&label, LABEL_MAX_CHARS);
                self.data_changed();
            }
            Action::Finish { now_ms } => {
                let responses = std::mem::take(&mut self.draft.responses);
                let id = next_result_id(&self.history);
                let result = SavedResult::finish(&self.questionnaire, responses, &self.draft.label, id, now_ms);
                Rc::make_mut(&mut self.history).push(result);
                self.draft = Draft::default();
                self.data_changed();
                self.navigate(Screen::Results(id));
                self.status = Some(Status::ResultSaved);
            }
            Action::OpenResult(id) => {
                if self.result(id).is_some() {
                    self.navigate(Screen::Results(id));
                }
            }
            Action::Ask(confirmation) => {
                self.pending = Some(confirmation);
                self.status = None;
            }
            // A closed confirmation takes its focused buttons with it: focus the heading.
            Action::Cancel => {
                if self.pending.take().is_some() {
                    self.navigation += 1;
                }
            }
            Action::Confirm => match self.pending.take() {
                Some(Confirmation::StartOver) => {
                    self.draft = Draft::default();
                    self.data_changed();
                    self.navigate(Screen::Step(0));
                }
                Some(Confirmation::DeleteResult(id)) => {
                    Rc::make_mut(&mut self.history).retain(|r| r.id != id);
                    self.data_changed();
                    if self.screen == Screen::Results(id) {
                        self.navigate(Screen::Start);
                    } else {
                        self.navigation += 1;
                    }
                    self.status = Some(Status::ResultDeleted);
                }
                Some(Confirmation::ClearHistory) => {
                    self.history = Rc::default();
                    self.data_changed();
                    self.navigation += 1;
                    self.status = Some(Status::HistoryCleared);
                }
                None => {}
            },
            Action::StorageProblem(notice) => {
                if notice == StorageNotice::Unavailable {
                    self.persistence = Persistence::MemoryOnly;
                }
                self.notice = Some(notice);
            }
            Action::StorageRecovered => {
                if matches!(self.notice, Some(StorageNotice::Full | StorageNotice::WriteFailed)) {
                    self.notice = None;
                }
            }
            Action::DismissNotice => self.notice = None,
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
    use super::*;
    use crate::model::Rating;

    fn fresh() -> AppState {
        AppState::new(
            Rc::new(Questionnaire::builtin()),
            Loaded { contents: StoreContents::default(), notice: None, persistence: Persistence::Enabled },
        )
    }

    fn after(mut state: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
        for action in actions {
            state.apply(action);
        }
        state
    }

    fn answer(state: &AppState, principle: usize, statement: usize, value: u8) -> Action {
        Action::Answer {
            statement_id: state.questionnaire.principles[principle].statements[statement].id.clone(),
            answer: Answer::Rated(Rating::from_value(value).unwrap()),
        }
    }

    #[test]
    fn walks_forward_and_back_through_every_screen() {
        let state = fresh();
        let mut screens = vec![];
        let mut s = after(state, [Action::Start]);
        screens.push(s.screen);
        for _ in 0..10 {
            s.apply(Action::Next);
            screens.push(s.screen);
        }
        assert_eq!(screens[0], Screen::Step(0));
        assert_eq!(screens[9], Screen::Step(9));
        assert_eq!(screens[10], Screen::Review);
        s.apply(Action::Back);
        assert_eq!(s.screen, Screen::Step(9));
        s = after(s, [Action::GoToStep(0), Action::Back]);
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.navigation, 14);
    }

    #[test]
    fn out_of_range_jumps_are_ignored() {
        let s = after(fresh(), [Action::Start, Action::GoToStep(10)]);
        assert_eq!(s.screen, Screen::Step(0));
    }

    #[test]
    fn answers_bump_the_revision_only_when_they_change() {
        let s = fresh();
        let a = answer(&s, 0, 0, 4);
        let s = after(s, [a.clone()]);
        assert_eq!(s.revision, 1);
        let s = after(s, [a]);
        assert_eq!(s.revision, 1);
        let unknown = Action::Answer { statement_id: "nope".into(), answer: Answer::NotSure };
        assert_eq!(after(s, [unknown]).revision, 1);
    }

    #[test]
    fn start_resumes_the_draft_at_its_step() {
        let s = fresh();
        let a = answer(&s, 3, 1, 2);
        let s = after(s, [Action::Start, Action::GoToStep(3), a, Action::GoToStart, Action::Start]);
        assert_eq!(s.screen, Screen::Step(3));
        assert!(s.has_draft());
    }

    #[test]
    fn start_over_needs_confirmation_and_keeps_history() {
        let s = fresh();
        let a = answer(&s, 0, 0, 5);
        let s = after(s, [a.clone(), Action::Finish { now_ms: 1 }, a, Action::GoToStart]);
        let asked = after(s.clone(), [Action::Ask(Confirmation::StartOver)]);
        assert_eq!(asked.pending, Some(Confirmation::StartOver));
        let cancelled = after(asked.clone(), [Action::Cancel]);
        assert!(cancelled.has_draft());
        assert_eq!(cancelled.navigation, asked.navigation + 1, "focus returns to the heading");
        let confirmed = after(asked, [Action::Confirm]);
        assert!(!confirmed.has_draft());
        assert_eq!(confirmed.screen, Screen::Step(0));
        assert_eq!(confirmed.history.len(), 1);
    }

    #[test]
    fn finishing_saves_to_history_and_clears_the_draft() {
        let s = fresh();
        let actions =
            [answer(&s, 0, 0, 5), answer(&s, 1, 0, 1), Action::SetLabel("Acme".into()), Action::Finish { now_ms: 42 }];
        let s = after(s, actions);
        assert_eq!(s.screen, Screen::Results(1));
        assert_eq!(s.status, Some(Status::ResultSaved));
        assert!(!s.has_draft());
        let result = s.result(1).unwrap();
        assert_eq!((result.label.as_str(), result.overall, result.finished_at_ms), ("Acme", Some(50), 42));
        assert_eq!(s.stored_draft(), None);
    }

    #[test]
    fn deleting_and_clearing_history() {
        let s = fresh();
        let s = after(s, [Action::Finish { now_ms: 1 }, Action::Finish { now_ms: 2 }]);
        let s = after(s, [Action::Ask(Confirmation::DeleteResult(2)), Action::Confirm]);
        assert_eq!(s.history.iter().map(|r| r.id).collect::<Vec<_>>(), [1]);
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.status, Some(Status::ResultDeleted));
        let s = after(s, [Action::Ask(Confirmation::ClearHistory), Action::Confirm]);
        assert!(s.history.is_empty());
        assert_eq!(s.status, Some(Status::HistoryCleared));
    }

    #[test]
    fn storage_problems_switch_to_memory_and_recover() {
        let s = after(fresh(), [Action::StorageProblem(StorageNotice::Full)]);
        assert_eq!((s.notice.clone(), s.persistence), (Some(StorageNotice::Full), Persistence::Enabled));
        let s = after(s, [Action::StorageRecovered]);
        assert_eq!(s.notice, None);
        let s = after(s, [Action::StorageProblem(StorageNotice::Unavailable), Action::StorageRecovered]);
        assert_eq!((s.notice.clone(), s.persistence), (Some(StorageNotice::Unavailable), Persistence::MemoryOnly));
    }

    #[test]
    fn loading_drops_unknown_answers_and_clamps_the_step() {
        let mut contents = StoreContents::default();
        let mut draft = Draft { step: 99, ..Draft::default() };
        draft.responses.set_answer("gone.statement", Answer::NotSure);
        contents.draft = Some(draft);
        let s = AppState::new(
            Rc::new(Questionnaire::builtin()),
            Loaded { contents, notice: None, persistence: Persistence::Enabled },
        );
        assert_eq!(s.draft.step, 9);
        assert!(!s.has_draft());
    }

    #[test]
    fn reducer_returns_the_same_rc_when_nothing_changes() {
        let state = Rc::new(fresh());
        let same = state.clone().reduce(Action::Cancel);
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn reducer_notices_history_changes() {
        let state = Rc::new(after(fresh(), [Action::Finish { now_ms: 1 }]));
        let asked = state.clone().reduce(Action::Ask(Confirmation::ClearHistory));
        let cleared = asked.clone().reduce(Action::Confirm);
        assert!(!Rc::ptr_eq(&asked, &cleared));
        assert!(cleared.history.is_empty());
        assert_eq!(state.history.len(), 1, "the earlier state keeps its history");
    }
}
