//! What users change about an extraction, kept apart from it so it survives
//! extracting the article again.
//!
//! A correction names its observation or event by what a new extractor
//! version keeps stable (the measure or kind and the character span of the
//! figure or trigger), not by its position in the list.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Event, EventKind, Metric, PartialDate};

/// One correction of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Correction {
    /// The publication date, when the text does not give it or gives it wrong;
    /// `None` returns to what the text says.
    Published { published: Option<NaiveDate> },
    /// An observation that is not the figure it claims to be (or, with
    /// `wrong: false`, one that is after all).
    ObservationWrong {
        metric: Metric,
        span: [usize; 2],
        wrong: bool,
    },
    /// An event's date or place, set by hand.
    EventEdit {
        event: EventKind,
        span: [usize; 2],
        edit: EventEdit,
    },
}

/// The fields of an event a user may set; `None` leaves the extracted value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventEdit {
    #[serde(default)]
    pub date_start: Option<PartialDate>,
    #[serde(default)]
    pub date_end: Option<PartialDate>,
    #[serde(default)]
    pub place: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CorrectionError {
    #[error("no observation or event {0} in this article")]
    NoSuchTarget(String),
    #[error("the event would end ({end}) before it starts ({start})")]
    EndBeforeStart { start: String, end: String },
}

impl Correction {
    /// The `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Correction::Published { .. } => "published",
            Correction::ObservationWrong { .. } => "observation_wrong",
            Correction::EventEdit { .. } => "event_edit",
        }
    }

    /// What the correction applies to, stable across extractions.
    pub fn target(&self) -> String {
        match self {
            Correction::Published { .. } => String::new(),
            Correction::ObservationWrong { metric, span, .. } => {
                format!("{}@{}-{}", metric.as_str(), span[0], span[1])
            }
            Correction::EventEdit { event, span, .. } => {
                format!("{event:?}@{}-{}", span[0], span[1])
            }
        }
    }
}

/// An extraction with its corrections applied.
#[derive(Debug, Default)]
pub struct Corrected {
    /// Indexes of observations marked wrong.
    pub wrong: HashSet<usize>,
    /// Events, with edits applied.
    pub events: Vec<Event>,
    /// Indexes of edited events.
    pub edited: HashSet<usize>,
}

/// Applies `corrections` (oldest first; a later one wins) to `document`.
/// Corrections whose target is gone are ignored: the text they named was
/// read differently this time, and the user sees the new reading.
pub fn apply(document: &Document, corrections: &[Correction]) -> Corrected {
    let mut out = Corrected {
        events: document.events.clone(),
        ..Corrected::default()
    };
    for correction in corrections {
        match correction {
            Correction::Published { .. } => {}
            Correction::ObservationWrong {
                metric,
                span,
                wrong,
            } => {
                for (i, o) in document.observations.iter().enumerate() {
                    if o.metric == *metric && o.provenance.span == *span {
                        if *wrong {
                            out.wrong.insert(i);
                        } else {
                            out.wrong.remove(&i);
                        }
                    }
                }
            }
            Correction::EventEdit { event, span, edit } => {
                for (i, e) in out.events.iter_mut().enumerate() {
                    if e.kind == *event && e.provenance.span == *span {
                        if let Some(d) = edit.date_start {
                            e.date_start = Some(d);
                            e.precision = d.precision();
                        }
                        if let Some(d) = edit.date_end {
                            e.date_end = Some(d);
                        }
                        if let Some(place) = &edit.place {
                            e.place = Some(place.clone());
                        }
                        out.edited.insert(i);
                    }
                }
            }
        }
    }
    out
}

/// Checks an edit before it is stored.
pub fn validate(edit: &EventEdit) -> Result<(), CorrectionError> {
    if let (Some(start), Some(end)) = (edit.date_start, edit.date_end) {
        if let (Some(s), Some(e)) = (start.first_day(), end.last_day()) {
            if e < s {
                return Err(CorrectionError::EndBeforeStart {
                    start: start.to_string(),
                    end: end.to_string(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tradeline_extract::{extract, Options};

    fn document() -> Document {
        let text = "Trade between China and Russia reached $240 billion in 2023, up 26 percent. \
Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on October 18, 2023.";
        extract("a.txt", text.as_bytes(), &Options::default())
            .expect("readable")
            .document
    }

    #[test]
    fn an_observation_marked_wrong_is_found_by_metric_and_span() {
        let doc = document();
        let o = &doc.observations[0];
        let mark = Correction::ObservationWrong {
            metric: o.metric,
            span: o.provenance.span,
            wrong: true,
        };
        assert_eq!(
            apply(&doc, std::slice::from_ref(&mark)).wrong,
            HashSet::from([0])
        );
        let unmark = Correction::ObservationWrong {
            metric: o.metric,
            span: o.provenance.span,
            wrong: false,
        };
        assert!(
            apply(&doc, &[mark, unmark]).wrong.is_empty(),
            "the later one wins"
        );
    }

    #[test]
    fn an_event_edit_changes_only_what_it_names() {
        let doc = document();
        let e = &doc.events[0];
        let edit = Correction::EventEdit {
            event: e.kind,
            span: e.provenance.span,
            edit: EventEdit {
                place: Some("Great Hall of the People, Beijing".to_owned()),
                ..EventEdit::default()
            },
        };
        let corrected = apply(&doc, &[edit]);
        assert_eq!(
            corrected.events[0].place.as_deref(),
            Some("Great Hall of the People, Beijing")
        );
        assert_eq!(corrected.events[0].date_start, e.date_start);
        assert!(corrected.edited.contains(&0));
    }

    #[test]
    fn a_correction_whose_target_is_gone_changes_nothing() {
        let doc = document();
        let stale = Correction::ObservationWrong {
            metric: Metric::ExportValue,
            span: [1, 2],
            wrong: true,
        };
        assert!(apply(&doc, &[stale]).wrong.is_empty());
    }

    #[test]
    fn an_edit_ending_before_it_starts_is_refused() {
        let edit = EventEdit {
            date_start: PartialDate::parse("2023-10-18"),
            date_end: PartialDate::parse("2023-10-17"),
            place: None,
        };
        assert!(matches!(
            validate(&edit),
            Err(CorrectionError::EndBeforeStart { .. })
        ));
    }

    #[test]
    fn corrections_round_trip_through_json() {
        let c = Correction::Published {
            published: NaiveDate::from_ymd_opt(2025, 5, 8),
        };
        let json = serde_json::to_string(&c).expect("json");
        assert_eq!(json, r#"{"kind":"published","published":"2025-05-08"}"#);
        assert_eq!(serde_json::from_str::<Correction>(&json).expect("back"), c);
    }
}
