//! How the widget gets onto a page: which elements it mounts into, what the host
//! configures through data attributes, and the last-resort crash message.
//!
//! A host page marks each mount point with `data-partnership-readiness`; several
//! per page are fine. Optional attribute: `data-storage-key` (default
//! [`crate::storage::DEFAULT_KEY`]) so two widgets on one origin can keep
//! separate results.

use wasm_bindgen::JsCast;

use crate::components::app::{App, AppProps};
use crate::storage::DEFAULT_KEY;
use crate::text::EN;

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-partnership-readiness";
/// Set on a mount point once the widget runs in it.
const MOUNTED_ATTRIBUTE: &str = "data-pr-mounted";

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

/// Mounts a widget into every marked element of the page; returns how many.
pub fn mount_all() -> usize {
    install_panic_hook();
    let mut mounted = 0;
    for (index, element) in elements_with(MOUNT_ATTRIBUTE).into_iter().enumerate() {
        if element.has_attribute(MOUNTED_ATTRIBUTE) {
            continue;
        }
        let config = EmbedConfig::from_element(&element, index);
        mount(element, config);
        mounted += 1;
    }
    mounted
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

/// Mounts one widget into `element`, replacing its fallback content.
pub fn mount(element: web_sys::Element, config: EmbedConfig) -> yew::AppHandle<App> {
    // The host's placeholder ("Loading…", <noscript> text) goes; the widget takes over.
    element.set_text_content(None);
    let _ = element.set_attribute(MOUNTED_ATTRIBUTE, "");
    yew::Renderer::<App>::with_root_and_props(
        element,
        AppProps { storage_key: config.storage_key.into(), id_prefix: config.id_prefix.into() },
    )
    .render()
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
