//! A small JSON reader and writer for the widget's own documents.
//!
//! Why not serde_json at run time: in the release build it cost 24 KiB of the
//! 100 KiB gzip first-load budget (measured by stubbing the store codec out), more
//! than every screen of the interface together. Our documents need objects, arrays,
//! strings, booleans, null and whole numbers; this module reads any valid JSON
//! (other numbers are kept as their text, never converted to floats), rejects
//! invalid JSON with the position of the problem, and limits nesting so hostile
//! input cannot exhaust the stack. Tests check it against serde_json.

use std::fmt;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A non-negative whole number that fits in 64 bits.
    Int(u64),
    /// Any other valid JSON number, as written (negative, fractional, huge).
    OtherNumber(String),
    Str(String),
    Array(Vec<Json>),
    /// Members in document order; a repeated key keeps every occurrence.
    Object(Vec<(String, Json)>),
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
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseErrorKind::UnexpectedEnd => "it ends too early",
            ParseErrorKind::UnexpectedCharacter => "unexpected character",
            ParseErrorKind::InvalidEscape => "invalid escape in a string",
            ParseErrorKind::ControlCharacterInString => "control character in a string",
            ParseErrorKind::TooDeep => "nested too deeply",
            ParseErrorKind::TrailingCharacters => "unexpected text after the end",
        };
        write!(f, "{what} at position {}", self.offset)
    }
}

impl Json {
    /// The member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
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

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
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

fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses a complete JSON text.
pub fn parse(text: &str) -> Result<Json, ParseError> {
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

impl Parser<'_> {
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
    fn slice(&self, start: usize) -> &str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

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

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        if self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(ParseErrorKind::UnexpectedCharacter))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
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
                let mut members = Vec::new();
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
    fn number(&mut self) -> Result<Json, ParseError> {
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
            _ => Json::OtherNumber(raw.to_owned()),
        })
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.expect(b'"')?;
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error(ParseErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    out.push_str(self.slice(run_start));
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
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
                // Multi-byte UTF-8 sequences never contain '"', '\\' or bytes < 0x20,
                // so stepping bytewise keeps `run_start..pos` on character boundaries.
                Some(_) => self.pos += 1,
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
    fn from_serde(value: &serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => n.as_u64().map_or_else(|| Json::OtherNumber(n.to_string()), Json::Int),
            serde_json::Value::String(s) => Json::Str(s.clone()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(members) => {
                Json::Object(members.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
            }
        }
    }

    /// Objects with their members sorted by key, as serde_json's `Value` keeps them.
    fn sorted(value: &Json) -> Json {
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
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
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
                Json::OtherNumber(raw) => raw.as_str(),
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
    fn lookups_and_accessors() {
        let value = parse(r#"{"n":7,"s":"x","n2":8,"n":9}"#).unwrap();
        assert_eq!(value.get("n").and_then(Json::as_u64), Some(7));
        assert_eq!(value.get("s").and_then(Json::as_str), Some("x"));
        assert_eq!(value.get("missing"), None);
        assert_eq!(Json::Int(1).get("n"), None);
    }
}
