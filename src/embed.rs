//! How the widget gets onto a page: which elements it mounts into, what the host
//! configures (`crate::config`), the events it announces to the host, handing a
//! widget over to the full build, and the last-resort crash message.
//!
//! A host page marks each mount point with `data-partnership-readiness`; several
//! per page are fine (EMBEDDING.md lists every attribute). The boot script gives
//! each mount point a shadow root holding the widget's stylesheet and an element
//! marked `data-pr-root` to render into, so the host's styles cannot reach the
//! widget and the widget's cannot leak out; without one (a page that mounts the
//! module itself, the browser tests) the widget renders into the element itself.
//!
//! Two builds share this code (see ARCHITECTURE.md): the core build is what a
//! page loads first; the full build adds sharing, importing, opened links,
//! comparison, agenda, other languages and a host's own questionnaire. When
//! someone opens one of its screens, the core build loads the full one (through
//! the boot script's `partnershipReadiness.loadFull()`), unmounts its widget and
//! lets the full build mount into the same element, telling it which screen to
//! open in `data-pr-handover` — and, if this widget could not save, carrying its
//! data along so nothing is lost.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(feature = "full")]
use crate::codec::link;
use crate::components::app::{App, AppProps};
use crate::config::{self, Config, Language};
use crate::model::Questionnaire;
use crate::platform;
use crate::state::{Screen, Side};
use crate::text::{UiText, EN};

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-partnership-readiness";
/// Set on a mount point once a widget starts in it.
const MOUNTED_ATTRIBUTE: &str = "data-pr-mounted";
/// Marks the element the boot script prepared, in the mount point's shadow root, for the widget.
const ROOT_ATTRIBUTE: &str = "data-pr-root";
/// Which screen the full build opens in a widget handed over to it.
const HANDOVER_ATTRIBUTE: &str = "data-pr-handover";
/// The draft and results of a handed-over widget that could not save.
const CARRIED_MAIN_ATTRIBUTE: &str = "data-pr-carried-draft";
const CARRIED_RESULTS_ATTRIBUTE: &str = "data-pr-carried-results";
/// Set on the mount point: the screen shown (`start`, `step`, `review`,
/// `results`, `share`, `import`, `shared`, `compare`, `agenda`), for host styles
/// such as printing an agenda alone.
const SCREEN_ATTRIBUTE: &str = "data-pr-screen";

/// A widget on the page: its mount point, where it renders, and its texts (for the crash message).
struct Running {
    element: web_sys::Element,
    container: web_sys::Element,
    handle: yew::AppHandle<App>,
    text: &'static UiText,
}

thread_local! {
    /// The running widgets, so one can be unmounted to hand it over.
    static MOUNTED: RefCell<Vec<Running>> = const { RefCell::new(Vec::new()) };
}

/// What one widget starts with, besides its texts and questionnaire.
pub struct Setup {
    pub config: Rc<Config>,
    pub language: Language,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: String,
    /// This widget shows the share link in the address.
    pub opens_link: bool,
}

/// Mounts a widget into every marked element of the page that has none yet;
/// returns how many. Runs at start-up, and a host page may call it again
/// (`partnershipReadiness.mount()`) after adding mount points.
#[wasm_bindgen]
pub fn mount_all() -> usize {
    install_panic_hook();
    let elements = elements_with(MOUNT_ATTRIBUTE);
    let configs: Vec<(Config, Vec<config::ConfigWarning>)> =
        elements.iter().map(|element| config::parse(|name| element.get_attribute(name))).collect();
    let link_target = link_target(&configs);
    let languages = platform::browser_languages();
    let mut mounted = 0;
    for (index, (element, (config, warnings))) in elements.into_iter().zip(configs).enumerate() {
        if element.has_attribute(MOUNTED_ATTRIBUTE) {
            continue;
        }
        let language = config.language.resolve(&languages);
        if !cfg!(feature = "full") && config.needs_content(language) {
            // Another language or a host's questionnaire: the full build mounts it (and warns).
            defer_to_full();
            continue;
        }
        for warning in warnings {
            gloo::console::warn!(warning.to_string());
        }
        let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
        let setup = Setup {
            config: Rc::new(config),
            language,
            id_prefix: format!("pr{index}"),
            opens_link: link_target == Some(index),
        };
        start(element, setup);
        mounted += 1;
    }
    mounted
}

/// Which widget opens the share link in the address, if there is one. Only the
/// full build opens links (the boot script starts it for a page with one).
#[cfg(not(feature = "full"))]
fn link_target<T>(_configs: &[(Config, T)]) -> Option<usize> {
    None
}

#[cfg(feature = "full")]
fn link_target<T>(configs: &[(Config, T)]) -> Option<usize> {
    let fragment = web_sys::window()?.location().hash().ok()?;
    let parsed = link::parse_fragment(&fragment)?;
    let tags: Vec<String> = configs.iter().map(|(c, _)| link::widget_tag(&c.storage_key)).collect();
    Some(link::link_target(parsed.ok().as_ref().map(|(tag, _)| tag.as_str()), &tags))
}

/// The core build starts an English widget on the built-in questionnaire at once.
#[cfg(not(feature = "full"))]
fn start(element: web_sys::Element, setup: Setup) {
    mount(element, setup, &EN, Rc::new(Questionnaire::builtin()));
}

/// The full build first fetches what the widget needs besides English and the
/// built-in questionnaire; a questionnaire that cannot be used leaves the
/// visitor a short message and the host a console error naming the problem.
#[cfg(feature = "full")]
fn start(element: web_sys::Element, setup: Setup) {
    if !setup.config.needs_content(setup.language) {
        mount(element, setup, &EN, Rc::new(Questionnaire::builtin()));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match crate::content::load(setup.language, setup.config.questionnaire.as_deref()).await {
            Ok((text, questionnaire)) => mount(element, setup, text, Rc::new(questionnaire)),
            Err(unavailable) => {
                gloo::console::error!(unavailable.reason);
                show_message(&element, unavailable.text.unavailable, unavailable.text);
            }
        }
    });
}

/// Loads the full build and lets it mount what this build leaves to it.
#[cfg(not(feature = "full"))]
fn defer_to_full() {
    let Ok(loading) = load_full() else { return };
    let loaded = Closure::once(|module: JsValue| call_mount_all(&module));
    let _ = loading.then(&loaded);
    // Runs at most once; the page keeps it for the promise.
    loaded.forget();
}

#[cfg(feature = "full")]
fn defer_to_full() {}

/// Calls `mount_all` of a loaded build's module.
fn call_mount_all(module: &JsValue) {
    let mount =
        js_sys::Reflect::get(module, &"mount_all".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(mount) = mount {
        let _ = mount.call0(&JsValue::NULL);
    }
}

/// Where a widget renders: the element the boot script prepared in the mount
/// point's shadow root, or the mount point itself.
fn container_of(element: &web_sys::Element) -> web_sys::Element {
    element
        .shadow_root()
        .and_then(|root| root.query_selector(&format!("[{ROOT_ATTRIBUTE}]")).ok().flatten())
        .unwrap_or_else(|| element.clone())
}

/// Mounts one widget into `element`, replacing its fallback content.
fn mount(element: web_sys::Element, setup: Setup, text: &'static UiText, questionnaire: Rc<Questionnaire>) {
    let (start, carried) = handed_over(&element);
    let container = container_of(&element);
    // The placeholder ("Loading…", the slot showing the host's) goes; the widget takes over.
    container.set_text_content(None);
    let props = AppProps {
        link_tag: link_tag(&setup.config.storage_key),
        config: setup.config,
        text,
        questionnaire,
        id_prefix: setup.id_prefix.into(),
        start: if setup.opens_link { Some(Intent::Shared) } else { start },
        carried: carried.map(Rc::new),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    MOUNTED.with(|mounted| mounted.borrow_mut().push(Running { element, container, handle, text }));
}

/// The mount point of the widget whose root element is `root`: the element it
/// was mounted for, or (mounted directly, as in tests) the root's parent.
fn host_of(root: &web_sys::Element) -> Option<web_sys::Element> {
    MOUNTED
        .with(|mounted| mounted.borrow().iter().find(|r| r.container.contains(Some(root))).map(|r| r.element.clone()))
        .or_else(|| root.parent_element())
}

/// Announces `name` with `detail` (JSON text) to the host page: a DOM event on
/// the widget's mount point that bubbles, so the host can listen on any ancestor.
pub fn announce(root: &web_sys::Element, name: &str, detail: &str) {
    let Some(host) = host_of(root) else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // Nobody listening is fine.
        let _ = host.dispatch_event(&event);
    }
}

/// Shows on the mount point which screen the widget is on (`SCREEN_ATTRIBUTE`).
pub fn show_screen(root: &web_sys::Element, screen: Screen) {
    let name = match screen {
        Screen::Start => "start",
        Screen::Step(_) => "step",
        Screen::Review => "review",
        Screen::Results(_) => "results",
        Screen::Share(_) => "share",
        Screen::Import => "import",
        Screen::Shared => "shared",
        Screen::Compare(..) => "compare",
        Screen::Agenda(..) => "agenda",
    };
    if let Some(host) = host_of(root) {
        let _ = host.set_attribute(SCREEN_ATTRIBUTE, name);
    }
}

/// What the core build handed over with `element`: the screen to open, and the
/// draft and results documents of a widget that could not save.
#[cfg(feature = "full")]
fn handed_over(element: &web_sys::Element) -> (Option<Intent>, Option<(String, String)>) {
    let start = element.get_attribute(HANDOVER_ATTRIBUTE).and_then(|intent| Intent::parse(&intent));
    let carried =
        match (element.get_attribute(CARRIED_MAIN_ATTRIBUTE), element.get_attribute(CARRIED_RESULTS_ATTRIBUTE)) {
            (Some(main), Some(results)) => Some((main, results)),
            _ => None,
        };
    for attribute in [HANDOVER_ATTRIBUTE, CARRIED_MAIN_ATTRIBUTE, CARRIED_RESULTS_ATTRIBUTE] {
        let _ = element.remove_attribute(attribute);
    }
    (start, carried)
}

/// The core build is never handed a widget.
#[cfg(not(feature = "full"))]
fn handed_over(_element: &web_sys::Element) -> (Option<Intent>, Option<(String, String)>) {
    (None, None)
}

/// The widget's tag in share links (only the full build makes links).
#[cfg(feature = "full")]
pub fn link_tag(storage_key: &str) -> yew::AttrValue {
    link::widget_tag(storage_key).into()
}

#[cfg(not(feature = "full"))]
pub fn link_tag(_storage_key: &str) -> yew::AttrValue {
    yew::AttrValue::default()
}

/// A screen the full build opens in a widget handed over to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Share(u64),
    Import,
    Shared,
    /// Comparing a saved result with another, to be chosen.
    Compare(u64),
    /// The meeting agenda of a saved result.
    Agenda(u64),
}

impl Intent {
    /// The intent that opens `screen`, for the screens only the full build has.
    pub fn of(screen: Screen) -> Option<Self> {
        match screen {
            Screen::Share(id) => Some(Intent::Share(id)),
            Screen::Import => Some(Intent::Import),
            Screen::Shared => Some(Intent::Shared),
            Screen::Compare(Side::Saved(id), None) => Some(Intent::Compare(id)),
            Screen::Agenda(Side::Saved(id), None) => Some(Intent::Agenda(id)),
            _ => None,
        }
    }

    pub fn screen(self) -> Screen {
        match self {
            Intent::Share(id) => Screen::Share(id),
            Intent::Import => Screen::Import,
            Intent::Shared => Screen::Shared,
            Intent::Compare(id) => Screen::Compare(Side::Saved(id), None),
            Intent::Agenda(id) => Screen::Agenda(Side::Saved(id), None),
        }
    }

    fn text(self) -> String {
        match self {
            Intent::Share(id) => format!("share:{id}"),
            Intent::Import => "import".to_owned(),
            Intent::Shared => "shared".to_owned(),
            Intent::Compare(id) => format!("compare:{id}"),
            Intent::Agenda(id) => format!("agenda:{id}"),
        }
    }

    #[cfg(feature = "full")]
    fn parse(text: &str) -> Option<Self> {
        match text.split_once(':') {
            Some(("share", id)) => id.parse().ok().map(Intent::Share),
            Some(("compare", id)) => id.parse().ok().map(Intent::Compare),
            Some(("agenda", id)) => id.parse().ok().map(Intent::Agenda),
            None if text == "import" => Some(Intent::Import),
            None if text == "shared" => Some(Intent::Shared),
            _ => None,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// Set by the boot script: loads the full build once, resolving to its module.
    #[wasm_bindgen(catch, js_namespace = partnershipReadiness, js_name = loadFull)]
    fn load_full() -> Result<js_sys::Promise, JsValue>;
}

/// Hands the widget whose root element is `root` over to the full build,
/// which opens `intent` (and takes `carried`, the draft and results documents,
/// when this widget could not save them). `failed` is called if the full build
/// cannot be loaded; the widget then stays as it is.
pub fn hand_over(
    root: &web_sys::Element,
    intent: Intent,
    carried: Option<(String, String)>,
    failed: impl FnOnce() + 'static,
) {
    let Some(element) = host_of(root) else { return };
    let _ = element.set_attribute(HANDOVER_ATTRIBUTE, &intent.text());
    if let Some((main, results)) = carried {
        let _ = element.set_attribute(CARRIED_MAIN_ATTRIBUTE, &main);
        let _ = element.set_attribute(CARRIED_RESULTS_ATTRIBUTE, &results);
    }
    let Ok(loading) = load_full() else {
        failed();
        return;
    };
    let loaded = Closure::once(move |module: JsValue| {
        // Unmount this build's widget, then let the full build mount there.
        let running = MOUNTED.with(|mounted| {
            let mut mounted = mounted.borrow_mut();
            let position = mounted.iter().position(|r| r.element == element)?;
            Some(mounted.remove(position))
        });
        if let Some(running) = running {
            running.handle.destroy();
        }
        let _ = element.remove_attribute(MOUNTED_ATTRIBUTE);
        call_mount_all(&module);
    });
    let failed = Closure::once(move |_: JsValue| failed());
    let _ = loading.then2(&loaded, &failed);
    // Each runs at most once; the page keeps them for the promise.
    loaded.forget();
    failed.forget();
}

/// Every element of the page that carries `attribute` (none without a document).
fn elements_with(attribute: &str) -> Vec<web_sys::Element> {
    let nodes = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|document| document.query_selector_all(&format!("[{attribute}]")).ok());
    let Some(nodes) = nodes else {
        return Vec::new();
    };
    (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// Replaces every mounted widget with a visible message when Rust panics, so a
/// bug shows up as "reload" rather than a frozen page. Saved data is untouched.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(format!("partnership readiness: {info}"));
        show_crash_message();
    }));
}

/// Puts the crash message in place of every mounted widget, in its language.
/// Built with DOM calls, not markup, so nothing here is ever parsed as HTML; a
/// plain link reloads, because after a panic no Rust event handler can run.
pub fn show_crash_message() {
    let widgets: Vec<(web_sys::Element, &'static UiText)> =
        MOUNTED.with(|mounted| mounted.borrow().iter().map(|r| (r.element.clone(), r.text)).collect());
    for (element, text) in widgets {
        show_message(&element, text.crash_message, text);
    }
}

/// Replaces what the widget in `element` shows with `message`, an alert with a
/// link that reloads the page.
fn show_message(element: &web_sys::Element, message: &str, text: &UiText) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let build = || -> Option<web_sys::Element> {
        let widget = document.create_element("div").ok()?;
        widget.set_class_name("pr-widget");
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("pr-crash");
        alert.set_attribute("role", "alert").ok()?;
        let paragraph = document.create_element("p").ok()?;
        paragraph.set_text_content(Some(message));
        let reload = document.create_element("a").ok()?;
        reload.set_attribute("href", "").ok()?;
        reload.set_text_content(Some(text.crash_reload));
        let reload_line = document.create_element("p").ok()?;
        reload_line.append_child(&reload).ok()?;
        alert.append_child(&paragraph).ok()?;
        alert.append_child(&reload_line).ok()?;
        widget.append_child(&alert).ok()?;
        Some(widget)
    };
    if let Some(widget) = build() {
        let container = container_of(element);
        container.set_text_content(None);
        let _ = container.append_child(&widget);
    }
}
