//! Scoring: from responses to per-principle scores, an overall score, a band,
//! strengths and priorities. Pure and deterministic; the rules are spelled out for
//! users in the "How is this scored?" section (`crate::text`).
//!
//! - A rating maps to points: 1→0, 2→25, 3→50, 4→75, 5→100. "Not sure" is ignored.
//! - Principle score = mean points of its rated statements; none rated → no score.
//! - Overall = weighted mean of the principles that have a score.
//! - Coverage = rated statements / all statements.
//! - Band = the band containing the overall score rounded to a whole number.
//! - Strengths = highest-scoring principles, priorities = lowest (ties: earlier
//!   principle first), at most three each and never the same principle twice.

use super::questionnaire::{Band, Questionnaire};
use super::responses::{Answer, Responses};

/// The score of one principle.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipleScore {
    /// Position of the principle in the questionnaire.
    pub index: usize,
    /// 0–100, or `None` when no statement of the principle was rated.
    pub score: Option<f64>,
    /// Statements rated on the scale.
    pub rated: usize,
    /// Statements answered "not sure / not applicable".
    pub not_sure: usize,
    /// Statements of the principle.
    pub total: usize,
}

/// How much of the questionnaire the score rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub rated: usize,
    pub total: usize,
}

impl Coverage {
    /// Rated share as a whole percentage (0 when there are no statements).
    pub fn percent(self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        // Bounded by 100, so the cast cannot truncate.
        (self.rated as f64 * 100.0 / self.total as f64).round() as u8
    }
}

/// The complete scored result of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub principles: Vec<PrincipleScore>,
    /// Weighted mean over scored principles; `None` if nothing was rated.
    pub overall: Option<f64>,
    pub coverage: Coverage,
    /// Indices of the strongest principles, best first.
    pub strengths: Vec<usize>,
    /// Indices of the weakest principles, weakest first.
    pub priorities: Vec<usize>,
}

/// How many strengths and priorities a report names at most.
pub const HIGHLIGHT_COUNT: usize = 3;

impl Report {
    /// Scores `responses` against `questionnaire`.
    pub fn score(questionnaire: &Questionnaire, responses: &Responses) -> Self {
        Self::score_where(questionnaire, responses, |_| true)
    }

    /// Scores `responses` on the statements `counts` keeps: a comparison of
    /// results answered on different versions counts only the statements both
    /// were asked.
    pub fn score_where(questionnaire: &Questionnaire, responses: &Responses, counts: impl Fn(&str) -> bool) -> Self {
        let principles: Vec<PrincipleScore> = questionnaire
            .principles
            .iter()
            .enumerate()
            .map(|(index, principle)| {
                let mut points = Vec::new();
                let mut not_sure = 0;
                for statement in principle.statements.iter().filter(|s| counts(&s.id)) {
                    match responses.answer(&statement.id) {
                        Some(Answer::Rated(rating)) => points.push(rating.points()),
                        Some(Answer::NotSure) => not_sure += 1,
                        None => {}
                    }
                }
                PrincipleScore {
                    index,
                    score: mean(&points),
                    rated: points.len(),
                    not_sure,
                    total: principle.statements.len(),
                }
            })
            .collect();

        let (weighted_sum, weight_total) = principles
            .iter()
            .filter_map(|p| Some((p.score?, questionnaire.principles[p.index].weight)))
            .fold((0.0, 0.0), |(sum, total), (score, weight)| (sum + score * weight, total + weight));
        let overall = (weight_total > 0.0).then(|| weighted_sum / weight_total);

        let coverage =
            Coverage { rated: principles.iter().map(|p| p.rated).sum(), total: questionnaire.statement_count() };
        let (strengths, priorities) = highlights(&principles);
        Report { principles, overall, coverage, strengths, priorities }
    }

    /// The overall score as users see it: rounded to a whole number.
    pub fn rounded_overall(&self) -> Option<u8> {
        self.overall.map(round_score)
    }

    /// The readiness band of the rounded overall score.
    pub fn band<'q>(&self, questionnaire: &'q Questionnaire) -> Option<&'q Band> {
        questionnaire.band_for(self.rounded_overall()?)
    }

    /// Whether some statements were answered but every one of them "not sure".
    pub fn only_not_sure(&self) -> bool {
        self.overall.is_none() && self.principles.iter().any(|p| p.not_sure > 0)
    }
}

/// Rounds a 0–100 score to the whole number shown to users (halves round up).
pub fn round_score(score: f64) -> u8 {
    // Clamped to 0..=100 first, so the cast cannot truncate.
    score.clamp(0.0, 100.0).round() as u8
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Picks strengths (highest first) and priorities (lowest first) among scored
/// principles. With fewer than six scored principles the two lists split them,
/// strengths taking the larger half, so no principle appears in both.
fn highlights(principles: &[PrincipleScore]) -> (Vec<usize>, Vec<usize>) {
    let scored: Vec<(usize, f64)> = principles.iter().filter_map(|p| Some((p.index, p.score?))).collect();
    let strength_count = HIGHLIGHT_COUNT.min(scored.len().div_ceil(2));
    let priority_count = HIGHLIGHT_COUNT.min(scored.len() - strength_count);
    let strengths = pick(&scored, strength_count, &[], |candidate, best| candidate > best);
    let priorities = pick(&scored, priority_count, &strengths, |candidate, best| candidate < best);
    (strengths, priorities)
}

/// Picks `count` principles one at a time, each the one `better` prefers among
/// those not yet picked or excluded. Only a strictly better score displaces the
/// current choice, so ties go to the earlier principle. A selection rather than
/// a sort: at most ten items, and it keeps sorting code out of the wasm binary.
fn pick(scored: &[(usize, f64)], count: usize, exclude: &[usize], better: impl Fn(f64, f64) -> bool) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::with_capacity(count);
    for _ in 0..count {
        let mut best: Option<(usize, f64)> = None;
        for &(index, score) in scored {
            if picked.contains(&index) || exclude.contains(&index) {
                continue;
            }
            if best.is_none_or(|(_, best_score)| better(score, best_score)) {
                best = Some((index, score));
            }
        }
        match best {
            Some((index, _)) => picked.push(index),
            None => break,
        }
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::responses::Rating;

    /// Builds responses from one row per principle: each entry is a statement's
    /// answer, `0` for "not sure", `None` for unanswered.
    fn responses(q: &Questionnaire, rows: &[[Option<u8>; 3]]) -> Responses {
        let mut r = Responses::default();
        for (principle, row) in q.principles.iter().zip(rows) {
            for (statement, value) in principle.statements.iter().zip(row) {
                match value {
                    Some(0) => r.set_answer(&statement.id, Answer::NotSure),
                    Some(v) => r.set_answer(&statement.id, Answer::Rated(Rating::from_value(*v).unwrap())),
                    None => {}
                }
            }
        }
        r
    }

    fn all(value: Option<u8>) -> [[Option<u8>; 3]; 10] {
        [[value; 3]; 10]
    }

    /// One scoring expectation: answers in, the numbers users see out.
    struct Case {
        name: &'static str,
        rows: [[Option<u8>; 3]; 10],
        overall: Option<u8>,
        band: Option<&'static str>,
        rated: usize,
        strengths: &'static [usize],
        priorities: &'static [usize],
    }

    fn check(case: Case) {
        let q = Questionnaire::builtin();
        let report = Report::score(&q, &responses(&q, &case.rows));
        assert_eq!(report.rounded_overall(), case.overall, "{}: overall", case.name);
        assert_eq!(report.band(&q).map(|b| b.label.as_str()), case.band, "{}: band", case.name);
        assert_eq!(report.coverage, Coverage { rated: case.rated, total: 30 }, "{}: coverage", case.name);
        assert_eq!(report.strengths, case.strengths, "{}: strengths", case.name);
        assert_eq!(report.priorities, case.priorities, "{}: priorities", case.name);
    }

    #[test]
    fn scoring_table() {
        let mut mixed = all(Some(4));
        mixed[0] = [Some(5), Some(5), Some(5)]; // 100
        mixed[1] = [Some(1), Some(2), Some(3)]; // 25
        mixed[2] = [Some(0), Some(1), None]; // 0, one not sure, one unanswered
        mixed[6] = [Some(0), Some(0), Some(0)]; // no score
                                                // Scored: 100, 25, 0, 75 x 6 → 575 / 9 = 63.9 → 64
        let mut half = all(None);
        half[9] = [Some(3), Some(4), Some(5)]; // 75
        let mut two = all(None);
        two[3] = [Some(2), None, None]; // 25
        two[8] = [Some(4), None, None]; // 75
        let mut rounding = all(Some(3));
        rounding[0] = [Some(4), Some(4), Some(3)]; // 66.67; others 50 → (66.67+450)/10 = 51.67 → 52
        let mut boundary_40 = all(Some(3)); // every principle 50
        for row in boundary_40.iter_mut().take(6) {
            *row = [Some(3), Some(2), Some(2)]; // 33.33
        }
        // (6 * 33.33 + 4 * 50) / 10 = 40.0 → Emerging
        // One row per case, so the table reads as a table.
        #[rustfmt::skip]
        let cases = [
            Case { name: "all strongly agree", rows: all(Some(5)), overall: Some(100), band: Some("Partnership-ready"), rated: 30, strengths: &[0, 1, 2], priorities: &[3, 4, 5] },
            Case { name: "all strongly disagree", rows: all(Some(1)), overall: Some(0), band: Some("Not yet ready"), rated: 30, strengths: &[0, 1, 2], priorities: &[3, 4, 5] },
            Case { name: "all neutral", rows: all(Some(3)), overall: Some(50), band: Some("Emerging"), rated: 30, strengths: &[0, 1, 2], priorities: &[3, 4, 5] },
            Case { name: "all agree", rows: all(Some(4)), overall: Some(75), band: Some("Ready"), rated: 30, strengths: &[0, 1, 2], priorities: &[3, 4, 5] },
            Case { name: "nothing answered", rows: all(None), overall: None, band: None, rated: 0, strengths: &[], priorities: &[] },
            Case { name: "everything not sure", rows: all(Some(0)), overall: None, band: None, rated: 0, strengths: &[], priorities: &[] },
            Case { name: "mixed with not sure and gaps", rows: mixed, overall: Some(64), band: Some("Developing"), rated: 25, strengths: &[0, 3, 4], priorities: &[2, 1, 5] },
            Case { name: "one principle scored", rows: half, overall: Some(75), band: Some("Ready"), rated: 3, strengths: &[9], priorities: &[] },
            Case { name: "two principles split", rows: two, overall: Some(50), band: Some("Emerging"), rated: 2, strengths: &[8], priorities: &[3] },
            Case { name: "rounds two thirds", rows: rounding, overall: Some(52), band: Some("Emerging"), rated: 30, strengths: &[0, 1, 2], priorities: &[3, 4, 5] },
            Case { name: "band boundary at 40", rows: boundary_40, overall: Some(40), band: Some("Emerging"), rated: 30, strengths: &[6, 7, 8], priorities: &[0, 1, 2] },
        ];
        for case in cases {
            check(case);
        }
    }

    #[test]
    fn principle_scores_average_only_rated_statements() {
        let q = Questionnaire::builtin();
        let mut rows = all(None);
        rows[0] = [Some(2), Some(0), Some(5)];
        let report = Report::score(&q, &responses(&q, &rows));
        let first = &report.principles[0];
        assert_eq!((first.score, first.rated, first.not_sure, first.total), (Some(62.5), 2, 1, 3));
        assert_eq!(report.principles[1].score, None);
    }

    #[test]
    fn weights_shift_the_overall_score() {
        let mut q = Questionnaire::builtin();
        q.principles[0].weight = 3.0;
        let mut rows = all(None);
        rows[0] = [Some(5); 3]; // 100, weight 3
        rows[1] = [Some(1); 3]; // 0, weight 1
        let report = Report::score(&q, &responses(&q, &rows));
        assert_eq!(report.overall, Some(75.0));
    }

    #[test]
    fn only_not_sure_is_recognised() {
        let q = Questionnaire::builtin();
        assert!(Report::score(&q, &responses(&q, &all(Some(0)))).only_not_sure());
        assert!(!Report::score(&q, &responses(&q, &all(None))).only_not_sure());
        assert!(!Report::score(&q, &responses(&q, &all(Some(3)))).only_not_sure());
    }

    #[test]
    fn rounding_and_coverage_percent() {
        assert_eq!(round_score(39.5), 40);
        assert_eq!(round_score(39.49), 39);
        assert_eq!(round_score(-3.0), 0);
        assert_eq!(round_score(100.4), 100);
        assert_eq!(Coverage { rated: 20, total: 30 }.percent(), 67);
        assert_eq!(Coverage { rated: 0, total: 0 }.percent(), 0);
    }
}
