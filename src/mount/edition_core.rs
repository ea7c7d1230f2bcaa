//! Mounting in the core build (`handover`): it opens no share link — the boot
//! script starts the partner or the full build for a page with one.

use yew::AttrValue;

pub use super::handover::{leaves_to_full_build, start};
use crate::config::Config;

/// This build opens no share link.
pub fn link_target<T>(_configs: &[(Config, T)]) -> Option<usize> {
    None
}

/// This build makes no share links.
pub fn link_tag(_storage_key: &str) -> AttrValue {
    AttrValue::default()
}
