//! Pledges against outcomes: each trade goal the articles report ("to
//! raise trade to $200 billion by 2024") with the event it was set at, when
//! the sentence names one, and what its target period brought, from the
//! reported series and, where imported, the official one.

use super::EventReport;
use crate::model::{Metric, Outcome, Pledge, PledgeEvent, Series, SeriesPoint, SourcedEvent};

/// The pledges of one pair's `series` (its `trade_target` series, held
/// against its `trade_value` series), linked to the event `reports` (every
/// article's, before merging) and shown as the merged `events` they became.
/// In target order.
pub fn pledges(
    series: &[Series],
    reports: &[EventReport<'_>],
    events: &[SourcedEvent],
) -> Vec<Pledge> {
    let Some(targets) = series.iter().find(|s| s.metric == Metric::TradeTarget) else {
        return Vec::new();
    };
    let values = series
        .iter()
        .find(|s| s.metric == Metric::TradeValue && s.pair == targets.pair.undirected());
    targets
        .points
        .iter()
        .map(|target| Pledge {
            pair: targets.pair.clone(),
            period: target.period.clone(),
            value: target.value,
            currency: target.currency.clone(),
            qualifier: target.qualifier,
            sources: target.sources.clone(),
            set_at: set_at(target, reports, events),
            outcome: values.and_then(|v| outcome(target, v)),
        })
        .collect()
}

/// The event reported in the same sentence as one of the goal's reports
/// ("set the target during the state visit"): a goal and an event in one
/// sentence are one occasion. Named as the timeline shows it: the merged
/// event that report is part of (another article may date it better).
fn set_at(
    target: &SeriesPoint,
    reports: &[EventReport<'_>],
    events: &[SourcedEvent],
) -> Option<PledgeEvent> {
    target.sources.iter().find_map(|source| {
        let report = reports.iter().find(|r| {
            let sentence = r.event.provenance.sentence_span;
            r.article == source.article
                && sentence[0] <= source.span[0]
                && source.span[1] <= sentence[1]
        })?;
        events
            .iter()
            .find(|e| e.key == report.key || e.also.iter().any(|k| k == report.key))
            .map(|e| PledgeEvent {
                key: e.key.clone(),
                kind: e.event.kind,
                date: e.event.date_start,
                participants: e
                    .event
                    .participants
                    .iter()
                    .map(|p| p.name.clone())
                    .collect(),
            })
    })
}

/// What the goal's period brought: the value series' point of the same
/// months and currency, and its official value. `None` when neither is known
/// (the year has not come, or no one reported it).
fn outcome(target: &SeriesPoint, values: &Series) -> Option<Outcome> {
    let same = |start, end| start == target.period.start && end == target.period.end;
    let reported = values
        .points
        .iter()
        .find(|p| same(p.period.start, p.period.end) && p.currency == target.currency);
    let official = values.official.iter().find(|o| {
        same(o.period.start, o.period.end)
            && Some(o.currency.as_str()) == target.currency.as_deref()
    });
    let result = official.map(|o| o.value).or(reported.map(|p| p.value))?;
    Some(Outcome {
        reported: reported.map(|p| p.value),
        official: official.map(|o| o.value),
        official_source: official.map(|o| o.source.clone()),
        met: result >= target.value,
        by_pct: if target.value == 0.0 {
            0.0
        } else {
            (result - target.value) / target.value * 100.0
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        EventKind, EventStatus, OfficialPoint, Pair, PartialDate, Period, PointSource, Precision,
        Provenance,
    };

    fn source(article: u32, span: [usize; 2]) -> PointSource {
        PointSource {
            key: format!("o{article}-0"),
            article,
            title: "An article written for this test".to_owned(),
            published: None,
            value: 3e9,
            qualifier: None,
            as_written: "$3 billion".to_owned(),
            quote: String::new(),
            span,
            confidence: 0.9,
            period_inferred: false,
            converted: false,
            converted_from: None,
        }
    }

    fn target(year: i32, value: f64, article: u32, span: [usize; 2]) -> Series {
        let mut p = SeriesPoint::reported(Period::year(year).expect("year"), value, Some("USD"));
        p.sources = vec![source(article, span)];
        Series {
            pair: Pair::sorted("KE", "UG"),
            metric: Metric::TradeTarget,
            points: vec![p],
            official: Vec::new(),
        }
    }

    fn values(points: &[(i32, f64)], official: &[(i32, f64)]) -> Series {
        Series {
            pair: Pair::sorted("KE", "UG"),
            metric: Metric::TradeValue,
            points: points
                .iter()
                .map(|&(y, v)| {
                    SeriesPoint::reported(Period::year(y).expect("year"), v, Some("USD"))
                })
                .collect(),
            official: official
                .iter()
                .map(|&(y, v)| OfficialPoint {
                    period: Period::year(y).expect("year"),
                    value: v,
                    currency: "USD".to_owned(),
                    source: "Test customs".to_owned(),
                })
                .collect(),
        }
    }

    fn visit(article: u32, sentence: [usize; 2]) -> SourcedEvent {
        SourcedEvent {
            key: format!("e{article}-0"),
            article_id: article,
            event: crate::model::Event {
                kind: EventKind::StateVisit,
                date_start: Some(PartialDate::day(
                    chrono::NaiveDate::from_ymd_opt(2022, 3, 9).expect("date"),
                )),
                date_end: None,
                precision: Precision::Day,
                participants: Vec::new(),
                place: None,
                status: EventStatus::Occurred,
                provenance: Provenance {
                    quote: String::new(),
                    span: [sentence[0] + 5, sentence[0] + 16],
                    sentence_span: sentence,
                    confidence: 0.9,
                    reason: String::new(),
                },
            },
            also: Vec::new(),
        }
    }

    /// Each event as its own report.
    fn reports(events: &[SourcedEvent]) -> Vec<EventReport<'_>> {
        events
            .iter()
            .map(|e| EventReport {
                key: &e.key,
                article: e.article_id,
                event: &e.event,
            })
            .collect()
    }

    /// Another article's report of the same visit, merged into it: the goal
    /// is set at the merged event, named by its key.
    #[test]
    fn a_goal_is_set_at_the_merged_event_its_sentences_report_is_part_of() {
        let series = [target(2024, 3e9, 7, [60, 70])];
        let mine = visit(7, [40, 200]);
        let mut merged = visit(3, [0, 30]);
        merged.also = vec![mine.key.clone()];
        let p = &pledges(&series, &reports(std::slice::from_ref(&mine)), &[merged])[0];
        assert_eq!(p.set_at.as_ref().map(|e| e.key.as_str()), Some("e3-0"));
    }

    #[test]
    fn a_goal_set_in_the_sentence_of_a_visit_is_set_at_it_and_met_by_the_official_value() {
        let series = [
            target(2024, 3e9, 7, [60, 70]),
            values(&[(2024, 2.9e9)], &[(2024, 3.1e9)]),
        ];
        let events = [visit(7, [40, 200]), visit(8, [40, 200])];
        let pledges = pledges(&series, &reports(&events), &events);
        assert_eq!(pledges.len(), 1);
        let p = &pledges[0];
        assert_eq!(p.set_at.as_ref().map(|e| e.key.as_str()), Some("e7-0"));
        let outcome = p.outcome.as_ref().expect("2024 is known");
        assert_eq!(
            (outcome.reported, outcome.official),
            (Some(2.9e9), Some(3.1e9))
        );
        // The official figure decides: the reports alone fall short.
        assert!(outcome.met);
        assert!((outcome.by_pct - 3.333).abs() < 1e-3, "{}", outcome.by_pct);
    }

    #[test]
    fn without_official_figures_the_report_decides_and_a_miss_says_by_how_much() {
        let series = [
            target(2024, 3e9, 7, [60, 70]),
            values(&[(2024, 2.4e9)], &[]),
        ];
        let p = &pledges(&series, &[], &[])[0];
        assert_eq!(p.set_at, None);
        let outcome = p.outcome.as_ref().expect("reported");
        assert!(!outcome.met);
        assert!((outcome.by_pct - -20.0).abs() < 1e-9);
    }

    #[test]
    fn an_event_of_another_sentence_or_article_is_not_where_the_goal_was_set() {
        let series = [target(2024, 3e9, 7, [60, 70])];
        for events in [[visit(7, [0, 50])], [visit(9, [40, 200])]] {
            assert_eq!(pledges(&series, &reports(&events), &events)[0].set_at, None);
        }
    }

    #[test]
    fn a_year_no_one_has_reported_yet_has_no_outcome() {
        let series = [
            target(2030, 5e9, 7, [60, 70]),
            values(&[(2024, 2.4e9)], &[(2024, 2.5e9)]),
        ];
        assert_eq!(pledges(&series, &[], &[])[0].outcome, None);
    }
}
