//! Backing up every saved result to one file, and importing a result or a
//! backup by file picker, drag and drop, or pasted text. Everything is checked
//! before anything is saved; the outcome is said in one line.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_value;
use super::View;
use crate::model::{Questionnaire, SavedResult, MAX_RESULTS};
use crate::share;
use crate::state::{Action, FullAction, ImportOutcome};
use crate::text::fill;

pub fn import_screen(
    view: &View,
    q: &Rc<Questionnaire>,
    history: &Rc<Vec<SavedResult>>,
    outcome: Option<&ImportOutcome>,
    received: bool,
    on_backup: Callback<MouseEvent>,
    restored_teams: usize,
) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("import-heading");
    let file_id = view.id("import-file");
    let paste_id = view.id("import-paste");

    let on_file = {
        let (q, report) = (q.clone(), view.on_action.clone());
        Callback::from(move |event: Event| share::import_file(&event, q.clone(), received, report.clone()))
    };
    let on_drop = {
        let (q, report) = (q.clone(), view.on_action.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            share::import_file(&event, q.clone(), received, report.clone());
        })
    };
    // Without this the browser would open a dropped file instead of handing it over.
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());
    let on_paste_import = {
        let (q, report, paste_id) = (q.clone(), view.on_action.clone(), paste_id.clone());
        Callback::from(move |event: MouseEvent| {
            let pasted = field_value(&event, &paste_id);
            share::import_text(&pasted, &q, received, &report);
        })
    };

    let mut detail = None;
    let mut opened = None;
    let (message, is_problem) = match outcome {
        None => (String::new(), false),
        Some(ImportOutcome::Reading) => (full.import.reading.to_owned(), false),
        Some(ImportOutcome::Added { added, known, single, unknown_ids, unknown_count }) => {
            opened = *single;
            let mut message = fill(full.import.added, &[("added", &added.to_string()), ("known", &known.to_string())]);
            if !unknown_ids.is_empty() {
                let mut ids = unknown_ids.join(", ");
                if *unknown_count > unknown_ids.len() {
                    ids.push_str(&fill(
                        full.import.unknown_more,
                        &[("count", &(unknown_count - unknown_ids.len()).to_string())],
                    ));
                }
                message.push(' ');
                message.push_str(&fill(full.import.unknown, &[("ids", &ids)]));
            }
            if restored_teams > 0 {
                message.push(' ');
                message.push_str(&fill(full.team.restored, &[("count", &restored_teams.to_string())]));
            }
            (message, false)
        }
        Some(ImportOutcome::TooMany { room }) => {
            (fill(full.import.too_many, &[("max", &MAX_RESULTS.to_string()), ("room", &room.to_string())]), true)
        }
        Some(ImportOutcome::Refused(error)) => {
            let (message, technical) = text.import_problem(error);
            detail = technical;
            (message, true)
        }
    };

    html! {
        <section class="pr-screen pr-import" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ full.import.title }</h2>
            if !history.is_empty() {
                <div class="pr-actions">
                    <button type="button" class="pr-button" onclick={on_backup}>{ text.start.backup }</button>
                </div>
            }
            <p>{ full.import.intro }</p>
            <label class="pr-check">
                <input type="checkbox" checked={received} onchange={view.on_action.reform(|event: Event| {
                    Action::Full(FullAction::SetImportReceived(event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|b| b.checked())))
                })} />
                { full.import.received }
            </label>
            <div class="pr-drop" ondrop={on_drop} ondragover={on_drag_over}>
                <label for={file_id.clone()}>{ full.import.file }</label>
                <input id={file_id} type="file" accept=".json,application/json" onchange={on_file} />
                <p class="pr-hint">{ full.import.drop }</p>
            </div>
            <div class="pr-field">
                <label for={paste_id.clone()}>{ full.import.paste }</label>
                <textarea id={paste_id} rows="5" spellcheck="false" />
            </div>
            <div class="pr-actions">
                <button type="button" class={if opened.is_some() { "pr-button" } else { "pr-button pr-button-primary" }} onclick={on_paste_import}>
                    { full.import.paste_button }
                </button>
            </div>
            // A live region must be in place before its text changes, so the status
            // line is always there; a problem comes as an alert of its own.
            <p class="pr-import-outcome" role="status">{ if is_problem { String::new() } else { message.clone() } }</p>
            if is_problem {
                { import_problem(view, message, detail) }
            }
            if let Some(id) = opened {
                <div class="pr-actions">
                    <button type="button" class="pr-button pr-button-primary" onclick={view.send(Action::OpenResult(id))}>{ full.import.open_added }</button>
                </div>
            }
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::GoToStart)}>{ text.common.back_to_start }</button>
            </div>
        </section>
    }
}

/// Why something pasted or picked brings nothing in: the sentence as an alert,
/// the technical detail (if any) one click away.
pub fn import_problem(view: &View, message: String, detail: Option<String>) -> Html {
    html! {
        <div class="pr-import-problem">
            <p class="pr-import-outcome" role="alert" data-problem="">{ message }</p>
            if let Some(detail) = detail {
                <details class="pr-more">
                    <summary>{ view.text.full.import.details }</summary>
                    <p class="pr-muted">{ detail }</p>
                </details>
            }
        </div>
    }
}
