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
