//! One principle: title, summary, its three statements, an optional note, and
//! the controls to move on.

use std::rc::Rc;

use yew::prelude::*;

use super::progress_bar::ProgressBar;
use super::statement_field::StatementField;
use super::step_list::StepList;
use super::{send, use_widget};
use crate::model::{Questionnaire, Responses, NOTE_MAX_CHARS};
use crate::state::Action;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct PrincipleStepProps {
    pub questionnaire: Rc<Questionnaire>,
    pub index: usize,
    pub responses: Responses,
    pub on_action: Callback<Action>,
}

#[function_component(PrincipleStep)]
pub fn principle_step(props: &PrincipleStepProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    let Some(principle) = props.questionnaire.principles.get(props.index) else {
        return html! {};
    };
    let total = props.questionnaire.principles.len();
    let is_last = props.index + 1 == total;
    let heading_id = widget.id("step-heading");
    let note_id = widget.id(&format!("note-{}", principle.id));
    let note_hint_id = format!("{note_id}-hint");
    let note = props.responses.note(&principle.id).to_owned();

    let statements = principle.statements.iter().enumerate().map(|(i, statement)| {
        let statement_id = statement.id.clone();
        let on_answer = props.on_action.reform(move |answer| Action::Answer { statement_id: statement_id.clone(), answer });
        html! {
            <StatementField
                key={statement.id.clone()}
                number={i + 1}
                statement_id={statement.id.clone()}
                text={statement.text.clone()}
                answer={props.responses.answer(&statement.id)}
                {on_answer}
            />
        }
    });
    let on_note = {
        let principle_id = principle.id.clone();
        props.on_action.reform(move |event: InputEvent| {
            let text = event
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
                .unwrap_or_default();
            Action::SetNote { principle_id: principle_id.clone(), text }
        })
    };

    html! {
        <div class="pr-walkthrough">
            <StepList questionnaire={props.questionnaire.clone()} responses={props.responses.clone()}
                current={Some(props.index)} on_action={props.on_action.clone()} />
            <section class="pr-screen pr-step" aria-labelledby={heading_id.clone()}>
                <ProgressBar current={props.index + 1} {total} />
                <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ principle.title.clone() }</h2>
                <p class="pr-summary">{ principle.summary.clone() }</p>
                { for statements }
                <div class="pr-note">
                    <label for={note_id.clone()}>{ text.note_label }</label>
                    <p id={note_hint_id.clone()} class="pr-hint">
                        { text.note_hint }{ " " }
                        { fill(text.note_counter, &[("used", &note.chars().count().to_string()), ("max", &NOTE_MAX_CHARS.to_string())]) }
                    </p>
                    <textarea id={note_id} rows="3" maxlength={NOTE_MAX_CHARS.to_string()}
                        aria-describedby={note_hint_id} value={note} oninput={on_note} />
                </div>
                <div class="pr-actions pr-nav-buttons">
                    <button type="button" class="pr-button" onclick={send(&props.on_action, Action::Back)}>{ text.back }</button>
                    <button type="button" class="pr-button pr-button-primary" onclick={send(&props.on_action, Action::Next)}>
                        { if is_last { text.to_review } else { text.next } }
                    </button>
                </div>
            </section>
        </div>
    }
}
