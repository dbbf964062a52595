//! The file's units: codes present and unique, titles and sources given, credit not 0.

use super::document::Decisions;
use super::{Problem, Report};
use crate::catalogue::lookup::normalise_code;
use crate::catalogue::model::Unit;
use std::collections::HashMap;

/// The file's unit codes, as look-ups normalise them, to the unit's index in the file.
pub(in crate::catalogue) struct Codes(HashMap<String, usize>);

impl Codes {
    /// The index in the file of the unit with `code`, as a user or a rule writes it.
    pub fn index(&self, code: &str) -> Option<usize> {
        self.0.get(&normalise_code(code)).copied()
    }
}

pub(super) fn check(units: &[Unit], decisions: &Decisions, report: &mut Report) -> Codes {
    let mut codes: HashMap<String, usize> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        let record = format!("unit {}", unit.code);
        if unit.code.trim().is_empty() {
            report.error(format!("unit #{}", i + 1), Problem::EmptyCode);
        }
        if unit.title.trim().is_empty() {
            report.error(&record, Problem::EmptyTitle);
        }
        if unit.source.trim().is_empty() {
            report.error(&record, Problem::NoSource);
        }
        if let Some(prev) = codes.insert(normalise_code(&unit.code), i) {
            report.error(
                &record,
                Problem::CodeCollides(prev + 1, units[prev].code.clone()),
            );
        }
        if unit.credit == Some(0) {
            report.error(&record, Problem::ZeroCredit);
        }
        decisions.check(&record, &unit.decisions, report);
    }
    Codes(codes)
}
