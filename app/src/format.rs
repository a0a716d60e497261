//! How numbers, dates, periods and pairs are written for readers: "$244.8
//! billion", "+29.3 %", "Mar 2023", "ASEAN–India". Kept in one place so
//! tables, tooltips and exports agree.

use chrono::Datelike;

use crate::model::{
    party_name, Event, EventStatus, Observation, Official, Pair, PartialDate, Period, Qualifier,
    Status, MONTH_ABBR,
};

/// "China–Russia", "ASEAN–India": a pair as readers name it, each side by
/// its name rather than its code (a code tradeline has no name for stays
/// as it is). Used wherever a pair is shown: headings, the pair picker,
/// chart descriptions and export titles.
pub fn pair_name(pair: &Pair) -> String {
    format!("{}–{}", party_name(&pair.0), party_name(&pair.1))
}

/// "China → Russia": the two sides of a flow, from the first to the second,
/// for exports, imports and balances, whose pair is directed.
pub fn flow_name(pair: &Pair) -> String {
    format!("{} → {}", party_name(&pair.0), party_name(&pair.1))
}

/// What was read from a figure's sentence, in English, for a reader to check
/// against the original whatever its language: "Trade value, China–Russia,
/// Jan–Sep 2023 (part year): $176.4 billion, reported". No translation: the
/// extraction's own fields, written out.
pub fn observation_reading(o: &Observation) -> String {
    let pair = if o.metric.is_directed() {
        flow_name(&o.pair)
    } else {
        pair_name(&o.pair)
    };
    let status = match o.status {
        Status::Reported => "reported",
        Status::Target => "a goal or forecast",
    };
    format!(
        "{}, {pair}, {}: {}, {status}",
        o.metric.label(),
        period_label(&o.period),
        format_value(o)
    )
}

/// What was read from an event's sentence, in English: "Talks, Vladimir
/// Putin and Iran, 6–7 Nov 2025, held", or "date not given".
pub fn event_reading(e: &Event) -> String {
    let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    let who = match people.as_slice() {
        [] => "participants not named".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let when = match (e.date_start.as_ref(), e.date_end.as_ref()) {
        (None, _) => "date not given".to_owned(),
        (Some(start), Some(end)) if end != start => format_date_range(start, end),
        (Some(start), _) => format_date(Some(start)),
    };
    let status = match e.status {
        EventStatus::Occurred => "held",
        EventStatus::Planned => "planned",
    };
    format!("{}, {who}, {when}, {status}", e.kind.label())
}

/// What a period is when it is not a calendar year: "part year" for some
/// months of one year, "not a calendar year" for a run across the new year
/// (a fiscal year, "the year to March"), which is neither part of the year
/// it starts in nor comparable with it. `None` for a whole calendar year.
pub fn period_note(period: &Period) -> Option<&'static str> {
    if period.is_full_year() {
        None
    } else if period.start.year() == period.end.year() {
        Some("part year")
    } else {
        Some("not a calendar year")
    }
}

/// A period's label with what it is when it is not a calendar year:
/// "2024", "Jan–Aug 2020 (part year)", "Apr 2023–Mar 2024 (not a calendar year)".
pub fn period_label(period: &Period) -> String {
    match period_note(period) {
        Some(note) => format!("{} ({note})", period.label),
        None => period.label.clone(),
    }
}

/// A value as a reader expects it, with its qualifier: "nearly $250 billion",
/// "roughly 0 %" for a flat year, "−4.2 %" for a fall.
pub fn format_value(o: &Observation) -> String {
    format_figure(o.value, o.currency.as_deref(), o.qualifier)
}

/// How many words a figure takes: in full in tables, tooltips and the
/// source panel ("$244.8 billion"), short beside a mark or on an axis
/// ("$244.8 bn"). The sign, the currency and the rounding are the same in
/// both: one figure reads alike wherever it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    Full,
    Short,
}

/// A number in its currency (or as a percentage when there is none), with
/// its qualifier, in full: "nearly $250 billion", "−$85 billion".
/// A gap in percent with the digits it needs: "-0.004 %", "+2.4 %", "0 %".
pub fn format_gap(gap_pct: f64) -> String {
    let digits = match gap_pct.abs() {
        0.0 => return "0 %".to_owned(),
        g if g < 0.01 => 3,
        g if g < 1.0 => 2,
        _ => 1,
    };
    format!("{gap_pct:+.digits$} %")
}

/// The official figure beside a reported one, for tips and tables:
/// "official $244.81 bn (China customs), gap -0.004 %", with "beyond the
/// reports' rounding" when the difference is one of substance.
pub fn official_gap(currency: Option<&str>, official: &Official) -> String {
    let mut out = format!(
        "official {} ({})",
        format_figure(official.value, currency.or(Some(&official.currency)), None),
        official.source
    );
    if let Some(gap) = official.gap_pct {
        out.push_str(&format!(", gap {}", format_gap(gap)));
    }
    if official.beyond_precision {
        out.push_str(", beyond the reports' rounding");
    }
    out
}

pub fn format_figure(value: f64, currency: Option<&str>, qualifier: Option<Qualifier>) -> String {
    figure(value, currency, qualifier, Length::Full)
}

/// [`format_figure`] short enough to sit by a mark: "nearly $250 bn",
/// "−$85 bn", "+29.3 %".
pub fn short_figure(value: f64, currency: Option<&str>, qualifier: Option<Qualifier>) -> String {
    figure(value, currency, qualifier, Length::Short)
}

fn figure(
    value: f64,
    currency: Option<&str>,
    qualifier: Option<Qualifier>,
    length: Length,
) -> String {
    let number = match currency {
        Some(currency) => money(value, currency, length),
        None => format_percent(value),
    };
    match qualifier {
        Some(q) => format!("{} {number}", q.as_str()),
        None => number,
    }
}

/// "+29.3 %", "−4.0 %", "0 %".
pub fn format_percent(value: f64) -> String {
    if value == 0.0 {
        return "0 %".to_owned();
    }
    let sign = if value > 0.0 { "+" } else { "−" };
    format!("{sign}{} %", trim_decimals(value.abs(), 1))
}

/// "$244.8 billion", "¥1.2 trillion", "RUB 350 million".
pub fn format_money(value: f64, currency: &str) -> String {
    money(value, currency, Length::Full)
}

/// The sign before the currency ("−$85 billion", never "$-85 bn"), the
/// scale in words (two decimals) or abbreviated (one).
fn money(value: f64, currency: &str, length: Length) -> String {
    let (scaled, word) = scale(value.abs());
    let sign = if value < 0.0 { "−" } else { "" };
    let (number, word) = match length {
        Length::Full => (trim_decimals(scaled, 2), word),
        Length::Short => (
            trim_decimals(scaled, 1),
            match word {
                " trillion" => " tn",
                " billion" => " bn",
                " million" => " m",
                other => other,
            },
        ),
    };
    match currency {
        "USD" => format!("{sign}${number}{word}"),
        "EUR" => format!("{sign}€{number}{word}"),
        "GBP" => format!("{sign}£{number}{word}"),
        "" => format!("{sign}{number}{word}"),
        code => format!("{sign}{code} {number}{word}"),
    }
}

fn scale(v: f64) -> (f64, &'static str) {
    if v >= 1e12 {
        (v / 1e12, " trillion")
    } else if v >= 1e9 {
        (v / 1e9, " billion")
    } else if v >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    }
}

/// At most `places` decimals, trailing zeros dropped: 244.80 -> "244.8".
fn trim_decimals(v: f64, places: usize) -> String {
    let s = format!("{v:.places$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// "20 Mar 2023", "Mar 2023", "2023", "20 Mar (year unknown)", "date unknown".
pub fn format_date(date: Option<&PartialDate>) -> String {
    let Some(d) = date else {
        return "date unknown".to_owned();
    };
    let month = |m: u32| MONTH_ABBR.get(m as usize - 1).copied().unwrap_or("?");
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{day} {} {y}", month(m)),
        (Some(y), Some(m), None) => format!("{} {y}", month(m)),
        (Some(y), None, _) => y.to_string(),
        (None, Some(m), Some(day)) => format!("{day} {} (year unknown)", month(m)),
        _ => "date unknown".to_owned(),
    }
}

/// A run of dates, said once where the two ends share it: "20–22 Mar 2023",
/// "30 Mar – 2 Apr 2023", "Dec 2022 – Jan 2023".
pub fn format_date_range(first: &PartialDate, last: &PartialDate) -> String {
    let month = |m: u32| MONTH_ABBR.get(m as usize - 1).copied().unwrap_or("?");
    match (first, last) {
        (
            PartialDate {
                year: Some(y1),
                month: Some(m1),
                day: Some(d1),
            },
            PartialDate {
                year: Some(y2),
                month: Some(m2),
                day: Some(d2),
            },
        ) if y1 == y2 => {
            if m1 == m2 {
                format!("{d1}–{d2} {} {y1}", month(*m1))
            } else {
                format!("{d1} {} – {d2} {} {y1}", month(*m1), month(*m2))
            }
        }
        _ => format!("{} – {}", format_date(Some(first)), format_date(Some(last))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventKind, Metric};
    use crate::series::events::tests::event;
    use crate::series::merge::tests::observation;

    #[test]
    fn what_was_read_is_written_out_in_english() {
        let period = Period::months(2023, 1, 9).expect("months");
        let total = observation(Metric::TradeValue, period.clone(), 176.4e9, None);
        assert_eq!(
            observation_reading(&total),
            "Trade value, China–Russia, Jan–Sep 2023 (part year): $176.4 billion, reported"
        );
        let mut exports = observation(Metric::ExportValue, period, 80e9, Some(Qualifier::Nearly));
        exports.pair = Pair("RU".to_owned(), "CN".to_owned());
        exports.status = Status::Target;
        assert_eq!(
            observation_reading(&exports),
            "Exports, Russia → China, Jan–Sep 2023 (part year): nearly $80 billion, a goal or forecast"
        );
    }

    #[test]
    fn what_was_read_of_an_event_says_when_no_date_was_given() {
        let mut talks = event(
            EventKind::Talks,
            "2025-11-06",
            Some("2025-11-07"),
            &["Vladimir Putin", "Iran"],
        );
        assert_eq!(
            event_reading(&talks),
            format!(
                "Talks, Vladimir Putin and Iran, {}, held",
                format_date_range(
                    &PartialDate::parse("2025-11-06").expect("date"),
                    &PartialDate::parse("2025-11-07").expect("date")
                )
            )
        );
        talks.date_start = None;
        talks.date_end = None;
        talks.status = EventStatus::Planned;
        talks.participants.clear();
        assert_eq!(
            event_reading(&talks),
            "Talks, participants not named, date not given, planned"
        );
    }

    #[test]
    fn pairs_are_named_by_their_parties() {
        let pair = |a: &str, b: &str| Pair(a.to_owned(), b.to_owned());
        assert_eq!(pair_name(&pair("CN", "RU")), "China–Russia");
        assert_eq!(pair_name(&pair("ASEAN", "IN")), "ASEAN–India");
        assert_eq!(
            pair_name(&pair("EAEU", "VN")),
            "Eurasian Economic Union–Vietnam"
        );
        assert_eq!(
            flow_name(&pair("MERCOSUR", "EU")),
            "Mercosur → European Union"
        );
        // A code without a name is shown as it is rather than lost.
        assert_eq!(pair_name(&pair("CN", "ZZ")), "China–ZZ");
    }

    #[test]
    fn periods_say_when_they_are_not_a_calendar_year() {
        let year = Period::year(2024).expect("a year");
        let part = Period::months(2020, 1, 8).expect("months");
        let fiscal = Period::span(2023, 4, 2024, 3).expect("a fiscal year");
        assert_eq!(period_label(&year), "2024");
        assert_eq!(period_label(&part), "Jan–Aug 2020 (part year)");
        assert_eq!(
            period_label(&fiscal),
            "Apr 2023–Mar 2024 (not a calendar year)"
        );
    }

    #[test]
    fn a_figure_reads_alike_in_full_and_short() {
        use Length::{Full, Short};
        let nearly = Some(Qualifier::Nearly);
        for (value, currency, qualifier, length, expected) in [
            (244.8e9, Some("USD"), None, Short, "$244.8 bn"),
            (250e9, Some("USD"), nearly, Short, "nearly $250 bn"),
            (1.27e12, Some("CNY"), None, Short, "CNY 1.3 tn"),
            (29.3, None, None, Short, "+29.3 %"),
            (-4.0, None, None, Short, "−4 %"),
            // A deficit: the sign before the currency, in both lengths
            // (the chart once wrote "$-85 bn" beside a table's "−$85 billion").
            (-85e9, Some("USD"), None, Short, "−$85 bn"),
            (-85e9, Some("USD"), None, Full, "−$85 billion"),
            (-3.5e6, Some("EUR"), None, Short, "−€3.5 m"),
            (190.27e9, Some("USD"), None, Full, "$190.27 billion"),
            (190.27e9, Some("USD"), None, Short, "$190.3 bn"),
        ] {
            assert_eq!(figure(value, currency, qualifier, length), expected);
        }
    }

    #[test]
    fn money_is_scaled_and_trimmed() {
        assert_eq!(format_money(244.8e9, "USD"), "$244.8 billion");
        assert_eq!(format_money(190.27e9, "USD"), "$190.27 billion");
        assert_eq!(format_money(1.5e12, "CNY"), "CNY 1.5 trillion");
        assert_eq!(format_money(-3e6, "EUR"), "−€3 million");
    }

    #[test]
    fn percentages_carry_their_sign() {
        assert_eq!(format_percent(29.3), "+29.3 %");
        assert_eq!(format_percent(-4.0), "−4 %");
        assert_eq!(format_percent(0.0), "0 %");
    }

    #[test]
    fn runs_of_dates_say_what_they_share_once() {
        let d = |s: &str| PartialDate::parse(s).expect(s);
        assert_eq!(
            format_date_range(&d("2023-03-20"), &d("2023-03-22")),
            "20–22 Mar 2023"
        );
        assert_eq!(
            format_date_range(&d("2023-03-30"), &d("2023-04-02")),
            "30 Mar – 2 Apr 2023"
        );
        assert_eq!(
            format_date_range(&d("2023-12-30"), &d("2024-01-02")),
            "30 Dec 2023 – 2 Jan 2024"
        );
        assert_eq!(
            format_date_range(&d("2022-12"), &d("2023-01")),
            "Dec 2022 – Jan 2023"
        );
    }

    #[test]
    fn dates_show_only_what_is_known() {
        assert_eq!(
            format_date(PartialDate::parse("2023-03-20").as_ref()),
            "20 Mar 2023"
        );
        assert_eq!(
            format_date(PartialDate::parse("2022-12").as_ref()),
            "Dec 2022"
        );
        assert_eq!(
            format_date(PartialDate::parse("--03-20").as_ref()),
            "20 Mar (year unknown)"
        );
        assert_eq!(format_date(None), "date unknown");
    }
}
