//! Reading a person named with a role: "Chinese President Xi Jinping",
//! "Russia's Foreign Minister Sergey Lavrov", "Premier Li Qiang".
//!
//! The grammar is that of one pattern,
//!
//! ```text
//! (?:(?P<adj>[A-Z]L+|U\.S\.)(?:'s|’s)?\s+)?(?P<role>ROLE)\s+
//! (?P<name>NAME(?:\s(?:PARTICLE\s){0,2}NAME){0,3})
//!                                  NAME = (?:[A-Z]\.\s){0,2}[A-Z]L+(?:-[A-Za-z]L+)?
//! ```
//!
//! with `ROLE` the alternation of [`ROLES`] in order, `L` a lower-case
//! letter of any alphabet (`\p{Lowercase}`) and `\s` ASCII white space, read here by hand with the pattern's leftmost-first semantics: the
//! leftmost start wins; there, the first role in [`ROLES`] that a name
//! follows; names as long as they go. One preference differs from that
//! pattern's: at a start where a role itself begins, the reading without an
//! adjective comes first, so that "Vice Premier He Lifeng" is the role "Vice
//! Premier", not the adjective "Vice" before "Premier" (and "First Deputy
//! Prime Minister" is one role). The tests' pattern puts that reading first
//! as an alternative of its own. A capture search of the pattern costs a few thousand
//! instructions per match, and every article with a visit has several; this
//! reads a word or two at each capital. The tests hold the pattern, built
//! from the same table, and check the two agree on random text.

use crate::scan::is_pattern_space as is_space;

/// The roles, in the pattern's order of preference, word by word (words are
/// separated by any run of white space). "Defen[cs]e Minister" is listed
/// once per spelling; they cannot both match, so the order between them is
/// moot.
pub(crate) const ROLES: &[&[&str]] = &[
    &["State", "Councilor", "and", "Foreign", "Minister"],
    &["Deputy", "Prime", "Minister"],
    &["First", "Deputy", "Prime", "Minister"],
    &["Prime", "Minister"],
    &["Vice", "Premier"],
    &["Premier"],
    &["Vice", "President"],
    &["President"],
    &["Foreign", "Minister"],
    &["Minister", "of", "Foreign", "Affairs"],
    &["External", "Affairs", "Minister"],
    &["Defence", "Minister"],
    &["Defense", "Minister"],
    &["Commerce", "and", "Industry", "Minister"],
    &["Commerce", "Minister"],
    &["Trade", "Minister"],
    &["Finance", "Minister"],
    &["Economy", "Minister"],
    &["Secretary", "of", "State"],
    &["Foreign", "Secretary"],
    &["Commerce", "Secretary"],
    &["Treasury", "Secretary"],
    &["Trade", "Secretary"],
    &["Trade", "Representative"],
    &["Chancellor"],
    &["King"],
    &["Crown", "Prince"],
    &["Emir"],
    &["Ambassador"],
    &["Chairman"],
    &["Party", "General", "Secretary"],
    &["General", "Secretary"],
    &["Supreme", "Leader"],
    &["leader"],
    &["counterpart"],
    &["State", "Councilor"],
];

/// The roles of [`ROLES`] written in lower case, which start no capital.
const LOWER_CASE_ROLES: [&str; 2] = ["leader", "counterpart"];

/// A searcher for each of [`LOWER_CASE_ROLES`], built once: building one
/// costs more than searching the short stretches this reads.
fn lower_case_finders() -> &'static [memchr::memmem::Finder<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| {
        LOWER_CASE_ROLES
            .iter()
            .map(|role| memchr::memmem::Finder::new(role.as_bytes()))
            .collect()
    })
}

/// One reading, as byte ranges of the text it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PersonMatch {
    pub start: usize,
    pub end: usize,
    /// The adjective or possessor ("Chinese", "Russia", "U.S."), without "'s".
    pub adj: Option<(usize, usize)>,
    /// The role as written, white space included.
    pub role: (usize, usize),
    pub name: (usize, usize),
}

/// Every reading in `text`, left to right, each search going on from the
/// end of the last (as a pattern's `captures_iter` would).
pub(crate) fn matches(text: &str) -> Vec<PersonMatch> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Every reading starts with a capital (the adjective's, "U.S.", or the
    // role's), or with one of the roles written in lower case ("met leader
    // Kim Jong Un", "received his counterpart Sergey Lavrov"), found apart
    // as they are rare.
    let mut leaders: Vec<usize> = lower_case_finders()
        .iter()
        .flat_map(|finder| finder.find_iter(bytes))
        .collect();
    leaders.sort_unstable();
    let mut next_leader = leaders.iter().copied().peekable();
    let mut at = 0;
    while at < bytes.len() {
        while next_leader.next_if(|&l| l < at).is_some() {}
        let p = crate::scan::next_capital(bytes, at)
            .min(next_leader.peek().copied().unwrap_or(usize::MAX));
        if p >= bytes.len() {
            break;
        }
        match read_at(bytes, p) {
            Some(m) => {
                at = m.end;
                out.push(m);
            }
            None => at = p + 1,
        }
    }
    out
}

/// The reading that starts at `p`, if any.
fn read_at(bytes: &[u8], p: usize) -> Option<PersonMatch> {
    // A role at `p` first ("Vice Premier He Lifeng")...
    let bare = role_and_name(bytes, p).map(|(role, name)| PersonMatch {
        start: p,
        end: name.1,
        adj: None,
        role,
        name,
    });
    // ...and failing that, an adjective before one ("Chinese President").
    bare.or_else(|| {
        let (adj_end, role_start) = adjective(bytes, p)?;
        role_and_name(bytes, role_start).map(|(role, name)| PersonMatch {
            start: p,
            end: name.1,
            adj: Some((p, adj_end)),
            role,
            name,
        })
    })
}

/// `[A-Z]L+|U\.S\.`, then `'s` or `’s` if there, then white space: the
/// adjective's end and where the role must start.
fn adjective(bytes: &[u8], p: usize) -> Option<(usize, usize)> {
    let end = capitalised_word(bytes, p).or_else(|| {
        bytes
            .get(p..)
            .filter(|rest| rest.starts_with(b"U.S."))
            .map(|_| p + 4)
    })?;
    let mut i = end;
    // The possessive is taken only if white space follows it; a letter
    // after the adjective has already ended the word.
    for possessive in ["'s", "’s"] {
        if bytes[i..].starts_with(possessive.as_bytes()) {
            i += possessive.len();
            break;
        }
    }
    let role_start = spaces(bytes, i);
    (role_start > i).then_some((end, role_start))
}

/// `[A-Z]L+` at `p` (`L` as [`lower_run`] reads it): its end.
fn capitalised_word(bytes: &[u8], p: usize) -> Option<usize> {
    if !bytes.get(p).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let end = lower_run(bytes, p + 1);
    (end > p + 1).then_some(end)
}

/// The end of the run of lower-case letters from `i`: `[a-z]`, and those of
/// other alphabets, as names are written in English-language reports too
/// ("Luiz Inácio Lula da Silva", "Erdoğan").
fn lower_run(bytes: &[u8], mut i: usize) -> usize {
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_lowercase() => i += 1,
            // A character's first byte (the text is a `str`, so one starts
            // here): decoded only where it may be a letter.
            Some(&b) if b >= 0xC0 => match char_at(bytes, i) {
                Some(c) if c.is_lowercase() => i += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    i
}

/// The character whose first byte is at `i`.
fn char_at(bytes: &[u8], i: usize) -> Option<char> {
    let len = match bytes.get(i)? {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    std::str::from_utf8(bytes.get(i..i + len)?)
        .ok()?
        .chars()
        .next()
}

use crate::scan::spaces_end as spaces;

/// The first role of [`ROLES`] at `p` that white space and a name follow:
/// the role's range and the name's.
fn role_and_name(bytes: &[u8], p: usize) -> Option<((usize, usize), (usize, usize))> {
    // A role's first word ends where a run of lower-case letters does, and
    // white space follows it (directly or after the rest of the role): only
    // roles with that first word can match, which rules out most capitals.
    let first_end = capitalised_word(bytes, p).or_else(|| {
        // "leader", the role in lower case.
        let end = lower_run(bytes, p);
        (end > p).then_some(end)
    })?;
    let first = &bytes[p..first_end];
    ROLES
        .iter()
        // Length and first letter before the bytes: most capitals start
        // no role, and a slice comparison calls `memcmp`.
        .filter(|role| {
            let word = role[0].as_bytes();
            word.len() == first.len() && word.first() == first.first() && word == first
        })
        .find_map(|role| {
            let mut i = first_end;
            for word in &role[1..] {
                let start = spaces(bytes, i);
                if start == i || !bytes[start..].starts_with(word.as_bytes()) {
                    return None;
                }
                i = start + word.len();
            }
            let role_end = i;
            let name_start = spaces(bytes, role_end);
            if name_start == role_end {
                return None;
            }
            // "Sheikh Mohamed bin Zayed Al Nahyan": the honorific is not a
            // part of the name when a name of two parts or more follows it
            // ("Sheikh Hasina" is a name of its own).
            let after_title = honorific_end(bytes, name_start).and_then(|start| {
                let first_part = name_part(bytes, start)?;
                let end = name(bytes, start)?;
                (end > first_part).then_some((start, end))
            });
            if let Some((start, end)) = after_title {
                return Some(((p, role_end), (start, end)));
            }
            let name_end = name(bytes, name_start)?;
            Some(((p, role_end), (name_start, name_end)))
        })
}

/// Honorifics written before a name, which are not part of it.
const HONORIFICS: [&str; 2] = ["Sheikh", "Sheikha"];

/// `(?:Sheikh|Sheikha)\s+` at `p`: where the name after it starts.
fn honorific_end(bytes: &[u8], p: usize) -> Option<usize> {
    let word_end = capitalised_word(bytes, p)?;
    let word = &bytes[p..word_end];
    if !HONORIFICS.iter().any(|h| h.as_bytes() == word) {
        return None;
    }
    let start = spaces(bytes, word_end);
    (start > word_end).then_some(start)
}

/// The lower-case words inside names: "Ursula von der Leyen", "Luiz Inacio
/// Lula da Silva", "Mohamed bin Zayed Al Nahyan".
const PARTICLES: [&str; 12] = [
    "von", "van", "der", "den", "de", "la", "da", "di", "du", "dos", "bin", "ibn",
];

/// `NAME(?:\s(?:PARTICLE\s){0,2}NAME){0,3}` at `p`: its end.
fn name(bytes: &[u8], p: usize) -> Option<usize> {
    let mut end = name_part(bytes, p)?;
    for _ in 0..3 {
        match next_part(bytes, end) {
            Some(next) => end = next,
            None => break,
        }
    }
    Some(end)
}

/// `\s(?:PARTICLE\s){0,2}NAME` at `p`: its end. The particles are tried
/// only where no name follows at once, as the pattern's leftmost-first
/// order does (a particle is never a capitalised word).
fn next_part(bytes: &[u8], p: usize) -> Option<usize> {
    let mut at = p;
    for _ in 0..=2 {
        if !bytes.get(at).is_some_and(|&b| is_space(b)) {
            return None;
        }
        if let Some(end) = name_part(bytes, at + 1) {
            return Some(end);
        }
        let word_end = lower_run(bytes, at + 1);
        let word = &bytes[at + 1..word_end];
        if !PARTICLES.iter().any(|particle| particle.as_bytes() == word) {
            return None;
        }
        at = word_end;
    }
    None
}

/// `(?:[A-Z]\.\s){0,2}[A-Z]L+(?:-[A-Za-z]L+)?` at `p`: its end. Up to two
/// initials may stand before a part ("S. Jaishankar", "Joseph R. Biden").
fn name_part(bytes: &[u8], p: usize) -> Option<usize> {
    let mut p = p;
    for _ in 0..2 {
        let initial = bytes.get(p).is_some_and(u8::is_ascii_uppercase)
            && bytes.get(p + 1) == Some(&b'.')
            && bytes.get(p + 2).is_some_and(|&b| is_space(b));
        if !initial {
            break;
        }
        p += 3;
    }
    let end = capitalised_word(bytes, p)?;
    let hyphenated = bytes.get(end) == Some(&b'-')
        && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
        && lower_run(bytes, end + 2) > end + 2;
    Some(if hyphenated {
        lower_run(bytes, end + 2)
    } else {
        end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The pattern this module reads by hand, from the same table.
    fn pattern() -> Regex {
        let roles: Vec<String> = ROLES.iter().map(|words| words.join(r"\s+")).collect();
        let roles = roles.join("|");
        let particle = PARTICLES.join("|");
        let part = r"(?:[A-Z]\.\s){0,2}[A-Z]\p{Lowercase}+(?:-[A-Za-z]\p{Lowercase}+)?";
        let next = format!(r"\s(?:(?:{particle})\s){{0,2}}{part}");
        let name = format!(r"{part}(?:{next}){{0,3}}");
        // After an honorific, a name of two parts or more.
        let longer = format!(r"{part}(?:{next}){{1,3}}");
        let honorific = HONORIFICS.join("|");
        let named = |n: &str| format!(r"(?:(?:{honorific})\s+(?P<{n}h>{longer})|(?P<{n}>{name}))");
        // The bare role first, as an alternative of its own: leftmost-first
        // tries it before the reading with an adjective at each start.
        let p = format!(
            r"(?P<brole>{roles})\s+{}|(?P<adj>[A-Z]\p{{Lowercase}}+|U\.S\.)(?:'s|’s)?\s+(?P<role>{roles})\s+{}",
            named("bname"),
            named("name")
        );
        crate::pattern::compile("person", &p)
    }

    /// The names read in `text`, in order.
    fn names_in(text: &str) -> Vec<&str> {
        matches(text)
            .iter()
            .map(|m| &text[m.name.0..m.name.1])
            .collect()
    }

    fn by_pattern(re: &Regex, text: &str) -> Vec<PersonMatch> {
        re.captures_iter(text)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let span = |m: regex::Match<'_>| (m.start(), m.end());
                Some(PersonMatch {
                    start: whole.start(),
                    end: whole.end(),
                    adj: c.name("adj").map(span),
                    role: span(c.name("brole").or_else(|| c.name("role"))?),
                    name: span(
                        ["bnameh", "bname", "nameh", "name"]
                            .iter()
                            .find_map(|n| c.name(n))?,
                    ),
                })
            })
            .collect()
    }

    #[test]
    fn reads_adjective_role_and_name() {
        let text = "Chinese President Xi Jinping met Russia's Foreign Minister Sergey Lavrov \
                    and U.S. Secretary of State Antony Blinken; Vice Premier He Lifeng too.";
        let found: Vec<(Option<&str>, &str, &str)> = matches(text)
            .iter()
            .map(|m| {
                (
                    m.adj.map(|(s, e)| &text[s..e]),
                    &text[m.role.0..m.role.1],
                    &text[m.name.0..m.name.1],
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (Some("Chinese"), "President", "Xi Jinping"),
                (Some("Russia"), "Foreign Minister", "Sergey Lavrov"),
                (Some("U.S."), "Secretary of State", "Antony Blinken"),
                // A role's first word is not read as an adjective.
                (None, "Vice Premier", "He Lifeng"),
            ]
        );
        // A longer role wins over an adjective plus a shorter one.
        let text =
            "First Deputy Prime Minister Denis Manturov and Russian Vice President Ivan Petrov";
        let roles: Vec<(Option<&str>, &str)> = matches(text)
            .iter()
            .map(|m| (m.adj.map(|(s, e)| &text[s..e]), &text[m.role.0..m.role.1]))
            .collect();
        assert_eq!(
            roles,
            [
                (None, "First Deputy Prime Minister"),
                (Some("Russian"), "Vice President")
            ]
        );
        // Up to four name parts, each with one hyphenated tail and up to
        // two particles before it.
        let text = "President Luiz Inácio Lula da Silva; King Charles Philip Arthur George Louis; \
                    Premier Jean-Luc Li-Ping X; President Ursula von der Leyen; \
                    President Mohamed bin Zayed Al Nahyan; Prime Minister Anna de van der Berg";
        let names = names_in(text);
        assert_eq!(
            names,
            [
                "Luiz Inácio Lula da Silva",
                "Charles Philip Arthur George",
                "Jean-Luc Li-Ping",
                "Ursula von der Leyen",
                "Mohamed bin Zayed Al Nahyan",
                // Three particles are more than a name holds: the name stops.
                "Anna"
            ]
        );
    }

    #[test]
    fn initials_stand_before_a_name_part_only() {
        let text = "External Affairs Minister S. Jaishankar met President Joseph R. Biden, \
                    President George H. W. Bush and President Xi J. in Beijing.";
        let names = names_in(text);
        assert_eq!(
            names,
            [
                "S. Jaishankar",
                "Joseph R. Biden",
                "George H. W. Bush",
                "Xi"
            ]
        );
        let re = pattern();
        assert_eq!(matches(text), by_pattern(&re, text));
    }

    #[test]
    fn an_honorific_stands_apart_only_before_a_longer_name() {
        let text = "President Sheikh Mohamed bin Zayed Al Nahyan met Prime Minister Sheikh Hasina.";
        let names = names_in(text);
        assert_eq!(names, ["Mohamed bin Zayed Al Nahyan", "Sheikh Hasina"]);
        assert_eq!(matches(text), by_pattern(&pattern(), text));
    }

    #[test]
    fn every_lower_case_role_is_searched_for() {
        let lower: Vec<&str> = ROLES
            .iter()
            .map(|words| words[0])
            .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            .collect();
        assert_eq!(lower, LOWER_CASE_ROLES);
    }

    #[test]
    fn a_counterpart_is_read_with_or_without_an_adjective() {
        let text = "Shoukry received his Russian counterpart Sergey Lavrov and his counterpart Hakan Fidan.";
        let found: Vec<(Option<&str>, &str)> = matches(text)
            .iter()
            .map(|m| (m.adj.map(|(s, e)| &text[s..e]), &text[m.name.0..m.name.1]))
            .collect();
        assert_eq!(
            found,
            [(Some("Russian"), "Sergey Lavrov"), (None, "Hakan Fidan")]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Random text of names, roles, near-roles and separators: the hand
        /// reading finds what the pattern finds, capture for capture.
        #[test]
        fn reads_as_the_pattern_does(
            parts in crate::testing::pieces(
                &[
                    "Chinese", "Russia", "'s", "’s", "U.S.", "U.S", "President", "Presidents",
                    "Vice", "Premier", "Prime", "Minister", "Deputy", "First", "State",
                    "Councilor", "and", "Foreign", "of", "Affairs", "Defence", "Defense",
                    "Secretary", "General", "leader", "Leader", "counterpart", "his", "Supreme", "misleader", "King", "Kingdom", "Crown", "Prince", "Xi", "Jinping", "Li",
                    "Jin-ping", "Jin-P", "-ping", "Mc", "McDonald", "X", "x", "é", "É", "ğ", "ª", "—", ",",
                    "Inácio", "Erdoğan", "Türkiye", "S.", "R.", "S", ". ", "Sheikh", "Sheikha",
                    "Luiz Inacio Lula da Silva", "Charles Philip Arthur George", "von", "der",
                    "da", "bin", "Al", "van", "de",
                    "-", " ", " ", " ", "  ", "\n", "\t", "\x0B",
                ],
                0..20,
            ),
        ) {
            // Compiled once: the Unicode class makes each compilation slow.
            static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
            let re = RE.get_or_init(pattern);
            let text: String = parts.concat();
            proptest::prop_assert_eq!(matches(&text), by_pattern(re, &text), "{:?}", text);
        }
    }
}
