//! Binding one sentence's amounts and rates into observations: what each
//! measures, whether it is a result or a goal, its period and its pair.

use std::cell::Cell;

use chrono::Datelike;

use super::{
    clause::{
        by_year_re, comparison_base, goal_for_year, goal_scope, names_a_goal, states_a_goal,
        Change, Clauses,
    },
    dating::{self, Found, Spot},
    discourse::{Discourse, Scope},
    measure::{counts_goods_of_a_kind, measure_of, Measure, MeasureWord},
    respectively::Listing,
    DocumentContext,
};
use crate::{
    country::Mention,
    growth::Rate,
    model::{Metric, Observation, Pair, Period, Provenance, Status},
    money::Amount,
    period::{PeriodKind, PeriodMention},
};

/// A period found for a figure: the period, why, and how much less sure
/// the figure is for it.
pub(super) type Dated = (Period, String, f32);

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
    /// Measure words, and anaphors standing for the figure said before.
    pub(super) words: &'a [MeasureWord],
    pub(super) periods: &'a [PeriodMention],
    pub(super) countries: &'a [Mention],
    /// The sentence's figures: its amounts, then its rates.
    pub(super) spots: &'a [Spot],
    /// Years named as a comparison's base ("compared to 2022"), and
    /// period phrases compared with.
    pub(super) excluded: &'a [(usize, usize)],
    /// The years the sentence compares with by name.
    pub(super) compared: &'a [(i32, (usize, usize))],
    /// Where the sentence breaks into clauses.
    pub(super) clauses: &'a Clauses,
    /// What the article said before this sentence.
    pub(super) discourse: &'a Discourse,
    /// Set to the country when a figure is left out as that country's
    /// trade with the world: the article's scope for what follows.
    pub(super) world: Cell<Option<&'static str>>,
    /// What the sentence lists its figures for "respectively".
    pub(super) listing: &'a Listing,
    /// How many amounts and rates the sentence has.
    pub(super) counts: (usize, usize),
    /// Whether the sentence says "bilateral", "two-way", "between the two"...
    pub(super) bilateral: std::cell::OnceCell<bool>,
    /// Set to the reporting country when a clause named only the partner
    /// ("exports to China alone jumped"), as a wrap of that country's trade
    /// by partner does.
    pub(super) wrap: Cell<Option<&'static str>>,
}

/// What an observation is being built from.
pub(super) struct Parts {
    pub(super) metric: Metric,
    pub(super) pair: Pair,
    pub(super) period: Period,
    pub(super) reasons: Vec<String>,
    pub(super) confidence: f32,
}

impl<'a> SentenceBinder<'a> {
    /// Bytes `start..end` of the sentence as written.
    fn written(&self, start: usize, end: usize) -> &str {
        let start = self.original.floor_char_boundary(start);
        let end = self.original.floor_char_boundary(end.max(start));
        &self.original[start..end]
    }

    fn left_out(&self, what: &str, why: &str) -> String {
        format!("'{what}' left out: {why} (\"{}\")", self.original)
    }

    /// The observation amount `k` of the sentence makes, if it is a trade
    /// figure; an error says why a figure that seemed one was left out.
    pub(super) fn amount(
        &self,
        k: usize,
        amount: &Amount,
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = self.clauses.at(amount.start);
        let listed = self.listing.measure(k, self.counts.0);
        let partner_listed = listed
            .is_none()
            .then(|| self.partner_listed(amount.start))
            .flatten();
        let Some(word) = listed
            .or(partner_listed.map(|(word, _)| word))
            .or_else(|| self.measure_named_after(amount))
            .or_else(|| measure_of(self.words, clause, amount.start, amount.end))
            .or_else(|| self.ranking_place_before(amount.start))
        else {
            return Ok(None);
        };
        if super::clause::sub_national(&self.sentence[amount.end..]) {
            return Ok(None);
        }
        // "Kenya's Sh2.2 trillion import bill": a country's bill for all its
        // imports.
        if word.start >= amount.end
            && matches!(word.measure, Measure::Import | Measure::Export)
            && self.sentence[amount.end..word.start].trim().is_empty()
            && self.sentence[word.end..].trim_start().starts_with("bill")
        {
            return Err(self.left_out(
                self.written(amount.start, amount.end),
                "an import bill is a country's imports from the whole world",
            ));
        }
        if word.end <= amount.start
            && counts_goods_of_a_kind(&self.sentence[word.end..amount.start])
        {
            return Ok(None);
        }
        let as_written = self.written(amount.start, amount.end);
        // "German exports, which totaled 1,060 billion euros worldwide".
        let next_word = self.sentence[amount.end..]
            .trim_start()
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or_default();
        if ["worldwide", "globally"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next_word))
        {
            return Err(self.left_out(as_written, "it is trade with the whole world"));
        }
        if self.itemised(amount) {
            return Err(self.left_out(
                as_written,
                "it is one item of a list (goods, ports) with its figure in brackets, a part of the trade",
            ));
        }
        if let Some(change) = Change::of(self.sentence, amount.start, amount.end) {
            return Err(self.left_out(as_written, change.why()));
        }
        if super::clause::negated(self.since_previous(k, clause, amount.start)) {
            return Err(self.left_out(as_written, "the sentence says the figure was not reached"));
        }
        let governing = &self.sentence[clause.0..amount.start];
        // A qualifier read with the amount ("to top $1.4 billion") leaves
        // its "to" to the words before: "is expected to top" is a goal.
        let goal_words = match self.sentence[amount.start..].get(..3) {
            Some(to) if to.eq_ignore_ascii_case("to ") => {
                &self.sentence[clause.0..amount.start + 3]
            }
            _ => governing,
        };
        let base = self.spots[k].base || comparison_base(&self.sentence[amount.end..]).is_some();
        let after = &self.sentence[amount.end..clause.1.max(amount.end)];
        let is_target = !base
            && (states_a_goal(goal_scope(goal_words))
                || self.goal_year_after(after)
                || names_a_goal(after));
        let (metric, sign) = match (word.measure, is_target) {
            (Measure::Other, _) => return Ok(None),
            (_, true) => (Metric::TradeTarget, 1.0),
            (Measure::Trade, false) => (Metric::TradeValue, 1.0),
            (Measure::Export, false) => (Metric::ExportValue, 1.0),
            (Measure::Import, false) => (Metric::ImportValue, 1.0),
            (Measure::Surplus, false) => (Metric::TradeBalance, 1.0),
            (Measure::Deficit, false) => (Metric::TradeBalance, -1.0),
        };
        // "the trade balance ... stood at $2.2 billion in favour of China":
        // China's surplus, whatever word named the balance.
        let favoured = (!is_target && matches!(metric, Metric::TradeValue | Metric::TradeBalance))
            .then(|| self.in_favour_of(amount.end, clause.1))
            .flatten();
        // "the balance with India was Nu 9.4B in the red": a deficit, and
        // "in the black" a surplus, whatever word named the balance.
        let red_or_black = (!is_target
            && matches!(metric, Metric::TradeValue | Metric::TradeBalance))
        .then(|| in_the_red_or_black(&self.sentence[amount.end..clause.1.max(amount.end)]))
        .flatten();
        let (metric, sign) = match (favoured, red_or_black) {
            (Some(_), _) => (Metric::TradeBalance, 1.0),
            (None, Some(sign)) => (Metric::TradeBalance, sign),
            (None, None) => (metric, sign),
        };
        let written = &self.sentence[word.start..word.end];
        let mut reasons = vec![if word.anaphor {
            format!("measure: '{written}' stands for the figure said before")
        } else {
            format!(
                "measure: '{written}' before the figure{}",
                if is_target { ", stated as a goal" } else { "" }
            )
        }];
        let dated = if is_target {
            self.goal_period(k, amount, governing, after)
        } else {
            self.period(k, last_period)
        };
        let (period, period_reason, period_penalty) =
            dated.map_err(|why| self.left_out(as_written, &why))?;
        reasons.push(period_reason);
        let ranked = (metric == Metric::TradeValue)
            .then(|| self.ranked_partner(amount.start))
            .flatten();
        let paired = match (self.listing.partner(k, self.counts.0), ranked) {
            (Some(partner), _) => {
                self.pair_with_listed(metric, word, partner, "listed 'respectively' for")
            }
            (None, Some(found)) => Ok(found),
            (None, None) => match (
                partner_listed,
                self.bracketed_partner(amount.start),
                self.with_partner(amount.start),
            ) {
                (Some((_, partner)), _, _) => {
                    self.pair_with_listed(metric, word, partner, "listed among the partners for")
                }
                (None, Some(partner), _) => {
                    self.pair_with_listed(metric, word, partner, "in brackets after")
                }
                (None, None, Some(partner)) => {
                    self.pair_with_listed(metric, word, partner, "named after 'with' before")
                }
                (None, None, None) => self.pair(metric, word),
            },
        };
        let (pair, pair_reason, pair_penalty) = match paired {
            Ok(p) => p,
            Err(why) => {
                // A figure left out for its pair still names the period
                // "the same period" may refer to next ("China's foreign
                // trade ... in the first 10 months. Trade with Russia ...
                // in the same period").
                if !is_target && !base {
                    *last_period = Some(period);
                }
                return Err(self.left_out(as_written, &why));
            }
        };
        reasons.push(pair_reason);
        let pair = match favoured {
            Some(winner) if pair.1 == winner => {
                reasons.push(format!("balance: in favour of {winner}, so its surplus"));
                Pair(pair.1, pair.0)
            }
            Some(winner) if pair.0 == winner => {
                reasons.push(format!("balance: in favour of {winner}, so its surplus"));
                pair
            }
            Some(winner) => {
                return Err(self.left_out(
                    as_written,
                    &format!("the balance is in favour of {winner}, not of either party"),
                ))
            }
            None => pair,
        };
        // A bare "$" is read as US dollars, but papers in other dollar
        // countries write their own currency so: say so, and trust it less.
        let mut currency_penalty = 0.0;
        if let Some(local) = self.local_dollar(amount) {
            reasons.push(format!(
                "currency: '$' read as US dollars, though the report is from {local}, where '$' may mean the local dollar"
            ));
            currency_penalty = 0.2;
        }
        if !amount.currency_written {
            reasons.push(format!(
                "currency: none written; read as {}, the currency of the figures around it",
                amount.currency
            ));
            currency_penalty += 0.2;
        }
        // "The same period" later on means what the sentence reports, not its base.
        if !base && !is_target {
            *last_period = Some(period.clone());
        }
        let parts = Parts {
            metric,
            pair,
            period,
            reasons,
            confidence: 0.9 - period_penalty - pair_penalty - currency_penalty,
        };
        let mut o = self.observation(parts, sign * amount.value, amount, is_target);
        // "exceeded the $200 billion target": the goal itself is exact.
        if is_target && names_a_goal(after) {
            o.qualifier = None;
        }
        Ok(Some(o))
    }

    /// A place in a ranking just before a figure, across the "with" that
    /// breaks the clause ("followed by the United States, with $49.8
    /// billion"), with no other figure between.
    fn ranking_place_before(&self, start: usize) -> Option<MeasureWord> {
        let w = self
            .words
            .iter()
            .rev()
            .find(|w| w.end <= start && w.anaphor)?;
        let near = start - w.end <= 60;
        let alone = !self
            .spots
            .iter()
            .any(|s| !s.rate && s.start >= w.end && s.end <= start);
        (near && alone && super::measure::ranking_place(&self.sentence[w.start..w.end]).is_some())
            .then_some(*w)
    }

    /// Whether `amount` is one of two or more figures in brackets, each
    /// after a word that names no party: "the top exports were gasoline
    /// ($24.5 billion), vehicle parts ($15.7 billion) and ...", "ports such
    /// as Laredo ($210 billion) and El Paso ($71 billion)".
    fn itemised(&self, amount: &Amount) -> bool {
        let after_a_word = |start: usize| {
            let before = self.sentence[..start].trim_end();
            let Some(head) = before.strip_suffix('(') else {
                return false;
            };
            let head = head.trim_end();
            // Not a conversion ("51.7 billion zlotys ($13 billion)").
            head.ends_with(|c: char| c.is_alphabetic())
                && !self.countries.iter().any(|m| m.end == head.len())
                && !self.spots.iter().any(|s| s.end == head.len())
        };
        if !after_a_word(amount.start) {
            return false;
        }
        self.spots
            .iter()
            .filter(|s| !s.rate && s.start != amount.start && after_a_word(s.start))
            .count()
            >= 1
    }

    /// The party a balance is "in favour of", named just after a figure
    /// ending at `end` ("$2.23 billion in favour of China", "in China's
    /// favour").
    fn in_favour_of(&self, end: usize, clause_end: usize) -> Option<&'static str> {
        let after = &self.sentence[end..clause_end.max(end)];
        let rest = after.trim_start();
        let at = end + (after.len() - rest.len());
        if let Some(party) = ["in favour of ", "in favor of "]
            .iter()
            .find_map(|lead| super::party_after(self.sentence, self.countries, end, lead))
        {
            return Some(party);
        }
        let in_favour = crate::scan::starts_with_ascii_ci(rest, "in ").then(|| at + 3)?;
        let m = self
            .countries
            .iter()
            .find(|m| m.start == in_favour || m.start == in_favour + 4)?;
        let tail = self.sentence[m.end..]
            .trim_start_matches(['\'', '’', 's'])
            .trim_start();
        (crate::scan::starts_with_ascii_ci(tail, "favour")
            || crate::scan::starts_with_ascii_ci(tail, "favor"))
        .then_some(m.code)
    }

    /// "$9.74 billion of Russia's exports to China": a measure that the
    /// amount is "of", right after it, says what it measures, whatever
    /// measure stood before ("trade turnover ... totaled $14.75 billion
    /// including $9.74 billion of Russia's exports").
    fn measure_named_after(&self, amount: &Amount) -> Option<MeasureWord> {
        measure_named_after(self.sentence, self.words, amount.end)
    }

    /// The words of the clause since the figure before figure `k` (or the
    /// clause's start): "and stood at $91 billion" after "has not crossed
    /// the $100 billion mark" is not negated.
    fn since_previous(&self, k: usize, clause: (usize, usize), start: usize) -> &str {
        let from = self
            .spots
            .iter()
            .enumerate()
            .filter(|(i, s)| *i != k && s.end <= start && s.end >= clause.0)
            .map(|(_, s)| s.end)
            .max()
            .unwrap_or(clause.0);
        &self.sentence[from..start]
    }

    /// The observation rate `j` of the sentence makes, if it is the yearly
    /// growth of a trade figure.
    pub(super) fn rate(
        &self,
        j: usize,
        rate: &Rate,
        bound: &[(usize, Observation)],
        last_period: &mut Option<Period>,
    ) -> Result<Option<Observation>, String> {
        let clause = self.clauses.at(rate.start);
        let before = &self.sentence[clause.0..rate.start];
        let as_written = self.written(rate.start, rate.end);
        if states_a_goal(goal_scope(before)) {
            // A forecast growth rate is not a reported one.
            return Ok(None);
        }
        let after = self.sentence[rate.end..clause.1.max(rate.end)].trim_start();
        if let Some(why) = super::clause::not_yearly(after, rate.year_on_year) {
            return Err(self.left_out(as_written, why));
        }
        if !rate.year_on_year
            && (super::clause::month_on_month_before(before)
                || super::clause::explains_a_monthly_change(&self.sentence[..rate.start]))
        {
            return Err(self.left_out(
                as_written,
                "growth against the month before is not a year-on-year rate",
            ));
        }
        if super::clause::a_share_or_ratio(self.sentence, rate.start, rate.end) {
            return Ok(None);
        }
        let k = j + self.amount_spots();
        // A value in the same clause is what the rate describes: "rose 29.3
        // percent year-on-year to $190.27 billion". Not a base ("from $126
        // billion in 2017 to $142 billion in 2018, a growth of 12.6%"
        // describes the later), and not when the rate has a period of its
        // own another than the value's: "rose 26.3% to $240.1 billion in
        // 2023, and grew a further 5% in the first four months of 2024".
        let own = self.own_period(k);
        // "a decline of 11.3% in exports and 16.3% in imports": the measure
        // named after the rate is its own, whatever amount stands near.
        let named_after = measure_named_after(self.sentence, self.words, rate.end).filter(|_| {
            crate::scan::starts_with_ascii_ci(self.sentence[rate.end..].trim_start(), "in ")
        });
        // Listed one to one with the amounts: the amount of the same place.
        let listed_value = (self.counts.0 == self.counts.1
            && (self.listing.measures.len() == self.counts.1
                || self.listing.partners.len() == self.counts.1))
            .then(|| bound.iter().find(|(a, _)| *a == j))
            .flatten();
        let partner = listed_value.or_else(|| {
            if named_after.is_some() {
                return None;
            }
            bound
                .iter()
                .filter(|(a, o)| {
                    let spot = self.spots[*a];
                    clause == self.clauses.at(spot.start)
                        && !spot.base
                        && o.status == Status::Reported
                        && own.is_none_or(|p| p.same_span(&o.period))
                })
                .min_by_key(|(a, _)| {
                    let spot = self.spots[*a];
                    super::clause::span_distance((spot.start, spot.end), (rate.start, rate.end))
                })
                // "...; a 32% increase": a clause of its own with no measure
                // word goes on about the sentence's figure before it.
                .or_else(|| {
                    let measured = self
                        .words
                        .iter()
                        .any(|w| w.start >= clause.0 && w.end <= clause.1);
                    (!measured)
                        .then(|| {
                            bound
                                .iter()
                                .filter(|(a, o)| {
                                    let spot = self.spots[*a];
                                    spot.end <= clause.0
                                        && !spot.base
                                        && o.status == Status::Reported
                                })
                                .max_by_key(|(a, _)| self.spots[*a].end)
                        })
                        .flatten()
                })
                // "fell 23% from $48.7 million in November 2022, against $37.3
                // million in November 2021": a change between two figures
                // given only as bases is the later one's.
                .or_else(|| {
                    let bases: Vec<&(usize, Observation)> = bound
                        .iter()
                        .filter(|(a, o)| {
                            let spot = self.spots[*a];
                            clause == self.clauses.at(spot.start)
                                && spot.base
                                && o.status == Status::Reported
                        })
                        .collect();
                    (bases.len() >= 2)
                        .then(|| bases.into_iter().max_by_key(|(_, o)| o.period.end))
                        .flatten()
                })
        });
        let (metric, pair, period, mut reasons, confidence) = if let Some((_, value)) = partner {
            let metric = match value.metric {
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                Metric::TradeValue => Metric::TradeGrowthYoy,
                Metric::TradeBalance => {
                    return Err(self.left_out(
                        as_written,
                        "it is the change of a surplus or deficit, not the growth of trade",
                    ))
                }
                _ => return Ok(None),
            };
            let reasons = vec![format!(
                "the rate describes '{}' in the same sentence",
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
            let listed = self.listing.measure(j, self.counts.1);
            let Some(word) = listed
                .or(named_after)
                .or_else(|| measure_of(self.words, clause, rate.start, rate.end))
            else {
                return Ok(None);
            };
            let metric = match word.measure {
                Measure::Trade => Metric::TradeGrowthYoy,
                Measure::Export => Metric::ExportGrowthYoy,
                Measure::Import => Metric::ImportGrowthYoy,
                Measure::Surplus | Measure::Deficit => {
                    return Err(self.left_out(
                        as_written,
                        "it is the change of a surplus or deficit, not the growth of trade",
                    ))
                }
                Measure::Other => return Ok(None),
            };
            let mut reasons = vec![if word.anaphor {
                format!(
                    "measure: '{}' stands for the figure said before",
                    &self.sentence[word.start..word.end]
                )
            } else {
                format!(
                    "measure: '{}' before the rate",
                    &self.sentence[word.start..word.end]
                )
            }];
            let (period, period_reason, period_penalty) = self
                .period(k, last_period)
                .map_err(|why| self.left_out(as_written, &why))?;
            reasons.push(period_reason);
            let paired = match (
                self.listing.partner(j, self.counts.1),
                self.with_partner(rate.start),
            ) {
                (Some(partner), _) => {
                    self.pair_with_listed(metric, word, partner, "listed 'respectively' for")
                }
                (None, Some(partner)) => {
                    self.pair_with_listed(metric, word, partner, "named after 'with' before")
                }
                (None, None) => self.pair(metric, word),
            };
            let (pair, pair_reason, pair_penalty) =
                paired.map_err(|why| self.left_out(as_written, &why))?;
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
        } else if let Some(before) =
            year_before(&period).filter(|y| self.compared.iter().any(|(c, _)| c == y))
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
        Ok(Some(self.rate_observation(parts, rate)))
    }

    /// How many of the sentence's figures are amounts (they come first).
    fn amount_spots(&self) -> usize {
        self.spots.iter().filter(|s| !s.rate).count()
    }

    /// The fixed period figure `k` names right after it, if any.
    fn own_period(&self, k: usize) -> Option<&Period> {
        let clause = self.clauses.at(self.spots[k].start);
        match dating::period_for(
            self.sentence,
            self.periods,
            self.spots,
            k,
            clause,
            self.excluded,
        ) {
            Some((
                PeriodMention {
                    kind: PeriodKind::Fixed { period, .. },
                    ..
                },
                Found::Own,
            )) => Some(period),
            _ => None,
        }
    }

    /// The phrase that dates figure `k` within `clause`, and how it was
    /// found ([`dating::period_for`]).
    fn dating(&self, k: usize, clause: (usize, usize)) -> Option<(&'a PeriodMention, Found)> {
        dating::period_for(
            self.sentence,
            self.periods,
            self.spots,
            k,
            clause,
            self.excluded,
        )
    }

    /// The period of figure `k`: the phrase that dates it in its sentence
    /// ([`dating`]); for a comparison's base without one, a year before the
    /// figure it is compared with; else the period in force.
    pub(super) fn period(&self, k: usize, last_period: &Option<Period>) -> Result<Dated, String> {
        let spot = self.spots[k];
        let clause = self.clauses.at(spot.start);
        if let Some(p) = self.period_before_when(spot.start) {
            return self.read_phrase(k, p, Found::Own, last_period);
        }
        let found = self.dating(k, clause);
        if let Some((p, how)) = found {
            return self.read_phrase(k, p, how, last_period);
        }
        let after_base = comparison_base(&self.sentence[spot.end..]);
        if spot.base || after_base.is_some() {
            return self.base_period(k, last_period, after_base);
        }
        if super::clause::speaks_of_years_in_general(&self.sentence[clause.0..clause.1]) {
            return Err("an average over years, not the figure of a period".to_owned());
        }
        match self.discourse.period() {
            Some(p) => Ok((
                p.clone(),
                format!("period: none named; the article reports {} before", p.label),
                0.2,
            )),
            None => Err("the sentence names no period".to_owned()),
        }
    }

    /// "... than in the first two months of the previous year, when trade
    /// amounted to $1.71 billion": a clause opened by "when" is dated by
    /// the period phrase it follows.
    fn period_before_when(&self, start: usize) -> Option<&'a PeriodMention> {
        let before = &self.sentence[..start];
        let when = before.rfind(", when ")?;
        // The figure is the "when" clause's first, with no break between.
        if before[when + 1..].contains([',', ';'])
            || self.spots.iter().any(|s| s.start > when && s.end <= start)
        {
            return None;
        }
        self.periods
            .iter()
            .find(|p| p.end == when && matches!(p.kind, PeriodKind::Fixed { .. }))
    }

    /// A base's period: a year before the period of the figure it is
    /// compared with, the sentence's head figure.
    fn base_period(
        &self,
        k: usize,
        last_period: &Option<Period>,
        phrase: Option<&str>,
    ) -> Result<Dated, String> {
        let (head_period, _, penalty) = self.head_period(k, last_period)?;
        if head_period.unresolved {
            return Ok((
                head_period,
                "period: the base of an undated figure".to_owned(),
                penalty,
            ));
        }
        let before = head_period.shifted_back().ok_or_else(|| {
            format!(
                "it is the base of a comparison with {}, which has no year before it",
                head_period.label
            )
        })?;
        let reason = match phrase {
            Some(p) => format!(
                "period: the base of a comparison, '{p}' than {}",
                head_period.label
            ),
            None => format!(
                "period: the value it is compared with or changed from, the year before {}",
                head_period.label
            ),
        };
        Ok((before, reason, penalty))
    }

    /// The period of the figure base `k` is compared with: the nearest
    /// figure of its clause that is not a base, else the sentence's.
    fn head_period(&self, k: usize, last_period: &Option<Period>) -> Result<Dated, String> {
        let spot = self.spots[k];
        let clause = self.clauses.at(spot.start);
        let head = (0..self.spots.len())
            .filter(|&i| i != k && !self.spots[i].base)
            .min_by_key(|&i| {
                let s = self.spots[i];
                let other_clause = clause != self.clauses.at(s.start);
                (
                    other_clause,
                    s.start > spot.start,
                    s.start.abs_diff(spot.start),
                )
            });
        match head {
            Some(i) => self.period(i, last_period),
            None => match self.discourse.period() {
                Some(p) => Ok((p.clone(), String::new(), 0.2)),
                None => Err("the sentence names no period".to_owned()),
            },
        }
    }

    /// "stood at Ush1.5 trillion compared to Ush908.7 billion in 2017"
    /// with January-September 2018 in force: a base named by its year alone
    /// is the same months of that year, as like is compared with like.
    fn base_in_the_same_months(
        &self,
        k: usize,
        period: &Period,
        last_period: &Option<Period>,
    ) -> Option<Dated> {
        let year = period.start.year();
        if !self.spots[k].base || period.inferred || period.label != year.to_string() {
            return None;
        }
        let (head, ..) = self.head_period(k, last_period).ok()?;
        let part = head.start.year() == head.end.year()
            && (head.start.month(), head.end.month()) != (1, 12)
            && !head.unresolved;
        if !part || head.start.year() <= year {
            return None;
        }
        let moved = Period::span(year, head.start.month(), year, head.end.month())?;
        Some((
            moved,
            format!(
                "period: {year}, compared with {}: the same months",
                head.label
            ),
            0.1,
        ))
    }

    /// What a period phrase found for figure `k` makes of it.
    fn read_phrase(
        &self,
        k: usize,
        p: &PeriodMention,
        how: Found,
        last_period: &Option<Period>,
    ) -> Result<Dated, String> {
        let whose = match how {
            Found::Own | Found::Clause => "",
            Found::Sentence => ", as the sentence's figures",
        };
        let shared = if how == Found::Sentence { 0.1 } else { 0.0 };
        // "compared to $49.4 billion in the previous fiscal": the year before
        // the figure compared with, not before the publication.
        let phrase = self.sentence[p.start..p.end].to_ascii_lowercase();
        if self.spots[k].base
            && ["previous", "prior", "preceding"]
                .iter()
                .any(|w| phrase.contains(w))
        {
            return self.base_period(k, last_period, None);
        }
        // "imports were $11.5 million in July-November against $73.1
        // million last year": like is compared with like, so the same
        // months a year before.
        if self.spots[k].base && phrase == "last year" {
            let part_year_head = self
                .head_period(k, last_period)
                .is_ok_and(|(h, ..)| !h.unresolved && !h.is_full_year());
            if part_year_head {
                return self.base_period(k, last_period, None);
            }
        }
        if let PeriodKind::Fixed { period, .. } = &p.kind {
            if let Some(same_months) = self.base_in_the_same_months(k, period, last_period) {
                return Ok(same_months);
            }
        }
        match &p.kind {
            // "the deficit widened in the year to March to Sh425 billion ...
            // from Sh370.58 billion in March last year": a base named by the
            // last month of a run of twelve is that run a year before.
            // Not when another month is named beside it ("from $136 million
            // in June 2023, against $154 million in June 2024"): month is
            // then compared with month.
            PeriodKind::Fixed { period, .. }
                if self.spots[k].base
                    && period.start.month() == period.end.month()
                    && !self.periods.iter().any(|other| {
                        other.start != p.start
                            && matches!(&other.kind, PeriodKind::Fixed { period: o, .. }
                                if o.start.month() == o.end.month() && o.start.year() == o.end.year())
                    }) =>
            {
                let head = self.head_period(k, last_period).ok();
                match head.and_then(|(h, ..)| {
                    let before = h.shifted_back()?;
                    (h.start.year() != h.end.year() && before.end == period.end).then_some(before)
                }) {
                    Some(before) => Ok((
                        before.clone(),
                        format!(
                            "period: the twelve months to {}, the run the figure compared with is a year later",
                            period.label
                        ),
                        0.1,
                    )),
                    None => Ok((period.clone(), "period: the month it names".to_owned(), 0.0)),
                }
            }
            PeriodKind::Fixed { period, reason } => {
                let penalty = if period.inferred { 0.2 } else { 0.0 }
                    + if self.doc.published.confidence < 0.5 && reason.contains("published") {
                        0.2
                    } else {
                        0.0
                    };
                Ok((
                    period.clone(),
                    format!("period: {reason}{whose}"),
                    penalty + shared,
                ))
            }
            // "so far this year" after "the first eight months of 2024" is
            // those months; after anything else its end is not known.
            PeriodKind::SoFar { year, phrase } => match last_period
                .as_ref()
                .filter(|lp| lp.start.year() == *year)
                .or(self.discourse.period())
            {
                Some(lp)
                    if lp.start.ordinal() == 1
                        && lp.start.year() == *year
                        && lp.end.year() == *year
                        && lp.end.month() < 12 =>
                {
                    Ok((
                        lp.clone(),
                        format!(
                            "period: '{phrase}' as the part of {year} before, {}",
                            lp.label
                        ),
                        0.1,
                    ))
                }
                _ => Err(unreadable_reason(&p.kind)),
            },
            // "against $10 billion in the same period": a base's same
            // period is the one a year before its head's.
            PeriodKind::SamePeriod if self.spots[k].base => self.base_period(k, last_period, None),
            PeriodKind::SamePeriod => match last_period.as_ref().or(self.discourse.period()) {
                Some(lp) => Ok((
                    lp.clone(),
                    format!("period: 'the same period' as before, {}", lp.label),
                    0.1,
                )),
                None => Err("'the same period' with no period before it".to_owned()),
            },
            PeriodKind::SameMonthsYearBefore => {
                if self.spots[k].base {
                    return self.base_period(k, last_period, None);
                }
                let lp = last_period
                    .as_ref()
                    .or(self.discourse.period())
                    .ok_or("'the same period a year before' with no period before it")?;
                let before = lp
                    .shifted_back()
                    .ok_or("'the same period a year before' a period with no year before it")?;
                Ok((
                    before,
                    format!("period: the same months as {}, a year before", lp.label),
                    0.1,
                ))
            }
            PeriodKind::SameMonthsIn { year } => {
                let months = if self.spots[k].base {
                    self.head_period(k, last_period)?.0
                } else {
                    last_period
                        .clone()
                        .or_else(|| self.discourse.period().cloned())
                        .ok_or("'the same period' with no period before it")?
                };
                let shift = months.start.year() - year;
                let moved = Period::span(
                    *year,
                    months.start.month(),
                    months.end.year() - shift,
                    months.end.month(),
                )
                .ok_or("'the same period' of a year it cannot be moved to")?;
                Ok((
                    moved,
                    format!("period: the same months as {}, in {year}", months.label),
                    0.1,
                ))
            }
            PeriodKind::Current { phrase } => Ok((
                Period::unresolved(phrase, self.doc.published.date.and_then(|d| d.to_date())),
                format!("period: '{phrase}', a level at the time of writing; left for a reader to date"),
                0.3,
            )),
            PeriodKind::Unresolved { phrase } => Ok((
                Period::unresolved(phrase, None),
                format!(
                    "period: '{phrase}', which depends on a publication date the article does not give; left for a reader to date"
                ),
                0.3,
            )),
            PeriodKind::FiscalYear { .. } | PeriodKind::AcrossYears { .. } => {
                Err(unreadable_reason(&p.kind))
            }
        }
    }

    /// A goal's year: its own phrase ("$150 billion by 2030", "$10 billion
    /// this year"), the clause's ("by the end of this year, trade will
    /// reach $7.5 billion"), or "the target for 2024"; never the reported
    /// figures' before it, and never a year another goal of the sentence
    /// owns ("$15 billion soon and $20 billion by 2030").
    fn goal_period(
        &self,
        k: usize,
        amount: &Amount,
        governing: &str,
        after: &str,
    ) -> Result<Dated, String> {
        if names_a_goal(after) && !states_a_goal(goal_scope(governing)) {
            // "exceeded the $200 billion target set by the two leaders", in
            // a sentence of 2023's result: a goal named by a noun refers to
            // one set before, whose year is not the result's.
            return match goal_for_year(after) {
                Some(p) => Ok((p, "period: the goal's year, 'for' it".to_owned(), 0.0)),
                None => Err("a goal named without its year".to_owned()),
            };
        }
        let clause = self.clauses.at(amount.start);
        let found = self
            .dating(k, clause)
            .filter(|(_, how)| *how != Found::Sentence);
        match found.map(|(p, _)| p) {
            Some(PeriodMention {
                kind: PeriodKind::Fixed { period, reason },
                start,
                ..
            }) => {
                let by = self.sentence[..*start].trim_end().ends_with("by");
                let reason = if by {
                    format!("period: the goal's year, 'by {}'", period.label)
                } else {
                    format!("period: {reason}")
                };
                Ok((period.clone(), reason, 0.0))
            }
            Some(p) => Err(unreadable_reason(&p.kind)),
            None => Err("a goal named without its year".to_owned()),
        }
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

    /// The scope in force before this sentence.
    pub(super) fn scope(&self) -> Option<&Scope> {
        self.discourse.scope.as_ref()
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

    fn observation(&self, parts: Parts, value: f64, amount: &Amount, target: bool) -> Observation {
        let provenance = self.provenance(amount.start, amount.end, parts.confidence, parts.reasons);
        Observation {
            pair: parts.pair,
            metric: parts.metric,
            period: parts.period,
            value,
            currency: Some(amount.currency.to_owned()),
            unit: None,
            qualifier: amount.qualifier,
            range: amount.range,
            equivalent: amount.equivalent.clone(),
            status: if target {
                Status::Target
            } else {
                Status::Reported
            },
            converted: false,
            as_written: self.written(amount.start, amount.end).to_owned(),
            provenance,
        }
    }

    /// The observation of the conversion written with `amount`, bound as
    /// the figure it converts (`of`) is: same measure, pair and period.
    pub(super) fn conversion(&self, amount: &Amount, of: &Observation) -> Option<Observation> {
        let c = amount.converted.as_ref()?;
        let sign = if of.value < 0.0 { -1.0 } else { 1.0 };
        let reason = format!(
            "{}; the writer's conversion of '{}' into {}",
            of.provenance.reason, of.as_written, c.currency
        );
        Some(Observation {
            value: sign * c.value,
            currency: Some(c.currency.to_owned()),
            qualifier: c.qualifier.or(of.qualifier),
            range: None,
            equivalent: None,
            converted: true,
            as_written: self.written(c.start, c.end).to_owned(),
            provenance: self.provenance(
                c.start,
                c.end,
                of.provenance.confidence - 0.05,
                vec![reason],
            ),
            ..of.clone()
        })
    }

    fn rate_observation(&self, parts: Parts, rate: &Rate) -> Observation {
        let provenance = self.provenance(rate.start, rate.end, parts.confidence, parts.reasons);
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
            converted: false,
            as_written: self.written(rate.start, rate.end).to_owned(),
            provenance,
        }
    }
}

/// The year before `period`, when it lies within one calendar year.
/// The measure a figure ending at `end` is "of" or "in", named right after
/// it: "$9.74 billion of Russia's exports", "2.6 billion in imports from
/// Egypt", "a decline of 11.3% in exports". "In" reaches one word less far
/// than "of", past one adjective ("3.3 billion in Italian exports"), so
/// that "$4 billion in the first half, while exports ..." keeps its measure.
pub(super) fn measure_named_after(
    sentence: &str,
    words: &[MeasureWord],
    end: usize,
) -> Option<MeasureWord> {
    let after = &sentence[end..];
    let rest = after.trim_start();
    let reach = if crate::scan::starts_with_ascii_ci(rest, "of ") {
        24
    } else if crate::scan::starts_with_ascii_ci(rest, "in ") {
        12
    } else {
        return None;
    };
    let from = end + (after.len() - rest.len()) + 3;
    words
        .iter()
        .find(|w| {
            w.start >= from
                && w.start <= from + reach
                && w.measure != Measure::Other
                && !sentence[from..w.start].contains([',', ';', '$'])
                && !sentence[from..w.start].contains(|c: char| c.is_ascii_digit())
        })
        .copied()
}

pub(super) fn year_before(period: &Period) -> Option<i32> {
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
            "'{phrase}' is a fiscal year, whose months depend on the country that keeps it, and the article does not say whose"
        ),
        PeriodKind::AcrossYears { phrase } => format!(
            "'{phrase}' runs across two calendar years in a way this reader cannot place"
        ),
        PeriodKind::SoFar { year, phrase } => format!(
            "'{phrase}' runs from January {year} to a month the article does not give"
        ),
        PeriodKind::Current { phrase } => format!("'{phrase}' names no period"),
        PeriodKind::Fixed { .. }
        | PeriodKind::SamePeriod
        | PeriodKind::SameMonthsIn { .. }
        | PeriodKind::SameMonthsYearBefore => "the period is not readable".to_owned(),
    }
}

/// The sign "in the red" (-1) or "in the black" (+1) gives a balance
/// written just after its figure.
fn in_the_red_or_black(after: &str) -> Option<f64> {
    let rest = after.trim_start();
    if crate::scan::starts_with_ascii_ci(rest, "in the red") {
        Some(-1.0)
    } else if crate::scan::starts_with_ascii_ci(rest, "in the black") {
        Some(1.0)
    } else {
        None
    }
}
