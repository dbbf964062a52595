//! The qualification editor's core: a qualification built as a person would build it in the
//! editor gives a data file the loader reads, with the verdicts its rules say.

use qualplan::catalogue::{embedded, Level, Measure};
use qualplan::editor::draft::{import, parse_figure, Draft, Place, UnitEntry};
use qualplan::editor::template::{Bound, LevelChoice, Template, TemplateError};
use qualplan::plan::check_codes;

fn unit(code: &str, level: u8, credit: Option<u32>) -> UnitEntry {
    UnitEntry {
        code: code.into(),
        uan: None,
        title: format!("Unit {code}"),
        level: Level::Numbered(level),
        credit,
        glh: credit.map(|c| c * 7),
    }
}

/// Two mandatory units and an optional group from which 6 credits are needed.
fn built() -> Draft {
    let mut d = Draft::new(|_| false);
    d.qualification_mut().title = "Certificate in Testing".into();
    d.set_awarding_body("Example Body");
    d.qualification_mut().min_credits = Some(14);
    let (added, corrected) = d.add_units(vec![
        unit("M1", 2, Some(4)),
        unit("M2", 2, Some(4)),
        unit("O1", 2, Some(3)),
        unit("O2", 3, Some(3)),
        unit("O3", 3, Some(6)),
    ]);
    assert_eq!((added, corrected), (5, 0));
    let m = d.add_group("Mandatory");
    let o = d.add_group("Optional");
    for c in ["M1", "M2"] {
        d.set_in_group(c, &m, true);
    }
    for c in ["O1", "O2", "O3"] {
        d.set_in_group(c, &o, true);
    }
    d.add_rule(
        &Template::AllUnitsOf { groups: vec![m] },
        "",
        "All mandatory units",
        "",
    )
    .unwrap();
    d.add_rule(
        &Template::Count {
            measure: Measure::Credits,
            bound: Bound::AtLeast,
            n: 6,
            groups: vec![o],
            level: LevelChoice::Any,
        },
        "Optional credits",
        "A minimum of 6 credits from the optional group",
        "Structure table",
    )
    .unwrap();
    d
}

#[test]
fn a_qualification_built_in_the_editor_loads_and_judges_plans() {
    let d = built();
    let problems = d.problems(embedded());
    assert!(problems.is_empty(), "{problems:?}");
    let c = embedded().with_document("mine.json", &d.export()).unwrap();
    let q = d.qualification().id.clone();
    let verdict = |codes: &[&str]| {
        let codes: Vec<String> = codes.iter().map(|s| s.to_string()).collect();
        check_codes(&c, &q, &codes, &Default::default())
            .unwrap()
            .evaluation
            .compliant
            == Some(true)
    };
    assert!(verdict(&["M1", "M2", "O3"]));
    assert!(verdict(&["M1", "M2", "O1", "O2"]));
    assert!(!verdict(&["M1", "M2", "O1"]), "3 credits is one rule short");
    assert!(!verdict(&["M1", "O3"]), "a mandatory unit is missing");
}

#[test]
fn an_export_reads_back_for_editing_unchanged() {
    let d = built();
    let back = import(&d.export()).unwrap();
    assert_eq!(back.export(), d.export());
    assert!(import("{")
        .unwrap_err()
        .contains("not a qualification file"));
}

#[test]
fn what_is_missing_is_said_in_plain_words_and_placed() {
    let d = Draft::new(|id| id == "own-1");
    assert_eq!(d.id(), "own-2");
    let words: Vec<String> = d
        .problems(embedded())
        .into_iter()
        .map(|p| p.words)
        .collect();
    assert_eq!(
        words,
        [
            "Give the qualification's title.",
            "Give the awarding body, as the document names it.",
            "Add the qualification's units: paste its unit table, or add them one by one."
        ]
    );
    let mut d = built();
    d.add_units(vec![unit("X9", 2, None)]);
    let p = d.problems(embedded());
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].place, Place::Unit("X9".into()));
    assert!(p[0].warning, "a unit in no group is a warning");
}

#[test]
fn the_loaders_errors_are_placed_on_the_record() {
    let mut d = built();
    // A rule naming a unit no longer there: the loader's error, on that rule.
    d.remove_unit("M2");
    let p = d.problems(embedded());
    assert!(
        p.iter()
            .any(|p| p.place == Place::Rule("r1".into()) && !p.warning),
        "{p:?}"
    );
}

#[test]
fn every_template_makes_a_rule_or_says_why_not() {
    let mut d = built();
    let o = d.qualification().groups[1].id.clone();
    assert_eq!(
        d.add_rule(&Template::Evidence, "", " ", ""),
        Err(TemplateError::NoWording)
    );
    assert_eq!(
        d.add_rule(&Template::AllUnitsOf { groups: vec![] }, "", "All", ""),
        Err(TemplateError::NoGroups)
    );
    assert_eq!(
        d.add_rule(
            &Template::Barred {
                units: vec!["O1".into()],
                max: 1
            },
            "",
            "Not both",
            ""
        ),
        Err(TemplateError::TooFewUnits)
    );
    let barred = d
        .add_rule(
            &Template::Barred {
                units: vec!["O1".into(), "O2".into()],
                max: 1,
            },
            "",
            "O1 and O2 may not be taken together",
            "",
        )
        .unwrap();
    let level = d
        .add_rule(
            &Template::Count {
                measure: Measure::Units,
                bound: Bound::AtLeast,
                n: 1,
                groups: vec![o],
                level: LevelChoice::AtOrAbove(Level::Numbered(3)),
            },
            "",
            "At least one unit at level 3",
            "",
        )
        .unwrap();
    let any = d
        .add_rule(
            &Template::AnyOf {
                rules: vec![barred.clone(), level.clone()],
            },
            "",
            "Either pathway",
            "",
        )
        .unwrap();
    let q = d.qualification();
    assert_eq!(q.rules.len(), 3, "the two parts moved inside the new rule");
    assert_eq!(q.rules[2].id, any);
    assert_eq!(
        d.add_rule(
            &Template::AllOf {
                rules: vec![barred, "r1".into()],
                distinct: true
            },
            "",
            "Both",
            ""
        ),
        Err(TemplateError::UnknownRule("r3".into()))
    );
    d.add_rule(&Template::Evidence, "", "Observed in the workplace", "")
        .unwrap();
    assert!(
        d.problems(embedded()).is_empty(),
        "{:?}",
        d.problems(embedded())
    );
}

#[test]
fn keeping_pasted_units_says_what_was_new_and_what_was_updated() {
    use qualplan::editor::keep_table::Kept;
    let kept_words = |added, updated| {
        Kept {
            added,
            updated,
            ..Kept::default()
        }
        .words()
    };
    assert_eq!(kept_words(1, 0), "Kept 1 new unit.");
    assert_eq!(kept_words(3, 0), "Kept 3 new units.");
    assert_eq!(kept_words(0, 2), "Updated 2 units already in the draft.");
    assert_eq!(
        kept_words(2, 1),
        "Kept 2 new units and updated 1 already in the draft."
    );
    // Pasted twice, the second time updates what the first kept.
    let mut d = Draft::new(|_| false);
    assert_eq!(d.add_units(vec![unit("A1", 2, Some(3))]), (1, 0));
    assert_eq!(
        d.add_units(vec![unit("A1", 2, Some(4)), unit("A2", 2, Some(3))]),
        (1, 1)
    );
}

#[test]
fn figures_typed_are_read_as_published_or_not() {
    assert_eq!(parse_figure(""), Ok(None));
    assert_eq!(parse_figure(" 1,200 "), Ok(Some(1200)));
    assert!(parse_figure("12.5")
        .unwrap_err()
        .to_string()
        .contains("\u{201c}12.5\u{201d} is not a whole number"));
    assert!(parse_figure("-3").is_err());
}

#[test]
fn a_rule_made_without_a_name_is_named_and_its_shortfall_worded_by_its_groups_names() {
    let mut d = built();
    let optional = d.qualification().groups[1].id.clone();
    d.remove_rule("r2");
    d.add_rule(
        &Template::Count {
            measure: Measure::Credits,
            bound: Bound::AtLeast,
            n: 6,
            groups: vec![optional],
            level: LevelChoice::Any,
        },
        "",
        "A minimum of 6 credits from the optional group",
        "",
    )
    .unwrap();
    let rule = d.qualification().rules.last().unwrap();
    assert_eq!(rule.label, "At least 6 credits from Optional");
    let c = embedded().with_document("mine.json", &d.export()).unwrap();
    let codes: Vec<String> = ["M1", "M2", "O1"].iter().map(|s| s.to_string()).collect();
    let check = check_codes(&c, &d.qualification().id, &codes, &Default::default()).unwrap();
    let shortfall = check.evaluation.rules[1].shortfall.clone().unwrap();
    assert_eq!(shortfall, "3 more credits from Optional");
}

#[test]
fn a_published_minimum_the_rules_do_not_imply_is_refused_naming_a_plan_that_shows_it() {
    use qualplan::plan::published::{check_added, shortcoming};
    let c = embedded();
    for q in c.qualification_ids() {
        assert_eq!(
            shortcoming(c, q),
            None,
            "{}: the five documents' rules can be met, and not below their minimum credits",
            c.qualifications[q].qualification.id
        );
    }
    // 30 credits published, but the only credit rule asks 6 from the optional group.
    let mut d = built();
    d.qualification_mut().min_credits = Some(30);
    let problems = d.problems(embedded());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].place, Place::Rules);
    assert_eq!(
        problems[0].words,
        "\u{201c}Certificate in Testing\u{201d} (own-1): its rules can be met with 14 credits (for example with O1, O2, M1, M2), fewer than its published minimum of 30. Add the rules the document prints that are not here yet (often one for the total: at least 30 credits), or correct the minimum."
    );
    let after = embedded().with_document("mine.json", &d.export()).unwrap();
    assert_eq!(check_added(embedded(), &after).len(), 1);
    // The minimum exactly reached by the cheapest plan is borne out.
    d.qualification_mut().min_credits = Some(14);
    assert!(d.problems(embedded()).is_empty());
}

#[test]
fn rules_no_plan_can_meet_are_refused_with_the_reason() {
    let mut d = built();
    let optional = d.qualification().groups[1].id.clone();
    d.add_rule(
        &Template::Count {
            measure: Measure::Credits,
            bound: Bound::AtLeast,
            n: 100,
            groups: vec![optional],
            level: LevelChoice::Any,
        },
        "",
        "A minimum of 100 credits from the optional group",
        "",
    )
    .unwrap();
    let p = d.problems(embedded());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].place, Place::Rules);
    assert!(
        p[0].words.starts_with(
            "\u{201c}Certificate in Testing\u{201d} (own-1): no plan can meet its rules ("
        ),
        "{}",
        p[0].words
    );
}

#[test]
fn an_empty_group_a_regulator_number_already_held_and_a_file_of_no_qualification_are_refused() {
    let mut d = built();
    let empty = d.add_group("Nothing yet");
    d.qualification_mut().regulator_number = Some("600/5469/4".into());
    let p = d.problems(embedded());
    let words: Vec<&str> = p.iter().map(|p| p.words.as_str()).collect();
    assert!(
        p.iter()
            .any(|p| p.place == Place::Group(empty.clone()) && p.words == "Group \u{201c}Nothing yet\u{201d} has no units: drag units into it, tick them in the unit table, or remove the group."),
        "{words:?}"
    );
    assert!(
        p.iter().any(|p| p.place == Place::Details
            && p.words.contains("regulator number \"600/5469/4\" is already in the catalogue, for \u{201c}Highfield Level 2 NVQ Certificate in Customer Service (RQF)\u{201d}")),
        "{words:?}"
    );
    let mut file = built().file;
    file.qualifications.clear();
    file.units.clear();
    let text = serde_json::to_string(&file).unwrap();
    let e = embedded()
        .with_document("none.json", &text)
        .unwrap_err()
        .to_string();
    assert!(e.contains("the file describes no qualification"), "{e}");
}

#[test]
fn a_credit_rule_whose_planned_units_publish_no_credit_value_cannot_be_judged() {
    use qualplan::present::{judgement, verdict, Judgement};
    use qualplan::rules::Status;
    let mut d = built();
    d.add_units(vec![unit("O4", 2, None)]);
    let optional = d.qualification().groups[1].id.clone();
    d.set_in_group("O4", &optional, true);
    let c = embedded().with_document("mine.json", &d.export()).unwrap();
    let q = d.qualification().id.clone();
    let check = |codes: &[&str]| {
        let codes: Vec<String> = codes.iter().map(|s| s.to_string()).collect();
        check_codes(&c, &q, &codes, &Default::default()).unwrap()
    };
    // 3 published optional credits and one unit with none: the 6 may or may not be reached.
    let undecided = check(&["M1", "M2", "O1", "O4"]);
    let rule = &undecided.evaluation.rules[1];
    assert_eq!(rule.status, Status::Undecided);
    assert_eq!(
        rule.shortfall.as_deref(),
        Some("cannot be judged: \"O4\" publishes no credit value, which could make up the 3 more credits from Optional")
    );
    assert_eq!(
        judgement(Some(&undecided)),
        Judgement::CannotJudge { undecided: 1 }
    );
    assert_eq!(
        verdict(Some(&undecided)).words,
        "This plan cannot be judged from the document: 1 rule counts a figure that a planned unit does not publish."
    );
    // Published credits that reach the minimum decide it whatever the missing figure is.
    let met = check(&["M1", "M2", "O3", "O4"]);
    assert_eq!(met.evaluation.rules[1].status, Status::Met);
    assert_eq!(met.evaluation.compliant, Some(true));
    // A rule not met for a reason the missing figure cannot change stays not met.
    let unmet = check(&["M1", "O1", "O4"]);
    assert_eq!(
        judgement(Some(&unmet)),
        Judgement::NotYet { unmet: 1, all: 2 }
    );
}

#[test]
fn two_units_with_one_accreditation_number_are_a_warning_not_a_refusal() {
    let mut d = built();
    let mut twin = unit("O9", 2, Some(3));
    twin.uan = Some("F/601/1609".into());
    let mut first = unit("O8", 2, Some(3));
    first.uan = Some("F/601/1609".into());
    d.add_units(vec![first, twin]);
    let optional = d.qualification().groups[1].id.clone();
    d.set_in_group("O8", &optional, true);
    d.set_in_group("O9", &optional, true);
    let p = d.problems(embedded());
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].warning);
    assert_eq!(p[0].place, Place::Unit("O9".into()));
    assert_eq!(
        p[0].words,
        "Units \"O8\" and \"O9\" have one unit accreditation number, \"F/601/1609\": is one unit entered twice?"
    );
    let added =
        qualplan::plan::published::with_checked_document(embedded(), "mine.json", &d.export())
            .map_err(|e| e.to_string())
            .unwrap();
    assert_eq!(added.warnings.len(), 1);
    assert!(added.warnings[0].starts_with("mine.json: Units \"O8\" and \"O9\""));
}

#[test]
fn one_reading_switches_several_rules_at_once() {
    use qualplan::editor::template::ReadingWords;
    let mut d = built();
    let optional = d.qualification().groups[1].id.clone();
    let level = |l: LevelChoice| Template::Count {
        measure: Measure::Credits,
        bound: Bound::AtLeast,
        n: 3,
        groups: vec![optional.clone()],
        level: l,
    };
    // Read one way: 3 credits at exactly level 3, and 3 credits at exactly level 3 again (a
    // document's two groups would differ; one group keeps the test short).
    let exactly = Level::Numbered(3);
    let a = d
        .add_rule(&level(LevelChoice::At(exactly)), "", "A at level 3", "")
        .unwrap();
    let b = d
        .add_rule(&level(LevelChoice::At(exactly)), "", "B at level 3", "")
        .unwrap();
    let both = d
        .add_rule(
            &Template::AllOf {
                rules: vec![a, b],
                distinct: false,
            },
            "Level rules",
            "Credits at level 3",
            "",
        )
        .unwrap();
    // The other way: level 2 or above.
    let above = LevelChoice::AtOrAbove(Level::Numbered(2));
    let c2 = d
        .add_rule(&level(above), "", "A at 2 or above", "")
        .unwrap();
    let d2 = d
        .add_rule(&level(above), "", "B at 2 or above", "")
        .unwrap();
    assert_eq!(
        d.add_reading(
            &both,
            &Template::AllOf {
                rules: vec![c2.clone(), d2.clone()],
                distinct: false
            },
            ReadingWords {
                first: "",
                label: "Level 2 or above",
                why: ""
            }
        ),
        Err(qualplan::editor::template::TemplateError::NoReadingName),
        "the first reading needs a name too"
    );
    let reading = d
        .add_reading(
            &both,
            &Template::AllOf {
                rules: vec![c2, d2],
                distinct: false,
            },
            ReadingWords {
                first: "Exactly level 3",
                label: "Level 2 or above",
                why: "The table says 'level 2+'",
            },
        )
        .unwrap();
    assert_eq!(
        d.qualification().rules.len(),
        3,
        "the four rules live inside the one switch"
    );
    let problems = d.problems(embedded());
    assert!(problems.is_empty(), "{problems:?}");
    let c = embedded().with_document("mine.json", &d.export()).unwrap();
    let q = d.qualification().id.clone();
    // O1 is level 2 with 3 credits: met read one way, not the other.
    let plan: Vec<String> = ["M1", "M2", "O1", "O2"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let default = check_codes(&c, &q, &plan, &Default::default()).unwrap();
    let mut readings = std::collections::BTreeMap::new();
    readings.insert(both.clone(), reading);
    let other = check_codes(&c, &q, &plan, &readings).unwrap();
    assert_eq!(
        default.evaluation.rules[2].status,
        qualplan::rules::Status::Met,
        "O2 is level 3 with 3 credits"
    );
    assert_eq!(
        other.evaluation.rules[2].status,
        qualplan::rules::Status::Met
    );
    let plan: Vec<String> = ["M1", "M2", "O1"].iter().map(|s| s.to_string()).collect();
    let default = check_codes(&c, &q, &plan, &Default::default()).unwrap();
    let other = check_codes(&c, &q, &plan, &readings).unwrap();
    assert_eq!(
        default.evaluation.rules[2].status,
        qualplan::rules::Status::Unmet,
        "no level 3 credits"
    );
    assert_eq!(
        other.evaluation.rules[2].status,
        qualplan::rules::Status::Met,
        "O1 counts at level 2 or above"
    );
    let _ = other;
}

#[test]
fn a_unit_typed_in_is_read_or_refused_in_words() {
    use qualplan::editor::draft::{unit_entry, EntryError};
    let u = unit_entry(" f/601/1609 ", "Communicate", "Level 1", "4", "").unwrap();
    assert_eq!(
        (u.code.as_str(), u.uan.as_deref()),
        ("f/601/1609", Some("F/601/1609"))
    );
    assert_eq!(
        (u.level, u.credit, u.glh),
        (Level::Numbered(1), Some(4), None)
    );
    assert_eq!(
        unit_entry("X1", " ", "2", "", ""),
        Err(EntryError::NoCodeOrTitle)
    );
    assert_eq!(unit_entry("X1", "T", "", "", ""), Err(EntryError::NoLevel));
    assert_eq!(
        unit_entry("X1", "T", "2", "four", "").unwrap_err().to_string(),
        "Credit: \u{201c}four\u{201d} is not a whole number: type digits only, or leave it empty if the document prints none."
    );
}

#[test]
fn a_copy_and_a_file_opened_beside_its_loaded_self_get_ids_of_their_own() {
    let d = built();
    let copy = d.duplicate(|id| id == "own-1");
    assert_eq!(
        (copy.id(), copy.qualification().id.as_str()),
        ("own-2", "own-2")
    );
    assert_eq!(copy.qualification().title, "Certificate in Testing (copy)");
    let mut opened = import(&d.export()).unwrap();
    opened.take_free_id(|id| id == "own-2");
    assert_eq!(opened.id(), "own-1", "an id nobody holds is kept");
    opened.take_free_id(|id| id == "own-1");
    assert_eq!(
        (opened.id(), opened.qualification().id.as_str()),
        ("own-2", "own-2")
    );
}

#[test]
fn files_kept_in_a_browser_load_in_order_and_one_that_no_longer_loads_is_named() {
    use qualplan::catalogue::LoadedFile;
    use qualplan::plan::published::with_files;
    let good = LoadedFile {
        name: "mine.json".into(),
        text: built().export(),
    };
    let broken = LoadedFile {
        name: "broken.json".into(),
        text: "{".into(),
    };
    let mut other = built();
    other.file.document.id = "own-9".into();
    other.qualification_mut().id = "own-9".into();
    let later = LoadedFile {
        name: "later.json".into(),
        text: other.export(),
    };
    let (c, refused) = with_files(embedded(), [&good, &broken, &later]);
    assert!(c.qualification("own-1").is_some() && c.qualification("own-9").is_some());
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "broken.json");
}

#[test]
fn a_unit_dragged_between_groups_moves_and_one_dropped_outside_every_group_is_in_none() {
    let mut d = built();
    let (m, o) = (
        d.qualification().groups[0].id.clone(),
        d.qualification().groups[1].id.clone(),
    );
    let members = |d: &Draft, g: usize| d.qualification().groups[g].units.clone();
    assert!(d.units_in_no_group().is_empty());

    d.move_between_groups("O1", Some(&o), Some(&m));
    assert_eq!(members(&d, 0), ["M1", "M2", "O1"]);
    assert_eq!(members(&d, 1), ["O2", "O3"]);

    d.move_between_groups("O1", Some(&m), None);
    assert_eq!(d.units_in_no_group(), ["O1"]);
    assert_eq!(members(&d, 0), ["M1", "M2"]);

    d.move_between_groups("O1", None, Some(&o));
    assert!(d.units_in_no_group().is_empty());
    assert_eq!(members(&d, 1), ["O2", "O3", "O1"]);

    // Dropped where it came from, or naming a unit the draft does not have: nothing changes.
    let before = d.export();
    d.move_between_groups("O1", Some(&o), Some(&o));
    d.move_between_groups("X9", None, Some(&m));
    assert_eq!(d.export(), before);

    // A unit listed in two groups and moved out of one stays in the other.
    d.set_in_group("M1", &o, true);
    d.move_between_groups("M1", Some(&o), None);
    assert_eq!(members(&d, 0), ["M1", "M2"]);
    assert!(d.units_in_no_group().is_empty());
}

#[test]
fn units_in_no_group_are_noted_beside_each_and_summed_up_in_one_line() {
    let mut d = built();
    let o = d.qualification().groups[1].id.clone();
    d.move_between_groups("O1", Some(&o), None);
    let p = d.problems(embedded());
    let one: Vec<_> = p
        .iter()
        .filter(|p| p.words.contains("in no group"))
        .collect();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].place, Place::Unit("O1".into()));
    assert!(one[0].summary && one[0].warning);

    d.move_between_groups("O2", Some(&o), None);
    let p = d.problems(embedded());
    let beside: Vec<_> = p
        .iter()
        .filter(|p| matches!(&p.place, Place::Unit(_)))
        .collect();
    assert_eq!(beside.len(), 2);
    assert!(beside.iter().all(|p| !p.summary));
    let summed: Vec<_> = p.iter().filter(|p| p.place == Place::NoGroup).collect();
    assert_eq!(summed.len(), 1);
    assert!(summed[0].summary && summed[0].warning);
    assert!(
        summed[0].words.starts_with("2 units are in no group"),
        "{}",
        summed[0].words
    );
}
