//! The canonical form of a questionnaire's *meaning* and its fingerprint.
//!
//! The content hash says which questions a result's answers answer: the
//! questionnaire's id and version, its principles with their weights, and the
//! statements with their ids in order. Wording is left out on purpose, so a
//! translation (the same questionnaire shown in German) and guidance added
//! later (recommendations, discussion questions) keep results current. Whoever
//! changes what a statement means bumps the questionnaire's `version`.
//!
//! Shared with `build.rs` (which includes this file by path to fingerprint the
//! built-in questionnaire at build time), so it depends on nothing else.

/// Opens the canonical form: names the scheme, so fingerprints of another
/// scheme (the earlier one hashed all text) can never be mistaken for these.
pub const SCHEME: &str = "partnership-readiness questionnaire meaning 2";

/// Appends one field: its length in bytes, `:`, the text, `;`. The length
/// prefix means no two different field sequences share a form.
pub fn push_field(out: &mut String, text: &str) {
    out.push_str(&text.len().to_string());
    out.push(':');
    out.push_str(text);
    out.push(';');
}

/// The field for a weight: its exact bit pattern, free of float formatting.
pub fn weight_field(weight: f64) -> String {
    format!("weight {:016x}", weight.to_bits())
}

/// The field announcing how many items of a kind follow.
pub fn count_field(what: &str, count: usize) -> String {
    format!("{what} {count}")
}

/// FNV-1a, 64 bit, as 16 lowercase hex digits.
///
/// Used to recognise *which* questionnaire text a saved result was answered against.
/// It is not a security measure: nothing here defends against deliberate collisions.
pub fn fnv1a_64_hex(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a_64(bytes))
}

/// FNV-1a, 64 bit.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_published_test_vectors() {
        for (input, expected) in [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")] {
            assert_eq!(fnv1a_64_hex(input.as_bytes()), expected, "input {input:?}");
        }
    }

    #[test]
    fn fields_are_length_prefixed() {
        let mut out = String::new();
        push_field(&mut out, "ab");
        push_field(&mut out, "");
        push_field(&mut out, "ä");
        assert_eq!(out, "2:ab;0:;2:ä;");
    }
}
