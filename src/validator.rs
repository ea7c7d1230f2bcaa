//! The questionnaire validator (full build; `examples/validator.html`): a site
//! owner's questionnaire file checked by the very rules the widget applies to
//! `data-questionnaire`, every broken rule listed, or what identifies a valid
//! one (its id, version and content hash, stored with every result).

use wasm_bindgen::prelude::wasm_bindgen;

use crate::codec::json::Json;
use crate::codec::questionnaire;
use crate::text::EN;

/// `{"valid": true, "id", "version", "title", "hash"}` or `{"valid": false,
/// "problems": [sentence, …]}` (English, as the host's console words them).
#[wasm_bindgen(js_name = checkQuestionnaire)]
pub fn check_questionnaire(text: &str) -> String {
    match questionnaire::decode(text) {
        Ok(q) => Json::object([
            ("valid", Json::Bool(true)),
            ("id", Json::str(&q.id)),
            ("version", Json::str(&q.version)),
            ("title", Json::str(&q.title)),
            ("hash", Json::str(&q.content_hash)),
        ])
        .to_text(),
        Err(error) => {
            let problems = EN.full.questionnaire_problems(&error);
            Json::object([
                ("valid", Json::Bool(false)),
                ("problems", Json::Array(problems.iter().map(|p| Json::str(p)).collect())),
            ])
            .to_text()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_file_names_its_hash_and_a_broken_one_every_rule() {
        let valid = check_questionnaire(include_str!("../data/questionnaire.en.json"));
        let q = crate::model::Questionnaire::builtin();
        assert!(valid.starts_with(r#"{"valid":true,"id":"partnership-readiness""#), "{valid}");
        assert!(valid.contains(&format!(r#""hash":"{}""#, q.content_hash)), "{valid}");
        // The second principle takes the first one's id: four rules broken, all said.
        let text = include_str!("../data/questionnaire.en.json");
        let second = &q.principles[1].id;
        let broken = text.replacen(&format!(r#""id": "{second}""#), &format!(r#""id": "{}""#, q.principles[0].id), 1);
        assert_ne!(broken, text, "the id was replaced");
        let report = check_questionnaire(&broken);
        assert_eq!(
            report,
            concat!(
                r#"{"valid":false,"problems":["id clear-objectives is used more than once","#,
                r#""statement aligned-values.values does not start with its principle id clear-objectives","#,
                r#""statement aligned-values.ways-of-working does not start with its principle id clear-objectives","#,
                r#""statement aligned-values.differences does not start with its principle id clear-objectives"]}"#
            ),
            "every broken rule, not only the first"
        );
        assert!(check_questionnaire("{").contains("not valid JSON"));
    }

    #[test]
    fn a_file_of_the_wrong_shape_lists_every_problem_found() {
        // A title missing, a band's bound out of range, a weight not a number, a statement's member
        // misspelt (so one it must have is missing too).
        let text = include_str!("../data/questionnaire.en.json")
            .replacen("\"weight\": 1.0", "\"weight\": \"heavy\"", 1)
            .replacen("\"text\":", "\"txt\":", 1)
            .replacen("\"min\": 0", "\"min\": 101", 1)
            .replacen("\"title\": \"Partnership readiness check\",", "", 1);
        assert_eq!(
            check_questionnaire(&text),
            concat!(
                r#"{"valid":false,"problems":["missing field \"title\"","bands[0].min: score 101 is not between 0 and 100","#,
                r#""principles[0].weight: expected a number","principles[0].statements[0]: unknown field \"txt\"","#,
                r#""principles[0].statements[0]: missing field \"text\""]}"#
            ),
            "every shape problem, in the file's order, not only the first"
        );
    }
}
