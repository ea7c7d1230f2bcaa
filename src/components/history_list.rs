//! Saved results, newest first and a page at a time: open, delete one, or
//! delete all, each deletion confirmed inline.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::trend_badge::trend_badge;
use super::{button, quiet_button, View};
use crate::model::{trend, SavedResult};
use crate::platform::format_date;
use crate::state::{Action, Confirmation, HISTORY_PAGE};
use crate::text::fill;

/// `loaded`: whether the stored results have been read yet (they follow the
/// first screen).
pub fn history_list(
    view: &View,
    history: &[SavedResult],
    loaded: bool,
    shown: usize,
    pending: Option<Confirmation>,
) -> Html {
    let text = view.text;
    let hidden = history.len().saturating_sub(shown);

    let rows = history.iter().rev().take(shown).map(|result| {
        let label = view.text.result_name(result);
        let score = match (result.overall, &result.band_label) {
            (Some(score), Some(band)) => format!("{score} \u{2013} {band}"),
            (Some(score), None) => score.to_string(),
            _ => text.common.no_score.to_owned(),
        };
        let change = trend::earlier(history, result).and_then(|earlier| trend::overall_change(earlier, result));
        let actions = if pending == Some(Confirmation::DeleteResult(result.id)) {
            confirm_prompt(view, &fill(text.history.confirm_delete, &[("label", label)]), text.history.confirm_delete_yes)
        } else {
            html! {
                <div class="pr-actions pr-actions-compact">
                    <button type="button" class="pr-button" onclick={view.send(Action::OpenResult(result.id))}
                        aria-label={format!("{} {label}", text.history.open)}>{ text.history.open }</button>
                    <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::Ask(Confirmation::DeleteResult(result.id)))}
                        aria-label={format!("{} {label}", text.history.delete)}>{ text.history.delete }</button>
                </div>
            }
        };
        html! {
            <tr key={result.id}>
                <td>{ format_date(result.finished_at_ms, text) }</td>
                <th scope="row">
                    { label.to_owned() }
                    if result.received { { " " }<span class="pr-tag">{ text.history.received_tag }</span> }
                </th>
                <td>
                    { score }
                    if let Some(change) = change {
                        { " " }{ trend_badge(view, change) }
                    }
                </td>
                <td>{ actions }</td>
            </tr>
        }
    });

    html! {
        // Not a named region: two widgets on a page would make two landmarks of one name.
        <section class="pr-history">
            <h3>{ text.history.title }</h3>
            if !loaded {
                <p class="pr-muted">{ text.history.loading }</p>
            } else if history.is_empty() {
                <p class="pr-muted">{ text.history.empty }</p>
            } else {
                <div class="pr-table-scroll">
                    <table class="pr-table">
                        <thead>
                            <tr>
                                <th scope="col">{ text.history.col_date }</th>
                                <th scope="col">{ text.history.col_label }</th>
                                <th scope="col">{ text.history.col_score }</th>
                                <th scope="col">{ text.history.col_actions }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                if hidden > 0 {
                    <p class="pr-muted">
                        { fill(text.history.showing, &[("shown", &shown.to_string()), ("total", &history.len().to_string())]) }
                    </p>
                    { button(fill(text.history.show_more, &[("count", &hidden.min(HISTORY_PAGE).to_string())]).into(), view.send(Action::ShowMoreHistory)) }
                }
                if pending == Some(Confirmation::ClearHistory) {
                    { confirm_prompt(view, text.history.confirm_clear, text.history.confirm_clear_yes) }
                } else {
                    <div class="pr-actions">
                        { quiet_button(text.history.clear.into(), view.send(Action::Ask(Confirmation::ClearHistory))) }
                    </div>
                }
            }
        </section>
    }
}
