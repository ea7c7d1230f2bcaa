//! The root component and the only Yew component: owns the state, loads it once,
//! saves it after every change, follows changes other tabs and widgets store,
//! moves focus, and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use super::draft_conflict::draft_conflict;
use super::principle_step::principle_step;
use super::results_screen::results_screen;
use super::review_screen::review_screen;
use super::start_screen::start_screen;
use super::status_region::status_region;
use super::storage_notice::storage_notice;
use super::{View, CONFIRM_FOCUS_TARGET, FOCUS_TARGET};
use crate::model::Questionnaire;
use crate::platform;
use crate::state::{Action, AppState, Persistence, Screen, StorageNotice, StoredData};
use crate::storage::{self, Saved, DEFAULT_KEY};
use crate::text::EN;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The localStorage key this instance keeps its data under.
    #[prop_or(AttrValue::Static(DEFAULT_KEY))]
    pub storage_key: AttrValue,
    /// Prefix for element ids, unique per instance on the page.
    #[prop_or(AttrValue::Static("pr"))]
    pub id_prefix: AttrValue,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let key = props.storage_key.clone();
    let state = {
        let key = key.clone();
        use_reducer(move || AppState::new(Rc::new(Questionnaire::builtin()), storage::load(&key)))
    };
    let root = use_node_ref();

    // Save after every change to the draft or history (never from the reducer),
    // merged into whatever other tabs or widgets stored meanwhile.
    {
        let state = state.clone();
        let key = key.clone();
        let instance = props.id_prefix.clone();
        use_effect_with(state.revision, move |&revision| {
            if revision > 0 && state.persistence == Persistence::Enabled {
                match storage::save(&key, &state) {
                    Ok(Saved { written, notice }) => {
                        if let Some(notice) = notice {
                            state.dispatch(Action::StorageProblem(notice));
                        } else if matches!(state.notice, Some(StorageNotice::Full | StorageNotice::WriteFailed)) {
                            state.dispatch(Action::StorageRecovered);
                        }
                        storage::announce_write(&key, &instance, written.history.is_some());
                        state.dispatch(Action::Saved(written));
                    }
                    Err(notice) => state.dispatch(Action::StorageProblem(notice)),
                }
            }
        });
    }

    // Read the stored results once the first screen is up, then follow what
    // other tabs and other widgets on this page store under the key.
    {
        let dispatcher = state.dispatcher();
        let history_loaded = state.history_loaded;
        use_effect_with((key, props.id_prefix.clone()), move |(key, instance)| {
            let report = move |change: Result<StoredData, StorageNotice>| {
                dispatcher.dispatch(match change {
                    Ok(stored) => Action::StoredChanged(stored),
                    Err(notice) => Action::StorageProblem(notice),
                })
            };
            if !history_loaded {
                let (key, report) = (key.clone(), report.clone());
                platform::after_next_paint(move || report(storage::load_results(&key)));
            }
            let listeners = storage::on_write_elsewhere(key, instance, report);
            move || drop(listeners)
        });
    }

    // After the person moves to another screen, focus its heading; when a
    // confirmation appears, focus its safe choice.
    {
        let root = root.clone();
        use_effect_with((state.navigation, state.pending), move |&(navigation, pending)| {
            if pending.is_some() {
                focus_within(&root, CONFIRM_FOCUS_TARGET);
            } else if navigation > 0 {
                focus_within(&root, FOCUS_TARGET);
            }
        });
    }

    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let view = View { text: &EN, id_prefix: &props.id_prefix, on_action: &on_action };
    let q = &state.questionnaire;
    let screen = match state.screen {
        Screen::Start => start_screen(&view, &state),
        Screen::Step(index) => principle_step(&view, q, &state.draft.responses, index),
        Screen::Review => review_screen(&view, q, &state.draft.responses, &state.draft.label),
        Screen::Results(id) => match state.result(id) {
            Some(result) => results_screen(&view, q, result, state.pending),
            None => start_screen(&view, &state),
        },
    };

    html! {
        <div class="pr-widget" ref={root} lang={q.locale.clone()}>
            if let Some(notice) = &state.notice {
                { storage_notice(&view, notice) }
            }
            if let Some(conflict) = &state.conflict {
                { draft_conflict(&view, conflict) }
            }
            { status_region(&view, state.status) }
            { screen }
        </div>
    }
}

/// Focuses the first element inside `root` that carries `attribute`.
fn focus_within(root: &NodeRef, attribute: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector(&format!("[{attribute}]")).ok().flatten())
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(target) = target {
        // Focus failing (element detached mid-render) only costs the focus move.
        let _ = target.focus();
    }
}
