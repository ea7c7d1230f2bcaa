//! Serialized formats, kept apart from the model so that saved data survives
//! refactoring: each format has its own versioned shape and converts to the model.
//! Pure: no browser APIs; `cargo test` covers it natively.

pub mod answers;
pub mod base64url;
pub mod export;
pub mod host_events;
pub mod json;
pub mod language;
pub mod link;
pub mod markdown;
pub mod questionnaire;
pub mod reader;
pub mod store;
pub mod team;
pub mod template;
pub mod time;

/// Holds a fixture file other test suites read (tests/fixtures/`name`) to what
/// this build writes, `written`; `UPDATE_FIXTURES=1` rewrites it instead.
#[cfg(test)]
fn check_fixture(name: &str, written: &str) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, format!("{written}\n")).unwrap();
    } else {
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(stored.trim_end(), written, "{path} is not what this build writes (UPDATE_FIXTURES=1)");
    }
}
