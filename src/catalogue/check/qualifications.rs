//! A qualification's own record: a new id, GLH given one way, rules present exactly when the
//! document publishes them.

use super::document::Decisions;
use super::Report;
use crate::catalogue::model::{DocumentFile, Qualification};
use crate::catalogue::Catalogue;

pub(super) fn check(
    catalogue: &Catalogue,
    file: &DocumentFile,
    q: &Qualification,
    record: &str,
    decisions: &Decisions,
    report: &mut Report,
) {
    if q.id.trim().is_empty() {
        report.error("qualification", "empty id");
    }
    if catalogue
        .qualifications
        .iter()
        .any(|o| o.qualification.id == q.id)
        || file.qualifications.iter().filter(|o| o.id == q.id).count() > 1
    {
        report.error(record, "id is used by another qualification");
    }
    if q.glh.is_some() && q.glh_range.is_some() {
        report.error(record, "has both glh and glh_range: give one");
    }
    if let Some([lo, hi]) = q.glh_range {
        if lo > hi {
            report.error(record, format!("glh_range [{lo}, {hi}] is reversed"));
        }
    }
    if q.rules_published && q.rules.is_empty() {
        report.error(record, "rules_published is true but no rules are given");
    }
    if !q.rules_published {
        if !q.rules.is_empty() {
            report.error(record, "rules_published is false but rules are given");
        }
        if q.rules_note.as_deref().unwrap_or("").trim().is_empty() {
            report.error(
                record,
                "rules_published is false: rules_note must say what the document says instead",
            );
        }
    }
    decisions.check(record, &q.decisions, report);
}
