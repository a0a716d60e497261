//! Colours. The light palette's colours double as names: the page's
//! stylesheet maps each to its dark counterpart with attribute selectors
//! (`[stroke="#1F5FAD"]`), so one server-rendered SVG follows the reader's
//! system theme without JavaScript. Every light colour must therefore be
//! distinct, and `style/main.css` must map each one (a test checks both).

use plotters::style::RGBColor;

use super::figure::Role;

/// The look of an export; the page always draws [`Theme::Light`] and lets CSS
/// switch it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Light colours on no background, for slides with their own.
    Transparent,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "transparent" => Some(Theme::Transparent),
            _ => None,
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light | Theme::Transparent => LIGHT,
            Theme::Dark => DARK,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub trade: RGBColor,
    pub exports: RGBColor,
    pub imports: RGBColor,
    pub balance: RGBColor,
    pub conflict: RGBColor,
    pub event: RGBColor,
    pub event_band: RGBColor,
}

impl Palette {
    pub fn role(&self, role: Role) -> RGBColor {
        match role {
            Role::Trade => self.trade,
            Role::Exports => self.exports,
            Role::Imports => self.imports,
            Role::Balance => self.balance,
        }
    }

    /// Every colour with its name, for the stylesheet check.
    pub fn all(&self) -> [(&'static str, RGBColor); 12] {
        [
            ("background", self.background),
            ("ink", self.ink),
            ("muted", self.muted),
            ("grid", self.grid),
            ("axis", self.axis),
            ("trade", self.trade),
            ("exports", self.exports),
            ("imports", self.imports),
            ("balance", self.balance),
            ("conflict", self.conflict),
            ("event", self.event),
            ("event_band", self.event_band),
        ]
    }
}

/// Colour-blind-safe hues (blue, orange, green, purple) at newsroom contrast.
pub const LIGHT: Palette = Palette {
    background: RGBColor(0xFF, 0xFF, 0xFF),
    ink: RGBColor(0x1B, 0x1F, 0x24),
    muted: RGBColor(0x57, 0x60, 0x6A),
    grid: RGBColor(0xE1, 0xE5, 0xEA),
    axis: RGBColor(0x8C, 0x95, 0x9F),
    trade: RGBColor(0x1F, 0x5F, 0xAD),
    exports: RGBColor(0xC2, 0x57, 0x1A),
    imports: RGBColor(0x2E, 0x7D, 0x4F),
    balance: RGBColor(0x7A, 0x4E, 0xAB),
    conflict: RGBColor(0xC6, 0x28, 0x28),
    event: RGBColor(0x9A, 0x6B, 0x00),
    event_band: RGBColor(0xF6, 0xEB, 0xCF),
};

pub const DARK: Palette = Palette {
    background: RGBColor(0x16, 0x1B, 0x22),
    ink: RGBColor(0xE6, 0xED, 0xF3),
    muted: RGBColor(0x9D, 0xA7, 0xB3),
    grid: RGBColor(0x2D, 0x33, 0x3B),
    axis: RGBColor(0x6E, 0x76, 0x81),
    trade: RGBColor(0x6C, 0xA8, 0xF0),
    exports: RGBColor(0xF0, 0xA0, 0x60),
    imports: RGBColor(0x5F, 0xC4, 0x8A),
    balance: RGBColor(0xB7, 0x94, 0xE6),
    conflict: RGBColor(0xFF, 0x6B, 0x6B),
    event: RGBColor(0xD9, 0xB4, 0x4A),
    event_band: RGBColor(0x3A, 0x33, 0x1E),
};

#[cfg(test)]
mod tests {
    use super::*;

    /// `#1F5FAD`, as plotters writes colours into SVG.
    fn hex(c: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    #[test]
    fn light_colours_are_distinct_names() {
        let all = LIGHT.all();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in &all[i + 1..] {
                assert_ne!(ca, cb, "{a} and {b} share a colour");
            }
        }
    }

    #[test]
    fn the_stylesheet_maps_every_light_colour_to_its_dark_one() {
        let css = include_str!("../../../style/main.css");
        for ((name, light), (_, dark)) in LIGHT.all().iter().zip(DARK.all()) {
            let light = hex(*light);
            let dark = hex(dark);
            let fill = format!("[fill=\"{light}\"]");
            let stroke = format!("[stroke=\"{light}\"]");
            for selector in [fill, stroke] {
                let rule = css
                    .find(&selector)
                    .map(|at| &css[at..css[at..].find('}').map_or(css.len(), |end| at + end)]);
                let rule = rule
                    .unwrap_or_else(|| panic!("style/main.css has no rule for {name} {selector}"));
                assert!(
                    rule.to_ascii_uppercase().contains(&dark),
                    "{name}: {selector} should map to {dark}: {rule}"
                );
            }
        }
    }
}
