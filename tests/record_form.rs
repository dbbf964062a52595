//! A learner's record as plans keep it: the saved form's version 3 (and the migration from
//! version 2), links and plans files carrying it, bad records refused or set aside in words,
//! and two tabs' records merged.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::embedded;
use qualplan::plan::saved::{decode, encode, VERSION};
use qualplan::plan::{
    check_record, exchange, share, Date, Held, Plan, RecordEditError, StatusChoice, StudyRate,
    UnitRecord, UnitStatus, Workspace,
};
use qualplan::rules::Readings;

#[path = "common/damage.rs"]
mod damage;

const HIGHFIELD: &str = "highfield-l2-nvq-customer-service";

fn achieved_as(held_as: &str) -> UnitRecord {
    UnitRecord {
        held_as: Some(held_as.into()),
        ..UnitRecord::new(Held::Achieved)
    }
}

/// A Highfield plan of three units: one achieved as EDI's CU793, one exempt, one in progress.
fn adviser_plan() -> Plan {
    let mut p = Plan::new("Anna", HIGHFIELD);
    p.units = vec![
        "R/601/1209".into(),
        "F/601/1609".into(),
        "L/601/1614".into(),
        "A/601/1222".into(),
    ];
    p.record
        .insert("R/601/1209".into(), achieved_as("001:CU793"));
    p.record.insert(
        "F/601/1609".into(),
        UnitRecord {
            on: Some("2024-03-01".into()),
            evidence: Some("certificate: seen".into()),
            exemption: Some("prior learning, 2019".into()),
            ..UnitRecord::new(Held::Achieved)
        },
    );
    p.record
        .insert("L/601/1614".into(), UnitRecord::new(Held::InProgress));
    p.study = Some(StudyRate {
        hours_a_week: 6,
        from: "2026-12-07".into(),
    });
    p
}

#[test]
fn a_version_two_save_opens_with_every_unit_planned_and_nothing_lost() {
    // The form version 2 wrote, word for word.
    let v2 = r#"{"version":2,"current":1,"plans":[{"name":"My plan","qualification":"cg-4411-30","units":["002","001"],"readings":{"entry3-credits":"inclusive"}},{"name":"Adviser's plan","qualification":"highfield-l2-nvq-customer-service","units":["F/601/1609"],"readings":{}}]}"#;
    let r = decode(v2, embedded());
    assert!(r.problems.is_empty() && r.notes.is_empty(), "{r:?}");
    assert_eq!(r.unreadable, None, "nothing to keep: nothing was lost");
    let w = &r.workspace;
    assert_eq!(w.plans.len(), 2);
    assert_eq!(w.current, 1);
    assert_eq!(w.plans[0].units, vec!["002", "001"]);
    assert_eq!(
        w.plans[0]
            .readings
            .get("entry3-credits")
            .map(String::as_str),
        Some("inclusive")
    );
    for p in &w.plans {
        assert!(p.record.is_empty() && p.study.is_none());
        let (_, record) = p.record(embedded()).unwrap();
        assert!(record
            .entries()
            .iter()
            .all(|e| e.status == UnitStatus::Planned));
        assert_eq!(record.units().len(), p.units.len());
    }
    // Saved again, it is version 3, and reads back the same.
    let v3 = encode(w);
    assert!(v3.starts_with(&format!("{{\"version\":{VERSION},")));
    assert_eq!(VERSION, 3);
    assert_eq!(decode(&v3, embedded()).workspace, *w);
    // A plan with no record writes no record: the version 2 plans' text is unchanged.
    assert!(!v3.contains("record") && !v3.contains("study"));
}

#[test]
fn a_record_round_trips_through_a_save_a_link_and_a_plans_file() {
    let c = embedded();
    let plan = adviser_plan();
    let w = Workspace::from_plans(vec![plan.clone()], 0);
    let r = decode(&encode(&w), c);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.workspace, w);
    let link = share::encode(&plan);
    assert!(
        link.contains("&h=") && link.contains("&w=6:2026-12-07"),
        "{link}"
    );
    assert_eq!(share::decode(&link, c).unwrap(), plan);
    let file = exchange::export(std::slice::from_ref(&plan));
    assert!(file.contains("\"version\": 3"));
    assert_eq!(exchange::import(&file, c).unwrap(), vec![plan.clone()]);
    // The record is the learner's: achieved as another document's unit, exempt, in progress.
    let (q, record) = plan.record(c).unwrap();
    let rc = check_record(c, q, &record, &Readings::new());
    assert_eq!(rc.totals.achieved.units, 2);
    assert_eq!(rc.totals.in_progress.units, 1);
    assert_eq!(rc.totals.to_do.units, 1);
    let r1209 = &record.entries()[0];
    assert_eq!(c.unit(r1209.source.unwrap().unit).unit.code, "CU793");
    let exempt = record.entries()[1].achievement.as_ref().unwrap();
    assert_eq!(exempt.exemption.as_deref(), Some("prior learning, 2019"));
    assert_eq!(exempt.on.unwrap().to_string(), "2024-03-01");
}

#[test]
fn an_old_link_and_a_version_two_file_still_open() {
    let c = embedded();
    let plan = share::decode("#q=cg-4411-30&u=002,001&n=Old", c).unwrap();
    assert_eq!(plan.units, vec!["002", "001"]);
    assert!(plan.record.is_empty() && plan.study.is_none());
    let file = r#"{"format":"qualplan plans","version":2,"plans":[{"name":"Old","qualification":"cg-4411-30","units":["002"],"readings":{}}]}"#;
    let plans = exchange::import(file, c).unwrap();
    assert_eq!(plans[0].units, vec!["002"]);
    let newer = file.replace("\"version\":2", "\"version\":4");
    assert_eq!(
        exchange::import(&newer, c).unwrap_err().to_string(),
        "The file is version 4, expected version 2 or 3."
    );
}

#[test]
fn a_bad_record_in_a_link_or_file_is_refused_naming_the_unit_and_what_was_expected() {
    let c = embedded();
    let base = "#q=highfield-l2-nvq-customer-service&u=F/601/1609,L/601/1614&n=A";
    let cases = [
        ("&h=F/601/1609:x", "the unit record F/601/1609:x is not CODE:p (in progress) or CODE:a (achieved)"),
        ("&h=F/601/1609:a:2024-13-01", "the link's record of unit F/601/1609: 2024-13-01 is not a date: there is no month 13"),
        ("&h=F/601/1609:p:2024-03-01", "the link's record of unit F/601/1609 gives a date, evidence or an exemption, which only an achieved unit has"),
        ("&h=A/601/1222:a", "the link's record of unit A/601/1222 is for a unit the plan does not list"),
        ("&h=F/601/1609:a::CU999", "the link's record of unit F/601/1609 says it was achieved as CU999, which is not a unit of the catalogue (expected DOCUMENT:CODE)"),
        ("&h=F/601/1609:a::001%3ACU793", "the link's record of unit F/601/1609 says it was achieved as 001:CU793, which counts as R/601/1209 instead"),
        ("&h=F/601/1609:a::003%3A002", "the link's record of unit F/601/1609 says it was achieved as 003:002, which counts as none of this qualification's instead"),
        ("&w=0:2026-12-07", "the link's study rate of 0 hours a week: give 1 to 168 hours"),
        ("&w=6:2026-02-30", "the link's study start: 2026-02-30 is not a date: that month has 28 days, so no day 30"),
        ("&w=six:2026-12-07", "the study rate six:2026-12-07 is not HOURS:YYYY-MM-DD"),
        ("&h=F/601/1609:a:::::extra", "the unit record F/601/1609:a:::::extra is not CODE:p"),
    ];
    for (part, expected) in cases {
        let err = share::decode(&format!("{base}{part}"), c)
            .unwrap_err()
            .to_string()
            .replace('"', "");
        assert!(err.contains(expected), "{part}: {err}");
    }
    let mut plan = adviser_plan();
    plan.record.get_mut("L/601/1614").unwrap().exemption = Some("\u{202E}".into());
    let err = exchange::import(&exchange::export(&[plan]), c)
        .unwrap_err()
        .to_string()
        .replace('"', "");
    assert!(
        err.starts_with("Plan 1 (\u{201c}Anna\u{201d}): record of unit L/601/1614"),
        "{err}"
    );
}

#[test]
fn a_save_with_a_record_that_cannot_be_used_keeps_the_plan_shows_the_unit_planned_and_keeps_the_text(
) {
    let c = embedded();
    let mut plan = adviser_plan();
    plan.record.get_mut("F/601/1609").unwrap().on = Some("2024-02-30".into());
    plan.study.as_mut().unwrap().hours_a_week = 500;
    let text = encode(&Workspace::from_plans(vec![plan.clone()], 0));
    let r = decode(&text, c);
    assert_eq!(r.unreadable.as_deref(), Some(text.as_str()), "kept whole");
    assert_eq!(
        r.problems,
        vec![
            "Plan \u{201c}Anna\u{201d}: the study rate of 500 hours a week: give 1 to 168 hours; it was taken out.",
            "Plan \u{201c}Anna\u{201d}: the record of unit \"F/601/1609\": \"2024-02-30\" is not a date: that month has 29 days, so no day 30; it was taken out and the unit shows as planned.",
        ]
    );
    let kept = &r.workspace.plans[0];
    assert_eq!(kept.units, plan.units, "every unit kept");
    assert_eq!(kept.record.len(), 2, "the other records kept");
    assert!(kept.study.is_none());
}

#[test]
fn removing_a_unit_or_changing_qualification_takes_its_record_with_it() {
    let c = embedded();
    let mut w = Workspace::from_plans(vec![adviser_plan()], 0);
    assert!(w.remove_unit("L/601/1614"));
    assert!(!w.plan().record.contains_key("L/601/1614"));
    assert!(!w.set_unit_record("L/601/1614", Some(UnitRecord::new(Held::Achieved))));
    assert!(w.set_unit_record("A/601/1222", Some(UnitRecord::new(Held::InProgress))));
    assert!(w.set_unit_record("R/601/1209", None));
    assert_eq!(
        w.plan().record.keys().collect::<Vec<_>>(),
        vec!["F/601/1609", "A/601/1222"]
    );
    w.set_qualification(c, "cg-4411-30");
    assert!(w.plan().record.is_empty() && w.plan().units.is_empty());
}

#[test]
fn two_tabs_recording_different_units_keep_both_records() {
    let base = Workspace::from_plans(vec![adviser_plan()], 0);
    let mut mine = base.clone();
    mine.set_unit_record("A/601/1222", Some(UnitRecord::new(Held::Achieved)));
    mine.set_unit_record("L/601/1614", None);
    let mut theirs = base.clone();
    theirs.set_unit_record("F/601/1609", Some(UnitRecord::new(Held::InProgress)));
    theirs.set_study(None);
    mine.merge(&base, theirs);
    let r = &mine.plan().record;
    assert_eq!(r["A/601/1222"].status, Held::Achieved, "mine");
    assert!(!r.contains_key("L/601/1614"), "mine, taken out");
    assert_eq!(r["F/601/1609"].status, Held::InProgress, "theirs");
    assert!(mine.plan().study.is_none(), "theirs");
}

fn record_strategy() -> impl Strategy<Value = Plan> {
    let units: Vec<String> = {
        let c = embedded();
        let q = c.qualification(HIGHFIELD).unwrap();
        q.units
            .iter()
            .map(|u| c.unit(*u).unit.code.clone())
            .collect()
    };
    (
        proptest::collection::vec((0usize..49, 0u8..4), 0..10),
        proptest::option::of((1u32..=168, 2020u32..2030, 1u32..=12, 1u32..=28)),
        "[^\u{0}]{0,12}",
    )
        .prop_map(move |(picks, study, note)| {
            let mut p = Plan::new("Anna", HIGHFIELD);
            for (i, status) in picks {
                let code = units[i % units.len()].clone();
                if p.units.contains(&code) {
                    continue;
                }
                p.units.push(code.clone());
                let r = match status {
                    0 => continue,
                    1 => UnitRecord::new(Held::InProgress),
                    2 => UnitRecord {
                        on: Some("2025-06-30".into()),
                        evidence: qualplan::limits::clean_note(&note).ok(),
                        ..UnitRecord::new(Held::Achieved)
                    },
                    _ => UnitRecord {
                        exemption: Some("prior learning".into()),
                        ..UnitRecord::new(Held::Achieved)
                    },
                };
                p.record.insert(code, r);
            }
            p.study = study.map(|(h, y, m, d)| StudyRate {
                hours_a_week: h,
                from: format!("{y}-{m:02}-{d:02}"),
            });
            p
        })
}

proptest! {
    #[test]
    fn any_record_round_trips_through_a_save_a_link_and_a_file(plan in record_strategy()) {
        let c = embedded();
        let w = Workspace::from_plans(vec![plan.clone()], 0);
        let r = decode(&encode(&w), c);
        prop_assert!(r.problems.is_empty(), "{:?}", r.problems);
        prop_assert_eq!(r.workspace, w);
        prop_assert_eq!(share::decode(&share::encode(&plan), c).unwrap(), plan.clone());
        prop_assert_eq!(exchange::import(&exchange::export(std::slice::from_ref(&plan)), c).unwrap(), vec![plan]);
    }

    #[test]
    fn a_damaged_link_with_a_record_is_refused_or_gives_a_plan_whose_record_can_be_used(
        plan in record_strategy(), cut in 0usize..400, byte in any::<u8>()
    ) {
        let c = embedded();
        let mut link = share::encode(&plan).into_bytes();
        if !link.is_empty() {
            let at = cut % link.len();
            link[at] = byte;
        }
        let link = String::from_utf8_lossy(&link);
        if let Ok(p) = share::decode(&link, c) {
            prop_assert!(qualplan::plan::check_record_form(&p, c).is_ok());
        }
    }
}

/// A plan carrying a record: one of `record_strategy`'s, or the adviser's, which also holds a
/// unit achieved under another document's code.
fn any_record_plan() -> impl Strategy<Value = Plan> {
    prop_oneof![record_strategy(), Just(adviser_plan())]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Whatever the damage to a save carrying a record, the plans open with records that can be
    /// used, and any damage met is reported with the saved text kept whole.
    #[test]
    fn a_damaged_save_with_a_record_opens_with_records_that_can_be_used_and_keeps_the_text(
        text in any_record_plan()
            .prop_flat_map(|p| damage::damaged(encode(&Workspace::from_plans(vec![p], 0))))
    ) {
        let c = embedded();
        let r = decode(&text, c);
        prop_assert!(!r.workspace.plans.is_empty());
        for p in &r.workspace.plans {
            prop_assert!(qualplan::plan::check_record_form(p, c).is_ok(), "{:?}", p);
        }
        if !r.problems.is_empty() {
            prop_assert_eq!(r.unreadable.as_deref(), Some(text.as_str()), "{:?}", r.problems);
        }
    }

    /// A damaged link or plans file carrying a record is refused in words, or gives plans whose
    /// records can be used.
    #[test]
    fn a_damaged_link_or_plans_file_with_a_record_is_refused_or_gives_records_that_can_be_used(
        (link, file) in any_record_plan().prop_flat_map(|p| (
            damage::damaged(share::encode(&p)),
            damage::damaged(exchange::export(std::slice::from_ref(&p))),
        ))
    ) {
        let c = embedded();
        match share::decode(&format!("#{link}"), c) {
            Ok(p) => prop_assert!(qualplan::plan::check_record_form(&p, c).is_ok(), "{:?}", p),
            Err(e) => {
                // Refused in words that name the part of the link that is wrong ("the study
                // rate …", "the unit record …", "the link's …").
                let e = e.to_string();
                prop_assert!(e.starts_with("the ") || e.starts_with("broken escape"), "{}", e);
            }
        }
        match exchange::import(&file, c) {
            Ok(plans) => {
                for p in &plans {
                    prop_assert!(qualplan::plan::check_record_form(p, c).is_ok(), "{:?}", p);
                }
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(e.starts_with("The file") || e.starts_with("Plan "), "{}", e);
            }
        }
    }
}

#[test]
fn a_unit_achieved_elsewhere_is_recorded_by_its_code_once_and_named_by_its_source() {
    let c = embedded();
    let mut w = Workspace::from_plans(vec![Plan::new("Anna", HIGHFIELD)], 0);
    let r = w.record_achieved(c, " CU793 ").unwrap();
    assert_eq!((r.code.as_str(), r.added), ("R/601/1209", true));
    assert_eq!(w.plan().units, vec!["R/601/1209"]);
    assert_eq!(
        w.plan().record["R/601/1209"],
        UnitRecord {
            unit: "R/601/1209".into(),
            ..achieved_as("001:CU793")
        }
    );
    // Typed again, under its own code: still one unit, still achieved, the source kept.
    let again = w.record_achieved(c, "R/601/1209").unwrap();
    assert!(!again.added);
    assert_eq!(w.plan().units.len(), 1);
    assert_eq!(
        w.plan().record["R/601/1209"],
        UnitRecord {
            unit: "R/601/1209".into(),
            ..achieved_as("001:CU793")
        }
    );
    // A planned unit recorded by its UAN-linked code becomes achieved in place.
    w.add_unit("F/601/1609");
    w.record_achieved(c, "CU791").unwrap();
    assert_eq!(w.plan().units, vec!["R/601/1209", "F/601/1609"]);
    assert_eq!(w.plan().record["F/601/1609"].status, Held::Achieved);
    // A code no document prints, and one that counts towards nothing here, change nothing.
    let before = w.clone();
    let unknown = w.record_achieved(c, "CU999").unwrap_err().to_string();
    assert!(
        unknown.starts_with(
            "No awarding body\u{2019}s document in the catalogue prints a unit \"CU999\""
        ),
        "{unknown}"
    );
    let elsewhere = w.record_achieved(c, "cg-4411-30:002");
    assert!(elsewhere.is_err(), "{elsewhere:?}");
    assert_eq!(w, before);
}

#[test]
fn a_status_is_set_and_an_exemption_needs_its_reason() {
    let mut w = Workspace::from_plans(vec![adviser_plan()], 0);
    let code = "A/601/1222";
    assert_eq!(
        StatusChoice::of(w.plan().record.get(code)),
        StatusChoice::Planned
    );
    let refused = w
        .set_status(code, StatusChoice::Exempt, "  \u{200B} ")
        .unwrap_err();
    assert!(matches!(refused, RecordEditError::Reason(_)));
    assert!(refused
        .to_string()
        .starts_with("Give the reason for the exemption"));
    assert!(!w.plan().record.contains_key(code), "nothing changed");
    w.set_status(code, StatusChoice::Exempt, "Prior learning")
        .unwrap();
    assert_eq!(
        StatusChoice::of(w.plan().record.get(code)),
        StatusChoice::Exempt
    );
    let today = Date::parse("2026-12-04").unwrap();
    w.set_achieved_on(code, "2025-07-01", today).unwrap();
    w.set_evidence(code, "Certificate seen").unwrap();
    // Achieved, not exempt: the date and evidence stay, the reason goes.
    w.set_status(code, StatusChoice::Achieved, "").unwrap();
    let r = &w.plan().record[code];
    assert_eq!(
        (
            r.on.as_deref(),
            r.evidence.as_deref(),
            r.exemption.as_deref()
        ),
        (Some("2025-07-01"), Some("Certificate seen"), None)
    );
    // In progress drops what only an achieved unit has, and keeps where it is studied.
    w.set_status("R/601/1209", StatusChoice::InProgress, "")
        .unwrap();
    assert_eq!(
        w.plan().record["R/601/1209"],
        UnitRecord {
            unit: "R/601/1209".into(),
            held_as: Some("001:CU793".into()),
            ..UnitRecord::new(Held::InProgress)
        }
    );
    assert!(matches!(
        w.set_achieved_on("R/601/1209", "2025-07-01", today),
        Err(RecordEditError::NotAchieved(_))
    ));
    assert!(matches!(
        w.set_achieved_on(code, "2025-02-29", today),
        Err(RecordEditError::Date(..))
    ));
    // Achieved today is taken; tomorrow is refused in words, the date kept as it was.
    w.set_achieved_on(code, "2026-12-04", today).unwrap();
    let tomorrow = w.set_achieved_on(code, "2026-12-05", today).unwrap_err();
    assert_eq!(
        tomorrow.to_string(),
        "The date: 2026-12-05 is after today (2026-12-04); give the day the unit was achieved, today or earlier"
    );
    assert_eq!(w.plan().record[code].on.as_deref(), Some("2026-12-04"));
    w.set_achieved_on(code, "", today).unwrap();
    assert_eq!(w.plan().record[code].on, None);
    w.set_status(code, StatusChoice::Planned, "").unwrap();
    assert!(!w.plan().record.contains_key(code));
    assert!(matches!(
        w.set_status("X", StatusChoice::Achieved, ""),
        Err(RecordEditError::NotPlanned(_))
    ));
    // Every change kept is one a save, a link and a file accept.
    assert!(qualplan::plan::check_record_form(w.plan(), embedded()).is_ok());
}

#[test]
fn a_study_rate_is_whole_hours_from_1_to_168_a_week_from_a_day() {
    let mut w = Workspace::from_plans(vec![Plan::new("Anna", HIGHFIELD)], 0);
    w.set_study_rate(" 6 ", "2026-12-07").unwrap();
    assert_eq!(
        w.plan().study,
        Some(StudyRate {
            hours_a_week: 6,
            from: "2026-12-07".into()
        })
    );
    w.set_study_rate("168", "2026-12-07").unwrap();
    w.set_study_rate("1", "2026-12-07").unwrap();
    for (hours, from, expected) in [
        (
            "0",
            "2026-12-07",
            "The study rate of 0 hours a week: give 1 to 168 hours",
        ),
        (
            "169",
            "2026-12-07",
            "The study rate of 169 hours a week: give 1 to 168 hours",
        ),
        (
            "six",
            "2026-12-07",
            "The hours a week: \"six\" is not a whole number of hours; give 1 to 168",
        ),
        (
            "6",
            "7/12/2026",
            "The study start: \"7/12/2026\" is not a date written YYYY-MM-DD (such as 2024-03-01)",
        ),
    ] {
        let e = w.set_study_rate(hours, from).unwrap_err().to_string();
        assert_eq!(e, expected);
    }
    assert_eq!(
        w.plan().study.as_ref().unwrap().hours_a_week,
        1,
        "a refused rate changes nothing"
    );
}

#[test]
fn a_save_whose_record_is_damaged_keeps_the_plan_with_its_units_planned_and_the_text() {
    let c = embedded();
    let text = r#"{"version":3,"current":0,"plans":[{"name":"Anna","qualification":"highfield-l2-nvq-customer-service","units":["F/601/1609"],"readings":{},"record":[{"unit":"F/601/1609","status":"done"}],"study":{"hours_a_week":6,"from":"2026-12-07"}}]}"#;
    let r = decode(text, c);
    assert_eq!(r.unreadable.as_deref(), Some(text), "kept whole");
    assert_eq!(
        r.problems,
        vec!["Saved plan 1's learner\u{2019}s record could not be read (a part is of the wrong kind); its units show as planned."]
    );
    let plan = &r.workspace.plans[0];
    assert_eq!(plan.units, vec!["F/601/1609"]);
    assert!(plan.record.is_empty() && plan.study.is_none());
    // A status no version writes, and a part a record does not have, are named.
    for (bad, said) in [
        (
            r#"{"unit":"F/601/1609","status":"done"}"#,
            "unknown variant \"done\"",
        ),
        (
            r#"{"unit":"F/601/1609","status":"achieved","grade":"A"}"#,
            "unknown field \"grade\"",
        ),
        (r#"{"status":"achieved"}"#, "missing field `unit`"),
    ] {
        let e = serde_json::from_str::<UnitRecord>(bad)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with(said), "{e}");
    }
}

#[test]
fn plans_compared_side_by_side_mark_the_units_they_share_and_say_what_is_left() {
    use qualplan::present::compare_plans;
    let c = embedded();
    let highfield = adviser_plan();
    let mut edi = Plan::new("EDI route", "edi-l2-nvq-customer-service");
    edi.units = vec!["CU791".into(), "CU795".into()];
    let mut intro = Plan::new("Intro", "cg-4411-30");
    intro.units = vec!["002".into()];
    let cols = compare_plans(c, &[&highfield, &edi, &intro]);
    assert_eq!(cols.len(), 3);
    let h = &cols[0];
    assert_eq!(h.name, "Anna");
    assert_eq!(
        h.qualification,
        "Highfield Level 2 NVQ Certificate in Customer Service (RQF)"
    );
    assert!(h.verdict.starts_with("Not yet"), "{}", h.verdict);
    assert!(h.totals.starts_with("4 units:"), "{}", h.totals);
    assert!(!h.missing.is_empty() && h.missing.iter().all(|m| m.contains(": ")));
    assert!(cols[2].missing[0].contains("more"), "{:?}", cols[2].missing);
    assert_eq!(
        h.achieved.as_deref(),
        Some("Achieved so far: meets 1 of 6 rules")
    );
    assert!(h
        .finish
        .as_deref()
        .unwrap()
        .starts_with("Estimated finish: around "));
    assert!(h.left.as_deref().unwrap().starts_with("Still to study: "));
    let unit = |col: &qualplan::present::CompareColumn, code: &str| {
        col.units.iter().find(|u| u.code == code).unwrap().clone()
    };
    // F/601/1609 and EDI's CU791 are linked as the same unit: marked in both columns.
    assert!(unit(h, "F/601/1609").shared);
    assert!(unit(&cols[1], "CU791").shared);
    // CU795 and L/601/1614 are not the same unit as anything in the other plans.
    assert!(!unit(&cols[1], "CU795").shared);
    assert!(!unit(&cols[2], "002").shared);
    assert_eq!(unit(h, "L/601/1614").status, "In progress");
    assert_eq!(unit(h, "A/601/1222").status, "");
    assert!(unit(h, "R/601/1209")
        .status
        .starts_with("Achieved as CU793, EDI"));
    // No record, no study rate: nothing said of either.
    assert_eq!(
        (cols[2].achieved.as_ref(), cols[2].finish.as_ref()),
        (None, None)
    );
}
