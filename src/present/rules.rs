//! How the rules of combination are listed: one row per rule, with met rules that are alike
//! (barred combinations) folded into one line that opens, and, for a class, the unmet rules first;
//! and the words that mark a unit a barred combination touches.

use super::options::codes;
use crate::catalogue::{Catalogue, CatalogueQualification, UnitId};
use crate::plan::Check;
use crate::rules::{node_in_force, Evaluation, Node, Readings, Status};
use crate::sort::SmallSort;

/// A row of the rules list: one rule (its index among the qualification's rules), or several
/// met rules alike, folded under one line of words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleRow {
    One(usize),
    Folded { rules: Vec<usize>, words: String },
}

/// What marks unit `id` where it is listed, when a barred combination touches it: unplanned and
/// ruled out by planned units ("Barred: cannot be taken with 001"), or planned with others it
/// cannot be taken with ("Cannot be taken with 101: take one of them out"). The unit list, the
/// plan and the announcement of a change all say it in these words.
pub fn unit_mark(c: &Catalogue, check: &Check, id: UnitId) -> Option<String> {
    let e = &check.evaluation;
    let (marked, words): (_, fn(&Catalogue, &[UnitId]) -> String) = if check.planned.contains(&id) {
        (&e.clashes, clash_words)
    } else {
        (&e.barred, barred_words)
    };
    let (_, others) = marked.iter().find(|(u, _)| *u == id)?;
    Some(words(c, others))
}

fn barred_words(c: &Catalogue, by: &[UnitId]) -> String {
    format!("Barred: cannot be taken with {}", codes(c, by))
}

fn clash_words(c: &Catalogue, with: &[UnitId]) -> String {
    let them = crate::limits::plural(with.len(), "them", "these");
    format!(
        "Cannot be taken with {}: take one of {them} out",
        codes(c, with)
    )
}

/// Fewer met barred combinations than this are listed one by one.
const FOLD_FROM: usize = 3;

pub fn rule_rows(
    cq: &CatalogueQualification,
    evaluation: &Evaluation,
    readings: &Readings,
    unmet_first: bool,
) -> Vec<RuleRow> {
    let results = &evaluation.rules;
    let barred_met = |i: usize| {
        results[i].status == Status::Met
            && matches!(node_in_force(&cq.rules[i], readings).0, Node::Barred { .. })
    };
    let mut order: Vec<usize> = (0..results.len().min(cq.rules.len())).collect();
    if unmet_first {
        // Unmet first (those the plan has too much for, a unit to take out, before the rest),
        // then what needs evidence, then met; the document's order within each.
        let rank = |i: &usize| match results[*i].status {
            Status::Unmet if evaluation.too_many.contains(i) => 0,
            Status::Unmet => 1,
            Status::Undecided => 2,
            Status::NotJudged => 3,
            Status::Met => 4,
        };
        order.sort_small_by_key(|i| (rank(i), *i));
    }
    // Runs of met barred combinations next to each other fold, so the order is kept.
    let mut rows = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, rows: &mut Vec<RuleRow>| {
        if run.len() >= FOLD_FROM {
            rows.push(RuleRow::Folded {
                words: format!("{} barred combinations, all met", run.len()),
                rules: std::mem::take(run),
            });
        } else {
            rows.extend(run.drain(..).map(RuleRow::One));
        }
    };
    for i in order {
        if barred_met(i) {
            run.push(i);
        } else {
            flush(&mut run, &mut rows);
            rows.push(RuleRow::One(i));
        }
    }
    flush(&mut run, &mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;
    use crate::plan::check_codes;

    #[test]
    fn a_barred_unit_is_marked_with_the_codes_of_the_planned_units_that_bar_it() {
        let c = embedded();
        let check = check_codes(
            c,
            "cg-4411-30",
            &["001".to_string(), "002".to_string()],
            &Readings::new(),
        )
        .unwrap();
        let cq = &c.qualifications[check.qualification];
        let id = |code: &str| c.offered_unit(cq, code).unwrap();
        assert_eq!(
            unit_mark(c, &check, id("101")).as_deref(),
            Some("Barred: cannot be taken with 001")
        );
        assert_eq!(unit_mark(c, &check, id("001")), None, "planned, no clash");
        assert_eq!(unit_mark(c, &check, id("103")), None, "nothing bars it");
        let three = ["001", "003", "004"].map(id);
        assert_eq!(
            barred_words(c, &three),
            "Barred: cannot be taken with 001, 003 and 004"
        );
    }

    #[test]
    fn planned_units_that_clash_are_marked_and_taking_one_out_comes_first_in_what_is_missing() {
        let c = embedded();
        let codes = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let check = check_codes(
            c,
            "cg-4411-30",
            &codes(&["002", "001", "101"]),
            &Readings::new(),
        )
        .unwrap();
        let marks: Vec<(String, String)> = (check.planned.iter())
            .filter_map(|u| Some((c.unit(*u).unit.code.clone(), unit_mark(c, &check, *u)?)))
            .collect();
        assert_eq!(
            marks,
            [
                ("001", "Cannot be taken with 101: take one of them out"),
                ("101", "Cannot be taken with 001: take one of them out"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        let missing = crate::present::missing(&check);
        assert_eq!(missing[0].1, "remove one of 001 / 101", "{missing:?}");
        assert_eq!(
            crate::present::next_step(&missing).as_deref(),
            Some("Next: remove one of 001 / 101")
        );
        assert_eq!(crate::present::next_step(&[]), None);
        // Without the clash, the rules keep their own order.
        let fine = check_codes(c, "cg-4411-30", &codes(&["002", "001"]), &Readings::new()).unwrap();
        assert!(fine.evaluation.clashes.is_empty());
        let order: Vec<String> = crate::present::missing(&fine)
            .into_iter()
            .map(|m| m.0)
            .collect();
        let in_rules: Vec<String> = (fine.evaluation.rules.iter())
            .filter(|r| r.status != Status::Met && r.status != Status::NotJudged)
            .map(|r| r.meta.label.clone())
            .collect();
        assert_eq!(order, in_rules);
    }

    #[test]
    fn met_barred_pairs_fold_into_one_row_and_unmet_rules_come_first_for_a_class() {
        let c = embedded();
        let check = check_codes(c, "cg-4411-30", &[], &Readings::new()).unwrap();
        let cq = &c.qualifications[check.qualification];
        let rows = rule_rows(cq, &check.evaluation, &Readings::new(), false);
        let folded: Vec<&RuleRow> = rows
            .iter()
            .filter(|r| matches!(r, RuleRow::Folded { .. }))
            .collect();
        assert_eq!(folded.len(), 1, "{rows:?}");
        let RuleRow::Folded { rules, words } = folded[0] else {
            unreachable!()
        };
        assert_eq!(
            words,
            &format!("{} barred combinations, all met", rules.len())
        );
        assert!(rules.len() >= FOLD_FROM);
        // Every rule is listed once, folded or not, in the document's order.
        let all: Vec<usize> = rows
            .iter()
            .flat_map(|r| match r {
                RuleRow::One(i) => vec![*i],
                RuleRow::Folded { rules, .. } => rules.clone(),
            })
            .collect();
        assert_eq!(all, (0..check.evaluation.rules.len()).collect::<Vec<_>>());
        // One pair broken in the middle: the runs on either side fold only where long enough,
        // and the order stays the document's.
        let units: Vec<String> = ["002", "001", "010", "102"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let broken = check_codes(c, "cg-4411-30", &units, &Readings::new()).unwrap();
        let rows = rule_rows(cq, &broken.evaluation, &Readings::new(), false);
        let flat: Vec<usize> = rows
            .iter()
            .flat_map(|r| match r {
                RuleRow::One(i) => vec![*i],
                RuleRow::Folded { rules, .. } => rules.clone(),
            })
            .collect();
        assert_eq!(flat, (0..broken.evaluation.rules.len()).collect::<Vec<_>>());
        assert!(
            rows.iter()
                .any(|r| matches!(r, RuleRow::Folded { rules, .. } if rules.len() == 8)),
            "{rows:?}"
        );
        let class = rule_rows(cq, &check.evaluation, &Readings::new(), true);
        let RuleRow::One(first) = class[0] else {
            panic!("{class:?}")
        };
        assert_eq!(check.evaluation.rules[first].status, Status::Unmet);
        // For a class, the broken pair (a unit to take out) leads, before the rules short of
        // units, which keep the document's order.
        let units = ["001", "101"].map(String::from);
        let broken = check_codes(c, "cg-4411-30", &units, &Readings::new()).unwrap();
        let class = rule_rows(cq, &broken.evaluation, &Readings::new(), true);
        let ones: Vec<usize> = (class.iter())
            .filter_map(|r| match r {
                RuleRow::One(i) => Some(*i),
                RuleRow::Folded { .. } => None,
            })
            .collect();
        let unmet: Vec<usize> = (0..broken.evaluation.rules.len())
            .filter(|i| broken.evaluation.rules[*i].status == Status::Unmet)
            .collect();
        assert!(unmet.len() > 1, "{unmet:?}");
        assert_eq!(broken.evaluation.too_many.len(), 1);
        let pair = broken.evaluation.too_many[0];
        assert_eq!(ones[0], pair);
        let rest: Vec<usize> = unmet.into_iter().filter(|i| *i != pair).collect();
        assert_eq!(ones[1..=rest.len()], rest[..]);
    }
}
