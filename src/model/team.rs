//! Several colleagues' results of one questionnaire read as one picture, before
//! the team meets its partner: per principle the median of the members' scores,
//! the lowest and the highest; overall the median and the range; where the team
//! disagrees (principles and statements); what it agrees is strong or weak; and
//! the gaps between the team and a partner.
//!
//! Figures are of the scores as shown (whole numbers), as in a comparison, so
//! the numbers a person reads add up. With an even number of members the median
//! is the mean of the two middle scores, rounded half up (50 and 75 → 63).
//! Members answered on different versions of the questionnaire are scored on
//! the statements every member answered, and the report says so.
//!
//! A [`Team`] is what a facilitator keeps: a name and the members' results
//! (copies, so a team stays whole when a result is deleted from the history).

use super::history::{QuestionnaireRef, SavedResult};
use super::questionnaire::Questionnaire;
use super::responses::{Answer, Rating};
use super::scoring::{round_score, Report};
use super::unique::heap_sort;

/// The most teams one browser keeps per storage key.
pub const MAX_TEAMS: usize = 50;
/// The most members a team has: a partnership's working group, not a company
/// survey (and a team link stays short enough for chat programs).
pub const MAX_MEMBERS: usize = 30;
/// Longest team name, in characters.
pub const TEAM_NAME_MAX_CHARS: usize = 80;

/// A team: its members' results, read together.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Random 64-bit, unique within a browser's teams (as result ids are).
    pub id: u64,
    pub name: String,
    /// Milliseconds since the Unix epoch, when the team was made.
    pub created_ms: u64,
    /// Whether members are shown by their labels; by default they are
    /// "Member 1", "Member 2", … (the facilitator turns names on).
    pub show_names: bool,
    /// Each member's result, in the order added, all on one questionnaire.
    pub members: Vec<SavedResult>,
}

impl Team {
    /// Holds a team from outside (a link, a file, storage) to the rules: name
    /// trimmed and capped, members capped, each member's result normalized,
    /// repeated members left out.
    pub fn normalize(&mut self) {
        self.name = super::responses::truncate_chars(self.name.trim(), TEAM_NAME_MAX_CHARS);
        self.members.truncate(MAX_MEMBERS);
        for member in &mut self.members {
            member.normalize();
        }
        let mut kept: Vec<SavedResult> = Vec::with_capacity(self.members.len());
        for member in std::mem::take(&mut self.members) {
            if !kept.iter().any(|k| same_member(k, &member)) {
                kept.push(member);
            }
        }
        self.members = kept;
    }

    /// Adds the members not already in the team, up to [`MAX_MEMBERS`]:
    /// how many were added, how many were there already, and how many did
    /// not fit.
    pub fn add_members(&mut self, incoming: Vec<SavedResult>) -> MembersAdded {
        let mut outcome = MembersAdded::default();
        for member in incoming {
            if self.members.iter().any(|m| same_member(m, &member)) {
                outcome.known += 1;
            } else if self.members.len() >= MAX_MEMBERS {
                outcome.no_room += 1;
            } else {
                self.members.push(member);
                outcome.added += 1;
            }
        }
        outcome
    }

    /// The team as one side of a comparison or an agenda: named `name`, with
    /// its members' notes on each principle together, each after its member's
    /// name (`member_names`, in member order), and the overall median. It has
    /// no answers: a team's scores are its medians ([`TeamReport`]).
    pub fn as_side(&self, name: &str, member_names: &[String], overall: Option<u8>) -> SavedResult {
        let mut responses = super::responses::Responses::default();
        let mut principles: Vec<&str> =
            self.members.iter().flat_map(|m| m.responses.notes.iter().map(|(id, _)| id)).collect();
        heap_sort(&mut principles);
        principles.dedup();
        for principle in principles {
            let notes: Vec<String> = self
                .members
                .iter()
                .zip(member_names)
                .filter(|(member, _)| !member.responses.note(principle).is_empty())
                .map(|(member, who)| format!("{who}: {}", member.responses.note(principle)))
                .collect();
            responses.notes.insert(principle, notes.join(" \u{00b7} "));
        }
        SavedResult {
            id: self.id,
            finished_at_ms: self.created_ms,
            label: name.to_owned(),
            questionnaire: self.members.first().map(|m| m.questionnaire.clone()).unwrap_or(QuestionnaireRef {
                id: String::new(),
                version: String::new(),
                content_hash: String::new(),
            }),
            responses,
            overall,
            band_label: None,
            received: false,
        }
    }

    /// The members' results, as [`TeamReport::of`] takes them.
    pub fn member_results(&self) -> Vec<&SavedResult> {
        self.members.iter().collect()
    }
}

/// What adding members did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MembersAdded {
    pub added: usize,
    /// The same result was in the team already (from a link, a file or history).
    pub known: usize,
    /// The team was full.
    pub no_room: usize,
}

/// Whether two results are one member's: the same answers, finished at the
/// same moment on the same questionnaire. Labels and notes do not count, so a
/// result added from history and again from its link (which may carry no
/// label) is recognised.
pub fn same_member(a: &SavedResult, b: &SavedResult) -> bool {
    a.finished_at_ms == b.finished_at_ms
        && a.questionnaire == b.questionnaire
        && a.responses.answers == b.responses.answers
}

/// The teams after merging my changes since `base` into `theirs` (what
/// storage holds now), as results are merged (`saved::merge_history`): a team
/// added or changed here is mine, a team deleted here is gone, every other
/// team is as stored (added, changed or deleted elsewhere).
pub fn merge_teams(base: &[Team], mine: &[Team], theirs: &[Team]) -> Vec<Team> {
    let in_base = |id: u64| base.iter().find(|t| t.id == id);
    let in_mine = |id: u64| mine.iter().find(|t| t.id == id);
    let mut merged: Vec<Team> = theirs
        .iter()
        .filter_map(|stored| match (in_base(stored.id), in_mine(stored.id)) {
            (Some(_), None) => None,
            (Some(before), Some(now)) if now != before => Some(now.clone()),
            (None, Some(now)) => Some(now.clone()),
            _ => Some(stored.clone()),
        })
        .collect();
    for team in mine {
        let changed_here = in_base(team.id) != Some(team);
        if changed_here && !merged.iter().any(|t| t.id == team.id) {
            merged.push(team.clone());
        }
    }
    merged
}

/// Highest and lowest member this far apart or more: the team disagrees.
pub const DISAGREE_SPREAD: u8 = 50;
/// Agreed: the members' scores lie less than this far apart.
pub const AGREED_SPREAD_BELOW: u8 = 25;
/// An agreed strength: median at least this.
pub const AGREED_STRENGTH_FROM: u8 = 75;
/// An agreed priority: median below this.
pub const AGREED_PRIORITY_BELOW: u8 = 60;
/// A statement whose answers span this many scale steps or more is listed.
pub const STATEMENT_SPAN_STEPS: u8 = 3;

/// The median of `scores`: the middle one, or with an even count the mean of
/// the two middle ones rounded half up; `None` without scores.
pub fn median(scores: &[u8]) -> Option<u8> {
    let mut sorted = scores.to_vec();
    heap_sort(&mut sorted);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[middle]),
        // Half up: the sum's half rounded up. At most 100, so the cast keeps it.
        _ => Some((u16::from(sorted[middle - 1]) + u16::from(sorted[middle])).div_ceil(2) as u8),
    }
}

/// The lowest, median and highest of some scores (all `None` without scores).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spread {
    pub lowest: Option<u8>,
    pub median: Option<u8>,
    pub highest: Option<u8>,
    /// How many scores there were.
    pub count: usize,
}

impl Spread {
    pub fn of(scores: &[u8]) -> Self {
        Spread {
            lowest: scores.iter().copied().min(),
            median: median(scores),
            highest: scores.iter().copied().max(),
            count: scores.len(),
        }
    }

    /// Highest minus lowest, when there is a score.
    pub fn range(&self) -> Option<u8> {
        Some(self.highest? - self.lowest?)
    }
}

/// One principle across the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamPrinciple {
    pub index: usize,
    /// Each member's rounded score, in member order (`None`: not rated).
    pub members: Vec<Option<u8>>,
    /// Of the members who rated it.
    pub spread: Spread,
}

/// A statement the members answered far apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementSpan {
    pub principle: usize,
    /// The statement's position within its principle.
    pub statement: usize,
    pub lowest: Rating,
    pub highest: Rating,
}

impl StatementSpan {
    /// How many scale steps the answers span.
    pub fn steps(&self) -> u8 {
        self.highest.value() - self.lowest.value()
    }
}

/// A team's results on one questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamReport {
    /// In questionnaire order.
    pub principles: Vec<TeamPrinciple>,
    /// The members' rounded overall scores (`None`: no score), in member order.
    pub overall_members: Vec<Option<u8>>,
    /// Of the members' overall scores.
    pub overall: Spread,
    /// Statements answered three or more scale steps apart, widest first
    /// (ties in questionnaire order).
    pub statement_spans: Vec<StatementSpan>,
    /// Members answered different versions of the questions: only the
    /// statements every member answered are scored.
    pub different_versions: bool,
}

impl TeamReport {
    pub fn of(questionnaire: &Questionnaire, members: &[&SavedResult]) -> Self {
        let different_versions =
            members.windows(2).any(|pair| pair[0].questionnaire.content_hash != pair[1].questionnaire.content_hash);
        let all_answered =
            |id: &str| !different_versions || members.iter().all(|member| member.responses.answer(id).is_some());
        let reports: Vec<Report> =
            members.iter().map(|member| Report::score_where(questionnaire, &member.responses, all_answered)).collect();

        let principles = (0..questionnaire.principles.len())
            .map(|index| {
                let scores: Vec<Option<u8>> =
                    reports.iter().map(|report| report.principles[index].score.map(round_score)).collect();
                let rated: Vec<u8> = scores.iter().flatten().copied().collect();
                TeamPrinciple { index, spread: Spread::of(&rated), members: scores }
            })
            .collect();
        let overall_members: Vec<Option<u8>> = reports.iter().map(Report::rounded_overall).collect();
        let overall = Spread::of(&overall_members.iter().flatten().copied().collect::<Vec<_>>());

        let mut spans: Vec<StatementSpan> = Vec::new();
        for (principle, p) in questionnaire.principles.iter().enumerate() {
            for (statement, s) in p.statements.iter().enumerate() {
                let ratings: Vec<Rating> = members
                    .iter()
                    .filter_map(|member| match member.responses.answer(&s.id) {
                        Some(Answer::Rated(rating)) => Some(rating),
                        _ => None,
                    })
                    .collect();
                let (Some(&lowest), Some(&highest)) = (ratings.iter().min(), ratings.iter().max()) else { continue };
                let span = StatementSpan { principle, statement, lowest, highest };
                if span.steps() >= STATEMENT_SPAN_STEPS {
                    spans.push(span);
                }
            }
        }
        // Widest first, then questionnaire order (the order found).
        let mut order: Vec<(u64, usize)> =
            spans.iter().enumerate().map(|(position, span)| (u64::from(u8::MAX - span.steps()), position)).collect();
        heap_sort(&mut order);
        let statement_spans = order.into_iter().map(|(_, position)| spans[position]).collect();

        TeamReport { principles, overall_members, overall, statement_spans, different_versions }
    }

    /// Principles whose highest and lowest member are [`DISAGREE_SPREAD`] or
    /// more apart, widest first (ties in questionnaire order).
    pub fn disagreements(&self) -> Vec<usize> {
        let mut keyed: Vec<(u64, usize)> = self
            .principles
            .iter()
            .filter_map(|p| {
                let range = p.spread.range()?;
                (range >= DISAGREE_SPREAD).then_some((u64::from(100 - range), p.index))
            })
            .collect();
        heap_sort(&mut keyed);
        keyed.into_iter().map(|(_, index)| index).collect()
    }

    /// Median at least [`AGREED_STRENGTH_FROM`] with a range below
    /// [`AGREED_SPREAD_BELOW`], in questionnaire order.
    pub fn agreed_strengths(&self) -> Vec<usize> {
        self.agreed(|median| median >= AGREED_STRENGTH_FROM)
    }

    /// Median below [`AGREED_PRIORITY_BELOW`] with a range below
    /// [`AGREED_SPREAD_BELOW`], in questionnaire order.
    pub fn agreed_priorities(&self) -> Vec<usize> {
        self.agreed(|median| median < AGREED_PRIORITY_BELOW)
    }

    fn agreed(&self, keep: impl Fn(u8) -> bool) -> Vec<usize> {
        self.principles
            .iter()
            .filter(|p| {
                matches!((p.spread.median, p.spread.range()), (Some(median), Some(range)) if keep(median) && range < AGREED_SPREAD_BELOW)
            })
            .map(|p| p.index)
            .collect()
    }

    /// Per principle the gap between the team's median and `partner`'s score
    /// (the partner's scores in questionnaire order, rounded: a single result,
    /// or another team's medians); `None` where either side has no score.
    pub fn gaps_to(&self, partner: &[Option<u8>]) -> Vec<Option<u8>> {
        self.principles
            .iter()
            .map(|p| Some(p.spread.median?.abs_diff(partner.get(p.index).copied().flatten()?)))
            .collect()
    }

    /// The team's medians in questionnaire order: what another team is compared with.
    pub fn medians(&self) -> Vec<Option<u8>> {
        self.principles.iter().map(|p| p.spread.median).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Responses;

    /// A member who answers each principle's three statements alike with
    /// `ratings[p]` (1–5, 0: leaves it unanswered).
    fn member(q: &Questionnaire, ratings: [u8; 10]) -> SavedResult {
        let mut responses = Responses::default();
        for (principle, &value) in q.principles.iter().zip(&ratings) {
            if let Some(rating) = Rating::from_value(value) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(rating));
                }
            }
        }
        SavedResult::finish(q, responses, "", 1, 1_700_000_000_000)
    }

    #[test]
    fn the_median_is_the_middle_score_or_the_two_middle_ones_rounded_half_up() {
        for (scores, expected) in [
            (&[][..], None),
            (&[40][..], Some(40)),
            (&[75, 25, 50][..], Some(50)),
            (&[50, 75][..], Some(63)),
            (&[0, 25, 50, 100][..], Some(38)),
            (&[100, 100][..], Some(100)),
            (&[0, 0, 100, 100][..], Some(50)),
            (&[33, 34][..], Some(34)),
            (&[10, 90, 20, 80, 50][..], Some(50)),
        ] {
            assert_eq!(median(scores), expected, "{scores:?}");
        }
    }

    #[test]
    fn each_principle_has_its_median_lowest_highest_and_count_of_raters() {
        let q = Questionnaire::builtin();
        // Principle 1: 100, 25, 50 → median 50, range 75. Principle 2: 75, 75, unrated.
        // Principle 3: unrated by all. Principle 4: 25, 50 and 100 → 50.
        let members = [
            member(&q, [5, 4, 0, 2, 3, 3, 3, 3, 3, 3]),
            member(&q, [2, 4, 0, 3, 3, 3, 3, 3, 3, 3]),
            member(&q, [3, 0, 0, 5, 3, 3, 3, 3, 3, 3]),
        ];
        let team = TeamReport::of(&q, &members.iter().collect::<Vec<_>>());
        let spread = |i: usize| team.principles[i].spread;
        assert_eq!(spread(0), Spread { lowest: Some(25), median: Some(50), highest: Some(100), count: 3 });
        assert_eq!(spread(1), Spread { lowest: Some(75), median: Some(75), highest: Some(75), count: 2 });
        assert_eq!(spread(2), Spread::default(), "rated by nobody");
        assert_eq!(spread(3).median, Some(50));
        assert_eq!(team.principles[1].members, [Some(75), Some(75), None]);
        // Overall, each member's own average: 500 / 9 → 56, 450 / 9 = 50, 450 / 8 → 56.
        assert_eq!(team.overall_members, [Some(56), Some(50), Some(56)]);
        assert_eq!(team.overall, Spread { lowest: Some(50), median: Some(56), highest: Some(56), count: 3 });
        assert!(!team.different_versions);
    }

    #[test]
    fn one_member_is_a_team_of_one_and_an_even_team_takes_the_middle_pair() {
        let q = Questionnaire::builtin();
        let one = member(&q, [4; 10]);
        let team = TeamReport::of(&q, &[&one]);
        assert_eq!(
            team.principles[0].spread,
            Spread { lowest: Some(75), median: Some(75), highest: Some(75), count: 1 }
        );
        assert_eq!(team.overall.median, Some(75));
        let (a, b) = (member(&q, [3; 10]), member(&q, [4; 10]));
        let pair = TeamReport::of(&q, &[&a, &b]);
        assert_eq!(pair.principles[9].spread.median, Some(63), "50 and 75: 62.5 rounded half up");
        assert_eq!(pair.overall.median, Some(63));
    }

    #[test]
    fn disagreements_widest_first_and_agreement_both_ways() {
        let q = Questionnaire::builtin();
        // Ranges: p1 100, p2 50, p3 25, p4 0 (75s), p5 0 (25s), p6 25 (100, 75), p7 0 (50s).
        let members = [
            member(&q, [1, 2, 3, 4, 2, 5, 3, 3, 3, 3]),
            member(&q, [5, 4, 4, 4, 2, 4, 3, 3, 3, 3]),
            member(&q, [3, 3, 3, 4, 2, 5, 3, 3, 3, 3]),
        ];
        let team = TeamReport::of(&q, &members.iter().collect::<Vec<_>>());
        assert_eq!(team.disagreements(), [0, 1], "100 apart, then 50 apart");
        assert_eq!(team.agreed_strengths(), [3], "75 with no spread; p6 (median 100) spans 25, not agreed");
        assert_eq!(team.agreed_priorities(), [4, 6, 7, 8, 9], "medians below 60 with a range below 25");
    }

    #[test]
    fn statements_answered_three_or_more_steps_apart_are_listed_widest_first() {
        let q = Questionnaire::builtin();
        let mut a = member(&q, [3; 10]);
        let mut b = member(&q, [3; 10]);
        let id = |p: usize, s: usize| q.principles[p].statements[s].id.clone();
        a.responses.set_answer(&id(2, 1), Answer::Rated(Rating::StronglyDisagree));
        b.responses.set_answer(&id(2, 1), Answer::Rated(Rating::Agree));
        a.responses.set_answer(&id(7, 0), Answer::Rated(Rating::StronglyDisagree));
        b.responses.set_answer(&id(7, 0), Answer::Rated(Rating::StronglyAgree));
        a.responses.set_answer(&id(0, 0), Answer::Rated(Rating::Disagree));
        b.responses.set_answer(&id(0, 0), Answer::Rated(Rating::Agree));
        b.responses.set_answer(&id(5, 2), Answer::NotSure);
        let team = TeamReport::of(&q, &[&a, &b]);
        let spans: Vec<(usize, usize, u8)> =
            team.statement_spans.iter().map(|s| (s.principle, s.statement, s.steps())).collect();
        assert_eq!(spans, [(7, 0, 4), (2, 1, 3)], "two steps apart is not listed; not sure is no answer");
    }

    #[test]
    fn gaps_to_a_partner_or_another_team_are_from_the_median() {
        let q = Questionnaire::builtin();
        let team_members = [member(&q, [5, 3, 2, 0, 3, 3, 3, 3, 3, 3]), member(&q, [4, 3, 2, 0, 3, 3, 3, 3, 3, 3])];
        let team = TeamReport::of(&q, &team_members.iter().collect::<Vec<_>>());
        let partner = member(&q, [2, 3, 5, 4, 0, 3, 3, 3, 3, 3]);
        let partner_scores: Vec<Option<u8>> =
            Report::score(&q, &partner.responses).principles.iter().map(|p| p.score.map(round_score)).collect();
        let gaps = team.gaps_to(&partner_scores);
        // Medians 88 (100, 75), 50, 25, none, 50 against 25, 50, 100, 75, none.
        assert_eq!(gaps[..5], [Some(63), Some(0), Some(75), None, None]);
        let other = TeamReport::of(&q, &[&partner]);
        assert_eq!(team.gaps_to(&other.medians()), gaps, "another team: its medians");
    }

    fn team(id: u64, name: &str, members: Vec<SavedResult>) -> Team {
        Team { id, name: name.into(), created_ms: 1, show_names: false, members }
    }

    #[test]
    fn the_same_result_is_one_member_whatever_its_label_and_a_team_has_room_for_thirty() {
        let q = Questionnaire::builtin();
        let ana = member(&q, [4; 10]);
        let mut from_link = ana.clone();
        from_link.label = String::new();
        from_link.received = true;
        from_link.id = 99;
        let mut t = team(1, "Sales", vec![ana.clone()]);
        let outcome = t.add_members(vec![from_link, member(&q, [2; 10])]);
        assert_eq!(outcome, MembersAdded { added: 1, known: 1, no_room: 0 });
        assert_eq!(t.members.len(), 2);
        let more: Vec<SavedResult> = (0..40)
            .map(|i| {
                let mut m = member(&q, [3; 10]);
                m.finished_at_ms += i;
                m
            })
            .collect();
        let outcome = t.add_members(more);
        assert_eq!(outcome, MembersAdded { added: MAX_MEMBERS - 2, known: 0, no_room: 12 });
        assert_eq!(t.members.len(), MAX_MEMBERS);
    }

    #[test]
    fn a_team_from_outside_is_normalized() {
        let q = Questionnaire::builtin();
        let a = member(&q, [4; 10]);
        let mut t = team(1, &format!("  {}  ", "x".repeat(200)), vec![a.clone(), a.clone(), member(&q, [1; 10])]);
        t.normalize();
        assert_eq!(t.name.chars().count(), TEAM_NAME_MAX_CHARS);
        assert_eq!(t.members.len(), 2, "the repeated member is left out");
    }

    #[test]
    fn teams_merge_like_results() {
        let q = Questionnaire::builtin();
        let (a, b, c) = (team(1, "A", vec![]), team(2, "B", vec![]), team(3, "C", vec![]));
        let base = vec![a.clone(), b.clone()];
        // Here: B renamed, A deleted, D added. Elsewhere: C added, B given a member.
        let mut b_here = b.clone();
        b_here.name = "B renamed".into();
        let d = team(4, "D", vec![]);
        let mine = vec![b_here.clone(), d.clone()];
        let mut b_there = b.clone();
        b_there.members.push(member(&q, [4; 10]));
        let theirs = vec![a.clone(), b_there.clone(), c.clone()];
        let merged = merge_teams(&base, &mine, &theirs);
        let names: Vec<&str> = merged.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["B renamed", "C", "D"], "changed here wins, deleted here goes, added both sides stay");
        // Unchanged here: theirs as stored.
        assert_eq!(merge_teams(&base, &base, &theirs), theirs);
        // Deleted elsewhere, unchanged here: stays deleted.
        assert_eq!(merge_teams(&base, &base, std::slice::from_ref(&b)), vec![b]);
    }

    #[test]
    fn a_team_as_one_side_carries_its_name_median_and_members_notes() {
        let q = Questionnaire::builtin();
        let mut a = member(&q, [4; 10]);
        let mut b = member(&q, [2; 10]);
        a.responses.set_note(&q.principles[1].id, "Bring numbers.");
        b.responses.set_note(&q.principles[1].id, "Legal joins.");
        b.responses.set_note(&q.principles[3].id, "Later.");
        let t = team(7, "Sales", vec![a, b]);
        let side = t.as_side("Sales", &["Member 1".into(), "Member 2".into()], Some(50));
        assert_eq!((side.label.as_str(), side.overall, side.received), ("Sales", Some(50), false));
        assert_eq!(
            side.responses.note(&q.principles[1].id),
            "Member 1: Bring numbers. \u{00b7} Member 2: Legal joins."
        );
        assert_eq!(side.responses.note(&q.principles[3].id), "Member 2: Later.");
        assert!(side.responses.answers.is_empty());
    }

    #[test]
    fn members_on_different_versions_are_scored_on_what_all_answered() {
        let q = Questionnaire::builtin();
        let mut a = member(&q, [5; 10]);
        let mut b = member(&q, [1; 10]);
        b.questionnaire.content_hash = "an earlier version".into();
        // b never saw the first statement of principle 1: a's answer to it does not count.
        let first = q.principles[0].statements[0].id.clone();
        b.responses.answers.remove(&first);
        a.responses.set_answer(&q.principles[0].statements[1].id, Answer::Rated(Rating::Neutral));
        let team = TeamReport::of(&q, &[&a, &b]);
        assert!(team.different_versions);
        // a on principle 1: statements 2 (50) and 3 (100) → 75; b: 0.
        assert_eq!(team.principles[0].members, [Some(75), Some(0)]);
    }
}
