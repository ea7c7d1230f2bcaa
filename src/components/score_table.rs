//! The principle scores as a table, each with a bar under its name: the
//! scores read at a glance, and line up with their names on any screen width.
//! (A radar chart, shown only in a comparison, needed twice the width and
//! named its axes in a smaller type; bars are drawn with SVG attributes, since
//! a strict policy refuses style attributes.)

use yew::prelude::*;

use super::trend_badge::trend_badge;
use super::View;
use crate::model::scoring::round_score;
use crate::model::{Questionnaire, Report};
use crate::text::fill;

/// `changes`: per principle, the change since the earlier result with the same
/// label (a column of its own when there is such a result).
pub fn score_table(
    view: &View,
    questionnaire: &Questionnaire,
    report: &Report,
    changes: Option<&[Option<i16>]>,
) -> Html {
    let text = view.text;
    let all_rated = report.principles.iter().all(|score| score.rated == score.total);
    let rows = report.principles.iter().map(|score| {
        let principle = &questionnaire.principles[score.index];
        let (value, band) = match score.score {
            Some(s) => {
                let rounded = round_score(s);
                (rounded.to_string(), questionnaire.band_for(rounded).map(|b| b.label.clone()).unwrap_or_default())
            }
            None => (text.common.no_score.to_owned(), String::new()),
        };
        html! {
            <tr>
                <th scope="row">
                    { principle.title.clone() }
                    <svg class="pr-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                        <rect class="pr-bar-track" width="100" height="4" />
                        if let Some(s) = score.score {
                            <rect class="pr-bar-fill" width={round_score(s).to_string()} height="4" />
                        }
                    </svg>
                </th>
                <td class="pr-num" data-principle={principle.id.clone()}>
                    <span class="pr-score">{ value }</span>
                    if !band.is_empty() { <span class="pr-band-small">{ band }</span> }
                </td>
                <td class="pr-num">
                    { fill(text.results.table_rated, &[("rated", &score.rated.to_string()), ("total", &score.total.to_string())]) }
                </td>
                if let Some(changes) = changes {
                    <td class="pr-num">
                        if let Some(change) = changes.get(score.index).copied().flatten() {
                            { trend_badge(view, change) }
                        } else {
                            { "\u{2013}" }
                        }
                    </td>
                }
            </tr>
        }
    });
    html! {
        // A narrow widget leaves out the "rated" column when every statement was rated.
        // (An attribute: a class chosen at run time costs Yew's `Classes`, a hash set, in the download.)
        <table class="pr-table pr-score-table" data-all-rated={all_rated.then_some("")}>
            <caption>{ text.results.table_caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ text.results.table_principle }</th>
                    <th scope="col">{ text.results.table_score }</th>
                    <th scope="col">{ text.results.table_answered }</th>
                    if changes.is_some() {
                        <th scope="col">{ text.trend.column }</th>
                    }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
