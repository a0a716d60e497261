//! What marks a sentence as reporting a contact: the trigger words of each
//! kind of event, talk of contacts in general, and the words of a plan.

use std::sync::OnceLock;

use regex::Regex;

use super::compile;
use crate::model::EventKind;

/// Triggers in order of priority: the first kind whose pattern matches wins,
/// so "a meeting via video link" is a video call and "a three-day state
/// visit" a state visit rather than a visit.
pub(super) fn triggers() -> &'static [(EventKind, Regex)] {
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
pub(super) fn speaks_in_general(sentence: &str, trigger_end: usize) -> bool {
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

pub(super) fn collective_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\bthe\s+two\s+(?:heads\s+of\s+state|leaders|presidents)\b|\bboth\s+leaders\b",
    )
}

pub(super) fn planned_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compile(
        &RE,
        r"(?i)\b(?:will|would|is\s+to|are\s+to|to\s+pay|arrives|heads\s+to|travels\s+to|leaves\s+for|departs\s+for|scheduled|plans?\s+to|is\s+set\s+to|is\s+expected\s+to|upcoming|forthcoming|next\s+(?:week|month|year))\b|\bto\s+$",
    )
}
