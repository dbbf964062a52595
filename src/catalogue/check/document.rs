//! The document as a whole: schema, id, and the decisions its records refer to.

use super::{Problem, Report};
use crate::catalogue::model::DocumentFile;
use crate::catalogue::Catalogue;
use std::collections::HashSet;

/// The document's id, trimmed, when the schema is known and the id is usable and new.
pub(super) fn check(
    catalogue: &Catalogue,
    file: &DocumentFile,
    report: &mut Report,
) -> Option<String> {
    if file.schema != 1 {
        report.error("", Problem::UnsupportedSchema(file.schema));
        return None;
    }
    let doc_id = file.document.id.trim().to_string();
    if doc_id.is_empty() || doc_id.contains(':') {
        report.error("document", Problem::BadDocumentId(doc_id));
        return None;
    }
    if catalogue.documents.iter().any(|d| d.document.id == doc_id) {
        report.error("document", Problem::DocumentAlreadyLoaded(doc_id));
        return None;
    }
    if file.qualifications.is_empty() {
        report.error("", Problem::NoQualifications);
    }
    Some(doc_id)
}

/// The ids in the file's "decisions" list, which units, qualifications and rules cite.
pub(in crate::catalogue) struct Decisions<'a>(HashSet<&'a str>);

impl<'a> Decisions<'a> {
    pub fn of(file: &'a DocumentFile) -> Decisions<'a> {
        Decisions(file.decisions.iter().map(|d| d.id.as_str()).collect())
    }

    /// Reports each of `ids` the list does not have.
    pub fn check(&self, record: &str, ids: &[String], report: &mut Report) {
        for id in ids.iter().filter(|id| !self.0.contains(id.as_str())) {
            report.error(record, Problem::UnknownDecision(id.clone()));
        }
    }
}
