//! What the extractor's table tests share: a short article read as a user
//! would give it, with its publication date when the case knows one, and
//! the events read from it.

// Each test file uses a part of this module.
#![allow(dead_code)]

pub(crate) mod figures;

use chrono::NaiveDate;
use tradeline_extract::{
    extract,
    model::{Document, Event},
    Options,
};

/// `text` read as `case.txt`, published on `published` (`YYYY-MM-DD`) if given.
pub(crate) fn document(text: &str, published: Option<&str>) -> Document {
    let options = Options {
        published: published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        ..Options::default()
    };
    extract("case.txt", text.as_bytes(), &options)
        .expect("extracts")
        .document
}

/// The events of `text`, published on `published` if given.
pub(crate) fn events(text: &str, published: Option<&str>) -> Vec<Event> {
    document(text, published).events
}

/// The one event of `text`; fails, showing what was read, if there are
/// none or several.
#[track_caller]
pub(crate) fn the_event(text: &str, published: Option<&str>) -> Event {
    let mut found = events(text, published);
    assert_eq!(found.len(), 1, "{text}\n{found:#?}");
    found.remove(0)
}

/// A value's JSON name: an event's kind, status or precision as the
/// contract spells it.
pub(crate) fn json_str<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .expect("serialises")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// An event a case wants: (kind, date_start, date_end, participants,
/// status), with `|` between the participants' names.
pub(crate) type Want = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
);
