//! Russian articles through the whole pipeline, one short text each (written
//! for these tests, numbers invented), with its publication date and every
//! figure a careful reader takes from it, compared as a set: a figure missing
//! or one too many fails. Country names in their cases (Китай, Китая, Китаем,
//! КНР; Россия, России, РФ; Индией, Турцией...); amounts with млрд, млн and
//! трлн, decimal commas, "$24,6 млрд", "38 млрд 607,6 млн"; товарооборот,
//! экспорт, импорт, сальдо and their changes (вырос, снизился на X%, "по
//! сравнению с аналогичным периодом"); periods "в январе-сентябре 2023 года",
//! "по итогам 2024 года", "в прошлом году", "за первое полугодие";
//! qualifiers около, более, почти, свыше, порядка.

mod support;

use rstest::rstest;

use support::figures::Want;

/// Every figure of `text`, read in Russian, against `want`.
#[track_caller]
fn check(text: &str, published: &str, want: &[Want]) {
    support::figures::check("ru", text, published, want);
}

#[rstest]
#[case::china_january_to_september_with_its_rate(
    "Товарооборот России и Китая в январе-сентябре 2023 года вырос на 29,5% и составил 176,4 млрд долларов.",
    "2023-10-13",
    &[
        ("trade_value", "CN-RU", "Jan–Sep 2023", 176.4e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Jan–Sep 2023", 29.5, None, None),
    ],
)]
#[case::china_in_the_instrumental_kitaem(
    "По итогам 2024 года товарооборот между Россией и Китаем достиг 244,8 млрд долларов, увеличившись на 1,9%.",
    "2025-01-14",
    &[
        ("trade_value", "CN-RU", "2024", 244.8e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2024", 1.9, None, None),
    ],
)]
#[case::rf_and_knr(
    "В 2022 году объем торговли между РФ и КНР составил 190,3 млрд долларов.",
    "2023-01-20",
    &[
        ("trade_value", "CN-RU", "2022", 190.3e9, Some("USD"), None),
    ],
)]
#[case::india_in_the_instrumental_last_year_over(
    "Товарооборот России с Индией по итогам прошлого года превысил 65 млрд долларов.",
    "2024-03-01",
    &[
        ("trade_value", "IN-RU", "2023", 65e9, Some("USD"), Some("over")),
    ],
)]
#[case::turkey_in_the_instrumental_first_half_about(
    "За первое полугодие 2024 года товарооборот России с Турцией снизился на 21% и составил около 24 млрд долларов.",
    "2024-08-01",
    &[
        ("trade_value", "RU-TR", "H1 2024", 24e9, Some("USD"), Some("about")),
        ("trade_growth_yoy", "RU-TR", "H1 2024", -21.0, None, None),
    ],
)]
#[case::belarus_poryadka(
    "В 2023 году взаимный товарооборот Беларуси и России составил порядка 55 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "BY-RU", "2023", 55e9, Some("USD"), Some("about")),
    ],
)]
#[case::iran_rate_against_the_same_period_of_last_year(
    "Товарооборот России и Ирана в январе-июне вырос на 7,2% по сравнению с аналогичным периодом прошлого года.",
    "2024-08-05",
    &[
        ("trade_growth_yoy", "IR-RU", "H1 2024", 7.2, None, None),
    ],
)]
#[case::kazakhstan_dollar_sign_eleven_months(
    "Товарооборот Казахстана и России за 11 месяцев 2023 года составил $24,6 млрд.",
    "2024-01-20",
    &[
        ("trade_value", "KZ-RU", "Jan–Nov 2023", 24.6e9, Some("USD"), None),
    ],
)]
#[case::vietnam_nearly_in_us_dollars(
    "По итогам 2023 года товарооборот между Россией и Вьетнамом составил почти 3,6 млрд долларов США.",
    "2024-02-01",
    &[
        ("trade_value", "RU-VN", "2023", 3.6e9, Some("USD"), Some("nearly")),
    ],
)]
#[case::uzbekistan_january_to_march(
    "В январе-марте 2024 года товарооборот России и Узбекистана увеличился на 15% и достиг 2,8 млрд долларов.",
    "2024-04-25",
    &[
        ("trade_value", "RU-UZ", "Q1 2024", 2.8e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-UZ", "Q1 2024", 15.0, None, None),
    ],
)]
#[case::eaeu_and_vietnam_bolee(
    "Товарооборот ЕАЭС и Вьетнама в 2023 году составил более 10 млрд долларов.",
    "2024-03-01",
    &[
        ("trade_value", "EAEU-VN", "2023", 10e9, Some("USD"), Some("over")),
    ],
)]
#[case::russian_exports_to_china_january_to_august(
    "Экспорт России в Китай за январь-август 2024 года составил 84,5 млрд долларов.",
    "2024-09-10",
    &[
        ("export_value", "RU-CN", "Jan–Aug 2024", 84.5e9, Some("USD"), None),
    ],
)]
#[case::russian_imports_from_china_first_quarter(
    "Импорт России из Китая в первом квартале снизился на 3,4% и составил 24 млрд долларов.",
    "2024-04-20",
    &[
        ("import_value", "CN-RU", "Q1 2024", 24e9, Some("USD"), None),
        ("import_growth_yoy", "CN-RU", "Q1 2024", -3.4, None, None),
    ],
)]
#[case::china_exported_to_russia_last_year(
    "Китай экспортировал в Россию товаров на 110,97 млрд долларов в прошлом году.",
    "2024-02-01",
    &[
        ("export_value", "CN-RU", "2023", 110.97e9, Some("USD"), None),
    ],
)]
#[case::billions_and_millions_38_607_6(
    "Товарооборот России и Индии за девять месяцев составил 38 млрд 607,6 млн долларов.",
    "2024-10-20",
    &[
        ("trade_value", "IN-RU", "Jan–Sep 2024", 38.6076e9, Some("USD"), None),
    ],
)]
#[case::germany_in_euros(
    "Товарооборот России и Германии в 2023 году сократился почти вдвое, до 8,5 млрд евро.",
    "2024-02-20",
    &[
        ("trade_value", "DE-RU", "2023", 8.5e9, Some("EUR"), None),
    ],
)]
#[case::china_about_trillions_of_yuan(
    "Товарооборот России и Китая в 2023 году составил около 1,7 трлн юаней.",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 1.7e12, Some("CNY"), Some("about")),
    ],
)]
#[case::exports_from_rf_to_turkey_and_their_fall(
    "Экспорт из РФ в Турцию в 2023 году сократился на 10% и составил 45 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "RU-TR", "2023", 45e9, Some("USD"), None),
        ("export_growth_yoy", "RU-TR", "2023", -10.0, None, None),
    ],
)]
#[case::turkish_imports_from_russia_dollar_sign(
    "Импорт Турции из России в январе-мае составил $18 млрд, сообщил Турецкий статистический институт.",
    "2024-06-20",
    &[
        ("import_value", "RU-TR", "Jan–May 2024", 18e9, Some("USD"), None),
    ],
)]
#[case::a_positive_balance_with_india(
    "Положительное сальдо торговли России с Индией в 2023 году составило 50 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_balance", "RU-IN", "2023", 50e9, Some("USD"), None),
    ],
)]
#[case::a_surplus_with_uzbekistan(
    "Профицит России в торговле с Узбекистаном в 2023 году составил около 5 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_balance", "RU-UZ", "2023", 5e9, Some("USD"), Some("about")),
    ],
)]
#[case::iran_last_year_up_to(
    "В прошлом году товарооборот России и Ирана увеличился на 15%, до 4,9 млрд долларов.",
    "2023-03-01",
    &[
        ("trade_value", "IR-RU", "2022", 4.9e9, Some("USD"), None),
        ("trade_growth_yoy", "IR-RU", "2022", 15.0, None, None),
    ],
)]
#[case::a_goal_with_india_for_2030(
    "Россия и Индия намерены довести товарооборот до 100 млрд долларов к 2030 году.",
    "2024-07-09",
    &[
        ("trade_target", "IN-RU", "2030", 100e9, Some("USD"), None),
    ],
)]
#[case::a_forecast_with_india_for_2030(
    "Товарооборот России и Индии может достичь 100 млрд долларов к 2030 году.",
    "2024-07-09",
    &[
        ("trade_target", "IN-RU", "2030", 100e9, Some("USD"), None),
    ],
)]
#[case::russian_exports_to_vietnam_adjective(
    "Российский экспорт во Вьетнам в 2023 году вырос на 12% и составил 2,2 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "RU-VN", "2023", 2.2e9, Some("USD"), None),
        ("export_growth_yoy", "RU-VN", "2023", 12.0, None, None),
    ],
)]
#[case::uzbekistan_svyshe(
    "Товарооборот между Россией и Узбекистаном по итогам 2023 года составил свыше 9,8 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-UZ", "2023", 9.8e9, Some("USD"), Some("over")),
    ],
)]
#[case::turkey_total_then_exports_and_imports(
    "В 2023 году товарооборот России и Турции составил 57 млрд долларов. Российский экспорт в Турцию составил 46 млрд долларов, а импорт из Турции — 11 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-TR", "2023", 57e9, Some("USD"), None),
        ("export_value", "RU-TR", "2023", 46e9, Some("USD"), None),
        ("import_value", "TR-RU", "2023", 11e9, Some("USD"), None),
    ],
)]
#[case::roman_second_quarter_belarus(
    "Во II квартале 2024 года товарооборот России и Беларуси составил 14 млрд долларов.",
    "2024-08-01",
    &[
        ("trade_value", "BY-RU", "Q2 2024", 14e9, Some("USD"), None),
    ],
)]
#[case::one_month_kazakhstan(
    "В марте товарооборот России и Казахстана вырос на 4% и составил 2,3 млрд долларов.",
    "2024-05-01",
    &[
        ("trade_value", "KZ-RU", "Mar 2024", 2.3e9, Some("USD"), None),
        ("trade_growth_yoy", "KZ-RU", "Mar 2024", 4.0, None, None),
    ],
)]
#[case::first_five_months_iran(
    "За первые пять месяцев 2024 года товарооборот России и Ирана составил 1,9 млрд долларов.",
    "2024-06-20",
    &[
        ("trade_value", "IR-RU", "Jan–May 2024", 1.9e9, Some("USD"), None),
    ],
)]
#[case::a_thousands_space_in_millions(
    "В 2023 году товарооборот России и Узбекистана составил 1 200 млн долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-UZ", "2023", 1.2e9, Some("USD"), None),
    ],
)]
#[case::kazakh_exports_to_russia_against_the_same_period(
    "Экспорт Казахстана в Россию за 9 месяцев 2023 года увеличился на 5,2% по сравнению с аналогичным периодом прошлого года и составил 7,1 млрд долларов.",
    "2023-10-20",
    &[
        ("export_value", "KZ-RU", "Jan–Sep 2023", 7.1e9, Some("USD"), None),
        ("export_growth_yoy", "KZ-RU", "Jan–Sep 2023", 5.2, None, None),
    ],
)]
#[case::a_second_sentence_with_its_own_quarter(
    "Товарооборот России и Китая в 2023 году составил $240 млрд. В первом квартале 2024 года он вырос на 5%.",
    "2024-04-20",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "Q1 2024", 5.0, None, None),
    ],
)]
#[case::abbreviated_dollars_at_the_end(
    "Товарооборот России и Индии в 2023 году вырос на 33% и составил 65,7 млрд долл.",
    "2024-02-01",
    &[
        ("trade_value", "IN-RU", "2023", 65.7e9, Some("USD"), None),
        ("trade_growth_yoy", "IN-RU", "2023", 33.0, None, None),
    ],
)]
#[case::mongolia_january_to_july(
    "В январе-июле товарооборот России и Монголии вырос на 20,1%, до 1,4 млрд долларов.",
    "2024-08-15",
    &[
        ("trade_value", "MN-RU", "Jan–Jul 2024", 1.4e9, Some("USD"), None),
        ("trade_growth_yoy", "MN-RU", "Jan–Jul 2024", 20.1, None, None),
    ],
)]
#[case::turkey_fall_against_the_first_half_of_last_year(
    "Товарооборот России и Турции за первое полугодие снизился на 20% относительно первого полугодия прошлого года.",
    "2024-08-15",
    &[
        ("trade_growth_yoy", "RU-TR", "H1 2024", -20.0, None, None),
    ],
)]
#[case::belarusian_exports_and_imports_in_one_sentence(
    "В 2023 году экспорт Беларуси в Россию составил 26 млрд долларов, импорт из России — 30 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "BY-RU", "2023", 26e9, Some("USD"), None),
        ("import_value", "RU-BY", "2023", 30e9, Some("USD"), None),
    ],
)]
#[case::a_record_with_its_rate(
    "Товарооборот России и Китая в 2023 году увеличился на 26,3% и составил рекордные 240,1 млрд долларов.",
    "2024-01-12",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::turkey_about_with_the_speaker_after(
    "Товарооборот России и Турции в 2023 году составил около 57 млрд долларов, сообщил Путин.",
    "2024-02-01",
    &[
        ("trade_value", "RU-TR", "2023", 57e9, Some("USD"), Some("about")),
    ],
)]
#[case::kazakhstan_rate_against_the_year_before_named(
    "Товарооборот России и Казахстана в 2023 году составил 28 млрд долларов, увеличившись на 2,8% по сравнению с 2022 годом.",
    "2024-02-01",
    &[
        ("trade_value", "KZ-RU", "2023", 28e9, Some("USD"), None),
        ("trade_growth_yoy", "KZ-RU", "2023", 2.8, None, None),
    ],
)]
#[case::a_rate_in_annual_terms(
    "Товарооборот России и Китая в январе-феврале 2024 года вырос на 5,5% в годовом выражении.",
    "2024-03-07",
    &[
        ("trade_growth_yoy", "CN-RU", "Jan–Feb 2024", 5.5, None, None),
    ],
)]
#[case::supplies_of_russian_goods_to_china(
    "Поставки российских товаров в Китай в 2023 году выросли на 13%.",
    "2024-02-01",
    &[
        ("export_growth_yoy", "RU-CN", "2023", 13.0, None, None),
    ],
)]
#[case::india_in_trillions_of_rubles(
    "В 2023 году товарооборот России и Индии составил 5,4 трлн рублей.",
    "2024-02-01",
    &[
        ("trade_value", "IN-RU", "2023", 5.4e12, Some("RUB"), None),
    ],
)]
#[case::a_tass_dateline(
    "ТАСС, 15 января. Товарооборот России и Китая по итогам прошлого года составил 240,1 млрд долларов.",
    "2024-01-15",
    &[
        ("trade_value", "CN-RU", "2023", 240.1e9, Some("USD"), None),
    ],
)]
#[case::full_official_names(
    "Товарооборот Российской Федерации и Китайской Народной Республики в 2023 году составил 240 млрд долларов.",
    "2024-01-15",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), None),
    ],
)]
#[case::iran_rate_after_chto_na(
    "Товарооборот России и Ирана в 2023 году составил около 4 млрд долларов, что на 20% больше, чем годом ранее.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4e9, Some("USD"), Some("about")),
        ("trade_growth_yoy", "IR-RU", "2023", 20.0, None, None),
    ],
)]
#[case::bilateral_takes_the_pair_of_the_headline(
    "Россия и Иран расширяют сотрудничество. Двусторонний товарооборот в 2023 году составил 4 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4e9, Some("USD"), None),
    ],
)]
#[case::iran_third_quarter_primerno(
    "Товарооборот России и Ирана в третьем квартале 2023 года составил примерно 1,1 млрд долларов.",
    "2023-11-20",
    &[
        ("trade_value", "IR-RU", "Q3 2023", 1.1e9, Some("USD"), Some("about")),
    ],
)]
#[case::turkey_second_half_priblizitelno(
    "Товарооборот России и Турции во втором полугодии 2023 года составил приблизительно 27 млрд долларов.",
    "2024-02-20",
    &[
        ("trade_value", "RU-TR", "H2 2023", 27e9, Some("USD"), Some("about")),
    ],
)]
#[case::vietnam_january_to_october_en_dash(
    "Товарооборот России и Вьетнама за январь–октябрь 2023 года вырос на 9% и составил 3 млрд долларов.",
    "2023-11-20",
    &[
        ("trade_value", "RU-VN", "Jan–Oct 2023", 3e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-VN", "Jan–Oct 2023", 9.0, None, None),
    ],
)]
#[case::ten_months_of_the_current_year(
    "По итогам 10 месяцев текущего года товарооборот России и Узбекистана вырос на 22,6%.",
    "2023-11-20",
    &[
        ("trade_growth_yoy", "RU-UZ", "Jan–Oct 2023", 22.6, None, None),
    ],
)]
#[case::this_year_over_200_billion(
    "В текущем году товарооборот России и Китая превысил 200 млрд долларов.",
    "2023-11-20",
    &[
        ("trade_value", "CN-RU", "2023", 200e9, Some("USD"), Some("over")),
    ],
)]
#[case::iran_fall_in_the_present_year(
    "В нынешнем году товарооборот между Россией и Ираном сократился на 5%.",
    "2024-11-20",
    &[
        ("trade_growth_yoy", "IR-RU", "2024", -5.0, None, None),
    ],
)]
#[case::belarus_bolee_chem(
    "За первые девять месяцев текущего года товарооборот России и Беларуси составил более чем 40 млрд долларов.",
    "2024-10-20",
    &[
        ("trade_value", "BY-RU", "Jan–Sep 2024", 40e9, Some("USD"), Some("over")),
    ],
)]
#[case::year_abbreviation_and_milliarda_in_full(
    "В 2023 г. товарооборот России и Казахстана составил 28,4 миллиарда долларов.",
    "2024-02-01",
    &[
        ("trade_value", "KZ-RU", "2023", 28.4e9, Some("USD"), None),
    ],
)]
#[case::iran_fell_upal(
    "За 2023 год товарооборот России с Ираном упал на 12% и составил 4,2 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4.2e9, Some("USD"), None),
        ("trade_growth_yoy", "IR-RU", "2023", -12.0, None, None),
    ],
)]
#[case::about_with_the_dollar_sign(
    "Товарооборот России и Узбекистана в 2023 году составил около $11 млрд, сообщил министр.",
    "2024-02-01",
    &[
        ("trade_value", "RU-UZ", "2023", 11e9, Some("USD"), Some("about")),
    ],
)]
#[case::belarus_over_trillions_of_rubles(
    "Товарооборот между Россией и Беларусью по итогам прошлого года превысил 4,5 трлн рублей.",
    "2024-02-01",
    &[
        ("trade_value", "BY-RU", "2023", 4.5e12, Some("RUB"), Some("over")),
    ],
)]
#[case::practically_is_nearly(
    "Товарооборот России и Китая в 2023 году составил практически 240 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), Some("nearly")),
    ],
)]
#[case::milliardov_in_full(
    "Товарооборот России и Китая в 2023 году составил 240 миллиардов долларов.",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), None),
    ],
)]
#[case::uzbek_exports_one_billion_850_million(
    "Экспорт Узбекистана в Россию в 2023 году составил 1 млрд 850 млн долларов.",
    "2024-02-01",
    &[
        ("export_value", "UZ-RU", "2023", 1.85e9, Some("USD"), None),
    ],
)]
#[case::exported_and_imported_as_verbs(
    "В 2023 году Россия экспортировала в Индию товаров на 60 млрд долларов, а импортировала из Индии — на 4,3 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "RU-IN", "2023", 60e9, Some("USD"), None),
        ("import_value", "IN-RU", "2023", 4.3e9, Some("USD"), None),
    ],
)]
#[case::turkey_fall_against_a_named_year(
    "Товарооборот России и Турции в 2024 году снизился на 6,3% по сравнению с 2023 годом, до 52,7 млрд долларов.",
    "2025-02-20",
    &[
        ("trade_value", "RU-TR", "2024", 52.7e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-TR", "2024", -6.3, None, None),
    ],
)]
#[case::two_years_in_one_sentence_vietnam(
    "Товарооборот России и Вьетнама в 2022 году составил 5 млрд долларов, в 2023 году — 3,6 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-VN", "2022", 5e9, Some("USD"), None),
        ("trade_value", "RU-VN", "2023", 3.6e9, Some("USD"), None),
    ],
)]
#[case::imports_of_russian_goods_into_china(
    "Импорт российских товаров в Китай в 2023 году составил 129 млрд долларов.",
    "2024-02-01",
    &[
        ("import_value", "RU-CN", "2023", 129e9, Some("USD"), None),
    ],
)]
#[case::indian_imports_from_russia_and_their_rate(
    "Импорт Индии из России в 2023 году вырос на 50% и составил 60 млрд долларов.",
    "2024-02-01",
    &[
        ("import_value", "RU-IN", "2023", 60e9, Some("USD"), None),
        ("import_growth_yoy", "RU-IN", "2023", 50.0, None, None),
    ],
)]
#[case::belarusian_exports_then_bare_imports(
    "Экспорт Беларуси в Россию в 2023 году составил 25 млрд долларов, импорт — 30 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "BY-RU", "2023", 25e9, Some("USD"), None),
        ("import_value", "RU-BY", "2023", 30e9, Some("USD"), None),
    ],
)]
#[case::iran_abbreviated_dollars_and_a_rate_after(
    "В первом полугодии 2024 года товарооборот России и Ирана составил 2,1 млрд долл., увеличившись на 10%.",
    "2024-08-01",
    &[
        ("trade_value", "IR-RU", "H1 2024", 2.1e9, Some("USD"), None),
        ("trade_growth_yoy", "IR-RU", "H1 2024", 10.0, None, None),
    ],
)]
#[case::a_result_and_a_forecast_for_next_year(
    "Товарооборот России и Беларуси в 2023 году составил 50 млрд долларов, а в 2024 году может вырасти до 55 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "BY-RU", "2023", 50e9, Some("USD"), None),
        ("trade_target", "BY-RU", "2024", 55e9, Some("USD"), None),
    ],
)]
#[case::the_united_states_not_the_dollar(
    "Товарооборот России и США в 2023 году снизился на 70% и составил 4,5 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-US", "2023", 4.5e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-US", "2023", -70.0, None, None),
    ],
)]
#[case::from_january_to_september(
    "Товарооборот России и Казахстана с января по сентябрь 2023 года составил 20 млрд долларов.",
    "2023-10-20",
    &[
        ("trade_value", "KZ-RU", "Jan–Sep 2023", 20e9, Some("USD"), None),
    ],
)]
#[case::a_compound_adjective(
    "Российско-китайский товарооборот в 2023 году вырос на 26,3%.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "CN-RU", "2023", 26.3, None, None),
    ],
)]
#[case::kazakhstan_instrumental_mlrd_with_a_dot(
    "Товарооборот России с Казахстаном в 2023 году составил 28,5 млрд. долларов.",
    "2024-02-01",
    &[
        ("trade_value", "KZ-RU", "2023", 28.5e9, Some("USD"), None),
    ],
)]
#[case::egypt_dollars_ssha_and_a_source(
    "Товарооборот России и Египта в 2023 году вырос на 30% и составил 6 млрд долларов США, сообщили в посольстве.",
    "2024-02-01",
    &[
        ("trade_value", "EG-RU", "2023", 6e9, Some("USD"), None),
        ("trade_growth_yoy", "EG-RU", "2023", 30.0, None, None),
    ],
)]
#[case::exports_from_russia_in_the_next_sentence(
    "Товарооборот России и Турции в 2023 году составил $57 млрд. Экспорт из России составил $46 млрд.",
    "2024-02-01",
    &[
        ("trade_value", "RU-TR", "2023", 57e9, Some("USD"), None),
        ("export_value", "RU-TR", "2023", 46e9, Some("USD"), None),
    ],
)]
#[case::a_spaced_month_range(
    "Товарооборот России и Китая в январе - сентябре 2023 года составил 176 млрд долларов.",
    "2023-10-20",
    &[
        ("trade_value", "CN-RU", "Jan–Sep 2023", 176e9, Some("USD"), None),
    ],
)]
#[case::a_year_written_2023_m(
    "Товарооборот России и Узбекистана в 2023-м составил 9,8 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-UZ", "2023", 9.8e9, Some("USD"), None),
    ],
)]
#[case::tajikistan_about(
    "Товарооборот между Россией и Таджикистаном в 2023 году составил около 1,5 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-TJ", "2023", 1.5e9, Some("USD"), Some("about")),
    ],
)]
#[case::a_rate_in_money_terms(
    "Товарооборот России и Ирана в 2023 году вырос на 5% в денежном выражении и составил 4 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4e9, Some("USD"), None),
        ("trade_growth_yoy", "IR-RU", "2023", 5.0, None, None),
    ],
)]
// Deficits are negative balances of the party named, with the one after "с".
#[case::a_deficit_is_negative(
    "В 2023 году дефицит Египта в торговле с Россией составил 6,2 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_balance", "EG-RU", "2023", -6.2e9, Some("USD"), None),
    ],
)]
#[case::a_negative_balance_is_negative(
    "По итогам 2022 года отрицательное сальдо торговли Армении с Россией достигло 1,4 млрд долларов.",
    "2023-03-01",
    &[
        ("trade_balance", "AM-RU", "2022", -1.4e9, Some("USD"), None),
    ],
)]
#[case::a_surplus_belongs_to_the_party_not_after_s(
    "В 2023 году профицит в торговле с Ираном у России составил 2,1 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_balance", "RU-IR", "2023", 2.1e9, Some("USD"), None),
    ],
)]
// A sentence naming one side of the pair before goes on with that pair.
#[case::one_side_continues_the_pair(
    "В 2023 году товарооборот России и Вьетнама составил 7 млрд долларов. Экспорт российских товаров составил 4,5 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-VN", "2023", 7e9, Some("USD"), None),
        ("export_value", "RU-VN", "2023", 4.5e9, Some("USD"), None),
    ],
)]
#[case::exports_into_the_other_side_continue_the_pair(
    "Товарооборот России и Узбекистана в 2023 году вырос на 10% и составил 11 млрд долларов. Экспорт в Узбекистан вырос на 6%, до 7,2 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RU-UZ", "2023", 11e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-UZ", "2023", 10.0, None, None),
        ("export_value", "RU-UZ", "2023", 7.2e9, Some("USD"), None),
        ("export_growth_yoy", "RU-UZ", "2023", 6.0, None, None),
    ],
)]
#[case::a_headline_without_figures_sets_the_pair(
    "Товарооборот России и Индонезии обновил рекорд\nВ прошлом году товарооборот вырос на 20%.",
    "2024-03-01",
    &[
        ("trade_growth_yoy", "ID-RU", "2023", 20.0, None, None),
    ],
)]
#[case::imports_of_one_side_named_continue_the_pair(
    "Товарооборот России и Беларуси в 2023 году составил 50 млрд долларов. Импорт Беларуси составил 30 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "BY-RU", "2023", 50e9, Some("USD"), None),
        ("import_value", "RU-BY", "2023", 30e9, Some("USD"), None),
    ],
)]
#[case::one_sides_world_trade_breaks_the_pair(
    "Товарооборот России и Китая в 2023 году составил 240 млрд долларов. Общий объем внешней торговли Китая составил 5,9 трлн долларов. Экспорт вырос на 1%.",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), None),
    ],
)]
// "показатель", "этот показатель", "это", "результат": the measure before.
#[case::the_indicator_in_money_terms(
    "Товарооборот России и Армении в 2023 году вырос на 12%. В денежном выражении показатель составил 7,3 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "AM-RU", "2023", 12.0, None, None),
        ("trade_value", "AM-RU", "2023", 7.3e9, Some("USD"), None),
    ],
)]
#[case::this_is_less_than_a_year_before(
    "В 2023 году товарооборот России и Египта составил 7 млрд долларов. Это на 15% меньше, чем годом ранее.",
    "2024-02-01",
    &[
        ("trade_value", "EG-RU", "2023", 7e9, Some("USD"), None),
        ("trade_growth_yoy", "EG-RU", "2023", -15.0, None, None),
    ],
)]
#[case::this_indicator_in_an_earlier_year(
    "Товарооборот России и Сербии в 2023 году составил 4 млрд долларов. Для сравнения: в 2015 году этот показатель составлял 1,7 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RS-RU", "2023", 4e9, Some("USD"), None),
        ("trade_value", "RS-RU", "2015", 1.7e9, Some("USD"), None),
    ],
)]
#[case::the_result_this_year_is_the_months_before(
    "За январь-август 2024 года товарооборот России и Вьетнама вырос до 5 млрд долларов. Министр отметил, что результат в этом году на 11% выше по сравнению с аналогичным периодом прошлого года.",
    "2024-10-01",
    &[
        ("trade_value", "RU-VN", "Jan–Aug 2024", 5e9, Some("USD"), None),
        ("trade_growth_yoy", "RU-VN", "Jan–Aug 2024", 11.0, None, None),
    ],
)]
// A rate in parentheses after a level: its direction is the level's verb
// (a decimal comma is no clause boundary).
#[case::a_rate_in_parentheses_after_a_fall(
    "В 2023 году экспорт из Казахстана в Россию сократился до 9,4 млрд долларов (на 4,2%).",
    "2024-02-01",
    &[
        ("export_value", "KZ-RU", "2023", 9.4e9, Some("USD"), None),
        ("export_growth_yoy", "KZ-RU", "2023", -4.2, None, None),
    ],
)]
#[case::a_rate_in_parentheses_after_a_rise(
    "Импорт российских товаров в Египет вырос до 6,35 млрд долларов (на 12,5%) в 2023 году.",
    "2024-02-01",
    &[
        ("import_value", "RU-EG", "2023", 6.35e9, Some("USD"), None),
        ("import_growth_yoy", "RU-EG", "2023", 12.5, None, None),
    ],
)]
// A qualifier before "на".
#[case::more_than_before_na(
    "В 2023 году товарооборот России и Пакистана вырос более чем на 40%.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "PK-RU", "2023", 40.0, None, Some("over")),
    ],
)]
#[case::nearly_before_na(
    "Товарооборот России и Бразилии в 2022 году увеличился почти на 25%.",
    "2023-02-01",
    &[
        ("trade_growth_yoy", "BR-RU", "2022", 25.0, None, Some("nearly")),
    ],
)]
// A second clause with its own period and no verb takes the first's.
#[case::an_elided_rise(
    "Товарооборот России и Турции в 2022 году вырос на 86%, а в январе-марте 2023 года — на 3,5%.",
    "2023-05-01",
    &[
        ("trade_growth_yoy", "RU-TR", "2022", 86.0, None, None),
        ("trade_growth_yoy", "RU-TR", "Q1 2023", 3.5, None, None),
    ],
)]
#[case::an_elided_fall(
    "Экспорт России в Индию в 2023 году сократился на 5%, а в первом квартале 2024 года — на 2%.",
    "2024-05-01",
    &[
        ("export_growth_yoy", "RU-IN", "2023", -5.0, None, None),
        ("export_growth_yoy", "RU-IN", "Q1 2024", -2.0, None, None),
    ],
)]
#[case::a_level_compared_with_is_no_period_and_a_base_no_rate(
    "Товарооборот России и Армении в 2022 году составил 5 млрд долларов, что выше уровня 2021 года на 20%, а 2020 года — на 9%.",
    "2023-02-01",
    &[
        ("trade_value", "AM-RU", "2022", 5e9, Some("USD"), None),
        ("trade_growth_yoy", "AM-RU", "2022", 20.0, None, None),
    ],
)]
// A rate right after its verb, without "на".
#[case::added_more_than_without_na(
    "По итогам 2023 года товарооборот России и Египта прибавил по сравнению с предыдущим годом более 60%.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "EG-RU", "2023", 60.0, None, Some("over")),
    ],
)]
#[case::added_without_na(
    "Экспорт из Беларуси в Россию за 2023 год прибавил 7%.",
    "2024-02-01",
    &[
        ("export_growth_yoy", "BY-RU", "2023", 7.0, None, None),
    ],
)]
// Rates in words.
#[case::a_number_word_after_a_percent_rate(
    "В 2023 году товарооборот России и Сербии вырос на 20%, а в 2024-м — еще на пять.",
    "2024-12-20",
    &[
        ("trade_growth_yoy", "RS-RU", "2023", 20.0, None, None),
        ("trade_growth_yoy", "RS-RU", "2024", 5.0, None, None),
    ],
)]
#[case::by_a_quarter(
    "Товарооборот России и Японии в 2023 году сократился на четверть.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "JP-RU", "2023", -25.0, None, None),
    ],
)]
#[case::by_half(
    "Экспорт из России в Германию в 2023 году сократился наполовину.",
    "2024-02-01",
    &[
        ("export_growth_yoy", "RU-DE", "2023", -50.0, None, None),
    ],
)]
// "X против Y годом ранее": Y is the year before's.
#[case::against_a_year_earlier(
    "Товарооборот России и Индонезии в 2023 году составил $4,2 млрд против $3,6 млрд годом ранее.",
    "2024-02-01",
    &[
        ("trade_value", "ID-RU", "2023", 4.2e9, Some("USD"), None),
        ("trade_value", "ID-RU", "2022", 3.6e9, Some("USD"), None),
    ],
)]
#[case::against_a_named_year(
    "Экспорт из России в Японию за январь-июнь 2023 года составил 5,1 млрд долларов против 9,8 млрд долларов в 2022 году.",
    "2023-08-01",
    &[
        ("export_value", "RU-JP", "H1 2023", 5.1e9, Some("USD"), None),
        ("export_value", "RU-JP", "H1 2022", 9.8e9, Some("USD"), None),
    ],
)]
// Parties: South Korea, the EU, the FRG.
#[case::south_korea(
    "Товарооборот России и Южной Кореи в 2023 году составил 15 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "KR-RU", "2023", 15e9, Some("USD"), None),
    ],
)]
#[case::the_eu(
    "Товарооборот между Россией и ЕС в 2023 году сократился на 68%.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "EU-RU", "2023", -68.0, None, None),
    ],
)]
#[case::the_frg(
    "Экспорт Турции в ФРГ в 2023 году составил 21 млрд долларов.",
    "2024-02-01",
    &[
        ("export_value", "TR-DE", "2023", 21e9, Some("USD"), None),
    ],
)]
// Periods.
#[case::a_roman_first_half(
    "Товарооборот России и Казахстана в I полугодии 2024 года составил 13 млрд долларов.",
    "2024-08-01",
    &[
        ("trade_value", "KZ-RU", "H1 2024", 13e9, Some("USD"), None),
    ],
)]
#[case::a_roman_second_half(
    "Во II полугодии 2023 года экспорт из Китая в Россию вырос на 30%.",
    "2024-02-01",
    &[
        ("export_growth_yoy", "CN-RU", "H2 2023", 30.0, None, None),
    ],
)]
#[case::a_month_in_an_undated_article_takes_the_year_before(
    "Товарооборот России и Китая с января по май 2022 года вырос до 70 млрд долларов. За май товарооборот между странами составил 15 млрд долларов.",
    "",
    &[
        ("trade_value", "CN-RU", "Jan–May 2022", 70e9, Some("USD"), None),
        ("trade_value", "CN-RU", "May 2022", 15e9, Some("USD"), None),
    ],
)]
#[case::months_after_a_contrast_are_not_the_years(
    "В 2022 году товарооборот России и Армении превысил 5 млрд долларов, однако за январь-март объем взаимной торговли снизился на 10%.",
    "2023-05-01",
    &[
        ("trade_value", "AM-RU", "2022", 5e9, Some("USD"), Some("over")),
        ("trade_growth_yoy", "AM-RU", "Q1 2023", -10.0, None, None),
    ],
)]
#[case::by_september(
    "К сентябрю товарооборот России и Индонезии вырос на 15%.",
    "2023-11-01",
    &[
        ("trade_growth_yoy", "ID-RU", "Jan–Aug 2023", 15.0, None, None),
    ],
)]
#[case::by_july_of_a_year(
    "К июлю 2023 года экспорт из России в Турцию составил 20 млрд долларов.",
    "2023-09-01",
    &[
        ("export_value", "RU-TR", "H1 2023", 20e9, Some("USD"), None),
    ],
)]
// A qualifier in the verb.
#[case::nearly_reaching_the_mark_of(
    "В 2023 году товарооборот России и Бразилии вырос, практически достигнув отметки в 11 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "BR-RU", "2023", 11e9, Some("USD"), Some("nearly")),
    ],
)]
#[case::having_exceeded(
    "В 2023 году товарооборот России и Сербии вырос на 8%, превысив 4 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "RS-RU", "2023", 4e9, Some("USD"), Some("over")),
        ("trade_growth_yoy", "RS-RU", "2023", 8.0, None, None),
    ],
)]
#[case::may_exceed_is_a_target_over(
    "Товарооборот России и Индии в 2025 году может превысить 70 млрд долларов.",
    "2025-03-01",
    &[
        ("trade_target", "IN-RU", "2025", 70e9, Some("USD"), Some("over")),
    ],
)]
// Future tenses are forecasts.
#[case::will_exceed_is_a_target(
    "В 2024 году товарооборот России и Китая превысит 250 млрд долларов.",
    "2024-06-01",
    &[
        ("trade_target", "CN-RU", "2024", 250e9, Some("USD"), Some("over")),
    ],
)]
#[case::will_amount_to_is_a_target(
    "В 2025 году товарооборот России и Узбекистана составит 12 млрд долларов.",
    "2025-02-01",
    &[
        ("trade_target", "RU-UZ", "2025", 12e9, Some("USD"), None),
    ],
)]
// Billions and millions in words.
#[case::a_billion_and_millions_in_words(
    "Экспорт из Узбекистана в Россию в 2023 году составил 1 миллиард 250 миллионов долларов.",
    "2024-02-01",
    &[
        ("export_value", "UZ-RU", "2023", 1.25e9, Some("USD"), None),
    ],
)]
// An importer "в" a country is the other side's exports to it.
#[case::the_largest_importer_into(
    "В 2023 году Китай оказался крупнейшим импортером в Россию, поставив товаров на 110 млрд долларов.",
    "2024-02-01",
    &[
        ("import_value", "CN-RU", "2023", 110e9, Some("USD"), None),
    ],
)]
// "объемы торговли" in any case.
#[case::trade_volumes_in_the_plural(
    "В 2023 году объемы торговли России и Ирана увеличились на 11%.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "IR-RU", "2023", 11.0, None, None),
    ],
)]
#[case::trade_volumes_reached(
    "По итогам 2022 года объемы торговли между Россией и Египтом достигли 6 млрд долларов.",
    "2023-02-01",
    &[
        ("trade_value", "EG-RU", "2022", 6e9, Some("USD"), None),
    ],
)]
// Against the year before is year on year.
#[case::against_the_previous_year(
    "В 2023 году товарооборот России и Таджикистана вырос на 7% по сравнению с предыдущим годом.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "RU-TJ", "2023", 7.0, None, None),
    ],
)]
#[case::to_the_previous_year(
    "Экспорт из России в Армению в 2023 году сократился на 3% к предыдущему году.",
    "2024-02-01",
    &[
        ("export_growth_yoy", "RU-AM", "2023", -3.0, None, None),
    ],
)]
#[case::against_the_same_month_of_last_year(
    "Товарооборот России и Китая в мае вырос на 4% по сравнению с маем прошлого года.",
    "2024-06-20",
    &[
        ("trade_growth_yoy", "CN-RU", "May 2024", 4.0, None, None),
    ],
)]
#[case::a_month_in_an_undated_article_after_a_range(
    "Экспорт из Китая в Россию в январе-июле 2021 года составил 35 млрд долларов. В июле экспорт из Китая в Россию вырос на 20%.",
    "",
    &[
        ("export_value", "CN-RU", "Jan–Jul 2021", 35e9, Some("USD"), None),
        ("export_growth_yoy", "CN-RU", "Jul 2021", 20.0, None, None),
    ],
)]
#[case::months_after_a_but_are_not_the_years(
    "В 2023 году экспорт из России в Казахстан составил 19 млрд долларов, а в январе-июне объем экспорта вырос на 4%.",
    "2024-08-01",
    &[
        ("export_value", "RU-KZ", "2023", 19e9, Some("USD"), None),
        ("export_growth_yoy", "RU-KZ", "H1 2024", 4.0, None, None),
    ],
)]
#[case::a_level_compared_with_before_the_rate(
    "В 2023 году экспорт из России в Египет составил 4 млрд долларов, что выше уровня 2022 года на 10%.",
    "2024-02-01",
    &[
        ("export_value", "RU-EG", "2023", 4e9, Some("USD"), None),
        ("export_growth_yoy", "RU-EG", "2023", 10.0, None, None),
    ],
)]
#[case::north_korea(
    "Товарооборот России и Северной Кореи в 2023 году составил 34 млн долларов.",
    "2024-02-01",
    &[
        ("trade_value", "KP-RU", "2023", 34e6, Some("USD"), None),
    ],
)]
#[case::the_european_union_in_two_words(
    "Товарооборот России и Европейского союза в 2023 году составил 86 млрд евро.",
    "2024-02-01",
    &[
        ("trade_value", "EU-RU", "2023", 86e9, Some("EUR"), None),
    ],
)]
fn russian_figures_are_read(#[case] text: &str, #[case] published: &str, #[case] want: &[Want]) {
    check(text, published, want);
}

// GDP, population, shares, investment, loans, one side's trade with the
// world, exchange rates, page chrome, phone numbers, month-on-month and
// multi-year changes: no figure, or only the real one beside them.
#[rstest]
#[case::gdp_and_economic_growth(
    "ВВП России в 2023 году вырос на 3,6%, а экономика Китая выросла на 5,2%.",
    "2024-02-01",
    &[],
)]
#[case::population(
    "Население Индии превысило 1,4 млрд человек, а население России составляет около 146 млн человек.",
    "2024-02-01",
    &[],
)]
#[case::a_share_of_foreign_trade(
    "Доля Китая во внешней торговле России выросла на 4% и достигла 34%.",
    "2024-02-01",
    &[],
)]
#[case::chinese_investment_in_russia(
    "Объем китайских инвестиций в экономику России превысил 5 млрд долларов в 2023 году.",
    "2024-02-01",
    &[],
)]
#[case::russias_trade_with_the_world(
    "Внешнеторговый оборот России в 2023 году составил 710 млрд долларов.",
    "2024-02-01",
    &[],
)]
#[case::page_chrome_with_view_and_comment_counters(
    "Просмотров: 12 345. Комментарии: 17. Поделиться: ВКонтакте, Телеграм, Одноклассники.",
    "2024-02-01",
    &[],
)]
#[case::a_phone_number_and_a_copyright_year(
    "Телефон редакции: +7 (495) 123-45-67, электронная почта: info@example.ru. Все права защищены, 2024 год.",
    "2024-02-01",
    &[],
)]
#[case::a_rate_against_the_month_before(
    "Товарооборот России и Китая в мае вырос на 3% относительно предыдущего месяца.",
    "2024-06-20",
    &[],
)]
#[case::a_meeting_date(
    "Встреча президентов России и Китая состоялась 16 мая 2024 года в Пекине.",
    "2024-05-20",
    &[],
)]
#[case::a_loan(
    "Россия предоставила Ирану кредит в размере 5 млрд долларов на строительство железной дороги.",
    "2024-05-20",
    &[],
)]
#[case::a_goal_without_a_year(
    "Стороны намерены нарастить товарооборот России и Ирана до 10 млрд долларов.",
    "2024-07-09",
    &[],
)]
#[case::growth_over_ten_years(
    "Товарооборот России и Китая за последние десять лет вырос на 150%.",
    "2024-05-20",
    &[],
)]
#[case::chinas_exports_to_the_world(
    "Экспорт Китая в 2023 году составил 3,38 трлн долларов, снизившись на 4,6%.",
    "2024-05-20",
    &[],
)]
#[case::exchange_rates(
    "Курс доллара составил 92,5 рубля, а курс юаня к рублю — 12,7 рубля.",
    "2024-05-20",
    &[],
)]
#[case::russian_investment_in_uzbekistan(
    "Российские инвестиции в Узбекистан за 2023 год превысили 2 млрд долларов.",
    "2024-05-20",
    &[],
)]
#[case::only_the_figure_not_a_share_of_exports(
    "Товарооборот России и Турции в 2023 году составил 57 млрд долларов, при этом доля Турции в экспорте России выросла на 2%.",
    "2024-05-20",
    &[
        ("trade_value", "RU-TR", "2023", 57e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_the_share_of_settlements(
    "Товарооборот России и Китая в 2023 году составил 240 млрд долларов, а доля расчетов в рублях и юанях превысила 90%.",
    "2024-02-01",
    &[
        ("trade_value", "CN-RU", "2023", 240e9, Some("USD"), None),
    ],
)]
#[case::only_the_figure_not_a_multiple_since_2020(
    "Товарооборот России и Казахстана в 2023 году составил 28 млрд долларов, что в 1,5 раза больше, чем в 2020 году.",
    "2024-02-01",
    &[
        ("trade_value", "KZ-RU", "2023", 28e9, Some("USD"), None),
    ],
)]
// One product's trade, a change in money, a month on month change, a
// potential, a related article's headline.
#[case::one_product_exported(
    "В 2023 году экспорт российской нефти в Индию составил 45 млрд долларов.",
    "2024-02-01",
    &[],
)]
#[case::one_product_supplied(
    "Поставки российского газа в Китай в 2023 году выросли на 40%.",
    "2024-02-01",
    &[],
)]
#[case::an_absolute_change(
    "В 2023 году товарооборот России и Казахстана увеличился на 1,8 млрд долларов.",
    "2024-02-01",
    &[],
)]
#[case::an_absolute_change_beside_the_level(
    "Товарооборот России и Ирана в 2023 году сократился на 300 млн долларов, до 4,5 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4.5e9, Some("USD"), None),
    ],
)]
#[case::against_the_month_before_by_name(
    "Товарооборот России и Китая в мае вырос на 4% по сравнению с апрелем.",
    "2024-06-20",
    &[],
)]
#[case::against_the_month_before_relative_to(
    "Экспорт из России в Турцию в июле снизился на 6% относительно июня.",
    "2024-08-20",
    &[],
)]
#[case::an_unrealised_export_potential(
    "Нереализованный потенциал экспорта России в Египет в 2024 году составляет около 5 млрд долларов.",
    "2024-05-01",
    &[],
)]
#[case::a_trade_potential(
    "По оценкам экспертов, потенциал товарооборота России и Вьетнама в 2024 году составляет 10 млрд долларов.",
    "2024-05-01",
    &[],
)]
#[case::a_related_headline(
    "Товарооборот России и Турции в 2023 году составил 57 млрд долларов. Читайте также: Товарооборот России и Ирана вырос до 5 млрд долларов",
    "2024-02-01",
    &[
        ("trade_value", "RU-TR", "2023", 57e9, Some("USD"), None),
    ],
)]
#[case::a_related_headline_after_an_abbreviation(
    "Экспорт из Турции в Россию в 2023 году составил $11 млрд. Читайте также: Товарооборот России и Казахстана упал до $900 млн",
    "2024-02-01",
    &[
        ("export_value", "TR-RU", "2023", 11e9, Some("USD"), None),
    ],
)]
#[case::he_said_is_no_anaphor(
    "Товарооборот России и Китая в 2023 году вырос на 26%. Он также сообщил, что инвестиции составили 3 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_growth_yoy", "CN-RU", "2023", 26.0, None, None),
    ],
)]
#[case::a_fundamental_change_is_no_korea(
    "Стороны коренным образом изменили структуру торговли, товарооборот России и Ирана в 2023 году составил 4 млрд долларов.",
    "2024-02-01",
    &[
        ("trade_value", "IR-RU", "2023", 4e9, Some("USD"), None),
    ],
)]
fn other_numbers_are_not_trade_figures(
    #[case] text: &str,
    #[case] published: &str,
    #[case] want: &[Want],
) {
    check(text, published, want);
}
