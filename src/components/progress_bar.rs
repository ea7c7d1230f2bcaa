//! "Principle 3 of 10" with a bar that says the same.

use yew::prelude::*;

use super::use_widget;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// 1-based.
    pub current: usize,
    pub total: usize,
}

#[function_component(ProgressBar)]
pub fn progress_bar(props: &ProgressBarProps) -> Html {
    let widget = use_widget();
    let label = fill(widget.text.progress, &[("n", &props.current.to_string()), ("total", &props.total.to_string())]);
    let label_id = widget.id("progress-label");
    // A whole number of percent keeps the width attribute stable across renders.
    let percent = props.current * 100 / props.total.max(1);
    html! {
        <div class="pr-progress">
            <p id={label_id.clone()} class="pr-progress-label">{ label.clone() }</p>
            <div class="pr-progress-track" role="progressbar" aria-labelledby={label_id}
                aria-valuemin="0" aria-valuemax={props.total.to_string()} aria-valuenow={props.current.to_string()}
                aria-valuetext={label}>
                <svg class="pr-progress-fill" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" width={percent.to_string()} height="4" />
                </svg>
            </div>
        </div>
    }
}
