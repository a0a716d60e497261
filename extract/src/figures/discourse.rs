//! What the article has said so far that a sentence may leave out: the
//! period in force, whose trade is being talked about, and the figure "it",
//! "this figure" or "the deficit" refers to.
//!
//! The rules, as a reader applies them:
//! - The period in force is the period of the last reported figure, or the
//!   one a sentence about trade names without a figure ("In the first ten
//!   months, trade was brisk."). A later sentence that names no period of
//!   its own takes it, also across sentences without figures; a goal's
//!   year and a comparison's base never become it.
//! - The scope is the pair of parties the article spoke of last ("trade
//!   between Kenya and China"), or one country's trade with the world
//!   ("Turkey's foreign trade"): a clause that names no partner takes it, so
//!   "Exports were $8.8 billion" after a bilateral sentence are the pair's,
//!   and after a sentence on a country's world trade are not a pair figure.
//! - The referent is the last reported figure, or the measure a sentence
//!   about trade named: what "it", "this figure", "this indicator" or "that"
//!   stand for.

use crate::model::{Metric, Pair, Period};

/// Whose trade the article is speaking of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// Trade between two parties, in alphabetical order.
    Pair(&'static str, &'static str),
    /// One country's trade with the world ("Japan's exports rose 7.8%").
    World(&'static str),
}

impl Scope {
    /// The pair, for a scope of two parties.
    pub(super) fn pair(&self) -> Option<(&'static str, &'static str)> {
        match self {
            Scope::Pair(a, b) => Some((a, b)),
            Scope::World(_) => None,
        }
    }

    /// The party across from `code` in a scope of two parties that holds it.
    pub(super) fn other_than(&self, code: &str) -> Option<&'static str> {
        match self {
            Scope::Pair(a, b) if *a == code => Some(b),
            Scope::Pair(a, b) if *b == code => Some(a),
            _ => None,
        }
    }
}

/// A figure a later sentence may refer to by a pronoun.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Referent {
    pub(super) metric: Metric,
    /// Directed for flows, as the figure's.
    pub(super) pair: Pair,
    /// For a balance, whether it was a deficit of `pair.0` ("it peaked at
    /// EUR107 billion" after a deficit is that deficit).
    pub(super) deficit: bool,
}

/// The state of the article before a sentence.
#[derive(Clone, Debug, Default)]
pub(super) struct Discourse {
    /// The period in force and the sentence that set it.
    pub(super) period: Option<(Period, usize)>,
    pub(super) scope: Option<Scope>,
    pub(super) referent: Option<Referent>,
    /// The year the last reported figure ends in.
    pub(super) data_year: Option<i32>,
    /// The periods in force before the current one, the latest last (a
    /// few): "in first five months" after a month's figures is the five
    /// months spoken of before them.
    pub(super) earlier: Vec<Period>,
}

impl Discourse {
    /// The period in force.
    pub(super) fn period(&self) -> Option<&Period> {
        self.period.as_ref().map(|(p, _)| p)
    }

    /// Sets the period in force, named in sentence `at`.
    pub(super) fn set_period(&mut self, period: Period, at: usize) {
        if let Some((before, _)) = self.period.take() {
            if before != period {
                self.earlier.retain(|p| *p != before);
                self.earlier.push(before);
                if self.earlier.len() > 6 {
                    self.earlier.remove(0);
                }
            }
        }
        self.period = Some((period, at));
    }

    /// The latest year of data the article has spoken of: a month or part
    /// of a year named without its year is that year's ("In December,
    /// exports rose 2.2%" after figures for 2023).
    pub(super) fn data_year(&self) -> Option<i32> {
        self.data_year
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_of_two_gives_the_other_side() {
        let scope = Scope::Pair("CL", "PE");
        assert_eq!(scope.other_than("PE"), Some("CL"));
        assert_eq!(scope.other_than("AR"), None);
        assert_eq!(Scope::World("CL").other_than("CL"), None);
        assert_eq!(Scope::World("CL").pair(), None);
    }
}
