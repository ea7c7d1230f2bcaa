//! The share link in the page's address (the builds that open links: full and
//! partner): reading it, and taking it out once the result is kept or closed,
//! so a reload does not open it again.

use crate::codec::link::{self, LinkError, Payload};

/// The address's fragment (`#…`), or nothing.
pub fn fragment() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

/// The share link in the address, if there is one: the tag of the widget that
/// made it and its payload, or why it cannot be read.
pub fn link_in_address() -> Option<Result<(String, Payload), LinkError>> {
    link::parse_fragment(&fragment())
}

/// Takes the share link out of the address (keeping the path, the query and
/// the history entry's state); an address without one is left alone.
pub fn forget_link() {
    if link_in_address().is_none() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(query), Ok(history)) = (location.pathname(), location.search(), window.history()) else {
        return;
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{query}")));
}
