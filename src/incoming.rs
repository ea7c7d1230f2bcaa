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
use crate::codec::link::{self, LinkError, Payload, Sealed};
use crate::codec::store::{self, DecodeError};
use crate::codec::team as team_codec;
use crate::model::history::repair_duplicate_ids;
use crate::model::responses::shortened;
use crate::model::team::Team;
use crate::model::{Questionnaire, SavedResult};

/// Results let in, and what the questionnaire could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Admitted {
    pub results: Vec<SavedResult>,
    /// Ids of answers and notes this questionnaire does not have (answered on
    /// another version): kept with the result, not scored. Sorted, each once;
    /// the first [`MAX_UNKNOWN_IDS`], each cut to [`UNKNOWN_ID_MAX_CHARS`].
    pub unknown_ids: Vec<String>,
    /// How many there are in all.
    pub unknown_count: usize,
}

/// How many unknown ids an import names.
pub const MAX_UNKNOWN_IDS: usize = 10;
/// How long a named unknown id may be, in characters.
pub const UNKNOWN_ID_MAX_CHARS: usize = 40;

/// Holds every result to the model's rules and lists what `questionnaire`
/// (when there is one to hold them to) does not know. Results keep the
/// questionnaire they were answered on.
pub fn admit(mut results: Vec<SavedResult>, questionnaire: Option<&Questionnaire>) -> Admitted {
    for result in &mut results {
        result.normalize();
    }
    repair_duplicate_ids(&mut results);
    let mut unknown_ids: Vec<String> = Vec::new();
    if let Some(q) = questionnaire {
        for result in &results {
            for (id, _) in result.responses.answers.iter().filter(|(id, _)| !q.has_statement(id)) {
                unknown_ids.push(id.to_owned());
            }
            for (id, _) in result.responses.notes.iter().filter(|(id, _)| q.principle_index(id).is_none()) {
                unknown_ids.push(id.to_owned());
            }
        }
    }
    unknown_ids.sort_unstable();
    unknown_ids.dedup();
    // Named in a status line: a few, each short, however many a document holds.
    let unknown_count = unknown_ids.len();
    unknown_ids.truncate(MAX_UNKNOWN_IDS);
    for id in &mut unknown_ids {
        *id = shortened(id, UNKNOWN_ID_MAX_CHARS);
    }
    Admitted { results, unknown_ids, unknown_count }
}

/// The result in a share link's payload (plain, or unsealed with its
/// passphrase): answered on `questionnaire`, or refused.
pub fn from_link(payload: &[u8], questionnaire: &Questionnaire) -> Result<SavedResult, LinkError> {
    // A link always carries someone else's result (their own is in their browser).
    let result = SavedResult { received: true, ..link::decode_result(payload, questionnaire)? };
    // `admit` keeps every result it is given.
    admit(vec![result], Some(questionnaire)).results.pop().ok_or(LinkError::Damaged)
}

/// The results in a file's bytes or pasted text: one result's document (someone
/// else's when `received`, as the person importing it says) or a backup.
pub fn from_document(bytes: &[u8], questionnaire: &Questionnaire, received: bool) -> Result<Admitted, ImportError> {
    Ok(admit(export::decode_import_as(bytes, questionnaire, received)?, Some(questionnaire)))
}

/// What pasted text brings in.
#[derive(Debug, Clone, PartialEq)]
pub enum Pasted {
    /// A result's or a backup's document, or a plain share link.
    Results(Admitted),
    /// A share link sealed with a passphrase: opened like a link in the address.
    Sealed(Sealed),
    /// A team link: opened like one in the address.
    Team(Team),
}

/// Why pasted text brings nothing in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PastedError {
    Document(ImportError),
    Link(LinkError),
    /// A backup or a team where one result was asked for (to compare with).
    NotOne,
    /// Nothing but white space.
    Empty,
}

/// Pasted text: a share link (the whole address, or only its fragment, with
/// anything around it), else a document; one result is someone else's when
/// `received` (as the person importing it says).
pub fn from_pasted(text: &str, questionnaire: &Questionnaire, received: bool) -> Result<Pasted, PastedError> {
    if text.trim().is_empty() {
        return Err(PastedError::Empty);
    }
    if let Some(fragment) = link_in_text(text) {
        return match link::parse_fragment(fragment) {
            Some(Ok((_, Payload::Plain(bytes)))) => {
                let result = from_link(&bytes, questionnaire).map_err(PastedError::Link)?;
                Ok(Pasted::Results(admit(vec![SavedResult { received, ..result }], Some(questionnaire))))
            }
            Some(Ok((_, Payload::Sealed(sealed)))) => Ok(Pasted::Sealed(sealed)),
            Some(Ok((_, Payload::Team(bytes)))) => {
                from_team_link(&bytes, questionnaire).map(Pasted::Team).map_err(PastedError::Link)
            }
            Some(Err(error)) => Err(PastedError::Link(error)),
            None => Err(PastedError::Link(LinkError::Damaged)),
        };
    }
    from_document(text.as_bytes(), questionnaire, received).map(Pasted::Results).map_err(PastedError::Document)
}

/// Why something offered as a team member was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberRefusal {
    Link(LinkError),
    Document(ImportError),
    /// A link sealed with a passphrase: it is opened on its own, not in a batch.
    Sealed,
    /// Answered on another questionnaire.
    OtherQuestionnaire,
    /// Pasted text with no share link in it.
    NoLink,
}

/// Members offered for a team: where from (a pasted link, a file's name), and
/// their results, or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct Offered {
    pub source: String,
    pub members: Result<Vec<SavedResult>, MemberRefusal>,
}

/// How much of a refused piece of pasted text is named when saying why.
const SOURCE_MAX_CHARS: usize = 40;

/// Team members from pasted text: share links (results or teams) one per line
/// or separated by spaces, words around them ignored; text with no link at
/// all is read as a document (a result, a backup or a team file).
pub fn members_from_pasted(text: &str, questionnaire: &Questionnaire) -> Vec<Offered> {
    let pieces: Vec<&str> = text.split_whitespace().filter(|piece| link_in_text(piece).is_some()).collect();
    if pieces.is_empty() {
        if text.trim().is_empty() {
            return Vec::new();
        }
        let members = if text.trim_start().starts_with('{') {
            members_from_document(text.as_bytes(), questionnaire)
        } else {
            Err(MemberRefusal::NoLink)
        };
        return vec![Offered { source: shortened(text.trim(), SOURCE_MAX_CHARS), members }];
    }
    pieces
        .into_iter()
        .map(|piece| Offered {
            source: shortened(piece, SOURCE_MAX_CHARS),
            members: link_in_text(piece)
                .map_or(Err(MemberRefusal::NoLink), |fragment| members_from_link(fragment, questionnaire)),
        })
        .collect()
}

/// The members a share link carries: its result, or a team link's members.
fn members_from_link(fragment: &str, questionnaire: &Questionnaire) -> Result<Vec<SavedResult>, MemberRefusal> {
    match link::parse_fragment(fragment) {
        Some(Ok((_, Payload::Plain(bytes)))) => {
            from_link(&bytes, questionnaire).map(|result| vec![result]).map_err(MemberRefusal::Link)
        }
        Some(Ok((_, Payload::Team(bytes)))) => {
            from_team_link(&bytes, questionnaire).map(|team| team.members).map_err(MemberRefusal::Link)
        }
        Some(Ok((_, Payload::Sealed(_)))) => Err(MemberRefusal::Sealed),
        Some(Err(error)) => Err(MemberRefusal::Link(error)),
        None => Err(MemberRefusal::Link(LinkError::Damaged)),
    }
}

/// Team members from a file's bytes: one result, a backup's results, or a team file's members.
pub fn members_from_document(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Vec<SavedResult>, MemberRefusal> {
    match team_codec::decode_team_document(bytes, questionnaire) {
        Ok(team) => return Ok(team.members),
        // Not a team file: perhaps a result or a backup.
        Err(ImportError::UnknownFormat(_)) => {}
        Err(error) => return Err(MemberRefusal::Document(error)),
    }
    let results = export::decode_import_as(bytes, questionnaire, true).map_err(MemberRefusal::Document)?;
    if results.iter().any(|r| r.questionnaire.id != questionnaire.id) {
        return Err(MemberRefusal::OtherQuestionnaire);
    }
    Ok(admit(results, Some(questionnaire)).results)
}

/// The team a team link carries, every member held to the rules.
pub fn from_team_link(payload: &[u8], questionnaire: &Questionnaire) -> Result<Team, LinkError> {
    let mut team = team_codec::decode_team(payload, questionnaire)?;
    team.members = admit(team.members, Some(questionnaire)).results;
    team.normalize();
    Ok(team)
}

/// The teams a backup carries (none when it is not a backup, or they cannot
/// be read: its results are imported, or refused, on their own).
pub fn teams_from_backup(bytes: &[u8], questionnaire: &Questionnaire) -> Vec<Team> {
    let mut teams = team_codec::decode_backup_teams(bytes, questionnaire).unwrap_or_default();
    for team in &mut teams {
        team.members = admit(std::mem::take(&mut team.members), Some(questionnaire)).results;
        team.normalize();
    }
    teams
}

/// A team file's team, every member held to the rules.
pub fn team_from_document(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Team, ImportError> {
    let mut team = team_codec::decode_team_document(bytes, questionnaire)?;
    team.members = admit(team.members, Some(questionnaire)).results;
    team.normalize();
    Ok(team)
}

/// The share link's fragment in `text`: from `#pr<digits>.` to the next white
/// space or quote, without punctuation a sentence or a chat program put after it.
fn link_in_text(text: &str) -> Option<&str> {
    let start = text.match_indices("#pr").map(|(i, _)| i).find(|&i| {
        let rest = &text.as_bytes()[i + 3..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        digits > 0 && rest.get(digits) == Some(&b'.')
    })?;
    let rest = &text[start..];
    let end =
        rest.find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']')).unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',', ';', '!', '?']))
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

    #[test]
    fn a_pasted_share_link_brings_its_result_in() {
        let q = Questionnaire::builtin();
        let mut result = SavedResult::finish(&q, crate::model::Responses::default(), "Initech", 0, 1_764_000_000_000);
        result
            .responses
            .set_answer(&q.principles[0].statements[0].id, crate::model::Answer::Rated(crate::model::Rating::Agree));
        let fragment = link::fragment("abcdef", &link::encode_result(&result, &q, true, false));
        for pasted in [
            format!("https://example.com/check{fragment}"),
            format!("  Here is our result: <https://example.com/check?x=1{fragment}>.\n"),
            format!("{fragment}."),
        ] {
            let Ok(Pasted::Results(admitted)) = from_pasted(&pasted, &q, true) else { panic!("{pasted}") };
            assert_eq!(admitted.results.len(), 1);
            assert_eq!(admitted.results[0].label, "Initech");
            assert!(admitted.results[0].received, "a link is someone else's result");
        }
        let Ok(Pasted::Results(mine)) = from_pasted(&fragment, &q, false) else { panic!() };
        assert!(!mine.results[0].received, "unless the person says it is their own");
        let cut = format!("https://example.com/{}", &fragment[..fragment.len() - 6]);
        assert_eq!(from_pasted(&cut, &q, true), Err(PastedError::Link(LinkError::Damaged)));
        assert_eq!(from_pasted("#pr9.abc.def", &q, true), Err(PastedError::Link(LinkError::NewerFormat)));
        // Not a link: read as a document, refused as one.
        assert!(matches!(
            from_pasted("Hello #pr world", &q, true),
            Err(PastedError::Document(ImportError::NotJson(_)))
        ));
        let plan = link::seal_plan("abcdef", 600_000, &[1; 16], &[2; 12]);
        let sealed = link::sealed_fragment("abcdef", &plan, &[9; 40]);
        assert!(matches!(from_pasted(&sealed, &q, true), Ok(Pasted::Sealed(_))));
    }
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
        assert_eq!(admitted.unknown_count, 2);
        assert_ne!(admitted.results[0].id, admitted.results[1].id, "one batch never holds one id twice");
        assert!(admit(admitted.results, None).unknown_ids.is_empty(), "storage holds results of any version");
    }

    #[test]
    fn unknown_ids_are_named_a_few_and_short_however_many_there_are() {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for i in 0..90 {
            responses.set_answer(&format!("{}{i:02}", "x".repeat(500)), Answer::NotSure);
        }
        let admitted = admit(vec![SavedResult::finish(&q, responses, "", 0, 0)], Some(&q));
        assert_eq!((admitted.unknown_ids.len(), admitted.unknown_count), (MAX_UNKNOWN_IDS, 90));
        assert!(admitted
            .unknown_ids
            .iter()
            .all(|id| id.chars().count() == UNKNOWN_ID_MAX_CHARS + 1 && id.ends_with('\u{2026}')));
    }

    #[test]
    fn every_source_refuses_what_it_cannot_read_with_its_own_reason() {
        let q = Questionnaire::builtin();
        assert_eq!(from_link(&[], &q), Err(LinkError::Damaged));
        assert_eq!(from_document(b"\xff", &q, true), Err(ImportError::NotText));
        assert_eq!(from_storage("[1]"), Err(DecodeError::MissingVersion));
    }

    /// A result answering every statement `value`, finished at `ms`, labelled `label`.
    fn rated(q: &Questionnaire, value: u8, ms: u64, label: &str) -> SavedResult {
        let mut responses = crate::model::Responses::default();
        for statement in q.principles.iter().flat_map(|p| &p.statements) {
            responses.set_answer(
                &statement.id,
                crate::model::Answer::Rated(crate::model::Rating::from_value(value).unwrap()),
            );
        }
        SavedResult::finish(q, responses, label, 0, ms)
    }

    #[test]
    fn team_members_come_from_several_links_pasted_at_once() {
        let q = Questionnaire::builtin();
        let link_of = |r: &SavedResult| link::fragment("abcdef", &link::encode_result(r, &q, true, false));
        let (ana, ben) = (rated(&q, 4, 1_764_000_000_000, "Ana"), rated(&q, 2, 1_764_000_000_001, "Ben"));
        let team = Team {
            id: 0,
            name: "Sales".into(),
            created_ms: 0,
            show_names: false,
            members: vec![ana.clone(), ben.clone()],
        };
        let team_link = team_codec::team_fragment("abcdef", &team, &q, false, false);
        let pasted = format!(
            "Ana: https://example.com/{}\nhttps://example.com/{} {}\n{}\nnot a link #pr1.abc.zz",
            link_of(&ana),
            link_of(&ben),
            team_link,
            &link_of(&ben)[..40]
        );
        let offered = members_from_pasted(&pasted, &q);
        let counts: Vec<Result<usize, MemberRefusal>> =
            offered.iter().map(|o| o.members.as_ref().map(Vec::len).map_err(Clone::clone)).collect();
        assert_eq!(
            counts,
            [
                Ok(1),
                Ok(1),
                Ok(2),
                Err(MemberRefusal::Link(LinkError::Damaged)),
                Err(MemberRefusal::Link(LinkError::Damaged))
            ]
        );
        assert_eq!(offered[0].members.as_ref().unwrap()[0].label, "Ana", "words around a link are left out");
        assert!(offered.iter().flat_map(|o| o.members.iter().flatten()).all(|m| m.received));
        assert!(offered[3].source.chars().count() <= SOURCE_MAX_CHARS + 1, "a refused piece is named, short");
        assert_eq!(members_from_pasted("  \n ", &q), []);
        let words = members_from_pasted("hello there", &q);
        assert_eq!(words[0].members, Err(MemberRefusal::NoLink));
    }

    #[test]
    fn team_members_come_from_a_result_a_backup_or_a_team_file_of_this_questionnaire() {
        let q = Questionnaire::builtin();
        let ana = rated(&q, 4, 1_764_000_000_000, "Ana");
        let one = export::encode_result(&ana, &q);
        assert_eq!(members_from_document(one.as_bytes(), &q).map(|m| m.len()), Ok(1));
        let team = Team {
            id: 0,
            name: "Sales".into(),
            created_ms: 0,
            show_names: true,
            members: vec![ana.clone(), rated(&q, 1, 5, "Ben")],
        };
        let document = team_codec::encode_team_document(&team, &q, 7);
        assert_eq!(members_from_document(document.as_bytes(), &q).map(|m| m.len()), Ok(2));
        assert_eq!(team_from_document(document.as_bytes(), &q).map(|t| t.name), Ok("Sales".to_owned()));
        let other = one.replacen(&format!("\"id\":\"{}\"", q.id), "\"id\":\"another-check\"", 1);
        assert_ne!(other, one);
        assert_eq!(members_from_document(other.as_bytes(), &q), Err(MemberRefusal::OtherQuestionnaire));
        assert!(matches!(members_from_document(b"{", &q), Err(MemberRefusal::Document(ImportError::NotJson(_)))));
        let backup = export::encode_backup(&[ana], &[team], &q, 9);
        assert_eq!(teams_from_backup(backup.as_bytes(), &q).len(), 1);
        assert_eq!(teams_from_backup(one.as_bytes(), &q), []);
    }

    #[test]
    fn a_pasted_team_link_opens_the_team() {
        let q = Questionnaire::builtin();
        let team =
            Team { id: 0, name: "Sales".into(), created_ms: 0, show_names: false, members: vec![rated(&q, 3, 9, "")] };
        let pasted = format!("https://example.com/{}", team_codec::team_fragment("abcdef", &team, &q, false, false));
        let Ok(Pasted::Team(opened)) = from_pasted(&pasted, &q, true) else { panic!("{pasted}") };
        assert_eq!((opened.name.as_str(), opened.members.len()), ("Sales", 1));
    }
}
