//! What users change about an extraction, kept apart from it so it survives
//! extracting the article again.
//!
//! A correction names its observation or event by what a new extractor
//! version keeps stable (the measure or kind and the character span of the
//! figure or trigger), not by its position in the list.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Event, EventKind, Metric, Observation, PartialDate, Period};

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
    /// The period of a figure the text does not date ("trade currently
    /// stands at $9 billion"), set by hand: the figure is then charted.
    ObservationPeriod {
        metric: Metric,
        span: [usize; 2],
        period: Period,
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
    #[error(
        "'{0}' is not a period: give \"start\" and \"end\" as YYYY or YYYY-MM \
         (\"2024\", or \"2023-04\" to \"2024-03\"), at most twelve months apart"
    )]
    BadPeriod(String),
}

/// The period a user gives a figure: `start` and `end` as `YYYY` or
/// `YYYY-MM` (a year alone starts in January and ends in December; no
/// `end` is the same as `start`), at most one year long, as fiscal years
/// and "the year to March" are.
pub fn period(start: &str, end: Option<&str>) -> Result<Period, CorrectionError> {
    let bad = || {
        CorrectionError::BadPeriod(match end {
            Some(end) => format!("{start} to {end}"),
            None => start.to_owned(),
        })
    };
    let month = |text: &str, default: u32| -> Option<(i32, u32)> {
        let text = text.trim();
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, m.parse().ok()?),
            None => (text, default),
        };
        (year.len() == 4).then_some(())?;
        Some((year.parse().ok()?, month))
    };
    let (y1, m1) = month(start, 1).ok_or_else(bad)?;
    let (y2, m2) = month(end.unwrap_or(start), 12).ok_or_else(bad)?;
    if !crate::model::YEARS.contains(&y1)
        || !crate::model::YEARS.contains(&y2)
        || (y2, m2) < (y1, m1)
    {
        return Err(bad());
    }
    Period::span(y1, m1, y2, m2).ok_or_else(bad)
}

impl Correction {
    /// The `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Correction::Published { .. } => "published",
            Correction::ObservationWrong { .. } => "observation_wrong",
            Correction::ObservationPeriod { .. } => "observation_period",
            Correction::EventEdit { .. } => "event_edit",
        }
    }

    /// What the correction applies to, stable across extractions.
    pub fn target(&self) -> String {
        match self {
            Correction::Published { .. } => String::new(),
            Correction::ObservationWrong { metric, span, .. }
            | Correction::ObservationPeriod { metric, span, .. } => {
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
    /// Observations, with periods set by hand applied.
    pub observations: Vec<Observation>,
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
        observations: document.observations.clone(),
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
            Correction::ObservationPeriod {
                metric,
                span,
                period,
            } => {
                for o in out.observations.iter_mut() {
                    if o.metric == *metric && o.provenance.span == *span {
                        o.period = period.clone();
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
    fn a_figure_without_a_period_is_dated_by_hand() {
        let text = "Trade between Chile and Peru currently stands at about $4.7 billion a year.";
        let doc = extract("a.txt", text.as_bytes(), &Options::default())
            .expect("readable")
            .document;
        let o = &doc.observations[0];
        assert!(o.period.unresolved, "{:?}", o.period);
        let date = Correction::ObservationPeriod {
            metric: o.metric,
            span: o.provenance.span,
            period: period("2024", None).expect("a year"),
        };
        let corrected = apply(&doc, &[date]);
        assert_eq!(
            corrected.observations[0].period,
            Period::year(2024).expect("a year")
        );
        assert!(!corrected.observations[0].period.unresolved);
        assert_eq!(
            doc.observations[0].period, o.period,
            "the extraction is kept"
        );
    }

    #[rstest::rstest]
    #[case::a_year("2024", None, Period::year(2024))]
    #[case::a_year_by_its_months("2024-01", Some("2024-12"), Period::year(2024))]
    #[case::part_of_a_year("2023-01", Some("2023-09"), Period::months(2023, 1, 9))]
    #[case::a_fiscal_year("2023-04", Some("2024-03"), Period::span(2023, 4, 2024, 3))]
    #[case::one_month("2022-07", None, Period::months(2022, 7, 7))]
    fn periods_are_given_as_years_or_months(
        #[case] start: &str,
        #[case] end: Option<&str>,
        #[case] expected: Option<Period>,
    ) {
        assert_eq!(period(start, end).ok(), expected);
    }

    #[rstest::rstest]
    #[case::not_a_date("last year", None)]
    #[case::two_digit_year("24", None)]
    #[case::no_such_month("2024-13", None)]
    #[case::ending_before_it_starts("2024-06", Some("2024-01"))]
    #[case::longer_than_a_year("2022-01", Some("2024-12"))]
    #[case::a_year_no_view_can_show("2150", None)]
    #[case::ending_in_such_a_year("2100-06", Some("2101-05"))]
    fn bad_periods_are_refused_with_the_form_to_use(
        #[case] start: &str,
        #[case] end: Option<&str>,
    ) {
        let e = period(start, end).expect_err("refused");
        assert!(e.to_string().contains("YYYY-MM"), "{e}");
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
