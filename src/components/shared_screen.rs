//! A result opened from a share link: read-only, scored from its answers, with
//! what to do next (compare, take the check, save it, prepare the meeting).
//! Nothing is saved until the person asks. Drawn by the full build and by the
//! partner build a partner's first visit loads; a sealed or unreadable link is
//! the full build's `link_screen`.

use std::rc::Rc;

use yew::prelude::*;

use super::next_steps::next_steps_section;
use super::result_body::result_body;
use super::View;
use crate::address;
use crate::model::{Questionnaire, SavedResult};
use crate::platform::{format_date, random_id};
use crate::state::{Action, FullAction, Screen, Side};
use crate::text::fill;

pub fn shared_screen(view: &View, q: &Rc<Questionnaire>, result: &SavedResult, history: &[SavedResult]) -> Html {
    let text = view.text;
    let heading_id = view.id("shared-heading");
    html! {
        <section class="pr-screen pr-shared" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ text.received_title(&result.label) }</h2>
            <p class="pr-shared-intro">{ text.received.intro }</p>
            <p class="pr-muted">{ fill(text.results.date, &[("date", &format_date(result.finished_at_ms, text))]) }</p>
            { result_body(view, q, result, None, shared_next_steps(view, history)) }
            <div class="pr-actions pr-no-print">{ close_button(view) }</div>
        </section>
    }
}

/// "Close": back to the start, the link taken out of the address.
pub fn close_button(view: &View) -> Html {
    let on_close = view.on_action.reform(|_: MouseEvent| {
        address::forget_link();
        Action::Full(FullAction::CloseShared)
    });
    html! {
        <button type="button" class="pr-button pr-button-quiet" onclick={on_close}>{ view.text.received.close }</button>
    }
}

/// What to do with a result just opened: compare it with one's own (the
/// newest), or, without one, take the check oneself and then compare; save it;
/// prepare the meeting. Saving and taking the check take the link out of the
/// address, so a reload does not open it again.
fn shared_next_steps(view: &View, history: &[SavedResult]) -> Html {
    let (text, features) = (view.text, view.config.features);
    let mine = history.iter().rev().find(|r| !r.received);
    let mut steps: Vec<(AttrValue, Callback<MouseEvent>)> = Vec::new();
    match mine {
        Some(mine) if features.compare => steps.push((
            text.compare_with(mine).into(),
            view.send(Action::Open(Screen::Compare(Side::Saved(mine.id), Some(Side::Shared)))),
        )),
        None if features.compare => {
            steps.push((text.results.take_check.into(), keep_shared(view, |id| FullAction::TakeCheckToCompare { id })))
        }
        _ => {}
    }
    steps.push((text.received.save.into(), keep_shared(view, |id| FullAction::SaveShared { id })));
    if features.agenda {
        // One's own result first, as in a comparison.
        let (first, second) = match mine {
            Some(mine) => (Side::Saved(mine.id), Some(Side::Shared)),
            None => (Side::Shared, None),
        };
        steps.push((text.results.agenda.into(), view.send(Action::Open(Screen::Agenda(first, second)))));
    }
    next_steps_section(view, steps)
}

/// A click that keeps the opened shared result (under a fresh id) and then
/// does `action` with it, taking the link out of the address so that a reload
/// does not open it again.
pub fn keep_shared(view: &View, action: fn(u64) -> FullAction) -> Callback<MouseEvent> {
    view.on_action.reform(move |_: MouseEvent| {
        address::forget_link();
        Action::Full(action(random_id()))
    })
}
