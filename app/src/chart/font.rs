//! The fonts every chart is measured and drawn with, compiled into the
//! binary: an export looks the same on every machine, and the server never
//! looks for system fonts.
//!
//! DejaVu Sans draws Latin, Cyrillic and Greek; a cut of Droid Sans Fallback
//! (`app/fonts/README.md`) draws the Han characters DejaVu has no glyph for,
//! so a Chinese article's title in an export's footer is text, not boxes.
//! Each character is drawn with the first of the two that has it.

use std::sync::{Once, OnceLock};

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};
use plotters::style::{register_font, FontStyle};

/// The family name plotters looks the font up by, and the one written into
/// SVG: browsers without DejaVu Sans fall back to Verdana, whose widths are
/// close, and then to any sans-serif; Han characters to the page's web font
/// ("Tradeline CJK", served from [`CJK`]) or a system CJK font.
pub(super) const FAMILY: &str =
    "DejaVu Sans, Verdana, Tradeline CJK, Droid Sans Fallback, Noto Sans CJK SC, sans-serif";

/// The CJK font's bytes, also served to browsers as `/fonts/cjk.ttf`.
pub const CJK: &[u8] = include_bytes!("../../fonts/droid-sans-fallback-cjk.ttf");

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

/// The two faces text is laid out with.
pub(super) struct Faces {
    /// DejaVu Sans: its metrics (ascent, descent) set the line.
    pub(super) main: FontRef<'static>,
    /// Droid Sans Fallback's cut, for the characters `main` lacks; `None`
    /// only if its bytes could not be read.
    fallback: Option<FontRef<'static>>,
}

/// The faces, read once; `None` only if DejaVu's bytes could not be read
/// (see [`register`]).
pub(super) fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            let main = FontRef::try_from_slice(dejavu::sans::regular()).ok()?;
            let fallback = FontRef::try_from_slice(CJK).ok();
            if fallback.is_none() {
                tracing::error!("the embedded CJK font could not be read");
            }
            Some(Faces { main, fallback })
        })
        .as_ref()
}

impl Faces {
    /// The face that draws `c`, and its glyph there: DejaVu's when it has
    /// one, else the fallback's, else DejaVu's missing-glyph box.
    pub(super) fn glyph(&self, c: char) -> (&FontRef<'static>, GlyphId) {
        let id = self.main.glyph_id(c);
        if id.0 != 0 {
            return (&self.main, id);
        }
        match &self.fallback {
            Some(f) => match f.glyph_id(c) {
                found if found.0 != 0 => (f, found),
                _ => (&self.main, id),
            },
            None => (&self.main, id),
        }
    }

    /// Whether every character of `text` has a glyph in one of the faces
    /// (whitespace and controls need none).
    #[cfg(test)]
    pub(super) fn covers(&self, text: &str) -> bool {
        text.chars()
            .all(|c| c.is_whitespace() || c.is_control() || self.glyph(c).1 .0 != 0)
    }

    /// How wide `text` is at plotters' font `size`, as the PNG backend lays
    /// it out: advances, plus kerning between glyphs of one face.
    pub(super) fn width(&self, text: &str, size: f64) -> f32 {
        let mut width = 0.0;
        let mut prev: Option<(*const FontRef<'static>, GlyphId)> = None;
        for c in text.chars() {
            let (face, id) = self.glyph(c);
            let scaled = face.as_scaled(px_scale(face, size));
            if let Some((p_face, p_id)) = prev {
                if std::ptr::eq(p_face, face) {
                    width += scaled.kern(p_id, id);
                }
            }
            width += scaled.h_advance(id);
            prev = Some((face, id));
        }
        width
    }
}

/// The pixel scale for plotters' font size in `font`: plotters takes
/// `size / 1.24` as the em (that is what its SVG backend writes as
/// `font-size`), so the PNG's text is as large as the SVG's, and each face's
/// em is the same size.
pub(super) fn px_scale(font: &FontRef<'_>, size: f64) -> PxScale {
    let em = size as f32 / 1.24;
    let units = font.units_per_em().unwrap_or(2048.0);
    PxScale::from(em * font.height_unscaled() / units)
}

/// How wide `text` is at plotters' font `size`, in pixels.
pub(super) fn text_width(text: &str, size: f64) -> f64 {
    match faces() {
        Some(faces) => f64::from(faces.width(text, size)),
        // Without the font, an average DejaVu character: about 0.55 em.
        None => text.chars().count() as f64 * size / 1.24 * 0.55,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_characters_are_drawn_by_the_fallback_and_latin_by_dejavu() {
        let faces = faces().expect("the embedded fonts are readable");
        let (face, _) = faces.glyph('A');
        assert!(std::ptr::eq(face, &faces.main));
        let (face, id) = faces.glyph('贸');
        assert!(!std::ptr::eq(face, &faces.main));
        assert_ne!(id.0, 0);
        // Cyrillic is DejaVu's own.
        let (face, _) = faces.glyph('Ж');
        assert!(std::ptr::eq(face, &faces.main));
    }

    #[test]
    fn chinese_russian_and_english_titles_have_every_glyph() {
        let faces = faces().expect("the embedded fonts are readable");
        for title in [
            "俄驻华大使：俄中贸易势头良好，今年或将保持1100亿美元水平",
            "今年前八個月，中美貿易額為2.73萬億元人民幣",
            "Товарооборот России и Китая вырос на 1,9%",
            "China–Russia trade · Trade value",
        ] {
            assert!(faces.covers(title), "{title}");
        }
        // A character neither face has is reported, not hidden.
        assert!(!faces.covers("\u{10fffd}"));
    }

    #[test]
    fn a_han_character_is_about_one_em_wide() {
        // The fallback is scaled to the same em as DejaVu: a Han character
        // takes about one em (size / 1.24), a Latin letter about 0.6.
        let em = 20.0 / 1.24;
        let han = text_width("贸", 20.0);
        assert!((han - em).abs() < em * 0.15, "{han} vs {em}");
        assert!(text_width("a", 20.0) < han);
    }
}
