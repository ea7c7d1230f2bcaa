//! Sharing a saved result: as a link that carries its answers — what it
//! carries said plainly (the name by default, the notes only when chosen), the
//! link itself in a field to copy or hand to the system share sheet, sealed
//! with a passphrase when asked — or as a `.json` file. What happened is said
//! in a status line.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_value;
use super::link_field::{copy_by_hand as copy_by_hand_field, link_field, refused_copy};
use super::View;
use crate::codec::export::encode_result;
use crate::codec::link::MAX_LINK_CHARS;
use crate::model::{Questionnaire, SavedResult};
use crate::share::{self, Carried};
use crate::state::{Action, FullAction, FullState, Screen, ShareStatus, MAX_PASSPHRASE_CHARS, MIN_PASSPHRASE_CHARS};
use crate::text::fill;

/// `tag`: this widget's tag for links (see `codec::link::widget_tag`).
pub fn share_screen(
    view: &View,
    q: &Rc<Questionnaire>,
    result: &Rc<SavedResult>,
    state: &FullState,
    tag: &str,
) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let carried = Carried { label: state.include_label, notes: state.include_notes };
    let protect = state.protect;
    let heading_id = view.id("share-heading");
    let passphrase_id = view.id("passphrase");
    let hint_id = format!("{passphrase_id}-hint");
    let share_page = view.config.share_page.as_deref();

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
    let on_seal = {
        let (result, q, report, tag, passphrase_id) =
            (result.clone(), q.clone(), view.on_action.clone(), tag.to_owned(), passphrase_id.clone());
        let share_page = share_page.map(str::to_owned);
        Callback::from(move |event: MouseEvent| {
            // Read from the field when needed, never kept in the state.
            let passphrase = field_value(&event, &passphrase_id);
            share::seal_link(&result, &q, carried, passphrase, &tag, share_page.as_deref(), report.clone());
        })
    };
    let toggle = |action: fn(bool) -> FullAction| {
        view.on_action.reform(move |event: Event| {
            Action::Full(action(
                event.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|box_| box_.checked()),
            ))
        })
    };

    // The link on screen: the plain one, made as the options change; the
    // sealed one once made (sealing is slow on purpose, so it waits for a click).
    let link = if protect {
        state.sealed_link.clone().map(Ok)
    } else {
        Some(share::plain_link(result, q, carried, tag, share_page))
    };
    let seen_as = text.received_title(if carried.label { &result.label } else { "" });
    let notes = result.responses.notes.len();

    let min = MIN_PASSPHRASE_CHARS.to_string();
    let too_long = |length: usize| {
        fill(full.share.too_long, &[("length", &length.to_string()), ("max", &MAX_LINK_CHARS.to_string())])
    };
    let shown_link = match &link {
        Some(Ok(link)) => Some(link.as_str()),
        _ => None,
    };
    let (message, copy_by_hand) = match &state.status {
        None => (String::new(), None),
        Some(ShareStatus::JsonCopied) => (full.share.json_copied.to_owned(), None),
        Some(ShareStatus::LinkCopied) => (full.share.link_copied.to_owned(), None),
        Some(ShareStatus::LinkShared) => (full.share.link_shared.to_owned(), None),
        Some(ShareStatus::Downloaded(name)) => (fill(full.share.downloaded, &[("name", name)]), None),
        Some(ShareStatus::Sealing) => (full.share.sealing.to_owned(), None),
        Some(ShareStatus::PassphraseTooShort) => (fill(full.share.passphrase_too_short, &[("min", &min)]), None),
        Some(ShareStatus::PassphraseTooLong) => {
            (fill(full.share.passphrase_too_long, &[("max", &MAX_PASSPHRASE_CHARS.to_string())]), None)
        }
        Some(ShareStatus::LinkTooLong(length)) => (too_long(*length), None),
        Some(ShareStatus::CopyFailed(copy)) => refused_copy(&full.share, copy, shown_link),
        Some(ShareStatus::SealingUnavailable) => (full.share.sealing_unavailable.to_owned(), None),
        Some(_) => (String::new(), None),
    };
    let copy_id = view.id("copy-by-hand");
    let link_id = view.id("share-link");
    let link_with_actions = |link: String| {
        let on_copy = {
            let (link, report) = (link.clone(), view.on_action.clone());
            Callback::from(move |_: MouseEvent| share::copy(link.clone(), ShareStatus::LinkCopied, report.clone()))
        };
        let on_share = {
            let (link, report, title) = (link.clone(), view.on_action.clone(), seen_as.to_owned());
            Callback::from(move |_: MouseEvent| share::share_link(&title, link.clone(), report.clone()))
        };
        html! {
            <>
                { link_field(link_id.clone(), full.share.link_field, link) }
                <div class="pr-actions">
                    <button type="button" class={if protect { "pr-button" } else { "pr-button pr-button-primary" }} onclick={on_copy}>{ full.share.copy_link }</button>
                    if share::can_share() {
                        <button type="button" class="pr-button" onclick={on_share}>{ full.share.share_sheet }</button>
                    }
                </div>
            </>
        }
    };

    html! {
        <section class="pr-screen pr-share" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus="">
                { fill(full.share.title, &[("label", text.result_name(result))]) }
            </h2>
            <p>{ full.share.intro }</p>
            <fieldset class="pr-carried">
                <legend>{ full.share.carries_title }</legend>
                if result.label.is_empty() {
                    <p class="pr-carried-item pr-muted">{ full.share.carry_no_name }</p>
                } else {
                    <label class="pr-check">
                        <input type="checkbox" checked={carried.label} onchange={toggle(FullAction::SetIncludeLabel)} />
                        { fill(full.share.carry_name, &[("label", &result.label)]) }
                    </label>
                }
                <p class="pr-carried-item pr-carried-always">{ full.share.carry_answers }</p>
                if notes == 0 {
                    <p class="pr-carried-item pr-muted">{ full.share.carry_no_notes }</p>
                } else {
                    <label class="pr-check">
                        <input type="checkbox" checked={carried.notes} onchange={toggle(FullAction::SetIncludeNotes)} />
                        { fill(full.share.carry_notes, &[("count", &notes.to_string())]) }
                    </label>
                }
                <label class="pr-check">
                    <input type="checkbox" checked={protect} onchange={toggle(FullAction::SetProtect)} />
                    { full.share.protect }
                </label>
                <p class="pr-hint" data-testid="seen-as">{ fill(full.share.preview, &[("title", &seen_as)]) }</p>
            </fieldset>
            if protect {
                <div class="pr-field">
                    <label for={passphrase_id.clone()}>{ full.share.passphrase }</label>
                    <p id={hint_id.clone()} class="pr-hint">{ fill(full.share.passphrase_hint, &[("min", &min)]) }</p>
                    <input id={passphrase_id} type="password" autocomplete="new-password" aria-describedby={hint_id} />
                </div>
                <div class="pr-actions">
                    <button type="button" class="pr-button pr-button-primary" onclick={on_seal}>{ full.share.protect_button }</button>
                </div>
            }
            {
                match link {
                    Some(Ok(link)) => link_with_actions(link),
                    Some(Err(length)) => html! { <p class="pr-notice-inline">{ too_long(length) }</p> },
                    None => html! {},
                }
            }
            <p class="pr-share-status" role="status">{ message }</p>
            { copy_by_hand_field(copy_id, full.share.copy_by_hand, copy_by_hand) }
            <h3>{ full.share.file_title }</h3>
            <div class="pr-actions">
                <button type="button" class="pr-button" onclick={on_download}>{ full.share.download }</button>
                <button type="button" class="pr-button" onclick={on_copy_json}>{ full.share.copy_json }</button>
            </div>
            <div class="pr-actions">
                <button type="button" class="pr-button pr-button-quiet" onclick={view.send(Action::Open(Screen::Results(result.id)))}>
                    { full.share.back_to_result }
                </button>
            </div>
        </section>
    }
}
