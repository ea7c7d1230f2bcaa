//! The one door for results from outside this widget instance. Pure.
//!
//! Results arrive from a share link, a file or pasted text, and storage (read at
//! start-up, written by another tab or widget, or carried over by the core build
//! when it hands a widget to the full build). Each source's codec reads its
//! format (`codec::link`, `codec::export`, `codec::store`); every result then
//! passes [`admit`], which holds it to the model's rules whatever the source
//! said: texts trimmed and capped, repeated ids given new ones, answers the
//! questionnaire does not know listed. A source that cannot be read is refused
//! with its codec's typed error, which the screen words (`text`).
//!
//! A new kind of incoming result adds a function here that ends in [`admit`].

use crate::codec::export::{self, ImportError};
use crate::codec::link::{self, LinkError};
use crate::codec::store::{self, DecodeError};
use crate::model::history::repair_duplicate_ids;
use crate::model::{Questionnaire, SavedResult};

/// Results let in, and what the questionnaire could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Admitted {
    pub results: Vec<SavedResult>,
    /// Ids of answers and notes this questionnaire does not have (answered on
    /// another version): kept with the result, not scored. Sorted, each once.
    pub unknown_ids: Vec<String>,
}

/// Holds every result to the model's rules and lists what `questionnaire`
/// (when there is one to hold them to) does not know. Results keep the
/// questionnaire they were answered on.
pub fn admit(mut results: Vec<SavedResult>, questionnaire: Option<&Questionnaire>) -> Admitted {
    for result in &mut results {
        result.normalize();
    }
    repair_duplicate_ids(&mut results);
    let mut unknown_ids: Vec<String> = match questionnaire {
        None => Vec::new(),
        Some(q) => results
            .iter()
            .flat_map(|result| {
                let answers = result.responses.answers.iter().map(|(id, _)| id).filter(|id| !q.has_statement(id));
                let notes =
                    result.responses.notes.iter().map(|(id, _)| id).filter(|id| q.principle_index(id).is_none());
                answers.chain(notes).map(|id| id.to_owned())
            })
            .collect(),
    };
    unknown_ids.sort_unstable();
    unknown_ids.dedup();
    Admitted { results, unknown_ids }
}

/// The result in a share link's payload (plain, or unsealed with its
/// passphrase): answered on `questionnaire`, or refused.
pub fn from_link(payload: &[u8], questionnaire: &Questionnaire) -> Result<SavedResult, LinkError> {
    let result = link::decode_result(payload, questionnaire)?;
    // `admit` keeps every result it is given.
    admit(vec![result], Some(questionnaire)).results.pop().ok_or(LinkError::Damaged)
}

/// The results in a file's bytes or pasted text: one result's document or a backup.
pub fn from_document(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Admitted, ImportError> {
    Ok(admit(export::decode_import(bytes, questionnaire)?, Some(questionnaire)))
}

/// The results document stored under a key (this instance's read, another
/// tab's or widget's write, or one a handed-over widget carried along).
pub fn from_storage(text: &str) -> Result<Vec<SavedResult>, DecodeError> {
    Ok(stored(store::decode_results(text)?))
}

/// Results read from storage some other way (a document of the earlier
/// one-key format holds them beside the draft).
pub fn stored(results: Vec<SavedResult>) -> Vec<SavedResult> {
    admit(results, None).results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::store::tests::stored_result;
    use crate::model::unique::later_duplicates;
    use crate::model::{Answer, Rating, Responses, BAND_LABEL_MAX_CHARS, LABEL_MAX_CHARS};

    #[test]
    fn stored_results_are_capped_and_their_ids_repaired() {
        let long = "x".repeat(10_000);
        let results = [
            stored_result("18446744073709551615", &long, &long),
            stored_result("18446744073709551615", "second", "b"),
            stored_result("0", "third", "c"),
            stored_result("0", "  fourth  ", "d"),
        ];
        let text = format!(r#"{{"version":2,"history":[{}]}}"#, results.join(","));
        let history = from_storage(&text).unwrap();
        let first = &history[0];
        assert_eq!(first.label.chars().count(), LABEL_MAX_CHARS);
        assert_eq!(first.band_label.as_deref().map(|b| b.chars().count()), Some(BAND_LABEL_MAX_CHARS));
        assert_eq!(history[3].label, "fourth", "trimmed");
        let ids: Vec<u64> = history.iter().map(|r| r.id).collect();
        assert_eq!((ids[0], ids[2]), (u64::MAX, 0), "the first of each id keeps it");
        assert!(later_duplicates(&ids, |id| *id, |a, b| a == b).is_empty(), "{ids:?}");
        // The repaired ids are the same on every read, so two tabs agree.
        assert_eq!(from_storage(&text).unwrap(), history);
    }

    #[test]
    fn answers_the_questionnaire_does_not_know_are_listed_once() {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        responses.set_answer("gone.statement", Answer::Rated(Rating::Agree));
        responses.set_answer(&q.principles[0].statements[0].id, Answer::NotSure);
        responses.set_note("gone", "a note on a principle this version lacks");
        let result = SavedResult::finish(&q, responses, "Acme", 0, 0);
        let admitted = admit(vec![result.clone(), result], Some(&q));
        assert_eq!(admitted.unknown_ids, ["gone", "gone.statement"]);
        assert_ne!(admitted.results[0].id, admitted.results[1].id, "one batch never holds one id twice");
        assert!(admit(admitted.results, None).unknown_ids.is_empty(), "storage holds results of any version");
    }

    #[test]
    fn every_source_refuses_what_it_cannot_read_with_its_own_reason() {
        let q = Questionnaire::builtin();
        assert_eq!(from_link(&[], &q), Err(LinkError::Damaged));
        assert_eq!(from_document(b"\xff", &q), Err(ImportError::NotText));
        assert_eq!(from_storage("[1]"), Err(DecodeError::MissingVersion));
    }
}
