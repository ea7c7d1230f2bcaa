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
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetContext {
    pub text: &'static UiText,
    /// Prefix making element ids unique when several widgets share a page.
    pub id_prefix: AttrValue,
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

/// A date as the person's browser writes it, e.g. "27 November 2026".
pub fn format_date(ms_since_epoch: f64, locale: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms_since_epoch));
    let options = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    String::from(date.to_locale_date_string(locale, &options))
}
