//! The parts of sharing a link that the share screen and a team's share block
//! both show (full build): the link in a read-only field that selects itself
//! when focused, so it can be copied by hand; what to say when the clipboard
//! refused a copy, and the text to copy by hand when it is not that link.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::text::ShareText;

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

/// What to say when the clipboard refused `copy`, and the text to offer for
/// copying by hand: none when `copy` is the link already on screen in its field
/// (which selects itself when focused), so the link is not shown twice.
pub fn refused_copy<'a>(share: &ShareText, copy: &'a str, shown_link: Option<&str>) -> (String, Option<&'a str>) {
    if shown_link == Some(copy) {
        (share.link_not_copied.to_owned(), None)
    } else {
        (share.copy_failed.to_owned(), Some(copy))
    }
}

/// What the clipboard would not take, to select and copy by hand.
pub fn copy_by_hand(id: String, label: &str, copy: Option<&str>) -> Html {
    let Some(copy) = copy else { return Html::default() };
    html! {
        <div class="pr-field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <textarea {id} rows="4" readonly=true value={copy.to_owned()} />
        </div>
    }
}
