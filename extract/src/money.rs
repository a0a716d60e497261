//! Amounts of money as news text writes them: "$190.27 billion", "244.8
//! billion U.S. dollars", "1.2 trln yuan", "nearly $250 bn", "$55 billion to
//! $57 billion", "$1.5 billion (10.8 billion yuan)". Values come out in base
//! units (dollars, not billions).
//!
//! A number needs a currency (before or after it) to be money; "156 projects"
//! and "4,300 km" never are. A bare number with a scale directly before a
//! currency-bearing one ("$55 to $57 billion") is read as the low end of a
//! range and borrows the other end's currency and scale.

use regex::Captures;

use crate::model::{Equivalent, Qualifier};

/// An amount of money found in text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Amount {
    /// In base units; the midpoint for a range.
    pub value: f64,
    pub currency: &'static str,
    pub qualifier: Option<Qualifier>,
    pub range: Option<[f64; 2]>,
    pub equivalent: Option<Equivalent>,
    /// Byte range of the whole expression, qualifier included.
    pub start: usize,
    pub end: usize,
    /// The conversion written with it ("EUR62.5 billion (US$67.82
    /// billion)"): the same figure in another currency, which the binder
    /// reports beside the figure, marked as converted.
    pub converted: Option<Converted>,
    /// False for a scaled number written without a currency ("stood at
    /// 100.32 billion, 3.1 percent more than"): `currency` is then empty
    /// until [`fill_unwritten`] gives it the one its sentence or article uses.
    pub currency_written: bool,
}

/// An amount written as another amount's conversion, where it stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Converted {
    pub value: f64,
    pub currency: &'static str,
    pub qualifier: Option<Qualifier>,
    pub start: usize,
    pub end: usize,
}

/// The countries whose currency is a dinar or a riyal, which their papers
/// write bare ("JOD832 million" aside): "dinars" and "riyals" are the one
/// such country's an article names, else the reporting country's.
const DINARS: [(&str, &str); 8] = [
    ("JO", "JOD"),
    ("TN", "TND"),
    ("IQ", "IQD"),
    ("KW", "KWD"),
    ("BH", "BHD"),
    ("DZ", "DZD"),
    ("LY", "LYD"),
    ("RS", "RSD"),
];
const RIYALS: [(&str, &str); 4] = [("SA", "SAR"), ("QA", "QAR"), ("OM", "OMR"), ("YE", "YER")];
/// The countries whose currency is a dirham: the Emirates' and Morocco's.
const DIRHAMS: [(&str, &str); 2] = [("AE", "AED"), ("MA", "MAD")];

/// The one currency of `table` whose country is among `has`, if exactly one.
fn only_one(table: &[(&str, &'static str)], has: &dyn Fn(&str) -> bool) -> Option<&'static str> {
    let mut found = table.iter().filter(|(c, _)| has(c)).map(|(_, code)| *code);
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The countries whose currency a capital "K" straight before a number
/// stands for ("K6.1bil" in Port Moresby, "K5 billion" in Lusaka).
const K_SIGNS: [(&str, &str); 4] = [("PG", "PGK"), ("ZM", "ZMW"), ("MW", "MWK"), ("MM", "MMK")];

/// The countries whose papers write their rupee as a bare "Rs".
const RUPEES: [(&str, &str); 5] = [
    ("IN", "INR"),
    ("PK", "PKR"),
    ("LK", "LKR"),
    ("NP", "NPR"),
    ("MU", "MUR"),
];

/// The countries whose papers write their shilling as a bare "Sh".
const SHILLINGS: [(&str, &str); 4] = [("KE", "KES"), ("TZ", "TZS"), ("UG", "UGX"), ("SO", "SOS")];

/// What an article's countries say about currency signs that several
/// currencies write alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hints {
    /// "¥": the yen in reporting on Japan and in English generally, the yuan
    /// in reporting on China that does not concern Japan.
    pub yen_sign: &'static str,
    /// A bare "Sh" or "shillings": the one shilling of the article's
    /// countries (Kenya, Tanzania, Uganda, Somalia), if exactly one is named.
    pub shilling: Option<&'static str>,
    /// A bare "N" before a number ("N5.9 trillion"), as Nigerian papers
    /// write the naira: the naira in an article naming Nigeria, else no
    /// currency at all.
    pub naira: Option<&'static str>,
    /// "Rs" and "rupees": India's in reporting that names India or none of
    /// the other rupee countries, else Pakistan's, Sri Lanka's or Nepal's
    /// (the one the article names first).
    pub rupee: &'static str,
    /// A bare "$" or "dollars": the US dollar, except in reporting by a
    /// country with a dollar of its own that the article never writes out
    /// ([`Hints::with_reporter`]).
    pub dollar: &'static str,
    /// Bare "dinars" and "riyals" ([`DINARS`], [`RIYALS`]).
    pub dinar: Option<&'static str>,
    pub riyal: Option<&'static str>,
    /// Bare "dirhams" ([`DIRHAMS`]); the Emirates' where the article
    /// settles neither.
    pub dirham: Option<&'static str>,
    /// A capital "K" before a number ([`K_SIGNS`]): the kina, kwacha or
    /// kyat of the one such country the article names, else none.
    pub k_sign: Option<&'static str>,
}

impl Default for Hints {
    fn default() -> Self {
        Hints {
            yen_sign: "JPY",
            shilling: None,
            naira: None,
            rupee: "INR",
            dollar: "USD",
            dinar: None,
            riyal: None,
            dirham: None,
            k_sign: None,
        }
    }
}

impl Hints {
    /// The hints of an article naming these parties.
    pub(crate) fn for_parties(parties: &[&str]) -> Hints {
        let has = |c: &str| parties.contains(&c);
        let yen_sign = if has("CN") && !has("JP") {
            "CNY"
        } else {
            "JPY"
        };
        Hints {
            yen_sign,
            shilling: only_one(&SHILLINGS, &has),
            naira: has("NG").then_some("NGN"),
            rupee: if has("IN") {
                "INR"
            } else {
                parties
                    .iter()
                    .find_map(|p| match *p {
                        "PK" => Some("PKR"),
                        "LK" => Some("LKR"),
                        "NP" => Some("NPR"),
                        _ => None,
                    })
                    .unwrap_or("INR")
            },
            dollar: "USD",
            dinar: only_one(&DINARS, &has),
            riyal: only_one(&RIYALS, &has),
            dirham: only_one(&DIRHAMS, &has),
            k_sign: only_one(&K_SIGNS, &has),
        }
    }

    /// The hints once the reporting country is known. Papers write their
    /// own country's currency bare: "Rs" in reporting by Nepal is the
    /// Nepali rupee though the article names India, and a bare "Sh" that the article's
    /// countries leave open (Kenya and Uganda both named) is the
    /// reporter's shilling, and a bare "$" in Australian, Canadian or New
    /// Zealand reporting is that country's dollar, as those papers write
    /// "$" for their own and "US$" for the American. Wire services
    /// reporting from there write "A$", "C$" or "NZ$" instead, so where
    /// the article writes the reporter's dollar out anywhere (`written`, the
    /// currencies it writes), a bare "$" stays the US dollar.
    ///
    /// An article that marks the US dollar every time ("$US105 billion",
    /// "US$") and writes its own dollar out too ("Aus$100 billion"), as
    /// Agence France-Presse does, leaves a bare "$" to its own dollar.
    pub(crate) fn with_reporter(self, reporter: &str, written: &[&str], us_marked: bool) -> Hints {
        let own_dollar = match reporter {
            "AU" => Some("AUD"),
            "CA" => Some("CAD"),
            "NZ" => Some("NZD"),
            _ => None,
        };
        let dollar = own_dollar
            .filter(|own| !written.contains(own) || us_marked)
            .unwrap_or(self.dollar);
        let own = |table: &[(&str, &'static str)]| {
            table
                .iter()
                .find(|(c, _)| *c == reporter)
                .map(|(_, code)| *code)
        };
        Hints {
            shilling: self.shilling.or_else(|| own(&SHILLINGS)),
            dollar,
            rupee: own(&RUPEES).unwrap_or(self.rupee),
            dinar: self.dinar.or_else(|| own(&DINARS)),
            riyal: self.riyal.or_else(|| own(&RIYALS)),
            dirham: self.dirham.or_else(|| own(&DIRHAMS)),
            k_sign: self.k_sign.or_else(|| own(&K_SIGNS)),
            ..self
        }
    }
}

/// Whether `text` marks the US dollar as such somewhere ("$US105 billion",
/// "US$", "US $"), which a writer who reads a bare "$" as the US dollar
/// has no need to do.
pub(crate) fn marks_the_us_dollar(text: &str) -> bool {
    let bytes = text.as_bytes();
    ["$US", "US$", "US $", "U.S.$"]
        .iter()
        .any(|m| memchr::memmem::find(bytes, m.as_bytes()).is_some())
}

/// One number with whatever currency and scale stand next to it.
#[derive(Clone, Debug)]
struct Raw {
    number: f64,
    scale: Option<f64>,
    currency: Option<&'static str>,
    /// A currency sign or word stands there but names no currency this
    /// article settles ("Sh" in an article on no shilling country).
    unknown_currency: bool,
    /// The scale was a word ("billion"), not a letter ("b").
    word_scale: bool,
    qualifier: Option<Qualifier>,
    start: usize,
    end: usize,
}

const QUALIFIERS: &str = r"to\s+top|tops|topping|crossed|crosses|crossing|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|not\s+more\s+than|at\s+least|upwards\s+of|exceeded|surpassed|topped|nearly|almost|about|around|roughly|approximately|some|more\s+than|over|above|exceeding|exceeds|exceed|surpasses|surpass|in\s+excess\s+of|less\s+than|under|below|up\s+to|close\s+to|just\s+over|just\s+under";

crate::pattern::patterns! {
    fn pattern = &format!(
        r"(?xi)
    (?:\b(?P<qual>{QUALIFIERS})\s+(?:the\s+)?)?
    (?P<pre>(?:US\s?\$|U\.S\.\s?\$|\$\s?US\s?|A\$|AU\$|Aus\$|C\$|HK\$|S\$|NT\$|NZ\$|R\$|\$|€|£|¥|₽|₹)\s?|\b(?-i:RM|Rs\.?\s?|Rp\s?|R|N|Nu\.?\s?|K|SR|(?:KSh|Ksh|TSh|Tsh|USh|Ush|Sh)s?\.?\s?)|\b(?:USD|EUR|GBP|CNY|RMB|JPY|RUB|INR|KRW|BRL|AUD|CAD|CHF|TRY|MYR|THB|IDR|VND|ZAR|MXN|AED|SAR|KZT|SGD|HKD|TWD|NZD|SEK|NOK|PLN|ILS|NGN|EGP|PKR|KES|TZS|UGX|BDT|GHS|UAH|QAR|JOD|TND|IQD|KWD|BHD|OMR|LKR|NPR|BTN|PGK|MMK|LAK|PHP|MAD)\s?)?
    (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:(?:\s*|-)(?P<scale>trillions?|trln|tln|tn|billions?|bln|bil|bn|millions?|mln|mil|mn|thousands?|lakh\s+crores?|crores?|lakhs?)\b|(?P<short>[bmk])\b)?
    (?:\s+(?P<post>U\.S\.\s+dollars|US\s+dollars|American\s+dollars|Canadian\s+dollars|Australian\s+dollars|Singapore\s+dollars|Hong\s+Kong\s+dollars|New\s+Taiwan\s+dollars|NZ\s+dollars|New\s+Zealand\s+dollars|dollars|USD|yuan|RMB|renminbi|CNY|rubles|roubles|RUB|euros?|EUR|pounds\s+sterling|Egyptian\s+pounds|pounds|GBP|Mexican\s+pesos|Philippine\s+pesos|Saudi\s+riyals?|Qatari\s+riyals?|Omani\s+riyals?|riyals?|Jordanian\s+dinars?|Tunisian\s+dinars?|Iraqi\s+dinars?|Kuwaiti\s+dinars?|dinars?|JOD|TND|IQD|KWD|BHD|OMR|taka|cedis?|hryvnias?|AUD|CAD|NZD|SGD|HKD|MXN|SAR|EGP|PKR|BDT|GHS|UAH|QAR|yen|JPY|rupees|INR|won|KRW|reais|BRL|lira|TRY|ringgit|MYR|baht|THB|rupiah|IDR|dong|VND|rand|ZAR|Moroccan\s+dirhams?|dirhams?|AED|MAD|tenge|KZT|zlotys?|PLN|naira|NGN|shekels?|ILS|Swiss\s+francs|CHF|Kenyan\s+shillings|KES|Tanzanian\s+shillings|TZS|Ugandan\s+shillings|UGX|shillings|ngultrums?|BTN|kina|PGK|kyats?|MMK|kip|LAK|NPR|LKR|Nepali\s+rupees|Sri\s+Lankan\s+rupees|Pakistani\s+rupees|PHP)\b)?"
    );
}

/// The ISO code of a currency sign or word as written; `None` for one
/// that names no currency here (a bare "Sh" where the article's countries
/// do not settle which shilling it is).
fn currency_code(symbol: &str, hints: &Hints) -> Option<&'static str> {
    let s = symbol.trim().to_ascii_lowercase();
    let s = s.replace(char::is_whitespace, " ");
    Some(match s.as_str() {
        "$" | "dollars" => hints.dollar,
        "us$" | "us $" | "u.s.$" | "u.s. $" | "$us" | "$ us" | "usd" | "u.s. dollars"
        | "us dollars" | "american dollars" => "USD",
        "sr" => "SAR",
        "jod" | "jordanian dinar" | "jordanian dinars" => "JOD",
        "tnd" | "tunisian dinar" | "tunisian dinars" => "TND",
        "iqd" | "iraqi dinar" | "iraqi dinars" => "IQD",
        "kwd" | "kuwaiti dinar" | "kuwaiti dinars" => "KWD",
        "bhd" => "BHD",
        "omr" | "omani riyal" | "omani riyals" => "OMR",
        "dinar" | "dinars" => return hints.dinar,
        "riyal" | "riyals" => return hints.riyal,
        "¥" => hints.yen_sign,
        "€" | "eur" | "euro" | "euros" => "EUR",
        "£" | "gbp" | "pounds sterling" | "pounds" => "GBP",
        "cny" | "rmb" | "yuan" | "renminbi" => "CNY",
        "₽" | "rub" | "rubles" | "roubles" => "RUB",
        "₹" | "inr" => "INR",
        "rupees" => hints.rupee,
        "jpy" | "yen" => "JPY",
        "krw" | "won" => "KRW",
        "brl" | "reais" => "BRL",
        "try" | "lira" => "TRY",
        "a$" | "au$" | "aus$" | "aud" => "AUD",
        "nz$" => "NZD",
        "c$" | "cad" => "CAD",
        "hk$" | "hkd" | "hong kong dollars" => "HKD",
        "s$" | "sgd" | "singapore dollars" => "SGD",
        "nt$" | "twd" | "new taiwan dollars" => "TWD",
        "r$" => "BRL",
        "rm" | "myr" | "ringgit" => "MYR",
        "rs" | "rs." => hints.rupee,
        "rp" | "idr" | "rupiah" => "IDR",
        "thb" | "baht" => "THB",
        "vnd" | "dong" => "VND",
        // "R546 billion": a capital R straight before the number.
        "zar" | "rand" | "r" => "ZAR",
        "n" => return hints.naira,
        "k" => return hints.k_sign,
        "nu" | "nu." | "btn" | "ngultrum" | "ngultrums" => "BTN",
        "kina" | "pgk" => "PGK",
        "kyat" | "kyats" | "mmk" => "MMK",
        "kip" | "lak" => "LAK",
        "php" => "PHP",
        "nepali rupees" => "NPR",
        "sri lankan rupees" => "LKR",
        "pakistani rupees" => "PKR",
        "mxn" => "MXN",
        "aed" => "AED",
        "mad" | "moroccan dirham" | "moroccan dirhams" => "MAD",
        "dirham" | "dirhams" => hints.dirham.unwrap_or("AED"),
        "sar" => "SAR",
        "kzt" | "tenge" => "KZT",
        "nzd" => "NZD",
        "sek" => "SEK",
        "nok" => "NOK",
        "pln" | "zloty" | "zlotys" => "PLN",
        "ils" | "shekel" | "shekels" => "ILS",
        "ngn" | "naira" => "NGN",
        "egp" => "EGP",
        "pkr" => "PKR",
        "lkr" => "LKR",
        "npr" => "NPR",
        "canadian dollars" => "CAD",
        "nz dollars" | "new zealand dollars" => "NZD",
        "egyptian pounds" => "EGP",
        "mexican pesos" => "MXN",
        "philippine pesos" => "PHP",
        "saudi riyal" | "saudi riyals" => "SAR",
        "qatari riyal" | "qatari riyals" | "qar" => "QAR",
        "taka" | "bdt" => "BDT",
        "cedi" | "cedis" | "ghs" => "GHS",
        "hryvnia" | "hryvnias" | "uah" => "UAH",
        "australian dollars" => "AUD",
        "chf" | "swiss francs" => "CHF",
        // East Africa's shillings by their own papers' abbreviations ("KSh
        // 1.1 trillion", "Ksh1.1 trillion", "Kshs. 30 billion"). A bare
        // "Sh" or "shillings", which Kenyan, Tanzanian, Ugandan and Somali
        // papers all write for their own, is the one of the article's
        // countries, if it names one shilling country only.
        "ksh" | "kshs" | "ksh." | "kshs." | "kes" | "kenyan shillings" => "KES",
        "tsh" | "tshs" | "tsh." | "tshs." | "tzs" | "tanzanian shillings" => "TZS",
        "ush" | "ushs" | "ush." | "ushs." | "ugx" | "ugandan shillings" => "UGX",
        "sh" | "shs" | "sh." | "shs." | "shillings" => return hints.shilling,
        _ => return None,
    })
}

fn scale_value(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    // "Rs 2.9 lakh crore": a hundred thousand times ten million.
    if w.starts_with("lakh") && w.trim_end_matches('s').ends_with("crore") {
        return Some(1e12);
    }
    let w = w.trim_end_matches('s');
    Some(match w {
        "trillion" | "trln" | "tln" | "tn" => 1e12,
        "billion" | "bln" | "bil" | "bn" | "b" => 1e9,
        "million" | "mln" | "mil" | "mn" | "m" => 1e6,
        "thousand" | "k" => 1e3,
        "crore" => 1e7,
        "lakh" => 1e5,
        _ => return None,
    })
}

/// Parses a qualifier as written ("more than", "Nearly").
pub(crate) fn qualifier(word: &str) -> Option<Qualifier> {
    let w = word.to_ascii_lowercase();
    let w: Vec<&str> = w.split_whitespace().collect();
    Some(match w.join(" ").as_str() {
        "nearly" | "close to" | "just under" => Qualifier::Nearly,
        "almost" => Qualifier::Almost,
        "about" => Qualifier::About,
        "around" => Qualifier::Around,
        "roughly" => Qualifier::Roughly,
        "approximately" => Qualifier::Approximately,
        "some" => Qualifier::Some,
        "more than" | "in excess of" | "just over" => Qualifier::MoreThan,
        "over" => Qualifier::Over,
        "above" => Qualifier::Above,
        "exceeding" | "exceeded" | "exceeds" | "exceed" => Qualifier::Exceeding,
        "surpassed" | "surpasses" | "surpass" | "topped" | "to top" | "tops" | "topping"
        | "crossed" | "crosses" | "crossing" => Qualifier::MoreThan,
        "less than" => Qualifier::LessThan,
        "under" | "below" => Qualifier::Under,
        "up to" | "no more than" | "not more than" => Qualifier::UpTo,
        "at least" | "no less than" | "not less than" | "upwards of" => Qualifier::AtLeast,
        _ => return None,
    })
}

fn raw(c: &Captures<'_>, hints: &Hints) -> Option<Raw> {
    let whole = c.get(0)?;
    let number: f64 = c.name("num")?.as_str().replace(',', "").parse().ok()?;
    let scale = c
        .name("scale")
        .or_else(|| c.name("short"))
        .and_then(|m| scale_value(m.as_str()));
    // A one-letter scale only counts after a currency symbol ("$5m"), never
    // after a bare number ("5 m" may be metres).
    let scale = if c.name("short").is_some() && c.name("pre").is_none() {
        None
    } else {
        scale
    };
    let symbol = c.name("pre").or_else(|| c.name("post"));
    let currency = c
        .name("pre")
        .and_then(|m| currency_code(m.as_str(), hints))
        .or_else(|| {
            c.name("post")
                .and_then(|m| currency_code(m.as_str(), hints))
        });
    let mut end = whole.end();
    if c.name("short").is_some() && scale.is_none() {
        end = c.name("num")?.end();
    }
    Some(Raw {
        number,
        scale,
        currency,
        unknown_currency: symbol.is_some() && currency.is_none(),
        word_scale: c.name("scale").is_some(),
        qualifier: c.name("qual").and_then(|m| qualifier(m.as_str())),
        start: whole.start(),
        end,
    })
}

/// The value of a match of [`pattern`] that is a number and nothing else
/// ("2023", "1,250.5"): no qualifier, currency or scale was matched.
fn bare_number(matched: &str) -> Option<f64> {
    if !matched
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    matched.replace(',', "").parse().ok()
}

/// Every amount of money in `text`, in order, with the signs several
/// currencies share read as English reporting mostly means them (the tests'
/// reading; the pipeline passes the article's own hints).
#[cfg(test)]
pub(crate) fn amounts(text: &str) -> Vec<Amount> {
    amounts_with(text, &Hints::default())
}

/// Every amount of money in `text`, in order: those written with a currency,
/// and scaled numbers written without one where nothing but money can follow
/// ("stood at 100.32 billion, which is ..."), whose currency is left empty
/// for [`fill_unwritten`].
pub(crate) fn amounts_with(text: &str, hints: &Hints) -> Vec<Amount> {
    // Bare numbers are kept for now: one may be the low end of a range.
    // Most matches are bare numbers (years, days, percents), which need no
    // capture search: the fast engine's match is the number itself. The
    // others are searched for their groups from where the match starts,
    // which finds that same match.
    let re = pattern();
    let raws: Vec<Raw> = re
        .find_iter(text)
        .filter_map(|m| match bare_number(m.as_str()) {
            Some(number) => Some(Raw {
                number,
                scale: None,
                currency: None,
                unknown_currency: false,
                word_scale: false,
                qualifier: None,
                start: m.start(),
                end: m.end(),
            }),
            None => re.captures_at(text, m.start()).and_then(|c| raw(&c, hints)),
        })
        .collect();

    let mut out: Vec<Amount> = Vec::new();
    let mut i = 0;
    while i < raws.len() {
        let r = &raws[i];
        if let Some(amount) = raws.get(i + 1).and_then(|next| range(text, r, next)) {
            out.push(amount);
            i += 2;
            continue;
        }
        let unwritten = r.currency.is_none()
            && !r.unknown_currency
            && r.word_scale
            && money_can_follow(&text[r.end..]);
        if let Some(currency) = r.currency.or(unwritten.then_some("")) {
            out.push(Amount {
                value: to_cents(r.number * r.scale.unwrap_or(1.0)),
                currency,
                qualifier: r.qualifier,
                range: None,
                equivalent: None,
                start: r.start,
                end: r.end,
                converted: None,
                currency_written: !unwritten,
            });
        }
        i += 1;
    }
    out.retain(|a| !states_a_rate_of_exchange(text, a));
    fold_equivalents(text, out)
}

/// Whether the words after a scaled number leave it free to be an amount
/// of money whose currency goes without saying: the clause ends or goes on
/// with a period, a comparison or a conjunction ("100.32 billion, which",
/// "44.03 billion in 2020-21"). A noun after it counts something else:
/// "1.3 billion people", "60 million tonnes".
fn money_can_follow(after: &str) -> bool {
    const NEXT: [&str; 33] = [
        "in",
        "during",
        "for",
        "from",
        "to",
        "and",
        "or",
        "as",
        "compared",
        "against",
        "with",
        "while",
        "which",
        "this",
        "last",
        "over",
        "up",
        "down",
        "a",
        "an",
        "the",
        "on",
        "by",
        "at",
        "between",
        "than",
        "since",
        "after",
        "before",
        "when",
        "but",
        "respectively",
        "annually",
    ];
    let t = after.trim_start();
    match t.chars().next() {
        None => true,
        Some(c) if !c.is_ascii_alphanumeric() => matches!(
            c,
            ',' | '.' | ';' | ':' | ')' | ']' | '(' | '"' | '”' | '’' | '—' | '–'
        ),
        Some(_) => {
            let word = t
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or_default();
            NEXT.iter().any(|w| w.eq_ignore_ascii_case(word))
        }
    }
}

/// "(1 euro = 1.33 U.S. dollar)": a rate of exchange, not an amount traded.
fn states_a_rate_of_exchange(text: &str, a: &Amount) -> bool {
    text[a.end..].trim_start().starts_with('=') || text[..a.start].trim_end().ends_with('=')
}

/// Gives each amount written without a currency the currency of the nearest
/// amount of its sentence that has one, else `fallback` (the article's);
/// amounts left without one are dropped.
pub(crate) fn fill_unwritten(amounts: &mut Vec<Amount>, fallback: Option<&'static str>) {
    if amounts.iter().all(|a| a.currency_written) {
        return;
    }
    let written: Vec<(usize, &'static str)> = amounts
        .iter()
        .filter(|a| a.currency_written)
        .map(|a| (a.start, a.currency))
        .collect();
    for a in amounts.iter_mut().filter(|a| !a.currency_written) {
        let nearest = written
            .iter()
            .min_by_key(|(at, _)| at.abs_diff(a.start))
            .map(|(_, c)| *c);
        a.currency = nearest.or(fallback).unwrap_or("");
    }
    amounts.retain(|a| !a.currency.is_empty());
}

/// "$55 billion to $57 billion", "$55-57 billion", "50 to 60 billion yuan",
/// "between $55 billion and $57 billion": both ends in base units.
fn range(text: &str, lo: &Raw, hi: &Raw) -> Option<Amount> {
    if !is_range_gap(&text[lo.end..hi.start], &text[..lo.start]) {
        return None;
    }
    let currency = match (lo.currency, hi.currency) {
        (Some(a), Some(b)) if a == b => a,
        (Some(a), None) if hi.scale.is_some() => a,
        (None, Some(b)) => b,
        _ => return None,
    };
    // A year is never the low end of a range of money ("in 2021 to $60
    // billion"), nor is the end of a span of years ("from $12.2 billion in
    // 2020-21 to $26 billion").
    let looks_like_year = lo.scale.is_none()
        && lo.currency.is_none()
        && lo.number.fract() == 0.0
        && (1900.0..=2100.0).contains(&lo.number);
    let ends_a_span = lo.currency.is_none() && {
        let before = &text.as_bytes()[..lo.start];
        matches!(before.last(), Some(b'-' | b'/'))
            && before.len() >= 2
            && before[before.len() - 2].is_ascii_digit()
            || text[..lo.start].ends_with('–')
    };
    // A number glued to letters is a label ("fell 12% in FY24 to $161.6
    // billion", "Q3 to"), not the low end of a range.
    let labelled = lo.currency.is_none()
        && text.as_bytes()[..lo.start]
            .last()
            .is_some_and(u8::is_ascii_alphabetic);
    if looks_like_year || ends_a_span || labelled || lo.unknown_currency || hi.unknown_currency {
        return None;
    }
    let hi_scale = hi.scale.unwrap_or(1.0);
    let low = to_cents(lo.number * lo.scale.unwrap_or(hi_scale));
    let high = to_cents(hi.number * hi_scale);
    (low < high).then(|| Amount {
        value: (low + high) / 2.0,
        currency,
        qualifier: lo.qualifier,
        range: Some([low, high]),
        equivalent: None,
        start: between_start(text, lo.start),
        end: hi.end,
        converted: None,
        currency_written: true,
    })
}

/// "to", "-", "–" or "and" (the latter only after "between") between two
/// numbers. "from $4.8 billion to $5.1 billion" is a change, not a range.
fn is_range_gap(gap: &str, before: &str) -> bool {
    let g = gap.trim();
    match g {
        "-" | "–" | "—" => true,
        // "widened by $773 million to $2.23 billion": a change, then the level.
        "to" => !ends_with_word(before, "from") && !changed_by(before),
        "and" => before.trim_end().to_ascii_lowercase().ends_with("between"),
        _ => false,
    }
}

/// Whether the words before a number end with "by" (a change's size),
/// a qualifier allowed between: "rose by over $1 billion".
fn changed_by(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or_default();
    if last.eq_ignore_ascii_case("by") {
        return true;
    }
    let qualifier_words = [
        "over",
        "more",
        "than",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "just",
        "roughly",
        "approximately",
        "less",
        "under",
    ];
    let mut w = Some(last);
    for _ in 0..3 {
        match w {
            Some(x) if x.eq_ignore_ascii_case("by") => return true,
            Some(x) if qualifier_words.iter().any(|q| q.eq_ignore_ascii_case(x)) => {
                w = words.next()
            }
            _ => return false,
        }
    }
    false
}

/// Whether `text` ends with `word` (ASCII, any case) as a whole word.
fn ends_with_word(text: &str, word: &str) -> bool {
    let t = text.trim_end().as_bytes();
    t.len() >= word.len()
        && t[t.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
        && !t
            .len()
            .checked_sub(word.len() + 1)
            .is_some_and(|i| t[i].is_ascii_alphanumeric())
}

/// Extends a range's start back over a "between" that introduces it.
fn between_start(text: &str, start: usize) -> usize {
    let before = text[..start].trim_end();
    if before.to_ascii_lowercase().ends_with("between") {
        before.len() - "between".len()
    } else {
        start
    }
}

/// "$1.5 billion (10.8 billion yuan)": the parenthesised amount is the same
/// figure in another currency, kept on the first rather than as a second figure.
fn fold_equivalents(text: &str, amounts: Vec<Amount>) -> Vec<Amount> {
    let mut out: Vec<Amount> = Vec::with_capacity(amounts.len());
    for a in amounts {
        if let Some(prev) = out.last_mut() {
            let gap = text[prev.end..a.start].trim().to_ascii_lowercase();
            let opener = gap.strip_prefix('(').map(str::trim);
            let is_equivalent = opener.is_some_and(|rest| {
                matches!(
                    rest,
                    "" | "or"
                        | "about"
                        | "around"
                        | "roughly"
                        | "approximately"
                        | "some"
                        | "nearly"
                        | "equivalent to"
                        | "approx."
                        | "~"
                )
            }) && text[a.end..].trim_start().starts_with(')');
            // "Rs 1.15 lakh crore, equivalent to about $14.2 billion", "$57.2
            // bln, worth 5.2 trillion rubles", "1.2 trillion yuan, or $170
            // billion": the same figure converted, said without brackets.
            // A few words may stand between ("... lakh crore in 2022-23,
            // equivalent to ...") when the conversion is named outright.
            let said_so = matches!(gap.as_str(), ", or" | ", i.e." | "or" | "equivalent to")
                || (gap.len() <= 40
                    && (gap.ends_with(", equivalent to") || gap.ends_with(", worth")));
            if (is_equivalent || said_so)
                && a.currency != prev.currency
                && prev.equivalent.is_none()
            {
                prev.equivalent = Some(Equivalent {
                    value: a.value,
                    currency: a.currency.to_owned(),
                });
                prev.converted = Some(Converted {
                    value: a.value,
                    currency: a.currency,
                    qualifier: a.qualifier,
                    start: a.start,
                    end: a.end,
                });
                // The span grows to cover the conversion (and its parenthesis).
                prev.end = if is_equivalent {
                    a.end + text[a.end..].find(')').map_or(0, |p| p + 1)
                } else {
                    a.end
                };
                continue;
            }
        }
        out.push(a);
    }
    out
}

/// Rounds an amount in base units to the cent: "4.1 billion" multiplies to
/// 4,099,999,999.9999995 in binary floating point, and a reader (or a series
/// comparing two reports) must see 4,100,000,000.
fn to_cents(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn one(text: &str) -> Amount {
        let found = amounts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().expect("one amount")
    }

    #[rstest]
    #[case("trade of $190.27 billion", 190.27e9, "USD", None)]
    #[case("244.8 billion U.S. dollars", 244.8e9, "USD", None)]
    #[case("nearly $250 billion", 250e9, "USD", Some(Qualifier::Nearly))]
    #[case("US$12.5 bn", 12.5e9, "USD", None)]
    #[case("USD 3.2 mln", 3.2e6, "USD", None)]
    #[case("1.2 trillion yuan", 1.2e12, "CNY", None)]
    #[case("RMB 500 million", 500e6, "CNY", None)]
    #[case("350 billion rubles", 350e9, "RUB", None)]
    #[case("2.1 trln roubles", 2.1e12, "RUB", None)]
    #[case("€4.5bn", 4.5e9, "EUR", None)]
    #[case("45 billion euros", 45e9, "EUR", None)]
    #[case("£800m", 800e6, "GBP", None)]
    #[case("$5m", 5e6, "USD", None)]
    #[case("$1,234,567", 1_234_567.0, "USD", None)]
    #[case("more than $100 billion", 100e9, "USD", Some(Qualifier::MoreThan))]
    #[case("over 20 billion dollars", 20e9, "USD", Some(Qualifier::Over))]
    #[case("about 3 trillion yen", 3e12, "JPY", Some(Qualifier::About))]
    #[case("up to $8 billion", 8e9, "USD", Some(Qualifier::UpTo))]
    #[case("no less than $150 billion", 150e9, "USD", Some(Qualifier::AtLeast))]
    #[case("at least $65 billion", 65e9, "USD", Some(Qualifier::AtLeast))]
    #[case("no more than $5 billion", 5e9, "USD", Some(Qualifier::UpTo))]
    #[case("less than $2 billion", 2e9, "USD", Some(Qualifier::LessThan))]
    #[case("roughly 70 billion US dollars", 70e9, "USD", Some(Qualifier::Roughly))]
    #[case("approximately $9.9 bln", 9.9e9, "USD", Some(Qualifier::Approximately))]
    #[case("some 12 billion dollars", 12e9, "USD", Some(Qualifier::Some))]
    #[case("exceeding $200 billion", 200e9, "USD", Some(Qualifier::Exceeding))]
    #[case("may exceed $250 bln", 250e9, "USD", Some(Qualifier::Exceeding))]
    #[case(
        "trade exceeded $200 billion",
        200e9,
        "USD",
        Some(Qualifier::Exceeding)
    )]
    #[case("trade topped 1 trillion yuan", 1e12, "CNY", Some(Qualifier::MoreThan))]
    #[case("almost 1 trillion rupees", 1e12, "INR", Some(Qualifier::Almost))]
    #[case("under $40 million", 40e6, "USD", Some(Qualifier::Under))]
    #[case("above 5,000 crore rupees", 5e10, "INR", Some(Qualifier::Above))]
    #[case("₽90 billion", 90e9, "RUB", None)]
    #[case("KRW 14 trillion", 14e12, "KRW", None)]
    #[case("$1.5 thousand", 1.5e3, "USD", None)]
    #[case("10 billion renminbi", 10e9, "CNY", None)]
    #[case("RM484.1 billion", 484.1e9, "MYR", None)]
    #[case("Rs 5,000 crore", 5e10, "INR", None)]
    #[case("Rs. 12 lakh", 1.2e6, "INR", None)]
    #[case("Rs 2.9 lakh crore", 2.9e12, "INR", None)]
    #[case("₹1.5 lakh crores", 1.5e12, "INR", None)]
    #[case("Rp 2.5 trillion", 2.5e12, "IDR", None)]
    #[case("R546 billion", 546e9, "ZAR", None)]
    #[case("KSh 1.1 trillion", 1.1e12, "KES", None)]
    #[case("Ksh34.2 billion", 34.2e9, "KES", None)]
    #[case("Kshs. 30 billion", 30e9, "KES", None)]
    #[case(
        "about 1.1 trillion Kenyan shillings",
        1.1e12,
        "KES",
        Some(Qualifier::About)
    )]
    #[case("TSh 2.4 trillion", 2.4e12, "TZS", None)]
    #[case("USh 5.3 trillion", 5.3e12, "UGX", None)]
    #[case("UGX 480 billion", 480e9, "UGX", None)]
    #[case("R1.2-trillion", 1.2e12, "ZAR", None)]
    #[case("R$ 12 billion", 12e9, "BRL", None)]
    #[case("NT$1.2 trillion", 1.2e12, "TWD", None)]
    #[case("about 120 billion baht", 120e9, "THB", Some(Qualifier::About))]
    #[case("7.9 trillion dong", 7.9e12, "VND", None)]
    #[case("45 billion dirhams", 45e9, "AED", None)]
    #[case("3 billion Swiss francs", 3e9, "CHF", None)]
    #[case("14 billion Canadian dollars", 14e9, "CAD", None)]
    #[case("MXN 250 billion", 250e9, "MXN", None)]
    #[case("SGD 4.5 billion", 4.5e9, "SGD", None)]
    #[case("$118.7-billion", 118.7e9, "USD", None)]
    #[case("C$2.5-million", 2.5e6, "CAD", None)]
    fn amounts_are_read_in_base_units(
        #[case] text: &str,
        #[case] value: f64,
        #[case] currency: &str,
        #[case] qualifier: Option<Qualifier>,
    ) {
        let a = one(text);
        assert!(
            (a.value - value).abs() <= value * 1e-9,
            "{text}: {}",
            a.value
        );
        assert_eq!(a.currency, currency, "{text}");
        assert_eq!(a.qualifier, qualifier, "{text}");
    }

    /// Regression: "4.1 billion" came out as 4,099,999,999.999999, which a
    /// reader sees and two reports of the same figure compare unequal.
    #[rstest]
    #[case("$4.1 billion", 4.1e9)]
    #[case("$0.7 billion", 0.7e9)]
    #[case("2.3 trillion yuan", 2.3e12)]
    #[case("$190.27 billion", 190.27e9)]
    fn amounts_are_exact_to_the_cent(#[case] text: &str, #[case] value: f64) {
        assert_eq!(one(text).value, value, "{text}");
    }

    #[rstest]
    #[case("$55 billion to $57 billion", 55e9, 57e9)]
    #[case("$55-57 billion", 55e9, 57e9)]
    #[case("between $1.1 billion and $1.3 billion", 1.1e9, 1.3e9)]
    #[case("50 to 60 billion yuan", 50e9, 60e9)]
    fn ranges_keep_both_ends(#[case] text: &str, #[case] lo: f64, #[case] hi: f64) {
        let a = one(text);
        assert_eq!(a.range, Some([lo, hi]), "{text}");
        assert_eq!(a.value, (lo + hi) / 2.0);
        assert_eq!(a.start, 0, "{text}: the span covers the whole range");
        assert_eq!(a.end, text.len(), "{text}");
    }

    #[rstest]
    #[case::a_fiscal_year("fell 12% in FY24 to $161.6 billion", 161.6e9)]
    #[case::a_quarter("rose in Q3 to $7.5 billion", 7.5e9)]
    fn a_number_glued_to_letters_is_no_low_end(#[case] text: &str, #[case] value: f64) {
        let found = amounts(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].value, value);
        assert_eq!(found[0].range, None);
    }

    #[rstest]
    #[case::an_article_on_india_and_pakistan(&["PK", "IN"], "INR")]
    #[case::an_article_on_pakistan_and_china(&["PK", "CN"], "PKR")]
    #[case::an_article_on_sri_lanka(&["CN", "LK"], "LKR")]
    #[case::no_rupee_country(&["CN", "RU"], "INR")]
    fn rupees_are_the_rupee_countrys(#[case] parties: &[&str], #[case] want: &str) {
        let hints = Hints::for_parties(parties);
        for text in ["Rs 120 billion", "Rs. 120 billion", "120 billion rupees"] {
            let found = amounts_with(text, &hints);
            assert_eq!(
                found.iter().map(|a| a.currency).collect::<Vec<_>>(),
                [want],
                "{text}"
            );
        }
    }

    #[rstest]
    #[case::in_an_article_on_nigeria(&["NG", "CN"], Some(5.91e12))]
    #[case::elsewhere(&["GH", "CN"], None)]
    fn a_bare_n_is_the_naira_of_an_article_on_nigeria(
        #[case] parties: &[&str],
        #[case] value: Option<f64>,
    ) {
        let found = amounts_with(
            "imports reached N5.91 trillion in 2023",
            &Hints::for_parties(parties),
        );
        assert_eq!(
            found.iter().map(|a| a.value).collect::<Vec<_>>(),
            value.into_iter().collect::<Vec<_>>()
        );
        assert!(found.iter().all(|a| a.currency == "NGN"));
    }

    #[test]
    fn a_change_from_one_amount_to_another_is_two_amounts() {
        let found = amounts("Trade rose from $4.8 billion to $5.1 billion.");
        let values: Vec<f64> = found.iter().map(|a| a.value).collect();
        assert_eq!(values, [4.8e9, 5.1e9]);
        assert!(found.iter().all(|a| a.range.is_none()));
    }

    #[rstest]
    #[case("$1.5 billion (10.8 billion yuan)", "USD", "CNY", 10.8e9)]
    #[case(
        "1.2 trillion yuan (about $170 billion) last year",
        "CNY",
        "USD",
        170e9
    )]
    #[case(
        "Rs 1.15 lakh crore in 2022-23, equivalent to about $14.2 billion",
        "INR",
        "USD",
        14.2e9
    )]
    #[case("$57.2 bln, worth 5.2 trillion rubles", "USD", "RUB", 5.2e12)]
    #[case("1.2 trillion yuan, or $170 billion", "CNY", "USD", 170e9)]
    fn a_parenthesised_conversion_is_an_equivalent(
        #[case] text: &str,
        #[case] currency: &str,
        #[case] other: &str,
        #[case] other_value: f64,
    ) {
        let a = one(text);
        assert_eq!(a.currency, currency);
        let eq = a.equivalent.expect("equivalent");
        assert_eq!(eq.currency, other);
        assert_eq!(eq.value, other_value);
        assert!(text[a.start..a.end].ends_with(')') || text.ends_with(&text[a.start..a.end]));
    }

    #[test]
    fn a_second_figure_in_another_currency_is_not_a_conversion() {
        // Not said to be the same figure: two figures.
        assert_eq!(
            amounts("exports of 100 billion rubles and $3 billion of grain").len(),
            2
        );
    }

    #[rstest]
    #[case("the 156 Soviet-assisted projects")]
    #[case("a border of more than 4,300 km")]
    #[case("for 13 years in a row")]
    #[case("in 2022 and 2023")]
    #[case("about 90 percent")]
    #[case("5 m of cable")]
    #[case("more than 20 bilateral cooperation documents")]
    fn numbers_without_a_currency_are_not_money(#[case] text: &str) {
        assert!(amounts(text).is_empty(), "{text}: {:?}", amounts(text));
    }

    #[test]
    fn two_amounts_in_one_sentence_stay_apart() {
        let found = amounts("exports of $110 billion and imports of $130 billion");
        assert_eq!(
            found.iter().map(|a| a.value).collect::<Vec<_>>(),
            vec![110e9, 130e9]
        );
    }
}
