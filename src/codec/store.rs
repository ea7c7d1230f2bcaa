//! The document kept in localStorage: its versioned, serialized types and the
//! conversions to and from the model.
//!
//! Everything under one key, as one JSON document:
//! ```json
//! {"version": 1,
//!  "draft": {"responses": {"answers": {...}, "notes": {...}}, "step": 3, "label": "Acme"} | null,
//!  "history": [{"id": 1, "finished_at_ms": 1764000000000, "label": "Acme",
//!               "questionnaire": {"id": "...", "version": "1.0.0", "hash": "…16 hex…"},
//!               "overall": 64 | null, "band": "Developing" | null,
//!               "responses": {...}}]}
//! ```
//! [`decode`] reads any version this build understands and upgrades it in memory;
//! a document from a newer build is refused (and so left untouched by the caller),
//! and anything unreadable is reported as [`DecodeError`] for the caller to back up.

use super::answers::{responses_from_json, responses_to_json};
use super::json::{self, Json};
use super::reader::{Invalid, Obj};
use crate::model::{QuestionnaireRef, Responses, SavedResult};

/// The version this build writes.
pub const STORE_VERSION: u64 = 1;

/// A draft and the history, as the app holds them in memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoreContents {
    pub draft: Option<Draft>,
    pub history: Vec<SavedResult>,
}

/// An assessment in progress.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub responses: Responses,
    /// The principle the person was on, to resume there.
    pub step: usize,
    /// The label typed on the review page, e.g. the partner's name.
    pub label: String,
}

/// Why a stored document could not be read.
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

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson(error) => write!(f, "the saved data is not valid JSON ({error})"),
            Self::MissingVersion => write!(f, "the saved data has no format version"),
            Self::NewerVersion(v) => write!(
                f,
                "the saved data was written by a newer version of this widget (format {v}, this one reads up to {STORE_VERSION})"
            ),
            Self::Invalid(invalid) => write!(f, "the saved data is damaged ({invalid})"),
        }
    }
}

/// Serializes the contents in the current format.
pub fn encode(contents: &StoreContents) -> String {
    encode_parts(contents.draft.as_ref(), &contents.history)
}

/// Serializes a draft and history in the current format, without first
/// gathering them into a `StoreContents`.
pub fn encode_parts(draft: Option<&Draft>, history: &[SavedResult]) -> String {
    let draft = match draft {
        None => Json::Null,
        Some(draft) => {
            let mut members = vec![
                ("responses".to_owned(), responses_to_json(&draft.responses)),
                ("step".to_owned(), Json::Int(draft.step as u64)),
            ];
            if !draft.label.is_empty() {
                members.push(("label".to_owned(), Json::Str(draft.label.clone())));
            }
            Json::Object(members)
        }
    };
    let history = history.iter().map(result_to_json).collect();
    Json::Object(vec![
        ("version".to_owned(), Json::Int(STORE_VERSION)),
        ("draft".to_owned(), draft),
        ("history".to_owned(), Json::Array(history)),
    ])
    .to_text()
}

fn result_to_json(result: &SavedResult) -> Json {
    let optional_int = |v: Option<u8>| v.map_or(Json::Null, |v| Json::Int(u64::from(v)));
    let optional_str = |v: &Option<String>| v.as_ref().map_or(Json::Null, |v| Json::Str(v.clone()));
    Json::Object(vec![
        ("id".to_owned(), Json::Int(result.id)),
        ("finished_at_ms".to_owned(), Json::Int(result.finished_at_ms)),
        ("label".to_owned(), Json::Str(result.label.clone())),
        (
            "questionnaire".to_owned(),
            Json::Object(vec![
                ("id".to_owned(), Json::Str(result.questionnaire.id.clone())),
                ("version".to_owned(), Json::Str(result.questionnaire.version.clone())),
                ("hash".to_owned(), Json::Str(result.questionnaire.content_hash.clone())),
            ]),
        ),
        ("overall".to_owned(), optional_int(result.overall)),
        ("band".to_owned(), optional_str(&result.band_label)),
        ("responses".to_owned(), responses_to_json(&result.responses)),
    ])
}

/// Reads a stored document of any supported version.
pub fn decode(text: &str) -> Result<StoreContents, DecodeError> {
    let document = json::parse(text).map_err(DecodeError::NotJson)?;
    let version = document.get("version").and_then(Json::as_u64).ok_or(DecodeError::MissingVersion)?;
    // Each supported version is read by its own function into the current model;
    // a future format 2 adds an arm here and keeps this one.
    match version {
        1 => from_v1(&document).map_err(DecodeError::Invalid),
        v if v > STORE_VERSION => Err(DecodeError::NewerVersion(v)),
        _ => Err(DecodeError::Invalid(Invalid::at("version", format!("unknown format version {version}")))),
    }
}

fn from_v1(document: &Json) -> Result<StoreContents, Invalid> {
    let document = Obj::new(document, String::new(), &["version", "draft", "history"])?;
    let draft = match document.get("draft") {
        None => None,
        Some(_) => {
            let draft = document.obj("draft", &["responses", "step", "label"])?;
            Some(Draft {
                responses: match draft.get("responses") {
                    Some(responses) => responses_from_json(responses, draft.path_of("responses"))?,
                    None => Responses::default(),
                },
                // A step beyond the questionnaire is clamped when the state is built.
                step: draft.opt_uint("step")?.unwrap_or(0) as usize,
                label: draft.opt_str("label")?.unwrap_or_default().to_owned(),
            })
        }
    };
    let mut history = Vec::new();
    for (i, result) in document.array("history")?.iter().enumerate() {
        history.push(result_from_v1(result, format!("history[{i}]"))?);
    }
    Ok(StoreContents { draft, history })
}

fn result_from_v1(value: &Json, path: String) -> Result<SavedResult, Invalid> {
    let result =
        Obj::new(value, path, &["id", "finished_at_ms", "label", "questionnaire", "overall", "band", "responses"])?;
    let questionnaire = result.obj("questionnaire", &["id", "version", "hash"])?;
    let overall = match result.opt_uint("overall")? {
        Some(score @ 0..=100) => Some(score as u8),
        Some(_) => return Err(Invalid::at(&result.path_of("overall"), "expected a score from 0 to 100")),
        None => None,
    };
    Ok(SavedResult {
        id: result.uint("id")?,
        finished_at_ms: result.uint("finished_at_ms")?,
        label: result.opt_str("label")?.unwrap_or_default().to_owned(),
        questionnaire: QuestionnaireRef {
            id: questionnaire.str("id")?.to_owned(),
            version: questionnaire.str("version")?.to_owned(),
            content_hash: questionnaire.str("hash")?.to_owned(),
        },
        overall,
        band_label: result.opt_str("band")?.map(str::to_owned),
        responses: responses_from_json(result.required("responses")?, result.path_of("responses"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Questionnaire, Rating};

    fn sample() -> StoreContents {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        responses.set_answer(&q.principles[0].statements[0].id, Answer::Rated(Rating::StronglyAgree));
        responses.set_answer(&q.principles[0].statements[1].id, Answer::NotSure);
        responses.set_note(&q.principles[0].id, "Talk to legal first");
        let finished = SavedResult::finish(&q, responses.clone(), "Acme", 1, 1_764_000_000_000);
        StoreContents { draft: Some(Draft { responses, step: 4, label: "Acme".into() }), history: vec![finished] }
    }

    #[test]
    fn round_trips_draft_and_history() {
        let contents = sample();
        assert_eq!(decode(&encode(&contents)), Ok(contents));
        let empty = StoreContents::default();
        assert_eq!(decode(&encode(&empty)), Ok(empty));
    }

    #[test]
    fn reads_a_version_1_document_written_by_hand() {
        // A fixed document as an earlier build wrote it: guards the format itself,
        // not just encode/decode agreeing with each other.
        let text = r#"{"version":1,
            "draft":{"responses":{"answers":{"clear-objectives.goals":2}},"step":3},
            "history":[{"id":9,"finished_at_ms":1500000000000,"label":"Partner A",
              "questionnaire":{"id":"partnership-readiness","version":"1.0.0","hash":"0123456789abcdef"},
              "overall":55,"band":"Emerging","responses":{"answers":{"clear-objectives.goals":"not-sure"}}}]}"#;
        let contents = decode(text).unwrap();
        let draft = contents.draft.unwrap();
        assert_eq!(draft.step, 3);
        assert_eq!(draft.responses.answer("clear-objectives.goals"), Some(Answer::Rated(Rating::Disagree)));
        let result = &contents.history[0];
        assert_eq!((result.id, result.label.as_str(), result.overall), (9, "Partner A", Some(55)));
        assert_eq!(result.responses.answer("clear-objectives.goals"), Some(Answer::NotSure));
    }

    #[test]
    fn unreadable_documents_are_typed_errors_with_reasons() {
        let cases = [
            ("", "the saved data is not valid JSON (it ends too early at position 0)"),
            ("{\"version\":1,", "the saved data is not valid JSON (it ends too early at position 13)"),
            ("[1,2]", "the saved data has no format version"),
            ("{\"draft\":null}", "the saved data has no format version"),
            ("{\"version\":\"1\"}", "the saved data has no format version"),
            (
                "{\"version\":7,\"whatever\":true}",
                "the saved data was written by a newer version of this widget (format 7, this one reads up to 1)",
            ),
            ("{\"version\":0}", "the saved data is damaged (version: unknown format version 0)"),
            (
                "{\"version\":1,\"draft\":{\"responses\":{\"answers\":{\"x\":9}}}}",
                "the saved data is damaged (draft.responses.answers.x: rating 9 is not between 1 and 5)",
            ),
            (
                "{\"version\":1,\"draft\":null,\"history\":[{\"id\":1}]}",
                "the saved data is damaged (history[0]: missing field \"questionnaire\")",
            ),
            ("{\"version\":1,\"history\":{}}", "the saved data is damaged (history: expected an array)"),
            ("{\"version\":1,\"extra\":1}", "the saved data is damaged (unknown field \"extra\")"),
        ];
        for (text, message) in cases {
            assert_eq!(decode(text).unwrap_err().to_string(), message, "{text}");
        }
    }

    #[test]
    fn out_of_range_scores_are_rejected() {
        let mut text = encode(&sample());
        text = text.replace("\"overall\":", "\"overall\":1").replace("\"overall\":1null", "\"overall\":101");
        let error = decode(&text).unwrap_err().to_string();
        assert!(error.contains("history[0].overall: expected a score from 0 to 100"), "{error}");
    }
}
