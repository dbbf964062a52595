//! A pasted unit table kept in a draft at once: units with the levels chosen for rows that print
//! none, the groups its headings make and the barred combinations its rows print, as the
//! catalogue has them from the same documents.

use qualplan::catalogue::{embedded, Level, Requirement};
use qualplan::editor::draft::Draft;
use qualplan::editor::keep_table::{KeepError, Kept, TableChoices, TABLE_SOURCE};
use qualplan::editor::paste::{guess_columns, parse, Pasted};
use qualplan::editor::structure::{barred_pairs, heading_groups};
use qualplan::sort::SmallSort;

const HIGHFIELD: &str = include_str!("fixtures/paste/highfield-units.txt");
const CG_4411: &str = include_str!("fixtures/paste/cg-4411-units.txt");

fn keep(d: &mut Draft, pasted: &Pasted, choices: &TableChoices) -> Result<Kept, KeepError> {
    d.keep_table(pasted, &guess_columns(pasted), choices)
}

/// The unit sets of a qualification's barred rules, each sorted.
fn barred_sets(rules: &[qualplan::catalogue::Rule]) -> Vec<Vec<String>> {
    let mut sets: Vec<Vec<String>> = rules
        .iter()
        .filter_map(|r| match &r.require {
            Requirement::Barred(b) if b.max == 1 => {
                let mut u = b.units.clone();
                u.sort_small();
                Some(u)
            }
            _ => None,
        })
        .collect();
    sets.sort_small();
    sets
}

#[test]
fn the_4411_table_prints_no_level_so_each_row_gets_the_one_chosen_and_its_barred_pairs_become_rules(
) {
    let pasted = parse(CG_4411).unwrap();
    let mut d = Draft::new(|_| false);
    let none = TableChoices {
        barred: true,
        ..TableChoices::default()
    };
    let err = keep(&mut d, &pasted, &none).unwrap_err();
    assert_eq!(
        err.to_string(),
        "20 rows have no level (001, 002, 003, 004, 005 and 15 more): choose the level of each in the table below, or one for every row without a level, or correct the pasted text and read it again."
    );
    assert!(d.file.units.is_empty(), "nothing kept on an error");
    assert!(d.qualification().rules.is_empty());

    // Entry 3 for units 001-010 row by row but one, which takes the level for every other row.
    let mut levels = vec![Some(Level::Entry(3)); 10];
    levels[9] = None;
    levels.extend(vec![Some(Level::Numbered(1)); 10]);
    let choices = TableChoices {
        levels,
        fallback: Some(Level::Entry(3)),
        groups: true,
        barred: true,
    };
    let kept = keep(&mut d, &pasted, &choices).unwrap();
    assert_eq!(
        kept.words(),
        "Kept 20 new units and made 10 barred combinations into rules."
    );
    let c = embedded();
    let q = c.qualification("cg-4411-30").unwrap();
    for u in &d.file.units {
        let want = &c.unit(c.offered_unit(q, &u.code).unwrap()).unit;
        assert_eq!(u.level, want.level, "{}", u.code);
    }
    // The same ten pairs the catalogue reads from the table's last column.
    assert_eq!(
        barred_sets(&d.qualification().rules),
        barred_sets(&q.qualification.rules)
    );
    let first = &d.qualification().rules[0];
    assert_eq!(first.label, "Barred combination: 001 and 101");
    assert_eq!(
        first.text,
        "001: Cannot be taken with unit 101; 101: Cannot be taken with unit 001"
    );
    assert_eq!(first.source, TABLE_SOURCE);

    // Pasted again: the units are updated and no pair is barred twice.
    let again = keep(&mut d, &pasted, &choices).unwrap();
    assert_eq!(again.words(), "Updated 20 units already in the draft.");
    assert_eq!(d.qualification().rules.len(), 10);
}

#[test]
fn the_highfield_headings_make_the_catalogues_groups_with_their_units() {
    let pasted = parse(HIGHFIELD).unwrap();
    let c = embedded();
    let q = c
        .qualification("highfield-l2-nvq-customer-service")
        .unwrap();
    let want: Vec<(String, Vec<String>)> = q
        .qualification
        .groups
        .iter()
        .map(|g| (g.name.clone(), g.units.clone()))
        .collect();
    let read: Vec<(String, Vec<String>)> = heading_groups(&pasted)
        .into_iter()
        .map(|g| (g.name, g.units))
        .collect();
    assert_eq!(read, want);
    assert!(barred_pairs(&pasted).is_empty(), "the table bars nothing");

    let mut d = Draft::new(|_| false);
    let choices = TableChoices {
        groups: true,
        barred: true,
        ..TableChoices::default()
    };
    let kept = keep(&mut d, &pasted, &choices).unwrap();
    assert_eq!(
        kept.words(),
        "Kept 49 new units and made 5 groups from the table's headings."
    );
    let made: Vec<(String, Vec<String>)> = d
        .qualification()
        .groups
        .iter()
        .map(|g| (g.name.clone(), g.units.clone()))
        .collect();
    assert_eq!(made, want);
    assert!(d.units_in_no_group().is_empty());

    // Pasted again, the units go into the groups already made, not into copies.
    let again = keep(&mut d, &pasted, &choices).unwrap();
    assert_eq!(
        again.words(),
        "Updated 49 units already in the draft and put units in 5 groups already in the draft."
    );
    assert_eq!(d.qualification().groups.len(), 5);
}

#[test]
fn groups_and_barred_pairs_are_made_only_when_asked() {
    let text = "Mandatory units\nA1 First unit Level 2 3 Cannot be taken with unit A2\nA2 Second unit Level 2 3\n";
    let pasted = parse(text).unwrap();
    let mut d = Draft::new(|_| false);
    let kept = keep(&mut d, &pasted, &TableChoices::default()).unwrap();
    assert_eq!(kept.words(), "Kept 2 new units.");
    assert!(d.qualification().groups.is_empty());
    assert!(d.qualification().rules.is_empty());

    let mut d = Draft::new(|_| false);
    let all = TableChoices {
        groups: true,
        barred: true,
        ..TableChoices::default()
    };
    let kept = keep(
        &mut d,
        &parse("Mandatory units\nA1 First unit Level 2 3 Cannot be taken with unit A2\n").unwrap(),
        &all,
    )
    .unwrap();
    // A2 is not in the table: nothing to bar it against.
    assert_eq!(
        kept.words(),
        "Kept 1 new unit and made 1 group from the table's headings."
    );
    let kept = keep(&mut d, &pasted, &all).unwrap();
    assert_eq!(
        kept.words(),
        "Kept 1 new unit and updated 1 already in the draft, put units in 1 group already in the draft and made 1 barred combination into a rule."
    );
}

#[test]
fn the_offer_names_the_groups_and_pairs_it_would_make() {
    use qualplan::editor::keep_table::{barred_offer, groups_offer};
    let one = parse("Mandatory units\nA1 First unit Level 2 3 Cannot be taken with unit A2\nA2 Second unit Level 2 3\n").unwrap();
    assert_eq!(
        groups_offer(&heading_groups(&one)),
        "Make 1 group from its headings: Mandatory units (2 units)"
    );
    assert_eq!(
        barred_offer(&barred_pairs(&one)),
        "Make the barred combination its rows print into a rule: A1 with A2"
    );
    let many = parse(CG_4411).unwrap();
    assert_eq!(
        barred_offer(&barred_pairs(&many)),
        "Make the 10 barred combinations its rows print into rules: 001 with 101, 002 with 102, 003 with 103, 004 with 104, 005 with 105 and 5 more"
    );
}

#[test]
fn barred_pairs_kept_before_any_group_are_not_reported_once_per_rule() {
    use qualplan::editor::draft::Place;
    let pasted = parse(CG_4411).unwrap();
    let mut d = Draft::new(|_| false);
    d.qualification_mut().title = "Entry 3 Award".into();
    d.set_awarding_body("City & Guilds");
    let choices = TableChoices {
        fallback: Some(Level::Entry(3)),
        barred: true,
        ..TableChoices::default()
    };
    keep(&mut d, &pasted, &choices).unwrap();
    let p = d.problems(embedded());
    let groups: Vec<_> = p.iter().filter(|p| p.place == Place::Groups).collect();
    assert_eq!(groups.len(), 1, "{p:#?}");
    assert!(groups[0].words.starts_with("Make at least one group"));
    // A group made but still empty: the units in no group are said once, not for each rule.
    d.add_group("Entry 3 units");
    let p = d.problems(embedded());
    assert!(
        p.iter().all(|p| !p.words.contains("not in any group")),
        "{p:#?}"
    );
    assert_eq!(
        p.iter()
            .filter(|p| p.summary && p.words.contains("in no group"))
            .count(),
        1,
        "{p:#?}"
    );
}

#[test]
fn the_4411_structure_pasted_with_its_table_gives_every_row_its_level() {
    use qualplan::editor::structure::{ranges_words, row_levels};
    let text = include_str!("fixtures/paste/cg-4411-structure.txt");
    let pasted = parse(text).unwrap();
    assert_eq!(pasted.rows.len(), 20, "the rules' sentences are not rows");
    let (levels, ranges) = row_levels(text, &pasted);
    assert_eq!(
        ranges_words(&ranges),
        "Levels from the text pasted with the table: Entry 3 for units 001\u{2013}010, Level 1 for units 101\u{2013}110. Check them in the table below."
    );
    let mut d = Draft::new(|_| false);
    let choices = TableChoices {
        levels,
        ..TableChoices::default()
    };
    keep(&mut d, &pasted, &choices).unwrap();
    let c = embedded();
    let q = c.qualification("cg-4411-30").unwrap();
    for u in &d.file.units {
        let want = &c.unit(c.offered_unit(q, &u.code).unwrap()).unit;
        assert_eq!(u.level, want.level, "{}", u.code);
    }
}

#[test]
fn a_table_of_ten_thousand_rows_each_barring_the_next_gives_proportionate_structure() {
    use qualplan::editor::structure::row_levels;
    let mut text =
        String::from("Entry 3 units 0000-4999 and level 1 units 5000-9999\nOptional units\nUnit Title GLH Credit\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "{i:04} Title 20 3 Cannot be taken with unit {:04}\n",
            i + 1
        ));
    }
    let pasted = parse(&text).unwrap();
    assert_eq!(pasted.rows.len(), 10_000);
    let groups = heading_groups(&pasted);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].units.len(), 10_000);
    // The last row names a unit the table does not have.
    assert_eq!(barred_pairs(&pasted).len(), 9_999);
    let (levels, ranges) = row_levels(&text, &pasted);
    assert_eq!(ranges.len(), 2);
    assert_eq!(levels[0], Some(Level::Entry(3)));
    assert_eq!(levels[9_999], Some(Level::Numbered(1)));
}
