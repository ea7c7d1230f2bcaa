//! The words of typed errors (full build): why a document cannot be imported,
//! why saved data could not be read, why a language or questionnaire file cannot
//! be used. The codecs return these errors as data and never word them; the
//! visitor reads the interface language's words, the host's console English.

use super::{fill, FullText, UiText};
use crate::codec::export::ImportError;
use crate::codec::json::{ParseError, ParseErrorKind};
use crate::codec::language::LanguageError;
use crate::codec::link::LinkError;
use crate::codec::questionnaire::QuestionnaireError;
use crate::codec::questionnaire::MAX_QUESTIONNAIRE_BYTES;
use crate::codec::reader::{Invalid, Problem};
use crate::codec::store::{DecodeError, STORE_VERSION};
use crate::codec::team::TEAM_FORMAT;
use crate::incoming::{MemberRefusal, PastedError};
use crate::model::responses::shortened;

/// Longest piece of a document (a path, a field name) quoted in a message: keys
/// come from outside and may be any length.
const QUOTE_MAX_CHARS: usize = 60;

fn quote(text: &str) -> String {
    shortened(text, QUOTE_MAX_CHARS)
}

impl UiText {
    /// Why a file, pasted text or link brings nothing in: a sentence for
    /// anyone, and the technical detail (shown only on request), if any.
    pub fn import_problem(&self, error: &PastedError) -> (String, Option<String>) {
        let t = &self.full;
        let not_ours = |detail: String| (t.import.not_ours.to_owned(), Some(detail));
        match error {
            PastedError::Link(error) => (t.link_error(*error).to_owned(), None),
            PastedError::NotOne => (t.compare.paste_not_one.to_owned(), None),
            PastedError::Empty => (t.import.empty.to_owned(), None),
            PastedError::Document(error) => match error {
                ImportError::TooLarge { max } => {
                    (fill(t.import.too_large_file, &[("max", &(max / 1_000_000).to_string())]), None)
                }
                ImportError::NotText => not_ours(t.import.not_text.to_owned()),
                ImportError::NotJson(error) => not_ours(fill(t.import.not_json, &[("reason", &t.parse_error(error))])),
                ImportError::NotAnExport => not_ours(t.import.not_export.to_owned()),
                // A team's file is this check's too: it opens elsewhere.
                ImportError::UnknownFormat(name) if name == TEAM_FORMAT => (t.import.team_file.to_owned(), None),
                ImportError::UnknownFormat(name) => not_ours(fill(t.import.unknown_format, &[("name", &quote(name))])),
                ImportError::NewerVersion(_) => (t.import.newer_file.to_owned(), None),
                ImportError::Invalid(invalid) => (t.import.damaged.to_owned(), Some(t.invalid(invalid))),
            },
        }
    }
}

impl UiText {
    /// Why something offered as a team member was not added, in one sentence.
    pub fn member_refusal(&self, refusal: &MemberRefusal) -> String {
        let t = &self.full.team;
        match refusal {
            MemberRefusal::Link(error) => self.full.link_error(*error).to_owned(),
            MemberRefusal::Document(error) => {
                let (sentence, detail) = self.import_problem(&PastedError::Document(error.clone()));
                detail.map_or(sentence.clone(), |detail| format!("{sentence} ({detail})"))
            }
            MemberRefusal::Sealed => t.refused_sealed.to_owned(),
            MemberRefusal::OtherQuestionnaire => t.refused_other.to_owned(),
            MemberRefusal::NoLink => t.refused_no_link.to_owned(),
        }
    }
}

impl FullText {
    /// Why a text is not JSON, and where.
    pub fn parse_error(&self, error: &ParseError) -> String {
        let what = self.errors.json_error_kinds[match error.kind {
            ParseErrorKind::UnexpectedEnd => 0,
            ParseErrorKind::UnexpectedCharacter => 1,
            ParseErrorKind::InvalidEscape => 2,
            ParseErrorKind::ControlCharacterInString => 3,
            ParseErrorKind::TooDeep => 4,
            ParseErrorKind::TrailingCharacters => 5,
            ParseErrorKind::DuplicateKey => 6,
        }];
        fill(self.errors.json_error, &[("what", what), ("offset", &error.offset.to_string())])
    }

    /// What is wrong with a value, and where: "answers.x: rating 7 is not between 1 and 5".
    pub fn invalid(&self, error: &Invalid) -> String {
        let problem = match &error.problem {
            Problem::ExpectedObject => self.errors.problem_expected_object.to_owned(),
            Problem::ExpectedArray => self.errors.problem_expected_array.to_owned(),
            Problem::ExpectedString => self.errors.problem_expected_string.to_owned(),
            Problem::ExpectedWholeNumber => self.errors.problem_expected_whole_number.to_owned(),
            Problem::ExpectedNumber => self.errors.problem_expected_number.to_owned(),
            Problem::ExpectedBoolean => self.errors.problem_expected_boolean.to_owned(),
            Problem::ExpectedRating => self.errors.problem_expected_rating.to_owned(),
            Problem::RatingOutOfRange(n) => fill(self.errors.problem_rating_out_of_range, &[("n", &n.to_string())]),
            Problem::ScoreOutOfRange(n) => fill(self.errors.problem_score_out_of_range, &[("n", &n.to_string())]),
            Problem::TimeOutOfRange => self.errors.problem_time_out_of_range.to_owned(),
            Problem::MissingField(field) => fill(self.errors.problem_missing_field, &[("field", field)]),
            Problem::UnknownField(field) => fill(self.errors.problem_unknown_field, &[("field", &quote(field))]),
            Problem::UnknownVersion(n) => fill(self.errors.problem_unknown_version, &[("n", &n.to_string())]),
            Problem::TooMany { max } => fill(self.errors.problem_too_many, &[("max", &max.to_string())]),
            Problem::UnknownFormat(name) => fill(self.errors.problem_unknown_format, &[("name", &quote(name))]),
            Problem::OtherQuestionnaire(id) => fill(self.errors.problem_other_questionnaire, &[("id", &quote(id))]),
        };
        if error.path.is_empty() {
            problem
        } else {
            fill(self.errors.invalid_at, &[("path", &quote(&error.path)), ("problem", &problem)])
        }
    }

    /// Why the stored document could not be read.
    pub fn store_error(&self, error: &DecodeError) -> String {
        match error {
            DecodeError::NotJson(error) => fill(self.errors.store_not_json, &[("reason", &self.parse_error(error))]),
            DecodeError::MissingVersion => self.errors.store_missing_version.to_owned(),
            DecodeError::NewerVersion(version) => {
                fill(self.errors.store_newer, &[("version", &version.to_string()), ("max", &STORE_VERSION.to_string())])
            }
            DecodeError::Invalid(invalid) => fill(self.errors.store_damaged, &[("reason", &self.invalid(invalid))]),
        }
    }
}

impl FullText {
    /// Why a share link cannot be opened.
    pub fn link_error(&self, error: LinkError) -> &'static str {
        match error {
            LinkError::Damaged => self.shared.link_damaged,
            LinkError::NewerFormat => self.shared.link_newer,
            LinkError::OtherQuestions => self.shared.link_other_questions,
        }
    }

    /// Why a language file cannot be used, for the host's console.
    pub fn language_error(&self, error: &LanguageError) -> String {
        match error {
            LanguageError::NotJson(error) => format!("not valid JSON ({})", self.parse_error(error)),
            LanguageError::Invalid(invalid) => self.invalid(invalid),
            LanguageError::OtherLanguage(found) => format!("it is the file of language \"{}\"", quote(found)),
            LanguageError::UnknownText(key) => format!("unknown text \"{}\"", quote(key)),
            LanguageError::WrongShape(key) => format!("\"{}\" does not have the shape of the English text", quote(key)),
            LanguageError::Missing(count) => format!("{count} texts of English are missing"),
        }
    }

    /// Every problem of a questionnaire file, one sentence each: each member
    /// missing, mistyped or not allowed, else each broken content rule, else the
    /// one syntax or size problem that stopped reading it.
    pub fn questionnaire_problems(&self, error: &QuestionnaireError) -> Vec<String> {
        match error {
            QuestionnaireError::Shape(problems, rules) => problems
                .iter()
                .map(|problem| self.invalid(problem))
                .chain(rules.iter().map(ToString::to_string))
                .collect(),
            QuestionnaireError::Rules(errors) => errors.iter().map(ToString::to_string).collect(),
            other => vec![self.questionnaire_error(other)],
        }
    }

    /// Why a questionnaire file cannot be used, for the host's console.
    pub fn questionnaire_error(&self, error: &QuestionnaireError) -> String {
        match error {
            QuestionnaireError::TooLarge => format!("the file is larger than {} KiB", MAX_QUESTIONNAIRE_BYTES / 1024),
            QuestionnaireError::NotJson(error) => format!("not valid JSON ({})", self.parse_error(error)),
            QuestionnaireError::Shape(..) => self.questionnaire_problems(error).join("; "),
            QuestionnaireError::Rules(errors) => {
                let rules: Vec<String> = errors.iter().map(ToString::to_string).collect();
                format!("rule broken: {}", rules.join("; "))
            }
            QuestionnaireError::UnnamedBand => "a band without an id has a label no id could be made from".to_owned(),
            QuestionnaireError::NotATranslation { expected, found } => format!(
                "its ids, weights or version differ from the built-in questionnaire (content hash {found}, expected {expected})"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::EN;

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
                "the saved data was written by a newer version of this widget (format 7, this one reads up to 3)",
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

    #[test]
    fn import_errors_name_what_is_wrong_and_where() {
        use crate::codec::export::decode_import;
        let q = crate::model::Questionnaire::builtin();
        let doc = r#"{"format":"partnership-readiness/result","version":1,"questionnaire":{"id":"q","version":"1","hash":"h"},"created":"2026-01-01T00:00:00Z","answers":{"clear-objectives.goals":7}}"#;
        let problem = |error| EN.import_problem(&PastedError::Document(error));
        let damaged = decode_import(doc.as_bytes(), &q).unwrap_err();
        assert_eq!(
            problem(damaged),
            (
                "This result file is damaged or was changed by hand, so nothing was imported.".to_owned(),
                Some("answers.clear-objectives.goals: rating 7 is not between 1 and 5".to_owned())
            )
        );
        let newer = decode_import(br#"{"format":"partnership-readiness/backup","version":9}"#, &q).unwrap_err();
        assert_eq!(
            problem(newer),
            (
                "This was made with a newer version of this check, which this one cannot read. Nothing was changed."
                    .to_owned(),
                None
            )
        );
        let not_json = decode_import(b"hello", &q).unwrap_err();
        assert_eq!(
            problem(not_json),
            (
                "This is not a result file or link from this check. Nothing was changed.".to_owned(),
                Some("it is not valid JSON (unexpected character at position 0)".to_owned())
            )
        );
        // A team's file is this check's: it is pointed to where it opens, and nothing pasted says so.
        let team = decode_import(br#"{"format":"partnership-readiness/team","version":1}"#, &q).unwrap_err();
        assert_eq!(
            problem(team),
            (
                "This is a team file. Open it from the start screen: Teams, then \u{201c}Open a team file\u{201d}. Nothing was changed."
                    .to_owned(),
                None
            )
        );
        let empty = crate::incoming::from_pasted(" \n ", &q, true).map(|_| ()).unwrap_err();
        assert_eq!(
            EN.import_problem(&empty),
            ("Paste a share link or a result file\u{2019}s text first.".to_owned(), None)
        );
        let (cut_link, detail) = EN.import_problem(&PastedError::Link(crate::codec::link::LinkError::Damaged));
        assert_eq!(
            (cut_link.as_str(), detail),
            ("This link is incomplete or damaged — ask the sender for the complete link.", None)
        );
    }

    #[test]
    fn long_paths_and_names_from_outside_are_shortened() {
        let key = "k".repeat(500);
        let error = Invalid::at(&format!("answers.{key}"), Problem::UnknownField(key.clone()));
        let message = EN.full.invalid(&error);
        assert!(message.chars().count() < 160, "{message}");
        assert!(message.contains('\u{2026}'));
    }

    #[test]
    fn a_broken_questionnaire_file_is_named_for_the_host() {
        use crate::codec::questionnaire::decode;
        let english = include_str!("../../data/questionnaire.en.json");
        let cases: [(&str, &str); 6] = [
            ("[]", "expected an object"),
            ("{\"id\":", "not valid JSON"),
            (
                &english.replacen("\"weight\": 1.0", "\"weight\": \"heavy\"", 1),
                "principles[0].weight: expected a number",
            ),
            (&english.replacen("\"title\"", "\"titel\"", 1), "unknown field \"titel\""),
            (
                &english.replacen("\"weight\": 1.0", "\"weight\": 0", 1),
                "rule broken: principle clear-objectives has a weight that is not positive",
            ),
            (&english.replacen("\"min\": 0", "\"min\": 5", 1), "rule broken: bands must cover 0 to 100"),
        ];
        for (text, expected) in cases {
            let error = EN.full.questionnaire_error(&decode(text).expect_err(expected));
            assert!(error.contains(expected), "{error:?} should say {expected:?}");
        }
    }
}
