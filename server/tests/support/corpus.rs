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

/// The English name of month `index` (0 for January).
fn month(index: u64) -> &'static str {
    u8::try_from(index + 1)
        .ok()
        .and_then(|n| chrono::Month::try_from(n).ok())
        .map_or("January", |m| m.name())
}

/// Article number `i`: a headline, a date line, a figure with its growth
/// rate, sometimes a visit, and a closing sentence that names the article.
pub(crate) fn article(i: u64) -> String {
    // Seeded by the article's number, so runs are comparable.
    let mut r = fastrand::Rng::with_seed(i);
    let a = r.usize(..COUNTRIES.len());
    let b = (a + 1 + r.usize(..COUNTRIES.len() - 1)) % COUNTRIES.len();
    let (name_a, adj_a) = COUNTRIES[a];
    let (name_b, adj_b) = COUNTRIES[b];
    let year = 1995 + r.i32(..30);
    let whole = 1 + r.u64(..180);
    let tenth = r.u64(..10);
    let growth = r.u64(..250) as f64 / 10.0;
    let dated = r.u64(..12);
    let day = 1 + r.u64(..28);
    let mut text = format!(
        "{name_a} and {name_b} deepen economic ties\n\n{} {day}, {}\n\n\
Trade between {name_a} and {name_b} rose {growth:.1} percent year on year to \
${whole}.{tenth} billion in {year}, according to customs data released on Monday.\n\n",
        month(dated),
        year + 1
    );
    if r.u64(..3) == 0 {
        text.push_str(&format!(
            "{adj_a} President Ana Costa held talks with {adj_b} Prime Minister Lee Park in \
the capital on {} {}, {}.\n\n",
            month(r.u64(..12)),
            1 + r.u64(..28),
            year + 1
        ));
    }
    text.push_str(&format!(
        "Officials said cooperation in energy, farming and technology would continue. \
(Dispatch {i} of the regional desk.)\n"
    ));
    text
}
