//! Mounting, querying and clicking helpers shared by the browser tests.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

use partnership_readiness::components::app::{App, AppProps};
use partnership_readiness::config::Config;
use partnership_readiness::state::Screen;

#[wasm_bindgen(inline_js = r#"
let savedStorage = null;
let savedSetItem = null;
export function block_local_storage() {
  if (!savedStorage) savedStorage = Object.getOwnPropertyDescriptor(window, 'localStorage') || null;
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
}
export function restore_local_storage() {
  if (savedStorage) { Object.defineProperty(window, 'localStorage', savedStorage); savedStorage = null; }
}
export function fill_quota() {
  if (!savedSetItem) savedSetItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}
export function free_quota() {
  if (savedSetItem) { Storage.prototype.setItem = savedSetItem; savedSetItem = null; }
}
export function dispatch_input(element) {
  element.dispatchEvent(new InputEvent('input', { bubbles: true }));
}
export function dispatch_storage_event(key) {
  window.dispatchEvent(new StorageEvent('storage', { key, storageArea: window.localStorage }));
}
let savedClipboard = null;
export function fake_clipboard(refuse) {
  if (!savedClipboard) savedClipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  window.__copied = null;
  Object.defineProperty(Navigator.prototype, 'clipboard', {
    configurable: true,
    get() {
      return { writeText: async (text) => { if (refuse) throw new DOMException('not allowed', 'NotAllowedError'); window.__copied = text; } };
    },
  });
}
export function copied_text() {
  return window.__copied;
}
export function restore_clipboard() {
  if (savedClipboard) { Object.defineProperty(Navigator.prototype, 'clipboard', savedClipboard); savedClipboard = null; }
}
let savedSubtle = null;
export function hide_web_crypto() {
  if (!savedSubtle) savedSubtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle');
  Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get() { return undefined; } });
}
export function restore_web_crypto() {
  if (savedSubtle) { Object.defineProperty(Crypto.prototype, 'subtle', savedSubtle); savedSubtle = null; }
}
export function after_next_paint_task() {
  // As platform::after_next_paint queues: when idle (a timer where there are no idle callbacks).
  const queue = (task) => (window.requestIdleCallback ? requestIdleCallback(task) : setTimeout(task, 0));
  return new Promise((resolve) => requestAnimationFrame(() => queue(resolve)));
}
"#)]
extern "C" {
    /// Makes `window.localStorage` throw a SecurityError, as in a third-party iframe.
    pub fn block_local_storage();
    pub fn restore_local_storage();
    /// Makes every `setItem` throw QuotaExceededError.
    pub fn fill_quota();
    pub fn free_quota();
    pub fn dispatch_input(element: &Element);
    /// What the browser fires in this page when another tab writes `key`.
    pub fn dispatch_storage_event(key: &str);
    /// Replaces the clipboard: it keeps what is copied, or refuses (as browsers
    /// do without a user gesture or permission).
    pub fn fake_clipboard(refuse: bool);
    /// What was copied to the fake clipboard, if anything.
    pub fn copied_text() -> Option<String>;
    fn restore_clipboard();
    /// Takes `crypto.subtle` away, as browsers do on a page served over plain http.
    pub fn hide_web_crypto();
    fn restore_web_crypto();
    /// Resolves after the task the widget queues behind the next paint (frame
    /// callbacks run in the order they were requested, idle callbacks and
    /// zero-delay timers too): an ordering, not a wait for time to pass.
    fn after_next_paint_task() -> js_sys::Promise;
}

#[cfg_attr(not(feature = "full"), allow(dead_code))]
/// Yields to the browser until `done` holds (promises of the clipboard, file
/// reading or WebCrypto settle in their own time), rendering in between; fails
/// after `max_turns` turns. A wait on a condition, not on a clock.
pub async fn wait_until(what: &str, max_turns: usize, done: impl Fn() -> bool) {
    for _ in 0..max_turns {
        if done() {
            return;
        }
        settle().await;
    }
    assert!(done(), "gave up waiting until {what}");
}

/// Lets the widget finish the work it queued for the next task (reading the
/// saved results once its first screen is up), then renders.
pub async fn settle() {
    let _ = wasm_bindgen_futures::JsFuture::from(after_next_paint_task()).await;
    yew::scheduler::flush().await;
}

/// Undoes every storage, clipboard and crypto shim. Called before each test
/// mounts a widget, so a test that fails half-way (wasm aborts: no destructor
/// runs) cannot leave storage blocked or full, or the clipboard or Web Crypto
/// faked, for the tests after it.
pub fn restore_shims() {
    restore_local_storage();
    free_quota();
    restore_clipboard();
    restore_web_crypto();
}

/// A widget mounted into its own fresh element; removed again on drop.
pub struct Mounted {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// Mounts the app with its own storage key and renders it fully.
    pub async fn new(storage_key: &str) -> Self {
        Self::with_prefix(storage_key, storage_key).await
    }

    /// Mounts the app with a storage key and an id prefix of its own (two widgets
    /// sharing a key still need different prefixes, as `embed` gives them).
    pub async fn with_prefix(storage_key: &str, id_prefix: &str) -> Self {
        Self::with_props(storage_key, id_prefix, None).await
    }

    /// Mounts the app opening `start` at once (as after a handover, or for the
    /// share link in the address).
    pub async fn with_props(storage_key: &str, id_prefix: &str, start: Option<Screen>) -> Self {
        let config = Config { storage_key: storage_key.to_owned(), ..Config::default() };
        Self::with_config(config, id_prefix, start).await
    }

    /// Mounts the app as a host configured it.
    pub async fn with_config(config: Config, id_prefix: &str, start: Option<Screen>) -> Self {
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        gloo::utils::body().append_child(&root).unwrap();
        let props = AppProps { start, ..AppProps::english(config, id_prefix) };
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        settle().await;
        Mounted { root, handle: Some(handle) }
    }

    /// Tears the app down (as a page unload would) and removes its element.
    pub fn unmount(mut self) {
        self.teardown();
    }

    fn teardown(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
            self.root.remove();
        }
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let nodes = self.root.query_selector_all(selector).unwrap();
        (0..nodes.length()).filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    pub fn one(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    pub fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default().trim().to_owned()
    }

    /// The widget's visible text, whitespace collapsed.
    pub fn page_text(&self) -> String {
        self.root.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn heading(&self) -> String {
        self.text("[data-pr-focus]")
    }

    /// The button whose visible text is exactly `label`.
    pub fn button(&self, label: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim() == label)
            .unwrap_or_else(|| panic!("no button labelled {label:?} in: {}", self.page_text()))
            .dyn_into()
            .unwrap()
    }

    /// Clicks the first button whose visible text starts with `prefix` (labels that end in a date).
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub async fn click_starting(&self, prefix: &str) {
        let button: HtmlElement = self
            .all("button")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().trim().starts_with(prefix))
            .unwrap_or_else(|| panic!("no button starting {prefix:?} in: {}", self.page_text()))
            .dyn_into()
            .unwrap();
        button.click();
        yew::scheduler::flush().await;
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.all("button").iter().any(|b| b.text_content().unwrap_or_default().trim() == label)
    }

    /// Clicks the button labelled `label` and lets Yew finish rendering.
    pub async fn click(&self, label: &str) {
        self.button(label).click();
        yew::scheduler::flush().await;
    }

    /// Clicks the checkbox whose label reads `label`, and lets Yew render.
    #[cfg_attr(not(feature = "full"), allow(dead_code))]
    pub async fn check(&self, label: &str) {
        let checkbox: HtmlInputElement = self
            .all("label")
            .into_iter()
            .find(|l| l.text_content().unwrap_or_default().trim() == label)
            .and_then(|l| l.query_selector("input[type=checkbox]").ok().flatten())
            .unwrap_or_else(|| panic!("no checkbox labelled {label:?}"))
            .dyn_into()
            .unwrap();
        checkbox.click();
        yew::scheduler::flush().await;
    }

    /// The radio labelled `option` in the `statement`-th fieldset (0-based) of the step.
    pub fn radio(&self, statement: usize, option: &str) -> HtmlInputElement {
        let fieldset = self.all("fieldset").into_iter().nth(statement).expect("statement fieldset");
        let nodes = fieldset.query_selector_all("label").unwrap();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<Element>().ok())
            .find(|l| l.text_content().unwrap_or_default().trim() == option)
            .and_then(|l| l.query_selector("input").ok().flatten())
            .unwrap_or_else(|| panic!("no option {option:?}"))
            .dyn_into()
            .unwrap()
    }

    /// Clicks the step-list entry whose text contains `title`.
    pub async fn jump_to(&self, title: &str) {
        let link: HtmlElement = self
            .all("nav .pr-step-link")
            .into_iter()
            .find(|b| b.text_content().unwrap_or_default().contains(title))
            .unwrap_or_else(|| panic!("no step {title:?}"))
            .dyn_into()
            .unwrap();
        link.click();
        yew::scheduler::flush().await;
    }

    pub async fn go_to_review(&self) {
        self.jump_to("Review your answers").await;
    }

    /// Answers the statements of the principle on screen, in order, by label.
    pub async fn answer_step(&self, answers: &[&str]) {
        for (statement, option) in answers.iter().enumerate() {
            self.answer(statement, option).await;
        }
    }

    /// Finishes a check as a person does: starts it, answers principle by
    /// principle (`answers[p]`, by label; later principles stay unanswered),
    /// labels the result `label` on the review page and shows the result.
    pub async fn finish_check(&self, label: &str, answers: &[&[&str]]) {
        self.click("Start the check").await;
        for (principle, step) in answers.iter().enumerate() {
            if principle > 0 {
                self.click("Next").await;
            }
            self.answer_step(step).await;
        }
        self.go_to_review().await;
        self.type_into("input[type=text]", label).await;
        self.click("See results").await;
    }

    pub async fn answer(&self, statement: usize, option: &str) {
        self.radio(statement, option).click();
        yew::scheduler::flush().await;
    }

    /// Types `value` into the field matched by `selector`, firing `input`.
    pub async fn type_into(&self, selector: &str, value: &str) {
        let field = self.one(selector);
        if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            field.dyn_ref::<HtmlInputElement>().unwrap().set_value(value);
        }
        dispatch_input(&field);
        yew::scheduler::flush().await;
    }

    pub fn focused_is_heading(&self) -> bool {
        let active = gloo::utils::document().active_element();
        active.is_some_and(|a| a.has_attribute("data-pr-focus") && self.root.contains(Some(&a)))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.teardown();
    }
}

pub fn local_storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

/// A storage key no other test uses, cleared before use. Also undoes any
/// storage shim a failed earlier test left behind.
pub fn fresh_key(name: &str) -> String {
    restore_shims();
    let key = format!("pr-test-{name}");
    let storage = local_storage();
    let keys: Vec<String> = (0..storage.length().unwrap()).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for k in keys.into_iter().filter(|k| k.starts_with(&key)) {
        storage.remove_item(&k).unwrap();
    }
    key
}

pub fn stored(key: &str) -> Option<String> {
    local_storage().get_item(key).unwrap()
}

/// The results document stored beside `key`.
pub fn stored_results(key: &str) -> Option<String> {
    stored(&format!("{key}:results"))
}
