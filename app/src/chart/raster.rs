//! The PNG backend: plotters' bitmap backend with text drawn properly.
//!
//! plotters 0.3.7 places each glyph at a whole pixel and ignores its left
//! side bearing, so commas and full stops huddle against the letter before
//! them and words get uneven gaps. This wrapper lays text out with ab_glyph
//! itself (fractional advances, kerning, bearings, baseline from the font's
//! ascent) and hands everything else to the bitmap backend unchanged.

use ab_glyph::{point, Font, ScaleFont};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

pub(super) struct Raster<'a> {
    inner: BitMapBackend<'a>,
    faces: &'static super::font::Faces,
}

impl<'a> Raster<'a> {
    /// A backend drawing into `buffer` (RGB, `w * h * 3` bytes); `None` if
    /// the buffer has the wrong size.
    pub(super) fn new(buffer: &'a mut [u8], size: (u32, u32)) -> Option<Self> {
        let inner = BitMapBackend::with_buffer_and_format(buffer, size).ok()?;
        let faces = super::font::faces()?;
        Some(Raster { inner, faces })
    }
}

impl DrawingBackend for Raster<'_> {
    type ErrorType = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let em = style.size() / 1.24;
        Ok((
            self.faces.width(text, style.size()).ceil() as u32,
            em.ceil() as u32,
        ))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let size = style.size();
        let main = &self.faces.main;
        let line = main.as_scaled(super::font::px_scale(main, size));
        let width = self.faces.width(text, size);
        // The line is DejaVu's: a Han character from the fallback sits on
        // the same baseline.
        let (ascent, descent) = (line.ascent(), line.descent());
        let x0 = pos.0 as f32
            - match style.anchor().h_pos {
                HPos::Left => 0.0,
                HPos::Center => width / 2.0,
                HPos::Right => width,
            };
        let baseline = pos.1 as f32
            + match style.anchor().v_pos {
                VPos::Top => ascent,
                VPos::Center => (ascent + descent) / 2.0,
                VPos::Bottom => descent,
            };
        let (w, h) = self.inner.get_size();
        let mut x = x0;
        let mut prev: Option<(*const ab_glyph::FontRef<'static>, ab_glyph::GlyphId)> = None;
        let mut failed = None;
        for c in text.chars() {
            let (face, id) = self.faces.glyph(c);
            let scale = super::font::px_scale(face, size);
            let font = face.as_scaled(scale);
            if let Some((p_face, p_id)) = prev {
                if std::ptr::eq(p_face, face) {
                    x += font.kern(p_id, id);
                }
            }
            prev = Some((face, id));
            let glyph = id.with_scale_and_position(scale, point(x, baseline));
            x += font.h_advance(id);
            let Some(outline) = face.outline_glyph(glyph) else {
                continue; // a space
            };
            let bounds = outline.px_bounds();
            let inner = &mut self.inner;
            outline.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i32 + gx as i32;
                let py = bounds.min.y as i32 + gy as i32;
                if coverage <= 0.0
                    || px < 0
                    || py < 0
                    || px >= w as i32
                    || py >= h as i32
                    || failed.is_some()
                {
                    return;
                }
                let pixel = BackendColor {
                    alpha: color.alpha * f64::from(coverage.min(1.0)),
                    rgb: color.rgb,
                };
                if let Err(e) = inner.draw_pixel((px, py), pixel) {
                    failed = Some(e);
                }
            });
        }
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use plotters::style::{IntoFont, TextStyle};

    use super::*;

    /// The pixels of `text` drawn black on white at 20 px, on a canvas wide
    /// enough for it.
    fn pixels(text: &str) -> Vec<u8> {
        super::super::font::register();
        let size = (400, 40);
        let mut buffer = vec![255u8; 400 * 40 * 3];
        {
            let mut backend = Raster::new(&mut buffer, size).expect("a canvas");
            let style = TextStyle::from((super::super::font::FAMILY, 20.0).into_font());
            backend.draw_text(text, &style, (4, 8)).expect("drawn");
        }
        buffer
    }

    fn ink(pixels: &[u8]) -> usize {
        pixels.iter().filter(|&&v| v < 128).count()
    }

    #[test]
    fn han_characters_are_drawn_as_glyphs_not_boxes() {
        // A character no face has is DejaVu's missing-glyph box; two Han
        // characters drawn from the fallback differ from it and from each
        // other.
        let missing = pixels("\u{10fffd}");
        let (trade, easy) = (pixels("贸"), pixels("易"));
        assert!(ink(&missing) > 0, "the box itself is drawn");
        assert!(ink(&trade) > 0 && ink(&easy) > 0);
        assert_ne!(trade, missing);
        assert_ne!(easy, missing);
        assert_ne!(trade, easy);
    }

    #[test]
    fn cyrillic_is_drawn_by_dejavu() {
        assert_ne!(pixels("Ж"), pixels("\u{10fffd}"));
        assert!(ink(&pixels("Ж")) > 0);
    }
}
