//! Chart exports through the real router, on the reference articles: the PNG
//! decodes at the size asked for, is not blank, has text in its footer, and
//! comes out byte for byte the same twice; the SVG is XML naming its sources;
//! bad parameters get a 400 that says what is wrong.

#[path = "support/client.rs"]
mod client;
#[path = "support/seeds.rs"]
mod seeds;

use axum::{
    http::{header, StatusCode},
    Router,
};
use client::{assert_contains, assert_lacks, svg_text};
use seeds::seeds_library;
use server::routes::{router, Settings};
use tempfile::TempDir;

async fn seeds_app() -> (TempDir, Router) {
    let (data, library) = seeds_library().await;
    (data, router(library, &Settings::default()))
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let (status, headers, body) = client::get(app.clone(), uri, &[]).await;
    let kind = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, body)
}

/// Width, height and RGBA pixels of a PNG (RGB images get an opaque alpha).
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    pixels.truncate(info.buffer_size());
    let pixels = match info.color_type {
        png::ColorType::Rgba => pixels,
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 0xFF])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    (info.width, info.height, pixels)
}

/// Variance of the pixels' luminance in rows `rows` (0.0 for a flat image).
fn variance(pixels: &[u8], width: u32, rows: std::ops::Range<u32>) -> f64 {
    let lum: Vec<f64> = rows
        .flat_map(|y| (0..width).map(move |x| ((y * width + x) * 4) as usize))
        .map(|i| {
            0.3 * f64::from(pixels[i])
                + 0.59 * f64::from(pixels[i + 1])
                + 0.11 * f64::from(pixels[i + 2])
        })
        .collect();
    let mean = lum.iter().sum::<f64>() / lum.len() as f64;
    lum.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / lum.len() as f64
}

#[tokio::test]
async fn png_exports_have_the_asked_size_content_and_footer_text_at_every_scale_and_theme() {
    let (_data, app) = seeds_app().await;
    for chart in ["trade-value", "growth", "timeline"] {
        for scale in [1u32, 2, 3] {
            for theme in ["light", "dark", "transparent"] {
                let uri = format!("/export/{chart}.png?pair=CN-RU&width=800&height=450&scale={scale}&theme={theme}");
                let (status, kind, body) = get(&app, &uri).await;
                assert_eq!(
                    status,
                    StatusCode::OK,
                    "{uri}: {}",
                    String::from_utf8_lossy(&body)
                );
                assert_eq!(kind, "image/png");
                let (w, h, pixels) = decode(&body);
                assert_eq!((w, h), (800 * scale, 450 * scale), "{uri}");
                assert!(variance(&pixels, w, 0..h) > 100.0, "{uri} is nearly blank");
                // The footer (bottom 12 %) holds the source lines: text pixels.
                let footer = (h * 88 / 100)..h;
                if theme == "transparent" {
                    let opaque = footer
                        .clone()
                        .flat_map(|y| (0..w).map(move |x| ((y * w + x) * 4 + 3) as usize))
                        .filter(|&i| pixels[i] > 128)
                        .count();
                    assert!(
                        opaque > 200,
                        "{uri}: no text in the footer ({opaque} opaque pixels)"
                    );
                    // And the background is see-through.
                    assert_eq!(pixels[3], 0, "{uri}: the corner is not transparent");
                } else {
                    assert!(
                        variance(&pixels, w, footer) > 20.0,
                        "{uri}: no text in the footer"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn the_same_request_gives_the_same_bytes() {
    let (_data, app) = seeds_app().await;
    for uri in [
        "/export/trade-value.png?scale=2",
        "/export/growth.svg?theme=dark",
        "/export/timeline.csv",
    ] {
        let (_, _, a) = get(&app, uri).await;
        let (_, _, b) = get(&app, uri).await;
        assert!(!a.is_empty());
        assert!(a == b, "{uri} differs between two requests");
    }
}

#[tokio::test]
async fn svg_exports_are_xml_with_title_and_sources() {
    let (_data, app) = seeds_app().await;
    let (status, kind, body) = get(
        &app,
        "/export/trade-value.svg?pair=CN-RU&width=1200&height=675",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "image/svg+xml");
    let svg = String::from_utf8(body).expect("UTF-8");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(doc.root_element().attribute("width"), Some("1200"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let all = texts.join("\n");
    assert_contains(
        &all,
        &[
            "China–Russia · Trade value",
            "China and Russia · USD, as reported",
            "$244.8 bn",
            "Sources:",
            "Chinese FM says deepening practical cooperation",
            "Exported",
        ],
    );

    // What the chart leaves out is said in the footer, pointing to the CSV,
    // and a narrow export wraps the footer rather than cutting it.
    let (status, _, body) = get(&app, "/export/timeline.svg?pair=CN-RU&width=360&height=480").await;
    assert_eq!(status, StatusCode::OK);
    let lines = svg_text(&body);
    // The footer's wrapped lines, read as one text.
    let all = lines.replace('\n', " ");
    assert!(
        // The seeds' undated reports (a talk "on Thursday" in an article
        // dated by its year alone, visits told without a date) are kept.
        all.contains("4 events with an unknown date are not drawn; the CSV lists them."),
        "{all}"
    );
    assert_lacks(&all, &["listed below"]);
    assert!(all.contains("Exported"), "{all}");
    // 328 px hold about 60 characters of the footer: a line of 80 would have
    // run off the image (unwrapped, the sources are one line of 200).
    for line in lines.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
}

#[tokio::test]
async fn csv_exports_follow_the_view() {
    let (_data, app) = seeds_app().await;
    let (status, kind, body) = get(&app, "/export/growth.csv?pair=CN-RU&from=2022").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/csv"));
    let csv = String::from_utf8(body).expect("UTF-8");
    assert!(
        csv.contains("trade_growth_yoy") && csv.contains("29.3"),
        "{csv}"
    );
    assert!(
        !csv.contains("2020-01-01"),
        "2020 is outside the view: {csv}"
    );
    let (_, _, body) = get(&app, "/export/timeline.csv?pair=CN-RU").await;
    let csv = String::from_utf8(body).expect("UTF-8");
    assert_eq!(
        csv.lines().count(),
        1 + 10,
        "a header and the ten events, four of them undated: {csv}"
    );
}

#[tokio::test]
async fn bad_parameters_get_a_400_that_says_what_is_wrong() {
    let (_data, app) = seeds_app().await;
    for (uri, says) in [
        ("/export/pie.png", "unknown chart"),
        ("/export/growth.gif", "unknown format"),
        ("/export/growth", "/export/{chart}"),
        ("/export/growth.png?width=9000", "8000"),
        ("/export/growth.png?width=6000&height=4000&scale=2", "8000"),
        ("/export/growth.png?width=7000&height=7000", "40 megapixels"),
        ("/export/growth.png?scale=4", "1, 2 or 3"),
        (
            "/export/growth.png?theme=pink",
            "light, dark or transparent",
        ),
        ("/export/growth.png?width=abc", "whole number"),
        ("/export/growth.png?from=twenty", "a year"),
        ("/export/growth.png?pair=Russia", "two country codes"),
    ] {
        let (status, _, body) = get(&app, uri).await;
        let body = String::from_utf8_lossy(&body);
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(body.contains(says), "{uri}: {body}");
    }
    let (status, _, body) = get(&app, "/export/growth.png?pair=FR-JP").await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "{}",
        String::from_utf8_lossy(&body)
    );
}

#[tokio::test]
async fn the_page_draws_the_same_charts_in_its_html() {
    let (_data, app) = seeds_app().await;
    let (status, _, body) = get(&app, "/?pair=CN-RU").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).expect("UTF-8");
    for id in ["chart-trade-value", "chart-growth", "chart-timeline"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    assert_eq!(
        html.matches("<svg").count(),
        9,
        "three charts, each wide, medium and narrow"
    );
    assert!(html.contains("$190.3 bn") && html.contains("+29.3 %"));
    // Every point links to its source.
    assert!(
        html.contains("<a href=\"?pair=CN-RU&amp;source=o"),
        "no linked points"
    );
    assert!(html.contains("/export/trade-value.png?pair=CN-RU"));
}

/// The x of each event's marker in each of the page's drawings, as
/// (drawing class, event key, percent of the drawing's width).
fn event_positions(html: &str) -> Vec<(String, String, f64)> {
    let mut out = Vec::new();
    for plot in html.split("<div class=\"plot ").skip(1) {
        let class = plot.split('"').next().unwrap_or_default().to_owned();
        let plot = plot.split("</figure>").next().unwrap_or_default();
        for tag in plot.split("<a ").skip(1) {
            let tag = tag.split('>').next().unwrap_or_default();
            let attr = |name: &str| {
                tag.split_once(&format!("{name}=\""))
                    .and_then(|(_, v)| v.split('"').next())
            };
            let (Some(key), Some(style)) = (attr("data-ev"), attr("style")) else {
                continue;
            };
            let left = style
                .strip_prefix("left:")
                .and_then(|v| v.split('%').next())
                .and_then(|v| v.parse::<f64>().ok())
                .expect("a marker's left");
            out.push((class.clone(), key.to_owned(), left));
        }
    }
    out
}

#[tokio::test]
async fn the_charts_of_a_view_share_their_time_axis() {
    // The value axis labels take as much room as the widest of the view's
    // labels, on every chart: the timeline has none of its own, yet its
    // events sit under the same events' lines on the charts above.
    let (_data, app) = seeds_app().await;
    let (_, _, body) = get(&app, "/?pair=CN-RU").await;
    let html = String::from_utf8(body).expect("UTF-8");
    let positions = event_positions(&html);
    for class in ["wide", "medium", "narrow"] {
        let mut by_event: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
        for (c, key, left) in &positions {
            if c == class {
                by_event.entry(key).or_default().push(*left);
            }
        }
        assert!(by_event.len() >= 5, "{class}: {by_event:?}");
        for (key, lefts) in &by_event {
            assert_eq!(lefts.len(), 3, "{class} {key}: a marker on each chart");
            let (lo, hi) = lefts
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
            // Within a pixel of the narrow drawing (0.25 % of 400 px).
            assert!(hi - lo < 0.25, "{class} {key}: {lefts:?}");
        }
    }
}
