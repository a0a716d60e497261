//! Countries named in text: names, adjectives, short forms and the "Sino-"
//! prefix, each mapped to its ISO 3166 alpha-2 code (`EU` for the European
//! Union, which ISO reserves for it).

use std::sync::OnceLock;

/// `(code, names)`. Names are matched case-sensitively and as whole words, so
/// "US" is the country and "us" is not.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "CN",
        &[
            "People's Republic of China",
            "People’s Republic of China",
            "China",
            "Chinese",
            "Sino",
            "PRC",
            "Beijing",
        ],
    ),
    (
        "RU",
        &[
            "Russian Federation",
            "Russia",
            "Russian",
            "Russians",
            "Moscow",
            "Kremlin",
        ],
    ),
    (
        "US",
        &[
            "United States of America",
            "United States",
            "U.S.",
            "U.S.A.",
            "USA",
            "US",
            "America",
            "American",
            "Washington",
        ],
    ),
    ("IN", &["India", "Indian", "New Delhi"]),
    ("JP", &["Japan", "Japanese", "Tokyo"]),
    // "Korea" alone means the South in trade reporting; the North is always named as such.
    (
        "KR",
        &[
            "Republic of Korea",
            "South Korea",
            "South Korean",
            "Korea",
            "Korean",
            "ROK",
            "Seoul",
        ],
    ),
    ("KP", &["North Korea", "North Korean", "DPRK", "Pyongyang"]),
    ("DE", &["Germany", "German", "Berlin"]),
    ("FR", &["France", "French", "Paris"]),
    (
        "GB",
        &[
            "United Kingdom",
            "Britain",
            "British",
            "U.K.",
            "UK",
            "London",
        ],
    ),
    ("IT", &["Italy", "Italian", "Rome"]),
    ("ES", &["Spain", "Spanish", "Madrid"]),
    ("BR", &["Brazil", "Brazilian", "Brasilia", "Brasília"]),
    ("MX", &["Mexico", "Mexican", "Mexico City"]),
    ("CA", &["Canada", "Canadian", "Ottawa"]),
    ("AU", &["Australia", "Australian", "Canberra"]),
    ("NZ", &["New Zealand", "Wellington"]),
    ("ID", &["Indonesia", "Indonesian", "Jakarta"]),
    ("TR", &["Türkiye", "Turkey", "Turkish", "Ankara"]),
    ("SA", &["Saudi Arabia", "Saudi", "Riyadh"]),
    (
        "AE",
        &["United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"],
    ),
    ("IR", &["Iran", "Iranian", "Tehran"]),
    ("IQ", &["Iraq", "Iraqi", "Baghdad"]),
    ("IL", &["Israel", "Israeli"]),
    ("EG", &["Egypt", "Egyptian", "Cairo"]),
    ("PK", &["Pakistan", "Pakistani", "Islamabad"]),
    ("BD", &["Bangladesh", "Bangladeshi", "Dhaka"]),
    ("VN", &["Viet Nam", "Vietnam", "Vietnamese", "Hanoi"]),
    ("TH", &["Thailand", "Thai", "Bangkok"]),
    ("MY", &["Malaysia", "Malaysian", "Kuala Lumpur"]),
    ("SG", &["Singapore", "Singaporean"]),
    ("PH", &["Philippines", "Philippine", "Filipino", "Manila"]),
    ("KZ", &["Kazakhstan", "Kazakh", "Astana"]),
    ("UZ", &["Uzbekistan", "Uzbek", "Tashkent"]),
    ("MN", &["Mongolia", "Mongolian", "Ulaanbaatar"]),
    ("BY", &["Belarus", "Belarusian", "Minsk"]),
    ("UA", &["Ukraine", "Ukrainian", "Kyiv", "Kiev"]),
    ("PL", &["Poland", "Polish", "Warsaw"]),
    ("NL", &["Netherlands", "Dutch", "Amsterdam"]),
    ("BE", &["Belgium", "Belgian"]),
    ("CH", &["Switzerland", "Swiss", "Bern"]),
    ("SE", &["Sweden", "Swedish", "Stockholm"]),
    ("NO", &["Norway", "Norwegian", "Oslo"]),
    ("FI", &["Finland", "Finnish", "Helsinki"]),
    ("AT", &["Austria", "Austrian", "Vienna"]),
    ("HU", &["Hungary", "Hungarian", "Budapest"]),
    ("RS", &["Serbia", "Serbian", "Belgrade"]),
    ("GR", &["Greece", "Greek", "Athens"]),
    ("PT", &["Portugal", "Portuguese", "Lisbon"]),
    ("ZA", &["South Africa", "South African", "Pretoria"]),
    ("NG", &["Nigeria", "Nigerian", "Abuja"]),
    ("ET", &["Ethiopia", "Ethiopian", "Addis Ababa"]),
    ("KE", &["Kenya", "Kenyan", "Nairobi"]),
    (
        "AR",
        &["Argentina", "Argentine", "Argentinian", "Buenos Aires"],
    ),
    ("CL", &["Chile", "Chilean", "Santiago"]),
    ("PE", &["Peru", "Peruvian", "Lima"]),
    ("CO", &["Colombia", "Colombian", "Bogota", "Bogotá"]),
    ("QA", &["Qatar", "Qatari", "Doha"]),
    // Blocs and a continent trade as parties too, by the codes of
    // `model::BLOCS`. "Europe" and "European" are the EU in trade reporting
    // ("Europe's surplus with the U.S.", "European exports to China").
    ("EU", &["European Union", "EU", "Europe", "European"]),
    (
        "ASEAN",
        &[
            "Association of Southeast Asian Nations",
            "Association of South East Asian Nations",
            "ASEAN",
            "Asean",
        ],
    ),
    ("EAEU", &["Eurasian Economic Union", "EAEU"]),
    ("GCC", &["Gulf Cooperation Council", "GCC"]),
    ("MERCOSUR", &["Mercosur", "MERCOSUR", "Mercosul"]),
    // "South African" and "Central African Republic" are longer, so win.
    ("AFRICA", &["African Union", "Africa", "African"]),
    // Partners that bilateral reports from Asia, Africa and Latin America
    // name often. Left out on purpose: "Niger", "Chad", "Sofia" and
    // "Congolese" (two countries). "Georgia" is also a US state: named as
    // one ("Savannah, Georgia", "the state of Georgia") it is not read.
    ("TW", &["Taiwan", "Taiwanese", "Taipei"]),
    ("HK", &["Hong Kong"]),
    ("MO", &["Macao", "Macau"]),
    ("LA", &["Laos", "Lao", "Laotian", "Vientiane"]),
    ("KH", &["Cambodia", "Cambodian", "Phnom Penh"]),
    ("MM", &["Myanmar", "Burmese", "Naypyidaw", "Nay Pyi Taw"]),
    ("LK", &["Sri Lanka", "Sri Lankan", "Colombo"]),
    ("NP", &["Nepal", "Nepali", "Nepalese", "Kathmandu"]),
    ("AF", &["Afghanistan", "Afghan", "Kabul"]),
    ("KG", &["Kyrgyzstan", "Kyrgyz", "Bishkek"]),
    ("TJ", &["Tajikistan", "Tajik", "Dushanbe"]),
    ("TM", &["Turkmenistan", "Turkmen", "Ashgabat"]),
    ("AZ", &["Azerbaijan", "Azerbaijani", "Azeri", "Baku"]),
    ("GE", &["Georgia", "Georgian", "Tbilisi"]),
    ("AM", &["Armenia", "Armenian", "Yerevan"]),
    ("OM", &["Oman", "Omani", "Muscat"]),
    ("KW", &["Kuwait", "Kuwaiti"]),
    ("BH", &["Bahrain", "Bahraini", "Manama"]),
    ("JO", &["Jordan", "Jordanian", "Amman"]),
    ("SY", &["Syria", "Syrian", "Damascus"]),
    ("LB", &["Lebanon", "Lebanese", "Beirut"]),
    ("MA", &["Morocco", "Moroccan", "Rabat"]),
    ("DZ", &["Algeria", "Algerian", "Algiers"]),
    ("TN", &["Tunisia", "Tunisian", "Tunis"]),
    ("AO", &["Angola", "Angolan", "Luanda"]),
    ("GH", &["Ghana", "Ghanaian", "Accra"]),
    ("TZ", &["Tanzania", "Tanzanian", "Dodoma"]),
    ("ZM", &["Zambia", "Zambian", "Lusaka"]),
    ("ZW", &["Zimbabwe", "Zimbabwean", "Harare"]),
    ("VE", &["Venezuela", "Venezuelan", "Caracas"]),
    ("CU", &["Cuba", "Cuban", "Havana"]),
    ("EC", &["Ecuador", "Ecuadorian", "Quito"]),
    ("BO", &["Bolivia", "Bolivian"]),
    ("UY", &["Uruguay", "Uruguayan", "Montevideo"]),
    ("PY", &["Paraguay", "Paraguayan"]),
    ("IE", &["Ireland", "Irish", "Dublin"]),
    ("DK", &["Denmark", "Danish", "Copenhagen"]),
    ("CZ", &["Czech Republic", "Czechia", "Czech", "Prague"]),
    ("RO", &["Romania", "Romanian", "Bucharest"]),
    ("BG", &["Bulgaria", "Bulgarian"]),
    ("SK", &["Slovakia", "Slovak", "Bratislava"]),
    ("HR", &["Croatia", "Croatian", "Zagreb"]),
    ("SI", &["Slovenia", "Slovenian", "Ljubljana"]),
    ("LT", &["Lithuania", "Lithuanian", "Vilnius"]),
    ("LV", &["Latvia", "Latvian", "Riga"]),
    ("EE", &["Estonia", "Estonian", "Tallinn"]),
    // Africa's, the Americas', Europe's and Asia's smaller traders. Left
    // out where a name means something else as often: Georgia (the US
    // state), Chad (a first name), Niger (the Niger Delta is Nigerian),
    // "Congo" alone (two countries), Tripoli (two capitals).
    ("UG", &["Uganda", "Ugandan", "Kampala"]),
    ("RW", &["Rwanda", "Rwandan", "Kigali"]),
    ("SN", &["Senegal", "Senegalese", "Dakar"]),
    (
        "CI",
        &[
            "Côte d'Ivoire",
            "Côte d’Ivoire",
            "Cote d'Ivoire",
            "Ivory Coast",
            "Ivorian",
            "Abidjan",
            "Yamoussoukro",
        ],
    ),
    ("CM", &["Cameroon", "Cameroonian", "Yaoundé", "Yaounde"]),
    (
        "CD",
        &[
            "Democratic Republic of the Congo",
            "Democratic Republic of Congo",
            "DR Congo",
            "DRC",
            "Kinshasa",
        ],
    ),
    (
        "CG",
        &["Republic of the Congo", "Congo-Brazzaville", "Brazzaville"],
    ),
    ("MZ", &["Mozambique", "Mozambican", "Maputo"]),
    ("NA", &["Namibia", "Namibian", "Windhoek"]),
    ("BW", &["Botswana", "Gaborone"]),
    ("SS", &["South Sudan", "South Sudanese", "Juba"]),
    ("SD", &["Sudan", "Sudanese", "Khartoum"]),
    ("LY", &["Libya", "Libyan"]),
    ("DJ", &["Djibouti", "Djiboutian"]),
    ("MG", &["Madagascar", "Malagasy", "Antananarivo"]),
    ("ML", &["Mali", "Malian", "Bamako"]),
    ("BF", &["Burkina Faso", "Burkinabe", "Ouagadougou"]),
    ("GN", &["Guinea", "Guinean", "Conakry"]),
    ("GQ", &["Equatorial Guinea", "Malabo"]),
    ("GW", &["Guinea-Bissau"]),
    ("GA", &["Gabon", "Gabonese", "Libreville"]),
    ("MW", &["Malawi", "Malawian", "Lilongwe"]),
    ("SL", &["Sierra Leone", "Freetown"]),
    ("LR", &["Liberia", "Liberian", "Monrovia"]),
    ("TG", &["Togo", "Togolese", "Lomé", "Lome"]),
    ("BJ", &["Benin", "Beninese", "Porto-Novo", "Cotonou"]),
    ("BI", &["Burundi", "Burundian", "Bujumbura", "Gitega"]),
    ("CV", &["Cabo Verde", "Cape Verde", "Cape Verdean", "Praia"]),
    ("GM", &["Gambia", "Gambian", "Banjul"]),
    ("NE", &["Niger", "Nigerien", "Niamey"]),
    ("TD", &["Chad", "Chadian", "N'Djamena"]),
    ("KM", &["Comoros", "Comorian"]),
    ("LS", &["Lesotho", "Maseru"]),
    ("SZ", &["Eswatini", "Swaziland", "Mbabane"]),
    ("SC", &["Seychelles", "Seychellois"]),
    (
        "ST",
        &[
            "São Tomé and Príncipe",
            "Sao Tome and Principe",
            "São Tomé",
            "Sao Tome",
        ],
    ),
    ("PS", &["Palestine", "Palestinian", "Ramallah"]),
    ("XK", &["Kosovo", "Kosovar", "Pristina"]),
    ("HT", &["Haiti", "Haitian", "Port-au-Prince"]),
    ("GY", &["Guyana", "Guyanese"]),
    ("SR", &["Suriname", "Surinamese", "Paramaribo"]),
    ("BZ", &["Belize", "Belizean"]),
    ("BS", &["Bahamas", "Bahamian"]),
    ("BB", &["Barbados", "Barbadian", "Bridgetown"]),
    ("AG", &["Antigua and Barbuda", "Antigua"]),
    ("DM", &["Dominica"]),
    ("GD", &["Grenada"]),
    (
        "KN",
        &[
            "Saint Kitts and Nevis",
            "St Kitts and Nevis",
            "St. Kitts and Nevis",
        ],
    ),
    ("LC", &["Saint Lucia", "St Lucia", "St. Lucia"]),
    (
        "VC",
        &[
            "Saint Vincent and the Grenadines",
            "St Vincent and the Grenadines",
        ],
    ),
    ("LI", &["Liechtenstein"]),
    ("MC", &["Monaco"]),
    ("SM", &["San Marino"]),
    ("AD", &["Andorra"]),
    ("FM", &["Micronesia"]),
    ("KI", &["Kiribati"]),
    ("MH", &["Marshall Islands"]),
    ("NR", &["Nauru"]),
    ("PW", &["Palau"]),
    ("SB", &["Solomon Islands"]),
    ("TO", &["Tonga", "Tongan"]),
    ("TV", &["Tuvalu"]),
    ("VU", &["Vanuatu"]),
    ("WS", &["Samoa", "Samoan"]),
    ("MR", &["Mauritania", "Mauritanian", "Nouakchott"]),
    ("SO", &["Somalia", "Somali", "Mogadishu"]),
    ("ER", &["Eritrea", "Eritrean", "Asmara"]),
    ("MU", &["Mauritius", "Mauritian", "Port Louis"]),
    ("CF", &["Central African Republic", "Bangui"]),
    ("PA", &["Panama", "Panamanian"]),
    ("CR", &["Costa Rica", "Costa Rican"]),
    ("DO", &["Dominican Republic", "Santo Domingo"]),
    ("GT", &["Guatemala", "Guatemalan"]),
    ("HN", &["Honduras", "Honduran", "Tegucigalpa"]),
    ("NI", &["Nicaragua", "Nicaraguan", "Managua"]),
    ("SV", &["El Salvador", "Salvadoran", "San Salvador"]),
    ("JM", &["Jamaica", "Jamaican"]),
    ("TT", &["Trinidad and Tobago", "Trinidad"]),
    ("BN", &["Brunei", "Bruneian", "Bandar Seri Begawan"]),
    ("PG", &["Papua New Guinea", "PNG", "Port Moresby"]),
    ("FJ", &["Fiji", "Fijian", "Suva"]),
    ("YE", &["Yemen", "Yemeni", "Sanaa", "Sana'a"]),
    ("MV", &["Maldives", "Maldivian"]),
    ("BT", &["Bhutan", "Bhutanese", "Thimphu"]),
    ("TL", &["Timor-Leste", "East Timor", "Dili"]),
    ("CY", &["Cyprus", "Cypriot", "Nicosia"]),
    ("MT", &["Malta", "Maltese", "Valletta"]),
    ("LU", &["Luxembourg"]),
    ("IS", &["Iceland", "Icelandic", "Reykjavik", "Reykjavík"]),
    ("AL", &["Albania", "Albanian", "Tirana"]),
    ("MK", &["North Macedonia", "Skopje"]),
    (
        "BA",
        &["Bosnia and Herzegovina", "Bosnia", "Bosnian", "Sarajevo"],
    ),
    ("ME", &["Montenegro", "Montenegrin", "Podgorica"]),
    ("MD", &["Moldova", "Moldovan", "Chisinau", "Chișinău"]),
];

/// Capital cities double as names of their governments ("Beijing and Moscow
/// agreed"), but a visit "to Moscow" is a place: callers that need a country
/// by name only can tell the two apart with this.
pub(crate) fn is_capital(name: &str) -> bool {
    matches!(
        name,
        "Beijing"
            | "Moscow"
            | "Kremlin"
            | "Washington"
            | "New Delhi"
            | "Tokyo"
            | "Seoul"
            | "Pyongyang"
            | "Berlin"
            | "Paris"
            | "London"
            | "Rome"
            | "Madrid"
            | "Brasilia"
            | "Brasília"
            | "Ottawa"
            | "Canberra"
            | "Jakarta"
            | "Ankara"
            | "Riyadh"
            | "Tehran"
            | "Cairo"
            | "Islamabad"
            | "Hanoi"
            | "Bangkok"
            | "Kuala Lumpur"
            | "Manila"
            | "Astana"
            | "Tashkent"
            | "Ulaanbaatar"
            | "Minsk"
            | "Kyiv"
            | "Kiev"
            | "Warsaw"
            | "Budapest"
            | "Belgrade"
            | "Pretoria"
            | "Abuja"
            | "Addis Ababa"
            | "Nairobi"
            | "Buenos Aires"
            | "Santiago"
            | "Lima"
            | "Bogota"
            | "Bogotá"
            | "Doha"
            | "Mexico City"
            | "Wellington"
            | "Abu Dhabi"
            | "Baghdad"
            | "Dhaka"
            | "Taipei"
            | "Vientiane"
            | "Phnom Penh"
            | "Naypyidaw"
            | "Nay Pyi Taw"
            | "Colombo"
            | "Kathmandu"
            | "Kabul"
            | "Bishkek"
            | "Dushanbe"
            | "Ashgabat"
            | "Baku"
            | "Yerevan"
            | "Muscat"
            | "Manama"
            | "Amman"
            | "Damascus"
            | "Beirut"
            | "Rabat"
            | "Algiers"
            | "Tunis"
            | "Luanda"
            | "Accra"
            | "Dodoma"
            | "Lusaka"
            | "Harare"
            | "Caracas"
            | "Havana"
            | "Quito"
            | "Montevideo"
            | "Dublin"
            | "Copenhagen"
            | "Prague"
            | "Bucharest"
            | "Bratislava"
            | "Zagreb"
            | "Ljubljana"
            | "Vilnius"
            | "Riga"
            | "Tallinn"
            | "Kampala"
            | "Kigali"
            | "Dakar"
            | "Abidjan"
            | "Yamoussoukro"
            | "Yaoundé"
            | "Yaounde"
            | "Kinshasa"
            | "Brazzaville"
            | "Maputo"
            | "Windhoek"
            | "Gaborone"
            | "Juba"
            | "Khartoum"
            | "Antananarivo"
            | "Bamako"
            | "Ouagadougou"
            | "Conakry"
            | "Malabo"
            | "Libreville"
            | "Lilongwe"
            | "Freetown"
            | "Monrovia"
            | "Lomé"
            | "Lome"
            | "Porto-Novo"
            | "Nouakchott"
            | "Mogadishu"
            | "Asmara"
            | "Port Louis"
            | "Santo Domingo"
            | "Tegucigalpa"
            | "Managua"
            | "San Salvador"
            | "Bandar Seri Begawan"
            | "Port Moresby"
            | "Suva"
            | "Sanaa"
            | "Sana'a"
            | "Thimphu"
            | "Dili"
            | "Nicosia"
            | "Valletta"
            | "Reykjavik"
            | "Reykjavík"
            | "Tirana"
            | "Skopje"
            | "Sarajevo"
            | "Podgorica"
            | "Chisinau"
            | "Chișinău"
            | "Bangui"
            | "Amsterdam"
            | "Bern"
            | "Stockholm"
            | "Oslo"
            | "Helsinki"
            | "Vienna"
            | "Athens"
            | "Lisbon"
    )
}

/// A country named in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub code: &'static str,
    /// Byte range of the name.
    pub start: usize,
    pub end: usize,
    pub name: &'static str,
}

/// Every name with its code, longest first (so "South Korea" wins over
/// "Korea" and "U.S.A." over "U.S."), indexed by its first two bytes: at a
/// capital, one lookup gives the few names that can start there, and at most
/// capitals none.
struct Matcher {
    /// The names starting with bytes `a`, `b` are
    /// `names[starts[key]..starts[key + 1]]`, where `key` is [`key`]`(a, b)`.
    starts: Vec<u16>,
    names: Vec<(&'static str, &'static str)>,
}

/// Every name starts with an ASCII capital (a test checks it) and is at
/// least two bytes long.
fn key(first: u8, second: u8) -> usize {
    usize::from(first - b'A') * 256 + usize::from(second)
}

const KEYS: usize = 26 * 256;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut names: Vec<(&'static str, &'static str)> = COUNTRIES
            .iter()
            .flat_map(|(code, names)| names.iter().map(move |n| (*n, *code)))
            .collect();
        // Stable, so names of equal length keep the table's order, and
        // names of one key stay longest first.
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let key_of = |n: &str| key(n.as_bytes()[0], n.as_bytes()[1]);
        names.sort_by_key(|(n, _)| key_of(n));
        let mut starts = vec![0u16; KEYS + 1];
        for (n, _) in &names {
            starts[key_of(n) + 1] += 1;
        }
        for k in 0..KEYS {
            starts[k + 1] += starts[k];
        }
        Matcher { starts, names }
    })
}

/// Every country named in `text`, in order.
///
/// Reads the text as a search for the alternation of all names would
/// (leftmost match first, the first listed name among those matching there,
/// then on from its end), and keeps the matches that stand as whole words.
/// Whether the "Georgia" at `at..end` is the US state: after a city and a
/// comma ("Savannah, Georgia"), or as "the state of Georgia", "Georgia's
/// governor".
fn us_state(text: &str, at: usize, end: usize, code: &str) -> bool {
    if code != "GE" || &text[at..end] != "Georgia" {
        return false;
    }
    let before = text[..at].trim_end();
    // A capitalised word before the comma that is no country's name:
    // "Azerbaijan, Georgia and Armenia" lists countries.
    let after_a_city = before.strip_suffix(',').is_some_and(|b| {
        let tail = &b[b.floor_char_boundary(b.len().saturating_sub(40))..];
        tail.rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            && mentions(tail).last().is_none_or(|m| m.end != tail.len())
    });
    after_a_city
        || before.ends_with("state of")
        || before.ends_with("State of")
        || ["'s governor", "’s governor", " governor", " Governor"]
            .iter()
            .any(|w| text[end..].starts_with(w))
}

pub(crate) fn mentions(text: &str) -> Vec<Mention> {
    let matcher = matcher();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        // Every name starts with a capital (a test checks it).
        at = crate::scan::next_capital(bytes, at);
        if at >= bytes.len() {
            break;
        }
        let Some(&next) = bytes.get(at + 1) else {
            break;
        };
        let k = key(bytes[at], next);
        let candidates =
            &matcher.names[usize::from(matcher.starts[k])..usize::from(matcher.starts[k + 1])];
        let found = candidates
            .iter()
            .find(|(name, _)| bytes[at..].starts_with(name.as_bytes()))
            .map(|&(name, code)| (name, code, at + name.len()))
            .or_else(|| capitalised_first_word(bytes, at));
        let Some((name, code, end)) = found else {
            at += 1;
            continue;
        };
        // `at` holds an ASCII capital, so it is a character boundary.
        let before_ok = at == 0
            || !is_word_byte(bytes[at - 1])
            || text[..at].ends_with(|c: char| !c.is_alphanumeric());
        let after_ok = end >= bytes.len()
            || !is_word_byte(bytes[end])
            || name.ends_with('.')
            || text[end..].starts_with(|c: char| !c.is_alphanumeric());
        // "US" inside "USD" or "U.S." followed by a letter is not the country.
        // Nor is "U.S." in "U.S. dollars" or "Canadian" in "Canadian dollars":
        // a currency says nothing of who trades ("2.1 trillion yuan (about
        // 295.6 billion U.S. dollars)" in a report on China and Africa).
        // The same holds for "US$" and "HK$" before an amount: an article on
        // Brazil and China quoting every figure in "US$" is not about the US.
        // "US $27.9 billion", spaced as some papers print it, too.
        let currency = bytes.get(end) == Some(&b'$')
            || (name.len() <= 4 && bytes[end..].starts_with(b" $"))
            || [&b" dollar"[..], b" Dollar", b"-dollar", b" shilling"]
                .iter()
                .any(|w| bytes[end..].starts_with(w));
        // "Latin America", "South American": a region, not the US.
        let region = name.starts_with("America")
            && ["Latin ", "South ", "North ", "Central "]
                .iter()
                .any(|w| bytes[..at].ends_with(w.as_bytes()));
        // "East Africa", "the West African states", "the East African
        // Community": a part of the continent, which no party code stands
        // for, as "Latin America" is not the US.
        let part_of_africa = name.starts_with("Africa")
            && [
                "East ",
                "West ",
                "North ",
                "Central ",
                "Southern ",
                "Eastern ",
                "Western ",
                "Northern ",
                "sub-Saharan ",
                "Sub-Saharan ",
            ]
            .iter()
            .any(|w| bytes[..at].ends_with(w.as_bytes()));
        // "the North African country", "a West African nation": one
        // country, unnamed, not the continent ("African countries" are).
        let one_of_a_region = name == "African"
            && [&b" country"[..], b" nation", b" state"].iter().any(|w| {
                bytes[end..].starts_with(w)
                    && !bytes[end + w.len()..]
                        .first()
                        .is_some_and(u8::is_ascii_alphabetic)
            });
        if before_ok
            && after_ok
            && !currency
            && !region
            && !one_of_a_region
            && !part_of_africa
            && !another_thing(name, &text[end..])
            && !us_state(text, at, end, code)
        {
            out.push(Mention {
                code,
                start: at,
                end,
                name,
            });
        }
        at = end;
    }
    out
}

/// A name of several words whose first is set in capitals, as papers set
/// an article's first word ("PAPUA New Guinea's exports", "SOUTH Korea's
/// trade"): the name, its code and where it ends. One word in capitals
/// alone is left to be a dateline ("BEIJING") or an acronym.
fn capitalised_first_word(bytes: &[u8], at: usize) -> Option<(&'static str, &'static str, usize)> {
    let word = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    if word < 2 || bytes.get(at + word) != Some(&b' ') {
        return None;
    }
    let matcher = matcher();
    let k = key(bytes[at], bytes[at + 1].to_ascii_lowercase());
    matcher.names[usize::from(matcher.starts[k])..usize::from(matcher.starts[k + 1])]
        .iter()
        .find(|(name, _)| {
            let n = name.as_bytes();
            n.len() > word
                && n[word] == b' '
                && n[..word].eq_ignore_ascii_case(&bytes[at..at + word])
                && bytes[at + word..].starts_with(&n[word..])
        })
        .map(|&(name, code)| (name, code, at + name.len()))
}

/// Country names that are also something else, told by what follows: the
/// Niger Delta and Niger State are in Nigeria, and "Chad Bown" is a trade
/// economist.
fn another_thing(name: &str, after: &str) -> bool {
    match name {
        "Niger" => [" Delta", " State", " River"]
            .iter()
            .any(|w| after.starts_with(w)),
        "Chad" => after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase())),
        _ => false,
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The distinct codes of `mentions`, in order of first mention.
pub(crate) fn distinct(mentions: &[Mention]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for m in mentions {
        if !out.contains(&m.code) {
            out.push(m.code);
        }
    }
    out
}

/// The two countries a document is about: the two most often named, ties
/// broken by first mention. `None` when fewer than two are named.
pub(crate) fn document_pair(mentions: &[Mention]) -> Option<(&'static str, &'static str)> {
    let order = distinct(mentions);
    let mut counted: Vec<(&'static str, usize, usize)> = order
        .iter()
        .enumerate()
        .map(|(i, code)| {
            (
                *code,
                mentions.iter().filter(|m| m.code == *code).count(),
                i,
            )
        })
        .collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    match counted.as_slice() {
        [a, b, ..] => Some((a.0, b.0)),
        _ => None,
    }
}

/// Whether a listed name is a country's adjective ("Brazilian", "Thai",
/// "Dutch"): not the first name of its party, not a capital, and shaped as
/// the table's adjectives are ("Britain" and "America" are names).
pub(crate) fn is_adjective(name: &str) -> bool {
    const ENDINGS: [&str; 9] = ["an", "ese", "ish", "i", "ch", "ek", "ik", "ss", "ot"];
    const NAMES: [&str; 5] = ["Britain", "America", "Oman", "Kazakh", "Sino"];
    let first = COUNTRIES
        .iter()
        .any(|(_, names)| names.first() == Some(&name));
    !first
        && !is_capital(name)
        && !NAMES.contains(&name)
        && ENDINGS.iter().any(|e| name.ends_with(e))
}

/// The party whose code is `code`, as the table's own `'static` string.
pub(crate) fn static_code(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().map(|(c, _)| *c).find(|c| *c == code)
}

/// The country whose name is exactly `name` (any listed form).
pub(crate) fn code_of(name: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(_, names)| names.contains(&name))
        .map(|(code, _)| *code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        mentions(text).iter().map(|m| m.code).collect()
    }

    #[test]
    fn a_first_word_in_capitals_starts_a_name_of_several() {
        assert_eq!(codes("PAPUA New Guinea's exports"), vec!["PG"]);
        assert_eq!(codes("SOUTH Korea's trade with China"), vec!["KR", "CN"]);
        // One word in capitals alone is a dateline or an acronym.
        assert_eq!(codes("CHINA's exports"), Vec::<&str>::new());
        assert_eq!(codes("NEW rules for Kenya"), vec!["KE"]);
    }

    #[test]
    fn names_adjectives_and_prefixes_are_recognised() {
        assert_eq!(codes("China-Russia trade"), vec!["CN", "RU"]);
        assert_eq!(codes("Sino-Russian ties"), vec!["CN", "RU"]);
        assert_eq!(codes("Russia's largest trading partner"), vec!["RU"]);
        assert_eq!(codes("the U.S. and South Korea"), vec!["US", "KR"]);
        assert_eq!(codes("Türkiye and the EU"), vec!["TR", "EU"]);
        assert_eq!(codes("China-Laos Railway"), vec!["CN", "LA"]);
        assert_eq!(codes("Kyrgyz and Uzbek traders"), vec!["KG", "UZ"]);
        assert_eq!(
            codes("trade between Taiwan and the Czech Republic"),
            vec!["TW", "CZ"]
        );
        assert_eq!(
            codes("Uganda, South Sudan, Sudan and the DRC"),
            vec!["UG", "SS", "SD", "CD"]
        );
        assert_eq!(
            codes("Côte d'Ivoire, Equatorial Guinea, Guinea-Bissau, Papua New Guinea"),
            vec!["CI", "GQ", "GW", "PG"]
        );
    }

    #[test]
    fn capitals_are_names_of_their_countries() {
        // A capital `is_capital` knows but the table lacks would never be
        // found; one the table has but `is_capital` lacks would read "a
        // visit to Kampala" as a visit by Uganda.
        for (name, code) in [
            ("Kampala", "UG"),
            ("Kinshasa", "CD"),
            ("Juba", "SS"),
            ("Khartoum", "SD"),
            ("Chișinău", "MD"),
            ("Nairobi", "KE"),
            ("Moscow", "RU"),
        ] {
            assert!(is_capital(name), "{name}");
            assert_eq!(code_of(name), Some(code), "{name}");
        }
    }

    #[test]
    fn every_party_has_a_name_for_people_among_the_forms_read() {
        for (code, names) in COUNTRIES {
            assert!(crate::model::is_party_code(code), "{code}");
            let name = crate::model::party_name(code);
            assert!(
                names.contains(&name),
                "{code}: {name} is not among {names:?}"
            );
        }
        // And every bloc the model names is read.
        for (code, _) in crate::model::BLOCS {
            assert!(COUNTRIES.iter().any(|(c, _)| *c == code), "{code}");
        }
    }

    #[test]
    fn blocs_and_a_continent_are_parties() {
        assert_eq!(
            codes("trade between ASEAN and India, the Eurasian Economic Union and Vietnam"),
            vec!["ASEAN", "IN", "EAEU", "VN"]
        );
        assert_eq!(codes("China-Africa trade"), vec!["CN", "AFRICA"]);
        assert_eq!(codes("South African exports"), vec!["ZA"]);
        assert_eq!(codes("the Central African Republic"), vec!["CF"]);
        assert!(codes("the West African nation and the North African country").is_empty());
        assert_eq!(codes("trade with African countries"), vec!["AFRICA"]);
        assert_eq!(
            codes("Kenya's trade with the East African Community"),
            vec!["KE"]
        );
        assert_eq!(codes("Burundi, Chad and Niger"), vec!["BI", "TD", "NE"]);
        assert_eq!(
            codes("Niger Delta crude, said Chad Bown"),
            Vec::<&str>::new()
        );
        assert_eq!(codes("Nigeria and Niger"), vec!["NG", "NE"]);
        assert_eq!(codes("exports of US $27.9 billion"), Vec::<&str>::new());
        assert!(codes("exports to West Africa and sub-Saharan Africa").is_empty());
        assert_eq!(
            codes("European exports to Mercosur"),
            vec!["EU", "MERCOSUR"]
        );
        assert!(codes("Latin America and South American markets").is_empty());
    }

    #[rstest::rstest]
    #[case::the_country_beside_a_neighbour("trade between Georgia and Armenia", &["GE", "AM"])]
    #[case::its_capital_and_adjective("Georgian wine sold in Tbilisi", &["GE", "GE"])]
    #[case::a_city_in_the_us_state("the port of Savannah, Georgia, and Canada", &["CA"])]
    #[case::a_list_of_countries("Azerbaijan, Georgia and Armenia", &["AZ", "GE", "AM"])]
    #[case::the_state_named_as_one("the state of Georgia and Mexico", &["MX"])]
    fn georgia_is_the_country_unless_named_as_a_us_state(
        #[case] text: &str,
        #[case] want: &[&str],
    ) {
        assert_eq!(codes(text), want, "{text}");
    }

    #[test]
    fn every_name_starts_with_a_capital() {
        for (_, names) in COUNTRIES {
            for name in *names {
                assert!(name.as_bytes()[0].is_ascii_uppercase(), "{name}");
                assert!(name.len() >= 2, "{name}");
            }
        }
    }

    #[test]
    fn a_name_across_a_word_boundary_hides_the_one_inside_it() {
        // As a search for all names would: "South Korea" inside "xSouth Korea"
        // is found (and refused), and "Korea" within it is not looked for.
        assert!(codes("xSouth Korea").is_empty());
        assert_eq!(codes("South Korea and Korea"), vec!["KR", "KR"]);
    }

    #[test]
    fn a_curly_apostrophe_ends_a_name() {
        assert_eq!(codes("Chile’s exports to Peru’s ports"), vec!["CL", "PE"]);
        assert_eq!(codes("Peru–Chile trade"), vec!["PE", "CL"]);
        assert!(codes("Chileé").is_empty());
    }

    #[test]
    fn look_alikes_are_not_countries() {
        assert!(codes("let us trade in USD with Chinatown").is_empty());
        assert!(codes("a turkey dinner").is_empty());
    }

    #[test]
    fn a_currency_prefix_is_not_the_country() {
        assert!(codes("exports of US$104.3 billion and HK$2 billion").is_empty());
        assert!(codes("295.6 billion U.S. dollars").is_empty());
        assert!(codes("1.1 trillion Kenyan shillings").is_empty());
        assert_eq!(codes("US exports of $5 billion"), vec!["US"]);
        // An article on Brazil and China that quotes its figures in US$.
        let m = mentions(
            "Brazil and China. Brazil sold US$104 billion to China, bought US$53 billion and \
             kept US$51 billion (US$ bn).",
        );
        assert_eq!(document_pair(&m), Some(("BR", "CN")));
    }

    #[test]
    fn the_document_pair_is_the_two_most_named() {
        let m = mentions("China and Russia. China, Russia, Japan. Chinese.");
        assert_eq!(document_pair(&m), Some(("CN", "RU")));
        assert_eq!(document_pair(&mentions("Only China.")), None);
    }
}
