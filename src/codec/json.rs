//! A small JSON reader and writer for the widget's own documents.
//!
//! Why not serde_json at run time: in the release build it cost 24 KiB of the
//! 100 KiB gzip first-load budget (measured by stubbing the store codec out), more
//! than every screen of the interface together. Our documents need objects, arrays,
//! strings, booleans, null and whole numbers; this module reads any valid JSON
//! (other numbers are kept as their text, never converted to floats), rejects
//! invalid JSON with the position of the problem, and limits nesting so hostile
//! input cannot exhaust the stack. Unlike `JSON.parse` (last wins) it rejects an
//! object that repeats a key: which of two values a document "means" is exactly
//! what a tampered file would exploit. Time is `O(n log n)` in the input (see
//! `model::unique` for the one exception). Tests check it against serde_json, including a differential fuzzer.

use std::borrow::Cow;

use crate::model::unique::{later_duplicates, text_hash};

/// A JSON value. Texts borrow from the document they were read from where
/// they can (no escapes), and from the model when a document is written, so
/// neither reading nor writing copies every string.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    /// A non-negative whole number that fits in 64 bits.
    Int(u64),
    /// Any other valid JSON number, as written (negative, fractional, huge).
    OtherNumber(Cow<'a, str>),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    /// Members in document order; keys are unique.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// How deeply arrays and objects may nest.
pub const MAX_DEPTH: usize = 64;

/// Why a text is not acceptable JSON, and where (byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseErrorKind {
    UnexpectedEnd,
    UnexpectedCharacter,
    InvalidEscape,
    ControlCharacterInString,
    TooDeep,
    TrailingCharacters,
    /// An object names the same key twice; `offset` is the object's start.
    DuplicateKey,
}

impl<'a> Json<'a> {
    /// A text member borrowed from the model (writing documents).
    pub fn str(text: &'a str) -> Self {
        Json::Str(Cow::Borrowed(text))
    }

    /// An object from `(key, value)` pairs with fixed keys (writing documents).
    pub fn object<const N: usize>(members: [(&'static str, Json<'a>); N]) -> Self {
        Json::Object(members.into_iter().map(|(key, value)| (Cow::Borrowed(key), value)).collect())
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Compact JSON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Appends the compact JSON text to `out`.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => write_int(*n, out),
            Json::OtherNumber(raw) => out.push_str(raw),
            Json::Str(s) => write_string(s, out),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes a number's digits without allocating (documents hold tens of
/// thousands of them).
fn write_int(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Digits are ASCII, so this always succeeds.
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

/// Writes `s` as a JSON string: runs of characters that need no escape are
/// copied whole.
fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20) {
        i += offset;
        let byte = bytes[i];
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            _ => "",
        };
        // Escaped bytes are ASCII, so `run_start..i` lies on character boundaries.
        out.push_str(s.get(run_start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        i += 1;
        run_start = i;
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
    out.push('"');
}

/// Parses a complete JSON text.
pub fn parse(text: &str) -> Result<Json<'_>, ParseError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0 };
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error(ParseErrorKind::TrailingCharacters));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, kind: ParseErrorKind) -> ParseError {
        let kind = if self.pos >= self.bytes.len() && kind == ParseErrorKind::UnexpectedCharacter {
            ParseErrorKind::UnexpectedEnd
        } else {
            kind
        };
        ParseError { offset: self.pos, kind }
    }

    /// The text from `start` to the current position. Positions only ever stop
    /// on ASCII bytes, so this is on character boundaries; `get` keeps the
    /// slicing-panic machinery out of the binary all the same.
    fn slice(&self, start: usize) -> &'a str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    // Inlined by hand: at `opt-level = "z"` the compiler keeps these tiny helpers
    // as calls, and they run for every byte of a multi-megabyte document.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(ParseErrorKind::UnexpectedCharacter))
        }
    }

    fn literal(&mut self, word: &str, value: Json<'a>) -> Result<Json<'a>, ParseError> {
        if self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(ParseErrorKind::UnexpectedCharacter))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error(ParseErrorKind::UnexpectedEnd)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[' | b'{') if depth >= MAX_DEPTH => Err(self.error(ParseErrorKind::TooDeep)),
            Some(b'[') => {
                let mut items = Vec::new();
                self.sequence(b']', |p| {
                    items.push(p.value(depth + 1)?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'{') => {
                let start = self.pos;
                let mut members: Vec<(Cow<'a, str>, Json<'a>)> = Vec::new();
                self.sequence(b'}', |p| {
                    p.skip_whitespace();
                    if p.peek() != Some(b'"') {
                        return Err(p.error(ParseErrorKind::UnexpectedCharacter));
                    }
                    let key = p.string()?;
                    p.skip_whitespace();
                    p.expect(b':')?;
                    members.push((key, p.value(depth + 1)?));
                    Ok(())
                })?;
                // Keys in strictly ascending order (as this widget writes its maps)
                // cannot repeat: one pass proves it; anything else gets the full check.
                let ascending = members.windows(2).all(|pair| pair[0].0 < pair[1].0);
                if !ascending && !later_duplicates(&members, |(key, _)| text_hash(key), |a, b| a.0 == b.0).is_empty() {
                    return Err(ParseError { offset: start, kind: ParseErrorKind::DuplicateKey });
                }
                Ok(Json::Object(members))
            }
            Some(_) => Err(self.error(ParseErrorKind::UnexpectedCharacter)),
        }
    }

    /// From an opening bracket: `close`, or `item (, item)* close`.
    fn sequence(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), ParseError>,
    ) -> Result<(), ParseError> {
        self.pos += 1;
        self.skip_whitespace();
        if self.peek() == Some(close) {
            self.pos += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(byte) if byte == close => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.error(ParseErrorKind::UnexpectedCharacter)),
            }
        }
    }

    /// A number by the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error(ParseErrorKind::UnexpectedCharacter));
        }
        let integer_end = self.pos;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error(ParseErrorKind::UnexpectedCharacter));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error(ParseErrorKind::UnexpectedCharacter));
            }
        }
        let raw = self.slice(start);
        let plain_integer = integer_end == self.pos && !raw.starts_with('-');
        Ok(match raw.parse::<u64>() {
            Ok(n) if plain_integer => Json::Int(n),
            _ => Json::OtherNumber(Cow::Borrowed(raw)),
        })
    }

    /// A string: borrowed from the text when it has no escapes (most do not).
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.expect(b'"')?;
        let mut out = String::new();
        let mut escaped = false;
        let mut run_start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error(ParseErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    let run = self.slice(run_start);
                    self.pos += 1;
                    if !escaped {
                        return Ok(Cow::Borrowed(run));
                    }
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    escaped = true;
                    out.push_str(self.slice(run_start));
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            run_start = self.pos;
                            continue;
                        }
                        None => return Err(self.error(ParseErrorKind::UnexpectedEnd)),
                        Some(_) => return Err(self.error(ParseErrorKind::InvalidEscape)),
                    };
                    out.push(escaped);
                    self.pos += 1;
                    run_start = self.pos;
                }
                Some(byte) if byte < 0x20 => return Err(self.error(ParseErrorKind::ControlCharacterInString)),
                // Skip to the next byte that ends the run. Multi-byte UTF-8
                // sequences never contain '"', '\\' or bytes < 0x20, so
                // `run_start..pos` stays on character boundaries.
                Some(_) => {
                    let rest = self.bytes.get(self.pos..).unwrap_or_default();
                    self.pos += rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining
    /// surrogate pairs written as two escapes.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&first) {
            if !self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(b"\\u")) {
                return Err(self.error(ParseErrorKind::InvalidEscape));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xdc00..0xe000).contains(&second) {
                return Err(self.error(ParseErrorKind::InvalidEscape));
            }
            0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error(ParseErrorKind::InvalidEscape))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                None => return Err(self.error(ParseErrorKind::UnexpectedEnd)),
                Some(_) => return Err(self.error(ParseErrorKind::InvalidEscape)),
            };
            value = value * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Converts serde_json's value into ours, so serde_json can serve as the oracle.
    fn from_serde(value: &serde_json::Value) -> Json<'static> {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => {
                n.as_u64().map_or_else(|| Json::OtherNumber(n.to_string().into()), Json::Int)
            }
            serde_json::Value::String(s) => Json::Str(s.clone().into()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(members) => {
                Json::Object(members.iter().map(|(k, v)| (k.clone().into(), from_serde(v))).collect())
            }
        }
    }

    /// Objects with their members sorted by key, as serde_json's `Value` keeps them.
    fn sorted<'a>(value: &Json<'a>) -> Json<'a> {
        match value {
            Json::Array(items) => Json::Array(items.iter().map(sorted).collect()),
            Json::Object(members) => {
                let mut members: Vec<_> = members.iter().map(|(k, v)| (k.clone(), sorted(v))).collect();
                members.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(members)
            }
            other => other.clone(),
        }
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        let documents = [
            r#"{"version":1,"draft":null,"history":[]}"#,
            r#" { "a" : [ 1 , 2 , { "b" : true , "c" : false } ] , "d" : "x\"y\\z\/\n\t\r\b\f" } "#,
            r#"["\u00e4\u0041\ud83d\ude00", "ünïcödé ✓", "", 0, 18446744073709551615]"#,
            r#"[[[[[[[[[[]]]]]]]]]]"#,
            r#"{"nested":{"deeper":{"deepest":[null]}}}"#,
        ];
        for text in documents {
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(sorted(&ours), from_serde(&theirs), "{text}");
            // Writing and reading again gives the same value, and valid JSON.
            let written = ours.to_text();
            assert_eq!(parse(&written).unwrap(), ours, "{written}");
            assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), theirs, "{written}");
        }
    }

    #[test]
    fn keeps_non_integer_numbers_as_text() {
        let value = parse("[-1, 2.5, 1e3, 0.0, 18446744073709551616]").unwrap();
        let Json::Array(items) = value else { panic!("array") };
        let raws: Vec<_> = items
            .iter()
            .map(|i| match i {
                Json::OtherNumber(raw) => raw.as_ref(),
                _ => "int",
            })
            .collect();
        assert_eq!(raws, ["-1", "2.5", "1e3", "0.0", "18446744073709551616"]);
    }

    #[test]
    fn escapes_what_json_requires_when_writing() {
        let text = Json::Str("quote\" backslash\\ newline\n bell\u{7} ä".into()).to_text();
        assert_eq!(text, r#""quote\" backslash\\ newline\n bell\u0007 ä""#);
    }

    #[test]
    fn rejects_invalid_json_with_a_position() {
        let cases = [
            ("", ParseErrorKind::UnexpectedEnd, 0),
            ("{", ParseErrorKind::UnexpectedEnd, 1),
            ("{\"a\":1,}", ParseErrorKind::UnexpectedCharacter, 7),
            ("[1 2]", ParseErrorKind::UnexpectedCharacter, 3),
            ("nul", ParseErrorKind::UnexpectedCharacter, 0),
            ("\"abc", ParseErrorKind::UnexpectedEnd, 4),
            ("\"a\\x\"", ParseErrorKind::InvalidEscape, 3),
            ("\"\\ud800\"", ParseErrorKind::InvalidEscape, 7),
            ("\"tab\there\"", ParseErrorKind::ControlCharacterInString, 4),
            ("01", ParseErrorKind::TrailingCharacters, 1),
            ("1.", ParseErrorKind::UnexpectedEnd, 2),
            ("-", ParseErrorKind::UnexpectedEnd, 1),
            ("{} x", ParseErrorKind::TrailingCharacters, 3),
            ("{'a':1}", ParseErrorKind::UnexpectedCharacter, 1),
        ];
        for (text, kind, offset) in cases {
            assert_eq!(parse(text), Err(ParseError { offset, kind }), "{text:?}");
            assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "serde_json accepts {text:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep).map_err(|e| e.kind), Err(ParseErrorKind::TooDeep));
        let hostile = "[".repeat(100_000);
        assert_eq!(parse(&hostile).map_err(|e| e.kind), Err(ParseErrorKind::TooDeep));
    }

    #[test]
    fn repeated_keys_are_rejected_at_any_depth_and_size() {
        for (text, offset) in
            [(r#"{"n":7,"s":"x","n":9}"#, 0), (r#"[1, {"a":{"b":1,"b":1}}]"#, 9), (r#"{"a":{},"a":[]}"#, 0)]
        {
            assert_eq!(parse(text), Err(ParseError { offset, kind: ParseErrorKind::DuplicateKey }), "{text}");
        }
        let many: Vec<String> = (0..5000).map(|i| format!("\"k{i}\":{i}")).collect();
        let unique = format!("{{{}}}", many.join(","));
        assert!(parse(&unique).is_ok());
        let repeated = format!("{{{},\"k17\":0}}", many.join(","));
        assert_eq!(parse(&repeated).map_err(|e| e.kind), Err(ParseErrorKind::DuplicateKey));
        // The same key spelt with an escape is the same key.
        assert_eq!(parse(r#"{"a":1,"\u0061":2}"#).map_err(|e| e.kind), Err(ParseErrorKind::DuplicateKey));
    }

    #[test]
    fn lookups_and_accessors() {
        let value = parse(r#"{"n":7,"s":"x","n2":8}"#).unwrap();
        assert_eq!(value.get("n").and_then(Json::as_u64), Some(7));
        assert_eq!(value.get("s").and_then(Json::as_str), Some("x"));
        assert_eq!(value.get("missing"), None);
        assert_eq!(Json::Int(1).get("n"), None);
    }
}
