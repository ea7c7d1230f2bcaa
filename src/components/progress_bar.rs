//! "Principle 3 of 10" with a native progress bar that says the same.

use yew::prelude::*;

use super::View;
use crate::text::fill;

/// `current` is 1-based.
pub fn progress_bar(view: &View, current: usize, total: usize) -> Html {
    let label = fill(view.text.step.progress, &[("n", &current.to_string()), ("total", &total.to_string())]);
    let label_id = view.id("progress-label");
    html! {
        <div class="pr-progress">
            <p id={label_id.clone()} class="pr-progress-label">{ label }</p>
            <progress class="pr-progress-bar" aria-labelledby={label_id}
                max={total.to_string()} value={current.to_string()} />
        </div>
    }
}
