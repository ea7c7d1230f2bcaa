//! One principle: progress, title, summary, its three statements, an optional
//! note, and the controls to move on; the step list beside it.

use yew::prelude::*;

use super::progress_bar::progress_bar;
use super::statement_field::statement_field;
use super::step_list::step_list;
use super::{button, limited_input, primary_button, View};
use crate::model::{Questionnaire, Responses, NOTE_MAX_CHARS};
use crate::state::Action;
use crate::text::fill;

pub fn principle_step(view: &View, questionnaire: &Questionnaire, responses: &Responses, index: usize) -> Html {
    let text = view.text;
    let Some(principle) = questionnaire.principles.get(index) else {
        return html! {};
    };
    let total = questionnaire.principles.len();
    let is_last = index + 1 == total;
    let heading_id = view.id("step-heading");
    let note_id = view.id(&format!("note-{}", principle.id));
    let note_hint_id = format!("{note_id}-hint");
    let note = responses.note(&principle.id).to_owned();

    let statements = principle
        .statements
        .iter()
        .enumerate()
        .map(|(i, statement)| statement_field(view, i + 1, statement, responses.answer(&statement.id)));
    let on_note = {
        let principle_id = principle.id.clone();
        view.on_action.reform(move |event: InputEvent| Action::SetNote {
            principle_id: principle_id.clone(),
            text: limited_input(&event, NOTE_MAX_CHARS),
        })
    };

    html! {
        <div class="pr-walkthrough">
            { step_list(view, questionnaire, responses, Some(index)) }
            <section class="pr-screen pr-step" aria-labelledby={heading_id.clone()}>
                { progress_bar(view, index + 1, total) }
                <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ principle.title.clone() }</h2>
                <p class="pr-summary">{ principle.summary.clone() }</p>
                { for statements }
                <div class="pr-note">
                    <label for={note_id.clone()}>{ text.step.note_label }</label>
                    <p id={note_hint_id.clone()} class="pr-hint">
                        { text.step.note_hint }{ " " }
                        { fill(text.step.note_counter, &[("used", &note.chars().count().to_string()), ("max", &NOTE_MAX_CHARS.to_string())]) }
                    </p>
                    <textarea id={note_id} rows="3" aria-describedby={note_hint_id} value={note} oninput={on_note} />
                </div>
                <div class="pr-actions pr-nav-buttons">
                    { button(text.common.back.into(), view.send(Action::Back)) }
                    { primary_button((if is_last { text.step.to_review } else { text.common.next }).into(), view.send(Action::Next)) }
                </div>
            </section>
        </div>
    }
}
