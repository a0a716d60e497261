//! Where a reported event took place: a venue that names its city, a
//! capital or host city after "in", "at" or "visited", or the dateline's
//! place.

use crate::country;

use super::people::find_word;

/// Venues that name their city.
const VENUES: [(&str, &str); 6] = [
    ("Kremlin", "Moscow"),
    ("Great Hall of the People", "Beijing"),
    ("Zhongnanhai", "Beijing"),
    ("Diaoyutai State Guesthouse", "Beijing"),
    ("White House", "Washington"),
    ("Elysee Palace", "Paris"),
];

/// Cities that are not capitals but host visits.
const CITIES: [&str; 60] = [
    "St. Petersburg",
    "Saint Petersburg",
    "Shanghai",
    "Vladivostok",
    "Kazan",
    "Sochi",
    "Samarkand",
    "Johannesburg",
    "New York",
    "Geneva",
    "Davos",
    "Hangzhou",
    "Xi'an",
    "Tianjin",
    "Osaka",
    "Bali",
    "Munich",
    "Hiroshima",
    "Rio de Janeiro",
    "San Francisco",
    "Busan",
    "Dubai",
    "Jeddah",
    "Mumbai",
    "Guangzhou",
    "Xiamen",
    "Chongqing",
    "Chengdu",
    "Wuhan",
    "Shenzhen",
    "Nanjing",
    "Qingdao",
    "Harbin",
    "Dalian",
    "Kunming",
    "Urumqi",
    "Novosibirsk",
    "Yekaterinburg",
    "Kaliningrad",
    "Murmansk",
    "Khabarovsk",
    "Almaty",
    "Bangalore",
    "Chennai",
    "Kolkata",
    "Ho Chi Minh City",
    "Da Nang",
    "Yokohama",
    "Kyoto",
    "Frankfurt",
    "Hamburg",
    "Milan",
    "Istanbul",
    "Sao Paulo",
    "São Paulo",
    "Sydney",
    "Melbourne",
    "Toronto",
    "Los Angeles",
    "Chicago",
];

/// Where the event took place: a venue, a city in the sentence, or the dateline's.
pub(super) fn place(
    sentence: &str,
    dateline: Option<&str>,
    dated_by_dateline: bool,
) -> Option<String> {
    for (venue, city) in VENUES {
        // "Kremlin spokesman Dmitry Peskov" speaks for the venue; the event
        // need not be there.
        let speaks_for = |at: usize| {
            let after = sentence[at + venue.len()..].trim_start();
            let after = after.strip_prefix("'s").unwrap_or(after).trim_start();
            [
                "spokes", "aide", "official", "press", "adviser", "advisor", "said", "says",
                "source",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        };
        // `contains` first: it is much cheaper than setting up the search
        // `match_indices` runs, and most sentences name no venue.
        if sentence.contains(venue) && sentence.match_indices(venue).any(|(at, _)| !speaks_for(at))
        {
            return Some(format!("{city} ({venue})"));
        }
    }
    let lower_guard = |at: usize| {
        let before = sentence[..at].trim_end();
        before.ends_with(" in")
            || before.ends_with(" at")
            || before.ends_with(" to")
            || before.ends_with("In")
            // "visited Beijing": the visit's place without a preposition.
            || before.ends_with(" visited")
            || before.ends_with(" visiting")
            || before.ends_with(" visits")
    };
    for m in country::mentions(sentence) {
        if country::is_capital(m.name) && lower_guard(m.start) {
            return Some(m.name.to_owned());
        }
    }
    for city in CITIES {
        if let Some(at) = find_word(sentence, city) {
            if lower_guard(at) {
                return Some(city.to_owned());
            }
        }
    }
    // "met with Russian President Vladimir Putin here on Wednesday", under
    // "ASTANA, July 3 (Xinhua)": here is the dateline's place.
    if dated_by_dateline || find_word(sentence, "here").is_some() {
        return dateline.map(title_case);
    }
    None
}

/// "MOSCOW" -> "Moscow", "ST. PETERSBURG" -> "St. Petersburg".
pub(super) fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
