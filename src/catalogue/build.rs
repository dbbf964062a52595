//! Turns parsed data files into an indexed, validated `Catalogue`.

use super::error::{CatalogueError, CatalogueErrors};
use super::model::{
    Decision, Document, DocumentFile, Link, LinkBasis, LinksFile, Qualification, Unit,
};
use crate::limits::{
    check_bytes, check_count, cut, MAX_CATALOGUE_FILE_BYTES, MAX_CATALOGUE_QUALIFICATIONS,
    MAX_CATALOGUE_UNITS,
};
use crate::rules::{compile_rules, CompiledRule, Requirement, UnitSet};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Index of a unit in `Catalogue::units`.
pub type UnitId = u32;

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
    by_key: HashMap<String, UnitId>,
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
                Err(e) => errors.push(CatalogueError::new(name, "", json_message(&e))),
            }
        }
        let links = match links {
            Some((name, text)) => match serde_json::from_str::<LinksFile>(text) {
                Ok(l) => Some((name.to_string(), l)),
                Err(e) => {
                    errors.push(CatalogueError::new(name, "", json_message(&e)));
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
        let one = |message: String| CatalogueErrors(vec![CatalogueError::new(name, "", message)]);
        check_bytes("the file", text.len(), MAX_CATALOGUE_FILE_BYTES)
            .map_err(|e| one(e.to_string()))?;
        let file = serde_json::from_str::<DocumentFile>(text).map_err(|e| one(json_message(&e)))?;
        check_count("its list of units", file.units.len(), MAX_CATALOGUE_UNITS)
            .and_then(|_| {
                check_count(
                    "its list of qualifications",
                    file.qualifications.len(),
                    MAX_CATALOGUE_QUALIFICATIONS,
                )
            })
            .map_err(|e| one(e.to_string()))?;
        let mut catalogue = self.clone();
        let mut errors = Vec::new();
        catalogue.add_document(name, file, &mut errors);
        if errors.is_empty() {
            Ok(catalogue)
        } else {
            Err(CatalogueErrors(errors))
        }
    }

    pub fn unit(&self, id: UnitId) -> &CatalogueUnit {
        &self.units[id as usize]
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

    pub fn qualification_index(&self, id: &str) -> Option<usize> {
        self.qualifications
            .iter()
            .position(|q| q.qualification.id == id)
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

    fn add_document(&mut self, name: &str, file: DocumentFile, errors: &mut Vec<CatalogueError>) {
        let before = errors.len();
        if file.schema != 1 {
            errors.push(CatalogueError::new(
                name,
                "",
                format!("schema {} is not supported: expected 1", file.schema),
            ));
            return;
        }
        let doc_id = file.document.id.trim().to_string();
        if doc_id.is_empty() || doc_id.contains(':') {
            errors.push(CatalogueError::new(
                name,
                "document",
                format!("document id {doc_id:?} must be non-empty and contain no ':'"),
            ));
            return;
        }
        if self.documents.iter().any(|d| d.document.id == doc_id) {
            errors.push(CatalogueError::new(
                name,
                "document",
                format!("document id {doc_id:?} is already in the catalogue"),
            ));
            return;
        }
        let decision_ids: HashSet<&str> = file.decisions.iter().map(|d| d.id.as_str()).collect();
        let check_decisions = |record: &str, ids: &[String], errors: &mut Vec<CatalogueError>| {
            for id in ids {
                if !decision_ids.contains(id.as_str()) {
                    errors.push(CatalogueError::new(
                        name,
                        record,
                        format!("refers to decision {id:?}, which the file's \"decisions\" list does not have"),
                    ));
                }
            }
        };

        // Units: codes unique, numbers sane.
        let mut codes: HashMap<String, usize> = HashMap::new();
        for (i, unit) in file.units.iter().enumerate() {
            let record = format!("unit {}", unit.code);
            if unit.code.trim().is_empty() {
                errors.push(CatalogueError::new(
                    name,
                    format!("unit #{}", i + 1),
                    "empty code",
                ));
            }
            if unit.title.trim().is_empty() {
                errors.push(CatalogueError::new(name, &record, "empty title"));
            }
            if unit.source.trim().is_empty() {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "no source: say where the unit is printed",
                ));
            }
            if let Some(prev) = codes.insert(super::lookup::normalise_code(&unit.code), i) {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    format!(
                        "code collides with unit #{} ({:?})",
                        prev + 1,
                        file.units[prev].code
                    ),
                ));
            }
            if unit.credit == Some(0) {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "credit 0: write null if the document prints none",
                ));
            }
            check_decisions(&record, &unit.decisions, errors);
        }
        let code_of = |code: &str| codes.get(&super::lookup::normalise_code(code)).copied();

        // Qualifications: groups and rules refer to this file's units.
        let mut quals = Vec::new();
        for q in &file.qualifications {
            let record = format!("qualification {}", q.id);
            if q.id.trim().is_empty() {
                errors.push(CatalogueError::new(name, "qualification", "empty id"));
            }
            if self
                .qualifications
                .iter()
                .any(|o| o.qualification.id == q.id)
                || file.qualifications.iter().filter(|o| o.id == q.id).count() > 1
            {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "id is used by another qualification",
                ));
            }
            if q.glh.is_some() && q.glh_range.is_some() {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "has both glh and glh_range: give one",
                ));
            }
            if let Some([lo, hi]) = q.glh_range {
                if lo > hi {
                    errors.push(CatalogueError::new(
                        name,
                        &record,
                        format!("glh_range [{lo}, {hi}] is reversed"),
                    ));
                }
            }
            if q.rules_published && q.rules.is_empty() {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "rules_published is true but no rules are given",
                ));
            }
            if !q.rules_published {
                if !q.rules.is_empty() {
                    errors.push(CatalogueError::new(
                        name,
                        &record,
                        "rules_published is false but rules are given",
                    ));
                }
                if q.rules_note.as_deref().unwrap_or("").trim().is_empty() {
                    errors.push(CatalogueError::new(
                        name,
                        &record,
                        "rules_published is false: rules_note must say what the document says instead",
                    ));
                }
            }
            check_decisions(&record, &q.decisions, errors);
            let mut group_ids = HashSet::new();
            let mut available: Vec<usize> = Vec::new();
            for g in &q.groups {
                if !group_ids.insert(g.id.as_str()) {
                    errors.push(CatalogueError::new(
                        name,
                        &record,
                        format!("group id {:?} is used twice", g.id),
                    ));
                }
                for code in &g.units {
                    match code_of(code) {
                        Some(i) => {
                            if !available.contains(&i) {
                                available.push(i);
                            }
                        }
                        None => errors.push(CatalogueError::new(
                            name,
                            format!("{record}, group {}", g.id),
                            format!("unknown unit {code:?}: no unit in this file has that code"),
                        )),
                    }
                }
            }
            let mut all_rules = Vec::new();
            for r in &q.rules {
                r.walk(&mut all_rules);
            }
            let mut rule_ids = HashSet::new();
            for r in &all_rules {
                let rrec = format!("{record}, rule {}", r.id);
                if !rule_ids.insert(r.id.as_str()) {
                    errors.push(CatalogueError::new(
                        name,
                        &rrec,
                        "rule id is used twice in this qualification",
                    ));
                }
                if r.text.trim().is_empty() || r.source.trim().is_empty() {
                    errors.push(CatalogueError::new(
                        name,
                        &rrec,
                        "every rule needs its printed text and its source",
                    ));
                }
                check_decisions(&rrec, &r.decisions, errors);
                let mut reading_ids = HashSet::new();
                if let Some(rd) = &r.reading {
                    reading_ids.insert(rd.id.as_str());
                }
                for alt in &r.alternatives {
                    if !reading_ids.insert(alt.id.as_str()) {
                        errors.push(CatalogueError::new(
                            name,
                            &rrec,
                            format!("reading id {:?} is used twice", alt.id),
                        ));
                    }
                }
                if !r.alternatives.is_empty() && r.reading.is_none() {
                    errors.push(CatalogueError::new(
                        name,
                        &rrec,
                        "has alternatives but no \"reading\" naming the default reading",
                    ));
                }
                let mut check_req = |req: &Requirement| {
                    check_requirement(req, &rrec, name, &q.groups, &available, &code_of, errors)
                };
                check_req(&r.require);
                for alt in &r.alternatives {
                    check_req(&alt.require);
                }
            }
            quals.push((q.clone(), available));
        }
        if errors.len() > before {
            return;
        }

        // All good: index it.
        let doc = self.documents.len();
        let base = self.units.len() as UnitId;
        for unit in &file.units {
            let key = format!("{doc_id}:{}", unit.code);
            self.by_key.insert(key.clone(), self.units.len() as UnitId);
            self.units.push(CatalogueUnit {
                doc,
                key,
                unit: unit.clone(),
            });
        }
        let id_of = |code: &str| base + code_of(code).expect("validated above") as UnitId;
        for (q, available) in quals {
            let groups = q
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.units.iter().map(|c| id_of(c)).collect()))
                .collect::<Vec<(String, Vec<UnitId>)>>();
            let units = available.iter().map(|i| base + *i as UnitId).collect();
            let rules = compile_rules(&q.rules, &groups, &id_of);
            self.qualifications.push(CatalogueQualification {
                doc,
                qualification: q,
                units,
                groups,
                rules,
            });
        }
        self.documents.push(DocumentRecord {
            file: name.to_string(),
            document: Document {
                id: doc_id,
                ..file.document
            },
            decisions: file.decisions,
        });
    }

    fn add_links(&mut self, name: &str, file: LinksFile, errors: &mut Vec<CatalogueError>) {
        if file.schema != 1 {
            errors.push(CatalogueError::new(
                name,
                "",
                format!("schema {} is not supported: expected 1", file.schema),
            ));
            return;
        }
        for (i, link) in file.links.iter().enumerate() {
            let record = format!("link #{} ({})", i + 1, link.units.join(", "));
            if link.units.len() < 2 {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "a link needs at least two units",
                ));
                continue;
            }
            let mut ids = Vec::new();
            for key in &link.units {
                match self.unit_by_key(key) {
                    Some(id) => ids.push(id),
                    None => errors.push(CatalogueError::new(
                        name,
                        &record,
                        format!("unknown unit {key:?}: expected DOCUMENT:CODE of a unit in the catalogue"),
                    )),
                }
            }
            if ids.len() != link.units.len() {
                continue;
            }
            let docs: BTreeSet<usize> = ids.iter().map(|id| self.unit(*id).doc).collect();
            if docs.len() != ids.len() {
                errors.push(CatalogueError::new(
                    name,
                    &record,
                    "links units of the same document",
                ));
            }
            let first = &self.unit(ids[0]).unit;
            for id in &ids[1..] {
                let other = &self.unit(*id).unit;
                let holds = match link.basis {
                    LinkBasis::Uan => first.uan.is_some() && first.uan == other.uan,
                    LinkBasis::TitleLevelCredit => {
                        same_title(&first.title, &other.title)
                            && first.level == other.level
                            && first.credit.is_some()
                            && first.credit == other.credit
                    }
                };
                if !holds {
                    errors.push(CatalogueError::new(
                        name,
                        &record,
                        format!(
                            "basis {:?} does not hold between {} and {}",
                            link.basis,
                            link.units[0],
                            self.unit(*id).key
                        ),
                    ));
                }
            }
        }
        self.links.extend(file.links);
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

fn check_requirement(
    req: &Requirement,
    record: &str,
    file: &str,
    groups: &[super::model::Group],
    available: &[usize],
    code_of: &dyn Fn(&str) -> Option<usize>,
    errors: &mut Vec<CatalogueError>,
) {
    let check_units = |codes: &[String], errors: &mut Vec<CatalogueError>| {
        if codes.is_empty() {
            errors.push(CatalogueError::new(file, record, "lists no units"));
        }
        for code in codes {
            match code_of(code) {
                None => errors.push(CatalogueError::new(
                    file,
                    record,
                    format!("unknown unit {code:?}: no unit in this file has that code"),
                )),
                Some(i) if !available.contains(&i) => errors.push(CatalogueError::new(
                    file,
                    record,
                    format!("unit {code:?} is not in any group of this qualification"),
                )),
                Some(_) => {}
            }
        }
    };
    match req {
        Requirement::Mandatory(units) => check_units(units, errors),
        Requirement::Barred(b) => {
            check_units(&b.units, errors);
            if b.units.len() as u32 <= b.max {
                errors.push(CatalogueError::new(
                    file,
                    record,
                    format!(
                        "barred set of {} units with max {} can never be broken",
                        b.units.len(),
                        b.max
                    ),
                ));
            }
        }
        Requirement::Count(c) => {
            if c.min.is_none() && c.max.is_none() {
                errors.push(CatalogueError::new(
                    file,
                    record,
                    "count needs a min or a max",
                ));
            }
            if let (Some(lo), Some(hi)) = (c.min, c.max) {
                if lo > hi {
                    errors.push(CatalogueError::new(
                        file,
                        record,
                        format!("min {lo} is above max {hi}"),
                    ));
                }
            }
            match &c.from {
                UnitSet::All => {}
                UnitSet::Units(units) => check_units(units, errors),
                UnitSet::Groups(ids) => {
                    if ids.is_empty() {
                        errors.push(CatalogueError::new(file, record, "lists no groups"));
                    }
                    for id in ids {
                        if !groups.iter().any(|g| &g.id == id) {
                            errors.push(CatalogueError::new(
                                file,
                                record,
                                format!(
                                    "unknown group {id:?}: this qualification's groups are {}",
                                    groups
                                        .iter()
                                        .map(|g| g.id.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Requirement::AllOf(a) if a.rules.is_empty() => {
            errors.push(CatalogueError::new(file, record, "all_of has no rules"))
        }
        Requirement::AnyOf(a) if a.rules.is_empty() => {
            errors.push(CatalogueError::new(file, record, "any_of has no rules"))
        }
        Requirement::AllOf(_) | Requirement::AnyOf(_) | Requirement::Manual(_) => {}
    }
}

/// Keeps serde's message and position, which already name the field and what was expected.
/// The parser's finding, cut short: it can quote a whole string from the file.
fn json_message(e: &serde_json::Error) -> String {
    format!("not a valid catalogue file: {}", cut(&e.to_string(), 200))
}
