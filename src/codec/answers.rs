//! The serialized form of responses, shared by every format that carries them:
//! `{"answers": {"<statement id>": 4, "<statement id>": "not-sure"}, "notes": {"<principle id>": "..."}}`.
//! A rating is written as its scale value (1–5), "not sure" as `"not-sure"`, so
//! the JSON stays readable by people.

use super::json::Json;
use super::reader::{Invalid, Obj};
use crate::model::{Answer, Rating, Responses};

const NOT_SURE: &str = "not-sure";

pub fn answer_to_json(answer: Answer) -> Json {
    match answer {
        Answer::Rated(rating) => Json::Int(u64::from(rating.value())),
        Answer::NotSure => Json::Str(NOT_SURE.to_owned()),
    }
}

pub fn answer_from_json(value: &Json, path: &str) -> Result<Answer, Invalid> {
    match value {
        Json::Int(n) => u8::try_from(*n)
            .ok()
            .and_then(Rating::from_value)
            .map(Answer::Rated)
            .ok_or_else(|| Invalid::at(path, format!("rating {n} is not between 1 and 5"))),
        Json::Str(text) if text == NOT_SURE => Ok(Answer::NotSure),
        _ => Err(Invalid::at(path, format!("expected a rating 1-5 or \"{NOT_SURE}\""))),
    }
}

pub fn responses_to_json(responses: &Responses) -> Json {
    let answers = responses.answers.iter().map(|(id, a)| (id.to_owned(), answer_to_json(*a))).collect();
    let mut members = vec![("answers".to_owned(), Json::Object(answers))];
    if !responses.notes.is_empty() {
        let notes = responses.notes.iter().map(|(id, n)| (id.to_owned(), Json::Str(n.clone()))).collect();
        members.push(("notes".to_owned(), Json::Object(notes)));
    }
    Json::Object(members)
}

pub fn responses_from_json(value: &Json, path: String) -> Result<Responses, Invalid> {
    let fields = Obj::new(value, path, &["answers", "notes"])?;
    let mut responses = Responses::default();
    if fields.get("answers").is_some() {
        let answers = fields.obj("answers", &[])?;
        for (id, answer) in answers.members() {
            responses.set_answer(id, answer_from_json(answer, &answers.path_of(id))?);
        }
    }
    if fields.get("notes").is_some() {
        let notes = fields.obj("notes", &[])?;
        for (id, _) in notes.members() {
            // Through the model, so an over-long note from outside is capped too.
            responses.set_note(id, notes.str(id)?);
        }
    }
    Ok(responses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json::parse;

    #[test]
    fn responses_serialize_readably_and_round_trip() {
        let mut responses = Responses::default();
        responses.set_answer("a.two", Answer::NotSure);
        responses.set_answer("a.one", Answer::Rated(Rating::Agree));
        responses.set_note("a", "Ask about the \"budget\"");
        let text = responses_to_json(&responses).to_text();
        assert_eq!(text, r#"{"answers":{"a.one":4,"a.two":"not-sure"},"notes":{"a":"Ask about the \"budget\""}}"#);
        assert_eq!(responses_from_json(&parse(&text).unwrap(), "r".into()), Ok(responses));
    }

    #[test]
    fn invalid_answers_are_rejected_with_their_path() {
        for (text, message) in [
            (r#"{"answers":{"a":0}}"#, "r.answers.a: rating 0 is not between 1 and 5"),
            (r#"{"answers":{"a":6}}"#, "r.answers.a: rating 6 is not between 1 and 5"),
            (r#"{"answers":{"a":"maybe"}}"#, "r.answers.a: expected a rating 1-5 or \"not-sure\""),
            (r#"{"answers":{"a":-1}}"#, "r.answers.a: expected a rating 1-5 or \"not-sure\""),
            (r#"{"answers":{"a":2.5}}"#, "r.answers.a: expected a rating 1-5 or \"not-sure\""),
            (r#"{"answers":[]}"#, "r.answers: expected an object"),
            (r#"{"notes":{"p":3}}"#, "r.notes.p: expected a string"),
            (r#"{"answerz":{}}"#, "r: unknown field \"answerz\""),
        ] {
            let error = responses_from_json(&parse(text).unwrap(), "r".into()).unwrap_err();
            assert_eq!(error.to_string(), message, "{text}");
        }
    }

    #[test]
    fn long_notes_from_outside_are_capped() {
        let text = format!(r#"{{"notes":{{"p":"{}"}}}}"#, "x".repeat(900));
        let responses = responses_from_json(&parse(&text).unwrap(), "r".into()).unwrap();
        assert_eq!(responses.note("p").len(), crate::model::NOTE_MAX_CHARS);
    }
}
