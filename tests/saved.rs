//! The saved workspace: round trip, migration from version 1, and recovery from damage without
//! losing anything.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::embedded;
use qualplan::plan::saved::{decode, encode};
use qualplan::plan::{Adopted, Plan, Workspace};

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
    w.rename("Adviser's plan").unwrap();
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
fn a_save_with_a_part_this_version_does_not_use_loads_every_plan_and_is_kept() {
    // An extra field (as a later version might add) misses the direct read; every plan still
    // loads, the field is named, and the save is kept whole, since writing it back would drop it.
    let w = sample();
    let mut v: serde_json::Value = serde_json::from_str(&encode(&w)).unwrap();
    v["written_by"] = "a later version".into();
    let text = v.to_string();
    let r = decode(&text, embedded());
    assert_eq!(r.workspace, w);
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert!(
        r.problems[0].contains("(\"written_by\")"),
        "{:?}",
        r.problems
    );
    assert_eq!(r.unreadable.as_deref(), Some(text.as_str()));
}

#[test]
fn versions_that_are_not_whole_numbers_are_quoted_as_found() {
    for (version, shown) in [
        ("\"2\"", "(version \"\"2\"\")"),
        ("2.0", "(version \"2.0\")"),
        ("-2", "(version \"-2\")"),
    ] {
        let text = format!(r#"{{"version":{version},"current":0,"plans":[]}}"#);
        let r = decode(&text, embedded());
        assert!(r.problems[0].contains(shown), "{version}: {:?}", r.problems);
        assert_eq!(r.unreadable.as_deref(), Some(text.as_str()));
    }
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
fn damaged_plans_are_reported_plans_on_an_unknown_qualification_kept_aside_and_the_rest_used() {
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
    assert_eq!(r.problems.len(), 2, "{:#?}", r.problems);
    assert!(r.problems.iter().any(|p| p.contains("099")));
    assert_eq!(
        r.workspace.set_aside.len(),
        1,
        "the unknown one is kept, not dropped"
    );
    assert_eq!(r.workspace.set_aside[0].name, "gone");
    assert!(r.notes.iter().any(|p| p.contains("no-such-qualification")));
    // Saved again, the plan set aside is still there for a tab that holds its qualification.
    let again = decode(&encode(&r.workspace), embedded());
    assert_eq!(again.workspace.set_aside, r.workspace.set_aside);
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
    assert!(w.rename("   ").is_err());
    assert_eq!(
        w.rename("Adviser's plan").unwrap_err().to_string(),
        "another plan is already called \u{201c}Adviser's plan\u{201d}; choose another name"
    );
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
            // Names as the planner keeps them: cleaned, and each its own.
            let mut names: Vec<String> = names
                .iter()
                .filter_map(|n| qualplan::limits::clean_name(n).ok())
                .collect();
            names.sort_unstable();
            names.dedup();
            if names.is_empty() {
                names.push("Plan".into());
            }
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
            Workspace::from_plans(plans, current)
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
        let mut names: Vec<&String> = r.workspace.plans.iter().chain(&r.workspace.set_aside).map(|p| &p.name).collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        prop_assert_eq!(names.len(), all, "every plan has its own name");
        if r.problems.is_empty() && r.notes.is_empty() {
            prop_assert!(r.unreadable.is_none());
        }
        if !r.problems.is_empty() {
            prop_assert_eq!(r.unreadable.as_deref(), Some(text.as_str()), "{:?}", r.problems);
        }
    }
}

#[test]
fn another_tabs_plans_are_taken_but_this_tab_stays_on_its_open_plan() {
    let mut here = sample();
    here.switch(0);
    let open = here.plan().name.clone();
    let mut theirs = sample();
    theirs.switch(1);
    theirs.add_unit("R/601/1209");
    assert_eq!(here.adopt(theirs.clone()), Adopted::Stayed);
    assert_eq!(here.plan().name, open, "still on the plan open here");
    assert_eq!(here.plans, theirs.plans, "with the other tab's plans");
    // Renamed in the other tab: still the same plan, at the same place.
    let mut renamed = here.clone();
    renamed.rename("Learner 1").unwrap();
    here.switch(0);
    assert_eq!(here.adopt(renamed), Adopted::Stayed);
    assert_eq!(here.plan().name, "Learner 1");
}

#[test]
fn a_tab_whose_open_plan_was_deleted_elsewhere_is_told_which_plan_it_now_shows() {
    let c = embedded();
    let mut one = Workspace::new(c);
    one.new_plan();
    one.new_plan();
    one.switch(1);
    let mut fewer = one.clone();
    fewer.delete();
    assert_eq!(
        one.adopt(fewer),
        Adopted::OpenPlanGone {
            name: "Plan".into(),
            now: "Plan 2".into()
        }
    );
    assert_eq!(one.plans.len(), 2);
    assert_eq!(one.plan().name, "Plan 2");
}

#[test]
fn plans_on_a_removed_qualification_are_set_aside_and_come_back() {
    let c = embedded();
    let mut w = sample();
    w.plans.push(Plan::new("gone", "no-longer-here"));
    w.current = 2;
    assert_eq!(w.set_aside_unknown(c), 1);
    assert_eq!(w.plans.len(), 2);
    assert_eq!(w.current, 1);
    assert_eq!(w.set_aside[0].name, "gone");
    let mut only = Workspace::from_plans(vec![Plan::new("gone", "no-longer-here")], 0);
    assert_eq!(only.set_aside_unknown(c), 1);
    assert_eq!(
        only.plans,
        Workspace::new(c).plans,
        "never left without a plan"
    );
    assert_eq!(only.set_aside.len(), 1);
    // A name in use by a plan set aside is not given out again.
    only.plans[0].name = "other".into();
    assert_eq!(only.unused_name("gone"), "gone 2");
    // The qualification comes back (here: its plan is moved to one this catalogue holds).
    only.set_aside[0].qualification = "cg-4411-30".into();
    assert_eq!(only.restore_set_aside(c), vec!["gone"]);
    assert!(only.set_aside.is_empty());
    assert_eq!(only.plans.len(), 2);
}

#[test]
fn importing_thousands_of_plans_of_one_name_names_each_once_in_linear_work() {
    let c = embedded();
    let mut w = Workspace::new(c);
    let plans: Vec<Plan> = (0..20_000)
        .map(|_| Plan::new("Same", "cg-4411-30"))
        .collect();
    w.add_plans(plans);
    assert_eq!(w.plans.len(), 20_001);
    assert_eq!(w.plans[1].name, "Same");
    assert_eq!(w.plans[20_000].name, "Same 20000");
}

#[test]
fn names_in_an_old_save_are_made_unique_and_cleaned_with_a_note_and_the_save_kept_as_it_was() {
    let text = r#"{"version":2,"current":1,"plans":[
        {"name":"Anna","qualification":"cg-4411-30","units":[]},
        {"name":"Anna","qualification":"cg-4411-30","units":[]},
        {"name":"\u202e\u200b","qualification":"cg-4411-30","units":[]}
    ]}"#;
    let r = decode(text, embedded());
    let names: Vec<&str> = r.workspace.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna", "Anna 2", "Plan 3"]);
    assert_eq!(r.workspace.current, 1);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.notes.len(), 2, "{:?}", r.notes);
    assert_eq!(
        r.unreadable.as_deref(),
        Some(text),
        "the names as written are kept"
    );
}

#[test]
fn a_unit_listed_twice_is_listed_once_with_a_note_and_the_save_kept_as_it_was() {
    let text = r#"{"version":2,"current":0,"plans":[
        {"name":"Anna","qualification":"cg-4411-30","units":["002","001","002"]}
    ]}"#;
    let r = decode(text, embedded());
    assert_eq!(r.workspace.plans[0].units, ["002", "001"]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        r.notes,
        ["Plan \u{201c}Anna\u{201d} listed a unit more than once; each unit is now listed once."]
    );
    assert_eq!(r.unreadable.as_deref(), Some(text));
}

#[test]
fn a_save_read_without_change_keeps_no_copy() {
    let text = r#"{"version":2,"current":0,"plans":[
        {"name":"Anna","qualification":"cg-4411-30","units":["002","001"]},
        {"name":"Old","qualification":"withdrawn","units":["X1"]}
    ]}"#;
    let r = decode(text, embedded());
    assert_eq!(
        r.notes.len(),
        1,
        "the plan set aside is told: {:?}",
        r.notes
    );
    assert_eq!(
        r.unreadable, None,
        "a plan set aside is still saved, so no copy is needed"
    );
}

#[test]
fn a_save_listing_a_hundred_thousand_unknown_units_is_reported_in_a_short_message() {
    let units: Vec<String> = (0..100_000).map(|i| format!("\"X{i}\"")).collect();
    let text = format!(
        r#"{{"version":2,"current":0,"plans":[{{"name":"big","qualification":"cg-4411-30","units":[{}]}}]}}"#,
        units.join(",")
    );
    let r = decode(&text, embedded());
    assert_eq!(r.problems.len(), 1);
    assert!(r.problems[0].len() < 300, "{}", r.problems[0]);
    assert!(
        r.problems[0].contains("and 99,995 more"),
        "{}",
        r.problems[0]
    );
    assert_eq!(r.unreadable.as_deref(), Some(text.as_str()));
}

#[test]
fn another_tabs_save_this_tab_cannot_read_leaves_this_tabs_plans_as_they_are() {
    use qualplan::plan::saved::{take_other_tab, OtherTab};
    let c = embedded();
    let mut here = sample();
    let before = here.clone();
    for theirs in [
        r#"{"version":3,"current":0,"plans":[],"people":[]}"#.to_string(),
        "{\"version\":2,\"plans\":[{\"name\":".to_string(),
        encode(&before).replace("\"002\"", "\"999\""),
    ] {
        match take_other_tab(&mut here, &[], &before, &theirs, c) {
            OtherTab::Refused { problems } => assert!(!problems.is_empty()),
            taken => panic!("{theirs}: {taken:?}"),
        }
        assert_eq!(here, before, "{theirs}");
    }
    // A readable save is taken, and plans on a qualification this tab lacks come along aside.
    let mut theirs = before.clone();
    theirs.set_aside.push(Plan::new("On my file", "gen-0000"));
    theirs.add_unit("L/601/1614");
    match take_other_tab(&mut here, &[], &before, &encode(&theirs), c) {
        OtherTab::Taken { adopted, notes, .. } => {
            assert_eq!(adopted, Adopted::Stayed);
            assert_eq!(notes.len(), 1, "{notes:?}");
        }
        refused => panic!("{refused:?}"),
    }
    assert_eq!(here.set_aside, theirs.set_aside);
    assert_eq!(here.plans, theirs.plans);
    // Written back, the plan aside is still there for the tab that holds its catalogue file.
    assert!(encode(&here).contains("On my file"));
}

#[test]
fn two_tabs_changing_the_store_at_once_lose_neither_change() {
    let base = sample();
    // This tab adds a unit to its plan, renames nothing, and makes a new plan.
    let mut mine = base.clone();
    mine.switch(0);
    mine.add_unit("010");
    mine.new_plan();
    // The other tab, from the same base, adds a unit to the same plan and removes one.
    let mut theirs = base.clone();
    theirs.switch(0);
    theirs.add_unit("005");
    theirs.remove_unit("001");
    theirs.switch(1);
    theirs.add_unit("L/601/1614");
    let adopted = mine.merge(&base, theirs);
    assert_eq!(adopted, Adopted::Stayed);
    assert_eq!(
        mine.plans[0].units,
        vec!["002", "005", "010"],
        "both tabs' changes"
    );
    assert_eq!(mine.plans[1].units, vec!["F/601/1609", "L/601/1614"]);
    assert_eq!(mine.plans.len(), 3, "the new plan too");
    assert_eq!(mine.plan().name, "Plan", "still on the plan open here");
    // With no change of its own since the base, a tab simply takes the other's save.
    let mut idle = base.clone();
    let mut other = base.clone();
    other.delete();
    idle.merge(&base, other.clone());
    assert_eq!(idle.plans, other.plans);
}

#[test]
fn another_tabs_save_is_merged_against_the_write_it_was_made_from() {
    use qualplan::plan::saved::{encode_revision, take_other_tab, OtherTab, Revision};
    let c = embedded();
    let start = sample();
    // This tab wrote A1 (a unit added) from `start`; the other tab took A1 and wrote B2 from it,
    // removing that unit again. Merged against A1, the removal stands (against `start`, the
    // unit would come back).
    let mut a1 = start.clone();
    a1.switch(0);
    a1.add_unit("010");
    let mut b2 = a1.clone();
    b2.remove_unit("010");
    let text = encode_revision(
        &b2,
        Revision {
            rev: Some("b:2".into()),
            base: Some("a:1".into()),
        },
    );
    let history = vec![("a:1".to_string(), a1.clone())];
    let mut here = a1.clone();
    match take_other_tab(&mut here, &history, &start, &text, c) {
        OtherTab::Taken { revision, .. } => assert_eq!(revision.rev.as_deref(), Some("b:2")),
        refused => panic!("{refused:?}"),
    }
    assert_eq!(here.plans, b2.plans);
    // Two writes from the same base at once: each keeps the other's change.
    let mut other = start.clone();
    other.switch(1);
    other.add_unit("L/601/1614");
    let text = encode_revision(
        &other,
        Revision {
            rev: Some("b:1".into()),
            base: Some("o".into()),
        },
    );
    let history = vec![
        ("o".to_string(), start.clone()),
        ("a:1".to_string(), a1.clone()),
    ];
    let mut here = a1.clone();
    take_other_tab(&mut here, &history, &a1, &text, c);
    assert_eq!(here.plans[0].units, a1.plans[0].units);
    assert_eq!(here.plans[1].units, other.plans[1].units);
}

#[test]
fn a_save_marked_with_its_revision_reads_back_the_same_plans() {
    use qualplan::plan::saved::{encode_revision, Revision};
    let w = sample();
    let revision = Revision {
        rev: Some("t:3".into()),
        base: Some("t:2".into()),
    };
    let r = decode(&encode_revision(&w, revision.clone()), embedded());
    assert_eq!(r.workspace, w);
    assert_eq!(r.revision, revision);
    assert!(r.problems.is_empty());
}

#[test]
fn a_planned_unit_moves_to_another_place_by_one_step_or_by_a_drop() {
    let c = embedded();
    let mut w = Workspace::new(c);
    w.set_qualification(c, "cg-4411-30");
    for u in ["002", "001", "010", "005"] {
        w.add_unit(u);
    }
    assert!(w.move_unit_to("005", 0));
    assert_eq!(w.plan().units, vec!["005", "002", "001", "010"]);
    assert!(w.move_unit_to("005", 3));
    assert_eq!(w.plan().units, vec!["002", "001", "010", "005"]);
    assert!(!w.move_unit_to("005", 3), "already there");
    assert!(!w.move_unit_to("005", 4), "past the end");
    assert!(!w.move_unit_to("999", 0), "not planned");
}

#[test]
fn a_deleted_plan_comes_back_with_undo_and_the_last_plan_is_emptied_not_removed() {
    let c = embedded();
    let mut w = sample();
    w.switch(0);
    let before = w.clone();
    let deleted = w.delete();
    assert_eq!(w.plans.len(), 1);
    assert!(!deleted.emptied);
    w.undo_delete(deleted);
    assert_eq!(w, before);
    // The only plan: emptied, and undo gives its units back.
    let mut one = Workspace::new(c);
    one.add_unit("CU791");
    let was = one.clone();
    let emptied = one.delete();
    assert!(emptied.emptied);
    assert!(one.plan().units.is_empty());
    one.undo_delete(emptied);
    assert_eq!(one, was);
}
