//! Base64url without padding (RFC 4648 §5): the alphabet that survives URLs,
//! fragments and chat programs unescaped. Forty lines rather than the `base64`
//! crate, whose configurable engines cost several KiB of wasm (see ARCHITECTURE.md).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &b)| group | (u32::from(b) << (16 - 8 * i)));
        // 2, 3 or 4 characters for 1, 2 or 3 bytes.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Why a text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base64Error {
    /// A character outside the alphabet (padding `=` included: links carry none).
    BadCharacter,
    /// A length no encoding produces (one character left over).
    BadLength,
}

pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let value = |c: u8| -> Result<u32, Base64Error> {
        match c {
            b'A'..=b'Z' => Ok(u32::from(c - b'A')),
            b'a'..=b'z' => Ok(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Ok(u32::from(c - b'0') + 52),
            b'-' => Ok(62),
            b'_' => Ok(63),
            _ => Err(Base64Error::BadCharacter),
        }
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut group = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            group |= value(c)? << (18 - 6 * i);
        }
        if chunk.len() == 1 {
            return Err(Base64Error::BadLength);
        }
        for i in 0..chunk.len() - 1 {
            out.push((group >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors_without_padding() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        for end in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..end])).unwrap(), &bytes[..end]);
        }
    }

    #[test]
    fn foreign_characters_and_impossible_lengths_are_errors() {
        assert_eq!(decode("Zm9v="), Err(Base64Error::BadCharacter));
        assert_eq!(decode("Zm+v"), Err(Base64Error::BadCharacter));
        assert_eq!(decode("Zm9vY"), Err(Base64Error::BadLength));
        assert_eq!(decode("ä"), Err(Base64Error::BadCharacter));
    }
}
