//! A rule's readings: ids unique, and a default named wherever there are alternatives.

use super::{Problem, Report};
use crate::catalogue::Rule;
use std::collections::HashSet;

pub(super) fn check(rule: &Rule, record: &str, report: &mut Report) {
    let mut reading_ids = HashSet::new();
    if let Some(rd) = &rule.reading {
        reading_ids.insert(rd.id.as_str());
    }
    for alt in &rule.alternatives {
        if !reading_ids.insert(alt.id.as_str()) {
            report.error(record, Problem::ReadingIdTwice(alt.id.clone()));
        }
    }
    if !rule.alternatives.is_empty() && rule.reading.is_none() {
        report.error(record, Problem::NoDefaultReading);
    }
}
