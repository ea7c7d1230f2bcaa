//! The root component and the only Yew component: owns the state, loads it once,
//! saves it after every change, follows changes other tabs and widgets store,
//! moves focus, tells the host page what happened, and picks the screen.

use std::rc::Rc;

use yew::prelude::*;

use super::draft_conflict::draft_conflict;
use super::edition;
use super::principle_step::principle_step;
use super::results_screen::results_screen;
use super::review_screen::review_screen;
use super::start_screen::start_screen;
use super::status_region::status_region;
use super::storage_notice::storage_notice;
use super::{View, CONFIRM_FOCUS_TARGET, FOCUS_TARGET};
use crate::codec::host_events;
use crate::config::Config;
use crate::host;
use crate::model::{Questionnaire, StoreContents};
use crate::platform;
use crate::state::{Action, AppState, Confirmation, HostEvent, Persistence, Screen, StorageNotice, StoredData};
use crate::storage::{self, Saved};
use crate::text::{UiText, BUILT_IN};

#[derive(Properties)]
pub struct AppProps {
    /// What the host configured (storage key, texts, features).
    pub config: Rc<Config>,
    /// The interface texts, in that language.
    #[prop_or(&BUILT_IN)]
    pub text: &'static UiText,
    pub questionnaire: Rc<Questionnaire>,
    /// Prefix for element ids, unique per instance on the page.
    #[prop_or(AttrValue::Static("pr"))]
    pub id_prefix: AttrValue,
    /// This widget's tag in share links (`codec::link::widget_tag`).
    #[prop_or_default]
    pub link_tag: AttrValue,
    /// The screen to open at once: handed over from the core build, or the
    /// share link in the address.
    #[prop_or_default]
    pub start: Option<Screen>,
    /// What a widget handed over that could not save had stored, in place of storage.
    #[prop_or_default]
    pub carried: Option<Rc<StoreContents>>,
}

/// Props never change after mounting; identity is equality here (a deep
/// comparison of every text and question would cost the download ≈ 2 KiB).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.config, &other.config)
            && std::ptr::eq(self.text, other.text)
            && Rc::ptr_eq(&self.questionnaire, &other.questionnaire)
            && self.id_prefix == other.id_prefix
            && self.link_tag == other.link_tag
            && self.start == other.start
            && self.carried.as_ref().map(Rc::as_ptr) == other.carried.as_ref().map(Rc::as_ptr)
    }
}

impl AppProps {
    /// A widget in English on the built-in questionnaire, configured by `config`
    /// (as the browser tests mount it).
    pub fn english(config: Config, id_prefix: &str) -> Self {
        Self {
            link_tag: crate::codec::link::widget_tag(&config.storage_key).into(),
            config: Rc::new(config),
            text: &BUILT_IN,
            questionnaire: Rc::new(Questionnaire::builtin()),
            id_prefix: id_prefix.to_owned().into(),
            start: None,
            carried: None,
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let key = AttrValue::from(props.config.storage_key.clone());
    let state = {
        let (key, start, carried, questionnaire) =
            (key.clone(), props.start, props.carried.clone(), props.questionnaire.clone());
        use_reducer(move || initial_state(&key, start, carried.as_deref(), questionnaire))
    };
    let root = use_node_ref();

    // Everything the widget does after a render, in one effect (each effect is
    // code of its own in the download), each part when what it follows changed:
    // - once: read the stored results after the first screen is up, then follow
    //   what other tabs and other widgets on this page store under the key;
    // - after every change to the draft or history: save (never from the
    //   reducer), merged into whatever other tabs or widgets stored meanwhile;
    // - after a move to another screen: focus its heading and show the host page
    //   which screen is up (`data-pr-screen`); when a confirmation appears, focus
    //   its safe choice; in the core build, a screen only the full build has
    //   hands the widget over to it;
    // - tell the host page what happened (DOM events on the mount point), once each.
    {
        let (root, state, key, instance) = (root.clone(), state.clone(), key.clone(), props.id_prefix.clone());
        let config = props.config.clone();
        let seen = use_mut_ref(Seen::default);
        let deps = (
            state.sync.revision,
            state.navigation,
            state.pending,
            state.host_events.next,
            edition::teams_revision(&state),
        );
        use_effect_with(deps, move |&(revision, navigation, pending, _, _)| {
            let Some(element) = root.cast::<web_sys::Element>() else { return };
            let mut seen = seen.borrow_mut();
            if seen.listeners.is_none() {
                let dispatcher = state.dispatcher();
                let report = move |change: Result<StoredData, StorageNotice>| {
                    dispatcher.dispatch(match change {
                        Ok(stored) => Action::StoredChanged(stored),
                        Err(notice) => Action::StorageProblem(notice),
                    })
                };
                if !state.sync.history_loaded {
                    let (key, report) = (key.clone(), report.clone());
                    platform::after_next_paint(move || report(storage::load_results(&key)));
                }
                seen.listeners = Some(storage::on_write_elsewhere(&key, &instance, report));
            }
            edition::sync_teams(&state, &key, &instance, &mut seen.teams);
            if revision != seen.revision {
                seen.revision = revision;
                if revision > 0 && state.sync.persistence == Persistence::Enabled {
                    save(&state, &key, &instance);
                }
            }
            if (seen.navigation, seen.pending) != (Some(navigation), pending) {
                (seen.navigation, seen.pending) = (Some(navigation), pending);
                if pending.is_some() {
                    focus_within(&element, CONFIRM_FOCUS_TARGET);
                } else if navigation > 0 {
                    focus_within(&element, FOCUS_TARGET);
                }
                host::show_screen(&element, state.screen);
                edition::after_navigation(&element, &state);
            }
            seen.next_event = announce_events(&element, &state, seen.next_event, config.completed_document);
        });
    }

    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let view = View { text: props.text, config: &props.config, id_prefix: &props.id_prefix, on_action: &on_action };
    let q = &state.questionnaire;
    let screen = match state.screen {
        Screen::Start => start_screen(&view, &state, edition::backup(&view, &state)),
        Screen::Step(index) => principle_step(&view, q, &state.draft.responses, index),
        Screen::Review => review_screen(&view, q, &state.draft.responses, &state.draft.label),
        Screen::Results(id) => match state.result(id) {
            Some(result) => results_screen(&view, q, result, &state.history, state.pending),
            None => start_screen(&view, &state, edition::backup(&view, &state)),
        },
        // The rest are the screens only the full build draws (`Screen::needs_full`).
        _ => edition::full_screen(&view, &state, &props.link_tag),
    };

    html! {
        <div class="pr-widget" ref={root} lang={props.text.language}>
            { for state.sync.notices.iter().enumerate().map(|(index, notice)| storage_notice(&view, index, notice)) }
            if let Some(conflict) = &state.sync.conflict {
                { draft_conflict(&view, conflict) }
            }
            { status_region(&view, state.status) }
            { screen }
        </div>
    }
}

/// What the effect of `App` last handled.
#[derive(Default)]
struct Seen {
    /// Listening for other tabs' and widgets' writes (dropped with the widget).
    listeners: Option<Option<[gloo::events::EventListener; 2]>>,
    revision: u64,
    navigation: Option<u64>,
    pending: Option<Confirmation>,
    /// The next host event to announce.
    next_event: u32,
    /// The full build's teams: read, followed and saved.
    teams: edition::TeamsSeen,
}

/// Saves the state under `key`, merged with what is stored, and tells the
/// reducer how that went and the other widgets on the page that it wrote.
fn save(state: &UseReducerHandle<AppState>, key: &str, instance: &str) {
    match storage::save(key, &state.save_plan()) {
        Ok(Saved { written, notice }) => {
            if let Some(notice) = notice {
                state.dispatch(Action::StorageProblem(notice));
            } else if state.sync.notices.iter().any(|n| matches!(n, StorageNotice::Full | StorageNotice::WriteFailed)) {
                state.dispatch(Action::StorageRecovered);
            }
            storage::announce_write(key, instance, written.history.is_some());
            state.dispatch(Action::Saved(written));
        }
        Err(notice) => state.dispatch(Action::StorageProblem(notice)),
    }
}

/// Announces the host events from sequence number `from` on; returns the next
/// one. `completed` carries the result's document only when `with_document`.
fn announce_events(root: &web_sys::Element, state: &AppState, from: u32, with_document: bool) -> u32 {
    let q = &state.questionnaire;
    for event in state.host_events.since(from) {
        let (name, detail) = match event {
            HostEvent::Started { resumed } => (host_events::STARTED, host_events::started(resumed)),
            HostEvent::Step(index) => (host_events::STEP, host_events::step(q, index)),
            HostEvent::Completed(id) => match state.result(id) {
                Some(result) => (host_events::COMPLETED, edition::completed_detail(q, result, with_document)),
                None => continue,
            },
            HostEvent::Shared { id, how } => (host_events::SHARED, host_events::shared(id, how.name())),
        };
        host::announce(root, name, &detail);
    }
    state.host_events.next
}

/// Focuses the first element inside `root` that carries `attribute`.
fn focus_within(root: &web_sys::Element, attribute: &str) {
    let target = root
        .query_selector(&format!("[{attribute}]"))
        .ok()
        .flatten()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(target) = target {
        // Focus failing (element detached mid-render) only costs the focus move.
        let _ = target.focus();
    }
}

/// The state at start-up: what storage holds (or what a widget handed over
/// carried along), on the screen it was handed over for.
fn initial_state(
    key: &str,
    start: Option<Screen>,
    carried: Option<&StoreContents>,
    questionnaire: Rc<Questionnaire>,
) -> AppState {
    let mut loaded = storage::load(key);
    if let Some(carried) = carried {
        loaded.contents = carried.clone();
        loaded.history_loaded = true;
    }
    if start.is_some() && !loaded.history_loaded {
        // The screen handed over may show a saved result: read them now, not after the first paint.
        if let Ok(StoredData { history: Some(history), .. }) = storage::load_results(key) {
            loaded.contents.history = history;
            loaded.history_loaded = true;
        }
    }
    let mut state = AppState::new(questionnaire, loaded);
    match start {
        Some(Screen::Shared) => edition::open_address_link(&mut state),
        Some(screen) => {
            // A comparison with the address's link, handed over: the link opens first.
            if screen.shows_shared_link() {
                edition::open_address_link(&mut state);
            }
            state.apply(Action::Open(screen));
        }
        None => {}
    }
    state
}
