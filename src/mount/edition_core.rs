//! Mounting in the core build (`handover`): English (or German, in the German
//! core build) on the built-in questionnaire (`builtin`); it opens no share
//! link (`no_links`) — the boot script starts the partner or the full build
//! for a page with one.

pub use super::builtin::{leaves_to_full_build, start};
pub use super::no_links::{link_tag, link_target};
