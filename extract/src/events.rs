//! Visits, talks, meetings, calls and exchanges of messages, with who took
//! part, where, and when.
//!
//! An event needs a trigger ("held talks", "state visit", "via video link"),
//! at least one named participant, and something that dates it: a date in the
//! sentence ("on March 20", "At the end of 2022", "on Tuesday"), or the
//! dateline when the sentence opens the report. A sentence that only counts
//! contacts ("four phone conversations this year") or speaks of meetings in
//! general ("regular meetings between premiers") is not an event. People are
//! recognised by role ("Russian Foreign Minister Sergey Lavrov") and then by
//! surname ("Lavrov"); "the two heads of state" are the two leaders named last.

use std::{collections::HashMap, sync::OnceLock};

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use crate::{
    country,
    figures::DocumentContext,
    model::{Event, EventKind, EventStatus, PartialDate, Participant, Precision, Provenance},
    prefilter::Clues,
    sentence::Sentence,
    when::{self, full_dates, month_days},
};

fn compile(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| crate::pattern::compile("event", pattern))
}

/// Triggers in order of priority: the first kind whose pattern matches wins,
/// so "a meeting via video link" is a video call and "a three-day state
/// visit" a state visit rather than a visit.
fn triggers() -> &'static [(EventKind, Regex)] {
    static T: OnceLock<Vec<(EventKind, Regex)>> = OnceLock::new();
    T.get_or_init(|| {
        let table: [(EventKind, &str); 9] = [
            (EventKind::VideoCall, r"(?i)\bvia\s+video\s+link\b|\bvideo\s+(?:link|call|conference|talks|meeting)\b|\bvideoconference\b|\bvirtual\s+(?:meeting|summit|talks)\b"),
            (EventKind::PhoneCall, r"(?i)\b(?:tele)?phone\s+(?:call|conversation|talks)\b|\bspoke\s+(?:by|over\s+the)\s+(?:tele)?phone\b|\btalked\s+(?:by|over\s+the)\s+(?:tele)?phone\b|\bphoned\b"),
            (EventKind::MessageExchange, r"(?i)\bexchanged\s+(?:\w+\s+)?(?:messages|letters|greetings)\b|\bsent\s+(?:a\s+)?(?:congratulatory\s+)?(?:message|letter)\b"),
            (EventKind::StateVisit, r"(?i)\bstate\s+visit\b"),
            (EventKind::OfficialVisit, r"(?i)\bofficial\s+(?:goodwill\s+|working\s+)?visit\b"),
            (EventKind::Summit, r"(?i)\bsummit\b"),
            (EventKind::Talks, r"(?i)\b(?:held|holds|hold|holding)\s+(?:\w+\s+)?talks\b|\btalks\s+with\b"),
            // A host receiving a guest is a meeting: "hosted U.S. President
            // Joe Biden", "received his Russian counterpart". Only before a
            // person, as "received $2 billion" and "hosted the forum" are not.
            (EventKind::Meeting, r"(?i)\bmet\b|\bmeets\b|\bmeeting\b|\bmeet\b|\b(?:hosted|hosts|received|receives)\s+(?:(?:his|her|their|the)\s+)?(?:visiting\b|counterpart\b|(?-i:[A-Z][a-z]|U\.S\.))"),
            (EventKind::Visit, r"(?i)\bvisit(?:ed|ing|s)?\b|\barrived\s+in\b|\bpaid\s+a\s+visit\b|\btrip\s+to\b|\btravel(?:s|ed|led|ing|ling)?\s+to\b"),
        ];
        table
            .into_iter()
            .map(|(kind, p)| (kind, crate::pattern::compile(&format!("{kind:?} trigger"), p)))
            .collect()
    })
}

/// Talk of contacts in general or in number, which dates no single event.
fn generic_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\b(?:meetings|visits|conversations|calls|summits)\b|\b(?:multiple|several|many|\d+|two|three|four|five|six|seven)\s+times\b",
    )
}

/// Whether `sentence` talks of contacts in general or in number. Not for
/// the name of a venue after the trigger: "met ... on the sidelines of the
/// ASEAN foreign ministers' meetings in Vientiane" is one meeting.
fn speaks_in_general(sentence: &str, trigger_end: usize) -> bool {
    generic_re().find_iter(sentence).any(|m| {
        let venue = m.start() >= trigger_end && {
            let between = &sentence[trigger_end..m.start()];
            [
                "sidelines of",
                "during the",
                "at the",
                "ahead of the",
                "on the margins of",
            ]
            .iter()
            .any(|w| between.contains(w))
        };
        !venue
    })
}

fn collective_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\bthe\s+two\s+(?:heads\s+of\s+state|leaders|presidents)\b|\bboth\s+leaders\b",
    )
}

fn planned_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\b(?:will|would|is\s+to|are\s+to|to\s+pay|arrives|heads\s+to|travels\s+to|leaves\s+for|departs\s+for|scheduled|plans?\s+to|is\s+set\s+to|is\s+expected\s+to|upcoming|forthcoming|next\s+(?:week|month|year))\b|\bto\s+$",
    )
}

fn duration_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\b",
    )
}

fn relative_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\b(?:at|by|towards?)\s+the\s+(?P<edge>end|beginning|start|middle)\s+of\s+(?P<what>(?:19|20)\d\d|this\s+month|last\s+month|this\s+year|last\s+year|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?P<earlier>earlier|later)\s+this\s+(?P<unit>month|year)\b|\b(?P<lastweek>last\s+week)\b|\b(?P<next>next\s+(?:week|month|year))\b|\b(?P<lastmonth>last\s+(?:month|January|February|March|April|May|June|July|August|September|October|November|December))\b|\b(?P<day>(?-i:yesterday|today|^Yesterday|^Today))\b|\bin\s+(?P<my_m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<my_y>(?:19|20)\d\d)\b|\bin\s+(?P<year>(?:19|20)\d\d)\b",
    )
}

/// "in April", a month without its year: the last resort for a date.
fn month_only_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"\b[Ii]n\s+(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\b",
    )
}

fn weekday_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    )
}

fn range_end_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(&RE, r"^\s*(?:-|–|to|through|until)\s*(?P<d>\d{1,2})\b")
}

/// The year written after a range's last day: ", 2024" of "August 18 to
/// 20, 2024", which the full-date pattern does not read across the range.
fn range_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"^\s*(?:-|–|to|through|until|and)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
    )
}

/// Venues that name their city.
const VENUES: [(&str, &str); 6] = [
    ("Kremlin", "Moscow"),
    ("Great Hall of the People", "Beijing"),
    ("Zhongnanhai", "Beijing"),
    ("Diaoyutai State Guesthouse", "Beijing"),
    ("White House", "Washington"),
    ("Elysee Palace", "Paris"),
];

/// Cities that are not capitals but host visits.
const CITIES: [&str; 60] = [
    "St. Petersburg",
    "Saint Petersburg",
    "Shanghai",
    "Vladivostok",
    "Kazan",
    "Sochi",
    "Samarkand",
    "Johannesburg",
    "New York",
    "Geneva",
    "Davos",
    "Hangzhou",
    "Xi'an",
    "Tianjin",
    "Osaka",
    "Bali",
    "Munich",
    "Hiroshima",
    "Rio de Janeiro",
    "San Francisco",
    "Busan",
    "Dubai",
    "Jeddah",
    "Mumbai",
    "Guangzhou",
    "Xiamen",
    "Chongqing",
    "Chengdu",
    "Wuhan",
    "Shenzhen",
    "Nanjing",
    "Qingdao",
    "Harbin",
    "Dalian",
    "Kunming",
    "Urumqi",
    "Novosibirsk",
    "Yekaterinburg",
    "Kaliningrad",
    "Murmansk",
    "Khabarovsk",
    "Almaty",
    "Bangalore",
    "Chennai",
    "Kolkata",
    "Ho Chi Minh City",
    "Da Nang",
    "Yokohama",
    "Kyoto",
    "Frankfurt",
    "Hamburg",
    "Milan",
    "Istanbul",
    "Sao Paulo",
    "São Paulo",
    "Sydney",
    "Melbourne",
    "Toronto",
    "Los Angeles",
    "Chicago",
];

/// A person the article names, with what it says about them.
#[derive(Clone, Debug, PartialEq)]
struct Person {
    name: String,
    role: Option<String>,
    country: Option<&'static str>,
    /// The short form used later in the text ("Xi", "Putin").
    surname: String,
    /// Byte offset of the first mention, for "the two leaders named last".
    first_seen: usize,
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
fn people(text: &str) -> Vec<Person> {
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
fn named_in<'p>(sentence: &str, people: &'p [Person]) -> Vec<&'p Person> {
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
fn find_word(text: &str, word: &str) -> Option<usize> {
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

/// A date read from an event sentence, before and after resolution.
struct EventDate {
    start: Option<PartialDate>,
    end: Option<PartialDate>,
    reason: String,
    /// The phrase gave a date but the reference to resolve it is missing.
    unresolved: bool,
}

/// The reference for relative dates: the dateline's or publication day, or
/// at least the publication year (and month).
struct Reference {
    day: Option<NaiveDate>,
    date: Option<PartialDate>,
}

/// Reports of what happened count back from the reference day; announcements
/// of what will happen count forward.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Past,
    Future,
}

/// The date of the event a sentence reports. `skip` bytes at its start are
/// a dateline ("BEIJING, April 28 (Xinhua) --"), whose date is the report's,
/// not the event's: "will pay a state visit from May 7 to 10" is in May.
fn event_date(
    sentence: &str,
    skip: usize,
    trigger_at: usize,
    reference: &Reference,
    direction: Direction,
) -> Option<EventDate> {
    // A full date in the sentence.
    if let Some(d) = full_dates(sentence).into_iter().find(|d| d.start >= skip) {
        let end = range_end(sentence, d.end, d.value);
        return Some(EventDate {
            start: Some(PartialDate::day(d.value)),
            end: end.map(PartialDate::day),
            reason: format!("date: '{}'", &sentence[d.start..d.end]),
            unresolved: false,
        });
    }
    // "on March 20": the year from the sentence when it names one ("in
    // April 2024, meeting Xi on April 16"), else from the reference.
    if let Some(md) = month_days(sentence).into_iter().find(|d| d.start >= skip) {
        let (month, day) = md.value;
        let phrase = &sentence[md.start..md.end];
        let year = year_after_range(&sentence[md.end..])
            .or_else(|| year_of_month(&sentence[skip..], month));
        if let Some(year) = year {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                return Some(EventDate {
                    start: Some(PartialDate::day(date)),
                    end: range_end(sentence, md.end, date).map(PartialDate::day),
                    reason: format!("date: '{phrase}' in {year}, the year the sentence names"),
                    unresolved: false,
                });
            }
        }
        let resolved = match (reference.day, reference.date) {
            (Some(r), _) if direction == Direction::Future => {
                when::month_day_on_or_after(r, month, day)
            }
            (Some(r), _) => when::month_day_on_or_before(r, month, day),
            (None, Some(PartialDate { year: Some(y), .. })) => {
                NaiveDate::from_ymd_opt(y, month, day)
            }
            _ => None,
        };
        return Some(match resolved {
            Some(date) => EventDate {
                start: Some(PartialDate::day(date)),
                end: range_end(sentence, md.end, date).map(PartialDate::day),
                reason: format!(
                    "date: '{phrase}' in an article from {}",
                    describe(reference)
                ),
                unresolved: false,
            },
            None => EventDate {
                start: Some(PartialDate::month_day(month, day)),
                end: None,
                reason: format!(
                    "date: '{phrase}', its year unknown, as the publication date is unknown"
                ),
                unresolved: true,
            },
        });
    }
    // "on Tuesday", "On the morning of Thursday": the latest such day on or
    // before the reference day.
    // "..., the Kremlin said on Friday" dates the announcement: for an
    // event still to come, that is never its day.
    let weekday = weekday_re()
        .captures_iter(sentence)
        .filter_map(|c| c.name("wd"))
        .filter(|m| m.start() >= skip)
        .filter(|m| direction == Direction::Past || !dates_a_statement(sentence, m.start()))
        .min_by_key(|m| m.start().abs_diff(trigger_at));
    if let Some(c) = relative_re()
        .captures_iter(sentence)
        .find(|c| c.get(0).is_some_and(|m| m.start() >= skip))
    {
        // A bare "in 2023" often dates a figure in the same sentence ("grew
        // by 32 percent in 2023 ..., who arrived on Tuesday for a state
        // visit"): a weekday nearer the trigger dates the event instead.
        let whole = c.get(0);
        let weekday_nearer = c.name("year").is_some()
            && whole.zip(weekday).is_some_and(|(year, day)| {
                day.start().abs_diff(trigger_at) < year.start().abs_diff(trigger_at)
            });
        if !weekday_nearer {
            let phrase = whole.map_or("", |m| m.as_str());
            return Some(relative_date(&c, phrase, reference));
        }
    }
    let Some(weekday) = weekday else {
        return month_only(sentence, skip, reference, direction);
    };
    let day = when::weekday(weekday.as_str())?;
    Some(match reference.day {
        Some(r) => {
            let (date, how) = match direction {
                Direction::Past => (when::weekday_on_or_before(r, day), "counted back"),
                Direction::Future => (when::weekday_on_or_after(r, day), "counted forward"),
            };
            EventDate {
                start: Some(PartialDate::day(date)),
                end: None,
                reason: format!("date: '{}' {how} from {r}", weekday.as_str()),
                unresolved: false,
            }
        }
        None => EventDate {
            start: None,
            end: None,
            reason: format!(
                "date: '{}' cannot be resolved without the publication day",
                weekday.as_str()
            ),
            unresolved: true,
        },
    })
}

/// The year a sentence gives a month ("in April 2024"), for a month-day of
/// that month elsewhere in it ("... meeting Xi on April 16"). Only a year
/// written with the same month counts: "his first visit since 2019" says
/// nothing of the year of "March 20".
/// The year after the range that opens `after` ("to 20, 2024"), if any.
fn year_after_range(after: &str) -> Option<i32> {
    // Every such range starts within a few bytes with a dash, "to",
    // "through", "until" or "and", then a day: most month-days have none.
    if !after.as_bytes().iter().take(12).any(u8::is_ascii_digit) {
        return None;
    }
    range_year_re()
        .captures(after)?
        .name("y")?
        .as_str()
        .parse()
        .ok()
}

fn year_of_month(sentence: &str, month: u32) -> Option<i32> {
    let bytes = sentence.as_bytes();
    crate::scan::years(bytes).find_map(|(at, year)| {
        let boundary = !bytes.get(at + 4).is_some_and(u8::is_ascii_alphanumeric);
        let before = sentence[..at].strip_suffix(' ')?;
        let word = before.rsplit(' ').next()?;
        (boundary && crate::period::month_number(word) == Some(month)).then_some(year)
    })
}

/// "will visit in April": the next April (this one if it has not ended);
/// "met in April": the last one. Month precision.
fn month_only(
    sentence: &str,
    skip: usize,
    reference: &Reference,
    direction: Direction,
) -> Option<EventDate> {
    let m = month_only_re()
        .captures_iter(sentence)
        .find(|c| c.get(0).is_some_and(|m| m.start() >= skip))?;
    let phrase = m.get(0)?.as_str();
    let month = crate::period::month_number(m.name("m")?.as_str())?;
    let (year, how) = match (
        reference.date.and_then(|d| d.year),
        reference.date.and_then(|d| d.month),
    ) {
        (Some(y), Some(rm)) if direction == Direction::Future => {
            (if month >= rm { y } else { y + 1 }, "the next")
        }
        (Some(y), Some(rm)) => (if month <= rm { y } else { y - 1 }, "the last"),
        (Some(y), None) => (y, "the one"),
        _ => {
            return Some(EventDate {
                start: None,
                end: None,
                reason: format!("date: '{phrase}' needs the publication date"),
                unresolved: true,
            })
        }
    };
    Some(EventDate {
        start: Some(PartialDate::month(year, month)),
        end: None,
        reason: format!(
            "date: '{phrase}', {how} in an article from {}",
            describe(reference)
        ),
        unresolved: false,
    })
}

/// Whether the day named at `at` is when something was said ("said on
/// Friday", "told reporters Tuesday", "announced on Monday").
fn dates_a_statement(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before).trim_end();
    [
        "said",
        "says",
        "announced",
        "reported",
        "told reporters",
        "told journalists",
        "confirmed",
    ]
    .iter()
    .any(|verb| {
        before.len() >= verb.len()
            && before.is_char_boundary(before.len() - verb.len())
            && before[before.len() - verb.len()..].eq_ignore_ascii_case(verb)
    })
}

fn describe(reference: &Reference) -> String {
    match (reference.day, reference.date) {
        (Some(d), _) => d.to_string(),
        (None, Some(d)) => d.to_string(),
        _ => "an unknown date".to_owned(),
    }
}

/// "March 20-22", "from March 20 to 22": the last day of a range.
fn range_end(sentence: &str, after: usize, start: NaiveDate) -> Option<NaiveDate> {
    let c = range_end_re().captures(&sentence[after..])?;
    let day: u32 = c.name("d")?.as_str().parse().ok()?;
    let end = NaiveDate::from_ymd_opt(start.year(), start.month(), day)?;
    (end > start).then_some(end)
}

fn relative_date(c: &regex::Captures<'_>, phrase: &str, reference: &Reference) -> EventDate {
    let unresolved = |why: &str| EventDate {
        start: None,
        end: None,
        reason: format!("date: '{phrase}' {why}"),
        unresolved: true,
    };
    let ref_year = reference.date.and_then(|d| d.year);
    let ref_month = reference.date.and_then(|d| d.month);
    let resolved = |start: PartialDate, end: Option<PartialDate>| EventDate {
        start: Some(start),
        end,
        reason: format!(
            "date: '{phrase}' in an article from {}",
            describe(reference)
        ),
        unresolved: false,
    };
    if let (Some(edge), Some(what)) = (c.name("edge"), c.name("what")) {
        let what = what.as_str().to_ascii_lowercase();
        let edge = edge.as_str().to_ascii_lowercase();
        let month_for_edge = |first: u32| match edge.as_str() {
            "end" => 12,
            "middle" => 6,
            _ => first,
        };
        if let Ok(year) = what.parse::<i32>() {
            return resolved(PartialDate::month(year, month_for_edge(1)), None);
        }
        return match (what.as_str(), ref_year, ref_month) {
            ("this month", Some(y), Some(m)) => resolved(PartialDate::month(y, m), None),
            ("last month", Some(y), Some(m)) => {
                let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                resolved(PartialDate::month(y, m), None)
            }
            ("this year", Some(y), _) => resolved(PartialDate::month(y, month_for_edge(1)), None),
            ("last year", Some(y), _) => {
                resolved(PartialDate::month(y - 1, month_for_edge(1)), None)
            }
            (name, Some(y), _) => match crate::period::month_number(name) {
                Some(m) => resolved(PartialDate::month(y, m), None),
                None => unresolved("is not a date"),
            },
            _ => unresolved("needs the publication date"),
        };
    }
    if let (Some(_), Some(unit)) = (c.name("earlier"), c.name("unit")) {
        return match (
            unit.as_str().to_ascii_lowercase().as_str(),
            ref_year,
            ref_month,
        ) {
            ("month", Some(y), Some(m)) => resolved(PartialDate::month(y, m), None),
            ("year", Some(y), _) => resolved(PartialDate::year(y), None),
            _ => unresolved("needs the publication date"),
        };
    }
    if c.name("lastweek").is_some() {
        return match reference.day {
            Some(r) => {
                let monday = r - Duration::days(i64::from(r.weekday().num_days_from_monday()) + 7);
                resolved(
                    PartialDate::day(monday),
                    Some(PartialDate::day(monday + Duration::days(6))),
                )
            }
            None => unresolved("needs the publication day"),
        };
    }
    if let Some(n) = c.name("next") {
        let unit = n.as_str().split_whitespace().last().unwrap_or_default();
        let Some(r) = reference
            .day
            .or_else(|| reference.date.and_then(|d| d.first_day()))
        else {
            return unresolved("needs the publication date");
        };
        return match unit.to_ascii_lowercase().as_str() {
            "week" => {
                let monday = r + Duration::days(7 - i64::from(r.weekday().num_days_from_monday()));
                resolved(
                    PartialDate::day(monday),
                    Some(PartialDate::day(monday + Duration::days(6))),
                )
            }
            "month" => {
                let (y, m) = if r.month() == 12 {
                    (r.year() + 1, 1)
                } else {
                    (r.year(), r.month() + 1)
                };
                resolved(PartialDate::month(y, m), None)
            }
            _ => resolved(PartialDate::year(r.year() + 1), None),
        };
    }
    if let Some(m) = c.name("lastmonth") {
        return match reference
            .day
            .or_else(|| reference.date.and_then(|d| d.first_day()))
        {
            Some(r) => match when::relative_month(m.as_str(), r) {
                Some(d) => resolved(d, None),
                None => unresolved("is not a date"),
            },
            None => unresolved("needs the publication date"),
        };
    }
    if let Some(d) = c.name("day") {
        return match reference.day {
            Some(r) => {
                let date = if d.as_str().eq_ignore_ascii_case("yesterday") {
                    r - Duration::days(1)
                } else {
                    r
                };
                resolved(PartialDate::day(date), None)
            }
            None => unresolved("needs the publication day"),
        };
    }
    if let (Some(m), Some(y)) = (c.name("my_m"), c.name("my_y")) {
        if let (Some(month), Ok(year)) =
            (crate::period::month_number(m.as_str()), y.as_str().parse())
        {
            return resolved(PartialDate::month(year, month), None);
        }
    }
    if let Some(y) = c.name("year").and_then(|y| y.as_str().parse().ok()) {
        return resolved(PartialDate::year(y), None);
    }
    unresolved("is not a date")
}

/// "a three-day state visit" starting on `start`: its last day.
fn duration_end(sentence: &str, start: Option<PartialDate>) -> Option<PartialDate> {
    let c = duration_re().captures(sentence)?;
    let n = i64::from(crate::period::count(c.name("n")?.as_str())?);
    let first = start?.to_date()?;
    (n > 1).then(|| PartialDate::day(first + Duration::days(n - 1)))
}

/// Where the event took place: a venue, a city in the sentence, or the dateline's.
fn place(sentence: &str, dateline: Option<&str>, dated_by_dateline: bool) -> Option<String> {
    for (venue, city) in VENUES {
        // "Kremlin spokesman Dmitry Peskov" speaks for the venue; the event
        // need not be there.
        let speaks_for = |at: usize| {
            let after = sentence[at + venue.len()..].trim_start();
            let after = after.strip_prefix("'s").unwrap_or(after).trim_start();
            [
                "spokes", "aide", "official", "press", "adviser", "advisor", "said", "says",
                "source",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        };
        // `contains` first: it is much cheaper than setting up the search
        // `match_indices` runs, and most sentences name no venue.
        if sentence.contains(venue) && sentence.match_indices(venue).any(|(at, _)| !speaks_for(at))
        {
            return Some(format!("{city} ({venue})"));
        }
    }
    let lower_guard = |at: usize| {
        let before = sentence[..at].trim_end();
        before.ends_with(" in")
            || before.ends_with(" at")
            || before.ends_with(" to")
            || before.ends_with("In")
            // "visited Beijing": the visit's place without a preposition.
            || before.ends_with(" visited")
            || before.ends_with(" visiting")
            || before.ends_with(" visits")
    };
    for m in country::mentions(sentence) {
        if country::is_capital(m.name) && lower_guard(m.start) {
            return Some(m.name.to_owned());
        }
    }
    for city in CITIES {
        if let Some(at) = find_word(sentence, city) {
            if lower_guard(at) {
                return Some(city.to_owned());
            }
        }
    }
    // "met with Russian President Vladimir Putin here on Wednesday", under
    // "ASTANA, July 3 (Xinhua)": here is the dateline's place.
    if dated_by_dateline || find_word(sentence, "here").is_some() {
        return dateline.map(title_case);
    }
    None
}

/// "MOSCOW" -> "Moscow", "ST. PETERSBURG" -> "St. Petersburg".
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Up to how many people a sentence is searched for their surnames before
/// the triggers run; beyond, the triggers run first as they would anyway.
const MAX_SURNAME_CHECKS: usize = 32;

/// The events of a whole document.
///
/// `clues` are the sentences' [`prefilter`](crate::prefilter) clues, one per
/// sentence: the triggers run only where a trigger word may stand.
pub fn events(doc: &DocumentContext<'_>, sentences: &[Sentence], clues: &[Clues]) -> Vec<Event> {
    let text = doc.text;
    let everyone = people(text);
    if everyone.is_empty() {
        // An event needs a participant, and every participant is one of these.
        return Vec::new();
    }
    // A sentence names someone only if it contains a surname (a full name
    // contains its surname). Checked one by one, so only for a short list.
    let surnames: Option<Vec<&str>> = (everyone.len() <= MAX_SURNAME_CHECKS)
        .then(|| everyone.iter().map(|p| p.surname.as_str()).collect());
    let reference = Reference {
        day: doc.published.reference_day(),
        date: doc.published.date,
    };
    let dateline = doc.published.dateline.as_ref();
    // The dateline's paragraph and the one after it report the day of the dateline.
    let lead_end = dateline.map(|d| {
        let mut lines = text
            .get(d.line_start..)
            .unwrap_or_default()
            .split_inclusive('\n');
        let mut offset = d.line_start + lines.next().map_or(0, str::len);
        for line in lines {
            offset += line.len();
            if !line.trim().is_empty() {
                break;
            }
        }
        offset
    });

    let mut out: Vec<Event> = Vec::new();
    let mut index: HashMap<(EventKind, Vec<String>), Vec<usize>> = HashMap::new();
    for (i, s) in sentences.iter().enumerate() {
        if !clues.get(i).is_none_or(|c| c.event) {
            continue;
        }
        let sentence = s.text(text);
        // No one named and no "the two leaders": no participant, so no event.
        let may_name = surnames
            .as_ref()
            .is_none_or(|list| list.iter().any(|n| sentence.contains(n)));
        // Both collective forms hold "two" or "both"; most sentences neither.
        let collective = (crate::scan::contains_ascii_ci(sentence.as_bytes(), b"two")
            || crate::scan::contains_ascii_ci(sentence.as_bytes(), b"both"))
            && collective_re().is_match(sentence);
        if !may_name && !collective {
            continue;
        }
        let Some((kind, trigger)) = triggers()
            .iter()
            .find_map(|(kind, re)| re.find(sentence).map(|m| (*kind, m)))
        else {
            continue;
        };
        if kind != EventKind::StateVisit && speaks_in_general(sentence, trigger.end()) {
            continue;
        }
        // "met on the sidelines of the G20 summit": a meeting at a summit.
        let (kind, trigger) = match kind {
            // "will hold talks with ... on the sidelines of the BRICS summit":
            // talks, the first kind after the summit that matches.
            EventKind::Summit if sentence.contains("sidelines") => triggers()
                .iter()
                .filter(|(k, _)| matches!(k, EventKind::Talks | EventKind::Meeting))
                .find_map(|(k, re)| re.find(sentence).map(|m| (*k, m)))
                .unwrap_or((kind, trigger)),
            _ => (kind, trigger),
        };
        // Who: people named here, or "the two heads of state" named last.
        let mut participants: Vec<&Person> = named_in(sentence, &everyone);
        if participants.len() < 2 && collective {
            let mut leaders: Vec<&Person> = everyone
                .iter()
                .filter(|p| is_leader(p) && p.first_seen < s.start)
                .collect();
            leaders.sort_by_key(|p| std::cmp::Reverse(p.first_seen));
            // Without two leaders named before, the people named here stay.
            if leaders.len() >= 2 {
                participants = leaders.into_iter().take(2).collect();
                participants.sort_by_key(|p| p.first_seen);
            }
        }
        if participants.is_empty() {
            continue;
        }

        // The lead runs from the dateline's line: a headline above it is
        // not dated by it ("Modi and Putin hold annual summit" over a
        // report of a summit two days before the dateline).
        let in_lead = dateline
            .zip(lead_end)
            .is_some_and(|(d, end)| s.start < end && s.start + sentence.len() > d.line_start);
        let planned = planned_re().is_match(&sentence[..trigger.start()]);
        let direction = if planned {
            Direction::Future
        } else {
            Direction::Past
        };
        // Only the sentence that holds the dateline skips it.
        let skip = dateline
            .filter(|d| s.start <= d.line_start && d.end <= s.start + sentence.len())
            .map_or(0, |d| d.end - s.start);
        let date = event_date(sentence, skip, trigger.start(), &reference, direction);
        let dated_by_dateline = date.is_none() && in_lead;
        let date = match date {
            Some(d) => d,
            None if in_lead => match reference.day {
                Some(day) => EventDate {
                    start: Some(PartialDate::day(day)),
                    end: None,
                    reason: format!(
                        "date: the dateline's day, {day}, as the sentence opens the report"
                    ),
                    unresolved: false,
                },
                None => continue,
            },
            None => continue,
        };
        let mut date_end = date.end.or_else(|| duration_end(sentence, date.start));
        if date_end == date.start {
            date_end = None;
        }
        let precision = date.start.map_or(Precision::Unknown, |d| d.precision());

        let mut people_out: Vec<Participant> = participants
            .iter()
            .map(|p| Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.map(str::to_owned),
            })
            .collect();
        // One side's country known and the article about two countries: the
        // other participant is from the other one.
        if let Some((a, b)) = doc.pair {
            let known: Vec<String> = people_out
                .iter()
                .filter_map(|p| p.country.clone())
                .collect();
            for p in &mut people_out {
                if p.country.is_none() {
                    p.country = match known.as_slice() {
                        [k] if k == a => Some(b.to_owned()),
                        [k] if k == b => Some(a.to_owned()),
                        _ => None,
                    };
                }
            }
        }

        let mut confidence: f32 = 0.85;
        if date.unresolved {
            confidence -= 0.25;
        }
        if dated_by_dateline {
            confidence -= 0.1;
        }
        if doc.published.confidence < 0.5 && !date.reason.starts_with("date: '") {
            confidence -= 0.2;
        }
        let chars = doc.chars;
        let abs = |i: usize| chars.char_offset(s.start + i);
        let sentence_start = abs(0);
        let span = [abs(trigger.start()), abs(trigger.end())];
        let sentence_end = abs(sentence.len());
        let names: Vec<&str> = participants.iter().map(|p| p.name.as_str()).collect();
        let event = Event {
            kind,
            date_start: date.start.filter(|d| d.year.is_some() || d.month.is_some()),
            date_end,
            precision,
            participants: people_out,
            place: place(
                sentence,
                dateline.map(|d| d.place.as_str()),
                dated_by_dateline,
            ),
            status: if planned {
                EventStatus::Planned
            } else {
                EventStatus::Occurred
            },
            provenance: Provenance {
                quote: sentence.to_owned(),
                span,
                sentence_span: [sentence_start, sentence_end],
                confidence: confidence.clamp(0.05, 1.0),
                reason: format!(
                    "kind: '{}'; participants: {}; {}",
                    trigger.as_str(),
                    names.join(", "),
                    date.reason
                ),
            },
        };
        merge_into(&mut out, &mut index, event);
    }
    out
}

/// The same event told twice in one article (a photo caption and the body)
/// is kept once, with the more precise date. `index` finds earlier events by
/// kind and participants, so a long document does not compare every pair.
fn merge_into(
    out: &mut Vec<Event>,
    index: &mut HashMap<(EventKind, Vec<String>), Vec<usize>>,
    event: Event,
) {
    let family = match event.kind {
        EventKind::Meeting | EventKind::Talks => EventKind::Meeting,
        other => other,
    };
    let mut names: Vec<String> = event.participants.iter().map(|p| p.name.clone()).collect();
    names.sort();
    let slots = index.entry((family, names)).or_default();
    let same = slots.iter().copied().find(|&i| {
        let e = &out[i];
        e.date_start == event.date_start || e.date_start.is_none() || event.date_start.is_none()
    });
    match same {
        Some(i) => {
            if out[i].precision > event.precision {
                out[i] = event;
            }
        }
        None => {
            slots.push(out.len());
            out.push(event);
        }
    }
}

/// Whether two reports (from different articles) describe the same event: the
/// same kind of contact (talks and meetings count as one), the same people
/// (one list may name fewer), and dates that can be the same day.
pub fn same_event(a: &Event, b: &Event) -> bool {
    let family = |k: EventKind| match k {
        EventKind::Meeting | EventKind::Talks => EventKind::Meeting,
        EventKind::StateVisit | EventKind::OfficialVisit | EventKind::Visit => EventKind::Visit,
        other => other,
    };
    if family(a.kind) != family(b.kind) {
        return false;
    }
    fn names(e: &Event) -> Vec<&str> {
        e.participants.iter().map(|p| p.name.as_str()).collect()
    }
    let (na, nb) = (names(a), names(b));
    let (small, large) = if na.len() <= nb.len() {
        (&na, &nb)
    } else {
        (&nb, &na)
    };
    if small.is_empty() || !small.iter().all(|n| large.contains(n)) {
        return false;
    }
    // Overlapping date ranges, each widened to what its precision allows.
    let range = |e: &Event| {
        let start = e.date_start.and_then(|d| d.first_day())?;
        let end = e.date_end.or(e.date_start).and_then(|d| d.last_day())?;
        Some((start, end))
    };
    match (range(a), range(b)) {
        (Some((s1, e1)), Some((s2, e2))) => s1 <= e2 && s2 <= e1,
        // An undated report joins a dated one only by its own strong evidence,
        // which names and kind alone are not.
        _ => false,
    }
}

/// Groups reports of the same event across articles: each group is a list of
/// indices into `events`, the first the most precisely dated.
pub fn group_reports(events: &[&Event]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|&j| same_event(events[j], e)))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    for g in &mut groups {
        g.sort_by_key(|&i| {
            (
                events[i].precision,
                std::cmp::Reverse(events[i].provenance.confidence.to_bits()),
            )
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: EventKind, start: &str, end: Option<&str>, names: &[&str]) -> Event {
        let date = PartialDate::parse(start);
        Event {
            kind,
            date_start: date,
            date_end: end.and_then(PartialDate::parse),
            precision: date.map_or(Precision::Unknown, |d| d.precision()),
            participants: names
                .iter()
                .map(|n| Participant {
                    name: (*n).to_owned(),
                    role: None,
                    country: None,
                })
                .collect(),
            place: None,
            status: EventStatus::Occurred,
            provenance: Provenance {
                quote: String::new(),
                span: [0, 0],
                sentence_span: [0, 0],
                confidence: 0.8,
                reason: String::new(),
            },
        }
    }

    #[test]
    fn one_visit_reported_by_two_articles_is_one_event() {
        let a = event(
            EventKind::StateVisit,
            "2023-03-20",
            Some("2023-03-22"),
            &["Xi Jinping", "Vladimir Putin"],
        );
        let b = event(EventKind::Visit, "2023-03", None, &["Xi Jinping"]);
        let c = event(
            EventKind::Talks,
            "2023-03-21",
            None,
            &["Xi Jinping", "Vladimir Putin"],
        );
        let d = event(
            EventKind::StateVisit,
            "2024-05-16",
            None,
            &["Vladimir Putin", "Xi Jinping"],
        );
        assert!(same_event(&a, &b));
        assert!(
            !same_event(&a, &c),
            "talks during a visit are an event of their own"
        );
        assert!(!same_event(&a, &d));
        let groups = group_reports(&[&b, &a, &c, &d]);
        assert_eq!(groups, vec![vec![1, 0], vec![2], vec![3]]);
    }

    #[test]
    fn different_people_are_different_events() {
        let a = event(
            EventKind::Meeting,
            "2023-03-21",
            None,
            &["Xi Jinping", "Mikhail Mishustin"],
        );
        let b = event(
            EventKind::Meeting,
            "2023-03-21",
            None,
            &["Xi Jinping", "Vladimir Putin"],
        );
        assert!(!same_event(&a, &b));
    }
}
