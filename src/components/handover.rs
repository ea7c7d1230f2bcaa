//! What the builds that hand widgets over to the full build (core and partner)
//! do where the full build does more: "Loading…" while a widget is handed
//! over, a backup through the import screen, the `completed` summary only, and
//! no teams.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::loading_screen::loading_screen;
use super::View;
use crate::codec::host_events;
use crate::codec::store;
use crate::host::{self, Carried};
use crate::model::{Questionnaire, SavedResult};
use crate::state::{Action, AppState, Persistence, Screen};

/// Where the full build will be, while the widget is handed over to it.
pub fn handing_over(view: &View, state: &AppState) -> Html {
    loading_screen(view, state.full_unavailable)
}

/// "Back up all results" hands the widget over to the full build, which writes
/// backups: it opens on the start screen and downloads the backup at once. If
/// the full build cannot be loaded, the import screen (the backup's other
/// door) says so. What a widget that cannot save carries along is written
/// when clicked, not at every render.
pub fn backup(_view: &View, state: &UseReducerHandle<AppState>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |event: MouseEvent| {
        let Some(button) = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let failed = state.clone();
        host::hand_over(&button, host::BACKUP_HANDOVER, carried(&state), move || {
            failed.dispatch(Action::Open(Screen::Import))
        });
    })
}

/// After moving to a screen only the full build draws, hands the widget over
/// to it; a widget that cannot save carries its data over.
pub fn hand_over(root: &web_sys::Element, state: &UseReducerHandle<AppState>) {
    let Some(handover) = host::handover_text(state.screen) else { return };
    let carried = carried(state);
    let state = state.clone();
    host::hand_over(root, &handover, carried, move || state.dispatch(Action::FullUnavailable));
}

/// What a widget that cannot save carries over to the full build.
fn carried(state: &AppState) -> Option<Carried> {
    (state.sync.persistence == Persistence::MemoryOnly).then(|| Carried {
        main: store::encode_main(state.stored_draft()),
        results: store::encode_results(&state.history),
    })
}

/// What `completed` tells the host: the summary (a widget whose host wants
/// whole documents runs in the full build: `Config::needs_full_build`).
pub fn completed_detail(questionnaire: &Questionnaire, result: &SavedResult, _with_document: bool) -> String {
    host_events::completed(questionnaire, result)
}

/// These builds keep no teams: nothing to read, follow or save.
#[derive(Default)]
pub struct TeamsSeen;

pub fn teams_revision(_state: &AppState) -> u64 {
    0
}

pub fn sync_teams(_state: &UseReducerHandle<AppState>, _key: &str, _instance: &str, _seen: &mut TeamsSeen) {}
