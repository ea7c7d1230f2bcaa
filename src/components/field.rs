//! Reading a field of the widget when it is needed (full build: a passphrase,
//! pasted text), rather than keeping its value in the state.

use wasm_bindgen::JsCast;
use yew::Event;

/// The value of the field `id` in the widget an event happened in. The widget
/// lives in a shadow root, where the page's `getElementById` does not look.
pub fn field_value(event: &Event, id: &str) -> String {
    let root =
        event.target().and_then(|target| target.dyn_into::<web_sys::Node>().ok()).map(|node| node.get_root_node());
    let field = root.and_then(|root| match root.dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.get_element_by_id(id),
        Err(root) => root.dyn_into::<web_sys::Document>().ok()?.get_element_by_id(id),
    });
    field
        .and_then(|field| js_sys::Reflect::get(&field, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}
