//! A plotters backend that draws nothing and keeps the box of every text it
//! is given, for the tests that check where a chart's texts land. The boxes
//! are worked out as plotters' own raster backend places text (the font's
//! layout box, moved by the anchor), so they are the boxes a PNG export
//! paints and the SVG drawing positions.

use std::{cell::RefCell, rc::Rc};

use plotters_backend::{
    text_anchor::{HPos, VPos},
    BackendColor, BackendCoord, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::place::Rect;

/// Texts and their boxes in output pixels.
pub(crate) type Texts = Rc<RefCell<Vec<(String, Rect)>>>;

/// A canvas `size` pixels large that keeps every text drawn on it.
pub(crate) struct TextBoxes {
    size: (u32, u32),
    texts: Texts,
}

impl TextBoxes {
    /// The backend, and where it keeps the texts (the drawing area that
    /// takes the backend never gives it back).
    pub(crate) fn new(size: (u32, u32)) -> (TextBoxes, Texts) {
        let texts = Texts::default();
        let backend = TextBoxes {
            size,
            texts: texts.clone(),
        };
        (backend, texts)
    }
}

/// The backend cannot fail.
#[derive(Debug, thiserror::Error)]
#[error("unreachable")]
pub(crate) enum Never {}

impl DrawingBackend for TextBoxes {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        let ((min_x, min_y), (max_x, max_y)) = style
            .layout_box(text)
            .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
        let (w, h) = (max_x - min_x, max_y - min_y);
        if w <= 0 || h <= 0 {
            return Ok(());
        }
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -w,
            HPos::Center => -w / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -h / 2,
            VPos::Bottom => -h,
        };
        let turn = style.transform();
        let (ax, ay) = turn.transform(dx, dy);
        let (bx, by) = turn.transform(dx + w, dy + h);
        self.texts.borrow_mut().push((
            text.to_owned(),
            Rect {
                x0: pos.0 + ax.min(bx),
                y0: pos.1 + ay.min(by),
                x1: pos.0 + ax.max(bx),
                y1: pos.1 + ay.max(by),
            },
        ));
        Ok(())
    }
}
