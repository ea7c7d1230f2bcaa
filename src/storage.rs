//! The only module that touches `localStorage`.
//!
//! Every browser failure becomes a value: storage that is missing or throws
//! (`SecurityError` in third-party iframes, some private modes), a full quota,
//! unreadable data. Nothing here panics, and nothing deletes data it cannot read:
//! an unreadable value is first copied to a backup key.
//!
//! ```ignore
//! let loaded = storage::load("partnership-readiness");
//! // ... later, after a change:
//! if let Err(problem) = storage::save("partnership-readiness", draft, &history) { /* show it */ }
//! ```

use wasm_bindgen::{JsCast, JsValue};

use crate::codec::store::{self, DecodeError, Draft, StoreContents};
use crate::model::SavedResult;
use crate::state::{Loaded, Persistence, StorageNotice};

/// The key used when the host page does not choose one.
pub const DEFAULT_KEY: &str = "partnership-readiness";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage`, or the browser refuses access to it.
    Unavailable,
    /// The origin's storage quota is used up.
    QuotaExceeded,
    /// Any other failure while writing, with the browser's message.
    WriteFailed(String),
}

impl From<StorageError> for StorageNotice {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::Unavailable => StorageNotice::Unavailable,
            StorageError::QuotaExceeded => StorageNotice::Full,
            StorageError::WriteFailed(_) => StorageNotice::WriteFailed,
        }
    }
}

/// The browser's `localStorage`, if this page may use it.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // The getter itself throws a SecurityError where storage is denied.
    window.local_storage().ok().flatten().ok_or(StorageError::Unavailable)
}

fn classify_write_error(error: &JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::QuotaExceeded
        }
        Some(name) if name == "SecurityError" => StorageError::Unavailable,
        Some(name) => StorageError::WriteFailed(name),
        None => StorageError::WriteFailed(format!("{error:?}")),
    }
}

/// The key an unreadable value under `key` is moved to.
pub fn backup_key(key: &str, now_ms: u64) -> String {
    format!("{key}:backup:{now_ms}")
}

/// Reads the saved document under `key`, moving an unreadable one aside.
pub fn load(key: &str) -> Loaded {
    let memory_only = |notice| Loaded {
        contents: StoreContents::default(),
        notice: Some(notice),
        persistence: Persistence::MemoryOnly,
    };
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(error) => return memory_only(error.into()),
    };
    let text = match storage.get_item(key) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Loaded { contents: StoreContents::default(), notice: None, persistence: Persistence::Enabled }
        }
        Err(_) => return memory_only(StorageNotice::Unavailable),
    };
    match store::decode(&text) {
        Ok(contents) => Loaded { contents, notice: None, persistence: Persistence::Enabled },
        Err(DecodeError::NewerVersion(v)) => {
            memory_only(StorageNotice::NewerVersion { reason: DecodeError::NewerVersion(v).to_string() })
        }
        Err(error) => {
            let reason = error.to_string();
            let backup = backup_key(key, crate::components::now_ms());
            let moved = storage.set_item(&backup, &text).is_ok() && storage.remove_item(key).is_ok();
            if moved {
                Loaded {
                    contents: StoreContents::default(),
                    notice: Some(StorageNotice::Corrupt { reason, backup_key: backup }),
                    persistence: Persistence::Enabled,
                }
            } else {
                memory_only(StorageNotice::CorruptNoBackup { reason })
            }
        }
    }
}

/// Writes the draft and history under `key` in the current format.
pub fn save(key: &str, draft: Option<&Draft>, history: &[SavedResult]) -> Result<(), StorageError> {
    local_storage()?.set_item(key, &store::encode_parts(draft, history)).map_err(|error| classify_write_error(&error))
}
