//! The rules engine, rule type by rule type: plans that pass exactly at each limit and fail by one.
#![cfg(not(target_arch = "wasm32"))]

use qualplan::catalogue::Catalogue;
use qualplan::plan::check_codes;
use qualplan::rules::{Readings, RuleResult, Status};
use serde_json::json;

/// A small document: units at several levels, credits and GLH, two groups sharing unit S.
fn catalogue(rules: serde_json::Value) -> Catalogue {
    let unit = |code: &str, level: &str, credit: u32, glh: u32| {
        json!({"code": code, "uan": null, "title": format!("Unit {code}"), "level": level,
               "credit": credit, "glh": glh, "learning_outcomes": null, "assessment_criteria": null,
               "source": "test"})
    };
    let doc = json!({
        "schema": 1,
        "document": {"id": "T", "title": "Test document", "awarding_body": "Test body"},
        "units": [
            unit("M1", "1", 4, 30), unit("M2", "2", 4, 30),
            unit("A1", "1", 5, 33), unit("A2", "2", 6, 40), unit("A3", "3", 7, 47),
            unit("B1", "2", 5, 33), unit("B2", "3", 8, 53),
            unit("S", "2", 3, 20), unit("E3", "Entry 3", 2, 15)
        ],
        "qualifications": [{
            "id": "q", "title": "Test qualification", "awarding_body": "Test body",
            "awarding_body_number": "T-1", "regulator_number": "000/0000/0", "level": "2",
            "size": "Certificate", "glh": null, "glh_range": null, "tqt": null, "min_credits": null,
            "source": "test",
            "groups": [
                {"id": "M", "name": "Mandatory", "units": ["M1", "M2"]},
                {"id": "A", "name": "Group A", "units": ["A1", "A2", "A3", "S"]},
                {"id": "B", "name": "Group B", "units": ["B1", "B2", "S"]},
                {"id": "X", "name": "Extra", "units": ["E3"]}
            ],
            "rules_published": true,
            "rules": rules
        }]
    });
    Catalogue::from_sources(&[("test.json", &doc.to_string())], None)
        .expect("test catalogue is valid")
}

fn rule(id: &str, require: serde_json::Value) -> serde_json::Value {
    json!({"id": id, "label": format!("rule {id}"), "text": "printed", "source": "test", "require": require})
}

fn run(c: &Catalogue, units: &[&str]) -> (Option<bool>, Vec<RuleResult>) {
    run_with(c, units, &Readings::new())
}

fn run_with(c: &Catalogue, units: &[&str], readings: &Readings) -> (Option<bool>, Vec<RuleResult>) {
    let units: Vec<String> = units.iter().map(|s| s.to_string()).collect();
    let check = check_codes(c, "q", &units, readings).expect("plan resolves");
    (check.evaluation.compliant, check.evaluation.rules)
}

fn count(
    measure: &str,
    from: serde_json::Value,
    level: serde_json::Value,
    min: Option<u32>,
    max: Option<u32>,
) -> serde_json::Value {
    json!({"count": {"measure": measure, "from": from, "level": level, "min": min, "max": max}})
}

#[test]
fn mandatory_units_all_present_or_named_as_missing() {
    let c = catalogue(json!([rule("m", json!({"mandatory": ["M1", "M2"]}))]));
    assert_eq!(run(&c, &["M1", "M2"]).0, Some(true));
    let (ok, rules) = run(&c, &["M1"]);
    assert_eq!(ok, Some(false));
    assert_eq!(rules[0].shortfall.as_deref(), Some("add M2"));
    assert_eq!(
        run(&c, &[]).1[0].shortfall.as_deref(),
        Some("add M1 and M2")
    );
}

#[test]
fn credits_from_a_group_minimum_and_maximum() {
    // Group A: A1 5, A2 6, A3 7, S 3.
    let c = catalogue(json!([rule(
        "a",
        count(
            "credits",
            json!({"groups": ["A"]}),
            json!(null),
            Some(11),
            Some(13)
        )
    )]));
    assert_eq!(
        run(&c, &["A1", "A2"]).0,
        Some(true),
        "exactly the minimum, 11"
    );
    let (ok, rules) = run(&c, &["A1", "S"]);
    assert_eq!(ok, Some(false), "8 credits is short");
    assert_eq!(
        rules[0].shortfall.as_deref(),
        Some("3 more credits from rule a")
    );
    assert_eq!(
        run(&c, &["A2", "A3"]).0,
        Some(true),
        "exactly the maximum, 13"
    );
    let (ok, rules) = run(&c, &["A2", "A3", "S"]);
    assert_eq!(ok, Some(false), "16 is over");
    assert!(rules[0]
        .shortfall
        .as_deref()
        .unwrap()
        .starts_with("3 credits too many"));
    // Units outside the group do not count.
    assert_eq!(run(&c, &["A1", "B2"]).0, Some(false));
    assert_eq!(run(&c, &["A1", "A2", "B2"]).0, Some(true));
}

#[test]
fn units_from_a_set_minimum_and_maximum_by_one() {
    let c = catalogue(json!([rule(
        "u",
        count(
            "units",
            json!({"units": ["A1", "A2", "B1"]}),
            json!(null),
            Some(2),
            Some(2)
        )
    )]));
    assert_eq!(
        run(&c, &["A1"]).1[0].shortfall.as_deref(),
        Some("1 more unit from rule u")
    );
    assert_eq!(run(&c, &["A1", "B1"]).0, Some(true));
    let (ok, rules) = run(&c, &["A1", "A2", "B1"]);
    assert_eq!(ok, Some(false));
    assert_eq!(
        rules[0].shortfall.as_deref(),
        Some("1 unit too many from rule u (at most 2 units): remove one of A1 / A2 / B1")
    );
}

#[test]
fn at_a_level_differs_from_at_or_above() {
    // Level 2: M2 4, A2 6, B1 5, S 3. Level 3: A3 7, B2 8.
    let at = catalogue(json!([rule(
        "l",
        count("credits", json!("all"), json!({"at": "2"}), Some(10), None)
    )]));
    let above = catalogue(json!([rule(
        "l",
        count(
            "credits",
            json!("all"),
            json!({"at_or_above": "2"}),
            Some(10),
            None
        )
    )]));
    // A2 (6, level 2) + A3 (7, level 3): 6 at level 2, 13 at level 2 or above.
    assert_eq!(run(&at, &["A2", "A3"]).0, Some(false));
    assert_eq!(
        run(&at, &["A2", "A3"]).1[0].shortfall.as_deref(),
        Some("4 more credits at level 2")
    );
    assert_eq!(run(&above, &["A2", "A3"]).0, Some(true));
    // Exactly 10 at level 2: pass; 9: fail by one.
    assert_eq!(run(&at, &["A2", "M2"]).0, Some(true));
    assert_eq!(
        run(&at, &["A2", "S"]).1[0].shortfall.as_deref(),
        Some("1 more credit at level 2")
    );
    // Entry 3 is below level 1: never "at or above 2".
    assert_eq!(
        run(&above, &["E3", "A2"]).1[0].shortfall.as_deref(),
        Some("4 more credits at level 2 or above")
    );
}

#[test]
fn at_most_n_units_at_a_level() {
    // "at most three units imported from level 2" style.
    let c = catalogue(json!([rule(
        "imports",
        count("units", json!("all"), json!({"at": "2"}), None, Some(2))
    )]));
    assert_eq!(run(&c, &["A2", "B1", "A3"]).0, Some(true));
    let (ok, rules) = run(&c, &["A2", "B1", "S", "A3"]);
    assert_eq!(ok, Some(false));
    assert_eq!(
        rules[0].shortfall.as_deref(),
        Some("1 unit too many at level 2 (at most 2 units): remove one of A2 / B1 / S")
    );
}

#[test]
fn barred_pairs_and_larger_sets() {
    let c = catalogue(json!([
        rule("pair", json!({"barred": {"units": ["A1", "B1"]}})),
        rule(
            "three",
            json!({"barred": {"units": ["A2", "A3", "B2"], "max": 2}})
        )
    ]));
    assert_eq!(run(&c, &["A1"]).0, Some(true));
    let (ok, rules) = run(&c, &["A1", "B1"]);
    assert_eq!(ok, Some(false));
    assert_eq!(rules[0].shortfall.as_deref(), Some("remove one of A1 / B1"));
    assert_eq!(run(&c, &["A2", "A3"]).0, Some(true), "two of three allowed");
    assert_eq!(
        run(&c, &["A2", "A3", "B2"]).1[1].shortfall.as_deref(),
        Some("remove one of A2 / A3 / B2")
    );
    // The app marks units a planned unit bars.
    let check = check_codes(&c, "q", &["A1".to_string()], &Readings::new()).unwrap();
    let barred: Vec<&str> = check
        .evaluation
        .barred
        .iter()
        .map(|(u, _)| c.unit(*u).unit.code.as_str())
        .collect();
    assert_eq!(barred, vec!["B1"]);
}

/// Codes of `(unit, others)` pairs, as "unit: other other".
fn pairs(
    c: &Catalogue,
    list: &[(
        qualplan::catalogue::UnitId,
        Vec<qualplan::catalogue::UnitId>,
    )],
) -> Vec<String> {
    let code = |u: &qualplan::catalogue::UnitId| c.unit(*u).unit.code.clone();
    list.iter()
        .map(|(u, by)| {
            format!(
                "{}: {}",
                code(u),
                by.iter().map(code).collect::<Vec<_>>().join(" ")
            )
        })
        .collect()
}

#[test]
fn planned_units_that_break_a_barred_combination_clash_and_that_rule_is_one_of_too_many() {
    let c = catalogue(json!([
        rule(
            "credits",
            count("credits", json!("all"), json!(null), Some(20), None)
        ),
        rule("pair", json!({"barred": {"units": ["A1", "B1"]}})),
        rule(
            "three",
            json!({"barred": {"units": ["A2", "A3", "B2"], "max": 2}})
        ),
        rule(
            "few",
            count("units", json!("all"), json!(null), None, Some(4))
        )
    ]));
    let check = |units: &[&str]| {
        let units: Vec<String> = units.iter().map(|s| s.to_string()).collect();
        check_codes(&c, "q", &units, &Readings::new())
            .unwrap()
            .evaluation
    };
    // At the limit: nothing clashes, and only the credits are short (adding mends that).
    let at = check(&["A1", "A2", "A3"]);
    assert!(at.clashes.is_empty());
    assert_eq!(at.too_many, Vec::<usize>::new());
    assert_eq!(pairs(&c, &at.barred), vec!["B1: A1", "B2: A2 A3"]);
    // One over in each: every planned unit of a broken combination clashes with the others.
    let over = check(&["A1", "B1", "A2", "A3", "B2"]);
    assert_eq!(
        pairs(&c, &over.clashes),
        vec!["A1: B1", "B1: A1", "A2: A3 B2", "A3: A2 B2", "B2: A2 A3"]
    );
    assert!(over.barred.is_empty());
    // Both combinations and the count's maximum (5 units, at most 4) are too many; the credits
    // (36 of 20) are met.
    assert_eq!(over.too_many, vec![1, 2, 3]);
    // Four units is at the count's maximum: not too many.
    assert_eq!(
        check(&["A1", "A2", "A3", "S"]).too_many,
        Vec::<usize>::new()
    );
    // Short of a minimum is never too many.
    let short = check(&["A1", "B1"]);
    assert_eq!(short.too_many, vec![1]);
    assert_eq!(short.rules[0].status, Status::Unmet);
}

#[test]
fn total_credits_and_units_minimum_maximum_exact() {
    let c = catalogue(json!([
        rule(
            "credits",
            count("credits", json!("all"), json!(null), Some(12), Some(12))
        ),
        rule(
            "units",
            count("units", json!("all"), json!(null), Some(2), Some(2))
        )
    ]));
    assert_eq!(
        run(&c, &["A1", "A3"]).0,
        Some(true),
        "12 credits in 2 units"
    );
    let (_, r) = run(&c, &["A1", "A2"]);
    assert_eq!(r[0].shortfall.as_deref(), Some("1 more credit in total"));
    let (_, r) = run(&c, &["A2", "A3"]);
    assert_eq!(
        r[0].shortfall.as_deref(),
        Some("1 credit too many in total (at most 12 credits)")
    );
    let (_, r) = run(&c, &["M1", "M2", "S"]);
    assert_eq!(r[1].status, Status::Unmet, "3 units is one over exactly 2");
}

#[test]
fn guided_learning_hours_totals() {
    let c = catalogue(json!([rule(
        "g",
        count("glh", json!("all"), json!(null), Some(63), None)
    )]));
    assert_eq!(run(&c, &["M1", "A1"]).0, Some(true), "30 + 33 = 63");
    assert_eq!(
        run(&c, &["M1", "S"]).1[0].shortfall.as_deref(),
        Some("13 more GLH in total")
    );
}

#[test]
fn all_of_and_any_of_pathways() {
    let path = |id: &str, units: &[&str]| rule(id, json!({"mandatory": units}));
    let c = catalogue(json!([rule(
        "path",
        json!({"any_of": {"rules": [
            path("p1", &["A1", "A2"]),
            rule("p2", json!({"all_of": {"rules": [path("p2a", &["B1"]), rule("p2b", count("credits", json!({"groups": ["B"]}), json!(null), Some(13), None))]}}))
        ]}})
    )]));
    assert_eq!(run(&c, &["A1", "A2"]).0, Some(true), "first pathway");
    assert_eq!(
        run(&c, &["B1", "B2"]).0,
        Some(true),
        "second pathway: B1 + 13 credits of B"
    );
    let (ok, r) = run(&c, &["A1", "B1"]);
    assert_eq!(ok, Some(false));
    assert!(r[0]
        .shortfall
        .as_deref()
        .unwrap()
        .starts_with("meet one of: rule p1 / rule p2; closest is rule p1: add A2"));
}

#[test]
fn a_requirement_the_plan_cannot_show_is_never_judged() {
    let c = catalogue(json!([
        rule("m", json!({"mandatory": ["M1"]})),
        rule("w", json!({"manual": {}}))
    ]));
    let (ok, r) = run(&c, &["M1"]);
    assert_eq!(
        ok,
        Some(true),
        "a manual requirement does not block compliance"
    );
    assert_eq!(r[1].status, Status::NotJudged);
    assert_eq!(
        run(&c, &[]).1[1].status,
        Status::NotJudged,
        "nor count as unmet"
    );
}

#[test]
fn distinct_rules_find_an_assignment_that_a_greedy_fit_misses() {
    // S is in groups A and B. One unit from each; with A1 planned, S must go to B.
    let one = |id: &str, g: &str| {
        rule(
            id,
            count("units", json!({"groups": [g]}), json!(null), Some(1), None),
        )
    };
    let c = catalogue(json!([rule(
        "each",
        json!({"all_of": {"distinct": true, "rules": [one("a", "A"), one("b", "B")]}})
    )]));
    let (ok, r) = run(&c, &["S", "A1"]);
    assert_eq!(ok, Some(true));
    let counted = |i: usize| -> Vec<String> {
        r[0].children[i]
            .counted
            .iter()
            .map(|u| c.unit(*u).unit.code.clone())
            .collect()
    };
    assert_eq!(counted(0), vec!["A1"]);
    assert_eq!(counted(1), vec!["S"], "the assignment used is reported");
    // S alone cannot count for both.
    let (ok, r) = run(&c, &["S"]);
    assert_eq!(ok, Some(false));
    assert_eq!(
        r[0].children
            .iter()
            .filter(|c| c.status == Status::Unmet)
            .count(),
        1
    );
    // Without distinct, S would count twice.
    let shared = catalogue(json!([rule(
        "each",
        json!({"all_of": {"rules": [one("a", "A"), one("b", "B")]}})
    )]));
    assert_eq!(run(&shared, &["S"]).0, Some(true));
}

#[test]
fn readings_default_and_alternative_and_the_result_names_the_one_used() {
    let c = catalogue(json!([{
        "id": "l2", "label": "level 2 credits", "text": "at level 2", "source": "test",
        "require": count("credits", json!("all"), json!({"at": "2"}), Some(10), None),
        "reading": {"id": "exactly", "label": "exactly level 2"},
        "alternatives": [{"id": "or-above", "label": "level 2 or above",
                          "require": count("credits", json!("all"), json!({"at_or_above": "2"}), Some(10), None)}]
    }]));
    let (ok, r) = run(&c, &["A2", "A3"]);
    assert_eq!(
        (ok, r[0].reading.as_deref()),
        (Some(false), Some("exactly"))
    );
    let mut readings = Readings::new();
    readings.insert("l2".into(), "or-above".into());
    let (ok, r) = run_with(&c, &["A2", "A3"], &readings);
    assert_eq!(
        (ok, r[0].reading.as_deref()),
        (Some(true), Some("or-above"))
    );
}

#[test]
fn a_unit_listed_twice_counts_once_and_is_reported() {
    let c = catalogue(json!([rule(
        "credits",
        count("credits", json!("all"), json!(null), Some(10), None)
    )]));
    let units = vec!["A1".to_string(), "a1".to_string(), "A1".to_string()];
    let check = check_codes(&c, "q", &units, &Readings::new()).unwrap();
    assert_eq!(check.totals.credits, Some(5));
    assert_eq!(check.duplicates, vec!["a1", "A1"]);
    assert_eq!(check.evaluation.compliant, Some(false));
}

#[test]
fn totals_are_ten_hours_a_credit() {
    let c = catalogue(json!([rule("m", json!({"mandatory": ["M1"]}))]));
    let check = check_codes(&c, "q", &["M1".into(), "A3".into()], &Readings::new()).unwrap();
    assert_eq!(check.totals.units, 2);
    assert_eq!(check.totals.credits, Some(11));
    assert_eq!(check.totals.glh, Some(77));
    assert_eq!(check.totals.tqt, Some(110));
}
