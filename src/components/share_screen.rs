//! FullState a saved result: as a `.json` file (download or copy) or as a link
//! that carries the answers, optionally with label and notes and optionally
//! sealed with a passphrase. What happened is said in a status line.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_value;
use super::View;
use crate::codec::export::encode_result;
use crate::codec::link::MAX_LINK_CHARS;
use crate::model::{Questionnaire, SavedResult};
use crate::share;
use crate::state::{Action, FullAction, Screen, ShareStatus, MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS};
use crate::text::fill;

/// `tag`: this widget's tag for links (see `codec::link::widget_tag`).
pub fn share_screen(
    view: &View,
    q: &Rc<Questionnaire>,
    result: &Rc<SavedResult>,
    options: (bool, bool),
    status: Option<&ShareStatus>,
    tag: &str,
) -> Html {
    let full = &view.text.full;
    let (include_texts, protect) = options;
    let heading_id = view.id("share-heading");
    let passphrase_id = view.id("passphrase");
    let hint_id = format!("{passphrase_id}-hint");

    let on_download = {
        let (result, q, report) = (result.clone(), q.clone(), view.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            report.emit(Action::Full(FullAction::Done(share::download_result(&result, &q))))
        })
    };
    let on_copy_json = {
        let (result, q, report) = (result.clone(), q.clone(), view.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            share::copy(encode_result(&result, &q), ShareStatus::JsonCopied, report.clone())
        })
    };
    let on_copy_link = {
        let (result, q, report, tag, passphrase_id) =
            (result.clone(), q.clone(), view.on_action.clone(), tag.to_owned(), passphrase_id.clone());
        Callback::from(move |event: MouseEvent| {
            // Read from the field when needed, never kept in the state.
            let passphrase = protect.then(|| field_value(&event, &passphrase_id));
            share::copy_link(&result, &q, include_texts, passphrase, &tag, report.clone());
        })
    };
    let toggle = |action: fn(bool) -> Action| {
        view.on_action.reform(move |event: Event| {
            action(event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|box_| box_.checked()))
        })
    };

    let min = MIN_PASSPHRASE_CHARS.to_string();
    let (message, copy_by_hand) = match status {
        None => (String::new(), None),
        Some(ShareStatus::JsonCopied) => (full.share.json_copied.to_owned(), None),
        Some(ShareStatus::AgendaCopied) => (full.agenda.copied.to_owned(), None),
        Some(ShareStatus::LinkCopied) => (full.share.link_copied.to_owned(), None),
        Some(ShareStatus::Downloaded(name)) => (fill(full.share.downloaded, &[("name", name)]), None),
        Some(ShareStatus::Sealing) => (full.share.sealing.to_owned(), None),
        Some(ShareStatus::PassphraseTooShort) => (fill(full.share.passphrase_too_short, &[("min", &min)]), None),
        Some(ShareStatus::PassphraseTooLong) => {
            (fill(full.share.passphrase_too_long, &[("max", &MAX_PASSPHRASE_CHARS.to_string())]), None)
        }
        Some(ShareStatus::LinkTooLong(length)) => {
            (fill(full.share.too_long, &[("length", &length.to_string()), ("max", &MAX_LINK_CHARS.to_string())]), None)
        }
        Some(ShareStatus::CopyFailed(copy)) => {
            (full.share.copy_failed.to_owned(), (!copy.is_empty()).then(|| copy.clone()))
        }
    };
    let copy_id = view.id("copy-by-hand");

    html! {
        <section class="pr-screen pr-share" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { fill(full.share.title, &[("label", view.text.result_name(result))]) }
            </h2>
            <p>{ full.share.intro }</p>
            <h3>{ full.share.file_title }</h3>
            <div class="pr-actions">
                <button type="button" class="pr-button" onclick={on_download}>{ full.share.download }</button>
                <button type="button" class="pr-button" onclick={on_copy_json}>{ full.share.copy_json }</button>
            </div>
            <h3>{ full.share.link_title }</h3>
            <p>{ full.share.link_intro }</p>
            <label class="pr-check">
                <input type="checkbox" checked={include_texts} onchange={toggle(|on| Action::Full(FullAction::SetIncludeTexts(on)))} />
                { full.share.include_texts }
            </label>
            <label class="pr-check">
                <input type="checkbox" checked={protect} onchange={toggle(|on| Action::Full(FullAction::SetProtect(on)))} />
                { full.share.protect }
            </label>
            if protect {
                <div class="pr-field">
                    <label for={passphrase_id.clone()}>{ full.share.passphrase }</label>
                    <p id={hint_id.clone()} class="pr-hint">{ fill(full.share.passphrase_hint, &[("min", &min)]) }</p>
                    <input id={passphrase_id} type="password" autocomplete="new-password" aria-describedby={hint_id} />
                </div>
            }
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-primary" onclick={on_copy_link}>{ full.share.copy_link }</button>
            </div>
            <p class="pr-share-status" role="status">{ message }</p>
            if let Some(copy) = copy_by_hand {
                <div class="pr-field">
                    <label for={copy_id.clone()}>{ full.share.copy_by_hand }</label>
                    <textarea id={copy_id} rows="4" readonly=true value={copy} />
                </div>
            }
            <div class="pr-actions">
                <button type="button" class="pr-button" onclick={view.send(Action::Open(Screen::Results(result.id)))}>
                    { full.share.back_to_result }
                </button>
            </div>
        </section>
    }
}
