//! The application state and its one reducer. Pure: no I/O, no clock, no DOM.
//! The shell (`components::app`) loads the initial state, passes the time in with
//! the actions that need it, and saves after every change that bumps `revision`.

use std::rc::Rc;

use yew::Reducible;

#[cfg(feature = "full")]
use crate::codec::export::{ImportError, Imported};
#[cfg(feature = "full")]
use crate::codec::link::LinkError;
use crate::codec::store::DecodeError;
use crate::model::responses::truncate_chars;
use crate::model::saved::merge_history;
#[cfg(feature = "full")]
use crate::model::saved::{new_results, same_result};
use crate::model::{Answer, Draft, Questionnaire, SavedResult, StoreContents, LABEL_MAX_CHARS, MAX_RESULTS};

/// How many more saved results "Show more" lists.
pub const HISTORY_PAGE: usize = 25;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// One principle, by position.
    Step(usize),
    Review,
    /// A finished result from the history, by id.
    Results(u64),
    /// FullState and exporting a saved result, by id.
    Share(u64),
    /// Importing a result or a backup.
    Import,
    /// A result opened from a share link: read-only until saved.
    Shared,
    /// Two results side by side; without the second, choosing it.
    Compare(Side, Option<Side>),
    /// A meeting agenda from one result, or from two compared.
    Agenda(Side, Option<Side>),
}

/// A result shown on a screen of two: a saved one, or the one a share link opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Saved(u64),
    Shared,
}

impl Screen {
    /// Screens only the full build has: the core build hands the widget over
    /// to it when one of them is opened.
    pub fn needs_full(self) -> bool {
        matches!(self, Screen::Share(_) | Screen::Import | Screen::Shared | Screen::Compare(..) | Screen::Agenda(..))
    }
}

/// A result opened from a share link.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq)]
pub enum SharedLink {
    /// Sealed with a passphrase: salt, nonce and ciphertext.
    Locked {
        sealed: Rc<Vec<u8>>,
        wrong_passphrase: bool,
        opening: bool,
    },
    Open(Rc<SavedResult>),
    Unreadable(LinkError),
}

/// What the share screen last did, said in its status line.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareStatus {
    JsonCopied,
    LinkCopied,
    AgendaCopied,
    /// The file `name` was handed to the browser's downloads.
    Downloaded(String),
    /// Sealing a link with a passphrase takes a moment (a slow key derivation, on purpose).
    Sealing,
    PassphraseTooShort,
    /// The link would be this many characters: too long to offer.
    LinkTooLong(usize),
    /// Copying was refused: the text, shown for copying by hand.
    CopyFailed(String),
}

/// What an import did.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Reading,
    Added {
        added: usize,
        known: usize,
        unknown_ids: Vec<String>,
    },
    /// Adding would pass `MAX_RESULTS`: nothing was added; `room` more would fit.
    TooMany {
        room: usize,
    },
    Refused(ImportError),
}

/// The least number of characters of a passphrase that seals a link.
#[cfg(feature = "full")]
pub const MIN_PASSPHRASE_CHARS: usize = 8;

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

/// A problem with saved data the person must know about; stays until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    Full,
    WriteFailed,
    /// Unreadable data was moved to `backup_key`.
    Corrupt {
        error: DecodeError,
        backup_key: String,
    },
    /// Unreadable data that could not be moved aside, so it is left untouched.
    CorruptNoBackup {
        error: DecodeError,
    },
    /// Stored by a newer build of the widget (found at load or at any save).
    NewerVersion {
        version: u64,
    },
    /// Finishing would pass [`MAX_RESULTS`]; the answers stay in the draft.
    ResultLimit,
}

impl StorageNotice {
    /// Whether this problem means nothing may be written any more.
    fn stops_saving(&self) -> bool {
        matches!(self, Self::Unavailable | Self::CorruptNoBackup { .. } | Self::NewerVersion { .. })
    }
}

/// Another tab or widget changed the draft while this one was being worked on.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftConflict {
    /// The stored draft as the other side left it (none: finished or discarded there).
    pub theirs: Option<Draft>,
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
}

/// What the shell found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub contents: StoreContents,
    /// Whether `contents.history` holds the stored results, or they are still
    /// to be read (after the first screen is up).
    pub history_loaded: bool,
    pub notice: Option<StorageNotice>,
    pub persistence: Persistence,
}

/// What storage holds now, as just read or written by the shell.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredData {
    /// The stored draft (`None`: no check in progress).
    pub draft: Option<Draft>,
    /// The stored results, when they were read or written; `None` when they
    /// were not touched, so the synced copy still stands.
    pub history: Option<Vec<SavedResult>>,
}

/// The state of the screens only the full build has.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq)]
pub struct FullState {
    /// The result a share link opened, on the `Shared` screen.
    pub link: Option<SharedLink>,
    /// Whether a share link carries the label and notes.
    pub include_texts: bool,
    /// Whether a share link is sealed with a passphrase.
    pub protect: bool,
    pub status: Option<ShareStatus>,
    pub import: Option<ImportOutcome>,
    /// The comparison table in principle order (else by largest gap, the default).
    pub by_principle_order: bool,
    /// The meeting length the agenda plans for.
    pub agenda_minutes: u32,
}

#[cfg(feature = "full")]
impl Default for FullState {
    fn default() -> Self {
        Self {
            link: None,
            include_texts: false,
            protect: false,
            status: None,
            import: None,
            by_principle_order: false,
            agenda_minutes: crate::model::agenda::LENGTHS[1],
        }
    }
}

/// What the host page hears about: DOM events on the widget's element
/// (`embed::announce`, details in `codec::host_events`, names in EMBEDDING.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostEvent {
    /// The person began the check, or went back to the one in progress (`resumed`).
    Started { resumed: bool },
    /// A principle's step, by position; the number of principles means the review.
    Step(usize),
    /// A result was saved: its id.
    Completed(u64),
    /// A result left the widget from the share screen (full build).
    Shared { id: u64, how: ShareMethod },
}

/// How a result was shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareMethod {
    Link,
    /// A link sealed with a passphrase.
    ProtectedLink,
    /// The JSON copied to the clipboard.
    Json,
    /// The JSON downloaded as a file.
    File,
}

/// The latest host events with their sequence numbers: the shell announces
/// those it has not yet, so none is lost when several actions run before a render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostEvents {
    /// The sequence number the next event gets.
    pub next: u32,
    pub recent: Vec<(u32, HostEvent)>,
}

impl HostEvents {
    /// More than any one action causes; older ones have been announced.
    const KEPT: usize = 8;

    fn push(&mut self, event: HostEvent) {
        if self.recent.len() == Self::KEPT {
            self.recent.remove(0);
        }
        self.recent.push((self.next, event));
        self.next += 1;
    }
}

/// Everything the interface shows.
#[derive(Debug, Clone)]
pub struct AppState {
    pub questionnaire: Rc<Questionnaire>,
    pub screen: Screen,
    pub draft: Draft,
    /// Oldest first. Shared, so each action's copy of the state costs nothing;
    /// changed only through `Rc::make_mut` or replaced whole, which gives a
    /// changed history a new allocation (see the `PartialEq` impl).
    pub history: Rc<Vec<SavedResult>>,
    /// The history as last read from or written to storage: the base of the
    /// three-way merge with what another tab may have stored since (`model::saved`).
    pub synced_history: Rc<Vec<SavedResult>>,
    /// The draft as last read from or written to storage (normalized).
    pub synced_draft: Option<Draft>,
    /// Whether the stored results have been read yet (they follow the first screen).
    pub history_loaded: bool,
    pub conflict: Option<DraftConflict>,
    /// What the screens only the full build has show.
    #[cfg(feature = "full")]
    pub full: FullState,
    /// The core build could not load the full build for a screen.
    pub full_unavailable: bool,
    /// How many saved results the start screen lists (newest first): a few at a
    /// time, so thousands of stored results do not slow the first screen.
    pub history_shown: usize,
    pub pending: Option<Confirmation>,
    pub notice: Option<StorageNotice>,
    pub status: Option<Status>,
    pub persistence: Persistence,
    /// Bumped on every change to what is stored (draft or history); the shell
    /// saves whenever it changes.
    pub revision: u64,
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
impl AppState {
    #[cfg(feature = "full")]
    fn full_eq(&self, other: &Self) -> bool {
        self.full == other.full
    }

    #[cfg(not(feature = "full"))]
    fn full_eq(&self, _other: &Self) -> bool {
        true
    }
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && Rc::ptr_eq(&self.history, &other.history)
            && Rc::ptr_eq(&self.synced_history, &other.synced_history)
            && self.screen == other.screen
            && self.draft == other.draft
            && self.synced_draft == other.synced_draft
            && self.history_loaded == other.history_loaded
            && self.conflict == other.conflict
            && self.full_unavailable == other.full_unavailable
            && self.full_eq(other)
            && self.history_shown == other.history_shown
            && self.pending == other.pending
            && self.notice == other.notice
            && self.status == other.status
            && self.persistence == other.persistence
            && self.revision == other.revision
            && self.navigation == other.navigation
            && self.host_events == other.host_events
    }
}

/// What the screens only the full build has can ask for.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq)]
pub enum FullAction {
    SetIncludeTexts(bool),
    SetProtect(bool),
    /// What the shell did for the share screen.
    Done(ShareStatus),
    /// The shell read a file or pasted text: results with fresh ids, or why not.
    Import(Result<Imported, ImportError>),
    ImportReading,
    /// The shell read a share link from the address.
    LinkOpened(SharedLink),
    /// The passphrase of a locked link is being tried.
    Unlocking,
    /// Sort the comparison table by principle order (else by largest gap).
    SortByPrincipleOrder(bool),
    /// The meeting length the agenda plans for, in minutes.
    SetAgendaMinutes(u32),
    /// Save the opened shared result; the shell passes a fresh id.
    SaveShared {
        id: u64,
    },
    CloseShared,
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
    Ask(Confirmation),
    Confirm,
    Cancel,
    StorageProblem(StorageNotice),
    /// A save worked again after a failed one.
    StorageRecovered,
    DismissNotice,
    /// The shell wrote this (the merge of this state and what was stored).
    Saved(StoredData),
    /// Storage holds this now: the results read after the first screen, or
    /// what another tab or widget stored.
    StoredChanged(StoredData),
    /// List the next page of older saved results.
    ShowMoreHistory,
    /// Open a screen directly (sharing, importing).
    Open(Screen),
    /// The full build's actions: sharing, importing, opened links.
    #[cfg(feature = "full")]
    Full(FullAction),
    /// The core build could not load the full build.
    FullUnavailable,
    /// Resolve a [`DraftConflict`] in favour of this tab's draft.
    KeepMyDraft,
    /// Resolve a [`DraftConflict`] in favour of the stored draft.
    UseOtherDraft,
}

impl AppState {
    /// The state at start-up, from what storage held.
    pub fn new(questionnaire: Rc<Questionnaire>, loaded: Loaded) -> Self {
        let history = Rc::new(loaded.contents.history);
        let mut state = Self {
            questionnaire,
            screen: Screen::Start,
            draft: Draft::default(),
            history: history.clone(),
            synced_history: history,
            synced_draft: None,
            history_loaded: loaded.history_loaded,
            conflict: None,
            #[cfg(feature = "full")]
            full: FullState::default(),
            full_unavailable: false,
            history_shown: HISTORY_PAGE,
            pending: None,
            notice: loaded.notice,
            status: None,
            persistence: loaded.persistence,
            revision: 0,
            navigation: 0,
            host_events: HostEvents::default(),
        };
        state.synced_draft = loaded.contents.draft.map(|draft| state.normalized(draft));
        state.draft = state.synced_draft.clone().unwrap_or_default();
        state
    }

    /// A stored draft as this questionnaire can show it: answers to statements it
    /// no longer has must not count, and the step must exist.
    fn normalized(&self, mut draft: Draft) -> Draft {
        draft.responses.retain_known(&self.questionnaire);
        draft.step = draft.step.min(self.last_step());
        draft
    }

    /// Whether a check is in progress (anything answered, noted or labelled).
    pub fn has_draft(&self) -> bool {
        !self.draft.responses.is_empty() || !self.draft.label.is_empty()
    }

    /// The draft as it is kept in storage: none when nothing is in progress.
    pub fn stored_draft(&self) -> Option<&Draft> {
        self.has_draft().then_some(&self.draft)
    }

    /// The draft to write now: while a conflict waits for the person's choice,
    /// the stored one stays as it is.
    pub fn draft_to_save(&self) -> Option<&Draft> {
        match self.conflict {
            Some(_) => self.synced_draft.as_ref(),
            None => self.stored_draft(),
        }
    }

    /// A saved result by id.
    pub fn result(&self, id: u64) -> Option<&SavedResult> {
        self.history.iter().find(|r| r.id == id)
    }

    /// The result a side of a comparison or agenda stands for.
    pub fn side(&self, side: Side) -> Option<&SavedResult> {
        match side {
            Side::Saved(id) => self.result(id),
            #[cfg(feature = "full")]
            Side::Shared => match &self.full.link {
                Some(SharedLink::Open(result)) => Some(result),
                _ => None,
            },
            #[cfg(not(feature = "full"))]
            Side::Shared => None,
        }
    }

    fn side_exists(&self, side: Side) -> bool {
        self.side(side).is_some()
    }

    fn last_step(&self) -> usize {
        self.questionnaire.principles.len().saturating_sub(1)
    }

    /// Whether the person is working on the draft (a step or the review).
    fn editing(&self) -> bool {
        matches!(self.screen, Screen::Step(_) | Screen::Review)
    }

    fn navigate(&mut self, screen: Screen) {
        self.full_unavailable = false;
        if screen != self.screen {
            match screen {
                Screen::Step(step) => self.host_events.push(HostEvent::Step(step)),
                Screen::Review => self.host_events.push(HostEvent::Step(self.questionnaire.principles.len())),
                _ => {}
            }
        }
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

    /// Takes in what storage holds now (after this tab's save, or another's):
    /// merges the history, follows the draft or raises a conflict, and leaves
    /// screens that show something deleted elsewhere. Returns whether the
    /// history on screen changed.
    fn adopt_stored(&mut self, theirs: StoredData) -> bool {
        let mut history_changed = false;
        let mut unsaved = false;
        if let Some(stored) = theirs.history {
            let stored_history = Rc::new(stored);
            if Rc::ptr_eq(&self.history, &self.synced_history) {
                // Nothing changed here since the last sync: storage is the truth.
                history_changed = *stored_history != *self.history;
                self.history = stored_history.clone();
            } else {
                let merged = merge_history(&self.synced_history, &self.history, &stored_history);
                history_changed = merged != *self.history;
                if merged == *stored_history {
                    self.history = stored_history.clone();
                } else {
                    // This tab holds changes storage does not have yet (a save failed).
                    self.history = Rc::new(merged);
                    unsaved = true;
                }
            }
            self.synced_history = stored_history;
            self.history_loaded = true;
        }

        let theirs_draft = theirs.draft.map(|draft| self.normalized(draft));
        if theirs_draft.as_ref() != self.stored_draft() {
            let mine_changed = self.stored_draft() != self.synced_draft.as_ref();
            if mine_changed || (self.editing() && self.has_draft()) {
                self.conflict = Some(DraftConflict { theirs: theirs_draft.clone() });
            } else {
                self.draft = theirs_draft.clone().unwrap_or_default();
            }
        } else {
            self.conflict = None;
        }
        self.synced_draft = theirs_draft;
        if unsaved {
            self.data_changed();
        }

        let shown_gone = match self.screen {
            Screen::Results(id) | Screen::Share(id) => self.result(id).is_none(),
            Screen::Compare(a, b) | Screen::Agenda(a, b) => {
                !self.side_exists(a) || b.is_some_and(|b| !self.side_exists(b))
            }
            _ => false,
        };
        if shown_gone {
            self.navigate(Screen::Start);
            self.status = Some(Status::ResultDeletedElsewhere);
        }
        if let Some(Confirmation::DeleteResult(id)) = self.pending {
            if self.result(id).is_none() {
                self.pending = None;
                self.navigation += 1;
            }
        }
        history_changed
    }

    /// Applies one action. Unknown ids (a stale click on a deleted result, a
    /// statement that no longer exists) leave the state as it is.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Start => {
                let resumed = self.has_draft();
                self.host_events.push(HostEvent::Started { resumed });
                let step = if resumed { self.draft.step } else { 0 };
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
                    let before = self.draft.responses.note(&principle_id).to_owned();
                    self.draft.responses.set_note(&principle_id, &text);
                    if self.draft.responses.note(&principle_id) != before {
                        self.data_changed();
                    }
                }
            }
            Action::SetLabel(label) => {
                let label = truncate_chars(&label, LABEL_MAX_CHARS);
                if label != self.draft.label {
                    self.draft.label = label;
                    self.data_changed();
                }
            }
            Action::Finish { .. } if self.history.len() >= MAX_RESULTS => {
                self.notice = Some(StorageNotice::ResultLimit);
            }
            Action::Finish { now_ms, id } => {
                let responses = std::mem::take(&mut self.draft.responses);
                let result = SavedResult::finish(&self.questionnaire, responses, &self.draft.label, id, now_ms);
                Rc::make_mut(&mut self.history).push(result);
                // Finishing is this tab's answer to a conflict: its draft became
                // the result, and the other side's draft stays in progress.
                self.draft = match self.conflict.take() {
                    Some(conflict) => conflict.theirs.unwrap_or_default(),
                    None => Draft::default(),
                };
                if self.notice == Some(StorageNotice::ResultLimit) {
                    self.notice = None;
                }
                self.data_changed();
                self.host_events.push(HostEvent::Completed(id));
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
                    self.conflict = None;
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
                    // Only the results this tab shows: one finished elsewhere a
                    // moment ago, unseen here, survives the merge.
                    self.history = Rc::default();
                    self.data_changed();
                    self.navigation += 1;
                    self.status = Some(Status::HistoryCleared);
                }
                None => {}
            },
            Action::StorageProblem(notice) => {
                if notice.stops_saving() {
                    self.persistence = Persistence::MemoryOnly;
                }
                self.notice = Some(notice);
            }
            Action::StorageRecovered => {
                if matches!(self.notice, Some(StorageNotice::Full | StorageNotice::WriteFailed)) {
                    self.notice = None;
                }
            }
            // The notice's button goes with it: focus the heading, not <body>.
            Action::DismissNotice => {
                if self.notice.take().is_some() {
                    self.navigation += 1;
                }
            }
            Action::Saved(written) => {
                self.adopt_stored(written);
            }
            Action::StoredChanged(stored) => {
                // The first read of the results, after the first screen, is no news.
                let first_read = !self.history_loaded;
                if self.adopt_stored(stored) && !first_read && self.status.is_none() {
                    self.status = Some(Status::ChangedElsewhere);
                }
            }
            Action::ShowMoreHistory => self.history_shown = self.history_shown.saturating_add(HISTORY_PAGE),
            Action::Open(screen) => {
                let known = match screen {
                    Screen::Results(id) | Screen::Share(id) => self.result(id).is_some(),
                    Screen::Compare(a, b) | Screen::Agenda(a, b) => {
                        self.side_exists(a) && b.is_none_or(|b| self.side_exists(b) && a != b)
                    }
                    _ => true,
                };
                if known {
                    self.navigate(screen);
                    #[cfg(feature = "full")]
                    {
                        self.full.status = None;
                        self.full.import = None;
                    }
                }
            }
            #[cfg(feature = "full")]
            Action::Full(action) => self.apply_full(action),
            Action::FullUnavailable => self.full_unavailable = true,
            Action::KeepMyDraft => {
                if self.conflict.take().is_some() {
                    // Written at the next save: this tab's draft is now the latest change.
                    self.data_changed();
                    self.navigation += 1;
                }
            }
            Action::UseOtherDraft => {
                if let Some(conflict) = self.conflict.take() {
                    let finished_elsewhere = conflict.theirs.is_none();
                    self.draft = conflict.theirs.unwrap_or_default();
                    if finished_elsewhere && self.editing() {
                        self.navigate(Screen::Start);
                    } else {
                        self.navigation += 1;
                    }
                }
            }
        }
    }
}

#[cfg(feature = "full")]
impl AppState {
    fn apply_full(&mut self, action: FullAction) {
        match action {
            FullAction::SetIncludeTexts(on) => {
                self.full.include_texts = on;
                self.full.status = None;
            }
            FullAction::SetProtect(on) => {
                self.full.protect = on;
                self.full.status = None;
            }
            FullAction::Done(status) => {
                let how = match &status {
                    ShareStatus::LinkCopied if self.full.protect => Some(ShareMethod::ProtectedLink),
                    ShareStatus::LinkCopied => Some(ShareMethod::Link),
                    ShareStatus::JsonCopied => Some(ShareMethod::Json),
                    ShareStatus::Downloaded(_) => Some(ShareMethod::File),
                    _ => None,
                };
                if let (Screen::Share(id), Some(how)) = (self.screen, how) {
                    self.host_events.push(HostEvent::Shared { id, how });
                }
                self.full.status = Some(status);
            }
            FullAction::SortByPrincipleOrder(on) => self.full.by_principle_order = on,
            FullAction::SetAgendaMinutes(minutes) => {
                if crate::model::agenda::LENGTHS.contains(&minutes) {
                    self.full.agenda_minutes = minutes;
                    self.full.status = None;
                }
            }
            FullAction::ImportReading => self.full.import = Some(ImportOutcome::Reading),
            FullAction::Import(Err(error)) => self.full.import = Some(ImportOutcome::Refused(error)),
            FullAction::Import(Ok(imported)) => {
                let (fresh, known) = new_results(&self.history, imported.results);
                let room = MAX_RESULTS.saturating_sub(self.history.len());
                self.full.import = Some(if fresh.len() > room {
                    ImportOutcome::TooMany { room }
                } else {
                    let added = fresh.len();
                    if added > 0 {
                        Rc::make_mut(&mut self.history).extend(fresh);
                        self.data_changed();
                    }
                    ImportOutcome::Added { added, known, unknown_ids: imported.unknown_ids }
                });
            }
            FullAction::LinkOpened(link) => {
                self.full.link = Some(link);
                self.navigate(Screen::Shared);
            }
            FullAction::Unlocking => {
                if let Some(SharedLink::Locked { opening, .. }) = &mut self.full.link {
                    *opening = true;
                }
            }
            FullAction::SaveShared { id } => {
                let Some(SharedLink::Open(result)) = &self.full.link else { return };
                if let Some(existing) = self.history.iter().find(|r| same_result(r, result)).map(|r| r.id) {
                    self.full.link = None;
                    self.navigate(Screen::Results(existing));
                    self.status = Some(Status::SharedAlreadySaved);
                } else if self.history.len() >= MAX_RESULTS {
                    self.notice = Some(StorageNotice::ResultLimit);
                } else {
                    let result = SavedResult { id, ..(**result).clone() };
                    Rc::make_mut(&mut self.history).push(result);
                    self.full.link = None;
                    self.data_changed();
                    self.navigate(Screen::Results(id));
                    self.status = Some(Status::SharedSaved);
                }
            }
            FullAction::CloseShared => {
                self.full.link = None;
                self.navigate(Screen::Start);
            }
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
            Loaded {
                contents: StoreContents::default(),
                history_loaded: true,
                notice: None,
                persistence: Persistence::Enabled,
            },
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
        let s = after(s, [a.clone(), Action::Finish { now_ms: 1, id: 1 }, a, Action::GoToStart]);
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
        let actions = [
            answer(&s, 0, 0, 5),
            answer(&s, 1, 0, 1),
            Action::SetLabel("Acme".into()),
            Action::Finish { now_ms: 42, id: 1 },
        ];
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
        // Only an unknown answer: after dropping it nothing is in progress.
        let mut draft = Draft { step: 99, ..Draft::default() };
        draft.responses.set_answer("gone.statement", Answer::NotSure);
        contents.draft = Some(draft);
        let s = AppState::new(
            Rc::new(Questionnaire::builtin()),
            Loaded { contents, history_loaded: true, notice: None, persistence: Persistence::Enabled },
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
        let state = Rc::new(after(fresh(), [Action::Finish { now_ms: 1, id: 1 }]));
        let asked = state.clone().reduce(Action::Ask(Confirmation::ClearHistory));
        let cleared = asked.clone().reduce(Action::Confirm);
        assert!(!Rc::ptr_eq(&asked, &cleared));
        assert!(cleared.history.is_empty());
        assert_eq!(state.history.len(), 1, "the earlier state keeps its history");
    }

    /// Two tabs on one key: each state is one tab, `storage` the stored contents.
    struct Tabs {
        storage: StoreContents,
    }

    impl Tabs {
        /// What the shell does after a change: merge with storage, write, report back.
        fn save(&mut self, tab: &mut AppState) {
            let history = crate::model::saved::merge_history(&tab.synced_history, &tab.history, &self.storage.history);
            let draft = crate::model::saved::merge_draft(
                tab.synced_draft.as_ref(),
                tab.draft_to_save(),
                self.storage.draft.as_ref(),
            )
            .cloned();
            self.storage = StoreContents { draft, history };
            tab.apply(Action::Saved(self.data()));
        }

        /// The storage event reaching another tab.
        fn notify(&self, tab: &mut AppState) {
            tab.apply(Action::StoredChanged(self.data()));
        }

        fn data(&self) -> StoredData {
            StoredData { draft: self.storage.draft.clone(), history: Some(self.storage.history.clone()) }
        }
    }

    /// Two fresh tabs and the storage they share.
    fn two_tabs() -> (Tabs, AppState, AppState) {
        (Tabs { storage: StoreContents::default() }, fresh(), fresh())
    }

    fn ids(history: &[SavedResult]) -> Vec<u64> {
        history.iter().map(|r| r.id).collect()
    }

    #[test]
    fn a_stale_tab_no_longer_overwrites_a_result_finished_in_another() {
        // The reported bug: B idles on the start screen, A finishes, B answers.
        let (mut tabs, mut a, mut b) = two_tabs();
        a = after(a.clone(), [answer(&a, 0, 0, 5), Action::Finish { now_ms: 1, id: 77 }]);
        tabs.save(&mut a);
        b = after(b.clone(), [Action::Start, answer(&b, 0, 0, 2), Action::Next]);
        tabs.save(&mut b);
        assert_eq!(ids(&tabs.storage.history), [77], "A's result survives B's save");
        assert_eq!(ids(&b.history), [77], "and B now shows it");
        assert!(tabs.storage.draft.is_some(), "B's draft is stored too");
    }

    #[test]
    fn results_finished_or_deleted_elsewhere_appear_and_disappear() {
        let (mut tabs, mut a, mut b) = two_tabs();
        a.apply(Action::Finish { now_ms: 1, id: 5 });
        tabs.save(&mut a);
        tabs.notify(&mut b);
        assert_eq!(ids(&b.history), [5]);
        assert_eq!(b.status, Some(Status::ChangedElsewhere));

        b.apply(Action::OpenResult(5));
        a = after(a, [Action::Ask(Confirmation::DeleteResult(5)), Action::Confirm]);
        tabs.save(&mut a);
        tabs.notify(&mut b);
        assert!(b.history.is_empty());
        assert_eq!(b.screen, Screen::Start, "B leaves the deleted result");
        assert_eq!(b.status, Some(Status::ResultDeletedElsewhere));

        // B's next save does not bring the deleted result back.
        b = after(b.clone(), [answer(&b, 1, 0, 3)]);
        tabs.save(&mut b);
        assert!(tabs.storage.history.is_empty());
    }

    #[test]
    fn clearing_history_spares_a_result_this_tab_never_saw() {
        let (mut tabs, mut a, mut b) = two_tabs();
        a.apply(Action::Finish { now_ms: 1, id: 1 });
        tabs.save(&mut a);
        tabs.notify(&mut b);
        a.apply(Action::Finish { now_ms: 2, id: 2 });
        tabs.save(&mut a);
        b = after(b, [Action::Ask(Confirmation::ClearHistory), Action::Confirm]);
        tabs.save(&mut b);
        assert_eq!(ids(&tabs.storage.history), [2]);
    }

    #[test]
    fn a_draft_changed_elsewhere_is_followed_when_idle() {
        let (mut tabs, mut a, mut b) = two_tabs();
        a = after(a.clone(), [Action::Start, answer(&a, 0, 0, 4)]);
        tabs.save(&mut a);
        tabs.notify(&mut b);
        assert!(b.has_draft(), "B on the start screen now offers to continue");
        assert_eq!(b.conflict, None);
        assert_eq!(b.revision, 0, "following the stored draft writes nothing");
    }

    #[test]
    fn a_draft_changed_elsewhere_while_editing_asks_which_to_keep() {
        let (mut tabs, mut a, mut b) = two_tabs();
        a = after(a.clone(), [Action::Start, answer(&a, 0, 0, 4)]);
        tabs.save(&mut a);
        tabs.notify(&mut b);
        b = after(b.clone(), [Action::Start, answer(&b, 0, 1, 1)]);
        tabs.save(&mut b);
        tabs.notify(&mut a);
        // A was editing: it is asked, and its view keeps its own answers meanwhile.
        let conflict = a.conflict.clone().expect("A is asked");
        assert_eq!(conflict.theirs.as_ref().map(|d| d.responses.answers.len()), Some(2));
        assert_eq!(a.draft.responses.answers.len(), 1);

        // A keeps editing while the question is open: storage keeps B's draft.
        a = after(a.clone(), [answer(&a, 0, 2, 5)]);
        tabs.save(&mut a);
        assert_eq!(tabs.storage.draft.as_ref().map(|d| d.responses.answers.len()), Some(2));
        assert!(a.conflict.is_some());

        let keep = after(a.clone(), [Action::KeepMyDraft]);
        let mut keep_tabs = Tabs { storage: tabs.storage.clone() };
        let mut keep = keep;
        keep_tabs.save(&mut keep);
        assert_eq!(keep_tabs.storage.draft.as_ref(), Some(&keep.draft), "A's answers are written");
        assert_eq!(keep.draft.responses.answers.len(), 2);

        let other = after(a, [Action::UseOtherDraft]);
        assert_eq!(other.draft, tabs.storage.draft.clone().unwrap());
        assert_eq!(other.conflict, None);
    }

    #[test]
    fn a_draft_finished_elsewhere_while_editing_is_not_dropped() {
        let (mut tabs, mut a, mut b) = two_tabs();
        a = after(a.clone(), [Action::Start, answer(&a, 0, 0, 4)]);
        tabs.save(&mut a);
        tabs.notify(&mut b);
        b = after(b, [Action::Start, Action::GoToReview, Action::Finish { now_ms: 9, id: 9 }]);
        tabs.save(&mut b);
        tabs.notify(&mut a);
        assert_eq!(a.conflict, Some(DraftConflict { theirs: None }));
        assert_eq!(ids(&a.history), [9]);
        let used = after(a.clone(), [Action::UseOtherDraft]);
        assert_eq!((used.screen, used.has_draft()), (Screen::Start, false));
        let kept = after(a, [Action::KeepMyDraft]);
        assert!(kept.has_draft());
        assert_eq!(kept.stored_draft(), kept.draft_to_save());
    }

    #[test]
    fn finishing_at_the_limit_keeps_the_draft_and_says_why() {
        let q = Questionnaire::builtin();
        let history: Vec<SavedResult> = (0..MAX_RESULTS as u64)
            .map(|id| SavedResult::finish(&q, crate::model::Responses::default(), "", id, 0))
            .collect();
        let mut s = AppState::new(
            Rc::new(q),
            Loaded {
                contents: StoreContents { draft: None, history },
                history_loaded: true,
                notice: None,
                persistence: Persistence::Enabled,
            },
        );
        s = after(s.clone(), [answer(&s, 0, 0, 3), Action::GoToReview, Action::Finish { now_ms: 1, id: 99_999 }]);
        assert_eq!(s.notice, Some(StorageNotice::ResultLimit));
        assert_eq!((s.screen, s.has_draft(), s.history.len()), (Screen::Review, true, MAX_RESULTS));
    }

    #[test]
    fn the_results_read_after_the_first_screen_are_not_announced_as_news() {
        let mut s = fresh();
        s.history_loaded = false;
        let q = Questionnaire::builtin();
        let stored = vec![SavedResult::finish(&q, crate::model::Responses::default(), "Old", 3, 0)];
        s.apply(Action::StoredChanged(StoredData { draft: None, history: Some(stored) }));
        assert!(s.history_loaded);
        assert_eq!((s.history.len(), s.status), (1, None));
    }

    #[test]
    fn a_draft_only_change_elsewhere_leaves_the_history_alone() {
        let mut s = after(fresh(), [Action::Finish { now_ms: 1, id: 1 }]);
        let before = s.history.clone();
        let draft = Draft { label: "elsewhere".into(), ..Draft::default() };
        s.apply(Action::StoredChanged(StoredData { draft: Some(draft), history: None }));
        assert!(Rc::ptr_eq(&before, &s.history));
        assert_eq!(s.draft.label, "elsewhere");
    }

    #[test]
    fn problems_that_forbid_writing_switch_to_memory() {
        let newer = after(fresh(), [Action::StorageProblem(StorageNotice::NewerVersion { version: 3 })]);
        assert_eq!(newer.persistence, Persistence::MemoryOnly);
        let dismissed = after(newer.clone(), [Action::DismissNotice]);
        assert_eq!((dismissed.notice.clone(), dismissed.navigation), (None, newer.navigation + 1));
        assert_eq!(dismissed.persistence, Persistence::MemoryOnly, "dismissing does not resume writing");
    }

    #[cfg(feature = "full")]
    fn imported(results: Vec<SavedResult>) -> Action {
        Action::Full(FullAction::Import(Ok(Imported { results, unknown_ids: vec!["old.statement".into()] })))
    }

    #[cfg(feature = "full")]
    fn result_at(ms: u64, id: u64) -> SavedResult {
        SavedResult::finish(&Questionnaire::builtin(), crate::model::Responses::default(), "Partner", id, ms)
    }

    #[cfg(feature = "full")]
    #[test]
    fn importing_adds_new_results_once_and_reports_the_rest() {
        let s = after(fresh(), [Action::Finish { now_ms: 5, id: 1 }, Action::Open(Screen::Import)]);
        let first = after(s.clone(), [imported(vec![result_at(10, 2), result_at(11, 3)])]);
        assert_eq!(first.history.len(), 3);
        assert_eq!(
            first.full.import,
            Some(ImportOutcome::Added { added: 2, known: 0, unknown_ids: vec!["old.statement".into()] })
        );
        assert_eq!(first.revision, s.revision + 1, "saved");
        // The same results again (new ids from the shell): recognised, not added.
        let again = after(first.clone(), [imported(vec![result_at(10, 4), result_at(11, 5)])]);
        assert_eq!(again.history.len(), 3);
        assert_eq!(again.revision, first.revision, "nothing to save");
        assert!(matches!(again.full.import, Some(ImportOutcome::Added { added: 0, known: 2, .. })));
    }

    #[cfg(feature = "full")]
    #[test]
    fn an_import_past_the_limit_adds_nothing() {
        let history: Vec<SavedResult> = (0..MAX_RESULTS as u64 - 1).map(|i| result_at(i, i)).collect();
        let s = AppState::new(
            Rc::new(Questionnaire::builtin()),
            Loaded {
                contents: StoreContents { draft: None, history },
                history_loaded: true,
                notice: None,
                persistence: Persistence::Enabled,
            },
        );
        let s = after(s, [imported(vec![result_at(1_000_000, 7), result_at(1_000_001, 8)])]);
        assert_eq!(s.full.import, Some(ImportOutcome::TooMany { room: 1 }));
        assert_eq!(s.history.len(), MAX_RESULTS - 1);
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_refused_import_changes_nothing_saved() {
        let s = after(fresh(), [Action::Finish { now_ms: 5, id: 1 }]);
        let refused = after(s.clone(), [Action::Full(FullAction::Import(Err(ImportError::NotText)))]);
        assert_eq!(refused.full.import, Some(ImportOutcome::Refused(ImportError::NotText)));
        assert!(Rc::ptr_eq(&refused.history, &s.history));
        assert_eq!(refused.revision, s.revision);
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_shared_result_is_saved_only_when_asked_and_only_once() {
        let shared = Rc::new(result_at(99, 0));
        let s = after(fresh(), [Action::Full(FullAction::LinkOpened(SharedLink::Open(shared.clone())))]);
        assert_eq!((s.screen, s.history.len(), s.revision), (Screen::Shared, 0, 0), "nothing saved on opening");
        let saved = after(s.clone(), [Action::Full(FullAction::SaveShared { id: 42 })]);
        assert_eq!((saved.screen, saved.history.len()), (Screen::Results(42), 1));
        assert_eq!(saved.status, Some(Status::SharedSaved));
        assert_eq!(saved.revision, 1);
        let twice = after(
            saved,
            [
                Action::Full(FullAction::LinkOpened(SharedLink::Open(shared))),
                Action::Full(FullAction::SaveShared { id: 43 }),
            ],
        );
        assert_eq!((twice.screen, twice.history.len()), (Screen::Results(42), 1), "recognised");
        assert_eq!(twice.status, Some(Status::SharedAlreadySaved));
        let closed = after(s, [Action::Full(FullAction::CloseShared)]);
        assert_eq!((closed.screen, closed.full.link.clone()), (Screen::Start, None));
    }

    #[cfg(feature = "full")]
    #[test]
    fn a_locked_link_shows_that_it_is_being_opened() {
        let sealed = Rc::new(vec![0u8; 50]);
        let s = after(
            fresh(),
            [
                Action::Full(FullAction::LinkOpened(SharedLink::Locked {
                    sealed,
                    wrong_passphrase: false,
                    opening: false,
                })),
                Action::Full(FullAction::Unlocking),
            ],
        );
        assert!(matches!(s.full.link, Some(SharedLink::Locked { opening: true, .. })));
    }

    #[test]
    fn comparisons_and_agendas_open_only_for_results_that_exist() {
        let s = after(fresh(), [Action::Finish { now_ms: 1, id: 1 }, Action::Finish { now_ms: 2, id: 2 }]);
        let pair = Screen::Compare(Side::Saved(1), Some(Side::Saved(2)));
        assert_eq!(after(s.clone(), [Action::Open(pair)]).screen, pair);
        let choose = Screen::Agenda(Side::Saved(2), None);
        assert_eq!(after(s.clone(), [Action::Open(choose)]).screen, choose);
        for refused in [
            Screen::Compare(Side::Saved(1), Some(Side::Saved(1))),
            Screen::Compare(Side::Saved(1), Some(Side::Saved(9))),
            Screen::Agenda(Side::Shared, None),
        ] {
            assert_eq!(after(s.clone(), [Action::Open(refused)]).screen, s.screen, "{refused:?}");
        }
        // A compared result deleted elsewhere (after both were saved) leaves the comparison.
        let saved = StoredData { draft: None, history: Some(s.history.to_vec()) };
        let mut comparing = after(s.clone(), [Action::StoredChanged(saved), Action::Open(pair)]);
        let remaining: Vec<SavedResult> = s.history.iter().filter(|r| r.id == 1).cloned().collect();
        comparing.apply(Action::StoredChanged(StoredData { draft: None, history: Some(remaining) }));
        assert_eq!(comparing.screen, Screen::Start);
    }

    #[test]
    fn only_the_full_build_has_the_sharing_screens() {
        for screen in [
            Screen::Share(1),
            Screen::Import,
            Screen::Shared,
            Screen::Compare(Side::Shared, None),
            Screen::Agenda(Side::Saved(1), None),
        ] {
            assert!(screen.needs_full());
        }
        for screen in [Screen::Start, Screen::Step(0), Screen::Review, Screen::Results(1)] {
            assert!(!screen.needs_full());
        }
        let s = after(fresh(), [Action::Open(Screen::Share(404))]);
        assert_eq!(s.screen, Screen::Start, "an unknown result is not opened");
    }
}
