//! Share links: a result carried in the URL fragment, which browsers never send
//! to a server. `#pr<format>.<tag>.<data>`:
//! - `pr1`…`pr3` say whose fragment it is and its format (the host page's own
//!   anchors never start so); a later format takes the next number and keeps
//!   these decoders, and this build reads a later one as "made by a newer version";
//! - `<tag>` names the widget that made it (a hash of its storage key), so on a
//!   page with several widgets the link opens in the right one;
//! - `<data>` is base64url of a binary payload, first byte its kind:
//!   - format 1, kind `1`, plain: the result, then a checksum (FNV-1a, 4 bytes),
//!     so a truncated or garbled link is recognised;
//!   - format 2, kind `3`, sealed with a passphrase: a header — the key
//!     derivation (`1`: PBKDF2-SHA-256) and its iterations (varint), salt (16),
//!     nonce (12) — then the AES-GCM ciphertext of the result, then a checksum
//!     of all of it. The checksum tells a damaged or truncated link from a wrong
//!     passphrase before anything is decrypted; the ciphertext is bound to the
//!     format, the widget tag and the header (AES-GCM additional data), so none of
//!     them can be changed; the iterations travel along, so they can be raised
//!     later without breaking old links. Made in the browser (`js/share.js`);
//!     nothing about the result is readable without the passphrase.
//!   - format 1, kind `2`, sealed (earlier links, still opened): salt (16),
//!     nonce (12) and ciphertext, no checksum, nothing bound, the passphrase as typed.
//!   - format 3, kind `4`, a team (`codec::team` writes and reads it), then a
//!     checksum as format 1's.
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

/// Starts every plain link this widget writes.
pub const FRAGMENT_PREFIX: &str = "#pr1.";
/// Starts every sealed link this widget writes.
pub const SEALED_PREFIX: &str = "#pr2.";
/// Starts every team link this widget writes (`codec::team`).
pub const TEAM_PREFIX: &str = "#pr3.";
/// Links longer than this are not offered (some mail and chat programs cut them).
pub const MAX_LINK_CHARS: usize = 2000;

const PLAIN: u8 = 1;
/// Format 1's sealed kind: still opened, no longer written.
const SEALED_V1: u8 = 2;
const SEALED: u8 = 3;
/// Format 3's kind: a team, its payload written by `codec::team`.
const TEAM: u8 = 4;
/// The key derivation of sealed links: PBKDF2 with HMAC-SHA-256.
const PBKDF2_SHA256: u8 = 1;
const HAS_LABEL: u8 = 1;
const HAS_NOTES: u8 = 2;
const CHECKSUM_BYTES: usize = 4;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
/// The AES-GCM tag at the end of a ciphertext.
const TAG_BYTES: usize = 16;
/// Salt and nonce in front of a format 1 sealed result, and the AES-GCM tag behind it.
pub const SEAL_OVERHEAD: usize = SALT_BYTES + NONCE_BYTES + TAG_BYTES;
/// The key-derivation iterations of the links this build seals: OWASP's current
/// guidance for PBKDF2-HMAC-SHA256, slow on purpose so guessing is expensive.
pub const SEAL_ITERATIONS: u32 = 600_000;
/// The most iterations a link may ask for: a raised standard fits, and a
/// hostile link cannot freeze the page for minutes.
pub const MAX_SEAL_ITERATIONS: u32 = 10_000_000;
/// The fewest a link may ask for: anything less is not one of ours.
pub const MIN_SEAL_ITERATIONS: u32 = 100_000;

/// Why a link cannot be opened. The words are in `crate::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Truncated, garbled, tampered with, or not a link of ours at all.
    Damaged,
    /// Made by a later version of the widget (`#pr4.`…).
    NewerFormat,
    /// Made on questions this widget does not have (another version, or another questionnaire).
    OtherQuestions,
}

/// A link's payload, before it is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// The encoded result, its checksum already verified.
    Plain(Vec<u8>),
    /// Needs the passphrase.
    Sealed(Sealed),
    /// A team's members (format 3), its checksum already verified; read by
    /// `codec::team::decode_team`.
    Team(Vec<u8>),
}

/// A result sealed with a passphrase: what opening it takes besides the passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// PBKDF2-SHA-256 iterations.
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// The AES-GCM ciphertext, its tag at the end.
    pub ciphertext: Vec<u8>,
    /// The additional data the ciphertext is bound to (empty in format 1).
    pub bound: Vec<u8>,
    /// Format 1 used the passphrase exactly as typed; format 2 trims it and
    /// normalizes it (Unicode NFC), so "the same" passphrase always opens it.
    pub as_typed: bool,
}

/// How a new sealed link is made: the header goes into the link as it is, and
/// the ciphertext must be bound to `bound` (AES-GCM additional data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealPlan {
    pub header: Vec<u8>,
    pub bound: Vec<u8>,
}

/// The plan of a link sealed by the widget tagged `tag` with `salt` and `nonce`
/// (fresh random bytes), deriving its key with `iterations`.
pub fn seal_plan(tag: &str, iterations: u32, salt: &[u8], nonce: &[u8]) -> SealPlan {
    let mut header = vec![SEALED, PBKDF2_SHA256];
    push_varint(&mut header, u64::from(iterations));
    header.extend_from_slice(salt);
    header.extend_from_slice(nonce);
    SealPlan { bound: bound_data(tag, &header), header }
}

/// What a sealed link's ciphertext is bound to: its format, widget tag and header.
fn bound_data(tag: &str, header: &[u8]) -> Vec<u8> {
    let mut bound = format!("{}{tag}.", SEALED_PREFIX.trim_start_matches('#')).into_bytes();
    bound.extend_from_slice(header);
    bound
}

/// The fragment of a link sealed by the widget tagged `tag`, following `plan`.
pub fn sealed_fragment(tag: &str, plan: &SealPlan, ciphertext: &[u8]) -> String {
    let mut bytes = plan.header.clone();
    bytes.extend_from_slice(ciphertext);
    let checksum = fnv1a_64(&bytes).to_be_bytes();
    bytes.extend_from_slice(&checksum[..CHECKSUM_BYTES]);
    format!("{SEALED_PREFIX}{tag}.{}", base64url::encode(&bytes))
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

/// The fragment of a plain link made by the widget with `tag`.
pub fn fragment(tag: &str, result: &[u8]) -> String {
    checksummed_fragment(FRAGMENT_PREFIX, tag, PLAIN, result)
}

/// The fragment of a team link made by the widget with `tag` (`codec::team`
/// writes the payload).
pub(super) fn team_fragment_of(tag: &str, team: &[u8]) -> String {
    checksummed_fragment(TEAM_PREFIX, tag, TEAM, team)
}

/// `<prefix><tag>.<base64url of kind, payload and checksum>`.
fn checksummed_fragment(prefix: &str, tag: &str, kind: u8, payload: &[u8]) -> String {
    let mut bytes = vec![kind];
    bytes.extend_from_slice(payload);
    let checksum = fnv1a_64(&bytes).to_be_bytes();
    bytes.extend_from_slice(&checksum[..CHECKSUM_BYTES]);
    format!("{prefix}{tag}.{}", base64url::encode(&bytes))
}

/// Reads a URL fragment: `None` if it is not one of ours (the host page's own
/// anchor), else the widget tag and the payload, or why it is unusable.
pub fn parse_fragment(fragment: &str) -> Option<Result<(String, Payload), LinkError>> {
    if let Some(rest) = fragment.strip_prefix(FRAGMENT_PREFIX) {
        return Some(parse_format_1(rest));
    }
    if let Some(rest) = fragment.strip_prefix(SEALED_PREFIX) {
        return Some(parse_format_2(rest));
    }
    if let Some(rest) = fragment.strip_prefix(TEAM_PREFIX) {
        return Some(parse_format_3(rest));
    }
    // `#pr4.`, `#pr5.`, …: ours, from a later version of the widget.
    let (version, _) = fragment.strip_prefix("#pr")?.split_once('.')?;
    let later =
        !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) && !matches!(version, "0" | "1" | "2" | "3");
    later.then_some(Err(LinkError::NewerFormat))
}

/// The tag and the data (its checksum verified and cut off, when it has one).
fn split_link(rest: &str) -> Result<(&str, Vec<u8>), LinkError> {
    let (tag, data) = rest.split_once('.').ok_or(LinkError::Damaged)?;
    // A link pasted at the end of a sentence brings its last mark along
    // ("…Xy4.", "(…Xy4)"): no link ends in anything but base64url.
    let data = data.trim_end_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    Ok((tag, base64url::decode(data).map_err(|_| LinkError::Damaged)?))
}

/// `bytes` without their checksum, if it is right.
fn checked(mut bytes: Vec<u8>) -> Result<Vec<u8>, LinkError> {
    let body = bytes.len().checked_sub(CHECKSUM_BYTES).ok_or(LinkError::Damaged)?;
    let expected = fnv1a_64(&bytes[..body]).to_be_bytes();
    if bytes[body..] != expected[..CHECKSUM_BYTES] {
        return Err(LinkError::Damaged);
    }
    bytes.truncate(body);
    Ok(bytes)
}

fn parse_format_1(rest: &str) -> Result<(String, Payload), LinkError> {
    let (tag, bytes) = split_link(rest)?;
    let payload = match bytes.first() {
        Some(&PLAIN) => Payload::Plain(checked(bytes)?.split_off(1)),
        Some(&SEALED_V1) if bytes.len() > 1 + SEAL_OVERHEAD => Payload::Sealed(Sealed {
            iterations: SEAL_ITERATIONS,
            salt: bytes[1..1 + SALT_BYTES].to_vec(),
            nonce: bytes[1 + SALT_BYTES..1 + SALT_BYTES + NONCE_BYTES].to_vec(),
            ciphertext: bytes[1 + SALT_BYTES + NONCE_BYTES..].to_vec(),
            bound: Vec::new(),
            as_typed: true,
        }),
        // In format 1 any other kind byte is damage: a new kind means a new prefix.
        _ => return Err(LinkError::Damaged),
    };
    Ok((tag.to_owned(), payload))
}

fn parse_format_2(rest: &str) -> Result<(String, Payload), LinkError> {
    let (tag, bytes) = split_link(rest)?;
    let bytes = checked(bytes)?;
    let mut input = Bytes { rest: &bytes };
    if input.take(1)? != [SEALED] {
        return Err(LinkError::Damaged);
    }
    if input.take(1)? != [PBKDF2_SHA256] {
        // A key derivation a later version brought in.
        return Err(LinkError::NewerFormat);
    }
    let iterations = u32::try_from(input.varint()?).map_err(|_| LinkError::Damaged)?;
    if !(MIN_SEAL_ITERATIONS..=MAX_SEAL_ITERATIONS).contains(&iterations) {
        return Err(LinkError::Damaged);
    }
    let salt = input.take(SALT_BYTES)?.to_vec();
    let nonce = input.take(NONCE_BYTES)?.to_vec();
    if input.rest.len() <= TAG_BYTES {
        return Err(LinkError::Damaged);
    }
    let header = &bytes[..bytes.len() - input.rest.len()];
    let sealed = Sealed {
        iterations,
        salt,
        nonce,
        ciphertext: input.rest.to_vec(),
        bound: bound_data(tag, header),
        as_typed: false,
    };
    Ok((tag.to_owned(), Payload::Sealed(sealed)))
}

/// Format 3: a team, checksummed as format 1's plain links.
fn parse_format_3(rest: &str) -> Result<(String, Payload), LinkError> {
    let (tag, bytes) = split_link(rest)?;
    if bytes.first() != Some(&TEAM) {
        return Err(LinkError::Damaged);
    }
    Ok((tag.to_owned(), Payload::Team(checked(bytes)?.split_off(1))))
}

pub(super) fn push_varint(out: &mut Vec<u8>, mut value: u64) {
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

pub(super) fn push_text(out: &mut Vec<u8>, text: &str) {
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
pub fn encode_result(result: &SavedResult, questionnaire: &Questionnaire, label: bool, notes: bool) -> Vec<u8> {
    let has_label = label && !result.label.is_empty();
    let has_notes = notes && !result.responses.notes.is_empty();
    let mut out = vec![(u8::from(has_label) * HAS_LABEL) | (u8::from(has_notes) * HAS_NOTES)];
    push_questions(&mut out, &result.questionnaire);
    push_varint(&mut out, result.finished_at_ms);
    let statements = statement_ids(questionnaire);
    push_varint(&mut out, statements.len() as u64);
    push_answers(&mut out, &result.responses, &statements);
    if has_label {
        push_text(&mut out, &result.label);
    }
    if has_notes {
        push_notes(&mut out, &result.responses, questionnaire);
    }
    out
}

/// The questionnaire a payload was answered on: hash (8 bytes), id, version.
pub(super) fn push_questions(out: &mut Vec<u8>, questions: &QuestionnaireRef) {
    out.extend_from_slice(&hash_bytes(&questions.content_hash));
    push_text(out, &questions.id);
    push_text(out, &questions.version);
}

/// The statement ids in questionnaire order: the positions answers are packed in.
pub(super) fn statement_ids(questionnaire: &Questionnaire) -> Vec<&str> {
    questionnaire.principles.iter().flat_map(|p| &p.statements).map(|s| s.id.as_str()).collect()
}

/// The answers to `statements`, 3 bits each (0 none, 1–5 rating, 6 not sure),
/// least significant bit first.
pub(super) fn push_answers(out: &mut Vec<u8>, responses: &Responses, statements: &[&str]) {
    let mut bits = vec![0u8; (statements.len() * 3).div_ceil(8)];
    for (i, id) in statements.iter().enumerate() {
        let code = match responses.answer(id) {
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
}

/// The notes: their count, then each one's principle index and text (a note on
/// a principle the questionnaire does not have cannot be placed, and is left out).
pub(super) fn push_notes(out: &mut Vec<u8>, responses: &Responses, questionnaire: &Questionnaire) {
    let notes: Vec<(usize, &str)> = responses
        .notes
        .iter()
        .filter_map(|(id, note)| Some((questionnaire.principle_index(id)?, note.as_str())))
        .collect();
    push_varint(out, notes.len() as u64);
    for (index, note) in notes {
        push_varint(out, index as u64);
        push_text(out, note);
    }
}

/// Reads an encoded payload, bounds-checked byte by byte.
pub(super) struct Bytes<'a> {
    rest: &'a [u8],
}

impl<'a> Bytes<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        if n > self.rest.len() {
            return Err(LinkError::Damaged);
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    pub(super) fn varint(&mut self) -> Result<u64, LinkError> {
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

    pub(super) fn text(&mut self, max_bytes: usize) -> Result<&'a str, LinkError> {
        let length = usize::try_from(self.varint()?).map_err(|_| LinkError::Damaged)?;
        if length > max_bytes {
            return Err(LinkError::Damaged);
        }
        std::str::from_utf8(self.take(length)?).map_err(|_| LinkError::Damaged)
    }

    /// A time in milliseconds, no later than a date can be shown.
    pub(super) fn time_ms(&mut self) -> Result<u64, LinkError> {
        Some(self.varint()?).filter(|&ms| ms <= MAX_TIME_MS).ok_or(LinkError::Damaged)
    }

    /// The questionnaire header written by [`push_questions`]: `questionnaire`'s
    /// own (else [`LinkError::OtherQuestions`]), with the version the payload names.
    pub(super) fn questions(&mut self, questionnaire: &Questionnaire) -> Result<QuestionnaireRef, LinkError> {
        let hash = self.take(8)?;
        let id = self.text(MAX_LINK_CHARS)?;
        let version = self.text(MAX_LINK_CHARS)?;
        if hash != hash_bytes(&questionnaire.content_hash) || id != questionnaire.id {
            return Err(LinkError::OtherQuestions);
        }
        Ok(QuestionnaireRef { version: version.to_owned(), ..QuestionnaireRef::of(questionnaire) })
    }

    /// Answers written by [`push_answers`].
    pub(super) fn answers(&mut self, statements: &[&str]) -> Result<Responses, LinkError> {
        let bits = self.take((statements.len() * 3).div_ceil(8))?;
        let mut responses = Responses::default();
        for (i, id) in statements.iter().enumerate() {
            let code =
                (0..3).fold(0u8, |code, bit| code | ((bits[(i * 3 + bit) / 8] >> ((i * 3 + bit) % 8)) & 1) << bit);
            match code {
                0 => {}
                6 => responses.set_answer(id, Answer::NotSure),
                _ => responses.set_answer(id, Answer::Rated(Rating::from_value(code).ok_or(LinkError::Damaged)?)),
            }
        }
        Ok(responses)
    }

    /// Notes written by [`push_notes`], into `responses`.
    pub(super) fn notes(&mut self, questionnaire: &Questionnaire, responses: &mut Responses) -> Result<(), LinkError> {
        let count = self.varint()?;
        if count > questionnaire.principles.len() as u64 {
            return Err(LinkError::Damaged);
        }
        for _ in 0..count {
            let index = usize::try_from(self.varint()?).map_err(|_| LinkError::Damaged)?;
            let principle = questionnaire.principles.get(index).ok_or(LinkError::Damaged)?;
            responses.set_note(&principle.id, self.text(MAX_LINK_CHARS * 4)?);
        }
        Ok(())
    }

    /// Succeeds when everything was read: a byte more is damage.
    pub(super) fn finish(&self) -> Result<(), LinkError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(LinkError::Damaged)
        }
    }
}

/// Decodes a result encoded by [`encode_result`]. It must have been answered on
/// `questionnaire` (same content hash): the answers are positional.
pub fn decode_result(bytes: &[u8], questionnaire: &Questionnaire) -> Result<SavedResult, LinkError> {
    let mut input = Bytes::new(bytes);
    let flags = input.take(1)?[0];
    if flags & !(HAS_LABEL | HAS_NOTES) != 0 {
        return Err(LinkError::Damaged);
    }
    let questions = input.questions(questionnaire)?;
    let finished_at_ms = input.time_ms()?;
    let statements = statement_ids(questionnaire);
    if input.varint()? != statements.len() as u64 {
        return Err(LinkError::Damaged);
    }
    let mut responses = input.answers(&statements)?;
    // Trimmed and capped as any result's label (`SavedResult::finish`).
    let label = if flags & HAS_LABEL != 0 { input.text(MAX_LINK_CHARS)? } else { "" };
    if flags & HAS_NOTES != 0 {
        input.notes(questionnaire, &mut responses)?;
    }
    input.finish()?;
    let mut result = SavedResult::finish(questionnaire, responses, label, 0, finished_at_ms);
    result.questionnaire = questions;
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
        fragment(&widget_tag("partnership-readiness"), &encode_result(result, q, include_texts, include_texts))
    }

    fn open(fragment_text: &str, q: &Questionnaire) -> Result<SavedResult, LinkError> {
        match parse_fragment(fragment_text).expect("ours")? {
            (_, Payload::Plain(bytes)) => decode_result(&bytes, q),
            (_, Payload::Sealed(_) | Payload::Team(_)) => panic!("not sealed, not a team"),
        }
    }

    /// The partner's link the size budget and the benchmark open on `index.html`
    /// (tests/fixtures/result-link.txt): a fully answered result with its label.
    #[test]
    fn the_budget_s_partner_link_is_what_this_build_writes() {
        let q = Questionnaire::builtin();
        super::super::check_fixture("result-link.txt", &link_for(&answered(&q, "Initech", ""), &q, true));
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

        // The name without the notes (the share screen's default).
        let tag = widget_tag("partnership-readiness");
        let named = open(&fragment(&tag, &encode_result(&result, &q, true, false)), &q).unwrap();
        assert_eq!((named.label.as_str(), named.responses.notes.is_empty()), ("Acme", true));
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
        assert_eq!(parse_fragment("#pr4.abcdef.AAAA"), Some(Err(LinkError::NewerFormat)));
        assert_eq!(parse_fragment("#pr3.abcdef.AAAA"), Some(Err(LinkError::Damaged)), "format 3 is read");
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
            (format!("#pr1.{}", good.rsplit_once('.').unwrap().1), LinkError::Damaged),
            ("#pr1.abcdef.".into(), LinkError::Damaged),
            ("#pr1.abcdef.AQ".into(), LinkError::Damaged),
            (format!("#pr1.abcdef.{}", base64url::encode(&[9, 1, 2, 3])), LinkError::Damaged),
            (format!("#pr1.abcdef.{}", base64url::encode(&[2, 1, 2, 3])), LinkError::Damaged),
            (format!("#pr1.abcdef.{}", base64url::encode(&[3; 60])), LinkError::Damaged),
        ];
        for (text, error) in cases {
            let outcome = parse_fragment(&text).expect("ours").and_then(|(_, payload)| match payload {
                Payload::Plain(bytes) => decode_result(&bytes, &q).map(|_| ()),
                Payload::Sealed(_) | Payload::Team(_) => Ok(()),
            });
            assert_eq!(outcome, Err(error), "{text}");
        }
    }

    #[test]
    fn a_link_pasted_at_the_end_of_a_sentence_still_opens() {
        let q = Questionnaire::builtin();
        let result = answered(&q, "Acme", "note");
        let good = link_for(&result, &q, true);
        for mark in [".", ")", "),", "!", "?\"", ">", "=", "\u{201d}."] {
            assert_eq!(open(&format!("{good}{mark}"), &q), Ok(result.clone()), "{mark}");
        }
        assert_eq!(open(&format!("{good}x"), &q), Err(LinkError::Damaged), "a letter more is damage");
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
        let mut bytes = encode_result(&answered(&q, "", ""), &q, false, false);
        let answers_at = bytes.len() - 12;
        bytes[answers_at] = 0xff; // codes 7: not an answer
        let link = fragment("abcdef", &bytes);
        assert_eq!(open(&link, &q), Err(LinkError::Damaged));
    }

    /// A format 2 sealed link of `ciphertext_len` bytes of ciphertext.
    fn sealed_link(iterations: u32, ciphertext_len: usize) -> (SealPlan, String) {
        let plan = seal_plan("abcdef", iterations, &[1; SALT_BYTES], &[2; NONCE_BYTES]);
        let link = sealed_fragment("abcdef", &plan, &vec![9; ciphertext_len]);
        (plan, link)
    }

    #[test]
    fn a_sealed_link_carries_its_key_derivation_and_binds_its_header() {
        let (plan, link) = sealed_link(SEAL_ITERATIONS, 40);
        assert!(link.starts_with("#pr2.abcdef."));
        let Some(Ok((tag, Payload::Sealed(sealed)))) = parse_fragment(&link) else { panic!("{link}") };
        assert_eq!(tag, "abcdef");
        assert_eq!(
            sealed,
            Sealed {
                iterations: SEAL_ITERATIONS,
                salt: vec![1; SALT_BYTES],
                nonce: vec![2; NONCE_BYTES],
                ciphertext: vec![9; 40],
                bound: plan.bound.clone(),
                as_typed: false,
            }
        );
        assert!(plan.bound.starts_with(b"pr2.abcdef."), "format and tag are bound");
        assert!(plan.bound.ends_with(&plan.header), "and the whole header");
        // Another tag makes other bound data, so a link moved to another widget fails to open.
        assert_ne!(seal_plan("zzzzzz", SEAL_ITERATIONS, &[1; 16], &[2; 12]).bound, plan.bound);
        // Raised iterations travel in the link; absurd ones are refused.
        let Some(Ok((_, Payload::Sealed(raised)))) = parse_fragment(&sealed_link(2_000_000, 40).1) else { panic!() };
        assert_eq!(raised.iterations, 2_000_000);
        for iterations in [1, MAX_SEAL_ITERATIONS + 1] {
            assert_eq!(parse_fragment(&sealed_link(iterations, 40).1), Some(Err(LinkError::Damaged)));
        }
    }

    #[test]
    fn a_cut_or_garbled_sealed_link_is_damaged_before_anything_is_decrypted() {
        let (_, link) = sealed_link(SEAL_ITERATIONS, 120);
        for cut in [1, 2, 5, 20, link.len() / 2] {
            let short = &link[..link.len() - cut];
            assert_eq!(parse_fragment(short).map(|r| r.map(|_| ())), Some(Err(LinkError::Damaged)), "cut by {cut}");
        }
        let garbled = link.replacen('A', "B", 1);
        assert_eq!(parse_fragment(&garbled).map(|r| r.map(|_| ())), Some(Err(LinkError::Damaged)));
        assert_eq!(
            parse_fragment(&sealed_link(SEAL_ITERATIONS, TAG_BYTES).1).map(|r| r.map(|_| ())),
            Some(Err(LinkError::Damaged)),
            "no room for a result"
        );
    }

    #[test]
    fn format_1_sealed_links_still_open_with_the_passphrase_as_typed() {
        let mut bytes = vec![SEALED_V1];
        bytes.extend([1; SALT_BYTES]);
        bytes.extend([2; NONCE_BYTES]);
        bytes.extend([9; 30]);
        let link = format!("#pr1.abcdef.{}", base64url::encode(&bytes));
        let Some(Ok((_, Payload::Sealed(sealed)))) = parse_fragment(&link) else { panic!() };
        assert_eq!((sealed.iterations, sealed.as_typed, sealed.bound.is_empty()), (SEAL_ITERATIONS, true, true));
        assert_eq!((sealed.salt, sealed.nonce, sealed.ciphertext.len()), (vec![1; 16], vec![2; 12], 30));
    }
}
