//! Every user-facing string of the widget's interface, grouped by screen.
//!
//! The texts themselves live in `i18n/<language>.json`, one section per screen
//! (`start`, `step`, `results`, … and, for the full build, `share`, `compare`,
//! `agenda`, …); `build.rs` turns English's file into the structs below and the
//! `EN` value, so a text the code names but the file lacks is a compile error.
//! Another language is read at run time (`translation`). Templates use `{name}`
//! placeholders filled by [`fill`], so word order can differ per language. The
//! questionnaire's own content (principles, statements, bands) is in its data file.
//!
//! This module also words the typed errors of the codecs and the agenda
//! and of the partner meeting (`errors`, `meeting`: full build); the codecs
//! and the model never word anything themselves.

#[cfg(feature = "full")]
pub mod errors;
#[cfg(feature = "full")]
pub mod meeting;
#[cfg(feature = "full")]
pub mod translation;

pub use crate::codec::template::fill;
use crate::model::{Rating, SavedResult};

// The section structs, `UiText`, `EN` (and, in the full build, `FullText`,
// `KEYS` and `set_text`), generated from i18n/en.json.
include!(concat!(env!("OUT_DIR"), "/ui_text_en.rs"));

impl UiText {
    /// The label of a rating on the answer scale.
    pub fn rating(&self, rating: Rating) -> &'static str {
        self.common.rating_labels[usize::from(rating.value() - 1)]
    }

    /// A calendar date in words; `month` counts from 0 (January), as `Date` does.
    pub fn date(&self, year: u32, month: u32, day: u32) -> String {
        let month = self.common.months.get(month as usize).copied().unwrap_or_default();
        fill(self.common.date, &[("day", &day.to_string()), ("month", month), ("year", &year.to_string())])
    }

    /// A change of a score in words, for screen readers (the arrow is for eyes).
    pub fn trend_words(&self, change: i16) -> String {
        match change {
            0 => self.trend.same.to_owned(),
            n if n > 0 => fill(self.trend.up, &[("n", &n.to_string())]),
            n => fill(self.trend.down, &[("n", &n.unsigned_abs().to_string())]),
        }
    }

    /// What a result is called in lists and prompts: its label, or "Untitled".
    /// The one place that chooses the name of an unlabelled result; screens that
    /// show two results say which is which instead (`FullText::side_name`).
    pub fn result_name<'r>(&self, result: &'r SavedResult) -> &'r str {
        if result.label.is_empty() {
            self.history.untitled
        } else {
            &result.label
        }
    }

    /// The title of someone else's result named `label` (empty: unnamed),
    /// wherever it is shown or previewed: "Received: Initech (partner view)".
    pub fn received_title(&self, label: &str) -> String {
        if label.is_empty() {
            self.results.title_received_untitled.to_owned()
        } else {
            fill(self.results.title_received, &[("label", label)])
        }
    }

    /// "Compare with …" naming the other result: its label, else whose it is.
    pub fn compare_with(&self, other: &SavedResult) -> String {
        match (other.label.is_empty(), other.received) {
            (false, _) => fill(self.results.compare_with, &[("label", &other.label)]),
            (true, false) => self.results.compare_with_mine.to_owned(),
            (true, true) => self.results.compare_with_received.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_as_words() {
        assert_eq!(EN.trend_words(6), "up 6");
        assert_eq!(EN.trend_words(-12), "down 12");
        assert_eq!(EN.trend_words(0), "unchanged");
    }

    #[test]
    fn someone_else_s_result_is_titled_as_received_named_or_not() {
        assert_eq!(EN.received_title("Initech"), "Received: Initech (partner view)");
        assert_eq!(EN.received_title(""), "Received result (partner view)");
    }

    #[test]
    fn dates_read_in_words() {
        assert_eq!(EN.date(2026, 10, 27), "27 November 2026");
        assert_eq!(EN.date(2027, 0, 1), "1 January 2027");
    }

    #[test]
    fn rating_labels_follow_the_scale() {
        assert_eq!(EN.rating(Rating::StronglyDisagree), "Strongly disagree");
        assert_eq!(EN.rating(Rating::StronglyAgree), "Strongly agree");
    }

    #[test]
    fn templates_fill_in_the_language_file_s_placeholders() {
        assert_eq!(fill(EN.step.progress, &[("n", "3"), ("total", "10")]), "Principle 3 of 10");
    }
}
