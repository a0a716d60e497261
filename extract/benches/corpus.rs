//! Deterministic corpora for benchmarks, written for this project (no article
//! text): `news` is articles as dense in figures and events as real reports
//! (one observation per ~4.6 KB and one event per ~3.3 KB, measured on the
//! reference articles), `dense` packs a figure into every ~150 bytes as a
//! stress test, and `pathological` is input built to hurt.

const PAIRS: [(&str, &str); 8] = [
    ("China", "Russia"),
    ("India", "Russia"),
    ("Japan", "China"),
    ("Brazil", "China"),
    ("Germany", "France"),
    ("Vietnam", "the United States"),
    ("Turkey", "Russia"),
    ("Kazakhstan", "China"),
];
const LEADERS: [&str; 6] = [
    "Chinese President Xi Jinping",
    "Russian President Vladimir Putin",
    "Indian Prime Minister Narendra Modi",
    "German Chancellor Olaf Scholz",
    "Brazilian President Luiz Lula",
    "Japanese Prime Minister Fumio Kishida",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FILLER: [&str; 6] = [
    "The two sides agreed to deepen cooperation in energy, agriculture and the digital economy.",
    "Officials said the partnership had withstood external pressure and would keep growing.",
    "Analysts noted that logistics bottlenecks at border crossings remained a concern.",
    "The ministers also discussed people-to-people exchanges, tourism and education.",
    "More than 20 cooperation documents were signed, covering finance and transport.",
    "The resumption rate of joint projects reached about 90 percent, the report said.",
];

/// A small linear congruential generator: deterministic, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }
}

/// About `bytes` of text with a trade figure, a rate or a visit in almost
/// every sentence (one figure every ~150 bytes): far denser than any article,
/// so every sentence runs the whole binder. A stress test, not news.
#[allow(dead_code)] // Each user of this module uses some of the corpora.
pub(crate) fn dense(bytes: usize) -> String {
    let mut rng = Lcg(0x7261_6465_6c69_6e65);
    let mut out = String::with_capacity(bytes + 512);
    while out.len() < bytes {
        let (a, b) = PAIRS[rng.next(PAIRS.len())];
        let year = 2015 + rng.next(10);
        let value = 10 + rng.next(290);
        let cents = rng.next(100);
        let growth = rng.next(400) as f64 / 10.0;
        let sentence = match rng.next(8) {
            0 => format!("Trade between {a} and {b} rose {growth} percent year-on-year to ${value}.{cents} billion in {year}."),
            1 => format!("In the first {} months of {year}, exports from {a} to {b} reached {value} billion yuan.", 2 + rng.next(10)),
            2 => format!("Bilateral trade between {a} and {b} stood at nearly ${value} billion last year, down {growth}% from a year earlier."),
            3 => format!(
                "{} held talks with {} in Moscow on {} {}, {year}.",
                LEADERS[rng.next(LEADERS.len())],
                LEADERS[rng.next(LEADERS.len())],
                MONTHS[rng.next(12)],
                1 + rng.next(28)
            ),
            4 => format!("{a} and {b} aim to raise two-way trade to ${} billion by {}.", value * 2, year + 5),
            _ => FILLER[rng.next(FILLER.len())].to_owned(),
        };
        out.push_str(&sentence);
        out.push(if rng.next(4) == 0 { '\n' } else { ' ' });
    }
    out
}

// The parts of the news-like corpus's sentences: who speaks, what they do,
// about what, and how the sentence ends. Combined at random, they make
// thousands of distinct sentences without digits, as most of a report is.
const SUBJECTS: [&str; 14] = [
    "The two sides",
    "Officials from both countries",
    "The foreign ministers",
    "Business leaders at the forum",
    "Observers in the region",
    "The joint commission",
    "Senior diplomats",
    "Representatives of regional governments",
    "The delegations",
    "Industry associations",
    "The central banks",
    "Experts at a state think tank",
    "Provincial authorities",
    "The heads of the customs services",
];
const VERBS: [&str; 12] = [
    "agreed to deepen",
    "pledged to expand",
    "discussed ways to strengthen",
    "called for closer",
    "reviewed progress on",
    "signed documents on",
    "stressed the importance of",
    "welcomed the growth of",
    "exchanged views on",
    "set up a working group on",
    "promised more support for",
    "highlighted the potential of",
];
const OBJECTS: [&str; 16] = [
    "cooperation in energy and agriculture",
    "the digital economy and e-commerce",
    "people-to-people exchanges",
    "cross-border logistics and transport corridors",
    "settlement in national currencies",
    "scientific and technological cooperation",
    "tourism, education and culture",
    "the supply of farm produce",
    "joint projects in aviation and shipbuilding",
    "investment protection",
    "customs procedures at land border crossings",
    "cooperation between small and medium-sized firms",
    "the development of the northern sea route",
    "green energy and climate action",
    "healthcare and pharmaceutical research",
    "the connection of regional payment systems",
];
const ENDINGS: [&str; 10] = [
    ", according to a statement released after the session.",
    ", the ministry said in a statement.",
    " as part of a longer-term plan.",
    ", calling it a priority for the coming years.",
    ", while acknowledging that obstacles remained.",
    " amid a changing international environment.",
    ", according to people familiar with the discussions.",
    ".",
    ", saying the partnership had withstood external pressure.",
    ", and said further consultations would follow.",
];
// Sentences about the countries that carry no figure but mention trade,
// meetings or visits in passing, as reports do.
const REMARKS: [&str; 12] = [
    "{a} has been {b}'s largest trading partner for several years in a row, officials noted.",
    "The visit will help {a} and {b} keep up high-level exchanges and deepen mutual trust.",
    "During the meeting, both sides spoke highly of the results achieved so far.",
    "Relations between {a} and {b} are at their best level in history, the spokesperson said.",
    "Trade and economic ties remain the ballast of relations between {a} and {b}.",
    "Companies from {a} are increasingly present in the markets of {b}, the chamber of commerce said.",
    "The agreement on mutual protection of investments is expected to take effect soon.",
    "Economists warned that sanctions and shipping costs weigh on exports from {a}.",
    "A new railway bridge across the border has shortened delivery times considerably.",
    "Both governments want to raise the share of national currencies in mutual settlements.",
    "The exhibition in {a} drew companies from {b} for the first time since the pandemic.",
    "Officials in {b} described the talks as constructive and forward-looking.",
];
// Sentences with numbers that are not trade figures: counts, years, shares.
const NUMBERS: [&str; 8] = [
    "More than {n} cooperation documents were signed, covering finance and transport.",
    "The forum, held for the {n}th time, brought together some {m} companies.",
    "The resumption rate of joint projects reached about {n} percent, the report said.",
    "The border between the two countries runs for more than {m} km.",
    "Some {m} students from {a} are studying in {b}, up from a few hundred a decade ago.",
    "In {y}, the two countries celebrated the anniversary of diplomatic relations.",
    "The {y} agreement set out {n} priority areas for joint work.",
    "{a} accounts for about {n} percent of the grain imported by {b}.",
];
const CITIES: [&str; 8] = [
    "MOSCOW",
    "BEIJING",
    "NEW DELHI",
    "TOKYO",
    "BRASILIA",
    "BERLIN",
    "HANOI",
    "ASTANA",
];

/// One sentence of filler: no figure, often no digit.
fn filler(rng: &mut Lcg, a: &str, b: &str) -> String {
    match rng.next(10) {
        0..=4 => format!(
            "{} {} {}{}",
            rng.pick(&SUBJECTS),
            rng.pick(&VERBS),
            rng.pick(&OBJECTS),
            rng.pick(&ENDINGS)
        ),
        5..=7 => rng.pick(&REMARKS).replace("{a}", a).replace("{b}", b),
        _ => rng
            .pick(&NUMBERS)
            .replace("{n}", &(2 + rng.next(90)).to_string())
            .replace("{m}", &(100 + rng.next(9000)).to_string())
            .replace("{y}", &(2001 + rng.next(23)).to_string())
            .replace("{a}", a)
            .replace("{b}", b),
    }
}

/// A sentence with a trade figure or a growth rate.
fn figure(rng: &mut Lcg, a: &str, b: &str, year: usize) -> String {
    let value = 10 + rng.next(290);
    let cents = rng.next(100);
    let growth = rng.next(400) as f64 / 10.0;
    match rng.next(4) {
        0 => format!("Trade between {a} and {b} rose {growth} percent year-on-year to ${value}.{cents} billion in {}.", year - 1),
        1 => format!("In the first {} months of {year}, exports from {a} to {b} reached {value} billion yuan, customs data showed.", 2 + rng.next(10)),
        2 => format!("Bilateral trade between {a} and {b} stood at nearly ${value} billion last year, according to official figures."),
        _ => format!("{a} and {b} aim to raise two-way trade to ${} billion by {}.", value * 2, year + 5),
    }
}

/// A sentence reporting a meeting, talks or a visit.
fn event(rng: &mut Lcg, year: usize) -> String {
    let x = rng.pick(&LEADERS);
    let y = rng.pick(&LEADERS);
    let month = rng.pick(&MONTHS);
    let day = 1 + rng.next(28);
    match rng.next(3) {
        0 => format!("{x} held talks with {y} in Moscow on {month} {day}, {year}."),
        1 => {
            format!("{x} met {y} on the sidelines of the summit in Kazan on {month} {day}, {year}.")
        }
        _ => format!(
            "{x} paid a state visit to Beijing on {month} {day}, {year}, at the invitation of {y}."
        ),
    }
}

/// About `bytes` of news-like text: articles of 3 to 6 KB with a headline, a
/// date line, a dateline and paragraphs of two to five sentences, with a
/// figure or an event about as often as in real reports.
#[allow(dead_code)] // Each user of this module uses some of the corpora.
pub(crate) fn news(bytes: usize) -> String {
    news_articles(bytes).concat()
}

/// [`news`] as its separate articles, each ending in a blank line.
#[allow(dead_code)] // Each user of this module uses some of the corpora.
pub(crate) fn news_articles(bytes: usize) -> Vec<String> {
    let mut rng = Lcg(0x6e65_7773_6c69_6b65);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let mut out = String::with_capacity(6200);
        let (a, b) = PAIRS[rng.next(PAIRS.len())];
        let year = 2016 + rng.next(9);
        let month = 1 + rng.next(12);
        let day = 1 + rng.next(28);
        let size = 3000 + rng.next(3000);
        out.push_str(&format!(
            "{a} and {b} {} {}\n\n",
            rng.pick(&["vow to deepen", "discuss", "look to expand", "review"]),
            rng.pick(&OBJECTS)
        ));
        if rng.next(2) == 0 {
            out.push_str(&format!("{} {day:02}, {year}\n\n", MONTHS[month - 1]));
        }
        out.push_str(&format!(
            "{}, {} {day} (Agency) -- ",
            rng.pick(&CITIES),
            MONTHS[month - 1]
        ));
        let mut sentences_in_paragraph = 0;
        let mut paragraph_length = 2 + rng.next(4);
        while out.len() < size {
            // One figure sentence in 50 and one event in 29: calibrated so the
            // extractor finds as many per KB as in the reference articles.
            let sentence = match rng.next(1000) {
                0..=19 => figure(&mut rng, a, b, year),
                20..=54 => event(&mut rng, year),
                _ => filler(&mut rng, a, b),
            };
            out.push_str(&sentence);
            sentences_in_paragraph += 1;
            if sentences_in_paragraph == paragraph_length {
                out.push_str("\n\n");
                sentences_in_paragraph = 0;
                paragraph_length = 2 + rng.next(4);
            } else {
                out.push(' ');
            }
        }
        out.push_str("\n\n");
        total += out.len();
        articles.push(out);
    }
    articles
}

/// Input built to hurt: long digit runs, no sentence breaks, many dots.
#[allow(dead_code)] // Each user of this module uses some of the corpora.
pub(crate) fn pathological(bytes: usize) -> String {
    let unit = "9999999999 trade $5 billion rose 3% and ... ";
    unit.repeat(bytes / unit.len() + 1)
}
