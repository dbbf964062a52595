//! How far a plan's units go towards every qualification in the catalogue (credit transfer):
//! a unit counts in another qualification where that qualification offers it, or offers a unit
//! the catalogue's links record as the same unit.

use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, LinkBasis, UnitId};
use crate::plan::totals::Totals;
use crate::rules::{evaluate, Evaluation, Readings};
use crate::sort::SmallSort;

/// How a planned unit counts in another qualification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carried {
    /// The qualification offers the very same record.
    Same,
    /// It offers a record linked to this one, on this basis.
    Linked(LinkBasis),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub qualification: QualificationId,
    /// (planned unit, the unit it counts as there, how).
    pub carried: Vec<(UnitId, UnitId, Carried)>,
    pub totals: Totals,
    pub evaluation: Evaluation,
    pub rules_met: usize,
    pub rules_total: usize,
    /// 0 (nothing counts) to 1 (compliant); the sort key.
    pub closeness: f64,
}

/// The plan's progress towards every qualification, closest first. Qualifications whose
/// documents publish no rules come last, ordered by how many units carry over.
pub fn progress(catalogue: &Catalogue, planned: &[UnitId]) -> Vec<Progress> {
    closest_first(
        catalogue
            .qualification_ids()
            .map(|q| progress_towards(catalogue, q, planned))
            .collect(),
    )
}

/// `progress` narrowed to the qualifications at least one planned unit counts towards, in the
/// same order. The planner re-runs it on every change, so it only evaluates those: with a loaded
/// catalogue of hundreds of qualifications most share nothing with the plan.
pub fn progress_carried(catalogue: &Catalogue, planned: &[UnitId]) -> Vec<Progress> {
    let mut reach: Vec<UnitId> = planned.to_vec();
    for &u in planned {
        reach.extend(catalogue.same_units(u).into_iter().map(|(t, _)| t));
    }
    reach.sort_small();
    reach.dedup();
    closest_first(
        catalogue
            .qualification_ids()
            .filter(|&q| {
                catalogue.qualifications[q]
                    .units
                    .iter()
                    .any(|u| reach.binary_search(u).is_ok())
            })
            .map(|q| progress_towards(catalogue, q, planned))
            .collect(),
    )
}

fn closest_first(mut out: Vec<Progress>) -> Vec<Progress> {
    // Unstable, so ties fall back to catalogue order explicitly.
    out.sort_small_by(|a, b| {
        let key = |p: &Progress| {
            (
                p.evaluation.compliant.is_some(),
                p.closeness,
                p.carried.len(),
            )
        };
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.qualification.cmp(&b.qualification))
    });
    out
}

/// The unit of qualification `q` that unit `u` (of any document) counts as, and how: `u` itself
/// where `q` offers it, else the first unit `q` offers that the catalogue's links record as the
/// same unit. `None` where it counts as no unit of `q`.
pub fn counts_as(
    catalogue: &Catalogue,
    q: QualificationId,
    u: UnitId,
) -> Option<(UnitId, Carried)> {
    let cq = &catalogue.qualifications[q];
    if cq.units.contains(&u) {
        return Some((u, Carried::Same));
    }
    catalogue
        .same_units(u)
        .into_iter()
        .find(|(t, _)| cq.units.contains(t))
        .map(|(t, basis)| (t, Carried::Linked(basis)))
}

pub fn progress_towards(catalogue: &Catalogue, q: QualificationId, planned: &[UnitId]) -> Progress {
    let cq = &catalogue.qualifications[q];
    let mut carried = Vec::new();
    for &u in planned {
        match counts_as(catalogue, q, u) {
            Some((t, Carried::Same)) => carried.push((u, t, Carried::Same)),
            Some((t, how)) if !carried.iter().any(|(_, x, _)| *x == t) => carried.push((u, t, how)),
            _ => {}
        }
    }
    let ids: Vec<UnitId> = carried.iter().map(|(_, t, _)| *t).collect();
    let evaluation = evaluate(catalogue, q, &ids, &Readings::new());
    let totals = Totals::of(catalogue, cq, &ids);
    let (rules_met, rules_total) = evaluation.rules_met();
    let closeness = match evaluation.compliant {
        _ if carried.is_empty() => 0.0,
        Some(true) => 1.0,
        Some(false) => {
            // Rules met, and credits towards the minimum, in equal parts (never 1 unless compliant).
            let rules = rules_met as f64 / rules_total.max(1) as f64;
            let credits = match (totals.credits, cq.qualification.min_credits) {
                (Some(c), Some(m)) if m > 0 => (c as f64 / m as f64).min(1.0),
                _ => rules,
            };
            ((rules + credits) / 2.0).min(0.99)
        }
        None => 0.0,
    };
    Progress {
        qualification: q,
        carried,
        totals,
        evaluation,
        rules_met,
        rules_total,
        closeness,
    }
}
