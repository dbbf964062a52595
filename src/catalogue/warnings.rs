//! What a data file may do but probably did not mean: units no group of any qualification puts
//! in (no plan can use them), and two units with one unit accreditation number (one unit
//! entered twice). The file still loads; the person is told.

use super::model::DocumentFile;
use crate::limits::{excerpt, few, plural};
use crate::sort::SmallSort;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileWarning {
    /// These units (codes) are in no group.
    InNoGroup(Vec<String>),
    /// Two units (codes) with one accreditation number.
    SameUan {
        first: String,
        second: String,
        uan: String,
    },
}

impl fmt::Display for FileWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileWarning::InNoGroup(codes) => write!(
                f,
                "{} {} in no group of any qualification, so no plan can use {}.",
                few(codes),
                plural(codes.len(), "is", "are"),
                plural(codes.len(), "it", "them")
            ),
            FileWarning::SameUan { first, second, uan } => write!(
                f,
                "Units {} and {} have one unit accreditation number, {}: is one unit entered twice?",
                excerpt(first),
                excerpt(second),
                excerpt(uan)
            ),
        }
    }
}

/// The file's warnings, each naming the units.
pub fn file_warnings(file: &DocumentFile) -> Vec<FileWarning> {
    let mut out = Vec::new();
    let in_no_group: Vec<String> = file
        .units
        .iter()
        .filter(|u| {
            !file
                .qualifications
                .iter()
                .flat_map(|q| &q.groups)
                .any(|g| g.units.contains(&u.code))
        })
        .map(|u| u.code.clone())
        .collect();
    if !in_no_group.is_empty() {
        out.push(FileWarning::InNoGroup(in_no_group));
    }
    let mut by_uan: Vec<(&str, &str)> = file
        .units
        .iter()
        .filter_map(|u| Some((u.uan.as_deref()?.trim(), u.code.as_str())))
        .filter(|(uan, _)| !uan.is_empty())
        .collect();
    by_uan.sort_small_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(b.1)));
    for pair in by_uan.windows(2) {
        if pair[0].0 == pair[1].0 {
            out.push(FileWarning::SameUan {
                first: pair[0].1.to_string(),
                second: pair[1].1.to_string(),
                uan: pair[0].0.to_string(),
            });
        }
    }
    out
}
