//! Adding members to a team: share links pasted at once (one per line or
//! separated by spaces), files picked or dropped (results, backups, team
//! files), or results saved in this browser ticked in a list. Each refusal is
//! listed with its reason; results already in the team are counted, not added.

use std::rc::Rc;

use yew::prelude::*;

use super::field::{field_checked, field_value};
use super::team_screen::{added_message, team_name};
use super::{quiet_button, View};
use crate::model::team::{same_member, Team};
use crate::model::SavedResult;
use crate::platform::format_date;
use crate::share;
use crate::state::{Action, AppState, FullAction, Screen, TeamAction};
use crate::text::fill;

/// How many saved results the list offers (newest first).
const SAVED_SHOWN: usize = 50;

pub fn add_members_screen(view: &View, state: &AppState, team: &Team) -> Html {
    let (text, t) = (view.text, &view.text.full.team);
    let heading_id = view.id("add-heading");
    let paste_id = view.id("add-paste");
    let file_id = view.id("add-files");
    let saved_id = view.id("add-saved");
    let team_id = team.id;

    let on_paste = {
        let (q, report, paste_id) = (state.questionnaire.clone(), view.on_action.clone(), paste_id.clone());
        Callback::from(move |event: MouseEvent| {
            share::add_member_text(&field_value(&event, &paste_id), team_id, &q, &report);
        })
    };
    let on_files = {
        let (q, report) = (state.questionnaire.clone(), view.on_action.clone());
        Callback::from(move |event: Event| share::add_member_files(&event, team_id, q.clone(), report.clone()))
    };
    let on_drop = {
        let (q, report) = (state.questionnaire.clone(), view.on_action.clone());
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            share::add_member_files(&event, team_id, q.clone(), report.clone());
        })
    };
    let on_drag_over = Callback::from(|event: DragEvent| event.prevent_default());

    // Saved results not in the team yet, newest first.
    let offered: Vec<&SavedResult> = state
        .history
        .iter()
        .rev()
        .filter(|r| !team.members.iter().any(|m| same_member(m, r)))
        .take(SAVED_SHOWN)
        .collect();
    let ids: Rc<Vec<u64>> = Rc::new(offered.iter().map(|r| r.id).collect());
    let on_saved = {
        let (report, ids, saved_id) = (view.on_action.clone(), ids.clone(), saved_id.clone());
        Callback::from(move |event: MouseEvent| {
            let results = ids.iter().copied().filter(|id| field_checked(&event, &format!("{saved_id}-{id}"))).collect();
            report.emit(Action::Full(FullAction::Team(TeamAction::AddSaved { team: team_id, results })));
        })
    };
    let choices = offered.iter().map(|r| {
        let id = format!("{saved_id}-{}", r.id);
        html! {
            <label key={r.id} class="pr-check" for={id.clone()}>
                <input type="checkbox" id={id} />
                { format!("{} ({})", text.result_name(r), format_date(r.finished_at_ms, text)) }
                if r.received { { " " }<span class="pr-tag">{ text.history.received_tag }</span> }
            </label>
        }
    });

    html! {
        <section class="pr-screen pr-add-members" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { fill(t.add_title, &[("name", team_name(text, team))]) }
            </h2>
            { added_message(view, state) }
            <div class="pr-field">
                <label for={paste_id.clone()}>{ t.add_links }</label>
                <textarea id={paste_id} rows="5" spellcheck="false" />
            </div>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={on_paste}>{ t.add_links_button }</button>
            </div>
            <div class="pr-drop" ondrop={on_drop} ondragover={on_drag_over}>
                <label for={file_id.clone()}>{ t.add_files }</label>
                <input id={file_id} type="file" multiple=true accept=".json,application/json" onchange={on_files} />
                <p class="pr-hint">{ view.text.full.import.drop }</p>
            </div>
            <fieldset class="pr-carried pr-add-saved">
                <legend>{ t.add_saved }</legend>
                if offered.is_empty() {
                    <p class="pr-muted">{ t.no_saved }</p>
                } else {
                    { for choices }
                    <div class="pr-actions">
                        <button type="button" class="pr-button" onclick={on_saved}>{ t.add_saved_button }</button>
                    </div>
                }
            </fieldset>
            <div class="pr-actions">
                { quiet_button(t.back_to_team.into(), view.send(Action::Open(Screen::Team(team_id)))) }
            </div>
        </section>
    }
}
