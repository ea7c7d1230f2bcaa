//! A result opened from a share link: read-only, scored from its answers, with
//! "Save to my results"; or the passphrase prompt of a sealed link; or why the
//! link cannot be opened. Nothing is saved until the person asks.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_value;
use super::next_steps::next_steps_section;
use super::result_body::result_body;
use super::View;
use crate::model::{Questionnaire, SavedResult};
use crate::platform::{format_date, random_id};
use crate::share;
use crate::state::{Action, FullAction, Screen, SharedLink, Side};
use crate::text::fill;

pub fn shared_screen(view: &View, q: &Rc<Questionnaire>, link: Option<&SharedLink>, history: &[SavedResult]) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("shared-heading");
    let on_close = view.on_action.reform(|_: MouseEvent| {
        share::forget_link();
        Action::Full(FullAction::CloseShared)
    });
    let close = html! {
        <button type="button" class="pr-button pr-button-quiet" onclick={on_close}>{ full.shared.close }</button>
    };

    let (title, content) = match link {
        Some(SharedLink::Open(result)) => {
            let title = text.received_title(&result.label);
            let content = html! {
                <>
                    <p class="pr-shared-intro">{ full.shared.intro }</p>
                    <p class="pr-muted">{ fill(text.results.date, &[("date", &format_date(result.finished_at_ms, text))]) }</p>
                    { result_body(view, q, result, None, shared_next_steps(view, history)) }
                    <div class="pr-actions pr-no-print">{ close.clone() }</div>
                </>
            };
            (title, content)
        }
        Some(SharedLink::Locked { sealed, wrong_passphrase, opening }) => {
            let field_id = view.id("unlock");
            let on_open = {
                let (sealed, q, report, field_id) =
                    (sealed.clone(), q.clone(), view.on_action.clone(), field_id.clone());
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let passphrase = field_value(&event, &field_id);
                    share::unlock(sealed.clone(), passphrase, q.clone(), report.clone());
                })
            };
            let content = html! {
                <form class="pr-unlock" onsubmit={on_open}>
                    <p>{ full.shared.locked_intro }</p>
                    if *wrong_passphrase {
                        <p class="pr-notice-inline" role="alert">{ full.shared.locked_wrong }</p>
                    }
                    <div class="pr-field">
                        <label for={field_id.clone()}>{ full.shared.locked_passphrase }</label>
                        <input id={field_id} type="password" autocomplete="off" />
                    </div>
                    <div class="pr-actions">
                        <button type="submit" class="pr-button pr-button-primary" disabled={*opening}>
                            { if *opening { full.shared.locked_opening } else { full.shared.locked_open } }
                        </button>
                        { close.clone() }
                    </div>
                </form>
            };
            (full.shared.locked_title.to_owned(), content)
        }
        Some(SharedLink::Unreadable(error)) => {
            let message = full.link_error(*error);
            let content = html! {
                <>
                    <p class="pr-notice-inline" role="alert">{ message }</p>
                    <div class="pr-actions">{ close.clone() }</div>
                </>
            };
            (full.shared.title_untitled.to_owned(), content)
        }
        // The link is still being read.
        None => (full.shared.title_untitled.to_owned(), html! { <p role="status">{ text.loading.title }</p> }),
    };

    html! {
        <section class="pr-screen pr-shared" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">{ title }</h2>
            { content }
        </section>
    }
}

/// What to do with a result just opened: compare it with one's own (the
/// newest), or, without one, take the check oneself and then compare; save it;
/// prepare the meeting. Saving and taking the check take the link out of the
/// address, so a reload does not open it again.
fn shared_next_steps(view: &View, history: &[SavedResult]) -> Html {
    let (text, full, features) = (view.text, &view.text.full, view.config.features);
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
    steps.push((full.shared.save.into(), keep_shared(view, |id| FullAction::SaveShared { id })));
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
        share::forget_link();
        Action::Full(action(random_id()))
    })
}
