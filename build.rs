//! Turns the questionnaire data file into Rust code at build time, so the app
//! carries the content as ready-made values rather than JSON plus a parser for it
//! (which would cost every visitor several KiB of download). The data file stays
//! the single source; `Questionnaire::from_json` still reads it in native tests,
//! which also check that both paths agree.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let source = "data/questionnaire.en.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let data: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{source} is not valid JSON: {e}"));
    let code = questionnaire(&data).unwrap_or_else(|field| panic!("{source}: missing or mistyped {field}"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("questionnaire_en.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// A Rust string literal producing a `String`.
fn string(value: &serde_json::Value, field: &str) -> Result<String, String> {
    let text = value.get(field).and_then(|v| v.as_str()).ok_or_else(|| field.to_owned())?;
    Ok(format!("String::from({text:?})"))
}

fn list<'a>(value: &'a serde_json::Value, field: &str) -> Result<&'a Vec<serde_json::Value>, String> {
    value.get(field).and_then(|v| v.as_array()).ok_or_else(|| field.to_owned())
}

fn questionnaire(data: &serde_json::Value) -> Result<String, String> {
    let mut code = String::from("Questionnaire {\n");
    for field in ["id", "version", "locale", "title"] {
        writeln!(code, "    {field}: {},", string(data, field)?).ok();
    }
    code.push_str("    bands: vec![\n");
    for band in list(data, "bands")? {
        let min = band.get("min").and_then(|v| v.as_u64()).ok_or("band min")?;
        let max = band.get("max").and_then(|v| v.as_u64()).ok_or("band max")?;
        writeln!(
            code,
            "        Band {{ min: {min}, max: {max}, label: {}, description: {} }},",
            string(band, "label")?,
            string(band, "description")?
        )
        .ok();
    }
    code.push_str("    ],\n    principles: vec![\n");
    for principle in list(data, "principles")? {
        let weight = principle.get("weight").and_then(|v| v.as_f64()).ok_or("principle weight")?;
        writeln!(
            code,
            "        Principle {{\n            id: {},\n            title: {},\n            summary: {},\n            weight: {weight:?},",
            string(principle, "id")?,
            string(principle, "title")?,
            string(principle, "summary")?
        )
        .ok();
        code.push_str("            statements: vec![\n");
        for statement in list(principle, "statements")? {
            writeln!(
                code,
                "                Statement {{ id: {}, text: {} }},",
                string(statement, "id")?,
                string(statement, "text")?
            )
            .ok();
        }
        code.push_str("            ],\n            recommendations: vec![\n");
        for recommendation in list(principle, "recommendations")? {
            let text = recommendation.as_str().ok_or("recommendation")?;
            writeln!(code, "                String::from({text:?}),").ok();
        }
        code.push_str("            ],\n        },\n");
    }
    code.push_str("    ],\n}\n");
    Ok(code)
}
