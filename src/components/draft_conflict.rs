//! Asks which version of the check in progress to keep when another tab or
//! widget changed it while this one was being worked on. Nothing is dropped
//! until the person chooses; meanwhile storage keeps the other version.

use yew::prelude::*;

use super::{button, View};
use crate::state::{Action, DraftConflict};

pub fn draft_conflict(view: &View, conflict: &DraftConflict) -> Html {
    let text = view.text;
    let message = if conflict.theirs.is_some() { text.notices.conflict } else { text.notices.conflict_finished };
    // Announced, but focus stays where it is: the change came from elsewhere,
    // possibly from a second widget on this page that the person is typing in.
    html! {
        <div class="pr-notice pr-conflict" role="alert">
            <p class="pr-notice-text">{ message }</p>
            <div class="pr-actions pr-actions-compact">
                { button(text.notices.keep_mine.into(), view.send(Action::KeepMyDraft)) }
                { button(text.notices.use_other.into(), view.send(Action::UseOtherDraft)) }
            </div>
        </div>
    }
}
