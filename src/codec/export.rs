//! The documents a result leaves the browser as: one result, or a backup of all
//! of them. Versioned and separate from the stored documents, so either can
//! change without breaking the other; described for other tools by
//! `schemas/partnership-readiness.schema.json` (JSON Schema, draft 2020-12).
//!
//! ```json
//! {"format": "partnership-readiness/result", "version": 1,
//!  "questionnaire": {"id": "partnership-readiness", "version": "1.0.0", "hash": "…16 hex…"},
//!  "created": "2026-11-28T06:00:00.000Z", "label": "Acme",
//!  "answers": {"clear-objectives.goals": 4, "clear-objectives.owner": "not-sure"},
//!  "notes": {"clear-objectives": "…"},
//!  "scores": {"informative": true, "overall": 64, "band": "Developing",
//!             "principles": {"clear-objectives": 58, "aligned-values": null}},
//!  "received": true}
//!
//! {"format": "partnership-readiness/backup", "version": 1,
//!  "created": "2026-11-28T06:00:00.000Z", "results": [<result document>, …],
//!  "teams": [<team document>, …]}
//! ```
//! A team's document (`"format": "partnership-readiness/team"`) is written and
//! read by `codec::team`; a backup leaves `teams` out when there are none.
//! `received` (optional) marks someone else's result in a backup; one
//! result's document is taken as the person importing it says (someone
//! else's, unless they say it is their own). `scores` are informative only: whoever reads a document recomputes them from
//! the answers (this widget does), so an edited score changes nothing.

use std::borrow::Cow;

use super::answers::{answers_to_json, notes_to_json, read_answers_and_notes};
use super::json::{self, Json, ParseError};
use super::reader::{Invalid, Obj, Path, Problem};
use super::store::{questionnaire_ref_from, questionnaire_ref_to_json};
use super::team::team_json;
use super::time::{iso_from_ms, ms_from_iso};
use crate::model::questionnaire::slug;
use crate::model::responses::truncate_chars;
use crate::model::scoring::round_score;
use crate::model::team::{Team, MAX_MEMBERS, MAX_TEAMS, TEAM_NAME_MAX_CHARS};
use crate::model::{Questionnaire, Report, SavedResult, LABEL_MAX_CHARS, MAX_RESULTS, NOTE_MAX_CHARS};

pub const RESULT_FORMAT: &str = "partnership-readiness/result";
pub const BACKUP_FORMAT: &str = "partnership-readiness/backup";
/// The version of the documents this build writes and reads (a team's too).
pub const EXPORT_VERSION: u64 = 1;

/// The largest result document this widget writes, in bytes: ten notes of
/// `NOTE_MAX_CHARS` characters, each written as at most six bytes (`\u0001`),
/// a label likewise, thirty answers and the fixed members, rounded up.
pub const MAX_RESULT_BYTES: usize = 10 * NOTE_MAX_CHARS * 6 + LABEL_MAX_CHARS * 6 + 4096;
/// The largest team document this widget writes, in bytes: `MAX_MEMBERS` of the
/// largest results, the name (six bytes a character at most) and the fixed members.
pub const MAX_TEAM_BYTES: usize = MAX_MEMBERS * MAX_RESULT_BYTES + TEAM_NAME_MAX_CHARS * 6 + 1024;
/// The largest backup a valid store can produce: `MAX_RESULTS` of the largest
/// results and `MAX_TEAMS` of the largest teams (about 121 MB). A file above it
/// is refused before it is read.
pub const MAX_IMPORT_BYTES: usize = MAX_RESULTS * MAX_RESULT_BYTES + MAX_TEAMS * MAX_TEAM_BYTES + 1024;

/// One result as a document for others to read.
pub fn result_json<'a>(result: &'a SavedResult, questionnaire: &'a Questionnaire) -> Json<'a> {
    let report = Report::score(questionnaire, &result.responses);
    let principles = report
        .principles
        .iter()
        .map(|p| {
            let score = p.score.map_or(Json::Null, |s| Json::Int(u64::from(round_score(s))));
            (Cow::Borrowed(questionnaire.principles[p.index].id.as_str()), score)
        })
        .collect();
    let scores = Json::object([
        ("informative", Json::Bool(true)),
        ("overall", report.rounded_overall().map_or(Json::Null, |s| Json::Int(u64::from(s)))),
        ("band", report.band(questionnaire).map_or(Json::Null, |b| Json::str(&b.label))),
        ("principles", Json::Object(principles)),
    ]);
    let mut members = vec![
        (Cow::Borrowed("format"), Json::str(RESULT_FORMAT)),
        (Cow::Borrowed("version"), Json::Int(EXPORT_VERSION)),
        (Cow::Borrowed("questionnaire"), questionnaire_ref_to_json(&result.questionnaire)),
        (Cow::Borrowed("created"), Json::Str(Cow::Owned(iso_from_ms(result.finished_at_ms)))),
    ];
    if !result.label.is_empty() {
        members.push((Cow::Borrowed("label"), Json::str(&result.label)));
    }
    members.push((Cow::Borrowed("answers"), answers_to_json(&result.responses)));
    if !result.responses.notes.is_empty() {
        members.push((Cow::Borrowed("notes"), notes_to_json(&result.responses)));
    }
    members.push((Cow::Borrowed("scores"), scores));
    if result.received {
        members.push((Cow::Borrowed("received"), Json::Bool(true)));
    }
    Json::Object(members)
}

/// A download's name: `<prefix>-<label>-<date>.<extension>`, the label reduced
/// to letters, digits and dashes (and left out when empty).
pub fn named_file(prefix: &str, label: &str, at_ms: u64, extension: &str) -> String {
    let slug = truncate_chars(&slug(label), 40);
    let date = iso_from_ms(at_ms);
    let date = date.get(..10).unwrap_or_default();
    if slug.is_empty() {
        format!("{prefix}-{date}.{extension}")
    } else {
        format!("{prefix}-{slug}-{date}.{extension}")
    }
}

/// The file name for a downloaded result.
pub fn file_name(label: &str, finished_at_ms: u64) -> String {
    named_file("partnership-readiness", label, finished_at_ms, "json")
}

/// The file name for a backup made at `now_ms`.
pub fn backup_file_name(now_ms: u64) -> String {
    named_file("partnership-readiness-backup", "", now_ms, "json")
}

pub fn encode_result(result: &SavedResult, questionnaire: &Questionnaire) -> String {
    result_json(result, questionnaire).to_text()
}

/// Every result and every team (each team as its document, `created` when the
/// team was made), made at `now_ms`.
pub fn encode_backup(history: &[SavedResult], teams: &[Team], questionnaire: &Questionnaire, now_ms: u64) -> String {
    let mut backup = Json::object([
        ("format", Json::str(BACKUP_FORMAT)),
        ("version", Json::Int(EXPORT_VERSION)),
        ("created", Json::Str(Cow::Owned(iso_from_ms(now_ms)))),
        ("results", Json::Array(history.iter().map(|r| result_json(r, questionnaire)).collect())),
    ]);
    if let (false, Json::Object(members)) = (teams.is_empty(), &mut backup) {
        let teams = teams.iter().map(|team| team_json(team, questionnaire, team.created_ms)).collect();
        members.push((Cow::Borrowed("teams"), Json::Array(teams)));
    }
    backup.to_text()
}

/// Why a file or pasted text cannot be imported. The words are in `crate::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than any backup this widget can write.
    TooLarge {
        max: usize,
    },
    /// Not UTF-8 text.
    NotText,
    NotJson(ParseError),
    /// JSON, but not a document of this widget (no `format`, or another one).
    NotAnExport,
    UnknownFormat(String),
    /// Written by a newer version of this tool.
    NewerVersion(u64),
    Invalid(Invalid),
}

/// Reads a result document or a backup, from a file's bytes or pasted text.
/// Nothing is trusted: sizes, encoding, syntax, format and version, every value.
/// Each result has id 0 (the shell gives it a fresh one) and headline numbers
/// computed from its answers, whatever the document's `scores` said.
pub fn decode_import(bytes: &[u8], questionnaire: &Questionnaire) -> Result<Vec<SavedResult>, ImportError> {
    decode_import_as(bytes, questionnaire, true)
}

/// [`decode_import`], one result's document taken as someone else's result
/// when `received` (what the person importing it says), else as their own;
/// a backup's results keep what each says.
pub fn decode_import_as(
    bytes: &[u8],
    questionnaire: &Questionnaire,
    received: bool,
) -> Result<Vec<SavedResult>, ImportError> {
    let document = parse_document(bytes, MAX_IMPORT_BYTES)?;
    let backup = match format_of(&document)? {
        RESULT_FORMAT => false,
        BACKUP_FORMAT => true,
        other => return Err(unknown_format(other)),
    };
    check_version(&document)?;
    let mut imported = Vec::new();
    if backup {
        // The teams are read by `codec::team::decode_backup_teams`.
        let fields = Obj::new(&document, Path::Root, &["format", "version", "created", "results", "teams"])
            .map_err(ImportError::Invalid)?;
        let results_path = Path::Key(fields.path(), "results");
        let items = fields.array("results", MAX_RESULTS).map_err(ImportError::Invalid)?;
        for (i, item) in items.iter().enumerate() {
            imported.push(
                result_from(item, Path::Index(&results_path, i), questionnaire, false).map_err(ImportError::Invalid)?,
            );
        }
    } else {
        let mut result = result_from(&document, Path::Root, questionnaire, received).map_err(ImportError::Invalid)?;
        // Whose it is, the person importing it knows best.
        result.received = received;
        imported.push(result);
    }
    Ok(imported)
}

/// A document's JSON from a file's bytes or pasted text: at most `max_bytes`,
/// UTF-8 (a byte order mark allowed), JSON.
pub(super) fn parse_document(bytes: &[u8], max_bytes: usize) -> Result<Json<'_>, ImportError> {
    if bytes.len() > max_bytes {
        return Err(ImportError::TooLarge { max: max_bytes });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    json::parse(text).map_err(ImportError::NotJson)
}

/// The document's `format`, which any document of this widget names.
pub(super) fn format_of<'a>(document: &'a Json<'a>) -> Result<&'a str, ImportError> {
    document.get("format").and_then(Json::as_str).ok_or(ImportError::NotAnExport)
}

/// A format this build does not read, named (cut short) as the document names it.
pub(super) fn unknown_format(format: &str) -> ImportError {
    ImportError::UnknownFormat(truncate_chars(format, 60))
}

/// The document's `version` is one this build reads.
pub(super) fn check_version(document: &Json) -> Result<(), ImportError> {
    match document.get("version").and_then(Json::as_u64) {
        Some(EXPORT_VERSION) => Ok(()),
        // Older versions, once there are any, are migrated here.
        Some(version) if version > EXPORT_VERSION => Err(ImportError::NewerVersion(version)),
        Some(version) => Err(ImportError::Invalid(Path::Named("version").invalid(Problem::UnknownVersion(version)))),
        None => Err(ImportError::Invalid(Path::Root.invalid(Problem::MissingField("version")))),
    }
}

/// `received`: whether the result is someone else's when the document does not say.
pub(super) fn result_from(
    value: &Json,
    path: Path,
    questionnaire: &Questionnaire,
    received: bool,
) -> Result<SavedResult, Invalid> {
    let fields = Obj::new(
        value,
        path,
        &["format", "version", "questionnaire", "created", "label", "answers", "notes", "scores", "received"],
    )?;
    // Inside a backup each result carries its own format and version, which must agree.
    if let Some(format) = fields.opt_str("format")? {
        if format != RESULT_FORMAT {
            return Err(fields.invalid("format", Problem::UnknownFormat(truncate_chars(format, 60))));
        }
    }
    if let Some(version) = fields.opt_uint("version")? {
        if version != EXPORT_VERSION {
            return Err(fields.invalid("version", Problem::UnknownVersion(version)));
        }
    }
    let questionnaire_ref = questionnaire_ref_from(&fields.obj("questionnaire", &["id", "version", "hash"])?)?;
    let created = fields.str("created")?;
    let finished_at_ms = ms_from_iso(created).ok_or_else(|| fields.invalid("created", Problem::TimeOutOfRange))?;
    let label = fields.opt_str("label")?.unwrap_or_default();
    if fields.get("scores").is_some() {
        // Read only to be sure it is an object: the numbers are recomputed.
        fields.obj("scores", &[])?;
    }
    let responses = read_answers_and_notes(&fields)?;
    let mut result = SavedResult::finish(questionnaire, responses, label, 0, finished_at_ms);
    // The result keeps the questionnaire it was answered on.
    result.questionnaire = questionnaire_ref;
    result.received = fields.opt_bool("received")?.unwrap_or(received);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, Rating, Responses};

    fn sample() -> (Questionnaire, SavedResult) {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        for (i, statement) in q.principles.iter().flat_map(|p| &p.statements).enumerate() {
            let answer = if i % 7 == 0 { Answer::NotSure } else { Answer::Rated(Rating::ALL[i % 5]) };
            responses.set_answer(&statement.id, answer);
        }
        responses.set_note(&q.principles[2].id, "Bring the <b>contract</b> & \"numbers\"");
        let result = SavedResult::finish(&q, responses, "Acme GmbH", 0, 1_764_309_600_123);
        (q, result)
    }

    #[test]
    fn a_result_round_trips_through_its_document() {
        let (q, result) = sample();
        let text = encode_result(&result, &q);
        assert!(text.starts_with(r#"{"format":"partnership-readiness/result","version":1,"questionnaire":{"#));
        assert!(text.contains(r#""created":"2025-11-28T06:00:00.123Z""#), "{text}");
        assert!(text.contains(r#""scores":{"informative":true,"overall":"#), "{text}");
        let imported = decode_import(text.as_bytes(), &q).unwrap();
        assert_eq!(imported, [SavedResult { received: true, ..result.clone() }], "one result's file is someone else's");
        // In a backup, a result is one's own unless marked received, and the mark travels.
        let received = SavedResult { received: true, ..result.clone() };
        let backup = encode_backup(&[result.clone(), received.clone()], &[], &q, 0);
        assert_eq!(decode_import(backup.as_bytes(), &q).unwrap(), [result, received.clone()]);
        let marked = encode_result(&received, &q);
        assert!(marked.ends_with(r#","received":true}"#), "{marked}");
        assert!(!encode_result(&SavedResult { received: false, ..received }, &q).contains("received"));
    }

    #[test]
    fn file_names_come_from_label_and_date() {
        assert_eq!(
            file_name("Acme GmbH & Co. KG", 1_764_309_600_123),
            "partnership-readiness-acme-gmbh-co-kg-2025-11-28.json"
        );
        assert_eq!(file_name("  ", 0), "partnership-readiness-1970-01-01.json");
        assert_eq!(file_name("Müller/Öl", 0), "partnership-readiness-müller-öl-1970-01-01.json");
        assert_eq!(file_name("../../etc/passwd", 0), "partnership-readiness-etc-passwd-1970-01-01.json");
        assert_eq!(backup_file_name(0), "partnership-readiness-backup-1970-01-01.json");
        assert_eq!(
            named_file("partnership-readiness-agenda", "Acme and Contoso", 0, "md"),
            "partnership-readiness-agenda-acme-and-contoso-1970-01-01.md"
        );
    }

    #[test]
    fn a_backup_round_trips_all_results() {
        let (q, result) = sample();
        let mut other = result.clone();
        other.label = String::new();
        other.finished_at_ms += 1;
        let history = [result, other];
        let text = encode_backup(&history, &[], &q, 1_764_400_000_000);
        assert!(text.starts_with(r#"{"format":"partnership-readiness/backup","version":1,"created":"#));
        assert_eq!(decode_import(text.as_bytes(), &q).unwrap(), history);
    }

    #[test]
    fn scores_in_the_document_are_recomputed_not_trusted() {
        let (q, result) = sample();
        let text = encode_result(&result, &q);
        let tampered =
            text.replacen(r#""overall":"#, r#""overall":9"#, 1).replace(r#""band":""#, r#""band":"Perfect "#);
        let imported = decode_import(tampered.as_bytes(), &q).unwrap();
        assert_eq!(imported[0].overall, result.overall);
        assert_eq!(imported[0].band_label, result.band_label);
    }

    #[test]
    fn bom_and_unknown_statements_are_handled() {
        let (q, _) = sample();
        let text = "\u{feff}{\"format\":\"partnership-readiness/result\",\"version\":1,\"questionnaire\":{\"id\":\"partnership-readiness\",\"version\":\"0.9\",\"hash\":\"x\"},\"created\":\"2026-01-01T00:00:00Z\",\"answers\":{\"clear-objectives.goals\":5,\"retired.statement\":2},\"notes\":{\"retired\":\"old\"}}";
        let imported = decode_import(text.as_bytes(), &q).unwrap();
        let result = &imported[0];
        assert_eq!(result.overall, Some(100), "scored on the statements this questionnaire has");
        assert_eq!(result.questionnaire.version, "0.9", "it keeps the version it was answered on");
        assert_eq!(result.responses.answers.len(), 2, "nothing dropped");
    }

    /// One bad input and the error it must give.
    fn refuses(text: &str, error: ImportError) {
        let q = Questionnaire::builtin();
        assert_eq!(decode_import(text.as_bytes(), &q), Err(error), "{text}");
    }

    fn doc(members: &str) -> String {
        format!(
            r#"{{"format":"partnership-readiness/result","version":1,"questionnaire":{{"id":"q","version":"1","hash":"h"}},"created":"2026-01-01T00:00:00Z"{members}}}"#
        )
    }

    #[test]
    fn every_kind_of_bad_document_names_what_is_wrong() {
        let invalid = |path: &str, problem| ImportError::Invalid(Invalid::at(path, problem));
        refuses("", ImportError::NotJson(ParseError { offset: 0, kind: json::ParseErrorKind::UnexpectedEnd }));
        refuses("[1]", ImportError::NotAnExport);
        refuses(r#"{"version":1}"#, ImportError::NotAnExport);
        refuses(r#"{"format":"something/else","version":1}"#, ImportError::UnknownFormat("something/else".into()));
        refuses(r#"{"format":"partnership-readiness/result","version":2}"#, ImportError::NewerVersion(2));
        refuses(r#"{"format":"partnership-readiness/result"}"#, invalid("", Problem::MissingField("version")));
        refuses(
            &doc(r#","answers":{"clear-objectives.goals":7}"#),
            invalid("answers.clear-objectives.goals", Problem::RatingOutOfRange(7)),
        );
        refuses(&doc(r#","answers":{"a":"maybe"}"#), invalid("answers.a", Problem::ExpectedRating));
        refuses(&doc(r#","label":5"#), invalid("label", Problem::ExpectedString));
        refuses(&doc(r#","scores":[]"#), invalid("scores", Problem::ExpectedObject));
        refuses(&doc(r#","extra":true"#), invalid("", Problem::UnknownField("extra".into())));
        refuses(
            &doc(r#","answers":{"a":1,"a":2}"#),
            ImportError::NotJson(ParseError { offset: 148, kind: json::ParseErrorKind::DuplicateKey }),
        );
        refuses(&doc("").replace("2026-01-01T00:00:00Z", "yesterday"), invalid("created", Problem::TimeOutOfRange));
        let backup = r#"{"format":"partnership-readiness/backup","version":1,"created":"2026-01-01T00:00:00Z","results":[{"format":"partnership-readiness/result","version":3}]}"#;
        refuses(backup, invalid("results[0].version", Problem::UnknownVersion(3)));
        assert_eq!(decode_import(&[0xff, 0xfe, b'{'], &Questionnaire::builtin()), Err(ImportError::NotText));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(decode_import(deep.as_bytes(), &Questionnaire::builtin()), Err(ImportError::NotJson(_))));
    }

    #[test]
    fn html_in_texts_stays_text() {
        let q = Questionnaire::builtin();
        let text =
            doc(r#","label":"<img src=x onerror=alert(1)>","notes":{"clear-objectives":"<script>alert(1)</script>"}"#);
        let result = &decode_import(text.as_bytes(), &q).unwrap()[0];
        assert_eq!(result.label, "<img src=x onerror=alert(1)>", "kept verbatim; the views only ever render text");
        assert_eq!(result.responses.note("clear-objectives"), "<script>alert(1)</script>");
    }

    #[test]
    fn over_long_texts_are_capped_and_proto_keys_are_just_keys() {
        let q = Questionnaire::builtin();
        let long = "y".repeat(3000);
        let text = doc(&format!(r#","label":"{long}","notes":{{"__proto__":"{long}"}},"answers":{{"__proto__":3}}"#));
        let imported = decode_import(text.as_bytes(), &q).unwrap();
        let result = &imported[0];
        assert_eq!(result.label.chars().count(), LABEL_MAX_CHARS);
        assert_eq!(result.responses.note("__proto__").chars().count(), NOTE_MAX_CHARS);
        assert_eq!(result.responses.answers.len(), 1, "a key like any other");
    }

    #[test]
    fn the_size_limit_follows_from_the_results_limit() {
        const { assert!(MAX_IMPORT_BYTES >= MAX_RESULTS * MAX_RESULT_BYTES + MAX_TEAMS * MAX_TEAM_BYTES) };
        let q = Questionnaire::builtin();
        let mut noisy = sample().1;
        for (i, principle) in q.principles.iter().enumerate() {
            noisy.responses.set_note(&principle.id, &"\u{1}".repeat(NOTE_MAX_CHARS + i));
        }
        noisy.label = "\u{1}".repeat(LABEL_MAX_CHARS);
        assert!(encode_result(&noisy, &q).len() <= MAX_RESULT_BYTES, "the largest result fits its budget");
        let too_big = vec![b' '; MAX_IMPORT_BYTES + 1];
        assert_eq!(decode_import(&too_big, &q), Err(ImportError::TooLarge { max: MAX_IMPORT_BYTES }));
    }
}
