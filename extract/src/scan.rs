//! Byte searches eight bytes at a time, for the scans that look at every
//! byte of a document: most bytes are lower-case letters and spaces that the
//! scan only has to get past.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of the result is set where `word` has an ASCII
/// capital. Exact per byte: no carry crosses bytes, as each is below 0x80
/// when the constants are added.
fn capitals(word: u64) -> u64 {
    let low7 = word & !HIGHS;
    let at_least_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let above_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    at_least_a & !above_z & !word & HIGHS
}

/// The high bit of the lowest flagged byte is exact for the first zero byte of
/// `word` (borrows only run upwards from a zero byte).
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The position of the first ASCII capital at or after `from`, or `bytes.len()`.
pub fn next_capital(bytes: &[u8], mut from: usize) -> usize {
    while let Some(word) = load(bytes, from) {
        let hits = capitals(word);
        if hits != 0 {
            return from + (hits.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_uppercase))
        .map_or(bytes.len(), |p| from + p)
}

/// The position of the first of `a`, `b` or `c` at or after `from`, or `bytes.len()`.
pub fn next_of3(bytes: &[u8], mut from: usize, a: u8, b: u8, c: u8) -> usize {
    while let Some(word) = load(bytes, from) {
        let hits = zero_bytes(word ^ (ONES * u64::from(a)))
            | zero_bytes(word ^ (ONES * u64::from(b)))
            | zero_bytes(word ^ (ONES * u64::from(c)));
        if hits != 0 {
            // The lowest flag of each term is exact, so the lowest of all is.
            return from + (hits.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&x| x == a || x == b || x == c))
        .map_or(bytes.len(), |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_are_found_at_every_offset_and_only_capitals() {
        let all: Vec<u8> = (0..=255u8).collect();
        for (i, &b) in all.iter().enumerate() {
            let mut text = vec![b'a'; 40];
            text[i % 40] = b;
            let want = if b.is_ascii_uppercase() { i % 40 } else { 40 };
            assert_eq!(next_capital(&text, 0), want, "byte {b:#x} at {}", i % 40);
        }
        assert_eq!(next_capital(b"ab@[`{\xc3\x89Z", 0), 8);
        assert_eq!(next_capital(b"AbC", 1), 2);
        assert_eq!(next_capital(b"Ab", 5), 2);
    }

    #[test]
    fn the_first_of_three_bytes_is_found_at_every_offset() {
        for i in 0..40 {
            for mark in [b'.', b'!', b'?'] {
                let mut text = vec![b'x'; 40];
                text[i] = mark;
                if i + 3 < 40 {
                    text[i + 3] = b'.';
                }
                assert_eq!(next_of3(&text, 0, b'.', b'!', b'?'), i);
            }
        }
        // A byte one above a mark is not a mark ("/" after ".").
        assert_eq!(next_of3(b"//////////./", 0, b'.', b'!', b'?'), 10);
        assert_eq!(next_of3(b"abc", 0, b'.', b'!', b'?'), 3);
    }
}
