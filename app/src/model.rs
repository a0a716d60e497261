//! Types shared by server and browser: the extractor's model, re-exported so the
//! whole app names one set of types, and the shapes the server functions return.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};
pub use tradeline_extract::model::*;

/// What a source link points at: a reported figure (`o12-3`) or event
/// (`e12-3`), by its article's id and its index in that article's
/// document. Written and read here only, so every link, highlight and
/// correction names an item the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SourceKey {
    pub kind: SourceKind,
    pub article: u32,
    pub index: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Observation,
    Event,
}

impl SourceKey {
    pub fn observation(article: u32, index: usize) -> SourceKey {
        SourceKey {
            kind: SourceKind::Observation,
            article,
            index,
        }
    }

    pub fn event(article: u32, index: usize) -> SourceKey {
        SourceKey {
            kind: SourceKind::Event,
            article,
            index,
        }
    }
}

impl fmt::Display for SourceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            SourceKind::Observation => 'o',
            SourceKind::Event => 'e',
        };
        write!(f, "{kind}{}-{}", self.article, self.index)
    }
}

/// A string that is not a [`SourceKey`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotASourceKey;

impl FromStr for SourceKey {
    type Err = NotASourceKey;

    /// Exactly the written form: `o` or `e`, then decimal digits, `-`,
    /// decimal digits (no sign, no space), so a key reads back only as the
    /// item it was written for.
    fn from_str(s: &str) -> Result<SourceKey, NotASourceKey> {
        let kind = match s.as_bytes().first() {
            Some(b'o') => SourceKind::Observation,
            Some(b'e') => SourceKind::Event,
            _ => return Err(NotASourceKey),
        };
        let (article, index) = s[1..].split_once('-').ok_or(NotASourceKey)?;
        let digits = |n: &str| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
        if !digits(article) || !digits(index) {
            return Err(NotASourceKey);
        }
        Ok(SourceKey {
            kind,
            article: article.parse().map_err(|_| NotASourceKey)?,
            index: index.parse().map_err(|_| NotASourceKey)?,
        })
    }
}

/// One article as the dashboard lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: u32,
    pub path: String,
    pub title: String,
    /// The language it was read in.
    #[serde(default)]
    pub lang: Lang,
    pub published: Option<PartialDate>,
    pub published_precision: Precision,
    pub published_basis: String,
    pub observation_count: usize,
    pub event_count: usize,
    pub warnings: Vec<Warning>,
}

/// An observation together with the article it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedObservation {
    /// Stable within one run of the server: `{article}-{index}`.
    pub key: String,
    pub article_id: u32,
    pub observation: Observation,
}

/// An event together with the article it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcedEvent {
    pub key: String,
    pub article_id: u32,
    pub event: Event,
    /// Keys of other articles' reports of the same event (the event itself is
    /// the most precisely dated report).
    #[serde(default)]
    pub also: Vec<String>,
}

/// Everything the dashboard's first screen shows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub articles: Vec<ArticleSummary>,
    pub observations: Vec<SourcedObservation>,
    pub events: Vec<SourcedEvent>,
    /// Files that could not be read at all, with the reason.
    pub rejected: Vec<Rejected>,
}

/// A file the corpus loader refused, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    pub path: String,
    pub reason: String,
}

/// An article's whole text cut around one sourced passage: what the source panel
/// shows, with the sentence marked and the figure or trigger inside it emphasised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub article: ArticleSummary,
    /// Text before the sentence.
    pub before: String,
    /// The sentence up to the figure.
    pub lead: String,
    /// The figure (or the event's trigger phrase) as written.
    pub figure: String,
    /// The sentence after the figure.
    pub tail: String,
    /// Text after the sentence.
    pub after: String,
    pub confidence: f32,
    pub reason: String,
    /// What was read from the sentence, in English, whatever the article's
    /// language: the check a reader who cannot read the original makes
    /// against its digits.
    pub reading: String,
}

/// How far a point of a series can be trusted, from the reports behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointStatus {
    /// At least one report gives the figure exactly and no report contradicts it.
    Reported,
    /// Every report is hedged ("nearly", "about", a range); they agree.
    Approximate,
    /// Reports disagree beyond what their rounding and qualifiers allow; the
    /// point shows one of them and keeps all.
    Conflict,
    /// Worked out from other points (growth implied by two annual values),
    /// never reported by any article.
    Derived,
}

impl PointStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PointStatus::Reported => "reported",
            PointStatus::Approximate => "approximate",
            PointStatus::Conflict => "conflict",
            PointStatus::Derived => "derived",
        }
    }
}

/// One report behind a point: which article said what, and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointSource {
    /// The observation's key (`o{article}-{index}`), for the source panel.
    pub key: String,
    pub article: u32,
    pub title: String,
    pub published: Option<PartialDate>,
    /// The value this report gives, in base units.
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    /// The figure as written ("nearly $250 billion").
    pub as_written: String,
    /// The sentence it was read from, and the figure's character span in the article.
    pub quote: String,
    pub span: [usize; 2],
    pub confidence: f32,
    /// The period was worked out rather than stated ("today's trade volume").
    pub period_inferred: bool,
    /// The writer's conversion of a figure in another currency ("EUR62.5
    /// billion (US$67.82 billion)"): listed with the point, but not weighed
    /// against reports written in its currency.
    #[serde(default, skip_serializing_if = "is_false")]
    pub converted: bool,
    /// The figure a conversion converts, as written ("EUR62.5 billion"),
    /// when it is among the pair's reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_from: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A comparison the series makes between its own points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// `implied_growth`: a reported growth rate against the rate its period's
    /// value and the year-earlier value imply.
    pub kind: String,
    /// Whether the two agree within their rounding and qualifiers.
    pub consistent: bool,
    /// The implied value and the interval it may lie in.
    pub implied: f64,
    pub implied_range: [f64; 2],
    pub message: String,
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesPoint {
    pub period: Period,
    /// A whole calendar year; part-year periods never share a point with one.
    pub full_year: bool,
    pub value: f64,
    /// The interval the true value lies in given every report's rounding and qualifier.
    pub range: [f64; 2],
    pub currency: Option<String>,
    pub unit: Option<String>,
    /// The qualifier of the report the value comes from (`None` when exact).
    pub qualifier: Option<Qualifier>,
    pub status: PointStatus,
    /// Every report of this period, the one giving `value` first.
    pub sources: Vec<PointSource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// For derived points: the periods it was worked out from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derived_from: Vec<String>,
    /// The official figure of the same period, when one is imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<Official>,
}

/// The official figure of a point's period, held against the reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Official {
    pub value: f64,
    pub currency: String,
    /// Who published it ("China General Administration of Customs").
    pub source: String,
    /// How far the point's value is from it, in percent of it: (reported -
    /// official) / official * 100. `None` when the official value is zero.
    pub gap_pct: Option<f64>,
    /// The official value lies outside what the reports' rounding and
    /// qualifiers allow: a difference of substance, not of rounding.
    pub beyond_precision: bool,
}

/// A trade goal leaders set ("to reach $200 billion by 2024"), held
/// against what the target year brought.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    pub pair: Pair,
    /// The target's period (its year, or the fiscal year it names).
    pub period: Period,
    pub value: f64,
    pub currency: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Every report of the goal, the one giving `value` first.
    pub sources: Vec<PointSource>,
    /// The visit, talks or call where the goal was set, when the sentence
    /// that reports the goal names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_at: Option<PledgeEvent>,
    /// What the target period brought, when anything is known of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// The event a pledge was set at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PledgeEvent {
    /// The event's key, for the source panel and the timeline.
    pub key: String,
    pub kind: EventKind,
    pub date: Option<PartialDate>,
    pub participants: Vec<String>,
}

/// A pledge's target period as the news and the official figures give it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The reported value of the period (the series' point), if any.
    pub reported: Option<f64>,
    /// The official value of the period, if imported.
    pub official: Option<f64>,
    pub official_source: Option<String>,
    /// Met when the outcome (official where imported, else reported) is at
    /// least the goal.
    pub met: bool,
    /// How far the outcome is from the goal, in percent of the goal.
    pub by_pct: f64,
}

/// One flow seen from both ends: exports of `from` to `to` as `from`
/// reports them, imports of `to` from `from` as `to` reports them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mirror {
    pub period: Period,
    pub from: String,
    pub to: String,
    pub exports: f64,
    pub exports_source: String,
    pub imports: f64,
    pub imports_source: String,
    pub currency: String,
    /// Imports less exports.
    pub difference: f64,
    /// The difference in percent of the exports; `None` for zero exports.
    pub difference_pct: Option<f64>,
}

/// One period of an official series: drawn as a line of its own, never as
/// a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficialPoint {
    pub period: Period,
    pub value: f64,
    pub currency: String,
    pub source: String,
}

#[cfg(test)]
impl SeriesPoint {
    /// A point of `period` that one exact report gives, with no sources
    /// listed: what tests of series, charts and tables start from.
    pub(crate) fn reported(period: Period, value: f64, currency: Option<&str>) -> SeriesPoint {
        SeriesPoint {
            full_year: period.is_full_year(),
            period,
            value,
            range: [value, value],
            currency: currency.map(str::to_owned),
            unit: None,
            qualifier: None,
            status: PointStatus::Reported,
            sources: Vec::new(),
            checks: Vec::new(),
            derived_from: Vec::new(),
            official: None,
        }
    }
}

/// The points of one measure for one pair, in period order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub pair: Pair,
    pub metric: Metric,
    pub points: Vec<SeriesPoint>,
    /// The official series of the same pair and measure, from one source
    /// and in the points' currency, when one is imported: every period it
    /// gives, those no article reports included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub official: Vec<OfficialPoint>,
}

/// A country pair the store has figures or events for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairSummary {
    pub pair: Pair,
    pub observations: usize,
    pub events: usize,
    pub articles: usize,
}

/// How far reading the corpus has got.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestStatus {
    /// Files looked at so far in the current pass, out of `total`.
    pub done: usize,
    pub total: usize,
    /// False once the first pass over every corpus folder has finished.
    pub running: bool,
}

/// A shown article whose publication date is unknown, listed apart because
/// its figures' "last year" and its events' dates could not be fixed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndatedArticle {
    pub id: u32,
    pub title: String,
}

/// A figure of the pair whose period the text does not let anyone know
/// ("trade currently stands at about $9 billion"): listed beside the
/// charts, never drawn, until a correction gives it a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UndatedFigure {
    /// The observation's key, for its source and for a correction.
    pub key: String,
    pub article: u32,
    pub title: String,
    pub observation: Observation,
}

/// Everything the dashboard shows for one pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DashboardData {
    /// Every pair with data, most data first.
    pub pairs: Vec<PairSummary>,
    /// The pair shown: the one asked for, else the one with most data.
    pub pair: Option<Pair>,
    pub series: Vec<Series>,
    pub events: Vec<SourcedEvent>,
    /// The articles behind this pair's figures and events.
    pub articles: Vec<ArticleSummary>,
    /// The pair's figures without a knowable period.
    pub undated_figures: Vec<UndatedFigure>,
    /// Flows whose two ends' official statistics are imported.
    #[serde(default)]
    pub mirrors: Vec<Mirror>,
    /// The pair's trade goals against their outcomes.
    #[serde(default)]
    pub pledges: Vec<Pledge>,
    pub undated: Vec<UndatedArticle>,
    /// Files that could not be read, with the reason.
    pub rejected: Vec<Rejected>,
    pub status: IngestStatus,
    /// Articles shown in all.
    pub article_count: usize,
    /// Whether the server accepts new articles (an admin token is set).
    pub writes_enabled: bool,
}

/// A marked passage of an article: a figure or an event's trigger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    pub key: String,
    /// `observation` or `event`.
    pub kind: String,
    /// Character offsets in `text`, end exclusive.
    pub span: [usize; 2],
    pub sentence_span: [usize; 2],
    pub label: String,
    /// Marked wrong by a user.
    #[serde(default)]
    pub wrong: bool,
}

/// One article with its whole text and everything found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    pub article: ArticleSummary,
    /// `file:<path>` or `upload:<id>`; empty when the article is no longer shown.
    pub origins: Vec<String>,
    pub text: String,
    pub highlights: Vec<Highlight>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_keys_read_back_as_written_and_nothing_else_reads() {
        for key in [SourceKey::observation(12, 3), SourceKey::event(1, 0)] {
            assert_eq!(key.to_string().parse(), Ok(key));
        }
        assert_eq!("o12-3".parse(), Ok(SourceKey::observation(12, 3)));
        assert_eq!("e1-0".parse(), Ok(SourceKey::event(1, 0)));
        for bad in [
            "x1-0",
            "o1",
            "o-1-2",
            "",
            "o+1-2",
            "o1-+2",
            "o1-2 ",
            "o1--2",
            "o99999999999-1",
        ] {
            assert_eq!(bad.parse::<SourceKey>(), Err(NotASourceKey), "{bad:?}");
        }
    }
}
