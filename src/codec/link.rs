//! Share links: a result carried in the URL fragment, which browsers never send
//! to a server. `#pr1.<tag>.<data>`:
//! - `pr1` says whose fragment it is and its format version (the host page's own
//!   anchors never start so); a later format takes `pr2` and keeps this decoder;
//! - `<tag>` names the widget that made it (a hash of its storage key), so on a
//!   page with several widgets the link opens in the right one;
//! - `<data>` is base64url of a binary payload, first byte its kind:
//!   `1` plain: the result, then a checksum (FNV-1a, 4 bytes) so a truncated or
//!   garbled link is recognised;
//!   `2` sealed: salt (16), nonce (12) and AES-GCM ciphertext of the result,
//!   made in the browser from a passphrase (see `js/share.js`); nothing readable.
//!
//! The result itself, positional rather than JSON (the questionnaire fixes the
//! order of statements, and its content hash travels along):
//! ```text
//! flags (1: label, 2: notes) · hash (8 bytes) · id · version · created ms (varint)
//! · statement count (varint) · answers, 3 bits each (0 none, 1–5 rating, 6 not sure)
//! · [label] · [notes: count, then principle index and text each]
//! ```
//! Texts are a varint byte length and UTF-8. A fully answered result without
//! label or notes takes about 95 characters of fragment. Scores are never in a
//! link: the reader computes them from the answers.

use super::base64url;
use super::store::MAX_TIME_MS;
use crate::model::canonical::fnv1a_64;
use crate::model::{Answer, Questionnaire, QuestionnaireRef, Rating, Responses, SavedResult};

/// Starts every fragment this widget writes.
pub const FRAGMENT_PREFIX: &str = "#pr1.";
/// Links longer than this are not offered (some mail and chat programs cut them).
pub const MAX_LINK_CHARS: usize = 2000;

const PLAIN: u8 = 1;
const SEALED: u8 = 2;
const HAS_LABEL: u8 = 1;
const HAS_NOTES: u8 = 2;
const CHECKSUM_BYTES: usize = 4;
/// Salt and nonce in front of a sealed result, and the AES-GCM tag behind it.
pub const SEAL_OVERHEAD: usize = 16 + 12 + 16;

/// Why a link cannot be opened. The words are in `crate::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Truncated, garbled, tampered with, or not a link of ours at all.
    Damaged,
    /// Made by a later version of the widget (`#pr2.`…).
    NewerFormat,
    /// Made on questions this widget does not have (another version, or another questionnaire).
    OtherQuestions,
}

/// A link's payload, before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// The encoded result, its checksum already verified.
    Plain(Vec<u8>),
    /// Salt, nonce and ciphertext: needs the passphrase.
    Sealed(Vec<u8>),
}

/// Which widget a link belongs to: 6 characters from its storage key.
pub fn widget_tag(storage_key: &str) -> String {
    base64url::encode(&fnv1a_64(storage_key.as_bytes()).to_be_bytes()[..4]).chars().take(6).collect()
}

/// Which of the page's widgets (by their tags, in page order) opens a link made
/// by the widget tagged `link_tag`: the one with that tag, else the first (a link
/// made elsewhere, or one whose tag cannot be read, still opens somewhere).
pub fn link_target(link_tag: Option<&str>, widget_tags: &[String]) -> usize {
    link_tag.and_then(|tag| widget_tags.iter().position(|t| t == tag)).unwrap_or(0)
}

/// The fragment for a payload made by the widget with `tag`.
pub fn fragment(tag: &str, payload: &Payload) -> String {
    let mut bytes = Vec::new();
    match payload {
        Payload::Plain(result) => {
            bytes.push(PLAIN);
            bytes.extend_from_slice(result);
            let checksum = fnv1a_64(&bytes).to_be_bytes();
            bytes.extend_from_slice(&checksum[..CHECKSUM_BYTES]);
        }
        Payload::Sealed(sealed) => {
            bytes.push(SEALED);
            bytes.extend_from_slice(sealed);
        }
    }
    format!("{FRAGMENT_PREFIX}{tag}.{}", base64url::encode(&bytes))
}

/// Reads a URL fragment: `None` if it is not one of ours (the host page's own
/// anchor), else the widget tag and the payload, or why it is unusable.
pub fn parse_fragment(fragment: &str) -> Option<Result<(String, Payload), LinkError>> {
    if let Some(rest) = fragment.strip_prefix(FRAGMENT_PREFIX) {
        return Some(parse_ours(rest));
    }
    // `#pr2.`, `#pr3.`, …: ours, from a later version of the widget.
    let (version, _) = fragment.strip_prefix("#pr")?.split_once('.')?;
    let later = !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) && version != "0" && version != "1";
    later.then_some(Err(LinkError::NewerFormat))
}

fn parse_ours(rest: &str) -> Result<(String, Payload), LinkError> {
    let (tag, data) = rest.split_once('.').ok_or(LinkError::Damaged)?;
    let bytes = base64url::decode(data).map_err(|_| LinkError::Damaged)?;
    let payload = match bytes.split_first() {
        Some((&PLAIN, rest)) => {
            let (result, checksum) = rest.split_at(rest.len().checked_sub(CHECKSUM_BYTES).ok_or(LinkError::Damaged)?);
            let expected = fnv1a_64(&bytes[..1 + result.len()]).to_be_bytes();
            if checksum != &expected[..CHECKSUM_BYTES] {
                return Err(LinkError::Damaged);
            }
            Payload::Plain(result.to_vec())
        }
        Some((&SEALED, sealed)) if sealed.len() > SEAL_OVERHEAD => Payload::Sealed(sealed.to_vec()),
        // In format 1 any other kind byte is damage: a new kind means a new prefix.
        _ => return Err(LinkError::Damaged),
    };
    Ok((tag.to_owned(), payload))
}

fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    push_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// The hash's 16 hex digits as 8 bytes (a hash of another form is stored as zeros,
/// and then matches no questionnaire).
fn hash_bytes(hex: &str) -> [u8; 8] {
    let value = if hex.len() == 16 { u64::from_str_radix(hex, 16).unwrap_or(0) } else { 0 };
    value.to_be_bytes()
}

/// Encodes `result`, answered on `questionnaire`, for a link. Label and notes
/// only when `include_texts`.
pub fn encode_result(result: &SavedResult, questionnaire: &Questionnaire, include_texts: bool) -> Vec<u8> {
    let has_label = include_texts && !result.label.is_empty();
    let has_notes = include_texts && !result.responses.notes.is_empty();
    let mut out = vec![(u8::from(has_label) * HAS_LABEL) | (u8::from(has_notes) * HAS_NOTES)];
    out.extend_from_slice(&hash_bytes(&result.questionnaire.content_hash));
    push_text(&mut out, &result.questionnaire.id);
    push_text(&mut out, &result.questionnaire.version);
    push_varint(&mut out, result.finished_at_ms);
    let statements: Vec<&str> =
        questionnaire.principles.iter().flat_map(|p| &p.statements).map(|s| s.id.as_str()).collect();
    push_varint(&mut out, statements.len() as u64);
    let mut bits = vec![0u8; (statements.len() * 3).div_ceil(8)];
    for (i, id) in statements.iter().enumerate() {
        let code = match result.responses.answer(id) {
            None => 0,
            Some(Answer::Rated(rating)) => rating.value(),
            Some(Answer::NotSure) => 6,
        };
        for bit in 0..3 {
            if code >> bit & 1 == 1 {
                bits[(i * 3 + bit) / 8] |= 1 << ((i * 3 + bit) % 8);
            }
        }
    }
    out.extend_from_slice(&bits);
    if has_label {
        push_text(&mut out, &result.label);
    }
    if has_notes {
        let notes: Vec<(usize, &str)> = result
            .responses
            .notes
            .iter()
            .filter_map(|(id, note)| Some((questionnaire.principle_index(id)?, note.as_str())))
            .collect();
        push_varint(&mut out, notes.len() as u64);
        for (index, note) in notes {
            push_varint(&mut out, index as u64);
            push_text(&mut out, note);
        }
    }
    out
}

/// Reads an encoded result, bounds-checked byte by byte.
struct Bytes<'a> {
    rest: &'a [u8],
}

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        if n > self.rest.len() {
            return Err(LinkError::Damaged);
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    fn varint(&mut self) -> Result<u64, LinkError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f).checked_shl(shift).ok_or(LinkError::Damaged)?;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(LinkError::Damaged)
    }

    fn text(&mut self, max_bytes: usize) -> Result<&'a str, LinkError> {
        let length = usize::try_from(self.varint()?).map_err(|_| LinkError::Damaged)?;
        if length > max_bytes {
            return Err(LinkError::Damaged);
        }
        std::str::from_utf8(self.take(length)?).map_err(|_| LinkError::Damaged)
    }
}

/// Decodes a result encoded by [`encode_result`]. It must have been answered on
/// `questionnaire` (same content hash): the answers are positional.
pub fn decode_result(bytes: &[u8], questionnaire: &Questionnaire) -> Result<SavedResult, LinkError> {
    let mut input = Bytes { rest: bytes };
    let flags = input.take(1)?[0];
    if flags & !(HAS_LABEL | HAS_NOTES) != 0 {
        return Err(LinkError::Damaged);
    }
    let hash = input.take(8)?;
    let id = input.text(MAX_LINK_CHARS)?;
    let version = input.text(MAX_LINK_CHARS)?;
    if hash != hash_bytes(&questionnaire.content_hash) || id != questionnaire.id {
        return Err(LinkError::OtherQuestions);
    }
    let finished_at_ms = input.varint()?;
    if finished_at_ms > MAX_TIME_MS {
        return Err(LinkError::Damaged);
    }
    let statements: Vec<&str> =
        questionnaire.principles.iter().flat_map(|p| &p.statements).map(|s| s.id.as_str()).collect();
    if input.varint()? != statements.len() as u64 {
        return Err(LinkError::Damaged);
    }
    let bits = input.take((statements.len() * 3).div_ceil(8))?;
    let mut responses = Responses::default();
    for (i, id) in statements.iter().enumerate() {
        let code = (0..3).fold(0u8, |code, bit| code | ((bits[(i * 3 + bit) / 8] >> ((i * 3 + bit) % 8)) & 1) << bit);
        match code {
            0 => {}
            6 => responses.set_answer(id, Answer::NotSure),
            _ => responses.set_answer(id, Answer::Rated(Rating::from_value(code).ok_or(LinkError::Damaged)?)),
        }
    }
    // Trimmed and capped as any result's label (`SavedResult::finish`).
    let label = if flags & HAS_LABEL != 0 { input.text(MAX_LINK_CHARS)? } else { "" };
    if flags & HAS_NOTES != 0 {
        let count = input.varint()?;
        if count > questionnaire.principles.len() as u64 {
            return Err(LinkError::Damaged);
        }
        for _ in 0..count {
            let index = usize::try_from(input.varint()?).map_err(|_| LinkError::Damaged)?;
            let principle = questionnaire.principles.get(index).ok_or(LinkError::Damaged)?;
            responses.set_note(&principle.id, input.text(MAX_LINK_CHARS * 4)?);
        }
    }
    if !input.rest.is_empty() {
        return Err(LinkError::Damaged);
    }
    let mut result = SavedResult::finish(questionnaire, responses, label, 0, finished_at_ms);
    result.questionnaire = QuestionnaireRef { version: version.to_owned(), ..QuestionnaireRef::of(questionnaire) };
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(q: &Questionnaire, label: &str, note: &str) -> SavedResult {
        let mut responses = Responses::default();
        for (i, statement) in q.principles.iter().flat_map(|p| &p.statements).enumerate() {
            let answer = if i % 6 == 5 { Answer::NotSure } else { Answer::Rated(Rating::ALL[i % 5]) };
            responses.set_answer(&statement.id, answer);
        }
        if !note.is_empty() {
            responses.set_note(&q.principles[9].id, note);
        }
        SavedResult::finish(q, responses, label, 0, 1_764_309_600_123)
    }

    fn link_for(result: &SavedResult, q: &Questionnaire, include_texts: bool) -> String {
        fragment(&widget_tag("partnership-readiness"), &Payload::Plain(encode_result(result, q, include_texts)))
    }

    fn open(fragment_text: &str, q: &Questionnaire) -> Result<SavedResult, LinkError> {
        match parse_fragment(fragment_text).expect("ours")? {
            (_, Payload::Plain(bytes)) => decode_result(&bytes, q),
            (_, Payload::Sealed(_)) => panic!("not sealed"),
        }
    }

    #[test]
    fn a_full_result_fits_200_characters_and_round_trips() {
        let q = Questionnaire::builtin();
        let result = answered(&q, "Acme", "Ask about the budget");
        let short = link_for(&result, &q, false);
        assert!(short.len() <= 200, "{} characters: {short}", short.len());
        assert!(short.starts_with("#pr1."));
        let opened = open(&short, &q).unwrap();
        assert_eq!(opened.responses.answers, result.responses.answers);
        assert_eq!((opened.label.as_str(), opened.responses.notes.is_empty()), ("", true), "texts left out");
        assert_eq!((opened.finished_at_ms, opened.overall), (result.finished_at_ms, result.overall));

        let full = open(&link_for(&result, &q, true), &q).unwrap();
        assert_eq!(full, result, "with texts, everything round-trips");
    }

    #[test]
    fn the_widget_tag_tells_widgets_apart() {
        assert_eq!(widget_tag("a").len(), 6);
        assert_ne!(widget_tag("partnership-readiness"), widget_tag("acme-check"));
        let q = Questionnaire::builtin();
        let (tag, _) = parse_fragment(&link_for(&answered(&q, "", ""), &q, false)).unwrap().unwrap();
        assert_eq!(tag, widget_tag("partnership-readiness"));
    }

    #[test]
    fn a_link_opens_in_the_widget_that_made_it_or_the_first() {
        let tags = vec![widget_tag("a"), widget_tag("b")];
        assert_eq!(link_target(Some(&widget_tag("b")), &tags), 1);
        assert_eq!(link_target(Some("zzzzzz"), &tags), 0);
        assert_eq!(link_target(None, &tags), 0);
    }

    #[test]
    fn other_fragments_are_left_to_the_host_page() {
        for other in ["", "#", "#top", "#pr", "#pr.x", "#pro.x.y", "#pr0.x", "#section-pr1.a.b"] {
            assert_eq!(parse_fragment(other), None, "{other}");
        }
        assert_eq!(parse_fragment("#pr2.abcdef.AAAA"), Some(Err(LinkError::NewerFormat)));
        assert_eq!(parse_fragment("#pr10.x"), Some(Err(LinkError::NewerFormat)));
    }

    #[test]
    fn damaged_links_are_recognised() {
        let q = Questionnaire::builtin();
        let good = link_for(&answered(&q, "Acme", "note"), &q, true);
        let cases: Vec<(String, LinkError)> = vec![
            (good[..good.len() - 1].to_owned(), LinkError::Damaged),
            (good[..good.len() / 2].to_owned(), LinkError::Damaged),
            (good.replacen('A', "B", 1), LinkError::Damaged),
            (format!("{good}="), LinkError::Damaged),
            (format!("#pr1.{}", good.rsplit_once('.').unwrap().1), LinkError::Damaged),
            ("#pr1.abcdef.".into(), LinkError::Damaged),
            ("#pr1.abcdef.AQ".into(), LinkError::Damaged),
            (format!("#pr1.abcdef.{}", base64url::encode(&[9, 1, 2, 3])), LinkError::Damaged),
            (format!("#pr1.abcdef.{}", base64url::encode(&[2, 1, 2, 3])), LinkError::Damaged),
        ];
        for (text, error) in cases {
            let outcome = parse_fragment(&text).expect("ours").and_then(|(_, payload)| match payload {
                Payload::Plain(bytes) => decode_result(&bytes, &q).map(|_| ()),
                Payload::Sealed(_) => Ok(()),
            });
            assert_eq!(outcome, Err(error), "{text}");
        }
    }

    #[test]
    fn a_link_to_other_questions_says_so() {
        let q = Questionnaire::builtin();
        let link = link_for(&answered(&q, "", ""), &q, false);
        let mut other = q.clone();
        other.content_hash = "0000000000000001".into();
        assert_eq!(open(&link, &other), Err(LinkError::OtherQuestions));
    }

    #[test]
    fn a_tampered_payload_with_a_fixed_checksum_is_still_checked() {
        let q = Questionnaire::builtin();
        let mut bytes = encode_result(&answered(&q, "", ""), &q, false);
        let answers_at = bytes.len() - 12;
        bytes[answers_at] = 0xff; // codes 7: not an answer
        let link = fragment("abcdef", &Payload::Plain(bytes));
        assert_eq!(open(&link, &q), Err(LinkError::Damaged));
    }

    #[test]
    fn sealed_payloads_pass_through_unopened() {
        let sealed = vec![7u8; SEAL_OVERHEAD + 5];
        let link = fragment("abcdef", &Payload::Sealed(sealed.clone()));
        assert_eq!(parse_fragment(&link), Some(Ok(("abcdef".into(), Payload::Sealed(sealed)))));
    }
}
