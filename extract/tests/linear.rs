//! Linear time on crafted input: hostile shapes (nested and unclosed
//! brackets, tags, quotes, entities, long lines, figures without end)
//! repeated to 1 MiB, read as text, Markdown and HTML, each must finish.
//!
//! This is a hang detector, not a performance measurement (those are in
//! BENCHMARKS.md, "Hostile markup"): every shape finishes in well under a
//! second at 1 MiB in a release build, and the quadratic readers this guards
//! against took minutes on 400 KB, so the bound below is a hundred times
//! what a linear reader needs and a thousandth of what a quadratic one
//! does. Debug builds are too slow to tell the two apart at this size, so
//! the test runs in release only (`cargo test --release -p
//! tradeline-extract --test linear`, as `.ci/test` does).

use std::{sync::mpsc, thread, time::Duration};

use proptest::prelude::*;
use tradeline_extract::{extract, Options};

/// Pieces that have made readers rescan the text: openers without closers,
/// nesting, entities, quotes, and figures that never end their sentence.
const PIECES: &[&str] = &[
    "[",
    "]",
    "[a](",
    "](x",
    "(",
    "![",
    "`",
    "*",
    "<",
    "<a",
    "<a href=\"",
    "<div>",
    "</div>",
    "<script>",
    "<!--",
    "&amp;",
    "&#",
    "&",
    "\"",
    "'",
    "Trade ",
    "$5 billion ",
    "rose 3% ",
    "in 2023 ",
    "9999999999 ",
    "January-March ",
    "President Ruiz visited Lima ",
    "中俄贸易额为",
    "1亿美元",
    "同比增长3%",
    "2023年",
    "前11个月",
    "中国从",
    "，",
    "Товарооборот России и Китая ",
    "вырос на 5,2% ",
    "31 млрд 198,7 млн долл. США",
    "в январе-сентябре 2023 года ",
    "г. ",
    "из ",
    "---\n",
    "\n",
    " ",
];

const SIZE: usize = 1 << 20;
const BOUND: Duration = Duration::from_secs(60);

/// A crafted input, shown by its unit rather than its mebibyte when a case
/// fails.
#[derive(Clone)]
struct Crafted {
    unit: String,
    text: String,
}

impl std::fmt::Debug for Crafted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} repeated to {} bytes", self.unit, self.text.len())
    }
}

/// A unit of one to eight pieces, repeated to `SIZE` bytes.
fn crafted() -> impl Strategy<Value = Crafted> {
    prop::collection::vec(prop::sample::select(PIECES), 1..8).prop_map(|unit| {
        let unit = unit.concat();
        let text = unit.repeat(SIZE / unit.len().max(1));
        Crafted { unit, text }
    })
}

/// Extracts `text` as each format on its own thread; fails if one takes
/// longer than `BOUND`.
fn finishes(Crafted { unit, text }: Crafted) -> Result<(), TestCaseError> {
    for name in ["a.txt", "a.md", "a.html"] {
        let (done, finished) = mpsc::channel();
        let bytes = text.clone().into_bytes();
        thread::spawn(move || {
            let _ = extract(name, &bytes, &Options::default());
            let _ = done.send(());
        });
        prop_assert!(
            finished.recv_timeout(BOUND).is_ok(),
            "{name}: {unit:?} repeated to {} bytes did not finish in {BOUND:?}",
            text.len()
        );
    }
    Ok(())
}

/// The shapes that were quadratic before (BENCHMARKS.md, "Hostile markup"),
/// always tried, besides the generated ones.
#[test]
#[cfg_attr(debug_assertions, ignore = "release only: see the module's comment")]
fn known_worst_shapes_of_a_mebibyte_are_read_in_linear_time() {
    for unit in [
        "[",
        "![",
        "[a](xxxx",
        "<a",
        "<script>x",
        "&amp;",
        "Trade \"",
        // Chinese without a sentence end: figures, parties and periods.
        "中俄贸易额为1亿美元，",
        "中国从俄罗斯进口2023年前11个月",
        // Russian without a sentence end, abbreviations that end none.
        "товарооборот России и Китая вырос на 5% до 10 млрд долл. ",
        "экспорт из Китая в Россию в январе-мае 2022 г. ",
    ] {
        let text = unit.repeat(SIZE / unit.len());
        let unit = unit.to_owned();
        if let Err(e) = finishes(Crafted { unit, text }) {
            panic!("{e}");
        }
    }
}

proptest! {
    // A failing case is a mebibyte: shown by its unit, and not written to a
    // regressions file (the known shapes above are tried every time).
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    #[cfg_attr(debug_assertions, ignore = "release only: see the module's comment")]
    fn crafted_input_of_a_mebibyte_is_read_in_linear_time(input in crafted()) {
        finishes(input)?;
    }
}
