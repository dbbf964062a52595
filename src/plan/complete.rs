//! The cheapest way to complete a plan: the smallest set of units to add (by credits or GLH) so
//! that the plan meets every rule, found by branch and bound and provably minimal unless the
//! search's work budget runs out or an evaluation's assignment search was shortened (then the
//! result says so).
//!
//! The bound looks through distinct groups: a rule needs at least so many different units that
//! could count towards it (a distinct group the sum of its parts' needs), less the planned ones,
//! and the cheapest that many open units are a cost no completion avoids. A rule that needs more
//! units than the qualification offers is reported impossible before any search.

use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, UnitId};
use crate::rules::{
    countable, node_in_force, verdicts_within, CompiledRule, Evaluation, Measure, Node, Readings,
    RuleResult, Status, EVALUATION_BUDGET,
};
use crate::sort::SmallSort;

/// What to minimise. Where the qualification's units do not all publish that figure, the search
/// falls back to credits, then to the number of units, and says which it used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Minimise {
    Credits,
    Glh,
    Units,
}

impl Minimise {
    /// The name in `--json` output and on the command line: "credits", "glh", "units".
    pub fn as_str(self) -> &'static str {
        match self {
            Minimise::Credits => "credits",
            Minimise::Glh => "glh",
            Minimise::Units => "units",
        }
    }

    /// The unit a person reads: "credits", "GLH", "units".
    pub fn words(self) -> &'static str {
        match self {
            Minimise::Glh => "GLH",
            other => other.as_str(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// Units to add, cheapest first.
    pub added: Vec<UnitId>,
    /// Their cost in the measure used.
    pub cost: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CompletionResult {
    /// The plan already meets every rule.
    AlreadyComplete,
    /// Completions, cheapest first; the first is minimal if `proven_minimal`.
    Found {
        options: Vec<Completion>,
        measure: Minimise,
        proven_minimal: bool,
    },
    /// No set of units can be added to meet every rule; the reasons in words.
    Impossible { reasons: Vec<String> },
    /// The search stopped before finding a completion (its budget spent, or an assignment
    /// search shortened), so one may exist; why, in words. Never taken for `Impossible`.
    NotFound { reasons: Vec<String> },
    /// The document publishes no rules for the qualification.
    NoRules,
}

/// The work a completion asked for may spend, counted as the evaluator counts it (look-ups, see
/// `EVALUATION_BUDGET`, in every evaluation and assignment search the completion runs) plus its
/// own: each node of the search, and the look-ups of its bounds. About 0.1 to 0.2 s of work on a
/// laptop's native build; the completions of the real documents spend at most about 45,000.
pub const COMPLETION_BUDGET: u64 = 10_000_000;

/// The budget of the GLH check the app runs by itself when a qualification is chosen: about 10
/// to 20 ms of work on a laptop's native build. The real documents' checks spend at most about
/// 275,000 (City & Guilds 4411-11).
pub const GLH_CHECK_BUDGET: u64 = 1_000_000;

struct Search<'a> {
    catalogue: &'a Catalogue,
    q: QualificationId,
    readings: &'a Readings,
    measure: Minimise,
    keep: usize,
    found: Vec<Completion>,
    /// What every rule that must be met needs, for the bound.
    needs: Vec<Need>,
    /// The qualification's units and the planned ones, sorted; whether each is planned, open or
    /// excluded in the branch being searched; the needs whose reach holds it; and for each need,
    /// how many of its reach are planned, at what cost. Kept as the search moves, so that the
    /// bound of a node costs what it reads.
    pool: Vec<UnitId>,
    state: Vec<Slot>,
    needs_of: Vec<Vec<usize>>,
    planned_in: Vec<(u32, u32)>,
    work: u64,
    budget: u64,
    exhausted_budget: bool,
    /// Some evaluation's assignment search stopped at its budget: its verdict may be wrong.
    shortened: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Open,
    Planned,
    Excluded,
}

/// A requirement that every completion must meet (a top-level rule, or a part of an `all_of`
/// that must be met), with what meeting it takes.
struct Need {
    label: String,
    /// The nearest enclosing requirement in the list, if any.
    parent: Option<usize>,
    /// The units of the qualification (and the plan) that could count towards it, sorted.
    reach: Vec<UnitId>,
    /// The same as places in the pool, cheapest first.
    by_cost: Vec<usize>,
    /// At least this many different units of `reach` (`None`: not even all of them do).
    units: Option<u32>,
    /// At least this cost in `reach`, in the measure minimised.
    cost: u32,
}

pub fn complete(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
    minimise: Minimise,
    alternatives: usize,
) -> CompletionResult {
    complete_within(
        catalogue,
        q,
        planned,
        readings,
        minimise,
        alternatives,
        COMPLETION_BUDGET,
    )
    .0
}

/// `complete` within a work budget (see `COMPLETION_BUDGET`), with the work spent, which is
/// deterministic: the same question always spends the same.
pub fn complete_within(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
    minimise: Minimise,
    alternatives: usize,
    budget: u64,
) -> (CompletionResult, u64) {
    let cq = &catalogue.qualifications[q];
    if !cq.qualification.rules_published {
        return (CompletionResult::NoRules, 0);
    }
    let mut plan: Vec<UnitId> = planned.to_vec();
    plan.sort_small();
    plan.dedup();
    let first = verdicts_within(catalogue, q, &plan, readings, EVALUATION_BUDGET.min(budget));
    let spent = first.work;
    if first.compliant == Some(true) {
        return (CompletionResult::AlreadyComplete, spent);
    }
    // A broken maximum or barred combination cannot be mended by adding units.
    let broken: Vec<String> = (first.too_many.iter())
        .map(|i| &first.rules[*i])
        .map(|res| {
            format!(
                "{}: {}",
                res.meta.label,
                res.shortfall.clone().unwrap_or_default()
            )
        })
        .collect();
    if !broken.is_empty() {
        return (
            CompletionResult::Impossible {
                reasons: broken
                    .into_iter()
                    .map(|b| format!("the plan already breaks a limit that adding units cannot mend ({b}); remove a unit first"))
                    .collect(),
            },
            spent,
        );
    }
    let has = |m: Minimise| {
        cq.units.iter().all(|u| {
            let unit = &catalogue.unit(*u).unit;
            match m {
                Minimise::Credits => unit.credit.is_some(),
                Minimise::Glh => unit.glh.is_some(),
                Minimise::Units => true,
            }
        })
    };
    let measure = [minimise, Minimise::Credits, Minimise::Units]
        .into_iter()
        .find(|m| has(*m))
        .unwrap_or(Minimise::Units);
    let mut search = Search {
        catalogue,
        q,
        readings,
        measure,
        keep: alternatives.max(1),
        found: Vec::new(),
        needs: Vec::new(),
        pool: Vec::new(),
        state: Vec::new(),
        needs_of: Vec::new(),
        planned_in: Vec::new(),
        work: spent,
        budget,
        exhausted_budget: false,
        shortened: !first.exact,
    };
    let mut pool: Vec<UnitId> = cq.units.iter().chain(&plan).copied().collect();
    pool.sort_small();
    pool.dedup();
    for rule in &cq.rules {
        search.collect_needs(rule, &pool, None);
    }
    search.state = vec![Slot::Open; pool.len()];
    search.needs_of = vec![Vec::new(); pool.len()];
    for (i, need) in search.needs.iter().enumerate() {
        for u in &need.reach {
            let at = pool.binary_search(u).expect("reach is within the pool");
            search.needs_of[at].push(i);
        }
    }
    search.planned_in = vec![(0, 0); search.needs.len()];
    search.pool = pool;
    for u in &plan {
        search.mark(*u, Slot::Planned);
    }
    // A rule that needs more units than there are: no search. Each is reported where it arises,
    // not again for every rule that holds it.
    let why: Vec<Option<String>> = search
        .needs
        .iter()
        .map(|n| search.unreachable(n, &plan))
        .collect();
    let mut explained = vec![false; why.len()];
    for (i, w) in why.iter().enumerate() {
        let mut up = search.needs[i].parent;
        while let Some(p) = up.filter(|_| w.is_some()) {
            explained[p] = true;
            up = search.needs[p].parent;
        }
    }
    let unreachable: Vec<String> = why
        .into_iter()
        .zip(explained)
        .filter_map(|(w, explained)| w.filter(|_| !explained))
        .collect();
    if !unreachable.is_empty() {
        return (
            CompletionResult::Impossible {
                reasons: unreachable,
            },
            search.work,
        );
    }
    let mut excluded: Vec<UnitId> = Vec::new();
    if let Some(need) = search.need_bound() {
        search.branch(&mut plan, &mut Vec::new(), 0, &mut excluded, first, need);
    }
    if search.found.is_empty() {
        let result = if search.exhausted_budget {
            CompletionResult::NotFound {
                reasons: vec![
                    "the search stopped at its limit before finding one; one may exist".to_string(),
                ],
            }
        } else if search.shortened {
            CompletionResult::NotFound {
                reasons: vec!["the search for how to share units among rules that must not share them was shortened, so one may have been missed".to_string()],
            }
        } else {
            CompletionResult::Impossible {
                reasons: vec!["no set of this qualification's units meets every rule together with the planned units".to_string()],
            }
        };
        return (result, search.work);
    }
    (
        CompletionResult::Found {
            options: search.found,
            measure,
            proven_minimal: !search.exhausted_budget && !search.shortened,
        },
        search.work,
    )
}

/// The GLH of the cheapest plan that meets every rule, from an empty plan: the check a published
/// GLH is held to. `None` where there are no rules, no unit GLH, or no compliant plan, or where
/// the search cannot prove the minimum within `GLH_CHECK_BUDGET` (the app runs it by itself).
pub fn cheapest_glh(catalogue: &Catalogue, q: QualificationId) -> Option<u32> {
    cheapest_glh_within(catalogue, q, GLH_CHECK_BUDGET).0
}

/// `cheapest_glh` within a work budget, with the work spent.
pub fn cheapest_glh_within(
    catalogue: &Catalogue,
    q: QualificationId,
    budget: u64,
) -> (Option<u32>, u64) {
    let cq = &catalogue.qualifications[q];
    if cq
        .units
        .iter()
        .any(|u| catalogue.unit(*u).unit.glh.is_none())
    {
        // No search: it would minimise another measure.
        return (None, 0);
    }
    let (result, work) = complete_within(
        catalogue,
        q,
        &[],
        &Readings::new(),
        Minimise::Glh,
        1,
        budget,
    );
    let glh = match result {
        CompletionResult::Found {
            options,
            measure: Minimise::Glh,
            proven_minimal: true,
        } => options.first().map(|o| o.cost),
        _ => None,
    };
    (glh, work)
}

impl Search<'_> {
    fn cost(&self, u: UnitId) -> u32 {
        let unit = &self.catalogue.unit(u).unit;
        match self.measure {
            Minimise::Credits => unit.credit.unwrap_or(0),
            Minimise::Glh => unit.glh.unwrap_or(0),
            Minimise::Units => 1,
        }
    }

    fn bound(&self) -> u32 {
        if self.found.len() < self.keep {
            u32::MAX
        } else {
            self.found.last().map(|c| c.cost).unwrap_or(u32::MAX)
        }
    }

    /// Whether a cost cannot improve the kept completions.
    fn beyond(&self, cost: u32) -> bool {
        let full = self.found.len() >= self.keep;
        let b = self.bound();
        (full && cost >= b) || cost > b
    }

    fn record(&mut self, added: &[UnitId], cost: u32) {
        let mut added = added.to_vec();
        added.sort_small_by_key(|u| (self.cost(*u), *u));
        let pos = self.found.partition_point(|c| c.cost <= cost);
        self.found.insert(pos, Completion { added, cost });
        self.found.truncate(self.keep);
    }

    /// Adds, one at a time, a unit that an unmet rule needs; siblings exclude earlier choices so
    /// each set is visited once.
    fn branch(
        &mut self,
        plan: &mut Vec<UnitId>,
        added: &mut Vec<UnitId>,
        cost: u32,
        excluded: &mut Vec<UnitId>,
        eval: Evaluation,
        need: u32,
    ) {
        // The node, and its look-ups of the qualification's units (what to add, the old bound).
        self.work += 1 + 2 * self.catalogue.qualifications[self.q].units.len() as u64;
        if self.work > self.budget {
            self.exhausted_budget = true;
            return;
        }
        if eval.compliant == Some(true) {
            if !self.beyond(cost) {
                self.record(added, cost);
            }
            return;
        }
        if !eval.too_many.is_empty() {
            return;
        }
        let bound = self.lower_bound(&eval, plan, excluded).max(need);
        if self.beyond(cost.saturating_add(bound)) {
            return;
        }
        let Some(candidates) = self.needed(&eval, plan, excluded) else {
            return;
        };
        let before = excluded.len();
        for u in candidates {
            let c = cost + self.cost(u);
            if self.beyond(c) {
                excluded.push(u);
                self.mark(u, Slot::Excluded);
                continue;
            }
            let at = plan.partition_point(|x| *x < u);
            plan.insert(at, u);
            self.mark(u, Slot::Planned);
            // The bound first: it is cheaper than evaluating the plan.
            let Some(need) = self
                .need_bound()
                .filter(|need| !self.beyond(c.saturating_add(*need)))
            else {
                plan.remove(at);
                excluded.push(u);
                self.mark(u, Slot::Excluded);
                continue;
            };
            added.push(u);
            let remaining = self.budget.saturating_sub(self.work);
            let next = verdicts_within(
                self.catalogue,
                self.q,
                plan,
                self.readings,
                EVALUATION_BUDGET.min(remaining),
            );
            self.work += next.work;
            self.shortened |= !next.exact;
            self.branch(plan, added, c, excluded, next, need);
            added.pop();
            plan.remove(at);
            excluded.push(u);
            self.mark(u, Slot::Excluded);
            if self.exhausted_budget {
                break;
            }
        }
        for u in excluded.drain(before..) {
            self.mark(u, Slot::Open);
        }
    }

    /// Units that could mend an unmet rule, cheapest first, for the unmet rule with the fewest
    /// such units (the tightest choice branches least); `None` if some unmet rule has none.
    fn needed(
        &self,
        eval: &Evaluation,
        plan: &[UnitId],
        excluded: &[UnitId],
    ) -> Option<Vec<UnitId>> {
        let cq = &self.catalogue.qualifications[self.q];
        let open = |u: &UnitId| plan.binary_search(u).is_err() && !excluded.contains(u);
        let mut best: Option<Vec<UnitId>> = None;
        for (rule, res) in cq.rules.iter().zip(&eval.rules) {
            if res.status != Status::Unmet {
                continue;
            }
            let node = node_in_force(rule, self.readings).0;
            let mut scope = Vec::new();
            self.scope_of(node, &mut scope);
            let mut v: Vec<UnitId> = cq
                .units
                .iter()
                .copied()
                .filter(|u| open(u) && scope.contains(u))
                .collect();
            if v.is_empty() {
                return None;
            }
            if let Node::Mandatory(_) = node {
                // Every missing mandatory unit is needed: one branch, not a choice.
                v.truncate(1);
            }
            if best.as_ref().is_none_or(|b| v.len() < b.len()) {
                best = Some(v);
            }
        }
        let mut v = best?;
        v.sort_small_by_key(|u| (self.cost(*u), *u));
        Some(v)
    }

    /// Units of the qualification whose addition can raise a requirement's count.
    fn scope_of(&self, node: &Node, out: &mut Vec<UnitId>) {
        let pool = &self.catalogue.qualifications[self.q].units;
        countable(node, self.catalogue, self.readings, pool, out);
    }

    /// Every requirement a completion must meet (this rule, and the parts of an `all_of` that
    /// must be met, distinct or not), with what it needs.
    fn collect_needs(&mut self, rule: &CompiledRule, pool: &[UnitId], parent: Option<usize>) {
        let node = node_in_force(rule, self.readings).0;
        let (units, cost) = self.need_of(node, pool);
        let mut reach = Vec::new();
        countable(node, self.catalogue, self.readings, pool, &mut reach);
        reach.sort_small();
        reach.dedup();
        let mut here = parent;
        if units != Some(0) || cost > 0 {
            here = Some(self.needs.len());
            let mut by_cost: Vec<usize> = reach
                .iter()
                .map(|u| pool.binary_search(u).expect("reach is within the pool"))
                .collect();
            by_cost.sort_small_by_key(|i| (self.cost(pool[*i]), pool[*i]));
            self.needs.push(Need {
                label: rule.meta.label.clone(),
                parent,
                by_cost,
                reach,
                units,
                cost,
            });
        }
        if let Node::AllOf { rules, .. } = node {
            for r in rules {
                self.collect_needs(r, pool, here);
            }
        }
    }

    /// How many different units of `pool` that could count towards a requirement any set
    /// meeting it holds at least (`None`: no subset of `pool` meets it), and their least cost.
    /// Maxima and barred sets are ignored: they only make meeting harder.
    fn need_of(&mut self, node: &Node, pool: &[UnitId]) -> (Option<u32>, u32) {
        self.work += 1 + pool.len() as u64;
        match node {
            Node::Mandatory(units) => {
                let held = units.iter().all(|u| pool.binary_search(u).is_ok());
                (
                    held.then_some(units.len() as u32),
                    units.iter().map(|u| self.cost(*u)).sum(),
                )
            }
            Node::Count {
                measure,
                min: Some(min),
                ..
            } if *min > 0 => {
                let mut admitted = Vec::new();
                countable(node, self.catalogue, self.readings, pool, &mut admitted);
                let figure = |u: &UnitId| {
                    let unit = &self.catalogue.unit(*u).unit;
                    match measure {
                        Measure::Units => 1,
                        Measure::Credits => unit.credit.unwrap_or(0),
                        Measure::Glh => unit.glh.unwrap_or(0),
                    }
                };
                // The fewest units that reach the minimum: the largest figures first.
                let mut figures: Vec<u32> = admitted.iter().map(figure).collect();
                figures.sort_small_by(|a, b| b.cmp(a));
                let mut sum = 0u32;
                let mut k = None;
                for (i, f) in figures.iter().enumerate() {
                    sum = sum.saturating_add(*f);
                    if sum >= *min {
                        k = Some(i as u32 + 1);
                        break;
                    }
                }
                let Some(k) = k else {
                    return (None, 0);
                };
                let mut costs: Vec<u32> = admitted.iter().map(|u| self.cost(*u)).collect();
                costs.sort_small();
                let mut cost: u32 = costs.iter().take(k as usize).sum();
                if same_measure(*measure, self.measure) {
                    cost = cost.max(*min);
                }
                (Some(k), cost)
            }
            Node::Count { .. } | Node::Barred { .. } | Node::Manual => (Some(0), 0),
            Node::AllOf { rules, distinct } => {
                let mut units = Some(0u32);
                let mut cost = 0u32;
                for r in rules {
                    let (u, c) = self.need_of(node_in_force(r, self.readings).0, pool);
                    units = match (units, u) {
                        (Some(a), Some(b)) if *distinct => Some(a.saturating_add(b)),
                        (Some(a), Some(b)) => Some(a.max(b)),
                        _ => None,
                    };
                    cost = if *distinct {
                        cost.saturating_add(c)
                    } else {
                        cost.max(c)
                    };
                }
                (units, cost)
            }
            Node::AnyOf { rules } => {
                // A pathway that is never judged never meets it.
                let mut units: Option<u32> = None;
                let mut cost = u32::MAX;
                let mut judged = false;
                for r in rules {
                    let child = node_in_force(r, self.readings).0;
                    if never_judged(child, self.readings) {
                        continue;
                    }
                    judged = true;
                    let (u, c) = self.need_of(child, pool);
                    if let Some(u) = u {
                        units = Some(units.map_or(u, |a| a.min(u)));
                        cost = cost.min(c);
                    }
                }
                match (judged, units) {
                    (false, _) => (Some(0), 0),
                    (true, None) => (None, 0),
                    (true, Some(u)) => (Some(u), cost),
                }
            }
        }
    }

    /// Why a requirement cannot be met by adding any of the qualification's units to `plan`.
    fn unreachable(&self, need: &Need, plan: &[UnitId]) -> Option<String> {
        let Some(units) = need.units else {
            return Some(format!(
                "{}: cannot be met even with every unit this qualification offers",
                need.label
            ));
        };
        let planned = need
            .reach
            .iter()
            .filter(|u| plan.binary_search(u).is_ok())
            .count() as u32;
        let offered = need.reach.len() as u32 - planned;
        (units > planned + offered).then(|| {
            format!(
                "{}: needs at least {units} different units that can count towards it (no unit counts twice), and this qualification offers only {}",
                need.label,
                planned + offered
            )
        })
    }

    /// A lower bound on the cost still to add from what the requirements that must be met need:
    /// for each, the cheapest open units it still needs in number, and the cost it still needs;
    /// `None` if one needs more units than are open.
    fn need_bound(&mut self) -> Option<u32> {
        let mut bound = 0;
        for (need, (planned, planned_cost)) in self.needs.iter().zip(&self.planned_in) {
            let units = need.units?;
            let mut k = units.saturating_sub(*planned);
            let mut cheapest = 0u32;
            let mut read = 1;
            for i in &need.by_cost {
                if k == 0 {
                    break;
                }
                read += 1;
                if self.state[*i] == Slot::Open {
                    cheapest = cheapest.saturating_add(self.cost(self.pool[*i]));
                    k -= 1;
                }
            }
            self.work += read;
            if k > 0 {
                return None;
            }
            bound = bound
                .max(cheapest)
                .max(need.cost.saturating_sub(*planned_cost));
        }
        Some(bound)
    }

    /// Moves a unit of the pool to planned, open or excluded, keeping the needs' planned counts.
    fn mark(&mut self, u: UnitId, to: Slot) {
        let at = self
            .pool
            .binary_search(&u)
            .expect("the search adds units of the pool");
        let from = std::mem::replace(&mut self.state[at], to);
        if (from == Slot::Planned) != (to == Slot::Planned) {
            let cost = self.cost(u);
            for n in &self.needs_of[at] {
                let (count, sum) = &mut self.planned_in[*n];
                if to == Slot::Planned {
                    *count += 1;
                    *sum = sum.saturating_add(cost);
                } else {
                    *count -= 1;
                    *sum = sum.saturating_sub(cost);
                }
            }
        }
    }

    /// A lower bound on the cost still to add: the largest deficit of an unmet count in the
    /// measure being minimised, or the cheapest way to give each unmet "N units from a set" rule
    /// its units, over rules whose sets do not overlap.
    fn lower_bound(&self, eval: &Evaluation, plan: &[UnitId], excluded: &[UnitId]) -> u32 {
        let cq = &self.catalogue.qualifications[self.q];
        let mut deficit = 0;
        let mut used: Vec<UnitId> = Vec::new();
        let mut disjoint = 0u32;
        let mut visit = Vec::new();
        for (rule, res) in cq.rules.iter().zip(&eval.rules) {
            flatten(rule, res, self.readings, &mut visit);
        }
        for (node, res) in visit {
            if res.status != Status::Unmet {
                continue;
            }
            if let Node::Count {
                measure,
                min: Some(_),
                ..
            } = node
            {
                if same_measure(*measure, self.measure) {
                    deficit = deficit.max(res.deficit);
                }
                if *measure == Measure::Units {
                    let mut scope = Vec::new();
                    self.scope_of(node, &mut scope);
                    scope.retain(|u| plan.binary_search(u).is_err() && !excluded.contains(u));
                    if scope.iter().any(|u| used.contains(u)) {
                        continue;
                    }
                    let mut costs: Vec<u32> = scope.iter().map(|u| self.cost(*u)).collect();
                    costs.sort_small();
                    disjoint += costs.iter().take(res.deficit as usize).sum::<u32>();
                    used.extend(scope);
                }
            }
        }
        deficit.max(disjoint)
    }
}

fn same_measure(measure: Measure, minimise: Minimise) -> bool {
    matches!(
        (measure, minimise),
        (Measure::Credits, Minimise::Credits)
            | (Measure::Glh, Minimise::Glh)
            | (Measure::Units, Minimise::Units)
    )
}

/// Whether a requirement is never judged, whatever the plan: only manual requirements.
fn never_judged(node: &Node, readings: &Readings) -> bool {
    match node {
        Node::Manual => true,
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => rules
            .iter()
            .all(|r| never_judged(node_in_force(r, readings).0, readings)),
        _ => false,
    }
}

/// Count requirements at the top level and inside plain all_of rules, with their results.
fn flatten<'a>(
    rule: &'a CompiledRule,
    res: &'a RuleResult,
    readings: &Readings,
    out: &mut Vec<(&'a Node, &'a RuleResult)>,
) {
    let node = node_in_force(rule, readings).0;
    match node {
        // Distinct groups may reassign planned units, so their parts give no safe bound.
        Node::AllOf {
            rules,
            distinct: false,
        } => {
            for (r, c) in rules.iter().zip(&res.children) {
                flatten(r, c, readings, out);
            }
        }
        _ => out.push((node, res)),
    }
}
