//! A learner's record: planned, in-progress and achieved units checked against the real
//! documents' rules, the achieved units alone, totals by status, credit held under another
//! document's code, exemptions, what is left, and when it would be finished.
#![cfg(not(target_arch = "wasm32"))]

use qualplan::catalogue::{embedded, Level, LinkBasis, LookupError, QualificationId, UnitId};
use qualplan::limits::{TextError, TextKind};
use qualplan::plan::{
    check, check_record, complete, counted_unit, finish_estimate, progression, record_codes,
    record_progress, split_totals, what_is_left, Achievement, Carried, CompletionResult, Date,
    DateError, HoursFigure, LeftFrom, Minimise, NoEstimate, Record, Source, Totals, UnitStatus,
};
use qualplan::present::{
    achieved_so_far_words, day_words, entry_words, finish_words, no_estimate_words,
    progression_words, source_words, split_totals_words, ALTERNATIVES,
};
use qualplan::rules::Readings;

const HIGHFIELD: &str = "highfield-l2-nvq-customer-service";
const EDI: &str = "edi-l2-nvq-customer-service";

fn q(id: &str) -> QualificationId {
    embedded().qualification_index(id).unwrap()
}

fn unit(qi: QualificationId, code: &str) -> UnitId {
    let c = embedded();
    c.find_unit(&c.qualifications[qi], code).unwrap()
}

fn units(qi: QualificationId, codes: &[&str]) -> Vec<UnitId> {
    codes.iter().map(|code| unit(qi, code)).collect()
}

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|s| s.to_string()).collect()
}

/// Highfield's plan of 28 credits that meets every rule: both mandatory units, one unit from
/// each optional group, 20 optional credits exactly.
const COMPLETE: [&str; 6] = [
    "F/601/1609",
    "L/601/1614",
    "R/601/1209",
    "A/601/1205",
    "M/601/1508",
    "A/601/1530",
];

#[test]
fn every_status_combination_is_judged_by_the_one_evaluator() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let plan = units(h, &COMPLETE);
    let readings = Readings::new();
    let statuses = [
        UnitStatus::Planned,
        UnitStatus::InProgress,
        UnitStatus::Achieved,
    ];
    let mut combinations = 0;
    for mut n in 0..3usize.pow(plan.len() as u32) {
        let mut record = Record::new();
        for &u in &plan {
            match statuses[n % 3] {
                UnitStatus::Planned => record.plan(u),
                UnitStatus::InProgress => record.start(u, None),
                UnitStatus::Achieved => record.achieve(u, None, Achievement::default()),
            }
            n /= 3;
        }
        let rc = check_record(c, h, &record, &readings);
        let achieved = record.with_status(UnitStatus::Achieved);
        // The whole plan is judged as a plan, whatever its statuses: it meets every rule.
        assert_eq!(rc.whole, check(c, h, &plan, &readings));
        assert_eq!(rc.whole.evaluation.compliant, Some(true));
        // The achieved units alone, by the same evaluator.
        assert_eq!(*rc.achieved_so_far, check(c, h, &achieved, &readings));
        assert_eq!(
            rc.achieved_so_far.evaluation.compliant,
            Some(achieved.len() == plan.len())
        );
        // Each status's totals are its units' totals, as any plan's are counted.
        let t = rc.totals;
        let of = |s| Totals::of(c, &c.qualifications[h], &record.with_status(s));
        assert_eq!(t.to_do, of(UnitStatus::Planned));
        assert_eq!(t.in_progress, of(UnitStatus::InProgress));
        assert_eq!(t.achieved, of(UnitStatus::Achieved));
        // The totals split adds up to the plan's.
        assert_eq!(
            t.achieved.units + t.in_progress.units + t.to_do.units,
            plan.len() as u32
        );
        assert_eq!(
            t.achieved.credits.unwrap() + t.in_progress.credits.unwrap() + t.to_do.credits.unwrap(),
            28
        );
        assert_eq!(
            t.achieved.glh.unwrap() + t.in_progress.glh.unwrap() + t.to_do.glh.unwrap(),
            rc.whole.totals.glh.unwrap()
        );
        combinations += 1;
    }
    assert_eq!(combinations, 729);
}

#[test]
fn a_rule_met_by_the_achieved_units_alone() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::planned(&units(h, &["R/601/1209"]));
    for u in units(h, &["F/601/1609", "L/601/1614"]) {
        record.achieve(u, None, Achievement::default());
    }
    let rc = check_record(c, h, &record, &Readings::new());
    let mandatory = &rc.achieved_so_far.evaluation.rules[0];
    assert_eq!(mandatory.meta.label, "Mandatory Units");
    assert_eq!(mandatory.status, qualplan::rules::Status::Met);
    assert_eq!(
        achieved_so_far_words(&rc),
        "Achieved so far: meets 1 of 6 rules"
    );
    // The whole plan meets group A too (a planned unit); the achieved units alone do not.
    assert_eq!(rc.whole.evaluation.rules_met(), (2, 6));

    // One mandatory unit short of achieved (the other only planned): the rule is met by the
    // plan and not by what is achieved.
    let mut short = Record::planned(&units(h, &["L/601/1614"]));
    short.achieve(unit(h, "F/601/1609"), None, Achievement::default());
    let rc = check_record(c, h, &short, &Readings::new());
    assert_eq!(
        rc.whole.evaluation.rules[0].status,
        qualplan::rules::Status::Met
    );
    assert_eq!(
        rc.achieved_so_far.evaluation.rules[0].status,
        qualplan::rules::Status::Unmet
    );
    assert_eq!(
        achieved_so_far_words(&rc),
        "Achieved so far: meets 0 of 6 rules"
    );
    assert_eq!(
        achieved_so_far_words(&check_record(c, h, &Record::new(), &Readings::new())),
        "Achieved so far: no unit achieved yet"
    );
}

#[test]
fn a_plan_complete_only_with_its_in_progress_unit() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::new();
    for u in units(h, &COMPLETE[..5]) {
        record.achieve(u, None, Achievement::default());
    }
    record.start(unit(h, "A/601/1530"), None);
    let rc = check_record(c, h, &record, &Readings::new());
    assert_eq!(rc.whole.evaluation.compliant, Some(true));
    assert_eq!(rc.achieved_so_far.evaluation.compliant, Some(false));
    assert_eq!(
        achieved_so_far_words(&rc),
        "Achieved so far: meets 4 of 6 rules"
    );
    let t = rc.totals;
    assert_eq!(
        (t.achieved.credits, t.in_progress.credits, t.to_do.credits),
        (Some(23), Some(5), Some(0))
    );

    // Without the in-progress unit the plan is not complete.
    record.remove(unit(h, "A/601/1530"));
    let rc = check_record(c, h, &record, &Readings::new());
    assert_eq!(rc.whole.evaluation.compliant, Some(false));

    // A rule that counts credits, by one: 20 optional credits pass, 19 do not.
    let mut by_one = Record::new();
    for u in units(h, &COMPLETE) {
        by_one.achieve(u, None, Achievement::default());
    }
    assert_eq!(
        check_record(c, h, &by_one, &Readings::new())
            .achieved_so_far
            .evaluation
            .compliant,
        Some(true)
    );
    by_one.remove(unit(h, "M/601/1508"));
    by_one.start(unit(h, "T/601/1509"), None);
    let rc = check_record(c, h, &by_one, &Readings::new());
    assert_eq!(rc.whole.evaluation.compliant, Some(false));
    assert_eq!(rc.whole.totals.credits, Some(27));
    let optional = &rc.whole.evaluation.rules[1];
    assert_eq!(
        optional.shortfall.as_deref(),
        Some("1 more credit from Optional Unit Groups A-D")
    );
}

#[test]
fn a_unit_held_under_another_documents_code_counts_through_its_link() {
    let c = embedded();
    let h = q(HIGHFIELD);
    // data/links.json: 001:CU792 and 004:L/601/1614, the same title, level and credit value.
    let counted = counted_unit(c, h, "CU792").unwrap();
    assert_eq!(counted.unit, unit(h, "L/601/1614"));
    let source = counted.source.unwrap();
    assert_eq!(
        source,
        Source {
            unit: c.unit_by_key("001:CU792").unwrap(),
            how: Carried::Linked(LinkBasis::TitleLevelCredit),
        }
    );
    assert_eq!(
        source_words(c, UnitStatus::Achieved, &source),
        "achieved as CU792, EDI (the same title, level and credit value)"
    );
    // Case and spaces aside, as the command line matches codes.
    assert_eq!(counted_unit(c, h, " cu 792 ").unwrap(), counted);
    // The qualification's own code has no source; a UAN link names the City & Guilds record.
    assert_eq!(counted_unit(c, h, "l/601/1614").unwrap().source, None);
    let by_uan = counted_unit(c, h, "000:110").unwrap();
    assert_eq!(by_uan.unit, unit(h, "R/601/1209"));
    assert_eq!(by_uan.source.unwrap().how, Carried::Linked(LinkBasis::Uan));

    // Achieved as CU791 and CU792 (EDI), the Highfield mandatory rule is met.
    let coded = record_codes(c, h, &[], &[], &strings(&["CU791", "CU792"])).unwrap();
    let rc = check_record(c, h, &coded.record, &Readings::new());
    assert_eq!(
        rc.achieved_so_far.evaluation.rules[0].status,
        qualplan::rules::Status::Met
    );
    let words: Vec<String> = coded
        .record
        .entries()
        .iter()
        .map(|e| entry_words(c, e))
        .collect();
    assert_eq!(
        words,
        [
            "F/601/1609 achieved as CU791, EDI (the same title, level and credit value)",
            "L/601/1614 achieved as CU792, EDI (the same title, level and credit value)",
        ]
    );

    // Unknown, printed for two different units, and counting nowhere in this qualification.
    assert!(matches!(
        counted_unit(c, h, "CU999"),
        Err(LookupError::UnknownAnywhere { input, .. }) if input == "CU999"
    ));
    assert!(matches!(
        counted_unit(c, h, "110"),
        Err(LookupError::AmbiguousUnit { .. })
    ));
    let nowhere = counted_unit(c, h, "301").unwrap_err();
    assert!(matches!(nowhere, LookupError::CountsNowhere { .. }));
    assert!(nowhere.to_string().contains("does not count towards"));
}

#[test]
fn a_unit_given_twice_keeps_its_furthest_status() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let coded = record_codes(
        c,
        h,
        &strings(&["L/601/1614", "F/601/1609", "F/601/1609"]),
        &strings(&["F/601/1609"]),
        &strings(&["CU792", "L/601/1614"]),
    )
    .unwrap();
    assert_eq!(coded.repeated, ["F/601/1609", "L/601/1614"]);
    assert_eq!(
        coded.record.status(unit(h, "L/601/1614")),
        Some(UnitStatus::Achieved)
    );
    assert_eq!(
        coded.record.status(unit(h, "F/601/1609")),
        Some(UnitStatus::InProgress)
    );
    assert_eq!(coded.record.units().len(), 2);
    // A planned unit is named as the qualification's document prints it (as `check` reads a
    // plan): another document's code is an error there.
    assert!(record_codes(c, h, &strings(&["CU792"]), &[], &[]).is_err());
}

#[test]
fn an_exemption_counts_as_achieved() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::planned(&units(h, &["F/601/1609"]));
    let exempt =
        Achievement::exempt("  recognition of prior learning:\u{200B} college certificate ")
            .unwrap()
            .on(Date::parse("2024-03-01").unwrap())
            .with_evidence("certificate seen by the assessor")
            .unwrap();
    record.achieve(unit(h, "R/601/1209"), None, exempt);
    let rc = check_record(c, h, &record, &Readings::new());
    assert_eq!(rc.totals.achieved.units, 1);
    assert_eq!(rc.totals.achieved.credits, Some(5));
    let group_a = &rc.achieved_so_far.evaluation.rules[2];
    assert_eq!(group_a.meta.label, "Optional Unit Group A");
    assert_eq!(group_a.status, qualplan::rules::Status::Met);
    assert_eq!(
        entry_words(c, &record.entries()[1]),
        "R/601/1209 achieved on 2024-03-01 by exemption: recognition of prior learning: college certificate; evidence: certificate seen by the assessor"
    );
    assert_eq!(
        Achievement::exempt(" \u{200B} "),
        Err(TextError::Empty(TextKind::Note))
    );
    assert!(matches!(
        Achievement::exempt(&"x".repeat(501)),
        Err(TextError::TooLong(TextKind::Note, 501))
    ));
    assert!(Achievement::exempt(&"x".repeat(500)).is_ok());
}

#[test]
fn dates_are_days_of_the_calendar_written_year_month_day() {
    assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
    assert_eq!(
        Date::parse(" 2000-02-29 ").unwrap().to_string(),
        "2000-02-29"
    );
    assert_eq!(
        Date::parse("2023-02-29"),
        Err(DateError::NoSuchDay { day: 29, days: 28 })
    );
    assert_eq!(
        Date::parse("1900-02-29"),
        Err(DateError::NoSuchDay { day: 29, days: 28 })
    );
    assert!(Date::parse("2024-04-30").is_ok());
    assert_eq!(
        Date::parse("2024-04-31"),
        Err(DateError::NoSuchDay { day: 31, days: 30 })
    );
    assert_eq!(
        Date::parse("2024-13-01"),
        Err(DateError::NoSuchMonth { month: 13 })
    );
    assert_eq!(
        Date::parse("2024-00-10"),
        Err(DateError::NoSuchMonth { month: 0 })
    );
    assert_eq!(
        Date::parse("2024-01-00"),
        Err(DateError::NoSuchDay { day: 0, days: 31 })
    );
    for bad in [
        "1/3/2024",
        "2024-3-01",
        "2024-03-01T00",
        "",
        "２０２４-03-01",
        "2024/03/01",
    ] {
        assert_eq!(Date::parse(bad), Err(DateError::NotYearMonthDay), "{bad}");
    }
    assert_eq!(
        DateError::NoSuchDay { day: 31, days: 30 }.words("2024-04-31"),
        "\"2024-04-31\" is not a date: that month has 30 days, so no day 31"
    );
}

#[test]
fn what_is_left_starts_from_the_units_held_and_never_adds_them_again() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let readings = Readings::new();
    let coded = record_codes(
        c,
        h,
        &strings(&["A/601/1219"]),
        &strings(&["R/601/1209"]),
        &strings(&["CU791", "CU792"]),
    )
    .unwrap();
    let record = coded.record;
    let held = record.held();
    assert_eq!(held.len(), 3);
    let left = what_is_left(
        c,
        h,
        &record,
        LeftFrom::Held,
        &readings,
        Minimise::Credits,
        ALTERNATIVES,
    );
    // The same search as completing the held units.
    assert_eq!(
        left,
        complete(c, h, &held, &readings, Minimise::Credits, ALTERNATIVES)
    );
    let CompletionResult::Found { options, .. } = &left else {
        panic!("{left:?}");
    };
    for o in options {
        assert!(o.added.iter().all(|u| !held.contains(u)), "{o:?}");
        let mut plan = held.clone();
        plan.extend(&o.added);
        assert_eq!(
            check(c, h, &plan, &readings).evaluation.compliant,
            Some(true)
        );
    }
    // 5 optional credits held (group A): 15 more from groups B, C and D at the least.
    assert_eq!(options[0].cost, 15);

    // Keeping the planned unit too: it is not added again either, and costs nothing more.
    let kept = what_is_left(
        c,
        h,
        &record,
        LeftFrom::Plan,
        &readings,
        Minimise::Credits,
        ALTERNATIVES,
    );
    let CompletionResult::Found { options, .. } = &kept else {
        panic!("{kept:?}");
    };
    let planned = unit(h, "A/601/1219");
    assert!(options
        .iter()
        .all(|o| !o.added.contains(&planned) && o.added.iter().all(|u| !held.contains(u))));
    assert_eq!(options[0].cost, 9);

    // Everything held: nothing is left.
    let mut done = Record::new();
    for u in units(h, &COMPLETE) {
        done.achieve(u, None, Achievement::default());
    }
    assert_eq!(
        what_is_left(
            c,
            h,
            &done,
            LeftFrom::Held,
            &readings,
            Minimise::Credits,
            ALTERNATIVES
        ),
        CompletionResult::AlreadyComplete
    );
}

#[test]
fn totals_split_by_status_say_not_published_never_zero() {
    let c = embedded();
    // EDI prints credits for its units but no GLH.
    let e = q(EDI);
    let mut record = Record::planned(&units(e, &["CU805"]));
    record.achieve(unit(e, "CU791"), None, Achievement::default());
    let t = split_totals(c, e, &record);
    assert_eq!(t.achieved.credits, Some(4));
    assert_eq!(t.achieved.glh, None);
    assert_eq!(t.achieved.tqt, Some(40));
    // Nothing in progress: 0 credits, but GLH still not published.
    assert_eq!(t.in_progress.units, 0);
    assert_eq!(t.in_progress.credits, Some(0));
    assert_eq!(t.in_progress.glh, None);
    assert_eq!(t.to_do.credits, Some(5));
    assert_eq!(
        split_totals_words(&t),
        "Achieved: 1 unit, 4 credits, GLH not published \u{2022} In progress: 0 units, 0 credits, GLH not published \u{2022} Planned, not started: 1 unit, 5 credits, GLH not published"
    );
    // The City & Guilds N/SVQ prints neither.
    let n = q("cg-l3-nsvq-customer-service");
    let mut record = Record::new();
    record.achieve(unit(n, "301"), None, Achievement::default());
    let t = split_totals(c, n, &record);
    assert_eq!((t.achieved.credits, t.achieved.glh), (None, None));
    assert_eq!((t.to_do.units, t.to_do.credits), (0, None));
}

#[test]
fn progress_of_a_record_counts_its_achieved_units_alone_too() {
    let c = embedded();
    let mut record = Record::new();
    record.plan(c.unit_by_key("001:CU791").unwrap());
    record.achieve(
        c.unit_by_key("001:CU792").unwrap(),
        None,
        Achievement::default(),
    );
    let all = record_progress(c, &record);
    assert_eq!(all.len(), c.qualifications.len());
    let h = all
        .iter()
        .find(|p| p.all.qualification == q(HIGHFIELD))
        .unwrap();
    assert_eq!(h.all.carried.len(), 2);
    assert_eq!(h.achieved.carried.len(), 1);
    assert_eq!(
        h.achieved.carried[0].1,
        c.unit_by_key("004:L/601/1614").unwrap()
    );
    assert_eq!(h.achieved.totals.credits, Some(4));
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn the_finish_date_counts_the_glh_left_at_the_study_rate_and_says_what_it_counted() {
    let c = embedded();
    let h = q(HIGHFIELD);
    // The complete plan: two units achieved, one in progress, the rest planned.
    let mut record = Record::planned(&units(h, &COMPLETE));
    record.achieve(unit(h, COMPLETE[0]), None, Achievement::default());
    record.achieve(unit(h, COMPLETE[1]), None, Achievement::default());
    record.start(unit(h, COMPLETE[2]), None);
    let glh = |codes: &[&str]| -> u32 {
        codes
            .iter()
            .map(|code| c.unit(unit(h, code)).unit.glh.unwrap())
            .sum()
    };
    let left = glh(&COMPLETE[2..]);
    let e = finish_estimate(c, h, &record, &Readings::new(), 6, day("2026-12-07")).unwrap();
    assert_eq!(e.hours, left);
    assert_eq!(e.figure, HoursFigure::Glh);
    assert_eq!(e.added, Some(vec![]), "the plan already meets its rules");
    assert_eq!(e.weeks, left.div_ceil(6));
    assert_eq!(
        e.finish,
        day("2026-12-07").plus_days(7 * left.div_ceil(6)).unwrap()
    );
    // A rate that divides the hours exactly takes that many weeks; an hour less a week, one more.
    let exact = finish_estimate(c, h, &record, &Readings::new(), left, day("2026-12-07")).unwrap();
    assert_eq!((exact.weeks, exact.finish), (1, day("2026-12-14")));
    let under =
        finish_estimate(c, h, &record, &Readings::new(), left - 1, day("2026-12-07")).unwrap();
    assert_eq!((under.weeks, under.finish), (2, day("2026-12-21")));
    let w = finish_words(c, &e);
    assert_eq!(
        w.finish,
        format!(
            "Estimated finish: around {} ({} weeks at 6 hours a week from 7 December 2026).",
            day_words(e.finish),
            e.weeks
        )
    );
    assert_eq!(
        w.left,
        format!("Still to study: {left} GLH in 4 units (1 in progress, 3 planned).")
    );
    assert!(w.figure.starts_with("Counted in guided learning hours"));
}

#[test]
fn the_finish_date_adds_the_cheapest_units_still_needed_and_counts_notional_hours_where_no_glh_is_published(
) {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::planned(&units(h, &COMPLETE[..2]));
    record.achieve(unit(h, COMPLETE[0]), None, Achievement::default());
    let e = finish_estimate(c, h, &record, &Readings::new(), 6, day("2026-12-07")).unwrap();
    let added = e.added.clone().unwrap();
    assert!(!added.is_empty());
    let mut whole = record.units();
    whole.extend(&added);
    let (met, judged) = check(c, h, &whole, &Readings::new()).evaluation.rules_met();
    assert_eq!(
        met, judged,
        "the plan with the units added meets every rule"
    );
    let glh: u32 = std::iter::once(unit(h, COMPLETE[1]))
        .chain(added.iter().copied())
        .map(|u| c.unit(u).unit.glh.unwrap())
        .sum();
    assert_eq!(e.hours, glh);
    assert!(finish_words(c, &e)
        .left
        .contains("to add to meet the rules, the cheapest in GLH"));
    // EDI publishes credits but no GLH: notional hours, 10 a credit, and it says so.
    let edi = q(EDI);
    let first = c.qualifications[edi].units[0];
    let record = Record::planned(&[first]);
    let e = finish_estimate(c, edi, &record, &Readings::new(), 10, day("2027-01-04")).unwrap();
    assert_eq!(e.figure, HoursFigure::Notional);
    let added: u32 = e
        .added
        .iter()
        .flatten()
        .map(|u| c.unit(*u).unit.credit.unwrap())
        .sum();
    assert_eq!(e.hours, (c.unit(first).unit.credit.unwrap() + added) * 10);
    assert!(finish_words(c, &e)
        .figure
        .starts_with("Counted in notional hours, 10 for each credit"));
}

#[test]
fn no_finish_date_when_nothing_is_left_or_no_hours_are_published() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::new();
    for u in units(h, &COMPLETE) {
        record.achieve(u, None, Achievement::default());
    }
    assert_eq!(
        finish_estimate(c, h, &record, &Readings::new(), 6, day("2026-12-07")),
        Err(NoEstimate::NothingLeft)
    );
    let nsvq = q("cg-l3-nsvq-customer-service");
    let first = c.qualifications[nsvq].units[0];
    let e = finish_estimate(
        c,
        nsvq,
        &Record::planned(&[first]),
        &Readings::new(),
        6,
        day("2026-12-07"),
    );
    let Err(NoEstimate::NoFigure(us)) = &e else {
        panic!("{e:?}")
    };
    assert!(us.contains(&first));
    assert!(
        no_estimate_words(c, e.as_ref().unwrap_err()).contains("neither GLH nor a credit value")
    );
    assert_eq!(
        finish_estimate(
            c,
            h,
            &Record::planned(&units(h, &COMPLETE)),
            &Readings::new(),
            1,
            day("9999-06-01")
        ),
        Err(NoEstimate::TooFar)
    );
}

#[test]
fn progression_names_where_the_achieved_units_go_furthest_and_one_level_up() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::planned(&units(h, &COMPLETE));
    for code in ["F/601/1609", "L/601/1614", "R/601/1209"] {
        record.achieve(unit(h, code), None, Achievement::default());
    }
    let shown = progression(c, h, &record, 3);
    assert!(
        shown.iter().all(|p| p.qualification != h),
        "not the plan's own"
    );
    // EDI's NVQ holds all three, linked as the same units; it is the closest.
    assert_eq!(shown[0].qualification, q(EDI));
    assert_eq!(shown[0].carried.len(), 3);
    assert!(progression_words(c, &shown[0]).contains(": 3 units count"));
    // The closest Level 3 qualification any achieved unit counts towards is listed too.
    let up = Level::Numbered(3);
    let level_3: Vec<_> =
        qualplan::plan::progress_carried(c, &record.with_status(UnitStatus::Achieved))
            .into_iter()
            .filter(|p| c.qualifications[p.qualification].qualification.level == up)
            .collect();
    assert!(
        !level_3.is_empty(),
        "a Level 3 qualification holds one of these units"
    );
    assert!(shown
        .iter()
        .any(|p| p.qualification == level_3[0].qualification));
    assert!(shown.len() <= 4);
    // No unit achieved, nothing to say.
    assert!(progression(c, h, &Record::planned(&units(h, &COMPLETE)), 3).is_empty());
}

#[test]
fn each_rule_is_worded_for_the_achieved_units_alone() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let mut record = Record::planned(&units(h, &COMPLETE));
    for code in ["F/601/1609", "L/601/1614", "R/601/1209"] {
        record.achieve(unit(h, code), None, Achievement::default());
    }
    let rc = check_record(c, h, &record, &Readings::new());
    let lines = qualplan::present::achieved_rule_lines(&rc);
    assert_eq!(lines.len(), rc.achieved_so_far.evaluation.rules.len());
    assert_eq!(lines[0], "Met: Mandatory Units");
    let unmet: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("Not met: "))
        .collect();
    assert_eq!(unmet.len(), 4, "{lines:?}");
    assert!(unmet.iter().all(|l| l.contains(" more ")), "{lines:?}");
    // The whole plan meets every rule: the same rules, judged on all its units.
    assert!(rc
        .whole
        .evaluation
        .rules
        .iter()
        .all(|r| r.shortfall.is_none()));
}

#[test]
fn a_quicker_finish_from_the_units_held_is_given_where_the_planned_units_cost_more() {
    let c = embedded();
    let h = q(HIGHFIELD);
    let readings = Readings::new();
    // One unit achieved, and planned beside it the unit with the most GLH of the qualification.
    let dearest = c.qualifications[h]
        .units
        .iter()
        .copied()
        .filter(|u| *u != unit(h, COMPLETE[0]))
        .max_by_key(|u| c.unit(*u).unit.glh)
        .unwrap();
    let mut record = Record::planned(&[unit(h, COMPLETE[0]), dearest]);
    record.achieve(unit(h, COMPLETE[0]), None, Achievement::default());
    let e = finish_estimate(c, h, &record, &readings, 6, day("2026-12-07")).unwrap();
    let k = e
        .quickest
        .clone()
        .expect("a cheaper way than the planned unit");
    assert!(k.hours < e.hours, "{} < {}", k.hours, e.hours);
    // The quicker way meets every rule from the achieved unit, and is counted from its units.
    let mut from_held = record.held();
    from_held.extend(&k.added);
    let (met, judged) = check(c, h, &from_held, &readings).evaluation.rules_met();
    assert_eq!(met, judged);
    let glh: u32 = k.added.iter().map(|u| c.unit(*u).unit.glh.unwrap()).sum();
    assert_eq!(k.hours, glh);
    assert_eq!(k.weeks, glh.div_ceil(6));
    assert_eq!(k.finish, day("2026-12-07").plus_days(7 * k.weeks).unwrap());
    let words = finish_words(c, &e).quickest.unwrap();
    assert!(
        words.starts_with(&format!(
            "Quicker, from the units achieved and in progress alone: {glh} GLH in {} units ({} to add to meet the rules",
            k.added.len(),
            k.added.len()
        )),
        "{words}"
    );
    assert!(words.contains(&day_words(k.finish)), "{words}");
    // With nothing planned there is no other way to compare: the plan is the way.
    let mut held_only = Record::planned(&[unit(h, COMPLETE[0])]);
    held_only.achieve(unit(h, COMPLETE[0]), None, Achievement::default());
    let e = finish_estimate(c, h, &held_only, &readings, 6, day("2026-12-07")).unwrap();
    assert_eq!(e.quickest, None);
    assert_eq!(finish_words(c, &e).quickest, None);
    // Nor where the plan's own units are already the cheapest way: the complete plan as it
    // would be finished, all planned after one achieved unit, takes no fewer hours from the
    // achieved unit alone than the cheapest completion does.
    let mut cheapest = Record::planned(&[unit(h, COMPLETE[0])]);
    cheapest.achieve(unit(h, COMPLETE[0]), None, Achievement::default());
    for u in e.added.unwrap() {
        cheapest.plan(u);
    }
    let e = finish_estimate(c, h, &cheapest, &readings, 6, day("2026-12-07")).unwrap();
    assert_eq!(e.quickest, None);
}
