//! The visible notice for storage problems: what happened, what it means for the
//! person's data, and a way to dismiss it.

use yew::prelude::*;

use super::use_widget;
use crate::state::StorageNotice;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct StorageNoticeProps {
    pub notice: StorageNotice,
    pub on_dismiss: Callback<MouseEvent>,
}

#[function_component(StorageNoticeBanner)]
pub fn storage_notice_banner(props: &StorageNoticeProps) -> Html {
    let text = use_widget().text;
    let message = match &props.notice {
        StorageNotice::Unavailable => text.notice_storage_unavailable.to_owned(),
        StorageNotice::Full => text.notice_storage_full.to_owned(),
        StorageNotice::WriteFailed => text.notice_storage_write_failed.to_owned(),
        StorageNotice::Corrupt { reason, backup_key } => {
            fill(text.notice_storage_corrupt, &[("reason", reason), ("key", backup_key)])
        }
        StorageNotice::CorruptNoBackup { reason } => fill(text.notice_storage_corrupt_no_backup, &[("reason", reason)]),
        StorageNotice::NewerVersion { reason } => fill(text.notice_storage_newer, &[("reason", reason)]),
    };
    html! {
        <div class="pr-notice" role="alert">
            <p class="pr-notice-text">{ message }</p>
            <button type="button" class="pr-button pr-button-quiet" onclick={props.on_dismiss.clone()}>{ text.notice_dismiss }</button>
        </div>
    }
}
