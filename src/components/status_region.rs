//! A polite live region for short confirmations ("Result saved").
//! Always rendered and never hidden when empty (a region that is not in the
//! accessibility tree when its text arrives is not announced).

use yew::prelude::*;

use super::View;
use crate::state::Status;

pub fn status_region(view: &View, status: Option<Status>) -> Html {
    let text = view.text;
    let message = status.map(|status| match status {
        Status::ResultSaved => text.status.result_saved,
        Status::ResultDeleted => text.status.result_deleted,
        Status::HistoryCleared => text.status.history_cleared,
        Status::ChangedElsewhere => text.status.changed_elsewhere,
        Status::ResultDeletedElsewhere => text.status.result_deleted_elsewhere,
        Status::SharedSaved => text.status.shared_saved,
        Status::SharedAlreadySaved => text.status.shared_already_saved,
    });
    html! {
        <div class="pr-status" role="status" aria-live="polite">
            { message.unwrap_or_default() }
        </div>
    }
}
