//! A change of score since the earlier result with the same label: an arrow
//! (drawn by the stylesheet) and the number for the eye, the same in words for
//! screen readers.

use yew::prelude::*;

use super::View;

pub fn trend_badge(view: &View, change: i16) -> Html {
    let direction = match change.signum() {
        1 => "up",
        -1 => "down",
        _ => "same",
    };
    html! {
        <span class="pr-trend" data-direction={direction}>
            <span aria-hidden="true">{ change.unsigned_abs() }</span>
            <span class="pr-visually-hidden">{ view.text.trend_words(change) }</span>
        </span>
    }
}
