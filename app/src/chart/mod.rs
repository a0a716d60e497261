//! Charts: a pair's figures and events drawn by plotters. [`figure`] works
//! out what to show, [`draw`] draws it on any plotters backend, and this
//! module renders that into SVG (the page and SVG export) or PNG (export).
//!
//! Server only: plotters and the font stay out of the wasm bundle, and the
//! page's charts are in its HTML before any script runs.

#[cfg(test)]
mod boxes;
#[cfg(all(test, feature = "ssr"))]
mod dense;
pub mod draw;
pub mod figure;
mod font;
mod place;
mod raster;
pub mod theme;

use plotters::prelude::*;

pub use draw::{Frame, Style};
pub use figure::Figure;
/// The CJK font charts draw Han characters with, for the server to serve to
/// browsers as the page's web font.
pub use font::CJK as CJK_FONT;
pub use theme::Theme;

/// The three charts of a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    TradeValue,
    Growth,
    Timeline,
}

impl ChartKind {
    pub const ALL: [ChartKind; 3] = [
        ChartKind::TradeValue,
        ChartKind::Growth,
        ChartKind::Timeline,
    ];

    /// The name in URLs and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::TradeValue => "trade-value",
            ChartKind::Growth => "growth",
            ChartKind::Timeline => "timeline",
        }
    }

    pub fn parse(s: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn title(self) -> &'static str {
        match self {
            ChartKind::TradeValue => "Trade value",
            ChartKind::Growth => "Year-on-year growth",
            ChartKind::Timeline => "Visits and meetings",
        }
    }

    /// The page's drawings of this chart, widest first; the stylesheet
    /// shows one by the screen's width (`.plot.wide`, `.medium`, `.narrow`).
    /// Three drawings rather than one scaled, so that labels come out at
    /// 10–17 CSS pixels wherever a drawing is shown: the wide drawing alone
    /// gives 7 px labels on a 768 px tablet. Each is shown at 0.6 to 1.6
    /// times its drawn width, and its text is drawn larger to match.
    pub fn page_sizes(self) -> [PageSize; 3] {
        let (wide, medium, narrow) = match self {
            ChartKind::TradeValue => (340, 300, 320),
            ChartKind::Growth => (280, 260, 280),
            ChartKind::Timeline => (210, 270, 320),
        };
        [
            // Screens from 1040 px: shown 920–1480 px wide.
            PageSize {
                class: "wide",
                size: (920, wide),
                text: 1.0,
            },
            // 581–1039 px: shown 510–915 px wide (674 on a 768 px tablet).
            PageSize {
                class: "medium",
                size: (640, medium),
                text: 1.25,
            },
            // Up to 580 px: shown 265–510 px wide (319 on a 375 px phone).
            PageSize {
                class: "narrow",
                size: (400, narrow),
                text: 1.4,
            },
        ]
    }
}

/// One of the page's drawings of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSize {
    /// The drawing's class on the page, which the stylesheet shows or hides.
    pub class: &'static str,
    /// In CSS pixels.
    pub size: (u32, u32),
    /// [`Style::text`] for this drawing.
    pub text: f64,
}

/// Where a mark landed on the canvas, for the page's hover and click layer.
/// Coordinates are fractions of the canvas, so the layer scales with the SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub x: f32,
    pub y: f32,
    /// For an event's marker on the value and growth charts: the height of
    /// the plot it crosses, from `y`.
    pub height: Option<f32>,
    /// The report behind it, for the source panel.
    pub key: Option<String>,
    /// The event it stands for, shared by its markers on every chart and its
    /// entry in the list, which highlight together.
    pub event: Option<String>,
    pub tip: String,
}

impl Hit {
    fn mark(m: &figure::Mark, x: f32, y: f32) -> Hit {
        Hit {
            x,
            y,
            height: None,
            key: m.key.clone(),
            event: None,
            tip: m.tip.clone(),
        }
    }

    /// A trade goal: its tip, and its first report for the source panel.
    fn pledge(m: &figure::PledgeMark, x: f32, y: f32) -> Hit {
        Hit {
            x,
            y,
            height: None,
            key: m.key.clone(),
            event: None,
            tip: m.tip.clone(),
        }
    }

    /// A year of an official line: its tip, no report behind it.
    fn official(m: &figure::OfficialMark, x: f32, y: f32) -> Hit {
        Hit {
            x,
            y,
            height: None,
            key: None,
            event: None,
            tip: m.tip.clone(),
        }
    }

    fn event(e: &figure::EventMark, x: f32, y: f32, height: Option<f32>) -> Hit {
        Hit {
            x,
            y,
            height,
            key: Some(e.key.clone()),
            event: Some(e.key.clone()),
            tip: e.tip.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// A plotters backend failed (its error, whatever the backend).
    #[error("drawing the chart failed: {0}")]
    Draw(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("the image buffer is not {0} x {1} pixels")]
    BufferSize(u32, u32),
    #[error("encoding the PNG failed: {0}")]
    Png(#[from] png::EncodingError),
}

/// A plotters error as a [`ChartError`], its source kept.
pub(crate) fn drawing_failed<E: std::error::Error + Send + Sync + 'static>(e: E) -> ChartError {
    ChartError::Draw(Box::new(e))
}

/// `figure` as an SVG document `size` CSS pixels large, and its marks' places.
pub fn svg(
    figure: &Figure,
    style: &Style,
    size: (u32, u32),
) -> Result<(String, Vec<Hit>), ChartError> {
    let mut out = String::new();
    let pixels = scaled(size, style.scale);
    let hits = {
        let root = SVGBackend::with_string(&mut out, pixels).into_drawing_area();
        let hits = draw::draw(&root, figure, style)?;
        root.present().map_err(drawing_failed)?;
        hits
    };
    Ok((out, hits))
}

/// `figure` as a PNG of `size` times `style.scale` pixels. `text` goes into
/// the file's metadata (title and sources), so a copied image keeps them.
pub fn png(
    figure: &Figure,
    style: &Style,
    size: (u32, u32),
    text: &[(&str, String)],
) -> Result<Vec<u8>, ChartError> {
    let (w, h) = scaled(size, style.scale);
    if style.background {
        // Opaque: the backend's RGB buffer as it is, a quarter less to
        // filter and compress than RGBA.
        let rgb = raster(figure, style, (w, h), None)?;
        return encode_png(&rgb, png::ColorType::Rgb, (w, h), text);
    }
    let rgba = {
        // plotters draws opaque pixels only. Drawing on black and on white
        // and comparing recovers each pixel's coverage exactly, anti-aliased
        // text included: alpha = 1 - (white - black).
        let black = raster(figure, style, (w, h), Some(RGBColor(0, 0, 0)))?;
        let white = raster(figure, style, (w, h), Some(RGBColor(0xFF, 0xFF, 0xFF)))?;
        let mut out = Vec::with_capacity(black.len() / 3 * 4);
        for (b, wh) in black.chunks_exact(3).zip(white.chunks_exact(3)) {
            let alpha = 255 - (i32::from(wh[1]) - i32::from(b[1])).clamp(0, 255);
            let un = |c: u8| {
                if alpha == 0 {
                    0
                } else {
                    ((i32::from(c) * 255 + alpha / 2) / alpha).clamp(0, 255) as u8
                }
            };
            out.extend_from_slice(&[un(b[0]), un(b[1]), un(b[2]), alpha as u8]);
        }
        out
    };
    encode_png(&rgba, png::ColorType::Rgba, (w, h), text)
}

fn raster(
    figure: &Figure,
    style: &Style,
    (w, h): (u32, u32),
    under: Option<RGBColor>,
) -> Result<Vec<u8>, ChartError> {
    let mut buffer = vec![0u8; w as usize * h as usize * 3];
    {
        let backend =
            raster::Raster::new(&mut buffer, (w, h)).ok_or(ChartError::BufferSize(w, h))?;
        let root = backend.into_drawing_area();
        if let Some(color) = under {
            root.fill(&color).map_err(drawing_failed)?;
        }
        draw::draw(&root, figure, style)?;
        root.present().map_err(drawing_failed)?;
    }
    Ok(buffer)
}

fn encode_png(
    pixels: &[u8],
    color: png::ColorType,
    (w, h): (u32, u32),
    text: &[(&str, String)],
) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        // Charts are flat colour: fast compression is within a few percent of
        // the best here and several times quicker.
        encoder.set_compression(png::Compression::Fast);
        for (keyword, value) in text {
            encoder
                .add_itxt_chunk((*keyword).to_owned(), value.clone())
                .map_err(ChartError::Png)?;
        }
        let mut writer = encoder.write_header().map_err(ChartError::Png)?;
        writer.write_image_data(pixels).map_err(ChartError::Png)?;
        writer.finish().map_err(ChartError::Png)?;
    }
    Ok(out)
}

fn scaled((w, h): (u32, u32), scale: f64) -> (u32, u32) {
    (
        (f64::from(w) * scale).round() as u32,
        (f64::from(h) * scale).round() as u32,
    )
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    #[test]
    fn a_backend_failure_is_kept_as_the_cause() {
        let e = drawing_failed(std::io::Error::other("disk full"));
        assert_eq!(
            e.source().map(|s| s.to_string()).as_deref(),
            Some("disk full")
        );
        assert_eq!(e.to_string(), "drawing the chart failed: disk full");
    }
}
