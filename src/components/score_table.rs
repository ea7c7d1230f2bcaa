//! The principle scores as a table: the chart's numbers in accessible form.

use std::rc::Rc;

use yew::prelude::*;

use super::use_widget;
use crate::model::scoring::round_score;
use crate::model::{Questionnaire, Report};
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct ScoreTableProps {
    pub questionnaire: Rc<Questionnaire>,
    pub report: Rc<Report>,
}

#[function_component(ScoreTable)]
pub fn score_table(props: &ScoreTableProps) -> Html {
    let text = use_widget().text;
    let rows = props.report.principles.iter().map(|score| {
        let principle = &props.questionnaire.principles[score.index];
        let (value, band) = match score.score {
            Some(s) => {
                let rounded = round_score(s);
                (rounded.to_string(), props.questionnaire.band_for(rounded).map(|b| b.label.clone()).unwrap_or_default())
            }
            None => (text.no_score.to_owned(), String::new()),
        };
        html! {
            <tr key={principle.id.clone()}>
                <td class="pr-num">{ score.index + 1 }</td>
                <th scope="row">{ principle.title.clone() }</th>
                <td class="pr-num" data-principle={principle.id.clone()}>
                    <span class="pr-score">{ value }</span>
                    if !band.is_empty() { <span class="pr-band-small">{ band }</span> }
                </td>
                <td class="pr-num">
                    { fill(text.table_rated, &[("rated", &score.rated.to_string()), ("total", &score.total.to_string())]) }
                </td>
            </tr>
        }
    });
    html! {
        <table class="pr-table pr-score-table">
            <caption>{ text.table_caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ text.table_principle }</th>
                    <th scope="col">{ text.table_score }</th>
                    <th scope="col">{ text.table_answered }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
