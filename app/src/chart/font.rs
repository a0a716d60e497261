//! The one font every chart is measured and drawn with, compiled into the
//! binary: an export looks the same on every machine, and the server never
//! looks for system fonts.

use std::sync::Once;

use plotters::style::{register_font, FontStyle};

/// The family name plotters looks the font up by, and the one written into
/// SVG: browsers without DejaVu Sans fall back to Verdana, whose widths are
/// close, and then to any sans-serif.
pub const FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// Registers DejaVu Sans once per process.
pub fn register() {
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
