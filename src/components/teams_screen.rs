//! The saved teams, and making one: a name, then members (added on the
//! team's screen); or a team's file opened as a new team.

use yew::prelude::*;

use super::field::field_value;
use super::team_screen::{added_message, team_name};
use super::{quiet_button, View};
use crate::model::team::{MAX_TEAMS, TEAM_NAME_MAX_CHARS};
use crate::platform::{format_date, now_ms, random_id};
use crate::share;
use crate::state::{Action, AppState, FullAction, Screen, TeamAction};
use crate::text::fill;

pub fn teams_screen(view: &View, state: &AppState) -> Html {
    let (text, t) = (view.text, &view.text.full.team);
    let heading_id = view.id("teams-heading");
    let name_id = view.id("team-name");
    let hint_id = format!("{name_id}-hint");
    let file_id = view.id("team-file");
    let teams = &state.full.teams.saved;

    let on_create = {
        let (report, name_id, fallback) = (view.on_action.clone(), name_id.clone(), t.default_name);
        Callback::from(move |event: MouseEvent| {
            let typed = field_value(&event, &name_id);
            let name = if typed.trim().is_empty() { fallback.to_owned() } else { typed };
            report.emit(Action::Full(FullAction::Team(TeamAction::Create { id: random_id(), name, now_ms: now_ms() })));
        })
    };
    let on_file = {
        let (q, report) = (state.questionnaire.clone(), view.on_action.clone());
        Callback::from(move |event: Event| share::open_team_file(&event, q.clone(), report.clone()))
    };
    let list = teams.iter().rev().map(|team| {
        let values = [
            ("name", team_name(text, team).to_owned()),
            ("count", team.members.len().to_string()),
            ("date", format_date(team.created_ms, text)),
        ];
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        html! {
            <li key={team.id}>
                <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Team(team.id)))}>
                    { fill(t.list_item, &values) }
                </button>
            </li>
        }
    });

    html! {
        <section class="pr-screen pr-teams" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ t.teams_title }</h2>
            <p>{ t.teams_intro }</p>
            if teams.is_empty() {
                <p class="pr-muted">{ t.none }</p>
            } else {
                <ul class="pr-choices">{ for list }</ul>
            }
            if state.full.teams.limit_reached {
                <p class="pr-notice-inline" role="alert">{ fill(t.limit, &[("max", &MAX_TEAMS.to_string())]) }</p>
            }
            <div class="pr-field">
                <label for={name_id.clone()}>{ t.new_name }</label>
                <p id={hint_id.clone()} class="pr-hint">{ t.new_name_hint }</p>
                <input id={name_id} type="text" maxlength={TEAM_NAME_MAX_CHARS.to_string()} aria-describedby={hint_id} autocomplete="off" />
            </div>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={on_create}>{ t.create }</button>
            </div>
            <div class="pr-field">
                <label for={file_id.clone()}>{ t.open_file }</label>
                <input id={file_id} type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            { added_message(view, state) }
            <div class="pr-actions">
                { quiet_button(text.common.back_to_start.into(), view.send(Action::GoToStart)) }
            </div>
        </section>
    }
}
