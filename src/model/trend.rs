//! How a result changed since the earlier one with the same label (an
//! organisation checked again, or the same partner a quarter later).

use super::history::SavedResult;
use super::questionnaire::Questionnaire;
use super::scoring::Report;

/// The change of rounded scores since an earlier result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// When the earlier result was finished.
    pub since_ms: u64,
    /// Overall change, when both have an overall score.
    pub overall: Option<i16>,
    /// Per principle, in questionnaire order, when both have a score.
    pub principles: Vec<Option<i16>>,
}

/// Whether two labels name the same thing: trimmed, case-insensitive, not empty.
pub fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.chars().map(fold_case).eq(b.chars().map(fold_case))
}

/// The lower case of a letter of the Latin (ASCII, Latin-1, Extended-A), Greek
/// or Cyrillic alphabets; other characters as they are. Written out because
/// `char::to_lowercase` brings Unicode's whole case table, measured at +8.4 KiB
/// gzip in the first load, for labels that are almost always in these scripts.
pub fn fold_case(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xde if code != 0xd7 => code + 0x20,
        0x100..=0x137 | 0x14a..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        0x178 => 0xff,
        0x391..=0x3a9 if code != 0x3a2 => code + 0x20,
        0x400..=0x40f => code + 0x50,
        0x410..=0x42f => code + 0x20,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The latest result finished before `result` with the same label, if any.
pub fn earlier<'h>(history: &'h [SavedResult], result: &SavedResult) -> Option<&'h SavedResult> {
    history
        .iter()
        .filter(|r| {
            r.id != result.id && r.finished_at_ms < result.finished_at_ms && same_label(&r.label, &result.label)
        })
        .max_by_key(|r| r.finished_at_ms)
}

/// The change in the headline score from the snapshots saved with each result
/// (for the history list: no re-scoring of thousands of results).
pub fn overall_change(earlier: &SavedResult, result: &SavedResult) -> Option<i16> {
    Some(i16::from(result.overall?) - i16::from(earlier.overall?))
}

/// The change per principle and overall, both results scored on `questionnaire`.
pub fn trend(questionnaire: &Questionnaire, earlier: &SavedResult, result: &SavedResult) -> Trend {
    let before = Report::score(questionnaire, &earlier.responses);
    let now = Report::score(questionnaire, &result.responses);
    let delta = |a: Option<u8>, b: Option<u8>| Some(i16::from(b?) - i16::from(a?));
    Trend {
        since_ms: earlier.finished_at_ms,
        overall: delta(before.rounded_overall(), now.rounded_overall()),
        principles: before
            .principles
            .iter()
            .zip(&now.principles)
            .map(|(b, n)| delta(b.score.map(super::scoring::round_score), n.score.map(super::scoring::round_score)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_whatever_their_case_in_latin_greek_and_cyrillic() {
        for (upper, lower) in [
            ("ACME Partners", "acme partners"),
            ("ÄPFEL & BÄUME ÖSTERREICH", "äpfel & bäume österreich"),
            ("ŁÓDŹ ŻÓŁW ČEŠKÁ", "łódź żółw češká"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("МОСКВА ЁЛКА ЇЖАК", "москва ёлка їжак"),
            ("ŸVES", "ÿves"),
        ] {
            assert!(same_label(upper, lower), "{upper}");
            let folded: String = upper.chars().map(fold_case).collect();
            let unicode: String = upper.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(folded, unicode, "the same as Unicode's lower case for {upper}");
        }
        assert!(!same_label("Acme", "Acme Ltd"));
        assert!(!same_label("", ""), "unlabelled results are not one series");
        assert_eq!(fold_case('×'), '×');
        assert_eq!(fold_case('ß'), 'ß');
    }
    use crate::model::{Answer, Rating, Responses};

    fn result(id: u64, label: &str, at: u64, rating: Option<Rating>) -> SavedResult {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        if let Some(rating) = rating {
            for statement in &q.principles[0].statements {
                responses.set_answer(&statement.id, Answer::Rated(rating));
            }
            responses.set_answer(&q.principles[1].statements[0].id, Answer::NotSure);
        }
        SavedResult::finish(&q, responses, label, id, at)
    }

    #[test]
    fn labels_match_trimmed_and_case_insensitive_but_never_empty() {
        assert!(same_label("Acme GmbH", "  acme gmbh "));
        assert!(same_label("ÖLWERK", "ölwerk"));
        assert!(!same_label("Acme", "Acme AG"));
        assert!(!same_label("", ""));
        assert!(!same_label("  ", " "));
    }

    #[test]
    fn the_latest_earlier_result_with_the_same_label_is_the_baseline() {
        let history = vec![
            result(1, "Acme", 10, Some(Rating::Disagree)),
            result(2, "acme", 20, Some(Rating::Neutral)),
            result(3, "Other", 25, Some(Rating::Agree)),
            result(4, "ACME ", 30, Some(Rating::StronglyAgree)),
            result(5, "", 40, Some(Rating::Agree)),
        ];
        assert_eq!(earlier(&history, &history[3]).map(|r| r.id), Some(2));
        assert_eq!(earlier(&history, &history[0]).map(|r| r.id), None, "nothing earlier");
        assert_eq!(earlier(&history, &history[4]).map(|r| r.id), None, "untitled results have no trend");
    }

    /// One trend expectation: (earlier rating of principle 1, later rating) → (overall, principle 1, principle 2).
    #[test]
    fn trend_table() {
        let q = Questionnaire::builtin();
        #[rustfmt::skip]
        let cases = [
            (Some(Rating::Disagree), Some(Rating::StronglyAgree), Some(75), Some(75), None),
            (Some(Rating::Agree), Some(Rating::Neutral), Some(-25), Some(-25), None),
            (Some(Rating::Neutral), Some(Rating::Neutral), Some(0), Some(0), None),
            (None, Some(Rating::Agree), None, None, None),
            (Some(Rating::Agree), None, None, None, None),
        ];
        for (before, after, overall, first, second) in cases {
            let t = trend(&q, &result(1, "A", 1, before), &result(2, "A", 2, after));
            assert_eq!(
                (t.overall, t.principles[0], t.principles[1]),
                (overall, first, second),
                "{before:?} → {after:?}"
            );
            assert_eq!(t.principles.len(), 10);
        }
        let (a, b) = (result(1, "A", 1, Some(Rating::Disagree)), result(2, "A", 2, Some(Rating::Agree)));
        assert_eq!(overall_change(&a, &b), Some(50));
    }
}
