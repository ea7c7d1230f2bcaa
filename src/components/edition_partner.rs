//! What the interface does in the partner build (a partner's first visit: the
//! core build plus opening a plain share link): it draws the opened result and
//! hands everything else of the full build over to it, as the core build does
//! (`handover`) — a sealed, team or unreadable link too, which the full build
//! opens or words.

use std::rc::Rc;

use yew::prelude::*;

pub use super::handover::{backup, completed_detail, sync_teams, teams_revision, TeamsSeen};
use super::handover::{hand_over, handing_over};
use super::shared_screen::shared_screen;
use super::View;
use crate::codec::link::Payload;
use crate::state::{Action, AppState, FullAction, Screen, SharedLink};
use crate::{address, incoming};

/// The opened result, or "Loading…" while the widget is handed over.
pub fn full_screen(view: &View, state: &UseReducerHandle<AppState>, _link_tag: &str) -> Html {
    match (state.screen, &state.full.link) {
        (Screen::Shared, Some(SharedLink::Open(result))) => {
            shared_screen(view, &state.questionnaire, result, &state.history)
        }
        _ => handing_over(view, state),
    }
}

/// After moving to a screen only the full build draws (but the opened result), hands the widget over to it.
pub fn after_navigation(root: &web_sys::Element, state: &UseReducerHandle<AppState>) {
    if !(state.screen == Screen::Shared && state.full.link.is_some()) {
        hand_over(root, state);
    }
}

/// Opens a plain result link in the address; any other link is the full
/// build's (the shared screen, without an opened result, hands over).
pub fn open_address_link(state: &mut AppState) {
    let opened = match address::link_in_address() {
        Some(Ok((_, Payload::Plain(bytes)))) => incoming::from_link(&bytes, &state.questionnaire).ok(),
        _ => None,
    };
    match opened {
        Some(result) => state.apply(Action::Full(FullAction::LinkOpened(SharedLink::Open(Rc::new(result))))),
        None => state.apply(Action::Open(Screen::Shared)),
    }
}
