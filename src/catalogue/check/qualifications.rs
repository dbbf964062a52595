//! A qualification's own record: a new id, GLH given one way, rules present exactly when the
//! document publishes them.

use super::document::Decisions;
use super::{Problem, Report};
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
        report.error("qualification", Problem::EmptyQualificationId);
    }
    if catalogue
        .qualifications
        .iter()
        .any(|o| o.qualification.id == q.id)
        || file.qualifications.iter().filter(|o| o.id == q.id).count() > 1
    {
        report.error(record, Problem::QualificationIdTaken);
    }
    if let Some(number) = q
        .regulator_number
        .as_deref()
        .filter(|n| !n.trim().is_empty())
    {
        let same = |o: &Qualification| o.regulator_number.as_deref() == Some(number);
        if let Some(other) = catalogue
            .qualifications
            .iter()
            .map(|o| &o.qualification)
            .chain(file.qualifications.iter().filter(|o| o.id != q.id))
            .find(|o| same(o))
        {
            report.error(
                record,
                Problem::RegulatorNumberTaken(number.to_string(), other.title.clone()),
            );
        }
    }
    if q.glh.is_some() && q.glh_range.is_some() {
        report.error(record, Problem::GlhGivenTwice);
    }
    if let Some([lo, hi]) = q.glh_range {
        if lo > hi {
            report.error(record, Problem::GlhRangeReversed(lo, hi));
        }
    }
    if q.rules_published && q.rules.is_empty() {
        report.error(record, Problem::RulesPublishedButNone);
    }
    if !q.rules_published {
        if !q.rules.is_empty() {
            report.error(record, Problem::RulesGivenButNotPublished);
        }
        if q.rules_note.as_deref().unwrap_or("").trim().is_empty() {
            report.error(record, Problem::NoRulesNote);
        }
    }
    decisions.check(record, &q.decisions, report);
}
