//! A saved result: heading, date, the scored body (`result_body`) with the
//! next steps under its overall score (`next_steps`), then print, delete and
//! back to start. Someone else's result says so.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::next_steps::next_steps;
use super::result_body::result_body;
use super::{button, quiet_button, View};
use crate::model::{trend, Questionnaire, SavedResult};
use crate::platform::format_date;
use crate::state::{Action, Confirmation, Screen};
use crate::text::fill;

pub fn results_screen(
    view: &View,
    q: &Questionnaire,
    result: &SavedResult,
    history: &[SavedResult],
    pending: Option<Confirmation>,
) -> Html {
    let (text, features) = (view.text, view.config.features);
    let heading_id = view.id("results-heading");
    let label = view.text.result_name(result);
    let title = match (result.received, result.label.is_empty()) {
        (false, true) => text.results.title.to_owned(),
        (false, false) => fill(text.results.title_labelled, &[("label", &result.label)]),
        (true, _) => text.received_title(&result.label),
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A blocked print dialog (sandboxed iframe) is not an error worth surfacing.
            let _ = window.print();
        }
    });
    let delete_controls = if pending == Some(Confirmation::DeleteResult(result.id)) {
        confirm_prompt(view, &fill(text.history.confirm_delete, &[("label", label)]), text.history.confirm_delete_yes)
    } else {
        html! {
            { quiet_button(text.history.delete.into(), view.send(Action::Ask(Confirmation::DeleteResult(result.id)))) }
        }
    };

    html! {
        <section class="pr-screen pr-results" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ title }</h2>
            <p class="pr-muted">{ fill(text.results.date, &[("date", &format_date(result.finished_at_ms, text))]) }</p>
            if result.received {
                <p class="pr-received">{ text.results.received_note }</p>
            }
            { result_body(view, q, result, trend::earlier(history, result).map(|earlier| trend::trend(q, earlier, result)).as_ref(), next_steps(view, result, history)) }
            <div class="pr-actions pr-no-print">
                // Sending one's own result is a next step; someone else's can still be passed on.
                if features.share && result.received {
                    { button(text.results.share.into(), view.send(Action::Open(Screen::Share(result.id)))) }
                }
                { button(text.results.print.into(), on_print) }
                { delete_controls }
                { quiet_button(text.common.back_to_start.into(), view.send(Action::GoToStart)) }
            </div>
        </section>
    }
}
