//! The first screen: what the check is, privacy, start or resume, saved results.

use yew::prelude::*;

use super::confirm_prompt::confirm_prompt;
use super::history_list::history_list;
use super::{button, primary_button, View};
use crate::state::{Action, AppState, Confirmation, Screen};
use crate::text::fill;

/// `on_backup`: what "Back up all results" does in this build.
pub fn start_screen(view: &View, state: &AppState, on_backup: Callback<MouseEvent>) -> Html {
    let text = view.text;
    let heading_id = view.id("start-heading");
    let principles = state.questionnaire.principles.iter().map(|p| p.title.as_str()).collect::<Vec<_>>().join(", ");
    let start_controls = if state.pending == Some(Confirmation::StartOver) {
        confirm_prompt(view, text.start.confirm_start_over, text.start.confirm_start_over_yes)
    } else if state.has_draft() {
        let answered = state.draft.responses.answers.len().to_string();
        let total = state.questionnaire.statement_count().to_string();
        html! {
            <>
                <p class="pr-draft-status">{ fill(text.start.draft_status, &[("answered", &answered), ("total", &total)]) }</p>
                <div class="pr-actions">
                    { primary_button(text.start.resume.into(), view.send(Action::Start)) }
                    { button(text.start.start_over.into(), view.send(Action::Ask(Confirmation::StartOver))) }
                </div>
            </>
        }
    } else {
        html! {
            <div class="pr-actions">
                { primary_button(text.start.button.into(), view.send(Action::Start)) }
            </div>
        }
    };

    html! {
        <section class="pr-screen pr-start" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { view.config.heading.as_deref().unwrap_or(text.start.title) }
            </h2>
            <p>{ fill(text.start.intro, &[("principles", &principles)]) }</p>
            <p>{ text.start.duration }</p>
            <p class="pr-privacy">{ text.start.privacy }</p>
            { start_controls }
            if view.config.features.history {
                { history_list(view, &state.history, state.sync.history_loaded, state.history_shown, state.pending) }
            }
            if view.config.features.share {
                <div class="pr-actions">
                    { button(text.start.import.into(), view.send(Action::Open(Screen::Import))) }
                    { button(text.start.teams.into(), view.send(Action::Open(Screen::Teams))) }
                    if !state.history.is_empty() {
                        { button(text.start.backup.into(), on_backup) }
                    }
                </div>
            }
        </section>
    }
}
