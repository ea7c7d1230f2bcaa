//! Mounting in the partner build: as the core build (`builtin`), and one
//! widget opens the share link in the address (`link`).

pub use super::builtin::{leaves_to_full_build, start};
pub use super::link::{link_tag, link_target};
