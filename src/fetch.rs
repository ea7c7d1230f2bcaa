//! The one binding of `js/fetch-text.js`, which fetches a widget's content
//! (a host's questionnaire; in the full build also translations) with a size
//! limit and, for a host's file, from the page's origin only. In the builds
//! that read such files: the full one and the one for a host's questionnaire.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/fetch-text.js")]
extern "C" {
    /// `url`'s body as text, at most `max_bytes` of it, from the page's origin
    /// only when `same_origin` (redirects included); rejects with an `Error`
    /// whose `code` names the reason.
    #[wasm_bindgen(js_name = fetchText)]
    pub fn fetch_text(url: &str, max_bytes: usize, same_origin: bool) -> js_sys::Promise;
}
