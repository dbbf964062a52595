//! The user's named plans and which one is open: the app's whole state, as a plain type with
//! methods (the components only call these).

use crate::catalogue::{Catalogue, UnitId};
use crate::rules::Readings;
use serde::{Deserialize, Serialize};

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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub plans: Vec<Plan>,
    pub current: usize,
}

impl Plan {
    pub fn new(name: &str, qualification: &str) -> Plan {
        Plan {
            name: name.to_string(),
            qualification: qualification.to_string(),
            units: Vec::new(),
            readings: Readings::new(),
        }
    }

    /// Keeps the first of any unit listed more than once: a plan holds a unit once, and outside
    /// input (a saved plan, a link, a file) may list one twice.
    pub fn drop_repeated_units(&mut self) {
        let mut seen: Vec<String> = Vec::with_capacity(self.units.len());
        self.units.retain(|c| {
            let first = !seen.contains(c);
            if first {
                seen.push(c.clone());
            }
            first
        });
    }

    /// What stops a plan from outside (a link, a file) being used with `catalogue`: a
    /// qualification it does not have, a unit that qualification does not offer, or a reading
    /// its rules do not have; `None` when nothing does. Worded to follow "the link's " or a plan's
    /// name and a colon.
    pub fn mismatch_with(&self, catalogue: &Catalogue) -> Option<String> {
        let Some(cq) = catalogue.qualification(&self.qualification) else {
            return Some(format!(
                "qualification {:?} is not in the catalogue",
                self.qualification
            ));
        };
        if let Some(u) = self
            .units
            .iter()
            .find(|u| catalogue.offered_unit(cq, u).is_none())
        {
            return Some(format!(
                "unit {u:?} is not a unit of {}",
                cq.qualification.title
            ));
        }
        self.readings
            .iter()
            .find(|(rule, reading)| !cq.has_reading(rule, reading))
            .map(|(rule, reading)| {
                format!("reading {rule}:{reading} is not a reading of this qualification's rules")
            })
    }

    /// The qualification's index and the planned units' ids; codes the catalogue does not
    /// know are skipped (the saved-state decoder reports them before a plan gets here).
    pub fn resolve(&self, catalogue: &Catalogue) -> Option<(usize, Vec<UnitId>)> {
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
        Workspace {
            plans: vec![Plan::new("My plan", &q)],
            current: 0,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plans[self.current.min(self.plans.len() - 1)]
    }

    fn plan_mut(&mut self) -> &mut Plan {
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

    pub fn remove_unit(&mut self, code: &str) -> bool {
        let plan = self.plan_mut();
        let before = plan.units.len();
        plan.units.retain(|u| u != code);
        plan.units.len() != before
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

    /// A name not yet used: "Plan 2", "Plan 3", ...
    pub fn unused_name(&self, base: &str) -> String {
        if !self.plans.iter().any(|p| p.name == base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base} {n}"))
            .find(|n| !self.plans.iter().any(|p| &p.name == n))
            .expect("some number is free")
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
        let name = self.unused_name(&title);
        let mut plan = Plan::new(&name, qualification);
        plan.units = units;
        plan.units.dedup();
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

    /// Renames the open plan; an empty name is refused.
    pub fn rename(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        self.plan_mut().name = name.to_string();
        true
    }

    /// Deletes the open plan; the last plan is never deleted (it is emptied instead).
    pub fn delete(&mut self) {
        if self.plans.len() == 1 {
            self.plans[0].units.clear();
            self.plans[0].readings.clear();
            return;
        }
        self.plans.remove(self.current);
        self.current = self.current.min(self.plans.len() - 1);
    }

    /// Takes the plans another tab saved, staying on the plan open here (by name) where it still
    /// exists, so two tabs can show two plans side by side.
    pub fn adopt(&mut self, other: Workspace) {
        let open = self.plan().name.clone();
        let here = self.current;
        let current = other
            .plans
            .iter()
            .position(|p| p.name == open)
            .unwrap_or(here.min(other.plans.len().saturating_sub(1)));
        *self = Workspace { current, ..other };
    }

    /// Drops the plans on qualifications the catalogue no longer has (a catalogue file was
    /// removed); returns how many went. A workspace is never left without a plan.
    pub fn drop_unknown(&mut self, catalogue: &Catalogue) -> usize {
        let before = self.plans.len();
        self.plans
            .retain(|p| catalogue.qualification(&p.qualification).is_some());
        let gone = before - self.plans.len();
        if self.plans.is_empty() {
            *self = Workspace::new(catalogue);
        }
        self.current = self.current.min(self.plans.len() - 1);
        gone
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
