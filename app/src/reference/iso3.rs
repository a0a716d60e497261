//! ISO 3166-1 alpha-3 codes of the countries tradeline names, for files
//! that use them (UN Comtrade's `reporterISO` and `partnerISO`).

/// `(alpha-3, alpha-2)`, one row per country of
/// [`country_name`](crate::model::country_name); the tests below check
/// that both sides are known and that no code appears twice.
const ALPHA3: &[(&str, &str)] = &[
    ("CHN", "CN"),
    ("RUS", "RU"),
    ("USA", "US"),
    ("IND", "IN"),
    ("JPN", "JP"),
    ("KOR", "KR"),
    ("PRK", "KP"),
    ("DEU", "DE"),
    ("FRA", "FR"),
    ("GBR", "GB"),
    ("ITA", "IT"),
    ("ESP", "ES"),
    ("BRA", "BR"),
    ("MEX", "MX"),
    ("CAN", "CA"),
    ("AUS", "AU"),
    ("NZL", "NZ"),
    ("IDN", "ID"),
    ("TUR", "TR"),
    ("SAU", "SA"),
    ("ARE", "AE"),
    ("IRN", "IR"),
    ("IRQ", "IQ"),
    ("ISR", "IL"),
    ("EGY", "EG"),
    ("PAK", "PK"),
    ("BGD", "BD"),
    ("VNM", "VN"),
    ("THA", "TH"),
    ("MYS", "MY"),
    ("SGP", "SG"),
    ("PHL", "PH"),
    ("KAZ", "KZ"),
    ("UZB", "UZ"),
    ("MNG", "MN"),
    ("BLR", "BY"),
    ("UKR", "UA"),
    ("POL", "PL"),
    ("NLD", "NL"),
    ("BEL", "BE"),
    ("CHE", "CH"),
    ("SWE", "SE"),
    ("NOR", "NO"),
    ("FIN", "FI"),
    ("AUT", "AT"),
    ("HUN", "HU"),
    ("SRB", "RS"),
    ("GRC", "GR"),
    ("PRT", "PT"),
    ("ZAF", "ZA"),
    ("NGA", "NG"),
    ("ETH", "ET"),
    ("KEN", "KE"),
    ("ARG", "AR"),
    ("CHL", "CL"),
    ("PER", "PE"),
    ("COL", "CO"),
    ("QAT", "QA"),
    ("TWN", "TW"),
    ("HKG", "HK"),
    ("MAC", "MO"),
    ("LAO", "LA"),
    ("KHM", "KH"),
    ("MMR", "MM"),
    ("LKA", "LK"),
    ("NPL", "NP"),
    ("AFG", "AF"),
    ("KGZ", "KG"),
    ("TJK", "TJ"),
    ("TKM", "TM"),
    ("AZE", "AZ"),
    ("ARM", "AM"),
    ("OMN", "OM"),
    ("KWT", "KW"),
    ("BHR", "BH"),
    ("JOR", "JO"),
    ("SYR", "SY"),
    ("LBN", "LB"),
    ("MAR", "MA"),
    ("DZA", "DZ"),
    ("TUN", "TN"),
    ("AGO", "AO"),
    ("GHA", "GH"),
    ("TZA", "TZ"),
    ("ZMB", "ZM"),
    ("ZWE", "ZW"),
    ("VEN", "VE"),
    ("CUB", "CU"),
    ("ECU", "EC"),
    ("BOL", "BO"),
    ("URY", "UY"),
    ("PRY", "PY"),
    ("IRL", "IE"),
    ("DNK", "DK"),
    ("CZE", "CZ"),
    ("ROU", "RO"),
    ("BGR", "BG"),
    ("SVK", "SK"),
    ("HRV", "HR"),
    ("SVN", "SI"),
    ("LTU", "LT"),
    ("LVA", "LV"),
    ("EST", "EE"),
    ("UGA", "UG"),
    ("RWA", "RW"),
    ("SEN", "SN"),
    ("CIV", "CI"),
    ("CMR", "CM"),
    ("COD", "CD"),
    ("COG", "CG"),
    ("MOZ", "MZ"),
    ("ALB", "AL"),
    ("BIH", "BA"),
    ("BFA", "BF"),
    ("BEN", "BJ"),
    ("BRN", "BN"),
    ("BTN", "BT"),
    ("BWA", "BW"),
    ("CAF", "CF"),
    ("CRI", "CR"),
    ("CYP", "CY"),
    ("DJI", "DJ"),
    ("DOM", "DO"),
    ("ERI", "ER"),
    ("FJI", "FJ"),
    ("GAB", "GA"),
    ("GIN", "GN"),
    ("GNQ", "GQ"),
    ("GTM", "GT"),
    ("GNB", "GW"),
    ("HND", "HN"),
    ("ISL", "IS"),
    ("JAM", "JM"),
    ("LBR", "LR"),
    ("LUX", "LU"),
    ("LBY", "LY"),
    ("MDA", "MD"),
    ("MNE", "ME"),
    ("MDG", "MG"),
    ("MKD", "MK"),
    ("MLI", "ML"),
    ("MRT", "MR"),
    ("MLT", "MT"),
    ("MUS", "MU"),
    ("MDV", "MV"),
    ("MWI", "MW"),
    ("NAM", "NA"),
    ("NIC", "NI"),
    ("PAN", "PA"),
    ("PNG", "PG"),
    ("SDN", "SD"),
    ("SLE", "SL"),
    ("SOM", "SO"),
    ("SSD", "SS"),
    ("SLV", "SV"),
    ("TGO", "TG"),
    ("TLS", "TL"),
    ("TTO", "TT"),
    ("YEM", "YE"),
    // Comtrade reports the European Union as a reporter of its own.
    ("EUR", "EU"),
    ("EU2", "EU"),
];

/// tradeline's code for an alpha-3 code (any case), if it names the country.
pub(super) fn alpha2(alpha3: &str) -> Option<&'static str> {
    let upper = alpha3.trim().to_ascii_uppercase();
    ALPHA3
        .iter()
        .find(|(a3, _)| *a3 == upper)
        .map(|(_, a2)| *a2)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::model::{country_name, is_party_code};

    #[test]
    fn every_code_is_a_party_tradeline_names() {
        for (a3, a2) in ALPHA3 {
            assert!(is_party_code(a2), "{a3} maps to {a2}, not a party code");
            assert!(
                country_name(a2).is_some() || *a2 == "EU",
                "{a3} maps to {a2}, which tradeline has no name for"
            );
        }
    }

    #[test]
    fn no_alpha3_code_is_listed_twice() {
        let mut seen = HashSet::new();
        for (a3, _) in ALPHA3 {
            assert!(seen.insert(*a3), "{a3} is listed twice");
            assert_eq!(a3.len(), 3, "{a3}");
        }
    }

    #[test]
    fn codes_are_read_in_any_case() {
        assert_eq!(alpha2("chn"), Some("CN"));
        assert_eq!(alpha2(" RUS "), Some("RU"));
        assert_eq!(alpha2("W00"), None);
        assert_eq!(alpha2("XXX"), None);
    }
}
