//! An interface language other than English, read at run time from its file
//! (`i18n/<language>.json`, fetched only when chosen; English is compiled in
//! from `i18n/en.json`). Every key of the English file must be present with the
//! same shape; a native test also checks every placeholder.

use std::fmt;

use super::json::{parse, Json, ParseError};
use super::reader::{Invalid, Obj, Path, Problem};
use crate::text::{set_text, TextValue, UiText, EN, KEYS};

/// Why a language file cannot be used (for the console; the widget then stays in English).
#[derive(Debug, Clone, PartialEq)]
pub enum LanguageError {
    NotJson(ParseError),
    Invalid(Invalid),
    /// The file is for another language than the one asked for.
    OtherLanguage(String),
    UnknownText(String),
    /// A text where a list is expected, a list of the wrong length, or neither.
    WrongShape(String),
    Missing(Vec<&'static str>),
}

impl fmt::Display for LanguageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson(error) => write!(f, "not valid JSON ({})", EN.full.parse_error(error)),
            Self::Invalid(invalid) => write!(f, "{}", EN.full.invalid(invalid)),
            Self::OtherLanguage(found) => write!(f, "it is the file of language \"{found}\""),
            Self::UnknownText(key) => write!(f, "unknown text \"{key}\""),
            Self::WrongShape(key) => write!(f, "\"{key}\" does not have the shape of the English text"),
            Self::Missing(keys) => write!(f, "texts missing: {}", keys.join(", ")),
        }
    }
}

impl From<Invalid> for LanguageError {
    fn from(invalid: Invalid) -> Self {
        Self::Invalid(invalid)
    }
}

/// Reads the interface texts of `language` from its file. The texts live as
/// long as the page (a language is loaded once), as `UiText` holds `&'static str`.
pub fn decode(text: &str, language: &str) -> Result<&'static UiText, LanguageError> {
    let json = parse(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(LanguageError::NotJson)?;
    let root = Obj::new(&json, Path::Root, &["language", "texts", "full"])?;
    let found = root.str("language")?;
    if found != language {
        return Err(LanguageError::OtherLanguage(found.to_owned()));
    }
    let mut texts = EN.clone();
    texts.language = kept(found);
    let mut seen = vec![false; KEYS.len()];
    for (section, prefix) in [("texts", ""), ("full", "full.")] {
        let members = root.obj(section, &[])?;
        for (key, value) in members.members() {
            let key = format!("{prefix}{key}");
            let index = KEYS.iter().position(|k| *k == key).ok_or_else(|| LanguageError::UnknownText(key.clone()))?;
            let value = match value {
                Json::Str(text) => TextValue::Text(kept(text)),
                Json::Array(items) => TextValue::List(
                    items
                        .iter()
                        .map(|item| item.as_str().map(kept))
                        .collect::<Option<_>>()
                        .ok_or_else(|| LanguageError::WrongShape(key.clone()))?,
                ),
                _ => return Err(members.invalid(&key, Problem::ExpectedString).into()),
            };
            set_text(&mut texts, &key, &value).ok_or(LanguageError::WrongShape(key))?;
            seen[index] = true;
        }
    }
    let missing: Vec<&'static str> = KEYS.iter().zip(&seen).filter(|(_, seen)| !**seen).map(|(key, _)| *key).collect();
    if !missing.is_empty() {
        return Err(LanguageError::Missing(missing));
    }
    Ok(Box::leak(Box::new(texts)))
}

/// A text kept for the page's lifetime.
fn kept(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every interface language shipped, besides the compiled-in English.
    const LANGUAGES: [(&str, &str); 1] = [("de", include_str!("../../i18n/de.json"))];

    /// The `{placeholders}` of a template, sorted.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_language_has_every_text_with_the_same_placeholders() {
        let english: serde_json::Value = serde_json::from_str(include_str!("../../i18n/en.json")).unwrap();
        for (language, file) in LANGUAGES {
            decode(file, language).unwrap_or_else(|e| panic!("{language}: {e}"));
            let translated: serde_json::Value = serde_json::from_str(file).unwrap();
            for section in ["texts", "full"] {
                let (en, other) = (english[section].as_object().unwrap(), translated[section].as_object().unwrap());
                assert_eq!(
                    en.keys().collect::<Vec<_>>(),
                    other.keys().collect::<Vec<_>>(),
                    "{language}: keys of {section}"
                );
                for (key, en_value) in en {
                    let texts = |value: &serde_json::Value| -> Vec<String> {
                        match value {
                            serde_json::Value::Array(items) => {
                                items.iter().map(|i| i.as_str().unwrap().to_owned()).collect()
                            }
                            other => vec![other.as_str().unwrap().to_owned()],
                        }
                    };
                    let (en_texts, other_texts) = (texts(en_value), texts(&other[key]));
                    assert_eq!(en_texts.len(), other_texts.len(), "{language}: {key}");
                    for (e, o) in en_texts.iter().zip(&other_texts) {
                        assert_eq!(placeholders(e), placeholders(o), "{language}: placeholders of {key}");
                        assert!(!o.trim().is_empty(), "{language}: {key} is empty");
                    }
                }
            }
        }
    }

    #[test]
    fn a_broken_language_file_says_what_is_wrong() {
        let german = LANGUAGES[0].1;
        assert_eq!(decode(german, "fr"), Err(LanguageError::OtherLanguage("de".into())));
        let missing = german.replacen("\"start_title\"", "\"start_titel\"", 1);
        assert_eq!(decode(&missing, "de"), Err(LanguageError::UnknownText("start_titel".into())));
        let short = german.replacen("\"months\": [", "\"months\": [\"Extra\", ", 1);
        assert_eq!(decode(&short, "de"), Err(LanguageError::WrongShape("months".into())));
        assert!(matches!(decode("{", "de"), Err(LanguageError::NotJson(_))));
    }
}
