//! One report per figure: a headline's repeat, a rounded repeat and a bound
//! an exact figure meets say nothing more than the figure they repeat.

use std::collections::HashMap;

use crate::model::{Metric, Observation, Pair, Period};

/// A headline and its body often say the same thing, and a quote repeats
/// a lead: keep one report, the one that says most as a source. A
/// qualified figure ("almost 11%", "surpass $110 billion") says more than
/// the same number bare; a sentence of the body says more than a headline
/// ("Bilateral trade volume ... in the first quarter of this year reached
/// $54.1 billion, up 3.5 percent" rather than "China, Russia trade up 3.5%
/// in Q1"); failing those, the first. The first headline ends at character
/// `headline_end`; a line without a full stop reads as a headline too.
pub(super) fn dedup(out: &mut Vec<Observation>, headline_end: usize) {
    let headline_like = |o: &Observation| {
        let quote = o.provenance.quote.trim_end();
        o.provenance.sentence_span[0] < headline_end
            || !quote.ends_with(['.', '!', '?', '"', '”', '»', ')', ']'])
    };
    let rank = |o: &Observation| (o.qualifier.is_none(), headline_like(o), o.converted);
    let mut best: HashMap<(Pair, Metric, Period, u64), usize> = HashMap::with_capacity(out.len());
    for (i, o) in out.iter().enumerate() {
        let key = (
            o.pair.clone(),
            o.metric,
            o.period.clone(),
            o.value.to_bits(),
        );
        match best.get(&key) {
            Some(&j) if rank(&out[j]) <= rank(o) => {}
            _ => {
                best.insert(key, i);
            }
        }
    }
    let mut keep = vec![false; out.len()];
    for i in best.into_values() {
        keep[i] = true;
    }
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    drop_rounded_repeats(out);
    drop_bounds_met_exactly(out);
}

/// "Trade exceeded $150 billion for the first time, reaching $171.49
/// billion": a bound ("more than", "under") that an exact figure for the
/// same pair, measure and period meets says nothing more, and would chart
/// as a second value.
pub(super) fn drop_bounds_met_exactly(out: &mut Vec<Observation>) {
    use crate::model::Qualifier as Q;
    let mut dropped = vec![false; out.len()];
    for group in same_series(out) {
        let exact = || {
            group
                .iter()
                .map(|&i| &out[i])
                .filter(|o| o.qualifier.is_none())
                .map(|o| o.value)
        };
        let (Some(lowest), Some(highest)) = (exact().reduce(f64::min), exact().reduce(f64::max))
        else {
            continue;
        };
        for &i in &group {
            let bound = out[i].value;
            dropped[i] = match out[i].qualifier {
                Some(Q::MoreThan | Q::Over | Q::Above | Q::Exceeding) => highest > bound,
                Some(Q::AtLeast) => highest >= bound,
                Some(Q::LessThan | Q::Under) => lowest < bound,
                Some(Q::UpTo) => lowest <= bound,
                _ => false,
            };
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
}

/// The observations of each series (same pair, measure and period), as
/// indices into `out`: the repeats the two rules above look for are within
/// one, so each looks at its own and the work stays near linear in the
/// number of figures (a 10 MiB stress input has tens of thousands).
pub(super) fn same_series(out: &[Observation]) -> Vec<Vec<usize>> {
    let mut groups: std::collections::HashMap<(Metric, &Pair, &Period), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, o) in out.iter().enumerate() {
        groups
            .entry((o.metric, &o.pair, &o.period))
            .or_default()
            .push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// A headline's rounded figure and the body's exact one are one report
/// ("trade grows 26%" over "grew by 26.3%"): of two figures with the same
/// pair, measure and period, the one written with fewer decimals is dropped
/// when the other lies within half a unit of its last digit.
pub(super) fn drop_rounded_repeats(out: &mut Vec<Observation>) {
    if out.len() < 2 {
        return;
    }
    let written: Vec<Option<(u32, f64)>> = out.iter().map(rounding).collect();
    let mut dropped = vec![false; out.len()];
    for group in same_series(out) {
        // `finer[k]`: the sorted values of the group written with more than
        // `k` decimals, so a figure with `k` asks one binary search.
        let most = group
            .iter()
            .filter_map(|&i| written[i].map(|(d, _)| d))
            .max()
            .unwrap_or(0)
            .min(12) as usize;
        let mut finer: Vec<Vec<f64>> = vec![Vec::new(); most];
        for &i in &group {
            if let Some((d, _)) = written[i] {
                for list in finer.iter_mut().take((d as usize).min(most)) {
                    list.push(out[i].value);
                }
            }
        }
        for list in &mut finer {
            list.sort_unstable_by(f64::total_cmp);
        }
        for &i in &group {
            let Some((decimals, half_unit)) = written[i] else {
                continue;
            };
            let Some(list) = finer.get(decimals as usize) else {
                continue;
            };
            let value = out[i].value;
            let from = list.partition_point(|&v| v < value - half_unit);
            dropped[i] = list.get(from).is_some_and(|&v| v <= value + half_unit);
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    out.retain(|_| keep.next().unwrap_or(true));
}

/// How a figure was written: its decimals and half a unit of its last digit,
/// in the figure's units ("$240 billion": 0 and 0.5 billion). `None` for a
/// figure that is not one number (a range) or cannot be read back.
pub(super) fn rounding(o: &Observation) -> Option<(u32, f64)> {
    o.written()
        .filter(|w| !w.more_numbers)
        .map(|w| (w.decimals, w.half_unit))
}
