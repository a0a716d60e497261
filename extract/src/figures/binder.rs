//! Binding one sentence's amounts and rates into observations.

use std::sync::OnceLock;

use chrono::Datelike;
use regex::Regex;

use super::{
    clause::{
        by_year_re, clause, comparison_base, goal_for_year, names_a_goal, span_distance,
        states_a_goal,
    },
    measure::{counts_goods_of_a_kind, measure_of, Measure, MeasureWord},
    DocumentContext,
};
use crate::{
    country::Mention,
    growth::Rate,
    model::{Metric, Observation, Pair, Period, Provenance, Status},
    money::Amount,
    period::{PeriodKind, PeriodMention},
};

pub(super) struct SentenceBinder<'a> {
    pub(super) doc: &'a DocumentContext<'a>,
    /// The sentence as the patterns read it: numbers written in digits
    /// ([`normalize::numbers`](crate::normalize::numbers)), every byte where
    /// it is in `original`.
    pub(super) sentence: &'a str,
    /// The sentence as written, for quotes.
    pub(super) original: &'a str,
    /// Byte offset of the sentence in the document.
    pub(super) offset: usize,
    pub(super) words: &'a [MeasureWord],
    pub(super) periods: &'a [PeriodMention],
    pub(super) countries: &'a [Mention],
    /// What the first reported figure of the sentence just before says, if
    /// it had one.
    pub(super) carried: Option<&'a Carried>,
}

/// The first reported figure of a sentence, as the next sentence may go on
/// about it.
pub(super) struct Carried {
    /// The sentence's index.
    pub(super) sentence: usize,
    /// "Trade reached $200 billion in 2024. Exports to China were $61
    /// billion, ..." gives the second sentence's figures 2024.
    pub(super) period: Period,
    /// For a sentence that names no country ("In the first five months of
    /// 2024, trade turnover amounted to $17.4 billion"). `None` after a
    /// figure left out for its pair, whose period still carries: "China's
    /// total imports and exports reached 41.76 trillion yuan in 2023. ...
    /// trade with Russia surged 26.3 percent to 1.76 trillion yuan".
    pub(super) pair: Option<Pair>,
    /// Whether it was the total trade, which "it" may refer to next ("In
    /// the first eight months of this year, it totaled $70.8 billion").
    pub(super) total: bool,
}

/// What an observation is being built from.
pub(super) struct Parts {
    pub(super) metric: Metric,
    pub(super) pair: Pair,
    pub(super) period: Period,
    pub(super) reasons: Vec<String>,
    pub(super) confidence: f32,
}

impl SentenceBinder<'_> {
    /// Bytes `start..end` of the sentence as written.
    fn written(&self, start: usize, end: usize) -> &str {
        let start = crate::growth::floor_char_boundary(self.original, start);
        let end = crate::growth::floor_char_boundary(self.original, end.max(start));
        &self.original[start..end]
    }

    pub(super) fn amount(
        &self,
        amount: &Amount,
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = clause(self.sentence, amount.start);
        let word = measure_of(self.words, clause, amount.start, amount.end)
            .or_else(|| self.it_is_the_total(clause, amount));
        let Some(word) = word else {
            return Ok(None);
        };
        if word.end <= amount.start
            && counts_goods_of_a_kind(&self.sentence[word.end..amount.start])
        {
            return Ok(None);
        }
        let as_written = self.written(amount.start, amount.end);
        let before = &self.sentence[clause.0..amount.start];
        let after = &self.sentence[amount.end..clause.1.max(amount.end)];
        let is_target = states_a_goal(before) || self.goal_year_after(after) || names_a_goal(after);
        let (metric, sign) = match (word.measure, is_target) {
            (Measure::Other, _) => return Ok(None),
            (_, true) => (Metric::TradeTarget, 1.0),
            (Measure::Trade, false) => (Metric::TradeValue, 1.0),
            (Measure::Export, false) => (Metric::ExportValue, 1.0),
            (Measure::Import, false) => (Metric::ImportValue, 1.0),
            (Measure::Surplus, false) => (Metric::TradeBalance, 1.0),
            (Measure::Deficit, false) => (Metric::TradeBalance, -1.0),
        };
        let written = &self.sentence[word.start..word.end];
        let mut reasons = vec![if written.eq_ignore_ascii_case("it") {
            "measure: 'it' before the figure, the total trade of the sentence before".to_owned()
        } else {
            format!(
                "measure: '{written}' before the figure{}",
                if is_target { ", stated as a goal" } else { "" }
            )
        }];
        // "exceeded the $200 billion target set by the two leaders", in a
        // sentence of 2023's result: a goal named by a noun refers to one set
        // before, whose year is not the result's. Only "by 2024" or "the
        // target for 2024" dates it.
        let named_goal = is_target && !states_a_goal(before) && !self.goal_year_after(after);
        let period = if named_goal {
            match goal_for_year(after) {
                Some(p) => Ok((p, "period: the goal's year, 'for' it".to_owned(), 0.0)),
                None if by_year_re().is_match(self.sentence) => self.target_period(amount.start),
                None => Err("a goal named without its year".to_owned()),
            }
        } else if is_target {
            self.target_period(amount.start)
        } else {
            self.period_near(amount.start, amount.end, last_period, self.carried_period())
        };
        let (period, period_reason, period_penalty) = match period {
            Ok(p) => p,
            Err(why) => {
                return Err(format!(
                    "'{as_written}' left out: {why} (\"{}\")",
                    self.original
                ));
            }
        };
        // "up from $798.8 billion a year earlier": the figure is the base of
        // a comparison, a year before the period the sentence reports.
        let base = (!is_target)
            .then(|| {
                comparison_base(&self.sentence[amount.end..])
                    .or_else(|| self.changed_from(amount).then_some("changed from"))
            })
            .flatten();
        let (period, period_reason) = match base {
            Some(phrase) => match period.year_before() {
                Some(mut before) => {
                    before.inferred = period.inferred;
                    let reason = if phrase == "changed from" {
                        format!(
                            "period: the value it changed from, the year before {}",
                            period.label
                        )
                    } else {
                        format!(
                            "period: the base of a comparison, '{phrase}' than {}",
                            period.label
                        )
                    };
                    (before, reason)
                }
                None => {
                    return Err(format!(
                        "'{as_written}' left out: it is the base of a comparison ('{phrase}') with a period that has no year before it (\"{}\")",
                        self.original
                    ))
                }
            },
            None => (period, period_reason),
        };
        reasons.push(period_reason);
        let (pair, pair_reason, pair_penalty) = match self.pair(metric, word) {
            Ok(p) => p,
            Err(why) => {
                // A figure left out for its pair still names the period
                // "the same period" may refer to next ("China's foreign
                // trade ... in the first 10 months. Trade with Russia ...
                // in the same period").
                if !is_target && base.is_none() {
                    *last_period = Some(period);
                }
                return Err(format!(
                    "'{as_written}' left out: {why} (\"{}\")",
                    self.original
                ));
            }
        };
        reasons.push(pair_reason);
        // A bare "$" is read as US dollars, but papers in other dollar
        // countries write their own currency so: say so, and trust it less.
        let mut currency_penalty = 0.0;
        if let Some(local) = self.local_dollar(amount) {
            reasons.push(format!(
                "currency: '$' read as US dollars, though the report is from {local}, where '$' may mean the local dollar"
            ));
            currency_penalty = 0.2;
        }
        // "The same period" later on means what the sentence reports, not its base.
        if base.is_none() {
            *last_period = Some(period.clone());
        }
        let parts = Parts {
            metric,
            pair,
            period,
            reasons,
            confidence: 0.9 - period_penalty - pair_penalty - currency_penalty,
        };
        Ok(Some(self.observation(
            parts,
            sign * amount.value,
            Some(amount.currency.to_owned()),
            amount,
            is_target,
        )))
    }

    pub(super) fn rate(
        &self,
        rate: &Rate,
        bound: &[(Amount, Observation)],
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = clause(self.sentence, rate.start);
        let before = &self.sentence[clause.0..rate.start];
        let as_written = self.written(rate.start, rate.end);
        if states_a_goal(before) {
            // A forecast growth rate is not a reported one.
            return Ok(None);
        }
        // "has grown more than 50% since 2020" is growth over years, not
        // over one: not a year-on-year rate, so not a figure of the series.
        let after = self.sentence[rate.end..clause.1.max(rate.end)].trim_start();
        if crate::scan::starts_with_ascii_ci(after, "since ") {
            return Err(format!(
                "'{as_written}' left out: growth since a past date is not a year-on-year rate (\"{}\")",
                self.original
            ));
        }
        // A value in the same clause is what the rate describes: "rose 29.3
        // percent year-on-year to $190.27 billion".
        // Not when the rate has a period of its own, nearer to it than to the
        // value and another than the value's: "rose 26.3% to $240.1 billion in
        // 2023, and grew a further 5% in the first four months of 2024".
        let own_period = self.own_period(rate.start, rate.end);
        let partner = bound.iter().find(|(a, o)| {
            let c = super::clause::clause(self.sentence, a.start);
            let elsewhere = own_period.is_some_and(|(p, at)| {
                p != &o.period
                    && span_distance(at, (rate.start, rate.end))
                        < span_distance(at, (a.start, a.end))
            });
            c == clause && o.status == Status::Reported && !elsewhere
        });
        let (metric, pair, period, mut reasons, confidence) = if let Some((_, value)) = partner {
            let metric = match value.metric {
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                Metric::TradeValue => Metric::TradeGrowthYoy,
                _ => return Ok(None),
            };
            let reasons = vec![format!(
                "the rate describes '{}' in the same clause",
                value.as_written
            )];
            (
                metric,
                value.pair.clone(),
                value.period.clone(),
                reasons,
                value.provenance.confidence,
            )
        } else {
            let Some(word) = measure_of(self.words, clause, rate.start, rate.end) else {
                return Ok(None);
            };
            let metric = match word.measure {
                Measure::Trade => Metric::TradeGrowthYoy,
                Measure::Export => Metric::ExportGrowthYoy,
                Measure::Import => Metric::ImportGrowthYoy,
                _ => return Ok(None),
            };
            let mut reasons = vec![format!(
                "measure: '{}' before the rate",
                &self.sentence[word.start..word.end]
            )];
            let (period, period_reason, period_penalty) = self
                .period_near(rate.start, rate.end, last_period, self.carried_period())
                .map_err(|why| format!("'{as_written}' left out: {why} (\"{}\")", self.original))?;
            reasons.push(period_reason);
            let (pair, pair_reason, pair_penalty) = self
                .pair(metric, word)
                .map_err(|why| format!("'{as_written}' left out: {why} (\"{}\")", self.original))?;
            reasons.push(pair_reason);
            *last_period = Some(period.clone());
            (
                metric,
                pair,
                period,
                reasons,
                0.9 - period_penalty - pair_penalty,
            )
        };
        let mut confidence = confidence;
        if rate.flat {
            reasons.push("a statement that the level did not change, read as about 0 %".to_owned());
        } else if rate.year_on_year {
            reasons.push("the sentence compares with a year earlier".to_owned());
        } else if let Some(before) = year_before(&period)
            .filter(|y| crate::growth::compared_years(self.sentence).contains(y))
        {
            reasons.push(format!(
                "the sentence compares with {before}, the year before"
            ));
        } else {
            reasons.push(
                "no comparison stated; read as year on year, as trade growth usually is".to_owned(),
            );
            confidence -= 0.15;
        }
        let parts = Parts {
            metric,
            pair,
            period,
            reasons,
            confidence,
        };
        let span = (rate.start, rate.end);
        Ok(Some(self.rate_observation(parts, rate, span)))
    }

    /// The fixed period named nearest to `start..end`, with where it stands;
    /// a year compared with ("compared to $4.1 billion in 2022") is none.
    pub(super) fn own_period(&self, start: usize, end: usize) -> Option<(&Period, (usize, usize))> {
        let bases = crate::growth::compared_year_spans(self.sentence);
        self.periods
            .iter()
            .filter(|p| !bases.iter().any(|&(s, e)| p.start < e && s < p.end))
            .min_by_key(|p| span_distance((p.start, p.end), (start, end)))
            .and_then(|p| match &p.kind {
                PeriodKind::Fixed { period, .. } => Some((period, (p.start, p.end))),
                _ => None,
            })
    }

    /// The fixed period nearest to the number, or the one "the same period"
    /// refers back to. Returns the period, the reason, and a confidence penalty.
    pub(super) fn period_near(
        &self,
        start: usize,
        end: usize,
        last_period: &Option<Period>,
        carried: Option<&Period>,
    ) -> Result<(Period, String, f32), String> {
        let distance = |p: &PeriodMention| {
            if p.end <= start {
                start - p.end
            } else {
                p.start.saturating_sub(end)
            }
        };
        // A period that cannot be read ("last year" with no publication
        // date, "FY24", "April-January") and stands nearer than any that
        // can is the figure's: it is left out rather than given a farther one.
        let unreadable = |p: &PeriodMention| {
            matches!(
                p.kind,
                PeriodKind::Unresolved { .. }
                    | PeriodKind::FiscalYear { .. }
                    | PeriodKind::AcrossYears { .. }
            )
        };
        let mut nearest = self.periods.iter().min_by_key(|p| distance(p));
        // "rose to $111 billion in 2023 from $76 billion in 2022, while
        // imports climbed to $129 billion from $114 billion": the second
        // clause names no period, and the one nearest before it is the base
        // of the first change. Said in parallel, its figures are the first
        // figure's period (and its base, a year before that, as below).
        let mut passed_base = None;
        if let Some(p) = nearest.filter(|p| p.end <= start) {
            let bases = crate::growth::compared_year_spans(self.sentence);
            let is_base = |q: &PeriodMention| bases.iter().any(|&(s, e)| q.start < e && s < q.end);
            if is_base(p) {
                if let Some(first) = self.periods.iter().find(|q| {
                    q.end <= p.start && !is_base(q) && matches!(q.kind, PeriodKind::Fixed { .. })
                }) {
                    passed_base = Some(&self.sentence[p.start..p.end]);
                    nearest = Some(first);
                }
            }
        }
        if let Some(p) = nearest.filter(|p| unreadable(p)) {
            return Err(unreadable_reason(&p.kind));
        }
        match nearest.map(|p| &p.kind) {
            Some(PeriodKind::Fixed { period, reason }) if passed_base.is_some() => Ok((
                period.clone(),
                format!(
                    "period: {reason}, as the sentence's first figure ('{}', nearer, is the base of its change)",
                    passed_base.unwrap_or_default()
                ),
                if period.inferred { 0.3 } else { 0.1 },
            )),
            Some(PeriodKind::Fixed { period, reason }) => {
                let penalty = if period.inferred { 0.2 } else { 0.0 }
                    + if self.doc.published.confidence < 0.5 && reason.contains("published") {
                        0.2
                    } else {
                        0.0
                    };
                Ok((period.clone(), format!("period: {reason}"), penalty))
            }
            // "so far this year" after "the first eight months of 2024" is
            // those months; after anything else its end is not known.
            Some(PeriodKind::SoFar { year, phrase }) => match last_period {
                Some(p)
                    if p.start.ordinal() == 1
                        && p.start.year() == *year
                        && p.end.year() == *year
                        && p.end.month() < 12 =>
                {
                    Ok((
                        p.clone(),
                        format!(
                            "period: '{phrase}' as the part of {year} before, {}",
                            p.label
                        ),
                        0.1,
                    ))
                }
                _ => Err(unreadable_reason(&PeriodKind::SoFar {
                    year: *year,
                    phrase: phrase.clone(),
                })),
            },
            Some(PeriodKind::SamePeriod) => match last_period {
                Some(p) => Ok((
                    p.clone(),
                    format!("period: 'the same period' as before, {}", p.label),
                    0.1,
                )),
                None => Err("'the same period' with no period before it".to_owned()),
            },
            _ => self
                .periods
                .iter()
                .find(|p| unreadable(p))
                .map(|p| unreadable_reason(&p.kind))
                .map_or_else(
                    || match carried {
                        Some(p) => Ok((
                            p.clone(),
                            format!(
                                "period: none named; the sentence before reports {}",
                                p.label
                            ),
                            0.2,
                        )),
                        None => Err("the sentence names no period".to_owned()),
                    },
                    Err,
                ),
        }
    }

    /// A goal's year: "by 2030", else the nearest year.
    pub(super) fn target_period(&self, start: usize) -> Result<(Period, String, f32), String> {
        if let Some(c) = by_year_re().captures(self.sentence) {
            if let Some(p) = c
                .name("y")
                .and_then(|y| y.as_str().parse().ok())
                .and_then(Period::year)
            {
                let label = p.label.clone();
                return Ok((p, format!("period: the goal's year, 'by {label}'"), 0.0));
            }
        }
        // A goal's year is its own, never the reported figures' before it.
        self.period_near(start, start, &None, None)
    }

    /// "In the first eight months of this year, it totaled $70.8 billion":
    /// after a sentence whose first figure was the total trade, "it" with a
    /// verb of amounting straight before the money is that trade. The word
    /// "it" stands for the measure.
    pub(super) fn it_is_the_total(
        &self,
        clause: (usize, usize),
        amount: &Amount,
    ) -> Option<MeasureWord> {
        static RE: OnceLock<Regex> = OnceLock::new();
        if !self.carried.is_some_and(|c| c.total) {
            return None;
        }
        let re = RE.get_or_init(|| {
            crate::pattern::compile(
                "it amounted",
                r"(?i)\bit\s+(?:totall?ed|reached|stood\s+at|amounted\s+to|was|came\s+to|hit|rose\s+to|fell\s+to|grew\s+to|dropped\s+to)\s*$",
            )
        });
        let m = re.find(&self.sentence[clause.0..amount.start])?;
        let start = clause.0 + m.start();
        Some(MeasureWord {
            measure: Measure::Trade,
            start,
            end: start + 2,
        })
    }

    /// The period carried from the sentence before, if any.
    pub(super) fn carried_period(&self) -> Option<&Period> {
        self.carried.map(|c| &c.period)
    }

    /// Whether `amount` is the value a figure changed from, with no period
    /// of its own: "fell to $5.1 billion in 2023 from $6.3 billion", "was
    /// $56 billion in 2023, up from $52 billion". ("from $6.3 billion in
    /// 2022" names its own.)
    pub(super) fn changed_from(&self, amount: &Amount) -> bool {
        let before = self.sentence[..amount.start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or_default();
        let own_period = self
            .periods
            .iter()
            .any(|p| p.start >= amount.end && p.start <= amount.end + 16);
        word.eq_ignore_ascii_case("from") && !own_period
    }

    /// Whether the words after a figure give it a year still to come ("$80
    /// billion by 2030"): a goal, not a result, unless the year has passed
    /// ("had reached $100 billion by 2023", in an article of 2024).
    pub(super) fn goal_year_after(&self, after: &str) -> bool {
        let Some(c) = by_year_re().captures(after) else {
            return false;
        };
        let opens = c
            .get(0)
            .is_some_and(|m| after[..m.start()].trim().is_empty());
        let year: Option<i32> = c.name("y").and_then(|y| y.as_str().parse().ok());
        let published = self.doc.published.year();
        opens && year.is_some_and(|y| published.is_none_or(|p| y >= p))
    }

    /// The dateline's place when `amount` is written with a bare "$" and
    /// the report comes from a country with a dollar of its own.
    pub(super) fn local_dollar(&self, amount: &Amount) -> Option<&str> {
        const DOLLAR_CITIES: [&str; 16] = [
            "OTTAWA",
            "TORONTO",
            "MONTREAL",
            "VANCOUVER",
            "CALGARY",
            "CANBERRA",
            "SYDNEY",
            "MELBOURNE",
            "BRISBANE",
            "PERTH",
            "SINGAPORE",
            "HONG KONG",
            "WELLINGTON",
            "AUCKLAND",
            "TAIPEI",
            "KUALA LUMPUR",
        ];
        let written = &self.sentence[amount.start..amount.end];
        let bare = amount.currency == "USD"
            && written
                .trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == ' ')
                .starts_with('$')
            && !written.contains("US$")
            && !written.contains("U.S.");
        let place = self.doc.published.dateline.as_ref()?.place.as_str();
        (bare && DOLLAR_CITIES.iter().any(|c| c.eq_ignore_ascii_case(place))).then_some(place)
    }
    fn provenance(
        &self,
        start: usize,
        end: usize,
        confidence: f32,
        reasons: Vec<String>,
    ) -> Provenance {
        let chars = self.doc.chars;
        let abs = |i: usize| chars.char_offset(self.offset + i);
        // In ascending order, so the index moves forward only.
        let sentence_start = abs(0);
        let span = [abs(start), abs(end)];
        let sentence_end = abs(self.sentence.len());
        Provenance {
            quote: self.original.to_owned(),
            span,
            sentence_span: [sentence_start, sentence_end],
            confidence: confidence.clamp(0.05, 1.0),
            reason: reasons.join("; "),
        }
    }

    pub(super) fn observation(
        &self,
        parts: Parts,
        value: f64,
        currency: Option<String>,
        amount: &Amount,
        target: bool,
    ) -> Observation {
        let provenance = self.provenance(amount.start, amount.end, parts.confidence, parts.reasons);
        Observation {
            pair: parts.pair,
            metric: parts.metric,
            period: parts.period,
            value,
            currency,
            unit: None,
            qualifier: amount.qualifier,
            range: amount.range,
            equivalent: amount.equivalent.clone(),
            status: if target {
                Status::Target
            } else {
                Status::Reported
            },
            as_written: self.written(amount.start, amount.end).to_owned(),
            provenance,
        }
    }

    pub(super) fn rate_observation(
        &self,
        parts: Parts,
        rate: &Rate,
        span: (usize, usize),
    ) -> Observation {
        let provenance = self.provenance(span.0, span.1, parts.confidence, parts.reasons);
        Observation {
            pair: parts.pair,
            metric: parts.metric,
            period: parts.period,
            value: rate.value,
            currency: None,
            unit: Some("percent".to_owned()),
            qualifier: rate.qualifier,
            range: None,
            equivalent: None,
            status: Status::Reported,
            as_written: self.written(span.0, span.1).to_owned(),
            provenance,
        }
    }
}

/// The year before `period`, when it lies within one calendar year.
pub(super) fn year_before(period: &Period) -> Option<i32> {
    use chrono::Datelike;
    let year = period.start.year();
    (period.end.year() == year).then_some(year - 1)
}

/// Why a figure whose period cannot be read is left out.
pub(super) fn unreadable_reason(kind: &PeriodKind) -> String {
    match kind {
        PeriodKind::Unresolved { phrase } => format!(
            "the period '{phrase}' depends on a publication date the article does not give"
        ),
        PeriodKind::FiscalYear { phrase } => format!(
            "'{phrase}' is a fiscal year, whose months depend on the country that keeps it; it is not read as a calendar year"
        ),
        PeriodKind::AcrossYears { phrase } => format!(
            "'{phrase}' runs across two calendar years, which a series of calendar periods cannot hold"
        ),
        PeriodKind::SoFar { year, phrase } => format!(
            "'{phrase}' runs from January {year} to a month the article does not give"
        ),
        PeriodKind::Fixed { .. } | PeriodKind::SamePeriod => "the period is not readable".to_owned(),
    }
}
