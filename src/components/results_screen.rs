//! A saved result: heading, date, the scored body (`result_body`), and what
//! can be done with it: back to start, share or export, print, delete.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::result_body::result_body;
use super::View;
use crate::model::{trend, Questionnaire, SavedResult};
use crate::platform::format_date;
use crate::state::{Action, Confirmation, Screen, Side};
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
    let title = if result.label.is_empty() {
        text.results.title.to_owned()
    } else {
        fill(text.results.title_labelled, &[("label", &result.label)])
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
            <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::Ask(Confirmation::DeleteResult(result.id)))}>
                { text.history.delete }
            </button>
        }
    };

    html! {
        <section class="pr-screen pr-results" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ title }</h2>
            <p class="pr-muted">{ fill(text.results.date, &[("date", &format_date(result.finished_at_ms, text))]) }</p>
            { result_body(view, q, result, trend::earlier(history, result).map(|earlier| trend::trend(q, earlier, result)).as_ref()) }
            <div class="pr-actions pr-no-print">
                <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::GoToStart)}>{ text.common.back_to_start }</button>
                if features.compare {
                    <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Compare(Side::Saved(result.id), None)))}>{ text.results.compare }</button>
                }
                if features.agenda {
                    <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Agenda(Side::Saved(result.id), None)))}>{ text.results.agenda }</button>
                }
                if features.share {
                    <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Share(result.id)))}>{ text.results.share }</button>
                }
                <button type="button" class="pr-button" onclick={on_print}>{ text.results.print }</button>
                { delete_controls }
            </div>
        </section>
    }
}
