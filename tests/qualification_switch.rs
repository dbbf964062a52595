//! Switching the open plan's qualification loses nothing for good: a run of switches comes back
//! to where it began with every unit, its record and the readings.
#![cfg(not(target_arch = "wasm32"))]

use qualplan::catalogue::embedded;
use qualplan::plan::{StatusChoice, Switched, Workspace};
use qualplan::present::switched_words;

const EDI: &str = "edi-l2-nvq-customer-service";
const HIGHFIELD: &str = "highfield-l2-nvq-customer-service";

fn edi_plan() -> Workspace {
    let c = embedded();
    let mut w = Workspace::new(c);
    w.switch_qualification(c, EDI, None);
    for code in ["CU791", "CU792", "CU795"] {
        w.add_unit(code);
    }
    w.set_status("CU791", StatusChoice::Achieved, "").unwrap();
    w.set_reading("optional-credits", Some("exactly-20"));
    w
}

#[test]
fn arrowing_away_and_back_puts_the_plan_back_as_it_was() {
    let c = embedded();
    let mut w = edi_plan();
    let start = w.plan().clone();
    // Down the list: Highfield, then City & Guilds 4411-30, each a step of one run.
    let (s, run) = w.switch_qualification(c, HIGHFIELD, None);
    assert_eq!(
        s,
        Switched::Removed {
            units: vec!["CU791".into(), "CU792".into(), "CU795".into()],
            from: EDI.into()
        }
    );
    assert!(w.plan().units.is_empty() && w.plan().record.is_empty());
    let (s, run) = w.switch_qualification(c, "cg-4411-30", run);
    assert!(
        matches!(&s, Switched::Removed { from, .. } if from == EDI),
        "{s:?}"
    );
    // And back up: the plan is whole again, record and reading included.
    let (s, run) = w.switch_qualification(c, EDI, run);
    assert_eq!(
        s,
        Switched::PutBack {
            units: vec!["CU791".into(), "CU792".into(), "CU795".into()]
        }
    );
    assert_eq!(*w.plan(), start);
    assert!(run.is_none());
}

#[test]
fn a_change_between_switches_begins_a_new_run() {
    let c = embedded();
    let mut w = edi_plan();
    let (_, run) = w.switch_qualification(c, HIGHFIELD, None);
    w.add_unit("F/601/1609");
    let (s, _) = w.switch_qualification(c, EDI, run);
    // The Highfield plan is what this run began from; the EDI units were not kept past the change.
    assert_eq!(
        s,
        Switched::Removed {
            units: vec!["F/601/1609".into()],
            from: HIGHFIELD.into()
        }
    );
    assert!(w.plan().units.is_empty());
}

#[test]
fn the_same_or_an_unknown_qualification_changes_nothing() {
    let c = embedded();
    let mut w = edi_plan();
    let start = w.plan().clone();
    assert_eq!(w.switch_qualification(c, EDI, None), (Switched::Kept, None));
    assert_eq!(
        w.switch_qualification(c, "no-such-qualification", None),
        (Switched::Kept, None)
    );
    assert_eq!(*w.plan(), start);
}

#[test]
fn the_person_is_told_what_came_out_and_how_to_put_it_back() {
    let c = embedded();
    let mut w = edi_plan();
    let (s, run) = w.switch_qualification(c, HIGHFIELD, None);
    let words = switched_words(c, HIGHFIELD, &s).unwrap();
    assert!(
        words.starts_with("Removed from the plan because Highfield"),
        "{words}"
    );
    assert!(words.contains("does not offer them: CU791, CU792, CU795. They are kept until the plan changes: choose EDI Level 2 NVQ Certificate in Customer Service"), "{words}");
    assert!(words.ends_with("again to put them back."), "{words}");
    let (s, _) = w.switch_qualification(c, EDI, run);
    let words = switched_words(c, EDI, &s).unwrap();
    assert!(
        words.starts_with(
            "Put back CU791, CU792, CU795 on EDI Level 2 NVQ Certificate in Customer Service"
        ),
        "{words}"
    );
    assert_eq!(switched_words(c, EDI, &Switched::Kept), None);
}
