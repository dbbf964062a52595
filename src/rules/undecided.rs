//! Rules that cannot be judged from the document: a count of credits or GLH whose planned units
//! include some that publish no such figure, where the missing figures decide the rule (they
//! could make up a shortfall, or take the total over a maximum). The evaluator counts an
//! unpublished figure as nothing, which is right for searching but would call such a plan "not
//! met" (or "met") when the truth is that the document does not say; this pass, run on a plan's
//! check, says so instead.

use super::evaluate::{Evaluation, RuleResult, Status};
use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, Measure, Qualification, Requirement, UnitId};
use crate::limits::few;

/// Marks every rule the missing figures decide as `Status::Undecided`, with words that say which
/// units publish no figure, and sets the verdict: compliant only when every rule is met (or
/// needs outside evidence).
pub fn mark_undecided(c: &Catalogue, q: QualificationId, evaluation: &mut Evaluation) {
    let qualification = &c.qualifications[q].qualification;
    for r in &mut evaluation.rules {
        mark(c, qualification, r);
    }
    if evaluation.compliant.is_some() {
        evaluation.compliant = Some(
            evaluation
                .rules
                .iter()
                .all(|r| matches!(r.status, Status::Met | Status::NotJudged)),
        );
    }
}

/// The planned units counted whose figure in `measure` is not published.
fn unpublished(c: &Catalogue, measure: Measure, counted: &[UnitId]) -> Vec<String> {
    counted
        .iter()
        .map(|u| &c.unit(*u).unit)
        .filter(|u| match measure {
            Measure::Credits => u.credit.is_none(),
            Measure::Glh => u.glh.is_none(),
            Measure::Units => false,
        })
        .map(|u| u.code.clone())
        .collect()
}

fn figure(measure: Measure, n: usize) -> &'static str {
    match (measure, n == 1) {
        (Measure::Glh, true) => "publishes no GLH",
        (Measure::Glh, false) => "publish no GLH",
        (_, true) => "publishes no credit value",
        (_, false) => "publish no credit value",
    }
}

/// Whether the rule with this id is, under the reading in force, met by any one of its parts.
fn is_any_of(q: &Qualification, id: &str, reading: Option<&str>) -> bool {
    let mut all = Vec::new();
    q.rules.iter().for_each(|r| r.walk(&mut all));
    all.iter()
        .find(|r| r.id == id)
        .is_some_and(|r| matches!(r.requirement_for(reading).0, Requirement::AnyOf(_)))
}

fn mark(c: &Catalogue, q: &Qualification, r: &mut RuleResult) {
    for child in &mut r.children {
        mark(c, q, child);
    }
    if r.children.is_empty() {
        let Some(m) = r.meter else { return };
        let missing = unpublished(c, m.measure, &r.counted);
        if missing.is_empty() {
            return;
        }
        let short_of_min = m.min.is_some_and(|min| m.value < min);
        let over_max = m.max.is_some_and(|max| m.value > max);
        let units = few(&missing);
        let verb = figure(m.measure, missing.len());
        if r.status == Status::Unmet && short_of_min && !over_max {
            r.status = Status::Undecided;
            r.shortfall = Some(format!(
                "cannot be judged: {units} {verb}, which could make up the {}",
                r.shortfall.as_deref().unwrap_or("shortfall")
            ));
        } else if r.status == Status::Met && m.max.is_some() {
            r.status = Status::Undecided;
            r.shortfall = Some(format!(
                "cannot be judged: {units} {verb}, which could take the total over the maximum of {}",
                m.max.unwrap_or_default()
            ));
        }
        return;
    }
    // A rule made of rules: undecided when what stands between it and a verdict is undecided.
    let unmet = r
        .children
        .iter()
        .filter(|ch| ch.status == Status::Unmet)
        .count();
    let undecided = r
        .children
        .iter()
        .filter(|ch| ch.status == Status::Undecided)
        .count();
    if undecided == 0 {
        return;
    }
    let decided = if is_any_of(q, &r.meta.id, r.reading.as_deref()) {
        // A pathway met decides it; otherwise an undecided pathway might be met.
        r.children.iter().any(|ch| ch.status == Status::Met)
    } else {
        // Every part must be met: a part not met decides it.
        unmet > 0
    };
    if !decided {
        r.status = Status::Undecided;
        r.shortfall = Some(
            r.children
                .iter()
                .filter(|ch| ch.status == Status::Undecided)
                .filter_map(|ch| ch.shortfall.clone())
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
}
