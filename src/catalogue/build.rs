//! Turns parsed data files into an indexed, validated `Catalogue`.

use super::check::{check_document, check_links, Problem, Report};
use super::compiled::CompiledRule;
use super::error::{CatalogueError, CatalogueErrors};
use super::level::Level;
use super::model::{
    Decision, Document, DocumentFile, Link, LinkBasis, LinksFile, Qualification, Unit,
};
use crate::limits::{
    check_bytes, check_count, MAX_CATALOGUE_FILE_BYTES, MAX_CATALOGUE_QUALIFICATIONS,
    MAX_CATALOGUE_UNITS,
};
use crate::sort::SmallSort;
use std::collections::{HashMap, HashSet};

/// A unit of the catalogue: its index in `Catalogue::units`, typed so that it is never taken for
/// a count, a code or a qualification's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitId(pub u32);

impl UnitId {
    /// The unit at this place in `Catalogue::units`.
    pub fn at(index: usize) -> UnitId {
        UnitId(index as u32)
    }

    /// Its place in `Catalogue::units`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A qualification of the catalogue: its index in `Catalogue::qualifications` (whose id, the
/// string in the data file, is `qualification.id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QualificationId(pub usize);

impl QualificationId {
    pub fn index(self) -> usize {
        self.0
    }
}

impl std::ops::Index<QualificationId> for Vec<CatalogueQualification> {
    type Output = CatalogueQualification;
    fn index(&self, q: QualificationId) -> &CatalogueQualification {
        &self[q.0]
    }
}

#[derive(Clone, Debug)]
pub struct DocumentRecord {
    pub file: String,
    pub document: Document,
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug)]
pub struct CatalogueUnit {
    pub doc: usize,
    /// `DOCUMENT:CODE`, unique in the catalogue.
    pub key: String,
    pub unit: Unit,
}

/// One way to read a rule, as a person chooses between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadingNote {
    pub id: String,
    pub label: String,
    /// Why the document can be read this way, where the data says.
    pub why: Option<String>,
    /// Whether this is the reading the catalogue takes unless told otherwise.
    pub default: bool,
}

/// A group as the available units show it: its index in the qualification's groups and the
/// units shown under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupPlacement {
    pub group: usize,
    pub units: Vec<PlacedUnit>,
}

/// A unit shown under a group, with the names of the other groups that list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedUnit {
    pub unit: UnitId,
    pub also_in: Vec<String>,
}

impl CatalogueQualification {
    /// Indices (into `qualification.groups`) of the groups that list a unit.
    pub fn groups_of(&self, unit: UnitId) -> Vec<usize> {
        self.groups
            .iter()
            .enumerate()
            .filter(|(_, (_, units))| units.contains(&unit))
            .map(|(i, _)| i)
            .collect()
    }

    /// The levels of the units it offers, lowest first, each once: the choices of a level filter.
    pub fn levels(&self, catalogue: &Catalogue) -> Vec<Level> {
        let mut v: Vec<Level> = self
            .units
            .iter()
            .map(|u| catalogue.unit(*u).unit.level)
            .collect();
        v.sort_small();
        v.dedup();
        v
    }

    /// Where each unit is shown: a unit the document lists in two groups is shown once, under
    /// the first, with the names of the others. One entry per group, in document order.
    pub fn placement(&self) -> Vec<GroupPlacement> {
        let mut shown: HashSet<UnitId> = HashSet::new();
        self.groups
            .iter()
            .enumerate()
            .map(|(gi, (_, ids))| {
                let here = ids
                    .iter()
                    .copied()
                    .filter(|id| shown.insert(*id))
                    .map(|unit| PlacedUnit {
                        unit,
                        also_in: self
                            .groups_of(unit)
                            .into_iter()
                            .filter(|g| *g != gi)
                            .map(|g| self.qualification.groups[g].name.clone())
                            .collect(),
                    })
                    .collect();
                GroupPlacement {
                    group: gi,
                    units: here,
                }
            })
            .collect()
    }

    /// Every reading of a rule (nested ones included), the document's default first, with why
    /// each is a way to read it; empty for a rule with one reading.
    pub fn readings_of(&self, rule: &str) -> Vec<ReadingNote> {
        let mut all = Vec::new();
        for r in &self.qualification.rules {
            r.walk(&mut all);
        }
        let Some(r) = all.into_iter().find(|r| r.id == rule) else {
            return Vec::new();
        };
        let default = r.reading.iter().map(|d| ReadingNote {
            id: d.id.clone(),
            label: d.label.clone(),
            why: d.why.clone(),
            default: true,
        });
        let others = r.alternatives.iter().map(|a| ReadingNote {
            id: a.id.clone(),
            label: a.label.clone(),
            why: a.why.clone(),
            default: false,
        });
        default.chain(others).collect()
    }

    /// Whether one of the qualification's rules has this reading.
    pub fn has_reading(&self, rule: &str, reading: &str) -> bool {
        let mut all = Vec::new();
        for r in &self.qualification.rules {
            r.walk(&mut all);
        }
        all.iter()
            .any(|r| r.id == rule && r.readings().iter().any(|(id, _)| *id == reading))
    }
}

#[derive(Clone, Debug)]
pub struct CatalogueQualification {
    pub doc: usize,
    pub qualification: Qualification,
    /// Every unit available in the qualification, in the order its groups list them.
    pub units: Vec<UnitId>,
    /// Group id and its units, in document order.
    pub groups: Vec<(String, Vec<UnitId>)>,
    pub rules: Vec<CompiledRule>,
}

#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub documents: Vec<DocumentRecord>,
    pub units: Vec<CatalogueUnit>,
    pub qualifications: Vec<CatalogueQualification>,
    pub links: Vec<Link>,
    pub(super) by_key: HashMap<String, UnitId>,
}

impl Catalogue {
    /// Parses and validates document files (name, JSON text) and an optional links file.
    /// Every error found is returned, each naming its file and record.
    pub fn from_sources(
        documents: &[(&str, &str)],
        links: Option<(&str, &str)>,
    ) -> Result<Catalogue, CatalogueErrors> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        for (name, text) in documents {
            match serde_json::from_str::<DocumentFile>(text) {
                Ok(file) => parsed.push((name.to_string(), file)),
                Err(e) => Report::new(name, &mut errors).error("", json_problem(text, &e)),
            }
        }
        let links = match links {
            Some((name, text)) => match serde_json::from_str::<LinksFile>(text) {
                Ok(l) => Some((name.to_string(), l)),
                Err(e) => {
                    Report::new(name, &mut errors).error("", json_problem(text, &e));
                    None
                }
            },
            None => None,
        };
        if !errors.is_empty() {
            return Err(CatalogueErrors(errors));
        }
        let mut catalogue = Catalogue::default();
        for (name, file) in parsed {
            catalogue.add_document(&name, file, &mut errors);
        }
        // Links are checked only against documents that loaded, so one broken document does
        // not bury its own error under every link that points into it.
        if let (Some((name, links)), true) = (links, errors.is_empty()) {
            catalogue.add_links(&name, links, &mut errors);
        }
        if errors.is_empty() {
            Ok(catalogue)
        } else {
            Err(CatalogueErrors(errors))
        }
    }

    /// Adds one more document (a catalogue file a user loads) to a built catalogue.
    /// Refused before it is parsed when over `MAX_CATALOGUE_FILE_BYTES`, and after when it holds
    /// more units or qualifications than `MAX_CATALOGUE_UNITS` / `MAX_CATALOGUE_QUALIFICATIONS`.
    pub fn with_document(&self, name: &str, text: &str) -> Result<Catalogue, CatalogueErrors> {
        let one = |problem: Problem| {
            let mut errors = Vec::new();
            Report::new(name, &mut errors).error("", problem);
            CatalogueErrors(errors)
        };
        check_bytes("the file", text.len(), MAX_CATALOGUE_FILE_BYTES)
            .map_err(|e| one(Problem::TooLarge(e)))?;
        let file =
            serde_json::from_str::<DocumentFile>(text).map_err(|e| one(json_problem(text, &e)))?;
        check_count("its list of units", file.units.len(), MAX_CATALOGUE_UNITS)
            .and_then(|_| {
                check_count(
                    "its list of qualifications",
                    file.qualifications.len(),
                    MAX_CATALOGUE_QUALIFICATIONS,
                )
            })
            .map_err(|e| one(Problem::TooLarge(e)))?;
        let mut catalogue = self.clone();
        let mut errors = Vec::new();
        catalogue.add_document(name, file, &mut errors);
        if errors.is_empty() {
            return Ok(catalogue);
        }
        for e in &mut errors {
            e.excerpt = super::json_words::record_excerpt(text, &e.record);
        }
        Err(CatalogueErrors(errors))
    }

    pub fn unit(&self, id: UnitId) -> &CatalogueUnit {
        &self.units[id.index()]
    }

    pub fn unit_by_key(&self, key: &str) -> Option<UnitId> {
        self.by_key.get(key).copied()
    }

    /// The unit a qualification offers under `code`, exactly as its document prints it (the
    /// codes plans store); `find_unit` is the forgiving look-up for what users type.
    pub fn offered_unit(&self, q: &CatalogueQualification, code: &str) -> Option<UnitId> {
        q.units
            .iter()
            .copied()
            .find(|id| self.unit(*id).unit.code == code)
    }

    pub fn document_of(&self, q: &CatalogueQualification) -> &DocumentRecord {
        &self.documents[q.doc]
    }

    pub fn qualification(&self, id: &str) -> Option<&CatalogueQualification> {
        self.qualifications
            .iter()
            .find(|q| q.qualification.id == id)
    }

    /// Every qualification, in catalogue order.
    pub fn qualification_ids(&self) -> impl Iterator<Item = QualificationId> {
        (0..self.qualifications.len()).map(QualificationId)
    }

    pub fn qualification_index(&self, id: &str) -> Option<QualificationId> {
        self.qualifications
            .iter()
            .position(|q| q.qualification.id == id)
            .map(QualificationId)
    }

    /// Whether a qualification comes from a file a person loaded (made in the editor, say), not
    /// from the embedded documents, which every catalogue starts from.
    pub fn is_own(&self, q: &CatalogueQualification) -> bool {
        q.doc >= super::EMBEDDED_FILES.len()
    }

    /// The qualifications this catalogue has that `before` did not (what a loaded file added).
    pub fn added_since<'a>(&'a self, before: &Catalogue) -> Vec<&'a CatalogueQualification> {
        self.qualifications
            .iter()
            .filter(|q| before.qualification(&q.qualification.id).is_none())
            .collect()
    }

    /// Units recorded as the same unit as `id` in other documents, with the basis of each link.
    pub fn same_units(&self, id: UnitId) -> Vec<(UnitId, LinkBasis)> {
        let key = &self.unit(id).key;
        let mut out = Vec::new();
        for link in &self.links {
            if link.units.iter().any(|k| k == key) {
                for other in &link.units {
                    if other != key {
                        if let Some(o) = self.unit_by_key(other) {
                            if !out.iter().any(|(u, _)| *u == o) {
                                out.push((o, link.basis));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Checks a data file (`check`) and, when it passes, indexes it (`index`).
    fn add_document(&mut self, name: &str, file: DocumentFile, errors: &mut Vec<CatalogueError>) {
        let mut report = Report::new(name, errors);
        if let Some(checked) = check_document(self, &file, &mut report) {
            self.index(name, file, checked);
        }
    }

    /// Checks a links file against the catalogue (`check::links`) and adds its links.
    fn add_links(&mut self, name: &str, file: LinksFile, errors: &mut Vec<CatalogueError>) {
        let mut report = Report::new(name, errors);
        if check_links(self, &file, &mut report) {
            self.links.extend(file.links);
        }
    }
}

/// Titles compared as a reader would: case, punctuation and spacing aside (ASCII letters and
/// digits only, as in every text comparison of the crate; see `Unit::matches_text`).
pub fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect::<String>()
    };
    norm(a) == norm(b)
}

/// The parser's finding in plain words, with the line and a caret under the place.
fn json_problem(text: &str, e: &serde_json::Error) -> Problem {
    Problem::NotACatalogueFile(super::json_error_words(text, e))
}
