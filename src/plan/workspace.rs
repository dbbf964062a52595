//! The user's named plans and which one is open: the app's whole state, as a plain type with
//! methods (the components only call these).

use super::mismatch::Mismatch;
use super::record_form::{check_record_form, StudyRate, UnitRecord, UnitRecords};
use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, UnitId};
use crate::limits::{clean_name, TextError};
use crate::rules::Readings;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One named plan: a qualification, the units chosen for it (codes as its document prints
/// them, in the order the user arranged), and the readings chosen for ambiguous rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub name: String,
    pub qualification: String,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub readings: Readings,
    /// The learner's record: planned units that are in progress or achieved, by code.
    #[serde(default, skip_serializing_if = "UnitRecords::is_empty")]
    pub record: UnitRecords,
    /// Hours a week from a day, for an estimated finish date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study: Option<StudyRate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub plans: Vec<Plan>,
    pub current: usize,
    /// Plans on a qualification this catalogue does not hold (a catalogue file another tab
    /// loaded, or one removed here): kept and saved untouched, never shown as plans, and put back
    /// when the qualification is loaded again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<Plan>,
}

/// Why a rename was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    Name(TextError),
    /// Another plan has the name; names tell plans apart, in the list and across tabs.
    Taken(String),
}

impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenameError::Name(e) => e.fmt(f),
            RenameError::Taken(name) => write!(
                f,
                "another plan is already called \u{201c}{name}\u{201d}; choose another name"
            ),
        }
    }
}

impl std::error::Error for RenameError {}

/// A plan as it was before `delete`, and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedPlan {
    pub plan: Plan,
    pub at: usize,
    /// The last plan is emptied, not removed.
    pub emptied: bool,
}

/// What taking another tab's save did to the plan open here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adopted {
    /// Still on the same plan (found by name, or renamed in place).
    Stayed,
    /// The plan open here was deleted in the other tab; now showing `now`.
    OpenPlanGone { name: String, now: String },
}

impl Plan {
    pub fn new(name: &str, qualification: &str) -> Plan {
        Plan {
            name: name.to_string(),
            qualification: qualification.to_string(),
            units: Vec::new(),
            readings: Readings::new(),
            record: UnitRecords::new(),
            study: None,
        }
    }

    /// Keeps the first of any unit listed more than once: a plan holds a unit once, and outside
    /// input (a saved plan, a link, a file) may list one twice. Linear in the units listed.
    pub fn drop_repeated_units(&mut self) {
        let mut seen: HashSet<String> = HashSet::with_capacity(self.units.len());
        self.units.retain(|c| seen.insert(c.clone()));
    }

    /// What stops a plan from outside (a link, a file) being used with `catalogue`: a
    /// qualification it does not have, a unit that qualification does not offer, a reading its
    /// rules do not have, or a record of a unit that cannot be used.
    pub fn check_against(&self, catalogue: &Catalogue) -> Result<(), Mismatch> {
        let Some(cq) = catalogue.qualification(&self.qualification) else {
            return Err(Mismatch::UnknownQualification(self.qualification.clone()));
        };
        if let Some(u) = self
            .units
            .iter()
            .find(|u| catalogue.offered_unit(cq, u).is_none())
        {
            return Err(Mismatch::UnitNotOffered {
                unit: u.clone(),
                qualification: cq.qualification.title.clone(),
            });
        }
        match self
            .readings
            .iter()
            .find(|(rule, reading)| !cq.has_reading(rule, reading))
        {
            Some((rule, reading)) => Err(Mismatch::UnknownReading {
                rule: rule.clone(),
                reading: reading.clone(),
            }),
            None => check_record_form(self, catalogue).map_err(|e| Mismatch::Record(Box::new(e))),
        }
    }

    /// The qualification's index and the planned units' ids; codes the catalogue does not
    /// know are skipped (the saved-state decoder reports them before a plan gets here).
    pub fn resolve(&self, catalogue: &Catalogue) -> Option<(QualificationId, Vec<UnitId>)> {
        let q = catalogue.qualification_index(&self.qualification)?;
        let cq = &catalogue.qualifications[q];
        let ids = self
            .units
            .iter()
            .filter_map(|code| catalogue.offered_unit(cq, code))
            .collect();
        Some((q, ids))
    }
}

impl Workspace {
    /// A first plan on the catalogue's first qualification that publishes rules.
    pub fn new(catalogue: &Catalogue) -> Workspace {
        let q = catalogue
            .qualifications
            .iter()
            .find(|q| q.qualification.rules_published)
            .or(catalogue.qualifications.first())
            .map(|q| q.qualification.id.clone())
            .unwrap_or_default();
        Workspace::new_on(&q)
    }

    /// A first workspace: one empty plan, "My plan", on `qualification`.
    pub fn new_on(qualification: &str) -> Workspace {
        Workspace::from_plans(vec![Plan::new("My plan", qualification)], 0)
    }

    /// A workspace of `plans` (at least one) with `current` open.
    pub fn from_plans(plans: Vec<Plan>, current: usize) -> Workspace {
        let current = current.min(plans.len().saturating_sub(1));
        Workspace {
            plans,
            current,
            set_aside: Vec::new(),
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plans[self.current.min(self.plans.len() - 1)]
    }

    pub(super) fn plan_mut(&mut self) -> &mut Plan {
        let i = self.current.min(self.plans.len() - 1);
        &mut self.plans[i]
    }

    /// Adds a unit at the end of the plan; false if it was already there.
    pub fn add_unit(&mut self, code: &str) -> bool {
        let plan = self.plan_mut();
        if plan.units.iter().any(|u| u == code) {
            return false;
        }
        plan.units.push(code.to_string());
        true
    }

    /// Takes a unit out of the plan, and its record with it.
    pub fn remove_unit(&mut self, code: &str) -> bool {
        let plan = self.plan_mut();
        let before = plan.units.len();
        plan.units.retain(|u| u != code);
        plan.record.remove(code);
        plan.units.len() != before
    }

    /// Sets where a planned unit stands (`None`: planned); false if it is not planned.
    pub fn set_unit_record(&mut self, code: &str, record: Option<UnitRecord>) -> bool {
        let plan = self.plan_mut();
        if !plan.units.iter().any(|u| u == code) {
            return false;
        }
        match record {
            Some(r) => plan.record.insert(code.to_string(), r),
            None => {
                plan.record.remove(code);
            }
        }
        true
    }

    /// Sets the open plan's study rate (`None`: none).
    pub fn set_study(&mut self, study: Option<StudyRate>) {
        self.plan_mut().study = study;
    }

    /// Moves a planned unit up (`-1`) or down (`+1`); false at either end.
    pub fn move_unit(&mut self, code: &str, delta: isize) -> bool {
        let plan = self.plan_mut();
        let Some(i) = plan.units.iter().position(|u| u == code) else {
            return false;
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= plan.units.len() {
            return false;
        }
        plan.units.swap(i, j as usize);
        true
    }

    /// Moves a planned unit to position `to` (counted in the list as it is now); false if it is
    /// not planned, `to` is out of range, or it is already there.
    pub fn move_unit_to(&mut self, code: &str, to: usize) -> bool {
        let plan = self.plan_mut();
        let Some(from) = plan.units.iter().position(|u| u == code) else {
            return false;
        };
        if to >= plan.units.len() || to == from {
            return false;
        }
        let unit = plan.units.remove(from);
        plan.units.insert(to, unit);
        true
    }

    /// Switches the open plan to another qualification. Units that qualification also offers
    /// (same document, same code) stay; the others are returned so the user can be told.
    pub fn set_qualification(&mut self, catalogue: &Catalogue, id: &str) -> Vec<String> {
        let Some(cq) = catalogue.qualification(id) else {
            return Vec::new();
        };
        let plan = self.plan_mut();
        if plan.qualification == id {
            return Vec::new();
        }
        let offered = |code: &String| catalogue.offered_unit(cq, code).is_some();
        let (keep, dropped): (Vec<String>, Vec<String>) =
            plan.units.drain(..).partition(|c| offered(c));
        plan.units = keep;
        for code in &dropped {
            plan.record.remove(code);
        }
        plan.qualification = id.to_string();
        plan.readings.clear();
        dropped
    }

    /// Chooses a reading for a rule; the default reading is stored as no entry.
    pub fn set_reading(&mut self, rule: &str, reading: Option<&str>) {
        let plan = self.plan_mut();
        match reading {
            Some(r) => {
                plan.readings.insert(rule.to_string(), r.to_string());
            }
            None => {
                plan.readings.remove(rule);
            }
        }
    }

    /// Every name in use, plans set aside included (they come back).
    fn names(&self) -> HashSet<String> {
        self.plans
            .iter()
            .chain(&self.set_aside)
            .map(|p| p.name.clone())
            .collect()
    }

    /// A name not yet used: "Plan 2", "Plan 3", ...
    pub fn unused_name(&self, base: &str) -> String {
        NameBook::new(self.names()).take(base)
    }

    /// Opens a new empty plan on the same qualification as the open one.
    pub fn new_plan(&mut self) {
        let name = self.unused_name("Plan");
        let q = self.plan().qualification.clone();
        self.plans.push(Plan::new(&name, &q));
        self.current = self.plans.len() - 1;
    }

    /// Opens a new plan on another qualification with the given units (codes of its document).
    pub fn new_plan_for(&mut self, catalogue: &Catalogue, qualification: &str, units: Vec<String>) {
        let title = catalogue
            .qualification(qualification)
            .map(|q| q.qualification.title.clone())
            .unwrap_or_else(|| qualification.to_string());
        let name = self.unused_name(&clean_name(&title).unwrap_or_else(|_| "Plan".into()));
        let mut plan = Plan::new(&name, qualification);
        plan.units = units;
        plan.drop_repeated_units();
        self.plans.push(plan);
        self.current = self.plans.len() - 1;
    }

    /// Adds several units; returns how many were new.
    pub fn add_units(&mut self, codes: &[String]) -> usize {
        codes.iter().filter(|c| self.add_unit(c)).count()
    }

    pub fn duplicate(&mut self) {
        let mut copy = self.plan().clone();
        copy.name = self.unused_name(&format!("{} (copy)", copy.name));
        self.plans.push(copy);
        self.current = self.plans.len() - 1;
    }

    /// Renames the open plan. The name is cleaned (see `clean_name`); a name with nothing
    /// visible, too long, or another plan's is refused.
    pub fn rename(&mut self, name: &str) -> Result<(), RenameError> {
        let name = clean_name(name).map_err(RenameError::Name)?;
        if name == self.plan().name {
            return Ok(());
        }
        if self.names().contains(&name) {
            return Err(RenameError::Taken(name));
        }
        self.plan_mut().name = name;
        Ok(())
    }

    /// Adds plans from outside (a file, a link, a kept copy), renaming any whose name is taken
    /// so nothing is overwritten; opens the last. Linear in the plans added.
    pub fn add_plans(&mut self, plans: Vec<Plan>) {
        if plans.is_empty() {
            return;
        }
        let mut book = NameBook::new(self.names());
        for mut p in plans {
            p.name = book.take(&p.name);
            self.plans.push(p);
        }
        self.current = self.plans.len() - 1;
    }

    /// Adds plans to those kept aside (taken back from a kept copy, or a delete undone), renaming
    /// any whose name is taken.
    pub fn add_set_aside(&mut self, plans: Vec<Plan>) {
        let mut book = NameBook::new(self.names());
        for mut p in plans {
            p.name = book.take(&p.name);
            self.set_aside.push(p);
        }
    }

    /// Deletes the open plan; the last plan is never deleted (it is emptied instead). Returns
    /// what was deleted, for `undo_delete`.
    pub fn delete(&mut self) -> DeletedPlan {
        let at = self.current.min(self.plans.len() - 1);
        if self.plans.len() == 1 {
            let plan = self.plans[0].clone();
            self.plans[0].units.clear();
            self.plans[0].readings.clear();
            return DeletedPlan {
                plan,
                at,
                emptied: true,
            };
        }
        let plan = self.plans.remove(at);
        self.current = at.min(self.plans.len() - 1);
        DeletedPlan {
            plan,
            at,
            emptied: false,
        }
    }

    /// Puts a deleted plan back where it was and opens it (an emptied one gets its units and
    /// readings back), under a name of its own if another plan has taken its name since.
    pub fn undo_delete(&mut self, deleted: DeletedPlan) {
        let DeletedPlan {
            mut plan,
            at,
            emptied,
        } = deleted;
        if emptied {
            if let Some(i) = self.plans.iter().position(|p| p.name == plan.name) {
                self.plans[i] = plan;
                self.current = i;
                return;
            }
        }
        plan.name = self.unused_name(&plan.name);
        let at = at.min(self.plans.len());
        self.plans.insert(at, plan);
        self.current = at;
    }

    /// Takes the plans another tab saved, staying on the plan open here (by name, names being
    /// unique) where it still exists, so two tabs can show two plans side by side. A plan
    /// renamed there keeps its place in the list; one deleted there is reported, so this tab
    /// never goes on editing another plan without a word.
    pub fn adopt(&mut self, other: Workspace) -> Adopted {
        let open = self.plan().name.clone();
        let here = self.current;
        let renamed_in_place = other.plans.len() == self.plans.len()
            && other
                .plans
                .get(here)
                .is_some_and(|p| !self.plans.iter().any(|q| q.name == p.name));
        let (current, adopted) = match other.plans.iter().position(|p| p.name == open) {
            Some(i) => (i, Adopted::Stayed),
            None if renamed_in_place => (here, Adopted::Stayed),
            None => {
                let i = here.min(other.plans.len().saturating_sub(1));
                let now = other
                    .plans
                    .get(i)
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                (i, Adopted::OpenPlanGone { name: open, now })
            }
        };
        *self = Workspace { current, ..other };
        adopted
    }

    /// Three-way merge for two tabs that changed the store at once: `theirs` (what another tab
    /// saved) with this tab's own changes since `base` (the store as this tab last knew it) made
    /// again on top, plan by plan (plans are told apart by name). A plan only this tab changed
    /// is taken as this tab has it; one both changed gets the units this tab added and loses the
    /// ones it removed; plans this tab added or deleted are added or deleted. Nothing either tab
    /// did alone is lost. The result is then adopted as `adopt` would.
    pub fn merge(&mut self, base: &Workspace, theirs: Workspace) -> Adopted {
        if self.plans == base.plans && self.set_aside == base.set_aside {
            return self.adopt(theirs);
        }
        let mine = &*self;
        let find = |w: &Workspace, name: &str| w.plans.iter().position(|p| p.name == name);
        let mut merged = theirs;
        for gone in base.plans.iter().filter(|b| find(mine, &b.name).is_none()) {
            merged.plans.retain(|p| p.name != gone.name);
        }
        for plan in &mine.plans {
            let before = base.plans.iter().find(|b| b.name == plan.name);
            if before == Some(plan) {
                continue;
            }
            match (before, find(&merged, &plan.name)) {
                (_, None) => merged.plans.push(plan.clone()),
                (None, Some(i)) if merged.plans[i] == *plan => {}
                (None, Some(_)) => {
                    // Both tabs made a plan of this name: keep both.
                    let mut copy = plan.clone();
                    copy.name = merged.unused_name(&plan.name);
                    merged.plans.push(copy);
                }
                (Some(before), Some(i)) => {
                    let theirs = &mut merged.plans[i];
                    if *theirs == *before || theirs.qualification != plan.qualification {
                        *theirs = plan.clone();
                    } else {
                        let removed: HashSet<&String> = before
                            .units
                            .iter()
                            .filter(|u| !plan.units.contains(u))
                            .collect();
                        theirs.units.retain(|u| !removed.contains(u));
                        for u in &plan.units {
                            if !before.units.contains(u) && !theirs.units.contains(u) {
                                theirs.units.push(u.clone());
                            }
                        }
                        for (rule, reading) in &plan.readings {
                            if before.readings.get(rule) != Some(reading) {
                                theirs.readings.insert(rule.clone(), reading.clone());
                            }
                        }
                        for rule in before.readings.keys() {
                            if !plan.readings.contains_key(rule) {
                                theirs.readings.remove(rule);
                            }
                        }
                        for (code, r) in plan.record.iter() {
                            if before.record.get(code) != Some(r) {
                                theirs.record.insert(code.clone(), r.clone());
                            }
                        }
                        for code in before.record.keys() {
                            if !plan.record.contains_key(code) {
                                theirs.record.remove(code);
                            }
                        }
                        theirs.record.retain(|code, _| theirs.units.contains(code));
                        if plan.study != before.study {
                            theirs.study = plan.study.clone();
                        }
                    }
                }
            }
        }
        if merged.plans.is_empty() {
            merged.plans = mine.plans.clone();
        }
        self.adopt(merged)
    }

    /// Sets aside the plans on qualifications the catalogue no longer has (a catalogue file was
    /// removed), to come back when it is loaded again; returns how many. A workspace is never
    /// left without a plan to show.
    pub fn set_aside_unknown(&mut self, catalogue: &Catalogue) -> usize {
        let open = self.plan().name.clone();
        let (keep, aside): (Vec<Plan>, Vec<Plan>) = self
            .plans
            .drain(..)
            .partition(|p| catalogue.qualification(&p.qualification).is_some());
        let moved = aside.len();
        self.set_aside.extend(aside);
        self.plans = keep;
        if self.plans.is_empty() {
            let fresh = Workspace::new(catalogue);
            let name = self.unused_name(&fresh.plans[0].name);
            self.plans = fresh.plans;
            self.plans[0].name = name;
        }
        self.current = self
            .plans
            .iter()
            .position(|p| p.name == open)
            .unwrap_or(self.current.min(self.plans.len() - 1));
        moved
    }

    /// Puts back the plans set aside whose qualification the catalogue now holds; returns their
    /// names. The plan open here stays open.
    pub fn restore_set_aside(&mut self, catalogue: &Catalogue) -> Vec<String> {
        let (back, still): (Vec<Plan>, Vec<Plan>) = self
            .set_aside
            .drain(..)
            .partition(|p| catalogue.qualification(&p.qualification).is_some());
        self.set_aside = still;
        let names = back.iter().map(|p| p.name.clone()).collect();
        self.plans.extend(back);
        names
    }

    /// Takes `set_aside` as the plans set aside, then gives every plan a name of its own (a save
    /// from before names had to differ may repeat one); returns how many were renamed.
    pub fn make_names_unique(&mut self, set_aside: Vec<Plan>) -> usize {
        self.set_aside = set_aside;
        let mut book = NameBook::new(HashSet::new());
        let mut renamed = 0;
        for p in self.plans.iter_mut().chain(self.set_aside.iter_mut()) {
            let name = book.take(&p.name);
            if name != p.name {
                p.name = name;
                renamed += 1;
            }
        }
        renamed
    }

    /// Removes a plan set aside (the person chose to), returning it so the caller can offer undo.
    pub fn discard_set_aside(&mut self, name: &str) -> Option<Plan> {
        let i = self.set_aside.iter().position(|p| p.name == name)?;
        Some(self.set_aside.remove(i))
    }

    pub fn switch(&mut self, index: usize) -> bool {
        if index < self.plans.len() {
            self.current = index;
            true
        } else {
            false
        }
    }
}

/// The names in use, handing out unused ones: `base`, or `base 2`, `base 3`, ... Remembers
/// where each base's numbering got to, so naming thousands of plans alike stays linear.
struct NameBook {
    names: HashSet<String>,
    next: HashMap<String, u32>,
}

impl NameBook {
    fn new(names: HashSet<String>) -> NameBook {
        NameBook {
            names,
            next: HashMap::new(),
        }
    }

    fn take(&mut self, base: &str) -> String {
        let name = if self.names.contains(base) {
            let from = self.next.get(base).copied().unwrap_or(2);
            let (n, name) = (from..)
                .map(|n| (n, format!("{base} {n}")))
                .find(|(_, name)| !self.names.contains(name))
                .expect("some number is free");
            self.next.insert(base.to_string(), n + 1);
            name
        } else {
            base.to_string()
        };
        self.names.insert(name.clone());
        name
    }
}
