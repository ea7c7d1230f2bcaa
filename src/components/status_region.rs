//! A polite live region for short confirmations ("Result saved").
//! Always rendered, so screen readers notice when its text changes.

use yew::prelude::*;

use super::use_widget;
use crate::state::Status;

#[derive(Properties, PartialEq)]
pub struct StatusRegionProps {
    pub status: Option<Status>,
}

#[function_component(StatusRegion)]
pub fn status_region(props: &StatusRegionProps) -> Html {
    let text = use_widget().text;
    let message = props.status.map(|status| match status {
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
