//! A partner-meeting agenda from one result (its weakest principles) or from a
//! comparison (the largest gaps, shared priorities, then the other
//! differences): the candidate topics in order of urgency, the few suggested
//! for the meeting's length, and the plan for the topics the person keeps —
//! each with the scores behind its choice, the principle's discussion
//! questions and a suggested time, framed by an opening and agreeing
//! decisions and owners.

use super::compare::Comparison;
use super::scoring::{round_score, Report};
use super::unique::heap_sort;

/// The meeting lengths offered, in minutes.
pub const LENGTHS: [u32; 3] = [30, 60, 90];
/// Minutes for the opening, and again for agreeing decisions and owners.
pub const FRAME_MINUTES: u32 = 5;
/// Topic times are multiples of this, and no topic gets less.
const STEP: u32 = 5;
/// A topic with at least this many minutes gets all three discussion questions,
/// a shorter one two.
const MINUTES_FOR_THREE_QUESTIONS: u32 = 15;

/// Why a principle is a topic, with the scores behind the choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// One of the weakest principles of a single result.
    Weak { score: u8 },
    /// The two sides see it far apart.
    Gap { a: u8, b: u8 },
    /// Both sides score it low.
    SharedPriority { a: u8, b: u8 },
    /// The largest of the remaining gaps.
    Difference { a: u8, b: u8 },
}

/// A principle that could be a topic, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The principle, by position.
    pub principle: usize,
    pub reason: Reason,
}

/// One topic of the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// The principle, by position.
    pub principle: usize,
    pub reason: Reason,
    pub minutes: u32,
    /// How many of the principle's discussion questions to take (2 or 3).
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    pub minutes: u32,
    pub topics: Vec<Topic>,
}

impl Agenda {
    /// The minutes the plan needs: the frame and every topic. More than
    /// `minutes` when the person kept more topics than fit.
    pub fn planned_minutes(&self) -> u32 {
        2 * FRAME_MINUTES + self.topics.iter().map(|t| t.minutes).sum::<u32>()
    }
}

/// How many topics fit a meeting: 3 in 30 minutes, 4 in 60, 5 in 90.
pub fn topic_count(minutes: u32) -> usize {
    match minutes {
        0..=30 => 3,
        31..=60 => 4,
        _ => 5,
    }
}

/// Splits the meeting's time between `count` topics, in 5-minute steps, the
/// earlier (more pressing) topics getting any remainder; every topic gets at
/// least 5 minutes, even when that runs over.
fn allot(minutes: u32, count: usize) -> Vec<u32> {
    let Ok(count_u32) = u32::try_from(count) else { return Vec::new() };
    if count_u32 == 0 {
        return Vec::new();
    }
    let available = minutes.saturating_sub(2 * FRAME_MINUTES);
    let base = (available / count_u32 / STEP * STEP).max(STEP);
    let mut extra = available.saturating_sub(base * count_u32) / STEP;
    (0..count)
        .map(|_| {
            let bonus = if extra > 0 {
                extra -= 1;
                STEP
            } else {
                0
            };
            base + bonus
        })
        .collect()
}

/// The plan for `chosen` topics (in the order given) in a meeting of `minutes`.
pub fn plan(minutes: u32, chosen: &[Candidate]) -> Agenda {
    let times = allot(minutes, chosen.len());
    let topics = chosen
        .iter()
        .zip(times)
        .map(|(candidate, minutes)| Topic {
            principle: candidate.principle,
            reason: candidate.reason,
            minutes,
            questions: if minutes >= MINUTES_FOR_THREE_QUESTIONS { 3 } else { 2 },
        })
        .collect();
    Agenda { minutes, topics }
}

/// The scored principles of one result, weakest first.
pub fn candidates_for_result(report: &Report) -> Vec<Candidate> {
    candidates_for_scores(&report.principles.iter().map(|p| p.score.map(round_score)).collect::<Vec<_>>())
}

/// [`candidates_for_result`] of principle scores in questionnaire order (a
/// result's, rounded, or a team's medians).
pub fn candidates_for_scores(scores: &[Option<u8>]) -> Vec<Candidate> {
    let mut scored: Vec<(u64, usize)> =
        scores.iter().enumerate().filter_map(|(index, score)| Some((u64::from((*score)?), index))).collect();
    heap_sort(&mut scored);
    scored
        .into_iter()
        .map(|(score, principle)| Candidate { principle, reason: Reason::Weak { score: score as u8 } })
        .collect()
}

/// From a comparison, every principle both sides scored: the largest gaps,
/// then shared priorities (lowest first), then the remaining differences
/// (largest first).
pub fn candidates_for_comparison(comparison: &Comparison) -> Vec<Candidate> {
    let scores = |index: usize| {
        let p = &comparison.principles[index];
        Some((p.a?, p.b?))
    };
    let mut picked: Vec<Candidate> = Vec::new();
    let mut add = |index: usize, reason: fn(u8, u8) -> Reason| {
        if let Some((a, b)) = scores(index) {
            if !picked.iter().any(|c| c.principle == index) {
                picked.push(Candidate { principle: index, reason: reason(a, b) });
            }
        }
    };
    for index in comparison.talk_first() {
        add(index, |a, b| Reason::Gap { a, b });
    }
    let mut shared: Vec<(u64, usize)> = comparison
        .shared_priorities()
        .into_iter()
        .filter_map(|index| scores(index).map(|(a, b)| (u64::from(a) + u64::from(b), index)))
        .collect();
    heap_sort(&mut shared);
    for (_, index) in shared {
        add(index, |a, b| Reason::SharedPriority { a, b });
    }
    for index in comparison.by_gap() {
        add(index, |a, b| Reason::Difference { a, b });
    }
    picked
}

/// The topics suggested for a meeting of `minutes`: the first candidates that
/// fit, keeping a slot for the most pressing shared priority (both sides low
/// is always worth the meeting's time, however many gaps there are).
pub fn suggested(candidates: &[Candidate], minutes: u32) -> Vec<Candidate> {
    let count = topic_count(minutes);
    let mut chosen: Vec<Candidate> = candidates.iter().take(count).copied().collect();
    let is_shared = |c: &Candidate| matches!(c.reason, Reason::SharedPriority { .. });
    if !chosen.iter().any(is_shared) {
        if let Some(shared) = candidates.iter().find(|c| is_shared(c)) {
            chosen.truncate(count.saturating_sub(1));
            chosen.push(*shared);
        }
    }
    chosen
}

/// The agenda of one result, as suggested for `minutes`.
pub fn for_result(report: &Report, minutes: u32) -> Agenda {
    plan(minutes, &suggested(&candidates_for_result(report), minutes))
}

/// The agenda of a comparison, as suggested for `minutes`.
pub fn for_comparison(comparison: &Comparison, minutes: u32) -> Agenda {
    plan(minutes, &suggested(&candidates_for_comparison(comparison), minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Questionnaire, Rating, Responses, SavedResult};

    fn result(ratings: [Option<u8>; 10]) -> SavedResult {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for (principle, rating) in q.principles.iter().zip(ratings) {
            for statement in &principle.statements {
                match rating {
                    Some(0) => responses.set_answer(&statement.id, Answer::NotSure),
                    Some(v) => responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(v).unwrap())),
                    None => {}
                }
            }
        }
        SavedResult::finish(&q, responses, "", 0, 0)
    }

    #[test]
    fn time_is_shared_in_five_minute_steps() {
        assert_eq!(allot(30, 3), [10, 5, 5]);
        assert_eq!(allot(60, 4), [15, 15, 10, 10]);
        assert_eq!(allot(90, 5), [20, 15, 15, 15, 15]);
        assert_eq!(allot(90, 2), [40, 40]);
        assert!(allot(60, 0).is_empty());
        // More topics than fit: five minutes each, running over.
        assert_eq!(allot(30, 6), [5, 5, 5, 5, 5, 5]);
        for minutes in LENGTHS {
            let count = topic_count(minutes);
            assert_eq!(allot(minutes, count).iter().sum::<u32>() + 2 * FRAME_MINUTES, minutes);
        }
    }

    #[test]
    fn one_result_puts_its_weakest_principles_on_the_agenda() {
        let q = Questionnaire::builtin();
        // Scores 75, 25, 50, 0, 100, not sure, unanswered, 25, 75, 50.
        let r = result([Some(4), Some(2), Some(3), Some(1), Some(5), Some(0), None, Some(2), Some(4), Some(3)]);
        let report = crate::model::Report::score(&q, &r.responses);
        let a = for_result(&report, 60);
        let picked: Vec<(usize, Reason)> = a.topics.iter().map(|t| (t.principle, t.reason)).collect();
        assert_eq!(
            picked,
            [
                (3, Reason::Weak { score: 0 }),
                (1, Reason::Weak { score: 25 }),
                (7, Reason::Weak { score: 25 }),
                (2, Reason::Weak { score: 50 })
            ]
        );
        assert_eq!(
            a.topics.iter().map(|t| (t.minutes, t.questions)).collect::<Vec<_>>(),
            [(15, 3), (15, 3), (10, 2), (10, 2)]
        );
        // Only two scored principles: two topics, sharing the time.
        let sparse = result([Some(2), Some(4), None, None, None, None, None, None, None, None]);
        let short = for_result(&crate::model::Report::score(&q, &sparse.responses), 30);
        assert_eq!(short.topics.iter().map(|t| (t.principle, t.minutes)).collect::<Vec<_>>(), [(0, 10), (1, 10)]);
    }

    #[test]
    fn a_comparison_puts_gaps_first_then_shared_priorities() {
        let q = Questionnaire::builtin();
        // A: 100 75 50 25  0 75 50  –  75 50
        // B:  25 75 50 50  0 100 25 75  –  50
        let a = result([Some(5), Some(4), Some(3), Some(2), Some(1), Some(4), Some(3), Some(0), Some(4), Some(3)]);
        let b = result([Some(2), Some(4), Some(3), Some(3), Some(1), Some(5), Some(2), Some(4), None, Some(3)]);
        let c = Comparison::of(&q, &a, &b);
        let picked = |minutes| {
            for_comparison(&c, minutes).topics.into_iter().map(|t| (t.principle, t.reason)).collect::<Vec<_>>()
        };
        // Four gaps, and the shared priority (both 0) still gets a slot at every length.
        assert_eq!(
            picked(30),
            [
                (0, Reason::Gap { a: 100, b: 25 }),
                (3, Reason::Gap { a: 25, b: 50 }),
                (4, Reason::SharedPriority { a: 0, b: 0 })
            ]
        );
        assert_eq!(
            picked(60),
            [
                (0, Reason::Gap { a: 100, b: 25 }),
                (3, Reason::Gap { a: 25, b: 50 }),
                (5, Reason::Gap { a: 75, b: 100 }),
                (4, Reason::SharedPriority { a: 0, b: 0 }),
            ]
        );
        assert_eq!(
            picked(90),
            [
                (0, Reason::Gap { a: 100, b: 25 }),
                (3, Reason::Gap { a: 25, b: 50 }),
                (5, Reason::Gap { a: 75, b: 100 }),
                (6, Reason::Gap { a: 50, b: 25 }),
                (4, Reason::SharedPriority { a: 0, b: 0 }),
            ]
        );
        // Every principle both scored is a candidate, the rest by gap.
        let all: Vec<usize> = candidates_for_comparison(&c).iter().map(|c| c.principle).collect();
        assert_eq!(all, [0, 3, 5, 6, 4, 2, 9, 1]);
        // The person keeps other topics: times follow the topics kept.
        let kept = [candidates_for_comparison(&c)[5], candidates_for_comparison(&c)[0]];
        let custom = plan(60, &kept);
        assert_eq!(custom.topics.iter().map(|t| (t.principle, t.minutes)).collect::<Vec<_>>(), [(2, 25), (0, 25)]);
        assert_eq!(custom.planned_minutes(), 60);
        assert_eq!(plan(30, &candidates_for_comparison(&c)).planned_minutes(), 50, "eight topics run over");
        // No gaps at all: shared priorities, then the remaining differences.
        let same = Comparison::of(&q, &a, &a);
        let calm: Vec<(usize, Reason)> =
            for_comparison(&same, 60).topics.into_iter().map(|t| (t.principle, t.reason)).collect();
        assert_eq!(
            calm,
            [
                (4, Reason::SharedPriority { a: 0, b: 0 }),
                (3, Reason::SharedPriority { a: 25, b: 25 }),
                (2, Reason::SharedPriority { a: 50, b: 50 }),
                (6, Reason::SharedPriority { a: 50, b: 50 }),
            ]
        );
    }
}
