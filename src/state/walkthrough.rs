//! The check in progress: starting or resuming, moving between the steps and
//! the review, answers, notes and the label, and finishing it into a result.

use std::rc::Rc;

use super::Side;
use super::{AppState, HostEvent, Screen, Status, StorageNotice};
use crate::model::responses::truncate_chars;
use crate::model::{Answer, Draft, SavedResult, LABEL_MAX_CHARS, MAX_RESULTS, NOTE_MAX_CHARS};

impl AppState {
    /// Whether a check is in progress (anything answered, noted or labelled).
    pub fn has_draft(&self) -> bool {
        !self.draft.responses.is_empty() || !self.draft.label.is_empty()
    }

    /// The draft as it is kept in storage: none when nothing is in progress.
    pub fn stored_draft(&self) -> Option<&Draft> {
        self.has_draft().then_some(&self.draft)
    }

    /// A stored draft as this questionnaire can show it: answers to statements it
    /// no longer has must not count, and the step must exist.
    pub(super) fn normalized(&self, mut draft: Draft) -> Draft {
        draft.responses.retain_known(&self.questionnaire);
        draft.step = draft.step.min(self.last_step());
        draft
    }

    fn last_step(&self) -> usize {
        self.questionnaire.principles.len().saturating_sub(1)
    }

    /// Whether the person is working on the draft (a step or the review).
    pub(super) fn editing(&self) -> bool {
        matches!(self.screen, Screen::Step(_) | Screen::Review)
    }

    pub(super) fn start(&mut self) {
        let resumed = self.has_draft();
        self.host_events.push(HostEvent::Started { resumed });
        let step = if resumed { self.draft.step } else { 0 };
        self.navigate(Screen::Step(step));
    }

    /// Starts (or resumes) the check to compare it, once finished, with the
    /// saved result `id`.
    pub(super) fn start_to_compare(&mut self, id: u64) {
        if self.result(id).is_some() {
            self.compare_when_finished = Some(id);
            self.start();
        }
    }

    pub(super) fn go_to_step(&mut self, step: usize) {
        if step <= self.last_step() {
            self.navigate(Screen::Step(step));
        }
    }

    pub(super) fn next(&mut self) {
        match self.screen {
            Screen::Step(step) if step < self.last_step() => self.navigate(Screen::Step(step + 1)),
            Screen::Step(_) => self.navigate(Screen::Review),
            _ => {}
        }
    }

    pub(super) fn back(&mut self) {
        match self.screen {
            Screen::Step(0) => self.navigate(Screen::Start),
            Screen::Step(step) => self.navigate(Screen::Step(step - 1)),
            Screen::Review => self.navigate(Screen::Step(self.last_step())),
            _ => {}
        }
    }

    pub(super) fn answer(&mut self, statement_id: &str, answer: Answer) {
        if self.questionnaire.has_statement(statement_id) && self.draft.responses.answer(statement_id) != Some(answer) {
            self.draft.responses.set_answer(statement_id, answer);
            self.sync.data_changed();
        }
    }

    /// Says in the live region how much of a typed or pasted `text` its limit left out.
    fn say_if_cut(&mut self, text: &str, max: usize) {
        let cut = text.chars().count().saturating_sub(max);
        if cut > 0 {
            self.status = Some(Status::TextCut { max, cut });
        }
    }

    pub(super) fn set_note(&mut self, principle_id: &str, text: &str) {
        if self.questionnaire.principle_index(principle_id).is_some() {
            self.say_if_cut(text, NOTE_MAX_CHARS);
            let before = self.draft.responses.note(principle_id).to_owned();
            self.draft.responses.set_note(principle_id, text);
            if self.draft.responses.note(principle_id) != before {
                self.sync.data_changed();
            }
        }
    }

    pub(super) fn set_label(&mut self, label: &str) {
        self.say_if_cut(label, LABEL_MAX_CHARS);
        let label = truncate_chars(label, LABEL_MAX_CHARS);
        if label != self.draft.label {
            self.draft.label = label;
            self.sync.data_changed();
        }
    }

    /// Saves the draft as a result with `id`, finished at `now_ms` (both passed
    /// in by the shell, so this stays pure), and shows it.
    pub(super) fn finish(&mut self, now_ms: u64, id: u64) {
        if self.history.len() >= MAX_RESULTS {
            self.sync.show(Some(StorageNotice::ResultLimit));
            return;
        }
        let responses = std::mem::take(&mut self.draft.responses);
        let result = SavedResult::finish(&self.questionnaire, responses, &self.draft.label, id, now_ms);
        Rc::make_mut(&mut self.history).push(result);
        // Finishing is this tab's answer to a conflict: its draft became
        // the result, and the other side's draft stays in progress.
        self.draft = match self.sync.conflict.take() {
            Some(conflict) => conflict.theirs.unwrap_or_default(),
            None => Draft::default(),
        };
        self.sync.notices.retain(|n| *n != StorageNotice::ResultLimit);
        self.sync.data_changed();
        self.host_events.push(HostEvent::Completed(id));
        // Someone else's result waits to be compared with this one.
        match self.compare_when_finished.take().filter(|&other| self.result(other).is_some()) {
            Some(other) => self.navigate(Screen::Compare(Side::Saved(id), Some(Side::Saved(other)))),
            None => self.navigate(Screen::Results(id)),
        }
        self.status = Some(Status::ResultSaved);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, answer, fresh};
    use super::super::{Action, Confirmation, Loaded, Persistence};
    use super::*;
    use crate::model::{Questionnaire, StoreContents};

    #[test]
    fn walks_forward_and_back_through_every_screen() {
        let mut screens = vec![];
        let mut s = after(fresh(), [Action::Start]);
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
        assert_eq!(s.sync.revision, 1);
        let s = after(s, [a]);
        assert_eq!(s.sync.revision, 1);
        let unknown = Action::Answer { statement_id: "nope".into(), answer: Answer::NotSure };
        assert_eq!(after(s, [unknown]).sync.revision, 1);
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
    fn loading_drops_unknown_answers_and_clamps_the_step() {
        let mut contents = StoreContents::default();
        // Only an unknown answer: after dropping it nothing is in progress.
        let mut draft = Draft { step: 99, ..Draft::default() };
        draft.responses.set_answer("gone.statement", Answer::NotSure);
        contents.draft = Some(draft);
        let s = AppState::new(
            Rc::new(Questionnaire::builtin()),
            Loaded {
                contents,
                history_loaded: true,
                notice: None,
                set_aside: vec![],
                persistence: Persistence::Enabled,
            },
        );
        assert_eq!(s.draft.step, 9);
        assert!(!s.has_draft());
    }
}
