//! What the interface does differently in the core build: the screens only
//! the full build has are a "Loading…" screen while the widget is handed over
//! to the full build (`handover`, shared with the partner build), and
//! unreadable saved data is not worded beyond what storage says in the console.

use yew::prelude::*;

pub use super::handover::{backup, completed_detail, sync_teams, teams_revision, TeamsSeen};
use super::handover::{hand_over, handing_over};
use super::View;
use crate::state::{Action, AppState, Screen};

/// Where the full build will be, while the widget is handed over to it.
pub fn full_screen(view: &View, state: &UseReducerHandle<AppState>, _link_tag: &str) -> Html {
    handing_over(view, state)
}

/// After moving to a screen only the full build draws, hands the widget over to it.
pub fn after_navigation(root: &web_sys::Element, state: &UseReducerHandle<AppState>) {
    hand_over(root, state);
}

/// This build never opens links: the full build does (a screen of its own).
pub fn open_address_link(state: &mut AppState) {
    state.apply(Action::Open(Screen::Shared));
}
