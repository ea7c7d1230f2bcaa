//! What the interface does differently in the core build: the screens only
//! the full build has are a "Loading…" screen while the widget is handed over
//! to the full build, and unreadable saved data is not worded beyond what
//! storage says in the console.

use yew::prelude::*;

use super::loading_screen::loading_screen;
use super::View;
use crate::codec::host_events;
use crate::codec::store;
use crate::host::{self, Carried};
use crate::model::{Questionnaire, SavedResult};
use crate::state::{Action, AppState, Persistence, Screen};

/// Where the full build will be, while the widget is handed over to it.
pub fn full_screen(view: &View, state: &AppState, _link_tag: &str) -> Html {
    loading_screen(view, state.full_unavailable)
}

/// "Back up all results" opens the import screen (in the full build), whose
/// first button is the backup.
pub fn backup(view: &View, _state: &AppState) -> Callback<MouseEvent> {
    view.send(Action::Open(Screen::Import))
}

/// After moving to a screen only the full build draws, hands the widget over
/// to it; a widget that cannot save carries its data over.
pub fn after_navigation(root: &web_sys::Element, state: &yew::UseReducerHandle<AppState>) {
    let Some(handover) = host::handover_text(state.screen) else { return };
    let carried = (state.sync.persistence == Persistence::MemoryOnly).then(|| Carried {
        main: store::encode_main(state.stored_draft()),
        results: store::encode_results(&state.history),
    });
    let state = state.clone();
    host::hand_over(root, &handover, carried, move || state.dispatch(Action::FullUnavailable));
}

/// This build never opens links: the full build does (a screen of its own).
pub fn open_address_link(state: &mut AppState) {
    state.apply(Action::Open(Screen::Shared));
}

/// What `completed` tells the host: the summary (a widget whose host wants
/// whole documents runs in the full build: `Config::needs_full_build`).
pub fn completed_detail(questionnaire: &Questionnaire, result: &SavedResult, _with_document: bool) -> String {
    host_events::completed(questionnaire, result)
}

/// This build keeps no teams: nothing to read, follow or save.
#[derive(Default)]
pub struct TeamsSeen;

pub fn teams_revision(_state: &AppState) -> u64 {
    0
}

pub fn sync_teams(_state: &yew::UseReducerHandle<AppState>, _key: &str, _instance: &str, _seen: &mut TeamsSeen) {}
