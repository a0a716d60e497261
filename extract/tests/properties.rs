//! Properties that hold for any input: extraction never panics, and every
//! span it reports lies inside the text and inside its own sentence.

use proptest::prelude::*;
use tradeline_extract::{extract, Options};

/// Fragments that exercise the extractor's paths, to be shuffled and joined.
const FRAGMENTS: &[&str] = &[
    "Trade between China and Russia",
    "rose 29.3 percent year-on-year to",
    "$190.27 billion",
    "in 2022",
    "last year",
    "nearly",
    "1.2 trillion yuan",
    "($170 billion)",
    "$55-57 billion",
    "the first eight months of this year",
    "stood roughly at the same level with last year",
    "MOSCOW, March 21 (Xinhua) --",
    "April 02, 2025",
    "On the morning of Thursday,",
    "Chinese President Xi Jinping",
    "held talks with",
    "Russian President Vladimir Putin",
    "at the Kremlin",
    "on March 20",
    "for a three-day state visit",
    "Xi and Putin",
    "the two heads of state",
    "exchanged congratulatory messages",
    "via video link",
    "At the end of 2022,",
    "exports to",
    "imports from",
    "surplus",
    "deficit",
    "U.S.",
    "€4bn",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    "é",
    "–",
    "“",
    "”",
    "1,000",
    "13 years",
    "90 percent",
    "by 2030",
    "will",
    "between",
    "and",
    "to",
    "Q3 2023",
    "H1 2024",
    "January-August",
    "today's",
    "2020-09-11",
    // The forms read since 2026-11-30's probes, and non-ASCII beside them.
    "xyzé-",
    "Türkiye's",
    "non-oil",
    "crude",
    "leader Kim Jong Un",
    "North Korean leader",
    "Published: 12.02.2025",
    "New Delhi, March 14, 2025 (PTI)",
    "Berlin, 20 February 2025 (dpa) -",
    "from $798.8 billion a year earlier",
    "RM484.1 billion",
    "Rs 2.9 lakh crore",
    "$118.7-billion",
    "the 11 months to November",
    "April-January",
    "last month",
    "the fiscal year that ended in March 2024",
    "since 2020",
    "its largest export market",
    "on the sidelines of the G20 summit",
    "next month",
    "Africa",
    "ñoño",
    // The sixth round's forms.
    "BRASÍLIA, January 5, 2024 -",
    "MOSCOW, January 12. /TASS/.",
    "JAKARTA, Jan 15 (Antara) -",
    "R546 billion",
    "External Affairs Minister S. Jaishankar",
    "President Sheikh Mohamed bin Zayed",
    "Luiz Inácio Lula da Silva",
    "received his Russian counterpart Sergey Lavrov",
    "hosted U.S. President Joe Biden",
    "from August 18 to 20, 2024",
    "the four quarters to the end of the third quarter of 2023",
    "3.0% less than in 2023",
    "6.6% more than in the same period of 2023",
    "the $200 billion target",
    "China's foreign trade",
    "grew by 32 percent in 2023 to reach a record",
    "$80 billion by 2030",
    "roughly at the same level as in 2022",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.join(" "))
}

/// Pieces of Chinese and Russian news, written for this test: separators
/// of every width, dates, amounts, contacts and quotation marks, so that a
/// reader slicing its text at a byte that is no character's start panics.
const FOREIGN_FRAGMENTS: &[&str] = &[
    "中俄贸易额达1234.5亿美元",
    "同比增长3.2%",
    "，",
    "。",
    "；",
    ",",
    "：",
    "10月31日",
    "4月11日至13日",
    "13日在北京会见",
    "国家主席正对巴西进行国事访问",
    "举行会谈",
    "日前通电话",
    "前9个月",
    "环比下降1%",
    "6.41万亿元",
    "中新网5月3日电",
    "Товарооборот России и Китая",
    "составил 176,4 млрд долларов",
    "«",
    "»",
    " — ",
    "6 и 7 ноября",
    "в апреле этого года",
    "во втором квартале текущего года",
    "переговоров, прошедших",
    "заседание межправительственной комиссии",
    "встретился с коллегой",
    "вырос на 5%",
    "сегодня",
    "в январе-сентябре 2023 года",
    ".",
    "\n",
];

fn foreign_article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FOREIGN_FRAGMENTS), 0..60)
        .prop_map(|parts| parts.concat())
}

fn check_spans(text: &str) {
    let Ok(x) = extract("prop.txt", text.as_bytes(), &Options::default()) else {
        return;
    };
    let chars = x.text.chars().count();
    let spans = x
        .document
        .observations
        .iter()
        .map(|o| &o.provenance)
        .chain(x.document.events.iter().map(|e| &e.provenance));
    for p in spans {
        assert!(p.span[0] <= p.span[1] && p.span[1] <= chars, "{p:?}");
        assert!(
            p.sentence_span[0] <= p.span[0] && p.span[1] <= p.sentence_span[1],
            "{p:?}"
        );
        assert!(p.sentence_span[1] <= chars);
        assert!((0.0..=1.0).contains(&p.confidence));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_never_panics_and_spans_are_inside(text in article()) {
        check_spans(&text);
    }

    #[test]
    fn chinese_and_russian_like_text_never_panics_and_spans_are_inside(text in foreign_article()) {
        check_spans(&text);
    }

    #[test]
    fn any_string_never_panics(text in "\\PC{0,400}") {
        check_spans(&text);
    }

    #[test]
    fn any_bytes_are_read_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = extract("prop.bin", &bytes, &Options::default());
        let _ = extract("prop.html", &bytes, &Options::default());
        let _ = extract("prop.md", &bytes, &Options::default());
    }

    #[test]
    fn html_wrapping_never_panics(text in article(), depth in 0usize..40) {
        let html = format!("{}<p>{text}</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let _ = extract("prop.html", html.as_bytes(), &Options::default());
    }
}

#[test]
fn pathological_inputs_finish() {
    let long_digits = "9".repeat(200_000);
    let no_breaks = "trade rose $5 billion and ".repeat(20_000);
    let dots = ". ".repeat(100_000);
    for text in [long_digits, no_breaks, dots] {
        check_spans(&text);
    }
}
