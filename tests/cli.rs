//! The `qualplan` command line, run as a user runs it: real plans from each document with the
//! verdict the document implies, look-ups by every code a user may hold, and bad input.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::process::{Command, Output};

fn qualplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qualplan"))
        .args(args)
        .output()
        .expect("qualplan runs")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn every_fixture_plan_gets_the_verdict_its_document_implies() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        // The plan fixtures only (tests/fixtures/paste/ holds pasted unit tables).
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let fixtures: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for plan in fixtures["plans"].as_array().unwrap() {
            let q = plan["qualification"].as_str().unwrap();
            let mut args: Vec<String> = vec!["check".into(), q.into(), "--json".into()];
            for u in plan["units"].as_array().unwrap() {
                args.push(u.as_str().unwrap().into());
            }
            if let Some(readings) = plan["readings"].as_object() {
                for (rule, reading) in readings {
                    args.push("--reading".into());
                    args.push(format!("{rule}={}", reading.as_str().unwrap()));
                }
            }
            let out = Command::new(env!("CARGO_BIN_EXE_qualplan"))
                .args(&args)
                .output()
                .unwrap();
            let want = plan["compliant"].as_bool().unwrap();
            let code = out.status.code();
            let got = json_of(&out)["compliant"].as_bool();
            if got != Some(want) || code != Some(if want { 0 } else { 1 }) {
                failures.push(format!(
                    "{}: {} {:?}: want compliant={want}, got {got:?} (exit {code:?}); {}",
                    path.display(),
                    q,
                    plan["units"],
                    plan["why"]
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} plans disagree:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= 100, "only {checked} fixture plans");
}

#[test]
fn qualifications_json_lists_all_fifteen_with_the_contract_fields() {
    let out = qualplan(&["qualifications", "--json"]);
    assert!(out.status.success());
    let v = json_of(&out);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 15);
    for q in list {
        for field in [
            "id",
            "title",
            "awarding_body",
            "awarding_body_number",
            "regulator_number",
            "level",
            "size",
            "glh",
            "glh_range",
            "tqt",
            "min_credits",
        ] {
            assert!(q.get(field).is_some(), "{} lacks {field}", q["id"]);
        }
    }
    let highfield = list
        .iter()
        .find(|q| q["regulator_number"] == "600/5469/4")
        .unwrap();
    assert_eq!(highfield["glh"], 192);
    assert_eq!(highfield["tqt"], 280);
    assert_eq!(highfield["min_credits"], 28);
    assert_eq!(highfield["level"], "2");
}

#[test]
fn units_json_for_every_qualification() {
    let quals = json_of(&qualplan(&["qualifications", "--json"]));
    let mut total = 0;
    for q in quals.as_array().unwrap() {
        let out = qualplan(&["units", q["id"].as_str().unwrap(), "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let units = json_of(&out);
        for u in units.as_array().unwrap() {
            for field in ["code", "uan", "title", "level", "credit", "glh", "groups"] {
                assert!(
                    u.get(field).is_some(),
                    "{} unit {} lacks {field}",
                    q["id"],
                    u["code"]
                );
            }
            assert!(!u["groups"].as_array().unwrap().is_empty());
        }
        total += units.as_array().unwrap().len();
    }
    // 8 x 18 (document 000) + 49 + 20 + 4 x 20 + 49.
    assert_eq!(total, 8 * 18 + 49 + 20 + 4 * 20 + 49);
    let e3 = json_of(&qualplan(&["units", "4411-30", "--json"]));
    assert_eq!(e3[0]["level"], "Entry 3");
}

#[test]
fn a_qualification_is_found_by_each_code_a_user_may_hold() {
    for input in [
        "highfield-l2-nvq-customer-service",
        "600/5469/4",
        "600 / 5469 / 4",
        "Highfield Level 2",
    ] {
        let v = json_of(&qualplan(&["units", input, "--json"]));
        assert_eq!(v.as_array().unwrap().len(), 49, "{input}");
    }
    let v = json_of(&qualplan(&["check", "4411-30", "002", "--json"]));
    assert_eq!(v["qualification"], "cg-4411-30");
    let v = json_of(&qualplan(&["check", "entry level award", "002", "--json"]));
    assert_eq!(v["qualification"], "cg-4411-30");
}

#[test]
fn an_ambiguous_or_unknown_qualification_is_exit_2_with_candidates() {
    let out = qualplan(&["units", "Business Skills"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("ambiguous") && err.contains("cg-7593-l1-award"),
        "{err}"
    );
    let out = qualplan(&["units", "4411-31"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown qualification \"4411-31\"") && err.contains("4411-30"),
        "{err}"
    );
}

#[test]
fn units_are_found_by_printed_code_or_uan_ignoring_case_and_spaces() {
    let v = json_of(&qualplan(&[
        "check",
        "4411-30",
        "j/601/6052",
        " 001 ",
        "--json",
    ]));
    assert_eq!(v["units"], serde_json::json!(["002", "001"]));
    let v = json_of(&qualplan(&["check", "edi", "cu791", "CU 792", "--json"]));
    assert_eq!(v["units"], serde_json::json!(["CU791", "CU792"]));
}

#[test]
fn an_unknown_unit_is_exit_2_naming_it_and_suggesting_matches() {
    let out = qualplan(&["check", "4411-30", "002", "011"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown unit \"011\""), "{err}");
    assert!(err.contains("010") || err.contains("001"), "{err}");
    // A code from another document for the same unit points to this document's code.
    let out = qualplan(&["check", "highfield", "CU793"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("R/601/1209"), "{}", stderr(&out));
}

#[test]
fn a_unit_listed_twice_counts_once_and_says_so() {
    let out = qualplan(&["check", "4411-30", "002", "002", "--json"]);
    let v = json_of(&out);
    assert_eq!(v["totals"]["units"], 1);
    assert_eq!(v["totals"]["credits"], 2);
    assert!(stderr(&out).contains("002 is listed more than once; counted once"));
}

#[test]
fn json_names_units_barred_and_planned_units_that_clash() {
    // 001 bars 101 in 4411-30: planned apart, 101 is barred; planned together, both clash.
    let v = json_of(&qualplan(&["check", "4411-30", "002", "001", "--json"]));
    assert!(v["barred"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["unit"] == "101" && b["by"] == serde_json::json!(["001"])));
    assert_eq!(v["clashes"], serde_json::json!([]));
    let out = qualplan(&["check", "4411-30", "002", "001", "101", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert_eq!(
        v["clashes"],
        serde_json::json!([{"unit": "001", "with": ["101"]}, {"unit": "101", "with": ["001"]}])
    );
}

#[test]
fn bad_arguments_are_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["check"],
        &["check", "4411-30", "--reading", "x"],
        &["units", "4411-30", "--jsn"],
    ] {
        assert_eq!(qualplan(args).status.code(), Some(2), "{args:?}");
    }
    let out = qualplan(&["check", "4411-30", "002", "--reading", "nope=nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown reading nope=nope"));
}

#[test]
fn totals_say_not_published_rather_than_zero() {
    let v = json_of(&qualplan(&[
        "check",
        "cg-l3-nsvq-customer-service",
        "301",
        "302",
        "--json",
    ]));
    assert_eq!(v["totals"]["units"], 2);
    assert!(v["totals"]["credits"].is_null());
    assert!(v["totals"]["glh"].is_null());
    assert!(v["totals"]["tqt"].is_null());
    let text = String::from_utf8(qualplan(&["check", "cg-l3-nsvq-customer-service", "301"]).stdout)
        .unwrap();
    assert!(
        text.contains("not published credits") || text.contains("not published"),
        "{text}"
    );
}

#[test]
fn a_qualification_without_published_rules_is_never_called_compliant() {
    let out = qualplan(&["check", "cg-7593-l1-award", "110", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert!(v["compliant"].is_null());
    assert_eq!(v["rules_published"], false);
    assert!(v["rules_note"].as_str().unwrap().len() > 10);
}

#[test]
fn progress_lists_every_qualification_with_carried_units() {
    let out = qualplan(&["progress", "000:110", "CU813", "R/601/1212", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json_of(&out);
    let quals = v["qualifications"].as_array().unwrap();
    assert_eq!(quals.len(), 15);
    let first = &quals[0];
    assert_eq!(first["qualification"], "highfield-l2-nvq-customer-service");
    let bases: Vec<&str> = first["carried"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["basis"].as_str().unwrap())
        .collect();
    assert_eq!(bases, ["uan", "title_level_credit", "uan"]);
    // "110" is printed by documents 000 and 003, for different units.
    let out = qualplan(&["progress", "110"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("000:110") && err.contains("003:110"), "{err}");
}

#[test]
fn complete_gives_the_cheapest_additions_or_says_why_none_exist() {
    let out = qualplan(&["complete", "4411-30", "002", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out);
    assert_eq!(v["status"], "found");
    assert_eq!(v["proven_minimal"], true);
    assert_eq!(v["options"][0]["cost"], 4);
    let out = qualplan(&["complete", "highfield", "--minimise", "glh", "--json"]);
    let v = json_of(&out);
    assert_eq!(v["minimised"], "glh");
    assert_eq!(v["options"][0]["glh"], 192);
    let out = qualplan(&["complete", "4411-30", "002", "102"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        text.contains("No completion exists") && text.contains("remove one of 002 / 102"),
        "{text}"
    );
    assert_eq!(
        qualplan(&["complete", "4411-30", "--minimise", "hours"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_plan_meeting_every_rule_it_can_show_while_evidence_is_open_says_so_and_exits_3() {
    use qualplan::catalogue::{Level, Measure};
    use qualplan::editor::draft::{Draft, UnitEntry};
    use qualplan::editor::template::{Bound, LevelChoice, Template};
    let mut d = Draft::new(|_| false);
    d.qualification_mut().title = "Award in Practice".into();
    d.set_awarding_body("Example Body");
    d.add_units(vec![UnitEntry {
        code: "P1".into(),
        uan: None,
        title: "Practise".into(),
        level: Level::Numbered(2),
        credit: Some(3),
        glh: Some(20),
    }]);
    let g = d.add_group("All");
    d.set_in_group("P1", &g, true);
    let count = Template::Count {
        measure: Measure::Credits,
        bound: Bound::AtLeast,
        n: 3,
        groups: vec![],
        level: LevelChoice::Any,
    };
    d.add_rule(&count, "", "At least 3 credits", "").unwrap();
    d.add_rule(&Template::Evidence, "", "150 hours of practice", "")
        .unwrap();
    let file = std::env::temp_dir().join(format!("qualplan-evidence-{}.json", std::process::id()));
    std::fs::write(&file, d.export()).unwrap();
    let path = file.to_str().unwrap();
    let out = qualplan(&["--catalogue", path, "check", "own-1", "P1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{text}{}", stderr(&out));
    assert!(
        text.contains("This plan meets every rule a plan can show; 1 rule needs evidence from outside the plan."),
        "{text}"
    );
    let out = qualplan(&["--catalogue", path, "check", "own-1"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "one credit rule short is not met"
    );
    let _ = std::fs::remove_file(file);
}

#[test]
fn a_file_whose_rules_fall_short_of_its_published_minimum_credits_is_refused() {
    use qualplan::catalogue::{Level, Measure};
    use qualplan::editor::draft::{Draft, UnitEntry};
    use qualplan::editor::template::{Bound, LevelChoice, Template};
    let mut d = Draft::new(|_| false);
    d.qualification_mut().title = "Award in Short Rules".into();
    d.set_awarding_body("Example Body");
    d.qualification_mut().min_credits = Some(30);
    d.add_units(
        (1..=5)
            .map(|i| UnitEntry {
                code: format!("S{i}"),
                uan: None,
                title: format!("Unit {i}"),
                level: Level::Numbered(2),
                credit: Some(6),
                glh: None,
            })
            .collect(),
    );
    let g = d.add_group("All");
    for i in 1..=5 {
        d.set_in_group(&format!("S{i}"), &g, true);
    }
    let rule = Template::Count {
        measure: Measure::Credits,
        bound: Bound::AtLeast,
        n: 12,
        groups: vec![],
        level: LevelChoice::Any,
    };
    d.add_rule(&rule, "", "At least 12 credits", "").unwrap();
    let file = std::env::temp_dir().join(format!("qualplan-short-{}.json", std::process::id()));
    std::fs::write(&file, d.export()).unwrap();
    let out = qualplan(&[
        "--catalogue",
        file.to_str().unwrap(),
        "check",
        "own-1",
        "S1",
        "S2",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("its rules can be met with 12 credits (for example with S1, S2), fewer than its published minimum of 30"),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_file(file);
}

#[test]
fn a_plan_the_documents_figures_cannot_judge_says_so_and_exits_4() {
    use qualplan::catalogue::{Level, Measure};
    use qualplan::editor::draft::{Draft, UnitEntry};
    use qualplan::editor::template::{Bound, LevelChoice, Template};
    let mut d = Draft::new(|_| false);
    d.qualification_mut().title = "Award in Unknowns".into();
    d.set_awarding_body("Example Body");
    let entry = |code: &str, credit| UnitEntry {
        code: code.into(),
        uan: None,
        title: format!("Unit {code}"),
        level: Level::Numbered(2),
        credit,
        glh: None,
    };
    d.add_units(vec![
        entry("K1", Some(3)),
        entry("K2", None),
        entry("K3", Some(6)),
    ]);
    let g = d.add_group("All");
    for code in ["K1", "K2", "K3"] {
        d.set_in_group(code, &g, true);
    }
    let rule = Template::Count {
        measure: Measure::Credits,
        bound: Bound::AtLeast,
        n: 6,
        groups: vec![],
        level: LevelChoice::Any,
    };
    d.add_rule(&rule, "", "At least 6 credits", "").unwrap();
    let file = std::env::temp_dir().join(format!("qualplan-unknown-{}.json", std::process::id()));
    std::fs::write(&file, d.export()).unwrap();
    let path = file.to_str().unwrap();
    let out = qualplan(&["--catalogue", path, "check", "own-1", "K1", "K2"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(4), "{text}{}", stderr(&out));
    assert!(
        text.contains("This plan cannot be judged from the document"),
        "{text}"
    );
    assert!(text.contains("[cannot be judged]"), "{text}");
    let out = qualplan(&["--catalogue", path, "check", "own-1", "K3"]);
    assert_eq!(out.status.code(), Some(0), "published figures decide it");
    // A unit in no group loads, with a warning on stderr.
    d.add_units(vec![entry("K9", Some(3))]);
    std::fs::write(&file, d.export()).unwrap();
    let out = qualplan(&["--catalogue", path, "check", "own-1", "K3"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("qualplan: warning: ")
            && stderr(&out)
                .contains("\"K9\" is in no group of any qualification, so no plan can use it."),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_file(file);
}

#[test]
fn an_error_in_a_record_shows_the_line_it_is_on_with_a_caret() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalogues/nested-min3.json"),
    )
    .unwrap();
    let broken = text.replacen(
        "\"title\": \"Unit 3\",\n   \"level\": \"2\",\n   \"credit\": 1,",
        "\"title\": \"Unit 3\",\n   \"level\": \"2\",\n   \"credit\": 0,",
        1,
    );
    assert_ne!(broken, text);
    let dir = std::env::temp_dir().join(format!("qualplan-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    std::fs::write(&file, &broken).unwrap();
    let out = qualplan(&["--catalogue", file.to_str().unwrap(), "qualifications"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    // The file, the record, what is wrong, and where: line 32 holds the unit's code.
    assert!(
        err.contains("broken.json: unit U03: credit 0: write null if the document prints none\nline 32:\n       \"code\": \"U03\",\n               ^"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn achieved_units_from_another_document_count_through_their_links() {
    let out = qualplan(&[
        "check",
        "600/5469/4",
        "R/601/1209",
        "--achieved",
        "CU791",
        "cu 792",
        "--in-progress",
        "A/601/1205",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Achieved so far: meets 1 of 6 rules"),
        "{text}"
    );
    assert!(
        text.contains("L/601/1614 achieved as CU792, EDI (the same title, level and credit value)"),
        "{text}"
    );
    assert!(text.contains(
        "Achieved: 2 units, 8 credits, 60 GLH \u{2022} In progress: 1 unit, 5 credits, 33 GLH \u{2022} Planned, not started: 1 unit, 5 credits, 33 GLH"
    ), "{text}");

    let out = qualplan(&[
        "check",
        "600/5469/4",
        "R/601/1209",
        "--achieved",
        "CU791",
        "CU792",
        "--json",
    ]);
    let v = json_of(&out);
    // The fields of a check stay as they were.
    assert_eq!(v["compliant"], false);
    assert_eq!(v["totals"]["credits"], 13);
    assert_eq!(
        v["units"],
        serde_json::json!(["R/601/1209", "F/601/1609", "L/601/1614"])
    );
    // And the record's are added.
    assert_eq!(
        v["achieved"],
        serde_json::json!(["F/601/1609", "L/601/1614"])
    );
    assert_eq!(v["totals"]["achieved"]["credits"], 8);
    assert_eq!(v["totals"]["to_do"]["credits"], 5);
    assert_eq!(v["totals"]["in_progress"]["units"], 0);
    assert_eq!(v["achieved_so_far"]["compliant"], false);
    assert_eq!(v["achieved_so_far"]["rules_met"], 1);
    assert_eq!(v["achieved_so_far"]["rules_total"], 6);
    assert_eq!(v["achieved_so_far"]["rules"][0]["met"], true);
    assert_eq!(v["achieved_so_far"]["rules"][2]["met"], false);
    assert_eq!(
        v["achieved_so_far"]["verdict"],
        "Achieved so far: meets 1 of 6 rules"
    );
    let held = &v["record"][2];
    assert_eq!(held["unit"], "L/601/1614");
    assert_eq!(held["status"], "achieved");
    assert_eq!(held["achieved_as"]["id"], "001:CU792");
    assert_eq!(held["achieved_as"]["awarding_body"], "EDI");
    assert_eq!(held["achieved_as"]["basis"], "title_level_credit");
    assert_eq!(v["record"][0]["status"], "planned");
}

#[test]
fn an_unknown_achieved_unit_is_exit_2_saying_no_document_prints_it() {
    // A unit held may be named by any document's code, so an unknown one is unknown everywhere.
    let out = qualplan(&[
        "check",
        "highfield",
        "F/601/1609",
        "--achieved",
        "F/601/161",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "No awarding body\u{2019}s document in the catalogue prints a unit \"F/601/161\""
        ),
        "{err}"
    );
    assert!(!err.contains("that qualification's document"), "{err}");
    assert!(
        err.contains("F/601/1609"),
        "the qualification's close codes: {err}"
    );
    // Another document's code for a unit of the qualification is taken.
    let out = qualplan(&["check", "highfield", "F/601/1609", "--in-progress", "CU792"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_plan_complete_only_with_its_in_progress_unit_exits_0() {
    let complete = [
        "F/601/1609",
        "L/601/1614",
        "R/601/1209",
        "A/601/1205",
        "M/601/1508",
    ];
    let mut args = vec!["check", "highfield", "--achieved"];
    args.extend(complete);
    args.extend(["--in-progress", "A/601/1530"]);
    let out = qualplan(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Achieved so far: meets 4 of 6 rules"));
    // Without it, not yet.
    let out = qualplan(&args[..args.len() - 2]);
    assert_eq!(out.status.code(), Some(1));
    // And complete says so, keeping every unit.
    args[0] = "complete";
    let out = qualplan(&args);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("The plan already meets every rule"), "{text}");
}

#[test]
fn complete_adds_to_the_achieved_units_and_never_adds_them_again() {
    let out = qualplan(&[
        "complete",
        "highfield",
        "--achieved",
        "CU791",
        "CU792",
        "000:110",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json_of(&out);
    assert_eq!(v["status"], "found");
    assert_eq!(
        v["achieved"],
        serde_json::json!(["F/601/1609", "L/601/1614", "R/601/1209"])
    );
    assert_eq!(v["record"][2]["achieved_as"]["basis"], "uan");
    for o in v["options"].as_array().unwrap() {
        for held in ["F/601/1609", "L/601/1614", "R/601/1209"] {
            assert!(
                !o["add"].as_array().unwrap().iter().any(|a| a == held),
                "{o}"
            );
        }
    }
    assert_eq!(v["options"][0]["cost"], 15);
    let out = qualplan(&["complete", "highfield", "--achieved", "CU791", "CU792"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("What is left, keeping every unit of the plan:"),
        "{text}"
    );
    assert!(text.contains("F/601/1609 achieved as CU791, EDI"), "{text}");
}

#[test]
fn an_unknown_or_foreign_achieved_code_is_bad_input_naming_it() {
    let out = qualplan(&["check", "highfield", "F/601/1609", "--achieved", "CU999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"CU999\""), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let out = qualplan(&["complete", "highfield", "--achieved", "301"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"301\""), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("does not count towards"),
        "{}",
        stderr(&out)
    );
    let out = qualplan(&["check", "highfield", "--achieved", "110"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("DOCUMENT:CODE"), "{}", stderr(&out));
    let out = qualplan(&["check", "highfield", "--achieved"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--achieved needs at least one CODE"));
    let out = qualplan(&["--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("--achieved CODE..."));
}

#[test]
fn progress_reports_what_is_achieved() {
    let out = qualplan(&["progress", "CU791", "--achieved", "CU792", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json_of(&out);
    assert_eq!(v["units"], serde_json::json!(["001:CU791", "001:CU792"]));
    assert_eq!(v["achieved"], serde_json::json!(["001:CU792"]));
    let h = v["qualifications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["qualification"] == "highfield-l2-nvq-customer-service")
        .unwrap();
    assert_eq!(h["carried"].as_array().unwrap().len(), 2);
    assert_eq!(h["achieved"]["counted"], serde_json::json!(["001:CU792"]));
    assert_eq!(h["achieved"]["totals"]["credits"], 4);
    let out = qualplan(&["progress", "CU791", "--achieved", "CU792"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Achieved so far: 1 unit counts \u{2022} 4 of 28 credits \u{2022} 0 of 6 rules met"
        ),
        "{text}"
    );
}

#[test]
fn totals_name_one_unit_and_notional_hours_where_no_tqt_is_published() {
    let out = qualplan(&["check", "edi", "CU791"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "Totals: 1 unit | credits 4 (minimum 28) | GLH not published | Notional hours 40"
        ),
        "{text}"
    );
    let out = qualplan(&["check", "highfield", "F/601/1609", "L/601/1614"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Totals: 2 units | "), "{text}");
    assert!(text.contains(" | TQT "), "{text}");
}
