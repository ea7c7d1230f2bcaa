//! The list of all principles, to jump to any of them, with how many statements
//! of each are answered. On narrow screens the stylesheet shows it as one row of
//! numbered buttons (titles and counts stay in each button's accessible name),
//! so the first statement is on screen without scrolling past ten titles.

use yew::prelude::*;

use super::View;
use crate::model::{Questionnaire, Responses};
use crate::state::Action;
use crate::text::fill;

/// `current` is the principle showing, if any.
pub fn step_list(view: &View, questionnaire: &Questionnaire, responses: &Responses, current: Option<usize>) -> Html {
    let text = view.text;
    let items = questionnaire.principles.iter().enumerate().map(|(index, principle)| {
        let answered = responses.answered_in(principle);
        let total = principle.statements.len();
        let is_current = current == Some(index);
        html! {
            <li class="pr-step-item" data-complete={(answered == total).then_some("")}>
                <button type="button" class="pr-step-link"
                    aria-current={is_current.then_some("step")}
                    onclick={view.send(Action::GoToStep(index))}>
                    <span class="pr-step-number" aria-hidden="true">{ index + 1 }</span>
                    <span class="pr-step-title">{ principle.title.clone() }</span>
                    <span class="pr-step-count">
                        { fill(text.step.answered, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="pr-steps" aria-label={text.step.nav_label}>
            <ol>
                { for items }
                <li class="pr-step-item">
                    <button type="button" class="pr-step-link" onclick={view.send(Action::GoToReview)}>
                        <span class="pr-step-number" aria-hidden="true">{ "\u{2713}" }</span>
                        <span class="pr-step-title">{ text.review.title }</span>
                    </button>
                </li>
            </ol>
        </nav>
    }
}
