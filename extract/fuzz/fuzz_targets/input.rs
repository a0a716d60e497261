//! Any bytes, read as the input step reads an article (plain text, Markdown,
//! HTML; UTF-8 or UTF-16 by its byte order mark): `Ok` with a text of plain
//! spaces and no control characters, or a clear error, never a panic, and
//! never more text than the bytes could hold. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none input` from `extract/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeline_extract::{read_input, Format};

fuzz_target!(|data: &[u8]| {
    // The first byte picks a byte order mark, so UTF-16 is reached as often
    // as UTF-8; the rest is the article.
    let (mark, body): (&[u8], &[u8]) = match data.split_first() {
        Some((0, rest)) => (&[0xFF, 0xFE], rest),
        Some((1, rest)) => (&[0xFE, 0xFF], rest),
        Some((2, rest)) => (&[0xEF, 0xBB, 0xBF], rest),
        Some((_, rest)) => (&[], rest),
        None => (&[], data),
    };
    let bytes = [mark, body].concat();
    for (path, format) in [
        ("a.txt", Some(Format::Text)),
        ("a.md", Some(Format::Markdown)),
        ("a.html", Some(Format::Html)),
        ("a", None),
    ] {
        let Ok(read) = read_input(path, &bytes, format) else {
            continue;
        };
        // UTF-16 of n bytes decodes to at most n/2 characters of 3 UTF-8
        // bytes; entities never grow ("&lt;" is 4 bytes for 1).
        assert!(read.text.len() <= 2 * bytes.len() + 16, "text grew");
        assert!(
            !read.text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character is left in the text"
        );
    }
});
