//! A share link not opened (yet), in the full build: the passphrase prompt of
//! a sealed link, why a link cannot be opened, or "Loading…" while it is read.
//! An opened one is the `shared_screen`.

use std::rc::Rc;

use yew::prelude::*;

use super::field::field_value;
use super::shared_screen::close_button;
use super::View;
use crate::model::Questionnaire;
use crate::share;
use crate::state::SharedLink;

pub fn link_screen(view: &View, q: &Rc<Questionnaire>, link: Option<&SharedLink>) -> Html {
    let (text, full) = (view.text, &view.text.full);
    let heading_id = view.id("shared-heading");
    // After a wrong passphrase the field takes the focus, to type again, not the heading.
    let retry = matches!(link, Some(SharedLink::Locked { wrong_passphrase: true, .. }));
    let (title, content) = match link {
        Some(SharedLink::Locked { sealed, wrong_passphrase, opening }) => {
            let (field_id, wrong_id) = (view.id("unlock"), view.id("unlock-wrong"));
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
                        <p id={wrong_id.clone()} class="pr-notice-inline" role="alert">{ full.shared.locked_wrong }</p>
                    }
                    <div class="pr-field">
                        <label for={field_id.clone()}>{ full.shared.locked_passphrase }</label>
                        <input id={field_id} type="password" autocomplete="off" data-pr-focus={retry.then_some("")}
                            aria-invalid={retry.then_some("true")} aria-describedby={retry.then_some(wrong_id)} />
                    </div>
                    <div class="pr-actions">
                        <button type="submit" class="pr-button pr-button-primary" disabled={*opening}>
                            { if *opening { full.shared.locked_opening } else { full.shared.locked_open } }
                        </button>
                        { close_button(view) }
                    </div>
                </form>
            };
            (full.shared.locked_title, content)
        }
        Some(SharedLink::Unreadable(error)) => {
            let content = html! {
                <>
                    <p class="pr-notice-inline" role="alert">{ full.link_error(*error) }</p>
                    <div class="pr-actions">{ close_button(view) }</div>
                </>
            };
            (full.shared.title_untitled, content)
        }
        // The link is still being read (an open one is the shared screen's).
        Some(SharedLink::Open(_)) | None => {
            (full.shared.title_untitled, html! { <p role="status">{ text.loading.title }</p> })
        }
    };
    html! {
        <section class="pr-screen pr-shared" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pr-heading" tabindex="-1" data-pr-focus={(!retry).then_some("")}>{ title }</h2>
            { content }
        </section>
    }
}
