//! The list of all principles, to jump to any of them, with how many statements
//! of each are answered.

use std::rc::Rc;

use yew::prelude::*;

use super::{send, use_widget};
use crate::model::{Questionnaire, Responses};
use crate::state::Action;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct StepListProps {
    pub questionnaire: Rc<Questionnaire>,
    pub responses: Responses,
    /// The principle showing, if any.
    pub current: Option<usize>,
    pub on_action: Callback<Action>,
}

#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    let text = use_widget().text;
    let items = props.questionnaire.principles.iter().enumerate().map(|(index, principle)| {
        let answered = props.responses.answered_in(principle);
        let total = principle.statements.len();
        let complete = answered == total;
        let is_current = props.current == Some(index);
        html! {
            <li key={principle.id.clone()} class={match (complete, is_current) {
                (true, true) => "pr-step-item pr-complete pr-current",
                (true, false) => "pr-step-item pr-complete",
                (false, true) => "pr-step-item pr-current",
                (false, false) => "pr-step-item",
            }}>
                <button type="button" class="pr-step-link"
                    aria-current={is_current.then_some("step")}
                    onclick={send(&props.on_action, Action::GoToStep(index))}>
                    <span class="pr-step-number" aria-hidden="true">{ index + 1 }</span>
                    <span class="pr-step-title">{ principle.title.clone() }</span>
                    <span class="pr-step-count">
                        { fill(text.step_answered, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="pr-steps" aria-label={text.steps_nav_label}>
            <ol>
                { for items }
                <li class="pr-step-item">
                    <button type="button" class="pr-step-link" onclick={send(&props.on_action, Action::GoToReview)}>
                        <span class="pr-step-title">{ text.review_title }</span>
                    </button>
                </li>
            </ol>
        </nav>
    }
}
