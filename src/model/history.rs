//! Finished assessments kept in the browser.

use super::questionnaire::Questionnaire;
use super::responses::Responses;
use super::scoring::Report;

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
    /// Unique within one browser's history.
    pub id: u64,
    /// Milliseconds since the Unix epoch, as the browser clock said when finishing.
    pub finished_at_ms: u64,
    /// Optional name for the result, e.g. the partner's name.
    pub label: String,
    pub questionnaire: QuestionnaireRef,
    pub responses: Responses,
    pub overall: Option<u8>,
    pub band_label: Option<String>,
}

/// Longest label a result may carry, in characters.
pub const LABEL_MAX_CHARS: usize = 80;

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
        }
    }
}

/// The id for the next result: one more than the largest in use.
pub fn next_result_id(history: &[SavedResult]) -> u64 {
    history.iter().map(|r| r.id).max().map_or(1, |max| max + 1)
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
    fn ids_increase_past_the_largest() {
        let q = Questionnaire::builtin();
        assert_eq!(next_result_id(&[]), 1);
        let a = SavedResult::finish(&q, Responses::default(), "", 4, 0);
        let b = SavedResult::finish(&q, Responses::default(), "", 2, 0);
        assert_eq!(next_result_id(&[a, b]), 5);
    }
}
