//! The share-link answers of the builds that neither open nor make share links
//! (core and own-questionnaire): the boot script starts the partner or the full
//! build for a page with a link in its address.

use yew::AttrValue;

use crate::config::Config;

/// No widget opens the address's share link.
pub fn link_target<T>(_configs: &[(Config, T)]) -> Option<usize> {
    None
}

/// No widget makes share links, so none needs a tag in them.
pub fn link_tag(_storage_key: &str) -> AttrValue {
    AttrValue::default()
}
