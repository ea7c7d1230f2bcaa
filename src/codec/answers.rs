//! The serialized form of answers, shared by every format that carries responses.
//!
//! A rating is written as its scale value (1–5), "not sure" as the string
//! `"not-sure"`, so stored and exported JSON stays readable by people.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::keyed::KeyedMap;
use crate::model::{Answer, Rating, Responses};

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
        struct AnswerVisitor;
        impl serde::de::Visitor<'_> for AnswerVisitor {
            type Value = AnswerRepr;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a rating 1-5 or \"{NOT_SURE}\"")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<AnswerRepr, E> {
                u8::try_from(n)
                    .ok()
                    .and_then(Rating::from_value)
                    .map(|r| AnswerRepr(Answer::Rated(r)))
                    .ok_or_else(|| E::custom(format!("rating {n} is not between 1 and 5")))
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<AnswerRepr, E> {
                if text == NOT_SURE {
                    Ok(AnswerRepr(Answer::NotSure))
                } else {
                    Err(E::custom(format!("answer \"{text}\" is neither a rating 1-5 nor \"{NOT_SURE}\"")))
                }
            }
        }
        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// Answers and notes in their serialized form:
/// `{"answers": {"<statement id>": 4, ...}, "notes": {"<principle id>": "..."}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponsesRepr {
    #[serde(default)]
    pub answers: MapRepr<AnswerRepr>,
    #[serde(default, skip_serializing_if = "MapRepr::is_empty")]
    pub notes: MapRepr<String>,
}

/// A JSON object read into and written from a [`KeyedMap`].
#[derive(Debug, Clone, PartialEq)]
pub struct MapRepr<V>(pub KeyedMap<V>);

impl<V> Default for MapRepr<V> {
    fn default() -> Self {
        Self(KeyedMap::default())
    }
}

impl<V> MapRepr<V> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for MapRepr<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for MapRepr<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for MapVisitor<V> {
            type Value = MapRepr<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of ids")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = KeyedMap::default();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    map.insert(&key, value);
                }
                Ok(MapRepr(map))
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

impl From<&Responses> for ResponsesRepr {
    fn from(responses: &Responses) -> Self {
        let mut answers = KeyedMap::default();
        for (id, answer) in responses.answers.iter() {
            answers.insert(id, AnswerRepr(*answer));
        }
        Self { answers: MapRepr(answers), notes: MapRepr(responses.notes.clone()) }
    }
}

impl From<ResponsesRepr> for Responses {
    fn from(repr: ResponsesRepr) -> Self {
        let mut responses = Responses::default();
        for (id, answer) in repr.answers.0.iter() {
            responses.set_answer(id, answer.0);
        }
        // Through the model, so an over-long note from outside is capped too.
        for (id, note) in repr.notes.0.iter() {
            responses.set_note(id, note);
        }
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
            (r#"{"answers":{"a":-1}}"#, "expected a rating 1-5"),
            (r#"{"answers":{"a":2.5}}"#, "expected a rating 1-5"),
        ] {
            let err = serde_json::from_str::<ResponsesRepr>(json).unwrap_err().to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
    }
}
