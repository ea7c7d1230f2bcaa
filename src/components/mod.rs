//! The browser shell's user interface.
//!
//! `app` is the one Yew component: it owns the state, does the I/O and moves
//! focus. Every other file is one piece of the interface written as a *view
//! function* — `fn(&View, data) -> Html` — that renders what it is given and
//! reports clicks as [`Action`]s. Plain functions rather than Yew components
//! because each Yew component adds its lifecycle machinery to the wasm binary
//! (measured at several KiB across the app), and every visitor downloads that
//! on first load; the state is small, so diffing the whole tree costs nothing.
//!
//! The screens only the full build has are declared for it alone; what the
//! interface does differently per build is in `edition_core.rs`,
//! `edition_partner.rs` and `edition_full.rs` (one of them is the `edition`
//! module; the first two share `handover.rs`).

#[cfg(feature = "full")]
pub mod add_members_screen;
#[cfg(feature = "full")]
pub mod agenda_screen;
pub mod app;
#[cfg(feature = "full")]
pub mod compare_screen;
pub mod confirm_prompt;
pub mod draft_conflict;
#[cfg(not(any(feature = "full", feature = "partner")))]
#[path = "edition_core.rs"]
mod edition;
#[cfg(feature = "full")]
#[path = "edition_full.rs"]
mod edition;
#[cfg(all(feature = "partner", not(feature = "full")))]
#[path = "edition_partner.rs"]
mod edition;
#[cfg(feature = "full")]
pub mod field;
#[cfg(not(feature = "full"))]
pub mod handover;
pub mod history_list;
#[cfg(feature = "full")]
pub mod import_screen;
#[cfg(feature = "full")]
pub mod link_field;
#[cfg(feature = "full")]
pub mod link_screen;
#[cfg(not(feature = "full"))]
pub mod loading_screen;
pub mod next_steps;
#[cfg(feature = "full")]
pub mod party;
pub mod principle_step;
pub mod progress_bar;
#[cfg(feature = "full")]
pub mod radar_chart;
pub mod result_body;
pub mod results_screen;
pub mod review_screen;
pub mod score_table;
pub mod scoring_explainer;
#[cfg(feature = "full")]
pub mod share_screen;
#[cfg(any(feature = "full", feature = "partner"))]
pub mod shared_screen;
pub mod start_screen;
pub mod statement_field;
pub mod status_region;
pub mod step_list;
pub mod storage_notice;
#[cfg(feature = "full")]
pub mod team_screen;
#[cfg(feature = "full")]
pub mod teams_screen;
pub mod trend_badge;

use yew::prelude::*;

use crate::config::Config;
use crate::state::Action;
use crate::text::UiText;

/// What every view needs from the widget instance it renders for.
pub struct View<'a> {
    pub text: &'static UiText,
    /// What the host configured: features shown, heading, label prompt.
    pub config: &'a Config,
    /// Prefix making element ids unique when several widgets share a page.
    pub id_prefix: &'a str,
    /// Where user actions go: the app's reducer.
    pub on_action: &'a Callback<Action>,
}

impl View<'_> {
    /// An element id unique to this widget instance.
    pub fn id(&self, local: &str) -> String {
        format!("{}-{local}", self.id_prefix)
    }

    /// A click handler that sends `action`. Deliberately not generic: every
    /// button shares this one closure type, so its code exists once in the binary.
    pub fn send(&self, action: Action) -> Callback<MouseEvent> {
        let on_action = self.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    }
}

/// The widget's buttons, one function per look (filled, outlined, quiet):
/// each `html!` button is code of its own in the download, while a call of
/// one of these is a few bytes. (A class chosen at run time instead would
/// bring Yew's class set, a hash table, to the first load.)
#[inline(never)]
pub fn primary_button(label: AttrValue, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="pr-button pr-button-primary" {onclick}>{ label }</button> }
}

#[inline(never)]
pub fn button(label: AttrValue, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="pr-button" {onclick}>{ label }</button> }
}

#[inline(never)]
pub fn quiet_button(label: AttrValue, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="pr-button pr-button-quiet" {onclick}>{ label }</button> }
}

/// The attribute marking the element that takes focus after a screen change.
pub const FOCUS_TARGET: &str = "data-pr-focus";
/// The attribute marking the safe choice of a confirmation, focused when it appears.
pub const CONFIRM_FOCUS_TARGET: &str = "data-pr-autofocus";

/// The text of the input or textarea an `input` event came from, as typed or
/// pasted; the field itself is trimmed to `max_chars` characters, and the
/// reducer keeps as many and says how many it left out. Browsers' `maxlength`
/// counts UTF-16 units, so an emoji would count twice and stop input at half
/// the limit the counter shows, and it cuts a paste without a word.
pub fn limited_input(event: &InputEvent, max_chars: usize) -> String {
    let Some(field) = event.target() else { return String::new() };
    // Both kinds of field have a `value` property; reading it directly serves both.
    let value = js_sys::Reflect::get(&field, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    if value.chars().count() <= max_chars {
        return value;
    }
    let kept = crate::model::responses::truncate_chars(&value, max_chars);
    let _ = js_sys::Reflect::set(&field, &"value".into(), &kept.as_str().into());
    value
}
