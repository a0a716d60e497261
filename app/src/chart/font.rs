//! The one font every chart is measured and drawn with, compiled into the
//! binary: an export looks the same on every machine, and the server never
//! looks for system fonts.

use std::sync::{Once, OnceLock};

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use plotters::style::{register_font, FontStyle};

/// The family name plotters looks the font up by, and the one written into
/// SVG: browsers without DejaVu Sans fall back to Verdana, whose widths are
/// close, and then to any sans-serif.
pub(super) const FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// Registers DejaVu Sans once per process.
pub(super) fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are DejaVu's own TTF, compiled in: parsing cannot fail
        // for them, and if it ever did every text would come out missing
        // rather than the process stopping.
        if register_font(FAMILY, FontStyle::Normal, dejavu::sans::regular()).is_err() {
            tracing::error!("the embedded DejaVu Sans font could not be read");
        }
    });
}

/// DejaVu Sans as ab_glyph reads it, for laying text out and measuring it.
/// `None` only if the embedded bytes could not be read (see `register`).
pub(super) fn face() -> Option<&'static FontRef<'static>> {
    static FACE: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FACE.get_or_init(|| FontRef::try_from_slice(dejavu::sans::regular()).ok())
        .as_ref()
}

/// The pixel scale for plotters' font size: plotters takes `size / 1.24` as
/// the em (that is what its SVG backend writes as `font-size`), so the PNG's
/// text is as large as the SVG's.
pub(super) fn px_scale(font: &FontRef<'_>, size: f64) -> PxScale {
    let em = size as f32 / 1.24;
    let units = font.units_per_em().unwrap_or(2048.0);
    PxScale::from(em * font.height_unscaled() / units)
}

/// How wide `text` is at `scale`: advances plus kerning, as the PNG backend
/// lays it out.
pub(super) fn advance(font: &FontRef<'_>, text: &str, scale: PxScale) -> f32 {
    let font = font.as_scaled(scale);
    let mut width = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            width += font.kern(p, id);
        }
        width += font.h_advance(id);
        prev = Some(id);
    }
    width
}

/// How wide `text` is at plotters' font `size`, in pixels.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    match face() {
        Some(font) => f64::from(advance(font, text, px_scale(font, size))),
        // Without the font, an average DejaVu character: about 0.55 em.
        None => text.chars().count() as f64 * size / 1.24 * 0.55,
    }
}
