//! Turns the questionnaire data file into Rust code at build time, so the app
//! carries the content as ready-made values rather than JSON plus a parser for it
//! (which would cost every visitor several KiB of download). The data file stays
//! the single source; `Questionnaire::from_json` still reads it in native tests,
//! which also check that both paths agree.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/model/canonical.rs"]
mod canonical;

fn main() {
    // The core build for German visitors (cargo feature `language-de`) has German
    // compiled in where the others have English: a German first visit then
    // downloads no language files and no code to read them (ARCHITECTURE.md, "Builds").
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_LANGUAGE_DE");
    let german = std::env::var_os("CARGO_FEATURE_LANGUAGE_DE").is_some();
    if german && std::env::var_os("CARGO_FEATURE_FULL").is_some() {
        panic!("the full build is English (it reads other languages at run time): build `language-de` without `full`");
    }
    let language = if german { "de" } else { "en" };
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let source = format!("data/questionnaire.{language}.json");
    let data = read_json(&source);
    let mut code = questionnaire(&data).unwrap_or_else(|field| panic!("{source}: missing or mistyped {field}"));
    let hash = content_hash(&data, &source);
    if german {
        // A translation must mean what English means, so results move between languages.
        let english = "data/questionnaire.en.json";
        let english_hash = content_hash(&read_json(english), english);
        if hash != english_hash {
            panic!(
                "{source} hashes to {hash}, English to {english_hash}: a translation must keep ids, weights and statements"
            );
        }
    }
    writeln!(code, "pub const CONTENT_HASH: &str = {hash:?};").ok();
    let out = Path::new(&out_dir).join("questionnaire_en.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    // English's file gives the texts' shape; the built-in language's, their values.
    let english = read_json("i18n/en.json");
    let source = format!("i18n/{language}.json");
    let translated = german.then(|| read_json(&source));
    let code = interface_texts(&english, translated.as_ref().unwrap_or(&english))
        .unwrap_or_else(|problem| panic!("{source}: {problem}"));
    let out = Path::new(&out_dir).join("ui_text_en.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // `config::Language::BUILT_IN`.
    let variant = if german { "Language::German" } else { "Language::English" };
    let out = Path::new(&out_dir).join("built_in_language.rs");
    std::fs::write(&out, variant).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// A data file, read and parsed (and watched: a change rebuilds).
fn read_json(source: &str) -> serde_json::Value {
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid JSON: {e}"))
}

/// The content hash of a questionnaire data file (`model::canonical`).
fn content_hash(data: &serde_json::Value, source: &str) -> String {
    println!("cargo:rerun-if-changed=src/model/canonical.rs");
    let form = canonical_form(data).unwrap_or_else(|field| panic!("{source}: missing or mistyped {field}"));
    canonical::fnv1a_64_hex(form.as_bytes())
}

/// The sections of a language file, each with its texts.
type Sections<'a> = Vec<(&'a String, &'a serde_json::Map<String, serde_json::Value>)>;

/// The interface texts from i18n/en.json, grouped by screen as the file groups
/// them: one struct per section (`StartText`, `ShareText`, …), `UiText` holding
/// the core build's sections and, in the full build, `FullText` the full build's;
/// the values of the built-in language (`values`: English's file, or German's in
/// the German core build) as `BUILT_IN`; and, for the full build, `TEXT_COUNT` and
/// `set_text`, which fill a `UiText` from another language's file at run time. A
/// key used in the code but missing from English's file is a compile error.
fn interface_texts(data: &serde_json::Value, values: &serde_json::Value) -> Result<String, String> {
    let group = |name: &str| -> Result<Sections, String> {
        let sections = data.get(name).and_then(|v| v.as_object()).ok_or(format!("no \"{name}\" object"))?;
        sections
            .iter()
            .map(|(section, texts)| {
                texts.as_object().map(|texts| (section, texts)).ok_or(format!("{name}.{section}: an object of texts"))
            })
            .collect()
    };
    let (core, full) = (group("texts")?, group("full")?);
    if let Some((section, _)) = full.iter().find(|(section, _)| core.iter().any(|(s, _)| s == section)) {
        return Err(format!("section \"{section}\" is in both \"texts\" and \"full\": name it once"));
    }
    let language = values.get("language").and_then(|v| v.as_str()).ok_or("no \"language\"")?;
    let camel = |section: &str| -> String {
        section
            .split('_')
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
            })
            .collect::<String>()
            + "Text"
    };
    let shape = |key: &str, value: &serde_json::Value| -> Result<(String, String), String> {
        match value {
            serde_json::Value::String(text) => Ok(("&'static str".to_owned(), format!("{text:?}"))),
            serde_json::Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| item.as_str().map(|t| format!("{t:?}")).ok_or(format!("{key}: a list of texts")))
                    .collect::<Result<_, _>>()?;
                Ok((format!("[&'static str; {}]", items.len()), format!("[{}]", items.join(", "))))
            }
            _ => Err(format!("{key}: a text or a list of texts")),
        }
    };
    let doc = |value: &serde_json::Value| -> String {
        let english = match value {
            serde_json::Value::Array(items) => items.iter().filter_map(|i| i.as_str()).collect::<Vec<_>>().join(" | "),
            other => other.as_str().unwrap_or_default().to_owned(),
        };
        let short: String = english.chars().take(110).collect();
        let ellipsis = if short.len() < english.len() { "…" } else { "" };
        format!("    /// {}{ellipsis}\n", short.replace('\n', " "))
    };

    let mut code = String::from("// Generated from i18n/en.json by build.rs: do not edit.\n\n");
    // One struct per section.
    for (cfg, sections) in [("", &core), ("#[cfg(feature = \"full\")]\n", &full)] {
        for (section, texts) in sections.iter() {
            code.push_str(&format!("/// The texts of `{section}` (i18n/<language>.json).\n"));
            code.push_str(cfg);
            code.push_str(&format!("#[derive(Debug, Clone, PartialEq)]\npub struct {} {{\n", camel(section)));
            for (key, value) in texts.iter() {
                code.push_str(&doc(value));
                code.push_str(&format!("    pub {key}: {},\n", shape(key, value)?.0));
            }
            code.push_str("}\n\n");
        }
    }
    code.push_str("/// The interface texts of one language, by screen.\n#[derive(Debug, Clone, PartialEq)]\npub struct UiText {\n");
    code.push_str(
        "    /// The language's code (BCP 47), from the file's `language`.\n    pub language: &'static str,\n",
    );
    for (section, _) in &core {
        code.push_str(&format!("    pub {section}: {},\n", camel(section)));
    }
    code.push_str("    /// The texts of the screens only the full build has.\n");
    code.push_str("    #[cfg(feature = \"full\")]\n    pub full: FullText,\n}\n\n");
    code.push_str("/// The texts of the screens the full build adds, by screen.\n");
    code.push_str("#[cfg(feature = \"full\")]\n#[derive(Debug, Clone, PartialEq)]\npub struct FullText {\n");
    for (section, _) in &full {
        code.push_str(&format!("    pub {section}: {},\n", camel(section)));
    }
    code.push_str("}\n\n");

    // The built-in language's values, in English's shape: the same keys, and
    // lists of the same length (the struct fields are fixed-size arrays).
    code.push_str("/// The built-in language's texts, compiled in (English; German in the German core build).\n");
    code.push_str("pub static BUILT_IN: UiText = UiText {\n");
    writeln!(code, "    language: {language:?},").ok();
    let fill = |code: &mut String, indent: &str, group: &str, sections: &Sections| -> Result<(), String> {
        for (section, texts) in sections {
            code.push_str(&format!("{indent}{section}: {} {{\n", camel(section)));
            for (key, english) in texts.iter() {
                let value =
                    values.pointer(&format!("/{group}/{section}/{key}")).ok_or(format!("no {section}.{key}"))?;
                let (english_type, _) = shape(key, english)?;
                let (value_type, literal) = shape(key, value)?;
                if value_type != english_type {
                    return Err(format!("{section}.{key} is {value_type} where English has {english_type}"));
                }
                code.push_str(&format!("{indent}    {key}: {literal},\n"));
            }
            code.push_str(&format!("{indent}}},\n"));
        }
        Ok(())
    };
    fill(&mut code, "    ", "texts", &core)?;
    code.push_str("    #[cfg(feature = \"full\")]\n    full: FullText {\n");
    fill(&mut code, "        ", "full", &full)?;
    code.push_str("    },\n};\n\n");
    code.push_str("/// English: the full build's built-in language, and its console's.\n");
    code.push_str("#[cfg(feature = \"full\")]\npub use BUILT_IN as EN;\n\n");

    // Reading another language's file (full build).
    let keys: Vec<(String, String, bool)> = core
        .iter()
        .flat_map(|(section, texts)| {
            texts.iter().map(move |(key, v)| (format!("{section}.{key}"), format!("{section}.{key}"), v.is_array()))
        })
        .chain(full.iter().flat_map(|(section, texts)| {
            texts
                .iter()
                .map(move |(key, v)| (format!("{section}.{key}"), format!("full.{section}.{key}"), v.is_array()))
        }))
        .collect();
    code.push_str("/// How many texts a language file has.\n#[cfg(feature = \"full\")]\n");
    writeln!(code, "pub const TEXT_COUNT: usize = {};\n", keys.len()).ok();
    code.push_str("/// Sets the text `key` (`<section>.<key>`, sections named once across both groups) of `text`.\n");
    code.push_str("#[cfg(feature = \"full\")]\n");
    code.push_str(
        "pub fn set_text(\n    text: &mut UiText,\n    key: &str,\n    value: &crate::codec::language::TextValue,\n",
    );
    code.push_str(") -> Result<(), crate::codec::language::KeyError> {\n");
    code.push_str("    use crate::codec::language::KeyError::{UnknownKey, WrongShape};\n    match key {\n");
    for (key, path, is_list) in &keys {
        let getter = if *is_list { "list()" } else { "text()" };
        writeln!(code, "        {key:?} => text.{path} = value.{getter}.ok_or(WrongShape)?,").ok();
    }
    code.push_str("        _ => return Err(UnknownKey),\n    }\n    Ok(())\n}\n");
    Ok(code)
}

/// A string field as a Rust literal.
fn literal(value: &serde_json::Value, field: &str) -> Result<String, String> {
    let text = value.get(field).and_then(|v| v.as_str()).ok_or_else(|| field.to_owned())?;
    Ok(format!("{text:?}"))
}

fn list<'a>(value: &'a serde_json::Value, field: &str) -> Result<&'a Vec<serde_json::Value>, String> {
    value.get(field).and_then(|v| v.as_array()).ok_or_else(|| field.to_owned())
}

/// Static tables of `&str` (not code that builds each `String`): the code that
/// turns them into a `Questionnaire` is one small loop however long the content.
fn questionnaire(data: &serde_json::Value) -> Result<String, String> {
    let mut code = String::new();
    let header: Vec<String> =
        ["id", "version", "locale", "title"].iter().map(|f| literal(data, f)).collect::<Result<_, _>>()?;
    writeln!(code, "pub const HEADER: [&str; 4] = [{}];", header.join(", ")).ok();
    code.push_str("pub const BANDS: &[(&str, u8, u8, &str, &str)] = &[\n");
    for band in list(data, "bands")? {
        let bound =
            |field: &str| band.get(field).and_then(|v| v.as_u64()).filter(|v| *v <= 100).ok_or(format!("band {field}"));
        writeln!(
            code,
            "    ({}, {}, {}, {}, {}),",
            literal(band, "id")?,
            bound("min")?,
            bound("max")?,
            literal(band, "label")?,
            literal(band, "description")?
        )
        .ok();
    }
    code.push_str("];\n");
    code.push_str("/// (id, title, short title, summary, weight, statements as (id, text), recommendations)\n");
    code.push_str("pub type PrincipleRow = (&'static str, &'static str, &'static str, &'static str, f64, &'static [(&'static str, &'static str)], &'static [&'static str]);\n");
    code.push_str("pub const PRINCIPLES: &[PrincipleRow] = &[\n");
    for principle in list(data, "principles")? {
        let weight = principle.get("weight").and_then(|v| v.as_f64()).ok_or("principle weight")?;
        let statements: Vec<String> = list(principle, "statements")?
            .iter()
            .map(|s| Ok(format!("({}, {})", literal(s, "id")?, literal(s, "text")?)))
            .collect::<Result<_, String>>()?;
        let recommendations: Vec<String> = list(principle, "recommendations")?
            .iter()
            .map(|r| r.as_str().map(|t| format!("{t:?}")).ok_or_else(|| "recommendation".to_owned()))
            .collect::<Result<_, String>>()?;
        writeln!(
            code,
            "    ({}, {}, {}, {}, {weight:?}, &[{}], &[{}]),",
            literal(principle, "id")?,
            literal(principle, "title")?,
            literal(principle, "short")?,
            literal(principle, "summary")?,
            statements.join(", "),
            recommendations.join(", ")
        )
        .ok();
    }
    code.push_str("];\n");
    // Discussion questions in a table of their own: only the full build's agenda
    // reads it, so the core build does not carry it.
    code.push_str("/// Per principle, its discussion questions.\n");
    code.push_str("pub const QUESTIONS: &[&[&str]] = &[\n");
    for principle in list(data, "principles")? {
        let questions: Vec<String> = list(principle, "questions")?
            .iter()
            .map(|q| q.as_str().map(|t| format!("{t:?}")).ok_or_else(|| "question".to_owned()))
            .collect::<Result<_, String>>()?;
        writeln!(code, "    &[{}],", questions.join(", ")).ok();
    }
    code.push_str("];\n");
    Ok(code)
}

/// The canonical form of the data file, in the order `Questionnaire::canonical_form`
/// uses (a native test checks that both give the same hash).
fn canonical_form(data: &serde_json::Value) -> Result<String, String> {
    let text = |value: &serde_json::Value, field: &str| -> Result<String, String> {
        value.get(field).and_then(|v| v.as_str()).map(str::to_owned).ok_or_else(|| field.to_owned())
    };
    let mut out = String::new();
    canonical::push_field(&mut out, canonical::SCHEME);
    for field in ["id", "version"] {
        canonical::push_field(&mut out, &text(data, field)?);
    }
    let principles = list(data, "principles")?;
    canonical::push_field(&mut out, &canonical::count_field("principles", principles.len()));
    for principle in principles {
        canonical::push_field(&mut out, &text(principle, "id")?);
        let weight = principle.get("weight").and_then(|v| v.as_f64()).ok_or("principle weight")?;
        canonical::push_field(&mut out, &canonical::weight_field(weight));
        let statements = list(principle, "statements")?;
        canonical::push_field(&mut out, &canonical::count_field("statements", statements.len()));
        for statement in statements {
            canonical::push_field(&mut out, &text(statement, "id")?);
        }
    }
    Ok(out)
}
