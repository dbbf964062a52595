//! Cheapest completion and progress towards every qualification.
#![cfg(not(target_arch = "wasm32"))]

use qualplan::catalogue::{embedded, QualificationId, UnitId};
use qualplan::plan::{cheapest_glh, complete, progress, Carried, CompletionResult, Minimise};
use qualplan::rules::{evaluate, Readings};

fn q(id: &str) -> QualificationId {
    embedded().qualification_index(id).unwrap()
}

fn units(qi: QualificationId, codes: &[&str]) -> Vec<UnitId> {
    let c = embedded();
    codes
        .iter()
        .map(|code| c.find_unit(&c.qualifications[qi], code).unwrap())
        .collect()
}

fn cost(ids: &[UnitId], m: Minimise) -> u32 {
    ids.iter()
        .map(|u| {
            let unit = &embedded().unit(*u).unit;
            match m {
                Minimise::Credits => unit.credit.unwrap_or(0),
                Minimise::Glh => unit.glh.unwrap_or(0),
                Minimise::Units => 1,
            }
        })
        .sum()
}

#[test]
fn every_completion_is_compliant_for_every_qualification_with_rules() {
    let c = embedded();
    for (qi, cq) in c.qualification_ids().zip(&c.qualifications) {
        for minimise in [Minimise::Credits, Minimise::Glh] {
            match complete(c, qi, &[], &Readings::new(), minimise, 5) {
                CompletionResult::Found {
                    options,
                    proven_minimal,
                    ..
                } => {
                    assert!(proven_minimal, "{}", cq.qualification.id);
                    assert!(!options.is_empty());
                    for w in options.windows(2) {
                        assert!(w[0].cost <= w[1].cost, "cheapest first");
                    }
                    for o in &options {
                        let e = evaluate(c, qi, &o.added, &Readings::new());
                        assert_eq!(
                            e.compliant,
                            Some(true),
                            "{} {:?}",
                            cq.qualification.id,
                            o.added
                        );
                    }
                }
                CompletionResult::NoRules => assert!(!cq.qualification.rules_published),
                other => panic!("{}: {other:?}", cq.qualification.id),
            }
        }
    }
}

struct Brute<'a> {
    qi: QualificationId,
    all: &'a [UnitId],
    max_units: usize,
    m: Minimise,
}

impl Brute<'_> {
    fn go(&self, start: usize, chosen: &mut Vec<UnitId>, best: &mut u32) {
        let here = cost(chosen, self.m);
        if here >= *best {
            return;
        }
        if evaluate(embedded(), self.qi, chosen, &Readings::new()).compliant == Some(true) {
            *best = here;
            return;
        }
        if chosen.len() == self.max_units {
            return;
        }
        for i in start..self.all.len() {
            chosen.push(self.all[i]);
            self.go(i + 1, chosen, best);
            chosen.pop();
        }
    }
}

/// Every subset of the qualification's units up to `max_units` units: the cheapest compliant cost.
fn brute_force(qi: QualificationId, m: Minimise, max_units: usize) -> u32 {
    let all = &embedded().qualifications[qi].units;
    let mut best = u32::MAX;
    Brute {
        qi,
        all,
        max_units,
        m,
    }
    .go(0, &mut Vec::new(), &mut best);
    best
}

#[test]
fn completions_are_minimal_by_exhaustive_search_on_small_qualifications() {
    let c = embedded();
    // Units of these qualifications carry at least 2 credits, so a completion of cost C has at
    // most C / 2 units: searching every subset of that size proves the minimum.
    for (id, max_units) in [
        ("cg-4411-30", 3),
        ("cg-4411-01", 4),
        ("cg-4411-33", 6),
        ("cg-4411-11", 6),
    ] {
        let qi = q(id);
        for m in [Minimise::Credits, Minimise::Glh] {
            let CompletionResult::Found { options, .. } =
                complete(c, qi, &[], &Readings::new(), m, 1)
            else {
                panic!("{id}: no completion");
            };
            assert_eq!(options[0].cost, brute_force(qi, m, max_units), "{id} {m:?}");
        }
    }
}

#[test]
fn the_cheapest_plan_matches_each_published_glh() {
    let c = embedded();
    let mut checked = 0;
    for (qi, cq) in c.qualification_ids().zip(&c.qualifications) {
        let q = &cq.qualification;
        match (q.glh, q.rules_published) {
            (Some(published), true) => {
                assert_eq!(cheapest_glh(c, qi), Some(published), "{}", q.id);
                checked += 1;
            }
            _ => assert!(q.glh.is_none() || cheapest_glh(c, qi).is_none(), "{}", q.id),
        }
    }
    assert_eq!(
        checked, 5,
        "the four 4411 qualifications and Highfield print a GLH"
    );
    // No unit GLH (002) or no rules (000): nothing to check against.
    assert_eq!(cheapest_glh(c, q("cg-l3-nsvq-customer-service")), None);
    assert_eq!(cheapest_glh(c, q("cg-7593-l1-award")), None);
}

#[test]
fn completion_builds_on_the_plan_and_honours_readings() {
    let c = embedded();
    let qi = q("cg-4411-30");
    let planned = units(qi, &["002", "101"]);
    let CompletionResult::Found { options, .. } =
        complete(c, qi, &planned, &Readings::new(), Minimise::Credits, 3)
    else {
        panic!()
    };
    // Strict reading: 4 more entry 3 credits besides 002; 101 bars 001.
    let mut all = planned.clone();
    all.extend(&options[0].added);
    assert_eq!(
        evaluate(c, qi, &all, &Readings::new()).compliant,
        Some(true)
    );
    assert_eq!(options[0].cost, 4);
    assert!(
        !options[0].added.contains(&units(qi, &["001"])[0]),
        "001 is barred by 101"
    );
    let mut readings = Readings::new();
    readings.insert("entry3-min".into(), "inclusive".into());
    let CompletionResult::Found { options, .. } =
        complete(c, qi, &planned, &readings, Minimise::Credits, 1)
    else {
        panic!()
    };
    assert_eq!(
        options[0].cost, 2,
        "inclusive: 002 counts, one more entry 3 unit"
    );
}

#[test]
fn no_completion_when_the_plan_already_breaks_a_limit_and_none_needed_when_complete() {
    let c = embedded();
    let qi = q("cg-4411-30");
    match complete(
        c,
        qi,
        &units(qi, &["002", "102"]),
        &Readings::new(),
        Minimise::Credits,
        3,
    ) {
        CompletionResult::Impossible { reasons } => {
            assert!(
                reasons[0].contains("remove one of 002 / 102"),
                "{reasons:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    let done = units(qi, &["002", "001", "010"]);
    assert_eq!(
        complete(c, qi, &done, &Readings::new(), Minimise::Credits, 3),
        CompletionResult::AlreadyComplete
    );
    assert_eq!(
        complete(
            c,
            q("cg-7593-l1-award"),
            &[],
            &Readings::new(),
            Minimise::Credits,
            3
        ),
        CompletionResult::NoRules
    );
}

#[test]
fn progress_carries_linked_units_into_other_documents_and_sorts_closest_first() {
    let c = embedded();
    let hq = q("highfield-l2-nvq-customer-service");
    // A compliant Highfield plan also goes a long way towards the EDI qualification.
    let plan = units(
        hq,
        &[
            "F/601/1609",
            "L/601/1614",
            "R/601/1209",
            "A/601/1205",
            "M/601/1508",
            "T/601/1526",
        ],
    );
    let all = progress(c, &plan);
    assert_eq!(all[0].qualification, hq);
    assert_eq!(all[0].evaluation.compliant, Some(true));
    let edi = all
        .iter()
        .find(|p| {
            c.qualifications[p.qualification].qualification.id == "edi-l2-nvq-customer-service"
        })
        .unwrap();
    assert_eq!(edi.carried.len(), 6);
    assert!(edi
        .carried
        .iter()
        .all(|(_, _, how)| matches!(how, Carried::Linked(_))));
    assert_eq!(edi.totals.credits, Some(29));
    // Document 000 offers 110 (R/601/1209) and 112 (M/601/1508) and 224 (T/601/1526) and 217 (L/601/1614).
    let bs = all
        .iter()
        .find(|p| c.qualifications[p.qualification].qualification.id == "cg-7593-l1-award")
        .unwrap();
    assert_eq!(bs.carried.len(), 4);
    assert_eq!(bs.evaluation.compliant, None);
    // The 4411 units share nothing with these.
    let e3 = all
        .iter()
        .find(|p| c.qualifications[p.qualification].qualification.id == "cg-4411-30")
        .unwrap();
    assert!(e3.carried.is_empty());
    for w in all.windows(2) {
        let key = |p: &qualplan::plan::Progress| (p.evaluation.compliant.is_some(), p.closeness);
        assert!(key(&w[0]) >= key(&w[1]), "sorted closest first");
    }
}
