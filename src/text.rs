//! Every user-facing string of the widget's interface, in one place.
//!
//! The questionnaire content (principles, statements, bands) lives in the data
//! file instead. A second language is a second `UiText` value; templates use
//! `{name}` placeholders filled by [`fill`], so word order can differ per language.

#[cfg(feature = "full")]
use crate::codec::json::{ParseError, ParseErrorKind};
#[cfg(feature = "full")]
use crate::codec::reader::{Invalid, Problem};
#[cfg(feature = "full")]
use crate::codec::store::{DecodeError, STORE_VERSION};
#[cfg(feature = "full")]
use crate::model::responses::truncate_chars;
use crate::model::Rating;

/// The interface texts of one language.
#[derive(Debug, Clone, PartialEq)]
pub struct UiText {
    /// The language's code (BCP 47), from the file's `language`.
    pub language: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// `{day}`, `{month}` (its name), `{year}`.
    pub date: &'static str,
    pub start_title: &'static str,
    /// `{principles}`: the questionnaire's principle titles.
    pub start_intro: &'static str,
    pub start_duration: &'static str,
    pub start_privacy: &'static str,
    pub start_button: &'static str,
    pub resume_button: &'static str,
    pub start_over_button: &'static str,
    /// `{answered}`, `{total}`.
    pub draft_status: &'static str,
    pub confirm_start_over: &'static str,
    pub confirm_start_over_yes: &'static str,
    pub cancel: &'static str,

    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub history_loading: &'static str,
    pub history_untitled: &'static str,
    pub history_open: &'static str,
    pub history_delete: &'static str,
    pub history_clear: &'static str,
    /// `{shown}`, `{total}`.
    pub history_showing: &'static str,
    /// `{count}`.
    pub history_show_more: &'static str,
    /// `{label}`.
    pub confirm_delete: &'static str,
    pub confirm_delete_yes: &'static str,
    pub confirm_clear: &'static str,
    pub confirm_clear_yes: &'static str,
    pub history_col_date: &'static str,
    pub history_col_label: &'static str,
    pub history_col_score: &'static str,
    pub history_col_actions: &'static str,
    pub no_score: &'static str,

    pub steps_nav_label: &'static str,
    /// `{n}`, `{total}`.
    pub progress: &'static str,
    /// `{answered}`, `{total}`.
    pub step_answered: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub to_review: &'static str,
    pub note_label: &'static str,
    pub note_hint: &'static str,
    /// `{used}`, `{max}`.
    pub note_counter: &'static str,
    pub rating_labels: [&'static str; 5],
    pub not_sure: &'static str,
    /// `{n}` (statement number), `{text}`.
    pub statement_legend: &'static str,

    pub review_title: &'static str,
    pub review_intro: &'static str,
    /// `{count}`.
    pub review_unanswered: &'static str,
    pub review_all_answered: &'static str,
    pub review_missing: &'static str,
    /// `{title}`.
    pub review_change: &'static str,
    pub review_note: &'static str,
    pub label_field: &'static str,
    pub label_hint: &'static str,
    pub finish_button: &'static str,

    pub results_title: &'static str,
    /// `{label}`.
    pub results_title_labelled: &'static str,
    /// `{date}`.
    pub results_date: &'static str,
    pub overall_label: &'static str,
    /// `{rated}`, `{total}`, `{percent}`.
    pub coverage: &'static str,
    pub no_overall: &'static str,
    pub only_not_sure: &'static str,
    pub chart_title: &'static str,
    pub chart_description: &'static str,
    pub table_caption: &'static str,
    pub table_principle: &'static str,
    pub table_score: &'static str,
    pub table_answered: &'static str,
    /// `{rated}`, `{total}`.
    pub table_rated: &'static str,
    pub strengths_title: &'static str,
    pub priorities_title: &'static str,
    pub priorities_none: &'static str,
    pub strengths_none: &'static str,
    pub notes_title: &'static str,
    pub how_scored_title: &'static str,
    pub how_scored: [&'static str; 3],
    pub how_scored_overall_equal: &'static str,
    pub how_scored_overall_weighted: &'static str,
    /// `{bands}`: the list of bands, e.g. "0–39 Not yet ready, 40–59 Emerging".
    pub how_scored_bands: &'static str,
    pub how_scored_highlights: &'static str,
    pub print_button: &'static str,
    pub back_to_start: &'static str,
    pub outdated_result: &'static str,

    pub notice_dismiss: &'static str,
    pub notice_storage_unavailable: &'static str,
    pub notice_storage_full: &'static str,
    pub notice_storage_write_failed: &'static str,
    /// `{reason}`, `{key}`.
    pub notice_storage_corrupt: &'static str,
    /// `{reason}`.
    pub notice_storage_corrupt_no_backup: &'static str,
    /// `{reason}`.
    pub notice_storage_newer: &'static str,
    /// `{max}`.
    pub notice_result_limit: &'static str,
    pub draft_conflict: &'static str,
    pub draft_conflict_finished: &'static str,
    pub draft_conflict_keep_mine: &'static str,
    pub draft_conflict_use_other: &'static str,
    pub status_changed_elsewhere: &'static str,
    pub status_result_deleted_elsewhere: &'static str,

    pub notice_result_saved: &'static str,
    pub notice_history_cleared: &'static str,
    pub notice_result_deleted: &'static str,
    pub crash_message: &'static str,
    pub crash_reload: &'static str,
    /// Shown when a host's questionnaire cannot be used (the console says why).
    pub unavailable: &'static str,

    /// Words for a change since the earlier result with the same label: `{n}`.
    pub trend_up: &'static str,
    pub trend_down: &'static str,
    pub trend_same: &'static str,
    /// `{date}`.
    pub trend_since: &'static str,
    pub trend_column: &'static str,

    /// Buttons that open the screens of the full build, shown in both builds.
    pub compare_button: &'static str,
    pub agenda_button: &'static str,
    pub share_button: &'static str,
    pub import_button: &'static str,
    pub backup_button: &'static str,
    /// While the full build loads (the core build hands over to it).
    pub loading_more: &'static str,
    pub loading_more_failed: &'static str,
    pub status_shared_saved: &'static str,
    pub status_shared_already_saved: &'static str,

    /// The texts of the screens only the full build has.
    #[cfg(feature = "full")]
    pub full: FullText,
}

/// The texts of the screens the full build adds: sharing, importing, opened links.
#[cfg(feature = "full")]
#[derive(Debug, Clone, PartialEq)]
pub struct FullText {
    /// `{label}`.
    pub share_title: &'static str,
    pub share_intro: &'static str,
    pub share_file_title: &'static str,
    pub share_download: &'static str,
    pub share_copy_json: &'static str,
    pub share_link_title: &'static str,
    pub share_link_intro: &'static str,
    pub share_include_texts: &'static str,
    pub share_protect: &'static str,
    pub share_passphrase: &'static str,
    /// `{min}`.
    pub share_passphrase_hint: &'static str,
    pub share_copy_link: &'static str,
    pub share_json_copied: &'static str,
    pub share_link_copied: &'static str,
    /// `{name}`.
    pub share_downloaded: &'static str,
    pub share_sealing: &'static str,
    /// `{min}`.
    pub share_passphrase_too_short: &'static str,
    /// `{length}`, `{max}`.
    pub share_too_long: &'static str,
    pub share_copy_failed: &'static str,
    pub share_copy_by_hand: &'static str,
    pub back_to_result: &'static str,

    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_file: &'static str,
    pub import_drop: &'static str,
    pub import_paste: &'static str,
    pub import_paste_button: &'static str,
    pub import_reading: &'static str,
    /// `{added}`, `{known}`.
    pub import_added: &'static str,
    /// `{ids}`.
    pub import_unknown: &'static str,
    /// `{max}`, `{room}`.
    pub import_too_many: &'static str,
    /// `{reason}`.
    pub import_refused: &'static str,
    /// `{max}` (megabytes).
    pub import_too_large: &'static str,
    pub import_not_text: &'static str,
    /// `{reason}`.
    pub import_not_json: &'static str,
    pub import_not_export: &'static str,
    /// `{name}`.
    pub import_unknown_format: &'static str,
    pub import_newer: &'static str,

    /// `{label}`.
    pub shared_title: &'static str,
    pub shared_title_untitled: &'static str,
    pub shared_intro: &'static str,
    pub shared_save: &'static str,
    pub shared_compare: &'static str,
    pub shared_close: &'static str,
    pub link_damaged: &'static str,
    pub link_newer: &'static str,
    pub link_other_questions: &'static str,
    pub locked_title: &'static str,
    pub locked_intro: &'static str,
    pub locked_passphrase: &'static str,
    pub locked_open: &'static str,
    pub locked_opening: &'static str,
    pub locked_wrong: &'static str,

    /// How a result without a label is called where two are shown.
    pub side_names: [&'static str; 2],
    /// `{label}`.
    pub compare_choose_title: &'static str,
    pub compare_choose_intro: &'static str,
    /// `{label}`, `{date}`.
    pub compare_with: &'static str,
    pub compare_none_to_choose: &'static str,
    /// `{a}`, `{b}`.
    pub compare_title: &'static str,
    pub compare_versions: &'static str,
    /// `{list}`.
    pub compare_one_sided: &'static str,
    pub compare_talk_first: &'static str,
    pub compare_talk_first_hint: &'static str,
    pub compare_shared: &'static str,
    pub compare_shared_hint: &'static str,
    pub compare_build_on: &'static str,
    pub compare_build_on_hint: &'static str,
    pub compare_group_none: &'static str,
    /// `{a}`, `{b}`.
    pub compare_chart_description: &'static str,
    pub compare_table_caption: &'static str,
    pub compare_gap: &'static str,
    pub compare_sort_by_principle: &'static str,
    pub compare_sort_by_gap: &'static str,
    pub compare_sorted_by_gap: &'static str,
    pub compare_sorted_by_principle: &'static str,
    pub compare_differences_title: &'static str,
    pub compare_differences_intro: &'static str,
    /// `{a_label}`, `{a}`, `{b_label}`, `{b}`.
    pub compare_difference: &'static str,
    pub compare_no_differences: &'static str,
    pub back_to_comparison: &'static str,

    /// `{label}`.
    pub agenda_title_one: &'static str,
    pub agenda_title_untitled: &'static str,
    /// `{a}`, `{b}`.
    pub agenda_title_two: &'static str,
    pub agenda_length: &'static str,
    /// `{n}`.
    pub agenda_length_option: &'static str,
    pub agenda_opening: &'static str,
    pub agenda_next_steps: &'static str,
    /// `{n}`.
    pub agenda_topic_minutes: &'static str,
    /// `{score}`.
    pub agenda_reason_weak: &'static str,
    /// `{a_label}`, `{a}`, `{b_label}`, `{b}` (and `{gap}` for a gap).
    pub agenda_reason_gap: &'static str,
    pub agenda_reason_shared: &'static str,
    pub agenda_reason_difference: &'static str,
    /// `{label}`, `{note}`.
    pub agenda_note: &'static str,
    pub agenda_none: &'static str,
    pub agenda_copy: &'static str,
    pub agenda_download: &'static str,
    pub agenda_print: &'static str,
    pub agenda_copied: &'static str,

    // The words of errors in documents (imports; saved data, in the console).
    /// Why a text is not JSON: `{what}`, `{offset}`.
    pub json_error: &'static str,
    /// One per `ParseErrorKind`, in declaration order.
    pub json_error_kinds: [&'static str; 7],
    /// `{path}`, `{problem}`.
    pub invalid_at: &'static str,
    pub problem_expected_object: &'static str,
    pub problem_expected_array: &'static str,
    pub problem_expected_string: &'static str,
    pub problem_expected_whole_number: &'static str,
    pub problem_expected_number: &'static str,
    pub problem_expected_rating: &'static str,
    /// `{n}`.
    pub problem_rating_out_of_range: &'static str,
    /// `{n}`.
    pub problem_score_out_of_range: &'static str,
    pub problem_time_out_of_range: &'static str,
    /// `{field}`.
    pub problem_missing_field: &'static str,
    /// `{field}`.
    pub problem_unknown_field: &'static str,
    /// `{n}`.
    pub problem_unknown_version: &'static str,
    /// `{max}`.
    pub problem_too_many: &'static str,
    /// `{name}`.
    pub problem_unknown_format: &'static str,
    /// `{reason}`.
    pub store_not_json: &'static str,
    pub store_missing_version: &'static str,
    /// `{version}`, `{max}`.
    pub store_newer: &'static str,
    /// `{reason}`.
    pub store_damaged: &'static str,
}

/// Longest piece of a document (a path, a field name) quoted in a message: keys
/// come from outside and may be any length.
#[cfg(feature = "full")]
const QUOTE_MAX_CHARS: usize = 60;

#[cfg(feature = "full")]
fn quote(text: &str) -> String {
    if text.chars().count() > QUOTE_MAX_CHARS {
        format!("{}\u{2026}", truncate_chars(text, QUOTE_MAX_CHARS))
    } else {
        text.to_owned()
    }
}

impl UiText {
    /// The label of a rating on the answer scale.
    pub fn rating(&self, rating: Rating) -> &'static str {
        self.rating_labels[usize::from(rating.value() - 1)]
    }

    /// A calendar date in words; `month` counts from 0 (January), as `Date` does.
    pub fn date(&self, year: u32, month: u32, day: u32) -> String {
        let month = self.months.get(month as usize).copied().unwrap_or_default();
        fill(self.date, &[("day", &day.to_string()), ("month", month), ("year", &year.to_string())])
    }

    /// A change of a score in words, for screen readers (the arrow is for eyes).
    pub fn trend_words(&self, change: i16) -> String {
        match change {
            0 => self.trend_same.to_owned(),
            n if n > 0 => fill(self.trend_up, &[("n", &n.to_string())]),
            n => fill(self.trend_down, &[("n", &n.unsigned_abs().to_string())]),
        }
    }

    /// Why a topic is on the agenda, naming the sides.
    #[cfg(feature = "full")]
    pub fn agenda_reason(&self, reason: crate::model::agenda::Reason, labels: [&str; 2]) -> String {
        use crate::model::agenda::Reason;
        let t = &self.full;
        let pair = |template, a: u8, b: u8| {
            fill(
                template,
                &[
                    ("a_label", labels[0]),
                    ("a", &a.to_string()),
                    ("b_label", labels[1]),
                    ("b", &b.to_string()),
                    ("gap", &a.abs_diff(b).to_string()),
                ],
            )
        };
        match reason {
            Reason::Weak { score } => fill(t.agenda_reason_weak, &[("score", &score.to_string())]),
            Reason::Gap { a, b } => pair(t.agenda_reason_gap, a, b),
            Reason::SharedPriority { a, b } => pair(t.agenda_reason_shared, a, b),
            Reason::Difference { a, b } => pair(t.agenda_reason_difference, a, b),
        }
    }

    /// The agenda as Markdown: title, length, the numbered items with their
    /// times, reasons, questions and the sides' notes. `sides` names each result
    /// (one or two) as the agenda shows it.
    #[cfg(feature = "full")]
    pub fn agenda_markdown(
        &self,
        questionnaire: &crate::model::Questionnaire,
        agenda: &crate::model::agenda::Agenda,
        title: &str,
        sides: &[(&str, &crate::model::SavedResult)],
    ) -> String {
        use crate::model::agenda::FRAME_MINUTES;
        let t = &self.full;
        let minutes = |n: u32| fill(t.agenda_topic_minutes, &[("n", &n.to_string())]);
        let labels = [sides.first().map_or("", |s| s.0), sides.get(1).map_or("", |s| s.0)];
        let mut out =
            format!("# {title}\n\n{}\n\n", fill(t.agenda_length_option, &[("n", &agenda.minutes.to_string())]));
        out.push_str(&format!("1. {} ({})\n", t.agenda_opening, minutes(FRAME_MINUTES)));
        for (i, topic) in agenda.topics.iter().enumerate() {
            let principle = &questionnaire.principles[topic.principle];
            out.push_str(&format!("{}. {} ({})\n", i + 2, principle.title, minutes(topic.minutes)));
            out.push_str(&format!("   {}\n", self.agenda_reason(topic.reason, labels)));
            for question in principle.questions.iter().take(topic.questions) {
                out.push_str(&format!("   - {question}\n"));
            }
            for (label, result) in sides {
                let note = result.responses.note(&principle.id);
                if !note.is_empty() {
                    out.push_str(&format!("   {}\n", fill(t.agenda_note, &[("label", label), ("note", note)])));
                }
            }
        }
        out.push_str(&format!("{}. {} ({})\n", agenda.topics.len() + 2, t.agenda_next_steps, minutes(FRAME_MINUTES)));
        out
    }

    /// Why a file or pasted text cannot be imported.
    #[cfg(feature = "full")]
    pub fn import_error(&self, error: &crate::codec::export::ImportError) -> String {
        use crate::codec::export::ImportError;
        let t = &self.full;
        let reason = match error {
            ImportError::TooLarge { max } => fill(t.import_too_large, &[("max", &(max / 1_000_000).to_string())]),
            ImportError::NotText => t.import_not_text.to_owned(),
            ImportError::NotJson(error) => fill(t.import_not_json, &[("reason", &t.parse_error(error))]),
            ImportError::NotAnExport => t.import_not_export.to_owned(),
            ImportError::UnknownFormat(name) => fill(t.import_unknown_format, &[("name", &quote(name))]),
            ImportError::NewerVersion(_) => t.import_newer.to_owned(),
            ImportError::Invalid(invalid) => t.invalid(invalid),
        };
        fill(t.import_refused, &[("reason", &reason)])
    }
}

#[cfg(feature = "full")]
impl FullText {
    /// Why a text is not JSON, and where.
    pub fn parse_error(&self, error: &ParseError) -> String {
        let what = self.json_error_kinds[match error.kind {
            ParseErrorKind::UnexpectedEnd => 0,
            ParseErrorKind::UnexpectedCharacter => 1,
            ParseErrorKind::InvalidEscape => 2,
            ParseErrorKind::ControlCharacterInString => 3,
            ParseErrorKind::TooDeep => 4,
            ParseErrorKind::TrailingCharacters => 5,
            ParseErrorKind::DuplicateKey => 6,
        }];
        fill(self.json_error, &[("what", what), ("offset", &error.offset.to_string())])
    }

    /// What is wrong with a value, and where: "answers.x: rating 7 is not between 1 and 5".
    pub fn invalid(&self, error: &Invalid) -> String {
        let problem = match &error.problem {
            Problem::ExpectedObject => self.problem_expected_object.to_owned(),
            Problem::ExpectedArray => self.problem_expected_array.to_owned(),
            Problem::ExpectedString => self.problem_expected_string.to_owned(),
            Problem::ExpectedWholeNumber => self.problem_expected_whole_number.to_owned(),
            Problem::ExpectedNumber => self.problem_expected_number.to_owned(),
            Problem::ExpectedRating => self.problem_expected_rating.to_owned(),
            Problem::RatingOutOfRange(n) => fill(self.problem_rating_out_of_range, &[("n", &n.to_string())]),
            Problem::ScoreOutOfRange(n) => fill(self.problem_score_out_of_range, &[("n", &n.to_string())]),
            Problem::TimeOutOfRange => self.problem_time_out_of_range.to_owned(),
            Problem::MissingField(field) => fill(self.problem_missing_field, &[("field", field)]),
            Problem::UnknownField(field) => fill(self.problem_unknown_field, &[("field", &quote(field))]),
            Problem::UnknownVersion(n) => fill(self.problem_unknown_version, &[("n", &n.to_string())]),
            Problem::TooMany { max } => fill(self.problem_too_many, &[("max", &max.to_string())]),
            Problem::UnknownFormat(name) => fill(self.problem_unknown_format, &[("name", &quote(name))]),
        };
        if error.path.is_empty() {
            problem
        } else {
            fill(self.invalid_at, &[("path", &quote(&error.path)), ("problem", &problem)])
        }
    }

    /// Why the stored document could not be read.
    pub fn store_error(&self, error: &DecodeError) -> String {
        match error {
            DecodeError::NotJson(error) => fill(self.store_not_json, &[("reason", &self.parse_error(error))]),
            DecodeError::MissingVersion => self.store_missing_version.to_owned(),
            DecodeError::NewerVersion(version) => {
                fill(self.store_newer, &[("version", &version.to_string()), ("max", &STORE_VERSION.to_string())])
            }
            DecodeError::Invalid(invalid) => fill(self.store_damaged, &[("reason", &self.invalid(invalid))]),
        }
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names and lone
/// braces stay as written. One pass, no intermediate strings.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let value = after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(name, _)| Some(*name) == after.get(..close))?.1)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A value of a language file read at run time (`codec::language`).
#[cfg(feature = "full")]
pub enum TextValue {
    Text(&'static str),
    List(Vec<&'static str>),
}

#[cfg(feature = "full")]
impl TextValue {
    fn text(&self) -> Option<&'static str> {
        match self {
            Self::Text(text) => Some(text),
            Self::List(_) => None,
        }
    }

    /// A list of exactly `N` texts.
    fn list<const N: usize>(&self) -> Option<[&'static str; N]> {
        match self {
            Self::List(items) => items.as_slice().try_into().ok(),
            Self::Text(_) => None,
        }
    }
}

// `EN` (and, in the full build, `KEYS` and `set_text`) from i18n/en.json.
include!(concat!(env!("OUT_DIR"), "/ui_text_en.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill(EN.progress, &[("n", "3"), ("total", "10")]), "Principle 3 of 10");
        assert_eq!(fill("{a}{a}{b}", &[("a", "x"), ("b", "y")]), "xxy");
        assert_eq!(fill("{unknown} { {a", &[("a", "x")]), "{unknown} { {a");
        assert_eq!(fill("ä{a}ö", &[("a", "{b}")]), "ä{b}ö", "values are not filled again");
    }

    #[cfg(feature = "full")]
    #[test]
    fn decode_errors_read_as_sentences() {
        use crate::codec::store::decode_main as decode;
        for (stored, message) in [
            ("", "the saved data is not valid JSON (it ends too early at position 0)"),
            ("{\"version\":1,", "the saved data is not valid JSON (it ends too early at position 13)"),
            ("{\"a\":1,\"a\":2}", "the saved data is not valid JSON (a key appears twice in one object at position 0)"),
            ("[1,2]", "the saved data has no format version"),
            (
                "{\"version\":7}",
                "the saved data was written by a newer version of this widget (format 7, this one reads up to 2)",
            ),
            ("{\"version\":0}", "the saved data is damaged (version: unknown format version 0)"),
            (
                "{\"version\":2,\"draft\":{\"responses\":{\"answers\":{\"x\":9}}}}",
                "the saved data is damaged (draft.responses.answers.x: rating 9 is not between 1 and 5)",
            ),
            ("{\"version\":2,\"extra\":1}", "the saved data is damaged (unknown field \"extra\")"),
        ] {
            let error = decode(stored).expect_err(stored);
            assert_eq!(EN.full.store_error(&error), message, "{stored}");
        }
    }

    #[cfg(feature = "full")]
    #[test]
    fn import_errors_name_what_is_wrong_and_where() {
        use crate::codec::export::decode_import;
        let q = crate::model::Questionnaire::builtin();
        let doc = r#"{"format":"partnership-readiness/result","version":1,"questionnaire":{"id":"q","version":"1","hash":"h"},"created":"2026-01-01T00:00:00Z","answers":{"clear-objectives.goals":7}}"#;
        let error = decode_import(doc.as_bytes(), &q).unwrap_err();
        assert_eq!(
            EN.import_error(&error),
            "This cannot be imported: answers.clear-objectives.goals: rating 7 is not between 1 and 5. Nothing was changed."
        );
        let newer = decode_import(br#"{"format":"partnership-readiness/backup","version":9}"#, &q).unwrap_err();
        assert_eq!(
            EN.import_error(&newer),
            "This cannot be imported: it was made with a newer version of this tool. Nothing was changed."
        );
    }

    #[test]
    fn changes_read_as_words() {
        assert_eq!(EN.trend_words(6), "up 6");
        assert_eq!(EN.trend_words(-12), "down 12");
        assert_eq!(EN.trend_words(0), "unchanged");
    }

    /// The agenda of a known pair of results, compared with its exact Markdown.
    #[cfg(feature = "full")]
    #[test]
    fn the_agenda_of_a_known_pair_reads_exactly_so() {
        use crate::model::agenda::for_comparison;
        use crate::model::compare::Comparison;
        use crate::model::{Answer, Questionnaire, Responses, SavedResult};
        let q = Questionnaire::builtin();
        let make = |ratings: [u8; 10], label: &str, note: Option<(usize, &str)>| {
            let mut responses = Responses::default();
            for (principle, rating) in q.principles.iter().zip(ratings) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(rating).unwrap()));
                }
            }
            if let Some((principle, note)) = note {
                responses.set_note(&q.principles[principle].id, note);
            }
            SavedResult::finish(&q, responses, label, 0, 0)
        };
        let acme = make([5, 4, 3, 2, 1, 4, 3, 4, 4, 3], "Acme", Some((0, "Bring the numbers.")));
        let contoso = make([2, 4, 3, 3, 1, 5, 2, 4, 4, 3], "Contoso", Some((4, "Legal needs to join.")));
        let agenda = for_comparison(&Comparison::of(&q, &acme, &contoso), 30);
        let markdown = EN.agenda_markdown(
            &q,
            &agenda,
            "Meeting agenda: Acme and Contoso",
            &[("Acme", &acme), ("Contoso", &contoso)],
        );
        assert_eq!(
            markdown,
            "# Meeting agenda: Acme and Contoso

30 minutes

1. Opening: what each side wants from the partnership (5 min)
2. Clear objectives (10 min)
   Seen far apart: Acme 100, Contoso 25 (a gap of 75).
   - What specific outcomes does each of us expect from this partnership in the first year, and how will we know we reached them?
   - Where do our goals overlap, and where do they pull in different directions?
   Note from Acme: Bring the numbers.
3. Open and transparent communication (5 min)
   Seen far apart: Acme 25, Contoso 50 (a gap of 25).
   - Which channels and meeting rhythm will we use, and who are the contacts on each side?
   - How will we raise problems and bad news early, before they grow?
4. Personal relationships (5 min)
   Seen far apart: Acme 75, Contoso 100 (a gap of 25).
   - Who are the key people on each side, and how well do they know each other?
   - How will we build trust beyond formal meetings?
5. Next steps: owners and dates (5 min)
"
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn long_paths_and_names_from_outside_are_shortened() {
        let key = "k".repeat(500);
        let error = Invalid::at(&format!("answers.{key}"), Problem::UnknownField(key.clone()));
        let message = EN.full.invalid(&error);
        assert!(message.chars().count() < 160, "{message}");
        assert!(message.contains('\u{2026}'));
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
}
