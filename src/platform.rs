//! The few browser facts the rest of the shell needs: the clock, dates in the
//! person's language, and random ids. One small module, so `storage` and the
//! views depend on it rather than on each other.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::text::UiText;

/// The browser clock, in whole milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    // Date.now() is a non-negative integer well below 2^53.
    js_sys::Date::now() as u64
}

/// A random 64-bit id for a new result, from two draws of the browser's
/// generator (each tab seeds its own). Two tabs finishing in the same millisecond
/// still pick different ids; a collision among 2,000 results has a chance of
/// about one in 10^13, and the merge gives the later one a new id even then.
pub fn random_id() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// A date in the person's time zone, in the words of `text`, e.g. "27 November 2026".
/// Formatted here rather than by `Intl.DateTimeFormat`, whose first use costs tens of
/// milliseconds of start-up (measured: 28–58 ms), and so that a date reads in the
/// widget's language rather than the browser's.
pub fn format_date(ms_since_epoch: u64, text: &UiText) -> String {
    // Stored times are checked to lie within what a Date can hold.
    let date = js_sys::Date::new(&JsValue::from_f64(ms_since_epoch as f64));
    text.date(date.get_full_year(), date.get_month(), date.get_date())
}

/// Runs `task` once the browser has painted what is on screen now and has a
/// moment to spare: work the first screen does not need (reading thousands of
/// saved results) waits until that screen is visible and usable. A frame
/// callback runs before the next paint; from it the task is queued for when
/// the browser is idle, so a click on the fresh screen goes first (a plain
/// timer task ran just after the first frame, before anything else could).
/// A browser without idle callbacks (Safari) gets a timer.
pub fn after_next_paint(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let queue_task = Closure::once_into_js(move || {
        if let Some(window) = web_sys::window() {
            let callback = Closure::once_into_js(task);
            // Without either the work is skipped, which only leaves the list loading.
            if window.request_idle_callback(callback.unchecked_ref()).is_err() {
                let _ = window.set_timeout_with_callback(callback.unchecked_ref());
            }
        }
    });
    let _ = window.request_animation_frame(queue_task.unchecked_ref());
}

/// The browser's preferred languages, most preferred first (BCP 47 tags).
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}
