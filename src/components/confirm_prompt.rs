//! An inline "are you sure?" for destructive actions. Inline rather than
//! `window.confirm`, which sandboxed iframes block. The app focuses Cancel, the
//! safe choice, as soon as the prompt appears.

use yew::prelude::*;

use super::View;
use crate::state::Action;

pub fn confirm_prompt(view: &View, message: &str, confirm_label: &'static str) -> Html {
    let message_id = view.id("confirm-message");
    html! {
        <div class="pr-confirm" role="group" aria-labelledby={message_id.clone()}>
            <p id={message_id} class="pr-confirm-message">{ message.to_owned() }</p>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-danger" onclick={view.send(Action::Confirm)}>
                    { confirm_label }
                </button>
                <button type="button" class="pr-button" data-pr-autofocus="" onclick={view.send(Action::Cancel)}>
                    { view.text.common.cancel }
                </button>
            </div>
        </div>
    }
}
