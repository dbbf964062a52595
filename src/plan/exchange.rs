//! Plans as a file a user exports and imports. An imported file is checked whole: if any part
//! is wrong it is refused with what is wrong and where, and nothing changes.

use super::saved::{self, json_damage};
use super::workspace::Plan;
use crate::catalogue::Catalogue;
use crate::limits::{
    check_bytes, check_count, clean_name, excerpt, MAX_PLANS, MAX_PLAN_FILE_BYTES,
    MAX_UNITS_PER_PLAN,
};
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
/// its rules' readings. Refused before it is parsed when over `MAX_PLAN_FILE_BYTES`; every
/// check after that is linear in the file.
pub fn import(text: &str, catalogue: &Catalogue) -> Result<Vec<Plan>, String> {
    check_bytes("The file", text.len(), MAX_PLAN_FILE_BYTES).map_err(|e| format!("{e}."))?;
    let mut file: ExportFile = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            format!(
                "The file is not a qualplan plans file: it is not readable JSON ({}).",
                json_damage(&e)
            )
        } else {
            format!(
                "The file is not a qualplan plans file: expected \"format\", \"version\" and a list of \"plans\", each with a name, a qualification, units and readings (the problem is at line {}).",
                e.line()
            )
        }
    })?;
    if file.format != FORMAT {
        return Err(format!(
            "The file's format is {}, expected \"{FORMAT}\".",
            excerpt(&file.format)
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
    check_count("The file", file.plans.len(), MAX_PLANS).map_err(|e| format!("{e}."))?;
    for (i, plan) in file.plans.iter_mut().enumerate() {
        plan.name = clean_name(&plan.name).map_err(|e| format!("Plan {}: {e}.", i + 1))?;
        let at = format!("Plan {} (\u{201c}{}\u{201d})", i + 1, plan.name);
        check_count("it", plan.units.len(), MAX_UNITS_PER_PLAN)
            .map_err(|e| format!("{at}: {e}."))?;
        plan.drop_repeated_units();
        if let Some(m) = plan.mismatch_with(catalogue) {
            return Err(format!("{at}: {m}."));
        }
    }
    Ok(file.plans)
}
