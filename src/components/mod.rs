//! The browser shell's components, one per file. `app` owns the state and does
//! the I/O; every other component renders props and reports `Action`s upward.

pub mod app;
pub mod confirm_prompt;
pub mod history_list;
pub mod principle_step;
pub mod progress_bar;
pub mod radar_chart;
pub mod results_screen;
pub mod review_screen;
pub mod score_table;
pub mod scoring_explainer;
pub mod start_screen;
pub mod statement_field;
pub mod status_region;
pub mod step_list;
pub mod storage_notice;

use yew::prelude::*;

use crate::text::{UiText, EN};

/// What every component may need from the widget instance around it.
#[derive(Debug, Clone)]
pub struct WidgetContext {
    pub text: &'static UiText,
    /// Prefix making element ids unique when several widgets share a page.
    pub id_prefix: AttrValue,
}

impl PartialEq for WidgetContext {
    fn eq(&self, other: &Self) -> bool {
        // Texts are static tables: the same table is the same address, and
        // comparing a hundred strings on every render would be wasted work.
        std::ptr::eq(self.text, other.text) && self.id_prefix == other.id_prefix
    }
}

impl WidgetContext {
    /// An element id unique to this widget instance.
    pub fn id(&self, local: &str) -> String {
        format!("{}-{local}", self.id_prefix)
    }
}

/// The surrounding widget's context (English and prefix "pr" outside an `App`).
#[hook]
pub fn use_widget() -> WidgetContext {
    use_context::<WidgetContext>().unwrap_or(WidgetContext { text: &EN, id_prefix: AttrValue::Static("pr") })
}

/// A click handler that sends `action`. Deliberately not generic: every
/// button shares this one closure type, so its code exists once in the binary.
pub fn send(on_action: &Callback<crate::state::Action>, action: crate::state::Action) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
}

/// The browser clock, in whole milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    // Date.now() is a non-negative integer well below 2^53.
    js_sys::Date::now() as u64
}

/// A date as the person's browser writes it, e.g. "27 November 2026".
pub fn format_date(ms_since_epoch: u64, locale: &str) -> String {
    // Timestamps are far below 2^53, so the conversion is exact.
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms_since_epoch as f64));
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    String::from(date.to_locale_date_string(locale, &options))
}
