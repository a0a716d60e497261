//! Russian articles: trade turnover, exports, imports and their
//! year-on-year changes, with country names in their grammatical cases.
//!
//! Shaped as the Chinese reader is: sentences, amounts with their scale
//! words (`млрд`, `миллиарда`, `трлн`; decimal commas; "31 млрд 198,7 млн")
//! and currency, the measure word before them (`товарооборот`, `экспорт`,
//! `импорт`), the pair a sentence names (`России и Китая`, `из Беларуси`,
//! `российских товаров в КНР`), and the period (`в 2023 году`, `в январе-
//! сентябре`, `за первые пять месяцев`, `в первом полугодии`, `в прошлом
//! году`), carried from the sentence before. Comparisons ("по сравнению с
//! аналогичным периодом прошлого года") are not a figure's period. Goals
//! and forecasts are targets for the year they name.

use chrono::{Datelike, NaiveDate};

mod events;

use crate::foreign::{self, Figure, Sentence};
use crate::model::{Metric, Observation, Pair, Period, Qualifier, Status};
use crate::pattern::patterns;

const MONTHS: &str = r"январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр";

patterns! {
    fn amount_re = r"(?i)(?P<q>около|почти|более чем|более|свыше|порядка|примерно|приблизительно|практически|превысил[аио]?)?\s*(?P<usd>\$)?\s*(?P<n>\d+(?:[ \u{a0}]\d{3})*(?:,\d+)?)\s*(?P<scale>трлн|триллион[а-я]*|млрд|миллиард[а-я]*|млн|миллион[а-я]*)\.?(?:\s*(?P<n2>\d+(?:,\d+)?)\s*(?P<scale2>млн|миллион[а-я]*)\.?)?\s*(?P<cur>(?:ам\.\s*)?долл[а-я]*\.?(?:\s*США)?|евро|юан[а-я]*|руб[а-я]*\.?)?";
    fn rate_re = r"(?i)на\s*(?P<q>почти|около|более чем|более|свыше)?\s*(?P<n>\d+(?:,\d+)?)\s*(?:%|проц[а-я]*\.?)";
    fn up_re = r"(?i)вырос|выросл|увелич|рост|прирост|повыс|подня|прибав|выше|больше";
    fn down_re = r"(?i)снизи|снижен|сократи|сокращен|упал|упад|паден|уменьш|ниже|меньше";
    fn comparison_re = r"(?i)(?:по сравнению|в сравнении|относительно|против|чем)\s+[^,.;()]{0,60}|аналогичн[а-я]*\s+период[а-я]*(?:\s+[а-я0-9-]+){0,2}|предшествующ[а-я]*\s+год[а-я]*";
    fn goal_re = r"(?i)цел[ьи]|планир|в планах|намерен|рассчитыва|может (?:превысить|вырасти|быть доведен|достичь)|довести|доведен|достичь|увеличить|нарастить|выйти на|прогноз|ожида";
    // No `\b` in these patterns: the extractor's patterns draw word
    // boundaries around ASCII words only.
    fn year_re = r"(?i)(?P<y>(?:19|20)\d\d)\s*(?:год[а-я]*|-го|-м|г\.)";
    fn this_year_re = r"(?i)(?:в этом|в текущем|в нынешнем)\s+году|(?:этого|текущего|нынешнего)\s+года";
    fn last_year_re = r"(?i)в прошлом году|прошлого года|минувшего года|в минувшем году";
    fn month_range_re = &format!(r"(?i)(?P<m1>{MONTHS})[а-я]*\s*(?:[-–—]\s*|по\s+)(?P<m2>{MONTHS})[а-я]*(?:\s+(?P<y>(?:19|20)\d\d))?");
    fn first_months_re = r"(?i)(?:перв[а-я]+\s+)?(?P<n>двух|два|трех|три|четырех|четыре|пяти|пять|шести|шесть|семи|семь|восьми|восемь|девяти|девять|десяти|десять|одиннадцати|одиннадцать|\d{1,2})\s+месяц[а-я]*";
    fn half_re = r"(?i)(?P<h>перв|втор)[а-я]*\s+полугоди[а-я]*";
    fn quarter_re = r"(?i)(?P<q>перв|втор|трет|четверт|I{1,3}V?|IV)[а-я]*\s+квартал[а-я]*";
    fn single_month_re = &format!(r"(?i)(?:^|\s)(?:в|за)\s+(?P<m>{MONTHS})[а-я]*(?:\s+(?P<y>(?:19|20)\d\d))?");
    fn date_re = r"(?i)(?P<d>[0-3]?\d)\s+(?P<m>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(?P<y>(?:19|20)\d\d)|(?P<d2>[0-3]\d)\.(?P<m2>[01]\d)\.(?P<y2>(?:19|20)\d\d)";
}

/// Measure words (stems, matched in any case), longest first.
const MEASURES: &[(&str, Metric)] = &[
    ("товарооборот", Metric::TradeValue),
    ("оборот торговли", Metric::TradeValue),
    ("внешнеторговый оборот", Metric::TradeValue),
    ("торговый оборот", Metric::TradeValue),
    ("объем торговли", Metric::TradeValue),
    ("объём торговли", Metric::TradeValue),
    ("взаимная торговля", Metric::TradeValue),
    ("взаимной торговли", Metric::TradeValue),
    ("экспорт", Metric::ExportValue),
    ("поставк", Metric::ExportValue),
    ("импорт", Metric::ImportValue),
    ("ввоз", Metric::ImportValue),
    ("сальдо", Metric::TradeBalance),
    ("профицит", Metric::TradeBalance),
    ("дефицит", Metric::TradeBalance),
];

/// Parties by the stems of their names and adjectives, matched at a word's
/// start in any case ending.
const PARTIES: &[(&str, &str)] = &[
    ("кита", "CN"),
    ("кнр", "CN"),
    ("поднебесн", "CN"),
    ("россия", "RU"),
    ("росси", "RU"),
    ("рф", "RU"),
    // Not "инди": "индивидуальный" is no country.
    ("индия", "IN"),
    ("индии", "IN"),
    ("индию", "IN"),
    ("индией", "IN"),
    ("индийск", "IN"),
    ("беларус", "BY"),
    ("белорус", "BY"),
    ("казахстан", "KZ"),
    ("монгол", "MN"),
    ("иран", "IR"),
    ("узбек", "UZ"),
    ("турци", "TR"),
    ("турецк", "TR"),
    ("вьетнам", "VN"),
    ("германи", "DE"),
    ("немецк", "DE"),
    ("еаэс", "EAEU"),
    ("евросоюз", "EU"),
    ("япони", "JP"),
    ("японск", "JP"),
    ("армени", "AM"),
    ("армянск", "AM"),
    ("азербайджан", "AZ"),
    ("киргиз", "KG"),
    ("кыргыз", "KG"),
    ("таджик", "TJ"),
    ("туркмен", "TM"),
    ("египет", "EG"),
    ("египт", "EG"),
    ("индонези", "ID"),
    ("бразили", "BR"),
    ("серби", "RS"),
    ("венгри", "HU"),
    ("пакистан", "PK"),
    ("кндр", "KP"),
    ("оаэ", "AE"),
    ("сша", "US"),
    ("американск", "US"),
];

/// Words that say a sentence is about both sides.
const BOTH_SIDES: &[&str] = &[
    "между странами",
    "двух стран",
    "двусторонн",
    "взаимн",
    "обеих стран",
];

/// Abbreviations a period does not end a sentence after.
const ABBREVIATIONS: &[&str] = &[
    "г", "гг", "млрд", "млн", "трлн", "тыс", "долл", "руб", "проц", "ам", "т", "ст", "др", "см",
];

fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut end = None;
        if c == '\n' || (i + 1 - start) >= 1000 {
            end = Some(i + 1);
        } else if matches!(c, '.' | '!' | '?') {
            let next_upper = chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_none_or(|c| c.is_uppercase() || matches!(c, '"' | '«' | '$' | '—' | '-'));
            let spaced = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            let word: String = chars[start..i]
                .iter()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<String>()
                .to_lowercase();
            if spaced && next_upper && (c != '.' || !ABBREVIATIONS.contains(&word.as_str())) {
                end = Some(i + 1);
            }
        }
        if let Some(e) = end {
            push(&mut out, &chars[start..e], start);
            start = e;
        }
        i += 1;
    }
    push(&mut out, &chars[start..], start);
    out
}

fn push(out: &mut Vec<Sentence>, chars: &[char], start: usize) {
    let text: String = chars.iter().collect();
    if !text.trim().is_empty() {
        out.push(Sentence {
            original: text.clone(),
            text,
            start,
        });
    }
}

/// `s` in lower case, each character kept where its lower case would take
/// another number of bytes ("İ"), so that offsets into it are offsets into
/// `s`.
fn lowercase(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// The parties a sentence names, in order, each once; "долл. США" is a
/// currency, not the United States.
fn parties(s: &str) -> Vec<(usize, &'static str)> {
    let lower = lowercase(s);
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for (at, word) in words(&lower) {
        let before = lower[..at].trim_end();
        if word == "сша" && (before.ends_with("долл.") || before.ends_with("долларов"))
        {
            continue;
        }
        if let Some((_, code)) = PARTIES.iter().find(|(stem, _)| word.starts_with(stem)) {
            if !found.iter().any(|(_, c)| c == code) {
                found.push((at, code));
            }
        }
    }
    found
}

/// The words of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

fn month_number(stem: &str) -> Option<u32> {
    let s = stem.to_lowercase();
    let order = [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ];
    order
        .iter()
        .position(|m| s.starts_with(m))
        .map(|i| i as u32 + 1)
}

fn count_word(w: &str) -> Option<u32> {
    if let Ok(n) = w.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let w = w.to_lowercase();
    let words = [
        ("одиннадцат", 11),
        ("двух", 2),
        ("два", 2),
        ("трех", 3),
        ("три", 3),
        ("четыр", 4),
        ("пят", 5),
        ("пять", 5),
        ("шест", 6),
        ("сем", 7),
        ("восьм", 8),
        ("восем", 8),
        ("девят", 9),
        ("девя", 9),
        ("десят", 10),
        ("деся", 10),
    ];
    words
        .iter()
        .find(|(p, _)| w.starts_with(p))
        .map(|(_, n)| *n)
}

/// The periods a sentence names outside its comparisons, each with where it
/// ends, in order.
fn periods(s: &str, published: Option<NaiveDate>) -> Vec<(usize, usize, Period)> {
    let excluded: Vec<(usize, usize)> = comparison_re()
        .find_iter(s)
        .map(|m| (m.start(), m.end()))
        .collect();
    let free = |a: usize, b: usize| !excluded.iter().any(|&(x, y)| a < y && x < b);
    let py = published.map(|d| d.year());
    let mut years: Vec<(usize, usize, i32)> = Vec::new();
    for c in year_re().captures_iter(s) {
        let (Some(m), Some(y)) = (c.get(0), c.name("y")) else {
            continue;
        };
        if free(m.start(), m.end()) {
            if let Ok(y) = y.as_str().parse() {
                years.push((m.start(), m.end(), y));
            }
        }
    }
    for m in this_year_re()
        .find_iter(s)
        .filter(|m| free(m.start(), m.end()))
    {
        if let Some(y) = py {
            years.push((m.start(), m.end(), y));
        }
    }
    for m in last_year_re()
        .find_iter(s)
        .filter(|m| free(m.start(), m.end()))
    {
        if let Some(y) = py {
            years.push((m.start(), m.end(), y - 1));
        }
    }
    years.sort_unstable();
    // The sentence's year, for its parts of a year: only when it names one
    // ("в 2019 году ... за январь-июнь" is two figures of two years).
    let sentence_year = match years.as_slice() {
        [(_, _, y)] => Some(*y),
        _ => None,
    };
    // A part of a year takes the sentence's year, else the publication's
    // (or the year before, if its months had not begun).
    let part_year = |first: u32| {
        sentence_year.or_else(|| {
            published.map(|d| {
                if first <= d.month() {
                    d.year()
                } else {
                    d.year() - 1
                }
            })
        })
    };
    let mut parts: Vec<(usize, usize, Period)> = Vec::new();
    for c in month_range_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        let (Some(a), Some(b)) = (
            c.name("m1").and_then(|x| month_number(x.as_str())),
            c.name("m2").and_then(|x| month_number(x.as_str())),
        ) else {
            continue;
        };
        let y = c
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| part_year(a));
        if let Some(p) = y.and_then(|y| Period::months(y, a, b)) {
            parts.push((m.start(), m.end(), p));
        }
    }
    for c in first_months_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        if let Some(n) = c.name("n").and_then(|n| count_word(n.as_str())) {
            if let Some(p) = part_year(1).and_then(|y| Period::months(y, 1, n)) {
                parts.push((m.start(), m.end(), p));
            }
        }
    }
    for c in half_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        let (a, b) = if c["h"].to_lowercase().starts_with("перв") {
            (1, 6)
        } else {
            (7, 12)
        };
        if let Some(p) = part_year(a).and_then(|y| Period::months(y, a, b)) {
            parts.push((m.start(), m.end(), p));
        }
    }
    for c in quarter_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        let q = match c["q"].to_lowercase().as_str() {
            q if q.starts_with("перв") || q == "i" => 1,
            q if q.starts_with("втор") || q == "ii" => 2,
            q if q.starts_with("трет") || q == "iii" => 3,
            _ => 4,
        };
        if let Some(p) = part_year(3 * q - 2).and_then(|y| Period::months(y, 3 * q - 2, 3 * q)) {
            parts.push((m.start(), m.end(), p));
        }
    }
    if parts.is_empty() {
        for c in single_month_re().captures_iter(s) {
            let Some(m) = c.get(0) else { continue };
            if !free(m.start(), m.end()) {
                continue;
            }
            let Some(month) = c.name("m").and_then(|x| month_number(x.as_str())) else {
                continue;
            };
            let y = c
                .name("y")
                .and_then(|y| y.as_str().parse().ok())
                .or_else(|| part_year(month));
            if let Some(p) = y.and_then(|y| Period::months(y, month, month)) {
                parts.push((m.start(), m.end(), p));
            }
        }
    }
    // Every part, and every year no part takes ("в январе-сентябре 2020
    // года" is one period).
    let mut out = parts;
    for &(a, b, y) in &years {
        let taken = out.iter().any(|(pa, pb, p)| {
            p.end.year() == y
                && (a < *pb && *pa < b || (a >= *pb && a - *pb <= 3) || (*pa >= b && *pa - b <= 3))
        });
        if !taken {
            if let Some(p) = Period::year(y) {
                out.push((a, b, p));
            }
        }
    }
    out.sort_by_key(|(a, _, _)| *a);
    out
}

/// Published date: the first full date among the first 400 characters.
pub(crate) fn published(text: &str) -> Option<NaiveDate> {
    let head: String = text.chars().take(400).collect();
    let c = date_re().captures(&head)?;
    let months = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    if let (Some(d), Some(m), Some(y)) = (c.name("d"), c.name("m"), c.name("y")) {
        let m = months
            .iter()
            .position(|x| *x == m.as_str().to_lowercase())? as u32
            + 1;
        return NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d.as_str().parse().ok()?);
    }
    NaiveDate::from_ymd_opt(
        c["y2"].parse().ok()?,
        c["m2"].parse().ok()?,
        c["d2"].parse().ok()?,
    )
}

fn number(s: &str) -> Option<f64> {
    s.replace([' ', '\u{a0}'], "")
        .replace(',', ".")
        .parse()
        .ok()
}

fn scale(word: &str) -> f64 {
    let w = word.to_lowercase();
    if w.starts_with("трлн") || w.starts_with("триллион") {
        1e12
    } else if w.starts_with("млрд") || w.starts_with("миллиард") {
        1e9
    } else {
        1e6
    }
}

fn currency(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    if w.contains("долл") {
        Some("USD")
    } else if w.starts_with("евро") {
        Some("EUR")
    } else if w.starts_with("юан") {
        Some("CNY")
    } else if w.starts_with("руб") {
        Some("RUB")
    } else {
        None
    }
}

fn qualifier(word: Option<&str>) -> Option<Qualifier> {
    match word?.to_lowercase().as_str() {
        "около" | "порядка" | "примерно" | "приблизительно" => {
            Some(Qualifier::About)
        }
        "почти" | "практически" => Some(Qualifier::Nearly),
        "более" | "более чем" | "свыше" | "превысил" | "превысила" | "превысило" => {
            Some(Qualifier::Over)
        }
        _ => None,
    }
}

/// The measure words of a sentence, where each starts, in order.
fn measures(s: &str) -> Vec<(usize, Metric)> {
    let lower = lowercase(s);
    let mut found: Vec<(usize, usize, Metric)> = Vec::new();
    for &(stem, metric) in MEASURES {
        for (at, _) in lower.match_indices(stem) {
            // At a word's start.
            if lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            {
                continue;
            }
            let end = at + stem.len();
            if !found.iter().any(|&(a, b, _)| at < b && a < end) {
                found.push((at, end, metric));
            }
        }
    }
    found.sort_unstable_by_key(|&(a, _, _)| a);
    found.into_iter().map(|(a, _, m)| (a, m)).collect()
}

/// The clause around byte `at`: between the separators either side (a
/// dash is three bytes: the bounds are always character boundaries).
fn clause(s: &str, at: usize) -> (usize, usize) {
    let at = s.floor_char_boundary(at);
    let start = s[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | '(' | '—'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[at..]
        .find([',', ';', ')', '—'])
        .map_or(s.len(), |i| at + i);
    (start, end)
}

/// Reads a Russian article's figures.
/// Everything a Russian article yields: its figures, its events and its pair.
pub(crate) fn read(text: &str, published: Option<NaiveDate>) -> foreign::Reading {
    let sentences = sentences(text);
    let pair = foreign::document_pair(&sentences, parties, "RU");
    foreign::Reading {
        observations: observations(&sentences, pair, published),
        events: events::find(&sentences, pair, published),
        pair,
    }
}

fn observations(
    sentences: &[Sentence],
    doc_pair: Option<(&'static str, &'static str)>,
    published: Option<NaiveDate>,
) -> Vec<Observation> {
    let mut out = Vec::new();
    let mut in_force: Option<Period> = None;
    let mut carried: Option<(&'static str, &'static str)> = None;
    for s in sentences {
        let t = &s.text;
        let lower = lowercase(t);
        let named = periods(t, published);
        let parties = parties(t);
        let measures = measures(t);
        let both = BOTH_SIDES.iter().any(|w| lower.contains(w));
        let pair = match parties.as_slice() {
            [(_, a), (_, b), ..] => Some((*a, *b)),
            [(_, a)] if both => doc_pair.filter(|(x, y)| x == a || y == a),
            [_] => None,
            [] if both => doc_pair,
            [] => carried,
        };
        let has_figures = amount_re()
            .captures_iter(t)
            .any(|c| c.name("scale").is_some())
            || rate_re().is_match(t);
        if has_figures {
            carried = pair;
        }
        let before = in_force.clone();
        if let Some((_, _, p)) = named.last() {
            in_force = Some(p.clone());
        }
        let period_at = |measure: usize, at: usize| -> Option<Period> {
            named
                .iter()
                .rev()
                .find(|(start, _, _)| *start <= at.max(measure))
                .or(named.first())
                .map(|(_, _, p)| p.clone())
                .or_else(|| before.clone())
        };
        let Some(pair) = pair else { continue };
        let mut last_currency: Option<&'static str> = None;
        let mut last_measure: Option<(usize, Metric)> = None;
        for c in amount_re().captures_iter(t) {
            let (Some(whole), Some(n), Some(sc)) = (c.get(0), c.name("n"), c.name("scale")) else {
                continue;
            };
            let Some(&(m_at, metric)) = measures.iter().rev().find(|(at, _)| *at < whole.start())
            else {
                continue;
            };
            let cur = match (
                c.name("usd"),
                c.name("cur").and_then(|m| currency(m.as_str())),
            ) {
                (Some(_), _) => Some("USD"),
                (None, Some(c)) => Some(c),
                (None, None) => last_currency,
            };
            let Some(cur) = cur else { continue };
            last_currency = Some(cur);
            let Some(mut value) = number(n.as_str()).map(|v| v * scale(sc.as_str())) else {
                continue;
            };
            if let (Some(n2), Some(sc2)) = (c.name("n2"), c.name("scale2")) {
                value += number(n2.as_str()).unwrap_or(0.0) * scale(sc2.as_str());
            }
            let (cs, ce) = clause(t, whole.start());
            let qualifier_word = c.name("q").map(|m| m.as_str());
            let goal =
                goal_re().is_match(&t[cs..ce]) || goal_re().is_match(&t[m_at..whole.start()]);
            let word_start = n
                .start()
                .min(c.name("usd").map_or(usize::MAX, |m| m.start()));
            let start = c.name("q").map_or(word_start, |q| q.start());
            if goal {
                if metric != Metric::TradeValue {
                    continue;
                }
                let year = named
                    .iter()
                    .map(|(_, _, p)| p.end.year())
                    .filter(|y| published.is_none_or(|d| *y >= d.year()))
                    .max();
                let Some(period) = year.and_then(Period::year) else {
                    continue;
                };
                out.push(foreign::observation(
                    s,
                    (start, whole.end()),
                    Figure {
                        pair: Pair::sorted(pair.0, pair.1),
                        metric: Metric::TradeTarget,
                        period,
                        value,
                        currency: Some(cur),
                        qualifier: qualifier(qualifier_word),
                        status: Status::Target,
                    },
                    "Russian",
                ));
                continue;
            }
            let Some(period) = period_at(m_at, whole.start()) else {
                continue;
            };
            let directed = direct(t, &parties, m_at, metric, pair);
            last_measure = Some((m_at, metric));
            out.push(foreign::observation(
                s,
                (start, whole.end()),
                Figure {
                    pair: directed,
                    metric,
                    period,
                    value,
                    currency: Some(cur),
                    qualifier: qualifier(qualifier_word),
                    status: Status::Reported,
                },
                "Russian",
            ));
        }
        for c in rate_re().captures_iter(t) {
            let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let (cs, ce) = clause(t, whole.start());
            // The direction: a word before in the clause or the one before
            // ("сократился до X (на 7,3%)"), or "больше" right after.
            let previous = t[..t.floor_char_boundary(cs.saturating_sub(1))]
                .rfind([',', ';'])
                .map_or(0, |i| i + 1);
            let before = &t[previous..whole.start()];
            let after: String = t[whole.end()..].chars().take(12).collect();
            let clause_text = &t[cs..ce];
            // A share of a total ("доля Беларуси ... снизилась с 5,1% до 5%").
            let clause_lower = clause_text.to_lowercase();
            if ["доля", "доли", "долю", "долей", "ввп"]
                .iter()
                .any(|w| clause_lower.contains(w))
            {
                continue;
            }
            if goal_re().is_match(clause_text) {
                continue;
            }
            let last_dir = |x: &str| -> Option<(usize, bool)> {
                let u = up_re().find_iter(x).last().map(|m| (m.start(), true));
                let d = down_re().find_iter(x).last().map(|m| (m.start(), false));
                match (u, d) {
                    (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
                    (a, b) => a.or(b),
                }
            };
            let up = if up_re().is_match(&after) && !down_re().is_match(&after) {
                true
            } else if down_re().is_match(&after) {
                false
            } else {
                match last_dir(before) {
                    Some((_, up)) => up,
                    None => continue,
                }
            };
            // Against the month before ("выше апрельских результатов"): not
            // year on year.
            let tail: String = t[whole.end()..]
                .chars()
                .take(30)
                .collect::<String>()
                .to_lowercase();
            if [
                "апрельск",
                "мартовск",
                "майск",
                "предыдущ",
                "прошлого месяца",
                "январск",
                "февральск",
                "июньск",
                "июльск",
                "августовск",
                "сентябрьск",
                "октябрьск",
                "ноябрьск",
            ]
            .iter()
            .any(|w| tail.contains(w))
            {
                continue;
            }
            let Some(&(m_at, metric)) = measures
                .iter()
                .rev()
                .find(|(at, _)| *at < whole.start())
                .or(last_measure.as_ref())
            else {
                continue;
            };
            let growth = match metric {
                Metric::TradeValue => Metric::TradeGrowthYoy,
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                _ => continue,
            };
            let Some(mut rate) = number(n.as_str()) else {
                continue;
            };
            if !up {
                rate = -rate;
            }
            let Some(period) = period_at(m_at, whole.start()) else {
                continue;
            };
            let directed = direct(t, &parties, m_at, metric, pair);
            out.push(foreign::observation(
                s,
                (n.start(), whole.end()),
                Figure {
                    pair: directed,
                    metric: growth,
                    period,
                    value: rate,
                    currency: None,
                    qualifier: qualifier(c.name("q").map(|m| m.as_str())),
                    status: Status::Reported,
                },
                "Russian",
            ));
        }
    }
    out
}

/// Exports go from the party after "из" (or named first) to the other;
/// imports come from the party after "из" (or named right after the
/// measure: "импорт российских товаров") to the other.
fn direct(
    s: &str,
    parties: &[(usize, &'static str)],
    measure_at: usize,
    metric: Metric,
    (a, b): (&'static str, &'static str),
) -> Pair {
    let other = |x: &'static str| if x == a { b } else { a };
    let lower = lowercase(s);
    let (cs, ce) = clause(s, measure_at);
    let after_iz = |from: usize| -> Option<&'static str> {
        let i = lower[from..ce.max(from)].find(" из ").map(|i| from + i)?;
        parties.iter().find(|(at, _)| *at > i).map(|(_, c)| *c)
    };
    match metric {
        Metric::ExportValue | Metric::ImportValue => {
            let origin = after_iz(cs).or_else(|| {
                if metric == Metric::ExportValue {
                    parties
                        .iter()
                        .filter(|(at, _)| *at >= cs && *at < ce)
                        .map(|(_, c)| *c)
                        .next()
                } else {
                    parties
                        .iter()
                        .find(|(at, _)| *at > measure_at && *at < ce)
                        .map(|(_, c)| *c)
                        .filter(|_| {
                            // "импорт российских товаров в КНР": the goods' origin.
                            lower[measure_at..ce].contains(" в ")
                        })
                }
            });
            let origin = match origin {
                Some(o) if o == a || o == b => o,
                _ => {
                    if metric == Metric::ExportValue {
                        a
                    } else {
                        b
                    }
                }
            };
            Pair(origin.to_owned(), other(origin).to_owned())
        }
        Metric::TradeBalance => Pair(a.to_owned(), b.to_owned()),
        _ => Pair::sorted(a, b),
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::foreign::testing::{assert_rows, rows, Row};

    fn read(text: &str, published: &str) -> Vec<Row> {
        rows(super::read(text, published.parse().ok()).observations)
    }

    fn usd() -> Option<String> {
        Some("USD".to_owned())
    }

    // Sentences written for these tests, other pairs and numbers than the
    // development set's.
    #[rstest]
    #[case::turnover_and_its_growth(
        "Товарооборот России и Казахстана в январе-июне 2023 года вырос на 12,4% и составил 13,1 млрд долларов.",
        "2023-08-01",
        vec![
            (Metric::TradeValue, "KZ-RU", 13.1e9, usd(), "H1 2023"),
            (Metric::TradeGrowthYoy, "KZ-RU", 12.4, None, "H1 2023"),
        ]
    )]
    #[case::a_fall_and_the_dollar_sign(
        "В 2022 году товарооборот между Россией и Арменией снизился на 3,5%, до $5,2 млрд.",
        "2023-02-10",
        vec![
            (Metric::TradeValue, "AM-RU", 5.2e9, usd(), "2022"),
            (Metric::TradeGrowthYoy, "AM-RU", -3.5, None, "2022"),
        ]
    )]
    #[case::billions_and_millions(
        "За первые четыре месяца этого года товарооборот России и Вьетнама составил 2 млрд 150,5 млн долл. США.",
        "2019-05-20",
        vec![(Metric::TradeValue, "RU-VN", 2.1505e9, usd(), "Jan–Apr 2019")]
    )]
    #[case::exports_from_after_iz(
        "В 2021 году экспорт из Ирана в Россию составил 1,1 миллиарда долларов.",
        "2022-03-01",
        vec![(Metric::ExportValue, "IR-RU", 1.1e9, usd(), "2021")]
    )]
    #[case::last_year_in_rubles(
        "В прошлом году взаимная торговля России и Беларуси достигла 3,1 трлн рублей.",
        "2024-02-15",
        vec![(Metric::TradeValue, "BY-RU", 3.1e12, Some("RUB".to_owned()), "2023")]
    )]
    #[case::a_goal_for_a_year(
        "Стороны планируют довести товарооборот России и Египта до 10 млрд долларов к 2030 году.",
        "2024-06-01",
        vec![(Metric::TradeTarget, "EG-RU", 10e9, usd(), "2030")]
    )]
    fn figures_are_read(
        #[case] text: &str,
        #[case] published: &str,
        #[case] expected: Vec<(Metric, &str, f64, Option<String>, &str)>,
    ) {
        assert_rows(&read(text, published), &expected);
    }

    #[rstest]
    #[case::one_partys_total("В 2023 году товарооборот Казахстана составил 140 млрд долларов.")]
    #[case::a_share("Доля России во внешней торговле Армении выросла на 5%.")]
    #[case::no_scale_word("Россия и Китай подписали 12 соглашений на 300 страницах.")]
    #[case::a_dotted_currency_is_no_country("Экспорт Вьетнама вырос на 8%, до 400 млрд долл. США.")]
    fn other_numbers_are_not_figures(#[case] text: &str) {
        assert!(
            read(text, "2024-05-01").is_empty(),
            "{:?}",
            read(text, "2024-05-01")
        );
    }

    #[test]
    fn a_lower_case_that_changes_length_keeps_the_offsets() {
        let text = "İ Товарооборот России и Китая вырос на 5% в 2023 году.";
        assert_eq!(lowercase(text).len(), text.len());
        assert_eq!(read(text, "2024-01-10").len(), 1);
    }

    #[test]
    fn dates_near_the_top_are_read() {
        assert_eq!(
            published("Москва, 12 марта 2024 — ТАСС."),
            "2024-03-12".parse().ok()
        );
        assert_eq!(
            published("Опубликовано 07.06.2020 в 10:15"),
            "2020-06-07".parse().ok()
        );
        assert_eq!(published("Без даты."), None);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s =
            sentences("Оборот составил 5 млрд долл. США. Рост 3%. Это было в 2020 г. Тогда же.");
        let texts: Vec<&str> = s.iter().map(|s| s.text.trim()).collect();
        assert_eq!(
            texts,
            [
                "Оборот составил 5 млрд долл. США.",
                "Рост 3%.",
                "Это было в 2020 г. Тогда же."
            ]
        );
    }
}
