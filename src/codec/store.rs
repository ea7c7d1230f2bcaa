//! The document kept in localStorage: its versioned, serialized types and the
//! conversions to and from the model.
//!
//! Everything under one key, as one JSON document:
//! `{"version": 1, "draft": {...} | null, "history": [...]}`.
//! [`decode`] reads any version this build understands and upgrades it in memory;
//! a document from a newer build is refused (and so left untouched by the caller),
//! and anything unreadable is reported as [`DecodeError`] for the caller to back up.

use serde::{Deserialize, Serialize};

use super::answers::ResponsesRepr;
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
    NotJson(String),
    /// JSON, but without a numeric `version`.
    MissingVersion,
    /// Written by a newer build of the widget; must not be overwritten.
    NewerVersion(u64),
    /// Right version, wrong shape or values.
    Invalid(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotJson(reason) => write!(f, "the saved data is not valid JSON ({reason})"),
            Self::MissingVersion => write!(f, "the saved data has no format version"),
            Self::NewerVersion(v) => write!(
                f,
                "the saved data was written by a newer version of this widget (format {v}, this one reads up to {STORE_VERSION})"
            ),
            Self::Invalid(reason) => write!(f, "the saved data is damaged ({reason})"),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentV1 {
    version: u64,
    draft: Option<DraftV1>,
    #[serde(default)]
    history: Vec<ResultV1>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftV1 {
    responses: ResponsesRepr,
    #[serde(default)]
    step: usize,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    label: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionnaireRefV1 {
    id: String,
    version: String,
    hash: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultV1 {
    id: u64,
    finished_at_ms: u64,
    #[serde(default)]
    label: String,
    questionnaire: QuestionnaireRefV1,
    overall: Option<u8>,
    band: Option<String>,
    responses: ResponsesRepr,
}

/// Serializes the contents in the current format.
pub fn encode(contents: &StoreContents) -> String {
    let document = DocumentV1 {
        version: STORE_VERSION,
        draft: contents.draft.as_ref().map(|d| DraftV1 { responses: (&d.responses).into(), step: d.step, label: d.label.clone() }),
        history: contents.history.iter().map(result_to_v1).collect(),
    };
    // Plain structs of strings, numbers and maps: serialization cannot fail.
    serde_json::to_string(&document).unwrap_or_default()
}

/// Only the version, read first to pick the types for the rest.
#[derive(Deserialize)]
struct VersionProbe {
    version: Option<u64>,
}

/// Reads a stored document of any supported version.
pub fn decode(text: &str) -> Result<StoreContents, DecodeError> {
    let probe: VersionProbe = serde_json::from_str(text).map_err(|e| {
        // Valid JSON of another shape (an array, a string version) has no usable version.
        if e.is_data() || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            DecodeError::MissingVersion
        } else {
            DecodeError::NotJson(e.to_string())
        }
    })?;
    let version = probe.version.ok_or(DecodeError::MissingVersion)?;
    // Each supported version is parsed by its own types and converted up to the
    // current model; a future format 2 adds an arm here and keeps this one.
    match version {
        1 => {
            let document: DocumentV1 =
                serde_json::from_str(text).map_err(|e| DecodeError::Invalid(e.to_string()))?;
            Ok(from_v1(document))
        }
        v if v > STORE_VERSION => Err(DecodeError::NewerVersion(v)),
        _ => Err(DecodeError::Invalid(format!("unknown format version {version}"))),
    }
}

fn from_v1(document: DocumentV1) -> StoreContents {
    StoreContents {
        draft: document.draft.map(|d| Draft { responses: d.responses.into(), step: d.step, label: d.label }),
        history: document
            .history
            .into_iter()
            .map(|r| SavedResult {
                id: r.id,
                finished_at_ms: r.finished_at_ms,
                label: r.label,
                questionnaire: QuestionnaireRef {
                    id: r.questionnaire.id,
                    version: r.questionnaire.version,
                    content_hash: r.questionnaire.hash,
                },
                responses: r.responses.into(),
                overall: r.overall,
                band_label: r.band,
            })
            .collect(),
    }
}

fn result_to_v1(result: &SavedResult) -> ResultV1 {
    ResultV1 {
        id: result.id,
        finished_at_ms: result.finished_at_ms,
        label: result.label.clone(),
        questionnaire: QuestionnaireRefV1 {
            id: result.questionnaire.id.clone(),
            version: result.questionnaire.version.clone(),
            hash: result.questionnaire.content_hash.clone(),
        },
        overall: result.overall,
        band: result.band_label.clone(),
        responses: (&result.responses).into(),
    }
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
    fn unreadable_documents_are_typed_errors() {
        let cases = [
            ("", DecodeError::NotJson(String::new())),
            ("{\"version\":1,", DecodeError::NotJson(String::new())),
            ("[1,2]", DecodeError::MissingVersion),
            ("{\"draft\":null}", DecodeError::MissingVersion),
            ("{\"version\":\"1\"}", DecodeError::MissingVersion),
            ("{\"version\":7,\"whatever\":true}", DecodeError::NewerVersion(7)),
            ("{\"version\":0}", DecodeError::Invalid(String::new())),
            ("{\"version\":1,\"draft\":{\"responses\":{\"answers\":{\"x\":9}}}}", DecodeError::Invalid(String::new())),
            ("{\"version\":1,\"draft\":null,\"history\":[{\"id\":1}]}", DecodeError::Invalid(String::new())),
        ];
        for (text, expected) in cases {
            let got = decode(text).unwrap_err();
            assert_eq!(std::mem::discriminant(&got), std::mem::discriminant(&expected), "{text}: {got}");
        }
    }
}
