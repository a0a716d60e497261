//! A deterministic news-like corpus for benchmarks: trade figures, growth
//! rates, periods, visits and filler, in the proportions of real reports,
//! across many country pairs. Written for this project; no article text.

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
}

/// About `bytes` of news-like text, one article paragraph per line.
pub fn news(bytes: usize) -> String {
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

/// Input built to hurt: long digit runs, no sentence breaks, many dots.
#[allow(dead_code)] // Used by the benchmark, not by the corpus example.
pub fn pathological(bytes: usize) -> String {
    let unit = "9999999999 trade $5 billion rose 3% and ... ";
    unit.repeat(bytes / unit.len() + 1)
}
