//! Byte searches eight bytes at a time, for the scans that look at every
//! byte of a document: most bytes are lower-case letters and spaces that the
//! scan only has to get past. (Searches for given bytes use the `memchr`
//! crate, which does the same with vector instructions.)

const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of the result is set where that byte of `word`
/// lies in `lo..=hi` (printable ASCII, `hi` below 0x7f). Exact per byte: no
/// carry crosses bytes, as each is below 0x80 when the constants are added,
/// and bytes with the high bit set are masked out.
pub(crate) fn in_range(word: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo <= hi && hi < 0x7f, "in_range({lo:#x}, {hi:#x})");
    let low7 = word & !HIGHS;
    let at_least_lo = low7 + ONES * u64::from(0x80 - lo);
    let above_hi = low7 + ONES * u64::from(0x80 - hi - 1);
    at_least_lo & !above_hi & !word & HIGHS
}

/// Flags (as [`in_range`]) the ASCII capitals of `word`.
fn capitals(word: u64) -> u64 {
    in_range(word, b'A', b'Z')
}

/// Flags (as [`in_range`]) the ASCII letters of `word`, either case.
pub(crate) fn letters(word: u64) -> u64 {
    in_range(word | (ONES * 0x20), b'a', b'z')
}

/// The eight bytes from `at`, little-endian, with zeros past the end.
pub(crate) fn load_padded(bytes: &[u8], at: usize) -> u64 {
    if let Some(word) = load(bytes, at) {
        return word;
    }
    let mut chunk = [0u8; 8];
    let rest = bytes.get(at..).unwrap_or_default();
    let n = rest.len().min(8);
    chunk[..n].copy_from_slice(&rest[..n]);
    u64::from_le_bytes(chunk)
}

fn load(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// The position of the first ASCII capital at or after `from`, or `bytes.len()`.
pub(crate) fn next_capital(bytes: &[u8], mut from: usize) -> usize {
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

/// The end of the run of pattern white space (see [`is_pattern_space`]) from `i`.
pub(crate) fn spaces_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&b| is_pattern_space(b)) {
        i += 1;
    }
    i
}

/// White space as the patterns' ASCII `\s` reads it (see `pattern`), for
/// hand-written readers that must agree with them.
pub(crate) fn is_pattern_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Whether `hay` opens with `prefix` (ASCII) in any mix of cases. Compared
/// on bytes, so a match of an ASCII prefix always ends on a character
/// boundary of a `str` and slicing there is safe.
pub(crate) fn starts_with_ascii_ci(hay: &str, prefix: &str) -> bool {
    hay.as_bytes()
        .get(..prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `hay` holds `needle` (lower-case ASCII) in any mix of cases: a
/// cheap necessary condition before a case-insensitive pattern runs.
pub(crate) fn contains_ascii_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i + 1..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// Where `needle` (ASCII) first occurs in `hay`, ignoring ASCII case.
pub(crate) fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).find(|&i| {
        hay.get(i + 1..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// Every place in `bytes` where a year of 1900-2099 is written ("19" or
/// "20" and two digits), with its value, left to right. Boundaries are the
/// caller's: "120245" holds "2024" here.
pub(crate) fn years(bytes: &[u8]) -> impl Iterator<Item = (usize, i32)> + '_ {
    memchr::memchr2_iter(b'1', b'2', bytes).filter_map(|at| match bytes.get(at..at + 4)? {
        [a @ (b'1' | b'2'), b @ (b'9' | b'0'), c, d]
            if (*a, *b) != (b'1', b'0')
                && (*a, *b) != (b'2', b'9')
                && c.is_ascii_digit()
                && d.is_ascii_digit() =>
        {
            let digit = |x: &u8| i32::from(x - b'0');
            Some((
                at,
                digit(a) * 1000 + digit(b) * 100 + digit(c) * 10 + digit(d),
            ))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_1900_to_2099() {
        let found: Vec<(usize, i32)> =
            years(b"in 2024, 1999 and 1024, 2900, 20x1 and 120245").collect();
        assert_eq!(found, [(3, 2024), (9, 1999), (40, 2024)]);
    }

    #[test]
    fn case_blind_containment() {
        for (hay, needle, want) in [
            ("The two leaders", "two", true),
            ("TWO", "two", true),
            ("tWo", "two", true),
            ("tw", "two", false),
            ("net work owner", "two", false),
            ("Both leaders", "both", true),
            ("bot h", "both", false),
            ("", "two", false),
            ("x", "", true),
            ("ätwo", "two", true),
        ] {
            assert_eq!(
                contains_ascii_ci(hay.as_bytes(), needle.as_bytes()),
                want,
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn letters_are_flagged_exactly() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b'1', b, b'a', 0xc3, b'Z', b' ', b, b'@']);
            let want = |x: u8| u64::from(x.is_ascii_alphabetic());
            let got: Vec<u64> = (0..8).map(|i| (letters(word) >> (8 * i + 7)) & 1).collect();
            let expected: Vec<u64> = word.to_le_bytes().iter().map(|&x| want(x)).collect();
            assert_eq!(got, expected, "byte {b:#x}");
        }
    }

    #[test]
    fn loads_are_padded_with_zeros() {
        assert_eq!(
            load_padded(b"abc", 1),
            u64::from_le_bytes(*b"bc\0\0\0\0\0\0")
        );
        assert_eq!(load_padded(b"abc", 3), 0);
        assert_eq!(load_padded(b"abc", 9), 0);
        assert_eq!(
            load_padded(b"abcdefghij", 1),
            u64::from_le_bytes(*b"bcdefghi")
        );
    }

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
}
