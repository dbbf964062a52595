//! A qualification's groups: ids unique, every unit one of the file's.

use super::units::Codes;
use super::{Problem, Report};
use crate::catalogue::model::Qualification;
use std::collections::HashSet;

/// The units the groups make available (indices into the file's units, in group order, each
/// once).
pub(super) fn check(
    q: &Qualification,
    record: &str,
    codes: &Codes,
    report: &mut Report,
) -> Vec<usize> {
    let mut group_ids = HashSet::new();
    let mut available: Vec<usize> = Vec::new();
    for g in &q.groups {
        if !group_ids.insert(g.id.as_str()) {
            report.error(record, Problem::GroupIdTwice(g.id.clone()));
        }
        if g.units.is_empty() {
            report.error(
                format!("{record}, group {}", g.id),
                Problem::GroupEmpty(g.id.clone()),
            );
        }
        for code in &g.units {
            match codes.index(code) {
                Some(i) => {
                    if !available.contains(&i) {
                        available.push(i);
                    }
                }
                None => report.error(
                    format!("{record}, group {}", g.id),
                    Problem::UnknownUnit(code.clone()),
                ),
            }
        }
    }
    available
}
