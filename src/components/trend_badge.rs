//! A change of score since the earlier result with the same label: an arrow and
//! the number for the eye, the same in words for screen readers.

use yew::prelude::*;

use super::View;

pub fn trend_badge(view: &View, change: i16) -> Html {
    let (arrow, direction) = match change {
        0 => ("=", "same"),
        n if n > 0 => ("\u{25b2}", "up"),
        _ => ("\u{25bc}", "down"),
    };
    html! {
        <span class="pr-trend" data-direction={direction}>
            <span aria-hidden="true">{ format!("{arrow}\u{a0}{}", change.unsigned_abs()) }</span>
            <span class="pr-visually-hidden">{ view.text.trend_words(change) }</span>
        </span>
    }
}
