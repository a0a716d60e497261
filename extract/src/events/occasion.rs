//! How a sentence ties its event to the time of the report when it names no
//! date for it: the occasion of a statement ("said at a meeting with ...")
//! is dated by the statement; an event under way ("the ongoing state visit") is on
//! the report's day; an event named as a landmark ("ahead of the state
//! visit") is not dated by the report's day at all. And a definite mention
//! of an occasion ("The talks are expected on May 12") speaks of an
//! event told before.

use regex::Match;

crate::pattern::patterns! {
    /// "said at a meeting with", "made the comments during her talks with",
    /// "quoted the minister as saying at a session of": a statement and, after it, the
    /// occasion it was made on. Run on the text up to the trigger's end.
    fn statement_occasion_re = r"(?i)\b(?P<verb>said|says|saying|noted|notes|stated|stressed|emphasi[sz]ed|underlined|added|remarked|announced|told|made\s+(?:the|these|this|his|her)\s+(?:remarks|comments|statement))\b(?:\s+[^\s]+){0,12}?\s+(?:(?:at|during|in|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\s+(?:a|an|the|his|her|their|its)|during|at)\b(?:\s+[^\s]+){0,5}?\s*$";
}

/// How far before a trigger a statement whose occasion it is may start.
const STATEMENT_REACH: usize = 140;

/// Where the statement starts whose occasion the trigger names, if it
/// names one: "Boric said at a meeting with ...". Dates before it
/// ("Trade ... in March-August, Boric said at a meeting") are a
/// figure's, not the occasion's.
pub(super) fn statement_before(sentence: &str, trigger: &Match<'_>) -> Option<usize> {
    let from = sentence.floor_char_boundary(trigger.start().saturating_sub(STATEMENT_REACH));
    let c = statement_occasion_re().captures(&sentence[from..trigger.end()])?;
    Some(from + c.name("verb")?.start())
}

crate::pattern::patterns! {
    /// A sentence that goes on from the statement before it: "He made the
    /// remarks ...", "Boric made the comments at ...", "said so in ...".
    fn refers_back_re = r"^(?:He|She|They)\b|(?i)\b(?:the|these|those|such)\s+(?:remarks|comments|statement|words)\b|\bsaid\s+(?:this|so)\b";
}

pub(super) fn refers_back(sentence: &str) -> bool {
    refers_back_re().is_match(sentence)
}

crate::pattern::patterns! {
    /// A statement and when it was made: "said on Wednesday", "told reporters
    /// Tuesday", "announced on March 3".
    fn statement_time_re = r"\b(?i:said|says|announced|stated|noted|reported|confirmed|told\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:(?i:late\s+|early\s+)?(?i:on)\s+)?(?P<when>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d{1,2})\b";
}

/// The time phrase of the statement `sentence` reports, if it says when it
/// was made.
pub(super) fn statement_time(sentence: &str) -> Option<&str> {
    Some(
        statement_time_re()
            .captures(sentence)?
            .name("when")?
            .as_str(),
    )
}

crate::pattern::patterns! {
    /// The words that put an event under way at the time of the report.
    fn ongoing_re = r"(?i)\b(?:ongoing|current|currently|under\s*way|(?:is|are)\s+(?:currently\s+)?(?:on|paying|making|in\s+(?-i:[A-Z])[\w'.-]*(?:\s+(?-i:[A-Z])[\w'.-]*){0,2}\s+for))\b(?:\s+[^\s]+){0,3}?\s*$";
}

/// How many bytes before a trigger its modifiers are looked for.
const MODIFIER_REACH: usize = 48;

fn just_before(sentence: &str, at: usize) -> &str {
    &sentence[sentence.floor_char_boundary(at.saturating_sub(MODIFIER_REACH))..at]
}

/// Whether the event is under way as the report is written: "the ongoing
/// visit to Peru by ...", "who is on a state visit", "who is in Lima for a
/// two-day visit", "currently visiting".
pub(super) fn is_ongoing(sentence: &str, trigger_start: usize) -> bool {
    ongoing_re().is_match(just_before(sentence, trigger_start))
}

crate::pattern::patterns! {
    /// A landmark in time: "preceding the state visit", "ahead of the
    /// summit", "following his talks with".
    fn landmark_re = r"(?i)\b(?:preceding|ahead\s+of|before|prior\s+to|after|following|since|in\s+the\s+run-up\s+to)\s+(?:[^\s,;]+\s+){0,5}$";
}

/// Where the landmark starts if the trigger names an event as a landmark
/// for something else ("Rubio spoke with Wang ahead of the Xi-Trump
/// meeting"): the report's day does not date it, and the people named
/// before the landmark are not its.
pub(super) fn landmark_at(sentence: &str, trigger: &Match<'_>) -> Option<usize> {
    if !is_noun(trigger.as_str()) {
        return None;
    }
    let window = just_before(sentence, trigger.start());
    let m = landmark_re().find(window)?;
    Some(trigger.start() - window.len() + m.start())
}

/// The words a trigger that is a noun starts with ("meeting", "the state
/// visit", "in a conversation with"), as opposed to a verb ("met",
/// "visited", "held talks").
const NOUN_HEADS: [&str; 17] = [
    "meeting",
    "meetings",
    "visit",
    "visits",
    "summit",
    "talks",
    "conversation",
    "phone",
    "telephone",
    "video",
    "videoconference",
    "virtual",
    "state",
    "official",
    "trip",
    "in",
    "during",
];

fn is_noun(trigger: &str) -> bool {
    let first = trigger.split_whitespace().next().unwrap_or_default();
    NOUN_HEADS.iter().any(|h| first.eq_ignore_ascii_case(h))
}

crate::pattern::patterns! {
    /// A definite article or demonstrative and up to four words before a
    /// noun: "The talks", "(the Mercosur summit", "the joint meeting".
    fn definite_re = r"(?i)\b(?:the|this|these|that|those)\s+(?P<words>(?:[^\s,;]+\s+){0,4})$";
}

/// Words that make a definite occasion another one than told before: "the
/// next meeting", "the sixth meeting".
const OTHER_OCCASION: [&str; 16] = [
    "next",
    "previous",
    "last",
    "another",
    "new",
    "upcoming",
    "following",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
];

/// Verbs that a determiner before them makes a pronoun ("said this in"),
/// so no noun follows it.
const VERBS: [&str; 13] = [
    "said", "says", "told", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    "did",
];

/// Whether the trigger speaks of an occasion told before: a noun with the
/// definite article ("The talks are expected on May 12"). A trigger
/// with its own article says so itself: "during the talks" is definite,
/// "in a conversation with" not.
pub(super) fn is_definite(sentence: &str, trigger: &Match<'_>) -> bool {
    let text = trigger.as_str();
    if !is_noun(text) {
        return false;
    }
    let mut words = text.split_whitespace();
    if matches!(words.next(), Some(w) if w.eq_ignore_ascii_case("in") || w.eq_ignore_ascii_case("during"))
    {
        return words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    }
    definite_re()
        .captures(just_before(sentence, trigger.start()))
        .and_then(|c| c.name("words"))
        .is_some_and(|words| {
            words.as_str().split_whitespace().all(|w| {
                let ordinal = w.bytes().next().is_some_and(|b| b.is_ascii_digit());
                !ordinal
                    && !OTHER_OCCASION.iter().any(|o| w.eq_ignore_ascii_case(o))
                    && !VERBS.iter().any(|v| w.eq_ignore_ascii_case(v))
            })
        })
}
