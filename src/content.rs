//! What a widget needs besides what is compiled in, fetched when chosen (full
//! build only): the texts and questionnaire of another language, or a host's
//! own questionnaire. English and the built-in questionnaire cost the first
//! load nothing extra; other languages cost nobody who does not choose them.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::codec::language::MAX_LANGUAGE_BYTES;
use crate::codec::questionnaire::{self, MAX_QUESTIONNAIRE_BYTES};
use crate::config::Language;
use crate::fetch;
use crate::model::Questionnaire;
use crate::text::{translation, UiText, EN};

thread_local! {
    /// The requests made so far, by URL, each a promise of the body's text:
    /// widgets on one page that need the same file (two German ones, say) share
    /// one request, even while it is on its way.
    static REQUESTS: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
    /// The languages read so far. Their texts are kept for the page's lifetime,
    /// so every further widget in one of them shares them instead of keeping a copy.
    static TEXTS: RefCell<Vec<(Language, &'static UiText)>> = const { RefCell::new(Vec::new()) };
}

/// A widget that cannot start: its texts (for the visitor's message), why in
/// a code (for the host's error event) and in a sentence (for its console).
pub struct Unavailable {
    pub text: &'static UiText,
    pub code: Unusable,
    pub reason: String,
}

/// Why a host's questionnaire cannot be used, as the error event names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// Not on the page's origin (as configured, or after a redirect).
    OtherOrigin,
    /// The request failed (offline, blocked): the one case a reload may help.
    Unreachable,
    HttpError,
    TooLarge,
    NotText,
    /// Read, but not a questionnaire this widget can use (its rules, or JSON).
    Invalid,
}

impl Unusable {
    /// The `reason` of the `partnership-readiness:error` event.
    pub fn code(self) -> &'static str {
        match self {
            Unusable::OtherOrigin => "questionnaire-other-origin",
            Unusable::Unreachable => "questionnaire-unreachable",
            Unusable::HttpError => "questionnaire-http-error",
            Unusable::TooLarge => "questionnaire-too-large",
            Unusable::NotText => "questionnaire-not-text",
            Unusable::Invalid => "questionnaire-invalid",
        }
    }

    /// The code `js/fetch-text.js`'s `fetchText` rejected with.
    fn of_fetch(code: &str) -> Self {
        match code {
            "other-origin" => Unusable::OtherOrigin,
            "http-error" => Unusable::HttpError,
            "too-large" => Unusable::TooLarge,
            "not-text" => Unusable::NotText,
            _ => Unusable::Unreachable,
        }
    }
}

/// The texts and questionnaire a widget shows in `language`, or from the host's
/// questionnaire file at `own`. A language that cannot be loaded falls back to
/// English (with a console error); a host's questionnaire that cannot be used
/// stops the widget, since showing other questions than the host chose would mislead.
pub async fn load(language: Language, own: Option<&str>) -> Result<(&'static UiText, Questionnaire), Unavailable> {
    // Both requests go out before either is awaited.
    let texts = (language != Language::English)
        .then(|| fetch_text(&asset_url(&format!("i18n/{}.json", language.code())), MAX_LANGUAGE_BYTES, false));
    let translation = (language != Language::English && own.is_none()).then(|| {
        fetch_text(&asset_url(&format!("data/questionnaire.{}.json", language.code())), MAX_QUESTIONNAIRE_BYTES, false)
    });
    let own = own.map(|url| {
        let request = same_origin(url)
            .map(|url| fetch_coded(&url, MAX_QUESTIONNAIRE_BYTES, true))
            .map_err(|reason| (Unusable::OtherOrigin, reason));
        (url, request)
    });

    let text = match texts {
        None => &EN,
        Some(request) => match request.await.and_then(|body| texts_of(language, &body)) {
            Ok(text) => text,
            Err(reason) => {
                fallback_to_english(language, &reason);
                &EN
            }
        },
    };
    if let Some((url, request)) = own {
        let read = match request {
            Ok(request) => request.await.and_then(|body| {
                questionnaire::decode(&body).map_err(|e| (Unusable::Invalid, EN.full.questionnaire_error(&e)))
            }),
            Err(refused) => Err(refused),
        };
        return read.map(|q| (text, q)).map_err(|(code, reason)| Unavailable {
            text,
            code,
            reason: format!("partnership readiness: data-questionnaire=\"{url}\" cannot be used: {reason}"),
        });
    }
    match translation {
        Some(request) if !std::ptr::eq(text, &EN) => {
            let read = request
                .await
                .and_then(|body| questionnaire::decode_translation(&body).map_err(|e| EN.full.questionnaire_error(&e)));
            match read {
                Ok(translated) => Ok((text, translated)),
                Err(reason) => {
                    fallback_to_english(language, &reason);
                    Ok((&EN, Questionnaire::builtin()))
                }
            }
        }
        _ => Ok((&EN, Questionnaire::builtin())),
    }
}

/// The texts of `language` from its file's `body`, read once per page.
fn texts_of(language: Language, body: &str) -> Result<&'static UiText, String> {
    let known = TEXTS.with(|texts| texts.borrow().iter().find(|(l, _)| *l == language).map(|(_, text)| *text));
    if let Some(text) = known {
        return Ok(text);
    }
    let text = translation::texts_of(body, language.code()).map_err(|e| EN.full.language_error(&e))?;
    TEXTS.with(|texts| texts.borrow_mut().push((language, text)));
    Ok(text)
}

fn fallback_to_english(language: Language, reason: &str) {
    gloo::console::error!(format!(
        "partnership readiness: the \"{}\" language files could not be used ({reason}); showing English",
        language.code()
    ));
}

#[wasm_bindgen]
extern "C" {
    /// Set by the boot script: `path` resolved against where the widget's files are.
    #[wasm_bindgen(catch, js_namespace = partnershipReadiness, js_name = assetUrl)]
    fn boot_asset_url(path: &str) -> Result<String, JsValue>;
}

/// The URL of one of the widget's own files (next to the boot script, wherever
/// the host serves `dist/` from), or relative to the page without the boot script.
fn asset_url(path: &str) -> String {
    boot_asset_url(path).unwrap_or_else(|_| path.to_owned())
}

/// `url` resolved against the page, if it is on the page's own origin: a host's
/// questionnaire is content the host vouches for, never a third party's. (The
/// request itself may not leave the origin either, redirects included: `fetch_text`.)
fn same_origin(url: &str) -> Result<String, String> {
    let location = web_sys::window().ok_or("there is no window")?.location();
    let (page, origin) = (location.href().unwrap_or_default(), location.origin().unwrap_or_default());
    let resolved = web_sys::Url::new_with_base(url, &page).map_err(|_| "it is not a valid URL".to_owned())?;
    if resolved.origin() != origin {
        return Err(format!("it is not on this page's origin ({origin}); only same-origin questionnaires are read"));
    }
    Ok(resolved.href())
}

/// [`fetch_text`], a refusal with its reason's code.
fn fetch_coded(
    url: &str,
    max_bytes: usize,
    same_origin: bool,
) -> impl std::future::Future<Output = Result<String, (Unusable, String)>> {
    let request = fetch_request(url, max_bytes, same_origin);
    async move { request.await.map_err(|(code, reason)| (Unusable::of_fetch(&code), reason)) }
}

/// The body of `url` as text, at most `max_bytes`, from the page's origin only
/// when `same_origin`; a refusal's reason in a sentence.
fn fetch_text(
    url: &str,
    max_bytes: usize,
    same_origin: bool,
) -> impl std::future::Future<Output = Result<String, String>> {
    let request = fetch_request(url, max_bytes, same_origin);
    async move { request.await.map_err(|(_, reason)| reason) }
}

/// The body of `url` as text, at most `max_bytes`, from the page's origin only
/// when `same_origin`, or the refusal's code and sentence. The request starts at once (or is the one already made
/// for `url`); awaiting gets the answer. A request that failed is forgotten, so
/// a widget mounted later tries again.
fn fetch_request(
    url: &str,
    max_bytes: usize,
    same_origin: bool,
) -> impl std::future::Future<Output = Result<String, (String, String)>> {
    let made = REQUESTS.with(|requests| requests.borrow().iter().find(|(u, _)| u == url).map(|(_, p)| p.clone()));
    let request = made.unwrap_or_else(|| {
        let request = fetch::fetch_text(url, max_bytes, same_origin);
        REQUESTS.with(|requests| requests.borrow_mut().push((url.to_owned(), request.clone())));
        request
    });
    let url = url.to_owned();
    async move {
        let body = JsFuture::from(request).await.map(|text| text.as_string().unwrap_or_default()).map_err(|error| {
            let code =
                js_sys::Reflect::get(&error, &"code".into()).ok().and_then(|c| c.as_string()).unwrap_or_default();
            let message = error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{url} could not be read"));
            (code, message)
        });
        if body.is_err() {
            REQUESTS.with(|requests| requests.borrow_mut().retain(|(u, _)| *u != url));
        }
        body
    }
}
