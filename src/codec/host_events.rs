//! The `detail` of each DOM event the widget announces to its host page, as
//! JSON text (the shell turns it into an object with `JSON.parse`). Documented
//! in EMBEDDING.md; ids are strings because they exceed JavaScript's safe integers.

use std::borrow::Cow;

use super::export::result_json;
use super::json::Json;
use crate::model::scoring::round_score;
use crate::model::{Questionnaire, Report, SavedResult};

/// The event names, prefixed so they never clash with the host's own.
pub const STARTED: &str = "partnership-readiness:started";
pub const STEP: &str = "partnership-readiness:step";
pub const COMPLETED: &str = "partnership-readiness:completed";
pub const SHARED: &str = "partnership-readiness:shared";
pub const ERROR: &str = "partnership-readiness:error";

/// `{"resumed": bool}`: a new check, or the one in progress continued.
pub fn started(resumed: bool) -> String {
    Json::object([("resumed", Json::Bool(resumed))]).to_text()
}

/// `{"index", "total", "principle": {"id", "title"} | null}`: the step shown
/// (0-based); `index == total` is the review of all answers.
pub fn step(questionnaire: &Questionnaire, index: usize) -> String {
    let principle = questionnaire
        .principles
        .get(index)
        .map_or(Json::Null, |p| Json::object([("id", Json::str(&p.id)), ("title", Json::str(&p.title))]));
    Json::object([
        ("index", Json::Int(index as u64)),
        ("total", Json::Int(questionnaire.principles.len() as u64)),
        ("principle", principle),
    ])
    .to_text()
}

/// `{"summary": {...}}`: what every host hears of a completed check.
pub fn completed(questionnaire: &Questionnaire, result: &SavedResult) -> String {
    Json::object([("summary", summary(questionnaire, result))]).to_text()
}

/// `{"summary": {...}, "document": <the export document>}`, with every answer
/// and note: for a host that asked for it (`data-event-detail="document"`).
pub fn completed_with_document(questionnaire: &Questionnaire, result: &SavedResult) -> String {
    Json::object([("summary", summary(questionnaire, result)), ("document", result_json(result, questionnaire))])
        .to_text()
}

/// `{"id", "how"}`, `how` one of `link`, `protected-link`, `json`, `file`.
pub fn shared(id: u64, how: &'static str) -> String {
    Json::object([("id", Json::Str(Cow::Owned(id.to_string()))), ("how", Json::str(how))]).to_text()
}

/// `{"reason", "message"}`: the widget cannot start; `reason` a code (such as
/// `questionnaire-invalid`), `message` the sentence the console shows.
pub fn error(reason: &str, message: &str) -> String {
    Json::object([("reason", Json::str(reason)), ("message", Json::str(message))]).to_text()
}

/// What a host most likely wants of a result: its scores with the principles' names.
fn summary<'a>(questionnaire: &'a Questionnaire, result: &'a SavedResult) -> Json<'a> {
    let report = Report::score(questionnaire, &result.responses);
    let principles = report
        .principles
        .iter()
        .map(|p| {
            let principle = &questionnaire.principles[p.index];
            Json::object([
                ("id", Json::str(&principle.id)),
                ("title", Json::str(&principle.title)),
                ("score", p.score.map_or(Json::Null, |s| Json::Int(u64::from(round_score(s))))),
            ])
        })
        .collect();
    Json::object([
        ("id", Json::Str(Cow::Owned(result.id.to_string()))),
        ("label", Json::str(&result.label)),
        ("overall", report.rounded_overall().map_or(Json::Null, |v| Json::Int(u64::from(v)))),
        ("band", report.band(questionnaire).map_or(Json::Null, |b| Json::str(&b.label))),
        ("bandId", report.band(questionnaire).map_or(Json::Null, |b| Json::str(&b.id))),
        ("principles", Json::Array(principles)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Rating, Responses};

    #[test]
    fn details_are_the_documented_json() {
        let q = Questionnaire::builtin();
        assert_eq!(started(true), r#"{"resumed":true}"#);
        assert_eq!(
            step(&q, 0),
            r#"{"index":0,"total":10,"principle":{"id":"clear-objectives","title":"Clear objectives"}}"#
        );
        assert_eq!(step(&q, 10), r#"{"index":10,"total":10,"principle":null}"#);
        assert_eq!(shared(18_446_744_073_709_551_615, "link"), r#"{"id":"18446744073709551615","how":"link"}"#);
    }

    #[test]
    fn completion_carries_the_summary_and_the_export_document() {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for statement in &q.principles[0].statements {
            responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(4).unwrap()));
        }
        let result = SavedResult::finish(&q, responses, "Acme", 7, 1_764_000_000_000);
        let detail: serde_json::Value = serde_json::from_str(&completed_with_document(&q, &result)).unwrap();
        let summary = &detail["summary"];
        assert_eq!(summary["id"], "7");
        assert_eq!(summary["label"], "Acme");
        assert_eq!(detail["document"]["created"], "2025-11-24T16:00:00.000Z");
        assert_eq!(summary["overall"], 75);
        assert_eq!(summary["band"], "Ready");
        assert_eq!(summary["bandId"], "ready", "the same in every language");
        assert_eq!(
            summary["principles"][0],
            serde_json::json!({"id": "clear-objectives", "title": "Clear objectives", "score": 75})
        );
        assert_eq!(summary["principles"][1]["score"], serde_json::Value::Null);
        assert_eq!(detail["document"]["questionnaire"]["hash"], q.content_hash.as_str());
        assert_eq!(detail["document"]["format"], "partnership-readiness/result");
        assert_eq!(detail["document"]["label"], "Acme");
        // By default a host hears the summary only: no answers, no notes.
        let summary_only: serde_json::Value = serde_json::from_str(&completed(&q, &result)).unwrap();
        assert_eq!(summary_only.as_object().unwrap().keys().collect::<Vec<_>>(), ["summary"]);
    }

    #[test]
    fn an_error_names_its_reason_and_the_console_sentence() {
        assert_eq!(
            super::error("questionnaire-invalid", "rule broken: \"x\""),
            r#"{"reason":"questionnaire-invalid","message":"rule broken: \"x\""}"#
        );
    }
}
