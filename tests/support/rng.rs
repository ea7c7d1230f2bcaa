//! The fuzzers' random source: xorshift64*, small, fast, and the same sequence
//! on every machine (a failure found once is found again). Shared by
//! `json_fuzz.rs`, `share_fuzz.rs` and `team_fuzz.rs`, each using the methods it needs.
#![allow(dead_code)]

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A small random change to some bytes: flip, delete, insert, truncate or duplicate.
    pub fn mutate(&mut self, bytes: &mut Vec<u8>) {
        if bytes.is_empty() {
            bytes.push(self.next() as u8);
            return;
        }
        let at = self.below(bytes.len());
        match self.below(5) {
            0 => bytes[at] ^= 1 << self.below(8),
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, *b"{}[]\",:0-e.\\AZaz_9~\xff".get(self.below(20)).unwrap_or(&b'x')),
            3 => bytes.truncate(at),
            _ => {
                let end = (at + self.below(16)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
}
