//! A polite live region for short confirmations ("Result saved").
//! Always rendered and never hidden when empty (a region that is not in the
//! accessibility tree when its text arrives is not announced).

use yew::prelude::*;

use super::View;
use crate::state::Status;

pub fn status_region(view: &View, status: Option<Status>) -> Html {
    let text = view.text;
    let message = status.map(|status| match status {
        Status::TextCut { max, cut } => {
            crate::text::fill(text.status.text_cut, &[("max", &max.to_string()), ("cut", &cut.to_string())])
        }
        Status::ResultSaved => text.status.result_saved.to_owned(),
        Status::ResultDeleted => text.status.result_deleted.to_owned(),
        Status::HistoryCleared => text.status.history_cleared.to_owned(),
        Status::ChangedElsewhere => text.status.changed_elsewhere.to_owned(),
        Status::ResultDeletedElsewhere => text.status.result_deleted_elsewhere.to_owned(),
        Status::SharedSaved => text.status.shared_saved.to_owned(),
        Status::SharedAlreadySaved => text.status.shared_already_saved.to_owned(),
    });
    html! {
        <div class="pr-status" role="status" aria-live="polite">
            { message.unwrap_or_default() }
        </div>
    }
}
