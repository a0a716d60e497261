//! The shape of a sentence around a figure: its clause, whether the clause
//! states a goal rather than a result, and whether the figure is the base
//! of a comparison.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Period;

pub(super) fn target_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("target", r"(?i)\b(?:targets?|goal|aims?\s+to|aimed\s+at|to\s+reach|will\s+reach|would\s+reach|could\s+reach|expected\s+to|forecast|projected|plans?\s+to|strive\s+to|seek\s+to|set\s+to|to\s+hit|to\s+exceed|to\s+top|to\s+double|to\s+raise|to\s+boost|raising|boosting|by\s+(?:19|20)\d\d|(?:may|might|could|will|would|should|can)\s+(?:well\s+|likely\s+|even\s+|soon\s+)?(?:exceed|reach|top|hit|surpass|grow|rise|increase|double|climb|amount|total|fall|decline|drop)|likely\s+to|poised\s+to|on\s+track\s+to|(?-i:may)|might|could|will|would|should)\b")
    })
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

/// A change already reported before "to reach" makes it a result: "grew by
/// 32 percent in 2023 to reach a record $41 billion".
pub(super) fn reported_change_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("reported change", r"(?i)\b(?:grew|rose|increased|jumped|surged|climbed|expanded|soared|gained|advanced|fell|declined|dropped)\b")
    })
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

pub(super) fn by_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile(
            "by year",
            r"(?i)\bby\s+(?:the\s+end\s+of\s+)?(?P<y>(?:19|20)\d\d)\b",
        )
    })
}

pub(super) fn clause_break_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::pattern::compile("clause break", r"(?i);|\s(?:while|whereas|but|although)\s|,\s+(?:and|while)\s+(?:the|its|their|China|Russia|trade|exports|imports|shipments)\b")
    })
}

/// The clause of `sentence` around byte `at`: (start, end).
pub(super) fn clause(sentence: &str, at: usize) -> (usize, usize) {
    let mut start = 0;
    let mut end = sentence.len();
    for m in clause_break_re().find_iter(sentence) {
        // ", while imports ...", ", and China's ...": the word the break
        // ends with opens the next clause.
        let next = if m.as_str().ends_with(|c: char| c.is_ascii_alphabetic()) {
            m.as_str()
                .rfind(|c: char| c.is_ascii_whitespace())
                .map_or(m.end(), |i| m.start() + i + 1)
        } else {
            m.end()
        };
        if next <= at {
            start = next;
        } else if m.start() >= at {
            end = m.start();
            break;
        }
    }
    (start, end)
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
