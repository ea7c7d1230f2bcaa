//! How the widget gets onto a page: which elements it mounts into, what the host
//! configures through data attributes, handing a widget over to the full build,
//! and the last-resort crash message.
//!
//! A host page marks each mount point with `data-partnership-readiness`; several
//! per page are fine. Optional attribute: `data-storage-key` (default
//! [`crate::storage::DEFAULT_KEY`]) so two widgets on one origin can keep
//! separate results.
//!
//! Two builds share this code (see ARCHITECTURE.md): the core build is what a
//! page loads first; the full build adds sharing, importing and opened links.
//! When someone opens one of those screens, the core build loads the full one
//! (through the boot script's `partnershipReadiness.loadFull()`), unmounts its
//! widget and lets the full build mount into the same element, telling it which
//! screen to open in `data-pr-handover` — and, if this widget could not save,
//! carrying its data along so nothing is lost.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[cfg(feature = "full")]
use crate::codec::link;
use crate::components::app::{App, AppProps};
use crate::state::{Screen, Side};
use crate::storage::DEFAULT_KEY;
use crate::text::EN;

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-partnership-readiness";
/// Set on a mount point once the widget runs in it.
const MOUNTED_ATTRIBUTE: &str = "data-pr-mounted";
/// Which screen the full build opens in a widget handed over to it.
const HANDOVER_ATTRIBUTE: &str = "data-pr-handover";
/// The draft and results of a handed-over widget that could not save.
const CARRIED_MAIN_ATTRIBUTE: &str = "data-pr-carried-draft";
const CARRIED_RESULTS_ATTRIBUTE: &str = "data-pr-carried-results";

/// What the host page chose for one widget instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    pub storage_key: String,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: String,
}

impl EmbedConfig {
    fn from_element(element: &web_sys::Element, index: usize) -> Self {
        let storage_key = element
            .get_attribute("data-storage-key")
            .map(|key| key.trim().to_owned())
            .filter(|key| !key.is_empty())
            .unwrap_or_else(|| DEFAULT_KEY.to_owned());
        Self { storage_key, id_prefix: format!("pr{index}") }
    }
}

thread_local! {
    /// The running widgets, so one can be unmounted to hand it over.
    static MOUNTED: RefCell<Vec<(web_sys::Element, yew::AppHandle<App>)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget into every marked element of the page that has none yet;
/// returns how many. The boot script calls it at start-up, and a host page may
/// call it again (`partnershipReadiness.mount()`) after adding mount points.
#[wasm_bindgen]
pub fn mount_all() -> usize {
    install_panic_hook();
    let elements = elements_with(MOUNT_ATTRIBUTE);
    let configs: Vec<EmbedConfig> =
        elements.iter().enumerate().map(|(index, element)| EmbedConfig::from_element(element, index)).collect();
    let link_target = link_target(&configs);
    let mut mounted = 0;
    for (index, (element, config)) in elements.into_iter().zip(configs).enumerate() {
        if element.has_attribute(MOUNTED_ATTRIBUTE) {
            continue;
        }
        mount(element, config, link_target == Some(index));
        mounted += 1;
    }
    mounted
}

/// Which widget opens the share link in the address, if there is one. Only the
/// full build opens links (the boot script starts it for a page with one).
#[cfg(not(feature = "full"))]
fn link_target(_configs: &[EmbedConfig]) -> Option<usize> {
    None
}

#[cfg(feature = "full")]
fn link_target(configs: &[EmbedConfig]) -> Option<usize> {
    let fragment = web_sys::window()?.location().hash().ok()?;
    let parsed = link::parse_fragment(&fragment)?;
    let tags: Vec<String> = configs.iter().map(|c| link::widget_tag(&c.storage_key)).collect();
    Some(link::link_target(parsed.ok().as_ref().map(|(tag, _)| tag.as_str()), &tags))
}

/// Mounts one widget into `element`, replacing its fallback content. `opens_link`:
/// this widget shows the share link in the address.
pub fn mount(element: web_sys::Element, config: EmbedConfig, opens_link: bool) {
    let (start, carried) = handed_over(&element);
    // The host's placeholder ("Loading…", <noscript> text) goes; the widget takes over.
    element.set_text_content(None);
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    let props = AppProps {
        link_tag: link_tag(&config.storage_key),
        storage_key: config.storage_key.into(),
        id_prefix: config.id_prefix.into(),
        start: if opens_link { Some(Intent::Shared) } else { start },
        carried: carried.map(std::rc::Rc::new),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
    MOUNTED.with(|mounted| mounted.borrow_mut().push((element, handle)));
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
fn link_tag(storage_key: &str) -> yew::AttrValue {
    link::widget_tag(storage_key).into()
}

#[cfg(not(feature = "full"))]
fn link_tag(_storage_key: &str) -> yew::AttrValue {
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

/// Hands the widget mounted in the parent of `root` over to the full build,
/// which opens `intent` (and takes `carried`, the draft and results documents,
/// when this widget could not save them). `failed` is called if the full build
/// cannot be loaded; the widget then stays as it is.
pub fn hand_over(
    root: &web_sys::Element,
    intent: Intent,
    carried: Option<(String, String)>,
    failed: impl FnOnce() + 'static,
) {
    let Some(element) = root.parent_element() else { return };
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
        let handle = MOUNTED.with(|mounted| {
            let mut mounted = mounted.borrow_mut();
            let position = mounted.iter().position(|(e, _)| *e == element)?;
            Some(mounted.remove(position).1)
        });
        if let Some(handle) = handle {
            handle.destroy();
        }
        let _ = element.remove_attribute(MOUNTED_ATTRIBUTE);
        let mount =
            js_sys::Reflect::get(&module, &"mount_all".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(mount) = mount {
            let _ = mount.call0(&JsValue::NULL);
        }
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

/// Puts the crash message in place of every mounted widget. Built with DOM
/// calls, not markup, so nothing here is ever parsed as HTML; a plain link
/// reloads, because after a panic no Rust event handler can run.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let build = || -> Option<web_sys::Element> {
        let widget = document.create_element("div").ok()?;
        widget.set_class_name("pr-widget");
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("pr-crash");
        alert.set_attribute("role", "alert").ok()?;
        let message = document.create_element("p").ok()?;
        message.set_text_content(Some(EN.crash_message));
        let reload = document.create_element("a").ok()?;
        reload.set_attribute("href", "").ok()?;
        reload.set_text_content(Some(EN.crash_reload));
        let reload_line = document.create_element("p").ok()?;
        reload_line.append_child(&reload).ok()?;
        alert.append_child(&message).ok()?;
        alert.append_child(&reload_line).ok()?;
        widget.append_child(&alert).ok()?;
        Some(widget)
    };
    for element in elements_with(MOUNTED_ATTRIBUTE) {
        if let Some(message) = build() {
            element.set_text_content(None);
            let _ = element.append_child(&message);
        }
    }
}
