//! "Principle 3 of 10" with a bar that says the same.

use yew::prelude::*;

use super::View;
use crate::text::fill;

/// `current` is 1-based.
pub fn progress_bar(view: &View, current: usize, total: usize) -> Html {
    let label = fill(view.text.progress, &[("n", &current.to_string()), ("total", &total.to_string())]);
    let label_id = view.id("progress-label");
    let percent = current * 100 / total.max(1);
    html! {
        <div class="pr-progress">
            <p id={label_id.clone()} class="pr-progress-label">{ label.clone() }</p>
            <div class="pr-progress-track" role="progressbar" aria-labelledby={label_id}
                aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={current.to_string()}
                aria-valuetext={label}>
                <svg class="pr-progress-fill" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" width={percent.to_string()} height="4" />
                </svg>
            </div>
        </div>
    }
}
