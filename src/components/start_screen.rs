//! The first screen: what the check is, privacy, start or resume, saved results.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::history_list::history_list;
use super::View;
use crate::state::{Action, AppState, Confirmation, Screen};
use crate::text::fill;

pub fn start_screen(view: &View, state: &AppState) -> Html {
    let text = view.text;
    let heading_id = view.id("start-heading");
    let principles = state.questionnaire.principles.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(", ");
    let start_controls = if state.pending == Some(Confirmation::StartOver) {
        confirm_prompt(view, text.confirm_start_over, text.confirm_start_over_yes)
    } else if state.has_draft() {
        let answered = state.draft.responses.answers.len().to_string();
        let total = state.questionnaire.statement_count().to_string();
        html! {
            <>
                <p class="pr-draft-status">{ fill(text.draft_status, &[("answered", &answered), ("total", &total)]) }</p>
                <div class="pr-actions">
                    <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::Start)}>{ text.resume_button }</button>
                    <button type="button" class="pr-button" onclick={view.send(Action::Ask(Confirmation::StartOver))}>{ text.start_over_button }</button>
                </div>
            </>
        }
    } else {
        html! {
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::Start)}>{ text.start_button }</button>
            </div>
        }
    };

    html! {
        <section class="pr-screen pr-start" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { view.config.heading.as_deref().unwrap_or(text.start_title) }
            </h2>
            <p>{ fill(text.start_intro, &[("principles", &principles)]) }</p>
            <p>{ text.start_duration }</p>
            <p class="pr-privacy">{ text.start_privacy }</p>
            { start_controls }
            if view.config.features.history {
                { history_list(view, &state.history, state.history_loaded, state.history_shown, state.pending) }
            }
            if view.config.features.share {
                <div class="pr-actions">
                    <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Import))}>{ text.import_button }</button>
                    if !state.history.is_empty() {
                        <button type="button" class="pr-button" onclick={backup(view, state)}>{ text.backup_button }</button>
                    }
                </div>
            }
        </section>
    }
}

/// The full build downloads the backup at once; the core build opens the import
/// screen (in the full build), whose first button is the backup.
#[cfg(feature = "full")]
fn backup(_view: &View, state: &AppState) -> Callback<MouseEvent> {
    let (history, questionnaire) = (state.history.clone(), state.questionnaire.clone());
    Callback::from(move |_: MouseEvent| crate::share::download_backup(&history, &questionnaire))
}

#[cfg(not(feature = "full"))]
fn backup(view: &View, _state: &AppState) -> Callback<MouseEvent> {
    view.send(Action::Open(Screen::Import))
}
