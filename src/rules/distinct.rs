//! Rules that must not share a unit (a unit listed in two groups counts towards one of them):
//! finds an assignment of units to rules that meets them all, if one exists.

use super::compile::CompiledRule;
use super::evaluate::{countable, evaluate_rule, node_in_force, Ctx, RuleResult, Status};
use crate::catalogue::UnitId;

/// Beyond this many assignments, units shared by several rules are placed one at a time instead
/// of exhaustively. Real qualifications share a handful of units at most.
const EXHAUSTIVE_LIMIT: u64 = 50_000;

/// Evaluates `rules` so that each planned unit counts towards at most one of them, choosing the
/// assignment that meets the most rules and, among those, leaves the least shortfall.
pub(super) fn assign_distinct(
    rules: &[CompiledRule],
    ctx: &Ctx,
    allowed: &[UnitId],
) -> Vec<RuleResult> {
    // For each planned unit, the rules it could count towards.
    let mut fixed: Vec<Vec<UnitId>> = vec![Vec::new(); rules.len()];
    let mut shared: Vec<(UnitId, Vec<usize>)> = Vec::new();
    let candidates: Vec<Vec<UnitId>> = rules
        .iter()
        .map(|r| {
            let mut v = Vec::new();
            countable(
                node_in_force(r, ctx.readings).0,
                ctx.catalogue,
                ctx.readings,
                allowed,
                &mut v,
            );
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    for u in allowed {
        let takers: Vec<usize> = (0..rules.len())
            .filter(|i| candidates[*i].binary_search(u).is_ok())
            .collect();
        match takers.len() {
            0 => {}
            1 => fixed[takers[0]].push(*u),
            _ => shared.push((*u, takers)),
        }
    }
    let evaluate_with = |sets: &[Vec<UnitId>]| -> (Vec<RuleResult>, (usize, u32)) {
        let results: Vec<RuleResult> = rules
            .iter()
            .zip(sets)
            .map(|(r, set)| {
                let mut s = set.clone();
                s.sort_unstable();
                evaluate_rule(r, ctx, &s)
            })
            .collect();
        let score = (
            results.iter().filter(|r| r.status == Status::Unmet).count(),
            results.iter().map(|r| r.deficit).sum(),
        );
        (results, score)
    };
    if shared.is_empty() {
        return evaluate_with(&fixed).0;
    }
    let combinations = shared
        .iter()
        .try_fold(1u64, |acc, (_, t)| acc.checked_mul(t.len() as u64))
        .unwrap_or(u64::MAX);
    if combinations <= EXHAUSTIVE_LIMIT {
        let mut choice = vec![0usize; shared.len()];
        let mut best: Option<(Vec<RuleResult>, (usize, u32))> = None;
        loop {
            let mut sets = fixed.clone();
            for ((u, takers), c) in shared.iter().zip(&choice) {
                sets[takers[*c]].push(*u);
            }
            let (results, score) = evaluate_with(&sets);
            if best.as_ref().is_none_or(|(_, b)| score < *b) {
                let done = score == (0, 0);
                best = Some((results, score));
                if done {
                    break;
                }
            }
            // Next combination, odometer style.
            let mut i = 0;
            loop {
                if i == choice.len() {
                    return best.expect("at least one combination was tried").0;
                }
                choice[i] += 1;
                if choice[i] < shared[i].1.len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
        }
        best.expect("at least one combination was tried").0
    } else {
        // Too many to try: place each shared unit where it helps most, given those placed so far.
        let mut sets = fixed;
        for (u, takers) in &shared {
            let mut best: Option<(usize, (usize, u32))> = None;
            for t in takers {
                sets[*t].push(*u);
                let (_, score) = evaluate_with(&sets);
                sets[*t].pop();
                if best.is_none_or(|(_, b)| score < b) {
                    best = Some((*t, score));
                }
            }
            sets[best.expect("a shared unit has takers").0].push(*u);
        }
        evaluate_with(&sets).0
    }
}
