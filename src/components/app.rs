//! The root component: owns the state, loads it once, saves it after every
//! change, moves focus on navigation, and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use super::principle_step::PrincipleStep;
use super::results_screen::ResultsScreen;
use super::review_screen::ReviewScreen;
use super::start_screen::StartScreen;
use super::status_region::StatusRegion;
use super::storage_notice::StorageNoticeBanner;
use super::{send, WidgetContext};
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
    let context = use_memo(props.id_prefix.clone(), |prefix| WidgetContext { text: &EN, id_prefix: prefix.clone() });
    let root = use_node_ref();

    // Save after every change to the draft or history (never from the reducer).
    {
        let state = state.clone();
        use_effect_with(state.revision, move |&revision| {
            if revision > 0 && state.persistence == Persistence::Enabled {
                match storage::save(&key, &state.store_contents()) {
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

    // After the person moves to another screen, focus its heading.
    {
        let root = root.clone();
        use_effect_with(state.navigation, move |&navigation| {
            if navigation > 0 {
                focus_screen_heading(&root);
            }
        });
    }

    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let questionnaire = state.questionnaire.clone();
    let screen = match state.screen {
        Screen::Start => html! {
            <StartScreen
                draft_answered={state.draft.responses.answers.len()}
                has_draft={state.has_draft()}
                total={questionnaire.statement_count()}
                history={state.history.clone()}
                pending={state.pending}
                on_action={on_action.clone()}
            />
        },
        Screen::Step(index) => html! {
            <PrincipleStep
                questionnaire={questionnaire.clone()}
                {index}
                responses={state.draft.responses.clone()}
                on_action={on_action.clone()}
            />
        },
        Screen::Review => html! {
            <ReviewScreen
                questionnaire={questionnaire.clone()}
                responses={state.draft.responses.clone()}
                label={state.draft.label.clone()}
                on_action={on_action.clone()}
            />
        },
        Screen::Results(id) => match state.result(id) {
            Some(result) => html! {
                <ResultsScreen
                    questionnaire={questionnaire.clone()}
                    result={result.clone()}
                    pending={state.pending}
                    on_action={on_action.clone()}
                />
            },
            None => html! {},
        },
    };

    html! {
        <ContextProvider<WidgetContext> context={(*context).clone()}>
            <div class="pr-widget" ref={root} lang={questionnaire.locale.clone()}>
                if let Some(notice) = state.notice.clone() {
                    <StorageNoticeBanner {notice} on_dismiss={send(&on_action, Action::DismissNotice)} />
                }
                <StatusRegion status={state.status} />
                { screen }
            </div>
        </ContextProvider<WidgetContext>>
    }
}

fn focus_screen_heading(root: &NodeRef) {
    let heading = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector("[data-pr-focus]").ok().flatten())
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(heading) = heading {
        // Focus failing (element detached mid-render) only costs the focus move.
        let _ = heading.focus();
    }
}
