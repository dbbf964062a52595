//! Switching the open plan to another qualification without losing what it held. A run of
//! switches (a keyboard arrowing through the list fires one at each step) remembers the plan as
//! it was before the run began, so choosing that qualification again puts back every unit, its
//! record and the readings, as they were.

use super::workspace::{Plan, Workspace};
use crate::catalogue::Catalogue;

/// The plan before a run of qualification switches began, and as the last switch left it. The
/// run goes on only while the plan is still as the last switch left it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwitchRun {
    before: Plan,
    after: Plan,
}

/// What a qualification switch did to the plan's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Switched {
    /// Every unit stayed (or nothing changed).
    Kept,
    /// Units the chosen qualification does not offer came out; choosing `from` (a qualification
    /// id) again puts them back.
    Removed { units: Vec<String>, from: String },
    /// Back on the qualification the run began on: these units, and the plan with them, are as
    /// they were.
    PutBack { units: Vec<String> },
}

/// The codes of `from` that `to` no longer holds, in `from`'s order.
fn missing(from: &Plan, to: &Plan) -> Vec<String> {
    from.units
        .iter()
        .filter(|u| !to.units.contains(u))
        .cloned()
        .collect()
}

impl Workspace {
    /// Switches the open plan to qualification `id`, going on with `run` where the plan is still
    /// as `run` left it. Returns what happened and the run to hand to the next switch. An id the
    /// catalogue does not hold, or the plan's own, changes nothing.
    pub fn switch_qualification(
        &mut self,
        catalogue: &Catalogue,
        id: &str,
        run: Option<SwitchRun>,
    ) -> (Switched, Option<SwitchRun>) {
        let before = match run {
            Some(r) if r.after == *self.plan() => r.before,
            _ => self.plan().clone(),
        };
        if catalogue.qualification(id).is_none() || self.plan().qualification == id {
            return (Switched::Kept, None);
        }
        if before.qualification == id {
            let units = missing(&before, self.plan());
            *self.plan_mut() = before;
            return (
                if units.is_empty() {
                    Switched::Kept
                } else {
                    Switched::PutBack { units }
                },
                None,
            );
        }
        self.set_qualification(catalogue, id);
        let units = missing(&before, self.plan());
        let switched = if units.is_empty() {
            Switched::Kept
        } else {
            Switched::Removed {
                units,
                from: before.qualification.clone(),
            }
        };
        let after = self.plan().clone();
        (switched, Some(SwitchRun { before, after }))
    }
}
