//! The saved form of the workspace: versioned JSON, migrated forwards, and read defensively so
//! a damaged save never costs the user a blank page or their other plans.

use super::record_form::drop_unusable_record;
use super::workspace::{Adopted, Plan, Workspace};
use crate::catalogue::Catalogue;
use crate::limits::{
    clean_name, counted, excerpt, few, plural, thousands, TextError, MAX_NAME_CHARS,
};
use serde_json::Value;

/// The version `encode` writes: 3 added each plan's `record` and `study` rate.
pub const VERSION: u64 = 3;

/// Whether a save or plans file of version `v` is read as today's: version 2's plans are
/// version 3's without a record or study rate, so they open with every unit planned.
pub fn reads_as_current(v: u64) -> bool {
    v == 2 || v == VERSION
}

/// What was restored, and what could not be, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub workspace: Workspace,
    /// One sentence per thing that could not be used as saved; the text is then kept whole in
    /// `unreadable`, and the shell, which keeps the copy, says where.
    pub problems: Vec<String>,
    /// One sentence per change that lost nothing (a plan set aside until its qualification is
    /// loaded, a name made unique): no copy is needed for these.
    pub notes: Vec<String>,
    /// The saved text, kept whole, when any of it could not be used or was changed on reading (a
    /// name cleaned or made unique, a repeated unit dropped).
    pub unreadable: Option<String>,
    /// How many plans were read from the text (shown or set aside); 0 when the workspace is a
    /// fresh one because nothing could be.
    pub plans_read: usize,
    /// Which write of which tab this is, and which write it was made from (see `Revision`).
    pub revision: Revision,
}

/// Which write a save is (`rev`, "tab:count") and which write it was made from (`base`), so a tab
/// that receives another tab's save can merge against what the two last had in common. Saves
/// written before revisions were kept have neither.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    pub rev: Option<String>,
    pub base: Option<String>,
}

/// The saved form: plans then the plans set aside, in one list, so a version that knows
/// nothing of setting aside still keeps them. Written straight from the workspace's plans, with
/// no `Value` tree on the way (the planner saves on every change, and with thousands of plans
/// the tree was most of the cost); read straight into owned plans in the common case.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved<P> {
    version: u64,
    current: usize,
    plans: P,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rev: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<String>,
}

/// The workspace's plans and the ones set aside, written as one list.
struct AllPlans<'a>(&'a Workspace);

impl serde::Serialize for AllPlans<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.plans.iter().chain(&self.0.set_aside))
    }
}

pub fn encode(workspace: &Workspace) -> String {
    encode_revision(workspace, Revision::default())
}

/// The saved form, marked with the write it is and the write it was made from.
pub fn encode_revision(workspace: &Workspace, revision: Revision) -> String {
    serde_json::to_string(&Saved {
        version: VERSION,
        current: workspace.current,
        plans: AllPlans(workspace),
        rev: revision.rev,
        base: revision.base,
    })
    .expect("plans are strings and maps of strings, which always serialise")
}

/// Plans as read from the text, before they are checked against the catalogue: each one, or
/// why it could not be read.
struct Read {
    plans: Vec<Result<Plan, String>>,
    current: usize,
    problems: Vec<String>,
    revision: Revision,
}

/// Reads saved state. Version 1 (one unnamed plan) is migrated; anything unreadable is reported
/// and kept aside, and whatever can be used is used.
pub fn decode(text: &str, catalogue: &Catalogue) -> Restored {
    // The common case is read straight into plans (thousands of them load at start-up); anything
    // else, older or damaged, takes the careful path through a JSON tree.
    let read = match serde_json::from_str::<Saved<Vec<Plan>>>(text) {
        Ok(saved) if reads_as_current(saved.version) => Read {
            plans: saved.plans.into_iter().map(Ok).collect(),
            current: saved.current,
            problems: Vec::new(),
            revision: Revision {
                rev: saved.rev,
                base: saved.base,
            },
        },
        _ => match read_carefully(text) {
            Ok(read) => read,
            Err(problem) => {
                return Restored {
                    workspace: Workspace::new(catalogue),
                    problems: vec![problem],
                    notes: Vec::new(),
                    unreadable: Some(text.to_string()),
                    plans_read: 0,
                    revision: Revision::default(),
                }
            }
        },
    };
    let Read {
        plans: read_plans,
        current,
        mut problems,
        revision,
    } = read;
    let mut notes = Vec::new();
    // A plan whose name or units were changed on reading, though nothing else was wrong: the
    // text as saved is then kept too, so no name or unit the person wrote is lost.
    let mut altered = false;
    let mut plans: Vec<Plan> = Vec::new();
    let mut set_aside: Vec<Plan> = Vec::new();
    let mut open = 0;
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
        let as_saved = (plan.name.clone(), plan.units.len());
        name_plan(&mut plan, i, &mut problems, &mut notes);
        altered |= plan.name != as_saved.0;
        let Some(cq) = catalogue.qualification(&plan.qualification) else {
            notes.push(format!(
                "Plan \u{201c}{}\u{201d} is for a qualification this catalogue does not hold ({}); it is kept aside and comes back when that qualification is loaded again.",
                plan.name,
                excerpt(&plan.qualification)
            ));
            set_aside.push(plan);
            continue;
        };
        let offered = |code: &String| catalogue.offered_unit(cq, code).is_some();
        let unknown: Vec<String> = plan.units.iter().filter(|c| !offered(c)).cloned().collect();
        if !unknown.is_empty() {
            problems.push(format!(
                "Plan \u{201c}{}\u{201d} listed {} {} that {} does not offer; removed from the plan.",
                plan.name,
                plural(unknown.len(), "unit", "units"),
                few(&unknown),
                cq.qualification.title
            ));
            plan.units.retain(|c| offered(c));
            // Their records go with them (the save is kept whole, so nothing is lost).
            plan.record.retain(|c, _| !unknown.contains(c));
        }
        plan.drop_repeated_units();
        for e in drop_unusable_record(&mut plan, catalogue) {
            problems.push(format!(
                "Plan \u{201c}{}\u{201d}: the {e}; it was taken out{}.",
                plan.name,
                if e.is_study() {
                    ""
                } else {
                    " and the unit shows as planned"
                }
            ));
        }
        if plan.units.len() < as_saved.1 && unknown.is_empty() {
            notes.push(format!(
                "Plan \u{201c}{}\u{201d} listed a unit more than once; each unit is now listed once.",
                plan.name
            ));
        }
        altered |= plan.units.len() < as_saved.1;
        if i == current {
            open = plans.len();
        }
        plans.push(plan);
    }
    let plans_read = plans.len() + set_aside.len();
    let mut workspace = if plans.is_empty() {
        Workspace::new(catalogue)
    } else {
        Workspace::from_plans(plans, open)
    };
    let renamed = workspace.make_names_unique(set_aside);
    altered |= renamed > 0;
    if renamed > 0 {
        notes.push(format!(
            "{} shared a name with another and {} renamed, so each plan has its own name.",
            counted(renamed, "saved plan", "saved plans"),
            plural(renamed, "was", "were")
        ));
    }
    let unreadable = (!problems.is_empty() || altered).then(|| text.to_string());
    Restored {
        workspace,
        problems,
        notes,
        unreadable,
        plans_read,
        revision,
    }
}

/// Cleans a saved plan's name as `clean_name` would a new one: a name with nothing visible is
/// named for its place, a name too long is shortened (and the save kept, since that loses text).
fn name_plan(plan: &mut Plan, i: usize, problems: &mut Vec<String>, notes: &mut Vec<String>) {
    match clean_name(&plan.name) {
        Ok(name) => {
            if name != plan.name {
                notes.push(format!(
                    "Saved plan {}'s name had spaces or characters that cannot be shown, which were taken out; it is now \u{201c}{name}\u{201d}.",
                    i + 1
                ));
            }
            plan.name = name;
        }
        Err(TextError::Empty(_)) => {
            plan.name = format!("Plan {}", i + 1);
            notes.push(format!(
                "Saved plan {} had no visible name and is now called \u{201c}{}\u{201d}.",
                i + 1,
                plan.name
            ));
        }
        Err(TextError::TooLong(_, chars)) => {
            let visible: String = plan
                .name
                .chars()
                .take(MAX_NAME_CHARS * 8)
                .collect::<String>();
            let short: String =
                clean_name(&visible.chars().take(MAX_NAME_CHARS).collect::<String>())
                    .unwrap_or_else(|_| format!("Plan {}", i + 1));
            problems.push(format!(
                "Saved plan {}'s name had {} characters, more than the {MAX_NAME_CHARS} a name may have; it is now \u{201c}{short}\u{201d}.",
                i + 1,
                thousands(chars)
            ));
            plan.name = short;
        }
    }
}

/// The parts of a version 2 or 3 save.
const PARTS: [&str; 5] = ["version", "current", "plans", "rev", "base"];

/// Reads any saved text a version of the planner may have written, plan by plan, so one damaged
/// plan costs only itself. An error is a text that holds no plans at all.
fn read_carefully(text: &str) -> Result<Read, String> {
    let mut problems = Vec::new();
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(format!(
                "Your saved plans could not be read: the text is damaged ({}). You are starting with a new plan.",
                json_damage(&e)
            ))
        }
    };
    let version = value.get("version");
    let (raw_plans, current): (Vec<Value>, usize) = match version.and_then(Value::as_u64) {
        Some(1) => {
            // Version 1 kept a single plan: {"version":1,"qualification":..,"units":[..]}.
            let mut plan = value.clone();
            if let Some(o) = plan.as_object_mut() {
                o.remove("version");
                o.entry("name").or_insert_with(|| Value::from("My plan"));
            }
            (vec![plan], 0)
        }
        Some(v) if reads_as_current(v) => {
            if let Some(o) = value.as_object() {
                let unknown: Vec<String> = o
                    .keys()
                    .filter(|k| !PARTS.contains(&k.as_str()))
                    .cloned()
                    .collect();
                if !unknown.is_empty() {
                    problems.push(format!(
                        "Your saved plans hold {} this version does not use ({}); the plans were loaded.",
                        plural(unknown.len(), "a part", "parts"),
                        few(&unknown)
                    ));
                }
            }
            let plans = value.get("plans").and_then(Value::as_array).cloned();
            match plans {
                Some(p) => (p, value.get("current").and_then(Value::as_u64).unwrap_or(0) as usize),
                None => {
                    problems.push("Your saved plans had no list of plans.".to_string());
                    (Vec::new(), 0)
                }
            }
        }
        _ => {
            return Err(format!(
                "Your saved plans are in a form this version does not know ({}). You are starting with a new plan.",
                match version {
                    None => "no version".to_string(),
                    Some(v) if v.is_u64() => format!("version {v}"),
                    Some(v) => format!("version {}", excerpt(&v.to_string())),
                }
            ))
        }
    };
    let text_of = |key: &str| value.get(key).and_then(Value::as_str).map(String::from);
    let revision = Revision {
        rev: text_of("rev"),
        base: text_of("base"),
    };
    let plans = raw_plans
        .into_iter()
        .enumerate()
        .map(|(i, raw)| read_plan(i, raw, &mut problems))
        .collect();
    Ok(Read {
        revision,
        plans,
        current,
        problems,
    })
}

/// One saved plan. A plan whose learner's record or study rate is damaged is read without
/// them (its units show as planned, and the save is kept whole), not set aside whole.
fn read_plan(i: usize, raw: Value, problems: &mut Vec<String>) -> Result<Plan, String> {
    // Read from text, as the common path reads plans, so the wasm carries one plan decoder
    // rather than a second one for JSON trees.
    let from_tree = |v: &Value| serde_json::from_str::<Plan>(&v.to_string());
    let e = match from_tree(&raw) {
        Ok(plan) => return Ok(plan),
        Err(e) => e,
    };
    let mut bare = raw;
    let removed = bare.as_object_mut().is_some_and(|o| {
        let record = o.remove("record").is_some();
        o.remove("study").is_some() || record
    });
    match from_tree(&bare) {
        Ok(plan) if removed => {
            problems.push(format!(
                "Saved plan {}'s learner\u{2019}s record could not be read ({}); its units show as planned.",
                i + 1,
                plan_damage(&e)
            ));
            Ok(plan)
        }
        _ => Err(plan_damage(&e)),
    }
}

/// Where a JSON text is damaged, in words: "it ends too soon", "at line 3, character 14".
pub fn json_damage(e: &serde_json::Error) -> String {
    if e.is_eof() {
        "it ends too soon".to_string()
    } else {
        format!("at line {}, character {}", e.line(), e.column())
    }
}

/// Why a saved plan is not a plan, without quoting its contents.
fn plan_damage(e: &serde_json::Error) -> String {
    let what = e.to_string();
    if what.starts_with("unknown field") {
        "it has a part a plan does not have".to_string()
    } else if what.starts_with("missing field") {
        "a part is missing".to_string()
    } else {
        "a part is of the wrong kind".to_string()
    }
}

/// What became of another tab's save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// Read whole and merged with this tab's own changes: this tab now shows the shared plans.
    /// `theirs` is the save as read and `revision` its marks: this tab's new idea of the store.
    Taken {
        adopted: Adopted,
        notes: Vec<String>,
        theirs: Workspace,
        revision: Revision,
    },
    /// Not wholly readable here (damaged, or written by a later version): this tab keeps its own
    /// plans, and the text must be kept whole before anything is written over it.
    Refused { problems: Vec<String> },
}

/// Takes another tab's save into `workspace` when every part of it can be read; otherwise
/// leaves `workspace` as it is. This tab's changes since the two tabs last agreed are made again
/// on top (`Workspace::merge`): the base is the write the save says it was made from, looked up
/// in `history` (this tab's recent writes and reads, by revision), or `last` (the store as this
/// tab last knew it) where the save names none this tab has. Never loses either side: a refused
/// text is for the caller to keep.
pub fn take_other_tab(
    workspace: &mut Workspace,
    history: &[(String, Workspace)],
    last: &Workspace,
    text: &str,
    catalogue: &Catalogue,
) -> OtherTab {
    let restored = decode(text, catalogue);
    if restored.unreadable.is_some() {
        return OtherTab::Refused {
            problems: restored
                .problems
                .into_iter()
                .chain(restored.notes)
                .collect(),
        };
    }
    let base = restored
        .revision
        .base
        .as_deref()
        .and_then(|b| history.iter().rev().find(|(rev, _)| rev == b))
        .map_or(last, |(_, w)| w);
    let theirs = restored.workspace;
    OtherTab::Taken {
        adopted: workspace.merge(base, theirs.clone()),
        notes: restored.notes,
        theirs,
        revision: restored.revision,
    }
}
