//! The first screen: what the check is, privacy, start or resume, saved results.

use yew::prelude::*;

use super::confirm_prompt::ConfirmPrompt;
use super::history_list::HistoryList;
use super::{send, use_widget};
use crate::model::SavedResult;
use crate::state::{Action, Confirmation};
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct StartScreenProps {
    pub has_draft: bool,
    pub draft_answered: usize,
    pub total: usize,
    pub history: Vec<SavedResult>,
    pub pending: Option<Confirmation>,
    pub on_action: Callback<Action>,
}

#[function_component(StartScreen)]
pub fn start_screen(props: &StartScreenProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    let act = |action: Action| send(&props.on_action, action);
    let heading_id = widget.id("start-heading");

    let start_controls = if props.pending == Some(Confirmation::StartOver) {
        html! {
            <ConfirmPrompt
                message={text.confirm_start_over}
                confirm_label={text.confirm_start_over_yes}
                on_confirm={act(Action::Confirm)}
                on_cancel={act(Action::Cancel)}
            />
        }
    } else if props.has_draft {
        html! {
            <>
                <p class="pr-draft-status">
                    { fill(text.draft_status, &[("answered", &props.draft_answered.to_string()), ("total", &props.total.to_string())]) }
                </p>
                <div class="pr-actions">
                    <button type="button" class="pr-button pr-button-primary" onclick={act(Action::Start)}>{ text.resume_button }</button>
                    <button type="button" class="pr-button" onclick={act(Action::Ask(Confirmation::StartOver))}>{ text.start_over_button }</button>
                </div>
            </>
        }
    } else {
        html! {
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={act(Action::Start)}>{ text.start_button }</button>
            </div>
        }
    };

    html! {
        <section class="pr-screen pr-start" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ text.start_title }</h2>
            <p>{ text.start_intro }</p>
            <p>{ text.start_duration }</p>
            <p class="pr-privacy">{ text.start_privacy }</p>
            { start_controls }
            <HistoryList history={props.history.clone()} pending={props.pending} on_action={props.on_action.clone()} />
        </section>
    }
}
