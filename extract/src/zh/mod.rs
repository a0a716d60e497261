//! Chinese articles: trade values, exports, imports, balances and their
//! year-on-year rates, in simplified and traditional characters.
//!
//! The English reader's patterns look for English words and never match
//! Chinese text, so an article in Chinese is read here instead, in the same
//! shape: sentences (ending in 。！？；), amounts with 万, 亿 and 万亿 and
//! their currency, the measure word before them (贸易额, 出口, 顺差...), the
//! pair a sentence names (中俄, 中国与东盟, 对华) or else the article's, and
//! the period (2024年, 前11个月, 1至9月, 一季度, 上半年, 今年, 去年), carried
//! from the sentence before when a sentence names none. Month-on-month rates
//! (环比) are not year-on-year rates and are left out; so are goals (目标),
//! which this reader does not yet date.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};
use regex::Captures;

mod events;

use crate::foreign::{self, Figure, Sentence};
use crate::model::{Metric, Observation, Pair, Period, Qualifier, Status};
use crate::pattern::patterns;

/// The publication date a Chinese page states near its top: the first full
/// date ("2020年11月7日") among its first 400 characters.
pub(crate) fn published(text: &str) -> Option<NaiveDate> {
    let head: String = text.chars().take(400).map(halfwidth).collect();
    let c = full_date_re().captures(&head)?;
    NaiveDate::from_ymd_opt(
        c["y"].parse().ok()?,
        c["m"].parse().ok()?,
        c["d"].parse().ok()?,
    )
}

patterns! {
    fn full_date_re = r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号]";
    /// An amount and its currency: "2448.2亿美元", "约为4777亿欧元", "6.41万亿元".
    fn amount_re = r"(?P<q>约为|约|約|近|将近|將近|超过|超過|逾|超|多于|突破)?\s*(?:(?P<lo>\d+(?:\.\d+)?|[零〇一二两兩三四五六七八九十百千]+)\s*(?:至|到|-|—|–|~)\s*)?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两兩三四五六七八九十百千]+)\s*(?P<many>多)?\s*(?P<scale>万亿|萬億|亿|億|万|萬)?\s*(?P<cur>美元|美金|欧元|歐元|日元|日圓|卢布|盧布|新加坡元|新元|港元|港币|港幣|英镑|英鎊|韩元|韓元|元人民币|元人民幣|人民币|人民幣|元)(?P<post>左右|以上)?";
    /// A year-on-year change: "同比增长1.9%", "比去年同期减少了2%", "下降13.5%".
    fn rate_re = r"(?P<dir>增长|增長|增加|上升|提高|扩大|擴大|上涨|上漲|下降|减少|減少|下滑|回落|萎缩|萎縮)了?\s*(?P<q>约|近|超过|超過|逾)?\s*(?:(?P<n>\d+(?:\.\d+)?)\s*(?:%|％|个百分点)|(?P<tenths>[一二两兩三四五六七八九])成(?P<half>半)?|百分之(?P<pct>[零〇一二两兩三四五六七八九十百点點]+))";
    /// A rate named as a noun: "24%同比增幅", "4.3%跌幅".
    fn rate_noun_re = r"(?P<n>\d+(?:\.\d+)?)\s*%\s*的?\s*(?:同比)?\s*(?P<noun>增幅|涨幅|漲幅|跌幅|降幅|减幅|減幅)";
    /// Periods, longest forms first.
    fn period_re = r"(?:从|從)?(?P<dm>1[0-2]|0?[1-9])\s*月\s*(?P<d1>[0-3]?\d)\s*[日号]?\s*(?:至|到|[-—–~])\s*(?:(?P<dm2>1[0-2]|0?[1-9])\s*月)?\s*(?P<d2>[0-3]?\d)\s*[日号]|(?P<fm>1[0-2]|0?[1-9])\s*月份?\s*(?:前|首)(?P<fd>[0-3]?\d)\s*[天日]|(?P<year>(?:19|20)\d\d)\s*年(?:全年)?|(?P<lastfull>去年全年|上年全年)|(?P<this>今年|本年)|(?P<last>去年|上年)|(?:前|首)(?P<first>[0-9一二三四五六七八九十两兩]+)(?:个|個)?月|(?:前|首)(?P<firstq>[一二三四1-4])(?:个|個)?季度|(?P<q>[一二三四1-4])季度|(?P<half>[上下])半年|(?P<from>1[0-2]|0?[1-9])\s*(?:月份?)?\s*(?:至|到|[-—–~])\s*(?P<to>1[0-2]|0?[1-9])\s*月份?|(?P<month>1[0-2]|0?[1-9])\s*月份?(?P<day>\s*\d{1,2}\s*[日号])?";
    /// A comparison's period ("较2019年同期", "比上年"): not the figure's.
    fn comparison_re = r"(?:较|較|比|与|與|同)\s*(?:(?:19|20)\d\d\s*年|去年|上年|前一年)?\s*(?:同期|全年)?";
    /// A comparison with a month ("比9月份同期", "比上月"): not year on year.
    fn month_comparison_re = r"(?:比|较|較|与|與)\s*(?:\d{1,2}\s*月份?|上月|上个月|上個月)";
    /// A comparison with a named year ("较2019年同期").
    fn year_comparison_re = r"(?:比|较|較|与|與)\s*(?P<y>(?:19|20)\d\d)\s*年";
    /// A goal or forecast: this reader does not date goals, so it leaves
    /// their amounts out rather than charting them as results.
    fn goal_re = r"目标|目標|力争|力爭|争取|爭取|有望|预计|預計|或将|或將|将达到|將達到|计划|計劃";
    /// The year a goal is for: "2024年前", "到2030年", "2030年底".
    fn goal_year_re = r"(?P<y>(?:19|20)\d\d)\s*年|(?P<this>今年|本年)";
}

/// The measure words, longest first so that "进出口总额" is not read as "出口".
const MEASURES: &[(&str, Metric)] = &[
    // "双边外贸总值": the two countries' trade; "外贸" alone is usually one
    // country's trade with the world.
    ("双边外贸总值", Metric::TradeValue),
    ("雙邊外貿總值", Metric::TradeValue),
    ("双边外贸额", Metric::TradeValue),
    ("雙邊外貿額", Metric::TradeValue),
    ("双边外贸", Metric::TradeValue),
    ("雙邊外貿", Metric::TradeValue),
    ("进出口总额", Metric::TradeValue),
    ("進出口總額", Metric::TradeValue),
    ("进出口总值", Metric::TradeValue),
    ("進出口總值", Metric::TradeValue),
    ("贸易总额", Metric::TradeValue),
    ("貿易總額", Metric::TradeValue),
    ("贸易总值", Metric::TradeValue),
    ("貿易總值", Metric::TradeValue),
    ("进出口额", Metric::TradeValue),
    ("進出口額", Metric::TradeValue),
    ("贸易额", Metric::TradeValue),
    ("貿易額", Metric::TradeValue),
    ("双边贸易", Metric::TradeValue),
    ("雙邊貿易", Metric::TradeValue),
    ("贸易规模", Metric::TradeValue),
    ("貿易規模", Metric::TradeValue),
    ("进出口", Metric::TradeValue),
    ("進出口", Metric::TradeValue),
    ("贸易", Metric::TradeValue),
    ("貿易", Metric::TradeValue),
    ("出口", Metric::ExportValue),
    ("进口", Metric::ImportValue),
    ("進口", Metric::ImportValue),
    ("顺差", Metric::TradeBalance),
    ("順差", Metric::TradeBalance),
    ("盈余", Metric::TradeBalance),
    ("盈餘", Metric::TradeBalance),
    ("逆差", Metric::TradeBalance),
];

/// Parties by their Chinese names, full and short; the short one-character
/// forms count only after 中 ("中俄") or in 对华/访华.
const PARTIES: &[(&str, &str)] = &[
    ("中华人民共和国", "CN"),
    ("中國", "CN"),
    ("中国", "CN"),
    ("我国", "CN"),
    ("我國", "CN"),
    ("对华", "CN"),
    ("對華", "CN"),
    // Before 俄罗斯, which it contains.
    ("白俄罗斯", "BY"),
    ("白俄羅斯", "BY"),
    ("俄罗斯", "RU"),
    ("俄羅斯", "RU"),
    ("美国", "US"),
    ("美國", "US"),
    ("欧盟", "EU"),
    ("歐盟", "EU"),
    ("东盟", "ASEAN"),
    ("東盟", "ASEAN"),
    ("欧亚经济联盟", "EAEU"),
    ("歐亞經濟聯盟", "EAEU"),
    ("印度尼西亚", "ID"),
    ("印尼", "ID"),
    ("印度", "IN"),
    ("日本", "JP"),
    ("韩国", "KR"),
    ("韓國", "KR"),
    ("朝鲜", "KP"),
    ("德国", "DE"),
    ("德國", "DE"),
    ("法国", "FR"),
    ("法國", "FR"),
    ("英国", "GB"),
    ("英國", "GB"),
    ("意大利", "IT"),
    ("西班牙", "ES"),
    ("巴西", "BR"),
    ("墨西哥", "MX"),
    ("加拿大", "CA"),
    ("澳大利亚", "AU"),
    ("澳大利亞", "AU"),
    ("澳洲", "AU"),
    ("新西兰", "NZ"),
    ("哈萨克斯坦", "KZ"),
    ("哈薩克斯坦", "KZ"),
    ("乌兹别克斯坦", "UZ"),
    ("烏茲別克斯坦", "UZ"),
    ("蒙古", "MN"),
    ("越南", "VN"),
    ("泰国", "TH"),
    ("泰國", "TH"),
    ("马来西亚", "MY"),
    ("馬來西亞", "MY"),
    ("新加坡", "SG"),
    ("菲律宾", "PH"),
    ("巴基斯坦", "PK"),
    ("孟加拉国", "BD"),
    ("土耳其", "TR"),
    ("伊朗", "IR"),
    ("沙特", "SA"),
    ("阿联酋", "AE"),
    ("埃及", "EG"),
    ("南非", "ZA"),
    ("尼日利亚", "NG"),
    ("非洲", "AFRICA"),
    ("乌克兰", "UA"),
    ("波兰", "PL"),
    ("匈牙利", "HU"),
    ("塞尔维亚", "RS"),
    ("阿根廷", "AR"),
    ("智利", "CL"),
    ("秘鲁", "PE"),
];

/// One-character forms after 中: 中俄, 中美, 中欧, 中日...
const SHORT: &[(char, &str)] = &[
    ('俄', "RU"),
    ('美', "US"),
    ('欧', "EU"),
    ('歐', "EU"),
    ('日', "JP"),
    ('韩', "KR"),
    ('韓', "KR"),
    ('印', "IN"),
    ('德', "DE"),
    ('法', "FR"),
    ('英', "GB"),
    ('澳', "AU"),
    ('哈', "KZ"),
    ('蒙', "MN"),
    ('越', "VN"),
    ('非', "AFRICA"),
];

/// Full-width digits, letters and signs as their ASCII forms, so one
/// pattern reads both; one character for one, so offsets stay the same.
fn halfwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

/// The longest sentence read, in characters. Every step within a sentence
/// looks back over it, so a text with no sentence ends (hostile, or a table
/// flattened to one line) is cut into pieces of this length to stay linear;
/// a real sentence is a few hundred characters at most.
const MAX_SENTENCE: usize = 1000;

fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let mut length = 0;
    for (i, c) in text.chars().enumerate() {
        if current.is_empty() {
            start = i;
            length = 0;
        }
        current.push(c);
        length += 1;
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | '\n') || length >= MAX_SENTENCE {
            push_sentence(&mut out, &mut current, start);
        }
    }
    push_sentence(&mut out, &mut current, start);
    out
}

fn push_sentence(out: &mut Vec<Sentence>, current: &mut String, start: usize) {
    let original = std::mem::take(current);
    if original.trim().is_empty() {
        return;
    }
    out.push(Sentence {
        text: original.chars().map(halfwidth).collect(),
        original,
        start,
    });
}

/// The parties a sentence names, in order of appearance (each once).
fn parties(s: &str) -> Vec<(usize, &'static str)> {
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for m in searcher(&PARTY_NAMES, PARTIES.iter().map(|(name, _)| name)).find_iter(s) {
        covered.push((m.start(), m.end()));
        found.push((m.start(), PARTIES[m.pattern().as_usize()].1));
    }
    // 俄中, 欧中: the short form before 中, as the other side writes it.
    for w in s.char_indices().collect::<Vec<_>>().windows(3) {
        let ((at, first), (china_at, second), (_, third)) = (w[0], w[1], w[2]);
        if second != '中' || !"俄欧歐韩韓美日".contains(first) {
            continue;
        }
        // "13日中国海关...": 日 after a number is a day, not Japan.
        if first == '日'
            && s[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
        {
            continue;
        }
        // "美中不足" is an idiom; "欧中" before 部 or 东 is a region.
        if matches!(third, '不' | '部' | '东' | '東') {
            continue;
        }
        if let Some((_, code)) = SHORT.iter().find(|(c, _)| *c == first) {
            found.push((at, code));
            found.push((china_at, "CN"));
            covered.push((at, china_at + second.len_utf8()));
        }
    }
    // 中俄, 中美: China and the short form after 中; 对俄, 从美: the short
    // form after a word of direction.
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for w in chars.windows(2) {
        let ((at, first), (second_at, second)) = (w[0], w[1]);
        let china = first == '中';
        if !(china || "对對向自从從".contains(first))
            || covered
                .iter()
                .any(|&(a, b)| at < b && a <= at || second_at < b && a <= second_at)
        {
            continue;
        }
        if let Some((_, code)) = SHORT.iter().find(|(c, _)| *c == second) {
            // "中美洲" (Central America), "中非共和国" are not pairs.
            let next = s[second_at + second.len_utf8()..].chars().next();
            if matches!(next, Some('洲' | '共')) {
                continue;
            }
            if china {
                found.push((at, "CN"));
            }
            found.push((second_at, code));
        }
    }
    found.sort_unstable();
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    for (at, code) in found {
        if !out.iter().any(|(_, c)| *c == code) {
            out.push((at, code));
        }
    }
    out
}

/// The period a phrase names, with `year` for the phrases that name none.
fn period_of(
    c: &Captures<'_>,
    year: Option<i32>,
    published: Option<NaiveDate>,
) -> Option<(Period, bool)> {
    let explicit_year = c.name("year").and_then(|y| y.as_str().parse().ok());
    if let Some(y) = explicit_year {
        return Period::year(y).map(|p| (p, true));
    }
    let py = published.map(|d| d.year());
    if c.name("lastfull").is_some() {
        return py.and_then(|y| Period::year(y - 1)).map(|p| (p, true));
    }
    // A part of a year with no year: the sentence's year, else the latest
    // year whose part had begun by the publication date, else the year in
    // force.
    let part_year = |first_month: u32| -> Option<i32> {
        year.or_else(|| {
            published.map(|d| {
                if first_month <= d.month() {
                    d.year()
                } else {
                    d.year() - 1
                }
            })
        })
    };
    if let (Some(m), Some(d1), Some(d2)) = (c.name("dm"), c.name("d1"), c.name("d2")) {
        let m: u32 = m.as_str().parse().ok()?;
        let m2: u32 = c.name("dm2").map_or(Some(m), |x| x.as_str().parse().ok())?;
        return days(
            part_year(m)?,
            (m, d1.as_str().parse().ok()?),
            (m2, d2.as_str().parse().ok()?),
        );
    }
    if let (Some(m), Some(d)) = (c.name("fm"), c.name("fd")) {
        let m: u32 = m.as_str().parse().ok()?;
        return days(part_year(m)?, (m, 1), (m, d.as_str().parse().ok()?));
    }
    if c.name("this").is_some() {
        return py.and_then(Period::year).map(|p| (p, true));
    }
    if c.name("last").is_some() {
        return py.and_then(|y| Period::year(y - 1)).map(|p| (p, true));
    }
    let y = part_year(1)?;
    if let Some(n) = c.name("first").and_then(|n| count(n.as_str())) {
        return Period::months(y, 1, n).map(|p| (p, false));
    }
    if let Some(q) = c.name("firstq").and_then(|n| count(n.as_str())) {
        return Period::months(y, 1, 3 * q).map(|p| (p, false));
    }
    if let Some(q) = c.name("q").and_then(|n| count(n.as_str())) {
        return Period::months(y, 3 * q - 2, 3 * q).map(|p| (p, false));
    }
    if let Some(h) = c.name("half") {
        let (a, b) = if h.as_str() == "上" { (1, 6) } else { (7, 12) };
        return Period::months(y, a, b).map(|p| (p, false));
    }
    if let (Some(a), Some(b)) = (c.name("from"), c.name("to")) {
        let (a, b) = (a.as_str().parse().ok()?, b.as_str().parse().ok()?);
        return Period::months(part_year(a)?, a, b).map(|p| (p, false));
    }
    if c.name("day").is_some() {
        return None;
    }
    let m = c.name("month")?.as_str().parse().ok()?;
    Period::months(part_year(m)?, m, m).map(|p| (p, false))
}

/// The days from `first` to `last` (month, day) of `year`: "1–20 Oct 2008".
fn days(year: i32, first: (u32, u32), last: (u32, u32)) -> Option<(Period, bool)> {
    let start = NaiveDate::from_ymd_opt(year, first.0, first.1)?;
    let end = NaiveDate::from_ymd_opt(year, last.0, last.1)?;
    if end < start {
        return None;
    }
    let month = |m: u32| crate::model::MONTH_ABBR[m as usize - 1];
    let label = if first.0 == last.0 {
        format!("{}–{} {} {year}", first.1, last.1, month(first.0))
    } else {
        format!(
            "{} {}–{} {} {year}",
            first.1,
            month(first.0),
            last.1,
            month(last.0)
        )
    };
    Some((
        Period {
            start,
            end,
            label,
            inferred: false,
            unresolved: false,
        },
        false,
    ))
}

/// 1 to 12 from digits or Chinese numerals (一 to 十二, 两).
fn count(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let chars: Vec<char> = s.chars().collect();
    let n = match chars.as_slice() {
        ['两' | '兩'] => 2,
        ['十'] => 10,
        ['十', d] => 10 + digit(*d)?,
        [d] => digit(*d)?,
        _ => return None,
    };
    (1..=12).contains(&n).then_some(n)
}

/// The periods a sentence names, outside comparisons: (byte start, period,
/// whether it is a whole year named as such).
fn periods(s: &str, published: Option<NaiveDate>) -> Vec<(usize, usize, Period)> {
    // A comparison's year or month ("较2019年同期", "相比10月份的4.3%跌幅")
    // is not the period of the figures around it, nor the one in force after.
    let excluded: Vec<(usize, usize)> = comparison_re()
        .find_iter(s)
        .filter(|m| m.as_str().chars().count() > 1)
        .chain(month_comparison_re().find_iter(s))
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut out: Vec<(usize, usize, Period)> = Vec::new();
    // The sentence's own year, for the parts that name none.
    let mut sentence_year: Option<i32> = None;
    // A year followed by its part ("2024年前11个月") is one period: the part
    // takes the year.
    let mut year: Option<(usize, i32)> = None;
    for c in period_re().captures_iter(s) {
        let Some(whole) = c.get(0) else { continue };
        if excluded
            .iter()
            .any(|&(a, b)| whole.start() < b && a < whole.end())
        {
            continue;
        }
        let adjoining_year = year
            .filter(|&(end, _)| s[end..whole.start()].trim().is_empty())
            .map(|(_, y)| y);
        let Some((period, is_year)) = period_of(&c, adjoining_year.or(sentence_year), published)
        else {
            continue;
        };
        if is_year {
            year = Some((whole.end(), period.start.year()));
            sentence_year.get_or_insert(period.start.year());
            out.push((whole.start(), whole.end(), period));
        } else {
            // The part replaces the year it completes.
            let start = match adjoining_year {
                Some(_) => out.pop().map_or(whole.start(), |(start, _, _)| start),
                None => whole.start(),
            };
            out.push((start, whole.end(), period));
        }
    }
    out
}

fn currency(word: &str) -> &'static str {
    match word {
        "美元" | "美金" => "USD",
        "欧元" | "歐元" => "EUR",
        "日元" | "日圓" => "JPY",
        "卢布" | "盧布" => "RUB",
        "新加坡元" | "新元" => "SGD",
        "港元" | "港币" | "港幣" => "HKD",
        "英镑" | "英鎊" => "GBP",
        "韩元" | "韓元" => "KRW",
        _ => "CNY",
    }
}

fn qualifier(word: Option<&str>) -> Option<Qualifier> {
    match word? {
        "约为" | "约" | "約" | "左右" => Some(Qualifier::About),
        "近" | "将近" | "將近" => Some(Qualifier::Nearly),
        "超过" | "超過" | "逾" | "超" | "多于" | "突破" | "以上" | "多" => {
            Some(Qualifier::Over)
        }
        _ => None,
    }
}

/// An amount's qualifier, written before it ("约", "超过"), inside it
/// ("1500多亿", more than 150 billion) or after it ("左右", "以上").
fn amount_qualifier(c: &Captures<'_>) -> Option<Qualifier> {
    ["q", "many", "post"]
        .iter()
        .find_map(|name| qualifier(c.name(name).map(|m| m.as_str())))
}

/// A number in digits ("34,088", "2.75") or in Chinese numerals ("两千",
/// "一百二十", "二十五").
fn number_of(written: &str) -> Option<f64> {
    if written.starts_with(|c: char| c.is_ascii_digit()) {
        written.replace(',', "").parse().ok()
    } else {
        chinese_number(written)
    }
}

/// A number in Chinese numerals with decimals after 点: "十五点五" 15.5.
fn chinese_decimal(written: &str) -> Option<f64> {
    let (whole, decimals) = match written.split_once(['点', '點']) {
        Some((w, d)) => (w, d),
        None => (written, ""),
    };
    let mut value = match whole {
        "" | "零" | "〇" => 0.0,
        w => chinese_number(w)?,
    };
    let mut place = 0.1;
    for c in decimals.chars() {
        value += chinese_number(&c.to_string()).unwrap_or(0.0) * place;
        place /= 10.0;
    }
    Some(value)
}

/// A number in Chinese numerals below ten thousand (the scale words 万 and
/// 亿 are read with the amount): "两千" 2000, "一百二十" 120, "十五" 15.
fn chinese_number(written: &str) -> Option<f64> {
    let digit = |c: char| {
        "零〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| if i == 0 { 0 } else { i - 1 })
            .or(matches!(c, '两' | '兩').then_some(2))
    };
    let (mut total, mut pending) = (0u32, None::<u32>);
    for c in written.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            c => {
                pending = Some(digit(c)? as u32);
                continue;
            }
        };
        // "十五": a unit with no digit before it is one of it.
        total += pending.take().unwrap_or(1) * unit;
    }
    let total = total + pending.unwrap_or(0);
    (total > 0).then_some(f64::from(total))
}

/// The measure words of a sentence, each where it starts, in order; where
/// two overlap the longer wins ("进出口总额" over "出口").
fn measures(s: &str) -> Vec<(usize, &'static str, Metric)> {
    searcher(&MEASURE_WORDS, MEASURES.iter().map(|(word, _)| word))
        .find_iter(s)
        .map(|m| {
            let (word, metric) = MEASURES[m.pattern().as_usize()];
            (m.start(), word, metric)
        })
        .collect()
}

static PARTY_NAMES: OnceLock<AhoCorasick> = OnceLock::new();
static MEASURE_WORDS: OnceLock<AhoCorasick> = OnceLock::new();

/// A table's words as one searcher, built once: one scan of a sentence
/// instead of one a word. Leftmost-longest, so that where one word holds
/// another (进出口总额 and 出口, 白俄罗斯 and 俄罗斯) the longer is read.
fn searcher<'a>(
    cell: &'static OnceLock<AhoCorasick>,
    words: impl IntoIterator<Item = &'a &'static str>,
) -> &'static AhoCorasick {
    cell.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .expect("a table of short literals always builds")
    })
}

/// The last measure word that ends by byte `at`.
fn measure_before(
    measures: &[(usize, &'static str, Metric)],
    at: usize,
) -> Option<(usize, &'static str, Metric)> {
    measures
        .iter()
        .rev()
        .find(|(i, w, _)| i + w.len() <= at)
        .copied()
}

/// Reads a Chinese article's figures. `published` dates "今年" and "去年";
/// the document pair is returned for the document.
/// Everything a Chinese article yields: its figures, its events and its pair.
pub(crate) fn read(text: &str, published: Option<NaiveDate>) -> foreign::Reading {
    let sentences = sentences(text);
    let named: foreign::Named = sentences.iter().map(|s| parties(&s.text)).collect();
    let pair = foreign::document_pair(&named, "CN");
    foreign::Reading {
        observations: observations(&sentences, &named, pair, published),
        events: events::find(&sentences, pair, published),
        pair,
    }
}

fn observations(
    sentences: &[Sentence],
    named_parties: &foreign::Named,
    doc_pair: Option<(&'static str, &'static str)>,
    published: Option<NaiveDate>,
) -> Vec<Observation> {
    let mut out = Vec::new();
    // The period in force: the last one a sentence named.
    let mut in_force: Option<Period> = None;
    // The pair of the last sentence with figures, `None` when those were
    // one party's totals ("澳大利亚货物进出口额为..."): a sentence naming no
    // party continues it ("其中，出口...").
    let mut carried: Option<(&'static str, &'static str)> = None;
    // The party the last sentence of one party's figures was about.
    let mut subject: Option<&'static str> = None;
    for (s, named_here) in sentences.iter().zip(named_parties) {
        let t = &s.text;
        let named = periods(t, published);
        if let Some((_, _, p)) = named.last() {
            in_force = Some(p.clone());
        }
        let parties = named_here.clone();
        let measures = measures(t);
        let both_sides = BOTH_SIDES.iter().any(|w| t.contains(w));
        let carried_before = carried;
        let with_figures = amount_re().is_match(t) || rate_re().is_match(t);
        let pair = sentence_pair(t, &parties, doc_pair, carried_before, both_sides)
            .or_else(|| partner_of(t, &parties, subject));
        if with_figures {
            carried = pair;
            // "日本上半年进口额为...": the country whose totals these are is
            // the subject of the partners named next ("对美贸易顺差").
            if let [(at, only)] = parties.as_slice() {
                if !directed(t, *at) {
                    subject = Some(only);
                }
            }
        }
        // "分别" pairs a list of values with a list of partners or measures.
        if let Some(r) = t.find("分别").or_else(|| t.find("分別")) {
            let period = named
                .first()
                .map(|(_, _, p)| p.clone())
                .or_else(|| in_force.clone());
            let listed = period
                .map(|period| respectively(s, r, &parties, &measures, subject, pair, period))
                .unwrap_or_default();
            let amounts_after = amount_re().find_iter(t).filter(|m| m.start() > r).count();
            // A list's partners are no pair for the sentences after; a list
            // that could not be paired is left out rather than paired wrongly.
            // ("两国分别是..." lists no figures: the sentence reads as usual.)
            if !listed.is_empty() || amounts_after > 1 {
                out.extend(listed);
                carried = None;
                continue;
            }
        }
        let Some(pair) = pair else { continue };
        if with_figures && commodity_trade(t) {
            continue;
        }
        // A figure's pair is named before it or in its clause: "低于2019年的
        // 贸易额——855亿美元，但这足以使中国取代美国..." names its pair in the
        // sentence before, and "俄罗斯进出口总额为...，其中对华..." is one
        // country's total.
        let pair_at = |at: usize| -> Option<(&'static str, &'static str)> {
            let end = clause(t, at).1;
            let named: Vec<(usize, &'static str)> =
                parties.iter().copied().filter(|&(p, _)| p < end).collect();
            if named.len() == parties.len() {
                return Some(pair);
            }
            sentence_pair(t, &named, doc_pair, carried_before, both_sides)
        };
        // A figure's period: its own ("2023年的6.41万亿元"), else the last one
        // named before its measure word, else the sentence's first, else the
        // one in force.
        let period_at = |measure: usize, amount: usize| -> Option<Period> {
            let own = named.iter().find(|(_, end, _)| {
                *end <= amount
                    && t[*end..amount]
                        .trim_start_matches(['的', ' ', '为', '為', '达', '達'])
                        .is_empty()
            });
            own.or_else(|| named.iter().rev().find(|(start, _, _)| *start <= measure))
                .or(named.first())
                .map(|(_, _, p)| p.clone())
                .or_else(|| in_force.clone())
        };
        // Amounts, each with the measure before it.
        let mut last_measure: Option<(Metric, usize)> = None;
        for c in amount_re().captures_iter(t) {
            let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let Some((m_at, word, metric)) = measure_before(&measures, whole.start()) else {
                continue;
            };
            let Some(pair) = pair_at(whole.start()) else {
                continue;
            };
            // "中间品进出口额", "出口的基础产品": one kind of goods, not the
            // trade between the two.
            let clause_start = t[..m_at].rfind(['，', ',', '；', ';']).map_or(0, |i| i + 1);
            if names_goods(&t[clause_start..whole.start()]) {
                continue;
            }
            // "约合人民币864亿元": the writer's conversion of the figure before.
            let head = &t[..whole.start()];
            if ["约合", "約合", "折合", "合计约"]
                .iter()
                .any(|w| head.ends_with(w))
            {
                continue;
            }
            // "比8月份减少30亿美元": the size of a change, not a level.
            if [
                "增加",
                "减少",
                "減少",
                "增长",
                "增長",
                "下降",
                "增加了",
                "减少了",
                "減少了",
            ]
            .iter()
            .any(|w| head.trim_end().ends_with(w))
            {
                continue;
            }
            // "128亿美元的盈余": a balance named after its amount, in its own
            // clause ("...185亿美元，中方顺差..." is another figure's).
            let tail: String = t[whole.end()..]
                .chars()
                .take(6)
                .take_while(|c| !matches!(c, ',' | ';' | '，' | '；'))
                .collect();
            let (metric, word) = match ["顺差", "順差", "盈余", "盈餘", "逆差"]
                .iter()
                .find(|w| tail.contains(**w))
            {
                Some(w) if metric != Metric::TradeBalance => (Metric::TradeBalance, *w),
                _ => (metric, word),
            };
            let Some(number) = number_of(n.as_str()) else {
                continue;
            };
            let unit = scale(c.name("scale").map(|m| m.as_str()));
            let mut value = number * unit;
            // "一百二十至一百四十亿美元": a range, its scale and currency
            // written once; the value is its midpoint.
            let range = c
                .name("lo")
                .and_then(|lo| number_of(lo.as_str()))
                .map(|lo| [lo * unit, value])
                .filter(|[lo, hi]| lo < hi);
            if let Some([lo, hi]) = range {
                value = (lo + hi) / 2.0;
            }
            if word == "逆差" {
                value = -value;
            }
            let with_range = |mut o: Observation| {
                o.range = range.map(|r| if word == "逆差" { [-r[1], -r[0]] } else { r });
                o
            };
            // A goal or forecast ("将贸易额提高到2000亿美元的目标"): a target
            // for the year the sentence names, at or after publication.
            let (clause_start, clause_end) = clause(t, whole.start());
            if goal_re().is_match(&t[clause_start..clause_end])
                || goal_re().is_match(&t[m_at..whole.start()])
            {
                if metric != Metric::TradeValue {
                    continue;
                }
                let Some(period) = goal_year(t, published).and_then(Period::year) else {
                    continue;
                };
                out.push(with_range(foreign::observation(
                    s,
                    (whole.start(), whole.end()),
                    Figure {
                        pair: Pair::sorted(pair.0, pair.1),
                        metric: Metric::TradeTarget,
                        period,
                        value,
                        currency: Some(currency(c.name("cur").map_or("", |m| m.as_str()))),
                        qualifier: amount_qualifier(&c),
                        status: Status::Target,
                    },
                    "Chinese",
                )));
                continue;
            }
            let Some(period) = period_at(m_at, whole.start()) else {
                continue;
            };
            let directed = direct(t, &parties, m_at, metric, pair);
            last_measure = Some((metric, whole.end()));
            out.push(with_range(foreign::observation(
                s,
                (whole.start(), whole.end()),
                Figure {
                    pair: directed,
                    metric,
                    period,
                    value,
                    currency: Some(currency(c.name("cur").map_or("", |m| m.as_str()))),
                    qualifier: amount_qualifier(&c),
                    status: Status::Reported,
                },
                "Chinese",
            )));
        }
        // Rates: year on year, of the measure before them.
        for c in rate_re().captures_iter(t) {
            let Some(whole) = c.get(0) else {
                continue;
            };
            // "环比增长3%": month on month. Looked for in the clause before the
            // word of change, since the match may start before 环比.
            let dir_at = c.name("dir").map_or(whole.start(), |m| m.start());
            let before_dir = &t[clause(t, dir_at).0..dir_at];
            if before_dir.contains("环比") || before_dir.contains("環比") {
                continue;
            }
            if whole.as_str().contains("百分点") {
                continue;
            }
            // An average over years, or a change against another month or
            // another year than the one before, is no year-on-year rate.
            let clause_start = t[..whole.start()]
                .rfind(['，', ',', '；', ';'])
                .map_or(0, |i| i + 1);
            // The comparison may stand in the clause before ("与2019年同期
            // 相比，增长21.2%").
            let compared_from = t[..clause_start.saturating_sub(1)]
                .rfind(['，', ',', '；', ';'])
                .map_or(0, |i| i + 1);
            let clause = &t[clause_start..whole.end()];
            let compared = &t[compared_from..whole.end()];
            let (goal_start, goal_end) = self::clause(t, whole.start());
            if goal_re().is_match(&t[goal_start..goal_end]) {
                continue;
            }
            if clause.contains("年均")
                || clause.contains("平均")
                || names_goods(clause)
                || month_comparison_re().is_match(clause)
            {
                continue;
            }
            let dir = c.name("dir").map_or("", |m| m.as_str());
            // "7.7%", or "四成半" (four and a half tenths: 45%).
            let tenths = c.name("tenths").and_then(|m| chinese_number(m.as_str()));
            let half = if c.name("half").is_some() { 5.0 } else { 0.0 };
            let Some(mut rate) = c
                .name("n")
                .and_then(|n| n.as_str().parse::<f64>().ok())
                .or(tenths.map(|t| t * 10.0 + half))
                // "百分之十五点五": 15.5 percent in words.
                .or_else(|| c.name("pct").and_then(|p| chinese_decimal(p.as_str())))
            else {
                continue;
            };
            if ["下降", "减少", "減少", "下滑", "回落", "萎缩", "萎縮"].contains(&dir)
            {
                rate = -rate;
            }
            // The measure is looked for before the word of change: the match
            // starts up to a dozen characters earlier and may hold it
            // ("进口增长7.7%").
            let anchor = c.name("dir").map_or(whole.start(), |m| m.start());
            let Some(pair) = pair_at(anchor) else {
                continue;
            };
            let metric = match measure_before(&measures, anchor) {
                Some((m_at, _, metric)) => Some((m_at, metric)),
                None => last_measure.map(|(m, _)| (0, m)),
            };
            let Some((m_at, metric)) = metric else {
                continue;
            };
            let measure_clause = t[..m_at].rfind(['，', ',', '；', ';']).map_or(0, |i| i + 1);
            if names_goods(&t[measure_clause.min(anchor)..anchor]) {
                continue;
            }
            let growth = match metric {
                Metric::TradeValue => Metric::TradeGrowthYoy,
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                _ => continue,
            };
            let Some(period) = period_at(m_at.max(clause_start), whole.start()) else {
                continue;
            };
            if let Some(y) = year_comparison_re()
                .captures(compared)
                .and_then(|c| c["y"].parse::<i32>().ok())
            {
                if y != period.start.year() - 1 {
                    continue;
                }
            }
            let directed = direct(t, &parties, m_at, metric, pair);
            // From the number, or from 百分之 before a number in words.
            let start = c
                .name("n")
                .or(c.name("tenths"))
                .map(|m| m.start())
                .or(c.name("pct").map(|m| m.start() - "百分之".len()))
                .unwrap_or(whole.start());
            out.push(foreign::observation(
                s,
                (start, whole.end()),
                Figure {
                    pair: directed,
                    metric: growth,
                    period,
                    value: rate,
                    currency: None,
                    qualifier: qualifier(c.name("q").map(|m| m.as_str())),
                    status: Status::Reported,
                },
                "Chinese",
            ));
        }
        // Rates named as a noun ("与10月的24%同比增幅相比", "相比10月份的4.3%
        // 跌幅"): the year-on-year rate of the month named just before them,
        // which a comparison names to set the figure beside it.
        for c in rate_noun_re().captures_iter(t) {
            let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
                continue;
            };
            let (clause_start, _) = clause(t, whole.start());
            let head = &t[clause_start..whole.start()];
            if head.contains("环比") || head.contains("環比") || names_goods(head) {
                continue;
            }
            let Some(period) = period_re()
                .captures_iter(head)
                .last()
                .filter(|p| {
                    p.get(0).is_some_and(|m| {
                        head[m.end()..]
                            .trim_start_matches(['份', '的', ' '])
                            .is_empty()
                    })
                })
                .and_then(|p| period_of(&p, named_year(&named), published))
                .map(|(p, _)| p)
            else {
                continue;
            };
            let Some((m_at, _, metric)) = measure_before(&measures, whole.start()) else {
                continue;
            };
            let growth = match metric {
                Metric::TradeValue => Metric::TradeGrowthYoy,
                Metric::ExportValue => Metric::ExportGrowthYoy,
                Metric::ImportValue => Metric::ImportGrowthYoy,
                _ => continue,
            };
            let Ok(mut rate) = n.as_str().parse::<f64>() else {
                continue;
            };
            if matches!(
                c.name("noun").map(|m| m.as_str()),
                Some("跌幅" | "降幅" | "减幅" | "減幅")
            ) {
                rate = -rate;
            }
            out.push(foreign::observation(
                s,
                (whole.start(), whole.end()),
                Figure {
                    pair: direct(t, &parties, m_at, metric, pair),
                    metric: growth,
                    period,
                    value: rate,
                    currency: None,
                    qualifier: None,
                    status: Status::Reported,
                },
                "Chinese",
            ));
        }
    }
    out
}

/// The year the sentence's periods name, for a month that names none.
fn named_year(named: &[(usize, usize, Period)]) -> Option<i32> {
    named.first().map(|(_, _, p)| p.end.year())
}

/// The clause around byte `at`: between the separators (，；) either side.
fn clause(s: &str, at: usize) -> (usize, usize) {
    let start = s[..at].rfind(['，', ',', '；', ';']).map_or(0, |i| i + 1);
    let end = s[at..]
        .find(['，', ',', '；', ';', '。'])
        .map_or(s.len(), |i| at + i);
    (start, end)
}

/// The year a goal in sentence `s` is for: the latest year it names that
/// has not passed at publication ("2024年前" in 2022), or this year
/// ("今年或将保持...").
fn goal_year(s: &str, published: Option<NaiveDate>) -> Option<i32> {
    let now = published.map(|d| d.year());
    goal_year_re()
        .captures_iter(s)
        .filter_map(|c| match (c.name("y"), c.name("this")) {
            (Some(y), _) => y.as_str().parse::<i32>().ok(),
            (None, Some(_)) => now,
            _ => None,
        })
        .filter(|y| now.is_none_or(|n| *y >= n))
        .max()
}

/// Whether the party named at `at` follows a word of direction ("对美",
/// "从巴西", "自中国"): a partner, not a subject.
fn directed(t: &str, at: usize) -> bool {
    t[..at].ends_with(['对', '對', '从', '從', '自', '向', '与', '與'])
}

/// The pair of a sentence that names only a partner ("对美贸易顺差为..."):
/// the subject in force and that partner.
fn partner_of(
    t: &str,
    parties: &[(usize, &'static str)],
    subject: Option<&'static str>,
) -> Option<(&'static str, &'static str)> {
    match (parties, subject) {
        ([(at, partner)], Some(subject)) if directed(t, *at) && *partner != subject => {
            Some((subject, partner))
        }
        _ => None,
    }
}

/// The figures of a "分别" list: k amounts after it, paired in order with k
/// partners of the subject named before it ("对欧盟与中国均出现贸易逆差，
/// 分别为1548亿日元和29587亿日元") or with k measures of the sentence's pair
/// ("中国对俄出口和进口分别为...和..."). A list whose lengths disagree is
/// left out rather than paired wrongly.
fn respectively(
    s: &Sentence,
    r: usize,
    parties: &[(usize, &'static str)],
    measures: &[(usize, &'static str, Metric)],
    subject: Option<&'static str>,
    pair: Option<(&'static str, &'static str)>,
    period: Period,
) -> Vec<Observation> {
    let t = &s.text;
    let amounts: Vec<Captures<'_>> = amount_re()
        .captures_iter(t)
        .filter(|c| c.get(0).is_some_and(|m| m.start() > r))
        .collect();
    let listed: Vec<(usize, &'static str, Metric)> = measures
        .iter()
        .copied()
        .filter(|(at, _, _)| *at < r)
        .collect();
    // Partners: parties after a word of direction or a list's "和", "与".
    let partners: Vec<&'static str> = parties
        .iter()
        .filter(|&&(at, code)| {
            at < r
                && Some(code) != subject
                && (directed(t, at) || t[..at].ends_with(['和', '及', '、']))
        })
        .map(|&(_, code)| code)
        .collect();
    let k = amounts.len();
    // Each amount's pair and measure, or nothing when the lists disagree.
    let targets: Vec<(Pair, &'static str, Metric)> = match (subject, listed.last()) {
        (Some(subject), Some(&(_, word, metric))) if k > 1 && partners.len() == k => partners
            .iter()
            .map(|partner| {
                (
                    Pair(subject.to_owned(), (*partner).to_owned()),
                    word,
                    metric,
                )
            })
            .map(|(p, w, m)| match m {
                Metric::TradeValue => (p.undirected(), w, m),
                _ => (p, w, m),
            })
            .collect(),
        _ => match pair {
            Some(pair) if k > 1 && listed.len() >= k => listed[listed.len() - k..]
                .iter()
                .map(|&(at, word, metric)| (direct(t, parties, at, metric, pair), word, metric))
                .collect(),
            _ => return Vec::new(),
        },
    };
    let mut out = Vec::new();
    for (c, (pair, word, metric)) in amounts.iter().zip(targets) {
        let (Some(whole), Some(n)) = (c.get(0), c.name("n")) else {
            continue;
        };
        let Some(number) = number_of(n.as_str()) else {
            continue;
        };
        let mut value = number * scale(c.name("scale").map(|m| m.as_str()));
        if word == "逆差" {
            value = -value;
        }
        out.push(foreign::observation(
            s,
            (whole.start(), whole.end()),
            Figure {
                pair,
                metric,
                period: period.clone(),
                value,
                currency: Some(currency(c.name("cur").map_or("", |m| m.as_str()))),
                qualifier: amount_qualifier(c),
                status: Status::Reported,
            },
            "Chinese",
        ));
    }
    out
}

/// The value of a scale word: 亿 is a hundred million.
fn scale(word: Option<&str>) -> f64 {
    match word {
        Some("万亿" | "萬億") => 1e12,
        Some("亿" | "億") => 1e8,
        Some("万" | "萬") => 1e4,
        _ => 1.0,
    }
}

/// Whether a measure names one kind of goods ("中间品", "农产品", "基础产品")
/// rather than all of them ("商品", "货物").
fn names_goods(s: &str) -> bool {
    s.replace("商品", "")
        .replace("货物", "")
        .replace("貨物", "")
        .contains('品')
        || COMMODITIES
            .iter()
            .chain(NOT_GOODS_TOTALS)
            .any(|w| s.contains(w))
}

/// Measures that are not the total of goods traded: services, per head.
const NOT_GOODS_TOTALS: &[&str] = &["服务贸易", "服務貿易", "人均"];

/// Whether a sentence is about one commodity's trade: "进口大豆7000万吨，
/// 进口金额约380亿美元", "大豆进口额": the commodity beside a word of trade.
fn commodity_trade(t: &str) -> bool {
    COMMODITIES.iter().any(|w| {
        t.match_indices(w).any(|(at, _)| {
            let before = &t[..at];
            let after = &t[at + w.len()..];
            ["进口", "進口", "出口", "贸易", "貿易"]
                .iter()
                .any(|m| before.ends_with(m) || after.starts_with(m))
        })
    })
}

/// Goods named without 品: one commodity's trade is not the two countries'.
const COMMODITIES: &[&str] = &[
    "大豆",
    "原油",
    "石油",
    "天然气",
    "天然氣",
    "液化气",
    "煤炭",
    "铁矿",
    "鐵礦",
    "粮食",
    "糧食",
    "小麦",
    "小麥",
    "玉米",
    "猪肉",
    "豬肉",
    "牛肉",
    "汽车",
    "汽車",
    "芯片",
    "集成电路",
    "钢材",
    "鋼材",
    "化肥",
    "木材",
];

/// Words that say a sentence is about both sides ("两国贸易额").
const BOTH_SIDES: &[&str] = &["两国", "兩國", "双边", "雙邊", "双方", "雙方", "中方"];

/// The sentence's pair: the two parties it names; with one party named, a
/// figure of that party's trade with everyone, unless the sentence says it
/// is about both sides; with none, the pair of the sentence before it
/// ("其中，出口...") or, for "两国", the article's.
fn sentence_pair(
    t: &str,
    parties: &[(usize, &'static str)],
    doc: Option<(&'static str, &'static str)>,
    carried: Option<(&'static str, &'static str)>,
    both_sides: bool,
) -> Option<(&'static str, &'static str)> {
    // "中日韩三国": three parties together are no pair.
    let several = ["三国", "三國", "三方", "多国", "多國"]
        .iter()
        .any(|w| t.contains(w));
    match parties {
        _ if several => None,
        [(_, a), (_, b), ..] => Some((a, b)),
        [(_, a)] if both_sides => match doc {
            Some((x, y)) if x == *a || y == *a => Some((x, y)),
            _ if *a != "CN" => Some(("CN", a)),
            _ => None,
        },
        // "；自美国进口...": a partner named after a word of direction
        // continues the pair before it when it is one of its sides.
        [(at, a)] if directed(t, *at) => carried.filter(|(x, y)| x == a || y == a),
        [_] => None,
        [] if both_sides => doc,
        [] => carried,
    }
}

/// Exports go from the party named before 对/向 (or the one named first)
/// to the other; imports come from the party after 从/自 to the other. A
/// total takes the pair in order.
fn direct(
    s: &str,
    parties: &[(usize, &'static str)],
    measure_at: usize,
    metric: Metric,
    (a, b): (&'static str, &'static str),
) -> Pair {
    let head = &s[..measure_at];
    // Where each side is last named before the measure.
    let last = |code: &str| {
        parties
            .iter()
            .filter(|&&(at, c)| c == code && at < measure_at)
            .map(|&(at, _)| at)
            .max()
    };
    let first_named = |x: &'static str, y: &'static str| -> Option<&'static str> {
        match (last(x), last(y)) {
            (Some(i), Some(j)) => Some(if i < j { x } else { y }),
            (Some(_), None) => Some(x),
            (None, Some(_)) => Some(y),
            (None, None) => None,
        }
    };
    match metric {
        Metric::ExportValue | Metric::ImportValue => {
            // "中国从俄罗斯进口", "印度自中国的进口": the party right after
            // 从 or 自 is the origin (自 alone is also in 自贸区, 自身).
            let from_origin = head
                .char_indices()
                .filter(|&(i, c)| {
                    let next = i + c.len_utf8();
                    matches!(c, '从' | '從' | '自') && parties.iter().any(|&(at, _)| at == next)
                })
                .map(|(i, _)| i)
                .next_back();
            let subject = first_named(a, b).unwrap_or(a);
            let (exporter, importer) = match (metric, from_origin) {
                (Metric::ImportValue, Some(from)) => {
                    let named_after = |code: &str| {
                        parties
                            .iter()
                            .any(|&(at, c)| c == code && at >= from && at < measure_at)
                    };
                    let origin = if named_after(a) { a } else { b };
                    (origin, if origin == a { b } else { a })
                }
                (Metric::ImportValue, None) => (if subject == a { b } else { a }, subject),
                _ => (subject, if subject == a { b } else { a }),
            };
            Pair(exporter.to_owned(), importer.to_owned())
        }
        Metric::TradeBalance => {
            // "对美贸易顺差": the party after 对 is the partner, the other side
            // the one whose balance it is.
            let partner = parties
                .iter()
                .find(|&&(at, c)| at < measure_at && (c == a || c == b) && directed(s, at))
                .map(|&(_, c)| c);
            let subject = match partner {
                Some(p) if first_named(a, b) == Some(p) => {
                    if p == a {
                        b
                    } else {
                        a
                    }
                }
                _ => first_named(a, b).unwrap_or(a),
            };
            Pair(
                subject.to_owned(),
                if subject == a { b } else { a }.to_owned(),
            )
        }
        _ => Pair::sorted(a, b),
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;
    use crate::foreign::testing::{assert_rows, rows, Row};

    fn day(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    /// (metric, pair, value, currency, period label) of every figure.
    fn read(text: &str, published: &str) -> Vec<Row> {
        rows(super::read(text, day(published)).observations)
    }

    fn usd() -> Option<String> {
        Some("USD".to_owned())
    }

    #[test]
    fn a_range_keeps_both_ends() {
        let found = super::read(
            "双方预计，2025年中俄贸易额将达到一百二十至一百四十亿美元。",
            day("2024-01-10"),
        )
        .observations;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].range, Some([12e9, 14e9]));
        assert_eq!(found[0].as_written, "一百二十至一百四十亿美元");
    }

    #[rstest]
    #[case::a_range_in_chinese_numerals_is_its_midpoint(
        "双方预计，2025年中俄贸易额将达到一百二十至一百四十亿美元。",
        "2024-01-10",
        vec![(Metric::TradeTarget, "CN-RU", 13e9, usd(), "2025")]
    )]
    #[case::a_range_in_digits(
        "2023年，中国与越南贸易额为2300至2400亿美元。",
        "2024-01-10",
        vec![(Metric::TradeValue, "CN-VN", 235e9, usd(), "2023")]
    )]
    #[case::percent_written_in_words(
        "2023年，中国与哈萨克斯坦贸易额为二十五亿美元，同比增长百分之十五点五。",
        "2024-01-10",
        vec![
            (Metric::TradeValue, "CN-KZ", 2.5e9, usd(), "2023"),
            (Metric::TradeGrowthYoy, "CN-KZ", 15.5, None, "2023"),
        ]
    )]
    #[case::a_year_with_its_rate(
        "2023年，中俄贸易额达2401.1亿美元，同比增长26.3%。",
        "2024-01-12",
        vec![
            (Metric::TradeValue, "CN-RU", 240.11e9, usd(), "2023"),
            (Metric::TradeGrowthYoy, "CN-RU", 26.3, None, "2023"),
        ]
    )]
    #[case::months_of_this_year_in_yuan(
        "今年前11个月，中国与东盟进出口总值为6.33万亿元，增长5%。",
        "2025-12-10",
        vec![
            (Metric::TradeValue, "ASEAN-CN", 6.33e12, Some("CNY".to_owned()), "Jan–Nov 2025"),
            (Metric::TradeGrowthYoy, "ASEAN-CN", 5.0, None, "Jan–Nov 2025"),
        ]
    )]
    #[case::a_month_range_and_a_fall(
        "1至9月，中美贸易额为5000亿美元，下降10.3%。",
        "2024-10-15",
        vec![
            (Metric::TradeValue, "CN-US", 500e9, usd(), "Jan–Sep 2024"),
            (Metric::TradeGrowthYoy, "CN-US", -10.3, None, "Jan–Sep 2024"),
        ]
    )]
    #[case::exports_from_the_party_named_first(
        "一季度，中国对俄罗斯出口额为240亿美元。",
        "2023-04-20",
        vec![(Metric::ExportValue, "CN-RU", 24e9, usd(), "Q1 2023")]
    )]
    #[case::imports_from_the_party_after_cong(
        "2022年，中国从巴西进口额为1100亿美元。",
        "2023-02-01",
        vec![(Metric::ImportValue, "BR-CN", 110e9, usd(), "2022")]
    )]
    #[case::traditional_characters(
        "今年前八個月，中美貿易額為2.73萬億元人民幣，下降13.5%。",
        "2023-09-08",
        vec![
            (Metric::TradeValue, "CN-US", 2.73e12, Some("CNY".to_owned()), "Jan–Aug 2023"),
            (Metric::TradeGrowthYoy, "CN-US", -13.5, None, "Jan–Aug 2023"),
        ]
    )]
    #[case::a_surplus(
        "上半年，日本对美国贸易顺差为3.4万亿日元。",
        "2015-07-23",
        vec![(Metric::TradeBalance, "JP-US", 3.4e12, Some("JPY".to_owned()), "H1 2015")]
    )]
    #[case::a_deficit_is_negative(
        "8月，韩国对华贸易逆差为6.67亿美元。",
        "2023-09-01",
        vec![(Metric::TradeBalance, "KR-CN", -6.67e8, usd(), "Aug 2023")]
    )]
    #[case::the_comparisons_year_is_not_the_figures(
        "2020年前9个月，中俄贸易额为788.4亿美元，较2019年同期减少2%。",
        "2020-11-07",
        vec![
            (Metric::TradeValue, "CN-RU", 78.84e9, usd(), "Jan–Sep 2020"),
            (Metric::TradeGrowthYoy, "CN-RU", -2.0, None, "Jan–Sep 2020"),
        ]
    )]
    #[case::a_goal_for_a_year(
        "双方力争到2030年将中俄贸易额提升至3000亿美元。",
        "2024-05-01",
        vec![(Metric::TradeTarget, "CN-RU", 300e9, usd(), "2030")]
    )]
    #[case::a_result_and_a_goal_in_one_sentence(
        "今年前9个月俄中两国贸易额达1360.8亿美元，两国元首设定了2024年前将贸易额提高到2000亿美元的目标。",
        "2022-11-01",
        vec![
            (Metric::TradeValue, "CN-RU", 136.08e9, usd(), "Jan–Sep 2022"),
            (Metric::TradeTarget, "CN-RU", 200e9, usd(), "2024"),
        ]
    )]
    #[case::the_period_carries_to_the_next_sentence(
        "2021年，中国与哈萨克斯坦贸易额为252.5亿美元。其中，中国对哈出口额为139.8亿美元。",
        "2022-01-20",
        vec![
            (Metric::TradeValue, "CN-KZ", 25.25e9, usd(), "2021"),
            (Metric::ExportValue, "CN-KZ", 13.98e9, usd(), "2021"),
        ]
    )]
    fn figures_are_read(
        #[case] text: &str,
        #[case] published: &str,
        #[case] expected: Vec<(Metric, &str, f64, Option<String>, &str)>,
    ) {
        assert_rows(&read(text, published), &expected);
    }

    #[rstest]
    #[case::month_on_month("3月，中俄贸易额环比增长3%。")]
    #[case::a_goal_with_no_year("双方力争将中俄贸易额提升至3000亿美元。")]
    #[case::a_goal_named_before_its_amount("两国元首设定了中俄贸易额的新目标，即每年3000亿美元。")]
    #[case::no_currency("中国人口达14亿，贸易伙伴遍布全球。")]
    #[case::no_measure("中国向俄罗斯捐赠了价值500万美元的物资。")]
    #[case::central_america_is_no_pair("中美洲国家的咖啡产量为100万吨。")]
    #[case::one_kind_of_goods("2023年，中国对越南农产品出口额为30亿美元，增长5%。")]
    #[case::one_partys_total("2023年，越南进出口总额为6800亿美元。")]
    #[case::an_average_over_years("2013年至2023年，中越贸易额年均增长12%。")]
    fn other_numbers_are_not_figures(#[case] text: &str) {
        assert!(
            read(text, "2024-05-01").is_empty(),
            "{:?}",
            read(text, "2024-05-01")
        );
    }

    /// Hostile input without a sentence end: cut into bounded pieces, so the
    /// work per figure stays bounded and the whole stays linear.
    #[test]
    fn a_text_without_sentence_ends_is_read_in_bounded_pieces() {
        let text = "中俄贸易额为1亿美元，".repeat(5_000);
        let pieces = sentences(&text);
        assert!(pieces
            .iter()
            .all(|s| s.original.chars().count() <= MAX_SENTENCE));
        assert_eq!(
            pieces
                .iter()
                .map(|s| s.original.chars().count())
                .sum::<usize>(),
            text.chars().count(),
            "no character is lost"
        );
    }

    #[test]
    fn a_page_date_near_the_top_is_its_publication_date() {
        assert_eq!(
            published("中俄经贸合作\n2020年11月7日 星期六 11:59\n正文"),
            day("2020-11-07")
        );
        assert_eq!(published("２０２３年３月２２日 电"), day("2023-03-22"));
        assert_eq!(published("没有日期的文章。"), None);
    }
}
