//! The saved workspace: round trip, migration from version 1, and recovery from damage without
//! losing anything.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::embedded;
use qualplan::plan::saved::{decode, encode};
use qualplan::plan::{Plan, Workspace};

#[path = "common/damage.rs"]
mod damage;

fn sample() -> Workspace {
    let c = embedded();
    let mut w = Workspace::new(c);
    w.set_qualification(c, "cg-4411-30");
    w.add_unit("002");
    w.add_unit("001");
    w.set_reading("entry3-credits", Some("inclusive"));
    w.new_plan();
    w.set_qualification(c, "highfield-l2-nvq-customer-service");
    w.add_unit("F/601/1609");
    w.rename("Adviser's plan");
    w
}

#[test]
fn a_workspace_round_trips() {
    let w = sample();
    let r = decode(&encode(&w), embedded());
    assert_eq!(r.workspace, w);
    assert!(r.problems.is_empty() && r.unreadable.is_none());
}

#[test]
fn a_save_outside_the_common_form_is_read_the_careful_way_with_the_same_result() {
    // An extra field (as a later version might add) misses the direct read; every plan still
    // loads, with nothing reported.
    let w = sample();
    let mut v: serde_json::Value = serde_json::from_str(&encode(&w)).unwrap();
    v["written_by"] = "a later version".into();
    let r = decode(&v.to_string(), embedded());
    assert_eq!(r.workspace, w);
    assert!(
        r.problems.is_empty() && r.unreadable.is_none(),
        "{:?}",
        r.problems
    );
}

#[test]
fn version_one_is_migrated_not_discarded() {
    let r = decode(
        r#"{"version":1,"qualification":"cg-4411-30","units":["002","001"]}"#,
        embedded(),
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.workspace.plans.len(), 1);
    assert_eq!(r.workspace.plan().qualification, "cg-4411-30");
    assert_eq!(r.workspace.plan().units, vec!["002", "001"]);
    assert_eq!(r.workspace.plan().name, "My plan");
}

#[test]
fn corrupt_json_is_kept_aside_and_reported() {
    let text = "{\"version\":2,\"plans\":[{\"name\":";
    let r = decode(text, embedded());
    assert_eq!(r.unreadable.as_deref(), Some(text));
    assert!(
        r.problems[0].contains("could not be read"),
        "{:?}",
        r.problems
    );
    assert_eq!(r.workspace, Workspace::new(embedded()));
}

#[test]
fn an_unknown_version_is_kept_aside() {
    let r = decode(r#"{"version":99,"plans":[]}"#, embedded());
    assert!(r.problems[0].contains("version 99"));
    assert!(r.unreadable.is_some());
}

#[test]
fn damaged_plans_are_set_aside_and_the_rest_kept() {
    let text = r#"{"version":2,"current":2,"plans":[
        {"name":"good","qualification":"cg-4411-30","units":["002"]},
        {"name":"gone","qualification":"no-such-qualification","units":[]},
        {"name":"stale","qualification":"cg-4411-30","units":["002","099","001"]},
        {"nme":"typo"}
    ]}"#;
    let r = decode(text, embedded());
    let names: Vec<&str> = r.workspace.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["good", "stale"]);
    assert_eq!(r.workspace.plans[1].units, vec!["002", "001"]);
    assert_eq!(r.workspace.current, 1);
    assert_eq!(r.problems.len(), 3, "{:#?}", r.problems);
    assert!(r.problems.iter().any(|p| p.contains("099")));
    assert!(r
        .problems
        .iter()
        .any(|p| p.contains("no-such-qualification")));
    assert_eq!(
        r.unreadable.as_deref(),
        Some(text),
        "the whole original is kept"
    );
}

#[test]
fn workspace_operations() {
    let c = embedded();
    let mut w = sample();
    assert_eq!(w.plans.len(), 2);
    assert!(!w.add_unit("F/601/1609"), "already planned");
    w.add_unit("L/601/1614");
    assert!(w.move_unit("L/601/1614", -1));
    assert_eq!(w.plan().units, vec!["L/601/1614", "F/601/1609"]);
    assert!(!w.move_unit("L/601/1614", -1), "already first");
    w.duplicate();
    assert_eq!(w.plan().name, "Adviser's plan (copy)");
    assert_eq!(w.plans.len(), 3);
    assert!(!w.rename("   "));
    w.delete();
    assert_eq!(w.plans.len(), 2);
    assert!(w.switch(0));
    assert!(!w.switch(7));
    assert_eq!(w.plan().qualification, "cg-4411-30");
    // Switching qualification keeps what the new one offers and reports the rest.
    let dropped = w.set_qualification(c, "cg-4411-33");
    assert!(dropped.is_empty());
    let dropped = w.set_qualification(c, "highfield-l2-nvq-customer-service");
    assert_eq!(dropped, vec!["002", "001"]);
    // The last plan is emptied, never removed.
    let mut one = Workspace::new(c);
    one.add_unit("CU791");
    one.delete();
    assert_eq!(one.plans.len(), 1);
    assert!(one.plan().units.is_empty());
}

/// Workspaces of one to four named plans on the Highfield qualification, some units each.
fn workspace_strategy() -> impl Strategy<Value = Workspace> {
    (
        proptest::collection::vec("[ -~]{1,20}", 1..5),
        proptest::collection::vec(0usize..49, 0..12),
        0usize..5,
    )
        .prop_map(|(names, picks, current)| {
            let c = embedded();
            let q = c
                .qualification("highfield-l2-nvq-customer-service")
                .unwrap();
            let plans: Vec<Plan> = names
                .iter()
                .map(|n| {
                    let mut p = Plan::new(n, "highfield-l2-nvq-customer-service");
                    for i in &picks {
                        let code = c.unit(q.units[*i]).unit.code.clone();
                        if !p.units.contains(&code) {
                            p.units.push(code);
                        }
                    }
                    p
                })
                .collect();
            Workspace {
                current: current.min(plans.len() - 1),
                plans,
            }
        })
}

proptest! {
    #[test]
    fn any_workspace_round_trips(w in workspace_strategy()) {
        prop_assert_eq!(decode(&encode(&w), embedded()).workspace, w);
    }

    #[test]
    fn no_saved_text_makes_decode_panic(text in ".{0,200}") {
        let r = decode(&text, embedded());
        prop_assert!(!r.workspace.plans.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Whatever the damage, the planner opens with plans it can show, and any damage it meets is
    /// reported with the saved text kept whole.
    #[test]
    fn a_damaged_save_is_used_where_it_can_be_and_kept_whole_when_not(
        text in workspace_strategy().prop_flat_map(|w| damage::damaged(encode(&w)))
    ) {
        let c = embedded();
        let r = decode(&text, c);
        prop_assert!(!r.workspace.plans.is_empty());
        prop_assert!(r.workspace.current < r.workspace.plans.len());
        for plan in &r.workspace.plans {
            let cq = c.qualification(&plan.qualification);
            prop_assert!(cq.is_some(), "{:?}", plan);
            for (i, u) in plan.units.iter().enumerate() {
                prop_assert!(c.offered_unit(cq.unwrap(), u).is_some(), "{:?}", plan);
                prop_assert!(!plan.units[..i].contains(u), "{:?}", plan);
            }
        }
        if r.problems.is_empty() {
            prop_assert!(r.unreadable.is_none());
        } else {
            prop_assert_eq!(r.unreadable.as_deref(), Some(text.as_str()), "{:?}", r.problems);
        }
    }
}

#[test]
fn another_tabs_plans_are_taken_but_this_tab_stays_on_its_open_plan() {
    let c = embedded();
    let mut here = sample();
    here.switch(0);
    let open = here.plan().name.clone();
    let mut theirs = sample();
    theirs.switch(1);
    theirs.add_unit("R/601/1209");
    here.adopt(theirs.clone());
    assert_eq!(here.plan().name, open, "still on the plan open here");
    assert_eq!(here.plans, theirs.plans, "with the other tab's plans");
    // The open plan was deleted in the other tab: stay at the same place in the list.
    let mut one = Workspace::new(c);
    one.new_plan();
    let mut fewer = one.clone();
    fewer.delete();
    one.adopt(fewer);
    assert_eq!(one.plans.len(), 1);
    assert_eq!(one.current, 0);
}

#[test]
fn plans_on_a_removed_qualification_are_dropped_and_counted() {
    let c = embedded();
    let mut w = sample();
    w.plans.push(Plan::new("gone", "no-longer-here"));
    w.current = 2;
    assert_eq!(w.drop_unknown(c), 1);
    assert_eq!(w.plans.len(), 2);
    assert_eq!(w.current, 1);
    let mut only = Workspace {
        plans: vec![Plan::new("gone", "no-longer-here")],
        current: 0,
    };
    assert_eq!(only.drop_unknown(c), 1);
    assert_eq!(only, Workspace::new(c), "never left without a plan");
}
