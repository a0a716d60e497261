//! Who took part when the text names no one: the two sides as their
//! countries ("Chile and Peru held ...", "the Chile-Peru summit"), their
//! institutions ("Chile's foreign ministry", "officials from the Peruvian
//! Embassy") or a joint body of the two ("the Chilean-Peruvian joint
//! commission", "the Andean Joint Committee"). A contact is between two sides, so parties alone make an
//! event only as two countries or a joint body, and a list of many
//! countries is a multilateral gathering, not a contact of two.

use crate::{
    country::{self, Mention},
    model::Participant,
};

crate::pattern::patterns! {
    /// A body of two sides: "joint committee", "Joint Commission",
    /// "inter-parliamentary commission", "Intergovernmental Council".
    fn joint_body_re = r"(?i)\b(?:joint|inter-?governmental|inter-?parliamentary|inter-?state)\s+(?:[\w-]+\s+){0,2}?(?:committee|commission|council)\b";
}

/// Lower-case words that may stand inside a body's name ("Trade in Goods
/// Agreement", "Cabinet of Ministers").
const CONNECTORS: [&str; 5] = ["in", "of", "and", "for", "on"];

/// The joint body `sentence` names, as a participant: its name runs back
/// from "joint committee" over capitalised words, acronyms in brackets and
/// the connectors between them ("Pacific Alliance Trade in Services
/// Agreement (PATSA) joint committee").
fn joint_body(sentence: &str) -> Option<Participant> {
    let m = joint_body_re().find(sentence)?;
    // Connectors count only between capitalised words: the name starts at
    // the last capitalised word reached.
    let mut start = m.start();
    for (at, token) in tokens_before(sentence, m.start()) {
        let named = token.starts_with(|c: char| c.is_ascii_uppercase())
            || token.starts_with('(') && token.ends_with(')');
        if named && !token.ends_with([',', ';', ':']) && !["The", "A", "An"].contains(&token) {
            start = at;
        } else if !CONNECTORS.contains(&token) {
            break;
        }
    }
    let name = &sentence[start..m.end()];
    let codes = country::distinct(&country::mentions(name));
    Some(Participant {
        name: name.split_whitespace().collect::<Vec<_>>().join(" "),
        role: None,
        country: match codes.as_slice() {
            [one] => Some((*one).to_owned()),
            _ => None,
        },
    })
}

/// The white-space separated tokens before byte `end`, last first, each
/// with where it starts.
fn tokens_before(text: &str, end: usize) -> impl Iterator<Item = (usize, &str)> {
    let head = &text[..end];
    let mut cursor = head.trim_end().len();
    std::iter::from_fn(move || {
        if cursor == 0 {
            return None;
        }
        let start = head[..cursor]
            .rfind(char::is_whitespace)
            .map_or(0, |i| i + 1);
        let token = &head[start..cursor];
        cursor = head[..start].trim_end().len();
        Some((start, token))
    })
}

/// Words that hold an event: "held", "will hold", "had".
const HOLDS: [&str; 7] = [
    "hold", "held", "holds", "holding", "had", "have", "convened",
];

/// Institutions that speak and meet for a country.
const INSTITUTIONS: [&str; 9] = [
    "ministry",
    "government",
    "delegation",
    "embassy",
    "officials",
    "delegates",
    "negotiators",
    "side",
    "team",
];

/// People that come from a country's institution: "officials from".
const ENVOYS: [&str; 6] = [
    "officials",
    "delegates",
    "delegation",
    "negotiators",
    "representatives",
    "team",
];

fn is_institution(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ':']);
    INSTITUTIONS.iter().any(|i| word.eq_ignore_ascii_case(i))
}

/// Whether `sentence` may name two sides [`parties`] reads: a joint body's
/// word, two countries joined by "and" or a hyphen, or an institution.
pub(super) fn may_name_two_sides(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    if crate::scan::contains_ascii_ci(bytes, b"joint")
        || crate::scan::contains_ascii_ci(bytes, b"inter")
    {
        return true;
    }
    let mentions = country::mentions(sentence);
    let joined = mentions.windows(2).any(|pair| {
        matches!(pair, [a, b] if a.code != b.code
            && matches!(&sentence[a.end..b.start], "-" | "–" | " and " | " and the "))
    });
    joined || mentions.iter().any(|m| institution(sentence, m).is_some())
}

/// The sides of the event a trigger reports, when no person is named: a
/// joint body, two countries joined before the trigger ("Chile and Peru
/// held", "the Chile-Peru summit"), and countries' institutions.
/// Empty unless they make a contact of two sides.
pub(super) fn parties(sentence: &str, trigger_start: usize) -> Vec<Participant> {
    let mentions = country::mentions(sentence);
    let body = joint_body(sentence);
    if mentions.is_empty() && body.is_none() {
        return Vec::new();
    }
    let mut sides: Vec<(&'static str, String)> = Vec::new();
    let mut add = |code: &'static str, name: &str| {
        if !sides.iter().any(|(c, _)| *c == code) {
            sides.push((code, name.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
    };
    for pair in mentions.windows(2) {
        let [a, b] = pair else { continue };
        // "Chile, Peru, Bolivia and Ecuador held ...": the last two of a
        // list are not the two sides.
        let listed = sentence[..a.start].trim_end().ends_with(',');
        if a.code == b.code || b.end > trigger_start || listed {
            continue;
        }
        if joined_before_trigger(sentence, a, b, trigger_start) {
            add(a.code, &sentence[a.start..a.end]);
            add(b.code, &sentence[b.start..b.end]);
        }
    }
    for m in &mentions {
        if let Some(phrase) = institution(sentence, m) {
            add(m.code, phrase);
        }
    }
    let distinct = sides.len();
    let mut out: Vec<Participant> = body.into_iter().collect();
    let enough = distinct == 2 || (!out.is_empty() && distinct <= 2);
    if !enough {
        return out;
    }
    out.extend(sides.into_iter().map(|(code, name)| Participant {
        name,
        role: None,
        country: Some(code.to_owned()),
    }));
    out
}

/// Whether two countries named one after the other are the two sides of
/// the event: "Chile-Peru summit" (joined by a hyphen, a few words before the
/// trigger) or "Chile and Peru will hold a ministerial meeting"
/// (joined by "and", with a word of holding before the trigger).
fn joined_before_trigger(sentence: &str, a: &Mention, b: &Mention, trigger_start: usize) -> bool {
    let between = &sentence[a.end..b.start];
    let to_trigger = &sentence[b.end..trigger_start];
    if to_trigger.contains([',', ';', '.']) && !to_trigger.trim_start().starts_with('.') {
        return false;
    }
    let words = to_trigger.split_whitespace().count();
    match between {
        "-" | "–" => words <= 4,
        " and " | " and the " => {
            words <= 6
                && to_trigger
                    .split_whitespace()
                    .any(|w| HOLDS.contains(&w.to_ascii_lowercase().as_str()))
        }
        _ => false,
    }
}

/// The phrase that names an institution of the country mentioned at `m`:
/// "Chile's foreign ministry", "officials from the Peruvian Embassy", "the
/// Bolivian delegation".
fn institution<'s>(sentence: &'s str, m: &Mention) -> Option<&'s str> {
    let after = &sentence[m.end..];
    // "Chile's foreign ministry": the institution within three words.
    if let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("’s "))
    {
        let mut end = sentence.len() - rest.len();
        for (i, word) in rest.split(' ').take(3).enumerate() {
            end += word.len() + usize::from(i > 0);
            if is_institution(word) {
                return Some(sentence[m.start..end].trim_end_matches([',', '.', ';', ':']));
            }
        }
        return None;
    }
    // "the Peruvian Embassy", "officials from the Peruvian Embassy".
    let next = after.split_whitespace().next().unwrap_or_default();
    let before = sentence[..m.start].trim_end();
    let the = before.ends_with(" the") || before.ends_with("The") || before == "the";
    let envoy_before = tokens_before(sentence, m.start)
        .take(3)
        .find(|(_, w)| ENVOYS.contains(w))
        .filter(|_| before.ends_with(" from") || before.ends_with(" from the"));
    let institution_after = is_institution(next);
    let end = if institution_after {
        m.end + after.len() - after.trim_start().len()
            + next.trim_end_matches([',', '.', ';', ':']).len()
    } else {
        m.end
    };
    match (envoy_before, the && institution_after) {
        (Some((at, _)), _) => Some(&sentence[at..end]),
        (None, true) => Some(&sentence[before.len() - 3..end]),
        _ => None,
    }
}
