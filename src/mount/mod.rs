//! How the widget gets onto a page: finding the elements it mounts into,
//! reading each one's configuration (`crate::config`), starting a widget in
//! each, and the last-resort crash message.
//!
//! A host page marks each mount point with `data-partnership-readiness`; several
//! per page are fine (EMBEDDING.md lists every attribute). The boot script gives
//! each mount point a shadow root holding the widget's stylesheet and an element
//! marked `data-pr-root` to render into, so the host's styles cannot reach the
//! widget and the widget's cannot leak out; without one (a page that mounts the
//! module itself, the browser tests) the widget renders into the element itself.
//! What differs between the builds (what a widget needs before it starts,
//! which one opens a share link) is in `edition_core.rs`, `edition_partner.rs`,
//! `edition_own.rs` and `edition_full.rs`; all but the last share `handover.rs`,
//! the core and partner builds `builtin.rs`, the core and own-questionnaire
//! builds `no_links.rs`, the partner and full builds `link.rs`.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::app::{App, AppProps};
use crate::config::{self, Config, Language};
use crate::host::{self, Running, MOUNTED_ATTRIBUTE};
use crate::model::Questionnaire;
use crate::platform;
use crate::text::UiText;

#[cfg(not(any(feature = "full", feature = "own")))]
mod builtin;
#[cfg(not(any(feature = "full", feature = "partner", feature = "own")))]
#[path = "edition_core.rs"]
mod edition;
#[cfg(all(feature = "own", not(feature = "full")))]
#[path = "edition_own.rs"]
mod edition;
#[cfg(feature = "full")]
#[path = "edition_full.rs"]
mod edition;
#[cfg(all(feature = "partner", not(feature = "full")))]
#[path = "edition_partner.rs"]
mod edition;
#[cfg(not(feature = "full"))]
mod handover;
#[cfg(any(feature = "full", feature = "partner"))]
mod link;
#[cfg(not(any(feature = "full", feature = "partner")))]
mod no_links;

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-partnership-readiness";
/// Marks the element the boot script prepared, in the mount point's shadow root, for the widget.
const ROOT_ATTRIBUTE: &str = "data-pr-root";
/// Marks a mount point whose configuration is still to come (the iframe page
/// waits for its parent's texts): mounted by a later `mount_all`.
const WAIT_ATTRIBUTE: &str = "data-pr-wait";

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
    let link_target = edition::link_target(&configs);
    let languages = platform::browser_languages();
    let mut mounted = 0;
    for (index, (element, (config, warnings))) in elements.into_iter().zip(configs).enumerate() {
        if element.has_attribute(MOUNTED_ATTRIBUTE) || element.has_attribute(WAIT_ATTRIBUTE) {
            continue;
        }
        let language = config.language.resolve(&languages);
        if edition::leaves_to_full_build(&config, language) {
            // Another language or a host's questionnaire: the full build mounts it (and warns).
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
        edition::start(element, setup);
        mounted += 1;
    }
    mounted
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
fn mount(element: web_sys::Element, props: AppProps, text: &'static UiText) {
    let container = container_of(&element);
    // The placeholder ("Loading…", the slot showing the host's) goes; the widget takes over.
    container.set_text_content(None);
    let handle = yew::Renderer::<App>::with_root_and_props(container.clone(), props).render();
    host::register(Running { element, container, text, unmount: Box::new(move || handle.destroy()) });
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
    for (element, text) in host::running_widgets() {
        show_message(&element, text.common.crash_message, text, true);
    }
}

/// Replaces what the widget in `element` shows with `message`, an alert with a
/// link that reloads the page.
fn show_message(element: &web_sys::Element, message: &str, text: &UiText, offer_reload: bool) {
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
        reload.set_text_content(Some(text.common.crash_reload));
        let reload_line = document.create_element("p").ok()?;
        reload_line.append_child(&reload).ok()?;
        alert.append_child(&paragraph).ok()?;
        if offer_reload {
            alert.append_child(&reload_line).ok()?;
        }
        widget.append_child(&alert).ok()?;
        Some(widget)
    };
    if let Some(widget) = build() {
        let container = container_of(element);
        container.set_text_content(None);
        let _ = container.append_child(&widget);
    }
}

/// The props of a widget in `element` as `setup` and the content say.
fn props(setup: Setup, text: &'static UiText, questionnaire: Questionnaire) -> AppProps {
    AppProps {
        link_tag: edition::link_tag(&setup.config.storage_key),
        config: setup.config,
        text,
        questionnaire: Rc::new(questionnaire),
        id_prefix: setup.id_prefix.into(),
        start: None,
        carried: None,
    }
}
