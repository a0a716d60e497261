//! The measure lexicon: the words that say what a number measures (total
//! trade, exports, imports, a surplus or deficit, or something that is not
//! trade at all), the words that narrow a measure to a part of the trade
//! ("crude exports", "exports of Chinese cars"), and which measure word a
//! number belongs to.

/// What one measure word says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Measure {
    Trade,
    Export,
    Import,
    Surplus,
    Deficit,
    /// Money or a rate of something else: investment, a loan, a tariff, a share.
    Other,
}

crate::pattern::patterns! {
    pub(super) fn measure_re = r"(?ix)
        \b(?P<both>(?:imports?\s+(?:and|plus)\s+exports?|exports?\s+(?:and|plus)\s+imports?))\b
      | \b(?P<surplus>surplus(?:es)?|(?:positive|favou?rable)\s+(?:trade\s+)?balance(?:\s+of\s+trade)?)\b
      | \b(?P<deficit>deficits?|trade\s+gaps?|gap\s+between\s+(?:exports\s+and\s+imports|imports\s+and\s+exports)|(?:negative|adverse|unfavou?rable)\s+(?:trade\s+)?balance(?:\s+of\s+trade)?)\b
      | \b(?P<export>exports?|exported|exporting|outbound\s+shipments(?:\s+to)?|shipments\s+to|sales\s+to|supplies\s+to|deliveries\s+to)\b
      | \b(?P<import>imports?|imported|importing|inbound\s+shipments(?:\s+from)?|shipments\s+from|purchases\s+from|supplies\s+from|deliveries\s+from)\b
      | \b(?P<trade>trade|traded|turnover|commerce|trading\s+(?:volume|operations|relationship|ties)|exchange\s+volume)\b
      | \b(?P<other>investments?|invested|investing|loans?|credit|aid|grants?|deals?|contracts?|projects?|funds?|funding|financing|GDP|economy|budget|reserves|debt|bonds?|capital|valuation|capitali[sz]ation|revenues?|profits?|assets|spending|costs?|prices?|tariffs?|duties|duty|subsid\w*|pledged?|share|shares|stake|proportion|inflation|unemployment|interest|rate|rates|resumption|population|output|production|sales|market)\b
    ";
}

/// A measure word and where it stands in the sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct MeasureWord {
    pub(super) measure: Measure,
    pub(super) start: usize,
    pub(super) end: usize,
    /// A pronoun or "this figure" standing for the figure said before, whose
    /// measure it takes ([`anaphors`]).
    pub(super) anaphor: bool,
}

pub(super) fn measure_words(sentence: &str) -> Vec<MeasureWord> {
    // Matches without captures (a capture search costs thousands of
    // instructions a match); the matched words alone tell the group, as
    // the tests check against the pattern's captures.
    measure_re()
        .find_iter(sentence)
        .map(|m| MeasureWord {
            measure: measure_of_word(m.as_str()),
            start: m.start(),
            end: m.end(),
            anaphor: false,
        })
        .collect()
}

crate::pattern::patterns! {
    /// The subject of a clause that stands for a figure said before: "it", "this
    /// figure", "this indicator", "that" before a verb of amounting or change
    /// ("In 2023, it rose 3.5% to $1.2 billion", "This figure is 9.4 percent
    /// higher", "That is 17% more than a year earlier", "the value reached
    /// US$9.2 billion"). "It is a record" with no
    /// figure after it binds to nothing.
    fn anaphor_re = r"(?i)\b(?:(?:this|that)\s+(?:figure|indicator|amount)\b|(?:it|the\s+figure|the\s+indicator|the\s+value|this\s+volume|this|that)\s+(?:(?:has|had|have|is|was|also|already|further|then|now|only|barely|slightly|just|still)\s+)*(?:is|was|stood|exceeded|topped|surpassed|crossed|totall?ed|reached|amounted|came|hit|rose|grew|increased|jumped|surged|soared|climbed|fell|declined|dropped|decreased|edged|slipped|shrank|added|gained|expanded|contracted|been|recorded|registered|saw|showed|posted|marked)\b)";
}

crate::pattern::patterns! {
    /// A place in a ranking of partners: "Saudi Arabia ranked second",
    /// "Japan came a distant second", "followed by Jordan".
    fn ranking_re = r"(?i)\b(?:ranked|ranks|came|comes|was|is)\s+(?:a\s+distant\s+|in\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|\d{1,2}(?:st|nd|rd|th))\b|\bfollowed\s+by\b";
}

/// The places in a ranking that `sentence` gives without a measure word
/// ("Saudi Arabia ranked second with $1.6 billion, followed by Jordan with
/// $875 million"), as anaphors of the measure of the ranking before.
pub(super) fn ranking_cues(sentence: &str, measure: Measure) -> Vec<MeasureWord> {
    if !["rank", "came", "come", "second", "third", "followed"]
        .iter()
        .any(|w| crate::scan::contains_ascii_ci(sentence.as_bytes(), w.as_bytes()))
    {
        return Vec::new();
    }
    ranking_re()
        .find_iter(sentence)
        .map(|m| MeasureWord {
            measure,
            start: m.start(),
            end: m.end(),
            anaphor: true,
        })
        .collect()
}

/// Whether a measure word is a place in a ranking ([`ranking_cues`]), and
/// the ranked party comes after it ("followed by Jordan") rather than
/// before ("Saudi Arabia ranked second").
pub(super) fn ranking_place(word: &str) -> Option<bool> {
    let w = word.to_ascii_lowercase();
    if w.starts_with("followed") {
        Some(true)
    } else if ["ranked", "ranks", "came", "comes", "was", "is"]
        .iter()
        .any(|v| w.starts_with(v))
        && w.contains(char::is_whitespace)
    {
        Some(false)
    } else {
        None
    }
}

/// The anaphors of `sentence`, as measure words of `measure`: the measure
/// of the figure they stand for.
pub(super) fn anaphors(sentence: &str, measure: Measure) -> Vec<MeasureWord> {
    anaphor_re()
        .find_iter(sentence)
        .map(|m| {
            let word_end = m.start()
                + m.as_str()
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(m.len());
            // "this figure": the noun too.
            let end = ["figure", "indicator", "amount", "volume"]
                .iter()
                .filter_map(|n| {
                    let rest = sentence[word_end..].trim_start();
                    crate::scan::starts_with_ascii_ci(rest, n)
                        .then(|| sentence.len() - rest.len() + n.len())
                })
                .next()
                .unwrap_or(word_end);
            MeasureWord {
                measure,
                start: m.start(),
                end,
                anaphor: true,
            }
        })
        .collect()
}

/// The measure words that can say what a figure measures. In "exports to
/// the US, its largest export market, rose to $136.6 billion" the words
/// "export market" describe a country, not the figure: an export or import
/// word before "market" or "destination" is left out, and so is the
/// "market" after it.
pub(super) fn figure_words(sentence: &str) -> Vec<MeasureWord> {
    let mut words = measure_words(sentence);
    let mut describing: Vec<(usize, usize)> = Vec::new();
    for w in &words {
        if !matches!(w.measure, Measure::Export | Measure::Import) {
            continue;
        }
        let rest = &sentence[w.end..];
        let after = rest.trim_start();
        let gap = rest.len() - after.len();
        let noun = ["markets", "market", "destinations", "destination"]
            .into_iter()
            .find(|n| crate::scan::starts_with_ascii_ci(after, n));
        if let Some(noun) = noun {
            if gap > 0 {
                describing.push((w.start, w.end + gap + noun.len()));
            }
        }
    }
    if !describing.is_empty() {
        words.retain(|w| !describing.iter().any(|&(s, e)| w.start >= s && w.end <= e));
    }
    // "its top trading partner at $38 billion": a partner's trade, when a
    // figure follows at once.
    partner_words(sentence, &mut words);
    // "trade revenue", "trade value": the trade itself.
    for i in 1..words.len() {
        let (prev, w) = (words[i - 1], words[i]);
        let gap = &sentence[prev.end..w.start];
        let word = &sentence[w.start..w.end];
        if prev.measure == Measure::Trade
            && w.measure == Measure::Other
            && gap.trim().is_empty()
            && ["revenue", "revenues"]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(word))
        {
            words[i].measure = Measure::Trade;
        }
    }
    // "crude exports", "soybean imports", "non-oil trade": a part of the
    // trade, not the country's total, so not a figure of the series.
    for w in &mut words {
        if matches!(
            w.measure,
            Measure::Export | Measure::Import | Measure::Trade
        ) && (names_a_part(&sentence[..w.start])
            || owned_kind(&sentence[..w.start])
            || names_a_part_after(&sentence[w.end..]))
        {
            w.measure = Measure::Other;
        }
    }
    words
}

/// The word before a measure that widens it to trade with the whole world:
/// "foreign trade", "total exports", "overall imports", also across the
/// words of a compound measure ("foreign trade turnover", "overall trade
/// surplus", "total merchandise exports").
pub(super) fn world_scope(before: &str) -> Option<&str> {
    const WORLD: [&str; 6] = [
        "foreign",
        "external",
        "overall",
        "total",
        "global",
        "worldwide",
    ];
    const COMPOUND: [&str; 7] = [
        "trade",
        "merchandise",
        "goods",
        "commodity",
        "trading",
        "export",
        "import",
    ];
    for word in before.trim_end().rsplit(' ').take(3) {
        if WORLD.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return Some(word);
        }
        if !COMPOUND.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return None;
        }
    }
    None
}

/// Whether the words after a measure narrow it to goods of one kind:
/// "exports of Chinese cars", "imports of crude oil" (the first two words
/// after "of", not past "and": "exports of goods and services" is the whole).
pub(super) fn names_a_part_after(after: &str) -> bool {
    let after = after.trim_start();
    // "was able to export textiles worth 3.2 billion euros": the goods as
    // the verb's object.
    if after.split_whitespace().next().is_some_and(names_a_kind) {
        return true;
    }
    if !crate::scan::starts_with_ascii_ci(after, "of ") {
        return false;
    }
    after[3..]
        .split_whitespace()
        .take(2)
        .take_while(|w| !w.eq_ignore_ascii_case("and"))
        .any(names_a_kind)
}

/// Whether the words between a measure and its money count goods of one
/// kind: "imported 107 million tonnes of Russian crude worth $60.6 billion",
/// "exported 900,000 cars to Russia ..., worth about $20 billion". The money
/// is those goods' worth, a part of the trade. (Without a count, "exports,
/// mostly oil and gas, rose to ..." still describe the whole.)
pub(super) fn counts_goods_of_a_kind(gap: &str) -> bool {
    let gap = gap.trim_start();
    if !gap.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    gap.split_whitespace().take(8).any(names_a_kind)
}

/// Whether `word` (punctuation around it aside) is one of [`KINDS`].
pub(super) fn names_a_kind(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    KINDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Words that narrow a measure to goods of one kind.
pub(super) const KINDS: [&str; 63] = [
    "ore",
    "minerals",
    "mineral",
    "resources",
    "textiles",
    "garments",
    "apparel",
    "machinery",
    "electronics",
    "coffee",
    "cotton",
    "dairy",
    "gasoline",
    "diesel",
    "gems",
    "crude",
    "oil",
    "gas",
    "lng",
    "coal",
    "energy",
    "fuel",
    "petroleum",
    "soybean",
    "soybeans",
    "soy",
    "grain",
    "wheat",
    "corn",
    "rice",
    "beef",
    "pork",
    "meat",
    "seafood",
    "food",
    "agricultural",
    "farm",
    "car",
    "cars",
    "auto",
    "vehicle",
    "ev",
    "chip",
    "chips",
    "semiconductor",
    "steel",
    "iron",
    "aluminium",
    "aluminum",
    "copper",
    "gold",
    "timber",
    "fertilizer",
    "arms",
    "defence",
    "defense",
    "weapons",
    "textile",
    "garment",
    "pharmaceutical",
    "services",
    "digital",
    "tourism",
];

/// Whether the word that ends `before` narrows a measure to goods of one
/// kind ("crude", "soybean", "non-oil", "services").
pub(super) fn names_a_part(before: &str) -> bool {
    let Some(word) = before.trim_end().rsplit(' ').next() else {
        return false;
    };
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    // On bytes: the word may hold other scripts, and "non-" is ASCII.
    if word.len() > 4 && crate::scan::starts_with_ascii_ci(word, "non-") {
        return true;
    }
    names_a_kind(word)
}

/// "partner at $38 billion", "partner, with $38 billion": the partner's
/// trade is the measure of the figure that follows. Added in order.
fn partner_words(sentence: &str, words: &mut Vec<MeasureWord>) {
    let bytes = sentence.as_bytes();
    let mut from = 0;
    while let Some(i) = crate::scan::find_ascii_ci(&bytes[from..], b"partner") {
        let start = from + i;
        let mut end = start + "partner".len();
        if bytes.get(end) == Some(&b's') {
            end += 1;
        }
        from = end;
        let whole_word = (start == 0 || !bytes[start - 1].is_ascii_alphanumeric())
            && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let mut after = sentence[end..].trim_start_matches([',', ' ']);
        // "partner in 2023 with $157 billion": the year before the figure.
        if let Some(rest) = after.strip_prefix("in ") {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 4 {
                after = rest[digits..].trim_start_matches([',', ' ']);
            }
        }
        let figure_follows = ["at ", "with "].iter().any(|w| {
            crate::scan::starts_with_ascii_ci(after, w)
                && after[w.len()..]
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ')
                    .starts_with(|c: char| c.is_ascii_digit() || "$€£¥₹₽".contains(c))
        });
        if whole_word && figure_follows && !words.iter().any(|w| w.start == start) {
            let at = words.partition_point(|w| w.start < start);
            words.insert(
                at,
                MeasureWord {
                    measure: Measure::Trade,
                    start,
                    end,
                    anaphor: false,
                },
            );
        }
    }
}

/// Whether a country's measure is narrowed by a noun of its own kind
/// between the owner and the measure word: "Tanzania's cashew exports",
/// "Chile's mining exports". Words that qualify the whole ("India's total
/// exports", "Australia's two-way trade", "its merchandise exports") do not.
pub(super) fn owned_kind(before: &str) -> bool {
    const WHOLE: [&str; 34] = [
        "total",
        "overall",
        "annual",
        "yearly",
        "monthly",
        "quarterly",
        "bilateral",
        "mutual",
        "combined",
        "two-way",
        "foreign",
        "external",
        "global",
        "worldwide",
        "goods",
        "merchandise",
        "commodity",
        "record",
        "direct",
        "outbound",
        "inbound",
        "official",
        "cumulative",
        "aggregate",
        "own",
        "respective",
        "recent",
        "latest",
        "trade",
        "trading",
        "export",
        "import",
        "overseas",
        "international",
    ];
    let mut words = before.trim_end().rsplit(' ');
    let (Some(kind), Some(owner)) = (words.next(), words.next()) else {
        return false;
    };
    let owned = owner.ends_with("'s")
        || owner.ends_with("’s")
        || ["its", "their"]
            .iter()
            .any(|w| owner.eq_ignore_ascii_case(w));
    owned
        && !kind.is_empty()
        && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !WHOLE.contains(&kind)
}

/// Which group of [`measure_re`] matched `word`, from the word itself: the
/// groups' words differ in their first letters, except "shipments" and
/// "sales", told by the preposition that follows ("sales" alone is
/// another measure's).
pub(super) fn measure_of_word(word: &str) -> Measure {
    let w = word.as_bytes();
    let starts = |p: &str| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let ends =
        |p: &str| w.len() >= p.len() && w[w.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes());
    if names_both_flows(word) {
        Measure::Trade
    } else if starts("surplus") || starts("positive") || starts("favo") {
        Measure::Surplus
    } else if starts("deficit")
        || starts("gap")
        || ends("gap")
        || ends("gaps")
        || starts("negative")
        || starts("adverse")
        || starts("unfavo")
    {
        Measure::Deficit
    } else if starts("export")
        || starts("outbound")
        || (starts("shipments") || starts("sales") || starts("supplies") || starts("deliveries"))
            && ends("to")
    {
        Measure::Export
    } else if starts("import")
        || starts("inbound")
        || (starts("shipments")
            || starts("purchases")
            || starts("supplies")
            || starts("deliveries"))
            && ends("from")
    {
        Measure::Import
    } else if starts("trade")
        || starts("turnover")
        || starts("commerce")
        || starts("trading")
        || starts("exchange")
    {
        Measure::Trade
    } else {
        Measure::Other
    }
}

/// Whether a word [`measure_re`] matched is "imports and exports" (or
/// "exports and imports", "exports plus imports"): the whole trade. No other word of the pattern
/// that starts with "export" or "import" holds white space.
pub(super) fn names_both_flows(word: &str) -> bool {
    (crate::scan::starts_with_ascii_ci(word, "export")
        || crate::scan::starts_with_ascii_ci(word, "import"))
        && word.bytes().any(|b| b.is_ascii_whitespace())
}

/// The group of [`measure_re`] by its captures: the reference for
/// [`measure_of_word`].
#[cfg(test)]
pub(super) fn measure_by_captures(c: &regex::Captures<'_>) -> Measure {
    if c.name("both").is_some() {
        Measure::Trade
    } else if c.name("surplus").is_some() {
        Measure::Surplus
    } else if c.name("deficit").is_some() {
        Measure::Deficit
    } else if c.name("export").is_some() {
        Measure::Export
    } else if c.name("import").is_some() {
        Measure::Import
    } else if c.name("trade").is_some() {
        Measure::Trade
    } else {
        Measure::Other
    }
}

/// How far after a number a measure word may stand ("$5 billion in exports").
pub(super) const MEASURE_AFTER: usize = 30;

/// The measure a number at `start..end` belongs to: the nearest measure word
/// before it in its clause, else one just after it. "Trade surplus" is a
/// balance, not a trade value.
pub(super) fn measure_of(
    words: &[MeasureWord],
    clause: (usize, usize),
    start: usize,
    end: usize,
) -> Option<MeasureWord> {
    let before = words
        .iter()
        .filter(|w| w.end <= start && w.start >= clause.0)
        .fold(None::<MeasureWord>, |best, w| {
            // "trade surplus": the balance word right after "trade" wins.
            match best {
                Some(b)
                    if b.measure == Measure::Trade
                        && matches!(w.measure, Measure::Surplus | Measure::Deficit)
                        && w.start <= b.end + 1 =>
                {
                    Some(*w)
                }
                _ => Some(*w),
            }
        });
    if before.is_some() {
        return before;
    }
    let at = words
        .iter()
        .position(|w| w.start >= end && w.start <= end + MEASURE_AFTER && w.end <= clause.1)?;
    let first = words[at];
    // "a $4.7 billion trade surplus": the compound's balance word, as before
    // a figure.
    match words.get(at + 1) {
        Some(next)
            if first.measure == Measure::Trade
                && matches!(next.measure, Measure::Surplus | Measure::Deficit)
                && next.start <= first.end + 1
                && next.end <= clause.1 =>
        {
            Some(*next)
        }
        _ => Some(first),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_trade_is_told_by_the_word_before_in_any_script() {
        assert!(names_a_part("Saudi Arabia's crude"));
        assert!(owned_kind("Tanzania's cashew"));
        assert!(owned_kind("Chile’s mining"));
        assert!(owned_kind("its tea"));
        assert!(!owned_kind("India's total"));
        assert!(!owned_kind("Australia's two-way"));
        assert!(!owned_kind("the country's"));
        assert!(!owned_kind("Tanzania's"));
        assert!(!owned_kind("Brazil's Amazon"));
        assert!(names_a_part("the Non-oil"));
        assert!(!names_a_part("Russia's"));
        // A multi-byte character across the fourth byte must not split.
        assert!(!names_a_part("the xyzé-trade"));
        assert!(!names_a_part("Türkiye's"));
    }

    proptest::proptest! {
        /// A sentence with a trade measure word always has the prefilter's
        /// measure clue, so the article's scope is never missed.
        #[test]
        fn the_prefilter_never_hides_a_measure_word(
            words in crate::testing::pieces(
                &[
                    "Trade", "traded", "TRADING", "volume", "operations", "turnover", "exports",
                    "Exported", "import", "imports", "surplus", "Deficits", "gap", "commerce",
                    "shipments", "to", "from", "supplies", "deliveries", "purchases", "outbound",
                    "inbound", "and", "the", "China", ",", " ", "investment", "sales",
                    "relationship", "ties",
                ],
                0..12,
            ),
        ) {
            let sentence = words.join(" ");
            let measured = measure_words(&sentence)
                .iter()
                .any(|w| w.measure != Measure::Other);
            proptest::prop_assert!(!measured || crate::prefilter::clues(&sentence).measure, "{:?}", sentence);
        }

        #[test]
        fn measure_words_are_told_as_the_pattern_groups_them(
            words in crate::testing::pieces(
                &[
                    "surplus", "Surpluses", "deficit", "DEFICITS", "export", "Exports", "exported",
                    "exporting", "outbound", "Outbound", "shipments", "Shipments", "sales", "SALES",
                    "purchases", "to", "TO", "from", "From", "inbound", "import", "Imports",
                    "imported", "importing", "trade", "Trade", "turnover", "commerce", "trading",
                    "volume", "investment", "loans", "share", "rate", "market", "tradeable",
                    "exporter", "salesman", "China", "$5", "billion", "the", ",", " ", "  ", "\n",
                    "and", "AND", "plus", "supplies", "Deliveries", "gap", "gaps", "operations",
                    "relationship", "Ties",
                ],
                0..24,
            ),
        ) {
            let sentence = words.join(" ");
            let by_captures: Vec<(Measure, usize, usize)> = measure_re()
                .captures_iter(&sentence)
                .filter_map(|c| {
                    let whole = c.get(0)?;
                    Some((measure_by_captures(&c), whole.start(), whole.end()))
                })
                .collect();
            let by_words: Vec<(Measure, usize, usize)> = measure_words(&sentence)
                .into_iter()
                .map(|w| (w.measure, w.start, w.end))
                .collect();
            proptest::prop_assert_eq!(by_words, by_captures, "{:?}", sentence);
        }
    }
}
