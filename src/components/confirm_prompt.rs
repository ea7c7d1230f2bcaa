//! An inline "are you sure?" for destructive actions. Inline rather than
//! `window.confirm`, which sandboxed iframes block. Focus lands on Cancel, the
//! safe choice, as soon as the prompt appears.

use yew::prelude::*;

use super::use_widget;

#[derive(Properties, PartialEq)]
pub struct ConfirmPromptProps {
    pub message: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<MouseEvent>,
    pub on_cancel: Callback<MouseEvent>,
}

#[function_component(ConfirmPrompt)]
pub fn confirm_prompt(props: &ConfirmPromptProps) -> Html {
    let widget = use_widget();
    let cancel_ref = use_node_ref();
    {
        let cancel_ref = cancel_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = cancel_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let message_id = widget.id("confirm-message");
    html! {
        <div class="pr-confirm" role="group" aria-labelledby={message_id.clone()}>
            <p id={message_id} class="pr-confirm-message">{ props.message.clone() }</p>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-danger" onclick={props.on_confirm.clone()}>
                    { props.confirm_label.clone() }
                </button>
                <button type="button" class="pr-button" ref={cancel_ref} onclick={props.on_cancel.clone()}>
                    { widget.text.cancel }
                </button>
            </div>
        </div>
    }
}
