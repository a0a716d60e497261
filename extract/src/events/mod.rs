//! Visits, talks, meetings, calls and exchanges of messages, with who took
//! part, where, and when.
//!
//! An event needs a trigger, a verb or a noun ("held talks", "said at a
//! meeting with", "the ongoing state visit", `trigger`), and someone
//! taking part: people recognised by role ("Russian Foreign Minister Sergey
//! Lavrov") and then by surname, "He" for the one named just before, "the
//! two heads of state" for the two leaders named last, a role and country
//! alone ("the Chilean president", `people`); or, where the text names no
//! one, the two sides as countries, institutions or a joint body
//! (`parties`). A sentence that only counts contacts ("four phone
//! conversations this year") or speaks of meetings in general ("regular
//! meetings between premiers") is not an event.
//!
//! Its date is the sentence's ("on March 20", "At the end of 2022", "on
//! Tuesday", `date`); else that of the statement the event was the
//! occasion of, the report's day for an event under way, or the dateline's
//! for the lead (`occasion`). A definite mention a few sentences later
//! ("The talks are expected on May 12") dates or completes an event told
//! before. An event the text does not date is kept with its date unknown:
//! never dropped, never guessed.

use std::collections::HashMap;

use crate::{
    figures::DocumentContext,
    model::{Event, EventKind, EventStatus, PartialDate, Participant, Precision, Provenance},
    prefilter::Clues,
    sentence::Sentence,
};

mod date;
mod occasion;
mod parties;
mod people;
mod place;
mod trigger;

use date::{duration_end, event_date, Direction, EventDate, Reference};
use occasion::{
    is_definite, is_ongoing, landmark_at, refers_back, statement_before, statement_time,
};
use parties::parties;
use people::{pronoun_subject, role_references, Person, Roster};
use place::place;
use trigger::{
    collective_re, first_trigger, invitee, is_planned, speaks_in_general, with_the_press,
};

/// How many sentences back a definite mention ("the meetings") looks for
/// the event it speaks of.
const BACK_REACH: usize = 6;

/// The events of a whole document.
///
/// `clues` are the sentences' [`prefilter`](crate::prefilter) clues, one per
/// sentence: the triggers run only where a trigger word may stand.
pub(crate) fn events(
    doc: &DocumentContext<'_>,
    sentences: &[Sentence],
    clues: &[Clues],
) -> Vec<Event> {
    let article = Article::new(doc, sentences);
    let mut list = EventList {
        dateline_place: doc
            .published
            .dateline
            .as_ref()
            .map(|d| place::title_case(&d.place)),
        ..EventList::default()
    };
    for i in 0..sentences.len() {
        if !clues.get(i).is_none_or(|c| c.event) {
            continue;
        }
        if let Some(reading) = article.read(i, &list) {
            let source = reading.source;
            if let Some(j) = list.add(reading, i) {
                // Placed only when kept: most reports of an event repeat one.
                list.events[j].place = article.place_of(i, source);
            }
        }
    }
    list.events
}

/// What the whole article tells the reading of each of its sentences.
struct Article<'a> {
    doc: &'a DocumentContext<'a>,
    sentences: &'a [Sentence],
    /// Everyone the article names.
    people: Roster,
    reference: Reference,
    /// Where the dateline's paragraph and the one after it end.
    lead_end: Option<usize>,
}

/// One sentence's report of an event.
struct Reading {
    kind: EventKind,
    /// The event, or `None` where the sentence names no one taking part
    /// ("The talks are expected on May 12"): then it can only date an
    /// event told before.
    event: Option<Event>,
    /// The date the sentence gives, also when it names no one.
    date: Option<EventDate>,
    /// The trigger as written ("meetings", "summit").
    trigger: String,
    /// The trigger is a noun with the definite article: it may speak of an
    /// event told before.
    definite: bool,
    /// The event names people (not only the sides' countries or bodies).
    named: bool,
    /// Where a definite mention places the event ("this meeting took place
    /// ... in Quito").
    place: Option<String>,
    /// How the date was found, which tells whether the event was at the
    /// dateline's place.
    source: DateSource,
}

/// How an event's date was found.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateSource {
    /// A date in the sentence.
    Sentence,
    /// The day of the statement the event was the occasion of, told in the
    /// sentence before; `in_lead` when that sentence is in the dateline's
    /// lead, which places the statement, and so the event, at the dateline.
    Statement { in_lead: bool },
    /// The report's day, for an event under way.
    Ongoing,
    /// The dateline's day, for the lead.
    Dateline,
}

impl DateSource {
    /// Whether the event took place where the dateline is.
    fn at_the_dateline(self) -> bool {
        matches!(
            self,
            DateSource::Dateline | DateSource::Statement { in_lead: true }
        )
    }
}

impl<'a> Article<'a> {
    fn new(doc: &'a DocumentContext<'a>, sentences: &'a [Sentence]) -> Self {
        let text = doc.text;
        let people = Roster::new(text);
        let reference = Reference {
            day: doc.published.reference_day(),
            date: doc.published.date,
        };
        let lead_end = doc.published.dateline.as_ref().map(|d| {
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
        Article {
            doc,
            sentences,
            people,
            reference,
            lead_end,
        }
    }

    fn sentence(&self, i: usize) -> &'a str {
        self.sentences[i].text(self.doc.text)
    }

    /// The event sentence `i` reports, if any; `list` holds the events
    /// told so far, which a definite mention may speak of.
    fn read(&self, i: usize, list: &EventList) -> Option<Reading> {
        let sentence = self.sentence(i);
        let cues = Cues {
            surname: self.people.may_name(sentence),
            two_leaders: names_two_leaders(sentence),
        };
        // Most sentences with a trigger word name no one who could take
        // part, and follow no event: the triggers need not run there.
        if !list.told_lately(i) && !cues.surname && !cues.two_leaders && !may_take_part(sentence) {
            return None;
        }
        let (kind, trigger) = first_trigger(sentence)?;
        if with_the_press(sentence, &trigger) {
            return None;
        }
        // "invited the people of Peru to visit": an invitation to no one
        // who takes part in contacts is no event.
        if invitee(sentence, &trigger).is_some_and(|who| !self.people.may_stand_for_someone(who)) {
            return None;
        }
        let definite = is_definite(sentence, &trigger);
        // Of an event named as a landmark ("ahead of the Xi-Trump
        // meeting"), only the people named from the landmark on take part.
        let landmark = landmark_at(sentence, &trigger);
        let (participants, named) = match landmark {
            Some(from) => {
                let part = &sentence[from..];
                let cues = Cues {
                    surname: self.people.may_name(part),
                    two_leaders: names_two_leaders(part),
                };
                self.participants(i, from, trigger.start(), cues)
            }
            None => self.participants(i, 0, trigger.start(), cues),
        };
        // No one taking part: only a definite mention of an event told
        // lately is worth a date, as it may date that event.
        if participants.is_empty() && !(definite && list.may_speak_of(kind, trigger.as_str(), i)) {
            return None;
        }
        let planned = is_planned(sentence, &trigger);
        let direction = if planned {
            Direction::Future
        } else {
            Direction::Past
        };
        let (date, source) = self.date_of(i, &trigger, direction, landmark.is_some());
        if kind != EventKind::StateVisit
            && speaks_in_general(sentence, trigger.end(), date.is_some())
        {
            return None;
        }
        let event = (!participants.is_empty()).then(|| {
            self.event(
                i,
                kind,
                &trigger,
                planned,
                participants,
                date.as_ref(),
                source,
            )
        });
        Some(Reading {
            kind,
            event,
            date,
            trigger: trigger.as_str().to_owned(),
            place: definite.then(|| place(sentence, None, false)).flatten(),
            definite,
            named,
            source,
        })
    }

    /// The date of the event the trigger reports, and how it was found:
    /// from the sentence (after the dateline, and after the statement whose
    /// occasion the event is); else from the statement told in the
    /// sentence before ("... said on Thursday ... He spoke of it
    /// during his meeting with ..."); else the report's day for an event
    /// under way; else the dateline's day in the lead, unless the event is
    /// only a landmark ("ahead of the state visit").
    fn date_of(
        &self,
        i: usize,
        trigger: &regex::Match<'_>,
        direction: Direction,
        landmark: bool,
    ) -> (Option<EventDate>, DateSource) {
        let s = &self.sentences[i];
        let sentence = self.sentence(i);
        let dateline = self.doc.published.dateline.as_ref();
        // Only the sentence that holds the dateline skips it.
        let dateline_end = dateline
            .filter(|d| s.start <= d.line_start && d.end <= s.start + sentence.len())
            .map_or(0, |d| d.end - s.start);
        let statement = statement_before(sentence, trigger);
        let skip = dateline_end.max(statement.unwrap_or(0));
        if let Some(date) = event_date(sentence, skip, trigger.start(), &self.reference, direction)
        {
            return (Some(date), DateSource::Sentence);
        }
        if statement.is_some() && refers_back(sentence) && i > 0 {
            if let Some(date) = self.statement_date(i - 1) {
                let in_lead = self.in_lead(i - 1);
                return (Some(date), DateSource::Statement { in_lead });
            }
        }
        let day = |reason: String| EventDate {
            start: self.reference.day.map(PartialDate::day),
            end: None,
            reason,
            unresolved: false,
        };
        if let Some(d) = self.reference.day {
            if is_ongoing(sentence, trigger.start()) {
                let reason = format!("date: under way on the report's day, {d}");
                return (Some(day(reason)), DateSource::Ongoing);
            }
            if self.in_lead(i) && !landmark {
                let reason =
                    format!("date: the dateline's day, {d}, as the sentence opens the report");
                return (Some(day(reason)), DateSource::Dateline);
            }
        }
        (None, DateSource::Sentence)
    }

    /// Whether sentence `i` is in the dateline's lead: its paragraph and the
    /// one after. The lead runs from the dateline's line: a headline above
    /// it is not dated by it ("Modi and Putin hold annual summit" over a
    /// report of a summit two days before the dateline).
    fn in_lead(&self, i: usize) -> bool {
        let s = &self.sentences[i];
        let end_of_sentence = s.start + self.sentence(i).len();
        let dateline = self.doc.published.dateline.as_ref();
        dateline
            .zip(self.lead_end)
            .is_some_and(|(line, end)| s.start < end && end_of_sentence > line.line_start)
    }

    /// The day of the statement sentence `i` reports, if it says when it
    /// was made ("said on Wednesday", "told reporters Tuesday").
    fn statement_date(&self, i: usize) -> Option<EventDate> {
        let when = statement_time(self.sentence(i))?;
        let date = event_date(when, 0, 0, &self.reference, Direction::Past)?;
        Some(EventDate {
            reason: format!("{} (the day of the statement before)", date.reason),
            ..date
        })
    }

    /// Who took part in the event sentence `i` reports, read from byte
    /// `from` of it: the people it names
    /// (by name, surname, "He" for the one named before, "the two leaders"
    /// or role and country), or else the two sides as countries,
    /// institutions or a joint body; and whether they are people.
    fn participants(
        &self,
        i: usize,
        from: usize,
        trigger_start: usize,
        cues: Cues,
    ) -> (Vec<Participant>, bool) {
        let s = &self.sentences[i];
        // Only the part of the sentence from byte `from` on is read.
        let sentence = &self.sentence(i)[from..];
        let mut people: Vec<&Person> = if cues.surname {
            self.people.named_in(sentence)
        } else {
            Vec::new()
        };
        if i > 0 && from == 0 {
            if let Some(p) = pronoun_subject(sentence, self.sentence(i - 1), &self.people) {
                if !people.iter().any(|q| std::ptr::eq(*q, p)) {
                    people.insert(0, p);
                }
            }
        }
        // Without two leaders named before, the people named here stay.
        if people.len() < 2 && cues.two_leaders {
            if let Some(leaders) = self.people.two_leaders_before(s.start) {
                people = leaders.to_vec();
            }
        }
        let mut out: Vec<Participant> = people
            .iter()
            .map(|p| Participant {
                name: p.name.clone(),
                role: p.role.clone(),
                country: p.country.map(str::to_owned),
            })
            .collect();
        for p in role_references(sentence, &self.people) {
            if !out.iter().any(|q| q.name == p.name) {
                out.push(p);
            }
        }
        if out.is_empty() {
            return (parties(sentence, trigger_start.saturating_sub(from)), false);
        }
        (out, true)
    }

    /// The event of sentence `i`, from its parts.
    #[allow(clippy::too_many_arguments)] // Each is one part of the event; a struct would only name them again.
    fn event(
        &self,
        i: usize,
        kind: EventKind,
        trigger: &regex::Match<'_>,
        planned: bool,
        mut participants: Vec<Participant>,
        date: Option<&EventDate>,
        source: DateSource,
    ) -> Event {
        let s = &self.sentences[i];
        let sentence = self.sentence(i);
        let start = date.and_then(|d| d.start);
        let mut date_end = date
            .and_then(|d| d.end)
            .or_else(|| duration_end(sentence, start));
        if date_end == start {
            date_end = None;
        }
        let precision = start.map_or(Precision::Unknown, |d| d.precision());
        self.complete_countries(&mut participants);

        let mut confidence: f32 = 0.85;
        if date.is_none_or(|d| d.unresolved || d.start.is_none()) {
            confidence -= 0.25;
        }
        if source != DateSource::Sentence {
            confidence -= 0.1;
        }
        let reason = date.map_or("date: the text does not date it", |d| d.reason.as_str());
        if self.doc.published.confidence < 0.5 && !reason.starts_with("date: '") {
            confidence -= 0.2;
        }
        let chars = self.doc.chars;
        let abs = |at: usize| chars.char_offset(s.start + at);
        let sentence_start = abs(0);
        let span = [abs(trigger.start()), abs(trigger.end())];
        let sentence_end = abs(sentence.len());
        let names: Vec<&str> = participants.iter().map(|p| p.name.as_str()).collect();
        let reason = format!(
            "kind: '{}'; participants: {}; {reason}",
            trigger.as_str(),
            names.join(", "),
        );
        Event {
            kind,
            date_start: start.filter(|d| d.year.is_some() || d.month.is_some()),
            date_end,
            precision,
            participants,
            // Found once the event is kept: see [`Article::place_of`].
            place: None,
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
                reason,
            },
        }
    }

    /// Where the event sentence `i` reports took place, the dateline's
    /// place when the event was at the dateline.
    fn place_of(&self, i: usize, source: DateSource) -> Option<String> {
        let dateline = self.doc.published.dateline.as_ref();
        place(
            self.sentence(i),
            dateline.map(|d| d.place.as_str()),
            source.at_the_dateline(),
        )
    }

    /// One side's country known and the article about two countries: the
    /// other participant is from the other one.
    fn complete_countries(&self, participants: &mut [Participant]) {
        let Some((a, b)) = self.doc.pair else {
            return;
        };
        let known: Vec<String> = participants
            .iter()
            .filter_map(|p| p.country.clone())
            .collect();
        for p in participants.iter_mut() {
            if p.country.is_none() {
                p.country = match known.as_slice() {
                    [k] if k == a => Some(b.to_owned()),
                    [k] if k == b => Some(a.to_owned()),
                    _ => None,
                };
            }
        }
    }
}

/// The events of an article as they are read, sentence by sentence.
#[derive(Default)]
struct EventList {
    events: Vec<Event>,
    /// The sentence each event was last told in.
    told_in: Vec<usize>,
    /// Whether each event names people, not only the sides.
    named: Vec<bool>,
    /// The events told in the last few sentences, latest last.
    recent: Vec<usize>,
    /// The dateline's place, which an event takes only for want of another.
    dateline_place: Option<String>,
    /// Earlier events by kind and participants, so a long document does not
    /// compare every pair.
    index: HashMap<(EventKind, Vec<String>), Vec<usize>>,
}

impl EventList {
    /// Adds what sentence `i` reports: a definite mention of an event told
    /// a few sentences before ("The talks are expected on May 12",
    /// "chaired the joint meeting") completes that event; anything
    /// else with people taking part is an event of its own, or the same
    /// event told again.
    /// Returns where an event was stored from this reading, if one was.
    fn add(&mut self, reading: Reading, i: usize) -> Option<usize> {
        if reading.definite {
            if let Some(j) = self.told_before(&reading, i) {
                self.complete(j, reading, i);
                return None;
            }
        }
        let event = reading.event?;
        if let Some(j) = self.same_occasion_nearby(&event, i) {
            // The dated report of the two is kept.
            let stored = self.events[j].date_start.is_none();
            if stored {
                self.events[j] = event;
            }
            self.named[j] |= reading.named;
            self.touch(j, i);
            return stored.then_some(j);
        }
        let (j, stored) = merge_into(&mut self.events, &mut self.index, event);
        if j == self.told_in.len() {
            self.told_in.push(i);
            self.named.push(reading.named);
        } else {
            self.named[j] |= reading.named;
        }
        self.touch(j, i);
        stored.then_some(j)
    }

    /// An event told lately that is the same occasion as `event`, told
    /// once with a date and once without, with the people of one among the
    /// other's (a headline "X and Y discuss trade in phone call" over "X
    /// held a phone conversation with Y on Thursday").
    fn same_occasion_nearby(&self, event: &Event, i: usize) -> Option<usize> {
        let among = |small: &Event, large: &Event| {
            small
                .participants
                .iter()
                .all(|p| large.participants.iter().any(|q| q.name == p.name))
        };
        self.recent.iter().rev().copied().find(|&j| {
            let e = &self.events[j];
            family(e.kind) == family(event.kind)
                && e.status == event.status
                && e.date_start.is_none() != event.date_start.is_none()
                && self.told_in[j] + BACK_REACH >= i
                && (among(event, e) || among(e, event))
        })
    }

    /// Marks event `j` as told in sentence `i`, the latest of the recent
    /// ones, and forgets those told too long before.
    fn touch(&mut self, j: usize, i: usize) {
        self.told_in[j] = i;
        let told_in = &self.told_in;
        self.recent
            .retain(|&k| k != j && told_in[k] + BACK_REACH >= i);
        self.recent.push(j);
    }

    /// The latest event told within [`BACK_REACH`] sentences before `i`
    /// that a definite mention can speak of: one of the same family, or
    /// whose sentence names the same occasion ("the Mercosur summit" for a
    /// meeting "during the Mercosur summit"), at a date the mention's can be,
    /// and with the people the mention names, if it names any, among its
    /// own (or only the sides named so far).
    fn told_before(&mut self, reading: &Reading, i: usize) -> Option<usize> {
        let noun = reading.trigger.split_whitespace().last()?;
        let when = reading.date.as_ref().and_then(|d| d.start);
        let people = reading.event.as_ref().map(|e| e.participants.as_slice());
        // Only the events told lately are looked at, so a long document
        // does not compare every mention with every event.
        let told_in = &self.told_in;
        self.recent.retain(|&j| told_in[j] + BACK_REACH >= i);
        self.recent.iter().rev().copied().find(|&j| {
            let e = &self.events[j];
            let same = family(e.kind) == family(reading.kind)
                || crate::scan::contains_ascii_ci(e.provenance.quote.as_bytes(), noun.as_bytes());
            let same_people = match people {
                Some(people) if self.named[j] => people
                    .iter()
                    .all(|p| e.participants.iter().any(|q| q.name == p.name)),
                _ => true,
            };
            same && same_people && may_be_within(when, e.date_start)
        })
    }

    /// Whether an event was told within [`BACK_REACH`] sentences before `i`.
    fn told_lately(&self, i: usize) -> bool {
        self.recent
            .iter()
            .any(|&j| self.told_in[j] + BACK_REACH >= i)
    }

    /// Whether a definite mention of a `kind` trigger in sentence `i` may
    /// speak of an event told lately: [`EventList::told_before`] without
    /// the date and people, which the mention has yet to be read for.
    fn may_speak_of(&self, kind: EventKind, trigger: &str, i: usize) -> bool {
        let noun = trigger.split_whitespace().last().unwrap_or_default();
        self.recent.iter().any(|&j| {
            let e = &self.events[j];
            self.told_in[j] + BACK_REACH >= i
                && (family(e.kind) == family(kind)
                    || crate::scan::contains_ascii_ci(
                        e.provenance.quote.as_bytes(),
                        noun.as_bytes(),
                    ))
        })
    }

    /// Completes event `j` with a later mention of it: its date and place
    /// where more precise, and people it names, who stand in for the sides
    /// where the event had only those.
    fn complete(&mut self, j: usize, reading: Reading, i: usize) {
        self.touch(j, i);
        let e = &mut self.events[j];
        if let Some(date) = reading.date.filter(|d| {
            d.start
                .is_some_and(|s| s.precision() < e.precision && s.year.is_some())
        }) {
            e.date_start = date.start;
            e.date_end = date.end;
            e.precision = date.start.map_or(Precision::Unknown, |d| d.precision());
            e.provenance.reason = format!(
                "{}; {} (a later mention: '{}')",
                e.provenance.reason, date.reason, reading.trigger
            );
        }
        if reading.place.is_some() && (e.place.is_none() || e.place == self.dateline_place) {
            e.place = reading.place;
        }
        let people = reading.event.map(|r| r.participants).unwrap_or_default();
        let replace = reading.named && !self.named[j];
        if replace {
            e.participants.clear();
            self.named[j] = true;
        }
        let mut added: Vec<String> = Vec::new();
        for p in people {
            if !e.participants.iter().any(|q| q.name == p.name) {
                added.push(p.name.clone());
                e.participants.push(p);
            }
        }
        if !added.is_empty() {
            let how = if replace { "who took part" } else { "also" };
            e.provenance.reason = format!(
                "{}; {how}: {} (a later mention: '{}')",
                e.provenance.reason,
                added.join(", "),
                reading.trigger
            );
        }
    }
}

/// What a sentence holds that tells who may take part, read once for the
/// cheap test before the triggers and again for the participants.
#[derive(Clone, Copy)]
struct Cues {
    /// A surname of someone the article names.
    surname: bool,
    /// "the two leaders", "both leaders".
    two_leaders: bool,
}

/// Whether `sentence` may name someone taking part other than by a
/// surname or "the two leaders": "He" or "She", two countries or a joint
/// body, a role. A necessary condition of [`Article::participants`]
/// finding anyone then, and much cheaper.
fn may_take_part(sentence: &str) -> bool {
    sentence.starts_with("He ")
        || sentence.starts_with("She ")
        || parties::may_name_two_sides(sentence)
        || people::may_refer_to_a_role(sentence)
}

/// Whether `sentence` speaks of "the two leaders" (or heads of state, or
/// presidents) or "both leaders".
fn names_two_leaders(sentence: &str) -> bool {
    // Both forms hold "two" or "both"; most sentences neither.
    (crate::scan::contains_ascii_ci(sentence.as_bytes(), b"two")
        || crate::scan::contains_ascii_ci(sentence.as_bytes(), b"both"))
        && collective_re().is_match(sentence)
}

/// Talks and meetings are one family of contact.
fn family(kind: EventKind) -> EventKind {
    match kind {
        EventKind::Meeting | EventKind::Talks => EventKind::Meeting,
        other => other,
    }
}

/// Whether a date `inner` may fall within `outer`: either unknown, or
/// `inner` on a day or in a month that `outer` holds.
fn may_be_within(inner: Option<PartialDate>, outer: Option<PartialDate>) -> bool {
    match (inner, outer) {
        (Some(inner), Some(outer)) => {
            outer.year == inner.year
                && outer.month.is_none_or(|m| inner.month == Some(m))
                && outer.day.is_none_or(|d| inner.day == Some(d))
        }
        _ => true,
    }
}

/// The same event told twice in one article (a photo caption and the body)
/// is kept once, with the more precise date. `index` finds earlier events by
/// kind and participants, so a long document does not compare every pair.
/// Returns where the event stands in `out`, and whether it was stored
/// there (new, or more precise than the report it replaced).
fn merge_into(
    out: &mut Vec<Event>,
    index: &mut HashMap<(EventKind, Vec<String>), Vec<usize>>,
    event: Event,
) -> (usize, bool) {
    let mut names: Vec<String> = event.participants.iter().map(|p| p.name.clone()).collect();
    names.sort();
    let slots = index.entry((family(event.kind), names)).or_default();
    let same = slots.iter().copied().find(|&i| {
        let e = &out[i];
        e.date_start == event.date_start || e.date_start.is_none() || event.date_start.is_none()
    });
    match same {
        Some(i) => {
            let better = out[i].precision > event.precision;
            if better {
                out[i] = event;
            }
            (i, better)
        }
        None => {
            slots.push(out.len());
            out.push(event);
            (out.len() - 1, true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of `text` read with the prefilter's clues, and read with
    /// none (every sentence searched).
    fn with_and_without_clues(text: &str) -> (Vec<Event>, Vec<Event>) {
        let sentences = crate::sentence::split(text);
        let clues = crate::prefilter::sentences(text, &sentences);
        let published = crate::published::find(text, &sentences, &clues, None, None);
        let mentions = crate::country::mentions(text);
        let chars = crate::pipeline::CharIndex::new(text);
        let doc = DocumentContext::new(text, &published, &mentions, &[], &chars);
        (
            events(&doc, &sentences, &clues),
            events(&doc, &sentences, &[]),
        )
    }

    /// The prefilter never hides an event: one sentence per form of
    /// trigger, and every article of the development set and the seeds
    /// where they are at hand (`../shared`, as `tests/seeds.rs` reads them).
    #[test]
    fn the_prefilter_hides_no_event() {
        let sentences = [
            "Chilean President Gabriel Boric held talks via video link with Peruvian President Dina Boluarte on May 3, 2024.",
            "A phone talk between Bolivian Prime Minister Mario Quispe and Peruvian Prime Minister Pedro Rojas took place on Monday.",
            "Chilean President Gabriel Boric spoke of copper in a conversation with Peruvian President Dina Boluarte on May 3, 2024.",
            "Chilean Trade Minister Ana Lopes led a business delegation to Peru on May 3, 2024.",
            "Chilean President Gabriel Boric was in Lima on May 3, 2024 for meetings with Peruvian President Dina Boluarte.",
            "Chile and Peru will hold a ministerial meeting on May 3, 2024.",
            "The Chilean-Peruvian joint commission met in Lima on May 3, 2024.",
            "Chilean President Gabriel Boric exchanged congratulatory messages with Peruvian President Dina Boluarte on May 3, 2024.",
            "Chilean President Gabriel Boric hosted Peruvian President Dina Boluarte on May 3, 2024.",
        ];
        let mut texts: Vec<String> = sentences.iter().map(|s| (*s).to_owned()).collect();
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
        for dir in ["realworld/articles", "seeds"] {
            let Ok(entries) = std::fs::read_dir(shared.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.extend(std::fs::read_to_string(&path).ok());
                }
            }
        }
        for text in &texts {
            let (with, without) = with_and_without_clues(text);
            assert_eq!(with, without, "{text}");
        }
        for sentence in sentences {
            assert!(!with_and_without_clues(sentence).0.is_empty(), "{sentence}");
        }
    }
}
