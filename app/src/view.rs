//! What the user is looking at, as the URL says it: pair, years, which series
//! are drawn, and which source is open. The dashboard, the export endpoints and
//! `tradeline export` all read the same parameters, so an exported chart is
//! exactly the view its link shows.

use std::fmt;

use crate::model::{Event, EventKind, Pair};

pub use crate::model::YEARS;

/// [`YEARS`] as an HTML `pattern` (anchored to the whole value), so the
/// browser refuses another year before the form is sent.
pub const YEAR_PATTERN: &str = "19[0-9]{2}|20[0-9]{2}|2100";

/// What the browser says when a year field does not match [`YEAR_PATTERN`].
pub const YEAR_TITLE: &str = "A year from 1900 to 2100, like 2020";

/// Which layers the charts draw. Everything is on unless the URL says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub trade: bool,
    pub exports: bool,
    pub imports: bool,
    pub balance: bool,
    /// Growth rates worked out from two annual values, never reported.
    pub derived: bool,
    /// Visits and meetings as vertical markers on the value and growth charts.
    pub events: bool,
    /// Part-year figures (year to date, quarters, months) on the charts: off,
    /// so that only whole years (calendar or fiscal) form the lines and no
    /// part of a year is read as a year.
    pub part_year: bool,
    /// Values far out of line with their neighbours
    /// ([`plausible`](crate::series::plausible)): off, so one misread
    /// figure does not set the axis for all the others.
    pub outliers: bool,
    /// Official statistics, when imported, as quiet lines under the
    /// reported ones.
    pub official: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            trade: true,
            exports: true,
            imports: true,
            balance: true,
            derived: true,
            events: true,
            part_year: false,
            outliers: false,
            official: true,
        }
    }
}

impl Layers {
    /// `(URL name, label)` of every layer, in the order the controls list them.
    pub const NAMES: [(&'static str, &'static str); 9] = [
        ("trade", "Total trade"),
        ("exports", "Exports"),
        ("imports", "Imports"),
        ("balance", "Balance"),
        ("derived", "Derived growth"),
        ("events", "Visits on charts"),
        ("partyear", "Part-year figures"),
        ("outliers", "Implausible figures"),
        ("official", "Official figures"),
    ];

    pub fn get(&self, name: &str) -> bool {
        match name {
            "trade" => self.trade,
            "exports" => self.exports,
            "imports" => self.imports,
            "balance" => self.balance,
            "derived" => self.derived,
            "events" => self.events,
            "partyear" => self.part_year,
            "outliers" => self.outliers,
            "official" => self.official,
            _ => false,
        }
    }

    fn set(&mut self, name: &str, on: bool) -> bool {
        let slot = match name {
            "trade" => &mut self.trade,
            "exports" => &mut self.exports,
            "imports" => &mut self.imports,
            "balance" => &mut self.balance,
            "derived" => &mut self.derived,
            "events" => &mut self.events,
            "partyear" => &mut self.part_year,
            "outliers" => &mut self.outliers,
            "official" => &mut self.official,
            _ => return false,
        };
        *slot = on;
        true
    }

    fn none() -> Self {
        Layers {
            trade: false,
            exports: false,
            imports: false,
            balance: false,
            derived: false,
            events: false,
            part_year: false,
            outliers: false,
            official: false,
        }
    }
}

/// A view of the dashboard.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub pair: Option<Pair>,
    /// First and last calendar year shown, both inclusive; `None` is open.
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub layers: Layers,
    /// The timeline lists only events of this kind...
    pub kind: Option<EventKind>,
    /// ...and only those this person took part in (matched whole, in any
    /// case).
    pub person: Option<String>,
    /// The observation or event whose source panel is open.
    pub source: Option<String>,
}

/// A parameter the view could not use. The dashboard shows it as a warning and
/// ignores the parameter; the export endpoints answer 400 with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam {
    pub name: String,
    pub value: String,
    pub reason: &'static str,
}

impl BadParam {
    /// `from` after `to`: not lost, the two were swapped.
    pub fn is_swap(&self) -> bool {
        self.reason == SWAPPED
    }
}

const SWAPPED: &str = "after `to`; the two were swapped";

/// Unusable parameters listed one by one; the rest are counted.
const MAX_LISTED: usize = 8;
/// Characters of an unusable value shown.
const MAX_VALUE_CHARS: usize = 40;
/// Characters of a person's name kept: longer than any name.
const MAX_PERSON_CHARS: usize = 100;

impl fmt::Display for BadParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={:?}: {}", self.name, self.value, self.reason)
    }
}

impl View {
    /// Reads the view from query parameters (`name`, `value`, in URL order).
    /// Unknown parameters are left to the caller; bad values of known ones
    /// are returned beside the view, which keeps its defaults for them.
    ///
    /// `show` may repeat (a form's checkboxes) or be comma-separated (a
    /// link). Once any `show` is present, only the named layers are drawn,
    /// so an empty `show=` hides them all.
    pub fn from_query<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (View, Vec<BadParam>) {
        let mut view = View::default();
        let mut bad = Vec::new();
        let mut shown: Option<Layers> = None;
        for (name, value) in params {
            let value = value.trim();
            let mut reject = |reason| {
                bad.push(BadParam {
                    name: name.to_owned(),
                    value: value.to_owned(),
                    reason,
                })
            };
            match name {
                "pair" if value.is_empty() => {}
                "pair" => match Pair::from_slug(value) {
                    Some(pair) => view.pair = Some(pair),
                    None => reject(
                        "a pair is two country codes or a bloc's code and a country's, like CN-RU or ASEAN-IN",
                    ),
                },
                "from" | "to" if value.is_empty() => {}
                "from" | "to" => match value.parse::<i32>() {
                    Ok(year) if YEARS.contains(&year) => {
                        if name == "from" {
                            view.from = Some(year);
                        } else {
                            view.to = Some(year);
                        }
                    }
                    Ok(_) => reject("a year between 1900 and 2100"),
                    Err(_) => reject("a year, like 2020"),
                },
                "show" => {
                    let layers = shown.get_or_insert_with(Layers::none);
                    for layer in value.split(',').map(str::trim).filter(|l| !l.is_empty()) {
                        if !layers.set(layer, true) {
                            bad.push(BadParam {
                                name: name.to_owned(),
                                value: layer.to_owned(),
                                reason: "one of trade, exports, imports, balance, derived, events, partyear, outliers, official",
                            });
                        }
                    }
                }
                "kind" if value.is_empty() => {}
                "kind" => match EventKind::parse(value) {
                    Some(kind) => view.kind = Some(kind),
                    None => reject("a kind of event, like state_visit, talks or phone_call"),
                },
                "person" if !value.is_empty() => {
                    view.person = Some(value.chars().take(MAX_PERSON_CHARS).collect())
                }
                "source" if !value.is_empty() => view.source = Some(value.to_owned()),
                _ => {}
            }
        }
        // A hostile query (thousands of `show=x`) gets a short list, not a
        // page of warnings as long as itself.
        if bad.len() > MAX_LISTED {
            let more = bad.len() - MAX_LISTED;
            bad.truncate(MAX_LISTED);
            bad.push(BadParam {
                name: "…".to_owned(),
                value: format!("{more} more"),
                reason: "further parameters were not usable either",
            });
        }
        for b in &mut bad {
            if let Some((cut, _)) = b.value.char_indices().nth(MAX_VALUE_CHARS) {
                b.value.truncate(cut);
                b.value.push('…');
            }
        }
        if let (Some(from), Some(to)) = (view.from, view.to) {
            if from > to {
                bad.push(BadParam {
                    name: "from".to_owned(),
                    value: from.to_string(),
                    reason: SWAPPED,
                });
                view.from = Some(to);
                view.to = Some(from);
            }
        }
        if let Some(layers) = shown {
            view.layers = layers;
        }
        (view, bad)
    }

    /// The query string of this view (without `?`), only what differs from
    /// the defaults, in a fixed order so equal views have equal links.
    pub fn query(&self) -> String {
        let mut params = Vec::new();
        if let Some(pair) = &self.pair {
            params.push(format!("pair={}", pair.slug()));
        }
        if let Some(from) = self.from {
            params.push(format!("from={from}"));
        }
        if let Some(to) = self.to {
            params.push(format!("to={to}"));
        }
        if self.layers != Layers::default() {
            let on: Vec<&str> = Layers::NAMES
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| self.layers.get(name))
                .collect();
            params.push(format!("show={}", on.join(",")));
        }
        if let Some(kind) = self.kind {
            params.push(format!("kind={}", kind.as_str()));
        }
        if let Some(person) = &self.person {
            params.push(format!("person={}", encode(person)));
        }
        if let Some(source) = &self.source {
            params.push(format!("source={}", encode(source)));
        }
        params.join("&")
    }

    /// A link to this view (`?pair=CN-RU&from=2020`), or `?` for the default.
    /// With a source open it ends in `#quote`, so even without JavaScript the
    /// browser scrolls the quoted sentence into view.
    pub fn href(&self) -> String {
        match self.source {
            Some(_) => format!("?{}#quote", self.query()),
            None => format!("?{}", self.query()),
        }
    }

    /// The same view with another source open (or none).
    pub fn with_source(&self, source: Option<&str>) -> View {
        View {
            source: source.map(str::to_owned),
            ..self.clone()
        }
    }

    /// The same view over other years.
    pub fn with_years(&self, from: Option<i32>, to: Option<i32>) -> View {
        View {
            from,
            to,
            source: None,
            ..self.clone()
        }
    }

    /// Whether a period or date from `start` to `end` (fractional years, end
    /// exclusive) falls at least partly in the view's years.
    /// Whether the timeline's filters let `event` through.
    pub fn shows_event(&self, event: &Event) -> bool {
        self.kind.is_none_or(|k| event.kind == k)
            && self.person.as_deref().is_none_or(|who| {
                event
                    .participants
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(who))
            })
    }

    pub fn overlaps(&self, start: f64, end: f64) -> bool {
        let after_from = self.from.is_none_or(|from| end > f64::from(from));
        let before_to = self.to.is_none_or(|to| start < f64::from(to) + 1.0);
        after_from && before_to
    }
}

/// Percent-encodes what is not safe in a query value. Keys are ASCII
/// (`o12-3`), but a hand-edited URL may hold anything.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_year_pattern_accepts_exactly_the_years() {
        // An HTML pattern matches the whole value.
        let pattern = regex::Regex::new(&format!("^(?:{YEAR_PATTERN})$")).expect("pattern");
        for year in 1000..=9999 {
            assert_eq!(
                pattern.is_match(&year.to_string()),
                YEARS.contains(&year),
                "{year}"
            );
        }
        for value in ["", "20", "02020", "2o20", " 2020"] {
            assert!(!pattern.is_match(value), "{value:?}");
        }
    }
    use super::*;

    fn parse(query: &str) -> (View, Vec<BadParam>) {
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")))
            .collect();
        View::from_query(pairs)
    }

    #[test]
    fn a_flood_of_bad_parameters_gives_a_short_list() {
        let query = format!(
            "show={}&pair={}",
            vec!["x"; 5000].join(","),
            "Q".repeat(3000)
        );
        let (_, bad) = parse(&query);
        assert_eq!(bad.len(), MAX_LISTED + 1, "{bad:?}");
        assert_eq!(bad[MAX_LISTED].value, format!("{} more", 5001 - MAX_LISTED));
        assert!(bad
            .iter()
            .all(|b| b.value.chars().count() <= MAX_VALUE_CHARS + 1));
    }

    #[test]
    fn a_view_survives_its_own_link() {
        let (view, bad) = parse("pair=cn-ru&from=2020&to=2024&show=trade,events&source=o3-0");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(view.pair, Pair::from_slug("CN-RU"));
        assert_eq!((view.from, view.to), (Some(2020), Some(2024)));
        assert!(view.layers.trade && view.layers.events && !view.layers.exports);
        assert_eq!(view.source.as_deref(), Some("o3-0"));
        let (again, _) = parse(&view.query());
        assert_eq!(again, view);
    }

    #[test]
    fn a_bloc_pair_survives_its_own_link() {
        let (view, bad) = parse("pair=asean-in&from=2022");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(view.pair, Some(Pair("ASEAN".into(), "IN".into())));
        assert_eq!(view.query(), "pair=ASEAN-IN&from=2022");
        let (again, _) = parse(&view.query());
        assert_eq!(again, view);
        let (view, bad) = parse("pair=ASEANX-IN");
        assert_eq!(view.pair, None);
        assert!(bad[0].reason.contains("ASEAN-IN"), "{bad:?}");
    }

    #[test]
    fn defaults_leave_the_link_short() {
        let (view, bad) = parse("");
        assert!(bad.is_empty());
        assert_eq!(view.layers, Layers::default());
        assert_eq!(view.href(), "?");
    }

    #[test]
    fn the_timeline_filters_are_part_of_the_view() {
        let (view, bad) = parse("pair=CN-RU&kind=state_visit&person=Xi Jinping");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(view.kind, Some(EventKind::StateVisit));
        assert_eq!(view.person.as_deref(), Some("Xi Jinping"));
        assert_eq!(
            view.query(),
            "pair=CN-RU&kind=state_visit&person=Xi%20Jinping"
        );
        let (view, bad) = parse("kind=banquet&kind=&person=");
        assert_eq!((view.kind, view.person), (None, None));
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].reason.contains("state_visit"), "{bad:?}");
    }

    #[test]
    fn implausible_figures_are_drawn_only_when_asked_for() {
        assert!(!Layers::default().outliers);
        let (view, bad) = parse("show=trade,events,outliers");
        assert!(bad.is_empty(), "{bad:?}");
        assert!(view.layers.outliers && view.layers.trade && !view.layers.exports);
        assert_eq!(view.query(), "show=trade,events,outliers");
        let (again, _) = parse(&view.query());
        assert_eq!(again, view);
    }

    #[test]
    fn a_form_with_every_box_unticked_hides_every_layer() {
        // The form always sends an empty `show`, so unticking everything is
        // told apart from a link that never mentions layers.
        let (view, _) = parse("pair=CN-RU&show=");
        assert!(!view.layers.trade && !view.layers.events);
        let (view, _) = parse("show=&show=growth&show=exports");
        assert!(view.layers.exports);
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let (view, bad) = parse("pair=China&from=abc&to=3000&show=trade,pie");
        assert_eq!(view.pair, None);
        assert_eq!((view.from, view.to), (None, None));
        let names: Vec<&str> = bad.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["pair", "from", "to", "show"]);
        assert!(view.layers.trade);
    }

    #[test]
    fn reversed_years_are_swapped_with_a_warning() {
        let (view, bad) = parse("from=2024&to=2020");
        assert_eq!((view.from, view.to), (Some(2020), Some(2024)));
        assert_eq!(bad.len(), 1);
    }

    #[test]
    fn periods_overlapping_the_years_are_in_view() {
        let (view, _) = parse("from=2021&to=2022");
        assert!(view.overlaps(2022.0, 2023.0));
        assert!(view.overlaps(2020.5, 2021.2));
        assert!(!view.overlaps(2020.0, 2021.0));
        assert!(!view.overlaps(2023.0, 2023.5));
    }

    #[test]
    fn hostile_source_keys_are_encoded() {
        let view = View {
            source: Some("\"><script>".to_owned()),
            ..View::default()
        };
        assert_eq!(view.query(), "source=%22%3E%3Cscript%3E");
    }
}
