//! Finished assessments kept in the browser.

use super::canonical::fnv1a_64;
use super::questionnaire::Questionnaire;
use super::responses::Responses;
use super::scoring::Report;
use super::unique::{later_duplicates, sorted_ids};

/// Which questionnaire text a result was answered against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    pub content_hash: String,
}

impl QuestionnaireRef {
    pub fn of(questionnaire: &Questionnaire) -> Self {
        Self {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            content_hash: questionnaire.content_hash.clone(),
        }
    }
}

/// A finished assessment: its answers and a snapshot of the headline numbers, so
/// the history list can show them without re-scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedResult {
    /// Unique within one browser's history: a random 64-bit number (see
    /// `platform::random_id`), so two tabs finishing at once cannot pick the same.
    /// Never computed from other ids, so nothing about it can overflow.
    pub id: u64,
    /// Milliseconds since the Unix epoch, as the browser clock said when finishing.
    pub finished_at_ms: u64,
    /// Optional name for the result, e.g. the partner's name.
    pub label: String,
    pub questionnaire: QuestionnaireRef,
    pub responses: Responses,
    pub overall: Option<u8>,
    pub band_label: Option<String>,
    /// Someone else's result (from a share link or their file): shown as
    /// theirs ("Received: …"), never as the person's own.
    pub received: bool,
}

/// Longest label a result may carry, in characters.
pub const LABEL_MAX_CHARS: usize = 80;
/// Longest band label kept with a result, in characters (the questionnaire's
/// are far shorter; this bounds what a stored document can make us render).
pub const BAND_LABEL_MAX_CHARS: usize = 80;
/// The most results one browser keeps per storage key. Finishing or importing
/// beyond it is refused with a message; nothing already saved is ever dropped.
/// About 2.5 MB of storage at this size, half of what browsers allow an origin.
pub const MAX_RESULTS: usize = 2000;

impl SavedResult {
    /// Scores `responses` and wraps them as a result ready for the history.
    pub fn finish(
        questionnaire: &Questionnaire,
        responses: Responses,
        label: &str,
        id: u64,
        finished_at_ms: u64,
    ) -> Self {
        let report = Report::score(questionnaire, &responses);
        Self {
            id,
            finished_at_ms,
            label: super::responses::truncate_chars(label.trim(), LABEL_MAX_CHARS),
            questionnaire: QuestionnaireRef::of(questionnaire),
            overall: report.rounded_overall(),
            band_label: report.band(questionnaire).map(|b| b.label.clone()),
            responses,
            received: false,
        }
    }
}

impl SavedResult {
    /// Holds a result from outside (a link, a file, storage) to the rules a
    /// finished one keeps: label trimmed and capped, band label capped. Notes
    /// are capped as they are set (`Responses::set_note`).
    pub fn normalize(&mut self) {
        self.label = super::responses::truncate_chars(self.label.trim(), LABEL_MAX_CHARS);
        if let Some(band) = &mut self.band_label {
            *band = super::responses::truncate_chars(band, BAND_LABEL_MAX_CHARS);
        }
    }
}

/// Gives every result whose id an earlier result already has a new id, and
/// returns how many changed. The new id depends only on the old one and the
/// position, so every tab repairs the same stored document the same way and
/// their writes agree.
pub fn repair_duplicate_ids(history: &mut [SavedResult]) -> usize {
    let repeated = later_duplicates(history, |r| r.id, |a, b| a.id == b.id);
    if repeated.is_empty() {
        return 0;
    }
    let mut taken = sorted_ids(history.iter().map(|r| r.id));
    for &position in &repeated {
        let mut candidate = history[position].id;
        let mut attempt = 0u64;
        while taken.binary_search(&candidate).is_ok() {
            attempt += 1;
            let mut seed = [0u8; 24];
            seed[..8].copy_from_slice(&history[position].id.to_le_bytes());
            seed[8..16].copy_from_slice(&(position as u64).to_le_bytes());
            seed[16..].copy_from_slice(&attempt.to_le_bytes());
            candidate = fnv1a_64(&seed);
        }
        if let Err(slot) = taken.binary_search(&candidate) {
            taken.insert(slot, candidate);
        }
        history[position].id = candidate;
    }
    repeated.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Rating};

    #[test]
    fn finishing_snapshots_score_band_and_trimmed_label() {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for statement in q.principles.iter().flat_map(|p| &p.statements) {
            responses.set_answer(&statement.id, Answer::Rated(Rating::Agree));
        }
        let result = SavedResult::finish(&q, responses, "  Acme GmbH  ", 7, 1_700_000_000_000);
        assert_eq!(result.overall, Some(75));
        assert_eq!(result.band_label.as_deref(), Some("Ready"));
        assert_eq!(result.label, "Acme GmbH");
        assert_eq!(result.questionnaire.content_hash, q.content_hash);
    }

    #[test]
    fn duplicate_ids_are_repaired_the_same_way_every_time() {
        let q = Questionnaire::builtin();
        let make = |id, label: &str| SavedResult::finish(&q, Responses::default(), label, id, 0);
        let original = vec![make(u64::MAX, "a"), make(3, "b"), make(u64::MAX, "c"), make(3, "d"), make(u64::MAX, "e")];
        let mut once = original.clone();
        assert_eq!(repair_duplicate_ids(&mut once), 3);
        let ids: Vec<u64> = once.iter().map(|r| r.id).collect();
        assert_eq!((ids[0], ids[1]), (u64::MAX, 3), "the first of each id keeps it");
        assert!(later_duplicates(&ids, |id| *id, |a, b| a == b).is_empty(), "all unique: {ids:?}");
        let mut again = original;
        repair_duplicate_ids(&mut again);
        assert_eq!(once, again, "deterministic");
        assert_eq!(repair_duplicate_ids(&mut again), 0);
    }
}
