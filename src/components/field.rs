//! Reading a field of the widget when it is needed (full build: a passphrase,
//! pasted text, ticked boxes), rather than keeping its value in the state.

use wasm_bindgen::JsCast;
use yew::Event;

/// The field `id` in the widget an event happened in. The widget lives in a
/// shadow root, where the page's `getElementById` does not look.
fn field(event: &Event, id: &str) -> Option<web_sys::Element> {
    let root = event.target()?.dyn_into::<web_sys::Node>().ok()?.get_root_node();
    match root.dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.get_element_by_id(id),
        Err(root) => root.dyn_into::<web_sys::Document>().ok()?.get_element_by_id(id),
    }
}

fn property(event: &Event, id: &str, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&field(event, id)?.into(), &name.into()).ok()
}

/// The value of the field `id`.
pub fn field_value(event: &Event, id: &str) -> String {
    property(event, id, "value").and_then(|value| value.as_string()).unwrap_or_default()
}

/// Whether the checkbox `id` is ticked.
pub fn field_checked(event: &Event, id: &str) -> bool {
    property(event, id, "checked").is_some_and(|checked| checked.is_truthy())
}
