//! Properties of the engine over plans drawn from the real catalogue.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualplan::catalogue::{embedded, QualificationId, UnitId};
use qualplan::plan::{progress, progress_carried};
use qualplan::rules::{evaluate, Node, Readings, Status};

/// Requirements that only ask for "at least": adding a unit can only help them.
fn only_minimums(node: &Node) -> bool {
    match node {
        Node::Mandatory(_) => true,
        Node::Count { max, .. } => max.is_none(),
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => {
            rules.iter().all(|r| only_minimums(&r.node))
        }
        Node::Barred { .. } | Node::Manual => false,
    }
}

/// Requirements that only ask for "at most": removing a unit can only help them.
fn only_maximums(node: &Node) -> bool {
    match node {
        Node::Barred { .. } => true,
        Node::Count { min, .. } => min.is_none(),
        Node::AllOf {
            rules,
            distinct: false,
        }
        | Node::AnyOf { rules } => rules.iter().all(|r| only_maximums(&r.node)),
        _ => false,
    }
}

/// A qualification with rules, a plan (a subset of its units), and one more of its units.
fn plan_and_unit() -> impl Strategy<Value = (usize, Vec<UnitId>, UnitId)> {
    let c = embedded();
    let with_rules: Vec<usize> = (0..c.qualifications.len())
        .filter(|q| c.qualifications[*q].qualification.rules_published)
        .collect();
    proptest::sample::select(with_rules).prop_flat_map(move |q| {
        let units = c.qualifications[q].units.clone();
        let n = units.len();
        (Just(q), proptest::collection::vec(any::<bool>(), n), 0..n).prop_map(
            move |(q, pick, extra)| {
                let plan: Vec<UnitId> = units
                    .iter()
                    .zip(&pick)
                    .filter(|(_, p)| **p)
                    .map(|(u, _)| *u)
                    .collect();
                (q, plan, units[extra])
            },
        )
    })
}

fn readings_for(q: usize, alt: bool) -> Readings {
    let mut r = Readings::new();
    if alt {
        for rule in &embedded().qualifications[q].rules {
            if let Some((id, _)) = rule.alternatives.first() {
                r.insert(rule.rule.id.clone(), id.clone());
            }
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_unit_never_turns_a_met_minimum_unmet((q, plan, extra) in plan_and_unit(), alt in any::<bool>()) {
        let c = embedded();
        let readings = readings_for(q, alt);
        let before = evaluate(c, QualificationId(q), &plan, &readings);
        let mut more = plan.clone();
        more.push(extra);
        let after = evaluate(c, QualificationId(q), &more, &readings);
        for (i, rule) in c.qualifications[q].rules.iter().enumerate() {
            let node = rule.alternatives.iter().find(|(id, _)| Some(id) == readings.get(&rule.rule.id)).map(|(_, n)| n).unwrap_or(&rule.node);
            if only_minimums(node) && before.rules[i].status == Status::Met {
                prop_assert_eq!(after.rules[i].status, Status::Met, "rule {} of {}", rule.rule.id, c.qualifications[q].qualification.id);
            }
        }
    }

    #[test]
    fn removing_a_unit_never_turns_a_met_maximum_unmet((q, plan, extra) in plan_and_unit(), alt in any::<bool>()) {
        let c = embedded();
        let readings = readings_for(q, alt);
        let mut more = plan.clone();
        more.push(extra);
        let before = evaluate(c, QualificationId(q), &more, &readings);
        let fewer: Vec<UnitId> = more.iter().copied().filter(|u| *u != extra).collect();
        let after = evaluate(c, QualificationId(q), &fewer, &readings);
        for (i, rule) in c.qualifications[q].rules.iter().enumerate() {
            let node = rule.alternatives.iter().find(|(id, _)| Some(id) == readings.get(&rule.rule.id)).map(|(_, n)| n).unwrap_or(&rule.node);
            if only_maximums(node) && before.rules[i].status == Status::Met {
                prop_assert_eq!(after.rules[i].status, Status::Met, "rule {} of {}", rule.rule.id, c.qualifications[q].qualification.id);
            }
        }
    }

    #[test]
    fn the_evaluator_never_panics_and_is_consistent(q in 0usize..15, picks in proptest::collection::vec(0usize..200, 0..30)) {
        let c = embedded();
        let units = &c.qualifications[q].units;
        let plan: Vec<UnitId> = picks.iter().map(|i| units[i % units.len()]).collect();
        let e = evaluate(c, QualificationId(q), &plan, &Readings::new());
        match e.compliant {
            Some(true) => prop_assert!(e.rules.iter().all(|r| r.status != Status::Unmet)),
            Some(false) => prop_assert!(e.rules.iter().any(|r| r.status == Status::Unmet && r.shortfall.is_some())),
            None => prop_assert!(!c.qualifications[q].qualification.rules_published),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The planner's narrowed list is exactly the full list without the qualifications that
    /// nothing counts towards, in the same order: any units, from any document.
    #[test]
    fn progress_carried_is_progress_without_the_empty(picks in proptest::collection::vec(any::<proptest::sample::Index>(), 0..8)) {
        let c = embedded();
        let planned: Vec<UnitId> = picks.iter().map(|i| UnitId::at(i.index(c.units.len()))).collect();
        let full: Vec<_> = progress(c, &planned).into_iter().filter(|p| !p.carried.is_empty()).collect();
        prop_assert_eq!(progress_carried(c, &planned), full);
    }
}
