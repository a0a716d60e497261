//! What marks a sentence as reporting a contact: the trigger words of each
//! kind of event, talk of contacts in general, and the words of a plan.
//!
//! A trigger that is a noun ("her meeting with", "the ongoing state visit",
//! "related meetings ... were held") reports an event as well as a verb
//! does ("met", "held talks"); a plural reports one occasion unless a count
//! or a word of habit stands before it ("four phone conversations",
//! "regular meetings").

use std::sync::OnceLock;

use regex::Regex;

use crate::model::EventKind;

/// Triggers in order of priority: the first kind whose pattern matches wins,
/// so "a meeting via video link" is a video call and "a three-day state
/// visit" a state visit rather than a visit.
fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let table: [(EventKind, &str); 9] = [
            (EventKind::VideoCall, r"(?i)\bvia\s+video\s+link\b|\bvideo\s+(?:link|call|conference|talks|meeting)\b|\bvideoconference\b|\bvirtual\s+(?:meeting|summit|talks)\b"),
            (EventKind::PhoneCall, r"(?i)\b(?:tele)?phone\s+(?:call|conversation|talks?)\b|\bspoke\s+(?:by|over\s+the)\s+(?:tele)?phone\b|\btalked\s+(?:by|over\s+the)\s+(?:tele)?phone\b|\bphoned\b"),
            (EventKind::MessageExchange, r"(?i)\bexchanged\s+(?:\w+\s+)?(?:messages|letters|greetings)\b|\bsent\s+(?:a\s+)?(?:congratulatory\s+)?(?:message|letter)\b"),
            (EventKind::StateVisit, r"(?i)\bstate\s+visit\b"),
            (EventKind::OfficialVisit, r"(?i)\bofficial\s+(?:goodwill\s+|working\s+)?visit\b"),
            (EventKind::Summit, r"(?i)\bsummit\b"),
            // "said so in a conversation with the Peruvian Foreign
            // Minister": talks, where a conversation is someone's occasion.
            (EventKind::Talks, r"(?i)\b(?:held|holds|hold|holding)\s+(?:\w+\s+)?talks\b|\btalks\s+with\b|\b(?:in|during)\s+(?:a|an|the|their|his|her)\s+(?:\w+\s+)?conversation\s+with\b"),
            // A host receiving a guest is a meeting: "hosted U.S. President
            // Joe Biden", "received his Russian counterpart". Only before a
            // person, as "received $2 billion" and "hosted the forum" are not.
            (EventKind::Meeting, r"(?i)\bmet\b|\bmeets\b|\bmeetings?\b|\bmeet\b|\b(?:hosted|hosts|received|receives)\s+(?:(?:his|her|their|the)\s+)?(?:visiting\b|counterpart\b|(?-i:[A-Z][a-z]|U\.S\.))"),
            // Leading a delegation to a country is visiting it.
            (EventKind::Visit, r"(?i)\bvisit(?:ed|ing|s)?\b|\barrived\s+in\b|\bpaid\s+a\s+visit\b|\btrip\s+to\b|\btravel(?:s|ed|led|ing|ling)?\s+to\b|\b(?:lead|leads|leading|led)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,3}delegation\s+to\b"),
        ];
        Triggers {
            any: crate::pattern::compile_set("trigger", &table.map(|(_, p)| p)),
            each: table
                .into_iter()
                .map(|(kind, p)| (kind, crate::pattern::compile(&format!("{kind:?} trigger"), p)))
                .collect(),
        }
    })
}

/// The trigger patterns, one by one in order of priority and as one set:
/// one pass over a sentence tells which kinds it has a trigger of, and only
/// the first of those is searched for where it stands.
struct Triggers {
    any: regex::RegexSet,
    each: Vec<(EventKind, Regex)>,
}

impl Triggers {
    /// The first kind by priority among those that match, and its match.
    fn first<'s>(
        &self,
        sentence: &'s str,
        among: &[EventKind],
    ) -> Option<(EventKind, regex::Match<'s>)> {
        let matching = self.any.matches(sentence);
        matching.iter().find_map(|k| {
            let (kind, re) = &self.each[k];
            if !among.is_empty() && !among.contains(kind) {
                return None;
            }
            re.find(sentence).map(|m| (*kind, m))
        })
    }
}

/// The first trigger in `sentence`, by the kinds' priority: its kind and match.
///
/// A summit that is only the venue of a meeting or talks ("met on the
/// sidelines of the G20 summit", "her meeting with ... at the Mercosur
/// summit", "expects to meet ... during the Mercosur summit") gives the
/// meeting's kind.
pub(super) fn first_trigger(sentence: &str) -> Option<(EventKind, regex::Match<'_>)> {
    let (kind, trigger) = triggers().first(sentence, &[])?;
    if kind != EventKind::Summit || !summit_is_a_venue(sentence, trigger.start()) {
        return Some((kind, trigger));
    }
    let meeting = triggers().first(sentence, &[EventKind::Talks, EventKind::Meeting]);
    Some(meeting.unwrap_or((kind, trigger)))
}

crate::pattern::patterns! {
    /// "invited the people of Pakistan to visit", "invited his counterpart to
    /// pay a visit": who is invited, before the trigger.
    fn invitee_re = r"(?i)\binvit(?:ed|es|ing)\s+(?P<who>.{1,80}?)\s+to\s+(?:(?:pay|make)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?)?$";
}

/// Who an invitation to the event invites, if the trigger is one ("invited
/// the people of Peru to visit Chile"): the words between "invited" and
/// "to".
pub(super) fn invitee<'s>(sentence: &'s str, trigger: &regex::Match<'_>) -> Option<&'s str> {
    let before = &sentence[..trigger.start()];
    Some(invitee_re().captures(before)?.name("who")?.as_str())
}

/// Whether a meeting is with the press ("a joint meeting with the press",
/// "a meeting with reporters"): a news conference, not a contact.
pub(super) fn with_the_press(sentence: &str, trigger: &regex::Match<'_>) -> bool {
    let after = sentence[trigger.end()..].trim_start();
    let Some(rest) = after.strip_prefix("with ") else {
        return false;
    };
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    ["press", "reporters", "journalists", "media"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Whether the summit named at `at` is where something else happens: "on
/// the sidelines of", "during", "at" or "on the margins of" it, or what
/// people "attend" who meet there.
fn summit_is_a_venue(sentence: &str, at: usize) -> bool {
    let from = sentence.floor_char_boundary(at.saturating_sub(80));
    let before = &sentence[from..at];
    [
        " sidelines of",
        " during ",
        " at ",
        " on the margins of",
        " attend ",
    ]
    .iter()
    .any(|w| before.contains(w))
}

crate::pattern::patterns! {
    /// Talk of contacts in general or in number, which dates no single event.
    fn generic_re = r"(?i)\b(?:meetings|visits|conversations|calls|summits)\b|\b(?P<times>(?:multiple|several|many|\d+|two|three|four|five|six|seven)\s+times)\b";
}

/// Words that make a plural contact a count or a habit: "four phone
/// conversations", "regular meetings", "more than 40 meetings".
const COUNTS: [&str; 30] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "dozen",
    "several", "many", "multiple", "numerous", "regular", "frequent", "annual", "periodic",
    "various", "repeated", "series", "such", "previous", "past", "recent", "other", "all",
    "future", "more",
];

/// Whether a count or a word of habit stands before the plural at `at`:
/// just before it ("five meetings"), or before a word that describes it
/// ("five bilateral meetings"). A year is no count ("in May 2024 for
/// meetings with ...").
fn counted(sentence: &str, at: usize) -> bool {
    let is_count = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        (w.bytes().any(|b| b.is_ascii_digit()) && !year)
            || COUNTS.iter().any(|c| w.eq_ignore_ascii_case(c))
    };
    let mut before = sentence[..at].split_whitespace().rev();
    match (before.next(), before.next()) {
        (Some(w), _) if is_count(w) => true,
        (Some(w), Some(v)) => {
            !GRAMMAR_WORDS.iter().any(|g| w.eq_ignore_ascii_case(g)) && is_count(v)
        }
        _ => false,
    }
}

/// Words that stand between a count and its noun only across phrases
/// ("in 2024 for meetings").
const GRAMMAR_WORDS: [&str; 14] = [
    "for", "with", "in", "at", "of", "the", "a", "an", "and", "on", "during", "to", "from", "by",
];

/// Whether `sentence` talks of contacts in general or in number. Not for
/// the name of a venue after the trigger: "met ... on the sidelines of the
/// ASEAN foreign ministers' meetings in Vientiane" is one meeting. A plural
/// that no count stands before is one occasion when someone it is held with
/// follows ("in Lima for meetings with President ...") or the sentence
/// dates it ("related meetings ... were held from June 3-5").
pub(super) fn speaks_in_general(sentence: &str, trigger_end: usize, dated: bool) -> bool {
    generic_re().captures_iter(sentence).any(|c| {
        let Some(m) = c.get(0) else {
            return false;
        };
        if c.name("times").is_some() {
            return true;
        }
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
        let with_someone = sentence[m.end()..].trim_start().starts_with("with ");
        !venue && (counted(sentence, m.start()) || !(with_someone || dated))
    })
}

crate::pattern::patterns! {
    pub(super) fn collective_re = r"(?i)\bthe\s+two\s+(?:heads\s+of\s+state|leaders|presidents)\b|\bboth\s+leaders\b";
    pub(super) fn planned_re = r"(?i)\b(?:will|would|is\s+to|are\s+to|to\s+pay|arrives|heads\s+to|travels\s+to|leaves\s+for|departs\s+for|scheduled|plans?\s+to|is\s+set\s+to|(?:is|are)\s+expected\s+to|expects?\s+(?:to|a|an)|hopes?\s+to|invited|upcoming|forthcoming|next\s+(?:week|month|year))\b|\b(?:to|next)\s+$";
    /// What says, just after a trigger, that the event is still to come: "the
    /// Chile-Peru summit to be held in Lima", "The talks are expected on
    /// March 8", "The summit will open on ...".
    fn planned_after_re = r"(?i)^\s*(?:[\w-]+\s+){0,6}?(?:to\s+be\s+held|to\s+take\s+place|(?:is|are)\s+(?:scheduled|expected|planned|due)|scheduled\s+for|will|would)\b";
}

/// Whether the event a trigger reports is a plan: a word of the future
/// before it, or just after it.
pub(super) fn is_planned(sentence: &str, trigger: &regex::Match<'_>) -> bool {
    planned_re().is_match(&sentence[..trigger.start()])
        || planned_after_re().is_match(&sentence[trigger.end()..])
}
