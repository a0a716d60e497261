//! The mechanisms of issue 21, each with sentences written for this project
//! (other countries and numbers than any article of the development set),
//! through the whole pipeline. Grouped by mechanism; every case is named for
//! the rule it checks. `cargo test --test mechanisms` on the extractor from
//! before the issue fails most of them (the closing note of the issue gives
//! the count).

mod support;

use rstest::rstest;
use support::document;
use tradeline_extract::model::Observation;

/// (metric, pair, period label, value)
type Want = (&'static str, &'static str, &'static str, f64);

fn matches(o: &Observation, (metric, pair, period, value): Want) -> bool {
    o.metric.as_str() == metric
        && o.pair.slug() == pair
        && o.period.label == period
        && (o.value - value).abs() <= value.abs() * 1e-6 + 1e-9
}

fn found(text: &str, published: Option<&str>, want: Want) {
    let doc = document(text, published);
    assert!(
        doc.observations.iter().any(|o| matches(o, want)),
        "wanted {want:?} from {text:?}; found {:#?}",
        doc.observations
            .iter()
            .map(|o| (o.metric.as_str(), o.pair.slug(), &o.period.label, o.value))
            .collect::<Vec<_>>()
    );
}

/// Every figure found in `text` is in `currency`, and there is one.
fn only_currency(text: &str, currency: &str) {
    let doc = document(text, Some("2024-06-10"));
    let currencies: Vec<_> = doc
        .observations
        .iter()
        .filter_map(|o| o.currency.as_deref())
        .collect();
    assert_eq!(currencies, [currency], "{text}");
}

/// No figure of `metric` of the size of `value` (whatever its sign, pair
/// and period).
fn not_charted(text: &str, published: Option<&str>, metric: &str, value: f64) {
    let doc = document(text, published);
    let size = value.abs();
    let wrong: Vec<_> = doc
        .observations
        .iter()
        .filter(|o| o.metric.as_str() == metric && (o.value.abs() - size).abs() <= size * 1e-6)
        .map(|o| (o.metric.as_str(), o.pair.slug(), &o.period.label, o.value))
        .collect();
    assert!(wrong.is_empty(), "{text:?} charted {wrong:?}");
}

// 1. Document context: the period, measure and pair in force.

#[rstest]
#[case::period_from_a_sentence_without_figures(
    "Mongolia and South Korea reviewed their trade in 2023 at a forum in Ulaanbaatar. \
Bilateral trade rose 7.4 percent to $812 million, the ministry said.",
    ("trade_value", "KR-MN", "2023", 812e6)
)]
#[case::period_from_the_headline(
    "Nepal-Bangladesh trade hits record in 2022\n\n\
Trade between Nepal and Bangladesh climbed to $126 million, officials said on Monday.",
    ("trade_value", "BD-NP", "2022", 126e6)
)]
#[case::it_is_the_previous_measure(
    "Trade between Uruguay and Egypt was small for years. In 2023 it edged up 3.5% to $412 million.",
    ("trade_value", "EG-UY", "2023", 412e6)
)]
#[case::that_is_a_rate_of_the_previous_figure(
    "Trade between Ghana and Morocco reached $910 million in 2022. That is 14% higher than a year earlier.",
    ("trade_growth_yoy", "GH-MA", "2022", 14.0)
)]
#[case::a_month_without_a_year_is_the_data_year(
    "Fiji's trade with New Zealand fell in 2023. In December, Fiji's exports to New Zealand rose 2.2% to NZ$31 million.",
    ("export_value", "FJ-NZ", "Dec 2023", 31e6)
)]
fn document_context(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-02-20"), want);
}

// 2. Parties beyond countries.

#[rstest]
#[case::european_exports_are_the_eu(
    "European exports to Kazakhstan rose to EUR 9.2 billion in 2023, Eurostat data show.",
    ("export_value", "EU-KZ", "2023", 9.2e9)
)]
#[case::asean_with_a_country(
    "Trade between ASEAN and Pakistan reached $8.6 billion in 2022.",
    ("trade_value", "ASEAN-PK", "2022", 8.6e9)
)]
#[case::eurasian_economic_union(
    "Trade between the Eurasian Economic Union and Iran grew to $7.1 billion in 2023.",
    ("trade_value", "EAEU-IR", "2023", 7.1e9)
)]
#[case::gulf_cooperation_council(
    "Trade between the Gulf Cooperation Council and Japan amounted to $140 billion in 2022.",
    ("trade_value", "GCC-JP", "2022", 140e9)
)]
#[case::mercosur(
    "Trade between Mercosur and Canada reached $11.3 billion in 2023, the ministry said.",
    ("trade_value", "CA-MERCOSUR", "2023", 11.3e9)
)]
fn blocs_are_parties(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-03-01"), want);
}

// 3. The governing phrase decides the pair and direction.

#[rstest]
#[case::the_ranked_partner(
    "Spain remains Portugal's top trading partner at €38 billion in 2023, well ahead of France at €12 billion.",
    ("trade_value", "ES-PT", "2023", 38e9)
)]
#[case::the_partner_ranked_after_it(
    "Spain remains Portugal's top trading partner at €38 billion in 2023, well ahead of France at €12 billion.",
    ("trade_value", "FR-PT", "2023", 12e9)
)]
#[case::followed_by_a_third_country(
    "In 2023 Germany was Austria's largest trading partner, with trade of €70 billion, followed by Italy at €21 billion.",
    ("trade_value", "AT-IT", "2023", 21e9)
)]
#[case::the_partner_with_its_year(
    "China remained Brazil's biggest trade partner in 2023 with $157 billion.",
    ("trade_value", "BR-CN", "2023", 157e9)
)]
#[case::goods_of_one_country_into_another(
    "Imports of Peruvian goods into Ecuador reached $1.9 billion in 2023.",
    ("import_value", "PE-EC", "2023", 1.9e9)
)]
#[case::the_partner_named_after_the_measure(
    "Exports to Zambia from South Africa rose to R46 billion in 2023.",
    ("export_value", "ZA-ZM", "2023", 46e9)
)]
#[case::respectively_pairs_kth_with_kth(
    "In 2023 Vietnam's exports to and imports from Cambodia were $4.1 billion and $1.7 billion, respectively.",
    ("import_value", "KH-VN", "2023", 1.7e9)
)]
#[case::each_amount_takes_its_own_year(
    "Trade between Jordan and Tunisia grew from $0.3 billion in 2015 to $0.7 billion in 2022.",
    ("trade_value", "JO-TN", "2015", 0.3e9)
)]
fn governing_phrase(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-01-15"), want);
}

// 4. Fiscal calendars, chosen by the reporting country.

#[rstest]
#[case::an_indian_fiscal_year_in_two_years(
    "NEW DELHI, May 3 (PTI) India's exports to Oman rose to $4.4 billion in 2022-23, the commerce ministry said.",
    ("export_value", "IN-OM", "Apr 2022–Mar 2023", 4.4e9)
)]
#[case::a_japanese_fiscal_year(
    "TOKYO, June 2 (Kyodo) Japan's exports to Chile totalled 1.1 trillion yen in fiscal 2023, the ministry said.",
    ("export_value", "CL-JP", "Apr 2023–Mar 2024", 1.1e12)
)]
#[case::an_australian_year_to_june(
    "CANBERRA, Aug 20 - Australia's exports to Indonesia rose to A$9.6 billion in the year to June, the department said.",
    ("export_value", "AU-ID", "Jul 2023–Jun 2024", 9.6e9)
)]
fn fiscal_calendars(#[case] text: &str, #[case] want: Want) {
    let want = match want.1 {
        // Exports keep their direction: from the reporter.
        "CL-JP" => ("export_value", "JP-CL", want.2, want.3),
        _ => want,
    };
    found(text, Some("2024-08-21"), want);
}

// 5. Scope: what is not a bilateral total, and results against targets.

#[rstest]
#[case::a_product(
    "Tanzania's cashew exports to Vietnam were worth $310 million in 2023.",
    "export_value",
    310e6
)]
#[case::trade_with_the_world(
    "Chile's global trade surplus widened to $18.4 billion in 2023 while trade with Brazil grew.",
    "trade_balance",
    18.4e9
)]
#[case::investment(
    "Qatari investment in Rwanda reached $2.3 billion in 2023.",
    "trade_value",
    2.3e9
)]
#[case::a_change_in_a_figure(
    "Trade between Serbia and Hungary was $2.1 billion less in 2023 than a year before.",
    "trade_value",
    2.1e9
)]
fn not_bilateral_totals(#[case] text: &str, #[case] metric: &str, #[case] value: f64) {
    not_charted(text, Some("2024-02-01"), metric, value);
}

#[rstest]
#[case::up_to_reach_is_a_result(
    "Trade between Kenya and Uganda rose 18 percent to reach $1.4 billion in 2023.",
    "reported"
)]
#[case::expected_to_top_is_a_target(
    "Trade between Kenya and Uganda is expected to top $1.4 billion by the end of the year.",
    "target"
)]
fn results_and_targets(#[case] text: &str, #[case] status: &str) {
    let doc = document(text, Some("2024-04-10"));
    let o = doc
        .observations
        .iter()
        .find(|o| (o.value - 1.4e9).abs() < 1.0)
        .unwrap_or_else(|| panic!("no $1.4 billion in {:#?}", doc.observations));
    assert_eq!(
        serde_json::to_value(o.status).expect("serialises"),
        status,
        "{o:#?}"
    );
    if status == "target" {
        assert_eq!(o.period.label, "2024", "a target for the current year");
    }
}

// 6. Normalisation before parsing.

#[rstest]
#[case::comma_decimal(
    "Trade between Austria and Slovenia reached €8,7 billion in 2023.",
    ("trade_value", "AT-SI", "2023", 8.7e9)
)]
#[case::a_number_broken_by_a_space(
    "Trade between Norway and Iceland reached $1. 3 billion in 2023.",
    ("trade_value", "IS-NO", "2023", 1.3e9)
)]
#[case::run_together_sentences(
    "Trade between Kenya and Rwanda was $0.4 billion in 2015.The two sides met again in 2023.",
    ("trade_value", "KE-RW", "2015", 0.4e9)
)]
#[case::australian_dollars_written_aus(
    "Trade between Australia and Fiji reached Aus$2.2 billion in 2023.",
    ("trade_value", "AU-FJ", "2023", 2.2e9)
)]
#[case::kenyan_shillings(
    "NAIROBI - Kenya's exports to Ethiopia rose to KSh 14.6 billion in 2023, the bureau said.",
    ("export_value", "KE-ET", "2023", 14.6e9)
)]
#[case::trade_gap_is_a_balance(
    "Nigeria's trade gap with India narrowed to $1.2 billion in 2023.",
    ("trade_balance", "NG-IN", "2023", -1.2e9)
)]
#[case::spelled_numbers(
    "Trade between Peru and Bolivia reached one point six billion dollars in 2023.",
    ("trade_value", "BO-PE", "2023", 1.6e9)
)]
fn normalisation(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-02-10"), want);
}

// 7. Events written as noun phrases, and events with no date.

#[rstest]
#[case::during_the_phone_call(
    "BOGOTA, March 14, 2024 - During the phone call on Wednesday, Colombian President Gustavo Petro and Ecuador's President Daniel Noboa discussed border trade.",
    "phone_call",
    Some("2024-03-13")
)]
#[case::said_at_a_meeting_with(
    "HANOI, May 9, 2024 - Vietnam's Prime Minister Pham Minh Chinh said at a meeting with Laos' Prime Minister Sonexay Siphandone on Thursday that trade must grow.",
    "meeting",
    Some("2024-05-09")
)]
#[case::an_undated_visit_is_kept(
    "Kazakh President Kassym-Jomart Tokayev's state visit to Mongolia deepened ties, officials said.",
    "state_visit",
    None
)]
fn events_as_noun_phrases(#[case] text: &str, #[case] kind: &str, #[case] date: Option<&str>) {
    let doc = document(text, None);
    let e = doc
        .events
        .iter()
        .find(|e| serde_json::to_value(e.kind).expect("serialises") == kind)
        .unwrap_or_else(|| panic!("no {kind} in {:#?}", doc.events));
    assert_eq!(
        e.date_start.map(|d| d.to_string()).as_deref(),
        date,
        "{e:#?}"
    );
}

// 8. Figures without a knowable year, and more date lines.

#[rstest]
#[case::currently_stands_at(
    "Trade between Armenia and Iran currently stands at about $700 million a year, the minister said.",
    None
)]
#[case::last_year_in_an_undated_article(
    "Trade between Latvia and Estonia grew to EUR 3.3 billion last year, the chamber said.",
    None
)]
fn figures_without_a_knowable_year_are_kept(#[case] text: &str, #[case] published: Option<&str>) {
    let doc = document(text, published);
    assert_eq!(doc.observations.len(), 1, "{:#?}", doc.observations);
    let o = &doc.observations[0];
    assert!(o.period.label.contains("period unknown"), "{o:#?}");
}

#[rstest]
#[case::ordinal_day(
    "Published 3rd May, 2022\n\nTrade between Chile and Peru grew in 2021.",
    "2022-05-03"
)]
#[case::dotted_day_month_year(
    "12.02.2025\n\nTrade between Chile and Peru grew in 2024.",
    "2025-02-12"
)]
#[case::iso_date_time(
    "2023-11-07T09:30:00+01:00\n\nTrade between Chile and Peru grew in 2022.",
    "2023-11-07"
)]
#[case::sign_off_at_the_end(
    "Trade between Chile and Peru grew in 2022, the ministers said.\n\n(Source: Andina, 14/03/2023)",
    "2023-03-14"
)]
fn date_lines(#[case] text: &str, #[case] published: &str) {
    let doc = document(text, None);
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some(published),
        "{}",
        doc.published_basis
    );
}

// 9. Found on articles written after the development set was closed: a set
// of thirty new articles in other countries' press styles (the closing note
// of this stop gives its scores), each mechanism here in other words again.

#[rstest]
#[case::georgia_the_country(
    "Trade between Georgia and Armenia rose 9 percent to $940 million in 2023.",
    ("trade_value", "AM-GE", "2023", 940e6)
)]
#[case::georgian_exports(
    "Georgian exports to Ukraine reached $310 million in 2022, the statistics office said.",
    ("export_value", "GE-UA", "2022", 310e6)
)]
#[case::per_cent_written_pc(
    "Exports from Pakistan to Afghanistan fell 12.5pc to $1.1 billion in 2023.",
    ("export_growth_yoy", "PK-AF", "2023", -12.5)
)]
#[case::per_cent_written_pc_apart(
    "Sri Lanka's imports from India rose 8 pc to $4.2 billion in 2022.",
    ("import_growth_yoy", "IN-LK", "2022", 8.0)
)]
#[case::exports_plus_imports_is_the_trade(
    "Total trade between Ireland and Denmark (exports plus imports) was €6.2 billion in 2023.",
    ("trade_value", "DK-IE", "2023", 6.2e9)
)]
#[case::imports_plus_exports_is_the_trade(
    "Trade in goods between Chile and Canada, imports plus exports, came to $3.9 billion in 2022.",
    ("trade_value", "CA-CL", "2022", 3.9e9)
)]
#[case::the_lowest_since_a_year(
    "Chile-Japan trade slipped in 2023\n\nTrade between Chile and Japan fell to $11.2 billion, the lowest since 2016.",
    ("trade_value", "CL-JP", "2023", 11.2e9)
)]
#[case::the_highest_since_a_year(
    "Ghana's trade picked up in 2022.\n\nExports from Ghana to Togo climbed to $650 million, the highest since 2014.",
    ("export_value", "GH-TG", "2022", 650e6)
)]
#[case::the_naira_written_n(
    "ABUJA - Nigeria's imports from India rose to N2.4 trillion in 2023, the statistics bureau said.",
    ("import_value", "IN-NG", "2023", 2.4e12)
)]
#[case::a_fiscal_year_before_to(
    "India's exports to the UAE rose 12% in FY24 to $35.6 billion, the ministry said.",
    ("export_value", "IN-AE", "Apr 2023–Mar 2024", 35.6e9)
)]
#[case::a_trade_surplus_after_its_amount(
    "Vietnam posted a $4.7 billion trade surplus with Japan in 2023, customs data showed.",
    ("trade_balance", "VN-JP", "2023", 4.7e9)
)]
#[case::a_trade_deficit_after_its_amount(
    "Kenya ran a KSh 98 billion trade deficit with Egypt in 2022.",
    ("trade_balance", "KE-EG", "2022", -98e9)
)]
#[case::exports_to_the_bloc_after_a_member(
    "The EU and Vietnam signed a trade pact in 2019. Vietnam's exports to Germany rose. Vietnam's exports to the 27-nation bloc rose 9 percent to $48 billion in 2023.",
    ("export_value", "VN-EU", "2023", 48e9)
)]
#[case::the_bloc_after_its_largest_member(
    "Chile and Mercosur widened their trade agreement in 2022. Chile's exports to Brazil grew fastest. Chile's exports to the bloc reached $9.3 billion in 2023, the ministry said.",
    ("export_value", "CL-MERCOSUR", "2023", 9.3e9)
)]
fn found_on_unseen_articles(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

#[rstest]
#[case::a_rate_then_or_and_money(
    "UK exports to Norway fell 4.2%, or £0.7 billion, to £15.9 billion in 2023.",
    "export_value",
    0.7e9
)]
#[case::per_cent_or_money(
    "Egypt's imports from Italy dropped 6 per cent or $0.3 billion in 2023.",
    "import_value",
    0.3e9
)]
fn a_rate_given_in_money_is_a_change(#[case] text: &str, #[case] metric: &str, #[case] value: f64) {
    not_charted(text, Some("2024-06-10"), metric, value);
}

#[test]
fn a_share_given_in_money_is_a_level() {
    found(
        "Kenya's imports from India were worth Sh500 billion in 2023: India accounts for 12 percent, or Sh500 billion, of Kenya's imports.",
        Some("2024-06-10"),
        ("import_value", "IN-KE", "2023", 500e9),
    );
}

#[rstest]
#[case::rupees_in_an_article_on_pakistan(
    "ISLAMABAD - Pakistan's exports to China rose to Rs 780 billion in 2023, the bureau said.",
    "PKR"
)]
#[case::rupees_in_an_article_on_sri_lanka(
    "Sri Lanka's imports from Japan fell to 95 billion rupees in 2022.",
    "LKR"
)]
#[case::naira_written_n("Nigeria's exports to Ghana reached N1.3 trillion in 2023.", "NGN")]
#[case::shillings_of_the_reporter_among_two(
    "Tanzania's exports to Kenya rose to Sh1.9 trillion in 2023, the Bank of Tanzania said.",
    "TZS"
)]
#[case::shillings_of_the_reporter_named_by_its_agency(
    "Imports from Tanzania reached Sh210 billion in 2023, the Uganda Bureau of Statistics said.",
    "UGX"
)]
#[case::dollars_of_an_australian_paper(
    "Exports to Indonesia were worth $14.6 billion in 2023, Australian Bureau of Statistics figures show.",
    "AUD"
)]
#[case::dollars_of_a_canadian_paper(
    "OTTAWA - Canada's exports to Mexico climbed to $9.8 billion in 2023, Statistics Canada said.",
    "CAD"
)]
#[case::dollars_of_the_party_not_named_as_a_partner(
    "Australia and Thailand mark 20 years of free trade\n\nExports to Thailand grew 6 per cent to $19.2 billion in 2023, while imports from Thailand fell.",
    "AUD"
)]
#[case::dollars_where_the_paper_writes_its_own_out(
    "SYDNEY - Australia's exports to India rose to A$31 billion in 2023. India's purchases of coal came to $12 billion.",
    "AUD"
)]
fn currencies_written_as_their_country_writes_them(#[case] text: &str, #[case] currency: &str) {
    only_currency(text, currency);
}

/// A wire story from a dollar country writes its own dollar out ("A$"), so
/// its bare "$" stays the US dollar.
#[test]
fn a_bare_dollar_beside_the_reporters_own_written_out_is_the_us_dollar() {
    let doc = document(
        "SYDNEY - Australia's exports to Korea rose to A$42 billion in 2023. Korea's imports from Australia were worth $29 billion, Korean customs said.",
        Some("2024-06-10"),
    );
    let currencies: Vec<_> = doc
        .observations
        .iter()
        .filter_map(|o| o.currency.as_deref())
        .collect();
    assert_eq!(currencies, ["AUD", "USD"]);
}

// 10. Found on the same thirty articles, after the first round of rules.

#[rstest]
#[case::between_the_countries_after_world_trade(
    "Mongolia's foreign trade turnover totalled $21 billion in 2023. In 2023, the trade turnover between the countries reached $410 million. Mongolia and Kazakhstan agreed to expand trade.",
    ("trade_value", "KZ-MN", "2023", 410e6)
)]
#[case::the_two_neighbours_after_world_trade(
    "Peru and Ecuador sign border trade pact\n\nPeru's total exports fell to $64 billion in 2023. Trade between the two neighbours was $3.1 billion.",
    ("trade_value", "EC-PE", "2023", 3.1e9)
)]
#[case::exports_to_and_imports_from_respectively(
    "France's exports to and imports from Vietnam came to €3.6 billion and €7.9 billion, respectively, leaving a deficit of €4.3 billion in 2023.",
    ("export_value", "FR-VN", "2023", 3.6e9)
)]
#[case::imports_listed_after_exports_take_their_preposition(
    "Poland's exports to and imports from Korea amounted to $2.2 billion and $6.5 billion, respectively, in 2022.",
    ("import_value", "KR-PL", "2022", 6.5e9)
)]
#[case::a_figure_after_respectively_is_read_as_usual(
    "Poland's exports to and imports from Korea amounted to $2.2 billion and $6.5 billion, respectively, leaving a trade deficit of $4.3 billion in 2022.",
    ("trade_balance", "PL-KR", "2022", -4.3e9)
)]
#[case::a_community_of_a_part_of_a_continent(
    "Trade between Rwanda and Burundi rose to $180 million in 2023, a fifth of Rwanda's trade with the East African Community.",
    ("trade_value", "BI-RW", "2023", 180e6)
)]
fn found_on_unseen_articles_second_round(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

// 11. Found on real articles held out from development (kept outside the
// repository; the closing note gives their scores), each in other words.

#[rstest]
#[case::exports_to_the_neighbouring_country(
    "Bhutan's exports to Nepal slump\n\nTHIMPHU - In May alone, exports to the neighbouring country stood at $14m against $19m in May last year, the finance ministry said.",
    ("export_value", "BT-NP", "May 2024", 14e6)
)]
#[case::its_western_neighbour(
    "Kenya's imports from Uganda rose to KSh 90 billion in 2023, leaving Kenya with a surplus of KSh 40 billion with its western neighbour.",
    ("trade_balance", "KE-UG", "2023", 40e9)
)]
// Published in June, so the June quarter is last year's.
#[case::the_june_quarter(
    "In the June quarter alone, New Zealand's exports to Japan fell 4.5 per cent from a year earlier to NZ$1.2 billion.",
    ("export_value", "NZ-JP", "Q2 2023", 1.2e9)
)]
#[case::the_september_quarter_of_a_year(
    "Australia's imports from Korea rose to A$8.1 billion in the September 2023 quarter.",
    ("import_value", "KR-AU", "Q3 2023", 8.1e9)
)]
#[case::the_nine_months_in_force(
    "Exports to Sri Lanka fell 9pc in July-March 2023-24\n\nISLAMABAD: Pakistan's exports to Sri Lanka fell 9pc to $310 million during July-March 2023-24. Imports from Sri Lanka rose 12pc to $95 million during the nine months.",
    ("import_value", "LK-PK", "Jul 2023–Mar 2024", 95e6)
)]
#[case::the_five_months_in_force(
    "Ghana's exports to Togo reached $410 million in January-May 2024. Imports from Togo stood at $120 million in the five months.",
    ("import_value", "TG-GH", "Jan–May 2024", 120e6)
)]
#[case::the_same_period_in_a_year_dates_nothing(
    "Chile's trade with Peru grew in the first four months of 2024.\n\nChile-Peru trade reached $1.9 billion in the period, a 4 percent rise on the amount recorded in the same period in 2023.",
    ("trade_value", "CL-PE", "Jan–Apr 2024", 1.9e9)
)]
#[case::the_same_months_of_a_year_date_nothing(
    "Jordan's exports to Iraq rose to $620 million in January-June 2024, up from $540 million in the same months of 2023.",
    ("export_value", "JO-IQ", "H1 2024", 620e6)
)]
#[case::less_than_from_a_run_of_months(
    "Trade between Armenia and Iran was $700 million in 2023. Exports to Iran for the period were $180 million, 11.2 percent less than from January through December 2022.",
    ("export_growth_yoy", "AM-IR", "2023", -11.2)
)]
#[case::rose_from_a_run_of_months(
    "Kyrgyzstan's imports from Turkey increased 14 percent from January through December 2023, totalling $1.1 billion.",
    ("import_growth_yoy", "TR-KG", "2023", 14.0)
)]
#[case::the_past_year(
    "Iran's imports from India were $540 million in the first six months of the past year, the customs office said.",
    ("import_value", "IN-IR", "H1 2023", 540e6)
)]
#[case::three_countries_without_figures_leave_the_topic(
    "Korea-Japan trade shrinks\n\nTrade between Korea and Japan fell to $80 billion in 2014. Korea's growing reliance on China for importing parts once bought from Japan cut its imports. Bilateral trade had peaked in 2011 at $108 billion.",
    ("trade_value", "JP-KR", "2011", 108e9)
)]
#[case::declining_to_reach_is_a_result(
    "Trade between Peru and Chile has been declining to reach $4.1 billion in 2023.",
    ("trade_value", "CL-PE", "2023", 4.1e9)
)]
#[case::the_trading_relationship(
    "The trading relationship between Norway and Chile was worth 1.9 billion pounds in 2022.",
    ("trade_value", "CL-NO", "2022", 1.9e9)
)]
#[case::a_partner_with_its_figure_in_brackets(
    "Vietnam's exports to Cambodia rose to $3.2 billion in 2023, third after the US ($97 billion) and China ($61 billion).",
    ("export_value", "VN-US", "2023", 97e9)
)]
#[case::a_fiscal_year_in_brackets(
    "ISLAMABAD: Pakistan's exports to Kenya were $250 million during July-March (2022-23), the State Bank said.",
    ("export_value", "PK-KE", "Jul 2022–Mar 2023", 250e6)
)]
#[case::quarters_of_a_fiscal_year(
    "ISLAMABAD: Pakistan's imports from Kenya rose to $500 million during the first three quarters of fiscal year (2022-23).",
    ("import_value", "KE-PK", "Jul 2022–Mar 2023", 500e6)
)]
#[case::a_year_named_by_its_last_month(
    "New Zealand's exports to Chile were 0.3 billion NZ dollars in the March 2023 year.",
    ("export_value", "NZ-CL", "Apr 2022–Mar 2023", 0.3e9)
)]
#[case::a_base_year_under_part_of_a_year(
    "Zambia's exports to Malawi rose in January-September 2023.\n\nExports to the country in the period stood at $410 million compared to $350 million in 2022.",
    ("export_value", "ZM-MW", "Jan–Sep 2022", 350e6)
)]
fn found_on_held_out_real_articles(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

#[rstest]
#[case::ugandan_shillings_written_ush(
    "Uganda's exports to Rwanda stood at Ush410 billion in 2023.",
    "UGX"
)]
#[case::tanzanian_shillings_written_tsh(
    "Tanzania's exports to Zambia rose to Tsh1.4 trillion in 2023.",
    "TZS"
)]
#[case::nz_dollars_after_the_number(
    "New Zealand's exports to Korea were worth 3.1 billion NZ dollars in 2023.",
    "NZD"
)]
#[case::egyptian_pounds(
    "Egypt's exports to Sudan reached 21 billion Egyptian pounds in 2023.",
    "EGP"
)]
#[case::taka(
    "Bangladesh's imports from Bhutan rose to 2,300 crore taka in 2023.",
    "BDT"
)]
#[case::cedis(
    "Ghana's exports to Burkina Faso reached 3.2 billion cedis in 2023.",
    "GHS"
)]
fn currencies_found_on_held_out_real_articles(#[case] text: &str, #[case] currency: &str) {
    only_currency(text, currency);
}

#[rstest]
#[case::month_on_month_before_the_rate(
    "On a month-on-month basis, Pakistan's exports to Oman rose by 7.5 percent in May 2024.",
    "export_growth_yoy",
    7.5
)]
#[case::growth_per_annum(
    "India's exports to Qatar grew at nearly 19 per cent per annum to $2 billion in 2010.",
    "export_growth_yoy",
    19.0
)]
#[case::a_rate_with_its_money_in_brackets(
    "Spain's exports to Tunisia rose 12% (0.4 billion euros) compared to 2021, to 3.5 billion euros in 2022.",
    "export_value",
    0.4e9
)]
#[case::exports_to_other_countries(
    "Bangladesh and India trade\n\nOverall, Bangladesh's exports to other countries rose 9 percent to $55 billion in 2023.",
    "export_value",
    55e9
)]
fn not_charted_on_held_out_real_articles(
    #[case] text: &str,
    #[case] metric: &str,
    #[case] value: f64,
) {
    not_charted(text, Some("2024-06-10"), metric, value);
}

// 12. Found on a third set of real articles held out from development (24,
// kept outside the repository; the closing note gives their scores and
// URLs), each in other words.

#[rstest]
#[case::a_positive_balance(
    "Trade between Portugal and Morocco stood at 4.12 billion euros in 2023, with a positive balance of 410 million between exports and imports.",
    ("trade_balance", "PT-MA", "2023", 410e6)
)]
#[case::a_negative_balance_for_a_party(
    "Trade between Uruguay and Paraguay accumulated a negative balance of US$ 118 million for Uruguay in the first five months of 2024.",
    ("trade_balance", "UY-PY", "Jan–May 2024", -118e6)
)]
#[case::a_balance_in_favour_of_a_party(
    "In the first half of 2024, the bilateral trade balance between Thailand and Japan widened by US $ 310 million to US $ 1.45 billion in favour of Japan compared to a year ago.",
    ("trade_balance", "JP-TH", "H1 2024", 1.45e9)
)]
#[case::a_figure_in_a_measure_after_it(
    "Trade between Norway and Chile stood at 3.1 billion euros in 2023, between 1.9 billion in Norwegian exports and about 1.2 billion in imports from Santiago.",
    ("import_value", "CL-NO", "2023", 1.2e9)
)]
#[case::a_rate_in_a_measure_after_it(
    "Trade between Greece and Egypt fell in 2023, marked by a decline of 7.2% in exports and 4.4% in imports.",
    ("import_growth_yoy", "EG-GR", "2023", -4.4)
)]
#[case::a_change_between_two_years(
    "Trade between Greece and Egypt stood at 5.2 billion euros in 2023, with an overall decline in trade (-6.1% between 2022 and 2023).",
    ("trade_growth_yoy", "EG-GR", "2023", -6.1)
)]
#[case::an_adjective_of_the_partner_before_imports(
    "MONTEVIDEO - Uruguay's export agency said exports to Paraguay fell by 3.1% between January and May 2024, while Paraguayan imports increased by 4.8% in the same period.",
    ("import_growth_yoy", "PY-UY", "Jan–May 2024", 4.8)
)]
#[case::the_preceding_year_when(
    "Trade between Chile and Peru reached $2.31 billion in January-March, 4.1 percent less than in the first three months of the preceding year, when it amounted to $2.41 billion.",
    ("trade_value", "CL-PE", "Q1 2023", 2.41e9)
)]
#[case::the_nth_month_of_the_current_year(
    "Chile imported goods worth $412.5 million from Peru in the third month of current year.",
    ("import_value", "PE-CL", "Mar 2024", 412.5e6)
)]
#[case::in_the_period_is_the_period_in_force(
    "Trade between Chile and Peru stood at $9.85 billion in January-December 2023. Chile's exports to Peru in the period amounted to $4.12 billion, compared to $3.87 billion in the 12-month period of 2022.",
    ("export_value", "CL-PE", "2023", 4.12e9)
)]
#[case::a_year_later(
    "Polish exports to Estonia are growing year by year.\n\nIn 2019, it barely exceeded 2 billion zlotys, a year later it rose to 2.6 billion zlotys.",
    ("export_value", "PL-EE", "2020", 2.6e9)
)]
#[case::it_is_the_flow_named_before(
    "Polish exports to Estonia are growing year by year.\n\nIn 2019, it barely exceeded 2 billion zlotys.",
    ("export_value", "PL-EE", "2019", 2e9)
)]
#[case::the_overall_exports_to_a_partner(
    "ISLAMABAD: Pakistan's exports to Oman rose in the first four months. The overall exports to Oman were recorded at $91.3 million during July-October (2023-24), the State Bank said.",
    ("export_value", "PK-OM", "Jul–Oct 2023", 91.3e6)
)]
#[case::first_months_of_the_fiscal_year_spoken_of(
    "ISLAMABAD: Pakistan's exports to Oman were $91.3 million during July-October (2023-24). In October 2023 alone they were $25 million. Imports from Oman in first four months stood at $40 million.",
    ("import_value", "OM-PK", "Jul–Oct 2023", 40e6)
)]
#[case::last_year_beside_part_of_a_year(
    "ISLAMABAD: Imports from Oman were $40 million during July-October (2023-24) against $55 million last year, the State Bank said.",
    ("import_value", "OM-PK", "Jul–Oct 2022", 55e6)
)]
#[case::against_the_exports_of(
    "ISLAMABAD: The overall exports to Oman were recorded at $91.3 million during July-October (2023-24) against exports of $80.2 million during July-October (2022-23), showing growth of 13.8 percent.",
    ("export_growth_yoy", "PK-OM", "Jul–Oct 2023", 13.8)
)]
#[case::a_month_of_one_year_to_a_month_of_the_next(
    "India's exports to Peru were $1.1 billion during April 2023-January 2024.",
    ("export_value", "IN-PE", "Apr 2023–Jan 2024", 1.1e9)
)]
#[case::export_earnings_from_a_partner(
    "DHAKA: Export earnings from Japan stood at $1.3 billion in 2023, the bureau said.",
    ("export_value", "BD-JP", "2023", 1.3e9)
)]
#[case::the_figure_saw(
    "Last year, Kazakh-Turkish trade turnover was up 9% and reached $6.4bn. The figure saw a 12% rise and reached $5.9bn in 10 months of this year.",
    ("trade_value", "KZ-TR", "Jan–Oct 2024", 5.9e9)
)]
#[case::ranked_in_turn(
    "CAIRO: Egypt's exports to Arab states rose in 2023. Libya ranked first for Egyptian exports in 2023 with $2.4 billion. Sudan ranked second with about $1.1 billion, followed by Lebanon with $640 million.",
    ("export_value", "EG-LB", "2023", 640e6)
)]
#[case::a_drop_on_the_figure_of_the_previous_year(
    "Trade between Jordan and Iraq totalled about $3.2 billion in 2023, a slight drop on the $3.4 billion figure recorded the previous year.",
    ("trade_value", "IQ-JO", "2022", 3.4e9)
)]
#[case::spiked(
    "Canada's exports to Chile spiked 21.5 percent from 2022 levels to C$1.9 billion in 2023.",
    ("export_growth_yoy", "CA-CL", "2023", 21.5)
)]
#[case::the_ranking_owner_reports(
    "Korea is also Vietnam's second largest trading partner in 2023, with a total trade of $76.1 billion. In the same period, exports and imports were valued at $23.5 billion and 52.6 billion, respectively.",
    ("export_value", "VN-KR", "2023", 23.5e9)
)]
#[case::an_exchange_volume(
    "Spain ranked second among Tunisia's partners, with an exchange volume of 2.9 billion euros in 2023.",
    ("trade_value", "ES-TN", "2023", 2.9e9)
)]
fn found_on_a_third_set_of_held_out_real_articles(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

#[rstest]
#[case::saudi_riyals_written_sr(
    "Saudi Arabia's exports to India reached SR92.1 billion in 2023.",
    "SAR"
)]
#[case::the_us_dollar_written_dollar_us(
    "Trade between Australia and Korea rose to $US42.6 billion in 2023, the department said.",
    "USD"
)]
#[case::jordanian_dinars_written_jod(
    "AMMAN: Trade between Jordan and Egypt reached JOD610 million in 2023.",
    "JOD"
)]
#[case::bare_riyals_of_the_one_riyal_country(
    "Trade between Qatar and Morocco rose to 940 million riyals in 2023.",
    "QAR"
)]
#[case::bare_dinars_of_the_one_dinar_country(
    "Tunisia's exports to Spain reached 2.4 billion dinars in 2023.",
    "TND"
)]
fn currencies_found_on_a_third_set_of_held_out_real_articles(
    #[case] text: &str,
    #[case] currency: &str,
) {
    only_currency(text, currency);
}

#[test]
fn a_bare_dollar_beside_both_dollars_marked_is_the_reporters_own() {
    let doc = document(
        "CANBERRA - Australia's two-way trade with Korea topped Aus$60 billion ($US41.2 billion) last year, the foreign office said. Exports to Korea grew 12 percent to $36.5 billion in 2023.",
        Some("2024-06-10"),
    );
    assert!(
        doc.observations
            .iter()
            .any(|o| o.metric.as_str() == "export_value"
                && o.currency.as_deref() == Some("AUD")
                && (o.value - 36.5e9).abs() < 1.0),
        "{:#?}",
        doc.observations
    );
}

#[rstest]
#[case::growth_on_the_previous_month_named(
    "Trade between Uruguay and Paraguay decreased by 7.4% in May 2024 compared to the previous April.",
    "trade_growth_yoy",
    7.4
)]
#[case::the_causes_of_a_monthly_change(
    "Trade between Uruguay and Paraguay decreased by 7.4% in May 2024 compared to the previous April, owing to a 9% drop in Uruguayan imports and a 6% decrease in exports.",
    "import_growth_yoy",
    6.0
)]
#[case::items_listed_with_figures_in_brackets(
    "The top Canadian exports to Peru in 2023 were wheat ($410 million), machinery ($220 million) and paper ($95 million).",
    "export_value",
    220e6
)]
#[case::trade_with_the_world(
    "Total Canadian trade with the world was $1.6 trillion in 2023, down 2% compared to 2022, while trade with Peru rose.",
    "trade_value",
    1.6e12
)]
#[case::a_ranked_item_that_is_no_party(
    "CAIRO: Egypt's exports to Arab states rose in 2023. Libya ranked first for Egyptian exports in 2023 with $2.4 billion. These were followed by fruit products, worth $800 million.",
    "export_value",
    800e6
)]
#[case::a_share_after_or(
    "Total trade with China, Australia's top partner, grew in 2023 to $210 billion. Japan came a distant second, at $90 billion or 11 percent.",
    "trade_growth_yoy",
    11.0
)]
#[case::the_overall_deficit_beside_a_bilateral_one(
    "In the first half of 2024, the bilateral trade balance between Thailand and Japan widened to US $ 1.45 billion in favour of Japan, while Thailand's overall trade deficit rose to US $ 4.1 billion.",
    "trade_balance",
    4.1e9
)]
#[case::ore_exports(
    "Brazil's iron ore exports to China rose 12 percent to $21 billion in 2023.",
    "export_value",
    21e9
)]
#[case::minerals_exports(
    "Chile's trade with Korea grew in 2023. Minerals exports to Korea were worth $4.4 billion in 2023.",
    "export_value",
    4.4e9
)]
#[case::goods_as_the_verbs_object(
    "Peru for its part was able to export textiles worth 0.8 billion euros to Spain in 2023.",
    "export_value",
    0.8e9
)]
#[case::a_total_worldwide(
    "Spain ranked 9th among the buyers of Peruvian exports, which totaled 64 billion dollars worldwide in 2023.",
    "export_value",
    64e9
)]
fn not_charted_on_a_third_set_of_held_out_real_articles(
    #[case] text: &str,
    #[case] metric: &str,
    #[case] value: f64,
) {
    not_charted(text, Some("2024-06-10"), metric, value);
}

// 13. Found on a fourth set of real articles held out from development (24,
// kept outside the repository; the closing note gives their scores and
// URLs), each in other words.

#[rstest]
#[case::a_fiscal_year_in_four_digits(
    "Uganda's exports to Tanzania reached $210 million during the 2020-2021 period, the central bank said.",
    ("export_value", "UG-TZ", "Jul 2020–Jun 2021", 210e6)
)]
#[case::myanmars_april_fiscal_year_with_fy_after(
    "Myanmar's trade with Thailand reached $5.1 billion in the 2015-2016 FY, the commerce ministry said.",
    ("trade_value", "MM-TH", "Apr 2015–Mar 2016", 5.1e9)
)]
#[case::months_of_a_bare_fy(
    "Bangladesh's exports to Japan rose to $620 million in the first six months of FY, the bureau said.",
    ("export_value", "BD-JP", "H2 2023", 620e6)
)]
#[case::a_calendar_named_by_its_country(
    "Iran's exports to Armenia came to $410 million over the previous Iranian financial year, the trade office said.",
    ("export_value", "IR-AM", "21 Mar 2023–20 Mar 2024", 410e6)
)]
#[case::nepals_fiscal_year_from_mid_july(
    "Nepal's imports from Bangladesh amounted to Rs. 9.4 billion in the fiscal year 2022/23.",
    ("import_value", "BD-NP", "16 Jul 2022–15 Jul 2023", 9.4e9)
)]
#[case::kina_written_k_with_bil(
    "Papua New Guinea's exports to Japan reached K6.1bil in 2023.",
    ("export_value", "PG-JP", "2023", 6.1e9)
)]
#[case::a_first_word_in_capitals(
    "PAPUA New Guinea's exports to Vietnam rose to $1.6 billion in 2023.",
    ("export_value", "PG-VN", "2023", 1.6e9)
)]
#[case::a_balance_in_the_red(
    "Mongolia's trade balance with Japan stood at $310 million in the red in 2023.",
    ("trade_balance", "MN-JP", "2023", -310e6)
)]
#[case::partners_one_by_one_after_with(
    "Malaysia's trade with Chile reached US$ 1.2 billion and with Peru US$ 0.9 billion in 2023, growing by 6.5 percent and 4.1 percent respectively.",
    ("trade_value", "MY-PE", "2023", 0.9e9)
)]
#[case::rates_respectively_for_partners_after_with(
    "Malaysia's trade with Chile reached US$ 1.2 billion and with Peru US$ 0.9 billion in 2023, growing by 6.5 percent and 4.1 percent respectively.",
    ("trade_growth_yoy", "MY-PE", "2023", 4.1)
)]
#[case::a_clause_of_its_own_after_with(
    "Colombia's trade with its Andean partners rose in 2023. Trade with Peru grew by 8 percent to US$ 2 billion, and with Chile it decreased by 3 percent to US$ 1.1 billion.",
    ("trade_value", "CL-CO", "2023", 1.1e9)
)]
#[case::growth_worded_as_a_level_compared_to_a_year(
    "Cambodia exported $640 million of goods to Vietnam in the first half of 2019, increased to 9.5% compared to 2018.",
    ("export_growth_yoy", "KH-VN", "H1 2019", 9.5)
)]
#[case::the_months_spoken_of_after_a_comparison_with_a_year(
    "In the first half of 2019, trade between Cambodia and Vietnam reached $2.1 billion. Cambodia imported $1.4 billion of goods from Vietnam, decreased to 2.5% compared to 2018.",
    ("import_value", "VN-KH", "H1 2019", 1.4e9)
)]
#[case::a_quarter_written_1q(
    "Azerbaijan's exports to Georgia reached $95 million in 1Q2023.",
    ("export_value", "AZ-GE", "Q1 2023", 95e6)
)]
#[case::since_a_month_and_year_dates_nothing(
    "New Zealand's exports to Chile rose to NZ$95 million in May, the most since March 2011.",
    ("export_value", "NZ-CL", "May 2024", 95e6)
)]
#[case::a_list_of_export_markets_with_figures(
    "Korea's three biggest export markets in 2023 were China, with 19.7 percent or $124 billion; the U.S., 18.3 percent or $116 billion; and Vietnam, 8.5 percent or $53 billion.",
    ("export_value", "KR-US", "2023", 116e9)
)]
#[case::the_main_markets_for_a_countrys_exports(
    "Among the main markets for Uruguayan exports in 2023, the trade report lists Brazil first with US$ 2.1 billion, followed by Argentina with US$ 0.6 billion.",
    ("export_value", "UY-AR", "2023", 0.6e9)
)]
fn found_on_a_fourth_set_of_held_out_real_articles(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

#[rstest]
#[case::the_reporters_own_rupee_though_india_is_named(
    "Nepal's exports to India fell to Rs. 118 billion in 2023, the Nepalese customs department said.",
    "NPR"
)]
#[case::the_ngultrum_written_nu("Bhutan's imports from India stood at Nu 48.2B in 2022.", "BTN")]
#[case::the_kina_written_k("Papua New Guinea's exports to Japan reached K6.1bil in 2023.", "PGK")]
fn currencies_found_on_a_fourth_set_of_held_out_real_articles(
    #[case] text: &str,
    #[case] currency: &str,
) {
    only_currency(text, currency);
}

// 14. Found on a fifth set of real articles held out from development (24,
// kept outside the repository; the closing note gives their scores, read
// once before these rules), each in other words.

#[rstest]
#[case::a_figure_in_two_scales(
    "Trade between Kazakhstan and Canada amounted to 1 billion 204 million dollars in 2023.",
    ("trade_value", "CA-KZ", "2023", 1.204e9)
)]
#[case::a_half_with_its_months_in_brackets(
    "Trade between India and Chile in the second half (July-December) of 2022 came to $1.9 billion.",
    ("trade_value", "CL-IN", "H2 2022", 1.9e9)
)]
#[case::the_value_stands_for_the_measure_before(
    "Trade between Thailand and Korea has grown fast. Over the first five months of 2024 the value reached US$9.2 billion.",
    ("trade_value", "KR-TH", "Jan–May 2024", 9.2e9)
)]
#[case::partners_each_before_a_dash(
    "Tajikistan's trade with its main partners in 2023 was led by Russia – 1.2 billion dollars, then Kazakhstan – 0.9 billion dollars.",
    ("trade_value", "KZ-TJ", "2023", 0.9e9)
)]
fn found_on_a_fifth_set_of_held_out_real_articles(#[case] text: &str, #[case] want: Want) {
    found(text, Some("2024-06-10"), want);
}

#[rstest]
#[case::moroccan_dirhams_written_bare(
    "Morocco's exports to Spain reached 62 billion dirhams in 2023.",
    "MAD"
)]
#[case::emirati_dirhams_written_bare(
    "The UAE's exports to India reached 120 billion dirhams in 2023.",
    "AED"
)]
fn currencies_found_on_a_fifth_set_of_held_out_real_articles(
    #[case] text: &str,
    #[case] currency: &str,
) {
    only_currency(text, currency);
}

#[test]
fn a_share_before_a_rising_rate_is_no_rate() {
    not_charted(
        "Among the main markets for Uruguayan exports in 2023, Brazil led with 31.5%, some US$ 2.1 billion, up 12.5% from 2022.",
        Some("2024-06-10"),
        "export_growth_yoy",
        31.5,
    );
}
