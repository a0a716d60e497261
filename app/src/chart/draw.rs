//! The one drawing function behind every chart: the page's SVG and the PNG and
//! SVG exports all come from [`draw`], generic over the plotters backend.
//!
//! Sizes are given at scale 1 and multiplied by `scale`, so a 2× PNG is the
//! same picture with twice the pixels, not a bigger canvas with small text.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::figure::{
    Figure, Line, Mark, OfficialLine, OfficialMark, PledgeMark, Role, Span, VALUE_TICKS,
};
use super::theme::Palette;
use super::{font, place, ChartError, ChartKind, Hit};
use crate::model::PointStatus;

/// What surrounds the plot in an export: the page puts these in HTML instead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    pub title: String,
    pub subtitle: String,
    /// Footer lines: the sources and the export date.
    pub footer: Vec<String>,
}

/// How to draw: colours, pixel density, background, and the optional frame.
#[derive(Clone, Debug)]
pub struct Style {
    pub palette: Palette,
    pub scale: f64,
    /// Text, and the room kept for it, relative to the drawing: above 1 for
    /// a page drawing that the browser shows smaller than it is drawn, so its
    /// labels still come out at a readable size (1 in exports).
    pub text: f64,
    /// False for a transparent export.
    pub background: bool,
    pub frame: Option<Frame>,
}

impl Style {
    /// How the page draws: the light palette on no background (the
    /// stylesheet recolours it for a dark system theme), at scale 1, with
    /// text `text` times its usual size.
    pub fn page(text: f64) -> Style {
        Style {
            palette: super::theme::LIGHT,
            scale: 1.0,
            text,
            background: false,
            frame: None,
        }
    }

    /// `v` CSS pixels in output pixels.
    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    /// A text size or text-bound length `v` at scale 1, in output pixels.
    fn text_px(&self, v: f64) -> f64 {
        v * self.scale * self.text
    }

    /// A line `w` CSS pixels wide in output pixels, never thinner than one.
    fn stroke(&self, w: f64) -> u32 {
        (w * self.scale).round().max(1.0) as u32
    }

    /// Whether a hollow marker may be drawn as a filled one with its inside
    /// painted in the background colour. Not on a transparent export, which
    /// has no background colour: there it is a ring. (The page draws no
    /// background either, but its stylesheet maps the background colour to
    /// the page's, so knocking out is right there.)
    fn knocks_out(&self) -> bool {
        self.background || self.frame.is_none()
    }
}

/// The value axis's tick marks; plotters keeps twice their length between
/// a label and the axis.
const TICK: f64 = 4.0;
/// Room left of the widest value label, at text size 1.
const LEFT: f64 = 8.0;
const RIGHT: f64 = 28.0;
/// An export's margin left of its title, value labels and footer.
const FRAME_LEFT: f64 = 16.0;
/// The size of an export's footer text.
const FOOTER_TEXT: f64 = 11.5;

const X_LABELS: f64 = 26.0;
const LEGEND: f64 = 26.0;
/// Height of one lane of the timeline at text size 1.
const LANE: f64 = 24.0;

/// Draws `figure` on `root` and returns where its marks landed, as fractions
/// of the canvas, for the page's hover and click layer.
pub fn draw<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    style: &Style,
) -> Result<Vec<Hit>, ChartError> {
    font::register();
    let s = style.scale;
    let t = s * style.text;
    let px = |v: f64| style.px(v);
    let y_labels = label_room(root, figure, style)?;
    let (width, height) = root.dim_in_pixel();
    if style.background {
        root.fill(&style.palette.background).map_err(fail)?;
    }
    let pal = &style.palette;

    let mut top = 4.0;
    let mut bottom = 0.0;
    if let Some(frame) = &style.frame {
        root.draw(&Text::new(
            frame.title.clone(),
            (px(FRAME_LEFT), px(14.0)),
            text(20.0 * t, pal.ink),
        ))
        .map_err(fail)?;
        // The subtitle and the footer (every source) wrap to the width.
        let room = i64::from(width) - i64::from(px(2.0 * FRAME_LEFT));
        let font = text(13.0 * t, pal.muted);
        let subtitle = wrap(root, &frame.subtitle, &font, room)?;
        for (i, line) in subtitle.iter().enumerate() {
            let y = px(44.0 + 18.0 * i as f64);
            root.draw(&Text::new(line.clone(), (px(FRAME_LEFT), y), font.clone()))
                .map_err(fail)?;
        }
        top = 70.0 + 18.0 * subtitle.len().saturating_sub(1) as f64;
        let font = text(FOOTER_TEXT * t, pal.muted);
        let mut lines = Vec::new();
        for line in &frame.footer {
            lines.extend(wrap(root, line, &font, room)?);
        }
        bottom = 14.0 + 17.0 * lines.len() as f64;
        for (i, line) in lines.into_iter().enumerate() {
            let y = height as i32 - px(bottom) + px(6.0 + 17.0 * i as f64);
            root.draw(&Text::new(line, (px(FRAME_LEFT), y), font.clone()))
                .map_err(fail)?;
        }
    }
    let rows = legend(root, figure, style, (y_labels, px(top)))?;
    top += LEGEND * style.text * rows as f64;
    let area = root.margin(px(top), px(bottom), 0, 0);

    if figure.is_empty() {
        let (w, h) = area.dim_in_pixel();
        let message = match figure.kind {
            ChartKind::Timeline => "No dated visits or meetings in these years",
            _ => "No figures in these years",
        };
        area.draw(&Text::new(
            message,
            ((w / 2) as i32, (h / 2) as i32),
            text(14.0 * t, pal.muted).pos(Pos::new(HPos::Center, VPos::Center)),
        ))
        .map_err(fail)?;
        return Ok(Vec::new());
    }

    let (x0, x1) = figure.x_range();
    // Timeline lanes are worked out first: the plot is as tall as they need.
    let (area_w, area_h) = area.dim_in_pixel();
    let plot_w = f64::from(area_w) - f64::from(y_labels) - RIGHT * s;
    let plot_h = f64::from(area_h) - style.text_px(X_LABELS) - 12.0 * s;
    let lanes = if kind_is_timeline(figure) {
        let room = (plot_h / style.text_px(LANE)).floor().clamp(1.0, 8.0) as usize;
        lanes(root, figure, style, plot_w, room)?
    } else {
        Vec::new()
    };
    let (y0, y1) = match lanes.iter().map(|l| l.0).max() {
        Some(top) => (0.0, (top + 1).max(2) as f64),
        None => figure.y_range(),
    };
    let mut chart = ChartBuilder::on(&area)
        .margin_top(px(12.0))
        .margin_right(px(RIGHT))
        .x_label_area_size(px(X_LABELS * style.text))
        .y_label_area_size(y_labels)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(fail)?;

    let kind = figure.kind;
    let y_format = |v: &f64| figure.value_label(*v);
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .disable_x_axis()
        .y_labels(VALUE_TICKS)
        .y_label_formatter(&y_format)
        .y_label_style(text(12.0 * t, pal.muted))
        .axis_style(pal.axis.stroke_width(px(1.0).max(1) as u32))
        .bold_line_style(pal.grid.stroke_width(px(1.0).max(1) as u32))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(px(TICK));
    if kind == ChartKind::Timeline {
        mesh.disable_mesh().disable_y_axis();
    }
    mesh.draw().map_err(fail)?;

    // Years: a rule at each new year, the year's number under its middle;
    // every year's number while they fit side by side, else every second,
    // fifth or tenth year's, so they never run into each other.
    let stroke = |w: f64| style.stroke(w);
    let year_font = text(12.0 * t, pal.muted).pos(Pos::new(HPos::Center, VPos::Top));
    let (digits, _) = root.estimate_text_size("0000", &year_font).map_err(fail)?;
    let year_px = {
        let (a, _) = chart.backend_coord(&(x0, y0));
        let (b, _) = chart.backend_coord(&(x0 + 1.0, y0));
        f64::from((b - a).max(1))
    };
    let every = year_step(f64::from(digits) + style.text_px(10.0), year_px);
    for year in figure.years.0..=figure.years.1 + 1 {
        let x = f64::from(year);
        if year > figure.years.0 && year <= figure.years.1 {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x, y0), (x, y1)],
                    pal.grid.stroke_width(stroke(1.0)),
                )))
                .map_err(fail)?;
        }
        if year <= figure.years.1 && year.rem_euclid(every) == 0 {
            let (cx, cy) = chart.backend_coord(&(x + 0.5, y0));
            root.draw(&Text::new(
                year.to_string(),
                (cx, cy + px(8.0)),
                year_font.clone(),
            ))
            .map_err(fail)?;
        }
    }
    let (left, _) = chart.backend_coord(&(x0, y0));
    let (right, baseline) = chart.backend_coord(&(x1, y0));
    root.draw(&PathElement::new(
        vec![(left, baseline), (right, baseline)],
        pal.axis.stroke_width(stroke(1.0)),
    ))
    .map_err(fail)?;

    let mut hits = Vec::new();
    let fraction = |(x, y): (i32, i32)| (x as f32 / width as f32, y as f32 / height as f32);
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    let plot_top = plot_y.start as f32 / height as f32;
    let plot_bottom = plot_y.end as f32 / height as f32;

    match kind {
        ChartKind::Timeline => {
            let font = text(12.0 * t, pal.ink);
            let mut labels = Vec::new();
            for (event, &(lane, side)) in figure.events.iter().zip(&lanes) {
                let y = y1 - 0.5 - lane as f64;
                let (start, end) = (
                    chart.backend_coord(&(event.start, y)),
                    chart.backend_coord(&(event.end, y)),
                );
                let color = pal.event;
                match event.span {
                    Span::Days => {
                        let at = ((start.0 + end.0) / 2, start.1);
                        let width = (end.0 - start.0).max(0);
                        if width > px(6.0) {
                            root.draw(&Rectangle::new(
                                [(start.0, at.1 - px(4.0)), (end.0, at.1 + px(4.0))],
                                color.filled(),
                            ))
                            .map_err(fail)?;
                        }
                        if event.planned && !style.knocks_out() {
                            root.draw(&Circle::new(at, px(4.0), color.stroke_width(stroke(2.0))))
                                .map_err(fail)?;
                        } else {
                            root.draw(&Circle::new(at, px(5.0), color.filled()))
                                .map_err(fail)?;
                        }
                        if event.planned && style.knocks_out() {
                            root.draw(&Circle::new(at, px(3.0), pal.background.filled()))
                                .map_err(fail)?;
                        }
                    }
                    Span::Month | Span::Year => {
                        root.draw(&Rectangle::new(
                            [
                                (start.0, start.1 - px(5.0)),
                                (end.0.max(start.0 + px(4.0)), start.1 + px(5.0)),
                            ],
                            pal.event_band.filled(),
                        ))
                        .map_err(fail)?;
                        root.draw(&Rectangle::new(
                            [
                                (start.0, start.1 - px(5.0)),
                                (end.0.max(start.0 + px(4.0)), start.1 + px(5.0)),
                            ],
                            color.stroke_width(stroke(1.5)),
                        ))
                        .map_err(fail)?;
                    }
                }
                // The label on the side `lanes` chose; one that fits in no
                // lane is left to the marker's tooltip and the list under
                // the chart.
                if let Some(anchor) = side {
                    let lx = match anchor {
                        HPos::Right => start.0 - px(8.0),
                        _ => end.0.max(start.0 + px(4.0)) + px(8.0),
                    };
                    labels.push((&event.label, (lx, start.1), anchor));
                }
                let (x, y) = fraction(((start.0 + end.0) / 2, start.1));
                hits.push(Hit::event(event, x, y, None));
            }
            // Labels after every marker: where a crowded year puts an
            // unlabelled marker in a lane's label, the text stays on top
            // (and the page gives it a halo in the background colour).
            for (label, at, anchor) in labels {
                root.draw(&Text::new(
                    label.clone(),
                    at,
                    font.clone().pos(Pos::new(anchor, VPos::Center)),
                ))
                .map_err(fail)?;
            }
        }
        ChartKind::TradeValue | ChartKind::Growth => {
            for event in &figure.events {
                let (a, _) = chart.backend_coord(&(event.start, y1));
                let (b, _) = chart.backend_coord(&(event.end, y1));
                let (_, top_px) = chart.backend_coord(&(event.start, y1));
                let (_, bottom_px) = chart.backend_coord(&(event.start, y0));
                match event.span {
                    Span::Days => root.draw(&PathElement::new(
                        vec![((a + b) / 2, top_px), ((a + b) / 2, bottom_px)],
                        pal.event.mix(0.55).stroke_width(stroke(1.0)),
                    )),
                    Span::Month | Span::Year => root.draw(&Rectangle::new(
                        [(a, top_px), (b.max(a + 2), bottom_px)],
                        pal.event_band.mix(0.8).filled(),
                    )),
                }
                .map_err(fail)?;
                let (x, _) = fraction(((a + b) / 2, top_px));
                hits.push(Hit::event(event, x, plot_top, Some(plot_bottom - plot_top)));
            }
            if kind == ChartKind::Growth && y0 < 0.0 && y1 > 0.0 {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x0, 0.0), (x1, 0.0)],
                        pal.axis.stroke_width(stroke(1.0)),
                    )))
                    .map_err(fail)?;
            }
            let lines = &figure.lines;
            // Crowded, a chart labels only each line's latest and extreme
            // values; the others are in the tooltips and the table.
            let crowded = lines.iter().map(|l| l.marks.len()).sum::<usize>() > 24;
            if kind == ChartKind::TradeValue {
                // Official lines first, under the reports they are held against.
                for line in &figure.official {
                    for (at, m) in official_line(&chart, root, line, pal.role(line.role), style)? {
                        let (x, y) = fraction(at);
                        hits.push(Hit::official(m, x, y));
                    }
                }
                for line in lines {
                    join_years(&chart, root, line, pal.role(line.role), style)?;
                }
                for m in &figure.pledges {
                    let at = pledge(&chart, root, m, pal.role(Role::Trade), style)?;
                    let (x, y) = fraction(at);
                    hits.push(Hit::pledge(m, x, y));
                }
            }
            // The axes' size: in the page each size of chart text is one
            // more font strike before the first frame.
            let font = text(12.0 * t, pal.ink);
            let mut requests = Vec::new();
            let mut labels = Vec::new();
            let mut markers = Vec::new();
            let slots = bar_slots(lines);
            for (n, line) in lines.iter().enumerate() {
                let color = pal.role(line.role);
                let values: Vec<f64> = line.marks.iter().map(|m| m.value).collect();
                for (i, (m, rank)) in line.marks.iter().zip(place::ranks(&values)).enumerate() {
                    let at = match kind {
                        ChartKind::Growth => bar(&chart, root, m, slots[n][i], color, style)?,
                        _ => value_mark(&chart, root, m, color, style)?,
                    };
                    let conflict = m.status == PointStatus::Conflict;
                    if conflict {
                        root.draw(&Circle::new(
                            at,
                            px(9.0),
                            pal.conflict.stroke_width(stroke(2.0)),
                        ))
                        .map_err(fail)?;
                    }
                    let r = px(if conflict { 10.0 } else { 6.0 });
                    markers.push(place::Rect {
                        x0: at.0 - r,
                        y0: at.1 - r,
                        x1: at.0 + r,
                        y1: at.1 + r,
                    });
                    if !crowded || rank != place::Rank::Other {
                        let (w, h) = root.estimate_text_size(&m.label, &font).map_err(fail)?;
                        let size = (
                            i32::try_from(w).unwrap_or(i32::MAX),
                            i32::try_from(h).unwrap_or(i32::MAX),
                        );
                        // A negative rate's label goes under its bar first.
                        let under_first = kind == ChartKind::Growth && m.value < 0.0;
                        requests.push(place::Request {
                            rank,
                            at: m.mid(),
                            places: label_places(at, size, px(12.0), (&plot_x, under_first)),
                        });
                        labels.push(&m.label);
                    }
                    let (x, y) = fraction(at);
                    hits.push(Hit::mark(m, x, y));
                }
            }
            let bounds = place::Rect {
                x0: plot_x.start,
                y0: plot_y.start,
                x1: plot_x.end,
                y1: plot_y.end,
            };
            let chosen = place::place(&requests, bounds, &markers);
            for ((request, label), chosen) in requests.iter().zip(labels).zip(chosen) {
                let Some(spot) = chosen.map(|i| request.places[i]) else {
                    continue;
                };
                let centre = (spot.x0 + spot.x1) / 2;
                root.draw(&Text::new(
                    label.clone(),
                    (centre, spot.y0),
                    font.clone().pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(fail)?;
            }
        }
    }
    Ok(hits)
}

/// The places a value label `size` pixels large may take beside its mark at
/// `at`, `gap` pixels off it: over the mark, then under it (under first for
/// a negative rate), then on its right and its left. Over and under are
/// centred on the mark, but inside the plot's `columns`: a mark at the
/// axis's first months would put half its label over the value labels.
fn label_places(
    at: (i32, i32),
    (w, h): (i32, i32),
    gap: i32,
    (columns, under_first): (&std::ops::Range<i32>, bool),
) -> Vec<place::Rect> {
    let half = w / 2;
    let x0 = (at.0 - half).min(columns.end - w).max(columns.start);
    let over = place::Rect {
        x0,
        y0: at.1 - gap - h,
        x1: x0 + w,
        y1: at.1 - gap,
    };
    let under = place::Rect {
        x0,
        y0: at.1 + gap,
        x1: x0 + w,
        y1: at.1 + gap + h,
    };
    let y0 = at.1 - h / 2;
    let right = place::Rect {
        x0: at.0 + gap,
        y0,
        x1: at.0 + gap + w,
        y1: y0 + h,
    };
    let left = place::Rect {
        x0: at.0 - gap - w,
        y0,
        x1: at.0 - gap,
        y1: y0 + h,
    };
    if under_first {
        vec![under, over, right, left]
    } else {
        vec![over, under, right, left]
    }
}

/// Joins a line's whole years, under its markers: consecutive years with
/// a solid line, across a missing year with a dashed one, so a gap is not
/// read as a measured path. Each part of a year is joined, thinly dotted,
/// with the same months a year later; never with a whole year, whose
/// larger sum would read as a rise.
fn join_years<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    line: &Line,
    color: RGBColor,
    style: &Style,
) -> Result<(), ChartError> {
    let full: Vec<&Mark> = line.marks.iter().filter(|m| m.full_year).collect();
    for pair in full.windows(2) {
        let a = chart.backend_coord(&(pair[0].mid(), pair[0].value));
        let b = chart.backend_coord(&(pair[1].mid(), pair[1].value));
        if pair[1].start - pair[0].start < 1.5 {
            root.draw(&PathElement::new(
                vec![a, b],
                color.stroke_width(style.stroke(2.0)),
            ))
            .map_err(fail)?;
        } else {
            root.draw(&DashedPathElement::new(
                vec![a, b],
                style.px(3.0),
                style.px(5.0),
                color.mix(0.7).stroke_width(style.stroke(1.5)),
            ))
            .map_err(fail)?;
        }
    }
    // Parts of years are compared with the same months of the year before
    // (January to September with January to September): a thin dotted line
    // joins them, never a part to a whole year.
    let span = |m: &Mark| {
        (
            (m.start.fract() * 12.0).round() as i32,
            ((m.end - m.start) * 12.0).round() as i32,
        )
    };
    let parts: Vec<&Mark> = line.marks.iter().filter(|m| !m.full_year).collect();
    for (i, a) in parts.iter().enumerate() {
        let next = parts[i + 1..]
            .iter()
            .find(|b| span(b) == span(a) && (b.start - a.start - 1.0).abs() < 0.05);
        if let Some(b) = next {
            root.draw(&DashedPathElement::new(
                vec![
                    chart.backend_coord(&(a.mid(), a.value)),
                    chart.backend_coord(&(b.mid(), b.value)),
                ],
                style.px(1.5),
                style.px(3.0),
                color.mix(0.6).stroke_width(style.stroke(1.0)),
            ))
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// A trade goal: a dashed rule across its target period at its value, a
/// flag at its middle and its label beside it. Returns the flag's place.
fn pledge<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    m: &PledgeMark,
    color: RGBColor,
    style: &Style,
) -> Result<(i32, i32), ChartError> {
    let a = chart.backend_coord(&(m.start, m.value));
    let b = chart.backend_coord(&(m.end, m.value));
    root.draw(&DashedPathElement::new(
        vec![a, b],
        style.px(4.0),
        style.px(3.0),
        color.stroke_width(style.stroke(1.5)),
    ))
    .map_err(fail)?;
    let at = ((a.0 + b.0) / 2, a.1);
    let r = style.px(5.0);
    root.draw(&Polygon::new(
        diamond(at, r).to_vec(),
        style.palette.background.filled(),
    ))
    .map_err(fail)?;
    root.draw(&PathElement::new(
        closed(diamond(at, r)),
        color.stroke_width(style.stroke(1.5)),
    ))
    .map_err(fail)?;
    root.draw(&Text::new(
        m.label.clone(),
        (at.0, at.1 - r - style.px(4.0)),
        text(style.text_px(11.0), style.palette.muted).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))
    .map_err(fail)?;
    Ok(at)
}

/// Where a year of an official line landed, in pixels, and the year.
type Landed<'l> = ((i32, i32), &'l OfficialMark);

/// An official line: thin, paler than the reports, a small diamond at each
/// year and the years joined where they follow each other. Returns where
/// each year landed.
fn official_line<'l, DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    line: &'l OfficialLine,
    color: RGBColor,
    style: &Style,
) -> Result<Vec<Landed<'l>>, ChartError> {
    let quiet = color.mix(0.55);
    let at: Vec<(i32, i32)> = line
        .marks
        .iter()
        .map(|m| chart.backend_coord(&(m.mid(), m.value)))
        .collect();
    for (i, pair) in line.marks.windows(2).enumerate() {
        if pair[1].start - pair[0].start < 1.5 {
            root.draw(&PathElement::new(
                vec![at[i], at[i + 1]],
                quiet.stroke_width(style.stroke(1.25)),
            ))
            .map_err(fail)?;
        }
    }
    let r = style.px(3.0);
    for &(x, y) in &at {
        root.draw(&Polygon::new(diamond((x, y), r).to_vec(), quiet.filled()))
            .map_err(fail)?;
    }
    Ok(at.into_iter().zip(&line.marks).collect())
}

/// The corners of a diamond of half-width `r` around `at`, top first: the
/// mark of official figures and trade goals.
fn diamond((x, y): (i32, i32), r: i32) -> [(i32, i32); 4] {
    [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}

/// A closed outline through `corners`.
fn closed(corners: [(i32, i32); 4]) -> Vec<(i32, i32)> {
    let mut path = corners.to_vec();
    path.push(corners[0]);
    path
}

type Chart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// A point of the value chart: filled when reported, hollow when hedged,
/// square with a bar across its months when it covers part of a year.
fn value_mark<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    m: &Mark,
    color: RGBColor,
    style: &Style,
) -> Result<(i32, i32), ChartError> {
    let at = chart.backend_coord(&(m.mid(), m.value));
    whisker(chart, root, (m, m.mid()), color, style)?;
    let hollow = matches!(m.status, PointStatus::Approximate | PointStatus::Derived);
    if m.full_year {
        if hollow && !style.knocks_out() {
            root.draw(&Circle::new(
                at,
                style.px(4.0),
                color.stroke_width(style.stroke(2.0)),
            ))
            .map_err(fail)?;
        } else {
            root.draw(&Circle::new(at, style.px(5.0), color.filled()))
                .map_err(fail)?;
        }
        if hollow && style.knocks_out() {
            root.draw(&Circle::new(
                at,
                style.px(3.0),
                style.palette.background.filled(),
            ))
            .map_err(fail)?;
        }
    } else {
        let (a, _) = chart.backend_coord(&(m.start, m.value));
        let (b, _) = chart.backend_coord(&(m.end, m.value));
        root.draw(&PathElement::new(
            vec![(a, at.1), (b, at.1)],
            color.mix(0.6).stroke_width(style.stroke(2.0)),
        ))
        .map_err(fail)?;
        let r = style.px(5.0);
        root.draw(&Rectangle::new(
            [(at.0 - r, at.1 - r), (at.0 + r, at.1 + r)],
            color.filled(),
        ))
        .map_err(fail)?;
        if hollow && style.knocks_out() {
            let r = style.px(3.0);
            root.draw(&Rectangle::new(
                [(at.0 - r, at.1 - r), (at.0 + r, at.1 + r)],
                style.palette.background.filled(),
            ))
            .map_err(fail)?;
        }
    }
    Ok(at)
}

/// Where each growth bar stands, by line and mark: the year it falls in
/// (by its middle), and its place among that year's bars, of how many. The
/// bars of one year (every measure's, and a part year's beside the full
/// year's) share the year side by side, so none covers another.
fn bar_slots(lines: &[Line]) -> Vec<Vec<(i32, usize, usize)>> {
    let year = |m: &Mark| m.mid().floor() as i32;
    let mut per_year: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    let mut slots: Vec<Vec<(i32, usize, usize)>> = Vec::with_capacity(lines.len());
    for line in lines {
        let mut marks: Vec<(i32, usize, usize)> = Vec::with_capacity(line.marks.len());
        for m in &line.marks {
            let count = per_year.entry(year(m)).or_default();
            marks.push((year(m), *count, 0));
            *count += 1;
        }
        slots.push(marks);
    }
    for slot in slots.iter_mut().flatten() {
        slot.2 = per_year.get(&slot.0).copied().unwrap_or(1);
    }
    slots
}

/// The span on the time axis of the bar in `slot`: the middle 70 % of the
/// year, shared equally by its bars.
fn bar_span((year, k, of): (i32, usize, usize)) -> (f64, f64) {
    let width = 0.7 / of as f64;
    let start = f64::from(year) + 0.15;
    (start + width * k as f64, start + width * (k + 1) as f64)
}

/// A growth bar in its slot of its year ([`bar_slots`]). Hedged and
/// derived rates are drawn as outlines, with a marker at the value so a
/// rate near zero still shows.
fn bar<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    m: &Mark,
    slot: (i32, usize, usize),
    color: RGBColor,
    style: &Style,
) -> Result<(i32, i32), ChartError> {
    let (a, b) = bar_span(slot);
    let corner_a = chart.backend_coord(&(a, 0.0));
    let corner_b = chart.backend_coord(&(b, m.value));
    let rect = [
        corner_a,
        (corner_b.0.max(corner_a.0 + style.px(3.0)), corner_b.1),
    ];
    match m.status {
        PointStatus::Reported | PointStatus::Conflict => {
            root.draw(&Rectangle::new(rect, color.filled()))
                .map_err(fail)?;
        }
        PointStatus::Approximate => {
            root.draw(&Rectangle::new(rect, color.stroke_width(style.stroke(2.0))))
                .map_err(fail)?;
        }
        PointStatus::Derived => {
            root.draw(&Rectangle::new(rect, color.mix(0.22).filled()))
                .map_err(fail)?;
            root.draw(&Rectangle::new(
                rect,
                color.mix(0.7).stroke_width(style.stroke(1.0)),
            ))
            .map_err(fail)?;
        }
    }
    let at = ((rect[0].0 + rect[1].0) / 2, corner_b.1);
    whisker(chart, root, (m, (a + b) / 2.0), color, style)?;
    if m.status != PointStatus::Reported && m.status != PointStatus::Conflict {
        if style.knocks_out() {
            root.draw(&Circle::new(at, style.px(4.5), color.filled()))
                .map_err(fail)?;
            root.draw(&Circle::new(
                at,
                style.px(2.5),
                style.palette.background.filled(),
            ))
            .map_err(fail)?;
        } else {
            root.draw(&Circle::new(
                at,
                style.px(3.5),
                color.stroke_width(style.stroke(2.0)),
            ))
            .map_err(fail)?;
        }
    }
    Ok(at)
}

/// The interval a hedged figure allows, at `at` on the time axis, when it is
/// wide enough to see.
fn whisker<DB: DrawingBackend<ErrorType: 'static>>(
    chart: &Chart<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    (m, at): (&Mark, f64),
    color: RGBColor,
    style: &Style,
) -> Result<(), ChartError> {
    let (_, lo) = chart.backend_coord(&(at, m.range[0]));
    let (x, hi) = chart.backend_coord(&(at, m.range[1]));
    if (lo - hi).abs() < style.px(6.0) || m.status == PointStatus::Reported {
        return Ok(());
    }
    let line = color
        .mix(0.8)
        .stroke_width((style.scale.round() as u32).max(1));
    let cap = style.px(4.0);
    for path in [
        vec![(x, lo), (x, hi)],
        vec![(x - cap, lo), (x + cap, lo)],
        vec![(x - cap, hi), (x + cap, hi)],
    ] {
        root.draw(&PathElement::new(path, line)).map_err(fail)?;
    }
    Ok(())
}

/// A marker in the key above the plot.
enum Key {
    Dot(RGBColor),
    Official(RGBColor),
    Pledge(RGBColor),
    Block(RGBColor),
    Approximate,
    PartYear,
    Derived,
    Conflict,
    Event,
    Month,
}

/// The key above the plot: one entry per line, and what the marker shapes
/// mean, in rows as wide as the drawing. Returns how many rows it took.
fn legend<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    style: &Style,
    (left, y): (i32, i32),
) -> Result<usize, ChartError> {
    let pal = &style.palette;
    let mut keys: Vec<(Key, &str)> = Vec::new();
    for line in &figure.lines {
        let color = pal.role(line.role);
        let key = match figure.kind {
            ChartKind::Growth => Key::Block(color),
            _ => Key::Dot(color),
        };
        keys.push((key, &line.label));
    }
    for line in &figure.official {
        keys.push((Key::Official(pal.role(line.role)), &line.label));
    }
    if !figure.pledges.is_empty() {
        keys.push((Key::Pledge(pal.role(Role::Trade)), "trade goal"));
    }
    let marks: Vec<&Mark> = figure.lines.iter().flat_map(|l| &l.marks).collect();
    if marks.iter().any(|m| m.status == PointStatus::Approximate) {
        keys.push((Key::Approximate, "approximate"));
    }
    if figure.kind == ChartKind::TradeValue && marks.iter().any(|m| !m.full_year) {
        // The square stands for any period that is not a calendar year; it
        // is named by the widest kind drawn, as the tables name each.
        let label = if marks.iter().any(|m| m.across_years()) {
            "not a calendar year"
        } else {
            "part year"
        };
        keys.push((Key::PartYear, label));
    }
    if marks.iter().any(|m| m.status == PointStatus::Derived) {
        keys.push((Key::Derived, "derived"));
    }
    if marks.iter().any(|m| m.status == PointStatus::Conflict) {
        keys.push((Key::Conflict, "sources disagree"));
    }
    if !figure.events.is_empty() && figure.kind != ChartKind::Timeline {
        keys.push((Key::Event, "visit or meeting"));
    }
    if figure.kind == ChartKind::Timeline && figure.events.iter().any(|e| e.span != Span::Days) {
        keys.push((Key::Month, "month known, not the day"));
    }

    let font = text(style.text_px(12.0), pal.muted).pos(Pos::new(HPos::Left, VPos::Center));
    let right = root.dim_in_pixel().0 as i32 - style.px(RIGHT);
    let row = style.text_px(LEGEND).round() as i32;
    let (mut x, mut mid, mut rows) = (left, y + row / 2, 1);
    for (key, label) in keys {
        let (w, _) = root.estimate_text_size(label, &font).map_err(fail)?;
        let width = style.px(16.0) + w as i32;
        if x > left && x + width > right {
            x = left;
            mid += row;
            rows += 1;
        }
        draw_key(root, style, &key, x, mid)?;
        root.draw(&Text::new(
            label.to_owned(),
            (x + style.px(16.0), mid),
            font.clone(),
        ))
        .map_err(fail)?;
        x += width + style.px(18.0);
    }
    Ok(rows)
}

fn draw_key<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    key: &Key,
    x: i32,
    mid: i32,
) -> Result<(), ChartError> {
    let pal = &style.palette;
    let px = |v: f64| style.px(v);
    let thin = (style.scale.round() as u32).max(1);
    let square = |half: f64, width: f64| [(x, mid - px(half)), (x + px(width), mid + px(half))];
    match *key {
        Key::Dot(color) => root.draw(&Circle::new((x + px(5.0), mid), px(4.0), color.filled())),
        Key::Pledge(color) => {
            let (c, r) = (x + px(5.0), px(4.0));
            root.draw(&PathElement::new(
                closed(diamond((c, mid), r)),
                color.stroke_width(thin),
            ))
        }
        Key::Official(color) => {
            root.draw(&PathElement::new(
                vec![(x, mid), (x + px(10.0), mid)],
                color.mix(0.55).stroke_width(thin),
            ))
            .map_err(fail)?;
            let r = px(3.0);
            let c = x + px(5.0);
            root.draw(&Polygon::new(
                diamond((c, mid), r).to_vec(),
                color.mix(0.55).filled(),
            ))
        }
        Key::Block(color) => root.draw(&Rectangle::new(square(5.0, 10.0), color.filled())),
        Key::Approximate => root.draw(&Circle::new(
            (x + px(5.0), mid),
            px(4.0),
            pal.muted.stroke_width(thin),
        )),
        Key::PartYear => root.draw(&Rectangle::new(
            [(x + px(1.0), mid - px(4.0)), (x + px(9.0), mid + px(4.0))],
            pal.muted.filled(),
        )),
        Key::Derived => root.draw(&Rectangle::new(
            square(5.0, 10.0),
            pal.muted.mix(0.3).filled(),
        )),
        Key::Conflict => root.draw(&Circle::new(
            (x + px(5.0), mid),
            px(5.0),
            pal.conflict.stroke_width(thin),
        )),
        Key::Event => root.draw(&PathElement::new(
            vec![(x + px(5.0), mid - px(7.0)), (x + px(5.0), mid + px(7.0))],
            pal.event.stroke_width(thin),
        )),
        Key::Month => {
            root.draw(&Rectangle::new(square(5.0, 12.0), pal.event_band.filled()))
                .map_err(fail)?;
            root.draw(&Rectangle::new(
                square(5.0, 12.0),
                pal.event.stroke_width(thin),
            ))
        }
    }
    .map_err(fail)
}

/// Puts each event in the first of `room` lanes where its marker and label
/// run into nothing already there, and says which side of the marker its
/// label goes: right (`HPos::Left` anchor), or left (`HPos::Right`) where it
/// would run off the plot. An event that fits in no lane goes, unlabelled
/// (`None`), in the lane where its marker covers least of the other labels.
fn lanes<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    style: &Style,
    plot_width: f64,
    room: usize,
) -> Result<Vec<(usize, Option<HPos>)>, ChartError> {
    let (x0, x1) = figure.x_range();
    let per_pixel = (x1 - x0) / plot_width.max(1.0);
    let font = text(style.text_px(12.0), BLACK);
    let gap = style.text_px(16.0) * per_pixel;
    let mut taken: Vec<Vec<(f64, f64)>> = vec![Vec::new(); room.max(1)];
    let mut out = Vec::with_capacity(figure.events.len());
    for event in &figure.events {
        let (w, _) = root.estimate_text_size(&event.label, &font).map_err(fail)?;
        let label = f64::from(w) * per_pixel;
        let marker = (
            event.start,
            event.end.max(event.start + 4.0 * style.scale * per_pixel),
        );
        let offset = 8.0 * style.scale * per_pixel;
        let (labelled, anchor) = if marker.1 + offset + label > x1 {
            ((marker.0 - offset - label, marker.1), HPos::Right)
        } else {
            ((marker.0, marker.1 + offset + label), HPos::Left)
        };
        let fits = |lane: &Vec<(f64, f64)>, (a, b): (f64, f64)| {
            lane.iter().all(|&(c, d)| a >= d + gap || b + gap <= c)
        };
        let placed = match taken.iter().position(|lane| fits(lane, labelled)) {
            Some(lane) => (lane, labelled, Some(anchor)),
            None => {
                // Over as little of the other labels as can be.
                let overlap = |lane: &Vec<(f64, f64)>| -> f64 {
                    lane.iter()
                        .map(|&(c, d)| (marker.1.min(d) - marker.0.max(c)).max(0.0))
                        .sum()
                };
                let lane = (0..taken.len())
                    .min_by(|&a, &b| overlap(&taken[a]).total_cmp(&overlap(&taken[b])))
                    .unwrap_or(0);
                (lane, marker, None)
            }
        };
        taken[placed.0].push(placed.1);
        out.push((placed.0, placed.2));
    }
    Ok(out)
}

/// Whether a footer line fits on one line of an export `width` pixels wide
/// (at scale 1), measured with the font it is drawn in. The export's frame
/// uses it to give each source a line of its own.
pub fn footer_fits(width: u32) -> impl Fn(&str) -> bool {
    let room = f64::from(width) - 2.0 * FRAME_LEFT;
    move |line: &str| super::font::text_width(line, FOOTER_TEXT) <= room
}

/// `line` in lines at most `room` pixels wide, broken between words (a word
/// wider than that on a line of its own).
fn wrap<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    line: &str,
    font: &TextStyle<'_>,
    room: i64,
) -> Result<Vec<String>, ChartError> {
    let mut out = Vec::new();
    let mut current = String::new();
    for word in line.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        let (w, _) = root.estimate_text_size(&candidate, font).map_err(fail)?;
        if i64::from(w) > room && !current.is_empty() {
            out.push(std::mem::replace(&mut current, word.to_owned()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Every how many years a year's number is written: the smallest of 1, 2,
/// 5, 10, 20 and 50 that leaves each number `label` pixels when a year is
/// `year` pixels wide.
fn year_step(label: f64, year: f64) -> i32 {
    [1, 2, 5, 10, 20]
        .into_iter()
        .find(|&n| f64::from(n) * year >= label)
        .unwrap_or(50)
}

fn kind_is_timeline(figure: &Figure) -> bool {
    figure.kind == ChartKind::Timeline
}

/// Room left of the plot for the value labels, in output pixels: enough for
/// the widest label of any chart of the view ([`Figure::axis_labels`]), so
/// the plots of one view start at the same x. Sized to the labels rather
/// than to the widest label there could be: "CNY 1.3 tn" needs 76 pixels,
/// "$200 bn" 58, and on a phone's drawing those pixels are a tenth of the
/// plot.
fn label_room<DB: DrawingBackend<ErrorType: 'static>>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    style: &Style,
) -> Result<i32, ChartError> {
    let font = text(style.text_px(12.0), BLACK);
    let mut widest = 0;
    for label in &figure.axis_labels {
        let (w, _) = root.estimate_text_size(label, &font).map_err(fail)?;
        widest = widest.max(i32::try_from(w).unwrap_or(i32::MAX));
    }
    // In an export the widest label lines up with the title and the footer.
    let edge = match style.frame {
        Some(_) => style.px(FRAME_LEFT),
        None => style.text_px(LEFT).round() as i32,
    };
    Ok(widest + style.px(2.0 * TICK) + edge)
}

fn text(size: f64, color: RGBColor) -> TextStyle<'static> {
    // `TextStyle::color` borrows for the style's lifetime; the colour is
    // copied into the style, so set the field directly.
    TextStyle {
        color: color.to_backend_color(),
        ..TextStyle::from((font::FAMILY, size).into_font())
    }
}

fn fail<E: std::error::Error + Send + Sync + 'static>(e: E) -> ChartError {
    super::drawing_failed(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::figure::Role;
    use crate::model::{Metric, Pair};

    #[test]
    fn years_are_thinned_until_their_numbers_fit() {
        assert_eq!(year_step(34.0, 40.0), 1);
        assert_eq!(year_step(34.0, 30.0), 2);
        assert_eq!(year_step(34.0, 10.0), 5);
        assert_eq!(year_step(34.0, 0.5), 50);
    }

    #[test]
    fn footers_wrap_between_words_and_lose_none() {
        font::register();
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (480, 400)).into_drawing_area();
        let font = text(11.5, BLACK);
        let line = "Sources: Ministers pledge deeper grain and energy ties at annual forum (11 Sep 2020); \
                    Border trade swells as a new rail crossing opens (Mar 2023); and 1 more";
        let lines = wrap(&root, line, &font, 200).expect("measures");
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            let (w, _) = root.estimate_text_size(l, &font).expect("measures");
            assert!(w <= 200, "{l}");
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(lines.join(" ").split(' ').collect::<Vec<_>>(), words);
        assert_eq!(
            wrap(&root, "short", &font, 200).expect("measures"),
            ["short"]
        );
    }

    fn mark(year: i32, value: f64) -> Mark {
        Mark {
            start: f64::from(year),
            end: f64::from(year + 1),
            value,
            range: [value, value],
            full_year: true,
            status: PointStatus::Reported,
            label: format!("${value} bn"),
            tip: String::new(),
            key: None,
        }
    }

    #[test]
    fn the_growth_bars_of_one_year_share_it_side_by_side() {
        let mut part = mark(2023, 4.0);
        part.end = 2023.0 + 8.0 / 12.0; // Jan–Aug
        part.full_year = false;
        let line = |metric, marks| Line {
            metric,
            label: String::new(),
            role: Role::Trade,
            marks,
        };
        let lines = [
            line(
                Metric::TradeGrowthYoy,
                vec![mark(2022, 3.0), part, mark(2023, 5.0)],
            ),
            line(Metric::ExportGrowthYoy, vec![mark(2023, 7.0)]),
        ];
        let slots = bar_slots(&lines);
        assert_eq!(
            slots,
            [
                vec![(2022, 0, 1), (2023, 0, 3), (2023, 1, 3)],
                vec![(2023, 2, 3)]
            ]
        );
        // Slots of one year are disjoint spans of it.
        let spans: Vec<(f64, f64)> = slots.iter().flatten().map(|&s| bar_span(s)).collect();

        for (i, a) in spans.iter().enumerate() {
            for b in &spans[i + 1..] {
                assert!(a.1 <= b.0 || b.1 <= a.0, "{a:?} overlaps {b:?}");
            }
        }
    }

    /// The year numbers' x positions and font sizes in an SVG drawing.
    fn years(svg: &str) -> Vec<(f64, f64)> {
        svg.split("<text ")
            .skip(1)
            .filter_map(|t| {
                let (attrs, rest) = t.split_once('>')?;
                let content = rest.split('<').next()?.trim();
                if content.len() != 4 || !content.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let attrs = format!(" {attrs}");
                let attr = |name: &str| -> Option<f64> {
                    let (_, v) = attrs.split_once(&format!(" {name}=\""))?;
                    v.split('"').next()?.parse().ok()
                };
                Some((attr("x")?, attr("font-size")?))
            })
            .collect()
    }

    /// A value chart of CN–RU over `years` with one line of `marks`, whose
    /// view's axis labels are `labels`.
    fn value_figure(years: (i32, i32), marks: Vec<Mark>, labels: &[&str]) -> Figure {
        Figure {
            kind: ChartKind::TradeValue,
            pair: Pair("CN".into(), "RU".into()),
            years,
            currency: Some("USD".into()),
            lines: vec![Line {
                metric: Metric::TradeValue,
                label: "Trade value".into(),
                role: Role::Trade,
                marks,
            }],
            official: Vec::new(),
            pledges: Vec::new(),
            events: Vec::new(),
            notes: Vec::new(),
            axis_labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        }
    }

    #[test]
    fn rate_axis_labels_are_distinct_when_the_rates_are_small() {
        let mut growth = value_figure((2024, 2024), vec![mark(2024, 1.9)], &[]);
        growth.kind = ChartKind::Growth;
        growth.currency = None;
        let labels: Vec<String> = growth
            .value_ticks()
            .iter()
            .map(|v| growth.value_label(*v))
            .collect();
        let mut distinct = labels.clone();
        distinct.dedup();
        assert_eq!(distinct, labels, "{labels:?}");
        assert!(labels.iter().any(|l| l.contains('.')), "{labels:?}");
        // Whole percentages keep no decimals.
        let mut wide = value_figure((2020, 2024), vec![mark(2020, -12.0), mark(2024, 31.0)], &[]);
        wide.kind = ChartKind::Growth;
        wide.currency = None;
        assert!(wide
            .value_ticks()
            .iter()
            .all(|v| !wide.value_label(*v).contains('.')));
    }

    #[test]
    fn value_labels_get_the_room_they_need_and_no_more() {
        let figure = |labels: &[&str]| {
            value_figure(
                (2020, 2024),
                vec![mark(2020, 107.8), mark(2024, 244.8)],
                labels,
            )
        };
        let first_mark = |f: &Figure, page: &crate::chart::PageSize| {
            let (_, hits) =
                super::super::svg(f, &Style::page(page.text), page.size).expect("draws");
            hits[0].x * page.size.0 as f32
        };
        for page in ChartKind::TradeValue.page_sizes() {
            let own = figure(&[]);
            let own = Figure {
                axis_labels: own
                    .value_ticks()
                    .iter()
                    .map(|v| own.value_label(*v))
                    .collect(),
                ..own
            };
            // Another chart of the view with wider labels moves the plot right.
            let wider = figure(&["CNY 1.3 tn", "-10 %"]);
            let (a, b) = (first_mark(&own, &page), first_mark(&wider, &page));
            assert!(b > a + 10.0, "{}: {a} {b}", page.class);
            // Every label of the axis is inside the drawing.
            font::register();
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, page.size).into_drawing_area();
            let style = Style::page(page.text);
            let room = label_room(&root, &own, &style).expect("measures");
            let font = text(style.text_px(12.0), BLACK);
            for label in &own.axis_labels {
                let (w, _) = root.estimate_text_size(label, &font).expect("measures");
                assert!(
                    room - style.px(2.0 * TICK) - w as i32 >= style.text_px(LEFT).round() as i32,
                    "{}: {label} in {room}",
                    page.class
                );
            }
            // "$250 bn" needs less than the 76 pixels "CNY 1.3 tn" does.
            assert!(f64::from(room) < 66.0 * page.text, "{}: {room}", page.class);
        }
    }

    #[test]
    fn the_square_key_names_the_periods_it_stands_for() {
        let legend = |marks: Vec<Mark>| {
            let figure = value_figure((2020, 2024), marks, &["$250 bn"]);
            let (svg, _) =
                super::super::svg(&figure, &Style::page(1.0), (920, 340)).expect("draws");
            let texts: Vec<String> = svg
                .split("<text ")
                .skip(1)
                .filter_map(|t| Some(t.split_once('>')?.1.split('<').next()?.trim().to_owned()))
                .collect();
            (
                texts.iter().any(|t| t == "part year"),
                texts.iter().any(|t| t == "not a calendar year"),
            )
        };
        let months = Mark {
            end: 2021.67,
            full_year: false,
            ..mark(2021, 80.0)
        };
        // Apr 2023–Mar 2024, a fiscal year: as long as a year, but not one.
        let fiscal = Mark {
            start: 2023.25,
            end: 2024.25,
            full_year: false,
            ..mark(2023, 120.0)
        };
        assert!(!months.across_years());
        assert!(fiscal.across_years());
        assert_eq!(
            legend(vec![mark(2020, 100.0), months.clone()]),
            (true, false)
        );
        assert_eq!(legend(vec![months, fiscal]), (false, true));
        // December alone ends on the next year's first day, within its year.
        let december = Mark {
            start: 2022.92,
            end: 2023.0,
            full_year: false,
            ..mark(2022, 10.0)
        };
        assert!(!december.across_years());
    }

    #[test]
    fn value_labels_stay_inside_the_plot() {
        // Jan–Aug 2020 at the axis's left end: its label is moved right, off
        // the value labels, and the last year's moved left, off the edge.
        let first = Mark {
            end: 2020.67,
            full_year: false,
            label: "roughly 0 %".into(),
            ..mark(2020, 0.0)
        };
        let last = Mark {
            label: "+29.3 % (a long label)".into(),
            ..mark(2024, 29.3)
        };
        let mut figure = value_figure((2020, 2024), vec![first, last], &["30 %"]);
        figure.kind = ChartKind::Growth;
        figure.currency = None;
        figure.lines[0].metric = Metric::TradeGrowthYoy;
        font::register();
        for page in ChartKind::Growth.page_sizes() {
            let style = Style::page(page.text);
            let (svg, _) = super::super::svg(&figure, &style, page.size).expect("draws");
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, page.size).into_drawing_area();
            let room = label_room(&root, &figure, &style).expect("measures");
            let right = page.size.0 as i32 - style.px(RIGHT);
            let font = text(style.text_px(12.0), BLACK);
            for label in ["roughly 0 %", "+29.3 % (a long label)"] {
                let x = svg
                    .split("<text ")
                    .filter_map(|t| t.split_once('>'))
                    .find(|(_, rest)| rest.split('<').next().map(str::trim) == Some(label))
                    .and_then(|(attrs, _)| attrs.split_once("x=\""))
                    .and_then(|(_, v)| v.split('"').next())
                    .and_then(|v| v.parse::<i32>().ok())
                    .expect("drawn");
                let (w, _) = root.estimate_text_size(label, &font).expect("measures");
                let half = (w / 2) as i32;
                assert!(
                    x - half >= room,
                    "{}: {label} at {x}, plot from {room}",
                    page.class
                );
                assert!(
                    x + half <= right,
                    "{}: {label} at {x}, plot to {right}",
                    page.class
                );
            }
        }
    }

    #[test]
    fn year_numbers_never_run_into_each_other() {
        let figure = value_figure(
            (2000, 2024),
            vec![mark(2000, 8.0), mark(2024, 244.8)],
            &["$250 bn"],
        );
        for page in ChartKind::TradeValue.page_sizes() {
            let style = Style::page(page.text);
            let (svg, _) = super::super::svg(&figure, &style, page.size).expect("draws");
            let years = years(&svg);
            assert!(years.len() >= 3, "{}: {years:?}", page.class);
            for w in years.windows(2) {
                // Four digits of DejaVu Sans are 2.55 em wide.
                let room = w[1].0 - w[0].0;
                assert!(room > 2.6 * w[0].1, "{}: {years:?}", page.class);
            }
        }
        // Where the years fit, each is written.
        let few = Figure {
            years: (2019, 2024),
            ..figure
        };
        let style = Style::page(1.0);
        let (svg, _) = super::super::svg(&few, &style, (920, 340)).expect("draws");
        assert_eq!(years(&svg).len(), 6);
    }
}
