//! Mounting in the core build (`handover`): English (or German, in the German
//! core build) on the built-in questionnaire; it opens no share link — the boot
//! script starts the partner or the full build for a page with one.

pub use super::handover::{leaves_to_full_build, link_tag, link_target, start};
