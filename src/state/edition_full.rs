//! The full build's part of the state: what its screens show (sharing,
//! importing, an opened share link, the comparison's order, the agenda's
//! length) and the actions they take. The core build has a stand-in
//! (`edition_core.rs`) with no state and no actions.

use std::rc::Rc;

pub use super::shared::SharedLink;
pub use super::teams::{AddOutcome, OpenedTeam, TeamAction, Teams};
use super::{AppState, HostEvent, Screen, ShareMethod, Side};
use crate::incoming::{Admitted, PastedError};
use crate::model::responses::truncate_chars;
use crate::model::saved::{new_results, same_result};
use crate::model::MAX_RESULTS;
pub use crate::text::meeting::Meeting;

/// What the share or agenda screen last did, said in its status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareStatus {
    JsonCopied,
    LinkCopied,
    /// The system share sheet took the link.
    LinkShared,
    AgendaCopied,
    /// A topic (a principle, by position) was left out of the agenda, or added.
    TopicLeftOut(usize),
    TopicAdded(usize),
    /// The file `name` was handed to the browser's downloads.
    Downloaded(String),
    /// Sealing a link with a passphrase takes a moment (a slow key derivation, on purpose).
    Sealing,
    PassphraseTooShort,
    PassphraseTooLong,
    /// The link would be this many characters: too long to offer.
    LinkTooLong(usize),
    /// Copying was refused: the text, to copy by hand.
    CopyFailed(String),
    /// Sealing a link needs the browser's encryption, which it offers only on secure pages.
    SealingUnavailable,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Reading,
    Added {
        added: usize,
        known: usize,
        /// The one result added, when one was (to open it from the message).
        single: Option<u64>,
        /// A few of them (`incoming::Admitted`), and how many in all.
        unknown_ids: Vec<String>,
        unknown_count: usize,
    },
    /// Adding would pass `MAX_RESULTS`: nothing was added; `room` more would fit.
    TooMany {
        room: usize,
    },
    Refused(PastedError),
}

/// The most characters of the attendees line an agenda keeps.
pub const ATTENDEES_MAX_CHARS: usize = 300;

/// The least number of characters of a passphrase that seals a link
/// (leading and trailing spaces do not count).
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The most: a sentence is a good passphrase, a pasted document is not one.
pub const MAX_PASSPHRASE_CHARS: usize = 200;

/// The state of the screens only the full build has.
#[derive(Debug, Clone, PartialEq)]
pub struct FullState {
    /// The result a share link opened, on the `Shared` screen.
    pub link: Option<SharedLink>,
    /// Whether a share link carries the result's name (by default it does, so
    /// the partner sees whose it is) and the notes (by default not: they may be
    /// meant for one's own side only).
    pub include_label: bool,
    pub include_notes: bool,
    /// Whether a share link is sealed with a passphrase.
    pub protect: bool,
    /// The sealed link last made, shown for copying again; gone when an option changes.
    pub sealed_link: Option<String>,
    pub status: Option<ShareStatus>,
    pub import: Option<ImportOutcome>,
    /// Whether one result imported (a file, JSON or a link) is someone
    /// else's, as it usually is; a backup's results say themselves.
    pub import_received: bool,
    /// The comparison table in principle order (else by largest gap, the default).
    pub by_principle_order: bool,
    /// The meeting length the agenda plans for.
    pub agenda_minutes: u32,
    /// The topics the person chose, by principle, in agenda order; `None`:
    /// the ones suggested for the meeting's length.
    pub agenda_topics: Option<Vec<usize>>,
    /// The meeting's date and attendees.
    pub meeting: Meeting,
    /// Saved teams, an opened team link, adding members (`teams`).
    pub teams: Teams,
}

impl Default for FullState {
    fn default() -> Self {
        Self {
            link: None,
            include_label: true,
            include_notes: false,
            protect: false,
            sealed_link: None,
            status: None,
            import: None,
            import_received: true,
            by_principle_order: false,
            agenda_minutes: crate::model::agenda::LENGTHS[1],
            agenda_topics: None,
            meeting: Meeting::default(),
            teams: Teams::default(),
        }
    }
}

/// What the screens only the full build has can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum FullAction {
    SetIncludeLabel(bool),
    SetIncludeNotes(bool),
    SetProtect(bool),
    /// A sealed link was made (and is being copied).
    Sealed(String),
    /// What the shell did for the share screen.
    Done(ShareStatus),
    /// The shell read a file, pasted text or a pasted link: results with
    /// fresh ids, or why not.
    Import(Result<Admitted, PastedError>),
    ImportReading,
    /// Whether one result imported is someone else's.
    SetImportReceived(bool),
    /// The shell read a share link from the address.
    LinkOpened(SharedLink),
    /// The passphrase of a locked link is being tried.
    Unlocking,
    /// Sort the comparison table by principle order (else by largest gap).
    SortByPrincipleOrder(bool),
    /// The meeting length the agenda plans for, in minutes: the suggested
    /// topics for it replace any chosen.
    SetAgendaMinutes(u32),
    /// The topics the agenda keeps (principles, in order), after `change`
    /// left one out or added it; `None`: back to the suggested ones.
    SetAgendaTopics {
        topics: Option<Vec<usize>>,
        change: Option<ShareStatus>,
    },
    SetMeetingDate(String),
    SetAttendees(String),
    /// Save the opened shared result; the shell passes a fresh id.
    SaveShared {
        id: u64,
    },
    /// A result pasted (or dropped) on a comparison's choose screen, read by
    /// the shell: imported (or found already saved), then compared with `first`.
    CompareWithPasted {
        first: Side,
        imported: Result<Admitted, PastedError>,
    },
    /// Save the opened shared result (fresh `id`), take the check, then compare.
    TakeCheckToCompare {
        id: u64,
    },
    CloseShared,
    /// The team screens' actions (`teams`).
    Team(TeamAction),
}

impl AppState {
    pub(super) fn has_team(&self, id: u64) -> bool {
        self.team(id).is_some()
    }

    /// A screen opened afresh starts without the last one's status lines,
    /// links or chosen topics.
    pub(super) fn full_screen_opened(&mut self) {
        self.full.status = None;
        self.full.import = None;
        self.full.sealed_link = None;
        self.full.agenda_topics = None;
        self.full.teams.added = None;
        self.full.teams.limit_reached = false;
        self.full.teams.restored = 0;
    }

    /// A link made with other options is not the one on screen any more.
    fn share_options_changed(&mut self) {
        self.full.status = None;
        self.full.sealed_link = None;
    }

    pub(super) fn apply_full(&mut self, action: FullAction) {
        match action {
            FullAction::SetIncludeLabel(on) => {
                self.full.include_label = on;
                self.share_options_changed();
            }
            FullAction::SetIncludeNotes(on) => {
                self.full.include_notes = on;
                self.share_options_changed();
            }
            FullAction::SetProtect(on) => {
                self.full.protect = on;
                self.share_options_changed();
            }
            FullAction::Sealed(link) => self.full.sealed_link = Some(link),
            FullAction::Done(status) => self.share_done(status),
            FullAction::SortByPrincipleOrder(on) => self.full.by_principle_order = on,
            FullAction::SetAgendaMinutes(minutes) => {
                if crate::model::agenda::LENGTHS.contains(&minutes) {
                    self.full.agenda_minutes = minutes;
                    self.full.agenda_topics = None;
                    self.full.status = None;
                }
            }
            FullAction::SetAgendaTopics { mut topics, change } => {
                let count = self.questionnaire.principles.len();
                if let Some(topics) = &mut topics {
                    topics.retain(|&principle| principle < count);
                }
                self.full.agenda_topics = topics;
                self.full.status = change;
            }
            FullAction::SetMeetingDate(date) => self.full.meeting.date = date,
            FullAction::SetAttendees(attendees) => {
                self.full.meeting.attendees = Some(truncate_chars(&attendees, ATTENDEES_MAX_CHARS));
            }
            FullAction::ImportReading => self.full.import = Some(ImportOutcome::Reading),
            FullAction::SetImportReceived(received) => self.full.import_received = received,
            FullAction::Import(Err(error)) => self.full.import = Some(ImportOutcome::Refused(error)),
            FullAction::Import(Ok(admitted)) => self.import(admitted),
            FullAction::LinkOpened(link) => self.link_opened(link),
            FullAction::Unlocking => {
                if let Some(SharedLink::Locked { opening, .. }) = &mut self.full.link {
                    *opening = true;
                }
            }
            FullAction::SaveShared { id } => self.save_shared(id),
            FullAction::CompareWithPasted { first, imported } => self.compare_with_pasted(first, imported),
            FullAction::TakeCheckToCompare { id } => self.take_check_to_compare(id),
            FullAction::Team(action) => self.apply_team(action),
            FullAction::CloseShared => self.close_shared(),
        }
    }

    fn share_done(&mut self, status: ShareStatus) {
        let how = match &status {
            ShareStatus::LinkCopied | ShareStatus::LinkShared if self.full.protect => Some(ShareMethod::ProtectedLink),
            ShareStatus::LinkCopied | ShareStatus::LinkShared => Some(ShareMethod::Link),
            ShareStatus::JsonCopied => Some(ShareMethod::Json),
            ShareStatus::Downloaded(_) => Some(ShareMethod::File),
            _ => None,
        };
        if let (Screen::Share(id), Some(how)) = (self.screen, how) {
            self.host_events.push(HostEvent::Shared { id, how });
        }
        self.full.status = Some(status);
    }

    /// Imports one pasted result and compares `first` with it: the one just
    /// added, or the same result saved before.
    fn compare_with_pasted(&mut self, first: Side, imported: Result<Admitted, PastedError>) {
        let admitted = match imported {
            Ok(admitted) if admitted.results.len() == 1 => admitted,
            Ok(_) => return self.full.import = Some(ImportOutcome::Refused(PastedError::NotOne)),
            Err(error) => return self.full.import = Some(ImportOutcome::Refused(error)),
        };
        let pasted = admitted.results[0].clone();
        self.import(admitted);
        if let Some(id) = self.history.iter().rev().find(|r| same_result(r, &pasted)).map(|r| r.id) {
            self.open(Screen::Compare(first, Some(Side::Saved(id))));
        }
    }

    fn import(&mut self, admitted: Admitted) {
        let (fresh, known) = new_results(&self.history, admitted.results);
        let room = MAX_RESULTS.saturating_sub(self.history.len());
        self.full.import = Some(if fresh.len() > room {
            ImportOutcome::TooMany { room }
        } else {
            let added = fresh.len();
            let single = if added == 1 { fresh.first().map(|r| r.id) } else { None };
            if added > 0 {
                Rc::make_mut(&mut self.history).extend(fresh);
                self.sync.data_changed();
            }
            ImportOutcome::Added {
                added,
                known,
                single,
                unknown_ids: admitted.unknown_ids,
                unknown_count: admitted.unknown_count,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, fresh, result_at, with_history};
    use super::super::{Action, Side, Status};
    use super::*;
    use crate::codec::link::Sealed;
    use crate::model::SavedResult;

    fn imported(results: Vec<SavedResult>) -> Action {
        Action::Full(FullAction::Import(Ok(Admitted {
            results,
            unknown_ids: vec!["old.statement".into()],
            unknown_count: 1,
        })))
    }

    #[test]
    fn importing_adds_new_results_once_and_reports_the_rest() {
        let s = after(fresh(), [Action::Finish { now_ms: 5, id: 1 }, Action::Open(Screen::Import)]);
        let first = after(s.clone(), [imported(vec![result_at(10, 2), result_at(11, 3)])]);
        assert_eq!(first.history.len(), 3);
        assert_eq!(
            first.full.import,
            Some(ImportOutcome::Added {
                added: 2,
                known: 0,
                single: None,
                unknown_ids: vec!["old.statement".into()],
                unknown_count: 1
            })
        );
        assert_eq!(first.sync.revision, s.sync.revision + 1, "saved");
        // The same results again (new ids from the shell): recognised, not added.
        let again = after(first.clone(), [imported(vec![result_at(10, 4), result_at(11, 5)])]);
        assert_eq!(again.history.len(), 3);
        assert_eq!(again.sync.revision, first.sync.revision, "nothing to save");
        assert!(matches!(again.full.import, Some(ImportOutcome::Added { added: 0, known: 2, .. })));
    }

    #[test]
    fn an_import_past_the_limit_adds_nothing() {
        let s = with_history((0..MAX_RESULTS as u64 - 1).map(|i| result_at(i, i)).collect());
        let s = after(s, [imported(vec![result_at(1_000_000, 7), result_at(1_000_001, 8)])]);
        assert_eq!(s.full.import, Some(ImportOutcome::TooMany { room: 1 }));
        assert_eq!(s.history.len(), MAX_RESULTS - 1);
    }

    #[test]
    fn a_refused_import_changes_nothing_saved() {
        let s = after(fresh(), [Action::Finish { now_ms: 5, id: 1 }]);
        let not_text = PastedError::Document(crate::codec::export::ImportError::NotText);
        let refused = after(s.clone(), [Action::Full(FullAction::Import(Err(not_text.clone())))]);
        assert_eq!(refused.full.import, Some(ImportOutcome::Refused(not_text)));
        assert!(Rc::ptr_eq(&refused.history, &s.history));
        assert_eq!(refused.sync.revision, s.sync.revision);
    }

    #[test]
    fn a_shared_result_is_saved_only_when_asked_and_only_once() {
        let shared = Rc::new(result_at(99, 0));
        let s = after(fresh(), [Action::Full(FullAction::LinkOpened(SharedLink::Open(shared.clone())))]);
        assert_eq!((s.screen, s.history.len(), s.sync.revision), (Screen::Shared, 0, 0), "nothing saved on opening");
        let saved = after(s.clone(), [Action::Full(FullAction::SaveShared { id: 42 })]);
        assert_eq!((saved.screen, saved.history.len()), (Screen::Results(42), 1));
        assert_eq!(saved.status, Some(Status::SharedSaved));
        assert_eq!(saved.sync.revision, 1);
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

    #[test]
    fn taking_the_check_on_a_shared_result_ends_in_the_comparison() {
        let shared = Rc::new(SavedResult { received: true, ..result_at(99, 0) });
        let s = after(
            fresh(),
            [
                Action::Full(FullAction::LinkOpened(SharedLink::Open(shared))),
                Action::Full(FullAction::TakeCheckToCompare { id: 7 }),
            ],
        );
        assert_eq!((s.screen, s.compare_when_finished), (Screen::Step(0), Some(7)));
        assert!(s.result(7).is_some_and(|r| r.received), "kept, as someone else's");
        let done = after(s, [Action::Finish { now_ms: 200, id: 8 }]);
        assert_eq!(done.screen, Screen::Compare(Side::Saved(8), Some(Side::Saved(7))));
        assert_eq!(done.compare_when_finished, None);
        assert_eq!(done.status, Some(Status::ResultSaved));
    }

    #[test]
    fn a_locked_link_shows_that_it_is_being_opened() {
        let sealed = Rc::new(Sealed {
            iterations: 600_000,
            salt: vec![0; 16],
            nonce: vec![0; 12],
            ciphertext: vec![0; 30],
            bound: Vec::new(),
            as_typed: false,
        });
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
}
