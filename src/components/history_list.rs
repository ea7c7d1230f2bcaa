//! Saved results, newest first: open, delete one, or delete all, each deletion
//! confirmed inline.

use yew::prelude::*;

use super::confirm_prompt::ConfirmPrompt;
use super::{format_date, send, use_widget};
use crate::model::SavedResult;
use crate::state::{Action, Confirmation};
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct HistoryListProps {
    pub history: Vec<SavedResult>,
    pub pending: Option<Confirmation>,
    pub on_action: Callback<Action>,
}

#[function_component(HistoryList)]
pub fn history_list(props: &HistoryListProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    let heading_id = widget.id("history-heading");
    let act = |action: Action| send(&props.on_action, action);
    let confirm = act(Action::Confirm);
    let cancel = act(Action::Cancel);

    let rows = props.history.iter().rev().map(|result| {
        let label = if result.label.is_empty() { text.history_untitled.to_owned() } else { result.label.clone() };
        let score = match (result.overall, &result.band_label) {
            (Some(score), Some(band)) => format!("{score} \u{2013} {band}"),
            (Some(score), None) => score.to_string(),
            _ => text.no_score.to_owned(),
        };
        let actions = if props.pending == Some(Confirmation::DeleteResult(result.id)) {
            html! {
                <ConfirmPrompt
                    message={fill(text.confirm_delete, &[("label", &label)])}
                    confirm_label={text.confirm_delete_yes}
                    on_confirm={confirm.clone()}
                    on_cancel={cancel.clone()}
                />
            }
        } else {
            html! {
                <div class="pr-actions pr-actions-compact">
                    <button type="button" class="pr-button" onclick={act(Action::OpenResult(result.id))}
                        aria-label={format!("{} {}", text.history_open, label)}>{ text.history_open }</button>
                    <button type="button" class="pr-button pr-button-quiet" onclick={act(Action::Ask(Confirmation::DeleteResult(result.id)))}
                        aria-label={format!("{} {}", text.history_delete, label)}>{ text.history_delete }</button>
                </div>
            }
        };
        html! {
            <tr key={result.id}>
                <td>{ format_date(result.finished_at_ms, text.date_locale) }</td>
                <th scope="row">{ label }</th>
                <td>{ score }</td>
                <td>{ actions }</td>
            </tr>
        }
    });

    html! {
        <section class="pr-history" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ text.history_title }</h3>
            if props.history.is_empty() {
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
                if props.pending == Some(Confirmation::ClearHistory) {
                    <ConfirmPrompt message={text.confirm_clear} confirm_label={text.confirm_clear_yes} on_confirm={confirm} on_cancel={cancel} />
                } else {
                    <div class="pr-actions">
                        <button type="button" class="pr-button pr-button-quiet" onclick={act(Action::Ask(Confirmation::ClearHistory))}>
                            { text.history_clear }
                        </button>
                    </div>
                }
            }
        </section>
    }
}
