//! Checks one data file before it joins a catalogue, by what is checked: the document
//! (`document`), its units (`units`), each qualification's own figures (`qualifications`), its
//! groups (`groups`), its rules (`rules`) and their readings (`readings`); then `Catalogue::index`
//! adds what passed. The links file between documents is checked by `links`. Every error is a
//! `Problem` (`problem`, where each is worded), made the one way, through `Report`, naming the
//! file and the record.

mod document;
mod groups;
mod links;
mod problem;
mod qualifications;
mod readings;
mod rules;
mod units;

use super::error::CatalogueError;
use super::model::{DocumentFile, Qualification};
use super::Catalogue;
pub(super) use links::check_links;
pub use problem::Problem;
pub(super) use units::Codes;

/// Collects errors for one file.
pub(super) struct Report<'a> {
    file: &'a str,
    errors: &'a mut Vec<CatalogueError>,
}

impl<'a> Report<'a> {
    pub fn new(file: &'a str, errors: &'a mut Vec<CatalogueError>) -> Report<'a> {
        Report { file, errors }
    }

    /// An error in `record` ("unit 002", "qualification X, rule Y"; empty for the whole file).
    pub fn error(&mut self, record: impl Into<String>, problem: Problem) {
        self.errors.push(CatalogueError {
            file: self.file.to_string(),
            record: record.into(),
            problem,
            excerpt: None,
        });
    }

    pub fn count(&self) -> usize {
        self.errors.len()
    }
}

/// What a file that passed every check brings: its document id, its unit codes, and each
/// qualification with the indices (into the file's units) of the units it offers.
pub(super) struct Checked {
    pub doc_id: String,
    pub codes: Codes,
    pub qualifications: Vec<(Qualification, Vec<usize>)>,
}

/// Checks `file` against itself and the catalogue it would join; `None` when anything is wrong
/// (the errors are in `report`).
pub(super) fn check_document(
    catalogue: &Catalogue,
    file: &DocumentFile,
    report: &mut Report,
) -> Option<Checked> {
    let before = report.count();
    let doc_id = document::check(catalogue, file, report)?;
    let decisions = document::Decisions::of(file);
    let codes = units::check(&file.units, &decisions, report);
    let mut qualifications = Vec::new();
    for q in &file.qualifications {
        let record = format!("qualification {}", q.id);
        qualifications::check(catalogue, file, q, &record, &decisions, report);
        let available = groups::check(q, &record, &codes, report);
        rules::check(q, &record, &codes, &available, &decisions, report);
        qualifications.push((q.clone(), available));
    }
    (report.count() == before).then_some(Checked {
        doc_id,
        codes,
        qualifications,
    })
}
