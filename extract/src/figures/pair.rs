//! Which two parties a figure is between, and in which direction.

use super::{
    binder::SentenceBinder,
    discourse::Scope,
    measure::{world_scope, Measure, MeasureWord},
    named_at, party_after,
};
use crate::{
    country::{self, Mention},
    model::{Metric, Pair},
};

crate::pattern::patterns! {
    /// The head of a list of a country's partners by one measure: "three
    /// biggest export markets were", "the main markets for Uruguayan
    /// exports", "its largest suppliers".
    fn partner_list_head_re = r"(?i)\b(?:top|main|largest|biggest|leading|major|principal)\b(?:\s+[\w-]+){0,3}?\s+(?:markets|destinations|buyers|suppliers)\b(?:\s+(?:for|of)\s+(?:[\w-]+\s+){0,2}?(?:exports|imports|goods|products))?";
}

crate::pattern::patterns! {
    pub(super) fn region_re = r"\b(?:the\s+rest\s+of\s+the\s+world|(?:with|to|from)\s+the\s+(?:whole\s+)?world\b|(?:countries|nations|partners)\s+outside\s+the\s+(?:bloc|EU|union|region)|non-EU\s+countries|third\s+countries|other\s+countries|all\s+countries|Latin\s+America|the\s+Americas|Central\s+Asia|(?:Southeast|South|East|West|Western)\s+Asia|Asia|Middle\s+East|Arab\s+(?:states|countries|world)|Gulf\s+(?:states|countries)|BRICS|Pacific\s+Island\s+countries)\b";
}

/// A region named as a trading party that no party code stands for
/// ("China-Latin America trade", "exports to Asia", "exports to other
/// countries"). Blocs with a code
/// (ASEAN, the EU, the Eurasian Economic Union...) and Africa are parties,
/// read by [`country`].
pub(super) fn region_of(sentence: &str) -> Option<&str> {
    // The pattern runs only on sentences holding one of its words.
    if ![
        "America",
        "Asia",
        "East",
        "Arab",
        "Gulf",
        "BRICS",
        "Pacific",
        "world",
        "outside",
        "third",
        "non-EU",
        "other countries",
        "all countries",
    ]
    .iter()
    .any(|w| sentence.contains(w))
    {
        return None;
    }
    region_re().find(sentence).map(|m| m.as_str())
}

crate::pattern::patterns! {
    /// Words that make a figure the article's pair's: "bilateral trade", "trade
    /// between the two countries" (or "between the countries", "the two
    /// neighbours"), and a leader's "our trade" in the transcript
    /// of a meeting of two.
    pub(super) fn bilateral_re = r"(?i)\b(?:bilateral|mutual|two-way|two\s+way|between\s+the\s+two|between\s+(?:the|both)\s+(?:countries|nations|sides|economies|neighbou?rs)|the\s+two\s+(?:countries|nations|sides|economies|neighbou?rs|partners)|both\s+(?:countries|sides|nations)|our\s+(?:trade|two\s+countries|countries))\b";
}

impl SentenceBinder<'_> {
    /// The two parties, in the order the metric needs, with why and how
    /// much less sure the figure is for it.
    ///
    /// In order: the figure a pronoun stands for ("it", "this figure"); two
    /// parties the sentence names (the two nearest the measure word); one
    /// named as the partner ("trade with Kenya"), with the reporting
    /// country or the other side of the scope; one named as the owner
    /// ("China's exports"), with the other side of the scope, unless the
    /// words say the whole world or the scope is that country's world trade;
    /// none named, the scope's pair.
    pub(super) fn pair(
        &self,
        metric: Metric,
        word: MeasureWord,
    ) -> Result<(Pair, String, f32), String> {
        if word.anaphor {
            let written = &self.sentence[word.start..word.end];
            if let Some(after) = super::measure::ranking_place(written) {
                let referent = self.discourse.referent.as_ref();
                return referent
                    .and_then(|r| self.ranked_in_turn(r, word, after))
                    .ok_or_else(|| "what is ranked is not a trading party".to_owned());
            }
        }
        if let Some(found) = self.referent_pair(metric, word) {
            return Ok(found);
        }
        let codes = self.parties();
        let codes = if codes.len() > 2 {
            self.nearest_two(&codes, word)
        } else {
            codes
        };
        let bilateral = *self
            .bilateral
            .get_or_init(|| bilateral_re().is_match(self.sentence));
        // A figure of this sentence already read as a country's trade with
        // the world ("China's total foreign trade rose 12.1 percent, with
        // exports up 10 percent") sets the scope for the clauses after it.
        let world_here = self.world.get().map(Scope::World);
        let scope = world_here.as_ref().or(self.scope());
        let scope_pair = scope.and_then(Scope::pair).or(self.doc.pair);
        // Whether the clause of the measure word names two parties.
        let (from, to) = self.clauses.at(word.start);
        let in_clause = || {
            let mut named = self
                .countries
                .iter()
                .filter(|m| from <= m.start && m.end <= to)
                .map(|m| m.code);
            let first = named.next();
            named.any(|c| Some(c) != first)
        };
        // "Trade between China and Latin America": the other party is a
        // region no party code stands for, so neither the article's other
        // party nor a guess will do.
        // "Total Canadian trade with the world was $1.6 trillion, while
        // trade with Peru rose": the region's clause names one party.
        if codes.len() < 2 || !in_clause() {
            let region = region_of(&self.sentence[from..to])
                .filter(|r| codes.len() < 2 || r.ends_with("world"));
            if let Some(region) = region {
                return Err(format!(
                    "the other party, '{region}', is a region, not a country"
                ));
            }
        }
        // "China's foreign trade", "total exports": a country's trade with
        // the world, which the article's other country does not complete,
        // nor a partner named in another clause ("Chile's global surplus
        // widened, while trade with Brazil grew"): unless the clause names
        // two parties, says "bilateral" or names the partner.
        // "Bilateral" in another clause ("the bilateral balance widened ...,
        // while Sri Lanka's overall deficit rose") does not make this one's.
        let bilateral_here = || bilateral_re().is_match(&self.sentence[from..to]);
        // "The overall exports to Afghanistan": a partner named right after
        // the measure makes the total that partner's.
        let partner_named = || {
            ["to ", "from ", "with "]
                .iter()
                .any(|p| party_after(self.sentence, self.countries, word.end, p).is_some())
        };
        let other_party_here = codes.len() >= 2 && in_clause();
        if !(other_party_here || bilateral && bilateral_here() || partner_named()) {
            if let Some(words) = world_scope(&self.sentence[..word.start]) {
                if let [only] = codes.as_slice() {
                    self.world.set(Some(only));
                } else if let Some(Scope::World(c)) = scope {
                    self.world.set(Some(c));
                }
                let owned = codes.len() == 1 || !words.eq_ignore_ascii_case("total");
                if owned || matches!(scope, Some(Scope::World(_)) | None) {
                    return Err(format!(
                        "'{words} {}' is trade with the whole world, not with one partner",
                        &self.sentence[word.start..word.end]
                    ));
                }
            }
        }
        let (a, b, reason, penalty) = if let Some((partner, main, how)) = self.partner_only(word) {
            (main, partner, how, 0.0)
        } else {
            match codes.as_slice() {
                [a, b, ..] => (*a, *b, format!("pair: the sentence names {a} and {b}"), 0.0),
                [a] => self.one_named(a, bilateral, scope)?,
                [] => match (scope, scope_pair) {
                    (Some(Scope::World(c)), _) if !bilateral => {
                        self.world.set(Some(c));
                        return Err(format!(
                            "no partner named, and the article speaks of {c}'s trade with the world"
                        ));
                    }
                    (Some(Scope::Pair(x, y)), _) => (
                        *x,
                        *y,
                        format!("pair: none named; the article speaks of {x} and {y}"),
                        0.15,
                    ),
                    (_, Some((x, y))) if bilateral => (
                        x,
                        y,
                        format!("pair: 'bilateral' in an article about {x} and {y}"),
                        0.1,
                    ),
                    _ => {
                        return Err("the sentence does not say which two countries trade".to_owned())
                    }
                },
            }
        };
        if !metric.is_directed() {
            return Ok((Pair::sorted(a, b), reason, penalty));
        }
        let (from, to, how) = self.direction(metric, word, a, b);
        Ok((
            Pair(from.to_owned(), to.to_owned()),
            format!("{reason}; {how}"),
            penalty + if how.contains("assumed") { 0.2 } else { 0.0 },
        ))
    }

    /// The pair of a figure listed for `partner` (`how`: "listed
    /// 'respectively'", "in brackets after"): the partner and the measure's
    /// owner ("South Korea's exports to China and the United States"), else
    /// the reporting country, else the other side of the article's scope.
    pub(super) fn pair_with_listed(
        &self,
        metric: Metric,
        word: MeasureWord,
        partner: &'static str,
        how: &str,
    ) -> Result<(Pair, String, f32), String> {
        let main = self
            .owner(word)
            .filter(|o| *o != partner)
            .or_else(|| self.doc.reporter_code().filter(|r| *r != partner))
            .or_else(|| self.scope().and_then(|s| s.other_than(partner)))
            .or_else(|| {
                self.doc
                    .pair
                    .map(|(x, y)| if partner == x { y } else { x })
                    .filter(|o| *o != partner)
            })
            .ok_or_else(|| format!("the figure listed for {partner} has no other side"))?;
        let reason = format!("pair: {how} {partner}, beside {main}");
        let pair = match metric {
            Metric::ExportValue | Metric::ExportGrowthYoy => {
                Pair(main.to_owned(), partner.to_owned())
            }
            Metric::ImportValue | Metric::ImportGrowthYoy => {
                Pair(partner.to_owned(), main.to_owned())
            }
            Metric::TradeBalance => Pair(main.to_owned(), partner.to_owned()),
            _ => Pair::sorted(main, partner),
        };
        Ok((pair, reason, 0.1))
    }

    /// The pair of the figure an anaphor stands for, when the clause names
    /// no party of its own: "This indicator has increased by 16.6 percent".
    fn referent_pair(&self, metric: Metric, word: MeasureWord) -> Option<(Pair, String, f32)> {
        if !word.anaphor {
            return None;
        }
        let clause = self.clauses.at(word.start);
        let named = self
            .countries
            .iter()
            .any(|m| m.start >= clause.0 && m.end <= clause.1);
        let referent = self.discourse.referent.as_ref()?;
        let written = &self.sentence[word.start..word.end];
        if named {
            return None;
        }
        let same_kind = metric.is_directed() == referent.metric.is_directed();
        let pair = if same_kind || !referent.metric.is_directed() {
            referent.pair.clone()
        } else {
            referent.pair.undirected()
        };
        let pair = if metric.is_directed() {
            pair
        } else {
            pair.undirected()
        };
        Some((
            pair.clone(),
            format!(
                "pair: '{written}' stands for the figure before, {}",
                pair.slug()
            ),
            0.1,
        ))
    }

    /// The pair of a place in a ranking ("Saudi Arabia ranked second with
    /// $1.6 billion" after "the UAE ranked first for Egyptian exports"): the
    /// ranked party, named before the words or (`after`) after them, in
    /// the place of the partner of the figure before.
    fn ranked_in_turn(
        &self,
        referent: &super::discourse::Referent,
        word: MeasureWord,
        after: bool,
    ) -> Option<(Pair, String, f32)> {
        let ranked = if after {
            let rest = &self.sentence[word.end..];
            named_at(
                self.countries,
                word.end + (rest.len() - rest.trim_start().len()),
            )?
        } else {
            let before = self.sentence[..word.start].trim_end();
            self.countries.iter().find(|m| m.end == before.len())?
        };
        let x = ranked.code;
        let (from, to) = (referent.pair.0.as_str(), referent.pair.1.as_str());
        let pair = match referent.metric {
            Metric::ExportValue if from != x => Pair(from.to_owned(), x.to_owned()),
            Metric::ImportValue if to != x => Pair(x.to_owned(), to.to_owned()),
            Metric::TradeValue => {
                let reporter = self
                    .doc
                    .reporter
                    .as_ref()
                    .map(|r| r.code)
                    .filter(|r| (*r == from || *r == to) && *r != x)?;
                Pair::sorted(reporter, x)
            }
            _ => return None,
        };
        Some((
            pair.clone(),
            format!(
                "pair: {x} ranked in turn, in the place of the partner of the figure before ({})",
                pair.slug()
            ),
            0.15,
        ))
    }

    /// The pair when the sentence names one party, `a`, not as a partner.
    fn one_named(
        &self,
        a: &'static str,
        bilateral: bool,
        scope: Option<&Scope>,
    ) -> Result<(&'static str, &'static str, String, f32), String> {
        if let Some(other) = scope.and_then(|s| s.other_than(a)) {
            return Ok((
                a,
                other,
                format!("pair: the sentence names {a}; the article speaks of {a} and {other}"),
                0.1,
            ));
        }
        // "Exports to the United States recorded a surplus" in a report of
        // Korea's trade: the reporting country and the one named.
        if let Some(r) = self.doc.reporter.as_ref().filter(|r| r.code != a) {
            if !matches!(scope, Some(Scope::World(c)) if *c == a) {
                return Ok((
                    r.code,
                    a,
                    format!(
                        "pair: the sentence names {a}; the article reports {}'s trade (by {})",
                        r.code, r.basis
                    ),
                    0.1,
                ));
            }
        }
        let doc_other = self.doc.pair.and_then(|(x, y)| {
            if x == a {
                Some(y)
            } else if y == a {
                Some(x)
            } else {
                None
            }
        });
        match (scope, doc_other) {
            (Some(Scope::World(c)), _) if *c == a && !bilateral => {
                self.world.set(Some(a));
                Err(format!(
                    "no partner named, and the article speaks of {a}'s trade with the world"
                ))
            }
            (_, Some(other)) => Ok((
                a,
                other,
                format!("pair: the sentence names {a}; the article is about {a} and {other}"),
                0.1,
            )),
            _ => Err("the sentence does not say which two countries trade".to_owned()),
        }
    }

    /// The country a figure is given in brackets after, or after a dash or
    /// a colon: "the fourth market after the US ($15.4 billion), China ($5.9
    /// billion) and the UAE ($5.3 billion)", "its main partners were: Chile –
    /// $2.1 billion, Peru – $1.4 billion" list each partner's figure.
    pub(super) fn bracketed_partner(&self, amount_start: usize) -> Option<&'static str> {
        let head = self.sentence[..amount_start].trim_end();
        let head = head
            .strip_suffix('(')
            .or_else(|| head.strip_suffix(['–', '—', ':']))?
            .trim_end();
        self.countries
            .iter()
            .rev()
            .find(|m| m.end == head.len())
            .map(|m| m.code)
    }

    /// The partner of a figure in a sentence that names its partners one by
    /// one, each after "with" ("trade with Chile reached $1.2 billion and
    /// with Peru $0.9 billion", "Trade with Peru grew 8 percent ..., and
    /// with Chile it fell ..."): the last of them before the figure.
    /// Read by nearness, the two partners would make a pair of their own.
    pub(super) fn with_partner(&self, start: usize) -> Option<&'static str> {
        let partners = super::respectively::after_with(self.sentence, self.countries);
        let first = partners.first()?.code;
        if partners.iter().all(|m| m.code == first) {
            return None;
        }
        partners
            .iter()
            .rev()
            .find(|m| m.end <= start)
            .map(|m| m.code)
    }

    /// The measure and partner of a figure in a list of a country's
    /// partners by one measure ("Korea's three biggest export markets were
    /// China, with 19.7 percent or $124 billion; the U.S., 18.3 percent or
    /// $116 billion; ...", "among the main markets for Uruguayan exports,
    /// the report lists Brazil first with US$ 2.1 billion, followed by
    /// Argentina with US$ 0.6 billion"): the list's flow, named in its
    /// head, and the last country the list names before the figure. Read by
    /// nearness, the figure would take whatever measure word stands closest
    /// ("the trade report lists").
    pub(super) fn partner_listed(&self, start: usize) -> Option<(MeasureWord, &'static str)> {
        let bytes = self.sentence.as_bytes();
        if !["market", "destination", "buyer", "supplier"]
            .iter()
            .any(|w| crate::scan::contains_ascii_ci(bytes, w.as_bytes()))
        {
            return None;
        }
        let head = partner_list_head_re().find(&self.sentence[..start])?;
        // "export markets" describes the markets, so is no measure word of
        // the sentence's: the head's flow is read from its own words.
        let flow = ["export", "import"].iter().find_map(|w| {
            let at = crate::scan::find_ascii_ci(head.as_str().as_bytes(), w.as_bytes())?;
            Some((head.start() + at, w.len()))
        })?;
        let word = MeasureWord {
            measure: super::measure::measure_of_word(&self.sentence[flow.0..flow.0 + flow.1]),
            start: flow.0,
            end: flow.0 + flow.1,
            anaphor: false,
        };
        let listed: Vec<&Mention> = self
            .countries
            .iter()
            .filter(|m| m.start >= head.end())
            .collect();
        let first = listed.first()?.code;
        if listed.iter().all(|m| m.code == first) {
            return None;
        }
        let partner = listed.iter().rev().find(|m| m.end <= start)?.code;
        Some((word, partner))
    }

    /// The pair of a figure told in a ranking of partners: "Spain remains
    /// Portugal's top trading partner at €38 billion, well ahead of France
    /// at €12 billion" gives ES-PT for the first figure and FR-PT for the
    /// second. The ranked country and the one whose partner it is come from
    /// the construction ("X is/remains/was Y's ... partner"); a figure after
    /// "ahead of", "followed by" or "behind" a third country is that
    /// country's trade with Y. `None` where the sentence has no such
    /// construction before the figure.
    pub(super) fn ranked_partner(&self, amount_start: usize) -> Option<(Pair, String, f32)> {
        let head = &self.sentence[..amount_start];
        // Most sentences name no partner: spared the lower-cased copy.
        if !crate::scan::contains_ascii_ci(head.as_bytes(), b" partner") {
            return None;
        }
        let lower = head.to_ascii_lowercase();
        let at = lower.rfind(" partner")?;
        // "Y's top trading partner": Y's name ends with the possessive a
        // few words before "partner".
        let head = &head[..at];
        let owner = self.countries.iter().rev().find(|m| {
            m.end < at
                && ["'s ", "’s "]
                    .iter()
                    .any(|p| self.sentence[m.end..].starts_with(p))
                && self.sentence[m.end..at].split_whitespace().count() <= 5
        })?;
        // "X remains/is/was/became Y's": the ranked country just before.
        const VERBS: [&str; 9] = [
            "is",
            "remains",
            "remained",
            "was",
            "became",
            "stays",
            "stayed",
            "has become",
            "continues to be",
        ];
        let before = head[..owner.start].trim_end();
        let before = before.strip_suffix(" the").unwrap_or(before).trim_end();
        let verb = VERBS.iter().find(|v| {
            before.len() > v.len()
                && before.as_bytes()[before.len() - v.len()..].eq_ignore_ascii_case(v.as_bytes())
                && before.as_bytes()[before.len() - v.len() - 1] == b' '
        })?;
        let subject_end = before[..before.len() - verb.len()].trim_end().len();
        let ranked = self
            .countries
            .iter()
            .find(|m| m.end == subject_end && m.code != owner.code)?;
        // Between "partner" and the figure: another country after "ahead
        // of", "followed by" or "behind" is that country's trade.
        let gap_start = at + " partner".len();
        let gap = &lower[gap_start..];
        let marker = ["ahead of ", "followed by ", "behind ", "trailed by "]
            .iter()
            .filter_map(|w| gap.rfind(w).map(|i| gap_start + i + w.len()))
            .max();
        let (other, how) = match marker {
            Some(from) => {
                let third = self
                    .countries
                    .iter()
                    .find(|m| m.start >= from && m.end <= amount_start)?;
                (third.code, "named after the ranked partner")
            }
            None => {
                // No other country between: the ranked partner's own figure.
                if self
                    .countries
                    .iter()
                    .any(|m| m.start >= gap_start && m.end <= amount_start)
                {
                    return None;
                }
                (ranked.code, "ranked as the partner")
            }
        };
        (other != owner.code).then(|| {
            (
                Pair::sorted(other, owner.code),
                format!(
                    "pair: {other} {how} of {} ('{} ... partner')",
                    owner.code,
                    &self.sentence[owner.start..owner.end]
                ),
                0.1,
            )
        })
    }

    /// "Trade with the EU fell 2.9 percent ..., while trade with the United
    /// States declined 6.8 percent", in a wrap of China's customs data, or
    /// "Exports to China alone jumped 10.9 percent" in a report on Japan's: a
    /// clause whose only party follows its measure word as the partner
    /// ("trade with", "exports to", "imports from") trades with the
    /// reporting country, or else with the other side of the article's
    /// scope, not with the partner of another clause. Returns the partner,
    /// that country and why.
    pub(super) fn partner_only(
        &self,
        word: MeasureWord,
    ) -> Option<(&'static str, &'static str, String)> {
        let clause = self.clauses.at(word.start);
        let mut in_clause = self
            .countries
            .iter()
            .filter(|m| m.start >= clause.0 && m.end <= clause.1);
        let only = in_clause.next()?;
        if in_clause.any(|m| m.code != only.code) || only.start < word.end {
            return None;
        }
        let between = self.sentence[word.end..only.start].trim();
        let between = between.strip_suffix(" the").unwrap_or(between).trim_end();
        // Exports go to a partner and imports come from one: "imports to
        // Turkey" name the importer, not a partner.
        let partner_word = match word.measure {
            Measure::Export => ["to", "with", "for"].contains(&between),
            Measure::Import => ["from", "with"].contains(&between),
            _ => ["with", "to", "from"].contains(&between),
        };
        if !partner_word {
            return None;
        }
        let partner = only.code;
        let named_elsewhere = self
            .countries
            .iter()
            .find(|m| m.code != partner && (m.end <= clause.0 || m.start >= clause.1))
            .map(|m| m.code);
        if let Some(reporter) = self.doc.reporter.as_ref().filter(|r| r.code != partner) {
            // Partners named one by one beside a reporter the sentence
            // leaves unnamed: a wrap of the reporter's trade.
            if !self.countries.iter().any(|m| m.code == reporter.code) {
                self.wrap.set(Some(reporter.code));
            }
            let why = format!(
                "pair: the clause names {partner} as the partner of {}, whose trade the article reports (by {})",
                reporter.code, reporter.basis
            );
            return Some((partner, reporter.code, why));
        }
        let scope_other = self
            .scope()
            .and_then(|s| s.other_than(partner))
            .or_else(|| match self.scope() {
                Some(Scope::World(c)) if *c != partner => Some(*c),
                _ => None,
            });
        let doc_other = self
            .doc
            .pair
            .map(|(x, y)| if partner == x { y } else { x })
            .filter(|o| *o != partner);
        let main = named_elsewhere.or(scope_other).or(doc_other)?;
        // Only where the sentence alone would not tell: another clause
        // names a second party, or the partner is not the article's.
        let outside = self
            .doc
            .pair
            .is_none_or(|(x, y)| partner != x && partner != y);
        (named_elsewhere.is_some() || outside || self.countries.len() == 1).then(|| {
            let why = format!("pair: the clause names {partner} as the partner; the article speaks of {main}'s trade");
            (partner, main, why)
        })
    }

    /// Of three or more countries a sentence names, the two nearest the
    /// measure word, in the order the sentence names them: in "Mexico
    /// overtook China as the largest source of U.S. imports, with goods
    /// imports from Mexico rising 4.6%", the imports are Mexico's to the
    /// U.S., not to China, named first.
    pub(super) fn nearest_two(
        &self,
        codes: &[&'static str],
        word: MeasureWord,
    ) -> Vec<&'static str> {
        let distance = |m: &Mention| {
            if m.end <= word.start {
                word.start - m.end
            } else {
                m.start.saturating_sub(word.end)
            }
        };
        let mut near: Vec<&Mention> = self
            .countries
            .iter()
            .filter(|m| codes.contains(&m.code))
            .collect();
        near.sort_by_key(|m| distance(m));
        let mut two: Vec<&Mention> = Vec::with_capacity(2);
        for m in near {
            if two.len() == 2 {
                break;
            }
            if !two.iter().any(|t| t.code == m.code) {
                two.push(m);
            }
        }
        two.sort_by_key(|m| m.start);
        two.into_iter().map(|m| m.code).collect()
    }

    /// The countries a sentence names as parties. A capital named after
    /// "in" or "at" is where something happened ("met in Astana"), not a
    /// trading party, when a country of the article is named besides: it is
    /// set aside then, and kept only when nothing else names two countries.
    pub(super) fn parties(&self) -> Vec<&'static str> {
        let codes = country::distinct(self.countries);
        if codes.len() < 2 {
            return codes;
        }
        let venue = |m: &country::Mention| {
            country::is_capital(m.name) && {
                let before = self.sentence[..m.start].trim_end();
                before.ends_with(" in") || before.ends_with(" at")
            }
        };
        let named: Vec<country::Mention> = self
            .countries
            .iter()
            .filter(|m| !venue(m))
            .cloned()
            .collect();
        let rest = country::distinct(&named);
        let in_article = |c: &&str| self.doc.pair.is_some_and(|(x, y)| *c == x || *c == y);
        match rest.as_slice() {
            [_, _, ..] => rest,
            [one] if in_article(one) => rest,
            _ => codes,
        }
    }

    /// `[from, to]` for exports and imports: "China's exports to Russia",
    /// "imports from Russia"; `[reporter, partner]` for a balance.
    pub(super) fn direction(
        &self,
        metric: Metric,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> (&'static str, &'static str, String) {
        let other = |c: &'static str| if c == a { b } else { a };
        let flow = match metric {
            Metric::ExportValue | Metric::ExportGrowthYoy => Measure::Export,
            Metric::ImportValue | Metric::ImportGrowthYoy => Measure::Import,
            _ => {
                return match self.balance_reporter(word, a, b) {
                    Some((r, how)) => (
                        r,
                        other(r),
                        format!("balance of {r} with {}: {how}", other(r)),
                    ),
                    None => (a, b, format!("balance: reporter not stated, assumed {a}")),
                };
            }
        };
        if let Some(stated) = self.stated_direction(flow, word, a, b) {
            return stated;
        }
        // "Exports to Russia rose 5 %, while imports fell": the other flow
        // of the same sentence, stated, runs the other way.
        let reverse = if flow == Measure::Export {
            Measure::Import
        } else {
            Measure::Export
        };
        let counterpart = self
            .words
            .iter()
            .filter(|w| w.measure == reverse)
            .find_map(|w| self.stated_direction(reverse, *w, a, b));
        if let Some((from, to, _)) = counterpart {
            let what = if flow == Measure::Export {
                "imports"
            } else {
                "exports"
            };
            return (
                to,
                from,
                format!(
                    "direction: the reverse of the {what} the sentence states ({from} to {to})"
                ),
            );
        }
        // "Imports were valued at RM142 billion" in a Malaysian ministry's
        // release: the reporting country's flows.
        if let Some(r) = self
            .doc
            .reporter
            .as_ref()
            .filter(|r| r.code == a || r.code == b)
        {
            let (from, to) = if flow == Measure::Export {
                (r.code, other(r.code))
            } else {
                (other(r.code), r.code)
            };
            return (
                from,
                to,
                format!(
                    "direction: the reporting country's {} ({} by {})",
                    if flow == Measure::Export {
                        "exports"
                    } else {
                        "imports"
                    },
                    r.code,
                    r.basis
                ),
            );
        }
        if flow == Measure::Export {
            (a, b, format!("direction: not stated, assumed {a} to {b}"))
        } else {
            (b, a, format!("direction: not stated, assumed {b} to {a}"))
        }
    }

    /// Whose surplus or deficit a balance is, and how that was read, in
    /// order of trust: the owner ("Japan's deficit"); the country the
    /// balance is left with ("leaving Japan with a deficit"); the partner
    /// after it ("a surplus with China" is the other country's); the side
    /// the sentence's own flows report from ("exports to Australia ...,
    /// leaving a deficit" is the exporter's); else the first country before.
    pub(super) fn balance_reporter(
        &self,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> Option<(&'static str, &'static str)> {
        let other = |c: &'static str| if c == a { b } else { a };
        if let Some(owner) = self.owner(word) {
            return Some((owner, "its owner is named"));
        }
        // "the trade deficit for India", "the surplus of Vietnam".
        let after = self.sentence[word.end..].trim_start();
        let after = ["for ", "of "]
            .iter()
            .find_map(|p| crate::scan::starts_with_ascii_ci(after, p).then(|| &after[p.len()..]));
        if let Some(rest) = after {
            let at = self.sentence.len() - rest.len();
            let rest_at = at + (rest.len() - rest.trim_start_matches("the ").len());
            if let Some(m) = self.countries.iter().find(|m| m.start == rest_at) {
                return Some((m.code, "its owner is named after it"));
            }
        }
        let left_with = self.countries.iter().rev().find(|m| {
            m.end <= word.start
                && word.start - m.end <= 20
                && self.sentence[m.end..word.start]
                    .trim_start()
                    .starts_with("with ")
        });
        if let Some(m) = left_with {
            return Some((m.code, "the country left with it is named"));
        }
        let after = &self.sentence[word.end.min(self.sentence.len())..];
        let clause_end = after.find([',', ';']).unwrap_or(after.len());
        if let Some(with) = after[..clause_end].find(" with ") {
            let partner_at = word.end + with + " with ".len();
            if let Some(m) = named_at(self.countries, partner_at) {
                return Some((other(m.code), "the partner is named after it"));
            }
        }
        // "a negative balance of $4.65 billion for Argentina".
        if let Some(at) = crate::scan::find_ascii_ci(&after.as_bytes()[..clause_end], b" for ") {
            let owner_at = word.end + at + " for ".len();
            if let Some(m) = named_at(self.countries, owner_at) {
                return Some((m.code, "its owner is named after the figure"));
            }
        }
        let flows = self
            .words
            .iter()
            .filter(|w| matches!(w.measure, Measure::Export | Measure::Import));
        for w in flows {
            if let Some((from, to, _)) = self.stated_direction(w.measure, *w, a, b) {
                let reporter = if w.measure == Measure::Export {
                    from
                } else {
                    to
                };
                return Some((reporter, "the sentence reports that country's trade"));
            }
        }
        if let Some(r) = self
            .doc
            .reporter
            .as_ref()
            .filter(|r| r.code == a || r.code == b)
        {
            return Some((r.code, "the country whose trade the article reports"));
        }
        self.countries
            .iter()
            .find(|m| m.end <= word.start)
            .map(|m| (m.code, "the first country named before it"))
    }

    /// The country named just before a word ("China's exports", "Russia’s
    /// imports", "Russian imports"); of two ("Vietnam's Japanese exports"),
    /// the first, whose flow it is.
    pub(super) fn owner(&self, word: MeasureWord) -> Option<&'static str> {
        let (i, m) = self.countries.iter().enumerate().rev().find(|(_, m)| {
            m.end <= word.start && possessive_gap(&self.sentence[m.end..word.start])
        })?;
        let first = i.checked_sub(1).map(|j| &self.countries[j]).filter(|f| {
            f.code != m.code && {
                let gap = &self.sentence[f.end..m.start];
                ["'s ", "’s ", "' ", "’ "].contains(&gap)
            }
        });
        Some(first.map_or(m.code, |f| f.code))
    }

    /// The party named by an adjective right before an import word, when the
    /// article reports the other party's trade.
    fn partner_adjective_before(&self, word: MeasureWord) -> Option<&'static str> {
        let reporter = self.doc.reporter.as_ref()?.code;
        let m = self
            .countries
            .iter()
            .rev()
            .find(|m| m.end <= word.start)
            .filter(|m| self.sentence[m.end..word.start] == *" ")?;
        (m.code != reporter && country::is_adjective(&self.sentence[m.start..m.end]))
            .then_some(m.code)
    }

    /// The country named as a flow's destination by an adjective between
    /// its owner and the word ("Vietnam's Japanese exports").
    fn adjective_partner(&self, word: MeasureWord) -> Option<&'static str> {
        let owner = self.owner(word)?;
        self.countries
            .iter()
            .rev()
            .find(|m| m.end <= word.start && possessive_gap(&self.sentence[m.end..word.start]))
            .map(|m| m.code)
            .filter(|c| *c != owner)
    }

    /// Where goods imported come from, when the words after the import word
    /// name them by their country: "imports of Chinese products", "imported
    /// Japanese goods", "imports of Brazilian goods into Chile".
    fn origin_of_goods(&self, word: MeasureWord) -> Option<&'static str> {
        let after = &self.sentence[word.end..];
        let lead = after.len() - after.trim_start().len();
        let rest = after.trim_start();
        let skip = ["of the ", "of ", ""]
            .iter()
            .find(|p| crate::scan::starts_with_ascii_ci(rest, p))
            .map_or(0, |p| p.len());
        let at = word.end + lead + skip;
        let m = self.countries.iter().find(|m| m.start == at)?;
        let noun = self.sentence[m.end..].trim_start();
        [
            "goods",
            "products",
            "commodities",
            "merchandise",
            "items",
            "produce",
            "exports",
        ]
        .iter()
        .any(|n| crate::scan::starts_with_ascii_ci(noun, n))
        .then_some(m.code)
    }

    /// `[from, to]` of an export or import word, when the sentence states
    /// it: a country after "to" or "from" ("exports to Russia", "shipments
    /// to Japan", "imports from the US") or one owning the word ("China's
    /// exports").
    pub(super) fn stated_direction(
        &self,
        flow: Measure,
        word: MeasureWord,
        a: &'static str,
        b: &'static str,
    ) -> Option<(&'static str, &'static str, String)> {
        let other = |c: &'static str| if c == a { b } else { a };
        let after = &self.sentence[word.end..];
        let following = |prep: &str| -> Option<&'static str> {
            // The word may end with its preposition ("shipments to"): the
            // country is then right after it, "the" allowed between.
            let ends_with_prep = self.sentence[word.start..word.end]
                .rsplit(|c: char| c.is_ascii_whitespace())
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(prep));
            let at = if ends_with_prep {
                0
            } else {
                let lower = after.to_ascii_lowercase();
                let at = lower.find(&format!(" {prep} "))?;
                if at > 40 {
                    return None;
                }
                // A preposition goes with the nearest measure word before
                // it: in "exports to and imports from China", "from" is the
                // imports'.
                let between = word.end..word.end + at;
                if self.words.iter().any(|w| between.contains(&w.start)) {
                    return None;
                }
                at + prep.len() + 1
            };
            self.countries
                .iter()
                .find(|m| m.start >= word.end + at && m.start <= word.end + at + 7)
                .map(|m| m.code)
        };
        let owner = self.owner(word);
        if flow == Measure::Export {
            // "export earnings from China": what exports to China earned.
            let earned = [
                "earnings from ",
                "receipts from ",
                "revenue from ",
                "revenues from ",
                "proceeds from ",
            ]
            .iter()
            .find_map(|p| party_after(self.sentence, self.countries, word.end, p));
            if let Some(to) = earned {
                return Some((
                    other(to),
                    to,
                    format!("direction: export earnings from {to}"),
                ));
            }
            if let Some(to) = following("to").or_else(|| self.adjective_partner(word)) {
                return Some((other(to), to, format!("direction: exports to {to}")));
            }
            if let Some(from) = following("from").or(owner) {
                return Some((from, other(from), format!("direction: exports of {from}")));
            }
        } else {
            if let Some(from) = following("from") {
                return Some((from, other(from), format!("direction: imports from {from}")));
            }
            if let Some(into) = following("into") {
                return Some((other(into), into, format!("direction: imports into {into}")));
            }
            if let Some(origin) = self.origin_of_goods(word) {
                return Some((
                    origin,
                    other(origin),
                    format!("direction: imports of {origin}'s goods"),
                ));
            }
            // "Brazilian imports rose" in Argentina's reporting: imports of
            // Brazilian goods, an adjective of the partner naming the origin
            // (a possessive, "Brazil's imports", names the importer).
            if let Some(origin) = self.partner_adjective_before(word) {
                return Some((
                    origin,
                    other(origin),
                    format!("direction: imports of {origin}'s goods, named by its adjective in the reporter's article"),
                ));
            }
            if let Some(importer) = owner {
                return Some((
                    other(importer),
                    importer,
                    format!("direction: imports of {importer}"),
                ));
            }
        }
        None
    }
}

/// Whether the words between a party's name and a measure word make the
/// party the measure's owner: "'s", "’s", or nothing (an adjective:
/// "Turkish exports").
fn possessive_gap(gap: &str) -> bool {
    let g = gap.trim_end();
    g.is_empty() || ["'s", "’s", "'", "’", "s'"].contains(&g) && gap.len() > g.len()
}
