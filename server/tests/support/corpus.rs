//! Generated articles for ingest tests and benchmarks: short, news-like,
//! deterministic, every one different, spread over many country pairs (never
//! China–Russia, so the reference articles' series stay theirs alone).

/// Countries the generator writes about: name and adjective.
const COUNTRIES: [(&str, &str); 24] = [
    ("Brazil", "Brazilian"),
    ("India", "Indian"),
    ("Japan", "Japanese"),
    ("Germany", "German"),
    ("France", "French"),
    ("Italy", "Italian"),
    ("Spain", "Spanish"),
    ("Mexico", "Mexican"),
    ("Canada", "Canadian"),
    ("Australia", "Australian"),
    ("Indonesia", "Indonesian"),
    ("Turkey", "Turkish"),
    ("Egypt", "Egyptian"),
    ("Nigeria", "Nigerian"),
    ("Kenya", "Kenyan"),
    ("Argentina", "Argentine"),
    ("Chile", "Chilean"),
    ("Peru", "Peruvian"),
    ("Vietnam", "Vietnamese"),
    ("Thailand", "Thai"),
    ("Malaysia", "Malaysian"),
    ("Poland", "Polish"),
    ("Sweden", "Swedish"),
    ("Norway", "Norwegian"),
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

/// A small deterministic generator (64-bit LCG), so runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Article number `i`: a headline, a date line, a figure with its growth
/// rate, sometimes a visit, and a closing sentence that names the article.
pub(crate) fn article(i: u64) -> String {
    let mut r = Lcg(i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03);
    let a = r.next(COUNTRIES.len() as u64) as usize;
    let b = (a + 1 + r.next(COUNTRIES.len() as u64 - 1) as usize) % COUNTRIES.len();
    let (name_a, adj_a) = COUNTRIES[a];
    let (name_b, adj_b) = COUNTRIES[b];
    let year = 1995 + r.next(30) as i32;
    let whole = 1 + r.next(180);
    let tenth = r.next(10);
    let growth = r.next(250) as f64 / 10.0;
    let month = r.next(12) as usize;
    let day = 1 + r.next(28);
    let mut text = format!(
        "{name_a} and {name_b} deepen economic ties\n\n{} {day}, {}\n\n\
Trade between {name_a} and {name_b} rose {growth:.1} percent year on year to \
${whole}.{tenth} billion in {year}, according to customs data released on Monday.\n\n",
        MONTHS[month],
        year + 1
    );
    if r.next(3) == 0 {
        text.push_str(&format!(
            "{adj_a} President Ana Costa held talks with {adj_b} Prime Minister Lee Park in \
the capital on {} {}, {}.\n\n",
            MONTHS[r.next(12) as usize],
            1 + r.next(28),
            year + 1
        ));
    }
    text.push_str(&format!(
        "Officials said cooperation in energy, farming and technology would continue. \
(Dispatch {i} of the regional desk.)\n"
    ));
    text
}
