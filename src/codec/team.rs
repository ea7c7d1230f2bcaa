//! A team (`model::team::Team`) in each form it is kept or leaves the browser
//! in: stored beside the results, as a share link, and as a document (alone,
//! or in a backup). Members are results, written exactly as each format writes
//! a result, so a member reads back as the result it was.
//!
//! Stored under `<key>:teams`, with a version of its own (an earlier widget
//! never reads the key):
//! ```json
//! {"version": 1, "teams": [{"id": 7, "name": "Sales", "created": 1764000000000,
//!   "showNames": false, "members": [<stored result, as under <key>:results>, …]}]}
//! ```
//! A team link is format 3 of the share links (`codec::link`: `#pr3.<tag>.<data>`,
//! kind `4`, checksummed as format 1), positional as a result's link; the
//! questionnaire is written once for every member:
//! ```text
//! flags (1: team name, 2: member labels, 4: notes) · hash (8 bytes) · id · version
//! · statement count (varint) · member count (varint, 1–30)
//! · per member: finished ms (varint) · answers, 3 bits each · [label] · [notes]
//! · [team name]
//! ```
//! Three fully answered members without names take 143 characters of fragment,
//! ten 311. A team's document:
//! ```json
//! {"format": "partnership-readiness/team", "version": 1, "created": "2026-11-28T06:00:00.000Z",
//!  "name": "Sales", "showNames": false, "members": [<result document>, …]}
//! ```
//! `created` is when the document was written (in a backup: when the team was
//! made). A team from outside arrives with id 0 and its members marked received;
//! every decoder holds it to the model's rules (`Team::normalize`).

use std::borrow::Cow;

use super::export::{
    self, check_version, format_of, parse_document, result_json, unknown_format, ImportError, BACKUP_FORMAT,
    EXPORT_VERSION, MAX_IMPORT_BYTES, MAX_TEAM_BYTES, RESULT_FORMAT,
};
use super::json::Json;
use super::link::{
    push_answers, push_notes, push_questions, push_text, push_varint, statement_ids, team_fragment_of, Bytes,
    LinkError, MAX_LINK_CHARS,
};
use super::reader::{Invalid, Obj, Path, Problem};
use super::store::{self, result_from as stored_result_from, result_to_json, time_ms, versioned, DecodeError};
use super::time::{iso_from_ms, ms_from_iso};
use crate::model::responses::truncate_chars;
use crate::model::team::{Team, MAX_MEMBERS, MAX_TEAMS};
use crate::model::{Questionnaire, QuestionnaireRef, SavedResult};

/// The version of the stored teams this build writes.
pub const TEAMS_VERSION: u64 = 1;
/// A team's export document.
pub const TEAM_FORMAT: &str = "partnership-readiness/team";

/// Flags of a team link: which texts it carries.
const TEAM_NAME: u8 = 1;
const MEMBER_LABELS: u8 = 2;
const MEMBER_NOTES: u8 = 4;

/// The key the teams are kept under, beside the main key and the results.
pub fn teams_key(key: &str) -> String {
    format!("{key}:teams")
}

/// The stored teams' document.
pub fn encode_teams(teams: &[Team]) -> String {
    let teams = teams
        .iter()
        .map(|team| {
            Json::object([
                ("id", Json::Int(team.id)),
                ("name", Json::str(&team.name)),
                ("created", Json::Int(team.created_ms)),
                ("showNames", Json::Bool(team.show_names)),
                ("members", Json::Array(team.members.iter().map(result_to_json).collect())),
            ])
        })
        .collect();
    Json::object([("version", Json::Int(TEAMS_VERSION)), ("teams", Json::Array(teams))]).to_text()
}

/// Reads the stored teams, each held to the model's rules. A document from a
/// newer build is refused (so left untouched by the caller), as the results are.
pub fn decode_teams(text: &str) -> Result<Vec<Team>, DecodeError> {
    let (document, version) = versioned(text, TEAMS_VERSION)?;
    if version < TEAMS_VERSION {
        return Err(store::unknown_version(version));
    }
    stored_teams_from(&document).map_err(DecodeError::Invalid)
}

fn stored_teams_from(document: &Json) -> Result<Vec<Team>, Invalid> {
    let fields = Obj::new(document, Path::Root, &["version", "teams"])?;
    let teams_path = Path::Key(fields.path(), "teams");
    let items = fields.array("teams", MAX_TEAMS)?;
    let mut teams = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let fields = Obj::new(item, Path::Index(&teams_path, i), &["id", "name", "created", "showNames", "members"])?;
        let members_path = Path::Key(fields.path(), "members");
        let mut members = Vec::new();
        for (j, member) in fields.array("members", MAX_MEMBERS)?.iter().enumerate() {
            members.push(stored_result_from(member, Path::Index(&members_path, j))?);
        }
        let mut team = Team {
            id: fields.uint("id")?,
            name: fields.opt_str("name")?.unwrap_or_default().to_owned(),
            created_ms: time_ms(&fields, "created")?,
            show_names: fields.opt_bool("showNames")?.unwrap_or(false),
            members,
        };
        team.normalize();
        teams.push(team);
    }
    Ok(teams)
}

/// The fragment of a link to `team`, made by the widget tagged `tag`: every
/// member's answers, the team's name when it has one, the members' labels
/// when `labels` and their notes when `notes` (when any member has some).
///
/// The questionnaire is written once, so the members must share it: a team
/// whose members answered different versions gets a link that opens as
/// [`LinkError::OtherQuestions`] (its document carries each member's own).
/// A team without members gets a link that opens as [`LinkError::Damaged`].
pub fn team_fragment(tag: &str, team: &Team, questionnaire: &Questionnaire, labels: bool, notes: bool) -> String {
    let members = &team.members[..team.members.len().min(MAX_MEMBERS)];
    let has_name = !team.name.is_empty();
    let has_labels = labels && members.iter().any(|m| !m.label.is_empty());
    let has_notes = notes && members.iter().any(|m| !m.responses.notes.is_empty());
    let mut out = vec![
        (u8::from(has_name) * TEAM_NAME)
            | (u8::from(has_labels) * MEMBER_LABELS)
            | (u8::from(has_notes) * MEMBER_NOTES),
    ];
    push_questions(&mut out, &shared_questions(members, questionnaire));
    let statements = statement_ids(questionnaire);
    push_varint(&mut out, statements.len() as u64);
    push_varint(&mut out, members.len() as u64);
    for member in members {
        push_varint(&mut out, member.finished_at_ms);
        push_answers(&mut out, &member.responses, &statements);
        if has_labels {
            push_text(&mut out, &member.label);
        }
        if has_notes {
            push_notes(&mut out, &member.responses, questionnaire);
        }
    }
    if has_name {
        push_text(&mut out, &team.name);
    }
    team_fragment_of(tag, &out)
}

/// The questionnaire every member answered; with none, `questionnaire`; when
/// they differ, one with no hash, which no questionnaire matches.
fn shared_questions(members: &[SavedResult], questionnaire: &Questionnaire) -> QuestionnaireRef {
    match members.first() {
        None => QuestionnaireRef::of(questionnaire),
        Some(first) if members.iter().all(|m| m.questionnaire == first.questionnaire) => first.questionnaire.clone(),
        Some(first) => QuestionnaireRef { content_hash: String::new(), ..first.questionnaire.clone() },
    }
}

/// Decodes a team link's payload ([`link::Payload::Team`](super::link::Payload::Team)),
/// answered on `questionnaire` (same content hash, as a result's link): team
/// id 0, made at 0, member ids 0, members received, names shown when the link
/// carries them.
pub fn decode_team(payload: &[u8], questionnaire: &Questionnaire) -> Result<Team, LinkError> {
    let mut input = Bytes::new(payload);
    let flags = input.take(1)?[0];
    if flags & !(TEAM_NAME | MEMBER_LABELS | MEMBER_NOTES) != 0 {
        return Err(LinkError::Damaged);
    }
    let questions = input.questions(questionnaire)?;
    let statements = statement_ids(questionnaire);
    if input.varint()? != statements.len() as u64 {
        return Err(LinkError::Damaged);
    }
    let count = input.varint()?;
    if count == 0 || count > MAX_MEMBERS as u64 {
        return Err(LinkError::Damaged);
    }
    let mut members = Vec::new();
    for _ in 0..count {
        let finished_at_ms = input.time_ms()?;
        let mut responses = input.answers(&statements)?;
        let label = if flags & MEMBER_LABELS != 0 { input.text(MAX_LINK_CHARS)? } else { "" };
        if flags & MEMBER_NOTES != 0 {
            input.notes(questionnaire, &mut responses)?;
        }
        let mut member = SavedResult::finish(questionnaire, responses, label, 0, finished_at_ms);
        member.questionnaire = questions.clone();
        member.received = true;
        members.push(member);
    }
    let name = if flags & TEAM_NAME != 0 { input.text(MAX_LINK_CHARS)? } else { "" };
    input.finish()?;
    let mut team =
        Team { id: 0, name: name.to_owned(), created_ms: 0, show_names: flags & MEMBER_LABELS != 0, members };
    team.normalize();
    Ok(team)
}

/// A team's document, written at `now_ms`.
pub fn encode_team_document(team: &Team, questionnaire: &Questionnaire, now_ms: u64) -> String {
    team_json(team, questionnaire, now_ms).to_text()
}

/// A team as a document for others to read, `created` at `created_ms` (a
/// backup writes each team so, with the time it was made).
pub(super) fn team_json<'a>(team: &'a Team, questionnaire: &'a Questionnaire, created_ms: u64) -> Json<'a> {
    Json::object([
        ("format", Json::str(TEAM_FORMAT)),
        ("version", Json::Int(EXPORT_VERSION)),
        ("created", Json::Str(Cow::Owned(iso_from_ms(created_ms)))),
        ("name", Json::str(&team.name)),
        ("showNames", Json::Bool(team.show_names)),
        ("members", Json::Array(team.members.iter().map(|m| result_json(m, questionnaire)).collect())),
    ])
}

/// The file name for a downloaded team.
pub fn team_file_name(name: &str, now_ms: u64) -> String {
    export::named_file("partnership-readiness-team", name, now_ms, "json")
}

/// Reads a team's document, from a file's bytes or pasted text, with every
/// check an import makes (`export::decode_import`): size, encoding, syntax,
/// format and version, every member; members answered on another questionnaire
/// than `questionnaire` are refused. Team id 0; members not marked otherwise
/// are received.
pub fn decode_team_document(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Team, ImportError> {
    let document = parse_document(bytes, MAX_TEAM_BYTES)?;
    match format_of(&document)? {
        TEAM_FORMAT => {}
        other => return Err(unknown_format(other)),
    }
    check_version(&document)?;
    team_from(&document, Path::Root, questionnaire, true).map_err(ImportError::Invalid)
}

/// The teams in a backup (none in one result's document, or in a backup made
/// before there were teams), read as [`decode_team_document`] reads a team:
/// members keep what each says, as a backup's results do.
pub fn decode_backup_teams(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Vec<Team>, ImportError> {
    let document = parse_document(bytes, MAX_IMPORT_BYTES)?;
    let backup = match format_of(&document)? {
        BACKUP_FORMAT => true,
        RESULT_FORMAT => false,
        other => return Err(unknown_format(other)),
    };
    check_version(&document)?;
    if !backup {
        return Ok(Vec::new());
    }
    let fields = Obj::new(&document, Path::Root, &["format", "version", "created", "results", "teams"])
        .map_err(ImportError::Invalid)?;
    let teams_path = Path::Key(fields.path(), "teams");
    let items = fields.array("teams", MAX_TEAMS).map_err(ImportError::Invalid)?;
    let mut teams = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        teams.push(team_from(item, Path::Index(&teams_path, i), questionnaire, false).map_err(ImportError::Invalid)?);
    }
    Ok(teams)
}

/// `received`: whether a member is someone else's result when it does not say.
fn team_from(value: &Json, path: Path, questionnaire: &Questionnaire, received: bool) -> Result<Team, Invalid> {
    let fields = Obj::new(value, path, &["format", "version", "created", "name", "showNames", "members"])?;
    // Inside a backup each team carries its own format and version, which must agree.
    if let Some(format) = fields.opt_str("format")? {
        if format != TEAM_FORMAT {
            return Err(fields.invalid("format", Problem::UnknownFormat(truncate_chars(format, 60))));
        }
    }
    if let Some(version) = fields.opt_uint("version")? {
        if version != EXPORT_VERSION {
            return Err(fields.invalid("version", Problem::UnknownVersion(version)));
        }
    }
    let created = fields.str("created")?;
    let created_ms = ms_from_iso(created).ok_or_else(|| fields.invalid("created", Problem::TimeOutOfRange))?;
    let members_path = Path::Key(fields.path(), "members");
    let mut members = Vec::new();
    for (i, item) in fields.array("members", MAX_MEMBERS)?.iter().enumerate() {
        let member_path = Path::Index(&members_path, i);
        let member = export::result_from(item, member_path, questionnaire, received)?;
        if member.questionnaire.id != questionnaire.id {
            let other = Problem::OtherQuestionnaire(truncate_chars(&member.questionnaire.id, 60));
            return Err(Path::Key(&Path::Key(&member_path, "questionnaire"), "id").invalid(other));
        }
        members.push(member);
    }
    let mut team = Team {
        id: 0,
        name: fields.opt_str("name")?.unwrap_or_default().to_owned(),
        created_ms,
        show_names: fields.opt_bool("showNames")?.unwrap_or(false),
        members,
    };
    team.normalize();
    Ok(team)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::base64url;
    use crate::codec::json::{ParseError, ParseErrorKind};
    use crate::codec::link::{parse_fragment, widget_tag, Payload};
    use crate::model::{Answer, Rating, Responses};

    /// Member `n`: every statement answered (a rating or not sure), with a label and a note.
    fn member(q: &Questionnaire, n: u64) -> SavedResult {
        let mut responses = Responses::default();
        for (i, statement) in q.principles.iter().flat_map(|p| &p.statements).enumerate() {
            let code = (i as u64 + n) % 6;
            let answer = if code == 5 { Answer::NotSure } else { Answer::Rated(Rating::ALL[code as usize]) };
            responses.set_answer(&statement.id, answer);
        }
        responses.set_note(&q.principles[(n % 10) as usize].id, &format!("Note {n}"));
        SavedResult::finish(q, responses, &format!("Member {n}"), 100 + n, 1_764_309_600_000 + n)
    }

    fn team(q: &Questionnaire, name: &str, members: u64) -> Team {
        Team {
            id: 7,
            name: name.into(),
            created_ms: 1_764_000_000_000,
            show_names: true,
            members: (0..members).map(|n| member(q, n)).collect(),
        }
    }

    /// `team` as a link carries it: no ids, received, texts as asked.
    fn as_carried(team: &Team, labels: bool, notes: bool) -> Team {
        let members = team
            .members
            .iter()
            .map(|m| {
                let mut m = SavedResult { id: 0, received: true, ..m.clone() };
                if !labels {
                    m.label.clear();
                }
                if !notes {
                    m.responses.notes = Default::default();
                }
                m
            })
            .collect();
        Team { id: 0, created_ms: 0, show_names: labels, members, name: team.name.clone() }
    }

    fn open(fragment: &str, q: &Questionnaire) -> Result<Team, LinkError> {
        match parse_fragment(fragment).ok_or(LinkError::Damaged)?? {
            (_, Payload::Team(bytes)) => decode_team(&bytes, q),
            (_, other) => panic!("not a team: {other:?}"),
        }
    }

    #[test]
    fn stored_teams_round_trip() {
        let q = Questionnaire::builtin();
        let mut hidden = team(&q, "", 0);
        hidden.show_names = false;
        hidden.id = u64::MAX;
        let mut received = team(&q, "Partner side", 2);
        received.members[1].received = true;
        for teams in [vec![], vec![team(&q, "Sales", 3)], vec![hidden, received, team(&q, "Ops", 30)]] {
            let text = encode_teams(&teams);
            assert_eq!(decode_teams(&text), Ok(teams.clone()), "{text}");
        }
        let text = encode_teams(&[team(&q, "Sales", 1)]);
        assert!(text.starts_with(r#"{"version":1,"teams":[{"id":7,"name":"Sales","created":1764000000000,"showNames":true,"members":[{"id":100,"finished_at_ms":"#), "{text}");
        assert_eq!(teams_key("acme"), "acme:teams");
    }

    #[test]
    fn stored_teams_are_normalized_and_unreadable_ones_are_typed_errors() {
        let q = Questionnaire::builtin();
        let mut long = team(&q, &format!("  {}  ", "x".repeat(300)), 2);
        long.members.push(long.members[0].clone());
        let decoded = decode_teams(&encode_teams(&[long])).unwrap();
        assert_eq!((decoded[0].name.chars().count(), decoded[0].members.len()), (80, 2));

        let invalid = |path: &str, problem| Err(DecodeError::Invalid(Invalid::at(path, problem)));
        let one_team = |members: &str| format!(r#"{{"id":1,"created":1,"members":[{members}]}}"#);
        let member = store::tests::stored_result("1", "a", "b");
        let cases = [
            ("{\"version\":2,\"teams\":[]}".to_owned(), Err(DecodeError::NewerVersion(2))),
            ("{\"version\":0,\"teams\":[]}".to_owned(), invalid("version", Problem::UnknownVersion(0))),
            ("{\"teams\":[]}".to_owned(), Err(DecodeError::MissingVersion)),
            ("{\"version\":1,\"teams\":{}}".to_owned(), invalid("teams", Problem::ExpectedArray)),
            (
                format!(r#"{{"version":1,"teams":[{}]}}"#, vec![one_team(""); MAX_TEAMS + 1].join(",")),
                invalid("teams", Problem::TooMany { max: MAX_TEAMS }),
            ),
            (
                format!(r#"{{"version":1,"teams":[{}]}}"#, one_team(&vec![member.as_str(); MAX_MEMBERS + 1].join(","))),
                invalid("teams[0].members", Problem::TooMany { max: MAX_MEMBERS }),
            ),
            (
                r#"{"version":1,"teams":[{"id":1,"created":1,"members":[{"id":1}]}]}"#.to_owned(),
                invalid("teams[0].members[0]", Problem::MissingField("finished_at_ms")),
            ),
            (
                r#"{"version":1,"teams":[{"id":1,"created":1,"colour":"red"}]}"#.to_owned(),
                invalid("teams[0]", Problem::UnknownField("colour".into())),
            ),
            (
                r#"{"version":1,"teams":[{"id":1,"created":18446744073709551615}]}"#.to_owned(),
                invalid("teams[0].created", Problem::TimeOutOfRange),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(decode_teams(&text), expected, "{text}");
        }
        assert_eq!(decode_teams(&format!(r#"{{"version":1,"teams":[{}]}}"#, one_team(&member))).unwrap().len(), 1);
    }

    #[test]
    fn a_team_link_round_trips_with_and_without_texts() {
        let q = Questionnaire::builtin();
        let tag = widget_tag("partnership-readiness");
        for (members, name) in [(1, "Sales"), (3, ""), (MAX_MEMBERS as u64, "Ünïcode team ✓")] {
            let team = team(&q, name, members);
            for (labels, notes) in [(false, false), (true, false), (false, true), (true, true)] {
                let link = team_fragment(&tag, &team, &q, labels, notes);
                assert!(link.starts_with("#pr3."), "{link}");
                assert_eq!(open(&link, &q), Ok(as_carried(&team, labels, notes)), "{members} {labels} {notes}");
            }
        }
    }

    #[test]
    fn three_members_fit_300_characters() {
        let q = Questionnaire::builtin();
        let mut three = team(&q, "", 3);
        for member in &mut three.members {
            member.label.clear();
            member.responses.notes = Default::default();
        }
        let link = team_fragment(&widget_tag("partnership-readiness"), &three, &q, true, true);
        assert_eq!(link.len(), 143, "{link}");
        assert!(link.len() <= 300);
        let ten = team_fragment("abcdef", &team(&q, "", 10), &q, false, false);
        assert_eq!(ten.len(), 311, "{ten}");
    }

    #[test]
    fn every_damaged_team_link_is_refused() {
        let q = Questionnaire::builtin();
        let good = team_fragment("abcdef", &team(&q, "Sales", 3), &q, true, true);
        // A payload of `count` members of no texts, checksummed as a link would be.
        let with_members = |count: u64| {
            let mut payload = vec![0];
            push_questions(&mut payload, &QuestionnaireRef::of(&q));
            push_varint(&mut payload, statement_ids(&q).len() as u64);
            push_varint(&mut payload, count);
            for n in 0..count {
                push_varint(&mut payload, n);
                push_answers(&mut payload, &Responses::default(), &statement_ids(&q));
            }
            team_fragment_of("abcdef", &payload)
        };
        let mut other = q.clone();
        other.content_hash = "0000000000000001".into();
        let mut renamed = q.clone();
        renamed.id = "another-questionnaire".into();
        let cases: Vec<(String, &Questionnaire, LinkError)> = vec![
            (good[..good.len() - 1].to_owned(), &q, LinkError::Damaged),
            (good[..good.len() / 2].to_owned(), &q, LinkError::Damaged),
            (good.replacen('A', "B", 1), &q, LinkError::Damaged),
            (format!("{good}A"), &q, LinkError::Damaged),
            ("#pr3.abcdef.".into(), &q, LinkError::Damaged),
            ("#pr3.abcdef".into(), &q, LinkError::Damaged),
            (format!("#pr3.abcdef.{}", base64url::encode(&[1, 0, 0, 0, 0])), &q, LinkError::Damaged),
            (good.clone(), &other, LinkError::OtherQuestions),
            (good.clone(), &renamed, LinkError::OtherQuestions),
            (with_members(0), &q, LinkError::Damaged),
            (with_members(MAX_MEMBERS as u64 + 1), &q, LinkError::Damaged),
            (team_fragment_of("abcdef", &[8]), &q, LinkError::Damaged),
            (good.replacen("#pr3.", "#pr4.", 1), &q, LinkError::NewerFormat),
        ];
        for (text, questionnaire, error) in cases {
            assert_eq!(open(&text, questionnaire), Err(error), "{text}");
        }
        assert_eq!(open(&with_members(MAX_MEMBERS as u64), &q).map(|t| t.members.len()), Ok(MAX_MEMBERS));
        // A team link is not a result link, and a result payload is not a team.
        assert_eq!(parse_fragment(&good.replacen("#pr3.", "#pr1.", 1)), Some(Err(LinkError::Damaged)));
    }

    #[test]
    fn members_of_different_versions_make_a_link_to_other_questions_and_no_members_a_damaged_one() {
        let q = Questionnaire::builtin();
        let mut mixed = team(&q, "", 2);
        mixed.members[1].questionnaire.version = "0.9".into();
        assert_eq!(open(&team_fragment("abcdef", &mixed, &q, false, false), &q), Err(LinkError::OtherQuestions));
        assert_eq!(open(&team_fragment("abcdef", &team(&q, "x", 0), &q, false, false), &q), Err(LinkError::Damaged));
        // A version of its own for all: carried along, as a result's link carries it.
        for m in &mut mixed.members {
            m.questionnaire.version = "0.9".into();
        }
        let opened = open(&team_fragment("abcdef", &mixed, &q, false, false), &q).unwrap();
        assert!(opened.members.iter().all(|m| m.questionnaire.version == "0.9"));
    }

    #[test]
    fn a_team_document_round_trips() {
        let q = Questionnaire::builtin();
        let mut team = team(&q, "Sales & \"Ops\"", 3);
        team.members[2].received = true;
        let text = encode_team_document(&team, &q, 1_764_309_600_123);
        assert!(
            text.starts_with(r#"{"format":"partnership-readiness/team","version":1,"created":"2025-11-28T06:00:00.123Z","name":"Sales & \"Ops\"","showNames":true,"members":[{"format":"partnership-readiness/result""#),
            "{text}"
        );
        let expected = Team {
            id: 0,
            created_ms: 1_764_309_600_123,
            members: team.members.iter().map(|m| SavedResult { id: 0, received: true, ..m.clone() }).collect(),
            ..team.clone()
        };
        assert_eq!(decode_team_document(text.as_bytes(), &q), Ok(expected.clone()));
        let bom = format!("\u{feff}{text}");
        assert_eq!(decode_team_document(bom.as_bytes(), &q), Ok(expected));
        assert_eq!(team_file_name("Sales & Ops", 0), "partnership-readiness-team-sales-ops-1970-01-01.json");
        assert_eq!(team_file_name("", 0), "partnership-readiness-team-1970-01-01.json");
    }

    #[test]
    fn a_backup_carries_the_teams() {
        let q = Questionnaire::builtin();
        let mut sales = team(&q, "Sales", 2);
        sales.members[1].received = true;
        let teams = vec![sales, team(&q, "", 1)];
        let history = vec![member(&q, 9)];
        let backup = export::encode_backup(&history, &teams, &q, 5);
        let expected: Vec<Team> = teams
            .iter()
            .map(|t| Team {
                id: 0,
                members: t.members.iter().map(|m| SavedResult { id: 0, ..m.clone() }).collect(),
                ..t.clone()
            })
            .collect();
        assert_eq!(decode_backup_teams(backup.as_bytes(), &q), Ok(expected), "members keep what each says");
        assert_eq!(export::decode_import(backup.as_bytes(), &q).map(|r| r.len()), Ok(1), "the results still import");
        let without = export::encode_backup(&history, &[], &q, 5);
        assert!(!without.contains("teams"), "{without}");
        assert_eq!(decode_backup_teams(without.as_bytes(), &q), Ok(vec![]));
        let single = export::encode_result(&history[0], &q);
        assert_eq!(decode_backup_teams(single.as_bytes(), &q), Ok(vec![]), "one result's document has no teams");
    }

    /// The examples `tests/e2e/schema.test.mjs` holds the JSON Schema to are
    /// what this build writes (`UPDATE_FIXTURES=1 cargo test` rewrites them).
    #[test]
    fn the_schema_examples_are_what_this_build_writes() {
        let q = Questionnaire::builtin();
        let mut sales = team(&q, "Sales", 2);
        sales.members[1].received = true;
        let examples = [
            ("team-document.json", include_str!("../../tests/fixtures/team-document.json"), {
                encode_team_document(&sales, &q, 1_764_309_600_123)
            }),
            ("backup-with-teams.json", include_str!("../../tests/fixtures/backup-with-teams.json"), {
                export::encode_backup(&[member(&q, 9)], &[sales.clone()], &q, 1_764_309_600_123)
            }),
        ];
        for (name, stored, written) in examples {
            let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
            if std::env::var_os("UPDATE_FIXTURES").is_some() {
                std::fs::write(&path, format!("{written}\n")).unwrap();
            } else {
                assert_eq!(stored.trim_end(), written, "{path} is not what this build writes (UPDATE_FIXTURES=1)");
            }
        }
    }

    /// The team link the cross-engine suite opens (`tests/engines/checks.mjs`):
    /// three members who each rate a principle's statements alike, with the
    /// medians, lowest and highest that suite expects.
    #[test]
    fn the_engines_team_link_is_what_this_build_writes() {
        let q = Questionnaire::builtin();
        let colleague = |ratings: [u8; 10], n: u64| {
            let mut responses = Responses::default();
            for (principle, rating) in q.principles.iter().zip(ratings) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(Rating::ALL[usize::from(rating) - 1]));
                }
            }
            SavedResult::finish(&q, responses, "", n, 1_764_309_600_000 + n)
        };
        let sales = Team {
            id: 0,
            name: "Acme deal team".into(),
            created_ms: 0,
            show_names: false,
            members: vec![
                colleague([5, 4, 3, 2, 1, 4, 3, 4, 4, 3], 1),
                colleague([2, 4, 3, 4, 1, 5, 2, 4, 4, 3], 2),
                colleague([3, 4, 5, 3, 1, 4, 3, 4, 4, 3], 3),
            ],
        };
        super::super::check_fixture("team-link.txt", &team_fragment("engine", &sales, &q, false, false));
    }

    #[test]
    fn every_kind_of_bad_team_document_names_what_is_wrong() {
        let q = Questionnaire::builtin();
        let invalid = |path: &str, problem| Err(ImportError::Invalid(Invalid::at(path, problem)));
        let good = encode_team_document(&team(&q, "Sales", 2), &q, 0);
        let doc = |members: &str| {
            format!(
                r#"{{"format":"partnership-readiness/team","version":1,"created":"2026-01-01T00:00:00Z","members":[{members}]}}"#
            )
        };
        let result = export::encode_result(&member(&q, 1), &q);
        let foreign = result.replacen(r#""id":"partnership-readiness""#, r#""id":"someone-elses""#, 1);
        let cases: Vec<(Vec<u8>, Result<Team, ImportError>)> = vec![
            (vec![b' '; MAX_TEAM_BYTES + 1], Err(ImportError::TooLarge { max: MAX_TEAM_BYTES })),
            (vec![0xff, b'{'], Err(ImportError::NotText)),
            (b"{".to_vec(), Err(ImportError::NotJson(ParseError { offset: 1, kind: ParseErrorKind::UnexpectedEnd }))),
            (b"[]".to_vec(), Err(ImportError::NotAnExport)),
            (result.clone().into_bytes(), Err(ImportError::UnknownFormat(RESULT_FORMAT.into()))),
            (good.replacen(r#""version":1"#, r#""version":2"#, 1).into_bytes(), Err(ImportError::NewerVersion(2))),
            (
                good.replacen(r#""version":1,"#, "", 1).into_bytes(),
                invalid("", Problem::MissingField("version")),
            ),
            (
                doc(&vec![result.as_str(); MAX_MEMBERS + 1].join(",")).into_bytes(),
                invalid("members", Problem::TooMany { max: MAX_MEMBERS }),
            ),
            (
                doc(&result.replacen(r#""version":1"#, r#""version":9"#, 1)).into_bytes(),
                invalid("members[0].version", Problem::UnknownVersion(9)),
            ),
            (
                doc(&format!("{result},{foreign}")).into_bytes(),
                invalid("members[1].questionnaire.id", Problem::OtherQuestionnaire("someone-elses".into())),
            ),
            (
                doc(r#"{"questionnaire":{"id":"partnership-readiness","version":"1","hash":"h"},"created":"2026-01-01T00:00:00Z","answers":{"a":7}}"#).into_bytes(),
                invalid("members[0].answers.a", Problem::RatingOutOfRange(7)),
            ),
            (doc("").replace("2026-01-01T00:00:00Z", "soon").into_bytes(), invalid("created", Problem::TimeOutOfRange)),
            (doc("").replace("\"members\"", "\"extra\"").into_bytes(), invalid("", Problem::UnknownField("extra".into()))),
        ];
        for (bytes, expected) in cases {
            let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned();
            assert_eq!(decode_team_document(&bytes, &q), expected, "{shown}");
        }
        // A backup's teams are held to the same, and to the teams limit.
        let backup = export::encode_backup(&[], &vec![team(&q, "", 0); MAX_TEAMS + 1], &q, 0);
        assert_eq!(
            decode_backup_teams(backup.as_bytes(), &q),
            Err(ImportError::Invalid(Invalid::at("teams", Problem::TooMany { max: MAX_TEAMS })))
        );
        let other_format = good.replacen("partnership-readiness/team", "partnership-readiness/other", 1);
        let nested = format!(
            r#"{{"format":"partnership-readiness/backup","version":1,"created":"2026-01-01T00:00:00Z","teams":[{other_format}]}}"#
        );
        assert_eq!(
            decode_backup_teams(nested.as_bytes(), &q),
            Err(ImportError::Invalid(Invalid::at(
                "teams[0].format",
                Problem::UnknownFormat("partnership-readiness/other".into())
            )))
        );
        assert_eq!(decode_backup_teams(good.as_bytes(), &q), Err(ImportError::UnknownFormat(TEAM_FORMAT.into())));
    }
}
