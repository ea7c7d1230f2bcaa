//! Differential fuzzing of the widget's JSON reader against serde_json.
//!
//! A seeded generator writes JSON texts (valid ones, and ones broken on purpose:
//! bad escapes, lone surrogates, control characters, leading zeros, repeated keys,
//! nesting past the limit), then mutates them (truncation, deletion, insertion of
//! JSON fragments, duplication). For every text our reader and the oracle must
//! agree on accepting or rejecting it and, when both accept, on its value. The
//! oracle is serde_json (with `arbitrary_precision`, so numbers keep their text)
//! plus the two rules we add on purpose: a repeated key in an object is an error,
//! and nesting deeper than `MAX_DEPTH` is an error. Every text, and stored
//! documents mutated the same way, also go through the store decoder, which must
//! never panic. Seeded, so a failure names a case that can be replayed.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt;

use partnership_readiness::codec::json::{self, Json, MAX_DEPTH};
use partnership_readiness::codec::store;
use partnership_readiness::model::{Answer, Draft, Questionnaire, Rating, Responses, SavedResult};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// How many generated texts the reader is compared on.
const CASES: usize = 120_000;
/// How many mutated stored documents (a kilobyte or more each) the store decoder reads.
const STORED_CASES: usize = 3_000;

/// The oracle's value: serde_json's parse, with numbers as written.
#[derive(Debug, PartialEq)]
enum Oracle {
    Null,
    Bool(bool),
    Number(String),
    Str(String),
    Array(Vec<Oracle>),
    Object(Vec<(String, Oracle)>),
}

/// The token serde_json's `arbitrary_precision` uses to hand a number's text to a visitor.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> Deserialize<'de> for Oracle {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OracleVisitor)
    }
}

struct OracleVisitor;

impl<'de> Visitor<'de> for OracleVisitor {
    type Value = Oracle;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Oracle, E> {
        Ok(Oracle::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Oracle, E> {
        Ok(Oracle::Bool(b))
    }
    // Whole numbers that fit come as integers (their text is exactly `to_string`:
    // JSON has no leading zeros, and serde_json hands "-0" over as text).
    fn visit_u64<E>(self, n: u64) -> Result<Oracle, E> {
        Ok(Oracle::Number(n.to_string()))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Oracle, E> {
        Ok(Oracle::Number(n.to_string()))
    }
    fn visit_str<E>(self, s: &str) -> Result<Oracle, E> {
        Ok(Oracle::Str(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Oracle, E> {
        Ok(Oracle::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Oracle, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Oracle::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Oracle, A::Error> {
        let mut members: Vec<(String, Oracle)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_TOKEN && members.is_empty() {
                return Ok(Oracle::Number(exponent_with_sign(&map.next_value::<String>()?)));
            }
            if members.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom("duplicate key"));
            }
            members.push((key, map.next_value()?));
        }
        Ok(Oracle::Object(members))
    }
}

/// A number's text with its exponent written `e+5`/`e-5`: serde_json spells
/// `1E5` as `1e+5`, while we keep the text as written; both mean the same.
fn exponent_with_sign(number: &str) -> String {
    let lower = number.to_ascii_lowercase();
    match lower.split_once('e') {
        Some((mantissa, exponent)) if !exponent.starts_with(['+', '-']) => format!("{mantissa}e+{exponent}"),
        _ => lower,
    }
}

fn from_ours(value: &Json) -> Oracle {
    match value {
        Json::Null => Oracle::Null,
        Json::Bool(b) => Oracle::Bool(*b),
        Json::Int(n) => Oracle::Number(n.to_string()),
        Json::OtherNumber(raw) => Oracle::Number(exponent_with_sign(raw)),
        Json::Str(s) => Oracle::Str(s.to_string()),
        Json::Array(items) => Oracle::Array(items.iter().map(from_ours).collect()),
        Json::Object(members) => Oracle::Object(members.iter().map(|(k, v)| (k.to_string(), from_ours(v))).collect()),
    }
}

fn depth(value: &Oracle) -> usize {
    match value {
        Oracle::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Oracle::Object(members) => 1 + members.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

/// What the oracle says a text is: `Some(value)` if acceptable JSON by our rules.
fn oracle(text: &str) -> Option<Oracle> {
    let value: Oracle = serde_json::from_str(text).ok()?;
    (depth(&value) <= MAX_DEPTH).then_some(value)
}

/// Writes random JSON text, mostly valid, sometimes broken in one place.
struct Writer<'r> {
    rng: &'r mut Rng,
    out: String,
    max_depth: usize,
}

impl Writer<'_> {
    fn space(&mut self) {
        while self.rng.chance(15) {
            self.out.push(*self.rng.pick(&[' ', '\t', '\n', '\r']));
        }
        if self.rng.chance(1) {
            // Not JSON whitespace.
            self.out.push(*self.rng.pick(&['\u{a0}', '\u{c}', '\u{feff}']));
        }
    }

    fn value(&mut self, depth: usize) {
        self.space();
        let composite = depth < self.max_depth;
        match self.rng.below(if composite { 10 } else { 6 }) {
            0 => {
                let word = *self.rng.pick(&["null", "true", "false", "nul", "True", "falsey"]);
                self.out.push_str(word)
            }
            1 | 2 => self.number(),
            3..=5 => self.string(),
            6 | 7 => {
                self.out.push('[');
                let n = self.rng.below(5);
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.value(depth + 1);
                }
                if self.rng.chance(2) {
                    self.out.push(',');
                }
                self.space();
                self.out.push(']');
            }
            _ => {
                self.out.push('{');
                let n = self.rng.below(5);
                for i in 0..n {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.space();
                    // A small pool of keys, so repeats happen.
                    if self.rng.chance(70) {
                        let key = *self.rng.pick(&["a", "b", "id", "version", "__proto__", "\\u0061", "ä"]);
                        self.out.push_str(&format!("\"{key}\""));
                    } else {
                        self.string();
                    }
                    self.space();
                    self.out.push(':');
                    self.value(depth + 1);
                }
                self.space();
                self.out.push('}');
            }
        }
        self.space();
    }

    fn number(&mut self) {
        let forms = [
            "0",
            "-0",
            "7",
            "42",
            "-12",
            "1.5",
            "-0.25",
            "1e5",
            "1E+5",
            "2.5e-3",
            "10e0",
            "18446744073709551615",
            "18446744073709551616",
            "123456789012345678901234567890",
            "1e400",
            "01",
            "1.",
            "-",
            ".5",
            "+1",
            "1e",
            "0x10",
            "NaN",
            "-Infinity",
            "1.0e+",
        ];
        let form = *self.rng.pick(&forms);
        if self.rng.chance(50) {
            self.out.push_str(form);
        } else {
            let digits = self.rng.next().to_string();
            let length = 1 + self.rng.below(digits.len());
            self.out.push_str(&digits[..length]);
        }
    }

    fn string(&mut self) {
        self.out.push('"');
        for _ in 0..self.rng.below(8) {
            let piece: String = match self.rng.below(14) {
                0 => "\\\"".into(),
                1 => "\\\\".into(),
                2 => (*self.rng.pick(&["\\n", "\\t", "\\/", "\\b", "\\f", "\\r"])).into(),
                3 => format!("\\u{:04x}", self.rng.below(0xd800)),
                4 => "\\ud83d\\ude00".into(),
                5 => (*self.rng.pick(&["ä", "€", "😀", "\u{7f}", "<script>", "\u{2028}"])).into(),
                6 if self.rng.chance(20) => {
                    (*self.rng.pick(&["\\ud800", "\\udc00x", "\\x", "\\u12", "\u{1}", "\t"])).into()
                }
                _ => ((b'a' + self.rng.below(26) as u8) as char).into(),
            };
            self.out.push_str(&piece);
        }
        if !self.rng.chance(2) {
            self.out.push('"');
        }
    }
}

/// The char boundaries of `text`, for cutting it without splitting a character.
fn boundary(rng: &mut Rng, text: &str) -> usize {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    *rng.pick(&bounds)
}

/// A small random change: truncate, delete a span, insert a fragment, or duplicate a span.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let a = boundary(rng, text);
    let b = boundary(rng, text);
    let (lo, hi) = (a.min(b), a.max(b));
    match rng.below(5) {
        0 => text[..lo].to_owned(),
        1 => format!("{}{}", &text[..lo], &text[hi..]),
        2 | 3 => {
            let fragments = [
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "\\",
                "\\u",
                "0",
                "-",
                "e",
                ".",
                "null",
                "tru",
                "1e5",
                " ",
                "\"a\":1",
                "\"id\":",
                "\\ud800",
                "\u{0}",
                "{}",
                "[[",
                "\"history\":[]",
                "\"version\":2",
            ];
            format!("{}{}{}", &text[..lo], rng.pick(&fragments), &text[lo..])
        }
        _ => format!("{}{}{}", &text[..hi], &text[lo..hi], &text[hi..]),
    }
}

/// Compares our reader with the oracle on `text`; returns whether it is acceptable JSON.
fn check(text: &str, case: usize) -> bool {
    let ours = std::panic::catch_unwind(|| json::parse(text))
        .unwrap_or_else(|_| panic!("case {case}: the reader panicked on {text:?}"));
    let expected = oracle(text);
    match (&ours, &expected) {
        (Ok(value), Some(oracle_value)) => {
            assert!(&from_ours(value) == oracle_value, "case {case}: different values for {text:?}")
        }
        (Err(_), None) => {}
        (Ok(_), None) => panic!("case {case}: we accept what the oracle rejects: {text:?}"),
        (Err(error), Some(_)) => panic!("case {case}: we reject ({error:?}) what the oracle accepts: {text:?}"),
    }
    if std::panic::catch_unwind(|| (store::decode_main(text), store::decode_results(text))).is_err() {
        panic!("case {case}: the store decoder panicked on {text:?}");
    }
    expected.is_some()
}

#[test]
fn the_reader_agrees_with_serde_json_on_generated_and_mutated_texts() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let (mut accepted, mut rejected) = (0, 0);
    for case in 0..CASES {
        let max_depth = if rng.chance(3) { MAX_DEPTH - 2 + rng.below(6) } else { 4 };
        let mut writer = Writer { rng: &mut rng, out: String::new(), max_depth };
        if max_depth > 4 {
            // Deep nesting around the limit: a chain of arrays with a value inside.
            let levels = max_depth;
            writer.out.push_str(&"[".repeat(levels));
            writer.value(levels);
            writer.out.push_str(&"]".repeat(levels));
        } else {
            writer.value(0);
        }
        let mut text = writer.out;
        for _ in 0..rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        if check(&text, case) {
            accepted += 1;
        } else {
            rejected += 1;
        }
    }
    // Both kinds must be well represented, or the comparison proves little.
    assert!(accepted > CASES / 5 && rejected > CASES / 5, "accepted {accepted}, rejected {rejected}");
}

/// A stored document with a draft and two results, as the widget writes it
/// (a dozen answers each, to keep the documents short and the test quick).
fn stored_document() -> String {
    let q = Questionnaire::builtin();
    let mut responses = Responses::default();
    for (i, statement) in q.principles.iter().flat_map(|p| &p.statements).enumerate().step_by(3) {
        let answer = Rating::from_value((i % 5) as u8 + 1).map_or(Answer::NotSure, Answer::Rated);
        responses.set_answer(&statement.id, if i % 7 == 0 { Answer::NotSure } else { answer });
    }
    responses.set_note(&q.principles[0].id, "Ask about \"budget\" <b>now</b>");
    let history: Vec<SavedResult> =
        (1..3).map(|id| SavedResult::finish(&q, responses.clone(), "Acme", id, id * 1000)).collect();
    let draft = Draft { responses, step: 3, label: "Partner".into() };
    // Both documents in one: the format 1 shape, which the main decoder still reads.
    let results = store::encode_results(&history);
    let main = store::encode_main(Some(&draft));
    format!(
        "{{\"version\":1,{},{}",
        &main[main.find("\"draft\"").unwrap()..main.len() - 1],
        &results[results.find("\"history\"").unwrap()..]
    )
}

#[test]
fn mutated_stored_documents_never_panic_the_decoder() {
    let original = stored_document();
    assert!(matches!(store::decode_main(&original), Ok(store::MainDocument::Legacy(_))), "{original}");
    let mut rng = Rng(0xdead_beef_0bad_cafe);
    let mut still_readable = 0;
    for case in 0..STORED_CASES {
        let mut text = original.clone();
        for _ in 0..1 + rng.below(3) {
            text = mutate(&mut rng, &text);
        }
        check(&text, case);
        if store::decode_main(&text).is_ok() {
            still_readable += 1;
        }
    }
    assert!(still_readable > 0, "some mutations keep the document readable");
}
