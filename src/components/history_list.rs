//! Saved results, newest first: open, delete one, or delete all, each deletion
//! confirmed inline.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::{format_date, View};
use crate::model::SavedResult;
use crate::state::{Action, Confirmation};
use crate::text::fill;

pub fn history_list(view: &View, history: &[SavedResult], pending: Option<Confirmation>) -> Html {
    let text = view.text;
    let heading_id = view.id("history-heading");

    let rows = history.iter().rev().map(|result| {
        let label = view.result_label(result);
        let score = match (result.overall, &result.band_label) {
            (Some(score), Some(band)) => format!("{score} \u{2013} {band}"),
            (Some(score), None) => score.to_string(),
            _ => text.no_score.to_owned(),
        };
        let actions = if pending == Some(Confirmation::DeleteResult(result.id)) {
            confirm_prompt(view, &fill(text.confirm_delete, &[("label", label)]), text.confirm_delete_yes)
        } else {
            html! {
                <div class="pr-actions pr-actions-compact">
                    <button type="button" class="pr-button" onclick={view.send(Action::OpenResult(result.id))}
                        aria-label={format!("{} {label}", text.history_open)}>{ text.history_open }</button>
                    <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::Ask(Confirmation::DeleteResult(result.id)))}
                        aria-label={format!("{} {label}", text.history_delete)}>{ text.history_delete }</button>
                </div>
            }
        };
        html! {
            <tr key={result.id}>
                <td>{ format_date(result.finished_at_ms, text.date_locale) }</td>
                <th scope="row">{ label.to_owned() }</th>
                <td>{ score }</td>
                <td>{ actions }</td>
            </tr>
        }
    });

    html! {
        <section class="pr-history" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ text.history_title }</h3>
            if history.is_empty() {
                <p class="pr-muted">{ text.history_empty }</p>
            } else {
                <div class="pr-table-scroll">
                    <table class="pr-table">
                        <thead>
                            <tr>
                                <th scope="col">{ text.history_col_date }</th>
                                <th scope="col">{ text.history_col_label }</th>
                                <th scope="col">{ text.history_col_score }</th>
                                <th scope="col">{ text.history_col_actions }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                if pending == Some(Confirmation::ClearHistory) {
                    { confirm_prompt(view, text.confirm_clear, text.confirm_clear_yes) }
                } else {
                    <div class="pr-actions">
                        <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::Ask(Confirmation::ClearHistory))}>
                            { text.history_clear }
                        </button>
                    </div>
                }
            }
        </section>
    }
}
