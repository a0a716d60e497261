//! The language an article is written in, from its letters: Chinese when
//! Han characters outnumber Latin letters, Russian when Cyrillic ones do,
//! English otherwise. A page mixes scripts (a Chinese article quoting an
//! English name, an English one giving a name in Chinese): the script most
//! of its letters are in decides, and a few letters decide nothing.

use crate::model::Lang;

/// Letters enough for a script to make an article its language when it
/// outnumbers Latin letters.
const ENOUGH: usize = 20;

/// Fewer letters than this in a script never make it the article's; between
/// this and [`ENOUGH`] (a one-line snippet pasted in: "中俄贸易额达2401亿美元")
/// the script must outnumber Latin letters three to one.
const FEW: usize = 4;

/// Whether `count` letters of a script outweigh `latin` Latin ones.
fn decides(count: usize, latin: usize) -> bool {
    count > latin && (count >= ENOUGH || (count >= FEW && count >= 3 * latin))
}

pub(crate) fn detect(text: &str) -> Lang {
    let (mut han, mut cyrillic, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => han += 1,
            '\u{0400}'..='\u{04ff}' => cyrillic += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if decides(han, latin) && han >= cyrillic {
        Lang::Zh
    } else if decides(cyrillic, latin) {
        Lang::Ru
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::english(
        "Trade between Chile and Peru reached $5 billion in 2023, up 4 percent.",
        Lang::En
    )]
    #[case::english_with_a_chinese_name(
        "Trade between China and Russia (中俄贸易) reached $244.8 billion in 2024, up 1.9 percent year on year.",
        Lang::En
    )]
    #[case::simplified_chinese(
        "中俄贸易额达2448亿美元，同比增长1.9%。两国元首会谈，双方签署多项合作文件。",
        Lang::Zh
    )]
    #[case::traditional_chinese(
        "今年前八個月，中美貿易額為2.73萬億元人民幣，下降13.5%。雙方同意加強合作。",
        Lang::Zh
    )]
    #[case::russian_with_latin_names(
        "Товарооборот России и Китая в январе-сентябре составил 176,4 млрд долларов, сообщила ФТС (FCS).",
        Lang::Ru
    )]
    #[case::too_short_to_tell("中俄", Lang::En)]
    #[case::a_short_chinese_line("2023年，中俄贸易额达2401亿美元。", Lang::Zh)]
    #[case::a_short_russian_line("Экспорт вырос на 5%.", Lang::Ru)]
    #[case::a_short_english_line_with_a_few_han("Trade (贸易额) rose.", Lang::En)]
    fn the_script_most_letters_are_in_decides(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(detect(text), lang);
    }
}
