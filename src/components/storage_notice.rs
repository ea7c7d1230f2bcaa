//! The visible notice for problems with saved data: what happened, what it means
//! for the person's data, and a way to dismiss it.

use yew::prelude::*;

use super::{quiet_button, View};
use crate::model::MAX_RESULTS;
use crate::state::{Action, StorageNotice};
use crate::text::fill;

/// `index`: the notice's position among those shown (what dismissing names).
pub fn storage_notice(view: &View, index: usize, notice: &StorageNotice) -> Html {
    let text = view.text;
    let message = match notice {
        StorageNotice::Unavailable => text.notices.storage_unavailable.to_owned(),
        StorageNotice::Full => text.notices.storage_full.to_owned(),
        StorageNotice::WriteFailed => text.notices.storage_write_failed.to_owned(),
        // What was wrong with the data is for developers: storage.rs logs it.
        StorageNotice::Corrupt { backup_key } => fill(text.notices.storage_corrupt, &[("key", backup_key)]),
        StorageNotice::CorruptNoBackup => text.notices.storage_corrupt_no_backup.to_owned(),
        StorageNotice::NewerVersion { .. } => text.notices.storage_newer.to_owned(),
        StorageNotice::ResultLimit => fill(text.notices.result_limit, &[("max", &MAX_RESULTS.to_string())]),
    };
    html! {
        <div class="pr-notice" role="alert">
            <p class="pr-notice-text">{ message }</p>
            { quiet_button(text.notices.dismiss.into(), view.send(Action::DismissNotice(index))) }
        </div>
    }
}
