//! Every principle with its answers before the results: unanswered statements are
//! flagged in text, each principle links back to its step, and the result can be
//! labelled (e.g. with the partner's name) before it is saved.

use yew::prelude::*;

use super::step_list::step_list;
use super::{button, limited_input, primary_button, quiet_button, View};
use crate::model::{Answer, Questionnaire, Responses, LABEL_MAX_CHARS};
use crate::platform::{now_ms, random_id};
use crate::state::Action;
use crate::text::fill;

pub fn review_screen(view: &View, questionnaire: &Questionnaire, responses: &Responses, label: &str) -> Html {
    let text = view.text;
    let heading_id = view.id("review-heading");
    let label_id = view.id("result-label");
    let label_hint_id = format!("{label_id}-hint");
    let unanswered = responses.unanswered_count(questionnaire);

    let principles = questionnaire.principles.iter().enumerate().map(|(index, principle)| {
        let answers = principle.statements.iter().map(|statement| {
            let (answer_text, missing) = match responses.answer(&statement.id) {
                Some(Answer::Rated(rating)) => (text.rating(rating), false),
                Some(Answer::NotSure) => (text.common.not_sure, false),
                None => (text.review.missing, true),
            };
            html! {
                <li class="pr-review-answer" data-missing={missing.then_some("")}>
                    <span class="pr-review-statement">{ statement.text.clone() }</span>
                    <strong class="pr-review-value">
                        if missing { <span aria-hidden="true">{ "\u{26a0} " }</span> }
                        { answer_text }
                    </strong>
                </li>
            }
        });
        let note = responses.note(&principle.id);
        html! {
            <li class="pr-review-principle">
                <h3>{ format!("{}. {}", index + 1, principle.title) }</h3>
                <ul class="pr-review-answers">{ for answers }</ul>
                if !note.is_empty() {
                    <p class="pr-review-note"><strong>{ text.review.note }</strong>{ " " }{ note.to_owned() }</p>
                }
                { quiet_button(fill(text.review.change, &[("title", &principle.title)]).into(), view.send(Action::GoToStep(index))) }
            </li>
        }
    });

    let on_label = view.on_action.reform(|event: InputEvent| Action::SetLabel(limited_input(&event, LABEL_MAX_CHARS)));
    // The clock and the random id are read here, in the shell, so the reducer stays pure.
    let on_finish = view.on_action.reform(|_: MouseEvent| Action::Finish { now_ms: now_ms(), id: random_id() });

    html! {
        <div class="pr-walkthrough">
            { step_list(view, questionnaire, responses, None) }
            <section class="pr-screen pr-review" aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ text.review.title }</h2>
                <p>{ text.review.intro }</p>
                <p class="pr-review-summary" data-missing={(unanswered > 0).then_some("")}>
                    if unanswered > 0 {
                        { fill(text.review.unanswered, &[("count", &unanswered.to_string())]) }
                    } else {
                        { text.review.all_answered }
                    }
                </p>
                <ol class="pr-review-list">{ for principles }</ol>
                <div class="pr-field">
                    <label for={label_id.clone()}>{ view.config.label_prompt.as_deref().unwrap_or(text.review.label_field) }</label>
                    <p id={label_hint_id.clone()} class="pr-hint">{ text.review.label_hint }</p>
                    <input id={label_id} type="text" autocomplete="off"
                        aria-describedby={label_hint_id} value={label.to_owned()} oninput={on_label} />
                </div>
                <div class="pr-actions pr-nav-buttons">
                    { button(text.common.back.into(), view.send(Action::Back)) }
                    { primary_button(text.review.finish.into(), on_finish) }
                </div>
            </section>
        </div>
    }
}
