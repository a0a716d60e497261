//! Any bytes, read as text, Markdown and HTML: extraction must return Ok or a
//! clear error, never panic, and every span must lie inside the text and its
//! sentence. Run with `cargo +nightly fuzz run extract` from `extract/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeline_extract::{extract, Options};

fuzz_target!(|data: &[u8]| {
    for path in ["f.txt", "f.md", "f.html"] {
        let Ok(x) = extract(path, data, &Options::default()) else {
            continue;
        };
        let chars = x.text.chars().count();
        for p in x
            .document
            .observations
            .iter()
            .map(|o| &o.provenance)
            .chain(x.document.events.iter().map(|e| &e.provenance))
        {
            assert!(p.sentence_span[0] <= p.span[0]);
            assert!(p.span[0] <= p.span[1]);
            assert!(p.span[1] <= p.sentence_span[1]);
            assert!(p.sentence_span[1] <= chars);
        }
    }
});
