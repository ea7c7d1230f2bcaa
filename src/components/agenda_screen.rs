//! A partner-meeting agenda from one result or from a comparison: the
//! meeting's length, date and attendees; the suggested topics, each with the
//! scores behind its choice, its discussion questions, both sides' notes and a
//! suggested time — any of them left out, others added, the times recomputed;
//! the notes on principles that are not topics; a section for decisions and
//! owners. Copy it as Markdown, download it, or print it (the agenda alone).

use yew::prelude::*;

use super::compare_screen::{back, back_label};
use super::field::field_value;
use super::party::{comparison_of, party, Party};
use super::View;
use crate::codec::markdown::{self, WrittenItem};
use crate::model::agenda::{self, Candidate, LENGTHS};
use crate::model::SavedResult;
use crate::share;
use crate::state::{Action, AppState, FullAction, Screen, ShareStatus, Side};
use crate::text::fill;

pub fn agenda_screen(view: &View, state: &AppState, first: Side, second: Option<Side>) -> Html {
    let full = &view.text.full;
    let q = &state.questionnaire;
    let Some(a) = party(view, state, first) else { return html! {} };
    let b = second.and_then(|side| party(view, state, side));
    let minutes = state.full.agenda_minutes;
    let heading_id = view.id("agenda-heading");

    let (candidates, parties): (Vec<Candidate>, Vec<&Party>) = match &b {
        Some(b) => (agenda::candidates_for_comparison(&comparison_of(q, &a, b)), vec![&a, b]),
        None => (agenda::candidates_for_scores(&a.scores(q)), vec![&a]),
    };
    let sides: Vec<&SavedResult> = parties.iter().map(|p| &*p.result).collect();
    let chosen: Vec<Candidate> = match &state.full.agenda_topics {
        Some(topics) => topics.iter().filter_map(|&p| candidates.iter().find(|c| c.principle == p).copied()).collect(),
        None => agenda::suggested(&candidates, minutes),
    };
    let plan = agenda::plan(minutes, &chosen);
    let meeting = &state.full.meeting;
    // A team agrees inside itself first: its disagreements come before the meeting's items.
    let teams: Vec<_> = parties.iter().map(|party| party.team.as_ref()).collect();
    let written_with =
        |outside: fn(&str) -> String| view.text.agenda_with_teams(q, &plan, &sides, &teams, meeting, outside);
    let written = written_with(str::to_owned);
    // The Markdown's own words, with the results' labels and notes made inert.
    let markdown = markdown::agenda(&written_with(markdown::inert));
    let file_label = sides.iter().map(|s| s.label.as_str()).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" and ");

    // The topics kept after leaving one out or adding one, in the candidates' order.
    let set_topics = |principle: usize, added: bool| {
        let topics = candidates
            .iter()
            .map(|c| c.principle)
            .filter(|&p| if p == principle { added } else { chosen.iter().any(|c| c.principle == p) })
            .collect();
        let change = if added { ShareStatus::TopicAdded(principle) } else { ShareStatus::TopicLeftOut(principle) };
        view.send(Action::Full(FullAction::SetAgendaTopics { topics: Some(topics), change: Some(change) }))
    };

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
    let item = |item: &WrittenItem| {
        let title = item.title.clone();
        html! {
            <li>
                <div class="pr-agenda-head">
                    <h3>{ title.clone() }<span class="pr-agenda-minutes">{ item.minutes.clone() }</span></h3>
                    if let Some(principle) = item.principle {
                        <button type="button" class="pr-button pr-button-quiet pr-no-print" onclick={set_topics(principle, false)}>
                            { fill(full.agenda.leave_out, &[("title", &title)]) }
                        </button>
                    }
                </div>
                if let Some(reason) = &item.reason {
                    <p class="pr-agenda-reason">{ reason.clone() }</p>
                }
                if !item.questions.is_empty() {
                    <ul>{ for item.questions.iter().map(|question| html! { <li>{ question.clone() }</li> }) }</ul>
                }
                { for item.notes.iter().map(|note| html! { <p class="pr-agenda-note">{ note.clone() }</p> }) }
                if !item.fill_in.is_empty() {
                    <ul class="pr-fill-in">{ for item.fill_in.iter().map(|line| html! { <li>{ line.clone() }</li> }) }</ul>
                }
            </li>
        }
    };
    let others: Vec<&Candidate> =
        candidates.iter().filter(|c| !chosen.iter().any(|k| k.principle == c.principle)).collect();
    let names = view.text.meeting_names(&sides);
    let pair = [names.first().map_or("", String::as_str), names.get(1).map_or("", String::as_str)];
    let more = others.iter().map(|candidate| {
        let title = &q.principles[candidate.principle].title;
        html! {
            <li key={candidate.principle}>
                <span class="pr-more-topic">
                    <strong>{ title.clone() }</strong>{ " " }
                    <span class="pr-muted">{ full.agenda_reason(candidate.reason, pair) }</span>
                </span>
                <button type="button" class="pr-button" onclick={set_topics(candidate.principle, true)}>
                    { fill(full.agenda.add, &[("title", title)]) }
                </button>
            </li>
        }
    });
    let planned = plan.planned_minutes();

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
    let date_id = view.id("meeting-date");
    let attendees_id = view.id("meeting-attendees");
    let on_date = {
        let date_id = date_id.clone();
        view.on_action
            .reform(move |event: Event| Action::Full(FullAction::SetMeetingDate(field_value(&event, &date_id))))
    };
    let on_attendees = {
        let attendees_id = attendees_id.clone();
        view.on_action
            .reform(move |event: InputEvent| Action::Full(FullAction::SetAttendees(field_value(&event, &attendees_id))))
    };
    let attendees = meeting.attendees.clone().unwrap_or_else(|| names.join(", "));
    let back_action = match second {
        Some(second) => Action::Open(Screen::Compare(first, Some(second))),
        None => back(first, None),
    };
    let title_of = |principle: usize| q.principles.get(principle).map_or("", |p| p.title.as_str());
    let status = match &state.full.status {
        Some(ShareStatus::AgendaCopied) => full.agenda.copied.to_owned(),
        Some(ShareStatus::Downloaded(name)) => fill(full.share.downloaded, &[("name", name)]),
        Some(ShareStatus::CopyFailed(_)) => full.share.copy_failed.to_owned(),
        Some(ShareStatus::TopicLeftOut(p)) => fill(full.agenda.left_out, &[("title", title_of(*p))]),
        Some(ShareStatus::TopicAdded(p)) => fill(full.agenda.added, &[("title", title_of(*p))]),
        _ => String::new(),
    };
    let copy_by_hand = matches!(state.full.status, Some(ShareStatus::CopyFailed(_)));
    let copy_id = view.id("agenda-text");

    html! {
        <section class="pr-screen pr-agenda" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ written.title.clone() }</h2>
            <ul class="pr-agenda-facts pr-print-only">{ for written.facts.iter().map(|fact| html! { <li>{ fact.clone() }</li> }) }</ul>
            <div class="pr-meeting pr-no-print">
                <fieldset class="pr-statement pr-meeting-length">
                    <legend class="pr-statement-text">{ full.agenda.length }</legend>
                    <div class="pr-scale pr-lengths">{ for lengths }</div>
                </fieldset>
                <div class="pr-field">
                    <label for={date_id.clone()}>{ full.agenda.date_field }</label>
                    <input id={date_id} type="date" value={meeting.date.clone()} onchange={on_date} />
                </div>
                <div class="pr-field">
                    <label for={attendees_id.clone()}>{ full.agenda.attendees_field }</label>
                    <input id={attendees_id} type="text" value={attendees} oninput={on_attendees} autocomplete="off" />
                </div>
            </div>
            if candidates.is_empty() {
                <p class="pr-notice-inline">{ full.agenda.none }</p>
            } else {
                if planned > minutes {
                    <p class="pr-notice-inline pr-no-print" data-testid="over-time">
                        { fill(full.agenda.over_time, &[("planned", &planned.to_string()), ("minutes", &minutes.to_string())]) }
                    </p>
                }
                <ol class="pr-agenda-items">{ for written.items.iter().map(item) }</ol>
                if !others.is_empty() {
                    <details class="pr-more-topics pr-no-print">
                        <summary>{ fill(full.agenda.more_topics, &[("count", &others.len().to_string())]) }</summary>
                        <ul>{ for more }</ul>
                    </details>
                }
                if state.full.agenda_topics.is_some() {
                    <div class="pr-actions pr-actions-compact pr-no-print">
                        <button type="button" class="pr-button pr-button-quiet"
                            onclick={view.send(Action::Full(FullAction::SetAgendaTopics { topics: None, change: None }))}>
                            { full.agenda.suggested }
                        </button>
                    </div>
                }
            }
            if !written.raised.is_empty() {
                <section class="pr-agenda-raised">
                    <h3>{ written.raised_title.clone() }</h3>
                    { for written.raised.iter().map(|raised| html! {
                        <>
                            <h4>{ raised.title.clone() }</h4>
                            { for raised.notes.iter().map(|note| html! { <p class="pr-agenda-note">{ note.clone() }</p> }) }
                        </>
                    }) }
                </section>
            }
            <div class="pr-actions pr-no-print">
                <button type="button" class="pr-button pr-button-primary" onclick={on_copy}>{ full.agenda.copy }</button>
                <button type="button" class="pr-button" onclick={on_download}>{ full.agenda.download }</button>
                <button type="button" class="pr-button" onclick={on_print}>{ full.agenda.print }</button>
                <button type="button" class="pr-button pr-button-quiet" onclick={view.send(back_action)}>
                    { if second.is_some() { full.compare.back_to_comparison } else { back_label(view, first) } }
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
