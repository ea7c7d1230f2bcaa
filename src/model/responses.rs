//! What a person has answered so far: ratings per statement and notes per principle.
//!
//! These are domain types with no serde: the stored and exported forms live in
//! `crate::codec` and convert to and from these, so the on-disk format can evolve
//! separately from the model.

use super::keyed::KeyedMap;
use super::questionnaire::{Principle, Questionnaire};

/// Longest note a person may keep per principle, in characters.
pub const NOTE_MAX_CHARS: usize = 500;

/// A point on the five-step agreement scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    StronglyDisagree = 1,
    Disagree = 2,
    Neutral = 3,
    Agree = 4,
    StronglyAgree = 5,
}

impl Rating {
    /// All ratings, from 1 to 5.
    pub const ALL: [Rating; 5] =
        [Rating::StronglyDisagree, Rating::Disagree, Rating::Neutral, Rating::Agree, Rating::StronglyAgree];

    /// The rating for a scale value 1..=5.
    pub fn from_value(value: u8) -> Option<Self> {
        Self::ALL.get(usize::from(value).checked_sub(1)?).copied()
    }

    /// The scale value 1..=5.
    pub fn value(self) -> u8 {
        self as u8
    }

    /// Points on the 0–100 scale: 1→0, 2→25, 3→50, 4→75, 5→100.
    pub fn points(self) -> f64 {
        f64::from(self.value() - 1) * 25.0
    }
}

/// An answer to one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Rated(Rating),
    /// "Not sure / not applicable": counted as answered for the walkthrough,
    /// left out of every average.
    NotSure,
}

/// All answers and notes of one assessment, keyed by statement and principle ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Responses {
    pub answers: KeyedMap<Answer>,
    pub notes: KeyedMap<String>,
}

impl Responses {
    /// The answer given to a statement, if any.
    pub fn answer(&self, statement_id: &str) -> Option<Answer> {
        self.answers.get(statement_id).copied()
    }

    /// Records an answer, replacing any earlier one.
    pub fn set_answer(&mut self, statement_id: &str, answer: Answer) {
        self.answers.insert(statement_id, answer);
    }

    /// The note for a principle, empty if none.
    pub fn note(&self, principle_id: &str) -> &str {
        self.notes.get(principle_id).map(String::as_str).unwrap_or("")
    }

    /// Stores a note, cut to [`NOTE_MAX_CHARS`] characters; an empty note is removed.
    pub fn set_note(&mut self, principle_id: &str, text: &str) {
        let text = truncate_chars(text, NOTE_MAX_CHARS);
        if text.trim().is_empty() {
            self.notes.remove(principle_id);
        } else {
            self.notes.insert(principle_id, text);
        }
    }

    /// Whether nothing has been answered or noted yet.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.notes.is_empty()
    }

    /// How many of a principle's statements have any answer (including "not sure").
    pub fn answered_in(&self, principle: &Principle) -> usize {
        principle.statements.iter().filter(|s| self.answers.contains_key(&s.id)).count()
    }

    /// Statements of the questionnaire that have no answer yet, in order.
    pub fn unanswered_count(&self, questionnaire: &Questionnaire) -> usize {
        questionnaire.statement_count() - questionnaire.principles.iter().map(|p| self.answered_in(p)).sum::<usize>()
    }

    /// Drops answers and notes whose ids the questionnaire does not know, so that
    /// responses from an older questionnaire version cannot skew a score.
    /// Returns how many entries were dropped.
    pub fn retain_known(&mut self, questionnaire: &Questionnaire) -> usize {
        let before = self.answers.len() + self.notes.len();
        self.answers.retain(|id, _| questionnaire.has_statement(id));
        self.notes.retain(|id, _| questionnaire.principle_index(id).is_some());
        before - (self.answers.len() + self.notes.len())
    }
}

/// The first `max` characters of `text` (not bytes: never splits a character).
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text.get(..end).unwrap_or_default().to_owned(),
        None => text.to_owned(),
    }
}

/// `text` cut to `max` characters with "…" added when it was longer: how a
/// piece of outside text is quoted in a message.
pub fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        format!("{}\u{2026}", truncate_chars(text, max))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_map_to_points() {
        let points: Vec<_> = Rating::ALL.iter().map(|r| r.points()).collect();
        assert_eq!(points, [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(Rating::from_value(0), None);
        assert_eq!(Rating::from_value(6), None);
        assert_eq!(Rating::from_value(4), Some(Rating::Agree));
    }

    #[test]
    fn notes_are_capped_at_500_characters_without_splitting_characters() {
        let mut responses = Responses::default();
        responses.set_note("p", &"ä".repeat(600));
        assert_eq!(responses.note("p").chars().count(), NOTE_MAX_CHARS);
        responses.set_note("p", "   ");
        assert_eq!(responses.note("p"), "");
        assert!(responses.is_empty());
    }

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate_chars("äöü", 2), "äö");
        assert_eq!(truncate_chars("\u{1f91d}\u{1f91d}", 1), "\u{1f91d}");
        assert_eq!(truncate_chars("abc", 3), "abc");
        assert_eq!(truncate_chars("abc", 0), "");
    }

    #[test]
    fn unknown_ids_are_dropped() {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        responses.set_answer(&q.principles[0].statements[0].id, Answer::NotSure);
        responses.set_answer("retired.statement", Answer::Rated(Rating::Agree));
        responses.set_note("retired", "old");
        assert_eq!(responses.retain_known(&q), 2);
        assert_eq!(responses.answers.len(), 1);
        assert_eq!(responses.unanswered_count(&q), 29);
    }
}
