//! One statement as a real radio group: a `<fieldset>` whose `<legend>` is the
//! statement, five labelled scale options and "not sure". Arrow keys move
//! within the group, as browsers do for native radios.

use yew::prelude::*;

use super::View;
use crate::model::{Answer, Rating, Statement};
use crate::state::Action;
use crate::text::fill;

/// `number` is the statement's 1-based position within its principle.
pub fn statement_field(view: &View, number: usize, statement: &Statement, answer: Option<Answer>) -> Html {
    let text = view.text;
    // Unique on the page: radio groups are grouped by name.
    let name = view.id(&statement.id);
    let option = |option: Answer, value: &str, label: &'static str| {
        let id = format!("{name}-{value}");
        let statement_id = statement.id.clone();
        let on_change = view
            .on_action
            .reform(move |_: Event| Action::Answer { statement_id: statement_id.clone(), answer: option });
        html! {
            // Static class plus a data attribute: a computed `class` would pull
            // Yew's class-list parser into the binary.
            <label class="pr-option" data-not-sure={(option == Answer::NotSure).then_some("")} for={id.clone()}>
                <input type="radio" {id} name={name.clone()} value={value.to_owned()}
                    checked={answer == Some(option)} onchange={on_change} />
                <span class="pr-option-label">{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class="pr-statement">
            <legend class="pr-statement-text">
                { fill(text.step.statement_legend, &[("n", &number.to_string()), ("text", &statement.text)]) }
            </legend>
            <div class="pr-scale">
                { for Rating::ALL.iter().map(|&rating| option(Answer::Rated(rating), &rating.value().to_string(), text.rating(rating))) }
                { option(Answer::NotSure, "not-sure", text.common.not_sure) }
            </div>
        </fieldset>
    }
}
