//! What is kept in localStorage: the versioned, serialized documents and their
//! conversions to and from the model.
//!
//! Format 2 (written by this build) uses two keys, so that starting the widget
//! and saving a keystroke in a note touch only a small document, however many
//! results are kept:
//! ```json
//! <key>          {"version": 2, "draft": {"responses": {"answers": {...}, "notes": {...}},
//!                                         "step": 3, "label": "Acme"} | null}
//! <key>:results  {"version": 2, "history": [{"id": 1, "finished_at_ms": 1764000000000, "label": "Acme",
//!                  "questionnaire": {"id": "...", "version": "1.0.0", "hash": "…16 hex…"},
//!                  "overall": 64 | null, "band": "Developing" | null, "responses": {...}}]}
//! ```
//! Format 1 (earlier builds) kept `{"version": 1, "draft": …, "history": […]}` under
//! `<key>` alone; it is still read ([`MainDocument::Legacy`]) and migrated by the
//! next save. A document from a newer build is refused (and so left untouched
//! by the caller), and anything unreadable is reported as [`DecodeError`] for the
//! caller to back up. Reading is `O(n log n)` in the text, whatever it holds: the
//! limits below bound what a hostile or damaged document can make the widget do.

use std::borrow::Cow;

use super::answers::{responses_from_json, responses_to_json};
use super::json::{self, Json};
use super::reader::{Invalid, Obj, Path, Problem};
use crate::model::questionnaire::{BUILTIN_CONTENT_HASH, EARLIER_HASHES};
use crate::model::responses::truncate_chars;
use crate::model::{Draft, QuestionnaireRef, Responses, SavedResult, StoreContents, LABEL_MAX_CHARS};

/// The version this build writes.
pub const STORE_VERSION: u64 = 3;

/// The key the results are kept under, beside the main key.
pub fn results_key(key: &str) -> String {
    format!("{key}:results")
}

/// The key listing the backup keys of data set aside (`<key>:set-aside`) that
/// the person has not yet been told about and dismissed: every instance on
/// the key shows them until one of them is dismissed, whoever set the data
/// aside and whenever it loaded.
pub fn set_aside_key(key: &str) -> String {
    format!("{key}:set-aside")
}

/// Whether `key` is a backup key (`<key>:backup:<time>`, of a draft or results document).
pub fn is_backup_key(key: &str) -> bool {
    // Bytes, not a substring search: the smaller code on every first load.
    key.as_bytes().windows(BACKUP_MARK.len()).any(|window| window == BACKUP_MARK)
}

const BACKUP_MARK: &[u8] = b":backup:";

/// The set-aside list as stored: the backup keys, one per line (a storage key
/// holds no line break: `config::own_key`).
pub fn encode_set_aside(backup_keys: &[String]) -> String {
    backup_keys.join("\n")
}

/// The set-aside list; lines that cannot be ours are left out (it only ever
/// names backups, which stay where they are whatever this list says).
pub fn decode_set_aside(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while !rest.is_empty() && keys.len() < MAX_SET_ASIDE {
        let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
        let line = rest.get(..end).unwrap_or_default();
        if is_backup_key(line) {
            keys.push(line.to_owned());
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    keys
}

/// The most backups the set-aside list names (each set-aside happens once per
/// unreadable document; more than this is a loop gone wrong, not news).
pub const MAX_SET_ASIDE: usize = 20;

/// More results than this in one stored document cannot be ours: a result takes
/// over a kilobyte, and browsers give an origin about five megabytes. Reading stops
/// there rather than spending memory on a hostile document.
pub const MAX_STORED_RESULTS: usize = 20_000;

/// Longest questionnaire id or version kept from a stored result, in characters.
pub const REF_MAX_CHARS: usize = 100;

/// The latest time a result may carry: the end of year 9999, the last one ISO 8601
/// writes with four digits (exports use ISO; a later date can only be an error).
pub const MAX_TIME_MS: u64 = 253_402_300_799_999;

/// Why a stored document could not be read. The words for each case are in
/// `crate::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON at all (truncated write, another app's data, manual edits).
    NotJson(json::ParseError),
    /// JSON, but without a numeric `version`.
    MissingVersion,
    /// Written by a newer build of the widget; must not be overwritten.
    NewerVersion(u64),
    /// Right version, wrong shape or values.
    Invalid(Invalid),
}

/// What the main key holds.
#[derive(Debug, Clone, PartialEq)]
pub enum MainDocument {
    /// Format 2: the draft only; the results are under [`results_key`].
    Current { draft: Option<Draft> },
    /// Format 1: draft and results together, to be migrated by the next save.
    Legacy(StoreContents),
}

/// The main document in the current format.
pub fn encode_main(draft: Option<&Draft>) -> String {
    let draft = match draft {
        None => Json::Null,
        Some(draft) => {
            let mut members = vec![
                (Cow::Borrowed("responses"), responses_to_json(&draft.responses)),
                (Cow::Borrowed("step"), Json::Int(draft.step as u64)),
            ];
            if !draft.label.is_empty() {
                members.push((Cow::Borrowed("label"), Json::str(&draft.label)));
            }
            Json::Object(members)
        }
    };
    Json::object([("version", Json::Int(STORE_VERSION)), ("draft", draft)]).to_text()
}

/// The results document in the current format.
pub fn encode_results(history: &[SavedResult]) -> String {
    let history = Json::Array(history.iter().map(result_to_json).collect());
    Json::object([("version", Json::Int(STORE_VERSION)), ("history", history)]).to_text()
}

/// A result as every stored document writes it (`codec::team` too).
pub(super) fn result_to_json(result: &SavedResult) -> Json<'_> {
    let mut json = Json::object([
        ("id", Json::Int(result.id)),
        ("finished_at_ms", Json::Int(result.finished_at_ms)),
        ("label", Json::str(&result.label)),
        ("questionnaire", questionnaire_ref_to_json(&result.questionnaire)),
        ("overall", result.overall.map_or(Json::Null, |v| Json::Int(u64::from(v)))),
        ("band", result.band_label.as_deref().map_or(Json::Null, Json::str)),
        ("responses", responses_to_json(&result.responses)),
    ]);
    if let (true, Json::Object(members)) = (result.received, &mut json) {
        members.push((Cow::Borrowed("received"), Json::Bool(true)));
    }
    json
}

pub fn questionnaire_ref_to_json(questionnaire: &QuestionnaireRef) -> Json<'_> {
    Json::object([
        ("id", Json::str(&questionnaire.id)),
        ("version", Json::str(&questionnaire.version)),
        ("hash", Json::str(&questionnaire.content_hash)),
    ])
}

/// Reads `{"id", "version", "hash"}`, capping each text. A hash of the earlier
/// scheme for the built-in questionnaire reads as today's (see `EARLIER_HASHES`).
pub fn questionnaire_ref_from(fields: &Obj) -> Result<QuestionnaireRef, Invalid> {
    let id = truncate_chars(fields.str("id")?, REF_MAX_CHARS);
    let version = truncate_chars(fields.str("version")?, REF_MAX_CHARS);
    let hash = fields.str("hash")?;
    let earlier = EARLIER_HASHES.iter().any(|&(i, v, h)| (i, v, h) == (id.as_str(), version.as_str(), hash));
    let content_hash = if earlier { BUILTIN_CONTENT_HASH.to_owned() } else { truncate_chars(hash, REF_MAX_CHARS) };
    Ok(QuestionnaireRef { id, version, content_hash })
}

/// A time in milliseconds that a browser can show as a date.
pub fn time_ms(fields: &Obj, key: &'static str) -> Result<u64, Invalid> {
    match fields.uint(key)? {
        ms if ms <= MAX_TIME_MS => Ok(ms),
        _ => Err(fields.invalid(key, Problem::TimeOutOfRange)),
    }
}

/// Parses a stored document and reads its format version, refusing versions
/// after `newest` (the stored teams count their versions on their own).
pub(super) fn versioned(text: &str, newest: u64) -> Result<(Json<'_>, u64), DecodeError> {
    let document = json::parse(text).map_err(DecodeError::NotJson)?;
    let version = document.get("version").and_then(Json::as_u64).ok_or(DecodeError::MissingVersion)?;
    if version > newest {
        return Err(DecodeError::NewerVersion(version));
    }
    Ok((document, version))
}

pub(super) fn unknown_version(version: u64) -> DecodeError {
    DecodeError::Invalid(Path::Named("version").invalid(Problem::UnknownVersion(version)))
}

/// Reads the main key's document, of any supported format.
pub fn decode_main(text: &str) -> Result<MainDocument, DecodeError> {
    let (document, version) = versioned(text, STORE_VERSION)?;
    // Each supported version is read by its own function; a new format adds an
    // arm here and keeps the old ones.
    match version {
        2 | 3 => {
            let fields = Obj::new(&document, Path::Root, &["version", "draft"]).map_err(DecodeError::Invalid)?;
            Ok(MainDocument::Current { draft: draft_from(&fields).map_err(DecodeError::Invalid)? })
        }
        1 => Ok(MainDocument::Legacy(from_v1(&document).map_err(DecodeError::Invalid)?)),
        _ => Err(unknown_version(version)),
    }
}

/// Reads the results document as it was written. Every source of results then
/// passes them through `crate::incoming`, which caps their texts and repairs
/// repeated ids, so whatever was stored, they satisfy the model's rules.
pub fn decode_results(text: &str) -> Result<Vec<SavedResult>, DecodeError> {
    let (document, version) = versioned(text, STORE_VERSION)?;
    if version < 2 {
        return Err(unknown_version(version));
    }
    let fields = Obj::new(&document, Path::Root, &["version", "history"]).map_err(DecodeError::Invalid)?;
    history_from(&fields).map_err(DecodeError::Invalid)
}

fn draft_from(document: &Obj) -> Result<Option<Draft>, Invalid> {
    if document.get("draft").is_none() {
        return Ok(None);
    }
    let draft = document.obj("draft", &["responses", "step", "label"])?;
    Ok(Some(Draft {
        responses: match draft.get("responses") {
            Some(responses) => responses_from_json(responses, Path::Key(draft.path(), "responses"))?,
            None => Responses::default(),
        },
        // A step beyond the questionnaire is clamped when the state is built.
        step: draft.opt_uint("step")?.map_or(0, |step| usize::try_from(step).unwrap_or(usize::MAX)),
        label: truncate_chars(draft.opt_str("label")?.unwrap_or_default(), LABEL_MAX_CHARS),
    }))
}

fn history_from(document: &Obj) -> Result<Vec<SavedResult>, Invalid> {
    let history_path = Path::Key(document.path(), "history");
    let items = document.array("history", MAX_STORED_RESULTS)?;
    let mut history = Vec::with_capacity(items.len());
    for (i, result) in items.iter().enumerate() {
        history.push(result_from(result, Path::Index(&history_path, i))?);
    }
    Ok(history)
}

fn from_v1(document: &Json) -> Result<StoreContents, Invalid> {
    let document = Obj::new(document, Path::Root, &["version", "draft", "history"])?;
    Ok(StoreContents { draft: draft_from(&document)?, history: history_from(&document)? })
}

/// A result; the same shape in every format, format 3 adding `received`
/// (and in the stored teams, `codec::team`).
pub(super) fn result_from(value: &Json, path: Path) -> Result<SavedResult, Invalid> {
    let result = Obj::new(
        value,
        path,
        &["id", "finished_at_ms", "label", "questionnaire", "overall", "band", "responses", "received"],
    )?;
    let overall = match result.opt_uint("overall")? {
        Some(score @ 0..=100) => Some(score as u8),
        Some(score) => return Err(result.invalid("overall", Problem::ScoreOutOfRange(score))),
        None => None,
    };
    Ok(SavedResult {
        id: result.uint("id")?,
        finished_at_ms: time_ms(&result, "finished_at_ms")?,
        label: result.opt_str("label")?.unwrap_or_default().to_owned(),
        questionnaire: questionnaire_ref_from(&result.obj("questionnaire", &["id", "version", "hash"])?)?,
        overall,
        band_label: result.opt_str("band")?.map(str::to_owned),
        responses: responses_from_json(result.required("responses")?, Path::Key(result.path(), "responses"))?,
        received: result.opt_bool("received")?.unwrap_or(false),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Answer, Questionnaire, Rating};

    fn sample() -> StoreContents {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        responses.set_answer(&q.principles[0].statements[0].id, Answer::Rated(Rating::StronglyAgree));
        responses.set_answer(&q.principles[0].statements[1].id, Answer::NotSure);
        responses.set_note(&q.principles[0].id, "Talk to legal first");
        let finished = SavedResult::finish(&q, responses.clone(), "Acme", 1, 1_764_000_000_000);
        let received = SavedResult { id: 2, received: true, ..finished.clone() };
        StoreContents {
            draft: Some(Draft { responses, step: 4, label: "Acme".into() }),
            history: vec![finished, received],
        }
    }

    #[test]
    fn both_documents_round_trip() {
        let contents = sample();
        let draft = contents.draft.clone();
        assert_eq!(decode_main(&encode_main(draft.as_ref())), Ok(MainDocument::Current { draft }));
        assert_eq!(decode_main(&encode_main(None)), Ok(MainDocument::Current { draft: None }));
        assert_eq!(decode_results(&encode_results(&contents.history)), Ok(contents.history));
        assert_eq!(decode_results(&encode_results(&[])), Ok(vec![]));
    }

    #[test]
    fn reads_a_format_1_document_written_by_hand() {
        // A fixed document as an earlier build wrote it: guards the old format
        // itself, not just encode/decode agreeing with each other.
        let text = r#"{"version":1,
            "draft":{"responses":{"answers":{"clear-objectives.goals":2}},"step":3},
            "history":[{"id":9,"finished_at_ms":1500000000000,"label":"Partner A",
              "questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"0123456789abcdef"},
              "overall":55,"band":"Emerging","responses":{"answers":{"clear-objectives.goals":"not-sure"}}}]}"#;
        let Ok(MainDocument::Legacy(contents)) = decode_main(text) else { panic!("a format 1 document") };
        let draft = contents.draft.unwrap();
        assert_eq!(draft.step, 3);
        assert_eq!(draft.responses.answer("clear-objectives.goals"), Some(Answer::Rated(Rating::Disagree)));
        let result = &contents.history[0];
        assert_eq!((result.id, result.label.as_str(), result.overall), (9, "Partner A", Some(55)));
        assert_eq!(result.responses.answer("clear-objectives.goals"), Some(Answer::NotSure));
    }

    #[test]
    fn results_fingerprinted_by_the_earlier_scheme_stay_current() {
        let text = r#"{"version":2,"history":[{"id":1,"finished_at_ms":1,"label":"","questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"561b415f091e055f"},"overall":null,"band":null,"responses":{"answers":{}}}]}"#;
        let history = decode_results(text).unwrap();
        assert_eq!(history[0].questionnaire.content_hash, Questionnaire::builtin().content_hash);
        // Another version with that old hash is not taken for the built-in one.
        let other = text.replace("\"1.0.0\"", "\"0.9.0\"");
        assert_eq!(decode_results(&other).unwrap()[0].questionnaire.content_hash, "561b415f091e055f");
    }

    #[test]
    fn unreadable_documents_are_typed_errors() {
        use json::{ParseError, ParseErrorKind};
        let invalid = |path: &str, problem| DecodeError::Invalid(Invalid::at(path, problem));
        let cases = [
            ("", DecodeError::NotJson(ParseError { offset: 0, kind: ParseErrorKind::UnexpectedEnd })),
            ("{\"version\":2,", DecodeError::NotJson(ParseError { offset: 13, kind: ParseErrorKind::UnexpectedEnd })),
            (
                "{\"version\":2,\"version\":1}",
                DecodeError::NotJson(ParseError { offset: 0, kind: ParseErrorKind::DuplicateKey }),
            ),
            ("[1,2]", DecodeError::MissingVersion),
            ("{\"draft\":null}", DecodeError::MissingVersion),
            ("{\"version\":\"2\"}", DecodeError::MissingVersion),
            ("{\"version\":7,\"whatever\":true}", DecodeError::NewerVersion(7)),
            ("{\"version\":0}", invalid("version", Problem::UnknownVersion(0))),
            (
                "{\"version\":2,\"draft\":{\"responses\":{\"answers\":{\"x\":9}}}}",
                invalid("draft.responses.answers.x", Problem::RatingOutOfRange(9)),
            ),
            (
                "{\"version\":1,\"draft\":null,\"history\":[{\"id\":1}]}",
                invalid("history[0]", Problem::MissingField("finished_at_ms")),
            ),
            ("{\"version\":1,\"history\":{}}", invalid("history", Problem::ExpectedArray)),
            ("{\"version\":2,\"history\":[]}", invalid("", Problem::UnknownField("history".into()))),
        ];
        for (text, error) in cases {
            assert_eq!(decode_main(text), Err(error), "{text}");
        }
        assert_eq!(
            decode_results("{\"version\":1,\"history\":[]}"),
            Err(invalid("version", Problem::UnknownVersion(1)))
        );
        assert_eq!(decode_results("{\"version\":2,\"history\":{}}"), Err(invalid("history", Problem::ExpectedArray)));
    }

    #[test]
    fn out_of_range_scores_and_times_are_rejected() {
        let text = encode_results(&sample().history);
        let score = text.replace("\"overall\":100", "\"overall\":101");
        assert_eq!(
            decode_results(&score),
            Err(DecodeError::Invalid(Invalid::at("history[0].overall", Problem::ScoreOutOfRange(101))))
        );
        let time = text.replace("1764000000000", "18446744073709551615");
        assert_eq!(
            decode_results(&time),
            Err(DecodeError::Invalid(Invalid::at("history[0].finished_at_ms", Problem::TimeOutOfRange)))
        );
    }

    /// A result as a hostile or buggy writer might have stored it.
    pub fn stored_result(id: &str, label: &str, band: &str) -> String {
        format!(
            r#"{{"id":{id},"finished_at_ms":1,"label":"{label}","questionnaire":{{"id":"q","version":"1","hash":"h"}},"overall":50,"band":"{band}","responses":{{"answers":{{}}}}}}"#
        )
    }

    #[test]
    fn a_long_draft_label_is_capped_and_a_huge_step_kept_for_clamping() {
        let long = "x".repeat(10_000);
        let draft = format!(r#"{{"version":2,"draft":{{"step":99999999999999,"label":"{long}"}}}}"#);
        let Ok(MainDocument::Current { draft: Some(draft) }) = decode_main(&draft) else { panic!("a draft") };
        assert_eq!(draft.label.chars().count(), LABEL_MAX_CHARS);
        assert_eq!(draft.step, usize::try_from(99_999_999_999_999u64).unwrap_or(usize::MAX));
    }

    #[test]
    fn the_set_aside_list_round_trips_and_tolerates_anything() {
        let keys = vec!["k:backup:1".to_owned(), "k:results:backup:2".to_owned()];
        assert_eq!(decode_set_aside(&encode_set_aside(&keys)), keys);
        for junk in ["", "{", "x:results", "[1,2]", "\n\n"] {
            assert!(decode_set_aside(junk).is_empty(), "{junk:?}");
        }
        assert_eq!(set_aside_key("k"), "k:set-aside");
        // The teams' key beside the results' is data, never a backup to list.
        assert!(!is_backup_key(&crate::codec::team::teams_key("k")));
        assert_eq!(decode_set_aside("k:teams\nk:teams:backup:3"), ["k:teams:backup:3"]);
    }

    #[test]
    fn a_stored_document_with_too_many_results_is_refused() {
        let one = stored_result("1", "a", "b");
        let text = format!(r#"{{"version":2,"history":[{}]}}"#, vec![one; MAX_STORED_RESULTS + 1].join(","));
        assert_eq!(
            decode_results(&text),
            Err(DecodeError::Invalid(Invalid::at("history", Problem::TooMany { max: MAX_STORED_RESULTS })))
        );
    }
}
