//! What the interface does differently in the full build: it draws the
//! screens only it has, downloads a backup at once, opens the share link in
//! the address, and words unreadable saved data for the host's console.

use std::rc::Rc;

use yew::prelude::*;

use super::add_members_screen::add_members_screen;
use super::agenda_screen::agenda_screen;
use super::compare_screen::compare_screen;
use super::import_screen::import_screen;
use super::link_screen::link_screen;
use super::share_screen::share_screen;
use super::shared_screen::shared_screen;
use super::start_screen::start_screen;
use super::team_screen::team_screen;
use super::teams_screen::teams_screen;
use super::View;
use crate::codec::host_events;
use crate::codec::link::Payload;
use crate::model::{Questionnaire, SavedResult};
use crate::state::{Action, AppState, FullAction, OpenedTeam, Screen, SharedLink, StorageNotice, TeamAction};
use crate::storage;
use crate::{address, share};

/// The screens only the full build draws (`Screen::needs_full`).
/// (The state's handle: the full build's backup reads it when clicked.)
pub fn full_screen(view: &View, state: &UseReducerHandle<AppState>, link_tag: &str) -> Html {
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
            backup(view, state),
            state.full.teams.restored,
        ),
        Screen::Compare(first, second) => compare_screen(view, state, first, second),
        Screen::Agenda(first, second) => agenda_screen(view, state, first, second),
        Screen::Teams => teams_screen(view, state),
        Screen::Team(id) => match state.team(id) {
            Some(team) => team_screen(view, state, team, true, link_tag),
            None => teams_screen(view, state),
        },
        Screen::AddMembers(id) => match state.team(id) {
            Some(team) => add_members_screen(view, state, team),
            None => teams_screen(view, state),
        },
        Screen::SharedTeam => match (state.opened_team(), &state.full.teams.opened) {
            (Some(team), _) => team_screen(view, state, team, false, link_tag),
            (None, Some(OpenedTeam::Unreadable(error))) => unreadable_team(view, *error),
            _ => start_screen(view, state, backup(view, state)),
        },
        _ => match state.full.link.as_ref() {
            Some(SharedLink::Open(result)) => shared_screen(view, &state.questionnaire, result, &state.history),
            link => link_screen(view, &state.questionnaire, link),
        },
    }
}

/// Why a team link cannot be opened, and the way back.
fn unreadable_team(view: &View, error: crate::codec::link::LinkError) -> Html {
    let heading_id = view.id("team-heading");
    let on_close = view.on_action.reform(|_: MouseEvent| {
        address::forget_link();
        Action::GoToStart
    });
    html! {
        <section class="pr-screen pr-team" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ view.text.full.team.unreadable }</h2>
            <p class="pr-notice-inline" role="alert">{ view.text.full.link_error(error) }</p>
            <div class="pr-actions">
                <button type="button" class="pr-button" onclick={on_close}>{ view.text.common.back_to_start }</button>
            </div>
        </section>
    }
}

/// "Back up all results" downloads the backup (results and teams) at once,
/// read from the state when clicked, not copied at every render.
pub fn backup(_view: &View, state: &UseReducerHandle<AppState>) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        share::download_backup(&state.history, &state.full.teams.saved, &state.questionnaire)
    })
}

/// Nothing to hand over: this build draws every screen.
pub fn after_navigation(_root: &web_sys::Element, _state: &UseReducerHandle<AppState>) {}

/// Opens the share link in the address (the boot script started this build for it).
pub fn open_address_link(state: &mut AppState) {
    match address::link_in_address() {
        Some(Ok((_, Payload::Team(bytes)))) => {
            let opened = share::open_team(&bytes, &state.questionnaire);
            state.apply(Action::Full(FullAction::Team(TeamAction::LinkOpened(opened))));
        }
        // A damaged team link is said on the team screen, where it was going.
        Some(Err(error)) if share::team_link_in_address() => {
            state.apply(Action::Full(FullAction::Team(TeamAction::LinkOpened(OpenedTeam::Unreadable(error)))));
        }
        Some(link) => {
            let opened = share::open_payload(link.map(|(_, payload)| payload), &state.questionnaire);
            state.apply(Action::Full(FullAction::LinkOpened(opened)));
        }
        None => {}
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

/// What the app's effect last did for the teams: listening to writes elsewhere.
#[derive(Default)]
pub struct TeamsSeen {
    listeners: Option<Option<[gloo::events::EventListener; 2]>>,
    revision: u64,
}

/// The teams' revision: the app's effect saves when it changes.
pub fn teams_revision(state: &AppState) -> u64 {
    state.full.teams.revision
}

/// Reads the stored teams once and follows what other tabs and widgets store;
/// after every change to the teams here, saves them (merged with what is stored).
pub fn sync_teams(state: &UseReducerHandle<AppState>, key: &str, instance: &str, seen: &mut TeamsSeen) {
    let report = {
        let dispatcher = state.dispatcher();
        move |change: Result<Vec<crate::model::team::Team>, StorageNotice>| {
            dispatcher.dispatch(match change {
                Ok(teams) => Action::Full(FullAction::Team(TeamAction::Stored(teams))),
                Err(notice) => Action::StorageProblem(notice),
            })
        }
    };
    if seen.listeners.is_none() {
        report(storage::load_teams(key));
        seen.listeners = Some(storage::on_teams_written_elsewhere(key, instance, report.clone()));
    }
    let revision = state.full.teams.revision;
    if revision != seen.revision {
        seen.revision = revision;
        match storage::save_teams(key, instance, &state.full.teams.base, &state.full.teams.saved) {
            Ok(written) => state.dispatch(Action::Full(FullAction::Team(TeamAction::Saved(written)))),
            Err(notice) => state.dispatch(Action::StorageProblem(notice)),
        }
    }
}
