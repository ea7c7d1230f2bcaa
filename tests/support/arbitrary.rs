//! The results the property tests and fuzzers start from: what the widget
//! makes from arbitrary answers, notes, label and time. Shared by
//! `share_fuzz.rs` and `team_fuzz.rs`.
#![allow(dead_code)]

use partnership_readiness::codec::store::MAX_TIME_MS;
use partnership_readiness::model::{Answer, Questionnaire, Rating, Responses, SavedResult};
use proptest::prelude::*;

/// A result as the widget makes it, from arbitrary answers, notes, label and time.
pub fn arbitrary_result() -> impl Strategy<Value = SavedResult> {
    let answers = proptest::collection::vec(0u8..7, 30);
    let notes = proptest::collection::vec(proptest::option::of(any::<String>()), 10);
    (answers, notes, any::<String>(), 0..=MAX_TIME_MS).prop_map(|(answers, notes, label, at)| {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for (statement, code) in q.principles.iter().flat_map(|p| &p.statements).zip(answers) {
            match code {
                0 => {}
                6 => responses.set_answer(&statement.id, Answer::NotSure),
                rating => responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(rating).unwrap())),
            }
        }
        for (principle, note) in q.principles.iter().zip(notes) {
            if let Some(note) = note {
                responses.set_note(&principle.id, &note);
            }
        }
        SavedResult::finish(&q, responses, &label, 0, at)
    })
}
