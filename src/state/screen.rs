//! Which screen shows, and moving between screens. The one list of screens
//! only the full build draws is [`Screen::needs_full`].

use super::{AppState, HostEvent};

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    /// One principle, by position.
    Step(usize),
    Review,
    /// A finished result from the history, by id.
    Results(u64),
    /// Sharing and exporting a saved result, by id.
    Share(u64),
    /// Importing a result or a backup.
    Import,
    /// A result opened from a share link: read-only until saved.
    Shared,
    /// Two results side by side; without the second, choosing it.
    Compare(Side, Option<Side>),
    /// A meeting agenda from one result, or from two compared.
    Agenda(Side, Option<Side>),
    /// The saved teams, and making a new one.
    Teams,
    /// A saved team, by id: its members' results as one picture.
    Team(u64),
    /// Adding members to a saved team.
    AddMembers(u64),
    /// A team opened from a team link: read-only until saved.
    SharedTeam,
}

/// A result shown on a screen of two: a saved one, or the one a share link opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Saved(u64),
    Shared,
    /// A saved team: its medians (full build).
    Team(u64),
}

impl Screen {
    /// The screens only the full build draws; the core build hands the widget
    /// over to the full build when one of them is opened. Written as the list
    /// of the core build's screens: every screen added later is the full build's.
    pub fn needs_full(self) -> bool {
        !matches!(self, Screen::Start | Screen::Step(_) | Screen::Review | Screen::Results(_))
    }

    /// Whether this screen shows the result the address's share link holds
    /// (a comparison or agenda with it, handed over from the partner build).
    pub fn shows_shared_link(self) -> bool {
        matches!(self, Screen::Compare(a, b) | Screen::Agenda(a, b) if a == Side::Shared || b == Some(Side::Shared))
    }
}

impl AppState {
    /// The result a side of a comparison or agenda stands for.
    pub fn side(&self, side: Side) -> Option<&crate::model::SavedResult> {
        match side {
            Side::Saved(id) => self.result(id),
            Side::Shared => self.shared_result(),
            Side::Team(_) => None,
        }
    }

    fn side_exists(&self, side: Side) -> bool {
        match side {
            Side::Team(id) => self.has_team(id),
            _ => self.side(side).is_some(),
        }
    }

    /// Whether `screen` shows only results that exist (a stale click on a
    /// deleted result, or two sides that are one, opens nothing).
    pub(super) fn can_show(&self, screen: Screen) -> bool {
        match screen {
            Screen::Results(id) | Screen::Share(id) => self.result(id).is_some(),
            Screen::Team(id) | Screen::AddMembers(id) => self.has_team(id),
            Screen::Compare(a, b) | Screen::Agenda(a, b) => {
                self.side_exists(a) && b.is_none_or(|b| self.side_exists(b) && a != b)
            }
            _ => true,
        }
    }

    /// Opens `screen` if what it shows exists.
    pub(super) fn open(&mut self, screen: Screen) {
        if self.can_show(screen) {
            self.navigate(screen);
            self.full_screen_opened();
        }
    }

    /// Moves to `screen`: the host hears of steps, a step is remembered in the
    /// draft, prompts and statuses close, and focus moves to the new heading.
    pub(super) fn navigate(&mut self, screen: Screen) {
        self.full_unavailable = false;
        if screen != self.screen {
            match screen {
                Screen::Step(step) => self.host_events.push(HostEvent::Step(step)),
                Screen::Review => self.host_events.push(HostEvent::Step(self.questionnaire.principles.len())),
                _ => {}
            }
        }
        if let Screen::Step(step) = screen {
            if self.draft.step != step {
                self.draft.step = step;
                self.sync.data_changed();
            }
        }
        self.screen = screen;
        self.pending = None;
        self.status = None;
        self.navigation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{after, fresh};
    use super::super::Action;
    use super::*;

    #[test]
    fn only_the_full_build_has_the_sharing_screens() {
        for screen in [
            Screen::Share(1),
            Screen::Import,
            Screen::Shared,
            Screen::Compare(Side::Shared, None),
            Screen::Agenda(Side::Saved(1), None),
            Screen::Teams,
            Screen::Team(1),
            Screen::AddMembers(1),
            Screen::SharedTeam,
        ] {
            assert!(screen.needs_full());
        }
        for screen in [Screen::Start, Screen::Step(0), Screen::Review, Screen::Results(1)] {
            assert!(!screen.needs_full());
        }
        let s = after(fresh(), [Action::Open(Screen::Share(404))]);
        assert_eq!(s.screen, Screen::Start, "an unknown result is not opened");
    }

    #[test]
    fn comparisons_and_agendas_open_only_for_results_that_exist() {
        let s = after(fresh(), [Action::Finish { now_ms: 1, id: 1 }, Action::Finish { now_ms: 2, id: 2 }]);
        let pair = Screen::Compare(Side::Saved(1), Some(Side::Saved(2)));
        assert_eq!(after(s.clone(), [Action::Open(pair)]).screen, pair);
        let choose = Screen::Agenda(Side::Saved(2), None);
        assert_eq!(after(s.clone(), [Action::Open(choose)]).screen, choose);
        for refused in [
            Screen::Compare(Side::Saved(1), Some(Side::Saved(1))),
            Screen::Compare(Side::Saved(1), Some(Side::Saved(9))),
            Screen::Agenda(Side::Shared, None),
        ] {
            assert_eq!(after(s.clone(), [Action::Open(refused)]).screen, s.screen, "{refused:?}");
        }
        // A compared result deleted elsewhere (after both were saved) leaves the comparison.
        let saved = super::super::StoredData { draft: None, history: Some(s.history.to_vec()), set_aside: vec![] };
        let mut comparing = after(s.clone(), [Action::StoredChanged(saved), Action::Open(pair)]);
        let remaining: Vec<_> = s.history.iter().filter(|r| r.id == 1).cloned().collect();
        comparing.apply(Action::StoredChanged(super::super::StoredData {
            draft: None,
            history: Some(remaining),
            set_aside: vec![],
        }));
        assert_eq!(comparing.screen, Screen::Start);
    }
}
