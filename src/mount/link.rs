//! The share link in the address, for mounting in the builds that open links
//! (full and partner): which widget opens it, and each widget's tag in links.

use yew::AttrValue;

use crate::codec::link;
use crate::config::Config;

/// Which widget opens the share link in the address, if there is one: the one
/// whose storage key made it, else the first.
/// A widget whose host turned sharing off (`data-features` without `share`)
/// opens no link.
pub fn link_target<T>(configs: &[(Config, T)]) -> Option<usize> {
    let fragment = web_sys::window()?.location().hash().ok()?;
    let parsed = link::parse_fragment(&fragment)?;
    let tags: Vec<String> = configs.iter().map(|(c, _)| link::widget_tag(&c.storage_key)).collect();
    let target = link::link_target(parsed.ok().as_ref().map(|(tag, _)| tag.as_str()), &tags);
    if !configs.get(target)?.0.features.share {
        gloo::console::warn!("partnership readiness: a share link is in the address, but this widget's data-features leaves sharing out, so it is not opened");
        return None;
    }
    Some(target)
}

/// The widget's tag in share links: a hash of its storage key.
pub fn link_tag(storage_key: &str) -> AttrValue {
    link::widget_tag(storage_key).into()
}
