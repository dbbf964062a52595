//! Plans as a file a user exports and imports. An imported file is checked whole: if any part
//! is wrong it is refused with what is wrong and where, and nothing changes.

use super::mismatch::Mismatch;
use super::saved::{self, json_damage};
use super::workspace::Plan;
use crate::catalogue::Catalogue;
use crate::limits::{
    check_bytes, check_count, clean_name, excerpt, TextError, TooLarge, MAX_PLANS,
    MAX_PLAN_FILE_BYTES, MAX_UNITS_PER_PLAN,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Marks a file as qualplan plans, so another JSON file is refused with a clear message.
pub const FORMAT: &str = "qualplan plans";

/// The export file: every plan (or one), in the saved format.
pub fn export(plans: &[Plan]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        format: &'a str,
        version: u64,
        plans: &'a [Plan],
    }
    let compact = serde_json::to_string(&Out {
        format: FORMAT,
        version: saved::VERSION,
        plans,
    });
    // Laid out through a JSON tree: the wasm already writes plans compactly (saving) and reads
    // and prints JSON trees (damaged saves), where writing plans into a tree would be code of
    // its own. The tree orders each object's keys, as the file always has.
    compact
        .and_then(|c| serde_json::from_str::<serde_json::Value>(&c))
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    format: String,
    version: u64,
    plans: Vec<Plan>,
}

/// Why a plans file was refused, as a whole: nothing of it is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(TooLarge),
    /// Not JSON: where it is damaged, in words.
    NotJson(String),
    /// JSON, but not in the form of a plans file: the line of the problem.
    NotPlansFile {
        line: usize,
    },
    Format(String),
    Version(u64),
    NoPlans,
    /// A plan's name is empty or too long.
    Name {
        plan: usize,
        error: TextError,
    },
    /// A plan holds too many units.
    PlanTooLarge {
        plan: usize,
        name: String,
        error: TooLarge,
    },
    /// A plan does not fit the catalogue.
    Mismatch {
        plan: usize,
        name: String,
        error: Mismatch,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(e) => write!(f, "{e}."),
            ImportError::NotJson(damage) => write!(
                f,
                "The file is not a qualplan plans file: it is not readable JSON ({damage})."
            ),
            ImportError::NotPlansFile { line } => write!(
                f,
                "The file is not a qualplan plans file: expected \"format\", \"version\" and a list of \"plans\", each with a name, a qualification, units and readings (the problem is at line {line})."
            ),
            ImportError::Format(format) => write!(
                f,
                "The file's format is {}, expected \"{FORMAT}\".",
                excerpt(format)
            ),
            ImportError::Version(v) => write!(
                f,
                "The file is version {v}, expected version 2 or {}.",
                saved::VERSION
            ),
            ImportError::NoPlans => write!(f, "The file holds no plans."),
            ImportError::Name { plan, error } => write!(f, "Plan {plan}: {error}."),
            ImportError::PlanTooLarge { plan, name, error } => {
                write!(f, "Plan {plan} (\u{201c}{name}\u{201d}): {error}.")
            }
            ImportError::Mismatch { plan, name, error } => {
                write!(f, "Plan {plan} (\u{201c}{name}\u{201d}): {error}.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an export file; every plan must name a known qualification, only its units and only
/// its rules' readings. Refused before it is parsed when over `MAX_PLAN_FILE_BYTES`; every
/// check after that is linear in the file.
pub fn import(text: &str, catalogue: &Catalogue) -> Result<Vec<Plan>, ImportError> {
    check_bytes("The file", text.len(), MAX_PLAN_FILE_BYTES).map_err(ImportError::TooLarge)?;
    let mut file: ExportFile = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ImportError::NotJson(json_damage(&e))
        } else {
            ImportError::NotPlansFile { line: e.line() }
        }
    })?;
    if file.format != FORMAT {
        return Err(ImportError::Format(file.format));
    }
    if !saved::reads_as_current(file.version) {
        return Err(ImportError::Version(file.version));
    }
    if file.plans.is_empty() {
        return Err(ImportError::NoPlans);
    }
    check_count("The file", file.plans.len(), MAX_PLANS).map_err(ImportError::TooLarge)?;
    for (i, plan) in file.plans.iter_mut().enumerate() {
        let number = i + 1;
        plan.name = clean_name(&plan.name).map_err(|error| ImportError::Name {
            plan: number,
            error,
        })?;
        check_count("it", plan.units.len(), MAX_UNITS_PER_PLAN).map_err(|error| {
            ImportError::PlanTooLarge {
                plan: number,
                name: plan.name.clone(),
                error,
            }
        })?;
        plan.drop_repeated_units();
        plan.check_against(catalogue)
            .map_err(|error| ImportError::Mismatch {
                plan: number,
                name: plan.name.clone(),
                error,
            })?;
    }
    Ok(file.plans)
}
