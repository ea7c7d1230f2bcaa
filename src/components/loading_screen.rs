//! What the core build shows while it hands a widget over to the full build
//! (sharing, importing, an opened link), or why it could not.

use yew::prelude::*;

use super::{button, View};
use crate::state::Action;

pub fn loading_screen(view: &View, failed: bool) -> Html {
    let text = view.text;
    let heading_id = view.id("loading-heading");
    html! {
        <section class="pr-screen pr-loading" aria-labelledby={heading_id.clone()} aria-busy={(!failed).then_some("true")}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ text.loading.title }</h2>
            if failed {
                <p class="pr-notice-inline" role="alert">{ text.loading.failed }</p>
                <div class="pr-actions">
                    { button(text.common.back_to_start.into(), view.send(Action::GoToStart)) }
                </div>
            }
        </section>
    }
}
