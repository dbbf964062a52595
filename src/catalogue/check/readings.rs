//! A rule's readings: ids unique, and a default named wherever there are alternatives.

use super::Report;
use crate::catalogue::Rule;
use std::collections::HashSet;

pub(super) fn check(rule: &Rule, record: &str, report: &mut Report) {
    let mut reading_ids = HashSet::new();
    if let Some(rd) = &rule.reading {
        reading_ids.insert(rd.id.as_str());
    }
    for alt in &rule.alternatives {
        if !reading_ids.insert(alt.id.as_str()) {
            report.error(record, format!("reading id {:?} is used twice", alt.id));
        }
    }
    if !rule.alternatives.is_empty() && rule.reading.is_none() {
        report.error(
            record,
            "has alternatives but no \"reading\" naming the default reading",
        );
    }
}
