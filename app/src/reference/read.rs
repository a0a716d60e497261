//! Reading a file of official figures: the simple reference format, or the
//! CSV that UN Comtrade's data portal downloads, told apart by the header.
//!
//! The simple format is `pair,flow,period,value,currency,source` (see
//! `../shared/reference/README.md`): `flow` is `total`, `export`, `import` or
//! `balance`, the pair is `[from, to]` for exports and imports, and `period`
//! is `2023`, `2023-03`, `2023-Q1` or `2023-01..2023-09`.
//!
//! A Comtrade download has a row per reporter, partner, flow, commodity and
//! period; tradeline keeps the rows of all goods (`cmdCode` `TOTAL`) with
//! one partner country, in both directions (`flowCode` `X` for exports, `M`
//! for imports), annual or monthly. The rest is skipped and counted by
//! reason, so the user sees what the file held that was not read.
//!
//! A row that cannot be read is a [`BadRow`] with its line number. Whether
//! the others are kept is the caller's choice (`--skip-bad`): by default
//! one bad row stops the import, because a half-read table is easy to
//! mistake for a whole one.

use std::collections::{BTreeMap, HashMap};

use super::{iso3, FigureKey, ReferenceFigure};
use crate::model::{Metric, Pair, Period};

/// The two formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Reference,
    Comtrade,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Reference => "the reference format",
            Format::Comtrade => "a UN Comtrade download",
        }
    }
}

/// Why a row of a Comtrade file was passed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skip {
    /// A single commodity or chapter, not all goods.
    Commodity,
    /// Trade with the World (all partners together).
    WorldPartner,
    /// A breakdown by second partner, mode of transport or customs regime.
    Breakdown,
    /// Re-exports, re-imports and other flows than exports and imports.
    OtherFlow,
    /// A country or area tradeline has no code for.
    UnknownCountry,
}

impl Skip {
    pub fn describe(self) -> &'static str {
        match self {
            Skip::Commodity => "single commodities (cmdCode other than TOTAL)",
            Skip::WorldPartner => "trade with the World as a whole",
            Skip::Breakdown => "breakdowns by second partner, transport mode or customs procedure",
            Skip::OtherFlow => "flows other than exports and imports",
            Skip::UnknownCountry => "countries or areas tradeline has no code for",
        }
    }
}

/// A row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// 1-based, counting the header.
    pub line: u64,
    pub reason: String,
}

/// A file read.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub format: Format,
    pub figures: Vec<ReferenceFigure>,
    /// Rows passed over on purpose, by reason.
    pub skipped: BTreeMap<Skip, usize>,
    pub bad: Vec<BadRow>,
}

impl Read {
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// A file that is not a table of figures at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is not UTF-8 text (line {line}); save it as UTF-8 CSV")]
    NotUtf8 { line: u64 },
    #[error(
        "the header `{0}` is neither the reference format (pair,flow,period,value,currency,source) \
         nor a UN Comtrade download (refYear or period, freqCode, reporterISO, partnerISO, \
         flowCode, cmdCode, primaryValue)"
    )]
    UnknownHeader(String),
    #[error("the file is not CSV that can be read: {0}")]
    Csv(String),
}

/// Reads `bytes`. `source` names the source of every figure (the simple
/// format's own column is then ignored; Comtrade rows are otherwise
/// "UN Comtrade, reported by <country>").
pub fn read(bytes: &[u8], source: Option<&str>) -> Result<Read, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = csv.headers().map_err(csv_error)?.clone();
    let columns = Columns::of(&header);
    let format = if columns.is_reference() {
        Format::Reference
    } else if columns.is_comtrade() {
        Format::Comtrade
    } else {
        return Err(ReadError::UnknownHeader(
            header.iter().collect::<Vec<_>>().join(","),
        ));
    };
    let source = source.map(str::trim).filter(|s| !s.is_empty());
    let mut out = Read {
        format,
        figures: Vec::new(),
        skipped: BTreeMap::new(),
        bad: Vec::new(),
    };
    // Within one file the same figure twice must agree.
    let mut seen: HashMap<FigureKey, (u64, f64)> = HashMap::new();
    for record in csv.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => match e.kind() {
                csv::ErrorKind::Utf8 { pos, .. } => {
                    return Err(ReadError::NotUtf8 {
                        line: pos.as_ref().map_or(0, |p| p.line()),
                    })
                }
                _ => return Err(csv_error(e)),
            },
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let row = match format {
            Format::Reference => reference_row(&columns, &record, source).map(Some),
            Format::Comtrade => comtrade_row(&columns, &record, source),
        };
        match row {
            Ok(Some(figure)) => {
                let key = figure.key();
                match seen.get(&key) {
                    Some(&(_, value)) if value == figure.value => {}
                    Some(&(first, value)) => out.bad.push(BadRow {
                        line,
                        reason: format!(
                            "the same figure as line {first} with another value ({} against {})",
                            figure.value, value
                        ),
                    }),
                    None => {
                        seen.insert(key, (line, figure.value));
                        out.figures.push(figure);
                    }
                }
            }
            Ok(None) => {}
            Err(Row::Skip(why)) => *out.skipped.entry(why).or_default() += 1,
            Err(Row::Bad(reason)) => out.bad.push(BadRow { line, reason }),
        }
    }
    Ok(out)
}

fn csv_error(e: csv::Error) -> ReadError {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => ReadError::NotUtf8 {
            line: pos.as_ref().map_or(1, |p| p.line()),
        },
        _ => ReadError::Csv(e.to_string()),
    }
}

/// A row that gives no figure.
enum Row {
    Skip(Skip),
    Bad(String),
}

/// Where each known column is, by its name (case-insensitive).
struct Columns(HashMap<String, usize>);

impl Columns {
    fn of(header: &csv::StringRecord) -> Columns {
        Columns(
            header
                .iter()
                .enumerate()
                .map(|(i, name)| (name.trim().to_ascii_lowercase(), i))
                .collect(),
        )
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(&name.to_ascii_lowercase())
    }

    fn is_reference(&self) -> bool {
        ["pair", "flow", "period", "value", "currency", "source"]
            .iter()
            .all(|c| self.has(c))
    }

    fn is_comtrade(&self) -> bool {
        (self.has("refYear") || self.has("period"))
            && [
                "freqCode",
                "reporterISO",
                "partnerISO",
                "flowCode",
                "cmdCode",
                "primaryValue",
            ]
            .iter()
            .all(|c| self.has(c))
    }

    /// The cell of `name` in `record`, empty if the column or cell is missing.
    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.0
            .get(&name.to_ascii_lowercase())
            .and_then(|&i| record.get(i))
            .unwrap_or("")
    }
}

fn reference_row(
    columns: &Columns,
    record: &csv::StringRecord,
    source: Option<&str>,
) -> Result<ReferenceFigure, Row> {
    let cell = |name: &str| columns.get(record, name);
    let pair = Pair::from_slug(cell("pair")).ok_or_else(|| {
        Row::Bad(format!(
            "pair `{}` is not two codes such as CN-RU",
            cell("pair")
        ))
    })?;
    if pair.0 == pair.1 {
        return Err(Row::Bad(format!(
            "pair `{}` names one party twice",
            cell("pair")
        )));
    }
    let metric = match cell("flow").to_ascii_lowercase().as_str() {
        "total" => Metric::TradeValue,
        "export" | "exports" => Metric::ExportValue,
        "import" | "imports" => Metric::ImportValue,
        "balance" => Metric::TradeBalance,
        other => {
            return Err(Row::Bad(format!(
                "flow `{other}` is not total, export, import or balance"
            )))
        }
    };
    // A total has no direction: stored as the dashboard names the pair.
    let pair = if metric == Metric::TradeValue {
        pair.undirected()
    } else {
        pair
    };
    let period = period(cell("period"))
        .ok_or_else(|| Row::Bad(format!(
            "period `{}` is not a year (2023), month (2023-03), quarter (2023-Q1) or span (2023-01..2023-09)",
            cell("period")
        )))?;
    let value = amount(cell("value"), metric == Metric::TradeBalance)?;
    let currency = cell("currency").to_ascii_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Row::Bad(format!(
            "currency `{}` is not a three-letter ISO 4217 code",
            cell("currency")
        )));
    }
    let source = match source {
        Some(s) => s.to_owned(),
        None if cell("source").is_empty() => {
            return Err(Row::Bad(
                "the source is empty: name it in the file or with --source".to_owned(),
            ))
        }
        None => cell("source").to_owned(),
    };
    Ok(ReferenceFigure {
        pair,
        metric,
        period,
        value,
        currency,
        source,
        reporter: None,
    })
}

fn comtrade_row(
    columns: &Columns,
    record: &csv::StringRecord,
    source: Option<&str>,
) -> Result<Option<ReferenceFigure>, Row> {
    let cell = |name: &str| columns.get(record, name);
    if !cell("cmdCode").eq_ignore_ascii_case("TOTAL") {
        return Err(Row::Skip(Skip::Commodity));
    }
    let partner_iso = cell("partnerISO");
    if partner_iso.eq_ignore_ascii_case("W00") || cell("partnerCode") == "0" {
        return Err(Row::Skip(Skip::WorldPartner));
    }
    // Aggregates over the second partner, transport mode and customs
    // procedure are the headline figures; anything else is a part of them.
    let aggregate = |name: &str, whole: &[&str]| {
        let v = cell(name);
        v.is_empty() || whole.iter().any(|w| v.eq_ignore_ascii_case(w))
    };
    if !aggregate("partner2ISO", &["W00", "0"])
        || !aggregate("partner2Code", &["0"])
        || !aggregate("motCode", &["0"])
        || !aggregate("customsCode", &["C00"])
    {
        return Err(Row::Skip(Skip::Breakdown));
    }
    let flow = cell("flowCode").to_ascii_uppercase();
    if flow != "X" && flow != "M" {
        return Err(Row::Skip(Skip::OtherFlow));
    }
    let (Some(reporter), Some(partner)) =
        (iso3::alpha2(cell("reporterISO")), iso3::alpha2(partner_iso))
    else {
        return Err(Row::Skip(Skip::UnknownCountry));
    };
    if reporter == partner {
        return Err(Row::Bad(format!(
            "reporter and partner are both `{}`",
            cell("reporterISO")
        )));
    }
    let period = comtrade_period(cell("freqCode"), cell("refYear"), cell("period"))?;
    let value = amount(cell("primaryValue"), false)?;
    let (pair, metric) = if flow == "X" {
        (
            Pair(reporter.to_owned(), partner.to_owned()),
            Metric::ExportValue,
        )
    } else {
        (
            Pair(partner.to_owned(), reporter.to_owned()),
            Metric::ImportValue,
        )
    };
    let source = source.map_or_else(
        || {
            format!(
                "UN Comtrade, reported by {}",
                crate::model::party_name(reporter)
            )
        },
        str::to_owned,
    );
    Ok(Some(ReferenceFigure {
        pair,
        metric,
        period,
        value,
        currency: "USD".to_owned(),
        source,
        reporter: Some(reporter.to_owned()),
    }))
}

/// Comtrade's period: `refYear` and `freqCode` `A`, or `period` `YYYYMM`
/// and `freqCode` `M`.
fn comtrade_period(freq: &str, ref_year: &str, period: &str) -> Result<Period, Row> {
    let bad = || {
        Row::Bad(format!(
            "period `{period}` (refYear `{ref_year}`, freqCode `{freq}`) is not a year or a month"
        ))
    };
    match freq.to_ascii_uppercase().as_str() {
        "A" => {
            let year = if ref_year.is_empty() {
                period
            } else {
                ref_year
            };
            year.parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y))
                .and_then(Period::year)
                .ok_or_else(bad)
        }
        "M" => {
            let (y, m) = (period.get(..4), period.get(4..));
            match (
                y.and_then(|y| y.parse::<i32>().ok()),
                m.and_then(|m| m.parse::<u32>().ok()),
            ) {
                (Some(y), Some(m)) if period.len() == 6 && (1900..=2100).contains(&y) => {
                    Period::months(y, m, m).ok_or_else(bad)
                }
                _ => Err(bad()),
            }
        }
        _ => Err(Row::Bad(format!(
            "freqCode `{freq}` is neither A (annual) nor M (monthly)"
        ))),
    }
}

/// A value in base units; negative only where it may be (a balance).
fn amount(cell: &str, signed: bool) -> Result<f64, Row> {
    let value: f64 = cell
        .replace('_', "")
        .parse()
        .map_err(|_| Row::Bad(format!("value `{cell}` is not a number")))?;
    if !value.is_finite() {
        return Err(Row::Bad(format!("value `{cell}` is not a finite number")));
    }
    if value < 0.0 && !signed {
        return Err(Row::Bad(format!(
            "value `{cell}` is negative; only a balance may be"
        )));
    }
    Ok(value)
}

/// `2023`, `2023-03`, `2023-Q1` or `2023-01..2023-09` (within one year or
/// across two, as a fiscal year is).
pub fn period(s: &str) -> Option<Period> {
    let year = |y: &str| {
        y.parse::<i32>()
            .ok()
            .filter(|y| y.to_string().len() == 4 && (1900..=2100).contains(y))
    };
    let month_of = |s: &str| -> Option<(i32, u32)> {
        let (y, m) = s.split_once('-')?;
        let m: u32 = m.parse().ok().filter(|_| m.len() == 2)?;
        Some((year(y)?, m))
    };
    let s = s.trim();
    if let Some((a, b)) = s.split_once("..") {
        let ((ya, ma), (yb, mb)) = (month_of(a)?, month_of(b)?);
        return Period::span(ya, ma, yb, mb).filter(|p| p.start <= p.end);
    }
    if let Some(y) = year(s) {
        return Period::year(y);
    }
    if let Some((y, q)) = s.split_once("-Q").or_else(|| s.split_once("-q")) {
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return Period::months(year(y)?, 3 * q - 2, 3 * q);
    }
    let (y, m) = month_of(s)?;
    Period::months(y, m, m)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    const REFERENCE_HEADER: &str = "pair,flow,period,value,currency,source\n";

    fn reference(rows: &str) -> Read {
        read(format!("{REFERENCE_HEADER}{rows}").as_bytes(), None).expect("a reference file")
    }

    #[rstest]
    #[case::year("2021", "2021", "2021-01-01", "2021-12-31")]
    #[case::month("2020-02", "Feb 2020", "2020-02-01", "2020-02-29")]
    #[case::quarter("2019-Q3", "Q3 2019", "2019-07-01", "2019-09-30")]
    #[case::span_in_a_year("2022-01..2022-08", "Jan–Aug 2022", "2022-01-01", "2022-08-31")]
    #[case::fiscal_year("2022-04..2023-03", "Apr 2022–Mar 2023", "2022-04-01", "2023-03-31")]
    fn periods_are_read(
        #[case] text: &str,
        #[case] label: &str,
        #[case] start: &str,
        #[case] end: &str,
    ) {
        let p = period(text).expect(text);
        assert_eq!(
            (p.label.as_str(), p.start.to_string(), p.end.to_string()),
            (label, start.to_owned(), end.to_owned())
        );
    }

    #[rstest]
    #[case::two_digit_year("23")]
    #[case::month_13("2023-13")]
    #[case::quarter_5("2023-Q5")]
    #[case::backwards_span("2023-09..2023-01")]
    #[case::three_years("2021-01..2023-01")]
    #[case::words("last year")]
    #[case::one_digit_month("2023-3")]
    fn other_periods_are_refused(#[case] text: &str) {
        assert_eq!(period(text), None, "{text}");
    }

    #[test]
    fn a_reference_file_gives_its_figures() {
        let r = reference(
            "DE-PL,total,2021,1.5e11,EUR,Destatis (written for this test)\n\
             PL-DE,export,2021-Q2,30000000000,EUR,Statistics Poland (test)\n\
             BR-CL,balance,2020,-2500000000,USD,Banco Central (test)\n",
        );
        assert_eq!(r.format, Format::Reference);
        assert!(r.bad.is_empty(), "{:?}", r.bad);
        assert_eq!(r.figures.len(), 3);
        let total = &r.figures[0];
        assert_eq!(
            (total.pair.slug(), total.metric),
            ("DE-PL".to_owned(), Metric::TradeValue)
        );
        assert_eq!((total.value, total.currency.as_str()), (1.5e11, "EUR"));
        let export = &r.figures[1];
        assert_eq!(
            (export.pair.slug(), export.metric),
            ("PL-DE".to_owned(), Metric::ExportValue)
        );
        assert_eq!(export.period.label, "Q2 2021");
        assert_eq!(r.figures[2].value, -2.5e9);
    }

    #[test]
    fn a_total_takes_the_pair_in_order_an_export_keeps_its_direction() {
        let r = reference(
            "RU-CN,total,2021,1e9,USD,test\n\
             RU-CN,export,2021,1e9,USD,test\n",
        );
        assert_eq!(r.figures[0].pair.slug(), "CN-RU");
        assert_eq!(r.figures[1].pair.slug(), "RU-CN");
    }

    #[rstest]
    #[case::bad_pair("China-Russia,total,2021,1e9,USD,s", "pair")]
    #[case::same_party("CN-CN,total,2021,1e9,USD,s", "twice")]
    #[case::bad_flow("CN-RU,transit,2021,1e9,USD,s", "flow")]
    #[case::bad_period("CN-RU,total,FY21,1e9,USD,s", "period")]
    #[case::bad_value("CN-RU,total,2021,$1bn,USD,s", "not a number")]
    #[case::negative_total("CN-RU,total,2021,-5,USD,s", "negative")]
    #[case::infinite("CN-RU,total,2021,inf,USD,s", "finite")]
    #[case::bad_currency("CN-RU,total,2021,1e9,dollars,s", "currency")]
    #[case::no_source("CN-RU,total,2021,1e9,USD,", "source")]
    fn a_bad_row_is_reported_with_its_line(#[case] row: &str, #[case] why: &str) {
        let r = reference(&format!("CN-RU,total,2020,1e9,USD,s\n{row}\n"));
        assert_eq!(r.figures.len(), 1, "the good row is read");
        assert_eq!(r.bad.len(), 1, "{:?}", r.bad);
        assert_eq!(r.bad[0].line, 3, "the header is line 1");
        assert!(r.bad[0].reason.contains(why), "{}", r.bad[0].reason);
    }

    #[test]
    fn the_same_figure_twice_must_agree() {
        let r = reference(
            "IN-JP,total,2022,2e10,USD,s\n\
             JP-IN,total,2022,2e10,USD,s\n\
             IN-JP,total,2022,3e10,USD,s\n",
        );
        assert_eq!(r.figures.len(), 1);
        assert_eq!(r.bad.len(), 1);
        assert!(r.bad[0].reason.contains("line 2"), "{}", r.bad[0].reason);
    }

    #[test]
    fn a_source_given_names_every_row() {
        let r = read(
            format!(
                "{REFERENCE_HEADER}CN-RU,total,2020,1e9,USD,\nCN-RU,total,2021,1e9,USD,Other\n"
            )
            .as_bytes(),
            Some("My customs table"),
        )
        .expect("read");
        assert!(r.bad.is_empty());
        assert!(r.figures.iter().all(|f| f.source == "My customs table"));
    }

    const COMTRADE_HEADER: &str = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,cmdCode,cmdDesc,customsCode,motCode,primaryValue\n";

    fn comtrade(rows: &[&str]) -> Read {
        let mut text = COMTRADE_HEADER.to_owned();
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        read(text.as_bytes(), None).expect("a Comtrade file")
    }

    #[test]
    fn comtrade_rows_of_all_goods_with_one_partner_are_read_and_the_rest_counted() {
        // Written for this test: Kenya's trade with Uganda, in the shape of
        // the portal's download.
        let r = comtrade(&[
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,X,Export,800,UGA,Uganda,0,W00,TOTAL,All,C00,0,700000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,M,Import,800,UGA,Uganda,0,W00,TOTAL,All,C00,0,150000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,X,Export,0,W00,World,0,W00,TOTAL,All,C00,0,6700000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,X,Export,800,UGA,Uganda,0,W00,09,Coffee,C00,0,9000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,RX,Re-export,800,UGA,Uganda,0,W00,TOTAL,All,C00,0,4000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,X,Export,800,UGA,Uganda,0,W00,TOTAL,All,C00,3,1000000",
            "C,A,20210101,2021,52,2021,404,KEN,Kenya,X,Export,999,XXX,Elsewhere,0,W00,TOTAL,All,C00,0,1000",
        ]);
        assert_eq!(r.format, Format::Comtrade);
        assert!(r.bad.is_empty(), "{:?}", r.bad);
        let found: Vec<_> = r
            .figures
            .iter()
            .map(|f| (f.pair.slug(), f.metric, f.value, f.reporter.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("KE-UG".to_owned(), Metric::ExportValue, 7e8, Some("KE")),
                ("UG-KE".to_owned(), Metric::ImportValue, 1.5e8, Some("KE")),
            ]
        );
        assert_eq!(r.figures[0].source, "UN Comtrade, reported by Kenya");
        assert_eq!(r.figures[0].period.label, "2021");
        assert_eq!(
            r.skipped,
            BTreeMap::from([
                (Skip::WorldPartner, 1),
                (Skip::Commodity, 1),
                (Skip::OtherFlow, 1),
                (Skip::Breakdown, 1),
                (Skip::UnknownCountry, 1),
            ])
        );
        assert_eq!(r.skipped_total(), 5);
    }

    #[test]
    fn comtrade_monthly_rows_are_months() {
        let r = comtrade(&[
            "C,M,20230301,2023,3,202303,76,BRA,Brazil,X,Export,152,CHL,Chile,0,W00,TOTAL,All,C00,0,812000000",
        ]);
        assert_eq!(r.figures[0].period.label, "Mar 2023");
        assert_eq!(r.figures[0].pair.slug(), "BR-CL");
    }

    #[rstest]
    #[case::month_13(
        "C,M,20231301,2023,13,202313,76,BRA,Brazil,X,Export,152,CHL,Chile,0,W00,TOTAL,All,C00,0,1"
    )]
    #[case::weekly(
        "C,W,20230301,2023,3,202303,76,BRA,Brazil,X,Export,152,CHL,Chile,0,W00,TOTAL,All,C00,0,1"
    )]
    #[case::no_value(
        "C,A,20230101,2023,52,2023,76,BRA,Brazil,X,Export,152,CHL,Chile,0,W00,TOTAL,All,C00,0,"
    )]
    #[case::with_itself(
        "C,A,20230101,2023,52,2023,76,BRA,Brazil,X,Export,76,BRA,Brazil,0,W00,TOTAL,All,C00,0,5"
    )]
    fn bad_comtrade_rows_are_reported(#[case] row: &str) {
        let r = comtrade(&[row]);
        assert!(r.figures.is_empty());
        assert_eq!(r.bad.len(), 1, "{:?}", r.bad);
        assert_eq!(r.bad[0].line, 2);
    }

    #[test]
    fn a_byte_order_mark_and_blank_lines_are_allowed() {
        let text = format!("\u{feff}{REFERENCE_HEADER}\nCN-RU,total,2020,1e9,USD,s\n\n");
        let r = read(text.as_bytes(), None).expect("read");
        assert_eq!((r.figures.len(), r.bad.len()), (1, 0));
    }

    #[rstest]
    #[case::empty(b"" as &[u8], ReadError::Empty)]
    #[case::blank(b"  \n\n", ReadError::Empty)]
    #[case::other_header(b"country,year,exports\nCN,2020,1\n", ReadError::UnknownHeader("country,year,exports".to_owned()))]
    #[case::binary(b"pair,flow,period,value,currency,source\nCN-RU,total,2020,\xff\xfe,USD,s\n", ReadError::NotUtf8 { line: 2 })]
    fn a_file_that_is_no_table_is_refused(#[case] bytes: &[u8], #[case] error: ReadError) {
        assert_eq!(read(bytes, None), Err(error));
    }
}
