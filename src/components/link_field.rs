//! The parts of sharing a link that the share screen and a team's share block
//! both show (full build): the link in a read-only field that selects itself
//! when focused, so it can be copied by hand, and the text to copy by hand
//! when the clipboard refused it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The link in a labelled, read-only field; focusing it selects it all.
pub fn link_field(id: String, label: &str, link: String) -> Html {
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            field.select();
        }
    });
    html! {
        <div class="pr-field pr-link-field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <input {id} type="text" readonly=true value={link} onfocus={select_all} spellcheck="false" />
        </div>
    }
}

/// What the clipboard would not take, to select and copy by hand; nothing when
/// there is no text (a copy that failed before its text was made).
pub fn copy_by_hand(id: String, label: &str, copy: Option<&str>) -> Html {
    let Some(copy) = copy.filter(|copy| !copy.is_empty()) else { return Html::default() };
    html! {
        <div class="pr-field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <textarea {id} rows="4" readonly=true value={copy.to_owned()} />
        </div>
    }
}
