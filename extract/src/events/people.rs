//! Who took part: people named with a role ("Russian Foreign Minister Sergey
//! Lavrov", "Anthony Albanese, Australia's prime minister,", "President of
//! Peru Dina Boluarte") or an honorific ("Mr Pedro Rojas"), found once in
//! the whole article, and then by surname in each sentence; a role without
//! a name ("the Chilean president") is the person
//! named with it before, or stands for someone the text does not name.

use std::{collections::HashMap, sync::OnceLock};

use crate::{country, model::Participant};

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

crate::pattern::patterns! {
    fn appositive_re = r"(?P<name>[A-Z][a-z\u{E0}-\u{17F}'-]+(?: [A-Z][a-z\u{E0}-\u{17F}'-]+){1,3}), (?:the |a )?(?P<adj>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s|’s)? $";
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
        let window = text.floor_char_boundary(at.saturating_sub(90));
        let near = text.floor_char_boundary(at.saturating_sub(32));
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

/// The roles written before "of" and a country ("President of Peru Dina
/// Boluarte"), with the title each stands for.
const OF_COUNTRY_ROLES: [(&str, &str); 6] = [
    ("Vice President of ", "Vice President"),
    ("President of ", "President"),
    ("Prime Minister of ", "Prime Minister"),
    ("Premier of ", "Premier"),
    ("Chairman of ", "Chairman"),
    ("Head of ", "Head of Government"),
];

/// People named after a role and the country it is of: "President of
/// Peru Dina Boluarte", "Chairman of the Council of Ministers of Bolivia,
/// Mario Quispe", "Head of the Bolivian Government Mario Quispe". The
/// office runs over capitalised words,
/// "of" and "the" to the country (or its adjective and "Government"), and
/// a name of two parts or more follows. Returns where each role starts,
/// the name, the title and the country.
fn of_country_people(text: &str) -> Vec<(usize, String, &'static str, &'static str)> {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let roles = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(OF_COUNTRY_ROLES.map(|(words, _)| words))
            .expect("a few short literals always build")
    });
    let mut out = Vec::new();
    for hit in roles.find_iter(text) {
        let after = hit.end();
        let window = &text[after..text.floor_char_boundary(after + 90)];
        let office_ends = country::mentions(window).into_iter().find(|m| {
            window[..m.start]
                .split_whitespace()
                .all(|w| w == "of" || w == "the" || w.starts_with(|c: char| c.is_ascii_uppercase()))
        });
        let Some(country) = office_ends else {
            continue;
        };
        let rest = &window[country.end..];
        let rest = rest.strip_prefix(" Government").unwrap_or(rest);
        let Some(name) = plain_name(rest.trim_start_matches([',', ' '])) else {
            continue;
        };
        let title = OF_COUNTRY_ROLES[hit.pattern().as_usize()].1;
        out.push((hit.start(), name, title, country.code));
    }
    out
}

/// A name of two to four capitalised parts at the start of `text` ("Mario
/// Quispe, ..."), none of them a word that opens a clause or a date.
fn plain_name(text: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    // A name does not run over a line's end.
    let line = text.split('\n').next().unwrap_or_default();
    for token in line.split_whitespace().take(4) {
        let word = token.trim_end_matches([',', '.', ';', ':']);
        let capitalised =
            is_name_part(word) || word.contains('-') && word.split('-').all(is_name_part);
        if !capitalised || not_a_name(word) || ROLE_WORDS.contains(&word) {
            break;
        }
        parts.push(word);
        if word.len() < token.len() {
            // Punctuation ends the name.
            break;
        }
    }
    (parts.len() >= 2).then(|| parts.join(" "))
}

/// "Quispe", "Erdoğan": a capital and lower-case letters of any alphabet.
fn is_name_part(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && word.len() > 1
        && chars.all(|c| c.is_lowercase() || matches!(c, '\'' | '’'))
}

/// Whether `word` may be a given name written before a surname: a name
/// part that is no role word and opens no clause.
fn is_given_name(word: &str) -> bool {
    is_name_part(word) && !not_a_name(word) && !ROLE_WORDS.contains(&word)
}

/// How far from an honorific's mention its person's given names are
/// looked for: an article's length, so a long document costs no more per
/// person than an article.
const GIVEN_NAME_REACH: usize = 4000;

/// The whole name of someone an honorific names by one part ("Mr Rojas"
/// at byte `at`), where the text near it writes given names before it
/// ("Pedro Rojas Held Phone Talks with ...").
fn fuller_name(text: &str, at: usize, name: &str) -> String {
    if name.contains(' ') {
        return name.to_owned();
    }
    let from = text.floor_char_boundary(at.saturating_sub(GIVEN_NAME_REACH));
    let to = text.floor_char_boundary(at + GIVEN_NAME_REACH);
    let window = &text[from..to];
    let bytes = window.as_bytes();
    let given = window.match_indices(name).find_map(|(i, _)| {
        let end = i + name.len();
        let whole = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        let near = window.floor_char_boundary(i.saturating_sub(60));
        let before: Vec<&str> = window[near..i]
            .split(' ')
            .rev()
            .skip(1)
            .take(2)
            .take_while(|w| is_given_name(w))
            .collect();
        (whole && !before.is_empty()).then_some(before)
    });
    match given {
        Some(before) => {
            let mut parts: Vec<&str> = before.into_iter().rev().collect();
            parts.push(name);
            parts.join(" ")
        }
        None => name.to_owned(),
    }
}

crate::pattern::patterns! {
    /// Honorifics before a name: "Mr Rojas", "Mr. Pedro Rojas", "Ms.Ana Lopes".
    fn honorific_re = r"\b(?:Mr|Mrs|Ms|Dr)\.?[ ]?(?P<name>[A-Z][a-z\u{E0}-\u{17F}'-]+(?: [A-Z][a-z\u{E0}-\u{17F}'-]+){0,3})";
}

/// People named after an honorific, with where each name starts. A name
/// of one part ("Mr Rojas") is its own surname.
fn honorific_people(text: &str) -> Vec<(usize, String)> {
    honorific_re()
        .captures_iter(text)
        .filter_map(|c| {
            let name = c.name("name")?;
            let first = name.as_str().split(' ').next()?;
            (!not_a_name(first) && !ROLE_WORDS.contains(&first))
                .then(|| (name.start(), name.as_str().to_owned()))
        })
        .collect()
}

/// Everyone named with a role anywhere in the text, in order of first
/// mention.
fn people(text: &str) -> Vec<Person> {
    let mut found = Found::default();
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
        // "... with Peru's President\n\nPresident Dina Boluarte": a name
        // does not start with a title, which is another person's role.
        let (name, country) = match strip_title(&name) {
            Some(rest) => (rest.to_owned(), None),
            None => (name, country),
        };
        if name.is_empty() {
            continue;
        }
        // A later "President Xi" is the "Xi Jinping" met before.
        if let Some(known) = found.named_or_surnamed(&name) {
            let known = &mut found.people[known];
            if known.country.is_none() {
                known.country = country;
            }
            continue;
        }
        let Some(surname) = surname_of(&name, country) else {
            continue;
        };
        found.add(Person {
            surname,
            name,
            role: Some(role),
            country,
            first_seen: offset + m.start,
        });
    }
    let before = found.people.len();
    let titled = appositive_people(text)
        .into_iter()
        .chain(of_country_people(text));
    for (at, name, role, country) in titled {
        if found.by_name.contains_key(&name) {
            continue;
        }
        let Some(surname) = surname_of(&name, Some(country)) else {
            continue;
        };
        found.add(Person {
            surname,
            name,
            role: Some(role.to_owned()),
            country: Some(country),
            first_seen: at,
        });
    }
    for (at, name) in honorific_people(text) {
        // "Mr Rojas" is the "Pedro Rojas" named with his role.
        if found.named_or_surnamed(&name).is_some() {
            continue;
        }
        let surname = surname_of(&name, None).unwrap_or_else(|| name.clone());
        let name = fuller_name(text, at, &name);
        found.add(Person {
            surname,
            name,
            role: None,
            country: None,
            first_seen: at,
        });
    }
    let mut out = found.people;
    if out.len() > before {
        out.sort_by_key(|p| p.first_seen);
    }
    out
}

/// The rest of a name read after a role when it starts with a title of
/// its own ("President Dina Boluarte" read as the name of "Peru's President"
/// across a line break): the name without it.
fn strip_title(name: &str) -> Option<&str> {
    let first = name.split_whitespace().next()?;
    if !ROLE_WORDS.contains(&first) {
        return None;
    }
    Some(name[first.len()..].trim_start())
}

/// The people found so far, with the first of each name and of each
/// surname: a long document names many, and each new reading looks them up.
#[derive(Default)]
struct Found {
    people: Vec<Person>,
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
}

impl Found {
    fn add(&mut self, person: Person) {
        let at = self.people.len();
        self.by_name.entry(person.name.clone()).or_insert(at);
        self.by_surname.entry(person.surname.clone()).or_insert(at);
        self.people.push(person);
    }

    /// The first person whose name or surname is `name`.
    fn named_or_surnamed(&self, name: &str) -> Option<usize> {
        [self.by_name.get(name), self.by_surname.get(name)]
            .into_iter()
            .flatten()
            .min()
            .copied()
    }
}

/// Up to how many people a sentence is searched for one by one; beyond,
/// one search for all their surnames finds who it may name.
const FEW: usize = 32;

/// Everyone an article names, in order of first mention, with what finds
/// them in a sentence fast however many there are.
pub(super) struct Roster {
    pub(super) people: Vec<Person>,
    /// With more than [`FEW`] people, their surnames as one searcher, and
    /// the people with each.
    surnames: Option<(aho_corasick::AhoCorasick, Vec<Vec<usize>>)>,
    /// The leaders, in order of first mention.
    leaders: Vec<usize>,
    /// The first person of each country and role (in lower case).
    by_role: HashMap<(&'static str, String), usize>,
}

impl Roster {
    pub(super) fn new(text: &str) -> Roster {
        let people = people(text);
        let surnames = (people.len() > FEW).then(|| {
            let mut patterns: Vec<&str> = Vec::new();
            let mut with: Vec<Vec<usize>> = Vec::new();
            let mut slot: HashMap<&str, usize> = HashMap::new();
            for (i, p) in people.iter().enumerate() {
                let at = *slot.entry(p.surname.as_str()).or_insert_with(|| {
                    patterns.push(p.surname.as_str());
                    with.push(Vec::new());
                    patterns.len() - 1
                });
                with[at].push(i);
            }
            let finder = aho_corasick::AhoCorasick::new(&patterns)
                .expect("surnames are short literals, which always build");
            (finder, with)
        });
        let leaders = (0..people.len())
            .filter(|&i| is_leader(&people[i]))
            .collect();
        let mut by_role = HashMap::new();
        for (i, p) in people.iter().enumerate() {
            if let (Some(country), Some(role)) = (p.country, p.role.as_deref()) {
                by_role
                    .entry((country, role.to_ascii_lowercase()))
                    .or_insert(i);
            }
        }
        Roster {
            people,
            surnames,
            leaders,
            by_role,
        }
    }

    /// Whether `sentence` holds the surname of someone named in the article.
    pub(super) fn may_name(&self, sentence: &str) -> bool {
        match &self.surnames {
            Some((finder, _)) => finder.is_match(sentence),
            None => self
                .people
                .iter()
                .any(|p| sentence.contains(p.surname.as_str())),
        }
    }

    /// Whether `words` may stand for someone who takes part in contacts:
    /// a surname of someone named, or a role ("his counterpart", "the
    /// Peruvian president", "a delegation").
    pub(super) fn may_stand_for_someone(&self, words: &str) -> bool {
        let bytes = words.as_bytes();
        self.may_name(words)
            || REFERENCE_ROLE_WORDS
                .iter()
                .chain(&["counterpart", "delegation", "envoy", "king", "emir"])
                .any(|w| crate::scan::contains_ascii_ci(bytes, w.as_bytes()))
    }

    /// The people `sentence` names (full name or surname), in order.
    pub(super) fn named_in(&self, sentence: &str) -> Vec<&Person> {
        // Whoever a sentence names, it holds their surname: with many
        // people, only those whose surname it holds are looked at.
        let candidates: Vec<usize> = match &self.surnames {
            Some((finder, with)) => {
                let mut found: Vec<usize> = finder
                    .find_overlapping_iter(sentence)
                    .flat_map(|m| with[m.pattern().as_usize()].iter().copied())
                    .collect();
                found.sort_unstable();
                found.dedup();
                found
            }
            None => (0..self.people.len()).collect(),
        };
        let mut found: Vec<(usize, &Person)> = Vec::new();
        for p in candidates.into_iter().map(|i| &self.people[i]) {
            let at = find_word(sentence, &p.name).or_else(|| find_word(sentence, &p.surname));
            if let Some(at) = at {
                found.push((at, p));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// The last two leaders named before byte `at`, in order of mention.
    pub(super) fn two_leaders_before(&self, at: usize) -> Option<[&Person; 2]> {
        let n = self
            .leaders
            .partition_point(|&i| self.people[i].first_seen < at);
        let [a, b] = self.leaders.get(n.checked_sub(2)?..n)? else {
            return None;
        };
        Some([&self.people[*a], &self.people[*b]])
    }

    /// The first person named of a country and role.
    fn with_role(&self, country: &'static str, title: &str) -> Option<&Person> {
        let i = self.by_role.get(&(country, title.to_ascii_lowercase()))?;
        Some(&self.people[*i])
    }
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

fn is_leader(p: &Person) -> bool {
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

crate::pattern::patterns! {
    /// "the Chilean president", "the Peruvian Foreign Minister": a role and the
    /// country it is of, without a name.
    fn role_reference_re = r"\b[Tt]he\s+(?P<adj>[A-Z][a-z]+)\s+(?P<role>(?i:prime\s+minister|foreign\s+minister|vice\s+president|vice\s+premier|president|premier|chancellor|secretary\s+of\s+state|trade\s+minister|commerce\s+minister|leader))\b(?P<next>\s+[A-Z])?";
}

/// The people `sentence` names by role and country alone: the person of
/// that role and country named before ("the Chilean president" after
/// "Russian President Vladimir Putin"), or someone the text does not name,
/// who takes part under the phrase ("the Peruvian Foreign Minister").
pub(super) fn role_references(sentence: &str, people: &Roster) -> Vec<Participant> {
    if !may_refer_to_a_role(sentence) {
        return Vec::new();
    }
    role_reference_re()
        .captures_iter(sentence)
        .filter_map(|c| {
            // "the Russian President Vladimir Putin" is a name with its role.
            if c.name("next").is_some() {
                return None;
            }
            let country = country::code_of(c.name("adj")?.as_str())?;
            let role = c.name("role")?.as_str();
            let title = title_of(role);
            let known = people.with_role(country, &title);
            Some(match known {
                Some(p) => Participant {
                    name: p.name.clone(),
                    role: p.role.clone(),
                    country: p.country.map(str::to_owned),
                },
                // "The Chinese president" opening a sentence is "the
                // Chinese president" elsewhere.
                None => Participant {
                    name: format!(
                        "the {}",
                        c.get(0)?
                            .as_str()
                            .split_whitespace()
                            .skip(1)
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                    role: Some(title),
                    country: Some(country.to_owned()),
                },
            })
        })
        .collect()
}

/// The words one of which every role [`role_reference_re`] reads holds, in
/// either case.
const REFERENCE_ROLE_WORDS: [&str; 6] = [
    "minister",
    "president",
    "premier",
    "chancellor",
    "leader",
    "secretary",
];

/// Whether `sentence` may refer to someone by role and country: a role
/// word (one vectorised search for all of them, in either case) with "the"
/// and a capitalised word among the three words before it, as
/// [`role_reference_re`] reads them ("the Peruvian Foreign Minister").
pub(super) fn may_refer_to_a_role(sentence: &str) -> bool {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let roles = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(REFERENCE_ROLE_WORDS)
            .expect("a few short literals always build")
    });
    roles.find_iter(sentence).any(|hit| {
        let from = sentence.floor_char_boundary(hit.start().saturating_sub(40));
        let words: Vec<&str> = sentence[from..hit.start()]
            .split_whitespace()
            .rev()
            .take(3)
            .collect();
        words.windows(2).any(|pair| {
            matches!(pair, [adjective, article] if (*article == "the" || *article == "The")
                && adjective.starts_with(|c: char| c.is_ascii_uppercase()))
        })
    })
}

/// A role as a title: "prime  minister" -> "Prime Minister".
fn title_of(role: &str) -> String {
    role.split_whitespace()
        .map(|w| match w {
            "of" => "of".to_owned(),
            _ => {
                let mut c = w.chars();
                c.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(c.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The person a sentence that opens with "He" or "She" speaks of: the first
/// named in the sentence before ("... Boric said on Thursday that ... He
/// spoke at a meeting with ...").
pub(super) fn pronoun_subject<'p>(
    sentence: &str,
    previous: &str,
    people: &'p Roster,
) -> Option<&'p Person> {
    let opens = ["He ", "She "].iter().any(|p| sentence.starts_with(p));
    if !opens {
        return None;
    }
    people.named_in(previous).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The people a sentence names, by looking at everyone.
    fn named_by_scan<'p>(sentence: &str, people: &'p [Person]) -> Vec<&'p Person> {
        let mut found: Vec<(usize, &Person)> = people
            .iter()
            .filter_map(|p| {
                let at =
                    find_word(sentence, &p.name).or_else(|| find_word(sentence, &p.surname))?;
                Some((at, p))
            })
            .collect();
        found.sort_by_key(|(at, _)| *at);
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// With more people than are looked at one by one, the roster finds
    /// who a sentence names by their surnames in one search: the same
    /// people, in the same order, as looking at everyone; and the two
    /// leaders named last before a point are the same as by a scan.
    #[test]
    fn a_long_roster_finds_what_a_scan_finds() {
        let surnames = [
            "Rojas", "Quispe", "Lopes", "Vargas", "Mendoza", "Castillo", "Herrera", "Morales",
            "Ortiz", "Silva", "Torres", "Ramos", "Flores", "Rivera", "Gomez", "Diaz", "Cruz",
            "Reyes", "Aguilar", "Navarro", "Campos", "Vega", "Rios", "Luna", "Soto", "Rojo",
            "Paredes", "Salas", "Ibarra", "Molina", "Pena", "Fuentes", "Cabrera", "Miranda",
            "Rosales", "Serrano", "Medina", "Guerrero", "Cortes", "Leon",
        ];
        let roles = ["President", "Foreign Minister", "Trade Minister", "Premier"];
        let text: String = surnames
            .iter()
            .enumerate()
            .map(|(i, s)| format!("Chilean {} Ana {s} spoke. ", roles[i % roles.len()]))
            .collect();
        let roster = Roster::new(&text);
        assert!(roster.people.len() > FEW, "{}", roster.people.len());
        assert!(roster.surnames.is_some());
        for sentence in [
            "Rojas met Quispe and Ana Leon on Monday.",
            "Leon and Rojo, not Rojas, held talks with Ana Vega.",
            "Nobody from the list came to Lima.",
            "Rosales, Serrano, Medina and Guerrero held talks.",
        ] {
            let names = |v: Vec<&Person>| v.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
            assert_eq!(
                names(roster.named_in(sentence)),
                names(named_by_scan(sentence, &roster.people)),
                "{sentence}"
            );
            let holds_a_surname = roster
                .people
                .iter()
                .any(|p| sentence.contains(p.surname.as_str()));
            assert_eq!(roster.may_name(sentence), holds_a_surname, "{sentence}");
        }
        for at in [0, 40, text.len() / 2, text.len()] {
            let mut leaders: Vec<&Person> = roster
                .people
                .iter()
                .filter(|p| is_leader(p) && p.first_seen < at)
                .collect();
            let want = (leaders.len() >= 2).then(|| leaders.split_off(leaders.len() - 2));
            let got = roster.two_leaders_before(at).map(|pair| pair.to_vec());
            assert_eq!(got, want, "{at}");
        }
    }
}
