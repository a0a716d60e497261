//! The shared vocabulary of tradeline: what an article yields (observations and
//! events), the periods and dates they refer to, and where each came from.
//!
//! These types cross every boundary in the product: the extractor produces them,
//! the store keeps them, the server functions send them to the browser, and the
//! `extract --json` output is their serde form. Field names are therefore a
//! contract; add fields freely, rename none.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Two trading parties: countries by their ISO 3166 alpha-2 codes, blocs by
/// the codes of [`BLOCS`]. For totals (trade value, growth of trade) they are
/// in alphabetical order; for directed flows (exports, imports) `[from, to]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pair(pub String, pub String);

impl Pair {
    /// The undirected pair, codes in alphabetical order.
    pub fn sorted(a: &str, b: &str) -> Self {
        if a <= b {
            Pair(a.to_owned(), b.to_owned())
        } else {
            Pair(b.to_owned(), a.to_owned())
        }
    }

    /// The same two countries in alphabetical order, whatever the direction.
    pub fn undirected(&self) -> Self {
        Pair::sorted(&self.0, &self.1)
    }

    /// `CN-RU`, the form used in URLs.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.0, self.1)
    }

    /// Parses `CN-RU` or `ASEAN-CN` (any case); `None` unless each side is
    /// two ASCII letters or a bloc's code.
    pub fn from_slug(slug: &str) -> Option<Self> {
        let (a, b) = slug.split_once('-')?;
        let (a, b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
        (is_party_code(&a) && is_party_code(&b)).then_some(Pair(a, b))
    }

    /// "China and Russia", "ASEAN and India": the two sides by name.
    pub fn names(&self) -> String {
        format!("{} and {}", party_name(&self.0), party_name(&self.1))
    }
}

/// Trading parties that are not countries, with the codes tradeline gives
/// them and their names. ISO 3166 reserves `EU` for the European Union; the
/// others are tradeline's own, longer than two letters so that no country's
/// code can ever take them. "Africa" stands for the continent's countries
/// together, which is also what reports of "the African Union's" trade mean.
pub const BLOCS: [(&str, &str); 6] = [
    ("EU", "European Union"),
    ("ASEAN", "ASEAN"),
    ("EAEU", "Eurasian Economic Union"),
    ("GCC", "Gulf Cooperation Council"),
    ("MERCOSUR", "Mercosur"),
    ("AFRICA", "Africa"),
];

/// Whether `code` names a trading party: two upper-case ASCII letters (an
/// ISO 3166 alpha-2 code) or one of [`BLOCS`].
pub fn is_party_code(code: &str) -> bool {
    (code.len() == 2 && code.bytes().all(|c| c.is_ascii_uppercase()))
        || BLOCS.iter().any(|(c, _)| *c == code)
}

/// The name of a party for people: "China", "European Union", "ASEAN";
/// the code itself for one tradeline has no name for.
pub fn party_name(code: &str) -> &str {
    if let Some((_, name)) = BLOCS.iter().find(|(c, _)| *c == code) {
        return name;
    }
    country_name(code).unwrap_or(code)
}

/// The short English name of a country tradeline reads, by its ISO code.
/// The extractor's table of names checks that each of its countries has one
/// here, and that it is among the forms it reads.
pub fn country_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "CN" => "China",
        "RU" => "Russia",
        "US" => "United States",
        "IN" => "India",
        "JP" => "Japan",
        "KR" => "South Korea",
        "KP" => "North Korea",
        "DE" => "Germany",
        "FR" => "France",
        "GB" => "United Kingdom",
        "IT" => "Italy",
        "ES" => "Spain",
        "BR" => "Brazil",
        "MX" => "Mexico",
        "CA" => "Canada",
        "AU" => "Australia",
        "NZ" => "New Zealand",
        "ID" => "Indonesia",
        "TR" => "Türkiye",
        "SA" => "Saudi Arabia",
        "AE" => "United Arab Emirates",
        "IR" => "Iran",
        "IQ" => "Iraq",
        "IL" => "Israel",
        "EG" => "Egypt",
        "PK" => "Pakistan",
        "BD" => "Bangladesh",
        "VN" => "Vietnam",
        "TH" => "Thailand",
        "MY" => "Malaysia",
        "SG" => "Singapore",
        "PH" => "Philippines",
        "KZ" => "Kazakhstan",
        "UZ" => "Uzbekistan",
        "MN" => "Mongolia",
        "BY" => "Belarus",
        "UA" => "Ukraine",
        "PL" => "Poland",
        "NL" => "Netherlands",
        "BE" => "Belgium",
        "CH" => "Switzerland",
        "SE" => "Sweden",
        "NO" => "Norway",
        "FI" => "Finland",
        "AT" => "Austria",
        "HU" => "Hungary",
        "RS" => "Serbia",
        "GR" => "Greece",
        "PT" => "Portugal",
        "ZA" => "South Africa",
        "NG" => "Nigeria",
        "ET" => "Ethiopia",
        "KE" => "Kenya",
        "AR" => "Argentina",
        "CL" => "Chile",
        "PE" => "Peru",
        "CO" => "Colombia",
        "QA" => "Qatar",
        "EU" => "European Union",
        "TW" => "Taiwan",
        "HK" => "Hong Kong",
        "MO" => "Macao",
        "LA" => "Laos",
        "KH" => "Cambodia",
        "MM" => "Myanmar",
        "LK" => "Sri Lanka",
        "NP" => "Nepal",
        "AF" => "Afghanistan",
        "KG" => "Kyrgyzstan",
        "TJ" => "Tajikistan",
        "TM" => "Turkmenistan",
        "AZ" => "Azerbaijan",
        "GE" => "Georgia",
        "AM" => "Armenia",
        "OM" => "Oman",
        "KW" => "Kuwait",
        "BH" => "Bahrain",
        "JO" => "Jordan",
        "SY" => "Syria",
        "LB" => "Lebanon",
        "MA" => "Morocco",
        "DZ" => "Algeria",
        "TN" => "Tunisia",
        "AO" => "Angola",
        "GH" => "Ghana",
        "TZ" => "Tanzania",
        "ZM" => "Zambia",
        "ZW" => "Zimbabwe",
        "VE" => "Venezuela",
        "CU" => "Cuba",
        "EC" => "Ecuador",
        "BO" => "Bolivia",
        "UY" => "Uruguay",
        "PY" => "Paraguay",
        "IE" => "Ireland",
        "DK" => "Denmark",
        "CZ" => "Czech Republic",
        "RO" => "Romania",
        "BG" => "Bulgaria",
        "SK" => "Slovakia",
        "HR" => "Croatia",
        "SI" => "Slovenia",
        "LT" => "Lithuania",
        "LV" => "Latvia",
        "EE" => "Estonia",
        "UG" => "Uganda",
        "RW" => "Rwanda",
        "SN" => "Senegal",
        "CI" => "Côte d'Ivoire",
        "CM" => "Cameroon",
        "CD" => "DR Congo",
        "CG" => "Republic of the Congo",
        "MZ" => "Mozambique",
        "NA" => "Namibia",
        "BW" => "Botswana",
        "SS" => "South Sudan",
        "SD" => "Sudan",
        "LY" => "Libya",
        "DJ" => "Djibouti",
        "MG" => "Madagascar",
        "ML" => "Mali",
        "BF" => "Burkina Faso",
        "GN" => "Guinea",
        "GQ" => "Equatorial Guinea",
        "GW" => "Guinea-Bissau",
        "GA" => "Gabon",
        "MW" => "Malawi",
        "SL" => "Sierra Leone",
        "LR" => "Liberia",
        "TG" => "Togo",
        "BJ" => "Benin",
        "MR" => "Mauritania",
        "SO" => "Somalia",
        "ER" => "Eritrea",
        "MU" => "Mauritius",
        "PA" => "Panama",
        "CR" => "Costa Rica",
        "DO" => "Dominican Republic",
        "GT" => "Guatemala",
        "HN" => "Honduras",
        "NI" => "Nicaragua",
        "SV" => "El Salvador",
        "JM" => "Jamaica",
        "TT" => "Trinidad and Tobago",
        "BN" => "Brunei",
        "PG" => "Papua New Guinea",
        "FJ" => "Fiji",
        "YE" => "Yemen",
        "MV" => "Maldives",
        "BT" => "Bhutan",
        "TL" => "Timor-Leste",
        "CY" => "Cyprus",
        "MT" => "Malta",
        "LU" => "Luxembourg",
        "IS" => "Iceland",
        "AL" => "Albania",
        "MK" => "North Macedonia",
        "BA" => "Bosnia and Herzegovina",
        "ME" => "Montenegro",
        "MD" => "Moldova",
        "CF" => "Central African Republic",
        "BI" => "Burundi",
        "CV" => "Cabo Verde",
        "GM" => "Gambia",
        "NE" => "Niger",
        "TD" => "Chad",
        "KM" => "Comoros",
        "LS" => "Lesotho",
        "SZ" => "Eswatini",
        "SC" => "Seychelles",
        "ST" => "São Tomé and Príncipe",
        "PS" => "Palestine",
        "XK" => "Kosovo",
        "HT" => "Haiti",
        "GY" => "Guyana",
        "SR" => "Suriname",
        "BZ" => "Belize",
        "BS" => "Bahamas",
        "BB" => "Barbados",
        "AG" => "Antigua and Barbuda",
        "DM" => "Dominica",
        "GD" => "Grenada",
        "KN" => "Saint Kitts and Nevis",
        "LC" => "Saint Lucia",
        "VC" => "Saint Vincent and the Grenadines",
        "LI" => "Liechtenstein",
        "MC" => "Monaco",
        "SM" => "San Marino",
        "AD" => "Andorra",
        "FM" => "Micronesia",
        "KI" => "Kiribati",
        "MH" => "Marshall Islands",
        "NR" => "Nauru",
        "PW" => "Palau",
        "SB" => "Solomon Islands",
        "TO" => "Tonga",
        "TV" => "Tuvalu",
        "VU" => "Vanuatu",
        "WS" => "Samoa",
        _ => return None,
    })
}

impl fmt::Display for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.0, self.1)
    }
}

/// What a figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    TradeValue,
    ExportValue,
    ImportValue,
    TradeBalance,
    TradeGrowthYoy,
    ExportGrowthYoy,
    ImportGrowthYoy,
    /// A goal or forecast for total trade ("to reach $200 billion by 2024"),
    /// never mixed with reported results.
    TradeTarget,
}

impl Metric {
    pub const ALL: [Metric; 8] = [
        Metric::TradeValue,
        Metric::ExportValue,
        Metric::ImportValue,
        Metric::TradeBalance,
        Metric::TradeGrowthYoy,
        Metric::ExportGrowthYoy,
        Metric::ImportGrowthYoy,
        Metric::TradeTarget,
    ];

    /// The snake_case name used in JSON and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::TradeValue => "trade_value",
            Metric::ExportValue => "export_value",
            Metric::ImportValue => "import_value",
            Metric::TradeBalance => "trade_balance",
            Metric::TradeGrowthYoy => "trade_growth_yoy",
            Metric::ExportGrowthYoy => "export_growth_yoy",
            Metric::ImportGrowthYoy => "import_growth_yoy",
            Metric::TradeTarget => "trade_target",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Metric::TradeValue => "Trade value",
            Metric::ExportValue => "Exports",
            Metric::ImportValue => "Imports",
            Metric::TradeBalance => "Trade balance",
            Metric::TradeGrowthYoy => "Trade growth, year on year",
            Metric::ExportGrowthYoy => "Export growth, year on year",
            Metric::ImportGrowthYoy => "Import growth, year on year",
            Metric::TradeTarget => "Trade target",
        }
    }

    /// Growth rates are percentages; everything else is money.
    pub fn is_growth(self) -> bool {
        matches!(
            self,
            Metric::TradeGrowthYoy | Metric::ExportGrowthYoy | Metric::ImportGrowthYoy
        )
    }

    /// Exports and imports (and their growth) have a direction: the pair is `[from, to]`.
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            Metric::ExportValue
                | Metric::ImportValue
                | Metric::ExportGrowthYoy
                | Metric::ImportGrowthYoy
                | Metric::TradeBalance
        )
    }
}

/// How a reported figure is hedged. "nearly $250 billion" is not $250 billion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Nearly,
    Almost,
    About,
    Around,
    Roughly,
    Approximately,
    Some,
    MoreThan,
    Over,
    Above,
    Exceeding,
    /// "at least", "no less than", "upwards of".
    AtLeast,
    LessThan,
    Under,
    UpTo,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Nearly => "nearly",
            Qualifier::Almost => "almost",
            Qualifier::About => "about",
            Qualifier::Around => "around",
            Qualifier::Roughly => "roughly",
            Qualifier::Approximately => "approximately",
            Qualifier::Some => "some",
            Qualifier::MoreThan => "more than",
            Qualifier::Over => "over",
            Qualifier::Above => "above",
            Qualifier::Exceeding => "exceeding",
            Qualifier::AtLeast => "at least",
            Qualifier::LessThan => "less than",
            Qualifier::Under => "under",
            Qualifier::UpTo => "up to",
        }
    }

    /// Which side of the stated number the true value lies on.
    pub fn bound(self) -> Bound {
        match self {
            Qualifier::Nearly
            | Qualifier::Almost
            | Qualifier::LessThan
            | Qualifier::Under
            | Qualifier::UpTo => Bound::AtMost,
            Qualifier::MoreThan
            | Qualifier::Over
            | Qualifier::Above
            | Qualifier::Exceeding
            | Qualifier::AtLeast => Bound::AtLeast,
            Qualifier::About
            | Qualifier::Around
            | Qualifier::Roughly
            | Qualifier::Approximately
            | Qualifier::Some => Bound::Near,
        }
    }
}

/// The side of a qualified number on which the real value lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    AtMost,
    AtLeast,
    Near,
}

/// An inclusive span of calendar days that a figure covers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// "2024", "Jan–Aug 2020", "Q1 2023".
    pub label: String,
    /// True when the text did not state the period and it was worked out
    /// ("a decade ago", "2023-24" where the fiscal calendar is not known).
    #[serde(default)]
    pub inferred: bool,
    /// True when the text gives no period that can be known ("trade
    /// currently stands at $9 billion", "last year" in an undated article):
    /// `start` and `end` then only bound when the figure could be (the
    /// publication day, or nothing known: both 1970-01-01), and the figure
    /// is kept to be dated by a correction, never charted as it stands.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unresolved: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Period {
    /// The calendar year `year`.
    pub fn year(year: i32) -> Option<Self> {
        Period::months(year, 1, 12)
    }

    /// Months `first..=last` of `year`, labelled the way a reader writes them.
    pub fn months(year: i32, first: u32, last: u32) -> Option<Self> {
        if !(1..=12).contains(&first) || !(first..=12).contains(&last) {
            return None;
        }
        let start = NaiveDate::from_ymd_opt(year, first, 1)?;
        let end = last_day_of_month(year, last)?;
        let label = match (first, last) {
            (1, 12) => format!("{year}"),
            (1, 3) => format!("Q1 {year}"),
            (4, 6) => format!("Q2 {year}"),
            (7, 9) => format!("Q3 {year}"),
            (10, 12) => format!("Q4 {year}"),
            (1, 6) => format!("H1 {year}"),
            (7, 12) => format!("H2 {year}"),
            (a, b) if a == b => format!("{} {year}", MONTH_ABBR[a as usize - 1]),
            (a, b) => format!(
                "{}–{} {year}",
                MONTH_ABBR[a as usize - 1],
                MONTH_ABBR[b as usize - 1]
            ),
        };
        Some(Period {
            start,
            end,
            label,
            inferred: false,
            unresolved: false,
        })
    }

    /// The months from `first` of `year` to `last` of `last_year`, which
    /// may run into the next year (a fiscal year, "the year to March"):
    /// "Apr 2023–Mar 2024". Within one year, as [`Period::months`].
    pub fn span(year: i32, first: u32, last_year: i32, last: u32) -> Option<Self> {
        if last_year == year {
            return Period::months(year, first, last);
        }
        if !(1..=12).contains(&first) || !(1..=12).contains(&last) || last_year != year + 1 {
            return None;
        }
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, first, 1)?,
            end: last_day_of_month(last_year, last)?,
            label: format!(
                "{} {year}–{} {last_year}",
                MONTH_ABBR[first as usize - 1],
                MONTH_ABBR[last as usize - 1]
            ),
            inferred: false,
            unresolved: false,
        })
    }

    /// The days `start..=end`, for a span that does not follow month ends
    /// (Iran's fiscal year, 21 March to 20 March): "21 Mar 2021–20 Mar 2022".
    pub fn days(start: NaiveDate, end: NaiveDate) -> Self {
        let day = |d: NaiveDate| {
            format!(
                "{} {} {}",
                d.day(),
                MONTH_ABBR[d.month0() as usize],
                d.year()
            )
        };
        Period {
            label: format!("{}–{}", day(start), day(end)),
            start,
            end,
            inferred: false,
            unresolved: false,
        }
    }

    /// A period the text does not let anyone know ("currently", "last year"
    /// with no publication date), labelled with the words it used.
    pub fn unresolved(label: &str, published: Option<NaiveDate>) -> Self {
        let day = published.unwrap_or_default();
        Period {
            start: day,
            end: day,
            label: format!("{label} (period unknown)"),
            inferred: true,
            unresolved: true,
        }
    }

    /// The same months a year earlier, for spans across two years too.
    pub fn shifted_back(&self) -> Option<Self> {
        let start = self.start.with_year(self.start.year() - 1)?;
        if !self.follows_month_ends() {
            let end = self.end.with_year(self.end.year() - 1)?;
            return Some(Period {
                inferred: self.inferred,
                ..Period::days(start, end)
            });
        }
        Period::span(
            start.year(),
            start.month(),
            self.end.year() - 1,
            self.end.month(),
        )
        .map(|mut p| {
            p.inferred = self.inferred;
            p
        })
    }

    /// Whether the period starts on a month's first day and ends on a
    /// month's last, as all but [`Period::days`] spans do.
    pub fn follows_month_ends(&self) -> bool {
        self.start.day() == 1
            && last_day_of_month(self.end.year(), self.end.month()) == Some(self.end)
    }

    /// Whether the period is one whole calendar year.
    pub fn is_full_year(&self) -> bool {
        self.start.month() == 1
            && self.start.day() == 1
            && self.end.month() == 12
            && self.end.day() == 31
            && self.start.year() == self.end.year()
    }

    /// The same months one year earlier, which a year-on-year rate compares
    /// against (within one calendar year; see [`Period::shifted_back`]).
    pub fn year_before(&self) -> Option<Self> {
        let start = self.start.with_year(self.start.year() - 1)?;
        let end = last_day_of_month(self.end.year() - 1, self.end.month())?;
        Period::months(start.year(), start.month(), end.month())
    }

    /// Whether two periods cover the same days (labels and inference aside).
    pub fn same_span(&self, other: &Period) -> bool {
        self.start == other.start && self.end == other.end
    }
}

/// The years a view, a query or a correction may name, one range for all
/// of them: the dashboard, the API and the corrections once each had their
/// own (1900-2100, 1000-9999 and 1900-2200), so the API answered views the
/// page refused. From 1900, before which no bilateral series the articles
/// speak of begins, to 2100, past the furthest target a leader names
/// ("$500 billion by 2030"); a year outside is a typo, not a period.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// English month abbreviations, January first.
pub const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The last day of a month, or `None` for a month outside 1..=12.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Month,
    Year,
    Unknown,
}

/// A date known to the day, the month or only the year; serialised as
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A month and day whose year cannot be
/// recovered is kept too, as `--MM-DD` (the ISO 8601 form for it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            year: Some(date.year()),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    pub fn month(year: i32, month: u32) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        }
    }

    pub fn year(year: i32) -> Self {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }

    /// A month and day whose year is not known.
    pub fn month_day(month: u32, day: u32) -> Self {
        PartialDate {
            year: None,
            month: Some(month),
            day: Some(day),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.year, self.month, self.day) {
            (Some(_), Some(_), Some(_)) => Precision::Day,
            (Some(_), Some(_), None) => Precision::Month,
            (Some(_), None, _) => Precision::Year,
            (None, ..) => Precision::Unknown,
        }
    }

    /// The exact day, when the date is known to the day.
    pub fn to_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// The first day the date can stand for (for placing it on a time axis).
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can stand for.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let year = self.year?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
            (Some(m), None) => last_day_of_month(year, m),
            _ => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }

    /// Parses the serialised forms; `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            NaiveDate::from_ymd_opt(2000, m, d)?; // a leap year accepts 29 February
            return Some(PartialDate::month_day(m, d));
        }
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => Some(PartialDate::year(num(y, 4)? as i32)),
            [y, m] => {
                let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
                (1..=12).contains(&m).then(|| PartialDate::month(y, m))
            }
            [y, m, d] => NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(d, 2)?)
                .map(PartialDate::day),
            _ => None,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => f.write_str("unknown"),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s:?}")))
    }
}

/// Where a figure or event came from, and how sure the extractor is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The whole sentence the figure or event was read from.
    pub quote: String,
    /// Character offsets (Unicode scalar values, end exclusive) of the figure or
    /// trigger phrase in the document's text.
    pub span: [usize; 2],
    /// Character offsets of `quote` in the document's text.
    pub sentence_span: [usize; 2],
    /// 0.0 to 1.0.
    pub confidence: f32,
    /// Why this pair, period and date were chosen, in words.
    pub reason: String,
}

/// Whether a figure was reported as a result or stated as a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Reported,
    Target,
}

/// The same amount written in a second currency ("$1.2 billion (8.6 billion yuan)").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Equivalent {
    pub value: f64,
    pub currency: String,
}

/// One dated figure read from one sentence of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub pair: Pair,
    pub metric: Metric,
    pub period: Period,
    /// In base units: dollars (not billions), or percent for growth rates.
    pub value: f64,
    /// ISO 4217 code for money, `None` for percentages.
    pub currency: Option<String>,
    /// `"percent"` for growth rates, `None` for money.
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    /// Low and high ends when the text gave a range; `value` is then their midpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// The same figure in another currency, as the text converted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalent: Option<Equivalent>,
    #[serde(default)]
    pub status: Status,
    /// The writer's conversion of another figure of the same sentence into
    /// this currency ("EUR62.5 billion (US$67.82 billion)"): a report in its
    /// own right, but not an independent one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub converted: bool,
    /// The figure as written ("nearly $250 billion").
    pub as_written: String,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// How a figure was written, read once from its [`Observation::as_written`]
/// for every use: the extractor's de-duplication and the series' agreement
/// between reports once read it two ways ("$200 billion" was give or take
/// $0.5 billion in one and $50 billion in the other).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written {
    /// Decimals of the first number ("$190.27 billion": 2).
    pub decimals: u32,
    /// Half a unit of its last digit, in the figure's units ("$240 billion":
    /// 0.5 billion; "7.25%": 0.005): the figure stands for its value give or
    /// take this.
    pub half_unit: f64,
    /// Whether another number follows: a range ("$55 billion to $57
    /// billion") or a conversion ("EUR30.1 billion (US$32.6 billion)").
    pub more_numbers: bool,
}

impl Observation {
    /// How the figure was written: the first number of `as_written`, its
    /// scale taken from the value it gave (the low end of a range). `None`
    /// for a figure written without digits ("two billion") or as zero.
    pub fn written(&self) -> Option<Written> {
        let text = &self.as_written;
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let digits = &text[start..];
        let end = digits
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(digits.len());
        let number = digits[..end].trim_end_matches(['.', ',']);
        let decimals = number.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        let written: f64 = number.replace(',', "").parse().ok()?;
        if written == 0.0 {
            return None;
        }
        let value = self.range.map_or(self.value, |[first, _]| first);
        let unit = (value / written).abs();
        Some(Written {
            decimals,
            half_unit: 0.5 * unit / 10f64.powi(decimals as i32),
            more_numbers: digits[end..].contains(|c: char| c.is_ascii_digit()),
        })
    }
}

/// The kinds of diplomatic contact the timeline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    StateVisit,
    OfficialVisit,
    Visit,
    Talks,
    Meeting,
    Summit,
    PhoneCall,
    VideoCall,
    MessageExchange,
}

impl EventKind {
    /// Every kind, from the most formal contact to the least.
    pub const ALL: [EventKind; 9] = [
        EventKind::StateVisit,
        EventKind::OfficialVisit,
        EventKind::Visit,
        EventKind::Talks,
        EventKind::Meeting,
        EventKind::Summit,
        EventKind::PhoneCall,
        EventKind::VideoCall,
        EventKind::MessageExchange,
    ];

    /// Its name in JSON and in links: "state_visit".
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::StateVisit => "state_visit",
            EventKind::OfficialVisit => "official_visit",
            EventKind::Visit => "visit",
            EventKind::Talks => "talks",
            EventKind::Meeting => "meeting",
            EventKind::Summit => "summit",
            EventKind::PhoneCall => "phone_call",
            EventKind::VideoCall => "video_call",
            EventKind::MessageExchange => "message_exchange",
        }
    }

    /// The kind named `name` ([`EventKind::as_str`]).
    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            EventKind::StateVisit => "State visit",
            EventKind::OfficialVisit => "Official visit",
            EventKind::Visit => "Visit",
            EventKind::Talks => "Talks",
            EventKind::Meeting => "Meeting",
            EventKind::Summit => "Summit",
            EventKind::PhoneCall => "Phone call",
            EventKind::VideoCall => "Video call",
            EventKind::MessageExchange => "Message exchange",
        }
    }
}

/// Whether an event happened or is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    Occurred,
    Planned,
}

/// Someone taking part in an event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub country: Option<String>,
}

/// A visit, meeting, call or exchange of messages reported by an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    pub date_start: Option<PartialDate>,
    pub date_end: Option<PartialDate>,
    pub precision: Precision,
    pub participants: Vec<Participant>,
    pub place: Option<String>,
    pub status: EventStatus,
    #[serde(flatten)]
    pub provenance: Provenance,
}

impl Event {
    /// The countries of the participants, in alphabetical order, when there are two.
    pub fn pair(&self) -> Option<Pair> {
        let mut codes: Vec<&str> = self
            .participants
            .iter()
            .filter_map(|p| p.country.as_deref())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        match codes.as_slice() {
            [a, b] => Some(Pair::sorted(a, b)),
            _ => None,
        }
    }
}

/// The country an article reports the trade of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub code: String,
    /// What gave it away, in words ("its dateline, the agency it quotes").
    pub basis: String,
}

/// A problem the extractor met that a reader should know about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable machine-readable code: `encoding`, `no_figures`, `date_unknown`, ...
    pub code: String,
    pub message: String,
}

/// The language an article is read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
    Ru,
}

impl Lang {
    /// The code JSON and URLs use: `en`, `zh`, `ru`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
        }
    }

    /// "English", "Chinese", "Russian".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "Chinese",
            Lang::Ru => "Russian",
        }
    }
}

/// Everything read from one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub path: String,
    /// The language it is read in (Russian is recognised, not yet read).
    #[serde(default)]
    pub lang: Lang,
    pub title: Option<String>,
    pub published: Option<PartialDate>,
    pub published_precision: Precision,
    pub published_basis: String,
    /// The two countries the article is mostly about (the two most named), if
    /// any: the pair a visit by one side's official belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<Pair>,
    /// The country whose trade the article reports, where the text tells
    /// (its dateline, the agency it quotes, its figures' currency), and how
    /// that was read: whose "exports" and whose fiscal year an article
    /// means when it does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reporter>,
    pub observations: Vec<Observation>,
    pub events: Vec<Event>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_kinds_are_named_in_links_as_in_json() {
        for kind in EventKind::ALL {
            let json = serde_json::to_value(kind).expect("serialises");
            assert_eq!(json.as_str(), Some(kind.as_str()), "{kind:?}");
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EventKind::parse("State visit"), None);
    }

    #[test]
    fn partial_dates_round_trip_through_their_text_form() {
        for s in ["2025-04-02", "2023-03", "2020", "--03-20"] {
            let d = PartialDate::parse(s).expect(s);
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(PartialDate::parse("2023-02-30"), None);
        assert_eq!(PartialDate::parse("2023-13"), None);
        assert_eq!(PartialDate::parse("20230"), None);
        assert_eq!(PartialDate::parse("March 20"), None);
    }

    #[test]
    fn periods_are_labelled_as_readers_write_them() {
        let p = Period::months(2020, 1, 8).expect("valid");
        assert_eq!(p.label, "Jan–Aug 2020");
        assert_eq!(p.end, NaiveDate::from_ymd_opt(2020, 8, 31).expect("date"));
        assert!(Period::year(2024).expect("valid").is_full_year());
        assert!(!p.is_full_year());
        assert_eq!(Period::months(2024, 2, 2).expect("valid").end.day(), 29);
        assert_eq!(Period::months(2024, 9, 3), None);
        assert_eq!(p.year_before().expect("valid").label, "Jan–Aug 2019");
        let fiscal = Period::span(2023, 4, 2024, 3).expect("valid");
        assert_eq!(fiscal.label, "Apr 2023–Mar 2024");
        assert_eq!(
            fiscal.end,
            NaiveDate::from_ymd_opt(2024, 3, 31).expect("date")
        );
        assert!(!fiscal.is_full_year());
        assert_eq!(
            fiscal.shifted_back().expect("valid").label,
            "Apr 2022–Mar 2023"
        );
        assert_eq!(Period::span(2023, 4, 2025, 3), None);
    }

    #[test]
    fn pairs_parse_from_slugs() {
        assert_eq!(
            Pair::from_slug("cn-ru"),
            Some(Pair("CN".into(), "RU".into()))
        );
        assert_eq!(Pair::from_slug("CNRU"), None);
        assert_eq!(Pair::from_slug("C1-RU"), None);
        assert_eq!(Pair::sorted("RU", "CN").slug(), "CN-RU");
        assert_eq!(
            Pair::from_slug("asean-cn"),
            Some(Pair("ASEAN".into(), "CN".into()))
        );
        assert_eq!(
            Pair::from_slug("EAEU-VN").map(|p| p.names()).as_deref(),
            Some("Eurasian Economic Union and Vietnam")
        );
        assert_eq!(Pair::from_slug("XYZ-CN"), None);
        assert_eq!(Pair::from_slug("ASEANS-CN"), None);
    }
}
