//! One statement as a real radio group: a `<fieldset>` whose `<legend>` is the
//! statement, five labelled scale options and "not sure". Arrow keys move
//! within the group, as browsers do for native radios.

use yew::prelude::*;

use super::use_widget;
use crate::model::{Answer, Rating};
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct StatementFieldProps {
    /// 1-based position within the principle.
    pub number: usize,
    pub statement_id: AttrValue,
    pub text: AttrValue,
    pub answer: Option<Answer>,
    pub on_answer: Callback<Answer>,
}

#[function_component(StatementField)]
pub fn statement_field(props: &StatementFieldProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    // Unique on the page: radio groups are grouped by name.
    let name = widget.id(&props.statement_id);
    let option = |answer: Answer, value: &str, label: &'static str, class: &'static str| {
        let id = format!("{name}-{value}");
        let on_change = props.on_answer.reform(move |_: Event| answer);
        html! {
            <label {class} for={id.clone()}>
                <input type="radio" {id} name={name.clone()} value={value.to_owned()}
                    checked={props.answer == Some(answer)} onchange={on_change} />
                <span class="pr-option-label">{ label }</span>
            </label>
        }
    };
    html! {
        <fieldset class={if props.answer.is_none() { "pr-statement pr-unanswered" } else { "pr-statement" }}>
            <legend class="pr-statement-text">
                { fill(text.statement_legend, &[("n", &props.number.to_string()), ("text", &props.text)]) }
            </legend>
            <div class="pr-scale">
                { for Rating::ALL.iter().map(|&rating| option(Answer::Rated(rating), &rating.value().to_string(), text.rating(rating), "pr-option pr-option-rating")) }
                { option(Answer::NotSure, "not-sure", text.not_sure, "pr-option pr-option-not-sure") }
            </div>
        </fieldset>
    }
}
