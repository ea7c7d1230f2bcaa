//! The only module that touches `localStorage`.
//!
//! Every browser failure becomes a value: storage that is missing or throws
//! (`SecurityError` in third-party iframes, some private modes), a full quota,
//! unreadable data. Nothing here panics, and nothing deletes data it cannot read:
//! an unreadable value is first moved to a backup key.
//!
//! Two documents per key (see `codec::store`): the draft under the key, the
//! results under `<key>:results`; the full build adds the teams under
//! `<key>:teams` (`codec::team`), saved and merged the same way. Start-up reads only the draft, so the first
//! screen is ready at once however many results are kept; the results follow in
//! the next task. Several tabs, or several widgets on one page, may share a key,
//! so a save never writes from a stale copy: it reads what is stored right before
//! writing, merges this instance's changes into it (`model::saved`), refuses to
//! touch data from a newer format version, and only then writes. It tells the
//! other widgets on the page; other tabs hear of it through the `storage` event.
//!
//! ```ignore
//! let loaded = storage::load("partnership-readiness");
//! // ... after a change, following the state's save plan (`state::SavePlan`):
//! match storage::save("partnership-readiness", &state.save_plan()) {
//!     Ok(saved) => { /* what storage holds now: saved.written */ }
//!     Err(notice) => { /* show it */ }
//! }
//! ```

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::codec::store::{self, results_key, DecodeError, MainDocument};
use crate::codec::team as team_codec;
use crate::incoming;
use crate::model::saved::merge_history;
use crate::model::team::{merge_teams, Team};
use crate::model::{SavedResult, StoreContents};
use crate::platform::now_ms;
use crate::state::{Loaded, Persistence, SavePlan, StorageNotice, StoredData};

/// The browser's `localStorage`, if this page may use it.
fn local_storage() -> Result<web_sys::Storage, StorageNotice> {
    let window = web_sys::window().ok_or(StorageNotice::Unavailable)?;
    // The getter itself throws a SecurityError where storage is denied.
    window.local_storage().ok().flatten().ok_or(StorageNotice::Unavailable)
}

fn classify_write_error(error: &JsValue) -> StorageNotice {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => StorageNotice::Full,
        Some(name) if name == "SecurityError" => StorageNotice::Unavailable,
        _ => StorageNotice::WriteFailed,
    }
}

fn write(storage: &web_sys::Storage, key: &str, text: &str) -> Result<(), StorageNotice> {
    storage.set_item(key, text).map_err(|error| classify_write_error(&error))
}

/// The key an unreadable value under `key` is moved to.
pub fn backup_key(key: &str, now_ms: u64) -> String {
    format!("{key}:backup:{now_ms}")
}

/// What is stored under one key right now.
enum Stored<T> {
    /// Decoded; nothing stored reads as the empty document.
    Readable(T),
    /// Written by a newer build: must be left alone.
    Newer(u64),
    /// Unreadable: moved to a backup key (a `Corrupt` notice says which), or,
    /// if even that failed, a notice that nothing may be written.
    SetAside(StorageNotice),
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Storage`, seen through the one method read differently here.
    type RawStorage;
    /// `Storage.getItem`, returning the JavaScript string itself.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// The value under `key` as a Rust string. A stored document can be megabytes:
/// the browser's own encoder and one copy into wasm memory take a few
/// milliseconds, where the usual conversion copies it character by character
/// in JavaScript (measured: 27 ms for 2.4 MB).
fn get_text(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, JsValue> {
    let value = storage.unchecked_ref::<RawStorage>().get_item_js(key)?;
    if value.is_null() {
        return Ok(None);
    }
    let bytes = TextEncoder::new().encode(&value).to_vec();
    // A JavaScript string always encodes to valid UTF-8.
    Ok(String::from_utf8(bytes).ok())
}

/// Reads and decodes the value under `key` (a document of the widget keyed
/// `widget`), moving an unreadable one aside first and adding its backup to the
/// widget's set-aside list, so every instance says so until it is dismissed.
fn read<T>(
    storage: &web_sys::Storage,
    widget: &str,
    key: &str,
    decode: impl Fn(&str) -> Result<T, DecodeError>,
    empty: T,
) -> Result<Stored<T>, StorageNotice> {
    let text = match get_text(storage, key) {
        Ok(Some(text)) => text,
        Ok(None) => return Ok(Stored::Readable(empty)),
        Err(_) => return Err(StorageNotice::Unavailable),
    };
    Ok(match decode(&text) {
        Ok(value) => Stored::Readable(value),
        Err(DecodeError::NewerVersion(version)) => Stored::Newer(version),
        Err(error) => {
            log_unreadable(key, &error);
            let backup = backup_key(key, now_ms());
            // Moved, not copied, so the next reader does not back it up again.
            if storage.set_item(&backup, &text).is_ok() && storage.remove_item(key).is_ok() {
                let mut set_aside = read_set_aside(storage, widget);
                set_aside.push(backup.clone());
                // Telling the other instances (they read the list at their next
                // re-read, other tabs at once) is worth trying, not worth failing over.
                let _ = storage.set_item(&store::set_aside_key(widget), &store::encode_set_aside(&set_aside));
                Stored::SetAside(StorageNotice::Corrupt { backup_key: backup })
            } else {
                Stored::SetAside(StorageNotice::CorruptNoBackup)
            }
        }
    })
}

/// Words why saved data could not be read.
type Explain = fn(&DecodeError) -> String;

thread_local! {
    /// How the exact reason unreadable data could not be read is worded for the
    /// console: set by the full build (`explain_unreadable_with`); the core build
    /// says only that it could not be read, and carries no words for the rules.
    static EXPLAIN: Cell<Option<Explain>> = const { Cell::new(None) };
}

/// Words the reason for unreadable saved data in the console from now on.
pub fn explain_unreadable_with(explain: Explain) {
    EXPLAIN.with(|cell| cell.set(Some(explain)));
}

/// Tells the host's developers that the data under `key` could not be read
/// (and, in the full build, why); the visitor's notice says what it means for them.
fn log_unreadable(key: &str, error: &DecodeError) {
    let reason = EXPLAIN.with(Cell::get).map(|explain| format!(": {}", explain(error))).unwrap_or_default();
    gloo::console::warn!(format!("partnership readiness: the data saved under \"{key}\" could not be read{reason}"));
}

/// The main document under `key`. Results in a document of the earlier
/// one-key format pass the door for results (`incoming`) like any others.
fn read_main(storage: &web_sys::Storage, key: &str) -> Result<Stored<MainDocument>, StorageNotice> {
    let decode = |text: &str| match store::decode_main(text)? {
        MainDocument::Legacy(contents) => {
            Ok(MainDocument::Legacy(StoreContents { history: incoming::stored(contents.history), ..contents }))
        }
        current => Ok(current),
    };
    read(storage, key, key, decode, MainDocument::Current { draft: None })
}

/// The backups of `widget`'s data set aside that nobody has dismissed yet.
fn read_set_aside(storage: &web_sys::Storage, widget: &str) -> Vec<String> {
    match get_text(storage, &store::set_aside_key(widget)) {
        Ok(Some(text)) => store::decode_set_aside(&text),
        _ => Vec::new(),
    }
}

fn read_results(storage: &web_sys::Storage, key: &str) -> Result<Stored<Vec<SavedResult>>, StorageNotice> {
    read(storage, key, &results_key(key), incoming::from_storage, Vec::new())
}

/// Reads the draft under `key` at start-up. The results follow with
/// [`load_results`] once the first screen is up (or come along here, from a
/// document in the earlier one-key format).
pub fn load(key: &str) -> Loaded {
    let memory_only = |notice| Loaded {
        contents: StoreContents::default(),
        history_loaded: true,
        notice: Some(notice),
        set_aside: Vec::new(),
        persistence: Persistence::MemoryOnly,
    };
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(notice) => return memory_only(notice),
    };
    let (contents, history_loaded, notice) = match read_main(&storage, key) {
        Ok(Stored::Readable(MainDocument::Current { draft })) => {
            (StoreContents { draft, history: Vec::new() }, false, None)
        }
        Ok(Stored::Readable(MainDocument::Legacy(contents))) => (contents, true, None),
        Ok(Stored::Newer(version)) => return memory_only(StorageNotice::NewerVersion { version }),
        // Backed up: the key may be written over from now on.
        Ok(Stored::SetAside(notice @ StorageNotice::Corrupt { .. })) => (StoreContents::default(), false, Some(notice)),
        Ok(Stored::SetAside(notice)) | Err(notice) => return memory_only(notice),
    };
    Loaded {
        contents,
        history_loaded,
        notice,
        set_aside: read_set_aside(&storage, key),
        persistence: Persistence::Enabled,
    }
}

/// What storage holds under `key` now: the draft always, the results when
/// `with_results` (they are large; an instance told that only the draft
/// changed elsewhere does not read them). `None` when nothing changed that can
/// be read; the next save deals with unreadable data.
pub fn reread(key: &str, with_results: bool) -> Option<Result<StoredData, StorageNotice>> {
    let storage = local_storage().ok()?;
    let (draft, legacy_history) = match read_main(&storage, key).ok()? {
        Stored::Readable(MainDocument::Current { draft }) => (draft, None),
        Stored::Readable(MainDocument::Legacy(contents)) => (contents.draft, Some(contents.history)),
        Stored::Newer(version) => return Some(Err(StorageNotice::NewerVersion { version })),
        Stored::SetAside(notice) => return Some(Err(notice)),
    };
    let history = match legacy_history {
        Some(history) => Some(history),
        None if with_results => match read_results(&storage, key).ok()? {
            Stored::Readable(history) => Some(history),
            Stored::Newer(version) => return Some(Err(StorageNotice::NewerVersion { version })),
            Stored::SetAside(notice) => return Some(Err(notice)),
        },
        None => None,
    };
    Some(Ok(StoredData { draft, history, set_aside: read_set_aside(&storage, key) }))
}

/// The results under `key`, read after the first screen is up.
pub fn load_results(key: &str) -> Result<StoredData, StorageNotice> {
    reread(key, true).unwrap_or(Err(StorageNotice::Unavailable))
}

/// What a save wrote, and unreadable data it set aside first, if any.
pub struct Saved {
    pub written: StoredData,
    pub notice: Option<StorageNotice>,
}

/// Merges this instance's changes since its last sync (`plan`) into what is
/// stored under `key` now, and writes the result. The results document is read
/// and written only when this instance changed the results (or migrates a
/// format 1 document).
pub fn save(key: &str, plan: &SavePlan) -> Result<Saved, StorageNotice> {
    let storage = local_storage()?;
    let mut notice = None;
    let (theirs_draft, legacy_history) = match read_main(&storage, key)? {
        Stored::Readable(MainDocument::Current { draft }) => (draft, None),
        Stored::Readable(MainDocument::Legacy(contents)) => (contents.draft, Some(contents.history)),
        // Checked at every save, not only at load: a newer tab may have written since.
        Stored::Newer(version) => return Err(StorageNotice::NewerVersion { version }),
        // What was stored is safe in its backup; our last good copy stands in for it.
        Stored::SetAside(set_aside @ StorageNotice::Corrupt { .. }) => {
            notice = Some(set_aside);
            (plan.base_draft().cloned(), None)
        }
        Stored::SetAside(problem) => return Err(problem),
    };

    let mut history = None;
    if plan.changes_history() || legacy_history.is_some() {
        let stored = match read_results(&storage, key)? {
            Stored::Readable(stored) => stored,
            Stored::Newer(version) => return Err(StorageNotice::NewerVersion { version }),
            Stored::SetAside(set_aside @ StorageNotice::Corrupt { .. }) => {
                notice = Some(set_aside);
                plan.base_history().to_vec()
            }
            Stored::SetAside(problem) => return Err(problem),
        };
        // A format 1 document's results join whatever a half-finished earlier
        // migration may already have written.
        let theirs = match legacy_history {
            Some(legacy) => merge_history(&[], &legacy, &stored),
            None => stored,
        };
        let merged = plan.history(&theirs);
        // Results first: if writing the draft then fails, nothing is lost.
        write(&storage, &results_key(key), &store::encode_results(&merged))?;
        history = Some(merged);
    }

    let draft = plan.draft(theirs_draft.as_ref());
    write(&storage, key, &store::encode_main(draft.as_ref()))?;
    let mut set_aside = read_set_aside(&storage, key);
    if !plan.dismissed.is_empty() {
        set_aside.retain(|backup| !plan.dismissed.contains(backup));
        let marker = store::set_aside_key(key);
        if set_aside.is_empty() {
            let _ = storage.remove_item(&marker);
        } else {
            write(&storage, &marker, &store::encode_set_aside(&set_aside))?;
        }
    }
    Ok(Saved { written: StoredData { draft, history, set_aside }, notice })
}

/// The event one widget dispatches on `window` after writing, so that other
/// widgets on the same page with the same key hear of it (the browser's
/// `storage` event only reaches other pages).
const WRITTEN_EVENT: &str = "partnership-readiness:stored";

/// Tells the other widgets on this page that `instance` wrote under `key`
/// (and whether it wrote the results too).
pub fn announce_write(key: &str, instance: &str, with_results: bool) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&js_sys::Array::of3(&key.into(), &instance.into(), &with_results.into()));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(WRITTEN_EVENT, &init) {
        // Nobody listening is fine.
        let _ = window.dispatch_event(&event);
    }
}

/// Listens for `WRITTEN_EVENT`s that say another widget than `instance` wrote
/// `key`, and calls `written` with whether it wrote the results too: the
/// reading of what `announce_write` sends.
fn on_written_by_another(
    window: &web_sys::Window,
    key: String,
    instance: String,
    written: impl Fn(bool) + 'static,
) -> gloo::events::EventListener {
    gloo::events::EventListener::new(window, WRITTEN_EVENT, move |event| {
        let Some(detail) = event.dyn_ref::<web_sys::CustomEvent>().map(|e| js_sys::Array::from(&e.detail())) else {
            return;
        };
        let (written_key, writer) = (detail.get(0).as_string(), detail.get(1).as_string());
        if written_key.as_deref() == Some(key.as_str()) && writer.as_deref() != Some(instance.as_str()) {
            written(detail.get(2).is_truthy());
        }
    })
}

/// Calls `changed` with what is stored under `key` whenever another tab, or
/// another widget on this page, writes it. Listening stops when the returned
/// listeners are dropped.
pub fn on_write_elsewhere(
    key: &str,
    instance: &str,
    changed: impl Fn(Result<StoredData, StorageNotice>) + 'static,
) -> Option<[gloo::events::EventListener; 2]> {
    let window = web_sys::window()?;
    let changed = Rc::new(changed);
    let report = {
        let key = key.to_owned();
        move |changed: &dyn Fn(Result<StoredData, StorageNotice>), with_results: bool| {
            if let Some(change) = reread(&key, with_results) {
                changed(change);
            }
        }
    };
    let other_tab = {
        let (key, results, changed, report) = (key.to_owned(), results_key(key), changed.clone(), report.clone());
        let set_aside = store::set_aside_key(&key);
        gloo::events::EventListener::new(&window, "storage", move |event| {
            // A `clear()` elsewhere has no key.
            match event.dyn_ref::<web_sys::StorageEvent>().map(|e| e.key()) {
                Some(None) => report(&*changed, true),
                Some(Some(written)) if written == key || written == set_aside => report(&*changed, false),
                Some(Some(written)) if written == results => report(&*changed, true),
                _ => {}
            }
        })
    };
    let same_page = on_written_by_another(&window, key.to_owned(), instance.to_owned(), move |with_results| {
        report(&*changed, with_results)
    });
    Some([other_tab, same_page])
}

/// The teams saved under `key` (`<key>:teams`; the full build's team view).
/// Unreadable teams are set aside like any unreadable data.
pub fn load_teams(key: &str) -> Result<Vec<Team>, StorageNotice> {
    let storage = local_storage()?;
    match read(&storage, key, &team_codec::teams_key(key), team_codec::decode_teams, Vec::new())? {
        Stored::Readable(teams) => Ok(teams),
        Stored::Newer(version) => Err(StorageNotice::NewerVersion { version }),
        Stored::SetAside(notice) => Err(notice),
    }
}

/// Merges this instance's teams (`mine`, changed since `base`) into the teams
/// stored under `key` now, writes them and tells the page's other widgets:
/// what storage holds afterwards.
pub fn save_teams(key: &str, instance: &str, base: &[Team], mine: &[Team]) -> Result<Vec<Team>, StorageNotice> {
    let storage = local_storage()?;
    let teams_key = team_codec::teams_key(key);
    let theirs = match read(&storage, key, &teams_key, team_codec::decode_teams, Vec::new())? {
        Stored::Readable(teams) => teams,
        Stored::Newer(version) => return Err(StorageNotice::NewerVersion { version }),
        // Set aside, so safe: our last good copy stands in for it.
        Stored::SetAside(StorageNotice::Corrupt { .. }) => base.to_vec(),
        Stored::SetAside(problem) => return Err(problem),
    };
    let merged = merge_teams(base, mine, &theirs);
    write(&storage, &teams_key, &team_codec::encode_teams(&merged))?;
    announce_write(&teams_key, instance, false);
    Ok(merged)
}

/// Calls `changed` with the teams stored under `key` whenever another tab or
/// another widget on this page writes them.
pub fn on_teams_written_elsewhere(
    key: &str,
    instance: &str,
    changed: impl Fn(Result<Vec<Team>, StorageNotice>) + 'static,
) -> Option<[gloo::events::EventListener; 2]> {
    let window = web_sys::window()?;
    let changed = Rc::new(changed);
    let teams_key = team_codec::teams_key(key);
    let other_tab = {
        let (key, teams_key, changed) = (key.to_owned(), teams_key.clone(), changed.clone());
        gloo::events::EventListener::new(&window, "storage", move |event| {
            // A `clear()` elsewhere has no key.
            if let Some(written) = event.dyn_ref::<web_sys::StorageEvent>().map(|e| e.key()) {
                if written.is_none_or(|written| written == teams_key) {
                    changed(load_teams(&key));
                }
            }
        })
    };
    let key = key.to_owned();
    let same_page = on_written_by_another(&window, teams_key, instance.to_owned(), move |_| changed(load_teams(&key)));
    Some([other_tab, same_page])
}
