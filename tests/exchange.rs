//! Plans shared as links and exchanged as files: round trips, and bad input refused clearly.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::embedded;
use qualplan::limits::clean_name;
use qualplan::plan::{exchange, share, Plan, Workspace};
use qualplan::sort::SmallSort;

#[path = "common/damage.rs"]
mod damage;

fn plan_strategy() -> impl Strategy<Value = Plan> {
    let c = embedded();
    let with_units: Vec<usize> = (0..c.qualifications.len()).collect();
    (
        proptest::sample::select(with_units),
        proptest::collection::vec(0usize..60, 0..10),
        "[^\u{0}]{1,30}",
        any::<bool>(),
    )
        .prop_map(move |(q, picks, name, reading)| {
            let cq = &c.qualifications[q];
            let mut plan = Plan::new(&name, &cq.qualification.id);
            for i in picks {
                let code = c.unit(cq.units[i % cq.units.len()]).unit.code.clone();
                if !plan.units.contains(&code) {
                    plan.units.push(code);
                }
            }
            if reading {
                if let Some(r) = cq.rules.iter().find(|r| !r.alternatives.is_empty()) {
                    plan.readings
                        .insert(r.rule.id.clone(), r.alternatives[0].0.clone());
                }
            }
            plan
        })
}

proptest! {
    #[test]
    fn any_plan_round_trips_through_a_link(plan in plan_strategy()) {
        let link = share::encode(&plan);
        prop_assert!(!link.contains(' ') && !link.contains('#'));
        let mut expected = plan.clone();
        // Names are kept as the planner cleans them; one with nothing visible is "Shared plan".
        expected.name = clean_name(&plan.name).unwrap_or_else(|_| "Shared plan".into());
        prop_assert_eq!(share::decode(&format!("#{link}"), embedded()).unwrap(), expected);
    }

    #[test]
    fn any_plans_round_trip_through_an_export_file(plans in proptest::collection::vec(plan_strategy(), 1..4)) {
        let plans: Vec<Plan> = plans
            .into_iter()
            .filter_map(|mut p| clean_name(&p.name).ok().map(|n| { p.name = n; p }))
            .collect();
        prop_assume!(!plans.is_empty());
        prop_assert_eq!(exchange::import(&exchange::export(&plans), embedded()).unwrap(), plans);
    }

    #[test]
    fn no_file_makes_import_panic(text in ".{0,200}") {
        let _ = exchange::import(&text, embedded());
    }
}

/// What a link or an import file may let in: a named plan for a qualification the catalogue has,
/// with units it offers, each once, and readings its rules have.
fn check_let_in(plan: &Plan) -> Result<(), TestCaseError> {
    let c = embedded();
    prop_assert!(!plan.name.trim().is_empty(), "unnamed: {:?}", plan);
    let cq = c.qualification(&plan.qualification);
    prop_assert!(cq.is_some(), "unknown qualification: {:?}", plan);
    let cq = cq.unwrap();
    for (i, u) in plan.units.iter().enumerate() {
        prop_assert!(
            c.offered_unit(cq, u).is_some(),
            "unit not offered: {:?}",
            plan
        );
        prop_assert!(!plan.units[..i].contains(u), "unit twice: {:?}", plan);
    }
    for (rule, reading) in &plan.readings {
        prop_assert!(cq.has_reading(rule, reading), "unknown reading: {:?}", plan);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_link_is_refused_with_a_reason_or_gives_a_plan_the_catalogue_has(
        link in plan_strategy().prop_flat_map(|p| damage::damaged(share::encode(&p)))
    ) {
        match share::decode(&link, embedded()) {
            Ok(plan) => check_let_in(&plan)?,
            Err(e) => prop_assert!(!e.to_string().trim().is_empty()),
        }
    }

    #[test]
    fn a_damaged_export_file_is_refused_with_where_or_gives_plans_the_catalogue_has(
        text in proptest::collection::vec(plan_strategy(), 1..3)
            .prop_map(|plans| plans.into_iter().filter(|p| !p.name.trim().is_empty()).collect::<Vec<_>>())
            .prop_filter("a plan to export", |plans| !plans.is_empty())
            .prop_flat_map(|plans| damage::damaged(exchange::export(&plans)))
    ) {
        match exchange::import(&text, embedded()) {
            Ok(plans) => {
                prop_assert!(!plans.is_empty());
                for p in &plans {
                    check_let_in(p)?;
                }
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(e.starts_with("The file") || e.starts_with("Plan "), "{}", e)
            }
        }
    }
}

proptest! {
    #[test]
    fn no_link_makes_decode_panic(text in ".{0,120}") {
        let _ = share::decode(&text, embedded());
    }
}

#[test]
fn a_malformed_link_is_refused_with_what_is_wrong() {
    let c = embedded();
    let err = |s: &str| share::decode(s, c).unwrap_err().to_string();
    assert!(err("#u=002").contains("names no qualification"));
    assert!(err("#q=nope&u=").contains("\"nope\" is not in the catalogue"));
    assert!(err("#q=cg-4411-30&u=002,099").contains("unit \"099\" is not a unit of"));
    assert!(
        err("#q=cg-4411-30&u=002&r=entry3-min:sideways").contains("reading entry3-min:sideways")
    );
    assert!(err("#q=cg-4411-30&x=1").contains("unknown part \"x\""));
    assert!(err("#q=cg-4411-30&u=%G1").contains("broken escape"));
    assert!(err("#garbage").contains("not KEY=VALUE"));
    let ok = share::decode(
        "#q=highfield-l2-nvq-customer-service&u=F/601/1609&n=Adviser%27s%20plan",
        c,
    )
    .unwrap();
    assert_eq!(ok.units, vec!["F/601/1609"]);
    assert_eq!(ok.name, "Adviser's plan");
    // A unit named twice, even in two parts, is planned once.
    let twice = share::decode("#q=cg-4411-30&u=002,001&u=002", c).unwrap();
    assert_eq!(twice.units, vec!["002", "001"]);
}

#[test]
fn a_bad_import_file_is_refused_with_where_and_changes_nothing() {
    let c = embedded();
    let err = |s: &str| exchange::import(s, c).unwrap_err().to_string();
    assert!(err("not json").contains("not a qualplan plans file"));
    assert!(
        err(r#"{"format":"other","version":2,"plans":[]}"#).contains("expected \"qualplan plans\"")
    );
    assert!(err(r#"{"format":"qualplan plans","version":9,"plans":[]}"#).contains("version 9"));
    let bad_unit = r#"{"format":"qualplan plans","version":2,"plans":[
        {"name":"ok","qualification":"cg-4411-30","units":["002"]},
        {"name":"second","qualification":"cg-4411-30","units":["002","777"]}]}"#;
    let e = err(bad_unit);
    assert!(
        e.contains("Plan 2") && e.contains("second") && e.contains("\"777\""),
        "{e}"
    );
    let bad_reading = r#"{"format":"qualplan plans","version":2,"plans":[
        {"name":"ok","qualification":"cg-4411-30","units":["002"],"readings":{"entry3-min":"sideways"}}]}"#;
    let e = err(bad_reading);
    assert!(
        e.contains("Plan 1") && e.contains("entry3-min:sideways"),
        "{e}"
    );
    let twice = r#"{"format":"qualplan plans","version":2,"plans":[
        {"name":"ok","qualification":"cg-4411-30","units":["002","001","002"]}]}"#;
    assert_eq!(
        exchange::import(twice, c).unwrap()[0].units,
        vec!["002", "001"]
    );
    // Importing adds alongside, never over, plans with the same name.
    let mut w = Workspace::new(c);
    let before = w.plans.len();
    let plans = exchange::import(&exchange::export(&w.plans.clone()), c).unwrap();
    w.add_plans(plans);
    assert_eq!(w.plans.len(), before * 2);
    assert_eq!(w.plans[1].name, "My plan 2");
}

#[test]
fn oversized_links_are_refused_before_they_are_read() {
    let c = embedded();
    // 2 MB of link: refused by its size, in words that quote none of it.
    let huge = format!("#q=cg-4411-30&u={}", "A".repeat(2 * 1024 * 1024));
    let e = share::decode(&huge, c).unwrap_err().to_string();
    assert!(e.contains("over the planner's limit of 64 KB"), "{e}");
    assert!(e.len() < 200, "{e}");
    // Just under the byte limit but naming thousands of unknown units: refused by count.
    let many: Vec<String> = (0..9_000).map(|i| format!("X{i}")).collect();
    let e = share::decode(&format!("#q=cg-4411-30&u={}", many.join(",")), c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("9,000 entries"), "{e}");
    // One unit over the count is refused, at the count it is read (and then checked).
    let at: Vec<String> = (0..1_000).map(|i| format!("X{i}")).collect();
    let e = share::decode(&format!("#q=cg-4411-30&u={}", at.join(",")), c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("unit \"X0\" is not a unit of"), "{e}");
    let over: Vec<String> = (0..1_001).map(|i| format!("X{i}")).collect();
    let e = share::decode(&format!("#q=cg-4411-30&u={}", over.join(",")), c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("1,001 entries"), "{e}");
}

#[test]
fn a_link_whose_name_would_read_backwards_or_show_nothing_is_cleaned() {
    let c = embedded();
    let p = share::decode("#q=cg-4411-30&u=002&n=Anna%E2%80%AE%20plan", c).unwrap();
    assert_eq!(p.name, "Anna plan");
    let p = share::decode("#q=cg-4411-30&u=002&n=%E2%80%8B%E2%80%AE", c).unwrap();
    assert_eq!(p.name, "Shared plan");
    let long = "x".repeat(500);
    let e = share::decode(&format!("#q=cg-4411-30&u=002&n={long}"), c).unwrap_err();
    assert!(e.to_string().contains("at most 120 characters"), "{e}");
}

#[test]
fn oversized_plan_files_are_refused_in_words_before_they_are_parsed() {
    let c = embedded();
    let big = format!(
        r#"{{"format":"qualplan plans","version":2,"plans":[{{"name":"{}","qualification":"cg-4411-30","units":[]}}]}}"#,
        "n".repeat(5 * 1024 * 1024)
    );
    let e = exchange::import(&big, c).unwrap_err().to_string();
    assert!(e.contains("over the planner's limit of 4 MB"), "{e}");
    assert!(e.len() < 200, "{e}");
    // 200,000 unknown units in one plan: refused by count, quickly.
    let units: Vec<String> = (0..200_000).map(|i| format!("\"X{i}\"")).collect();
    let file = format!(
        r#"{{"format":"qualplan plans","version":2,"plans":[{{"name":"big","qualification":"cg-4411-30","units":[{}]}}]}}"#,
        units.join(",")
    );
    let e = exchange::import(&file, c).unwrap_err().to_string();
    assert!(e.contains("200,000 entries"), "{e}");
    // A long name is refused with its length, not quoted.
    let long = format!(
        r#"{{"format":"qualplan plans","version":2,"plans":[{{"name":"{}","qualification":"cg-4411-30","units":[]}}]}}"#,
        "n".repeat(100_000)
    );
    let e = exchange::import(&long, c).unwrap_err().to_string();
    assert!(e.contains("100,000"), "{e}");
    assert!(e.len() < 200, "{e}");
}

#[test]
fn six_thousand_imported_plans_of_one_name_each_get_a_name_of_their_own() {
    let c = embedded();
    let plans: Vec<Plan> = (0..6_000)
        .map(|_| Plan::new("Learner", "cg-4411-30"))
        .collect();
    let text = exchange::export(&plans);
    let imported = exchange::import(&text, c).unwrap();
    let mut w = Workspace::new(c);
    w.add_plans(imported);
    let mut names: Vec<&str> = w.plans.iter().map(|p| p.name.as_str()).collect();
    names.sort_small();
    names.dedup();
    assert_eq!(names.len(), 6_001);
}

#[test]
fn plan_file_errors_are_plain_words_without_parser_terms() {
    let c = embedded();
    let e = exchange::import(
        "{\"format\": \"qualplan plans\", \"version\": 2, \"plans\": [",
        c,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "The file is not a qualplan plans file: it is not readable JSON (it ends too soon)."
    );
    let e = exchange::import(
        r#"{"format":"qualplan plans","version":2,"plans":[{"name":"a","qualification":"cg-4411-30","units":"002"}]}"#,
        c,
    )
    .unwrap_err()
    .to_string();
    assert!(!e.contains("invalid type"), "{e}");
    assert!(e.contains("line 1"), "{e}");
}
