//! The root component and the only Yew component: owns the state, loads it once,
//! saves it after every change, moves focus, and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use super::principle_step::principle_step;
use super::results_screen::results_screen;
use super::review_screen::review_screen;
use super::start_screen::start_screen;
use super::status_region::status_region;
use super::storage_notice::storage_notice;
use super::{View, CONFIRM_FOCUS_TARGET, FOCUS_TARGET};
use crate::model::Questionnaire;
use crate::state::{Action, AppState, Persistence, Screen, StorageNotice};
use crate::storage::{self, DEFAULT_KEY};
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

    // Save after every change to the draft or history (never from the reducer).
    {
        let state = state.clone();
        use_effect_with(state.revision, move |&revision| {
            if revision > 0 && state.persistence == Persistence::Enabled {
                match storage::save(&key, state.stored_draft(), &state.history) {
                    Ok(()) => {
                        if matches!(state.notice, Some(StorageNotice::Full | StorageNotice::WriteFailed)) {
                            state.dispatch(Action::StorageRecovered);
                        }
                    }
                    Err(error) => state.dispatch(Action::StorageProblem(error.into())),
                }
            }
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
