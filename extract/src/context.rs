//! What a reader knows of the whole article when reading one sentence of it:
//! which parties it is about, whose trade it reports, which fiscal calendar
//! its "2023-24" follows, and which currency a "¥" or a bare "Sh" is.
//!
//! A wire story on Japan's trade writes "exports to China" without saying
//! whose; a ministry's release writes "imports were valued at RM142 billion"
//! and "2023-24" without saying whose imports or whose fiscal year. The
//! reporter is the country whose statistics and point of view the article
//! takes: named by its dateline ("TOKYO (AP) -"), by the agency it quotes
//! ("the Kenya National Bureau of Statistics", "China's customs"), by the
//! currency its figures are in (ringgit, yen, shillings) and by the flows it
//! owns ("Uzbekistan's imports from China"); a country named as the partner
//! ("exports to Russia") counts against it. The reporter is the party with
//! the most weight, when one has more than any other.

use crate::{
    country::{self, Mention},
    money::Amount,
    period::fiscal::{self, Calendar},
    pipeline::CharIndex,
    published::Published,
};

/// Everything the binders need about the document.
pub(crate) struct DocumentContext<'a> {
    pub text: &'a str,
    pub published: &'a Published,
    /// The two parties the article is mostly about.
    pub pair: Option<(&'static str, &'static str)>,
    /// Whose trade the article reports, when the text tells.
    pub reporter: Option<Reporter>,
    /// The currency most of the article's amounts are written in, for a
    /// scaled number written without one.
    pub currency: Option<&'static str>,
    /// The fiscal calendar "2023-24" and "this fiscal" follow: the
    /// reporting country's, or else that of the only party keeping one.
    pub fiscal: Option<Calendar>,
    /// The one bloc the article names (EU, ASEAN, EAEU, GCC, Mercosur, the
    /// African Union), which "the bloc" stands for ([`bloc_references`]).
    pub bloc: Option<&'static str>,
    pub chars: &'a CharIndex<'a>,
}

/// The country whose trade an article reports, and what gave it away.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reporter {
    pub code: &'static str,
    pub basis: String,
}

impl<'a> DocumentContext<'a> {
    /// Reads the document-wide context of `text`, whose party mentions are
    /// `mentions`.
    /// `amounts` are the amounts of money of each sentence.
    pub(crate) fn new(
        text: &'a str,
        published: &'a Published,
        mentions: &[Mention],
        amounts: &[Vec<Amount>],
        chars: &'a CharIndex<'a>,
    ) -> Self {
        let currencies = currencies(amounts);
        let reporter = reporter(text, published, mentions, &currencies);
        // A calendar the article names ("the previous Iranian financial year") is
        // the one its fiscal phrases follow, whoever reports.
        let fiscal = fiscal::named_in(text, mentions).or_else(|| match &reporter {
            Some(r) => fiscal::of_country(r.code),
            None => {
                let kept: Vec<Calendar> = country::distinct(mentions)
                    .into_iter()
                    .filter_map(fiscal::of_country)
                    .collect();
                match kept.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                }
            }
        });
        let blocs: Vec<&'static str> = country::distinct(mentions)
            .into_iter()
            .filter(|c| crate::model::BLOCS.iter().any(|(b, _)| b == c))
            .collect();
        DocumentContext {
            text,
            published,
            pair: country::document_pair(mentions),
            reporter,
            currency: currencies.first().map(|(c, _)| *c),
            fiscal,
            bloc: match blocs.as_slice() {
                [one] => Some(*one),
                _ => None,
            },
            chars,
        }
    }

    /// The reporter's code, if known.
    pub(crate) fn reporter_code(&self) -> Option<&'static str> {
        self.reporter.as_ref().map(|r| r.code)
    }
}

crate::pattern::patterns! {
    /// "the bloc", "the six-member bloc", "the grouping", "the union": the
    /// words an article uses for a bloc it has named.
    fn bloc_reference_re = r"(?i)\bthe\s+(?:(?:[a-z0-9]+-(?:nation|member|country)|regional|economic|trading|customs|whole|wider)\s+){0,2}(?:bloc|grouping|union)\b";
    /// "the neighbouring country", "its western neighbour", "the neighbour":
    /// one country, unnamed ("neighbouring countries" are several).
    fn neighbour_reference_re = r"(?i)\b(?:the|its|their|our)\s+(?:(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|larger|smaller|big|giant)\s+)?(?:neighbou?ring\s+(?:country|nation|state|economy)|neighbou?r)\b";
}

impl DocumentContext<'_> {
    /// The parties `sentence` speaks of without naming them, added to
    /// `named` in order: the article's one bloc ([`bloc_references`]) and
    /// the other party of a two-party article ([`Self::neighbour`]).
    pub(crate) fn add_references(&self, sentence: &str, named: &mut Vec<Mention>) {
        let mut found = bloc_references(self.bloc, sentence, named);
        found.extend(self.neighbour(sentence, named));
        if !found.is_empty() {
            named.extend(found);
            named.sort_by_key(|m| m.start);
        }
    }

    /// Where `sentence` calls a party of the article's pair "the
    /// neighbouring country" or "its neighbour": a mention of the party the
    /// sentence does not name, or, with neither named, of the one that is
    /// not the reporter ("exports to the neighbouring country" in a
    /// Pakistani report on Afghanistan).
    fn neighbour(&self, sentence: &str, named: &[Mention]) -> Vec<Mention> {
        let Some((a, b)) = self.pair else {
            return Vec::new();
        };
        if !crate::scan::contains_ascii_ci(sentence.as_bytes(), b"neighbo") {
            return Vec::new();
        }
        let has = |code: &str| named.iter().any(|m| m.code == code);
        let other = match (has(a), has(b), self.reporter_code()) {
            (true, false, _) => b,
            (false, true, _) => a,
            (false, false, Some(r)) if r == a => b,
            (false, false, Some(r)) if r == b => a,
            _ => return Vec::new(),
        };
        unnamed(
            neighbour_reference_re(),
            sentence,
            named,
            other,
            "the neighbour",
        )
    }
}

/// The matches of `re` in `sentence` outside the names already read, as
/// mentions of `code`.
fn unnamed(
    re: &regex::Regex,
    sentence: &str,
    named: &[Mention],
    code: &'static str,
    name: &'static str,
) -> Vec<Mention> {
    re.find_iter(sentence)
        .filter(|m| !named.iter().any(|n| n.start < m.end() && m.start() < n.end))
        .map(|m| Mention {
            code,
            start: m.start(),
            end: m.end(),
            name,
        })
        .collect()
}

/// Where `sentence` speaks of the article's one bloc without naming it
/// ("trade with the bloc grew 6.8 per cent"), as mentions of that bloc;
/// none where the article names no bloc or several, and none over a name
/// already read ("the African Union", "the European Union").
fn bloc_references(bloc: Option<&'static str>, sentence: &str, named: &[Mention]) -> Vec<Mention> {
    let Some(code) = bloc else {
        return Vec::new();
    };
    if !["bloc", "grouping", "union"]
        .iter()
        .any(|w| crate::scan::contains_ascii_ci(sentence.as_bytes(), w.as_bytes()))
    {
        return Vec::new();
    }
    unnamed(bloc_reference_re(), sentence, named, code, "the bloc")
}

/// The currencies of the article's amounts, most used first, with how many.
fn currencies(amounts: &[Vec<Amount>]) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for a in amounts.iter().flatten() {
        if !a.currency_written {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == a.currency) {
            Some((_, n)) => *n += 1,
            None => counts.push((a.currency, 1)),
        }
    }
    // Stable: ties keep the order of first use.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The country a currency belongs to, for the currencies that name one.
fn home_of(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "JPY" => "JP",
        "CNY" => "CN",
        "RUB" => "RU",
        "INR" => "IN",
        "KRW" => "KR",
        "BRL" => "BR",
        "TRY" => "TR",
        "AUD" => "AU",
        "CAD" => "CA",
        "MYR" => "MY",
        "IDR" => "ID",
        "THB" => "TH",
        "VND" => "VN",
        "ZAR" => "ZA",
        "AED" => "AE",
        "SAR" => "SA",
        "KZT" => "KZ",
        "NZD" => "NZ",
        "PLN" => "PL",
        "ILS" => "IL",
        "NGN" => "NG",
        "EGP" => "EG",
        "PKR" => "PK",
        "KES" => "KE",
        "TZS" => "TZ",
        "UGX" => "UG",
        "GBP" => "GB",
        "CHF" => "CH",
        "SGD" => "SG",
        "HKD" => "HK",
        "TWD" => "TW",
        "MXN" => "MX",
        "EUR" => "EU",
        _ => return None,
    })
}

crate::pattern::patterns! {
    /// An agency or ministry a country's figures come from, named with the
    /// country: "China's General Administration of Customs", "the Kenya National
    /// Bureau of Statistics", "Uzbekistan's Statistics Agency", "Chinese customs
    /// data", "the State Statistical Committee of Kyrgyzstan".
    fn source_re = r"^(?:[’']s)?\s+(?:(?:[A-Z][A-Za-z&-]*|of|and|for)\s+){0,5}(?:[a-z]+\s+){0,2}(?:Customs|customs|Ministry|ministry|Department|Bureau|Agency|Office|Institute|Committee|Service|Administration|Commission|Statistics|statistics|Association)\b";
    /// The same, with the country after: "Committee of Kyrgyzstan",
    /// "Ministry of Commerce of China".
    fn source_before_re = r"(?:Customs|Ministry|Department|Bureau|Agency|Office|Institute|Committee|Service|Administration|Commission|Statistics)(?:\s+(?:of|for)\s+[A-Z][A-Za-z&]*(?:\s+(?:and|of)\s+[A-Z][A-Za-z&]*)*)?\s+(?:of|in)\s+(?:the\s+)?$";
}

/// Weights of the signs of a reporter.
const DATELINE: i32 = 3;
const SOURCE: i32 = 3;
const CURRENCY: i32 = 2;
const OWNER: i32 = 1;
const PARTNER: i32 = -1;
const RANKING: i32 = 2;

/// Whether the words after a party's name rank partners as its own: "the
/// Philippines' second largest trading partner", "China's top partner".
/// The ranking comes from that party's statistics.
fn ranks_partners(after: &str) -> bool {
    let Some(rest) = ["'s ", "’s ", "' ", "’ "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
    else {
        return false;
    };
    let clause = &rest[..rest.find(['.', ',', ';']).unwrap_or(rest.len())];
    let words: Vec<&str> = clause.split_whitespace().take(5).collect();
    words
        .iter()
        .position(|w| w.starts_with("partner"))
        .is_some_and(|i| {
            i >= 1
                && words[..i].iter().all(|w| {
                    [
                        "top",
                        "largest",
                        "biggest",
                        "main",
                        "leading",
                        "major",
                        "trading",
                        "trade",
                        "second",
                        "third",
                        "fourth",
                        "fifth",
                        "most",
                        "important",
                        "key",
                        "principal",
                    ]
                    .contains(&w.to_ascii_lowercase().as_str())
                })
        })
}

/// Whose trade `text` reports: the party with the greatest weight of signs,
/// when it is positive and no other party has as much.
fn reporter(
    text: &str,
    published: &Published,
    mentions: &[Mention],
    currencies: &[(&'static str, usize)],
) -> Option<Reporter> {
    let mut parties = country::distinct(mentions);
    // The dateline's country and the currency's may go unnamed in the text
    // ("TOKYO (AP) - Exports to China rose ...").
    let dateline = dateline_country(text, published);
    let home = currencies.first().and_then(|(c, _)| home_of(c));
    for code in dateline.into_iter().chain(home) {
        if !parties.contains(&code) {
            parties.push(code);
        }
    }
    let mut score: Vec<(&'static str, i32, Vec<&'static str>)> =
        parties.iter().map(|p| (*p, 0, Vec::new())).collect();
    // Each kind of sign counts once for a party (a flow it owns, up to
    // three times); each naming as a partner counts against it.
    let mut add = |code: &str, weight: i32, why: &'static str| {
        if let Some(entry) = score.iter_mut().find(|(c, ..)| *c == code) {
            if weight < 0 {
                entry.1 += weight;
            } else if !entry.2.contains(&why) {
                entry.1 += weight;
                entry.2.push(why);
            }
        }
    };
    if let Some(code) = dateline {
        add(code, DATELINE, "its dateline");
    }
    let mut owned: Vec<(&str, i32)> = Vec::new();
    for m in mentions {
        let after = &text[m.end..];
        // An agency's name is short: look no further than its length.
        let near = &after[..after.floor_char_boundary(100)];
        if source_re().is_match(near) {
            add(m.code, SOURCE, "the agency it quotes");
        }
        let mut from = m.start.saturating_sub(80);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if source_before_re().is_match(&text[from..m.start]) {
            add(m.code, SOURCE, "the agency it quotes");
        }
        if ranks_partners(after) {
            add(m.code, RANKING, "the partners it ranks");
        }
        if owns_a_flow(after) {
            match owned.iter_mut().find(|(c, _)| *c == m.code) {
                Some((_, n)) => *n += OWNER,
                None => owned.push((m.code, OWNER)),
            }
        }
        if is_partner(&text[..m.start]) {
            add(m.code, PARTNER, "");
        }
    }
    for (code, n) in owned {
        if let Some(entry) = score.iter_mut().find(|(c, ..)| *c == code) {
            entry.1 += n.min(3 * OWNER);
            entry.2.push("the flows it calls its own");
        }
    }
    let mut add = |code: &str, weight: i32, why: &'static str| {
        if let Some(entry) = score.iter_mut().find(|(c, ..)| *c == code) {
            entry.1 += weight;
            entry.2.push(why);
        }
    };
    if let Some(home) = home {
        add(home, CURRENCY, "the currency of its figures");
    }
    score.sort_by_key(|s| std::cmp::Reverse(s.1));
    match score.as_slice() {
        [(code, best, why), rest @ ..]
            if *best > 0 && rest.first().is_none_or(|(_, second, _)| second < best) =>
        {
            Some(Reporter {
                code,
                basis: why.join(", "),
            })
        }
        // By elimination: no sign for it, but every other party is named
        // only as a partner ("Exports to China were worth ...").
        [(code, 0, _), rest @ ..] if !rest.is_empty() && rest.iter().all(|(_, s, _)| *s < 0) => {
            Some(Reporter {
                code,
                basis: "the other party is named as its partner".to_owned(),
            })
        }
        _ => None,
    }
}

/// The country of the dateline's place ("TOKYO (AP) -", "NEW DELHI:",
/// "SEOUL, Aug. 28 (Yonhap) --"), when it is a capital or city tradeline
/// knows.
fn dateline_country(text: &str, published: &Published) -> Option<&'static str> {
    if let Some(line) = &published.dateline {
        if let Some(code) = place_country(&line.place) {
            return Some(code);
        }
    }
    // Datelines without a date: a place in capitals at the start of one of
    // the first lines, before ":", "(" or " -".
    // The lead may come after a headline, a standfirst, bylines and photo
    // credits: the first lines of the first two kilobytes.
    let head = &text[..text.floor_char_boundary(2048)];
    for line in head.lines().take(30) {
        let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = line
            .find([':', '(', ',', '-', '–', '—'])
            .unwrap_or(line.len());
        let place = line[..end].trim();
        if place.is_empty() || place.len() > 30 {
            continue;
        }
        let caps = place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.');
        let titled = place.split(' ').all(|w| w.starts_with(char::is_uppercase));
        let rest = &line[end..];
        // `rest` opens with the mark that ended the place.
        let marked = rest.starts_with([':', '(', '-', '–', '—']);
        // "SEOUL, Aug. 28": a place in capitals, then a date.
        let dated = rest.strip_prefix(", ").is_some_and(|r| {
            r.split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .and_then(crate::period::month_number)
                .is_some()
        });
        if (caps && place.len() >= 4 && (marked || dated)) || (titled && marked) {
            if let Some(code) = place_country(place) {
                return Some(code);
            }
        }
    }
    None
}

/// The country of a place written in capitals or title case.
fn place_country(place: &str) -> Option<&'static str> {
    let titled: String = place
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let name = titled.split(',').next().unwrap_or_default().trim();
    country::code_of(name).or_else(|| city_country(name))
}

/// Cities that datelines name besides capitals.
fn city_country(name: &str) -> Option<&'static str> {
    Some(match name {
        "Shanghai" | "Guangzhou" | "Shenzhen" | "Xiamen" | "Chongqing" | "Harbin" => "CN",
        "St. Petersburg" | "Saint Petersburg" | "Vladivostok" | "Kazan" | "Sochi" => "RU",
        "Mumbai" | "Kolkata" | "Chennai" | "Bengaluru" | "Bangalore" => "IN",
        "Osaka" => "JP",
        "Busan" | "Sejong" => "KR",
        "Almaty" => "KZ",
        "Istanbul" | "Izmir" => "TR",
        "Ho Chi Minh City" => "VN",
        "Lagos" => "NG",
        "Johannesburg" | "Cape Town" => "ZA",
        "Karachi" | "Lahore" => "PK",
        "Dubai" => "AE",
        "Sydney" | "Melbourne" => "AU",
        "Toronto" | "Montreal" | "Vancouver" => "CA",
        "Sao Paulo" | "São Paulo" | "Rio De Janeiro" => "BR",
        "Frankfurt" | "Munich" | "Hamburg" => "DE",
        "Brussels" => "EU",
        "New York" => "US",
        _ => return None,
    })
}

/// Whether the words after a party's name make a flow or balance its own:
/// "'s exports", "’s imports from", "'s trade surplus", " exports" (an
/// adjective: "Turkish exports").
fn owns_a_flow(after: &str) -> bool {
    let rest = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let rest = ["total ", "bilateral ", "foreign ", "overall "]
        .iter()
        .fold(rest, |r, w| r.strip_prefix(w).unwrap_or(r));
    [
        "exports",
        "imports",
        "export",
        "import",
        "surplus",
        "deficit",
        "shipments",
        "purchases",
        "trade",
    ]
    .iter()
    .any(|w| crate::scan::starts_with_ascii_ci(rest, w))
}

/// Whether the words before a party's name make it the partner of a flow:
/// "exports to", "imports from", "trade with".
fn is_partner(before: &str) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    [
        "exports to",
        "imports from",
        "shipments to",
        "shipments from",
        "trade with",
        "supplies to",
        "deliveries to",
        "exported to",
        "imported from",
    ]
    .iter()
    .any(|w| {
        before.len() >= w.len()
            && before.as_bytes()[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{money::Hints, sentence};
    use rstest::rstest;

    fn reporter_of(text: &str) -> Option<&'static str> {
        let sentences = sentence::split(text);
        let clues = crate::prefilter::sentences(text, &sentences);
        let published = crate::published::find(text, &sentences, &clues, None, None);
        let mentions = country::mentions(text);
        let hints = Hints::for_parties(&country::distinct(&mentions));
        let amounts: Vec<Vec<Amount>> = sentences
            .iter()
            .map(|s| crate::money::amounts_with(s.text(text), &hints))
            .collect();
        let chars = CharIndex::new(text);
        DocumentContext::new(text, &published, &mentions, &amounts, &chars).reporter_code()
    }

    #[rstest]
    #[case::dateline_in_capitals(
        "OSLO (Reuters) - Exports to Chile rose 4 percent to $1.2 billion in 2023, and imports from Chile fell.",
        Some("NO")
    )]
    #[case::dateline_with_a_colon(
        "LIMA: Exports to Japan were $3 billion in 2023. Japan bought copper.",
        Some("PE")
    )]
    #[case::agency_named_with_its_country(
        "According to the Ghana Statistical Service, exports to Togo reached $2 billion. Togo and Ghana trade.",
        Some("GH")
    )]
    #[case::agency_then_its_country(
        "The State Statistics Committee of Tajikistan said trade with Iran rose to $300 million in 2023; Iran agreed.",
        Some("TJ")
    )]
    #[case::currency_of_the_figures(
        "Trade between Thailand and Laos rose to 150 billion baht in 2023. Exports were 90 billion baht.",
        Some("TH")
    )]
    #[case::a_flow_owned(
        "Chile's exports to Peru rose, and Chile's imports from Peru fell, in a year when Peru grew.",
        Some("CL")
    )]
    #[case::nothing_tells("Trade between Chile and Peru reached $5 billion in 2023.", None)]
    fn the_reporter_is_the_party_the_signs_point_to(
        #[case] text: &str,
        #[case] want: Option<&str>,
    ) {
        assert_eq!(reporter_of(text), want, "{text}");
    }

    #[rstest]
    #[case::the_bloc(Some("GCC"), "exports to the bloc grew", &["the bloc"])]
    #[case::a_described_bloc(Some("EU"), "sales to the 27-nation bloc and the grouping", &["the 27-nation bloc", "the grouping"])]
    #[case::a_name_already_read(Some("EU"), "exports to the European Union", &[])]
    #[case::no_bloc_in_the_article(None, "exports to the bloc", &[])]
    fn the_bloc_is_the_articles_one_bloc(
        #[case] bloc: Option<&'static str>,
        #[case] sentence: &str,
        #[case] want: &[&str],
    ) {
        let named = country::mentions(sentence);
        let found: Vec<&str> = bloc_references(bloc, sentence, &named)
            .iter()
            .map(|m| {
                assert_eq!(Some(m.code), bloc);
                &sentence[m.start..m.end]
            })
            .collect();
        assert_eq!(found, want, "{sentence}");
    }

    #[rstest]
    #[case::yen_sign_in_a_report_on_japan(&["JP", "CN"], "JPY")]
    #[case::yen_sign_in_a_report_on_china_alone(&["CN", "RU"], "CNY")]
    #[case::yen_sign_elsewhere(&["KR", "US"], "JPY")]
    fn the_yen_sign_follows_the_countries(#[case] parties: &[&str], #[case] want: &str) {
        assert_eq!(Hints::for_parties(parties).yen_sign, want);
    }

    #[rstest]
    #[case::one_shilling_country(&["TZ", "CN"], Some("TZS"))]
    #[case::two_shilling_countries(&["KE", "UG"], None)]
    #[case::none(&["CN", "RU"], None)]
    fn a_bare_shilling_is_the_article_countrys(
        #[case] parties: &[&str],
        #[case] want: Option<&str>,
    ) {
        assert_eq!(Hints::for_parties(parties).shilling, want);
    }
}
