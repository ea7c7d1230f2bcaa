//! The next steps from a saved result, right under its overall score: send it
//! to the partner, compare it, prepare the meeting — the most useful one filled.
//! Someone else's result offers taking the check oneself instead of sending.
//! `next_steps_section` draws them, here and for a result opened from a link.

use yew::prelude::*;

use super::{button, primary_button, View};
use crate::model::SavedResult;
use crate::state::{Action, Screen, Side};

pub fn next_steps(view: &View, result: &SavedResult, history: &[SavedResult]) -> Html {
    let (text, features) = (view.text, view.config.features);
    // The other side: for one's own result the newest received one, and the
    // other way round. One's own result comes first in a comparison.
    let other = history.iter().rev().find(|r| r.received != result.received);
    let me = Side::Saved(result.id);
    let (first, second) = match other {
        Some(other) if result.received => (Side::Saved(other.id), Some(me)),
        Some(other) => (me, Some(Side::Saved(other.id))),
        None => (me, None),
    };

    // In order of use; the first is the filled one.
    let mut steps: Vec<(AttrValue, Callback<MouseEvent>)> = Vec::new();
    let mut add = |label: AttrValue, action: Action| steps.push((label, view.send(action)));
    match other {
        Some(other) if features.compare => {
            add(text.compare_with(other).into(), Action::Open(Screen::Compare(first, second)))
        }
        None if result.received => add(text.results.take_check.into(), Action::StartToCompare(result.id)),
        _ => {}
    }
    if !result.received && features.share {
        add(text.results.send.into(), Action::Open(Screen::Share(result.id)));
    }
    if features.compare && other.is_none() {
        add(text.results.compare.into(), Action::Open(Screen::Compare(me, None)));
    }
    if features.agenda {
        add(text.results.agenda.into(), Action::Open(Screen::Agenda(first, second)));
    }
    next_steps_section(view, steps)
}

/// The "Next steps" section: `steps` in order of use, the first filled;
/// nothing without any.
pub fn next_steps_section(view: &View, steps: Vec<(AttrValue, Callback<MouseEvent>)>) -> Html {
    if steps.is_empty() {
        return html! {};
    }
    let buttons = steps.into_iter().enumerate().map(|(position, (label, onclick))| {
        if position == 0 {
            primary_button(label, onclick)
        } else {
            button(label, onclick)
        }
    });
    let heading_id = view.id("next-heading");
    html! {
        <section class="pr-next pr-no-print" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} class="pr-next-title">{ view.text.results.next_title }</h3>
            <div class="pr-actions">{ for buttons }</div>
        </section>
    }
}
