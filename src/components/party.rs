//! One side of a comparison or an agenda: a result, or a team standing in as
//! one (its name, its members' notes, its medians and ranges), so the
//! comparison and agenda screens draw both alike.

use std::borrow::Cow;

use super::team_screen::{member_name, team_name};
use super::View;
use crate::model::compare::Comparison;
use crate::model::scoring::round_score;
use crate::model::team::TeamReport;
use crate::model::{Questionnaire, Report, SavedResult};
use crate::state::{AppState, Side};

/// One side of a comparison or an agenda: a result, or a team (its medians
/// and ranges) standing in as one.
pub struct Party<'a> {
    /// The result, or the team's stand-in: its name, its members' notes and
    /// its overall median (`Team::as_side`).
    pub result: Cow<'a, SavedResult>,
    /// The team's figures, when the side is a team.
    pub team: Option<TeamReport>,
}

impl Party<'_> {
    /// Per principle the score compared: a result's, or the team's median.
    pub fn scores(&self, q: &Questionnaire) -> Vec<Option<u8>> {
        match &self.team {
            Some(report) => report.medians(),
            None => {
                Report::score(q, &self.result.responses).principles.iter().map(|p| p.score.map(round_score)).collect()
            }
        }
    }
}

/// The side `side` stands for, if it exists.
pub fn party<'a>(view: &View, state: &'a AppState, side: Side) -> Option<Party<'a>> {
    match side {
        Side::Team(id) => {
            let team = state.team(id)?;
            let report = TeamReport::of(&state.questionnaire, &team.member_results());
            let names: Vec<String> = (0..team.members.len()).map(|i| member_name(view.text, team, i)).collect();
            let stand_in = team.as_side(team_name(view.text, team), &names, report.overall.median);
            Some(Party { result: Cow::Owned(stand_in), team: Some(report) })
        }
        _ => Some(Party { result: Cow::Borrowed(state.side(side)?), team: None }),
    }
}

/// Two sides compared: results answer for answer, or by their scores when a
/// team is one of them.
pub fn comparison_of(q: &Questionnaire, a: &Party, b: &Party) -> Comparison {
    if a.team.is_none() && b.team.is_none() {
        return Comparison::of(q, &a.result, &b.result);
    }
    let different_versions = a.result.questionnaire.content_hash != b.result.questionnaire.content_hash
        || [a, b].iter().any(|p| p.team.as_ref().is_some_and(|t| t.different_versions));
    Comparison::of_scores(&a.scores(q), &b.scores(q), different_versions)
}
