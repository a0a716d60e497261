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
    // The qualifier may come with the verb that reaches the amount
    // ("практически достигнув отметки в 17 млрд", "почти до $50 млрд") or be
    // the verb itself ("превысил", "может превысить", "превысив").
    fn amount_re = r"(?i)(?P<q>(?:около|почти|более,?\s+чем|более|свыше|порядка|примерно|приблизительно|практически)(?:\s+(?:достиг[а-я]*|достигнув|дойдя))?(?:\s+(?:отметк[а-я]*|уровн[а-я]*|значени[а-я]*))?(?:\s+(?:в|до))?|превы[сш][а-я]*)?\s*(?P<usd>\$)?\s*(?P<n>\d+(?:[ \u{a0}]\d{3})*(?:,\d+)?)\s*(?P<scale>трлн|триллион[а-я]*|млрд|миллиард[а-я]*|млн|миллион[а-я]*)\.?(?:\s*(?P<n2>\d+(?:,\d+)?)\s*(?P<scale2>млн|миллион[а-я]*)\.?)?\s*(?P<cur>(?:ам\.\s*)?долл[а-я]*\.?(?:\s*США)?|евро|юан[а-я]*|руб[а-я]*\.?)?";
    // A qualifier before "на" ("вырос более чем на 35%", "почти на 47%")
    // or after it ("на более чем 5%").
    fn rate_re = r"(?i)(?P<q0>(?:почти|около|более,?\s+чем|более|свыше|примерно|приблизительно|практически)\s+)?на\s*(?P<q>почти|около|более чем|более|свыше)?\s*(?P<n>\d+(?:,\d+)?)\s*(?:%|проц[а-я]*\.?)";
    // A rate right after its verb, without "на" ("прибавил по сравнению с
    // аналогичным периодом прошлого года более 130%"); what lies between is
    // checked by `bare_rates`.
    fn bare_rate_re = r"(?i)(?P<v>прибав[а-я]*|вырос[а-я]*|увеличи[а-я]*|сократи[а-я]*|снизи[а-я]*|упал[а-я]*|подскочи[а-я]*)(?P<mid>[^,.;:()%\d—]{0,90}?)(?P<n>\d+(?:,\d+)?)\s*(?:%|проц[а-я]*\.?)";
    // What may stand between such a verb and its rate.
    fn bare_filler_re = r"(?i)(?:по сравнению|в сравнении|относительно)(?:\s+с)?|аналогичн[а-я]*\s+период[а-я]*(?:\s+(?:прошлого|предыдущего|минувшего)\s+года)?|(?:с\s+)?(?:предыдущ|прошл)[а-я]*\s+год[а-я]*|в годовом (?:выражении|исчислении)|более,?\s+чем|более|свыше|почти|около|ещ[её]|сразу";
    // A rate in words: "на четверть", "наполовину", and "на восемь" after
    // a rate in percent.
    fn word_rate_re = r"(?i)на\s*(?P<w>[а-я]+)(?P<rest>\s*(?:%|проц[а-я]*|[,.;)—»]|$))";
    // "показатель", "этот показатель", "результат", or "это"/"он" as the
    // subject of a level or change: the previous sentence's measure.
    fn anaphor_re = r"(?i)(?:^|[^а-яё])(?:показател[а-я]*|результат[а-я]*|(?:это|он|она|оно)\s+(?:(?:уже|также|еще|ещё|почти|практически|лишь|всего|вновь|снова)\s+)*(?:составил|составлял|достиг|вырос|увелич|сократ|сниз|превыс|превыш|упал|прибав|на\s+\d))";
    // One side's trade with the world, not with a partner.
    fn world_re = r"(?i)внешн[а-я]*\s+торгов|внешнеторгов|со всем миром|с остальным миром|общий объем|общий объём|в целом";
    // A rate against a month ("по сравнению с апрелем", "к маю") with no
    // year: month on month. "с маем прошлого года" or a range is yoy.
    fn month_base_re = &format!(r"(?i)^[^.;]{{0,25}}?(?:по сравнению с|в сравнении с|относительно|против|к)\s+(?:{MONTHS})[а-я]*(?P<y>\s+(?:прошлого|предыдущего|минувшего|(?:19|20)\d\d)|\s*[-–—])?");
    // A conjunction that opens a clause of its own period ("в 2019 году
    // ..., однако за январь - июнь ...").
    fn contrast_re = r"(?i)(?:,|;)\s*(?:однако|а|но|тогда как|в то время как)\s";
    // A period the second clause names for an elided verb ("вырос на 26,3%,
    // а в январе-апреле 2024 года — на 0,4%").
    fn own_period_re = &format!(r"(?i)(?:^|\s)(?:в|во|за)\s+(?:(?:19|20)\d\d|{MONTHS}|перв|втор|трет|четв|I)");
    // The base of a comparison "X против Y годом ранее".
    fn year_ago_re = r"(?i)годом ранее|годом раньше|год назад|прошлого года|предыдущего года|в прошлом году|минувшего года";
    // "К сентябрю": the months before it.
    fn by_month_re = &format!(r#"(?i)(?:^|[\s«"(])к\s+(?P<m>{MONTHS})[а-я]*(?:\s+(?P<y>(?:19|20)\d\d))?"#);
    // A change verb: an amount after "на" and one of these is a change,
    // not a level.
    fn change_verb_re = r"(?i)вырос|выросл|увелич|сократи|сниз|упал|уменьш|прибав|подня|повыс|рост|прирост|сокращен|подскоч";
    fn up_re = r"(?i)вырос|выросл|увелич|рост|прирост|повыс|подня|прибав|выше|больше";
    fn down_re = r"(?i)снизи|снижен|сократи|сокращен|упал|упад|паден|уменьш|ниже|меньше";
    // "выше уровня 2020 года": the level compared with is a base too.
    fn comparison_re = r"(?i)(?:по сравнению|в сравнении|относительно|против|чем)\s+[^,.;()]{0,60}|аналогичн[а-я]*\s+период[а-я]*(?:\s+[а-я0-9-]+){0,2}|предшествующ[а-я]*\s+год[а-я]*|уровн[а-я]*\s+(?:19|20)\d\d\s*(?:год[а-я]*|-го)?";
    // Future tenses ("составит", "превысит") are forecasts too.
    fn goal_re = r"(?i)цел[ьи]|планир|в планах|намерен|рассчитыва|может (?:превысить|вырасти|быть доведен|достичь)|довести|доведен|достичь|увеличить|нарастить|выйти на|прогноз|ожида|составит|достигнет|превысит|вырастет|увеличится|сократится|снизится";
    // No `\b` in these patterns: the extractor's patterns draw word
    // boundaries around ASCII words only.
    fn year_re = r"(?i)(?P<y>(?:19|20)\d\d)\s*(?:год[а-я]*|-го|-м|г\.)";
    fn this_year_re = r"(?i)(?:в этом|в текущем|в нынешнем)\s+году|(?:этого|текущего|нынешнего)\s+года";
    fn last_year_re = r"(?i)в прошлом году|прошлого года|минувшего года|в минувшем году";
    fn month_range_re = &format!(r"(?i)(?P<m1>{MONTHS})[а-я]*\s*(?:[-–—]\s*|по\s+)(?P<m2>{MONTHS})[а-я]*(?:\s+(?P<y>(?:19|20)\d\d))?");
    fn first_months_re = r"(?i)(?:перв[а-я]+\s+)?(?P<n>двух|два|трех|три|четырех|четыре|пяти|пять|шести|шесть|семи|семь|восьми|восемь|девяти|девять|десяти|десять|одиннадцати|одиннадцать|\d{1,2})\s+месяц[а-я]*";
    // "в первом полугодии", "во II полугодии".
    fn half_re = r"(?i)(?P<h>перв[а-я]*|втор[а-я]*|\bI{1,2})\s+полугоди[а-я]*";
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
    // The plural and other cases: "объемы торговли увеличились".
    ("объемы торговли", Metric::TradeValue),
    ("объёмы торговли", Metric::TradeValue),
    ("объема торговли", Metric::TradeValue),
    ("объёма торговли", Metric::TradeValue),
    ("объемов торговли", Metric::TradeValue),
    ("объёмов торговли", Metric::TradeValue),
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
    ("фрг", "DE"),
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
    // "Корея" alone is the South in trade news; "Северная Корея" is
    // turned to KP in `parties`.
    ("южнокорейск", "KR"),
    ("северокорейск", "KP"),
    // Not "коре": "коренной" is no country.
    ("корея", "KR"),
    ("кореи", "KR"),
    ("корею", "KR"),
    ("кореей", "KR"),
    ("корее", "KR"),
    ("корейск", "KR"),
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
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(|c| match c {
        // ASCII and Russian's own capitals directly: Unicode's case tables
        // are a search per character, and every sentence is lowered.
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'Ё' => 'ё',
        c if c.is_ascii() || ('а'..='я').contains(&c) || c == 'ё' => c,
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }));
    out
}

/// The parties a sentence names, in order, each once; "долл. США" is a
/// currency, not the United States. "ЕС" counts only in capitals ("ес" is
/// no word, but a lower-case match could be a typo's fragment), and
/// "Европейский союз" is two words.
fn parties(s: &str) -> Vec<(usize, &'static str)> {
    let lower = lowercase(s);
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    let mut previous = "";
    for (at, word) in words(&lower) {
        let before = lower[..at].trim_end();
        let after = lower[at + word.len()..].trim_start();
        let code = if word == "сша" && (before.ends_with("долл.") || before.ends_with("долларов"))
        {
            None
        } else if word == "ес" {
            (&s[at..at + word.len()] == "ЕС").then_some("EU")
        } else if word.starts_with("европейск") && after.starts_with("союз") {
            Some("EU")
        } else {
            PARTIES
                .iter()
                .find(|(stem, _)| word.starts_with(stem))
                .map(|(_, code)| match *code {
                    "KR" if previous.starts_with("северн") => "KP",
                    code => code,
                })
        };
        previous = word;
        if let Some(code) = code {
            if !found.iter().any(|(_, c)| *c == code) {
                found.push((at, code));
            }
        }
    }
    found
}

/// The words of `s` with their byte offsets.
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // Cyrillic and ASCII first: `is_alphanumeric` looks every other letter
    // up in Unicode's tables, and this runs on every character of a text.
    let in_word = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
            || (!c.is_ascii() && c.is_alphanumeric())
    };
    s.split(move |c: char| !in_word(c))
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
/// ends, in order. `in_force` is the year of the period carried from the
/// sentences before, for a month named with no year in an undated article
/// ("Товарооборот ... с января по май 2022 года ... За май ...").
fn periods(
    s: &str,
    published: Option<NaiveDate>,
    in_force: Option<i32>,
) -> Vec<(usize, usize, Period)> {
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
    // ("в 2019 году ... за январь-июнь" is two figures of two years), and
    // not across a contrast ("в 2019 году ... превысил 35,5 млрд, однако за
    // январь - июнь ... снизился": the months are the article's year).
    let sentence_year = match years.as_slice() {
        [(a, b, y)] => Some((*a, *b, *y)),
        _ => None,
    };
    // A part of a year takes the sentence's year, else the publication's
    // (or the year before, if its months had not begun), else the year of
    // the period in force.
    let part_year = |first: u32, at: usize| {
        sentence_year
            .filter(|&(a, b, _)| {
                let between = if at >= b { &s[b..at] } else { &s[at.min(a)..a] };
                !contrast_re().is_match(between)
            })
            .map(|(_, _, y)| y)
            .or_else(|| {
                published.map(|d| {
                    if first <= d.month() {
                        d.year()
                    } else {
                        d.year() - 1
                    }
                })
            })
            .or(in_force)
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
            .or_else(|| part_year(a, m.start()));
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
            if let Some(p) = part_year(1, m.start()).and_then(|y| Period::months(y, 1, n)) {
                parts.push((m.start(), m.end(), p));
            }
        }
    }
    for c in half_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        let h = c["h"].to_lowercase();
        let (a, b) = if h.starts_with("перв") || h == "i" {
            (1, 6)
        } else {
            (7, 12)
        };
        if let Some(p) = part_year(a, m.start()).and_then(|y| Period::months(y, a, b)) {
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
        if let Some(p) =
            part_year(3 * q - 2, m.start()).and_then(|y| Period::months(y, 3 * q - 2, 3 * q))
        {
            parts.push((m.start(), m.end(), p));
        }
    }
    // "К сентябрю": January to the month before.
    for c in by_month_re().captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        if !free(m.start(), m.end()) {
            continue;
        }
        let Some(month) = c.name("m").and_then(|x| month_number(x.as_str())) else {
            continue;
        };
        if month < 2 {
            continue;
        }
        let y = c
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| part_year(1, m.start()));
        if let Some(p) = y.and_then(|y| Period::months(y, 1, month - 1)) {
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
                .or_else(|| part_year(month, m.start()));
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

/// The qualifier of the words before an amount or a rate: the first word
/// decides ("почти до" is nearly, "практически достигнув отметки в" too).
fn qualifier(word: Option<&str>) -> Option<Qualifier> {
    let w = word?.trim().to_lowercase();
    let starts = |xs: &[&str]| xs.iter().any(|x| w.starts_with(x));
    if starts(&["около", "порядка", "примерно", "приблизительно"])
    {
        Some(Qualifier::About)
    } else if starts(&["почти", "практически"]) {
        Some(Qualifier::Nearly)
    } else if starts(&["более", "свыше", "превы"]) {
        Some(Qualifier::Over)
    } else {
        None
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

/// Whether `c` at byte `i` of `s` separates clauses: a comma between two
/// digits is a decimal comma ("16,95 миллиарда"), not a separator.
fn separates(s: &str, i: usize, c: char) -> bool {
    c != ','
        || !(s[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
            && s[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()))
}

/// The clause around byte `at`: between the separators either side (a
/// dash is three bytes: the bounds are always character boundaries).
fn clause(s: &str, at: usize) -> (usize, usize) {
    let at = s.floor_char_boundary(at);
    let start = s[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, ',' | ';' | '(' | '—') && separates(s, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[at..]
        .char_indices()
        .find(|&(i, c)| matches!(c, ',' | ';' | ')' | '—') && separates(s, at + i, c))
        .map_or(s.len(), |(i, _)| at + i);
    (start, end)
}

/// Where the clause that ends before byte `at` starts: after the last comma
/// or semicolon before it (decimal commas aside).
fn previous_clause_start(s: &str, at: usize) -> usize {
    s[..s.floor_char_boundary(at)]
        .char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, ',' | ';') && separates(s, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Stems of goods and sectors, matched at a word's start: a figure for one
/// product ("экспорт российской нефти в Китай") is no bilateral trade
/// figure. "газ" itself is matched whole ("газета" is no gas).
const PRODUCTS: &[&str] = &[
    "нефт",
    "газа",
    "газу",
    "газом",
    "газов",
    "сжиженн",
    "спг",
    "угля",
    "углем",
    "углём",
    "уголь",
    "угольн",
    "зерн",
    "пшениц",
    "ячмен",
    "кукуруз",
    "удобрен",
    "металл",
    "автомоб",
    "легковуш",
    "грузовик",
    "оруж",
    "вооружен",
    "военн",
    "электроэнерг",
    "электричеств",
    "энергоносител",
    "энергетическ",
    "топлив",
    "продовольств",
    "сельхоз",
    "сельскохозяйствен",
    "агропродук",
    "древесин",
    "лесоматериал",
    "рыб",
    "мяс",
    "фрукт",
    "овощ",
    "хлоп",
    "золот",
    "алмаз",
    "алюмини",
    "никел",
    "руд",
    "лекарств",
    "медикамент",
    "фармацевт",
    "смартфон",
    "одежд",
    "обув",
    "сахар",
    "молок",
    "молочн",
    "текстил",
    "оборудован",
    "машин",
    "сырьев",
    "несырьев",
    "неэнергетическ",
];

/// Whether the measure at `measure_at` is about one product: the word
/// before it ("нефтяной экспорт") or one of the four after it, within its
/// clause and before the figure at `figure_at`, names goods.
fn one_product(lower: &str, measure_at: usize, figure_at: usize) -> bool {
    let end = figure_at.max(measure_at);
    let stop = lower[measure_at..end]
        .find([',', ';', '('])
        .map_or(end, |i| measure_at + i);
    let after = words(&lower[measure_at..stop]).skip(1).take(4);
    let before = words(&lower[..measure_at]).last();
    before
        .into_iter()
        .chain(after)
        .any(|(_, w)| w == "газ" || PRODUCTS.iter().any(|p| w.starts_with(p)))
}

/// An adjective of a country ("российских", "турецкой"), not its name
/// ("России", "Турцией"): the goods' origin after "импорт".
fn adjective(word: &str) -> bool {
    [
        "их", "ых", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "ого", "его", "ому",
        "ему", "ую", "юю", "ым", "им",
    ]
    .iter()
    .any(|e| word.ends_with(e))
}

/// A rate as written: where it starts (its qualifier or "на"), where its
/// number starts and where it ends, its value, its qualifier, and the
/// direction its own verb gives, if it has one ("прибавил ... 130%").
struct Rate {
    start: usize,
    number: usize,
    end: usize,
    value: f64,
    qualifier: Option<Qualifier>,
    up: Option<bool>,
}

/// Numbers written as words after "на": "на четверть" and "на половину"
/// are rates in any sentence; "на восемь" only where a rate in percent came
/// before it ("на 13 процентов, а в 2025-м — еще на восемь") or "процентов"
/// follows.
const RATE_WORDS: &[(&str, f64, bool)] = &[
    ("четверть", 25.0, true),
    ("половину", 50.0, true),
    ("один", 1.0, false),
    ("одну", 1.0, false),
    ("два", 2.0, false),
    ("две", 2.0, false),
    ("три", 3.0, false),
    ("четыре", 4.0, false),
    ("пять", 5.0, false),
    ("шесть", 6.0, false),
    ("семь", 7.0, false),
    ("восемь", 8.0, false),
    ("девять", 9.0, false),
    ("десять", 10.0, false),
    ("одиннадцать", 11.0, false),
    ("двенадцать", 12.0, false),
    ("пятнадцать", 15.0, false),
    ("двадцать", 20.0, false),
    ("тридцать", 30.0, false),
    ("сорок", 40.0, false),
    ("пятьдесят", 50.0, false),
];

/// The rates of a sentence, in order: "на X%" (with a qualifier before or
/// after "на"), a rate right after its verb, and rates in words.
fn rates(t: &str) -> Vec<Rate> {
    let letter_before = |at: usize| t[..at].chars().next_back().is_some_and(char::is_alphabetic);
    let mut out: Vec<Rate> = Vec::new();
    for c in rate_re().captures_iter(t) {
        let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
            continue;
        };
        // "на" as a word ("цена 5%" is no rate).
        if c.name("q0").is_none() && letter_before(whole.start()) {
            continue;
        }
        let Some(value) = number(n.as_str()) else {
            continue;
        };
        out.push(Rate {
            start: whole.start(),
            number: n.start(),
            end: whole.end(),
            value,
            qualifier: qualifier(c.name("q0").or(c.name("q")).map(|m| m.as_str())),
            up: None,
        });
    }
    for c in bare_rate_re().captures_iter(t) {
        let (Some(whole), Some(v), Some(mid), Some(n)) =
            (c.get(0), c.name("v"), c.name("mid"), c.name("n"))
        else {
            continue;
        };
        if letter_before(whole.start()) || out.iter().any(|r| r.number == n.start()) {
            continue;
        }
        // Only comparisons and qualifiers between the verb and the rate:
        // "выросла до 34%" is a level, "снизилась с 5,1%" a starting point.
        if !bare_filler_re()
            .replace_all(mid.as_str(), " ")
            .trim()
            .is_empty()
        {
            continue;
        }
        let Some(value) = number(n.as_str()) else {
            continue;
        };
        let q = bare_filler_re()
            .find_iter(mid.as_str())
            .find_map(|m| qualifier(Some(m.as_str())));
        out.push(Rate {
            start: whole.start(),
            number: n.start(),
            end: whole.end(),
            value,
            qualifier: q,
            up: Some(!down_re().is_match(v.as_str())),
        });
    }
    out.sort_by_key(|r| r.start);
    for c in word_rate_re().captures_iter(t) {
        let (Some(whole), Some(w), Some(rest)) = (c.get(0), c.name("w"), c.name("rest")) else {
            continue;
        };
        if letter_before(whole.start()) {
            continue;
        }
        let word = w.as_str().to_lowercase();
        let Some(&(_, value, always)) = RATE_WORDS.iter().find(|(x, _, _)| *x == word) else {
            continue;
        };
        let percent = rest.as_str().contains('%') || rest.as_str().to_lowercase().contains("проц");
        let after_a_rate = out.iter().any(|r| r.end <= whole.start());
        // "на четверть века" is a time.
        let next: String = t[w.end()..]
            .chars()
            .take(6)
            .collect::<String>()
            .to_lowercase();
        if next.trim_start().starts_with("век") || !(always || percent || after_a_rate) {
            continue;
        }
        out.push(Rate {
            start: whole.start(),
            number: w.start(),
            end: w.end(),
            value,
            qualifier: None,
            up: None,
        });
    }
    out.sort_by_key(|r| r.start);
    out
}

/// Reads a Russian article's figures.
/// Everything a Russian article yields: its figures, its events and its pair.
pub(crate) fn read(text: &str, published: Option<NaiveDate>) -> foreign::Reading {
    let sentences = sentences(text);
    let named: foreign::Named = sentences.iter().map(|s| parties(&s.text)).collect();
    let pair = foreign::document_pair(&named, "RU");
    foreign::Reading {
        observations: observations(&sentences, &named, pair, published),
        events: events::find(&sentences, pair, published),
        pair,
    }
}

/// Lines that point to another article: its headline is not this one's
/// figure.
const RELATED: &[&str] = &[
    "читайте также",
    "читать также",
    "смотрите также",
    "см. также",
    "по теме:",
    "читайте по теме",
];

fn observations(
    sentences: &[Sentence],
    named_parties: &foreign::Named,
    doc_pair: Option<(&'static str, &'static str)>,
    published: Option<NaiveDate>,
) -> Vec<Observation> {
    let mut out = Vec::new();
    let mut in_force: Option<Period> = None;
    let mut carried: Option<(&'static str, &'static str)> = None;
    // The measure the last sentence that named one was about: what
    // "показатель" and "это" stand for in the next.
    let mut prev_measure: Option<Metric> = None;
    for (s, named_here) in sentences.iter().zip(named_parties) {
        // Up to a related link, which may follow a figure in the same
        // sentence ("... на $6 млрд. Читайте также: ..." does not split
        // after "млрд.").
        let full = lowercase(&s.text);
        let cut = RELATED
            .iter()
            .filter_map(|w| full.find(w))
            .min()
            .unwrap_or(full.len());
        let t = &s.text[..cut];
        let lower = &full[..cut];
        if t.trim().is_empty() {
            continue;
        }
        let named = periods(t, published, in_force.as_ref().map(|p| p.end.year()));
        // The parties read for the whole sentence, up to the cut.
        let parties: Vec<(usize, &'static str)> = named_here
            .iter()
            .copied()
            .filter(|&(at, _)| at < cut)
            .collect();
        let measures = measures(t);
        let both = BOTH_SIDES.iter().any(|w| lower.contains(w));
        // One side's trade with the world ("общий объем внешней торговли
        // КНР"): no pair, and nothing carried on to the next sentence.
        let world = parties.len() <= 1 && !both && world_re().is_match(t);
        let pair = match parties.as_slice() {
            [(_, a), (_, b), ..] => Some((*a, *b)),
            _ if world => None,
            [(_, a)] if both => doc_pair.filter(|(x, y)| x == a || y == a),
            // One side of the pair before: the sentence goes on with it
            // ("Экспорт российских товаров составил ..." after a total).
            [(_, a)] => carried.filter(|(x, y)| x == a || y == a),
            [] if both => doc_pair,
            [] => carried,
        };
        let has_figures = amount_re()
            .captures_iter(t)
            .any(|c| c.name("scale").is_some())
            || rate_re().is_match(t);
        if world {
            carried = None;
        } else if has_figures || (parties.len() >= 2 && !measures.is_empty()) {
            // A sentence naming both sides of a trade measure sets the pair
            // the next ones continue, with figures or without (a headline).
            carried = pair;
        }
        let before = in_force.clone();
        if let Some((_, _, p)) = named.last() {
            in_force = Some(p.clone());
        }
        let anaphor = anaphor_re().find(t).map(|m| m.start());
        let carried_measure = if world { None } else { prev_measure };
        prev_measure = match measures.last() {
            _ if world => None,
            Some(&(_, m)) => Some(m),
            None => prev_measure,
        };
        let period_at = |measure: usize, at: usize| -> Option<Period> {
            named
                .iter()
                .rev()
                .find(|(start, _, _)| *start <= at.max(measure))
                .or(named.first())
                .map(|(_, _, p)| p.clone())
                .or_else(|| before.clone())
        };
        // A figure that continues the sentence before ("результат в этом
        // году на 8,5% выше" after January-July) keeps that part of the
        // year when this sentence names only the whole year.
        let period_for = |measure: usize, at: usize, anaphoric: bool| -> Option<Period> {
            let p = period_at(measure, at)?;
            match &before {
                Some(b)
                    if anaphoric
                        && p.start.month() == 1
                        && p.end.month() == 12
                        && p.start.year() == p.end.year()
                        && b.start.year() == p.start.year()
                        && b.end.year() == p.end.year()
                        && !(b.start.month() == 1 && b.end.month() == 12) =>
                {
                    Some(b.clone())
                }
                _ => Some(p),
            }
        };
        // The measure of a figure at `at`: the last named before it, else
        // the previous sentence's through an anaphor before it.
        let measure_for = |at: usize| -> Option<(usize, Metric, bool)> {
            measures
                .iter()
                .rev()
                .find(|(m, _)| *m < at)
                .map(|&(m, metric)| (m, metric, false))
                .or_else(|| {
                    anaphor
                        .filter(|&a| a < at)
                        .zip(carried_measure)
                        .map(|(a, metric)| (a, metric, true))
                })
        };
        let Some(pair) = pair else { continue };
        let mut last_currency: Option<&'static str> = None;
        let mut last_measure: Option<(usize, Metric, bool)> = None;
        for c in amount_re().captures_iter(t) {
            let (Some(whole), Some(n), Some(sc)) = (c.get(0), c.name("n"), c.name("scale")) else {
                continue;
            };
            let Some((m_at, metric, anaphoric)) = measure_for(whole.start()) else {
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
            let word_start = n
                .start()
                .min(c.name("usd").map_or(usize::MAX, |m| m.start()));
            let start = c.name("q").map_or(word_start, |q| q.start());
            // One product's trade, or a potential not realised ("нереализованный
            // экспортный потенциал ... около $37 млрд"): not trade.
            if (!anaphoric && one_product(lower, m_at, start))
                || lower[..start].contains("потенциал")
                || lower[..start].contains("нереализованн")
            {
                continue;
            }
            let lead = lower[..start].trim_end();
            // "увеличился на 8 млрд долларов": a change, not a level.
            if (lead.ends_with(" на") || lead == "на")
                && change_verb_re().is_match(&t[cs.min(start)..start])
            {
                continue;
            }
            // An anaphor's forecast ("Ожидаем, что ... он достигнет ...,
            // превысив $2 млрд") is said before the anaphor.
            let goal = goal_re().is_match(&t[cs..ce])
                || goal_re().is_match(&t[if anaphoric { 0 } else { m_at }..whole.start()]);
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
            let Some(mut period) = period_for(m_at, whole.start(), anaphoric) else {
                continue;
            };
            // "$65,7 млрд против $49,4 млрд годом ранее": the second amount
            // is the base, a year before (or in the year it names).
            if lead.ends_with("против") {
                let tail = &t[whole.end()..];
                let tail = &tail[..tail.find([',', '.', ';', '(', ')']).unwrap_or(tail.len())];
                let base = match year_re()
                    .captures(tail)
                    .and_then(|c| c["y"].parse::<i32>().ok())
                {
                    Some(y) => Period::months(y, period.start.month(), period.end.month()),
                    None if year_ago_re().is_match(tail) => period.year_before(),
                    None => None,
                };
                let Some(base) = base else { continue };
                period = base;
            }
            let (directed, value) = if metric == Metric::TradeBalance {
                balance(lower, &parties, m_at, pair, value)
            } else {
                (direct(t, &parties, m_at, metric, pair), value)
            };
            last_measure = Some((m_at, metric, anaphoric));
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
        let rates = rates(t);
        let mut previous_rate: Option<(usize, bool)> = None;
        for r in &rates {
            let (cs, ce) = clause(t, r.start);
            // The direction: its own verb, a word right after ("на 8,5%
            // выше"), a word before in the clause or the one before
            // ("сократился до X (на 7,3%)"), or, in a clause with a verb
            // left out, the rate before's ("вырос на 26,3%, а в январе-
            // апреле 2024 года — на 0,4%").
            let previous = previous_clause_start(t, cs.saturating_sub(1));
            let before_text = &t[previous..r.start];
            let after: String = t[r.end..].chars().take(12).collect();
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
            let elided = previous_rate.and_then(|(end, up)| {
                (end <= r.start && own_period_re().is_match(&t[end..r.start])).then_some(up)
            });
            let up = if let Some(up) = r.up {
                up
            } else if up_re().is_match(&after) && !down_re().is_match(&after) {
                true
            } else if down_re().is_match(&after) {
                false
            } else {
                match last_dir(before_text) {
                    Some((_, up)) => up,
                    None => match elided {
                        Some(up) => up,
                        None => continue,
                    },
                }
            };
            previous_rate = Some((r.end, up));
            // Against the month before ("выше апрельских результатов", "по
            // сравнению с апрелем"): not year on year.
            let tail: String = t[r.end..]
                .chars()
                .take(30)
                .collect::<String>()
                .to_lowercase();
            let month_base = month_base_re()
                .captures(&tail)
                .is_some_and(|c| c.name("y").is_none());
            if month_base
                // "к предыдущему месяцу", but "с предыдущим годом" is yoy.
                || tail
                    .find("предыдущ")
                    .is_some_and(|i| !tail[i..].contains("год"))
                || [
                    "апрельск",
                    "мартовск",
                    "майск",
                    "прошлого месяца",
                    "месячн",
                    "январск",
                    "февральск",
                    "июньск",
                    "июльск",
                    "августовск",
                    "сентябрьск",
                    "октябрьск",
                    "ноябрьск",
                    "декабрьск",
                ]
                .iter()
                .any(|w| tail.contains(w))
            {
                continue;
            }
            let Some((m_at, metric, anaphoric)) = measures
                .iter()
                .rev()
                .find(|(at, _)| *at < r.start)
                .map(|&(m, metric)| (m, metric, false))
                .or(last_measure)
                .or_else(|| measure_for(r.start))
            else {
                continue;
            };
            if !anaphoric && one_product(lower, m_at, r.start) {
                continue;
            }
            let growth = match metric {
                Metric::TradeValue => Metric::TradeGrowthYoy,
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                _ => continue,
            };
            let rate = if up { r.value } else { -r.value };
            let Some(period) = period_for(m_at, r.start, anaphoric) else {
                continue;
            };
            let directed = direct(t, &parties, m_at, metric, pair);
            out.push(foreign::observation(
                s,
                (r.number, r.end),
                Figure {
                    pair: directed,
                    metric: growth,
                    period,
                    value: rate,
                    currency: None,
                    qualifier: r.qualifier,
                    status: Status::Reported,
                },
                "Russian",
            ));
        }
    }
    out
}

/// A balance belongs to the party it names and is with the one after "с"
/// ("дефицит Индии в торговле с Россией"); a deficit or a negative balance
/// ("отрицательное сальдо") is negative.
fn balance(
    lower: &str,
    parties: &[(usize, &'static str)],
    measure_at: usize,
    (a, b): (&'static str, &'static str),
    value: f64,
) -> (Pair, f64) {
    let window = &lower[lower.floor_char_boundary(measure_at.saturating_sub(60))..measure_at];
    let negative = lower[measure_at..].starts_with("дефицит") || window.contains("отрицательн");
    let partner = parties
        .iter()
        .filter(|(_, c)| *c == a || *c == b)
        .find(|(at, _)| {
            let before = lower[..*at].trim_end();
            before.ends_with(" с") || before.ends_with(" со")
        })
        .map(|(_, c)| *c);
    let owner = match partner {
        Some(p) if p == a => b,
        _ => a,
    };
    let other = if owner == a { b } else { a };
    let value = if negative { -value.abs() } else { value };
    (Pair(owner.to_owned(), other.to_owned()), value)
}

/// Exports go from the party after "из" (or the one named that is not
/// after "в": "экспорт в Казахстан" is Kazakhstan's imports) to the other.
/// Imports come from the party after "из", else from the other of the
/// party after "в" ("импорт российских товаров в КНР", "импортеров в
/// Турцию"), else from a party's adjective ("импорт российских товаров")
/// or into a party named by its name ("импорт Китая").
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
    let mut from = None;
    let mut to = None;
    let mut owner: Option<(&'static str, bool)> = None;
    for &(at, code) in parties
        .iter()
        .filter(|(at, c)| *at >= cs && *at < ce && (*c == a || *c == b))
    {
        let word_before = words(&lower[cs..at]).last().map_or("", |(_, w)| w);
        match word_before {
            "из" | "от" => {
                from.get_or_insert(code);
            }
            "в" | "во" | "на" | "территорию" | "территории" | "рынок" | "рынки" =>
            {
                to.get_or_insert(code);
            }
            _ => {
                let word = words(&lower[at..]).next().map_or("", |(_, w)| w);
                owner.get_or_insert((code, adjective(word)));
            }
        }
    }
    match metric {
        Metric::ExportValue | Metric::ImportValue => {
            let origin = if metric == Metric::ExportValue {
                from.or(owner.map(|(c, _)| c))
                    .or(to.map(other))
                    .unwrap_or(a)
            } else {
                from.or(to.map(other))
                    .or(owner.map(|(c, adj)| if adj { c } else { other(c) }))
                    .unwrap_or(b)
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

    #[test]
    fn lowering_matches_unicode_and_keeps_every_offset() {
        // The fast paths agree with Unicode's case mapping, and a character
        // whose lower case takes another number of bytes ("İ") is kept.
        let text = "ТОВАРООБОРОТ Ёлки ABC xyz Ωμέγα İstanbul ĞÜŞ 中俄 ÀÉ";
        let lowered = lowercase(text);
        assert_eq!(lowered.len(), text.len());
        for (c, l) in text.chars().zip(lowered.chars()) {
            let mut unicode = c.to_lowercase();
            let expected = match (unicode.next(), unicode.next()) {
                (Some(u), None) if u.len_utf8() == c.len_utf8() => u,
                _ => c,
            };
            assert_eq!(l, expected, "{c}");
        }
    }
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
