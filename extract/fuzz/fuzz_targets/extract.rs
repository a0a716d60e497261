//! Any bytes, read as text, Markdown or HTML (the first byte picks which):
//! extraction must return Ok or a clear error, never panic, and every span
//! must lie inside the text and its sentence. Run with
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none extract` from `extract/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeline_extract::{extract, Options};

fuzz_target!(|data: &[u8]| {
    let Some((pick, data)) = data.split_first() else {
        return;
    };
    // One format an input: the fuzzer's mutations of the first byte reach
    // all three, at a third of the cost of reading each input three times.
    let path = ["f.txt", "f.md", "f.html"][usize::from(*pick % 3)];
    let Ok(x) = extract(path, data, &Options::default()) else {
        return;
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
});
