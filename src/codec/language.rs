//! An interface language other than English, read at run time from its file
//! (`i18n/<language>.json`, fetched only when chosen; English is compiled in
//! from `i18n/en.json`). The file groups its texts by screen:
//! `{"language": "de", "texts": {"<section>": {"<key>": text or [texts]}}, "full": {…}}`.
//! This codec reads the file's shape and hands each text on; `text::translation`
//! holds them to English's (every key present, same shape, nothing unknown).

use super::json::{parse, Json, ParseError};
use super::reader::{Invalid, Obj, Path, Problem};

/// The largest language file read (English's is about 25 KB).
pub const MAX_LANGUAGE_BYTES: usize = 256 * 1024;

/// Why a language file cannot be used (for the console, worded in `text`; the
/// widget then stays in English).
#[derive(Debug, Clone, PartialEq)]
pub enum LanguageError {
    NotJson(ParseError),
    Invalid(Invalid),
    /// The file is for another language than the one asked for.
    OtherLanguage(String),
    UnknownText(String),
    /// A text where a list is expected, a list of the wrong length, or neither.
    WrongShape(String),
    /// This many texts of English are not in the file.
    Missing(usize),
}

/// Why one text of a file cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyError {
    UnknownKey,
    WrongShape,
}

impl From<Invalid> for LanguageError {
    fn from(invalid: Invalid) -> Self {
        Self::Invalid(invalid)
    }
}

/// One value of a language file. The texts live as long as the page (a
/// language is read once), as the interface texts are `&'static str`.
#[derive(Debug, Clone, PartialEq)]
pub enum TextValue {
    Text(&'static str),
    List(Vec<&'static str>),
}

impl TextValue {
    pub fn text(&self) -> Option<&'static str> {
        match self {
            Self::Text(text) => Some(text),
            Self::List(_) => None,
        }
    }

    /// A list of exactly `N` texts.
    pub fn list<const N: usize>(&self) -> Option<[&'static str; N]> {
        match self {
            Self::List(items) => items.as_slice().try_into().ok(),
            Self::Text(_) => None,
        }
    }
}

/// Reads the file of `language`: hands each text to `take` as `<section>.<key>`
/// (sections are named once across the file's two groups, `texts` and `full`)
/// and returns the file's language code.
pub fn decode(
    text: &str,
    language: &str,
    mut take: impl FnMut(&str, TextValue) -> Result<(), LanguageError>,
) -> Result<&'static str, LanguageError> {
    let json = parse(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(LanguageError::NotJson)?;
    let root = Obj::new(&json, Path::Root, &["language", "texts", "full"])?;
    let found = root.str("language")?;
    if found != language {
        return Err(LanguageError::OtherLanguage(found.to_owned()));
    }
    for group in ["texts", "full"] {
        let sections = root.obj(group, &[])?;
        for (section, section_texts) in sections.members() {
            let members = Obj::new(section_texts, Path::Key(sections.path(), section), &[])?;
            for (name, value) in members.members() {
                let key = format!("{section}.{name}");
                let value = match value {
                    Json::Str(text) => TextValue::Text(kept(text)),
                    Json::Array(items) => TextValue::List(
                        items
                            .iter()
                            .map(|item| item.as_str().map(kept))
                            .collect::<Option<_>>()
                            .ok_or_else(|| LanguageError::WrongShape(key.clone()))?,
                    ),
                    _ => return Err(members.invalid(name, Problem::ExpectedString).into()),
                };
                take(&key, value)?;
            }
        }
    }
    Ok(kept(found))
}

/// A text kept for the page's lifetime.
fn kept(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (&'static str, Vec<(String, TextValue)>);

    fn read(file: &str, language: &str) -> Result<Read, LanguageError> {
        let mut texts = Vec::new();
        let code = decode(file, language, |key, value| {
            texts.push((key.to_owned(), value));
            Ok(())
        })?;
        Ok((code, texts))
    }

    #[test]
    fn a_file_is_read_section_by_section() {
        let file = r#"{"language":"de","texts":{"start":{"title":"Wie bereit?","list":["a","b"]}},"full":{"share":{"title":"Teilen"}}}"#;
        assert_eq!(
            read(file, "de"),
            Ok((
                "de",
                vec![
                    ("start.title".to_owned(), TextValue::Text("Wie bereit?")),
                    ("start.list".to_owned(), TextValue::List(vec!["a", "b"])),
                    ("share.title".to_owned(), TextValue::Text("Teilen")),
                ]
            ))
        );
    }

    #[test]
    fn a_broken_file_says_what_is_wrong() {
        let file = r#"{"language":"de","texts":{},"full":{}}"#;
        assert_eq!(read(file, "fr"), Err(LanguageError::OtherLanguage("de".into())));
        assert!(matches!(read("{", "de"), Err(LanguageError::NotJson(_))));
        let list_of_numbers = r#"{"language":"de","texts":{"common":{"months":[1]}},"full":{}}"#;
        assert_eq!(read(list_of_numbers, "de"), Err(LanguageError::WrongShape("common.months".into())));
        let number = r#"{"language":"de","texts":{"common":{"date":1}},"full":{}}"#;
        assert!(matches!(read(number, "de"), Err(LanguageError::Invalid(_))));
    }
}
