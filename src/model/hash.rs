//! A tiny, dependency-free content fingerprint.

/// FNV-1a, 64 bit, as 16 lowercase hex digits.
///
/// Used to recognise *which* questionnaire text a saved result was answered against.
/// It is not a security measure: nothing here defends against deliberate collisions.
pub fn fnv1a_64_hex(bytes: &[u8]) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = bytes.iter().fold(OFFSET_BASIS, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME));
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fnv1a_64_hex;

    #[test]
    fn matches_published_test_vectors() {
        for (input, expected) in [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")] {
            assert_eq!(fnv1a_64_hex(input.as_bytes()), expected, "input {input:?}");
        }
    }
}
