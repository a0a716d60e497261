//! Exports: a chart as PNG or SVG, or its data as CSV, for exactly the view a
//! dashboard link names. The server's `/export/{chart}.{format}` and the
//! `tradeline export` command both load the pair's data and call [`render`],
//! so they give the same bytes.
//!
//! An exported chart is the page's drawing plus a frame that says what it is
//! and where its numbers come from: a title, a subtitle (pair, unit, years),
//! and a footer naming the articles and the export date.

pub mod csv;

use chrono::NaiveDate;

use crate::chart::{self, ChartError, ChartKind, Figure, Frame, Style, Theme};
use crate::format::{format_date, pair_name};
use crate::model::{ArticleSummary, DashboardData, Pair, PartialDate};
use crate::view::{BadParam, View};

/// The largest side and area an export may have, in output pixels: beyond
/// them an image takes seconds and hundreds of megabytes to draw.
pub const MAX_SIDE: u32 = 8000;
pub const MAX_PIXELS: u64 = 40_000_000;
/// The smallest side, in CSS pixels: title, legend, axis and a footer of
/// up to four lines take about 260 pixels of height before the plot.
pub const MIN_SIDE: u32 = 360;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Csv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Svg => "image/svg+xml",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// Size and look of an image export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// In CSS pixels; the image is `scale` times larger.
    pub width: u32,
    pub height: u32,
    pub scale: u32,
    pub theme: Theme,
}

impl Default for Options {
    /// 1200 × 675 is 16:9, the size of a slide or a social card.
    fn default() -> Self {
        Options {
            width: 1200,
            height: 675,
            scale: 1,
            theme: Theme::Light,
        }
    }
}

impl Options {
    /// Reads `width`, `height`, `scale` and `theme`; every bad value is reported.
    pub fn from_query<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Options, Vec<BadParam>> {
        let mut options = Options::default();
        let mut bad = Vec::new();
        for (name, value) in params {
            let mut reject = |reason: &'static str| {
                bad.push(BadParam {
                    name: name.to_owned(),
                    value: value.to_owned(),
                    reason,
                })
            };
            match name {
                "width" | "height" => match value.trim().parse::<u32>() {
                    Ok(v) if v >= MIN_SIDE => {
                        if name == "width" {
                            options.width = v;
                        } else {
                            options.height = v;
                        }
                    }
                    Ok(_) => reject("at least 360 pixels"),
                    Err(_) => reject("a whole number of pixels"),
                },
                "scale" => match value.trim() {
                    "1" => options.scale = 1,
                    "2" => options.scale = 2,
                    "3" => options.scale = 3,
                    _ => reject("1, 2 or 3"),
                },
                "theme" => match Theme::parse(value.trim()) {
                    Some(theme) => options.theme = theme,
                    None => reject("light, dark or transparent"),
                },
                _ => {}
            }
        }
        if bad.is_empty() {
            if let Err(e) = options.check() {
                bad.push(e);
            }
        }
        if bad.is_empty() {
            Ok(options)
        } else {
            Err(bad)
        }
    }

    /// The output's width and height in pixels, after scaling.
    fn scaled(&self) -> (u64, u64) {
        (
            u64::from(self.width) * u64::from(self.scale),
            u64::from(self.height) * u64::from(self.scale),
        )
    }

    /// How many pixels the output has (what a raster export holds in memory).
    pub fn pixels(&self) -> u64 {
        let (w, h) = self.scaled();
        w * h
    }

    /// The output's size in pixels, within [`MAX_SIDE`] and [`MAX_PIXELS`].
    pub fn check(&self) -> Result<(u32, u32), BadParam> {
        let (w, h) = self.scaled();
        let too_big = |reason| BadParam {
            name: "size".to_owned(),
            value: format!("{}x{} at scale {}", self.width, self.height, self.scale),
            reason,
        };
        if w > u64::from(MAX_SIDE) || h > u64::from(MAX_SIDE) {
            return Err(too_big("at most 8000 pixels a side, after scaling"));
        }
        if w * h > MAX_PIXELS {
            return Err(too_big("at most 40 megapixels, after scaling"));
        }
        Ok((w as u32, h as u32))
    }
}

/// A finished export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    /// `tradeline-CN-RU-trade-value-2020-2025.png`.
    pub filename: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is nothing to export: {0}")]
    Empty(String),
    #[error(transparent)]
    Chart(#[from] ChartError),
    #[error("writing the CSV failed: {0}")]
    Csv(String),
}

/// The export of `kind` for `view` from a pair's data (as
/// [`Library::dashboard`](crate::library::Library::dashboard) loads it).
/// `today` is the export date the footer names, passed in so the same
/// request gives the same bytes.
pub fn render(
    data: &DashboardData,
    kind: ChartKind,
    format: Format,
    view: &View,
    options: &Options,
    today: NaiveDate,
) -> Result<Exported, ExportError> {
    let Some(pair) = data.pair.clone() else {
        return Err(ExportError::Empty(
            "no articles have been read yet".to_owned(),
        ));
    };
    let view = View {
        pair: Some(pair.clone()),
        source: None,
        ..view.clone()
    };
    let (figure, style) = drawing(data, kind, &pair, &view, options, today);
    let filename = format!(
        "tradeline-{}-{}-{}-{}.{}",
        pair.slug(),
        kind.as_str(),
        figure.years.0,
        figure.years.1,
        format.extension()
    );
    let bytes = match format {
        Format::Csv => csv_of(data, &figure, &view)?,
        Format::Svg | Format::Png => {
            let frame = style.frame.clone().unwrap_or_default();
            let size = (options.width, options.height);
            if format == Format::Svg {
                chart::svg(&figure, &style, size)?.0.into_bytes()
            } else {
                let text = [
                    ("Title", frame.title.clone()),
                    ("Description", frame.subtitle.clone()),
                    ("Source", frame.footer.join("\n")),
                    ("Software", "tradeline".to_owned()),
                ];
                chart::png(&figure, &style, size, &text)?
            }
        }
    };
    Ok(Exported {
        bytes,
        content_type: format.content_type(),
        filename,
    })
}

/// The chart `kind` of `pair` in `view`, and how an export draws it: framed
/// by its title, subtitle and sources.
pub(crate) fn drawing(
    data: &DashboardData,
    kind: ChartKind,
    pair: &Pair,
    view: &View,
    options: &Options,
    today: NaiveDate,
) -> (Figure, Style) {
    let figure = Figure::build(kind, pair, &data.series, &data.events, view);
    let frame = frame(&figure, &sources(data, &figure), options, today);
    let style = Style {
        palette: options.theme.palette(),
        scale: f64::from(options.scale),
        text: 1.0,
        background: options.theme != Theme::Transparent,
        frame: Some(frame),
    };
    (figure, style)
}

/// The articles behind what the figure draws, oldest first.
fn sources<'a>(data: &'a DashboardData, figure: &Figure) -> Vec<&'a ArticleSummary> {
    let mut ids: Vec<u32> = Vec::new();
    let keys: Vec<&str> = figure
        .lines
        .iter()
        .flat_map(|l| &l.marks)
        .filter_map(|m| m.key.as_deref())
        .chain(figure.events.iter().map(|e| e.key.as_str()))
        .collect();
    for s in &data.series {
        for p in &s.points {
            if p.sources
                .first()
                .is_some_and(|src| keys.contains(&src.key.as_str()))
            {
                ids.extend(p.sources.iter().map(|src| src.article));
            }
        }
    }
    for e in data
        .events
        .iter()
        .filter(|e| keys.contains(&e.key.as_str()))
    {
        ids.push(e.article_id);
    }
    let mut articles: Vec<&ArticleSummary> = data
        .articles
        .iter()
        .filter(|a| ids.contains(&a.id))
        .collect();
    articles.sort_by_key(|a| (a.published.as_ref().and_then(|d| d.first_day()), a.id));
    articles
}

/// Title, subtitle and footer. The footer names every source while there is
/// room (about three lines), then says how many more the CSV lists.
fn frame(
    figure: &Figure,
    sources: &[&ArticleSummary],
    options: &Options,
    today: NaiveDate,
) -> Frame {
    let title = format!("{} · {}", pair_name(&figure.pair), figure.kind.title());
    let unit = match (figure.kind, &figure.currency) {
        (ChartKind::TradeValue, Some(c)) => format!("{c}, as reported"),
        (ChartKind::Growth, _) => "percent change on the same period a year earlier".to_owned(),
        (ChartKind::Timeline, _) => "visits, talks, meetings and calls".to_owned(),
        _ => String::new(),
    };
    let years = if figure.years.0 == figure.years.1 {
        figure.years.0.to_string()
    } else {
        format!("{}–{}", figure.years.0, figure.years.1)
    };
    let subtitle = format!("{} · {unit} · {years}", figure.pair.names());
    let fits = chart::draw::footer_fits(options.width);
    let entries: Vec<(&str, String)> = sources
        .iter()
        .map(|a| (a.title.as_str(), format_date(a.published.as_ref())))
        .collect();
    let mut lines = source_lines(&entries, &fits);
    let mut official: Vec<&str> = figure.official.iter().map(|l| l.source.as_str()).collect();
    official.sort_unstable();
    official.dedup();
    if !official.is_empty() {
        lines.push(format!(
            "Official figures (thin line): {}; not a news report.",
            official.join("; ")
        ));
    }
    lines.extend(figure.notes.iter().map(|n| n.in_export()));
    lines.push(credit(&fits, today));
    Frame {
        title,
        subtitle,
        footer: lines,
    }
}

/// The footer's "Sources: …" lines, each one line as `fits` measures it:
/// every source while three lines hold them, then how many more the CSV
/// lists. A title is cut so that its entry fits on one line: in a narrow
/// export a title over two lines would take the plot's room, and the CSV
/// has it whole.
fn source_lines(entries: &[(&str, String)], fits: &dyn Fn(&str) -> bool) -> Vec<String> {
    if entries.is_empty() {
        return vec!["Sources: none in these years".to_owned()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = "Sources: ".to_owned();
    let mut left = entries.len();
    for (title, date) in entries {
        // The longest cut of the title whose entry fits on a line of its own
        // ("Sources: " and ";" included), but never under 20 characters.
        let mut room = 70;
        let entry = loop {
            let entry = format!("{} ({date})", truncate(title, room));
            if room <= 20 || fits(&format!("Sources: {entry};")) {
                break entry;
            }
            room -= 1;
        };
        let fresh = line.is_empty() || line.ends_with(": ");
        if !fresh && !fits(&format!("{line}; {entry};")) {
            if lines.len() == 2 {
                break;
            }
            lines.push(format!("{line};"));
            line = String::new();
        }
        if !(line.is_empty() || line.ends_with(": ")) {
            line.push_str("; ");
        }
        line.push_str(&entry);
        left -= 1;
    }
    if left > 0 {
        let more = format!("and {left} more (see the CSV)");
        if fits(&format!("{line}; {more}")) {
            line.push_str("; ");
            line.push_str(&more);
        } else {
            lines.push(format!("{line};"));
            line = more;
        }
    }
    lines.push(line);
    lines
}

/// The footer's last line: what tradeline is and the export date, shorter
/// where the full sentence would not fit on one line.
fn credit(fits: &dyn Fn(&str) -> bool, today: NaiveDate) -> String {
    let date = format_date(Some(&PartialDate::day(today)));
    let full = format!(
        "Figures read from news reports by tradeline; every value's source sentence is in the CSV. Exported {date}."
    );
    if fits(&full) {
        full
    } else {
        format!("Read by tradeline; sources in the CSV. Exported {date}.")
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn csv_of(data: &DashboardData, figure: &Figure, view: &View) -> Result<Vec<u8>, ExportError> {
    let fail = |e: ::csv::Error| ExportError::Csv(e.to_string());
    match figure.kind {
        ChartKind::Timeline => {
            let keys: Vec<&str> = figure.events.iter().map(|e| e.key.as_str()).collect();
            let placed = crate::chart::figure::event_marks(&data.events);
            // The drawn events, and the undated ones the page lists under the chart.
            let events: Vec<_> = data
                .events
                .iter()
                .filter(|e| {
                    keys.contains(&e.key.as_str()) || !placed.iter().any(|m| m.key == e.key)
                })
                .collect();
            let titles = |id: u32| {
                data.articles.iter().find(|a| a.id == id).map(|a| {
                    (
                        a.title.clone(),
                        a.published.map(|d| d.to_string()).unwrap_or_default(),
                    )
                })
            };
            csv::event_rows(&events, &titles).map_err(fail)
        }
        _ => {
            let metrics: Vec<_> = figure.lines.iter().map(|l| l.metric).collect();
            let series: Vec<_> = data
                .series
                .iter()
                .filter(|s| metrics.contains(&s.metric))
                .map(|s| {
                    let mut s = s.clone();
                    s.points.retain(|p| {
                        crate::chart::figure::in_view(p, view)
                            && (view.layers.derived
                                || p.status != crate::model::PointStatus::Derived)
                    });
                    s
                })
                .collect();
            let refs: Vec<_> = series.iter().collect();
            csv::series_rows(&refs).map_err(fail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(query: &str) -> Result<Options, Vec<BadParam>> {
        let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
        Options::from_query(pairs)
    }

    #[test]
    fn sizes_scales_and_themes_are_checked() {
        assert_eq!(options("").expect("defaults"), Options::default());
        let o = options("width=800&height=450&scale=3&theme=dark").expect("valid");
        assert_eq!(o.check().expect("fits"), (2400, 1350));
        for bad in [
            "width=abc",
            "height=10",
            "scale=4",
            "theme=pink",
            "width=5000&height=5000&scale=2",
            "width=7000&height=7000",
        ] {
            let errors = options(bad).expect_err(bad);
            assert!(!errors.is_empty(), "{bad}");
        }
    }

    fn entries(n: usize) -> Vec<(&'static str, String)> {
        let titles = [
            "Ministers from both capitals pledge deeper grain and energy cooperation at their annual forum",
            "Border trade swells as a new rail crossing opens, customs officials say in a statement",
            "Leaders agree to expand trade in machinery, farm goods and services over five years",
            "Envoy says practical cooperation keeps deepening",
            "Trade turnover hits record",
        ];
        (0..n)
            .map(|i| (titles[i % titles.len()], "11 Sep 2020".to_owned()))
            .collect()
    }

    #[test]
    fn a_narrow_export_gives_each_source_one_line() {
        let fits = |l: &str| l.chars().count() <= 51;
        let lines = source_lines(&entries(5), &fits);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 51), "{lines:#?}");
        assert!(
            lines[0].starts_with("Sources: Ministers from both"),
            "{lines:#?}"
        );
        assert!(lines[0].ends_with("(11 Sep 2020);"), "{lines:#?}");
        assert_eq!(lines[3], "and 2 more (see the CSV)");
    }

    #[test]
    fn a_wide_export_names_its_sources_in_full_while_they_fit() {
        let fits = |l: &str| l.chars().count() <= 182;
        let lines = source_lines(&entries(5)[3..], &fits);
        assert_eq!(
            lines,
            ["Sources: Envoy says practical cooperation keeps deepening (11 Sep 2020); Trade turnover hits record (11 Sep 2020)"]
        );
        let lines = source_lines(&entries(9), &fits);
        assert!(lines.len() <= 4, "{lines:#?}");
        assert!(
            lines
                .last()
                .is_some_and(|l| l.ends_with("more (see the CSV)")),
            "{lines:#?}"
        );
        assert_eq!(source_lines(&[], &fits), ["Sources: none in these years"]);
    }

    #[test]
    fn the_credit_is_short_where_the_sentence_would_not_fit() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        let wide = credit(&|l: &str| l.chars().count() <= 182, day);
        assert!(
            wide.contains("every value's source sentence is in the CSV"),
            "{wide}"
        );
        let narrow = credit(&|l: &str| l.chars().count() <= 80, day);
        assert!(narrow.chars().count() <= 80, "{narrow}");
        for line in [wide, narrow] {
            assert!(line.ends_with("Exported 1 Dec 2026."), "{line}");
        }
    }

    #[test]
    fn footer_lines_are_measured_in_the_footer_font() {
        // A 360 px export holds "Sources:" and a cut title with its date on
        // one line, and the short credit; a 1200 px one the whole credit.
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date");
        let narrow = chart::draw::footer_fits(360);
        let lines = source_lines(&entries(5), &narrow);
        assert!(lines.len() <= 4, "{lines:#?}");
        assert!(lines.iter().all(|l| narrow(l)), "{lines:#?}");
        assert!(
            lines[0].len() > 40,
            "a title cut shorter than it needs: {lines:#?}"
        );
        assert!(narrow(&credit(&narrow, day)));
        assert!(credit(&chart::draw::footer_fits(1200), day).contains("every value's"));
        assert!(!narrow(&"W".repeat(60)));
    }

    #[test]
    fn long_titles_are_cut() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("a rather long title", 8), "a rathe…");
    }
}
