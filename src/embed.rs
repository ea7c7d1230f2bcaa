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
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return 0;
    };
    let mut mounted = 0;
    for index in 0..nodes.length() {
        let Some(element) = nodes.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
            continue;
        };
        if element.has_attribute(MOUNTED_ATTRIBUTE) {
            continue;
        }
        let config = EmbedConfig::from_element(&element, index as usize);
        mount(element, config);
        mounted += 1;
    }
    mounted
}

/// Mounts one widget into `element`, replacing its fallback content.
pub fn mount(element: web_sys::Element, config: EmbedConfig) -> yew::AppHandle<App> {
    // The host's placeholder ("Loading…", <noscript> text) goes; the widget takes over.
    element.set_inner_html("");
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

/// Puts the crash message in place of every mounted widget.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all(&format!("[{MOUNTED_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..nodes.length() {
        if let Some(element) = nodes.item(index).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            // Static text only: no user data is interpolated into this markup.
            // A plain link reloads: after a panic no Rust event handler can run.
            element.set_inner_html(&format!(
                "<div class=\"pr-widget\"><div class=\"pr-crash\" role=\"alert\"><p>{}</p><p><a href=\"\">{}</a></p></div></div>",
                EN.crash_message, EN.crash_reload
            ));
        }
    }
}
