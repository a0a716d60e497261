//! Who took part: people named with a role ("Russian Foreign Minister Sergey
//! Lavrov", "Anthony Albanese, Australia's prime minister,"), found once
//! in the whole article, and then by surname in each sentence.

use std::sync::OnceLock;

use regex::Regex;

use super::compile;
use crate::country;

/// A person the article names, with what it says about them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) role: Option<String>,
    pub(super) country: Option<&'static str>,
    /// The short form used later in the text ("Xi", "Putin").
    pub(super) surname: String,
    /// Byte offset of the first mention, for "the two leaders named last".
    pub(super) first_seen: usize,
}

/// Names that East Asian usage writes surname first.
fn surname_first(country: Option<&str>) -> bool {
    matches!(country, Some("CN" | "KR" | "KP" | "JP" | "VN"))
}

/// Titles only one country uses.
fn country_of_role(role: &str) -> Option<&'static str> {
    let r = role.split_whitespace().collect::<Vec<_>>().join(" ");
    match r.as_str() {
        "State Councilor" | "State Councilor and Foreign Minister" | "Vice Premier" => Some("CN"),
        _ => None,
    }
}

/// Words one of which every role in [`ROLES`](crate::person::ROLES) contains.
const ROLE_WORDS: [&str; 15] = [
    "leader",
    "counterpart",
    "Representative",
    "Leader",
    "President",
    "Premier",
    "Minister",
    "Councilor",
    "Secretary",
    "Chancellor",
    "King",
    "Prince",
    "Emir",
    "Ambassador",
    "Chairman",
];

/// [`ROLE_WORDS`] as one searcher: a vectorised scan for the places a role
/// can be, instead of stopping at every capital.
fn role_words() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        // Leftmost-first, so the vectorised (Teddy) prefilter can be used.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(ROLE_WORDS)
            .expect("a few short literals always build")
    })
}

/// Whether `c` can stand inside a [reading of a person](crate::person): ASCII
/// letters and lower-case ones of any alphabet ("Inácio"), the apostrophes
/// and full stops of "U.S.'s", hyphens, and white space.
fn in_person(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c.is_lowercase()
        || matches!(c, '.' | '\'' | '’' | '-')
        || c.is_whitespace()
}

/// The stretches of `text` that may hold a person with a role, as byte
/// ranges in order: each runs between two characters no match can contain
/// (digits, commas, brackets...) and holds a word of [`ROLE_WORDS`].
///
/// A reading looks at nothing before its start or after its end, so none
/// crosses such a character and reading each stretch alone finds exactly
/// what reading the whole text finds; the rest of the text, most of it, is not
/// searched at all. Linear: stretches do not overlap, and each scan stops at
/// the previous stretch.
fn role_stretches(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while from < bytes.len() {
        let Some(found) = role_words().find(aho_corasick::Input::new(bytes).range(from..)) else {
            break;
        };
        let at = found.start();
        // Every role is whole words: a hit that a letter goes on from
        // ("Representatives", "Kingdom", "Presidential") is none, and
        // starts no stretch.
        if bytes.get(found.end()).is_some_and(u8::is_ascii_alphabetic) {
            from = found.end();
            continue;
        }
        // "leader" and "counterpart" are also plain words ("the two
        // leaders", "his counterpart"): a reading needs white space and a
        // capital after them, so a hit without them holds no person and
        // starts no stretch.
        if bytes[at].is_ascii_lowercase() {
            let after = crate::scan::spaces_end(bytes, found.end());
            if after == found.end() || !bytes.get(after).is_some_and(u8::is_ascii_uppercase) {
                from = found.end();
                continue;
            }
        }
        let floor = out.last().map_or(0, |&(_, end)| end);
        let start = text[floor..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !in_person(c))
            .map_or(floor, |(i, c)| floor + i + c.len_utf8());
        let end = text[at..]
            .char_indices()
            .find(|&(_, c)| !in_person(c))
            .map_or(text.len(), |(i, _)| at + i);
        out.push((start, end));
        // A breaking character (or the end) follows: the next stretch starts after it.
        from = end + 1;
    }
    out
}

/// Roles written in lower case after a name, as an apposition ("Olaf
/// Scholz, the German chancellor,"), with the title they stand for.
const APPOSITIVE_ROLES: [(&str, &str); 8] = [
    ("prime minister", "Prime Minister"),
    ("foreign minister", "Foreign Minister"),
    ("vice president", "Vice President"),
    ("vice premier", "Vice Premier"),
    ("president", "President"),
    ("premier", "Premier"),
    ("chancellor", "Chancellor"),
    ("secretary of state", "Secretary of State"),
];

/// Capitalised words that open a sentence or a clause before a name; days
/// and months (whole, "Julia" is no July) are told by chrono.
const NOT_NAMES: [&str; 19] = [
    "On",
    "In",
    "At",
    "The",
    "And",
    "But",
    "Meanwhile",
    "Earlier",
    "Later",
    "Then",
    "When",
    "While",
    "As",
    "After",
    "Before",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

fn not_a_name(token: &str) -> bool {
    NOT_NAMES.contains(&token)
        || token.parse::<chrono::Weekday>().is_ok()
        || token.parse::<chrono::Month>().is_ok()
}

/// The short form a later mention uses: the first name part where the
/// surname comes first (China, Korea, Japan, Vietnam), else the last.
fn surname_of(name: &str, country: Option<&str>) -> Option<String> {
    let mut tokens = name.split_whitespace();
    let first = tokens.next()?;
    let last = tokens.last()?;
    Some(if surname_first(country) { first } else { last }.to_owned())
}

fn appositive_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?P<name>[A-Z][a-z\u{E0}-\u{17F}'-]+(?: [A-Z][a-z\u{E0}-\u{17F}'-]+){1,3}), (?:the |a )?(?P<adj>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s|’s)? $",
    )
}

/// People named with a role after them: "Anthony Albanese, Australia's prime
/// minister,", "Olaf Scholz, the German chancellor,". The country must be
/// named, as a bare "the president" after a name is often someone else's.
/// Looked for only at the role words, which few sentences hold. Returns
/// where each name starts, the name, the title and the country.
fn appositive_people(text: &str) -> Vec<(usize, String, &'static str, &'static str)> {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let roles = AC.get_or_init(|| {
        // Leftmost-first: "vice president" is found whole, and the
        // vectorised prefilter can run.
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(APPOSITIVE_ROLES.map(|(word, _)| word))
            .expect("a few short literals always build")
    });
    let mut out = Vec::new();
    for hit in roles.find_iter(text) {
        let (at, end) = (hit.start(), hit.end());
        let title = APPOSITIVE_ROLES[hit.pattern().as_usize()].1;
        if text[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // The apposition's comma stands a word or three before the role:
        // most hits have none, and skip the pattern.
        let window = crate::growth::floor_char_boundary(text, at.saturating_sub(90));
        let near = crate::growth::floor_char_boundary(text, at.saturating_sub(32));
        if !text[near..at].contains(", ") {
            continue;
        }
        let Some(c) = appositive_re().captures(&text[window..at]) else {
            continue;
        };
        let (Some(name), Some(adj)) = (c.name("name"), c.name("adj")) else {
            continue;
        };
        let Some(country) = country::code_of(adj.as_str()) else {
            continue;
        };
        // The pattern takes every capitalised word before the comma: "On
        // Monday Anthony Albanese, ..." names Anthony Albanese.
        let mut start = name.start();
        let mut tokens: Vec<&str> = name.as_str().split(' ').collect();
        while tokens.len() > 2 && not_a_name(tokens[0]) {
            start += tokens[0].len() + 1;
            tokens.remove(0);
        }
        if not_a_name(tokens[0]) {
            continue;
        }
        out.push((window + start, tokens.join(" "), title, country));
    }
    out
}

/// Everyone named with a role anywhere in the text.
pub(super) fn people(text: &str) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let matches = role_stretches(text).into_iter().flat_map(|(start, end)| {
        crate::person::matches(&text[start..end])
            .into_iter()
            .map(move |m| (start, m))
    });
    for (offset, m) in matches {
        let stretch = &text[offset..];
        let role = stretch[m.role.0..m.role.1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // "North Korean leader": the adjective may be two words, of which
        // the reading holds the second.
        let two_words = |s: usize, e: usize| {
            let before = text[..offset + s].trim_end_matches(' ');
            let word_start = before.rfind(' ').map_or(0, |i| i + 1);
            (before.len() < offset + s)
                .then(|| format!("{} {}", &before[word_start..], &stretch[s..e]))
                .and_then(|name| country::code_of(&name))
        };
        let country = m
            .adj
            .and_then(|(s, e)| two_words(s, e).or_else(|| country::code_of(&stretch[s..e])))
            .or_else(|| country_of_role(&role));
        let name = stretch[m.name.0..m.name.1].to_owned();
        // A later "President Xi" is the "Xi Jinping" met before.
        if let Some(known) = out.iter_mut().find(|p| p.name == name || p.surname == name) {
            if known.country.is_none() {
                known.country = country;
            }
            continue;
        }
        let Some(surname) = surname_of(&name, country) else {
            continue;
        };
        out.push(Person {
            surname,
            name,
            role: Some(role),
            country,
            first_seen: offset + m.start,
        });
    }
    let before = out.len();
    for (at, name, role, country) in appositive_people(text) {
        if out.iter().any(|p| p.name == name) {
            continue;
        }
        let Some(surname) = surname_of(&name, Some(country)) else {
            continue;
        };
        out.push(Person {
            surname,
            name,
            role: Some(role.to_owned()),
            country: Some(country),
            first_seen: at,
        });
    }
    if out.len() > before {
        out.sort_by_key(|p| p.first_seen);
    }
    out
}

/// The people a sentence names (full name or surname), in order.
pub(super) fn named_in<'p>(sentence: &str, people: &'p [Person]) -> Vec<&'p Person> {
    let mut found: Vec<(usize, &Person)> = Vec::new();
    for p in people {
        let at = find_word(sentence, &p.name).or_else(|| find_word(sentence, &p.surname));
        if let Some(at) = at {
            found.push((at, p));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, p)| p).collect()
}

/// Byte offset of `word` as a whole word in `text`.
pub(super) fn find_word(text: &str, word: &str) -> Option<usize> {
    // Most calls find nothing: `contains` says so with a vectorised scan,
    // where `find` first sets up a general substring search.
    if !text.contains(word) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let end = at + word.len();
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if before && after {
            return Some(at);
        }
        from = end;
    }
    None
}

pub(super) fn is_leader(p: &Person) -> bool {
    matches!(
        p.role.as_deref(),
        Some(
            "President"
                | "Premier"
                | "Prime Minister"
                | "Chancellor"
                | "King"
                | "Emir"
                | "General Secretary"
                | "Supreme Leader"
                | "leader"
        )
    )
}
