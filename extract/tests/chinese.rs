//! Chinese articles through the whole pipeline, one short text each (written
//! for these tests, numbers invented), with its publication date and every
//! figure a careful reader takes from it, compared as a set: a figure missing
//! or one too many fails. Simplified and traditional characters; amounts in
//! 万, 亿 and 万亿 of 美元, 元/人民币, 欧元, 日元 and 卢布; totals, exports,
//! imports, balances and their year-on-year rates (环比 is month on month, no
//! rate); periods 2024年, 前11个月, 1至9月, 一季度, 上半年, 去年, 今年; pairs
//! written 中俄, 中美, 对华, 中国与东盟...; qualifiers 约, 近, 超过, 逾.

mod support;

use rstest::rstest;

use support::figures::Want;

/// Every figure of `text`, read in Chinese, against `want`.
#[track_caller]
fn check(text: &str, published: &str, want: &[Want]) {
    support::figures::check("zh", text, published, want);
}

#[rstest]
#[case::a_year_and_its_rate_between_china_and_russia(
    "2023年，中俄贸易额达2401.1亿美元，同比增长26.3%。两国元首会谈，双方签署了多项合作文件。",
    "2024-01-12",
    &[
        ("trade_value", "CN-RU", "2023", 240.11e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::traditional_characters_and_a_fall_with_the_us(
    "2023年，中美貿易額為6643億美元，同比下降11.6%。雙方同意加強溝通與合作，推動經貿關係穩定發展。",
    "2024-01-15",
    &[
        ("trade_value", "CN-US", "2023", 664.3e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-US", "2023", -11.6, None, None),
    ],
)]
#[case::asean_first_eleven_months_in_trillions_of_yuan(
    "今年前11个月，中国与东盟进出口总值为6.33万亿元人民币，同比增长5.2%，东盟继续保持我国第一大贸易伙伴地位。",
    "2025-12-09",
    &[
        ("trade_value", "ASEAN-CN", "Jan–Nov 2025", 6.33e12, Some("CNY"), None),
        ("trade_growth_yoy", "ASEAN-CN", "Jan–Nov 2025", 5.2, None, None),
    ],
)]
#[case::india_months_one_to_nine_with_zhi(
    "1至9月，中印双边贸易额为1036亿美元，同比增长2.4%，其中中国对印出口占较大比重。",
    "2024-10-20",
    &[
        ("trade_value", "CN-IN", "Jan–Sep 2024", 103.6e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-IN", "Jan–Sep 2024", 2.4, None, None),
    ],
)]
#[case::first_quarter_exports_to_russia_and_their_rate(
    "一季度，中国对俄罗斯出口额为240亿美元，同比增长8.5%，海关总署公布了上述数据。",
    "2023-04-20",
    &[
        ("export_value", "CN-RU", "Q1 2023", 24e9, Some("USD"), None),
        ("export_growth_yoy", "CN-RU", "Q1 2023", 8.5, None, None),
    ],
)]
#[case::imports_come_from_the_party_after_cong(
    "2023年，中国从巴西进口额为1220亿美元，巴西继续成为中国在拉美最大的贸易伙伴。",
    "2024-02-01",
    &[
        ("import_value", "BR-CN", "2023", 122e9, Some("USD"), None),
    ],
)]
#[case::japan_surplus_with_the_us_in_trillions_of_yen(
    "上半年，日本对美国贸易顺差为3.4万亿日元，日本财务省公布的数据显示了这一点。",
    "2015-07-23",
    &[
        ("trade_balance", "JP-US", "H1 2015", 3.4e12, Some("JPY"), None),
    ],
)]
#[case::a_korean_deficit_with_china_is_negative(
    "8月，韩国对华贸易逆差为6.67亿美元，这是韩国连续第十个月对华出现逆差。",
    "2023-09-01",
    &[
        ("trade_balance", "KR-CN", "Aug 2023", -6.67e8, Some("USD"), None),
    ],
)]
#[case::china_eu_in_euros_about_and_an_approximate_fall(
    "2023年中欧贸易额约为7390亿欧元，欧盟统计局的数据显示，这一规模同比下降约7%。",
    "2024-03-01",
    &[
        ("trade_value", "CN-EU", "2023", 739e9, Some("EUR"), Some("about")),
        ("trade_growth_yoy", "CN-EU", "2023", -7.0, None, Some("about")),
    ],
)]
#[case::russia_named_first_in_trillions_of_rubles(
    "据俄方统计，2023年俄中贸易额超过18万亿卢布，两国贸易结算基本实现本币化。",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 18e12, Some("RUB"), Some("over")),
    ],
)]
#[case::kazakhstan_total_then_exports_and_imports_in_the_next_sentence(
    "2021年，中国与哈萨克斯坦贸易额为252.5亿美元。其中，中国对哈出口额为139.8亿美元，自哈进口额为112.7亿美元。",
    "2022-01-20",
    &[
        ("trade_value", "CN-KZ", "2021", 25.25e9, Some("USD"), None),
        ("export_value", "CN-KZ", "2021", 13.98e9, Some("USD"), None),
        ("import_value", "KZ-CN", "2021", 11.27e9, Some("USD"), None),
    ],
)]
#[case::traditional_eu_first_half_in_wan_yi_yuan(
    "今年上半年，中國與歐盟進出口總額為2.7萬億元，同比下降1.2%。",
    "2024-07-15",
    &[
        ("trade_value", "CN-EU", "H1 2024", 2.7e12, Some("CNY"), None),
        ("trade_growth_yoy", "CN-EU", "H1 2024", -1.2, None, None),
    ],
)]
#[case::brazil_last_year_nearly_jin(
    "去年，中国与巴西双边贸易额近1600亿美元，巴西对华出口创下历史新高。",
    "2024-03-01",
    &[
        ("trade_value", "BR-CN", "2023", 160e9, Some("USD"), Some("nearly")),
    ],
)]
#[case::asean_over_yu(
    "2024年，中国与东盟贸易额逾9800亿美元，双方互为第一大贸易伙伴。",
    "2025-01-20",
    &[
        ("trade_value", "ASEAN-CN", "2024", 980e9, Some("USD"), Some("over")),
    ],
)]
#[case::exports_to_and_imports_from_the_us_with_their_rates(
    "去年中国对美国出口5003亿美元，同比下降13.1%，自美国进口1641亿美元，同比下降6.8%。",
    "2024-03-01",
    &[
        ("export_value", "CN-US", "2023", 500.3e9, Some("USD"), None),
        ("export_growth_yoy", "CN-US", "2023", -13.1, None, None),
        ("import_value", "US-CN", "2023", 164.1e9, Some("USD"), None),
        ("import_growth_yoy", "US-CN", "2023", -6.8, None, None),
    ],
)]
#[case::a_month_on_month_rate_is_left_out(
    "5月份，中美贸易额为580亿美元，环比增长4.2%，海关总署公布的数据显示。",
    "2024-06-10",
    &[
        ("trade_value", "CN-US", "May 2024", 58e9, Some("USD"), None),
    ],
)]
#[case::year_on_year_kept_month_on_month_dropped(
    "3月，中俄贸易额为210亿美元，同比增长3.5%，环比增长12%，两国经贸合作保持稳定。",
    "2024-04-10",
    &[
        ("trade_value", "CN-RU", "Mar 2024", 21e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Mar 2024", 3.5, None, None),
    ],
)]
#[case::japan_decrease_jianshao(
    "2022年，中日贸易额为3574亿美元，同比减少3.7%，日本仍是中国重要的贸易伙伴。",
    "2023-02-01",
    &[
        ("trade_value", "CN-JP", "2022", 357.4e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-JP", "2022", -3.7, None, None),
    ],
)]
#[case::korea_first_two_months_increase_zengjia(
    "今年前两个月，中韩贸易额为450亿美元，同比增加2.1%，双方经贸往来持续活跃。",
    "2024-03-10",
    &[
        ("trade_value", "CN-KR", "Jan–Feb 2024", 45e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-KR", "Jan–Feb 2024", 2.1, None, None),
    ],
)]
#[case::traditional_japanese_exports_to_china_in_yen(
    "去年日本對中國出口額為18.5萬億日圓，同比下降6%，日本財務省公布了這一數據。",
    "2024-02-01",
    &[
        ("export_value", "JP-CN", "2023", 18.5e12, Some("JPY"), None),
        ("export_growth_yoy", "JP-CN", "2023", -6.0, None, None),
    ],
)]
#[case::eu_deficit_with_china_in_euros(
    "2023年，欧盟对华贸易逆差为2920亿欧元，较上年有所收窄，欧盟统计局公布了数据。",
    "2024-03-01",
    &[
        ("trade_balance", "EU-CN", "2023", -292e9, Some("EUR"), None),
    ],
)]
#[case::china_surplus_with_the_us_short_form_dui_mei(
    "2023年，中国对美贸易顺差为3361亿美元，美方多次对此表示关切。",
    "2024-02-01",
    &[
        ("trade_balance", "CN-US", "2023", 336.1e9, Some("USD"), None),
    ],
)]
#[case::a_surplus_named_after_its_amount(
    "今年前8个月，中国对俄罗斯贸易实现了128亿美元的顺差，同比有所扩大。",
    "2024-09-10",
    &[
        ("trade_balance", "CN-RU", "Jan–Aug 2024", 12.8e9, Some("USD"), None),
    ],
)]
#[case::over_chaoguo_china_russia(
    "2024年，中俄贸易额超过2400亿美元，连续第二年保持在较高水平。",
    "2025-01-15",
    &[
        ("trade_value", "CN-RU", "2024", 240e9, Some("USD"), Some("over")),
    ],
)]
#[case::about_yue_in_renminbi_last_year(
    "据海关统计，去年中俄双边贸易额约1.7万亿元人民币，创历史新高。",
    "2024-01-20",
    &[
        ("trade_value", "CN-RU", "2023", 1.7e12, Some("CNY"), Some("about")),
    ],
)]
#[case::second_half_of_a_named_year_exports_to_brazil(
    "2023年下半年，中国对巴西出口额为300亿美元，巴西市场对中国产品需求旺盛。",
    "2024-02-01",
    &[
        ("export_value", "CN-BR", "H2 2023", 30e9, Some("USD"), None),
    ],
)]
#[case::india_deficit_with_china(
    "2023年，印度对华贸易逆差达到850亿美元，印度商工部公布的数据显示。",
    "2024-04-12",
    &[
        ("trade_balance", "IN-CN", "2023", -85e9, Some("USD"), None),
    ],
)]
#[case::ten_thousands_wan_with_uzbekistan(
    "3月份，中国与乌兹别克斯坦双边贸易额为8500万美元，两国合作稳步推进。",
    "2024-04-20",
    &[
        ("trade_value", "CN-UZ", "Mar 2024", 85e6, Some("USD"), None),
    ],
)]
#[case::traditional_wan_with_mongolia(
    "3月份，中国与蒙古国双边贸易额为8500萬美元，两国合作稳步推进，口岸通关顺畅。",
    "2024-04-20",
    &[
        ("trade_value", "CN-MN", "Mar 2024", 85e6, Some("USD"), None),
    ],
)]
#[case::first_quarter_of_a_named_year_korea(
    "2024年第一季度，中国与韩国贸易额为670亿美元，同比增长1.5%，两国合作稳步推进。",
    "2024-04-20",
    &[
        ("trade_value", "CN-KR", "Q1 2024", 67e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-KR", "Q1 2024", 1.5, None, None),
    ],
)]
#[case::russian_exports_to_china_first_ten_months(
    "今年前10个月，俄罗斯对中国出口额为1050亿美元，同比下降5.3%，俄方数据显示。",
    "2024-11-20",
    &[
        ("export_value", "RU-CN", "Jan–Oct 2024", 105e9, Some("USD"), None),
        ("export_growth_yoy", "RU-CN", "Jan–Oct 2024", -5.3, None, None),
    ],
)]
#[case::traditional_imports_from_australia_after_cong(
    "2022年，中國從澳大利亞進口額為1420億美元，澳洲鐵礦石佔比較高。",
    "2023-02-01",
    &[
        ("import_value", "AU-CN", "2022", 142e9, Some("USD"), None),
    ],
)]
#[case::vietnam_da(
    "2024年，中国与越南双边贸易额达2600亿美元，越南是中国重要的贸易伙伴。",
    "2025-01-20",
    &[
        ("trade_value", "CN-VN", "2024", 260e9, Some("USD"), None),
    ],
)]
#[case::korean_exports_to_china_dui_hua(
    "一季度，韩国对华出口额为290亿美元，同比增长8%，韩国产业通商资源部表示。",
    "2024-04-05",
    &[
        ("export_value", "KR-CN", "Q1 2024", 29e9, Some("USD"), None),
        ("export_growth_yoy", "KR-CN", "Q1 2024", 8.0, None, None),
    ],
)]
#[case::indonesia_is_not_india(
    "前5个月，中国与印度尼西亚进出口额为540亿美元，双方经贸合作不断深化。",
    "2024-06-10",
    &[
        ("trade_value", "CN-ID", "Jan–May 2024", 54e9, Some("USD"), None),
    ],
)]
#[case::asean_total_value_and_an_approximate_rate(
    "2024年上半年，中国与东盟贸易总值为3.36万亿元，同比增长约10.5%，继续保持增长势头。",
    "2024-07-15",
    &[
        ("trade_value", "ASEAN-CN", "H1 2024", 3.36e12, Some("CNY"), None),
        ("trade_growth_yoy", "ASEAN-CN", "H1 2024", 10.5, None, Some("about")),
    ],
)]
#[case::a_goal_for_2030_with_lizheng(
    "两国领导人提出，力争到2030年将中俄贸易额提升至3000亿美元。",
    "2024-05-01",
    &[
        ("trade_target", "CN-RU", "2030", 300e9, Some("USD"), None),
    ],
)]
#[case::a_goal_for_2030_with_mubiao_brazil(
    "中国和巴西设定了2030年双边贸易额达到2500亿美元的目标，双方将扩大合作。",
    "2024-05-01",
    &[
        ("trade_target", "BR-CN", "2030", 250e9, Some("USD"), None),
    ],
)]
#[case::a_headline_then_the_body_kazakhstan_short_form(
    "中国与哈萨克斯坦经贸合作持续深化。2023年，中哈贸易额达410亿美元，同比增长32%。双方将继续扩大贸易规模。",
    "2024-01-20",
    &[
        ("trade_value", "CN-KZ", "2023", 41e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-KZ", "2023", 32.0, None, None),
    ],
)]
#[case::the_year_carries_to_imports_in_the_next_sentence(
    "2024年，中国对巴西出口额为730亿美元。中国自巴西进口额为1150亿美元，同比下降6.5%。",
    "2025-01-20",
    &[
        ("export_value", "CN-BR", "2024", 73e9, Some("USD"), None),
        ("import_value", "BR-CN", "2024", 115e9, Some("USD"), None),
        ("import_growth_yoy", "BR-CN", "2024", -6.5, None, None),
    ],
)]
#[case::month_range_with_a_dash_exports_to_the_eu_in_yuan(
    "1-9月，中国对欧盟出口额为3.9万亿元，欧盟是中国第二大出口市场。",
    "2024-10-15",
    &[
        ("export_value", "CN-EU", "Jan–Sep 2024", 3.9e12, Some("CNY"), None),
    ],
)]
#[case::first_three_quarters(
    "今年前三季度，中俄贸易额为1800亿美元，同比增长2%，双方合作保持良好势头。",
    "2024-10-15",
    &[
        ("trade_value", "CN-RU", "Jan–Sep 2024", 180e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Jan–Sep 2024", 2.0, None, None),
    ],
)]
#[case::a_thousands_separator(
    "2023年，中美贸易额为6,643亿美元，双方经贸关系总体稳定。",
    "2024-01-15",
    &[
        ("trade_value", "CN-US", "2023", 664.3e9, Some("USD"), None),
    ],
)]
#[case::renminbi_before_the_amount_and_bi_shangnian(
    "据中方统计，去年中俄贸易额为人民币1.7万亿元，比上年增长了26.3%。",
    "2024-01-20",
    &[
        ("trade_value", "CN-RU", "2023", 1.7e12, Some("CNY"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::liangguo_takes_the_pair_of_the_headline(
    "中俄经贸合作不断深化。据统计，今年前7个月两国贸易额达1380亿美元，同比增长1.5%。",
    "2024-08-10",
    &[
        ("trade_value", "CN-RU", "Jan–Jul 2024", 138e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Jan–Jul 2024", 1.5, None, None),
    ],
)]
#[case::a_release_day_is_not_the_period(
    "海关总署3月7日发布数据显示，今年前两个月，中美贸易额为1000亿美元，同比下降2%。",
    "2024-03-08",
    &[
        ("trade_value", "CN-US", "Jan–Feb 2024", 100e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-US", "Jan–Feb 2024", -2.0, None, None),
    ],
)]
#[case::fullwidth_digits(
    "２０２３年，中俄贸易额达２４０１亿美元，同比增长２６．３％，两国合作成果丰硕。",
    "2024-01-12",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::nearly_jiangjin_months_one_to_five_of_a_named_year(
    "2024年1-5月，中国与印度贸易额将近570亿美元，同比增长4%，两国合作潜力巨大。",
    "2024-06-10",
    &[
        ("trade_value", "CN-IN", "Jan–May 2024", 57e9, Some("USD"), Some("nearly")),
        ("trade_growth_yoy", "CN-IN", "Jan–May 2024", 4.0, None, None),
    ],
)]
#[case::last_full_year_over_chao(
    "去年全年，中国与韩国贸易额超3100亿美元，韩国是中国重要的贸易伙伴之一。",
    "2024-06-10",
    &[
        ("trade_value", "CN-KR", "2023", 310e9, Some("USD"), Some("over")),
    ],
)]
#[case::exports_to_japan_january_to_april_in_yuan(
    "今年1至4月，中国对日本出口额为4900亿元，同比下降3%，日本市场需求疲软。",
    "2024-05-10",
    &[
        ("export_value", "CN-JP", "Jan–Apr 2024", 490e9, Some("CNY"), None),
        ("export_growth_yoy", "CN-JP", "Jan–Apr 2024", -3.0, None, None),
    ],
)]
#[case::russia_and_india_without_china(
    "2023年，俄罗斯与印度贸易额达650亿美元，同比增长33%，印度已成为俄罗斯重要贸易伙伴。",
    "2024-02-10",
    &[
        ("trade_value", "IN-RU", "2023", 65e9, Some("USD"), None),
        ("trade_growth_yoy", "IN-RU", "2023", 33.0, None, None),
    ],
)]
#[case::traditional_korean_exports_to_china(
    "據韓國統計，去年韓國對華出口額為1248億美元，同比下降19.9%，韓國對華貿易出現逆差。",
    "2024-01-10",
    &[
        ("export_value", "KR-CN", "2023", 124.8e9, Some("USD"), None),
        ("export_growth_yoy", "KR-CN", "2023", -19.9, None, None),
    ],
)]
#[case::us_deficit_with_china(
    "2023年，美国对华贸易逆差为2792亿美元，为近年来的最低水平，美国商务部公布的数据显示。",
    "2024-02-10",
    &[
        ("trade_balance", "US-CN", "2023", -279.2e9, Some("USD"), None),
    ],
)]
#[case::exports_to_and_imports_from_asean_in_yuan(
    "上半年，中国对东盟出口额为2.3万亿元，同比增长10%，自东盟进口额为1.5万亿元，同比增长6%。",
    "2024-07-15",
    &[
        ("export_value", "CN-ASEAN", "H1 2024", 2.3e12, Some("CNY"), None),
        ("import_value", "ASEAN-CN", "H1 2024", 1.5e12, Some("CNY"), None),
        ("export_growth_yoy", "CN-ASEAN", "H1 2024", 10.0, None, None),
        ("import_growth_yoy", "ASEAN-CN", "H1 2024", 6.0, None, None),
    ],
)]
#[case::eu_total_then_dui_ou_exports_and_zi_ou_imports(
    "2023年中国与欧盟贸易额为7830亿美元，其中中国对欧出口5010亿美元，自欧进口2820亿美元。",
    "2024-02-10",
    &[
        ("trade_value", "CN-EU", "2023", 783e9, Some("USD"), None),
        ("export_value", "CN-EU", "2023", 501e9, Some("USD"), None),
        ("import_value", "EU-CN", "2023", 282e9, Some("USD"), None),
    ],
)]
#[case::exports_to_kazakhstan_beside_a_ranking(
    "2022年，中国对哈萨克斯坦出口额为163亿美元，同比增长20%，哈萨克斯坦是中国在中亚最大的贸易伙伴。",
    "2023-02-10",
    &[
        ("export_value", "CN-KZ", "2022", 16.3e9, Some("USD"), None),
        ("export_growth_yoy", "CN-KZ", "2022", 20.0, None, None),
    ],
)]
#[case::two_years_in_two_sentences_korea(
    "2022年，中国与韩国贸易额为3622亿美元。2023年，两国贸易额下降至3100亿美元，同比下降14.4%。",
    "2024-02-10",
    &[
        ("trade_value", "CN-KR", "2022", 362.2e9, Some("USD"), None),
        ("trade_value", "CN-KR", "2023", 310e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-KR", "2023", -14.4, None, None),
    ],
)]
#[case::imports_from_and_exports_to_russia_first_three_months(
    "今年前三个月，中国从俄罗斯进口额为310亿美元，同比下降2%，对俄罗斯出口额为250亿美元，同比增长5%。",
    "2024-04-20",
    &[
        ("import_value", "RU-CN", "Q1 2024", 31e9, Some("USD"), None),
        ("export_value", "CN-RU", "Q1 2024", 25e9, Some("USD"), None),
        ("import_growth_yoy", "RU-CN", "Q1 2024", -2.0, None, None),
        ("export_growth_yoy", "CN-RU", "Q1 2024", 5.0, None, None),
    ],
)]
#[case::traditional_asean_first_ten_months(
    "據統計，今年前十個月，中國與東盟貿易總值為5.78萬億元人民幣，同比增長7%。",
    "2024-11-10",
    &[
        ("trade_value", "ASEAN-CN", "Jan–Oct 2024", 5.78e12, Some("CNY"), None),
        ("trade_growth_yoy", "ASEAN-CN", "Jan–Oct 2024", 7.0, None, None),
    ],
)]
#[case::a_dateline_day_before_the_year(
    "本报北京1月12日电，2023年中俄贸易额达2401亿美元，同比增长26.3%，两国合作成果丰硕。",
    "2024-01-12",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::qizhong_exports_to_the_us_in_the_next_sentence(
    "2023年，中国与美国贸易额为6643亿美元，同比下降11.6%。其中，中国对美国出口5003亿美元，同比下降13.1%。",
    "2024-01-12",
    &[
        ("trade_value", "CN-US", "2023", 664.3e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-US", "2023", -11.6, None, None),
        ("export_value", "CN-US", "2023", 500.3e9, Some("USD"), None),
        ("export_growth_yoy", "CN-US", "2023", -13.1, None, None),
    ],
)]
#[case::a_month_of_a_named_year(
    "2023年12月，中俄贸易额为210亿美元，同比增长3%，双方合作保持稳定发展。",
    "2024-01-20",
    &[
        ("trade_value", "CN-RU", "Dec 2023", 21e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Dec 2023", 3.0, None, None),
    ],
)]
#[case::the_eurasian_economic_union(
    "2023年，中国与欧亚经济联盟贸易额为3000亿美元，同比增长15%，双方合作持续深化。",
    "2024-02-10",
    &[
        ("trade_value", "CN-EAEU", "2023", 300e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-EAEU", "2023", 15.0, None, None),
    ],
)]
#[case::a_rate_over_chaoguo(
    "2023年，中俄贸易额为2401亿美元，同比增长超过25%，创历史新高。",
    "2024-02-10",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 25.0, None, Some("over")),
    ],
)]
#[case::eleven_months_total_then_exports_and_imports_after_qizhong(
    "今年前11个月，中俄贸易额达2.2万亿元，同比增长2.3%，其中，出口1.05万亿元，增长4%，进口1.15万亿元，增长0.8%。",
    "2024-12-10",
    &[
        ("trade_value", "CN-RU", "Jan–Nov 2024", 2.2e12, Some("CNY"), None),
        ("export_value", "CN-RU", "Jan–Nov 2024", 1.05e12, Some("CNY"), None),
        ("import_value", "RU-CN", "Jan–Nov 2024", 1.15e12, Some("CNY"), None),
        ("trade_growth_yoy", "CN-RU", "Jan–Nov 2024", 2.3, None, None),
        ("export_growth_yoy", "CN-RU", "Jan–Nov 2024", 4.0, None, None),
        ("import_growth_yoy", "RU-CN", "Jan–Nov 2024", 0.8, None, None),
    ],
)]
#[case::belarus_is_not_russia_inside_its_name(
    "3月份，中国与白俄罗斯双边贸易额为8500万美元，两国合作稳步推进。",
    "2024-04-20",
    &[("trade_value", "BY-CN", "Mar 2024", 8.5e7, Some("USD"), None)],
)]
#[case::uzbekistan_in_traditional_characters(
    "3月份，中國與烏茲別克斯坦雙邊貿易額為8500萬美元，兩國合作穩步推進。",
    "2024-04-20",
    &[("trade_value", "CN-UZ", "Mar 2024", 8.5e7, Some("USD"), None)],
)]
#[case::a_partner_after_a_semicolon_continues_the_pair(
    "去年中国对美国出口5003亿美元，同比下降13.1%；自美国进口1641亿美元，同比下降6.8%。",
    "2024-03-01",
    &[
        ("export_value", "CN-US", "2023", 500.3e9, Some("USD"), None),
        ("export_growth_yoy", "CN-US", "2023", -13.1, None, None),
        ("import_value", "US-CN", "2023", 164.1e9, Some("USD"), None),
        ("import_growth_yoy", "US-CN", "2023", -6.8, None, None),
    ],
)]
#[case::a_goal_in_chinese_numerals(
    "双方力争在2026年前将中俄贸易额提升至两千五百亿美元，两国元首对此达成共识。",
    "2024-06-01",
    &[("trade_target", "CN-RU", "2026", 250e9, Some("USD"), None)],
)]
#[case::about_written_after_the_amount(
    "2023年，中俄贸易额为2400亿美元左右，同比增长超过25%，创历史新高。",
    "2024-02-10",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), Some("about")),
        ("trade_growth_yoy", "CN-RU", "2023", 25.0, None, Some("over")),
    ],
)]
#[case::more_than_inside_the_amount(
    "2023年，中国与巴西贸易额达1500多亿美元，巴西是中国在拉美最大的贸易伙伴。",
    "2024-02-10",
    &[("trade_value", "BR-CN", "2023", 150e9, Some("USD"), Some("over"))],
)]
#[case::crossing_a_mark_is_over_it(
    "2024年，中俄贸易额突破2400亿美元，双方合作保持强劲势头。",
    "2025-02-10",
    &[("trade_value", "CN-RU", "2024", 240e9, Some("USD"), Some("over"))],
)]
#[case::tenths_written_as_cheng(
    "今年首四个月，中哈双边贸易额是49.1亿美元，同比增长超过三成半。",
    "2023-05-20",
    &[
        ("trade_value", "CN-KZ", "Jan–Apr 2023", 4.91e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-KZ", "Jan–Apr 2023", 35.0, None, Some("over")),
    ],
)]
#[case::a_rate_with_no_amount_takes_the_measure_before_it(
    "1至5月，中国从印度进口增长8.2%，是去年以来首次由负转正。",
    "2024-06-10",
    &[("import_growth_yoy", "IN-CN", "Jan–May 2024", 8.2, None, None)],
)]
#[case::import_from_with_zi(
    "2023年，中印贸易额为1362亿美元。据统计，印度自中国的进口总额为1178亿美元。",
    "2024-02-10",
    &[
        ("trade_value", "CN-IN", "2023", 136.2e9, Some("USD"), None),
        ("import_value", "CN-IN", "2023", 117.8e9, Some("USD"), None),
    ],
)]
#[case::a_balance_word_in_the_next_clause_is_another_figure(
    "2023年，中国对印度出口额为1177亿美元，自印度进口额为185亿美元，中方顺差接近1000亿美元。",
    "2024-02-10",
    &[
        ("export_value", "CN-IN", "2023", 117.7e9, Some("USD"), None),
        ("import_value", "IN-CN", "2023", 18.5e9, Some("USD"), None),
        ("trade_balance", "CN-IN", "2023", 100e9, Some("USD"), Some("nearly")),
    ],
)]
#[case::partners_of_a_subject_listed_with_fenbie(
    "今年上半年，韩国进口额为3100亿美元。韩国对越南与印度均出现贸易顺差，分别为160亿美元和45亿美元。",
    "2024-07-15",
    &[
        ("trade_balance", "KR-VN", "H1 2024", 16e9, Some("USD"), None),
        ("trade_balance", "KR-IN", "H1 2024", 4.5e9, Some("USD"), None),
    ],
)]
#[case::measures_listed_with_fenbie(
    "2022年，中国对巴西出口和进口分别为620亿美元和1100亿美元。",
    "2023-02-01",
    &[
        ("export_value", "CN-BR", "2022", 62e9, Some("USD"), None),
        ("import_value", "BR-CN", "2022", 110e9, Some("USD"), None),
    ],
)]
#[case::a_balance_with_a_partner_of_the_subject_before(
    "2015年上半年，日本出口额为37.8万亿日元。对美贸易顺差为3.4万亿日元，同比增加22.5%。",
    "2015-07-23",
    &[("trade_balance", "JP-US", "H1 2015", 3.4e12, Some("JPY"), None)],
)]
#[case::last_months_rate_named_as_a_noun(
    "11月份中国对越南的出口额同比下滑6.5%，与10月的12%同比增幅相比明显放缓。",
    "2024-12-10",
    &[
        ("export_growth_yoy", "CN-VN", "Nov 2024", -6.5, None, None),
        ("export_growth_yoy", "CN-VN", "Oct 2024", 12.0, None, None),
    ],
)]
#[case::a_fall_named_as_a_noun(
    "中国自巴西进口额在11月同比下降3.1%，相比10月份的2.2%跌幅进一步扩大。",
    "2024-12-10",
    &[
        ("import_growth_yoy", "BR-CN", "Nov 2024", -3.1, None, None),
        ("import_growth_yoy", "BR-CN", "Oct 2024", -2.2, None, None),
    ],
)]
#[case::a_conversion_into_singapore_dollars(
    "11月份，中越双边贸易总额为1200亿元人民币(230亿新元)。",
    "2024-12-10",
    &[
        ("trade_value", "CN-VN", "Nov 2024", 120e9, Some("CNY"), None),
        ("trade_value", "CN-VN", "Nov 2024", 23e9, Some("SGD"), None),
    ],
)]
#[case::japan_written_first_in_ri_zhong(
    "2023年日中贸易额为3180亿美元，同比下降10.7%，日本贸易振兴机构公布的数据显示。",
    "2024-02-10",
    &[
        ("trade_value", "CN-JP", "2023", 318e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-JP", "2023", -10.7, None, None),
    ],
)]
#[case::a_day_before_zhong_is_not_japan(
    "新华社1月13日电 13日中国海关公布，2024年中越贸易额为2600亿美元。",
    "2025-01-13",
    &[("trade_value", "CN-VN", "2024", 260e9, Some("USD"), None)],
)]
#[case::bilateral_foreign_trade(
    "今年前三季度中德雙邊外貿總值1.3萬億元人民幣，同比下降4.1%。",
    "2024-10-14",
    &[
        ("trade_value", "CN-DE", "Jan–Sep 2024", 1.3e12, Some("CNY"), None),
        ("trade_growth_yoy", "CN-DE", "Jan–Sep 2024", -4.1, None, None),
    ],
)]
fn chinese_figures_are_read(#[case] text: &str, #[case] published: &str, #[case] want: &[Want]) {
    check(text, published, want);
}

// GDP, population, shares, investment, goods, one side's trade with the
// world, page chrome, phone numbers, month-on-month rates: no figure, or only
// the real one beside them.
#[rstest]
#[case::gdp_of_two_countries(
    "2023年，中国国内生产总值为126万亿元，同比增长5.2%，增速高于俄罗斯。",
    "2024-01-20",
    &[],
)]
#[case::population(
    "印度人口已超过14亿，与中国人口规模相当，两国都是人口大国。",
    "2024-01-20",
    &[],
)]
#[case::a_share_and_percentage_points(
    "2023年，中俄贸易额占中国对外贸易总额的4%左右，比重较上年提高0.6个百分点。",
    "2024-01-20",
    &[],
)]
#[case::an_investment_stock(
    "截至2023年底，中国对巴西直接投资存量超过300亿美元，涉及能源、矿产等领域。",
    "2024-01-20",
    &[],
)]
#[case::one_kind_of_goods_machinery_products(
    "2023年，中国对俄罗斯机电产品出口额为600亿美元，同比增长30%。",
    "2024-01-20",
    &[],
)]
#[case::china_trade_with_the_world(
    "2023年，中国货物贸易进出口总值为41.76万亿元，同比增长0.2%，规模再创新高。",
    "2024-01-20",
    &[],
)]
#[case::page_chrome_with_a_view_counter(
    "浏览次数：23456　发布时间：2024-03-05 10:23　来源：商务部　字号：大 中 小　分享到：微信 微博　打印本页　关闭窗口",
    "2024-03-05",
    &[],
)]
#[case::phone_fax_and_postcode(
    "咨询电话：010-65197000，传真：010-65197111，地址：北京市东城区东长安街2号，邮编100731。",
    "2024-03-05",
    &[],
)]
#[case::only_a_month_on_month_fall_with_asean(
    "4月，中国与东盟贸易额环比下降2.3%，海关总署新闻发言人在发布会上表示。",
    "2024-05-10",
    &[],
)]
#[case::only_a_month_on_month_rise_with_russia(
    "3月，中俄贸易额环比增长3%，海关总署新闻发言人在发布会上表示。",
    "2024-05-10",
    &[],
)]
#[case::a_meeting_date(
    "2024年5月16日，中俄两国元首在北京举行会谈，共同签署了联合声明。",
    "2024-05-20",
    &[],
)]
#[case::a_loan(
    "中国国家开发银行向俄罗斯提供了100亿美元贷款，用于基础设施建设。",
    "2024-05-20",
    &[],
)]
#[case::an_average_over_ten_years(
    "2013年至2023年，中哈贸易额年均增长9%，两国合作成果丰硕。",
    "2024-05-20",
    &[],
)]
#[case::a_goal_without_a_year(
    "双方表示，力争将中印贸易额提升至2000亿美元，进一步挖掘合作潜力。",
    "2024-05-20",
    &[],
)]
#[case::russian_foreign_trade_total_with_the_world(
    "2023年，俄罗斯外贸总额为7100亿美元，其中对华贸易占比超过三成。",
    "2024-05-20",
    &[],
)]
#[case::the_china_europe_railway_is_no_pair(
    "今年以来，中欧班列累计开行1.2万列，运送货物130万标箱，同比增长10%。",
    "2024-08-10",
    &[],
)]
#[case::central_america_is_no_pair(
    "2023年，中国与中美洲国家贸易额为500亿美元，同比增长5%，合作潜力巨大。",
    "2024-02-10",
    &[],
)]
#[case::an_exchange_rate(
    "今日人民币对美元汇率中间价为7.1元，较上一交易日上升0.2%，外汇市场运行平稳。",
    "2024-02-10",
    &[],
)]
#[case::only_the_figure_not_vietnams_population_and_gdp(
    "2023年，中国对越南出口额为1380亿美元；越南总人口超过1亿，国内生产总值约4300亿美元。",
    "2024-05-20",
    &[
        ("export_value", "CN-VN", "2023", 138e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_its_share(
    "2023年，中俄贸易额为2401亿美元，占俄罗斯外贸总额的三分之一以上。",
    "2024-05-20",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_growth_against_two_years_before(
    "2021年上半年，中俄贸易额为640亿美元，比2019年同期增长21%，两国合作克服疫情影响。",
    "2021-07-20",
    &[
        ("trade_value", "CN-RU", "H1 2021", 64e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_growth_since_2020(
    "2024年，中国与东盟贸易额为9823亿美元，较2020年增长了43%，双方互为最大贸易伙伴。",
    "2025-02-10",
    &[
        ("trade_value", "ASEAN-CN", "2024", 982.3e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_a_goal_already_met(
    "中俄贸易额2023年达到2401亿美元，提前实现了两国元首确定的2000亿美元目标。",
    "2024-02-10",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_a_tariff_or_a_reader_count(
    "2023年，中美贸易额为6643亿美元，美国对中国加征的关税税率平均约为19%，阅读量3.2万。",
    "2024-02-10",
    &[
        ("trade_value", "CN-US", "2023", 664.3e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_its_share_of_brazils_exports(
    "2023年，巴西对华出口额为1045亿美元，占巴西出口总额的30%以上，中国连续多年是巴西第一大贸易伙伴。",
    "2024-02-10",
    &[
        ("export_value", "BR-CN", "2023", 104.5e9, Some("USD"), None),
    ],
)]
#[case::three_countries_are_no_pair(
    "2023年，中日韩三国之间的贸易额超过7000亿美元，三方合作潜力巨大。",
    "2024-02-10",
    &[],
)]
#[case::soybeans_without_pin(
    "2023年，中国从巴西进口大豆7000万吨，进口金额约380亿美元。",
    "2024-01-20",
    &[],
)]
#[case::crude_oil_without_pin(
    "2023年，中国从俄罗斯进口原油1.07亿吨，进口额为606亿美元，同比增长24%。",
    "2024-01-20",
    &[],
)]
#[case::one_countrys_total_with_a_partner_later(
    "2023年，俄罗斯进出口总额为7100亿美元，其中对华贸易额占比超过三成。",
    "2024-05-20",
    &[],
)]
#[case::an_absolute_change_is_no_level(
    "9月份，中国对美国出口额为480亿美元，同比增长2.2%，比8月份减少30亿美元。",
    "2024-10-15",
    &[
        ("export_value", "CN-US", "Sep 2024", 48e9, Some("USD"), None),
        ("export_growth_yoy", "CN-US", "Sep 2024", 2.2, None, None),
    ],
)]
#[case::per_head_is_no_total(
    "2023年，中国与东盟贸易额为9117亿美元，人均贸易额约为1300美元，双方合作持续深化。",
    "2024-02-10",
    &[("trade_value", "ASEAN-CN", "2023", 911.7e9, Some("USD"), None)],
)]
#[case::services_are_not_goods(
    "2023年，中国与欧盟货物贸易额为7830亿美元，服务贸易额为1000亿美元，双方合作潜力巨大。",
    "2024-02-10",
    &[("trade_value", "CN-EU", "2023", 783e9, Some("USD"), None)],
)]
#[case::a_list_with_fenbie_of_no_figures(
    "印度自中国的进口总额为587亿美元，超过其从美国和阿联酋进口的总和，两国分别是印度第二大和第三大进口来源国。",
    "2021-02-23",
    &[],
)]
fn other_numbers_are_not_trade_figures(
    #[case] text: &str,
    #[case] published: &str,
    #[case] want: &[Want],
) {
    check(text, published, want);
}
