//! Teams (full build): the teams saved in this browser, the one a team link
//! opened, building a team from links, files and saved results, and keeping
//! the saved teams in step with storage (merged three ways like results:
//! `model::team::merge_teams`).

use std::rc::Rc;

use super::{AppState, Screen};
use crate::codec::link::LinkError;
use crate::incoming::{MemberRefusal, Offered};
use crate::model::responses::truncate_chars;
use crate::model::team::{MembersAdded, Team, MAX_TEAMS, TEAM_NAME_MAX_CHARS};
use crate::model::SavedResult;

/// A team opened from a team link: read-only until saved.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenedTeam {
    Open(Rc<Team>),
    Unreadable(LinkError),
}

/// What adding members did, said on the team's screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AddOutcome {
    pub counts: MembersAdded,
    /// What was refused: where it came from (a pasted line, a file's name) and why.
    pub refused: Vec<(String, MemberRefusal)>,
    /// Nothing was offered at all (an empty paste).
    pub nothing: bool,
}

/// The teams' part of the full build's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Teams {
    /// The saved teams, oldest first.
    pub saved: Rc<Vec<Team>>,
    /// What storage held when this instance last read or wrote the teams.
    pub base: Rc<Vec<Team>>,
    /// Bumped by every change to the saved teams: the shell saves after it.
    pub revision: u64,
    pub opened: Option<OpenedTeam>,
    /// What the last "add members" did.
    pub added: Option<AddOutcome>,
    /// Creating a team was refused: there are [`MAX_TEAMS`] already.
    pub limit_reached: bool,
    /// How many teams the last backup imported brought back.
    pub restored: usize,
    /// Whether a team link carries the members' names and their notes.
    pub link_names: bool,
    pub link_notes: bool,
}

/// What the team screens can ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum TeamAction {
    /// Make a team named `name` (the shell passes a fresh id and the time) and open it.
    Create {
        id: u64,
        name: String,
        now_ms: u64,
    },
    /// Members offered for `team`: from pasted links or files, read by the shell.
    AddOffered {
        team: u64,
        offered: Vec<Offered>,
    },
    /// Saved results (by id) added to `team`.
    AddSaved {
        team: u64,
        results: Vec<u64>,
    },
    RemoveMember {
        team: u64,
        member: usize,
    },
    ShowNames {
        team: u64,
        on: bool,
    },
    SetLinkNames(bool),
    SetLinkNotes(bool),
    /// A team link was read (from the address or pasted).
    LinkOpened(OpenedTeam),
    /// Keep the opened team (the shell passes a fresh id and the time).
    SaveOpened {
        id: u64,
        now_ms: u64,
    },
    /// A team's file was read: kept as a new team, or why not.
    Imported {
        id: u64,
        team: Result<Team, MemberRefusal>,
    },
    /// A backup's teams (each with a fresh id): added unless saved already.
    Restored(Vec<Team>),
    /// Storage holds these teams now (read at start, or written elsewhere).
    Stored(Vec<Team>),
    /// The shell wrote these teams (the merge of ours and what was stored).
    Saved(Vec<Team>),
}

impl AppState {
    /// A saved team, by id.
    pub fn team(&self, id: u64) -> Option<&Team> {
        self.full.teams.saved.iter().find(|t| t.id == id)
    }

    /// The team a team link opened, if it is open.
    pub fn opened_team(&self) -> Option<&Team> {
        match &self.full.teams.opened {
            Some(OpenedTeam::Open(team)) => Some(team),
            _ => None,
        }
    }

    pub(super) fn apply_team(&mut self, action: TeamAction) {
        match action {
            TeamAction::Create { id, name, now_ms } => {
                if self.full.teams.saved.len() >= MAX_TEAMS {
                    self.full.teams.limit_reached = true;
                    return;
                }
                let name = truncate_chars(name.trim(), TEAM_NAME_MAX_CHARS);
                let team = Team { id, name, created_ms: now_ms, show_names: false, members: Vec::new() };
                self.change_teams(|teams| teams.push(team));
                self.open(Screen::Team(id));
            }
            TeamAction::AddOffered { team, offered } => {
                let mut outcome = AddOutcome { nothing: offered.is_empty(), ..AddOutcome::default() };
                let mut members = Vec::new();
                for Offered { source, members: result } in offered {
                    match result {
                        Ok(found) => members.extend(found),
                        Err(refusal) => outcome.refused.push((source, refusal)),
                    }
                }
                self.add_members(team, members, outcome);
            }
            TeamAction::AddSaved { team, results } => {
                let members: Vec<SavedResult> = results.iter().filter_map(|&id| self.result(id)).cloned().collect();
                let outcome = AddOutcome { nothing: members.is_empty(), ..AddOutcome::default() };
                self.add_members(team, members, outcome);
            }
            TeamAction::RemoveMember { team, member } => {
                if self.team(team).is_some_and(|t| member < t.members.len()) {
                    self.change_team(team, |t| {
                        t.members.remove(member);
                    });
                    self.full.teams.added = None;
                    self.navigation += 1;
                }
            }
            TeamAction::ShowNames { team, on } => self.change_team(team, |t| t.show_names = on),
            TeamAction::SetLinkNames(on) => {
                self.full.teams.link_names = on;
                self.full.status = None;
            }
            TeamAction::SetLinkNotes(on) => {
                self.full.teams.link_notes = on;
                self.full.status = None;
            }
            TeamAction::LinkOpened(opened) => {
                self.full.teams.opened = Some(opened);
                self.navigate(Screen::SharedTeam);
            }
            TeamAction::SaveOpened { id, now_ms } => {
                let Some(opened) = self.opened_team().cloned() else { return };
                self.keep_team(Team { id, created_ms: now_ms, ..opened });
                self.full.teams.opened = None;
            }
            TeamAction::Imported { id, team } => match team {
                Ok(team) => self.keep_team(Team { id, ..team }),
                Err(refusal) => {
                    self.full.teams.added =
                        Some(AddOutcome { refused: vec![(String::new(), refusal)], ..AddOutcome::default() })
                }
            },
            TeamAction::Restored(teams) => {
                let mut restored = 0;
                for mut team in teams {
                    team.normalize();
                    let known = self.full.teams.saved.iter().any(|t| same_team(t, &team));
                    if !known && self.full.teams.saved.len() < MAX_TEAMS {
                        self.change_teams(|teams| teams.push(team));
                        restored += 1;
                    }
                }
                self.full.teams.restored = restored;
            }
            TeamAction::Stored(teams) => self.teams_stored(teams),
            TeamAction::Saved(teams) => {
                let teams = Rc::new(teams);
                self.full.teams.base = teams.clone();
                // Unchanged since the save was asked for: what was written is current.
                self.full.teams.saved = teams;
                self.leave_missing_team();
            }
        }
    }

    /// Adds `members` to `team`, saying what happened.
    fn add_members(&mut self, team: u64, members: Vec<SavedResult>, mut outcome: AddOutcome) {
        let Some(current) = self.team(team) else { return };
        let questionnaire = &self.questionnaire.id;
        let (same, other): (Vec<SavedResult>, Vec<SavedResult>) =
            members.into_iter().partition(|m| &m.questionnaire.id == questionnaire);
        for _ in other {
            outcome.refused.push((String::new(), MemberRefusal::OtherQuestionnaire));
        }
        let mut updated = current.clone();
        outcome.counts = updated.add_members(same.into_iter().map(|m| SavedResult { received: true, ..m }).collect());
        if outcome.counts.added > 0 {
            self.change_teams(|teams| {
                if let Some(slot) = teams.iter_mut().find(|t| t.id == team) {
                    *slot = updated;
                }
            });
        }
        // Back to the team when someone joined it; else the reasons stay beside the fields.
        if outcome.counts.added > 0 {
            self.navigate(Screen::Team(team));
        } else {
            self.navigation += 1;
        }
        self.full.teams.added = Some(outcome);
    }

    /// Keeps `team` as a new saved team and opens it (or opens the one
    /// already saved with the same members).
    fn keep_team(&mut self, mut team: Team) {
        team.normalize();
        if let Some(existing) = self.full.teams.saved.iter().find(|t| same_team(t, &team)).map(|t| t.id) {
            self.open(Screen::Team(existing));
            return;
        }
        if self.full.teams.saved.len() >= MAX_TEAMS {
            self.open(Screen::Teams);
            self.full.teams.limit_reached = true;
            return;
        }
        let id = team.id;
        self.change_teams(|teams| teams.push(team));
        self.open(Screen::Team(id));
    }

    pub(super) fn delete_team(&mut self, id: u64) {
        self.change_teams(|teams| teams.retain(|t| t.id != id));
        self.full.teams.limit_reached = false;
        self.navigate(Screen::Teams);
    }

    fn change_team(&mut self, id: u64, change: impl FnOnce(&mut Team)) {
        if self.team(id).is_some() {
            self.change_teams(|teams| {
                if let Some(team) = teams.iter_mut().find(|t| t.id == id) {
                    change(team);
                }
            });
        }
    }

    fn change_teams(&mut self, change: impl FnOnce(&mut Vec<Team>)) {
        change(Rc::make_mut(&mut self.full.teams.saved));
        self.full.teams.revision += 1;
    }

    /// Another tab or widget stored `teams`: they are ours now, unless this
    /// instance has a change not yet written (then the save merges both).
    fn teams_stored(&mut self, teams: Vec<Team>) {
        let unsaved = self.full.teams.saved != self.full.teams.base;
        let teams = Rc::new(teams);
        self.full.teams.base = teams.clone();
        if !unsaved {
            self.full.teams.saved = teams;
            self.leave_missing_team();
        }
    }

    /// The team on screen was deleted elsewhere: back to the list of teams.
    fn leave_missing_team(&mut self) {
        let missing = |id: u64| !self.full.teams.saved.iter().any(|t| t.id == id);
        let gone = match self.screen {
            Screen::Team(id) | Screen::AddMembers(id) => missing(id),
            Screen::Compare(a, b) | Screen::Agenda(a, b) => {
                [Some(a), b].into_iter().flatten().any(|side| matches!(side, super::Side::Team(id) if missing(id)))
            }
            _ => false,
        };
        if gone {
            self.navigate(Screen::Teams);
        }
    }
}

/// Whether two teams hold the same members (a team link opened twice).
fn same_team(a: &Team, b: &Team) -> bool {
    a.members.len() == b.members.len()
        && a.members.iter().zip(&b.members).all(|(x, y)| crate::model::team::same_member(x, y))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, fresh, with_history};
    use super::super::{Action, FullAction, Side};
    use super::*;
    use crate::incoming::Offered;
    use crate::model::team::MAX_MEMBERS;
    use crate::model::{Answer, Questionnaire, Rating, Responses};

    fn team(action: TeamAction) -> Action {
        Action::Full(FullAction::Team(action))
    }

    /// A result answering every statement `value`, finished at `ms`.
    fn rated(value: u8, ms: u64, label: &str) -> SavedResult {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for statement in q.principles.iter().flat_map(|p| &p.statements) {
            responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(value).unwrap()));
        }
        SavedResult::finish(&q, responses, label, ms, ms)
    }

    fn created(name: &str) -> AppState {
        after(fresh(), [team(TeamAction::Create { id: 5, name: name.into(), now_ms: 1_000 })])
    }

    #[test]
    fn a_new_team_is_saved_and_opened() {
        let s = created("  Acme deal team  ");
        assert_eq!(s.screen, Screen::Team(5));
        let t = s.team(5).unwrap();
        assert_eq!((t.name.as_str(), t.created_ms, t.members.len(), t.show_names), ("Acme deal team", 1_000, 0, false));
        assert_eq!(s.full.teams.revision, 1, "the shell saves");
    }

    #[test]
    fn members_from_links_files_and_history_are_added_once_and_refusals_listed() {
        let s = with_history(vec![rated(4, 10, "Ana")]);
        let s = after(s, [team(TeamAction::Create { id: 5, name: "T".into(), now_ms: 1 })]);
        let offered = vec![
            Offered { source: "#pr1.a".into(), members: Ok(vec![rated(2, 20, "")]) },
            Offered { source: "ana.json".into(), members: Ok(vec![rated(4, 10, "")]) },
            Offered { source: "#pr2.x".into(), members: Err(MemberRefusal::Sealed) },
        ];
        let s = after(s, [Action::Open(Screen::AddMembers(5)), team(TeamAction::AddOffered { team: 5, offered })]);
        assert_eq!(s.team(5).unwrap().members.len(), 2);
        assert!(s.team(5).unwrap().members.iter().all(|m| m.received), "colleagues' results are someone else's");
        assert_eq!(s.screen, Screen::Team(5), "back to the team once someone joined");
        let outcome = s.full.teams.added.clone().unwrap();
        assert_eq!(outcome.counts, MembersAdded { added: 2, known: 0, no_room: 0 });
        assert_eq!(outcome.refused, [("#pr2.x".to_owned(), MemberRefusal::Sealed)]);
        // Ana from the history again: the same answers and time, recognised.
        let again = after(s.clone(), [team(TeamAction::AddSaved { team: 5, results: vec![10] })]);
        assert_eq!(again.full.teams.added.unwrap().counts, MembersAdded { added: 0, known: 1, no_room: 0 });
        assert_eq!(again.full.teams.revision, s.full.teams.revision, "nothing to save");
    }

    #[test]
    fn a_member_of_another_questionnaire_is_refused_with_the_reason() {
        let mut other = rated(3, 30, "");
        other.questionnaire.id = "another-check".into();
        let s = after(
            created("T"),
            [team(TeamAction::AddOffered {
                team: 5,
                offered: vec![Offered { source: "x".into(), members: Ok(vec![other]) }],
            })],
        );
        assert!(s.team(5).unwrap().members.is_empty());
        assert_eq!(s.full.teams.added.unwrap().refused, [(String::new(), MemberRefusal::OtherQuestionnaire)]);
    }

    #[test]
    fn names_members_and_teams_can_be_changed_and_deleted_after_asking() {
        let offered =
            vec![Offered { source: String::new(), members: Ok(vec![rated(2, 1, "Ana"), rated(3, 2, "Ben")]) }];
        let s = after(created("T"), [team(TeamAction::AddOffered { team: 5, offered })]);
        let s = after(
            s,
            [team(TeamAction::ShowNames { team: 5, on: true }), team(TeamAction::RemoveMember { team: 5, member: 0 })],
        );
        let t = s.team(5).unwrap();
        assert!(t.show_names);
        assert_eq!(t.members.iter().map(|m| m.label.as_str()).collect::<Vec<_>>(), ["Ben"]);
        let asked = after(s, [Action::Ask(super::super::Confirmation::DeleteTeam(5))]);
        assert!(asked.team(5).is_some(), "only asked");
        let deleted = after(asked, [Action::Confirm]);
        assert!(deleted.team(5).is_none());
        assert_eq!(deleted.screen, Screen::Teams);
    }

    #[test]
    fn the_teams_limit_is_a_message_not_a_loss() {
        let mut s = fresh();
        for id in 0..MAX_TEAMS as u64 {
            s.apply(team(TeamAction::Create { id, name: "T".into(), now_ms: id }));
        }
        let full = after(s.clone(), [team(TeamAction::Create { id: 999, name: "One more".into(), now_ms: 1 })]);
        assert_eq!(full.full.teams.saved.len(), MAX_TEAMS);
        assert!(full.full.teams.limit_reached);
        // A team full of members: the rest are counted as not fitting.
        let many: Vec<SavedResult> = (0..MAX_MEMBERS as u64 + 3).map(|i| rated(3, 100 + i, "")).collect();
        let s = after(
            s,
            [team(TeamAction::AddOffered {
                team: 0,
                offered: vec![Offered { source: String::new(), members: Ok(many) }],
            })],
        );
        assert_eq!(s.full.teams.added.unwrap().counts.no_room, 3);
    }

    #[test]
    fn an_opened_team_link_is_read_only_until_saved_and_saved_once() {
        let opened = Team {
            id: 0,
            name: "Shared".into(),
            created_ms: 0,
            show_names: false,
            members: vec![rated(2, 1, ""), rated(4, 2, "")],
        };
        let s = after(fresh(), [team(TeamAction::LinkOpened(OpenedTeam::Open(Rc::new(opened.clone()))))]);
        assert_eq!((s.screen, s.full.teams.saved.len()), (Screen::SharedTeam, 0));
        let saved = after(s, [team(TeamAction::SaveOpened { id: 8, now_ms: 77 })]);
        assert_eq!((saved.screen, saved.team(8).map(|t| t.created_ms)), (Screen::Team(8), Some(77)));
        let twice = after(
            saved,
            [
                team(TeamAction::LinkOpened(OpenedTeam::Open(Rc::new(opened)))),
                team(TeamAction::SaveOpened { id: 9, now_ms: 78 }),
            ],
        );
        assert_eq!((twice.screen, twice.full.teams.saved.len()), (Screen::Team(8), 1), "recognised");
    }

    #[test]
    fn teams_stored_elsewhere_are_taken_unless_a_change_here_waits_to_be_saved() {
        let s = created("Here");
        let elsewhere = vec![Team { id: 6, name: "There".into(), created_ms: 2, show_names: false, members: vec![] }];
        let waiting = after(s.clone(), [team(TeamAction::Stored(elsewhere.clone()))]);
        assert!(waiting.team(5).is_some(), "our unsaved team stays; the save merges both");
        let saved = after(s, [team(TeamAction::Saved(vec![])), team(TeamAction::Stored(elsewhere))]);
        assert!(saved.team(6).is_some() && saved.team(5).is_none());
        assert_eq!(saved.screen, Screen::Teams, "the team on screen was deleted elsewhere");
    }

    #[test]
    fn a_team_compares_only_while_it_exists() {
        let s = created("T");
        let compare = Screen::Compare(Side::Team(5), None);
        assert_eq!(after(s.clone(), [Action::Open(compare)]).screen, compare);
        assert_eq!(after(s, [Action::Open(Screen::Compare(Side::Team(404), None))]).screen, Screen::Team(5));
    }

    #[test]
    fn a_backups_teams_are_restored_once() {
        let t = Team { id: 1, name: "B".into(), created_ms: 1, show_names: false, members: vec![rated(2, 1, "")] };
        let s = after(fresh(), [team(TeamAction::Restored(vec![t.clone()]))]);
        assert_eq!((s.full.teams.saved.len(), s.full.teams.restored), (1, 1));
        let again = after(s, [team(TeamAction::Restored(vec![Team { id: 2, ..t }]))]);
        assert_eq!((again.full.teams.saved.len(), again.full.teams.restored), (1, 0));
    }
}
