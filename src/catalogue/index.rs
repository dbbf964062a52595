//! Adds a checked data file to the catalogue: units under their `DOCUMENT:CODE` keys, each
//! qualification with its groups and rules resolved to unit ids.

use super::build::{Catalogue, CatalogueQualification, CatalogueUnit, DocumentRecord, UnitId};
use super::check::Checked;
use super::compiled::compile_rules;
use super::model::{Document, DocumentFile};

impl Catalogue {
    pub(super) fn index(&mut self, name: &str, file: DocumentFile, checked: Checked) {
        let Checked {
            doc_id,
            codes,
            qualifications,
        } = checked;
        let doc = self.documents.len();
        let base = self.units.len();
        for unit in &file.units {
            let key = format!("{doc_id}:{}", unit.code);
            self.by_key
                .insert(key.clone(), UnitId::at(self.units.len()));
            self.units.push(CatalogueUnit {
                doc,
                key,
                unit: unit.clone(),
            });
        }
        let id_of = |code: &str| UnitId::at(base + codes.index(code).expect("checked"));
        for (q, available) in qualifications {
            let groups = q
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.units.iter().map(|c| id_of(c)).collect()))
                .collect::<Vec<(String, Vec<UnitId>)>>();
            let units = available.iter().map(|i| UnitId::at(base + *i)).collect();
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
}
