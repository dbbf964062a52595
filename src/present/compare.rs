//! Plans side by side, as an adviser weighs two or three routes with a learner: each plan's
//! verdict, totals, what is achieved, what is left and when it would be finished, and its units
//! with the ones another compared plan also holds marked (the same unit, or one the catalogue
//! links as the same).

use super::finish::{finish_words, no_estimate_words};
use super::options::totals_words;
use super::record::{achieved_so_far_words, record_line};
use super::verdict::{missing, verdict};
use crate::catalogue::{Catalogue, UnitId};
use crate::plan::{check_record, counts_as, finish_estimate, Date, Plan, UnitStatus, Workspace};

/// The most plans compared at once: more columns do not fit a laptop's width.
pub const MAX_COMPARED: usize = 3;

/// One plan's column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareColumn {
    pub name: String,
    pub qualification: String,
    pub verdict: String,
    pub totals: String,
    /// What the plan still misses, a rule each: "Optional Unit Group A: 1 more unit from ...".
    pub missing: Vec<String>,
    /// "Achieved so far: ...", where the plan has a record.
    pub achieved: Option<String>,
    /// The finish date, or why there is none, where the plan has a study rate.
    pub finish: Option<String>,
    /// Still to study, where a finish date was estimated.
    pub left: Option<String>,
    pub units: Vec<CompareUnit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareUnit {
    pub code: String,
    pub title: String,
    /// "Planned", "Achieved as CU791, EDI (...)", ...
    pub status: String,
    /// Another compared plan holds it, or a unit the catalogue links as the same.
    pub shared: bool,
}

/// The plans compared, by name: those ticked that still exist, or, with none ticked, the open
/// plan and the ones after it (up to `MAX_COMPARED`).
pub fn compared_names(w: &Workspace, ticked: &[String]) -> Vec<String> {
    let names: Vec<&String> = w.plans.iter().map(|p| &p.name).collect();
    let kept: Vec<String> = ticked
        .iter()
        .filter(|n| names.contains(n))
        .take(MAX_COMPARED)
        .cloned()
        .collect();
    if !kept.is_empty() {
        return kept;
    }
    names
        .iter()
        .cycle()
        .skip(w.current)
        .take(names.len().min(MAX_COMPARED))
        .map(|n| n.to_string())
        .collect()
}

/// Whether `unit` is one of `others`' units: the same record, or one the catalogue links as
/// the same unit of that plan's qualification.
fn held_by(
    c: &Catalogue,
    unit: UnitId,
    other: &(crate::catalogue::QualificationId, Vec<UnitId>),
) -> bool {
    let (q, units) = other;
    units.contains(&unit) || counts_as(c, *q, unit).is_some_and(|(u, _)| units.contains(&u))
}

/// The columns for `plans` (on qualifications the catalogue holds; others are left out).
pub fn compare_plans(c: &Catalogue, plans: &[&Plan]) -> Vec<CompareColumn> {
    let read: Vec<_> = plans
        .iter()
        .filter_map(|p| p.record(c).map(|(q, record)| (*p, q, record)))
        .collect();
    let units: Vec<_> = read.iter().map(|(_, q, r)| (*q, r.units())).collect();
    read.iter()
        .enumerate()
        .map(|(i, (plan, q, record))| {
            let cq = &c.qualifications[*q];
            let rc = check_record(c, *q, record, &plan.readings);
            let estimate = plan.study.as_ref().and_then(|s| {
                let from = Date::parse(&s.from).ok()?;
                Some(finish_estimate(
                    c,
                    *q,
                    record,
                    &plan.readings,
                    s.hours_a_week,
                    from,
                ))
            });
            let (finish, left) = match &estimate {
                Some(Ok(e)) => {
                    let w = finish_words(c, e);
                    (Some(w.finish), Some(w.left))
                }
                Some(Err(e)) => (Some(no_estimate_words(c, e)), None),
                None => (None, None),
            };
            CompareColumn {
                name: plan.name.clone(),
                qualification: cq.qualification.title.clone(),
                verdict: verdict(Some(&rc.whole)).words,
                totals: totals_words(&cq.qualification, &rc.whole.totals),
                missing: missing(&rc.whole)
                    .into_iter()
                    .map(|(label, short)| format!("{label}: {short}"))
                    .collect(),
                achieved: record.has_progress().then(|| achieved_so_far_words(&rc)),
                finish,
                left,
                units: record
                    .entries()
                    .iter()
                    .map(|e| {
                        let u = &c.unit(e.unit).unit;
                        CompareUnit {
                            code: u.code.clone(),
                            title: u.title.clone(),
                            status: if e.status == UnitStatus::Planned {
                                String::new()
                            } else {
                                record_line(c, e)
                            },
                            shared: units
                                .iter()
                                .enumerate()
                                .any(|(j, other)| j != i && held_by(c, e.unit, other)),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}
