//! Keeping in step with storage, which other tabs and widgets may share.
//!
//! Each instance remembers what it last read or wrote (the *base*, in [`Sync`]).
//! A save follows the instance's [`SavePlan`]: storage reads what is stored now,
//! the plan merges this instance's changes since the base into it
//! (`model::saved`), and storage writes the merge and reports it back
//! (`Action::Saved`). What another tab or widget stored arrives as
//! `Action::StoredChanged` and is merged the same way; a draft changed on both
//! sides becomes a [`DraftConflict`] the person resolves.

use std::rc::Rc;

use super::{AppState, Confirmation, Screen, Status};
use crate::model::saved::{merge_draft, merge_history};
use crate::model::{Draft, SavedResult, StoreContents};

/// Whether changes are written to browser storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    Enabled,
    /// Storage is blocked, or holds data this build must not overwrite:
    /// everything stays in memory.
    MemoryOnly,
}

/// A problem with saved data the person must know about. Those about data
/// (set aside, written by a newer version, the results limit) stay until the
/// person dismisses them, whatever storage events, re-reads or merges happen
/// meanwhile; those about writing (blocked, full, failed) go when writing works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    Full,
    WriteFailed,
    /// Unreadable data was moved to `backup_key` (what was wrong with it is
    /// for the host's console, which storage tells).
    Corrupt {
        backup_key: String,
    },
    /// Unreadable data that could not be moved aside, so it is left untouched.
    CorruptNoBackup,
    /// Stored by a newer build of the widget (found at load or at any save).
    NewerVersion {
        version: u64,
    },
    /// Finishing would pass [`crate::model::MAX_RESULTS`]; the answers stay in the draft.
    ResultLimit,
}

impl StorageNotice {
    /// Whether this problem means nothing may be written any more.
    fn stops_saving(&self) -> bool {
        matches!(self, Self::Unavailable | Self::CorruptNoBackup | Self::NewerVersion { .. })
    }

    /// Whether this is about writing now (and ends when writing works again).
    fn about_writing(&self) -> bool {
        matches!(self, Self::Full | Self::WriteFailed)
    }
}

/// Another tab or widget changed the draft while this one was being worked on.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftConflict {
    /// The stored draft as the other side left it (none: finished or discarded there).
    pub theirs: Option<Draft>,
}

/// What the shell found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub contents: StoreContents,
    /// Whether `contents.history` holds the stored results, or they are still
    /// to be read (after the first screen is up).
    pub history_loaded: bool,
    pub notice: Option<StorageNotice>,
    /// The backups of data set aside that nobody has dismissed yet (by this
    /// instance, another tab or widget, or before a reload).
    pub set_aside: Vec<String>,
    pub persistence: Persistence,
}

/// What storage holds now, as just read or written by the shell.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredData {
    /// The stored draft (`None`: no check in progress).
    pub draft: Option<Draft>,
    /// The stored results, when they were read or written; `None` when they
    /// were not touched, so the base still stands.
    pub history: Option<Vec<SavedResult>>,
    /// The backups of data set aside, not yet dismissed (`codec::store::set_aside_key`).
    pub set_aside: Vec<String>,
}

/// This instance's view of storage.
#[derive(Debug, Clone)]
pub struct Sync {
    /// The results as last read from or written to storage: the base of the
    /// three-way merge with what another tab may have stored since.
    pub base_history: Rc<Vec<SavedResult>>,
    /// The draft as last read from or written to storage (normalized).
    pub base_draft: Option<Draft>,
    /// Whether the stored results have been read yet (they follow the first screen).
    pub history_loaded: bool,
    pub conflict: Option<DraftConflict>,
    /// Every notice shown, oldest first, each once.
    pub notices: Vec<StorageNotice>,
    /// Backups whose notice the person dismissed: the next save takes them off
    /// the stored set-aside list, so no instance shows them again.
    pub dismissed: Vec<String>,
    pub persistence: Persistence,
    /// Bumped on every change to what is stored (draft or history); the shell
    /// saves whenever it changes.
    pub revision: u64,
}

impl PartialEq for Sync {
    /// The base history by identity, as `AppState`'s history (see there).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base_history, &other.base_history)
            && self.base_draft == other.base_draft
            && self.history_loaded == other.history_loaded
            && self.conflict == other.conflict
            && self.notices == other.notices
            && self.dismissed == other.dismissed
            && self.persistence == other.persistence
            && self.revision == other.revision
    }
}

impl Sync {
    pub(super) fn loaded(history: Rc<Vec<SavedResult>>, loaded: &Loaded) -> Self {
        let mut sync = Self {
            base_history: history,
            base_draft: None,
            history_loaded: loaded.history_loaded,
            conflict: None,
            notices: Vec::new(),
            dismissed: Vec::new(),
            persistence: loaded.persistence,
            revision: 0,
        };
        sync.follow_set_aside(&loaded.set_aside);
        sync.show(loaded.notice.clone());
        sync
    }

    /// Shows `notice` (once): one about writing replaces the other one about
    /// writing; the rest stay until dismissed.
    pub(super) fn show(&mut self, notice: Option<StorageNotice>) {
        let Some(notice) = notice else { return };
        if notice.about_writing() {
            self.notices.retain(|n| !n.about_writing());
        }
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    /// Shows a notice for every backup on the stored set-aside list, and drops
    /// those that left it (dismissed in another tab or widget).
    fn follow_set_aside(&mut self, set_aside: &[String]) {
        self.notices.retain(|n| match n {
            StorageNotice::Corrupt { backup_key } => set_aside.contains(backup_key),
            _ => true,
        });
        for backup_key in set_aside {
            if !self.dismissed.contains(backup_key) {
                self.show(Some(StorageNotice::Corrupt { backup_key: backup_key.clone() }));
            }
        }
    }

    /// Something stored changed: the shell saves.
    pub(super) fn data_changed(&mut self) {
        self.revision += 1;
    }
}

/// What one save writes: this instance's changes since its last sync, to be
/// merged into whatever storage holds by the time it is read. The shell's
/// storage and the two-tab tests below follow the same plan.
pub struct SavePlan<'a> {
    base_history: &'a [SavedResult],
    /// This instance's results, when it changed them since the base.
    history: Option<&'a [SavedResult]>,
    base_draft: Option<&'a Draft>,
    draft: Option<&'a Draft>,
    /// Backups whose notice was dismissed: off the stored set-aside list.
    pub dismissed: &'a [String],
}

impl SavePlan<'_> {
    /// Whether this instance changed the results (else only the draft is written).
    pub fn changes_history(&self) -> bool {
        self.history.is_some()
    }

    /// The results to write, given what storage holds now.
    pub fn history(&self, theirs: &[SavedResult]) -> Vec<SavedResult> {
        merge_history(self.base_history, self.history.unwrap_or(self.base_history), theirs)
    }

    /// The draft to write, given what storage holds now.
    pub fn draft(&self, theirs: Option<&Draft>) -> Option<Draft> {
        merge_draft(self.base_draft, self.draft, theirs).cloned()
    }

    /// What this instance last read or wrote: what stands in for stored data
    /// that turned out unreadable (and was moved aside).
    pub fn base_history(&self) -> &[SavedResult] {
        self.base_history
    }

    pub fn base_draft(&self) -> Option<&Draft> {
        self.base_draft
    }
}

impl AppState {
    /// The plan of the next save.
    pub fn save_plan(&self) -> SavePlan<'_> {
        SavePlan {
            base_history: &self.sync.base_history,
            history: (!Rc::ptr_eq(&self.history, &self.sync.base_history)).then_some(self.history.as_slice()),
            base_draft: self.sync.base_draft.as_ref(),
            draft: self.draft_to_save(),
            dismissed: &self.sync.dismissed,
        }
    }

    /// The draft to write now: while a conflict waits for the person's choice,
    /// the stored one stays as it is.
    pub fn draft_to_save(&self) -> Option<&Draft> {
        match self.sync.conflict {
            Some(_) => self.sync.base_draft.as_ref(),
            None => self.stored_draft(),
        }
    }

    pub(super) fn storage_problem(&mut self, notice: StorageNotice) {
        if notice.stops_saving() {
            self.sync.persistence = Persistence::MemoryOnly;
        }
        self.sync.show(Some(notice));
    }

    pub(super) fn storage_recovered(&mut self) {
        self.sync.notices.retain(|n| !n.about_writing());
    }

    /// The notice's button goes with it: focus the heading, not `<body>`. A
    /// notice about data set aside is dismissed for every instance (at the next save).
    pub(super) fn dismiss_notice(&mut self, index: usize) {
        if index >= self.sync.notices.len() {
            return;
        }
        if let StorageNotice::Corrupt { backup_key } = self.sync.notices.remove(index) {
            self.sync.dismissed.push(backup_key);
            self.sync.data_changed();
        }
        self.navigation += 1;
    }

    pub(super) fn saved(&mut self, written: StoredData) {
        self.adopt_stored(written);
    }

    pub(super) fn stored_changed(&mut self, stored: StoredData) {
        // The first read of the results, after the first screen, is no news.
        let first_read = !self.sync.history_loaded;
        if self.adopt_stored(stored) && !first_read && self.status.is_none() {
            self.status = Some(Status::ChangedElsewhere);
        }
    }

    pub(super) fn keep_my_draft(&mut self) {
        if self.sync.conflict.take().is_some() {
            // Written at the next save: this tab's draft is now the latest change.
            self.sync.data_changed();
            self.navigation += 1;
        }
    }

    pub(super) fn use_other_draft(&mut self) {
        if let Some(conflict) = self.sync.conflict.take() {
            let finished_elsewhere = conflict.theirs.is_none();
            self.draft = conflict.theirs.unwrap_or_default();
            if finished_elsewhere && self.editing() {
                self.navigate(Screen::Start);
            } else {
                self.navigation += 1;
            }
        }
    }

    /// Takes in what storage holds now (after this tab's save, or another's):
    /// merges the history, follows the draft or raises a conflict, and leaves
    /// screens that show something deleted elsewhere. Returns whether the
    /// history on screen changed.
    fn adopt_stored(&mut self, theirs: StoredData) -> bool {
        // Dismissed backups the stored list no longer names are done with.
        self.sync.dismissed.retain(|k| theirs.set_aside.contains(k));
        self.sync.follow_set_aside(&theirs.set_aside);
        let mut history_changed = false;
        let mut unsaved = false;
        if let Some(stored) = theirs.history {
            let stored_history = Rc::new(stored);
            if Rc::ptr_eq(&self.history, &self.sync.base_history) {
                // Nothing changed here since the last sync: storage is the truth.
                history_changed = *stored_history != *self.history;
                self.history = stored_history.clone();
            } else {
                let merged = merge_history(&self.sync.base_history, &self.history, &stored_history);
                history_changed = merged != *self.history;
                if merged == *stored_history {
                    self.history = stored_history.clone();
                } else {
                    // This tab holds changes storage does not have yet (a save failed).
                    self.history = Rc::new(merged);
                    unsaved = true;
                }
            }
            self.sync.base_history = stored_history;
            self.sync.history_loaded = true;
        }

        let theirs_draft = theirs.draft.map(|draft| self.normalized(draft));
        if theirs_draft.as_ref() != self.stored_draft() {
            let mine_changed = self.stored_draft() != self.sync.base_draft.as_ref();
            if mine_changed || (self.editing() && self.has_draft()) {
                self.sync.conflict = Some(DraftConflict { theirs: theirs_draft.clone() });
            } else {
                self.draft = theirs_draft.clone().unwrap_or_default();
            }
        } else {
            self.sync.conflict = None;
        }
        self.sync.base_draft = theirs_draft;
        if unsaved {
            self.sync.data_changed();
        }

        if !self.can_show(self.screen) {
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
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, answer, fresh, result_at, with_history};
    use super::super::Action;
    use super::*;
    use crate::model::{Questionnaire, MAX_RESULTS};

    /// Two tabs on one key: each state is one tab, `storage` the stored contents.
    struct Tabs {
        storage: StoreContents,
    }

    impl Tabs {
        /// What the shell does after a change: follow the tab's save plan
        /// against storage, write, report back.
        fn save(&mut self, tab: &mut AppState) {
            let plan = tab.save_plan();
            let history = plan.history(&self.storage.history);
            let draft = plan.draft(self.storage.draft.as_ref());
            self.storage = StoreContents { draft, history };
            tab.apply(Action::Saved(self.data()));
        }

        /// The storage event reaching another tab.
        fn notify(&self, tab: &mut AppState) {
            tab.apply(Action::StoredChanged(self.data()));
        }

        fn data(&self) -> StoredData {
            StoredData {
                draft: self.storage.draft.clone(),
                history: Some(self.storage.history.clone()),
                set_aside: vec![],
            }
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
        assert_eq!(b.sync.conflict, None);
        assert_eq!(b.sync.revision, 0, "following the stored draft writes nothing");
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
        let conflict = a.sync.conflict.clone().expect("A is asked");
        assert_eq!(conflict.theirs.as_ref().map(|d| d.responses.answers.len()), Some(2));
        assert_eq!(a.draft.responses.answers.len(), 1);

        // A keeps editing while the question is open: storage keeps B's draft.
        a = after(a.clone(), [answer(&a, 0, 2, 5)]);
        tabs.save(&mut a);
        assert_eq!(tabs.storage.draft.as_ref().map(|d| d.responses.answers.len()), Some(2));
        assert!(a.sync.conflict.is_some());

        let mut keep = after(a.clone(), [Action::KeepMyDraft]);
        let mut keep_tabs = Tabs { storage: tabs.storage.clone() };
        keep_tabs.save(&mut keep);
        assert_eq!(keep_tabs.storage.draft.as_ref(), Some(&keep.draft), "A's answers are written");
        assert_eq!(keep.draft.responses.answers.len(), 2);

        let other = after(a, [Action::UseOtherDraft]);
        assert_eq!(other.draft, tabs.storage.draft.clone().unwrap());
        assert_eq!(other.sync.conflict, None);
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
        assert_eq!(a.sync.conflict, Some(DraftConflict { theirs: None }));
        assert_eq!(ids(&a.history), [9]);
        let used = after(a.clone(), [Action::UseOtherDraft]);
        assert_eq!((used.screen, used.has_draft()), (Screen::Start, false));
        let kept = after(a, [Action::KeepMyDraft]);
        assert!(kept.has_draft());
        assert_eq!(kept.stored_draft(), kept.draft_to_save());
    }

    #[test]
    fn the_results_read_after_the_first_screen_are_not_announced_as_news() {
        let mut s = fresh();
        s.sync.history_loaded = false;
        let q = Questionnaire::builtin();
        let stored = vec![SavedResult::finish(&q, crate::model::Responses::default(), "Old", 3, 0)];
        s.apply(Action::StoredChanged(StoredData { draft: None, history: Some(stored), set_aside: vec![] }));
        assert!(s.sync.history_loaded);
        assert_eq!((s.history.len(), s.status), (1, None));
    }

    #[test]
    fn a_draft_only_change_elsewhere_leaves_the_history_alone() {
        let mut s = after(fresh(), [Action::Finish { now_ms: 1, id: 1 }]);
        let before = s.history.clone();
        let draft = Draft { label: "elsewhere".into(), ..Draft::default() };
        s.apply(Action::StoredChanged(StoredData { draft: Some(draft), history: None, set_aside: vec![] }));
        assert!(Rc::ptr_eq(&before, &s.history));
        assert_eq!(s.draft.label, "elsewhere");
    }

    #[test]
    fn storage_problems_switch_to_memory_and_recover() {
        let s = after(fresh(), [Action::StorageProblem(StorageNotice::Full)]);
        assert_eq!((s.sync.notices.clone(), s.sync.persistence), (vec![StorageNotice::Full], Persistence::Enabled));
        let s = after(s, [Action::StorageRecovered]);
        assert_eq!(s.sync.notices, []);
        let s = after(s, [Action::StorageProblem(StorageNotice::Unavailable), Action::StorageRecovered]);
        assert_eq!(
            (s.sync.notices.clone(), s.sync.persistence),
            (vec![StorageNotice::Unavailable], Persistence::MemoryOnly)
        );
    }

    #[test]
    fn problems_that_forbid_writing_switch_to_memory() {
        let newer = after(fresh(), [Action::StorageProblem(StorageNotice::NewerVersion { version: 3 })]);
        assert_eq!(newer.sync.persistence, Persistence::MemoryOnly);
        let dismissed = after(newer.clone(), [Action::DismissNotice(0)]);
        assert_eq!((dismissed.sync.notices.clone(), dismissed.navigation), (vec![], newer.navigation + 1));
        assert_eq!(dismissed.sync.persistence, Persistence::MemoryOnly, "dismissing does not resume writing");
    }

    #[test]
    fn finishing_at_the_limit_keeps_the_draft_and_says_why() {
        let mut s = with_history((0..MAX_RESULTS as u64).map(|id| result_at(0, id)).collect());
        s = after(s.clone(), [answer(&s, 0, 0, 3), Action::GoToReview, Action::Finish { now_ms: 1, id: 99_999 }]);
        assert_eq!(s.sync.notices, [StorageNotice::ResultLimit]);
        assert_eq!((s.screen, s.has_draft(), s.history.len()), (Screen::Review, true, MAX_RESULTS));
    }

    /// What storage holds after another instance set data aside as `backup`.
    fn set_aside(backup: &str) -> StoredData {
        StoredData { draft: None, history: None, set_aside: vec![backup.to_owned()] }
    }

    #[test]
    fn a_notice_about_data_set_aside_stays_until_dismissed_whatever_happens_meanwhile() {
        let corrupt = StorageNotice::Corrupt { backup_key: "k:backup:1".into() };
        let mut s = after(fresh(), [Action::StoredChanged(set_aside("k:backup:1"))]);
        assert_eq!(s.sync.notices, std::slice::from_ref(&corrupt), "set aside by another tab: shown here too");
        // Writing problems come and go, saves and other tabs' writes are merged: it stays.
        s = after(
            s,
            [
                Action::StorageProblem(StorageNotice::Full),
                Action::StorageProblem(StorageNotice::WriteFailed),
                Action::StorageRecovered,
                Action::Saved(set_aside("k:backup:1")),
                Action::StoredChanged(set_aside("k:backup:1")),
                Action::Finish { now_ms: 1, id: 1 },
            ],
        );
        assert_eq!(s.sync.notices, [corrupt]);
        // Dismissed, it leaves this instance at once and the stored list at the next save.
        let revision = s.sync.revision;
        s = after(s, [Action::DismissNotice(0)]);
        assert_eq!(
            (s.sync.notices.len(), s.sync.dismissed.as_slice(), s.sync.revision),
            (0, ["k:backup:1".to_owned()].as_slice(), revision + 1)
        );
        assert_eq!(s.save_plan().dismissed, ["k:backup:1"]);
        // A write from before the save still names it: it does not come back.
        s.apply(Action::StoredChanged(set_aside("k:backup:1")));
        assert!(s.sync.notices.is_empty());
        // The save took it off the list.
        s.apply(Action::Saved(StoredData { draft: None, history: None, set_aside: vec![] }));
        assert!(s.sync.notices.is_empty() && s.sync.dismissed.is_empty());
    }

    #[test]
    fn a_notice_dismissed_in_another_tab_leaves_this_one_too() {
        let s = after(fresh(), [Action::StoredChanged(set_aside("k:backup:1"))]);
        let s = after(s, [Action::StoredChanged(StoredData { draft: None, history: None, set_aside: vec![] })]);
        assert!(s.sync.notices.is_empty());
    }

    #[test]
    fn a_save_plan_writes_only_what_changed_here() {
        let s = fresh();
        assert!(!s.save_plan().changes_history(), "nothing finished: only the draft is written");
        let s = after(s, [Action::Finish { now_ms: 1, id: 1 }]);
        let plan = s.save_plan();
        assert!(plan.changes_history());
        let theirs = [result_at(2, 2)];
        assert_eq!(ids(&plan.history(&theirs)), [2, 1], "merged into what another tab stored");
    }
}
