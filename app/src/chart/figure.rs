//! What a chart shows, worked out from a pair's series and events and the
//! view: marks placed on a time axis in fractional years, with the text of
//! their labels and tooltips. Drawing (`draw.rs`) only places these.

use chrono::{Datelike, NaiveDate};

use super::ChartKind;
use crate::format::{
    flow_name, format_date, format_date_range, format_figure, period_label, short_figure,
};
use crate::model::{
    Metric, Pair, PartialDate, Period, PointStatus, Series, SeriesPoint, SourcedEvent,
};
use crate::series::plausible;
use crate::view::View;

/// The colour a line or bar takes; the palette maps it per theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Trade,
    Exports,
    Imports,
    Balance,
}

/// One value on the chart: a period, its value and how sure it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The period as fractional years, end exclusive.
    pub start: f64,
    pub end: f64,
    pub value: f64,
    /// The interval the reports allow.
    pub range: [f64; 2],
    pub full_year: bool,
    pub status: PointStatus,
    /// Written beside the mark: "$244.8 bn", "roughly 0 %".
    pub label: String,
    /// Shown on hover and read by screen readers: period, value, status, sources.
    pub tip: String,
    /// The first report's key, for the source panel; `None` for derived points.
    pub key: Option<String>,
}

impl Mark {
    pub fn mid(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// Whether the period runs across the new year (a fiscal year, "the
    /// year to March"): drawn as a part year is, but not called one.
    pub fn across_years(&self) -> bool {
        // `end` is exclusive: December ends on the next year's first day.
        (self.end - 1e-9).floor() > self.start.floor()
    }
}

/// Something a chart leaves out, said beside it.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// Events whose date is unknown: listed, not drawn.
    Undated(usize),
    /// Figures in a currency other than the chart's.
    OtherCurrency { figures: usize, currency: String },
    /// Values far out of line with the years around them, left off the
    /// chart unless the view shows them.
    Implausible(usize),
    /// Figures of part of a year, left off the chart unless the view
    /// shows them.
    PartYear(usize),
}

impl Note {
    /// Under the chart on the page, which lists what the chart leaves out.
    pub fn on_page(&self) -> String {
        match self {
            Note::Undated(n) => format!(
                "{n} event{} with an unknown date {} listed below, not drawn.",
                plural(*n),
                verb(*n)
            ),
            Note::OtherCurrency { figures, currency } => format!(
                "{figures} figure{} in {currency} {} in the tables only: one currency per chart.",
                plural(*figures),
                verb(*figures)
            ),
            Note::Implausible(n) => format!(
                "{n} figure{} far out of line with the years around {} {} in the table only, with the reason; \"Implausible figures\" draws {}.",
                plural(*n),
                if *n == 1 { "it" } else { "them" },
                verb(*n),
                if *n == 1 { "it" } else { "them" }
            ),
            Note::PartYear(n) => format!(
                "{n} figure{} for part of a year {} in the table only; \"Part-year figures\" draws {}.",
                plural(*n),
                verb(*n),
                if *n == 1 { "it" } else { "them" }
            ),
        }
    }

    /// In an export's footer: the CSV, not a table, is what goes with an image.
    pub fn in_export(&self) -> String {
        match self {
            Note::Undated(n) => format!(
                "{n} event{} with an unknown date {} not drawn; the CSV lists {}.",
                plural(*n),
                verb(*n),
                if *n == 1 { "it" } else { "them" }
            ),
            Note::OtherCurrency { figures, currency } => format!(
                "{figures} figure{} in {currency} {} in the CSV only: one currency per chart.",
                plural(*figures),
                verb(*figures)
            ),
            Note::Implausible(n) => format!(
                "{n} figure{} far out of line with the years around {} {} not drawn; the CSV has the reason.",
                plural(*n),
                if *n == 1 { "it" } else { "them" },
                verb(*n)
            ),
            Note::PartYear(n) => format!(
                "{n} figure{} for part of a year {} not drawn; the CSV lists {}.",
                plural(*n),
                verb(*n),
                if *n == 1 { "it" } else { "them" }
            ),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn verb(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

/// The marks of one measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub metric: Metric,
    pub label: String,
    pub role: Role,
    pub marks: Vec<Mark>,
}

/// An official series under a reported line: the whole years an imported
/// statistics table gives, drawn quieter than the reports and never as one.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialLine {
    pub role: Role,
    /// "Trade value, official (China General Administration of Customs)".
    pub label: String,
    pub source: String,
    pub marks: Vec<OfficialMark>,
}

/// One year of an official line.
#[derive(Clone, Debug, PartialEq)]
pub struct OfficialMark {
    /// The period as fractional years, end exclusive.
    pub start: f64,
    pub end: f64,
    pub value: f64,
    /// "2021 · Trade value: $146.87 bn · official, China General
    /// Administration of Customs".
    pub tip: String,
}

impl OfficialMark {
    pub fn mid(&self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

/// A trade goal on the value chart, at its target period and value.
#[derive(Clone, Debug, PartialEq)]
pub struct PledgeMark {
    /// The target period as fractional years, end exclusive.
    pub start: f64,
    pub end: f64,
    pub value: f64,
    /// "goal $200 bn".
    pub label: String,
    /// "2024 · goal $200 billion · met: official $244.81 bn".
    pub tip: String,
    /// The first report of the goal, for the source panel.
    pub key: Option<String>,
}

/// How precisely an event's date is known, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// A day or a run of days: a marker.
    Days,
    /// Only the month (or year) is known: a band across it.
    Month,
    Year,
}

/// A visit, meeting or call on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMark {
    pub key: String,
    pub start: f64,
    pub end: f64,
    pub span: Span,
    pub planned: bool,
    /// "20–22 Mar 2023 · State visit".
    pub label: String,
    pub tip: String,
}

/// Everything one chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub kind: ChartKind,
    pub pair: Pair,
    /// First and last calendar year of the axis, inclusive.
    pub years: (i32, i32),
    /// The currency of the value chart; figures in others stay in the tables.
    pub currency: Option<String>,
    pub lines: Vec<Line>,
    /// The official lines of the value chart, under the reported ones.
    pub official: Vec<OfficialLine>,
    /// The trade goals of the value chart, at their target years.
    pub pledges: Vec<PledgeMark>,
    pub events: Vec<EventMark>,
    /// What is not drawn, and why: said under the chart on the page, in
    /// the footer of an export.
    pub notes: Vec<Note>,
    /// The value axis labels of every chart of the view (values and growth),
    /// so each keeps the same room for them left of its plot: the plots of
    /// one view start at the same x and their time axes line up.
    pub axis_labels: Vec<String>,
}

impl Figure {
    /// The chart `kind` of `pair`'s `series` and `events` as `view` asks.
    pub fn build(
        kind: ChartKind,
        pair: &Pair,
        series: &[Series],
        events: &[SourcedEvent],
        view: &View,
    ) -> Figure {
        // Every chart of the view keeps room for every chart's axis labels
        // (see `axis_labels`): each is built alone first.
        let alone = |kind| Figure::build_alone(kind, (pair, series, events, view));
        let mut figure = alone(kind);
        let mut axis_labels = Vec::new();
        for other in [ChartKind::TradeValue, ChartKind::Growth] {
            if other == kind {
                axis_labels.extend(figure.value_labels());
            } else {
                axis_labels.extend(alone(other).value_labels());
            }
        }
        figure.axis_labels = axis_labels;
        figure
    }

    /// [`Figure::build`] without the other charts' axis labels.
    fn build_alone(
        kind: ChartKind,
        (pair, series, events, view): (&Pair, &[Series], &[SourcedEvent], &View),
    ) -> Figure {
        let mut notes = Vec::new();
        // The timeline's filters (a kind, a person) hold for every chart.
        let chosen: Vec<SourcedEvent> = events
            .iter()
            .filter(|e| view.shows_event(&e.event))
            .cloned()
            .collect();
        let all_events = event_marks(&chosen);
        let undated = chosen.len() - all_events.len();
        let events: Vec<EventMark> = all_events
            .iter()
            .filter(|e| view.overlaps(e.start, e.end))
            .cloned()
            .collect();
        let (currency, lines) = match kind {
            ChartKind::TradeValue => value_lines(series, view, &mut notes),
            ChartKind::Growth => (None, growth_lines(series, view, &mut notes)),
            ChartKind::Timeline => (None, Vec::new()),
        };
        let official = match kind {
            ChartKind::TradeValue => official_lines(series, view, currency.as_deref()),
            _ => Vec::new(),
        };
        let pledges = match kind {
            ChartKind::TradeValue => pledge_marks(series, view, currency.as_deref()),
            _ => Vec::new(),
        };
        // A chart of official figures alone is in their currency.
        let currency = currency.or_else(|| {
            (!official.is_empty())
                .then(|| official_currency(series))
                .flatten()
        });
        if kind == ChartKind::Timeline && undated > 0 {
            notes.push(Note::Undated(undated));
        }
        let years = axis_years(series, &all_events, view);
        // A period or event only partly inside the years is drawn up to the
        // axis's ends, not over the value labels.
        let (x0, x1) = (f64::from(years.0), f64::from(years.1) + 1.0);
        let clamp = |start: &mut f64, end: &mut f64| {
            *start = start.clamp(x0, x1);
            *end = end.clamp(x0, x1);
        };
        let mut lines = lines;
        for m in lines.iter_mut().flat_map(|l| &mut l.marks) {
            clamp(&mut m.start, &mut m.end);
        }
        let mut official = official;
        for m in official.iter_mut().flat_map(|l| &mut l.marks) {
            clamp(&mut m.start, &mut m.end);
        }
        let mut pledges = pledges;
        for m in &mut pledges {
            clamp(&mut m.start, &mut m.end);
        }
        let mut events = events;
        for e in &mut events {
            clamp(&mut e.start, &mut e.end);
        }
        let events = if kind == ChartKind::Timeline || view.layers.events {
            events
        } else {
            Vec::new()
        };
        Figure {
            kind,
            pair: pair.clone(),
            years,
            currency,
            lines,
            official,
            pledges,
            events,
            notes,
            axis_labels: Vec::new(),
        }
    }

    /// Whether there is anything to draw.
    pub fn is_empty(&self) -> bool {
        match self.kind {
            ChartKind::Timeline => self.events.is_empty(),
            _ => {
                self.lines.iter().all(|l| l.marks.is_empty())
                    && self.official.iter().all(|l| l.marks.is_empty())
            }
        }
    }

    /// The axis from the first day of the first year to the end of the last.
    pub fn x_range(&self) -> (f64, f64) {
        (f64::from(self.years.0), f64::from(self.years.1) + 1.0)
    }

    /// The value axis of the value and growth charts: from zero (or below
    /// the lowest mark) to above the highest, with headroom for the labels
    /// written above the marks.
    pub fn y_range(&self) -> (f64, f64) {
        let marks = self.lines.iter().flat_map(|l| &l.marks);
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for m in marks {
            lo = lo.min(m.value).min(m.range[0]);
            hi = hi.max(m.value).max(m.range[1]);
        }
        for m in self.official.iter().flat_map(|l| &l.marks) {
            lo = lo.min(m.value);
            hi = hi.max(m.value);
        }
        for m in &self.pledges {
            lo = lo.min(m.value);
            hi = hi.max(m.value);
        }
        if hi <= lo {
            hi = lo + 1.0;
        }
        let pad = (hi - lo) * 0.18;
        let lo = if lo < 0.0 { lo - pad } else { 0.0 };
        let hi = if self.kind == ChartKind::Growth && hi.abs() < 1e-9 {
            pad.max(1.0)
        } else {
            hi + pad
        };
        (lo, hi)
    }

    /// Where the value axis is labelled: plotters' choice of at most
    /// [`VALUE_TICKS`] round values in [`Figure::y_range`], which the drawing
    /// asks for too.
    pub fn value_ticks(&self) -> Vec<f64> {
        use plotters::coord::ranged1d::{BoldPoints, Ranged};
        use plotters::coord::types::RangedCoordf64;
        let (lo, hi) = self.y_range();
        RangedCoordf64::from(lo..hi).key_points(BoldPoints(VALUE_TICKS))
    }

    /// A value axis label: "$200 bn", "-10 %".
    pub fn value_label(&self, v: f64) -> String {
        match self.kind {
            ChartKind::TradeValue => short_figure(v, self.currency.as_deref(), None),
            ChartKind::Growth => format!("{v:.digits$} %", digits = self.rate_digits()),
            ChartKind::Timeline => String::new(),
        }
    }

    /// The decimals a rate axis needs: none while its ticks are whole
    /// percentages, else as many as make each tick exact ("0.5 %" between
    /// "0 %" and "1 %", not a second "0 %").
    fn rate_digits(&self) -> usize {
        let ticks = self.value_ticks();
        (0..2)
            .find(|&d| {
                let scale = 10f64.powi(d as i32);
                ticks
                    .iter()
                    .all(|t| ((t * scale).round() - t * scale).abs() < 1e-6)
            })
            .unwrap_or(2)
    }

    /// This chart's own value axis labels; none on a timeline or an empty chart.
    fn value_labels(&self) -> Vec<String> {
        if self.kind == ChartKind::Timeline || self.is_empty() {
            return Vec::new();
        }
        self.value_ticks()
            .into_iter()
            .map(|v| self.value_label(v))
            .collect()
    }
}

/// At most this many labels on a value axis.
pub const VALUE_TICKS: usize = 5;

/// The same years on every chart of a view, so their axes line up: the
/// view's range, else every dated figure and event of the pair.
fn axis_years(series: &[Series], events: &[EventMark], view: &View) -> (i32, i32) {
    let mut first = i32::MAX;
    let mut last = i32::MIN;
    let mut take = |start: f64, end: f64| {
        first = first.min(start.floor() as i32);
        // `end` is exclusive: a period ending on 1 Jan 2025 is in 2024.
        last = last.max((end - 1e-9).floor() as i32);
    };
    for point in series
        .iter()
        .filter(|s| s.metric != Metric::TradeTarget)
        .flat_map(|s| &s.points)
    {
        let (start, end) = period_years(point);
        take(start, end);
    }
    // Years only official figures cover are on the axis too.
    for o in series.iter().flat_map(|s| &s.official) {
        if a_whole_year(&o.period) {
            let (start, end) = span_years(&o.period);
            take(start, end);
        }
    }
    for event in events {
        take(event.start, event.end);
    }
    if first > last {
        let this_year = chrono::Utc::now().year();
        (first, last) = (this_year - 1, this_year);
    }
    let first = view.from.unwrap_or(first);
    let last = view.to.unwrap_or(last).max(first);
    (first, last)
}

fn value_lines(
    series: &[Series],
    view: &View,
    notes: &mut Vec<Note>,
) -> (Option<String>, Vec<Line>) {
    let wanted = [
        (Metric::TradeValue, Role::Trade, view.layers.trade),
        (Metric::ExportValue, Role::Exports, view.layers.exports),
        (Metric::ImportValue, Role::Imports, view.layers.imports),
        (Metric::TradeBalance, Role::Balance, view.layers.balance),
    ];
    // One currency per chart: the one with most points. Mixing dollars and
    // yuan on one axis would draw two different things as one.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in series
        .iter()
        .filter(|s| wanted.iter().any(|w| w.0 == s.metric && w.2))
    {
        for p in s.points.iter().filter(|p| in_view(p, view)) {
            let currency = p.currency.clone().unwrap_or_default();
            match counts.iter_mut().find(|(c, _)| *c == currency) {
                Some((_, n)) => *n += 1,
                None => counts.push((currency, 1)),
            }
        }
    }
    counts.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| (a.0 == "USD").cmp(&(b.0 == "USD")).reverse())
    });
    let Some((currency, _)) = counts.first().cloned() else {
        return (None, Vec::new());
    };
    for (other, n) in counts.iter().skip(1) {
        notes.push(Note::OtherCurrency {
            figures: *n,
            currency: other.clone(),
        });
    }
    let in_currency = |p: &SeriesPoint| p.currency.as_deref().unwrap_or_default() == currency;
    notes.extend(left_off_notes(series, &wanted, view, &in_currency));
    let lines = lines_of(series, &wanted, view, |p| {
        in_currency(p) && left_off(p, view).is_none()
    });
    (Some(currency), lines)
}

fn growth_lines(series: &[Series], view: &View, notes: &mut Vec<Note>) -> Vec<Line> {
    let wanted = [
        (Metric::TradeGrowthYoy, Role::Trade, view.layers.trade),
        (Metric::ExportGrowthYoy, Role::Exports, view.layers.exports),
        (Metric::ImportGrowthYoy, Role::Imports, view.layers.imports),
    ];
    let layer = |p: &SeriesPoint| view.layers.derived || p.status != PointStatus::Derived;
    notes.extend(left_off_notes(series, &wanted, view, &layer));
    lines_of(series, &wanted, view, |p| {
        layer(p) && left_off(p, view).is_none()
    })
}

/// Why a point stays off the charts unless the view asks for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LeftOff {
    /// A part of a year: drawn among years, it reads as one.
    PartYear,
    /// Far out of line with the years around it ([`plausible`]).
    Implausible,
}

fn left_off(p: &SeriesPoint, view: &View) -> Option<LeftOff> {
    if !view.layers.part_year && !a_whole_year(&p.period) {
        Some(LeftOff::PartYear)
    } else if !view.layers.outliers && plausible::implausible(p) {
        Some(LeftOff::Implausible)
    } else {
        None
    }
}

/// A calendar year, or twelve months across the new year (a fiscal year,
/// "the year to March"): what a year's line may hold.
fn a_whole_year(period: &Period) -> bool {
    let month = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let next_day = period.end.succ_opt();
    period.start.day() == 1
        && next_day.is_some_and(|d| d.day() == 1 && month(d) - month(period.start) == 12)
}

/// What the charts leave off among the points of the `wanted` measures in
/// the view's years that `keep` accepts, said under the chart.
fn left_off_notes(
    series: &[Series],
    wanted: &[(Metric, Role, bool)],
    view: &View,
    keep: &dyn Fn(&SeriesPoint) -> bool,
) -> Vec<Note> {
    let (mut part, mut implausible) = (0, 0);
    let points = series
        .iter()
        .filter(|s| wanted.iter().any(|w| w.0 == s.metric && w.2))
        .flat_map(|s| &s.points)
        .filter(|p| keep(p) && in_view(p, view));
    for p in points {
        match left_off(p, view) {
            Some(LeftOff::PartYear) => part += 1,
            Some(LeftOff::Implausible) => implausible += 1,
            None => {}
        }
    }
    let mut notes = Vec::new();
    if part > 0 {
        notes.push(Note::PartYear(part));
    }
    if implausible > 0 {
        notes.push(Note::Implausible(implausible));
    }
    notes
}

/// The lines of the `wanted` measures that are switched on, each with the
/// points `keep` accepts inside the view's years; measures left with no
/// point are dropped.
fn lines_of(
    series: &[Series],
    wanted: &[(Metric, Role, bool)],
    view: &View,
    keep: impl Fn(&SeriesPoint) -> bool,
) -> Vec<Line> {
    wanted
        .iter()
        .filter(|(_, _, on)| *on)
        .filter_map(|(metric, role, _)| {
            let s = series.iter().find(|s| s.metric == *metric)?;
            let marks: Vec<Mark> = s
                .points
                .iter()
                .filter(|p| keep(p))
                .filter_map(|p| mark(s, p, view))
                .collect();
            (!marks.is_empty()).then(|| Line {
                metric: *metric,
                label: line_label(s),
                role: *role,
                marks,
            })
        })
        .collect()
}

/// "Trade value", "Exports (China → Russia)": a flow says its direction,
/// by the parties' names.
fn line_label(s: &Series) -> String {
    if s.metric.is_directed() {
        format!("{} ({})", s.metric.label(), flow_name(&s.pair))
    } else {
        s.metric.label().to_owned()
    }
}

fn mark(series: &Series, p: &SeriesPoint, view: &View) -> Option<Mark> {
    let (start, end) = period_years(p);
    if !view.overlaps(start, end) {
        return None;
    }
    let currency = p.currency.as_deref();
    let doubtful = plausible::implausible(p);
    let mut label = short_figure(p.value, currency, p.qualifier);
    if doubtful {
        // Drawn only when the reader asked: marked as doubtful all the same.
        label.push('?');
    }
    let status = match p.status {
        PointStatus::Reported if p.sources.len() > 1 => {
            format!("reported by {} sources that agree", p.sources.len())
        }
        PointStatus::Reported => "reported by 1 source".to_owned(),
        PointStatus::Approximate => format!(
            "approximate ({}), {} source{}",
            p.qualifier.map(|q| q.as_str()).unwrap_or("hedged"),
            p.sources.len(),
            plural(p.sources.len())
        ),
        PointStatus::Conflict => format!("conflict: {} sources disagree", p.sources.len()),
        PointStatus::Derived => format!(
            "derived from {}, not reported",
            p.derived_from.join(" and ")
        ),
    };
    let mut tip = format!(
        "{} · {}: {} · {status}",
        period_label(&p.period),
        line_label(series),
        format_figure(p.value, currency, p.qualifier)
    );
    if let Some(check) = p
        .checks
        .iter()
        .find(|c| c.kind == plausible::KIND && !c.consistent)
    {
        tip.push_str(&format!(" · implausible: {}", check.message));
    }
    if let Some(o) = &p.official {
        tip.push_str(&format!(" · {}", crate::format::official_gap(currency, o)));
    }
    Some(Mark {
        start,
        end,
        value: p.value,
        range: p.range,
        full_year: p.full_year,
        status: p.status,
        label,
        tip,
        key: p.sources.first().map(|s| s.key.clone()),
    })
}

/// Whether a point's period falls at least partly in the view's years.
pub fn in_view(p: &SeriesPoint, view: &View) -> bool {
    let (start, end) = period_years(p);
    view.overlaps(start, end)
}

/// A point's period as fractional years, end exclusive.
pub fn period_years(p: &SeriesPoint) -> (f64, f64) {
    span_years(&p.period)
}

/// A period as fractional years, end exclusive.
fn span_years(period: &Period) -> (f64, f64) {
    let end = period.end.succ_opt().unwrap_or(period.end);
    (year_fraction(period.start), year_fraction(end))
}

/// The official lines of the switched-on measures, in the chart's
/// `currency`: whole years only (a part year among years reads as one),
/// inside the view's years.
fn official_lines(series: &[Series], view: &View, currency: Option<&str>) -> Vec<OfficialLine> {
    if !view.layers.official {
        return Vec::new();
    }
    let wanted = [
        (Metric::TradeValue, Role::Trade, view.layers.trade),
        (Metric::ExportValue, Role::Exports, view.layers.exports),
        (Metric::ImportValue, Role::Imports, view.layers.imports),
        (Metric::TradeBalance, Role::Balance, view.layers.balance),
    ];
    let currency = currency
        .map(str::to_owned)
        .or_else(|| official_currency(series));
    wanted
        .iter()
        .filter(|(_, _, on)| *on)
        .filter_map(|(metric, role, _)| {
            let s = series.iter().find(|s| s.metric == *metric)?;
            let first = s.official.first()?;
            let marks: Vec<OfficialMark> = s
                .official
                .iter()
                .filter(|o| Some(o.currency.as_str()) == currency.as_deref())
                .filter(|o| a_whole_year(&o.period))
                .filter_map(|o| {
                    let (start, end) = span_years(&o.period);
                    view.overlaps(start, end).then(|| OfficialMark {
                        start,
                        end,
                        value: o.value,
                        tip: format!(
                            "{} · {}: {} · official, {}",
                            period_label(&o.period),
                            line_label(s),
                            format_figure(o.value, Some(&o.currency), None),
                            o.source
                        ),
                    })
                })
                .collect();
            (!marks.is_empty()).then(|| OfficialLine {
                role: *role,
                label: format!("{}, official ({})", line_label(s), first.source),
                source: first.source.clone(),
                marks,
            })
        })
        .collect()
}

/// The trade goals, with the total trade line's layer, in the chart's
/// currency and inside the view's years: a goal drawn at its period,
/// whether or not the period has come.
fn pledge_marks(series: &[Series], view: &View, currency: Option<&str>) -> Vec<PledgeMark> {
    if !view.layers.trade {
        return Vec::new();
    }
    let Some(targets) = series.iter().find(|s| s.metric == Metric::TradeTarget) else {
        return Vec::new();
    };
    targets
        .points
        .iter()
        .filter(|p| p.currency.as_deref() == currency && a_whole_year(&p.period))
        .filter_map(|p| {
            let (start, end) = period_years(p);
            view.overlaps(start, end).then(|| PledgeMark {
                start,
                end,
                value: p.value,
                label: format!("goal {}", short_figure(p.value, currency, p.qualifier)),
                tip: format!(
                    "{} · goal {} · {} report{}",
                    period_label(&p.period),
                    format_figure(p.value, currency, p.qualifier),
                    p.sources.len(),
                    plural(p.sources.len())
                ),
                key: p.sources.first().map(|s| s.key.clone()),
            })
        })
        .collect()
}

/// The currency of the official figures, for a chart that has no report.
fn official_currency(series: &[Series]) -> Option<String> {
    series
        .iter()
        .flat_map(|s| &s.official)
        .map(|o| o.currency.clone())
        .next()
}

/// 2024-07-02 is about 2024.5.
pub fn year_fraction(date: NaiveDate) -> f64 {
    let year = date.year();
    let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(year) + f64::from(date.ordinal0()) / days
}

/// The dated events as marks, in date order. Events without a year cannot be
/// placed on an axis; the dashboard lists them apart.
pub fn event_marks(events: &[SourcedEvent]) -> Vec<EventMark> {
    let mut marks: Vec<EventMark> = events.iter().filter_map(event_mark).collect();
    marks.sort_by(|a, b| a.start.total_cmp(&b.start).then_with(|| a.key.cmp(&b.key)));
    marks
}

fn event_mark(s: &SourcedEvent) -> Option<EventMark> {
    let e = &s.event;
    let start_date = e.date_start?;
    let (start, mut end, span) = date_span(&start_date)?;
    if let Some((_, end_of_last, _)) = e.date_end.as_ref().and_then(date_span) {
        end = end.max(end_of_last);
    }
    let date = match e.date_end.filter(|d| *d != start_date) {
        Some(last) => format_date_range(&start_date, &last),
        None => format_date(Some(&start_date)),
    };
    let planned = e.status == crate::model::EventStatus::Planned;
    let label = format!(
        "{date} · {}{}",
        e.kind.label(),
        if planned { " (planned)" } else { "" }
    );
    let who: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    let mut tip = label.clone();
    if !who.is_empty() {
        tip.push_str(&format!(" · {}", who.join(", ")));
    }
    if let Some(place) = &e.place {
        tip.push_str(&format!(" · {place}"));
    }
    let reports = s.also.len() + 1;
    tip.push_str(&format!(" · {reports} report{}", plural(reports)));
    Some(EventMark {
        key: s.key.clone(),
        start,
        end,
        span,
        planned,
        label,
        tip,
    })
}

/// The days a partial date covers, as fractional years, end exclusive.
fn date_span(d: &PartialDate) -> Option<(f64, f64, Span)> {
    let year = d.year?;
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let date = NaiveDate::from_ymd_opt(year, m, day)?;
            Some((
                year_fraction(date),
                year_fraction(date.succ_opt()?),
                Span::Days,
            ))
        }
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)?
            };
            Some((year_fraction(first), year_fraction(next), Span::Month))
        }
        _ => Some((f64::from(year), f64::from(year) + 1.0, Span::Year)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    #[test]
    fn fractions_of_years() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        assert_eq!(year_fraction(d("2024-01-01")), 2024.0);
        assert!((year_fraction(d("2024-07-02")) - 2024.5).abs() < 0.01);
        let (start, end, span) = date_span(&PartialDate::month(2022, 12)).expect("span");
        assert_eq!(span, Span::Month);
        assert!((start - 2022.917).abs() < 0.01);
        assert_eq!(end, 2023.0);
    }

    #[test]
    fn notes_point_to_what_goes_with_the_chart() {
        assert_eq!(
            Note::Undated(1).on_page(),
            "1 event with an unknown date is listed below, not drawn."
        );
        assert_eq!(
            Note::Undated(2).in_export(),
            "2 events with an unknown date are not drawn; the CSV lists them."
        );
        let other = Note::OtherCurrency {
            figures: 3,
            currency: "RUB".into(),
        };
        assert_eq!(
            other.on_page(),
            "3 figures in RUB are in the tables only: one currency per chart."
        );
        assert_eq!(
            other.in_export(),
            "3 figures in RUB are in the CSV only: one currency per chart."
        );
    }

    fn series(metric: Metric, pair: Pair, period: Period, value: f64) -> Series {
        Series {
            official: Vec::new(),
            pair,
            metric,
            points: vec![SeriesPoint::reported(period, value, Some("USD"))],
        }
    }

    #[test]
    fn whole_years_are_calendar_or_fiscal_years_and_nothing_shorter() {
        let cases = [
            ("a calendar year", Period::year(2023), true),
            ("April to March", Period::span(2023, 4, 2024, 3), true),
            ("July to June", Period::span(2022, 7, 2023, 6), true),
            ("January to August", Period::months(2020, 1, 8), false),
            ("a quarter", Period::months(2024, 4, 6), false),
            ("eighteen months", Period::span(2022, 1, 2023, 6), false),
        ];
        for (name, period, whole) in cases {
            assert_eq!(a_whole_year(&period.expect(name)), whole, "{name}");
        }
    }

    #[test]
    fn part_years_stay_off_the_charts_unless_the_view_shows_them() {
        let pair = Pair::sorted("CN", "RU");
        let all = [Series {
            official: Vec::new(),
            pair: pair.clone(),
            metric: Metric::TradeGrowthYoy,
            points: vec![
                SeriesPoint::reported(Period::year(2022).expect("a year"), 29.3, None),
                SeriesPoint::reported(Period::months(2023, 1, 8).expect("Jan–Aug"), 0.2, None),
            ],
        }];

        let years = Figure::build(ChartKind::Growth, &pair, &all, &[], &View::default());
        assert_eq!(years.lines[0].marks.len(), 1);
        assert_eq!(years.notes, [Note::PartYear(1)]);
        assert_eq!(
            Note::PartYear(1).on_page(),
            "1 figure for part of a year is in the table only; \"Part-year figures\" draws it."
        );

        let mut view = View::default();
        view.layers.part_year = true;
        let all_marks = Figure::build(ChartKind::Growth, &pair, &all, &[], &view);
        assert_eq!(all_marks.lines[0].marks.len(), 2);
        assert!(all_marks.notes.is_empty());
    }

    #[test]
    fn an_implausible_value_stays_off_the_axis_unless_the_view_shows_it() {
        let pair = Pair::sorted("CN", "RU");
        let points = [(2021, 146.9e9), (2022, 1190.0e9), (2023, 240.1e9)]
            .map(|(y, v)| SeriesPoint::reported(Period::year(y).expect("a year"), v, Some("USD")));
        let mut all = vec![Series {
            official: Vec::new(),
            pair: pair.clone(),
            metric: Metric::TradeValue,
            points: points.to_vec(),
        }];
        crate::series::plausible::check(&mut all);

        let hidden = Figure::build(ChartKind::TradeValue, &pair, &all, &[], &View::default());
        assert_eq!(hidden.lines[0].marks.len(), 2);
        assert_eq!(hidden.notes, [Note::Implausible(1)]);
        assert!(hidden.y_range().1 < 500e9, "{:?}", hidden.y_range());
        assert!(Note::Implausible(1)
            .on_page()
            .starts_with("1 figure far out of line"));

        let mut view = View::default();
        view.layers.outliers = true;
        let shown = Figure::build(ChartKind::TradeValue, &pair, &all, &[], &view);
        let marks = &shown.lines[0].marks;
        assert_eq!(marks.len(), 3);
        assert!(shown.notes.is_empty(), "{:?}", shown.notes);
        assert!(shown.y_range().1 >= 1190e9);
        assert_eq!(marks[1].label, "$1.2 tn?");
        assert!(
            marks[1]
                .tip
                .contains(" · implausible: 6.3 times the years around it"),
            "{}",
            marks[1].tip
        );
    }

    #[test]
    fn lines_and_tips_name_the_parties_and_what_a_period_is() {
        let exports = series(
            Metric::ExportValue,
            Pair("IN".into(), "ASEAN".into()),
            Period::span(2023, 4, 2024, 3).expect("a fiscal year"),
            41.2e9,
        );
        let pair = Pair::sorted("ASEAN", "IN");
        let figure = Figure::build(
            ChartKind::TradeValue,
            &pair,
            &[exports],
            &[],
            &View::default(),
        );
        let line = &figure.lines[0];
        assert_eq!(line.label, "Exports (India → ASEAN)");
        assert_eq!(
            line.marks[0].tip,
            "Apr 2023–Mar 2024 (not a calendar year) · Exports (India → ASEAN): $41.2 billion · reported by 1 source"
        );
        assert!(line.marks[0].across_years() && !line.marks[0].full_year);
    }
}
