//! A polite live region for short confirmations ("Result saved").
//! Always rendered, so screen readers notice when its text changes.

use yew::prelude::*;

use super::View;
use crate::state::Status;

pub fn status_region(view: &View, status: Option<Status>) -> Html {
    let text = view.text;
    let message = status.map(|status| match status {
        Status::ResultSaved => text.notice_result_saved,
        Status::ResultDeleted => text.notice_result_deleted,
        Status::HistoryCleared => text.notice_history_cleared,
    });
    html! {
        <div class="pr-status" role="status" aria-live="polite">
            { message.unwrap_or_default() }
        </div>
    }
}
