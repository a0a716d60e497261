//! The shape of a sentence around a figure: its clause, whether the clause
//! states a goal rather than a result, and whether the figure is the base
//! of a comparison.

use crate::model::Period;

crate::pattern::patterns! {
    pub(super) fn target_re = r"(?i)\b(?:targets?|goal|aims?\s+to|expects?|expecting|hopes?|hoping|hopeful|predict(?:s|ed)?|anticipat(?:es?|ed)|envisag(?:es?|ed)|aimed\s+at|to\s+reach|will\s+reach|would\s+reach|could\s+reach|expected\s+to|forecast|projected|plans?\s+to|strive\s+to|seek\s+to|set\s+to|to\s+hit|to\s+exceed|to\s+top|to\s+double|to\s+raise|to\s+boost|raising|boosting|by\s+(?:19|20)\d\d|(?:may|might|could|will|would|should|can)\s+(?:well\s+|likely\s+|even\s+|soon\s+)?(?:exceed|reach|top|hit|surpass|grow|rise|increase|double|climb|amount|total|fall|decline|drop)|likely\s+to|poised\s+to|on\s+track\s+to|(?-i:may)|might|could|will|would|should)\b";
}

/// Whether the words after a figure make it a goal's amount: "exceeded the
/// $200 billion target", "the $100 billion goal".
pub(super) fn names_a_goal(after: &str) -> bool {
    let after = after.trim_start();
    ["target", "goal"].iter().any(|w| {
        crate::scan::starts_with_ascii_ci(after, w)
            && !after
                .as_bytes()
                .get(w.len())
                .is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Bytes between two spans of a sentence (0 when they touch or overlap).
pub(super) fn span_distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// The year of "the $200 billion target for 2024": "for" and a year right
/// after the goal's word.
pub(super) fn goal_for_year(after: &str) -> Option<Period> {
    let after = after.trim_start();
    let rest = ["target", "goal"]
        .iter()
        .find(|w| crate::scan::starts_with_ascii_ci(after, w))
        .map(|w| &after[w.len()..])?;
    let rest = rest.trim_start().strip_prefix("for")?.trim_start();
    let year = rest.get(..4)?;
    let end_ok = !rest
        .as_bytes()
        .get(4)
        .is_some_and(u8::is_ascii_alphanumeric);
    (end_ok && (year.starts_with("19") || year.starts_with("20")))
        .then(|| year.parse().ok())
        .flatten()
        .and_then(Period::year)
}

crate::pattern::patterns! {
    /// A change already reported before "to reach" makes it a result: "grew by
    /// 32 percent in 2023 to reach a record $41 billion", "have been
    /// declining to reach $94.6 billion in 2013".
    pub(super) fn reported_change_re = r"(?i)\b(?:grew|rose|increased|jumped|surged|climbed|expanded|soared|gained|advanced|fell|declined|decreased|dropped|shrank|slipped|slid|plunged|tumbled|saw|registered|recorded|posted|witnessed|growing|rising|increasing|climbing|declining|decreasing|falling|dropping|shrinking)\b";
}

/// The words that open a statement of fact after a goal ([`goal_scope`]).
const RESETS: [&str; 7] = [
    ", which",
    " which currently",
    " which now",
    " up from",
    " down from",
    " compared ",
    " against ",
];

/// The length of the longest of [`RESETS`].
const LONGEST: usize = 16;

/// The part of a clause's words before a figure that can make it a goal:
/// what follows the last word that opens a statement of fact ("seek to
/// double trade by 2030, amounting to $100 billion, which currently stands
/// at $48 billion": the second amount is a result).
pub(super) fn goal_scope(before: &str) -> &str {
    // The latest end of a reset, found from the back without a lower-cased
    // copy: each reset opens with a comma or a space, and once a start lies
    // a whole reset's length before the best end, none earlier can pass it.
    let bytes = before.as_bytes();
    let mut cut = 0;
    for at in (0..bytes.len()).rev() {
        if at + LONGEST <= cut {
            break;
        }
        if !matches!(bytes[at], b',' | b' ') {
            continue;
        }
        for reset in RESETS {
            let end = at + reset.len();
            if end > cut
                && bytes
                    .get(at..end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(reset.as_bytes()))
            {
                cut = end;
            }
        }
    }
    &before[cut..]
}

/// Whether the words before a figure (in its clause) state a goal or a
/// forecast rather than a result.
pub(super) fn states_a_goal(before: &str) -> bool {
    let mut goals = target_re().find_iter(before).peekable();
    if goals.peek().is_none() {
        return false;
    }
    // Only "to reach", "to hit", "to exceed", "to top" read as results after
    // a reported change; every other goal word ("aims to", "by 2030") stays.
    let only_reaching = goals.all(|m| {
        let w = m.as_str().to_ascii_lowercase();
        ["to reach", "to hit", "to exceed", "to top"]
            .iter()
            .any(|r| w.split_whitespace().eq(r.split_whitespace()))
    });
    !(only_reaching && reported_change_re().is_match(before))
}

crate::pattern::patterns! {
    pub(super) fn by_year_re = r"(?i)\bby\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d\d)\b";
    pub(super) fn clause_break_re = r"(?i);|\s(?:while|whereas|but|although)\s|,\s+with\s|,\s+(?:and|while)\s+(?:the|its|their|(?-i:[A-Z][a-z]+)|trade|exports|imports|shipments|supplies|deliveries)\b";
}

/// Where a sentence breaks into clauses, found once: each break's start
/// and the start of the clause after it (", while imports ...", ", and
/// China's ...": the word the break ends with opens the next clause).
#[derive(Clone, Debug, Default)]
pub(super) struct Clauses {
    breaks: Vec<(usize, usize)>,
    len: usize,
}

impl Clauses {
    pub(super) fn of(sentence: &str) -> Clauses {
        let breaks = clause_break_re()
            .find_iter(sentence)
            .map(|m| {
                let next = if m.as_str().ends_with(|c: char| c.is_ascii_alphabetic()) {
                    m.as_str()
                        .rfind(|c: char| c.is_ascii_whitespace())
                        .map_or(m.end(), |i| m.start() + i + 1)
                } else {
                    m.end()
                };
                (m.start(), next)
            })
            .collect();
        Clauses {
            breaks,
            len: sentence.len(),
        }
    }

    /// The clause around byte `at`: (start, end).
    pub(super) fn at(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        let mut end = self.len;
        for &(brk, next) in &self.breaks {
            if next <= at {
                start = next;
            } else if brk >= at {
                end = brk;
                break;
            }
        }
        (start, end)
    }
}

/// The phrase that makes a figure the base of a comparison, when the text
/// after it opens with one: "$798.8 billion a year earlier", "$49.4 billion
/// in the previous fiscal". ("Last year" is not one: it names a period.)
pub(super) fn comparison_base(after: &str) -> Option<&'static str> {
    const PHRASES: [&str; 14] = [
        "a year earlier",
        "a year ago",
        "a year before",
        "the year before",
        "the previous year",
        "the prior year",
        "the preceding year",
        "the previous fiscal",
        "the previous financial year",
        "the year-earlier period",
        "the same period a year earlier",
        "the same period a year ago",
        "the same period of the previous year",
        "the corresponding period of the previous year",
    ];
    let rest = after.trim_start();
    let rest = ["in ", "during ", "for "]
        .iter()
        .find_map(|p| crate::scan::starts_with_ascii_ci(rest, p).then(|| &rest[p.len()..]))
        .unwrap_or(rest);
    let bytes = rest.as_bytes();
    PHRASES.into_iter().find(|p| {
        crate::scan::starts_with_ascii_ci(rest, p)
            && !bytes.get(p.len()).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Whether the amount at `start` is the base a change or comparison is
/// measured from, by the words before it: "up from $76 billion", "compared
/// with €206 billion", "against $10 billion", "($5.3 billion in January–June
/// 2023)" after a rate compared with a year before.
pub(super) fn introduces_a_base(sentence: &str, start: usize) -> bool {
    // The last words are enough: what stands right before the amount.
    let before = sentence[..start].trim_end();
    let from = before.floor_char_boundary(before.len().saturating_sub(96));
    let before = &before[from..];
    let before = before
        .strip_suffix("the")
        .map_or(before, str::trim_end)
        .to_ascii_lowercase();
    let word = |w: &str| {
        before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    };
    const BASE_WORDS: [&str; 10] = [
        "from",
        "compared with",
        "compared to",
        "as against",
        "against",
        "versus",
        "vs.",
        "than",
        "as compared to",
        "as compared with",
    ];
    if BASE_WORDS.iter().any(|w| word(w)) {
        return true;
    }
    // "a slight drop on the $7.1 billion figure", "up 4% on": a change
    // measured on the figure before.
    if word("on") {
        let head = before[..before.len() - 2].trim_end();
        let change = head.rsplit(' ').next().unwrap_or_default();
        if [
            "drop",
            "rise",
            "increase",
            "decline",
            "decrease",
            "fall",
            "gain",
            "growth",
            "up",
            "down",
            "jump",
            "improvement",
        ]
        .contains(&change)
            || change.ends_with('%')
            || ["percent", "cent"].contains(&change)
        {
            return true;
        }
    }
    // "against exports of $207 million", "compared to the imports worth
    // $1.2 billion": a base named with its measure.
    let named = ["of", "worth", "valued at", "at"]
        .iter()
        .find_map(|l| before.strip_suffix(l).filter(|b| b.ends_with(' ')))
        .map(str::trim_end)
        .and_then(|b| {
            [
                "exports", "imports", "trade", "turnover", "export", "import",
            ]
            .iter()
            .find_map(|m| b.strip_suffix(m).filter(|b| b.ends_with(' ')))
        })
        .map(|b| {
            let b = b.trim_end();
            b.strip_suffix(" the").unwrap_or(b)
        });
    if let Some(head) = named {
        if BASE_WORDS
            .iter()
            .any(|w| head.ends_with(w) && head[..head.len() - w.len()].ends_with([' ', ',']))
        {
            return true;
        }
    }
    // "from the current yearly average of 4 billion USD".
    if let Some(at) = before.rfind(" from ") {
        let tail = &before[at + " from ".len()..];
        let words: Vec<&str> = tail.split_whitespace().collect();
        let named = ["average", "level", "figure", "value", "total", "volume"];
        if words.len() <= 6
            && words.last() == Some(&"of")
            && words.iter().any(|w| named.contains(w))
        {
            return true;
        }
    }
    // "9.4 percent higher year-on-year ($5.3 billion in January–June 2023)":
    // an amount in brackets after a comparison with a year before.
    before.ends_with('(') && {
        let from = before.floor_char_boundary(before.len().saturating_sub(60));
        let head = &before[from..before.len() - 1];
        // "compared to the 2022 figures ($770 million)".
        let compared = ["compared to", "compared with", " than ", " against "]
            .iter()
            .any(|w| head.contains(w));
        compared
            || [
                "year-on-year",
                "year on year",
                "last year",
                "a year ago",
                "a year earlier",
                "same period",
                "%",
                "percent",
                "per cent",
            ]
            .iter()
            .any(|w| head.trim_end().ends_with(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn longest_is_the_longest_reset() {
        assert_eq!(RESETS.iter().map(|r| r.len()).max(), Some(LONGEST));
    }

    /// [`goal_scope`] as first written: a lower-cased copy searched for
    /// each reset's last place.
    fn goal_scope_by_search(before: &str) -> &str {
        let lower = before.to_ascii_lowercase();
        let cut = RESETS
            .iter()
            .filter_map(|r| lower.rfind(r).map(|i| i + r.len()))
            .max()
            .unwrap_or(0);
        &before[cut..]
    }

    #[rstest]
    #[case::no_reset("aims to double trade to", "aims to double trade to")]
    #[case::which("plans to reach $5 billion, which now stands at", " stands at")]
    #[case::longer_reset_overlapping("to triple trade, Which Currently stands at", " stands at")]
    #[case::latest_end_wins("up from $2 billion compared with", "with")]
    #[case::wide_characters("goal — 目标, which is", " is")]
    fn goal_scope_starts_after_the_last_reset(#[case] before: &str, #[case] scope: &str) {
        assert_eq!(goal_scope(before), scope);
        assert_eq!(goal_scope(before), goal_scope_by_search(before));
    }

    proptest::proptest! {
        #[test]
        fn goal_scope_reads_as_the_search_did(
            words in proptest::collection::vec(
                "(, which|which|currently| which now|up|from|down|compared|against|Against|UP|,| |x|aims to|—|目标)",
                0..24,
            ),
        ) {
            let before = words.concat();
            proptest::prop_assert_eq!(goal_scope(&before), goal_scope_by_search(&before));
        }
    }

    #[rstest]
    #[case::up_from("Trade rose to $9 billion, up from $8 billion", true)]
    #[case::compared_with("Exports were $9 billion compared with $8 billion", true)]
    #[case::against("Imports hit $9 billion against $8 billion", true)]
    #[case::bracketed_after_a_yearly_rate("a rise of 4 percent year-on-year ($8 billion", true)]
    #[case::a_head("Trade rose to $8 billion", false)]
    #[case::bracket_of_a_conversion("Trade reached 50 billion yuan ($8 billion", false)]
    fn bases_are_told_by_the_words_before(#[case] text: &str, #[case] base: bool) {
        let at = text.rfind(['$', '€']).expect("an amount");
        assert_eq!(introduces_a_base(text, at), base, "{text}");
    }

    /// A rate listed after a level a share fell to is a level too; a
    /// character of several bytes glued to the listed number is not a word
    /// before it (the fuzzer found this slicing inside a '가').
    #[rstest]
    #[case::listed_after_a_level("Shares fell to 12 percent and 5 percent", true)]
    #[case::listed_after_a_comma("Shares fell to 18 percent, 9 percent", true)]
    #[case::glued_to_a_wide_character("Shares fell to 가12 percent and 5 percent", false)]
    #[case::glued_to_an_accent("Shares fell to é12 percent and 5 percent", false)]
    fn levels_are_told_by_what_they_are_listed_after(#[case] text: &str, #[case] level: bool) {
        let start = text
            .rfind("5 percent")
            .or(text.rfind("9 percent"))
            .expect("a rate");
        let end = text.len();
        assert_eq!(a_share_or_ratio(text, start, end), level, "{text}");
    }

    /// A rate "to" which something moved is a level, unless it is compared
    /// with a period rather than with another level.
    #[rstest]
    #[case::a_level("Its share rose to 6.3% of the total", true)]
    #[case::compared_with_a_level("Its share rose to 6.3% compared with 5 percent in 2019", true)]
    #[case::compared_with_a_year("Exports increased to 6.3% compared to 2019", false)]
    #[case::compared_with_the_same_period(
        "Exports increased to 6.3% compared with the same period last year",
        false
    )]
    fn a_rate_to_which_something_moved(#[case] text: &str, #[case] level: bool) {
        let start = text.find("6.3").expect("a rate");
        let end = start + "6.3%".len();
        assert_eq!(a_share_or_ratio(text, start, end), level, "{text}");
    }
}

/// How far after a figure its comparison ("less in the first half of 2023
/// than a year before") is looked for, in characters.
const CHANGE_REACH: usize = 120;

/// An amount that is a change, not a level: "grew by $12 million",
/// "outweighed imports by €112 billion", "$6 billion less than a year
/// before".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    By,
    MoreOrLess,
    /// "fell 3.1%, or £0.5 billion", "rose 8% ($1.2 billion)": the rate's
    /// change in money.
    OrRate,
}

impl Change {
    pub(super) fn of(sentence: &str, start: usize, end: usize) -> Option<Change> {
        let before = sentence[..start].trim_end();
        let by =
            before.len() >= 3 && before.as_bytes()[before.len() - 3..].eq_ignore_ascii_case(b" by");
        if by {
            return Some(Change::By);
        }
        if follows_a_rate_and_or(before) {
            return Some(Change::OrRate);
        }
        // Only the words just after the figure: lower-casing the rest of the
        // sentence for every amount made a long one quadratic.
        let rest = sentence[end..].trim_start();
        let window = rest
            .char_indices()
            .nth(CHANGE_REACH)
            .map_or(rest, |(at, _)| &rest[..at]);
        let after = window.to_ascii_lowercase();
        // The comparison may come after the figure's own period: "$2
        // billion less in 2023 than a year before".
        let clause = &after[..after.find([',', ';']).unwrap_or(after.len())];
        ["more", "less", "higher", "lower"]
            .iter()
            .any(|w| {
                after
                    .strip_prefix(w)
                    .is_some_and(|rest| rest.starts_with(' '))
                    && (clause.contains(" than ") || clause.contains(" compared "))
            })
            .then_some(Change::MoreOrLess)
    }

    pub(super) fn why(self) -> &'static str {
        match self {
            Change::By => "it is the size of a change ('by'), not a level",
            Change::MoreOrLess => "it is a difference from another figure, not a level",
            Change::OrRate => {
                "it is the change a rate before it gives in money ('3% or $2 billion'), not a level"
            }
        }
    }
}

/// Whether the words before an amount end with a rate and "or": "a
/// decrease of 3.1% or", "up 12 percent, or".
fn follows_a_rate_and_or(before: &str) -> bool {
    let bytes = before.as_bytes();
    // "rose 28.2% ($2.4 billion)": the same in brackets; the change word
    // may stand further back in a list of changes ("an increase of 12.7%
    // on the year before, and 28.2% (2.4 billion) on 2019").
    let (rest, reach) = if let Some(open) = before.strip_suffix('(') {
        (open, 12)
    } else if bytes.len() >= 4 && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b" or") {
        (&before[..before.len() - 3], 4)
    } else {
        return false;
    };
    let rate = rest.trim_end().trim_end_matches(',').trim_end();
    let unit = ["%", "percent", "per cent", "pct", "pc"].iter().find(|u| {
        rate.len() >= u.len()
            && rate.as_bytes()[rate.len() - u.len()..].eq_ignore_ascii_case(u.as_bytes())
    });
    let Some(unit) = unit else {
        return false;
    };
    let number = rate[..rate.len() - unit.len()].trim_end();
    if !number.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // The rate must be a change ("fell 3.1%", "a decrease of 3.1%"), not a
    // share: "accounts for 20 percent, or Sh446 billion, of its imports"
    // gives the share's worth, a level.
    const CHANGES: [&str; 16] = [
        "rose", "rise", "fell", "fall", "grew", "growth", "increase", "decrease", "decline",
        "drop", "jump", "climb", "gain", "surge", "slump", "up",
    ];
    let before = number.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    before.split_whitespace().rev().take(reach).any(|w| {
        CHANGES
            .iter()
            .any(|c| crate::scan::starts_with_ascii_ci(w, c))
            || w.eq_ignore_ascii_case("down")
    })
}

/// Whether the words governing a figure deny it: "has not crossed the $100
/// billion mark", "never exceeded".
pub(super) fn negated(governing: &str) -> bool {
    let lower = governing.to_ascii_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .any(|w| matches!(w, "not" | "never" | "n't" | "cannot"))
        || lower.contains("n't ")
        || lower.contains("yet to ")
        || lower.contains("failed to ")
}

/// Whether the words of a rate's clause before it say it is against the
/// month before: "On a month-on-month basis, exports decreased by 27.6
/// percent".
pub(super) fn month_on_month_before(before: &str) -> bool {
    ["month-on-month", "month on month", "m-o-m", "monthly basis"]
        .iter()
        .any(|w| crate::scan::contains_ascii_ci(before.as_bytes(), w.as_bytes()))
}

/// Whether the sentence before a rate reports a change against the month
/// before and then gives this rate as its cause: "trade fell 7.4% on the
/// previous April, owing to a 9% drop in imports".
pub(super) fn explains_a_monthly_change(before: &str) -> bool {
    let re = crate::pattern::lazy!(
        "monthly change",
        r"(?i)month[- ]on[- ]month|\bm-o-m\b|monthly\s+basis|\b(?:from|over|than|compared\s+(?:with|to))\s+(?:the\s+)?(?:previous|prior|preceding)\s+(?:month|january|february|march|april|may|june|july|august|september|october|november|december)\b|\ba\s+month\s+(?:earlier|before|ago)\b",
    );
    let Some(last) = re.find_iter(before).last() else {
        return false;
    };
    let rest = &before[last.end()..];
    [
        "attributed to",
        "owing to",
        "due to",
        "driven by",
        "thanks to",
        "as a result of",
        "on the back of",
        "led by",
        "reflecting",
        "because of",
    ]
    .iter()
    .any(|w| crate::scan::contains_ascii_ci(rest.as_bytes(), w.as_bytes()))
}

/// Why a rate is not a year-on-year rate, by the words after it: growth
/// since a past date or over several years, or against the month before.
pub(super) fn not_yearly(after: &str, year_on_year: bool) -> Option<&'static str> {
    let lower = after.to_ascii_lowercase();
    if lower.starts_with("since ") {
        return Some("growth since a past date is not a year-on-year rate");
    }
    let re = crate::pattern::lazy!(
        "not yearly",
        r"(?i)^(?:[a-z0-9-]+\s+){0,3}?(?:(?P<years>over\s+(?:the\s+)?(?:last|past)?\s*(?:\w+\s+)?(?:years|decades?)|in\s+(?:the\s+)?(?:last|past)\s+\w+\s+years|per\s+annum|a\s+year\s+on\s+average|on\s+average)|(?P<month>month[- ]on[- ]month|m-o-m|(?:from|over|than|compared\s+(?:with|to))\s+(?:the\s+figures?\s+(?:of|for)\s+|in\s+)?(?:the\s+(?:previous|prior|preceding)\s+month|a\s+month\s+(?:earlier|before|ago)|(?:the\s+(?:previous|prior|preceding)\s+|last\s+)?(?P<named>january|february|march|april|may|june|july|august|september|october|november|december)\b)))",
    );
    let c = re.captures(&lower)?;
    if c.name("years").is_some() {
        return Some("growth over several years is not a year-on-year rate");
    }
    // "from January through December 2022": a run of months, not the
    // month before.
    if let Some(month) = c.name("named") {
        let rest = lower[month.end()..].trim_start_matches([' ', ',']);
        let runs_on = ["-", "–", "—", "to ", "through ", "till ", "until ", "and "]
            .iter()
            .any(|w| rest.starts_with(w));
        if runs_on {
            return None;
        }
    }
    (!year_on_year).then_some("growth against the month before is not a year-on-year rate")
}

/// Whether a clause speaks of a level over years in general rather than of
/// one period: "the average figure in previous years", "$12-13 billion per
/// year", "on average".
pub(super) fn speaks_of_years_in_general(clause: &str) -> bool {
    let lower = clause.to_ascii_lowercase();
    [
        "average",
        "per year",
        "a year,",
        "each year",
        "every year",
        "previous years",
        "annually",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether the words after an amount put it in a part of a country: "more
/// than $100 million in 14 Russian regions".
pub(super) fn sub_national(after: &str) -> bool {
    let lower = after.trim_start().to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("in ") else {
        return false;
    };
    rest.split_whitespace().take(4).any(|w| {
        matches!(
            w.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()),
            "regions"
                | "provinces"
                | "states"
                | "cities"
                | "oblasts"
                | "prefectures"
                | "districts"
                | "municipalities"
        )
    })
}

/// Whether the words after a percentage "to" which something moved compare
/// it with a period, not with another level: "increased to 6.3% compared
/// to 2019" is written by the rate's own wording as a level, but a level
/// is compared with a level ("rose to 18 percent compared with 15
/// percent"), so this is growth.
fn growth_misworded_as_level(after: &str) -> bool {
    let Some(rest) = [
        "compared to ",
        "compared with ",
        "as compared to ",
        "as compared with ",
    ]
    .iter()
    .find_map(|w| crate::scan::starts_with_ascii_ci(after, w).then(|| &after[w.len()..])) else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let year = rest.len() >= 4
        && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !rest[4..].trim_start().starts_with(['%', 'p']);
    year || [
        "same period",
        "corresponding period",
        "last year",
        "previous year",
        "a year earlier",
    ]
    .iter()
    .any(|w| crate::scan::starts_with_ascii_ci(rest, w))
}

/// Whether a rate is a share ("46% of the bloc's output", "13.5 percent of
/// the country's trade") or a level of a ratio ("fell from 25.3 percent to
/// 19.5 percent", "these shares had fallen to 18 percent"), not a growth
/// rate.
pub(super) fn a_share_or_ratio(sentence: &str, start: usize, end: usize) -> bool {
    let after = sentence[end..].trim_start();
    if crate::scan::starts_with_ascii_ci(after, "of ")
        || crate::scan::starts_with_ascii_ci(after, "share")
    {
        return true;
    }
    // "fell from 25.3 percent", "had fallen to 18 percent": the level a
    // ratio moved from or to; a growth rate is "by" it or bare.
    let before = sentence[..start].trim_end().as_bytes();
    let ends = |w: &[u8]| {
        before.len() > w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && before[before.len() - w.len() - 1] == b' '
    };
    if ends(b"from") || (ends(b"to") && !growth_misworded_as_level(after)) {
        return true;
    }
    // "at $66.1 billion or 12 percent": the same figure as a share.
    if ends(b"or") {
        let lead = sentence[..start].trim_end();
        let lead = lead[..lead.len() - 2].trim_end();
        if lead.ends_with(|c: char| c.is_ascii_alphanumeric())
            && ["billion", "million", "trillion", "bn", "mn"]
                .iter()
                .any(|w| lead.to_ascii_lowercase().ends_with(w))
        {
            return true;
        }
    }
    // "fallen to 18 percent and 11 percent": listed after such a level.
    let text = sentence[..start].trim_end();
    let Some(rest) = text
        .strip_suffix("and")
        .or_else(|| text.strip_suffix(','))
        .map(|r| r.trim_end().trim_end_matches(',').trim_end())
    else {
        return false;
    };
    let Some(number_end) = ["percent", "per cent", "%"]
        .iter()
        .find_map(|u| rest.strip_suffix(u))
        .map(|r| r.trim_end().len())
    else {
        return false;
    };
    // After the last character that is no digit, whatever its width ("가12
    // percent": the fuzzer's find, which sliced inside the '가').
    let number_start = rest[..number_end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    number_start < number_end && a_share_or_ratio(sentence, number_start, number_end)
}
