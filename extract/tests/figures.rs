//! Table-driven cases for the whole figure pipeline: one short article each,
//! with its publication date given, and the one figure a careful reader takes
//! from it (or none). Written for this project; several pairs and currencies.

mod support;

use rstest::rstest;
use tradeline_extract::{
    extract,
    model::{Document, Observation},
    Options,
};

fn document(text: &str, published: &str) -> Document {
    support::document(text, Some(published))
}

fn figures(text: &str, published: &str) -> Vec<Observation> {
    document(text, published).observations
}

/// The first figure of `metric` among `found`.
fn first<'a>(found: &'a [Observation], metric: &str) -> &'a Observation {
    found
        .iter()
        .find(|o| o.metric.as_str() == metric)
        .unwrap_or_else(|| panic!("no {metric} in {found:#?}"))
}

/// The figure of `value` among `found`.
fn with_value(found: &[Observation], value: f64) -> &Observation {
    found
        .iter()
        .find(|o| o.value == value)
        .unwrap_or_else(|| panic!("no {value} in {found:#?}"))
}

/// (metric, pair, period label, value, qualifier)
type Want = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    Option<&'static str>,
);

fn check(text: &str, published: &str, want: Want) {
    let found = figures(text, published);
    let (metric, pair, period, value, qualifier) = want;
    let hit = found.iter().find(|o| {
        o.metric.as_str() == metric
            && o.pair.slug() == pair
            && o.period.label == period
            && (o.value - value).abs() <= value.abs() * 1e-6 + 1e-9
            && o.qualifier.map(|q| q.as_str()) == qualifier
    });
    assert!(hit.is_some(), "{text}\nwanted {want:?}\nfound {found:#?}");
}

#[rstest]
// Totals, several pairs and currencies.
#[case("Trade between China and Russia reached $240.1 billion in 2023.", "2024-01-15", ("trade_value", "CN-RU", "2023", 240.1e9, None))]
// India's fiscal year, April to March.
#[case("Bilateral trade between India and Russia hit a record $65.7 billion in 2023-24.", "2024-05-01", ("trade_value", "IN-RU", "Apr 2023–Mar 2024", 65.7e9, None))]
#[case("Two-way trade between Japan and China totalled about $318 billion last year.", "2024-02-20", ("trade_value", "CN-JP", "2023", 318e9, Some("about")))]
#[case("China-Brazil trade volume stood at 157.5 billion U.S. dollars in 2023.", "2024-03-01", ("trade_value", "BR-CN", "2023", 157.5e9, None))]
#[case("Sino-German trade reached 253.1 billion dollars in 2023, official data show.", "2024-04-01", ("trade_value", "CN-DE", "2023", 253.1e9, None))]
#[case("Trade turnover between Russia and Turkey amounted to some $57 billion last year.", "2024-06-01", ("trade_value", "RU-TR", "2023", 57e9, Some("some")))]
#[case("Trade between the EU and China was worth €739 billion in 2023.", "2024-05-01", ("trade_value", "CN-EU", "2023", 739e9, None))]
#[case("Kazakhstan and China saw bilateral trade of more than $41 billion in 2023.", "2024-01-20", ("trade_value", "CN-KZ", "2023", 41e9, Some("more than")))]
#[case("Trade between Vietnam and the United States totalled nearly $124 billion in 2023.", "2024-02-01", ("trade_value", "US-VN", "2023", 124e9, Some("nearly")))]
#[case("Bilateral trade between Russia and China exceeded 18 trillion rubles in 2023.", "2024-02-01", ("trade_value", "CN-RU", "2023", 18e12, Some("exceeding")))]
#[case("Trade between China and Russia rose to 1.7 trln yuan in 2023.", "2024-02-01", ("trade_value", "CN-RU", "2023", 1.7e12, None))]
#[case("Trade between South Korea and Vietnam reached roughly 80 billion dollars in 2023.", "2024-02-01", ("trade_value", "KR-VN", "2023", 80e9, Some("roughly")))]
#[case("Mexico-US trade was approximately $798 billion in 2023.", "2024-02-01", ("trade_value", "MX-US", "2023", 798e9, Some("approximately")))]
#[case("Trade between Indonesia and China reached almost $128 billion in 2023.", "2024-02-01", ("trade_value", "CN-ID", "2023", 128e9, Some("almost")))]
#[case("Trade between Canada and the U.S. was over $900 billion in 2022.", "2023-03-01", ("trade_value", "CA-US", "2022", 900e9, Some("over")))]
#[case("Trade between Britain and India was around £39 billion in 2023.", "2024-03-01", ("trade_value", "GB-IN", "2023", 39e9, Some("around")))]
#[case("Trade between Australia and China hit A$327 billion in 2023.", "2024-03-01", ("trade_value", "AU-CN", "2023", 327e9, None))]
#[case("Trade between Egypt and China reached $15.8 billion in 2023.", "2024-03-01", ("trade_value", "CN-EG", "2023", 15.8e9, None))]
// Bilateral without names takes the article's pair.
#[case("China and Russia deepen ties. China, Russia sign deals.\nIn 2024, bilateral trade reached nearly $250 billion.", "2025-05-08", ("trade_value", "CN-RU", "2024", 250e9, Some("nearly")))]
#[case("Japan and Australia talk trade. Japan, Australia.\nTwo-way trade was A$111 billion in 2022.", "2023-05-08", ("trade_value", "AU-JP", "2022", 111e9, None))]
// Periods.
#[case("Trade between China and Russia in the first eight months of this year rose to $150 billion.", "2023-09-07", ("trade_value", "CN-RU", "Jan–Aug 2023", 150e9, None))]
#[case("China-Russia trade in January-August reached $155 billion.", "2024-09-10", ("trade_value", "CN-RU", "Jan–Aug 2024", 155e9, None))]
#[case("In the first quarter of 2024, trade between China and Brazil was $39 billion.", "2024-05-10", ("trade_value", "BR-CN", "Q1 2024", 39e9, None))]
#[case("In the first half of 2023, India-China trade reached $67 billion.", "2023-07-20", ("trade_value", "CN-IN", "H1 2023", 67e9, None))]
#[case("In March 2024, trade between China and Vietnam was $16 billion.", "2024-04-20", ("trade_value", "CN-VN", "Mar 2024", 16e9, None))]
#[case("Trade between Germany and France reached €200 billion last year.", "2023-02-01", ("trade_value", "DE-FR", "2022", 200e9, None))]
#[case("This year, trade between China and Russia has reached $100 billion.", "2022-06-01", ("trade_value", "CN-RU", "2022", 100e9, None))]
#[case("In the first 10 months of 2023, China-Russia trade rose to $196 billion.", "2023-11-07", ("trade_value", "CN-RU", "Jan–Oct 2023", 196e9, None))]
#[case("In Q3 2023, exports from China to Russia reached $28 billion.", "2023-10-15", ("export_value", "CN-RU", "Q3 2023", 28e9, None))]
#[case("In the first three quarters of 2022, China-Russia trade was $137 billion.", "2022-10-20", ("trade_value", "CN-RU", "Jan–Sep 2022", 137e9, None))]
// Growth.
#[case("In 2022, China-Russia trade climbed 29.3 percent year-on-year to $190.27 billion.", "2023-03-01", ("trade_growth_yoy", "CN-RU", "2022", 29.3, None))]
#[case("China-Russia trade grew 26.3 percent in 2023.", "2024-01-12", ("trade_growth_yoy", "CN-RU", "2023", 26.3, None))]
#[case("Trade between China and Japan fell 10.7% year-on-year in 2023.", "2024-01-12", ("trade_growth_yoy", "CN-JP", "2023", -10.7, None))]
#[case("China-US trade declined 11.6 per cent in 2023 from a year earlier.", "2024-01-12", ("trade_growth_yoy", "CN-US", "2023", -11.6, None))]
#[case("China's exports to Russia jumped 46.9 percent in 2023.", "2024-01-12", ("export_growth_yoy", "CN-RU", "2023", 46.9, None))]
#[case("Russia's imports from China rose 47% in 2023.", "2024-01-12", ("import_growth_yoy", "CN-RU", "2023", 47.0, None))]
#[case("China's imports from Australia dropped 3.2 percent in the first half of 2024.", "2024-07-12", ("import_growth_yoy", "AU-CN", "H1 2024", -3.2, None))]
#[case("India's exports to the US increased 2.8 percent last year.", "2024-04-12", ("export_growth_yoy", "IN-US", "2023", 2.8, None))]
#[case("Trade between Brazil and China surged 21% in 2021.", "2022-02-01", ("trade_growth_yoy", "BR-CN", "2021", 21.0, None))]
#[case("China-EU trade shrank 7.1% in 2023.", "2024-02-01", ("trade_growth_yoy", "CN-EU", "2023", -7.1, None))]
#[case("The two-way trade volume between China and Russia in the first eight months of this year stood roughly at the same level with last year.", "2020-09-11", ("trade_growth_yoy", "CN-RU", "Jan–Aug 2020", 0.0, Some("roughly")))]
#[case("Trade between Japan and Korea remained flat in 2023.", "2024-02-01", ("trade_growth_yoy", "JP-KR", "2023", 0.0, Some("about")))]
#[case("Trade between China and Russia rose about 5 percent in 2019.", "2020-02-01", ("trade_growth_yoy", "CN-RU", "2019", 5.0, Some("about")))]
// Exports, imports, balances.
#[case("China's exports to Russia reached $110.97 billion in 2023.", "2024-01-12", ("export_value", "CN-RU", "2023", 110.97e9, None))]
#[case("Exports from Russia to China were $129.1 billion in 2023.", "2024-01-12", ("export_value", "RU-CN", "2023", 129.1e9, None))]
#[case("China's imports from Brazil totalled $122 billion in 2023.", "2024-01-12", ("import_value", "BR-CN", "2023", 122e9, None))]
#[case("Germany's exports to China fell to €97 billion in 2023.", "2024-02-12", ("export_value", "DE-CN", "2023", 97e9, None))]
#[case("Korea-Japan trade. Outbound shipments to Japan came to $29.6 billion in 2024, South Korea said.", "2025-01-15", ("export_value", "KR-JP", "2024", 29.6e9, None))]
#[case("Korea-Japan trade. Outbound shipments to Japan came to $29.6 billion in 2024, with inbound shipments reaching $47.6 billion.", "2025-01-15", ("import_value", "JP-KR", "2024", 47.6e9, None))]
#[case("Shipments from Vietnam to the United States rose to $137 billion in 2024.", "2025-01-15", ("import_value", "VN-US", "2024", 137e9, None))]
#[case("Brazil's exports to China reached $94.4 billion in 2024, while imports totalled $63.6 billion.", "2025-02-01", ("import_value", "CN-BR", "2024", 63.6e9, None))]
#[case("Imports from Chile were $41 billion in 2023 and exports rose to $21 billion, China's customs said.", "2024-02-01", ("export_value", "CN-CL", "2023", 21e9, None))]
#[case("China's trade surplus with the US was $279 billion in 2023.", "2024-01-12", ("trade_balance", "CN-US", "2023", 279e9, None))]
#[case("India's trade deficit with China widened to $85 billion in 2023.", "2024-04-12", ("trade_balance", "IN-CN", "2023", -85e9, None))]
// Whose balance: the country left with it, the partner after it, the side the flows report from.
#[case("Exports to Australia rose 3.1 percent to 2.3 trillion yen in 2024, leaving Japan with a deficit of 5.6 trillion yen.", "2025-01-22", ("trade_balance", "JP-AU", "2024", -5.6e12, None))]
#[case("In 2024 Germany ran a trade surplus of €62 billion with the US.", "2025-02-10", ("trade_balance", "DE-US", "2024", 62e9, None))]
#[case("In 2023 the deficit with China reached $85 billion, India's commerce ministry said.", "2024-04-12", ("trade_balance", "IN-CN", "2023", -85e9, None))]
#[case("Outbound shipments to Japan fell 5 percent to $29 billion in 2023, leaving a deficit of $18 billion, South Korea's trade ministry said.", "2024-01-10", ("trade_balance", "KR-JP", "2023", -18e9, None))]
// A capital where leaders met is a place, not a trading party.
#[case("Putin and Turkish President Erdogan met in Astana and said trade between Turkey and Russia reached $57 billion in 2023.", "2024-07-04", ("trade_value", "RU-TR", "2023", 57e9, None))]
#[case("Trade between Turkey and Russia fell in 2023. Russian President Putin met Erdogan in Astana and reiterated the goal of raising annual trade to $100 billion by 2030.", "2024-07-04", ("trade_target", "RU-TR", "2030", 100e9, None))]
// The base of a comparison is a year before what the sentence reports.
#[case("Mexico was the largest U.S. trading partner in 2024, with two-way goods trade of $839.9 billion, up from $798.8 billion a year earlier.", "2025-02-06", ("trade_value", "MX-US", "2023", 798.8e9, None))]
#[case("Mexico was the largest U.S. trading partner in 2024, with two-way goods trade of $839.9 billion, up from $798.8 billion a year earlier.", "2025-02-06", ("trade_value", "MX-US", "2024", 839.9e9, None))]
#[case("India's bilateral trade with Russia jumped to a record $65.7 billion in 2023-24, compared to $49.4 billion in the previous fiscal.", "2024-05-20", ("trade_value", "IN-RU", "Apr 2022–Mar 2023", 49.4e9, None))]
#[case("Exports to Brazil reached $12 billion in the first half of 2024, against $10 billion in the same period a year earlier, Chinese customs said.", "2024-07-20", ("export_value", "CN-BR", "H1 2023", 10e9, None))]
#[case("Trade between Malaysia and China rose to a record RM484.1 billion in 2024 from RM450.8 billion in 2023.", "2025-01-18", ("trade_value", "CN-MY", "2023", 450.8e9, None))]
// Other currencies.
#[case("Trade between Malaysia and China rose to a record RM484.1 billion in 2024 from RM450.8 billion in 2023.", "2025-01-18", ("trade_value", "CN-MY", "2024", 484.1e9, None))]
#[case("India's exports to the UAE were Rs 2.9 lakh crore in 2023.", "2024-05-01", ("export_value", "IN-AE", "2023", 2.9e12, None))]
#[case("Thailand's exports to China reached about 1.2 trillion baht in 2023.", "2024-02-01", ("export_value", "TH-CN", "2023", 1.2e12, Some("about")))]
// "Mutual trade" is the article's two countries; "U.S. dollars" names no country.
#[case("Trade between Russia and India grew in 2024. In the first quarter of 2025, mutual trade decreased by 3% year-on-year to $15.6 bln.", "2025-04-12", ("trade_value", "IN-RU", "Q1 2025", 15.6e9, None))]
#[case("Trade between China and Brazil reached 1.2 trillion yuan (about 168 billion U.S. dollars) in 2024.", "2025-01-20", ("trade_value", "BR-CN", "2024", 1.2e12, None))]
// "Little changed" is about 0.
#[case("Trade between Brazil and China totaled $158 billion in 2024, little changed from the previous year.", "2025-02-04", ("trade_growth_yoy", "BR-CN", "2024", 0.0, Some("about")))]
// "Its largest export market" describes the country, not the figure.
#[case("Vietnam's exports to the US, its largest export market, rose 23.2% to $136.6 billion in 2024.", "2025-01-09", ("export_value", "VN-US", "2024", 136.6e9, None))]
#[case("Vietnam's exports to the US, its largest export market, rose 23.2% to $136.6 billion in 2024.", "2025-01-09", ("export_growth_yoy", "VN-US", "2024", 23.2, None))]
// Hyphenated scales; goods "traded between" the two countries.
#[case("Canada's merchandise trade with China slipped to $118.7-billion in 2024.", "2025-02-10", ("trade_value", "CA-CN", "2024", 118.7e9, None))]
#[case("China was again Germany's most important trading partner in 2024, with goods worth 246.3 billion euros traded between the two countries.", "2025-02-20", ("trade_value", "CN-DE", "2024", 246.3e9, None))]
// Last month, against the publication month.
#[case("Shipments from China to Russia dropped 15.6% year-on-year to $7.1 billion last month, customs data showed.", "2025-02-07", ("import_value", "CN-RU", "Jan 2025", 7.1e9, None))]
// Ranges and equivalents.
#[case("Trade between Russia and India is estimated at $55 billion to $57 billion in 2023.", "2024-02-01", ("trade_value", "IN-RU", "2023", 56e9, None))]
#[case("Trade between China and Russia reached 1.64 trillion yuan ($240 billion) in 2023.", "2024-02-01", ("trade_value", "CN-RU", "2023", 1.64e12, None))]
// Today's: the latest full year.
#[case("Today's bilateral trade between China and Russia of 244.8 billion U.S. dollars is a record.", "2025-04-02", ("trade_value", "CN-RU", "2024", 244.8e9, None))]
// Targets.
#[case("China and Russia aim to raise bilateral trade to $200 billion by 2024.", "2019-06-01", ("trade_target", "CN-RU", "2024", 200e9, None))]
#[case("India and Russia plan to reach $100 billion in trade by 2030.", "2024-07-09", ("trade_target", "IN-RU", "2030", 100e9, None))]
fn figures_are_bound_to_measure_pair_and_period(
    #[case] text: &str,
    #[case] published: &str,
    #[case] want: Want,
) {
    check(text, published, want);
}

#[rstest]
#[case("China has been Russia's largest trading partner for 13 consecutive years.")]
#[case("The two countries share a border of more than 4,300 km.")]
#[case("From the 156 Soviet-assisted projects to China in the early years, cooperation grew.")]
#[case("The resumption rate of cooperation projects between China and Russia has reached about 90 percent.")]
#[case("Over 1,000 projects will be held under the framework of the China-Russia theme year.")]
#[case("The leaders witnessed the exchange of more than 20 bilateral cooperation documents.")]
#[case("China and Russia marked the 80th anniversary of the victory.")]
#[case("Russia will invest $5 billion in Chinese ports, Putin and Xi said in 2023.")]
#[case("The US raised tariffs on Chinese goods to 25 percent in 2019.")]
#[case("China accounted for 35 percent of Russia's trade in 2023.")]
#[case("Saudi Arabia's crude exports to China reached about $45bn in 2024.")]
#[case("Brazil's soybean exports to China were $31 billion in 2024.")]
#[case("Non-oil trade between Saudi Arabia and China grew by 12 pct in 2024.")]
#[case("Services trade between India and the US reached $70 billion in 2023.")]
#[case("A $10 billion loan from China to Russia was signed in 2022.")]
#[case("Chinese investment in Brazil reached $1.7 billion in 2023.")]
#[case("The deal between India and Russia is worth $3 billion, officials said in 2023.")]
#[case("China's GDP grew 5.2 percent in 2023, while Russia's grew 3.6 percent.")]
#[case("Inflation in Russia rose 7.4 percent in 2023.")]
#[case("Trade between the two countries rose sharply.")]
#[case("Russia and China held sports exchanges in 2022 and 2023.")]
#[case("The bank's assets in China rose to $12 billion in 2023.")]
#[case("Exports of Chinese cars to Russia jumped to $23 billion in 2023.")]
#[case("Russia's imports of crude oil from Iraq reached $5 billion in 2023.")]
#[case("In 2023, China imported 107 million tonnes of Russian crude worth $60.6 billion.")]
#[case("China exported 900,000 cars to Russia in 2023, worth about $20 billion.")]
fn numbers_that_are_not_trade_figures(#[case] text: &str) {
    let found = figures(text, "2024-01-01");
    assert!(found.is_empty(), "{text}\nfound {found:#?}");
}

#[test]
fn a_relative_period_without_a_publication_date_is_kept_undated_not_guessed() {
    let x = extract(
        "case.txt",
        b"Trade between China and Russia reached $240 billion last year.",
        &Options::default(),
    )
    .expect("extracts");
    let [o] = x.document.observations.as_slice() else {
        panic!("{:#?}", x.document.observations);
    };
    assert!(o.period.unresolved, "{:?}", o.period);
    assert!(o.period.label.contains("last year"), "{}", o.period.label);
    assert!(o.provenance.reason.contains("left for a reader to date"));
}

#[rstest]
#[case::at_present("Trade between Chile and Peru at present amounts to $9 billion.")]
#[case::currently("Trade between Chile and Peru currently stands at about $9 billion a year.")]
fn a_level_at_the_time_of_writing_is_kept_undated(#[case] text: &str) {
    let found = figures(text, "2025-04-02");
    let o = first(&found, "trade_value");
    assert!(o.period.unresolved, "{:?}", o.period);
}

#[test]
fn two_clauses_give_two_figures() {
    let found = figures(
        "In 2023, China's exports to Russia rose to $111 billion, while imports from Russia reached $129 billion.",
        "2024-01-12",
    );
    let exports = first(&found, "export_value");
    assert_eq!(exports.pair.slug(), "CN-RU");
    assert_eq!(exports.value, 111e9);
    let imports = found
        .iter()
        .find(|o| o.metric.as_str() == "import_value")
        .expect("imports");
    assert_eq!(imports.pair.slug(), "RU-CN");
    assert_eq!(imports.value, 129e9);
}

#[test]
fn the_same_period_refers_back() {
    let found = figures(
        "China-Russia trade reached $150 billion in the first eight months of 2023. China's exports to Russia rose 65 percent in the same period.",
        "2023-09-10",
    );
    let growth = first(&found, "export_growth_yoy");
    assert_eq!(growth.period.label, "Jan–Aug 2023");
}

#[test]
fn a_sentence_without_a_period_takes_the_one_just_before() {
    let text = "Trade between Vietnam and China reached $205 billion in 2024. \
                Vietnam's exports to China reached $61.2 billion, while imports from China hit $144.8 billion.";
    let found = figures(text, "2025-01-10");
    let exports = first(&found, "export_value");
    assert_eq!(exports.period.label, "2024");
    assert_eq!(exports.pair.slug(), "VN-CN");
    assert!(exports
        .provenance
        .reason
        .contains("the article reports 2024 before"));
    assert!(exports.provenance.confidence < 0.9);
    assert!(found
        .iter()
        .any(|o| o.metric.as_str() == "import_value" && o.period.label == "2024"));
}

#[test]
fn a_period_is_carried_from_the_first_figure_before_not_its_comparison_base() {
    let text = "The EU's deficit with China stood at 304.5 billion euros in 2024, compared with 291 billion euros in 2023. \
                EU exports to China slipped 4.5% to 213.3 billion euros, while imports edged up 0.5% to 517.8 billion euros.";
    let found = figures(text, "2025-03-03");
    let exports = first(&found, "export_value");
    assert_eq!(exports.period.label, "2024");
}

#[rstest]
#[case::continent(
    "Trade between China and Africa reached 2.1 trillion yuan (about 295.6 billion U.S. dollars) in 2024. Kenyan President William Ruto will visit China.",
    "AFRICA-CN"
)]
#[case::asean(
    "China-ASEAN trade rose to $982 billion in 2024. Indonesia and China signed deals.",
    "ASEAN-CN"
)]
#[case::eurasian_union(
    "Trade between the Eurasian Economic Union and Egypt reached $9 billion in 2023.",
    "EAEU-EG"
)]
#[case::gulf_council(
    "Trade between India and the Gulf Cooperation Council rose to $162 billion in 2023.",
    "GCC-IN"
)]
fn a_bloc_or_continent_is_a_party(#[case] text: &str, #[case] pair: &str) {
    let found = figures(text, "2025-01-20");
    assert!(
        found
            .iter()
            .any(|o| o.pair.slug() == pair && o.metric.as_str() == "trade_value"),
        "{found:#?}"
    );
}

#[rstest]
#[case(
    "Trade between China and Latin America reached $480 billion in 2024.",
    "Latin America"
)]
#[case(
    "Kazakhstan's trade with Central Asia rose to $6 billion in 2024.",
    "Central Asia"
)]
fn a_region_without_a_code_is_not_a_party(#[case] text: &str, #[case] region: &str) {
    let doc = document(text, "2025-01-20");
    assert!(doc.observations.is_empty(), "{:#?}", doc.observations);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains(&format!("'{region}', is a region"))),
        "{:#?}",
        doc.warnings
    );
}

#[test]
fn south_africa_is_a_country_not_the_region() {
    let found = figures(
        "Trade between China and South Africa reached $55 billion in 2024.",
        "2025-01-20",
    );
    assert!(found.iter().any(|o| o.pair.slug() == "CN-ZA"), "{found:#?}");
}

#[test]
fn a_bare_dollar_sign_from_a_dollar_country() {
    // The Canadian Press writes "$" for Canada's dollar and "US$" for the
    // American one.
    let text = "Canada and China\n\nOTTAWA, Feb 10, 2025 (CP) - Canada's merchandise trade with China slipped to $118.7-billion in 2024.\n\nWASHINGTON, Feb 10 - Trade between the US and China fell to $582 billion in 2024.\n";
    let found = figures(text, "2025-02-10");
    let canada = found
        .iter()
        .find(|o| o.pair.slug() == "CA-CN")
        .expect("Canada");
    assert_eq!(canada.currency.as_deref(), Some("CAD"));
    // Singapore's papers write "$" for both: read as the US dollar, flagged.
    let found = figures(
        "SINGAPORE, Feb 10, 2025 (Reuters) - Singapore's trade with China slipped to $118.7 billion in 2024.",
        "2025-02-10",
    );
    let singapore = found.first().expect("Singapore");
    assert_eq!(singapore.currency.as_deref(), Some("USD"));
    assert!(
        singapore.provenance.reason.contains("from SINGAPORE"),
        "{}",
        singapore.provenance.reason
    );
    assert!(singapore.provenance.confidence < 0.75);
    let written_as_us = figures(
        "OTTAWA, Feb 10, 2025 (Reuters) - Canada's trade with China slipped to US$85 billion in 2024.",
        "2025-02-10",
    );
    assert!(!written_as_us[0].provenance.reason.contains("local dollar"));
    assert_eq!(written_as_us[0].currency.as_deref(), Some("USD"));
}

#[test]
fn growth_since_a_past_date_is_not_a_yearly_rate() {
    let text = "Trade between Mexico and the US has grown more than 50% since the USMCA took effect in July 2020.";
    let doc = document(text, "2025-02-06");
    assert!(doc.observations.is_empty(), "{:#?}", doc.observations);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("growth since a past date")),
        "{:#?}",
        doc.warnings
    );
}

#[test]
fn the_period_in_force_carries_across_sentences_without_figures() {
    let text = "Trade between Vietnam and China reached $205 billion in 2024. The two sides signed deals. Vietnam's exports to China reached $61.2 billion.";
    let exports = figures(text, "2025-01-10")
        .into_iter()
        .find(|o| o.metric.as_str() == "export_value")
        .expect("exports");
    assert_eq!(exports.period.label, "2024");
}

#[rstest]
// Only from a report, never a goal, and not from nothing.
#[case("The two countries aim to raise trade to $300 billion by 2030. Vietnam's exports to China reached $61.2 billion.")]
#[case("Vietnam's exports to China reached $61.2 billion.")]
fn a_period_is_not_carried_further(#[case] text: &str) {
    let found = figures(text, "2025-01-10");
    assert!(
        !found.iter().any(|o| o.metric.as_str() == "export_value"),
        "{text}\nfound {found:#?}"
    );
}

#[test]
fn an_equivalent_is_kept_on_the_figure_and_reported_as_a_conversion() {
    let found = figures(
        "Trade between China and Russia reached 1.64 trillion yuan ($240 billion) in 2023.",
        "2024-02-01",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    let base = with_value(&found, 1.64e12);
    let eq = base.equivalent.as_ref().expect("equivalent");
    assert_eq!((eq.currency.as_str(), eq.value), ("USD", 240e9));
    assert!(!base.converted);
    let conversion = with_value(&found, 240e9);
    assert!(conversion.converted);
    assert_eq!(conversion.currency.as_deref(), Some("USD"));
    assert_eq!(conversion.period.label, "2023");
    assert_eq!(conversion.as_written, "$240 billion");
}

#[test]
fn a_range_keeps_both_ends() {
    let found = figures(
        "Trade between Russia and India is estimated at $55 billion to $57 billion in 2023.",
        "2024-02-01",
    );
    assert_eq!(found[0].range, Some([55e9, 57e9]));
}

#[test]
fn targets_are_not_reported_results() {
    let found = figures(
        "China and Russia aim to raise bilateral trade to $200 billion by 2024.",
        "2019-06-01",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        serde_json::to_value(found[0].status).expect("json"),
        "target"
    );
}

#[test]
fn a_figure_by_a_year_to_come_is_a_goal() {
    let found = figures(
        "Trade between Kazakhstan and China rose in 2023. The leaders discussed raising trade between Kazakhstan and China to $80 billion by 2030.",
        "2024-07-03",
    );
    let goal = first(&found, "trade_target");
    assert_eq!(goal.value, 80e9);
    assert!(
        found.iter().all(|o| o.metric.as_str() != "trade_value"),
        "{found:#?}"
    );
    // A year already past is a result reached by then.
    let found = figures(
        "Trade between Kazakhstan and China had reached $31 billion by 2022, officials said.",
        "2024-07-03",
    );
    assert_eq!(first(&found, "trade_value").value, 31e9);
}

#[test]
fn reaching_a_figure_after_a_reported_change_is_a_result() {
    let found = figures(
        "Trade turnover between Kazakhstan and China grew by 32 percent in 2023 to reach a record $41 billion.",
        "2024-07-03",
    );
    let value = first(&found, "trade_value");
    assert_eq!(value.value, 41e9);
    assert_eq!(value.period.label, "2023");
    // A goal stays a goal, even with a change word before it.
    for text in [
        "Trade between China and Russia grew in 2023 and the sides aim to reach $300 billion by 2030.",
        "Exports rose 5% in 2023; officials expect them to reach $50 billion in 2025.",
    ] {
        let found = figures(text, "2024-07-03");
        assert!(
            found.iter().all(|o| o.metric.as_str() != "trade_value" && o.metric.as_str() != "export_value"),
            "{text}\n{found:#?}"
        );
    }
}

#[rstest]
#[case("Egypt's trade with Russia reached $4.8 billion in 2023, compared to $4.1 billion in 2022, an increase of 17.1 percent.", "2022")]
#[case("Brazil's exports to China totaled US$ 104.3 billion in 2023, an increase of 16.5% compared to 2022.", "2022")]
fn a_rate_compared_with_the_year_before_by_name_is_yearly_growth(
    #[case] text: &str,
    #[case] year: &str,
) {
    let found = figures(text, "2024-03-01");
    let rate = found
        .iter()
        .find(|o| o.unit.as_deref() == Some("percent"))
        .expect("a rate");
    let reason = &rate.provenance.reason;
    assert!(
        reason.contains(&format!("compares with {year}, the year before")),
        "{reason}"
    );
    assert!(
        rate.provenance.confidence >= 0.75,
        "{}",
        rate.provenance.confidence
    );
}

#[test]
fn a_rate_compared_with_another_year_is_not_said_to_be_yearly() {
    let found = figures(
        "Brazil's exports to China totaled US$ 104.3 billion in 2023, an increase of 40% compared to 2019.",
        "2024-03-01",
    );
    let rate = found
        .iter()
        .find(|o| o.unit.as_deref() == Some("percent"))
        .expect("a rate");
    assert!(
        rate.provenance.reason.contains("no comparison stated"),
        "{}",
        rate.provenance.reason
    );
}

#[test]
fn a_sentence_naming_no_country_takes_the_pair_of_the_one_before() {
    let text =
        "Trade turnover between Kazakhstan and China reached $41 billion in 2023, officials said. \
                In the first five months of 2024, trade turnover amounted to $17.4 billion.";
    let found = figures(text, "2024-07-03");
    let part_year = with_value(&found, 17.4e9);
    assert_eq!(part_year.pair.slug(), "CN-KZ");
    assert!(
        part_year
            .provenance
            .reason
            .contains("the article speaks of CN and KZ"),
        "{}",
        part_year.provenance.reason
    );
    // Also across a sentence without figures.
    let text = "Trade turnover between Kazakhstan and China reached $41 billion in 2023. \
                The leaders praised the results. \
                In the first five months of 2024, trade turnover amounted to $17.4 billion.";
    assert_eq!(
        with_value(&figures(text, "2024-07-03"), 17.4e9).pair.slug(),
        "CN-KZ"
    );
}

#[test]
fn a_countrys_trade_with_the_world_is_not_a_pair_figure() {
    let text = "China and Russia held talks in Beijing on trade. \
                China's foreign trade rose 5.2 percent year on year to 36.02 trillion yuan in the first 10 months of 2024. \
                Russia's total exports fell 9 percent to $425 billion in 2023. \
                Trade between China and Russia reached 1.47 trillion yuan in the first 10 months of 2024.";
    let found = figures(text, "2024-11-07");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].value, 1.47e12);
    let warnings = document(text, "2024-11-07").warnings;
    assert!(
        warnings.iter().any(|w| w
            .message
            .contains("'foreign trade' is trade with the whole world")),
        "{warnings:#?}"
    );
    // "Total trade between the two countries" is the pair's.
    let found = figures(
        "China and Russia held talks. Total trade between the two countries reached a record $244.8 billion in 2024.",
        "2025-04-02",
    );
    assert_eq!(first(&found, "trade_value").pair.slug(), "CN-RU");
    // The period of a figure left out for its pair is still "the same period".
    let text = "China's foreign trade rose 5.2 percent to 36.02 trillion yuan in the first 10 months of 2024. \
                Trade between China and Russia reached 1.47 trillion yuan in the same period.";
    let found = figures(text, "2024-11-07");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].period.label, "Jan–Oct 2024");
}

#[test]
fn a_headlines_rounded_figure_gives_way_to_the_bodys_exact_one() {
    let text = "Russia-China trade turnover grows 26% to $240 billion in 2023\n\n\
                Trade turnover between Russia and China grew by 26.3% in 2023 to reach $240.1 billion.";
    let found = figures(text, "2024-01-12");
    let values: Vec<f64> = found.iter().map(|o| o.value).collect();
    assert_eq!(values.len(), 2, "{found:#?}");
    assert!(
        values.contains(&26.3) && values.contains(&240.1e9),
        "{values:?}"
    );
    // Figures that differ by more than the rounding are both kept.
    let text = "Trade between Russia and China grew by 26% in 2023.\n\n\
                Trade between Russia and China grew by 27.3% in 2023.";
    assert_eq!(figures(text, "2024-01-12").len(), 2);
}

#[test]
fn a_figure_named_as_a_target_is_the_goal() {
    let found = figures(
        "Russian-Chinese trade exceeded the $200 billion target set by the two leaders in 2023.",
        "2024-01-12",
    );
    assert!(
        found.iter().all(|o| o.metric.as_str() != "trade_value"),
        "{found:#?}"
    );
}

#[test]
fn a_bound_an_exact_figure_meets_is_not_a_second_value() {
    let text = "Trade between China and Brazil exceeded $150 billion in 2022 for the first time, reaching $171.49 billion. \
                It was the fifth year that trade between China and Brazil surpassed $100 billion.";
    let found = figures(text, "2023-01-14");
    let values: Vec<f64> = found.iter().map(|o| o.value).collect();
    assert_eq!(values, [171.49e9], "{found:#?}");
    // A bound the exact figure does not meet is kept: the two disagree.
    let text =
        "Trade between China and Brazil exceeded $180 billion in 2022, reaching $171.49 billion.";
    assert_eq!(figures(text, "2023-01-14").len(), 2);
}

#[test]
fn a_period_is_carried_through_a_sentence_of_other_money() {
    let text = "Chile's exports to China rose 3.1 pct in 2023 to $38.5 bln. \
                Copper exports to China alone were worth $22.1 bln. \
                Imports from China fell 11 pct to $17.9 bln.";
    let found = figures(text, "2024-01-18");
    let imports = first(&found, "import_value");
    assert_eq!(imports.value, 17.9e9);
    assert_eq!(imports.period.label, "2023");
    // And through a sentence without money.
    let text = "Chile's exports to China rose 3.1 pct in 2023 to $38.5 bln. \
                Copper led the shipments. \
                Imports from China fell 11 pct to $17.9 bln.";
    let found = figures(text, "2024-01-18");
    assert_eq!(first(&found, "import_value").period.label, "2023");
}

#[test]
fn exports_of_goods_and_services_are_the_whole() {
    let found = figures(
        "Exports of goods and services from India to China rose to $50 billion in 2023.",
        "2024-03-01",
    );
    assert_eq!(first(&found, "export_value").value, 50e9);
}

/// (metric, pair, value) of every figure found.
fn triples(found: &[Observation]) -> Vec<(String, String, f64)> {
    let mut t: Vec<(String, String, f64)> = found
        .iter()
        .map(|o| (o.metric.as_str().to_owned(), o.pair.slug(), o.value))
        .collect();
    t.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    t
}

#[rstest]
#[case::partners_for_rates_and_values(
    "South Korea's exports to China and the United States rose 5.3% and 10.2%, respectively, to $50.1 billion and $62.4 billion in the first half of 2024.",
    &[("export_growth_yoy", "KR-CN", 5.3), ("export_growth_yoy", "KR-US", 10.2), ("export_value", "KR-CN", 50.1e9), ("export_value", "KR-US", 62.4e9)]
)]
#[case::partners_of_imports(
    "Thailand's imports from Chile and Peru were $6 billion and $2 billion, respectively, in 2023.",
    &[("import_value", "CL-TH", 6e9), ("import_value", "PE-TH", 2e9)]
)]
#[case::measures_named_by_one_phrase(
    "Korea's exports and imports with China were $124.8 billion and $142.9 billion, respectively, in 2023.",
    &[("export_value", "KR-CN", 124.8e9), ("import_value", "CN-KR", 142.9e9)]
)]
#[case::measures_named_apart(
    "Egypt's exports to Ghana and its imports from Ghana stood at $0.4 billion and $0.9 billion, respectively, in 2022.",
    &[("export_value", "EG-GH", 0.4e9), ("import_value", "GH-EG", 0.9e9)]
)]
fn figures_listed_respectively_go_one_to_one(
    #[case] text: &str,
    #[case] want: &[(&str, &str, f64)],
) {
    let found = figures(text, "2024-09-03");
    let mut want: Vec<(String, String, f64)> = want
        .iter()
        .map(|(m, p, v)| ((*m).to_owned(), (*p).to_owned(), *v))
        .collect();
    want.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    assert_eq!(triples(&found), want, "{text}\n{found:#?}");
}

#[test]
fn figures_listed_respectively_in_other_numbers_are_left_out() {
    let doc = document(
        "Brazil's exports to Chile, Peru and Bolivia rose 3% and 5%, respectively, in 2023.",
        "2024-09-03",
    );
    assert!(doc.observations.is_empty(), "{:#?}", doc.observations);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("'respectively'")),
        "{:#?}",
        doc.warnings
    );
}

#[test]
fn figures_listed_respectively_for_periods_are_read() {
    let found = figures(
        "Trade between Korea and China was $267.7 billion in 2023 and $310.6 billion in 2022, respectively.",
        "2024-09-03",
    );
    let periods: Vec<&str> = found.iter().map(|o| o.period.label.as_str()).collect();
    assert_eq!(periods, ["2023", "2022"]);
}

#[rstest]
#[case(
    "Trade between Chile and China fell to $5.1 billion in 2023 from $6.3 billion.",
    6.3e9,
    "2022"
)]
#[case(
    "Trade between Canada and Mexico was $56 billion in 2023, up from $52 billion.",
    52e9,
    "2022"
)]
#[case(
    "Trade between Chile and China rose from $4.8 billion to $5.1 billion in 2023.",
    4.8e9,
    "2022"
)]
// A value changed from with its own period keeps it.
#[case(
    "Trade between Chile and China fell to $5.1 billion in 2023 from $6.3 billion in 2021.",
    6.3e9,
    "2021"
)]
fn a_value_changed_from_is_the_year_befores(
    #[case] text: &str,
    #[case] value: f64,
    #[case] period: &str,
) {
    let found = figures(text, "2024-03-03");
    let base = with_value(&found, value);
    assert_eq!(base.period.label, period, "{}", base.provenance.reason);
}

#[test]
fn exports_described_as_mostly_one_kind_are_still_the_whole() {
    let found = figures(
        "Russia's exports to China, mostly oil and gas, rose to $129 billion in 2023.",
        "2024-03-01",
    );
    assert_eq!(first(&found, "export_value").value, 129e9);
}

#[test]
fn it_after_a_total_is_that_total() {
    let text = "Two-way trade between Vietnam and the United States reached $123.86 billion in 2022. \
                In the first eight months of this year, it totaled $70.8 billion, down 17.8% year-on-year.";
    let found = figures(text, "2023-09-10");
    let part = with_value(&found, 70.8e9);
    assert_eq!(part.metric.as_str(), "trade_value");
    assert_eq!(part.pair.slug(), "US-VN");
    assert_eq!(part.period.label, "Jan–Aug 2023");
    assert!(found.iter().any(|o| o.value == -17.8));
    // After exports, "it" is those exports.
    let text = "Vietnam's exports to the United States reached $97 billion in 2023. \
                In the first eight months of this year, it totaled $70.8 billion.";
    let part = with_value(&figures(text, "2024-09-10"), 70.8e9).clone();
    assert_eq!(part.metric.as_str(), "export_value");
    assert_eq!(part.pair.slug(), "VN-US");
}

#[test]
fn figures_quoted_in_us_dollars_keep_the_articles_pair() {
    // Every figure in "US$": the article is still about Brazil and China.
    let text = "Brazil and China trade in 2023\n\n\
                Brazil's exports to China reached US$104.3 billion in 2023. \
                Imports from China totalled US$53.2 billion, down 12.8% on 2022. \
                The surplus with China was US$51.1 billion.";
    let found = figures(text, "2024-01-20");
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found.iter().all(|o| {
            let mut pair = [o.pair.0.as_str(), o.pair.1.as_str()];
            pair.sort_unstable();
            pair == ["BR", "CN"]
        }),
        "{found:#?}"
    );
    let imports = first(&found, "import_value");
    assert_eq!(
        (imports.pair.0.as_str(), imports.pair.1.as_str()),
        ("CN", "BR")
    );
    // "down 12.8% on 2022" compares with the year before.
    let rate = first(&found, "import_growth_yoy");
    assert_eq!(rate.value, -12.8);
    assert!(
        rate.provenance.reason.contains("compares with 2022"),
        "{}",
        rate.provenance.reason
    );
}

#[rstest]
#[case(
    "China's imports from Russia reached $107.9 bln in 2023 (+1.6% y/y).",
    1.6
)]
#[case("China's imports from Russia were $107.9 bln in 2023, -2.1% YoY.", -2.1)]
fn a_signed_rate_carries_its_direction(#[case] text: &str, #[case] value: f64) {
    let found = figures(text, "2024-01-20");
    let rate = first(&found, "import_growth_yoy");
    assert_eq!(rate.value, value);
    assert_eq!(rate.period.label, "2023");
}

#[test]
fn so_far_this_year_is_the_part_of_the_year_reported_before() {
    let text =
        "Turkey's trade with Russia totaled $38.2 billion in the first eight months of the year. \
                Exports to Russia so far this year fell 30 percent to $5.9 billion.";
    let found = figures(text, "2024-09-05");
    let exports = first(&found, "export_value");
    assert_eq!(exports.period.label, "Jan–Aug 2024");
    assert_eq!(
        first(&found, "export_growth_yoy").period.label,
        "Jan–Aug 2024"
    );
    // Alone, its last month is unknown: left out with a warning, not
    // charted as the whole of 2024.
    let doc = document(
        "Turkey's exports to Russia year-to-date fell 30 percent to $5.9 billion.",
        "2024-09-05",
    );
    assert!(doc.observations.is_empty(), "{:#?}", doc.observations);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("year-to-date")),
        "{:#?}",
        doc.warnings
    );
}

#[rstest]
#[case(
    "China's exports to Russia rose to $111 billion in 2023 from $76 billion in 2022, while imports climbed to $129 billion from $114 billion.",
    &[(111e9, "2023"), (76e9, "2022"), (129e9, "2023"), (114e9, "2022")]
)]
#[case(
    "India's exports to Russia increased to USD 4.26 billion in 2023-24 from USD 3.14 billion in 2022-23, while imports jumped to USD 61.44 billion from USD 46.21 billion.",
    &[(4.26e9, "Apr 2023–Mar 2024"), (3.14e9, "Apr 2022–Mar 2023"), (61.44e9, "Apr 2023–Mar 2024"), (46.21e9, "Apr 2022–Mar 2023")]
)]
fn a_clause_said_in_parallel_takes_the_first_figures_period(
    #[case] text: &str,
    #[case] want: &[(f64, &str)],
) {
    let found = figures(text, "2024-05-20");
    for (value, period) in want {
        let o = with_value(&found, *value);
        assert_eq!(o.period.label, *period, "{value}: {}", o.provenance.reason);
    }
}

#[test]
fn of_three_countries_the_two_nearest_the_measure_trade() {
    let text = "U.S. imports of goods from China fell 20.3% to $427.2 billion in 2023. \
                Mexico overtook China as the largest source of U.S. imports, with goods imports from Mexico rising 4.6% to $475.6 billion.";
    let found = figures(text, "2024-02-07");
    let mexico = with_value(&found, 475.6e9);
    assert_eq!(
        (mexico.pair.0.as_str(), mexico.pair.1.as_str()),
        ("MX", "US"),
        "{}",
        mexico.provenance.reason
    );
}

#[rstest]
#[case(
    "Trade turnover between Russia and China may exceed $250 bln this year, the ambassador said."
)]
#[case("Trade between Russia and China could reach $300 billion in 2025, he added.")]
#[case("Trade between Russia and China will exceed $250 billion this year.")]
#[case("Trade between Russia and China is likely to grow 5% this year.")]
fn a_forecast_is_not_a_result(#[case] text: &str) {
    let found = figures(text, "2024-03-05");
    assert!(
        found
            .iter()
            .all(|o| !matches!(o.metric.as_str(), "trade_value" | "trade_growth_yoy")),
        "{found:#?}"
    );
}

#[test]
fn a_goal_named_without_its_year_is_not_dated_by_the_result() {
    let doc = document(
        "Trade between China and Russia reached $240.1 billion last year, exceeding the $200 billion target set by the two countries' leaders ahead of schedule.",
        "2024-01-12",
    );
    assert_eq!(doc.observations.len(), 1, "{:#?}", doc.observations);
    assert_eq!(doc.observations[0].value, 240.1e9);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("a goal named without its year")),
        "{:#?}",
        doc.warnings
    );
    // "the target for 2024" dates it.
    let found = figures(
        "Trade between China and Russia reached $240.1 billion last year, exceeding the $200 billion target for 2024.",
        "2024-01-12",
    );
    assert_eq!(first(&found, "trade_target").period.label, "2024");
}

#[test]
fn our_trade_in_a_meeting_of_two_is_the_pair() {
    let text = "Meeting with President of China Xi Jinping\n\nMay 16, 2024\n\n\
                Vladimir Putin and Chinese President Xi Jinping held talks. The Russian President is in China on a state visit.\n\n\
                Vladimir Putin: Last year our trade grew by 26 percent to reach 240 billion dollars.";
    let found = figures(text, "2024-05-16");
    let value = first(&found, "trade_value");
    assert_eq!(value.value, 240e9);
    assert_eq!(value.pair.slug(), "CN-RU");
    assert_eq!(value.period.label, "2023");
}

#[test]
fn a_figure_the_headline_repeats_is_sourced_from_the_body() {
    let text = "China, Russia trade up 3.5% in Q1\n\n\
                Bilateral trade volume between China and Russia in the first quarter of this year reached $54.1 billion, up 3.5 percent.";
    let found = figures(text, "2024-04-12");
    let rate = first(&found, "trade_growth_yoy");
    assert_eq!(found.iter().filter(|o| o.value == 3.5).count(), 1);
    assert!(
        rate.provenance.quote.starts_with("Bilateral trade volume"),
        "{}",
        rate.provenance.quote
    );
}

#[test]
fn a_rate_with_a_period_of_its_own_does_not_describe_the_value_before() {
    let text = "Trade between Russia and China rose 26.3% to $240.1 billion in 2023, Chinese customs data show, and grew a further 5% in the first four months of 2024.";
    let found = figures(text, "2024-05-17");
    let rates: Vec<(f64, &str)> = found
        .iter()
        .filter(|o| o.metric.as_str() == "trade_growth_yoy")
        .map(|o| (o.value, o.period.label.as_str()))
        .collect();
    assert_eq!(rates, [(26.3, "2023"), (5.0, "Jan–Apr 2024")], "{found:#?}");
}

#[test]
fn a_customs_wrap_pairs_each_partner_with_the_reporting_country() {
    let text = "China's foreign trade in 2023\n\n\
                China's total imports and exports reached 41.76 trillion yuan in 2023, up 0.2 percent year on year. \
                Trade with the EU fell 2.9 percent to 5.51 trillion yuan, while trade with the United States declined 6.8 percent to 4.7 trillion yuan. \
                China's trade with Russia surged 26.3 percent to 1.76 trillion yuan, and trade with Brazil grew 6.1 percent to 1.15 trillion yuan.";
    let doc = document(text, "2024-01-12");
    let values: Vec<(String, &str, f64)> = doc
        .observations
        .iter()
        .filter(|o| o.metric.as_str() == "trade_value")
        .map(|o| (o.pair.slug(), o.period.label.as_str(), o.value))
        .collect();
    assert_eq!(
        values,
        [
            ("CN-EU".to_owned(), "2023", 5.51e12),
            ("CN-US".to_owned(), "2023", 4.7e12),
            ("CN-RU".to_owned(), "2023", 1.76e12),
            ("BR-CN".to_owned(), "2023", 1.15e12),
        ],
        "{:#?}",
        doc.observations
    );
    // Each rate stays with its own partner's value.
    let brazil = doc
        .observations
        .iter()
        .find(|o| o.value == 6.1)
        .expect("Brazil's rate");
    assert_eq!(brazil.pair.slug(), "BR-CN");
    // The country's trade with the world is left out, with a warning.
    assert!(doc.warnings.iter().any(|w| w
        .message
        .contains("'total imports and exports' is trade with the whole world")));
}

#[test]
fn exports_and_imports_together_are_the_trade() {
    let found = figures(
        "Exports and imports between Brazil and China reached $157.5 billion in 2023.",
        "2024-01-20",
    );
    assert_eq!(first(&found, "trade_value").value, 157.5e9);
}

#[test]
fn supplies_and_deliveries_are_exports_and_a_conversion_is_one_figure() {
    let found = figures(
        "Chinese supplies to Russia increased by 46.9% to $110.97 bln in 2023. \
         Bilateral trade between Russia and China in the first quarter of 2024 was valued at $57.2 bln, worth 5.2 trillion rubles.",
        "2024-05-12",
    );
    let exports = first(&found, "export_value");
    assert_eq!(
        (exports.pair.0.as_str(), exports.pair.1.as_str()),
        ("CN", "RU")
    );
    assert_eq!(exports.value, 110.97e9);
    let quarter: Vec<&Observation> = found
        .iter()
        .filter(|o| o.period.label == "Q1 2024" && !o.converted)
        .collect();
    assert_eq!(quarter.len(), 1, "{found:#?}");
    let eq = quarter[0]
        .equivalent
        .as_ref()
        .expect("the rubles as an equivalent");
    assert_eq!(eq.currency, "RUB");
}

#[rstest]
#[case(
    "Trade between Brazil and China was no less than $150 billion in 2023.",
    150e9,
    "at_least"
)]
#[case(
    "Trade between India and Russia reached at least $65 billion in 2023.",
    65e9,
    "at_least"
)]
#[case(
    "Trade between India and Russia rose by upwards of 33% in 2023.",
    33.0,
    "at_least"
)]
#[case(
    "Trade between Chile and Peru was no more than $5 billion in 2023.",
    5e9,
    "up_to"
)]
fn floors_and_ceilings_keep_their_side(
    #[case] text: &str,
    #[case] value: f64,
    #[case] qualifier: &str,
) {
    let found = figures(text, "2024-03-01");
    let o = with_value(&found, value);
    let q = serde_json::to_value(o.qualifier).expect("qualifier");
    assert_eq!(q.as_str(), Some(qualifier), "{text}");
}

/// A hostile line of thousands of figures with no period: the figures left
/// out are listed up to a bound and the rest counted, so the warnings stay
/// small whatever the input's length.
#[test]
fn figures_left_out_are_listed_up_to_a_bound() {
    let text = "9999999999 trade $5 billion rose 3% and ".repeat(2_000);
    let doc = document(&text, "2024-01-01");
    let left_out: Vec<&str> = doc
        .warnings
        .iter()
        .filter(|w| w.code == "figure_incomplete")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(left_out.len(), 501, "{:?}", &left_out[..3]);
    let last = left_out[500];
    assert!(
        last.ends_with("more figures left out, not listed one by one"),
        "{last}"
    );
}
