//! The serialized form of answers, shared by every format that carries responses.
//!
//! A rating is written as its scale value (1–5), "not sure" as the string
//! `"not-sure"`, so stored and exported JSON stays readable by people.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Answer, Rating, Responses, NOTE_MAX_CHARS};

const NOT_SURE: &str = "not-sure";

/// One answer in its serialized form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerRepr(pub Answer);

impl Serialize for AnswerRepr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Answer::Rated(rating) => serializer.serialize_u8(rating.value()),
            Answer::NotSure => serializer.serialize_str(NOT_SURE),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) => u8::try_from(n)
                .ok()
                .and_then(Rating::from_value)
                .map(|r| AnswerRepr(Answer::Rated(r)))
                .ok_or_else(|| serde::de::Error::custom(format!("rating {n} is not between 1 and 5"))),
            Raw::Text(text) if text == NOT_SURE => Ok(AnswerRepr(Answer::NotSure)),
            Raw::Text(text) => Err(serde::de::Error::custom(format!(
                "answer \"{text}\" is neither a rating 1-5 nor \"{NOT_SURE}\""
            ))),
        }
    }
}

/// Answers and notes in their serialized form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsesRepr {
    #[serde(default)]
    pub answers: BTreeMap<String, AnswerRepr>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, String>,
}

impl From<&Responses> for ResponsesRepr {
    fn from(responses: &Responses) -> Self {
        Self {
            answers: responses.answers.iter().map(|(id, a)| (id.clone(), AnswerRepr(*a))).collect(),
            notes: responses.notes.clone(),
        }
    }
}

impl From<ResponsesRepr> for Responses {
    fn from(repr: ResponsesRepr) -> Self {
        let mut responses = Responses {
            answers: repr.answers.into_iter().map(|(id, a)| (id, a.0)).collect(),
            notes: BTreeMap::new(),
        };
        // Goes through the model so an over-long note from outside is capped too.
        for (id, note) in &repr.notes {
            responses.set_note(id, note);
        }
        debug_assert!(responses.notes.values().all(|n| n.chars().count() <= NOTE_MAX_CHARS));
        responses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_serialize_as_numbers_and_not_sure() {
        let mut responses = Responses::default();
        responses.set_answer("a.one", Answer::Rated(Rating::Agree));
        responses.set_answer("a.two", Answer::NotSure);
        responses.set_note("a", "Ask about the budget");
        let json = serde_json::to_string(&ResponsesRepr::from(&responses)).unwrap();
        assert_eq!(json, r#"{"answers":{"a.one":4,"a.two":"not-sure"},"notes":{"a":"Ask about the budget"}}"#);
        let back: ResponsesRepr = serde_json::from_str(&json).unwrap();
        assert_eq!(Responses::from(back), responses);
    }

    #[test]
    fn invalid_answers_are_rejected_with_a_reason() {
        for (json, reason) in [
            (r#"{"answers":{"a":0}}"#, "rating 0 is not between 1 and 5"),
            (r#"{"answers":{"a":6}}"#, "rating 6 is not between 1 and 5"),
            (r#"{"answers":{"a":"maybe"}}"#, "neither a rating"),
            (r#"{"answers":{"a":-1}}"#, "did not match any variant"),
        ] {
            let err = serde_json::from_str::<ResponsesRepr>(json).unwrap_err().to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
    }
}
