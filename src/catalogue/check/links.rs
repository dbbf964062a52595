//! The links file: each link names two or more units of different documents, and its basis (the
//! same UAN, or the same title, level and credit) holds between them.

use super::{Problem, Report};
use crate::catalogue::build::same_title;
use crate::catalogue::model::{LinkBasis, LinksFile};
use crate::catalogue::Catalogue;
use crate::sort::SmallSort;

/// False when the file's schema is unknown (nothing in it can be used).
pub(in crate::catalogue) fn check_links(
    catalogue: &Catalogue,
    file: &LinksFile,
    report: &mut Report,
) -> bool {
    if file.schema != 1 {
        report.error("", Problem::UnsupportedSchema(file.schema));
        return false;
    }
    for (i, link) in file.links.iter().enumerate() {
        let record = format!("link #{} ({})", i + 1, link.units.join(", "));
        if link.units.len() < 2 {
            report.error(&record, Problem::LinkTooShort);
            continue;
        }
        let mut ids = Vec::new();
        for key in &link.units {
            match catalogue.unit_by_key(key) {
                Some(id) => ids.push(id),
                None => report.error(&record, Problem::UnknownLinkedUnit(key.clone())),
            }
        }
        if ids.len() != link.units.len() {
            continue;
        }
        // Not a BTreeSet: collecting one brings a stable sort into the wasm.
        let mut docs: Vec<usize> = ids.iter().map(|id| catalogue.unit(*id).doc).collect();
        docs.sort_small();
        docs.dedup();
        if docs.len() != ids.len() {
            report.error(&record, Problem::LinkWithinDocument);
        }
        let first = &catalogue.unit(ids[0]).unit;
        for id in &ids[1..] {
            let other = &catalogue.unit(*id).unit;
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
                report.error(
                    &record,
                    Problem::BasisDoesNotHold(
                        link.basis,
                        link.units[0].clone(),
                        catalogue.unit(*id).key.clone(),
                    ),
                );
            }
        }
    }
    true
}
