//! What the interface does differently in the full build: it draws the
//! screens only it has, downloads a backup at once, opens the share link in
//! the address, and words unreadable saved data for the host's console.

use std::rc::Rc;

use yew::prelude::*;

use super::agenda_screen::agenda_screen;
use super::compare_screen::compare_screen;
use super::import_screen::import_screen;
use super::share_screen::share_screen;
use super::shared_screen::shared_screen;
use super::start_screen::start_screen;
use super::View;
use crate::codec::host_events;
use crate::model::{Questionnaire, SavedResult};
use crate::share;
use crate::state::{Action, AppState, FullAction, Screen};

/// The screens only the full build draws (`Screen::needs_full`).
pub fn full_screen(view: &View, state: &AppState, link_tag: &str) -> Html {
    match state.screen {
        Screen::Share(id) => match state.result(id) {
            Some(result) => share_screen(view, &state.questionnaire, &Rc::new(result.clone()), &state.full, link_tag),
            None => start_screen(view, state, backup(view, state)),
        },
        Screen::Import => import_screen(
            view,
            &state.questionnaire,
            &state.history,
            state.full.import.as_ref(),
            state.full.import_received,
        ),
        Screen::Compare(first, second) => compare_screen(view, state, first, second),
        Screen::Agenda(first, second) => agenda_screen(view, state, first, second),
        _ => shared_screen(view, &state.questionnaire, state.full.link.as_ref(), &state.history),
    }
}

/// "Back up all results" downloads the backup at once.
pub fn backup(_view: &View, state: &AppState) -> Callback<MouseEvent> {
    let (history, questionnaire) = (state.history.clone(), state.questionnaire.clone());
    Callback::from(move |_: MouseEvent| share::download_backup(&history, &questionnaire))
}

/// Nothing to hand over: this build draws every screen.
pub fn after_navigation(_root: &web_sys::Element, _state: &UseReducerHandle<AppState>) {}

/// Opens the share link in the address (the boot script started this build for it).
pub fn open_address_link(state: &mut AppState) {
    if let Some(link) = share::link_in_address() {
        let opened = share::open_payload(link.map(|(_, payload)| payload), &state.questionnaire);
        state.apply(Action::Full(FullAction::LinkOpened(opened)));
    }
}

/// What `completed` tells the host: the summary, and the whole document when
/// the host asked for it (`data-event-detail="document"`).
pub fn completed_detail(questionnaire: &Questionnaire, result: &SavedResult, with_document: bool) -> String {
    if with_document {
        host_events::completed_with_document(questionnaire, result)
    } else {
        host_events::completed(questionnaire, result)
    }
}
