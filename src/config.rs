//! What a host page configures for one widget, read from the mount element's
//! data attributes (in iframe mode, `embed.js` copies URL parameters of the same
//! names onto them). Pure: `parse` takes a lookup, so every rule is tested
//! natively. An invalid value never breaks the widget: it falls back to the
//! default, and the host gets one console warning naming the attribute.
//!
//! `data-theme` is applied by the widget's styles (checked here); `data-accent`
//! by the boot script's `pr-accent.js`, which has the browser's colour parser at
//! hand and warns about it itself; see EMBEDDING.md.

use std::fmt;

use crate::model::responses::truncate_chars;

/// The default `localStorage` key.
pub const DEFAULT_STORAGE_KEY: &str = "partnership-readiness";
/// Longest heading and label prompt kept (longer ones are cut, with a warning).
pub const HEADING_MAX_CHARS: usize = 120;
pub const LABEL_PROMPT_MAX_CHARS: usize = 80;

/// The interface language asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageChoice {
    English,
    German,
    /// The first of the browser's languages the widget speaks, else English.
    Auto,
}

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

impl Language {
    /// The language compiled into this build (its texts and questionnaire):
    /// English, or German in the German core build (`build.rs`).
    pub const BUILT_IN: Language = include!(concat!(env!("OUT_DIR"), "/built_in_language.rs"));

    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }
}

impl LanguageChoice {
    /// The language to show, given the browser's preferred languages (BCP 47 tags, most preferred first).
    pub fn resolve(self, browser: &[String]) -> Language {
        match self {
            LanguageChoice::English => Language::English,
            LanguageChoice::German => Language::German,
            LanguageChoice::Auto => browser
                .iter()
                .find_map(|tag| match tag.split(['-', '_']).next().map(str::to_ascii_lowercase).as_deref() {
                    Some("de") => Some(Language::German),
                    Some("en") => Some(Language::English),
                    _ => None,
                })
                .unwrap_or(Language::English),
        }
    }
}

/// Which optional parts of the widget show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// The saved-results list on the start screen.
    pub history: bool,
    /// Share, export, import and backup.
    pub share: bool,
    pub compare: bool,
    pub agenda: bool,
}

impl Default for Features {
    fn default() -> Self {
        Self { history: true, share: true, compare: true, agenda: true }
    }
}

/// One widget's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub storage_key: String,
    pub language: LanguageChoice,
    /// Replaces the start screen's heading (the host's organisation or check name).
    pub heading: Option<String>,
    /// Replaces the label of the result-label field ("Partner name", say).
    pub label_prompt: Option<String>,
    pub features: Features,
    /// A host's own questionnaire file (same origin; checked when fetched).
    pub questionnaire: Option<String>,
    /// Whether the `completed` event carries the whole result document (every
    /// answer and note), which the host asked for; else only the summary.
    pub completed_document: bool,
    /// The page share links open on (`data-share-page`), when not this one:
    /// the host's page around an iframe, say. Read by the full build, which
    /// alone makes links (`mount/edition_full.rs`), and checked when a link is
    /// made (`js/share.js`: an http or https address).
    pub share_page: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            storage_key: DEFAULT_STORAGE_KEY.to_owned(),
            language: LanguageChoice::Auto,
            heading: None,
            label_prompt: None,
            features: Features::default(),
            questionnaire: None,
            completed_document: false,
            share_page: None,
        }
    }
}

impl Config {
    /// Whether the widget needs more than is compiled in: another language than
    /// the built-in one, or the host's own questionnaire. Only the full build fetches those
    /// (and, for an English widget on its host's questionnaire, the build made for that:
    /// `mount/edition_own.rs` has its own rule).
    pub fn needs_content(&self, language: Language) -> bool {
        language != Language::BUILT_IN || self.questionnaire.is_some()
    }

    /// Whether only the full build can run this widget: it needs content
    /// fetched, or the host wants whole result documents with `completed`
    /// (written by the full build's export code, which the first load leaves out).
    pub fn needs_full_build(&self, language: Language) -> bool {
        self.needs_content(language) || self.completed_document
    }
}

/// An attribute value the widget cannot use, and what it does instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub attribute: &'static str,
    pub value: String,
    /// What would have been valid, and the fallback taken.
    pub instead: &'static str,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "partnership readiness: {}=\"{}\" {}", self.attribute, self.value, self.instead)
    }
}

/// Whether `key` can be a widget's own storage key. Storage derives the keys
/// `<key>:results`, `<key>:teams`, `<key>:set-aside`, `<key>:backup:<time>` and
/// `<key>:results:backup:<time>` from it; a configured key of one of those forms
/// would read, move aside or overwrite another widget's data, so no configured
/// key may take them. (Nor a line break: the set-aside list is one key a line.)
pub fn own_key(key: &str) -> bool {
    !crate::codec::store::is_backup_key(key)
        && !key.ends_with(":results")
        && !key.ends_with(":teams")
        && !key.ends_with(":set-aside")
        && !key.bytes().any(|b| b == b'\n')
}

/// The configuration given by `attribute` (the value of a data attribute, if set).
pub fn parse(attribute: impl Fn(&'static str) -> Option<String>) -> (Config, Vec<ConfigWarning>) {
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let mut warn = |attribute: &'static str, value: &str, instead: &'static str| {
        warnings.push(ConfigWarning { attribute, value: value.to_owned(), instead })
    };

    if let Some(value) = attribute("data-storage-key") {
        match value.trim() {
            "" => warn("data-storage-key", &value, "is empty; using the default key"),
            key if !own_key(key) => warn(
                "data-storage-key",
                &value,
                "names another widget's data (it ends in :results, :teams or :set-aside, or holds :backup:); using the default key",
            ),
            key => config.storage_key = key.to_owned(),
        }
    }
    if let Some(value) = attribute("data-theme") {
        // Applied by the widget's styles; anything else reads as auto.
        if !matches!(value.trim().to_ascii_lowercase().as_str(), "auto" | "light" | "dark") {
            warn("data-theme", &value, "is not one of auto, light, dark; using auto");
        }
    }
    if let Some(value) = attribute("data-lang") {
        config.language = match value.trim().to_ascii_lowercase().as_str() {
            "en" => LanguageChoice::English,
            "de" => LanguageChoice::German,
            "auto" => LanguageChoice::Auto,
            _ => {
                warn("data-lang", &value, "is not one of en, de, auto; using auto");
                LanguageChoice::Auto
            }
        };
    }
    let mut text = |name: &'static str, max: usize| -> Option<String> {
        let value = attribute(name)?;
        let trimmed = value.trim();
        if trimmed.is_empty() {
            warn(name, &value, "is empty; using the default text");
            return None;
        }
        if trimmed.chars().count() > max {
            warn(name, &value, "is too long; it is shortened");
        }
        Some(truncate_chars(trimmed, max).to_owned())
    };
    config.heading = text("data-heading", HEADING_MAX_CHARS);
    config.label_prompt = text("data-label-prompt", LABEL_PROMPT_MAX_CHARS);
    if let Some(value) = attribute("data-features") {
        let mut features = Features { history: false, share: false, compare: false, agenda: false };
        let mut unknown = false;
        for word in value.split([',', ' ']).map(str::trim).filter(|w| !w.is_empty()) {
            match word.to_ascii_lowercase().as_str() {
                "history" => features.history = true,
                "share" => features.share = true,
                "compare" => features.compare = true,
                "agenda" => features.agenda = true,
                _ => unknown = true,
            }
        }
        if unknown {
            warn(
                "data-features",
                &value,
                "names a feature other than history, share, compare, agenda; those are ignored",
            );
        }
        config.features = features;
    }
    if let Some(value) = attribute("data-event-detail") {
        match value.trim().to_ascii_lowercase().as_str() {
            "summary" => {}
            "document" => config.completed_document = true,
            _ => warn("data-event-detail", &value, "is not one of summary, document; using summary"),
        }
    }
    if let Some(value) = attribute("data-questionnaire") {
        match value.trim() {
            "" => warn("data-questionnaire", &value, "is empty; using the built-in questionnaire"),
            url => config.questionnaire = Some(url.to_owned()),
        }
    }
    (config, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(attributes: &[(&str, &str)]) -> (Config, Vec<String>) {
        let (config, warnings) =
            parse(|name| attributes.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()));
        (config, warnings.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn only_english_on_the_built_in_questionnaire_needs_no_content() {
        let own = Config { questionnaire: Some("/q.json".into()), ..Config::default() };
        assert!(!Config::default().needs_content(Language::English));
        assert!(Config::default().needs_content(Language::German));
        assert!(own.needs_content(Language::English));
    }

    #[test]
    fn no_attributes_mean_the_defaults() {
        assert_eq!(parsed(&[]), (Config::default(), vec![]));
    }

    #[test]
    fn valid_attributes_are_taken() {
        let (config, warnings) = parsed(&[
            ("data-storage-key", " acme-check "),
            ("data-lang", "DE"),
            ("data-heading", "  How ready is Acme for this partnership? "),
            ("data-label-prompt", "Partner name"),
            ("data-features", "history, compare"),
            ("data-questionnaire", "/checks/supplier.json"),
            ("data-event-detail", "Document"),
        ]);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(
            config,
            Config {
                storage_key: "acme-check".into(),
                language: LanguageChoice::German,
                heading: Some("How ready is Acme for this partnership?".into()),
                label_prompt: Some("Partner name".into()),
                features: Features { history: true, share: false, compare: true, agenda: false },
                questionnaire: Some("/checks/supplier.json".into()),
                completed_document: true,
                share_page: None,
            }
        );
    }

    #[test]
    fn an_invalid_value_falls_back_with_one_warning_naming_the_attribute() {
        let cases: [(&str, &str, &str); 8] = [
            ("data-event-detail", "all", "partnership readiness: data-event-detail=\"all\" is not one of summary, document; using summary"),
            ("data-lang", "fr", "partnership readiness: data-lang=\"fr\" is not one of en, de, auto; using auto"),
            ("data-theme", "blue", "partnership readiness: data-theme=\"blue\" is not one of auto, light, dark; using auto"),
            ("data-storage-key", "  ", "partnership readiness: data-storage-key=\"  \" is empty; using the default key"),
            ("data-heading", "", "partnership readiness: data-heading=\"\" is empty; using the default text"),
            ("data-label-prompt", " ", "partnership readiness: data-label-prompt=\" \" is empty; using the default text"),
            ("data-features", "history chat", "partnership readiness: data-features=\"history chat\" names a feature other than history, share, compare, agenda; those are ignored"),
            ("data-questionnaire", "", "partnership readiness: data-questionnaire=\"\" is empty; using the built-in questionnaire"),
        ];
        for (attribute, value, warning) in cases {
            let (config, warnings) = parsed(&[(attribute, value)]);
            assert_eq!(warnings, [warning]);
            let expected = if attribute == "data-features" {
                Config {
                    features: Features { history: true, share: false, compare: false, agenda: false },
                    ..Config::default()
                }
            } else {
                Config::default()
            };
            assert_eq!(config, expected, "{attribute}");
        }
        let (config, warnings) = parsed(&[("data-heading", &"x".repeat(200))]);
        assert_eq!(config.heading.map(|h| h.chars().count()), Some(HEADING_MAX_CHARS));
        assert_eq!(warnings.len(), 1);
        let (config, _) = parsed(&[("data-features", "")]);
        assert_eq!(
            config.features,
            Features { history: false, share: false, compare: false, agenda: false },
            "an empty list shows none"
        );
    }

    /// The cases the boot script's copy of this rule (js/language-rule.js) is
    /// held to as well (tests/e2e/language-rule.test.mjs).
    #[test]
    fn the_boot_script_s_cases_hold_here() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/language-rule.json")).unwrap();
        for case in fixture["cases"].as_array().unwrap() {
            let attribute = |name: &str| case[name].as_str().map(str::to_owned);
            let (config, _) = parse(|name| match name {
                "data-lang" => attribute("lang"),
                "data-questionnaire" => attribute("questionnaire"),
                "data-event-detail" => attribute("eventDetail"),
                _ => None,
            });
            let browser: Vec<String> =
                case["browser"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()).collect();
            let language = config.language.resolve(&browser);
            assert_eq!(language.code(), case["shows"], "{case}");
            assert_eq!(config.needs_full_build(language), case["full"], "{case}");
        }
    }

    #[test]
    fn a_key_cannot_reach_another_widget_s_data() {
        for other in [
            "partnership-readiness:results",
            "acme:results",
            "acme:teams",
            "acme:backup:1764000000000",
            "a:results:backup:1",
        ] {
            let (config, warnings) = parsed(&[("data-storage-key", other)]);
            assert_eq!(config.storage_key, DEFAULT_STORAGE_KEY, "{other}");
            assert_eq!(warnings.len(), 1, "{other}");
            assert!(warnings[0].contains("another widget's data"), "{}", warnings[0]);
        }
        for own in ["acme", "acme:partner-check", "results", "acme-results", "my:results-2026", "teams", "acme:teams-2"]
        {
            assert_eq!(parsed(&[("data-storage-key", own)]).0.storage_key, own);
        }
        // Every key storage derives from an accepted key is refused as a configured one.
        let derived = |key: &str| {
            [
                format!("{key}:results"),
                crate::codec::team::teams_key(key),
                format!("{key}:backup:1"),
                format!("{key}:results:backup:1"),
            ]
        };
        for own in ["acme", "partnership-readiness"] {
            assert!(own_key(own) && derived(own).iter().all(|d| !own_key(d)));
        }
    }

    #[test]
    fn auto_follows_the_browser_languages() {
        let tags = |tags: &[&str]| tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>();
        assert_eq!(LanguageChoice::Auto.resolve(&tags(&["de-AT", "en"])), Language::German);
        assert_eq!(LanguageChoice::Auto.resolve(&tags(&["fr-FR", "en-GB", "de"])), Language::English);
        assert_eq!(LanguageChoice::Auto.resolve(&tags(&["fr", "DE_ch"])), Language::German);
        assert_eq!(LanguageChoice::Auto.resolve(&tags(&["fr"])), Language::English);
        assert_eq!(LanguageChoice::Auto.resolve(&[]), Language::English);
        assert_eq!(LanguageChoice::English.resolve(&tags(&["de"])), Language::English);
        assert_eq!(LanguageChoice::German.resolve(&[]), Language::German);
    }
}
