//! Plans as a file a user exports and imports. An imported file is checked whole: if any part
//! is wrong it is refused with what is wrong and where, and nothing changes.

use super::saved;
use super::workspace::{Plan, Workspace};
use crate::catalogue::Catalogue;
use serde::Deserialize;
use serde_json::json;

/// Marks a file as qualplan plans, so another JSON file is refused with a clear message.
pub const FORMAT: &str = "qualplan plans";

/// The export file: every plan (or one), in the saved format.
pub fn export(plans: &[Plan]) -> String {
    serde_json::to_string_pretty(&json!({
        "format": FORMAT,
        "version": saved::VERSION,
        "plans": plans,
    }))
    .unwrap_or_default()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportFile {
    format: String,
    version: u64,
    plans: Vec<Plan>,
}

/// Reads an export file; every plan must name a known qualification, only its units and only
/// its rules' readings.
pub fn import(text: &str, catalogue: &Catalogue) -> Result<Vec<Plan>, String> {
    let mut file: ExportFile = serde_json::from_str(text)
        .map_err(|e| format!("The file is not a qualplan plans file: {e}."))?;
    if file.format != FORMAT {
        return Err(format!(
            "The file's format is {:?}, expected {FORMAT:?}.",
            file.format
        ));
    }
    if file.version != saved::VERSION {
        return Err(format!(
            "The file is version {}, expected version {}.",
            file.version,
            saved::VERSION
        ));
    }
    if file.plans.is_empty() {
        return Err("The file holds no plans.".into());
    }
    for (i, plan) in file.plans.iter_mut().enumerate() {
        plan.drop_repeated_units();
        let at = format!("Plan {} (\u{201c}{}\u{201d})", i + 1, plan.name);
        if plan.name.trim().is_empty() {
            return Err(format!("Plan {} has no name.", i + 1));
        }
        if let Some(m) = plan.mismatch_with(catalogue) {
            return Err(format!("{at}: {m}."));
        }
    }
    Ok(file.plans)
}

impl Workspace {
    /// Adds imported plans, renaming any whose name is taken so nothing is overwritten.
    pub fn add_plans(&mut self, plans: Vec<Plan>) {
        for mut p in plans {
            p.name = self.unused_name(&p.name);
            self.plans.push(p);
        }
        self.current = self.plans.len() - 1;
    }
}
