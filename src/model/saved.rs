//! What the widget keeps between visits (the check in progress and the finished
//! results) and how copies of it that changed independently come back together.
//!
//! Several tabs, or several widgets on one page, can share one storage key. Each
//! remembers what it last read or wrote (the *base*), changes its own copy
//! (*mine*), and before writing reads what is stored now (*theirs*). The merge
//! keeps every change of both sides:
//! - a result added on my side (in mine, not in base) is added to theirs;
//! - a result deleted on my side (in base, not in mine) is removed from theirs;
//! - everything else is as theirs has it, so results added or deleted elsewhere
//!   stay that way;
//! - the draft is mine if I changed it since the base, theirs otherwise.

use super::canonical::fnv1a_64;
use super::history::{repair_duplicate_ids, SavedResult};
use super::responses::Responses;
use super::unique::{later_duplicates, sorted_ids};

/// An assessment in progress.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub responses: Responses,
    /// The principle the person was on, to resume there.
    pub step: usize,
    /// The label typed on the review page, e.g. the partner's name.
    pub label: String,
}

/// A draft and the history: everything kept under one storage key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoreContents {
    pub draft: Option<Draft>,
    /// Oldest first; ids are unique.
    pub history: Vec<SavedResult>,
}

/// The history after merging my changes since `base` into `theirs`.
pub fn merge_history(base: &[SavedResult], mine: &[SavedResult], theirs: &[SavedResult]) -> Vec<SavedResult> {
    let base_ids = sorted_ids(base.iter().map(|r| r.id));
    let mine_ids = sorted_ids(mine.iter().map(|r| r.id));
    let theirs_ids = sorted_ids(theirs.iter().map(|r| r.id));
    let deleted_by_me = |id: u64| base_ids.binary_search(&id).is_ok() && mine_ids.binary_search(&id).is_err();
    let mut merged: Vec<SavedResult> = theirs.iter().filter(|r| !deleted_by_me(r.id)).cloned().collect();
    let added_by_me = mine.iter().filter(|r| base_ids.binary_search(&r.id).is_err());
    let before = merged.len();
    for result in added_by_me {
        // Written already (an earlier save that failed half-way, or the same
        // import in two tabs): keep one copy.
        let stored = theirs_ids.binary_search(&result.id).is_ok();
        if !(stored && theirs.iter().any(|r| r == result)) {
            merged.push(result.clone());
        }
    }
    if merged.len() > before {
        // Ids are random 64-bit numbers, so two tabs picking the same one for
        // different results is all but impossible; should it happen, the later
        // one gets a new id rather than replacing the other.
        repair_duplicate_ids(&mut merged);
    }
    merged
}

/// Whether two results are the same assessment, whatever their local ids: a
/// result imported twice, or a shared result saved again, is recognised by this.
pub fn same_result(a: &SavedResult, b: &SavedResult) -> bool {
    a.finished_at_ms == b.finished_at_ms
        && a.label == b.label
        && a.questionnaire == b.questionnaire
        && a.responses == b.responses
}

/// The incoming results that are not already in `history` (nor earlier in
/// `incoming`), and how many were. `O(n log n)`: results are hashed by what
/// [`same_result`] compares first, the hashes sorted, and only results with
/// equal hashes compared in full (an import of 2,000 against 2,000 saved).
pub fn new_results(history: &[SavedResult], incoming: Vec<SavedResult>) -> (Vec<SavedResult>, usize) {
    let all: Vec<&SavedResult> = history.iter().chain(&incoming).collect();
    let hash = |r: &&SavedResult| {
        let mut key = r.finished_at_ms.to_le_bytes().to_vec();
        key.extend_from_slice(r.label.as_bytes());
        fnv1a_64(&key)
    };
    let repeated = later_duplicates(&all, hash, |a, b| same_result(a, b));
    let known_positions: Vec<usize> = repeated.into_iter().filter(|&i| i >= history.len()).collect();
    let known = known_positions.len();
    let fresh = incoming
        .into_iter()
        .enumerate()
        .filter(|(i, _)| known_positions.binary_search(&(history.len() + i)).is_err())
        .map(|(_, result)| result)
        .collect();
    (fresh, known)
}

/// The draft after merging: mine if I changed it since `base`, else theirs.
pub fn merge_draft<'a>(base: Option<&Draft>, mine: Option<&'a Draft>, theirs: Option<&'a Draft>) -> Option<&'a Draft> {
    if mine != base {
        mine
    } else {
        theirs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Questionnaire, Rating};

    fn result(id: u64, label: &str) -> SavedResult {
        SavedResult::finish(&Questionnaire::builtin(), Responses::default(), label, id, id * 1000)
    }

    fn ids(results: &[SavedResult]) -> Vec<u64> {
        results.iter().map(|r| r.id).collect()
    }

    /// One merge expectation: (base, mine, theirs) → merged ids.
    struct Case {
        name: &'static str,
        base: &'static [u64],
        mine: &'static [u64],
        theirs: &'static [u64],
        merged: &'static [u64],
    }

    #[test]
    fn history_merge_table() {
        #[rustfmt::skip]
        let cases = [
            Case { name: "nothing changed", base: &[1, 2], mine: &[1, 2], theirs: &[1, 2], merged: &[1, 2] },
            Case { name: "I finished one", base: &[1], mine: &[1, 5], theirs: &[1], merged: &[1, 5] },
            Case { name: "they finished one meanwhile (the reported bug)", base: &[], mine: &[7], theirs: &[3], merged: &[3, 7] },
            Case { name: "they deleted one, I did not touch it", base: &[1, 2], mine: &[1, 2], theirs: &[1], merged: &[1] },
            Case { name: "I deleted one they still have", base: &[1, 2], mine: &[2], theirs: &[1, 2, 9], merged: &[2, 9] },
            Case { name: "both deleted the same", base: &[1, 2], mine: &[2], theirs: &[2], merged: &[2] },
            Case { name: "I cleared all, they added one I never saw", base: &[1, 2], mine: &[], theirs: &[1, 2, 4], merged: &[4] },
            Case { name: "both added one", base: &[1], mine: &[1, 6], theirs: &[1, 8], merged: &[1, 8, 6] },
            Case { name: "storage was emptied elsewhere", base: &[1, 2], mine: &[1, 2, 3], theirs: &[], merged: &[3] },
        ];
        for case in cases {
            let make = |ids: &[u64]| ids.iter().map(|&id| result(id, "x")).collect::<Vec<_>>();
            let merged = merge_history(&make(case.base), &make(case.mine), &make(case.theirs));
            assert_eq!(ids(&merged), case.merged, "{}", case.name);
        }
    }

    #[test]
    fn a_result_already_stored_is_not_added_twice() {
        let mine = [result(4, "Acme")];
        let merged = merge_history(&[], &mine, &mine);
        assert_eq!(merged, mine);
    }

    #[test]
    fn two_different_results_with_one_id_are_both_kept() {
        let merged = merge_history(&[], &[result(4, "mine")], &[result(4, "theirs")]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].label, "theirs", "the stored one keeps its id");
        assert_eq!(merged[0].id, 4);
        assert_ne!(merged[1].id, 4, "mine gets a new id");
        assert_eq!(merged[1].label, "mine");
    }

    #[test]
    fn results_already_saved_are_recognised_whatever_their_id() {
        let history = vec![result(1, "Acme"), result(2, "Beta")];
        let mut again = result(1, "Acme");
        again.id = 77;
        let mut other_label = result(1, "Acme");
        other_label.label = "Acme AG".into();
        let (fresh, known) = new_results(&history, vec![again.clone(), other_label.clone(), again]);
        assert_eq!((fresh, known), (vec![other_label], 2));
    }

    #[test]
    fn thousands_of_results_are_recognised_by_hash_not_pairwise() {
        let history: Vec<SavedResult> = (0..2000).map(|i| result(i, &format!("Saved {i}"))).collect();
        let incoming: Vec<SavedResult> =
            (1000..3000).map(|i| SavedResult { id: 0, ..result(i, &format!("Saved {i}")) }).collect();
        let (fresh, known) = new_results(&history, incoming);
        assert_eq!((fresh.len(), known), (1000, 1000));
        assert_eq!(fresh[0].label, "Saved 2000", "in their order");
    }

    #[test]
    fn the_draft_follows_the_latest_change() {
        let draft = |label: &str| Draft { label: label.into(), ..Draft::default() };
        let (old, mine, theirs) = (draft("old"), draft("mine"), draft("theirs"));
        assert_eq!(merge_draft(Some(&old), Some(&mine), Some(&theirs)), Some(&mine), "I changed it");
        assert_eq!(merge_draft(Some(&old), Some(&old), Some(&theirs)), Some(&theirs), "they changed it");
        assert_eq!(merge_draft(Some(&old), None, Some(&theirs)), None, "I finished or discarded it");
        assert_eq!(merge_draft(Some(&old), Some(&old), None), None, "they finished it");
        let mut answered = Draft::default();
        answered.responses.set_answer("a.b", Answer::Rated(Rating::Agree));
        assert_eq!(merge_draft(None, Some(&answered), None), Some(&answered));
    }
}
