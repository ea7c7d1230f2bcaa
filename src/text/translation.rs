//! Another interface language, from its file as `codec::language` read it:
//! every text of English present, with the same shape, and nothing unknown.

use super::{set_text, UiText, EN, TEXT_COUNT};
use crate::codec::language::{self, KeyError, LanguageError};

/// The interface texts of `language` from its file's `body`. They live as
/// long as the page (a language is read once per page), as `UiText` holds
/// `&'static str`.
pub fn texts_of(body: &str, language: &str) -> Result<&'static UiText, LanguageError> {
    let mut texts = EN.clone();
    // Each key is set at most once (a JSON object repeats no key, and each
    // section is named once), so counting them finds any that are missing.
    let mut set = 0;
    texts.language = language::decode(body, language, |key, value| {
        set_text(&mut texts, key, &value).map_err(|error| match error {
            KeyError::UnknownKey => LanguageError::UnknownText(key.to_owned()),
            KeyError::WrongShape => LanguageError::WrongShape(key.to_owned()),
        })?;
        set += 1;
        Ok(())
    })?;
    if set < TEXT_COUNT {
        return Err(LanguageError::Missing(TEXT_COUNT - set));
    }
    Ok(Box::leak(Box::new(texts)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::template::placeholders;

    /// Every interface language shipped, besides the compiled-in English.
    const LANGUAGES: [(&str, &str); 1] = [("de", include_str!("../../i18n/de.json"))];

    fn read(file: &str, language: &str) -> Result<&'static UiText, LanguageError> {
        texts_of(file, language)
    }

    #[test]
    fn every_language_has_every_text_with_the_same_placeholders() {
        let english: serde_json::Value = serde_json::from_str(include_str!("../../i18n/en.json")).unwrap();
        for (language, file) in LANGUAGES {
            read(file, language).unwrap_or_else(|e| panic!("{language}: {}", EN.full.language_error(&e)));
            let translated: serde_json::Value = serde_json::from_str(file).unwrap();
            for group in ["texts", "full"] {
                let (en, other) = (english[group].as_object().unwrap(), translated[group].as_object().unwrap());
                assert_eq!(en.keys().collect::<Vec<_>>(), other.keys().collect::<Vec<_>>(), "{language}: {group}");
                for (section, en_texts) in en {
                    let (en_texts, other_texts) = (en_texts.as_object().unwrap(), other[section].as_object().unwrap());
                    assert_eq!(
                        en_texts.keys().collect::<Vec<_>>(),
                        other_texts.keys().collect::<Vec<_>>(),
                        "{language}: keys of {group}.{section}"
                    );
                    for (key, en_value) in en_texts {
                        let texts = |value: &serde_json::Value| -> Vec<String> {
                            match value {
                                serde_json::Value::Array(items) => {
                                    items.iter().map(|i| i.as_str().unwrap().to_owned()).collect()
                                }
                                other => vec![other.as_str().unwrap().to_owned()],
                            }
                        };
                        let (en_texts, other_texts) = (texts(en_value), texts(&other_texts[key]));
                        assert_eq!(en_texts.len(), other_texts.len(), "{language}: {section}.{key}");
                        for (e, o) in en_texts.iter().zip(&other_texts) {
                            assert_eq!(placeholders(e), placeholders(o), "{language}: placeholders of {section}.{key}");
                            assert!(!o.trim().is_empty(), "{language}: {section}.{key} is empty");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_broken_language_file_says_what_is_wrong() {
        let german = LANGUAGES[0].1;
        assert_eq!(read(german, "fr"), Err(LanguageError::OtherLanguage("de".into())));
        let misspelt = german.replacen("\"resume\"", "\"resumee\"", 1);
        assert_eq!(read(&misspelt, "de"), Err(LanguageError::UnknownText("start.resumee".into())));
        let long = german.replacen("\"months\": [", "\"months\": [\"Extra\", ", 1);
        assert_eq!(read(&long, "de"), Err(LanguageError::WrongShape("common.months".into())));
        assert!(matches!(read("{", "de"), Err(LanguageError::NotJson(_))));
        let german_json: serde_json::Value = serde_json::from_str(german).unwrap();
        let mut without = german_json.clone();
        without["texts"]["start"].as_object_mut().unwrap().remove("title");
        assert_eq!(read(&without.to_string(), "de"), Err(LanguageError::Missing(1)));
    }
}
