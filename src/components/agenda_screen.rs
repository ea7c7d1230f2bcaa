//! A partner-meeting agenda from one result or from a comparison: choose the
//! meeting's length; the topics come with the scores behind their choice, their
//! discussion questions, both sides' notes and a suggested time. Copy it as
//! Markdown, download it, or print it (the agenda alone, on one page).

use yew::prelude::*;

use super::compare_screen::back;
use super::View;
use crate::codec::markdown;
use crate::model::agenda::{self, LENGTHS};
use crate::model::compare::Comparison;
use crate::model::{Report, SavedResult};
use crate::share;
use crate::state::{Action, AppState, FullAction, Screen, ShareStatus, Side};
use crate::text::fill;

pub fn agenda_screen(view: &View, state: &AppState, first: Side, second: Option<Side>) -> Html {
    let full = &view.text.full;
    let q = &state.questionnaire;
    let Some(a) = state.side(first) else { return html! {} };
    let b = second.and_then(|side| state.side(side));
    let minutes = state.full.agenda_minutes;
    let heading_id = view.id("agenda-heading");

    let (plan, sides): (agenda::Agenda, Vec<&SavedResult>) = match b {
        Some(b) => (agenda::for_comparison(&Comparison::of(q, a, b), minutes), vec![a, b]),
        None => (agenda::for_result(&Report::score(q, &a.responses), minutes), vec![a]),
    };
    let written = view.text.written_agenda(q, &plan, &sides, str::to_owned);
    // The Markdown's own words, with the results' labels and notes made inert.
    let markdown = markdown::agenda(&view.text.written_agenda(q, &plan, &sides, markdown::inert));
    let file_label = sides.iter().map(|s| s.label.as_str()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" and ");

    let lengths = LENGTHS.iter().map(|&length| {
        let id = view.id(&format!("agenda-{length}"));
        let choose = view.on_action.reform(move |_: Event| Action::Full(FullAction::SetAgendaMinutes(length)));
        html! {
            <label key={length} class="pr-option" for={id.clone()}>
                <input type="radio" {id} name={view.id("agenda-length")} checked={minutes == length} onchange={choose} />
                <span class="pr-option-label">{ fill(full.agenda.length_option, &[("n", &length.to_string())]) }</span>
            </label>
        }
    });
    let items = written.items.iter().map(|item| {
        html! {
            <li>
                <h3>{ item.title.clone() }<span class="pr-agenda-minutes">{ item.minutes.clone() }</span></h3>
                if let Some(reason) = &item.reason {
                    <p class="pr-agenda-reason">{ reason.clone() }</p>
                }
                if !item.questions.is_empty() {
                    <ul>{ for item.questions.iter().map(|question| html! { <li>{ question.clone() }</li> }) }</ul>
                }
                { for item.notes.iter().map(|note| html! { <p class="pr-agenda-note">{ note.clone() }</p> }) }
            </li>
        }
    });

    let on_copy = {
        let (markdown, report) = (markdown.clone(), view.on_action.clone());
        Callback::from(move |_: MouseEvent| share::copy(markdown.clone(), ShareStatus::AgendaCopied, report.clone()))
    };
    let on_download = {
        let (markdown, report) = (markdown.clone(), view.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            report.emit(Action::Full(FullAction::Done(share::download_agenda(&file_label, &markdown))))
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // A blocked print dialog (sandboxed iframe) is not an error worth surfacing.
            let _ = window.print();
        }
    });
    let back_action = match second {
        Some(second) => Action::Open(Screen::Compare(first, Some(second))),
        None => back(first, None),
    };
    let status = match &state.full.status {
        Some(ShareStatus::AgendaCopied) => full.agenda.copied.to_owned(),
        Some(ShareStatus::Downloaded(name)) => fill(full.share.downloaded, &[("name", name)]),
        Some(ShareStatus::CopyFailed(_)) => full.share.copy_failed.to_owned(),
        _ => String::new(),
    };
    let copy_by_hand = matches!(state.full.status, Some(ShareStatus::CopyFailed(_)));
    let copy_id = view.id("agenda-text");

    html! {
        <section class="pr-screen pr-agenda" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ written.title.clone() }</h2>
            <fieldset class="pr-statement pr-no-print">
                <legend class="pr-statement-text">{ full.agenda.length }</legend>
                <div class="pr-scale pr-lengths">{ for lengths }</div>
            </fieldset>
            <p class="pr-agenda-length">{ written.length.clone() }</p>
            if plan.topics.is_empty() {
                <p class="pr-notice-inline">{ full.agenda.none }</p>
            } else {
                <ol class="pr-agenda-items">{ for items }</ol>
            }
            <div class="pr-actions pr-no-print">
                <button type="button" class="pr-button pr-button-primary" onclick={on_copy}>{ full.agenda.copy }</button>
                <button type="button" class="pr-button" onclick={on_download}>{ full.agenda.download }</button>
                <button type="button" class="pr-button" onclick={on_print}>{ full.agenda.print }</button>
                <button type="button" class="pr-button" onclick={view.send(back_action)}>
                    { if second.is_some() { full.compare.back_to_comparison } else { full.share.back_to_result } }
                </button>
            </div>
            <p class="pr-share-status pr-no-print" role="status">{ status }</p>
            if copy_by_hand {
                <div class="pr-field pr-no-print">
                    <label for={copy_id.clone()}>{ full.share.copy_by_hand }</label>
                    <textarea id={copy_id} rows="8" readonly=true value={markdown} />
                </div>
            }
        </section>
    }
}
