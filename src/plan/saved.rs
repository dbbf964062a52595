//! The saved form of the workspace: versioned JSON, migrated forwards, and read defensively so
//! a damaged save never costs the user a blank page or their other plans.

use super::workspace::{Plan, Workspace};
use crate::catalogue::Catalogue;
use serde_json::Value;
use std::borrow::Cow;

/// The version `encode` writes.
pub const VERSION: u64 = 2;

/// What was restored, and what could not be, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub workspace: Workspace,
    /// One sentence per problem, for the user.
    pub problems: Vec<String>,
    /// The saved text, kept whole, when any of it could not be used.
    pub unreadable: Option<String>,
}

/// The saved form. Written straight from the workspace's plans, with no `Value` tree on the way
/// (the planner saves on every change, and with thousands of plans the tree was most of the
/// cost); read straight into owned plans in the common case.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved<'a> {
    version: u64,
    current: usize,
    plans: Cow<'a, [Plan]>,
}

pub fn encode(workspace: &Workspace) -> String {
    serde_json::to_string(&Saved {
        version: VERSION,
        current: workspace.current,
        plans: Cow::Borrowed(&workspace.plans),
    })
    .expect("plans are strings and maps of strings, which always serialise")
}

/// Plans as read from the text, before they are checked against the catalogue: each one, or
/// why it could not be read.
struct Read {
    plans: Vec<Result<Plan, String>>,
    current: usize,
    problems: Vec<String>,
}

/// Reads saved state. Version 1 (one unnamed plan) is migrated; anything unreadable is reported
/// and kept aside, and whatever can be used is used.
pub fn decode(text: &str, catalogue: &Catalogue) -> Restored {
    // The common case is read straight into plans (thousands of them load at start-up); anything
    // else, older or damaged, takes the careful path through a JSON tree.
    let read = match serde_json::from_str::<Saved>(text) {
        Ok(saved) if saved.version == VERSION => Read {
            plans: saved.plans.into_owned().into_iter().map(Ok).collect(),
            current: saved.current,
            problems: Vec::new(),
        },
        _ => match read_carefully(text) {
            Ok(read) => read,
            Err(problem) => {
                return Restored {
                    workspace: Workspace::new(catalogue),
                    problems: vec![problem],
                    unreadable: Some(text.to_string()),
                }
            }
        },
    };
    let Read {
        plans: read_plans,
        current,
        mut problems,
    } = read;
    let mut plans = Vec::new();
    for (i, plan) in read_plans.into_iter().enumerate() {
        let mut plan = match plan {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!(
                    "Saved plan {} could not be read ({e}) and was set aside.",
                    i + 1
                ));
                continue;
            }
        };
        let Some(cq) = catalogue.qualification(&plan.qualification) else {
            problems.push(format!(
                "Plan \u{201c}{}\u{201d} is for a qualification this catalogue does not have ({}); it was set aside.",
                plan.name, plan.qualification
            ));
            continue;
        };
        let offered = |code: &String| catalogue.offered_unit(cq, code).is_some();
        let unknown: Vec<String> = plan.units.iter().filter(|c| !offered(c)).cloned().collect();
        if !unknown.is_empty() {
            problems.push(format!(
                "Plan \u{201c}{}\u{201d} listed unit{} {} that {} no longer offers; removed from the plan.",
                plan.name,
                if unknown.len() == 1 { "" } else { "s" },
                unknown.join(", "),
                cq.qualification.title
            ));
            plan.units.retain(|c| offered(c));
        }
        plan.drop_repeated_units();
        plans.push(plan);
    }
    let workspace = if plans.is_empty() {
        Workspace::new(catalogue)
    } else {
        let current = current.min(plans.len() - 1);
        Workspace { plans, current }
    };
    let unreadable = (!problems.is_empty()).then(|| text.to_string());
    Restored {
        workspace,
        problems,
        unreadable,
    }
}

/// Reads any saved text a version of the planner may have written, plan by plan, so one damaged
/// plan costs only itself. An error is a text that holds no plans at all.
fn read_carefully(text: &str) -> Result<Read, String> {
    let mut problems = Vec::new();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(format!(
                "Your saved plans could not be read (not valid JSON: {e}). A copy was kept; you are starting with a new plan."
            ))
        }
    };
    let version = value.get("version").and_then(Value::as_u64);
    let (raw_plans, current): (Vec<Value>, usize) = match version {
        Some(1) => {
            // Version 1 kept a single plan: {"version":1,"qualification":..,"units":[..]}.
            let mut plan = value.clone();
            if let Some(o) = plan.as_object_mut() {
                o.remove("version");
                o.entry("name").or_insert_with(|| Value::from("My plan"));
            }
            (vec![plan], 0)
        }
        Some(2) => {
            let plans = value.get("plans").and_then(Value::as_array).cloned();
            match plans {
                Some(p) => (p, value.get("current").and_then(Value::as_u64).unwrap_or(0) as usize),
                None => {
                    problems.push("Your saved plans had no list of plans. A copy was kept.".to_string());
                    (Vec::new(), 0)
                }
            }
        }
        other => {
            return Err(format!(
                "Your saved plans are in a format this version does not know ({}). A copy was kept; you are starting with a new plan.",
                other.map(|v| format!("version {v}")).unwrap_or_else(|| "no version".into())
            ))
        }
    };
    Ok(Read {
        plans: raw_plans
            .into_iter()
            .map(|raw| serde_json::from_value(raw).map_err(|e| e.to_string()))
            .collect(),
        current,
        problems,
    })
}
