//! Events told the way real news tells them (issue 21, item 7): as a noun
//! phrase ("said at a meeting with ...", "the ongoing visit"), dated by the
//! statement they were the occasion of or by a later mention, with the two
//! sides named as countries or bodies, and kept with an unknown date where
//! the text gives none. Every sentence here was written for this file; the
//! countries and people are not those of the development set's articles.

mod support;

use rstest::rstest;
use support::{events, json_str, the_event, Want};

fn assert_has(text: &str, published: Option<&str>, want: Want) {
    let found = events(text, published);
    let (kind, start, end, people, status) = want;
    let hit = found.iter().find(|e| {
        json_str(e.kind) == kind
            && e.date_start.map(|d| d.to_string()).as_deref() == start
            && e.date_end.map(|d| d.to_string()).as_deref() == end
            && people
                .split('|')
                .all(|p| e.participants.iter().any(|x| x.name == p))
            && json_str(e.status) == status
    });
    assert!(hit.is_some(), "{text}\nwanted {want:?}\nfound {found:#?}");
}

#[rstest]
// A span of months dates a figure, not the meeting the figure was told at:
// the dateline's day dates the lead.
#[case::month_span_in_the_lead(
    "LIMA, October 2 (Andina) -- Exports to Peru reached $3.1 billion in March-August, Chilean Foreign Minister Alberto van Klaveren said at a meeting with Peruvian Foreign Minister Javier Gonzalez-Olaechea.",
    Some("2024-10-02"),
    ("meeting", Some("2024-10-02"), None, "Alberto van Klaveren|Javier Gonzalez-Olaechea", "occurred")
)]
#[case::month_span_below_the_lead(
    "Headline on trade\n\nSome text.\n\nMore text.\n\nExports to Peru reached $3.1 billion in January to June, Chilean Foreign Minister Alberto van Klaveren said at a meeting with Peruvian Foreign Minister Javier Gonzalez-Olaechea.",
    Some("2024-10-02"),
    ("meeting", None, None, "Alberto van Klaveren|Javier Gonzalez-Olaechea", "occurred")
)]
// A year or month before the speech verb is a figure's too.
#[case::figure_year_before_the_statement(
    "Trade grew 12% in 2023, Chilean President Gabriel Boric said at a meeting with Argentine President Javier Milei.",
    Some("2024-05-10"),
    ("meeting", None, None, "Gabriel Boric|Javier Milei", "occurred")
)]
#[case::figure_month_before_the_statement(
    "Exports reached $2 billion in May, Peruvian Trade Minister Elizabeth Galdo said during talks with Chilean Trade Minister Ana Lopes.",
    Some("2024-08-10"),
    ("talks", None, None, "Elizabeth Galdo|Ana Lopes", "occurred")
)]
fn a_statements_occasion_is_not_dated_by_its_figures(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::remarks_after_said_on_a_weekday(
    "Chilean President Gabriel Boric said on Thursday that copper sales would grow. He made the remarks during his meeting with Argentine President Javier Milei in Santiago.",
    Some("2024-05-10"),
    ("meeting", Some("2024-05-09"), None, "Gabriel Boric|Javier Milei", "occurred")
)]
#[case::she_made_the_remarks(
    "Peruvian Foreign Minister Rosa Quispe told reporters on Monday that the border would stay open. She made the remarks during talks with Bolivian Foreign Minister Celinda Sosa.",
    Some("2024-03-07"),
    ("talks", Some("2024-03-04"), None, "Rosa Quispe|Celinda Sosa", "occurred")
)]
#[case::surname_made_the_remarks(
    "Chilean President Gabriel Boric said on March 3 that copper sales would grow. Boric made the remarks at a meeting with Argentine President Javier Milei.",
    Some("2024-03-07"),
    ("meeting", Some("2024-03-03"), None, "Gabriel Boric|Javier Milei", "occurred")
)]
fn the_occasion_of_a_statement_takes_the_statements_day(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::ongoing_visit(
    "Officials spoke of the ongoing visit to Peru by Chilean President Gabriel Boric.",
    Some("2024-05-10"),
    ("visit", Some("2024-05-10"), None, "Gabriel Boric", "occurred")
)]
#[case::is_in_a_place_for_a_visit(
    "Copper dominated the agenda of Chilean President Gabriel Boric, who is in Lima for a two-day official visit.",
    Some("2024-05-10"),
    ("official_visit", Some("2024-05-10"), Some("2024-05-11"), "Gabriel Boric", "occurred")
)]
#[case::is_on_a_state_visit(
    "Copper dominated the agenda of Chilean President Gabriel Boric, who is on a state visit to Peru.",
    Some("2024-05-10"),
    ("state_visit", Some("2024-05-10"), None, "Gabriel Boric", "occurred")
)]
// The dateline's day, where there is one, is the report's.
#[case::ongoing_under_a_dateline(
    "Trade with Chile\n\nLIMA, May 9 (Andina) -- Ministers met.\n\nMore on trade.\n\nCopper dominated the ongoing visit to Peru by Chilean President Gabriel Boric.",
    Some("2024-05-10"),
    ("visit", Some("2024-05-09"), None, "Gabriel Boric", "occurred")
)]
fn an_event_under_way_is_on_the_reports_day(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::preceding_the_visit(
    "LIMA, May 9 (Andina) -- Business leaders gathered at a forum preceding the official visit of Chilean President Gabriel Boric.",
    ("official_visit", None, None, "Gabriel Boric", "occurred")
)]
#[case::ahead_of_the_visit(
    "SANTIAGO, May 9 (Reuters) - Ministers drafted a customs deal ahead of the state visit of Argentine President Javier Milei.",
    ("state_visit", None, None, "Javier Milei", "occurred")
)]
fn an_event_named_as_a_landmark_is_not_dated_by_the_dateline(
    #[case] text: &str,
    #[case] want: Want,
) {
    assert_has(text, Some("2024-05-10"), want);
}

#[rstest]
#[case::expects_a_meeting(
    "Chilean President Gabriel Boric expects a meeting with Argentine President Javier Milei in July.",
    Some("2024-06-11"),
    ("meeting", Some("2024-07"), None, "Gabriel Boric|Javier Milei", "planned")
)]
#[case::hopes_to_make_a_visit(
    "Chilean President Gabriel Boric hopes to make a visit to Buenos Aires in January.",
    Some("2024-11-20"),
    ("visit", Some("2025-01"), None, "Gabriel Boric", "planned")
)]
#[case::second_week_of_a_month(
    "Chilean Trade Minister Ana Lopes will lead a business delegation to Peru in the second week of April.",
    Some("2024-03-01"),
    ("visit", Some("2024-04"), None, "Ana Lopes", "planned")
)]
#[case::early_in_a_month(
    "Chilean President Gabriel Boric met Argentine President Javier Milei in early April.",
    Some("2024-05-01"),
    ("meeting", Some("2024-04"), None, "Gabriel Boric|Javier Milei", "occurred")
)]
// A year-only window after the report is no date: its first day is past.
// An invitation to someone who takes part is a plan.
#[case::invited_a_counterpart(
    "Chilean President Gabriel Boric invited his Peruvian counterpart to visit Chile.",
    Some("2024-05-01"),
    ("visit", None, None, "Gabriel Boric", "planned")
)]
#[case::later_this_year(
    "Chile and Peru will hold a ministerial meeting later this year.",
    Some("2024-05-01"),
    ("meeting", None, None, "Chile|Peru", "planned")
)]
#[case::later_this_year_with_people(
    "Chilean President Gabriel Boric will visit Lima later this year.",
    Some("2024-05-01"),
    ("visit", None, None, "Gabriel Boric", "planned")
)]
fn plans_take_the_next_such_month(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::meetings_with_someone(
    "Chilean President Gabriel Boric was in Buenos Aires on Monday for meetings with Argentine President Javier Milei.",
    Some("2024-03-07"),
    ("meeting", Some("2024-03-04"), None, "Gabriel Boric|Javier Milei", "occurred")
)]
#[case::meetings_held_on_days(
    "Chilean Foreign Minister Alberto van Klaveren and Peruvian Foreign Minister Javier Gonzalez-Olaechea held meetings from March 4-6 in Lima.",
    Some("2024-03-07"),
    ("meeting", Some("2024-03-04"), Some("2024-03-06"), "Alberto van Klaveren|Javier Gonzalez-Olaechea", "occurred")
)]
fn a_plural_without_a_count_is_one_occasion(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::counted_meetings("Chilean President Gabriel Boric and Argentine President Javier Milei have held five meetings since 2023.")]
#[case::counted_with_a_word_between("Chilean President Gabriel Boric and Argentine President Javier Milei have held more than 12 bilateral meetings.")]
#[case::regular_visits(
    "Regular visits by Chilean President Gabriel Boric to Peru have deepened ties."
)]
// One side alone is no contact, and a list of many is a gathering.
#[case::one_side_alone("Chile's foreign ministry held a meeting on Monday.")]
#[case::many_countries("Chile, Peru, Bolivia and Ecuador held a meeting on Monday.")]
// A meeting with the press is a news conference.
#[case::meeting_with_the_press(
    "During their joint meeting with the press, Chilean President Gabriel Boric spoke of copper."
)]
#[case::meeting_with_reporters(
    "Chilean President Gabriel Boric held a meeting with reporters on Monday."
)]
// An invitation to people who take part in no contact.
#[case::invited_the_people(
    "Chilean President Gabriel Boric invited the people of Peru to visit Chile."
)]
#[case::invited_investors(
    "Chilean President Gabriel Boric has invited investors from Peru to pay a visit to Santiago."
)]
fn no_event(#[case] text: &str) {
    let found = events(text, Some("2024-03-07"));
    assert!(found.is_empty(), "{text}\nfound {found:#?}");
}

#[rstest]
#[case::the_meeting_is_expected_on(
    "Chilean President Gabriel Boric will meet Argentine President Javier Milei in Buenos Aires. The meeting is expected on March 12, officials said.",
    Some("2024-03-01"),
    ("meeting", Some("2024-03-12"), None, "Gabriel Boric|Javier Milei", "planned")
)]
#[case::the_visit_is_scheduled_for(
    "Peruvian President Dina Boluarte will visit Chile next month. The visit is scheduled for April 8.",
    Some("2024-03-05"),
    ("visit", Some("2024-04-08"), None, "Dina Boluarte", "planned")
)]
// A month refined by a day the text gives later for the same occasion.
#[case::the_summit_opens_on(
    "Chilean President Gabriel Boric expects to meet Argentine President Javier Milei in July during the Mercosur summit in Asuncion.\n\nThe summit will open on the 8th of July, the hosts said.",
    Some("2024-06-11"),
    ("meeting", Some("2024-07-08"), None, "Gabriel Boric|Javier Milei", "planned")
)]
fn a_later_definite_mention_dates_the_event(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
    assert_eq!(events(text, published).len(), 1, "{text}");
}

#[test]
fn a_later_mention_names_the_people_and_the_place() {
    let event = the_event(
        "Chile and Peru held a trade meeting on 4th March 2024. Mr. Pedro Rojas and Mr. Mario Quispe co-chaired the meeting.",
        None,
    );
    let names: Vec<&str> = event.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Pedro Rojas", "Mario Quispe"]);
    let event = the_event(
        "LIMA, May 9 (Andina) -- Trade will double, Chilean Foreign Minister Alberto van Klaveren said during a meeting with Peruvian Foreign Minister Javier Gonzalez-Olaechea.\n\nThe meeting took place on the sidelines of a regional forum in Quito.",
        Some("2024-05-10"),
    );
    assert_eq!(event.place.as_deref(), Some("Quito"));
    assert_eq!(
        event.date_start.map(|d| d.to_string()).as_deref(),
        Some("2024-05-09")
    );
}

#[rstest]
#[case::joined_by_and(
    "Chile and Peru will hold a ministerial meeting on March 12.",
    Some("2024-03-01"),
    ("meeting", Some("2024-03-12"), None, "Chile|Peru", "planned")
)]
#[case::hyphenated_pair(
    "Officials prepared the Chile-Peru summit to be held in Lima.",
    Some("2024-03-01"),
    ("summit", None, None, "Chile|Peru", "planned")
)]
#[case::joint_body(
    "The Chilean-Peruvian joint commission met in Lima on Tuesday.",
    Some("2024-03-07"),
    ("meeting", Some("2024-03-05"), None, "Chilean-Peruvian joint commission", "occurred")
)]
#[case::capitalised_joint_body(
    "The next meeting of the Andean Joint Committee is scheduled in February 2025 in Quito.",
    Some("2024-11-20"),
    ("meeting", Some("2025-02"), None, "Andean Joint Committee", "planned")
)]
#[case::institutions(
    "On Monday, Chile's foreign ministry held a meeting with officials from the Peruvian Embassy.",
    Some("2024-03-07"),
    ("meeting", Some("2024-03-04"), None, "Chile's foreign ministry|officials from the Peruvian Embassy", "occurred")
)]
fn the_sides_take_part_where_no_one_is_named(
    #[case] text: &str,
    #[case] published: Option<&str>,
    #[case] want: Want,
) {
    assert_has(text, published, want);
}

#[rstest]
#[case::role_of_someone_named_before(
    "Chilean President Gabriel Boric praised trade with Peru. The Chilean president said this in a conversation with the Peruvian Foreign Minister.",
    ("talks", None, None, "Gabriel Boric|the Peruvian Foreign Minister", "occurred")
)]
#[case::roles_of_no_one_named(
    "The Argentine president met the Chilean Foreign Minister on Monday.",
    ("meeting", Some("2024-03-04"), None, "the Argentine president|the Chilean Foreign Minister", "occurred")
)]
#[case::president_of_a_country(
    "President of Chile Gabriel Boric met President of Peru Dina Boluarte on May 3, 2024.",
    ("meeting", Some("2024-05-03"), None, "Gabriel Boric|Dina Boluarte", "occurred")
)]
#[case::head_of_a_government(
    "A phone talk between Chilean President Gabriel Boric and Head of the Bolivian Government Mario Quispe took place.",
    ("phone_call", None, None, "Gabriel Boric|Mario Quispe", "occurred")
)]
#[case::chairman_of_a_cabinet(
    "Chilean President Gabriel Boric said during a meeting with the Chairman of the Council of Ministers of Bolivia, Mario Quispe, that trade would grow on Monday.",
    ("meeting", Some("2024-03-04"), None, "Gabriel Boric|Mario Quispe", "occurred")
)]
// A title after a line break opens the next person's name, not this one's.
#[case::title_across_a_line_break(
    "Boric holds talks with Peru's President\n\nPresident Dina Boluarte met Chilean President Gabriel Boric on Monday.",
    ("meeting", Some("2024-03-04"), None, "Dina Boluarte|Gabriel Boric", "occurred")
)]
#[case::honorifics_and_a_headline(
    "Pedro Rojas Held Phone Talks with Mario Quispe\n\nMr Rojas and Mr Mario Quispe discussed trade.",
    ("phone_call", None, None, "Pedro Rojas|Mario Quispe", "occurred")
)]
#[case::minister_with_a_long_title(
    "Indian Commerce and Industry Minister Anil Rao met Chilean Trade Minister Ana Lopes on Monday.",
    ("meeting", Some("2024-03-04"), None, "Anil Rao|Ana Lopes", "occurred")
)]
fn people_by_role_country_or_honorific(#[case] text: &str, #[case] want: Want) {
    assert_has(text, Some("2024-03-07"), want);
}

#[rstest]
#[case::phone_talk(
    "A phone talk between Bolivian Prime Minister Mario Quispe and Peruvian Prime Minister Pedro Rojas took place on Monday.",
    ("phone_call", Some("2024-03-04"), None, "Mario Quispe|Pedro Rojas", "occurred")
)]
#[case::conversation_with(
    "Chilean President Gabriel Boric spoke of copper in a conversation with Peruvian President Dina Boluarte on Monday.",
    ("talks", Some("2024-03-04"), None, "Gabriel Boric|Dina Boluarte", "occurred")
)]
#[case::leading_a_delegation(
    "Chilean Trade Minister Ana Lopes led a business delegation to Peru on Monday.",
    ("visit", Some("2024-03-04"), None, "Ana Lopes", "occurred")
)]
#[case::meeting_at_a_summit(
    "Chilean President Gabriel Boric spoke of copper during his meeting with Argentine President Javier Milei at the Mercosur summit on Monday.",
    ("meeting", Some("2024-03-04"), None, "Gabriel Boric|Javier Milei", "occurred")
)]
#[case::meeting_planned_during_a_summit(
    "Chilean President Gabriel Boric will meet Argentine President Javier Milei during the Mercosur summit on Monday.",
    ("meeting", Some("2024-03-11"), None, "Gabriel Boric|Javier Milei", "planned")
)]
fn more_ways_to_report_a_contact(#[case] text: &str, #[case] want: Want) {
    assert_has(text, Some("2024-03-07"), want);
}

#[rstest]
// A relative clause after the trigger tells of something else.
#[case::which_clause(
    "Chilean ministers attended the first meeting of the Chilean-Peruvian joint commission, which was set up on 1 May.",
    ("meeting", None, None, "Chilean-Peruvian joint commission", "occurred")
)]
#[case::who_clause(
    "Chilean President Gabriel Boric met Peruvian President Dina Boluarte, who took office on December 7, 2022.",
    ("meeting", None, None, "Gabriel Boric|Dina Boluarte", "occurred")
)]
fn dates_in_a_relative_clause_are_not_the_events(#[case] text: &str, #[case] want: Want) {
    assert_has(text, Some("2024-06-10"), want);
}

#[rstest]
// Trend writes its dateline with a bare full stop.
#[case::dateline_with_a_full_stop(
    "Trade aims\n\nQUITO, Ecuador, May 9. Ecuador and Peru aim to double trade, Ecuadorian Foreign Minister Gabriela Sommerfeld said during a meeting with Peruvian Foreign Minister Elmer Schialer.",
    ("meeting", Some("2024-05-09"), None, "Gabriela Sommerfeld|Elmer Schialer", "occurred")
)]
#[case::dateline_with_a_full_stop_days_before(
    "Trade aims\n\nLIMA, Peru, May 9. Trade grew, Ecuadorian Foreign Minister Gabriela Sommerfeld said at a meeting with Peruvian Foreign Minister Elmer Schialer.",
    ("meeting", Some("2024-05-09"), None, "Gabriela Sommerfeld|Elmer Schialer", "occurred")
)]
fn datelines_with_a_full_stop_date_the_lead(#[case] text: &str, #[case] want: Want) {
    assert_has(text, Some("2024-05-13"), want);
}

/// An article that names thousands of people, each once, with "the two
/// leaders" after each: read in time linear in its length (a search per
/// sentence for everyone named so far was quadratic, minutes for a few
/// hundred kilobytes).
#[test]
fn many_people_are_read_in_linear_time() {
    let syllables = ["ba", "ko", "ri", "su", "me", "ta", "lo", "ne", "pi", "du"];
    let name = |i: usize| -> String {
        let mut n = String::new();
        let mut k = i;
        for _ in 0..4 {
            n.push_str(syllables[k % 10]);
            k /= 10;
        }
        let mut chars = n.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let text: String = (0..3000)
        .map(|i| {
            format!(
                "President Ana {} met Mr {} on Monday. The two leaders held talks. ",
                name(i),
                name(i + 5000)
            )
        })
        .collect();
    let started = std::time::Instant::now();
    let found = events(&text, Some("2024-03-07"));
    assert!(found.len() >= 3000, "{}", found.len());
    // Generous for a debug build on a busy machine; the quadratic reading
    // took minutes.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

/// An event named as a landmark takes only the people named from the
/// landmark on: those before it do something else.
#[rstest]
#[case::praise_ahead_of_a_summit(
    "Chilean Foreign Minister Alberto van Klaveren praised the pact ahead of the presidents' summit.",
    &[]
)]
#[case::headline_ahead_of_a_meeting(
    "Van Klaveren Speaks With Gonzalez-Olaechea Ahead Of Presidents' Meeting\n\nChilean Foreign Minister Alberto van Klaveren spoke by phone with Peruvian Foreign Minister Javier Gonzalez-Olaechea on Monday.",
    &["phone_call"]
)]
fn a_landmarks_people_are_named_after_it(#[case] text: &str, #[case] kinds: &[&str]) {
    let found = events(text, Some("2024-03-07"));
    let found_kinds: Vec<String> = found.iter().map(|e| json_str(e.kind)).collect();
    assert_eq!(found_kinds, kinds, "{found:#?}");
}

#[rstest]
// The day of a statement ("Monday's statement") dates no event.
#[case::weekday_of_a_statement(
    "Chilean President Gabriel Boric met Argentine President Javier Milei, Monday's statement from Lima said.",
    ("meeting", None, None, "Gabriel Boric|Javier Milei", "occurred")
)]
#[case::weekday_of_a_joint_statement(
    "Chilean President Gabriel Boric held talks with Argentine President Javier Milei, according to Tuesday’s joint statement.",
    ("talks", None, None, "Gabriel Boric|Javier Milei", "occurred")
)]
// A summit the two attend is where they meet.
#[case::meeting_when_attending_a_summit(
    "Chilean President Gabriel Boric looks forward to meeting Argentine President Javier Milei when they attend the Mercosur Summit.",
    ("meeting", None, None, "Gabriel Boric|Javier Milei", "planned")
)]
#[case::meeting_as_both_attend_a_summit(
    "Chilean President Gabriel Boric will meet Argentine President Javier Milei as both attend the Mercosur summit in July.",
    ("meeting", Some("2024-07"), None, "Gabriel Boric|Javier Milei", "planned")
)]
fn statements_days_and_summits_attended(#[case] text: &str, #[case] want: Want) {
    assert_has(text, Some("2024-03-07"), want);
}

/// A headline and the report below it tell one call: one event, dated.
#[rstest]
#[case::both_named_in_the_headline("Boric, Milei Discuss Copper In Phone Call\n\nChilean President Gabriel Boric held a phone conversation with Argentine President Javier Milei on Thursday.")]
#[case::one_named_in_the_headline("Boric Discusses Copper In Phone Call\n\nChilean President Gabriel Boric held a phone conversation with Argentine President Javier Milei on Thursday.")]
#[case::one_named_again_below("Chilean President Gabriel Boric held a phone conversation with Argentine President Javier Milei on Thursday.\n\nIn a phone conversation, Boric also raised lithium prices.")]
fn a_headline_and_its_report_are_one_event(#[case] text: &str) {
    let event = the_event(text, Some("2024-03-07"));
    assert_eq!(
        event.date_start.map(|d| d.to_string()).as_deref(),
        Some("2024-03-07")
    );
}
