//! The cheapest way to complete a plan: the smallest set of units to add (by credits or GLH) so
//! that the plan meets every rule, found by branch and bound and provably minimal unless the
//! search budget runs out (then the result says so).

use crate::catalogue::{Catalogue, UnitId};
use crate::rules::{
    countable, evaluate, node_in_force, CompiledRule, Evaluation, Measure, Node, Readings,
    RuleResult, Status,
};

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
    /// The document publishes no rules for the qualification.
    NoRules,
}

/// Search limits: the instances in real documents finish in a few thousand nodes.
const NODE_BUDGET: u64 = 200_000;

struct Search<'a> {
    catalogue: &'a Catalogue,
    q: usize,
    readings: &'a Readings,
    measure: Minimise,
    keep: usize,
    found: Vec<Completion>,
    nodes: u64,
    exhausted_budget: bool,
}

pub fn complete(
    catalogue: &Catalogue,
    q: usize,
    planned: &[UnitId],
    readings: &Readings,
    minimise: Minimise,
    alternatives: usize,
) -> CompletionResult {
    let cq = &catalogue.qualifications[q];
    if !cq.qualification.rules_published {
        return CompletionResult::NoRules;
    }
    let mut plan: Vec<UnitId> = planned.to_vec();
    plan.sort_unstable();
    plan.dedup();
    let first = evaluate(catalogue, q, &plan, readings);
    if first.compliant == Some(true) {
        return CompletionResult::AlreadyComplete;
    }
    // A broken maximum or barred combination cannot be mended by adding units.
    let broken: Vec<String> = cq
        .rules
        .iter()
        .zip(&first.rules)
        .filter(|(r, res)| max_broken(r, res, readings))
        .map(|(_, res)| {
            format!(
                "{}: {}",
                res.meta.label,
                res.shortfall.clone().unwrap_or_default()
            )
        })
        .collect();
    if !broken.is_empty() {
        return CompletionResult::Impossible {
            reasons: broken
                .into_iter()
                .map(|b| format!("the plan already breaks a limit that adding units cannot mend ({b}); remove a unit first"))
                .collect(),
        };
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
        nodes: 0,
        exhausted_budget: false,
    };
    let mut excluded: Vec<UnitId> = Vec::new();
    search.branch(&mut plan, &mut Vec::new(), 0, &mut excluded, first);
    if search.found.is_empty() {
        let reasons = if search.exhausted_budget {
            vec!["the search stopped at its budget before finding a completion".to_string()]
        } else {
            vec!["no set of this qualification's units meets every rule together with the planned units".to_string()]
        };
        return CompletionResult::Impossible { reasons };
    }
    CompletionResult::Found {
        options: search.found,
        measure,
        proven_minimal: !search.exhausted_budget,
    }
}

/// The GLH of the cheapest plan that meets every rule, from an empty plan: the check a published
/// GLH is held to. `None` where there are no rules, no unit GLH, or no compliant plan.
pub fn cheapest_glh(catalogue: &Catalogue, q: usize) -> Option<u32> {
    match complete(catalogue, q, &[], &Readings::new(), Minimise::Glh, 1) {
        CompletionResult::Found {
            options,
            measure: Minimise::Glh,
            ..
        } => options.first().map(|o| o.cost),
        _ => None,
    }
}

/// A top-level rule whose maximum is already exceeded (or barred set already broken).
fn max_broken(rule: &CompiledRule, res: &RuleResult, readings: &Readings) -> bool {
    if res.status != Status::Unmet {
        return false;
    }
    let node = node_in_force(rule, readings).0;
    match node {
        Node::Barred { .. } => true,
        Node::Count { max: Some(max), .. } => res.progress.is_some_and(|p| p.value > *max),
        Node::AllOf {
            rules,
            distinct: false,
        } => rules
            .iter()
            .zip(&res.children)
            .any(|(r, c)| max_broken(r, c, readings)),
        _ => false,
    }
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
        added.sort_unstable_by_key(|u| (self.cost(*u), *u));
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
    ) {
        self.nodes += 1;
        if self.nodes > NODE_BUDGET {
            self.exhausted_budget = true;
            return;
        }
        if eval.compliant == Some(true) {
            if !self.beyond(cost) {
                self.record(added, cost);
            }
            return;
        }
        let cq = &self.catalogue.qualifications[self.q];
        if cq
            .rules
            .iter()
            .zip(&eval.rules)
            .any(|(r, res)| max_broken(r, res, self.readings))
        {
            return;
        }
        if self.beyond(cost.saturating_add(self.lower_bound(&eval, plan, excluded))) {
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
                continue;
            }
            let at = plan.partition_point(|x| *x < u);
            plan.insert(at, u);
            added.push(u);
            let next = evaluate(self.catalogue, self.q, plan, self.readings);
            self.branch(plan, added, c, excluded, next);
            added.pop();
            plan.remove(at);
            excluded.push(u);
            if self.exhausted_budget {
                break;
            }
        }
        excluded.truncate(before);
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
        v.sort_unstable_by_key(|u| (self.cost(*u), *u));
        Some(v)
    }

    /// Units of the qualification whose addition can raise a requirement's count.
    fn scope_of(&self, node: &Node, out: &mut Vec<UnitId>) {
        let pool = &self.catalogue.qualifications[self.q].units;
        countable(node, self.catalogue, self.readings, pool, out);
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
                let same = matches!(
                    (measure, self.measure),
                    (Measure::Credits, Minimise::Credits)
                        | (Measure::Glh, Minimise::Glh)
                        | (Measure::Units, Minimise::Units)
                );
                if same {
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
                    costs.sort_unstable();
                    disjoint += costs.iter().take(res.deficit as usize).sum::<u32>();
                    used.extend(scope);
                }
            }
        }
        deficit.max(disjoint)
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
