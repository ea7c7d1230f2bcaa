//! The serialized form of responses, shared by every format that carries them:
//! `{"answers": {"<statement id>": 4, "<statement id>": "not-sure"}, "notes": {"<principle id>": "..."}}`.
//! A rating is written as its scale value (1–5), "not sure" as `"not-sure"`, so
//! the JSON stays readable by people.

use std::borrow::Cow;

use super::json::Json;
use super::reader::{Invalid, Obj, Path, Problem};
use crate::model::{Answer, Rating, Responses};

const NOT_SURE: &str = "not-sure";

/// Most answers one result may carry: a questionnaire has 30 statements, so a
/// document with more is not one of ours (and could only make reading slow).
pub const MAX_ANSWERS: usize = 100;
/// Most notes one result may carry (a questionnaire has 10 principles).
pub const MAX_NOTES: usize = 40;

pub fn answer_to_json(answer: Answer) -> Json<'static> {
    match answer {
        Answer::Rated(rating) => Json::Int(u64::from(rating.value())),
        Answer::NotSure => Json::str(NOT_SURE),
    }
}

/// An answer from its JSON form; the caller knows where it was and adds the path.
pub fn answer_from_json(value: &Json) -> Result<Answer, Problem> {
    match value {
        Json::Int(n) => {
            u8::try_from(*n).ok().and_then(Rating::from_value).map(Answer::Rated).ok_or(Problem::RatingOutOfRange(*n))
        }
        Json::Str(text) if text == NOT_SURE => Ok(Answer::NotSure),
        _ => Err(Problem::ExpectedRating),
    }
}

/// The answers as an object keyed by statement id.
pub fn answers_to_json(responses: &Responses) -> Json<'_> {
    Json::Object(responses.answers.iter().map(|(id, a)| (Cow::Borrowed(id), answer_to_json(*a))).collect())
}

/// The notes as an object keyed by principle id.
pub fn notes_to_json(responses: &Responses) -> Json<'_> {
    Json::Object(responses.notes.iter().map(|(id, n)| (Cow::Borrowed(id), Json::str(n))).collect())
}

pub fn responses_to_json(responses: &Responses) -> Json<'_> {
    let mut members = vec![(Cow::Borrowed("answers"), answers_to_json(responses))];
    if !responses.notes.is_empty() {
        members.push((Cow::Borrowed("notes"), notes_to_json(responses)));
    }
    Json::Object(members)
}

/// Reads the members `answers` and `notes` of `fields` (both optional) into responses.
pub fn read_answers_and_notes(fields: &Obj) -> Result<Responses, Invalid> {
    let mut responses = Responses::default();
    if fields.get("answers").is_some() {
        let answers = fields.obj("answers", &[])?;
        if answers.members().len() > MAX_ANSWERS {
            return Err(fields.invalid("answers", Problem::TooMany { max: MAX_ANSWERS }));
        }
        for (id, answer) in answers.members() {
            let answer = answer_from_json(answer).map_err(|problem| answers.invalid(id, problem))?;
            responses.set_answer(id, answer);
        }
    }
    if fields.get("notes").is_some() {
        let notes = fields.obj("notes", &[])?;
        if notes.members().len() > MAX_NOTES {
            return Err(fields.invalid("notes", Problem::TooMany { max: MAX_NOTES }));
        }
        for (id, note) in notes.members() {
            let note = note.as_str().ok_or_else(|| notes.invalid(id, Problem::ExpectedString))?;
            // Through the model, so an over-long note from outside is capped too.
            responses.set_note(id, note);
        }
    }
    Ok(responses)
}

pub fn responses_from_json(value: &Json, path: Path) -> Result<Responses, Invalid> {
    read_answers_and_notes(&Obj::new(value, path, &["answers", "notes"])?)
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
        assert_eq!(responses_from_json(&parse(&text).unwrap(), Path::Named("r")), Ok(responses));
    }

    #[test]
    fn invalid_answers_are_rejected_with_their_path() {
        let too_many = format!(
            "{{\"answers\":{{{}}}}}",
            (0..=MAX_ANSWERS).map(|i| format!("\"s{i}\":3")).collect::<Vec<_>>().join(",")
        );
        for (text, path, problem) in [
            (r#"{"answers":{"a":0}}"#, "r.answers.a", Problem::RatingOutOfRange(0)),
            (r#"{"answers":{"a":6}}"#, "r.answers.a", Problem::RatingOutOfRange(6)),
            (r#"{"answers":{"a":"maybe"}}"#, "r.answers.a", Problem::ExpectedRating),
            (r#"{"answers":{"a":-1}}"#, "r.answers.a", Problem::ExpectedRating),
            (r#"{"answers":{"a":2.5}}"#, "r.answers.a", Problem::ExpectedRating),
            (r#"{"answers":[]}"#, "r.answers", Problem::ExpectedObject),
            (r#"{"notes":{"p":3}}"#, "r.notes.p", Problem::ExpectedString),
            (r#"{"answerz":{}}"#, "r", Problem::UnknownField("answerz".into())),
            (&too_many, "r.answers", Problem::TooMany { max: MAX_ANSWERS }),
        ] {
            let error = responses_from_json(&parse(text).unwrap(), Path::Named("r")).unwrap_err();
            assert_eq!(error, Invalid::at(path, problem), "{text}");
        }
    }

    #[test]
    fn long_notes_from_outside_are_capped() {
        let text = format!(r#"{{"notes":{{"p":"{}"}}}}"#, "x".repeat(900));
        let responses = responses_from_json(&parse(&text).unwrap(), Path::Named("r")).unwrap();
        assert_eq!(responses.note("p").len(), crate::model::NOTE_MAX_CHARS);
    }
}
