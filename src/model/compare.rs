//! Two results side by side, for a partner meeting: per principle both scores
//! and the gap, the groups that decide what to talk about, and the statements
//! the two sides answered far apart.
//!
//! Gaps are between the scores as shown (whole numbers), so the numbers a person
//! reads add up. A principle scored on one side only has no gap and stays out of
//! the ranking. Results answered on different versions of the questionnaire are
//! compared on the statements both answered (the only ones we know both were
//! asked), and the comparison says so.

use super::history::SavedResult;
use super::questionnaire::Questionnaire;
use super::responses::{Answer, Rating};
use super::scoring::{round_score, Report};
use super::unique::heap_sort;

/// A gap this large or larger: talk about it first.
pub const TALK_FIRST_GAP: u8 = 25;
/// Both scores below this: a shared priority.
pub const SHARED_PRIORITY_BELOW: u8 = 60;
/// Both scores at least this: something to build on.
pub const BUILD_ON_FROM: u8 = 75;
/// Answers this many scale steps apart are listed.
pub const DIFFERENT_ANSWER_STEPS: u8 = 2;

/// One statement answered far apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerDifference {
    /// The statement's position within its principle.
    pub statement: usize,
    pub a: Rating,
    pub b: Rating,
}

/// One principle compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipleComparison {
    pub index: usize,
    /// Rounded scores, `None` where that side has no score.
    pub a: Option<u8>,
    pub b: Option<u8>,
    pub differences: Vec<AnswerDifference>,
}

impl PrincipleComparison {
    /// The gap between the two scores, when both exist.
    pub fn gap(&self) -> Option<u8> {
        Some(self.a?.abs_diff(self.b?))
    }
}

/// Two results compared on one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// In questionnaire order.
    pub principles: Vec<PrincipleComparison>,
    /// The results were answered on different versions of the questions, so
    /// only statements both answered are compared.
    pub different_versions: bool,
}

impl Comparison {
    pub fn of(questionnaire: &Questionnaire, a: &SavedResult, b: &SavedResult) -> Self {
        let different_versions = a.questionnaire.content_hash != b.questionnaire.content_hash;
        let both_answered =
            |id: &str| !different_versions || (a.responses.answer(id).is_some() && b.responses.answer(id).is_some());
        let report_a = Report::score_where(questionnaire, &a.responses, both_answered);
        let report_b = Report::score_where(questionnaire, &b.responses, both_answered);
        let principles = questionnaire
            .principles
            .iter()
            .enumerate()
            .map(|(index, principle)| {
                let differences = principle
                    .statements
                    .iter()
                    .enumerate()
                    .filter_map(|(statement, s)| match (a.responses.answer(&s.id), b.responses.answer(&s.id)) {
                        (Some(Answer::Rated(a)), Some(Answer::Rated(b)))
                            if a.value().abs_diff(b.value()) >= DIFFERENT_ANSWER_STEPS =>
                        {
                            Some(AnswerDifference { statement, a, b })
                        }
                        _ => None,
                    })
                    .collect();
                PrincipleComparison {
                    index,
                    a: report_a.principles[index].score.map(round_score),
                    b: report_b.principles[index].score.map(round_score),
                    differences,
                }
            })
            .collect();
        Comparison { principles, different_versions }
    }

    /// Two sides known only by their principle scores (a team's medians, or
    /// a result's scores set beside them), in questionnaire order: the same
    /// gaps and groups, without statements (a team has no answers of its own).
    pub fn of_scores(a: &[Option<u8>], b: &[Option<u8>], different_versions: bool) -> Self {
        let principles = a
            .iter()
            .zip(b)
            .enumerate()
            .map(|(index, (&a, &b))| PrincipleComparison { index, a, b, differences: Vec::new() })
            .collect();
        Comparison { principles, different_versions }
    }

    /// Principles with a gap, largest gap first (ties in questionnaire order),
    /// then those scored on one side or neither, in questionnaire order.
    pub fn by_gap(&self) -> Vec<usize> {
        let mut keyed: Vec<(u64, usize)> =
            self.principles.iter().map(|p| (p.gap().map_or(u64::MAX, |gap| u64::from(100 - gap)), p.index)).collect();
        heap_sort(&mut keyed);
        keyed.into_iter().map(|(_, index)| index).collect()
    }

    /// Gap of [`TALK_FIRST_GAP`] or more, largest first.
    pub fn talk_first(&self) -> Vec<usize> {
        self.by_gap().into_iter().filter(|&i| self.principles[i].gap().is_some_and(|g| g >= TALK_FIRST_GAP)).collect()
    }

    /// Both below [`SHARED_PRIORITY_BELOW`], in questionnaire order.
    pub fn shared_priorities(&self) -> Vec<usize> {
        self.indices_where(|a, b| a < SHARED_PRIORITY_BELOW && b < SHARED_PRIORITY_BELOW)
    }

    /// Both at least [`BUILD_ON_FROM`], in questionnaire order.
    pub fn build_on(&self) -> Vec<usize> {
        self.indices_where(|a, b| a >= BUILD_ON_FROM && b >= BUILD_ON_FROM)
    }

    /// Scored on one side only: no gap, left out of the ranking.
    pub fn one_sided(&self) -> Vec<usize> {
        self.principles.iter().filter(|p| p.a.is_some() != p.b.is_some()).map(|p| p.index).collect()
    }

    fn indices_where(&self, keep: impl Fn(u8, u8) -> bool) -> Vec<usize> {
        self.principles
            .iter()
            .filter(|p| matches!((p.a, p.b), (Some(a), Some(b)) if keep(a, b)))
            .map(|p| p.index)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Responses;

    /// A result from one row per principle: each entry a statement's answer,
    /// `0` for "not sure", `None` for unanswered.
    fn result(rows: &[[Option<u8>; 3]; 10]) -> SavedResult {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for (principle, row) in q.principles.iter().zip(rows) {
            for (statement, value) in principle.statements.iter().zip(row) {
                match value {
                    Some(0) => responses.set_answer(&statement.id, Answer::NotSure),
                    Some(v) => responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(*v).unwrap())),
                    None => {}
                }
            }
        }
        SavedResult::finish(&q, responses, "", 0, 0)
    }

    fn rows(each: [Option<u8>; 3]) -> [[Option<u8>; 3]; 10] {
        [each; 10]
    }

    /// A pair whose principle scores are known:
    /// A: 100, 75, 50, 25, 0, 75, 50, no score, 75, 50
    /// B:  25, 75, 50, 50, 0, 100, 25, 75, no score, 50
    fn pair() -> (SavedResult, SavedResult) {
        let s = |v: u8| [Some(v); 3];
        let a = [s(5), s(4), s(3), s(2), s(1), s(4), s(3), [Some(0); 3], s(4), s(3)];
        let b = [s(2), s(4), s(3), s(3), s(1), s(5), s(2), s(4), [None; 3], s(3)];
        (result(&a), result(&b))
    }

    #[test]
    fn sides_known_by_their_scores_compare_the_same_way_without_statements() {
        let team_medians = [Some(63), Some(50), None, Some(100)];
        let partner = [Some(25), Some(50), Some(40), Some(80)];
        let c = Comparison::of_scores(&team_medians, &partner, true);
        assert_eq!(
            c.principles.iter().map(PrincipleComparison::gap).collect::<Vec<_>>(),
            [Some(38), Some(0), None, Some(20)]
        );
        assert_eq!(c.talk_first(), [0]);
        assert_eq!(c.one_sided(), [2]);
        assert!(c.different_versions && c.principles.iter().all(|p| p.differences.is_empty()));
        let agenda_topics: Vec<usize> =
            crate::model::agenda::candidates_for_scores(&team_medians).iter().map(|c| c.principle).collect();
        assert_eq!(agenda_topics, [1, 0, 3], "a team alone: lowest median first");
    }

    #[test]
    fn gaps_groups_and_ranking() {
        let q = Questionnaire::builtin();
        let (a, b) = pair();
        let c = Comparison::of(&q, &a, &b);
        let scores: Vec<(Option<u8>, Option<u8>, Option<u8>)> =
            c.principles.iter().map(|p| (p.a, p.b, p.gap())).collect();
        #[rustfmt::skip]
        assert_eq!(scores, [
            (Some(100), Some(25), Some(75)), (Some(75), Some(75), Some(0)), (Some(50), Some(50), Some(0)),
            (Some(25), Some(50), Some(25)), (Some(0), Some(0), Some(0)), (Some(75), Some(100), Some(25)),
            (Some(50), Some(25), Some(25)), (None, Some(75), None), (Some(75), None, None), (Some(50), Some(50), Some(0)),
        ]);
        assert_eq!(c.by_gap(), [0, 3, 5, 6, 1, 2, 4, 9, 7, 8]);
        assert_eq!(c.talk_first(), [0, 3, 5, 6]);
        assert_eq!(c.shared_priorities(), [2, 3, 4, 6, 9], "a large gap can be a shared priority too");
        assert_eq!(c.build_on(), [1, 5]);
        assert_eq!(c.one_sided(), [7, 8]);
        assert!(!c.different_versions);
    }

    #[test]
    fn statements_answered_two_or_more_steps_apart_are_listed() {
        let q = Questionnaire::builtin();
        let (a, b) = pair();
        let c = Comparison::of(&q, &a, &b);
        // Strongly agree against Disagree: three steps, every statement.
        assert_eq!(
            c.principles[0].differences,
            (0..3)
                .map(|statement| AnswerDifference { statement, a: Rating::StronglyAgree, b: Rating::Disagree })
                .collect::<Vec<_>>()
        );
        // One step apart (Disagree / Neutral) is not listed; not sure never is.
        assert!(c.principles[3].differences.is_empty());
        assert!(c.principles[7].differences.is_empty());
    }

    #[test]
    fn different_versions_compare_only_statements_both_answered() {
        let q = Questionnaire::builtin();
        let mut a = result(&rows([Some(5), Some(5), Some(1)]));
        let mut b = result(&rows([Some(5), None, None]));
        b.questionnaire.content_hash = "0000000000000000".into();
        let c = Comparison::of(&q, &a, &b);
        assert!(c.different_versions);
        assert_eq!((c.principles[0].a, c.principles[0].b), (Some(100), Some(100)), "only the first statement counts");
        a.questionnaire.content_hash = b.questionnaire.content_hash.clone();
        let same = Comparison::of(&q, &a, &b);
        assert_eq!(
            (same.principles[0].a, same.principles[0].b),
            (Some(67), Some(100)),
            "same version: all answers count"
        );
    }

    #[test]
    fn nothing_scored_on_either_side_gives_no_groups() {
        let q = Questionnaire::builtin();
        let c = Comparison::of(&q, &result(&rows([None; 3])), &result(&rows([Some(0); 3])));
        assert!(c.talk_first().is_empty() && c.shared_priorities().is_empty() && c.build_on().is_empty());
        assert!(c.one_sided().is_empty());
        assert_eq!(c.by_gap(), (0..10).collect::<Vec<_>>());
    }
}
