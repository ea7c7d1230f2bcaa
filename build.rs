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
    let source = "data/questionnaire.en.json";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/model/canonical.rs");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let data: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid JSON: {e}"));
    let mut code = questionnaire(&data).unwrap_or_else(|field| panic!("{source}: missing or mistyped {field}"));
    let form = canonical_form(&data).unwrap_or_else(|field| panic!("{source}: missing or mistyped {field}"));
    writeln!(code, "pub const CONTENT_HASH: &str = {:?};", canonical::fnv1a_64_hex(form.as_bytes())).ok();
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("questionnaire_en.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));

    let source = "i18n/en.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let data: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid JSON: {e}"));
    let code = interface_texts(&data).unwrap_or_else(|problem| panic!("{source}: {problem}"));
    let out = Path::new(&out_dir).join("ui_text_en.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The English interface texts as the `EN` value of `text::UiText` (a missing or
/// unknown key is a compile error there), and, for the full build, the setter
/// that fills a `UiText` from a language file fetched at run time.
fn interface_texts(data: &serde_json::Value) -> Result<String, String> {
    let section = |name: &str| data.get(name).and_then(|v| v.as_object()).ok_or(format!("no \"{name}\" object"));
    let value = |key: &str, value: &serde_json::Value| -> Result<String, String> {
        match value {
            serde_json::Value::String(text) => Ok(format!("{text:?}")),
            serde_json::Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| item.as_str().map(|t| format!("{t:?}")).ok_or(format!("{key}: a list of texts")))
                    .collect::<Result<_, _>>()?;
                Ok(format!("[{}]", items.join(", ")))
            }
            _ => Err(format!("{key}: a text or a list of texts")),
        }
    };
    let (core, full) = (section("texts")?, section("full")?);
    let mut code = String::from("/// English, compiled in (generated from i18n/en.json by build.rs).\n");
    code.push_str("pub static EN: UiText = UiText {\n");
    let language = data.get("language").and_then(|v| v.as_str()).ok_or("no \"language\"")?;
    writeln!(code, "    language: {language:?},").ok();
    for (key, text) in core {
        writeln!(code, "    {key}: {},", value(key, text)?).ok();
    }
    code.push_str("    #[cfg(feature = \"full\")]\n    full: FullText {\n");
    for (key, text) in full {
        writeln!(code, "        {key}: {},", value(key, text)?).ok();
    }
    code.push_str("    },\n};\n\n");

    code.push_str("/// Every key of a language file, `full.` before those of the full build's texts.\n");
    code.push_str("#[cfg(feature = \"full\")]\npub const KEYS: &[&str] = &[\n");
    for key in core.keys() {
        writeln!(code, "    {key:?},").ok();
    }
    for key in full.keys() {
        writeln!(code, "    \"full.{key}\",").ok();
    }
    code.push_str("];\n\n");
    code.push_str("/// Sets the text `key` (one of `KEYS`) of `text`; `None` if the value has the wrong shape.\n");
    code.push_str("#[cfg(feature = \"full\")]\n");
    code.push_str(
        "pub fn set_text(text: &mut UiText, key: &str, value: &TextValue) -> Option<()> {\n    match key {\n",
    );
    for (prefix, path, entries) in [("", "", core), ("full.", "full.", full)] {
        for (key, english) in entries {
            let getter = if english.is_array() { "list()?" } else { "text()?" };
            writeln!(code, "        \"{prefix}{key}\" => text.{path}{key} = value.{getter},").ok();
        }
    }
    code.push_str("        _ => return None,\n    }\n    Some(())\n}\n");
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
    code.push_str("pub const BANDS: &[(u8, u8, &str, &str)] = &[\n");
    for band in list(data, "bands")? {
        let bound =
            |field: &str| band.get(field).and_then(|v| v.as_u64()).filter(|v| *v <= 100).ok_or(format!("band {field}"));
        writeln!(
            code,
            "    ({}, {}, {}, {}),",
            bound("min")?,
            bound("max")?,
            literal(band, "label")?,
            literal(band, "description")?
        )
        .ok();
    }
    code.push_str("];\n");
    code.push_str("/// (id, title, summary, weight, statements as (id, text), recommendations)\n");
    code.push_str("pub type PrincipleRow = (&'static str, &'static str, &'static str, f64, &'static [(&'static str, &'static str)], &'static [&'static str]);\n");
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
            "    ({}, {}, {}, {weight:?}, &[{}], &[{}]),",
            literal(principle, "id")?,
            literal(principle, "title")?,
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
