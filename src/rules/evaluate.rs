//! Evaluates a plan against a qualification's rules and explains every verdict.

use super::compile::{CompiledRule, Node, RuleMeta, Scope};
use super::distinct::assign_distinct;
use super::rule::{LevelFilter, Measure};
use super::words;
use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, UnitId};
use crate::sort::SmallSort;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The work one evaluation may spend. Work is counted in look-ups, deterministically: a
/// requirement (count, mandatory list, barred set, manual) looking at a unit, in a result or in
/// a search's bound, is one; making a result (its words and lists) is 24. Evaluations of the real
/// documents' plans spend a few hundred; a distinct group whose units could be shared out in
/// very many ways reaches the budget, and then its remaining units are placed without search
/// (see `Evaluation::exact` and `Evaluation::closest`). About 2 to 5 ms of work on a laptop's
/// native build.
pub const EVALUATION_BUDGET: u64 = 250_000;

/// Rule id -> reading id, for rules read other than by default.
pub type Readings = BTreeMap<String, String>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Met,
    Unmet,
    /// A requirement the plan cannot show (workplace evidence): never counted as met or unmet.
    NotJudged,
    /// A count the document's own figures cannot decide: planned units it counts publish no
    /// credit value (or GLH), and those could make up its shortfall or pass its maximum. Set
    /// only on a plan's check (`mark_undecided`), never inside a search.
    Undecided,
}

/// A rule's figure against its limits, shown as a meter (`--json` calls it `progress`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meter {
    pub measure: Measure,
    pub value: u32,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RuleResult {
    /// The rule's id, label, printed wording, source and readings.
    pub meta: Arc<RuleMeta>,
    pub status: Status,
    /// What is missing or in excess, in words; `None` when met.
    pub shortfall: Option<String>,
    /// How far from met in the rule's own measure (0 when met); ranks pathways and assignments.
    pub deficit: u32,
    /// Planned units that counted towards this rule (for distinct groups: the assignment used).
    pub counted: Vec<UnitId>,
    /// The reading in force, where the rule has more than one.
    pub reading: Option<String>,
    pub meter: Option<Meter>,
    pub children: Vec<RuleResult>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// `None` where the document publishes no rules for the qualification.
    pub compliant: Option<bool>,
    pub rules: Vec<RuleResult>,
    /// Unplanned units that a barred combination now rules out, with the planned units barring them.
    pub barred: Vec<(UnitId, Vec<UnitId>)>,
    /// Planned units in a barred combination the plan breaks, each with the other planned units
    /// of it.
    pub clashes: Vec<(UnitId, Vec<UnitId>)>,
    /// Top-level rules (indices into `rules`) unmet because the plan holds too much: a maximum
    /// passed or a barred combination taken. Adding units cannot mend them; taking one out can.
    pub too_many: Vec<usize>,
    /// False when the work budget ran out during the search for how to share units among rules
    /// that must not share them, so some units were placed without search: then a distinct
    /// group found unmet might be met by another assignment (one found met always is). Say
    /// "this verdict comes from a shortened search" where it is false.
    pub exact: bool,
    /// False when, for a distinct group that no assignment meets, the shortfall shown is that of
    /// an assignment found without finishing the search for the closest one (the budget ran
    /// out, or only verdicts were asked for): the verdict stands, but less may be missing than
    /// it says. Say "the shortfall comes from a shortened search" where it is false.
    pub closest: bool,
    /// The work spent, in look-ups (see `EVALUATION_BUDGET`): the same plan always spends the same.
    pub work: u64,
}

impl Evaluation {
    /// (met, judged): how many top-level rules are met, of those a plan can show (rules that
    /// need evidence from outside the plan are left out of both).
    pub fn rules_met(&self) -> (usize, usize) {
        let judged = self.rules.iter().filter(|r| r.status != Status::NotJudged);
        let total = judged.clone().count();
        let met = judged.filter(|r| r.status == Status::Met).count();
        (met, total)
    }
}

pub(super) struct Ctx<'a> {
    pub catalogue: &'a Catalogue,
    pub readings: &'a Readings,
    /// Look-ups so far, and the budget for them.
    pub work: Cell<u64>,
    pub budget: Cell<u64>,
    /// Cleared when a search stops at the budget before its verdict is sure.
    pub exact: Cell<bool>,
    /// Whether a distinct group that no assignment meets is shown with the closest assignment
    /// (searched for) or with a quick placement (where only verdicts are wanted).
    pub want_closest: Cell<bool>,
    /// Cleared when the shortfall shown for such a group is not from a finished search.
    pub closest: Cell<bool>,
}

impl Ctx<'_> {
    pub fn charge(&self, n: u64) {
        self.work.set(self.work.get().saturating_add(n));
    }

    /// Whether the budget is spent: searches stop, and place what is left without search.
    pub fn spent(&self) -> bool {
        self.work.get() >= self.budget.get()
    }
}

/// Evaluates `planned` (unit ids, any order, duplicates ignored) against qualification `q`,
/// within `EVALUATION_BUDGET`.
pub fn evaluate(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
) -> Evaluation {
    evaluate_within(catalogue, q, planned, readings, EVALUATION_BUDGET)
}

/// `evaluate` with a work budget in look-ups (see `EVALUATION_BUDGET`).
pub fn evaluate_within(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
    budget: u64,
) -> Evaluation {
    run(catalogue, q, planned, readings, budget, true)
}

/// `evaluate_within` for searches that read only verdicts: the same verdicts (exact when
/// `exact`), but a distinct group that no assignment meets shows a quick placement of its units
/// rather than the closest one, whose search can be long.
pub fn verdicts_within(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
    budget: u64,
) -> Evaluation {
    run(catalogue, q, planned, readings, budget, false)
}

fn run(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
    budget: u64,
    closest: bool,
) -> Evaluation {
    let qual = &catalogue.qualifications[q];
    let mut plan: Vec<UnitId> = planned.to_vec();
    plan.sort_small();
    plan.dedup();
    let ctx = Ctx {
        catalogue,
        readings,
        work: Cell::new(0),
        budget: Cell::new(budget),
        exact: Cell::new(true),
        want_closest: Cell::new(false),
        closest: Cell::new(true),
    };
    // Every verdict first, so that no search for the closest assignment spends the budget a
    // later verdict needs.
    let mut rules = Vec::with_capacity(qual.rules.len());
    let mut unsearched = Vec::new();
    for (i, r) in qual.rules.iter().enumerate() {
        ctx.closest.set(true);
        rules.push(evaluate_rule(r, &ctx, &plan));
        if !ctx.closest.get() {
            unsearched.push(i);
        }
    }
    let exact = ctx.exact.get();
    let mut all_closest = unsearched.is_empty();
    if closest && !unsearched.is_empty() {
        // Then the closest assignments, for the rules that have a distinct group no assignment
        // meets, each with its share of what is left; a search cut before its verdict is sure
        // keeps the first verdict.
        all_closest = true;
        ctx.want_closest.set(true);
        for (k, i) in unsearched.iter().enumerate() {
            let left = budget.saturating_sub(ctx.work.get());
            let share = left / (unsearched.len() - k) as u64;
            ctx.budget.set(ctx.work.get().saturating_add(share));
            ctx.exact.set(true);
            ctx.closest.set(true);
            let again = evaluate_rule(&qual.rules[*i], &ctx, &plan);
            if ctx.exact.get() {
                rules[*i] = again;
                all_closest &= ctx.closest.get();
            } else {
                all_closest = false;
            }
        }
    }
    let compliant = qual
        .qualification
        .rules_published
        .then(|| rules.iter().all(|r| r.status != Status::Unmet));
    let (mut barred, mut clashes) = (Vec::new(), Vec::new());
    for r in &qual.rules {
        collect_barred(r, readings, &plan, &mut barred, &mut clashes);
    }
    let too_many = (qual.rules.iter().zip(&rules))
        .enumerate()
        .filter(|(_, (r, res))| broken_by_excess(r, res, readings))
        .map(|(i, _)| i)
        .collect();
    Evaluation {
        compliant,
        rules,
        barred,
        clashes,
        too_many,
        exact,
        closest: all_closest,
        work: ctx.work.get(),
    }
}

/// The node in force for a rule under the chosen readings, and that reading's id.
pub fn node_in_force<'r>(
    rule: &'r CompiledRule,
    readings: &Readings,
) -> (&'r Node, Option<String>) {
    if let Some(chosen) = readings.get(&rule.rule.id) {
        if let Some((id, node)) = rule.alternatives.iter().find(|(id, _)| id == chosen) {
            return (node, Some(id.clone()));
        }
    }
    (&rule.node, rule.rule.reading.as_ref().map(|r| r.id.clone()))
}

pub(super) fn evaluate_rule(rule: &CompiledRule, ctx: &Ctx, allowed: &[UnitId]) -> RuleResult {
    let (node, reading) = node_in_force(rule, ctx.readings);
    evaluate_node(node, ctx, allowed).for_rule(rule, reading)
}

/// What a requirement found, before it is given the rule it belongs to.
pub(super) struct Outcome {
    status: Status,
    shortfall: Option<String>,
    deficit: u32,
    counted: Vec<UnitId>,
    meter: Option<Meter>,
    children: Vec<RuleResult>,
}

impl Outcome {
    /// The outcome of a requirement with nothing missing, counted or below it.
    fn just(status: Status) -> Outcome {
        Outcome {
            status,
            shortfall: None,
            deficit: 0,
            counted: Vec::new(),
            meter: None,
            children: Vec::new(),
        }
    }

    /// The result of `rule`, read as `reading`, whose requirement found this.
    pub(super) fn for_rule(self, rule: &CompiledRule, reading: Option<String>) -> RuleResult {
        RuleResult {
            meta: rule.meta.clone(),
            status: self.status,
            shortfall: self.shortfall,
            deficit: self.deficit,
            counted: self.counted,
            reading,
            meter: self.meter,
            children: self.children,
        }
    }
}

pub(super) fn measure_of(ctx: &Ctx, measure: Measure, id: UnitId) -> u32 {
    let unit = &ctx.catalogue.unit(id).unit;
    match measure {
        Measure::Units => 1,
        Measure::Credits => unit.credit.unwrap_or(0),
        Measure::Glh => unit.glh.unwrap_or(0),
    }
}

/// Whether a count over `scope` at `level` counts unit `id`.
pub(super) fn admits(
    catalogue: &Catalogue,
    scope: &Scope,
    level: Option<LevelFilter>,
    id: UnitId,
) -> bool {
    scope.contains(id) && level.is_none_or(|l| l.admits(catalogue.unit(id).unit.level))
}

/// The units of `units` that are in `plan` (sorted), in the order of `units`.
fn planned_among(units: &[UnitId], plan: &[UnitId]) -> Vec<UnitId> {
    units
        .iter()
        .copied()
        .filter(|u| plan.binary_search(u).is_ok())
        .collect()
}

/// The units of `pool` that a requirement could count (under the readings in force): for
/// assigning units among distinct rules, and for choosing what a completion may add.
pub fn countable(
    node: &Node,
    catalogue: &Catalogue,
    readings: &Readings,
    pool: &[UnitId],
    out: &mut Vec<UnitId>,
) {
    match node {
        Node::Mandatory(units) => out.extend(pool.iter().filter(|u| units.contains(u))),
        Node::Count { scope, level, .. } => out.extend(
            pool.iter()
                .filter(|u| admits(catalogue, scope, *level, **u)),
        ),
        Node::Barred { .. } | Node::Manual => {}
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => {
            for r in rules {
                countable(node_in_force(r, readings).0, catalogue, readings, pool, out);
            }
        }
    }
}

fn codes(ctx: &Ctx, ids: &[UnitId]) -> Vec<String> {
    ids.iter()
        .map(|id| ctx.catalogue.unit(*id).unit.code.clone())
        .collect()
}

pub(super) fn evaluate_node(node: &Node, ctx: &Ctx, allowed: &[UnitId]) -> Outcome {
    // A result costs about as much to make (its words, its lists) as this many look-ups.
    const RESULT: u64 = 24;
    match node {
        Node::Mandatory(units) | Node::Barred { units, .. } => {
            ctx.charge(RESULT + units.len() as u64)
        }
        Node::Count { .. } => ctx.charge(RESULT + allowed.len() as u64),
        Node::Manual => ctx.charge(1),
        Node::AllOf { .. } | Node::AnyOf { .. } => ctx.charge(RESULT),
    }
    match node {
        Node::Mandatory(units) => {
            let (present, missing): (Vec<UnitId>, Vec<UnitId>) =
                units.iter().partition(|u| allowed.binary_search(u).is_ok());
            Outcome {
                status: if missing.is_empty() {
                    Status::Met
                } else {
                    Status::Unmet
                },
                shortfall: (!missing.is_empty()).then(|| words::add_units(&codes(ctx, &missing))),
                deficit: missing.len() as u32,
                meter: Some(Meter {
                    measure: Measure::Units,
                    value: present.len() as u32,
                    min: Some(units.len() as u32),
                    max: None,
                }),
                counted: present,
                children: Vec::new(),
            }
        }
        Node::Count {
            measure,
            scope,
            level,
            min,
            max,
            from_words,
        } => {
            let counted: Vec<UnitId> = allowed
                .iter()
                .copied()
                .filter(|u| admits(ctx.catalogue, scope, *level, *u))
                .collect();
            let value: u32 = counted.iter().map(|u| measure_of(ctx, *measure, *u)).sum();
            let (deficit, shortfall) = if let Some(min) = min.filter(|m| value < *m) {
                let deficit = min - value;
                let words = words::more_needed(*measure, deficit, *level, from_words);
                (deficit, Some(words))
            } else if let Some(max) = max.filter(|m| value > *m) {
                let deficit = value - max;
                let words = words::too_many(
                    *measure,
                    deficit,
                    max,
                    *level,
                    from_words,
                    &codes(ctx, &counted),
                );
                (deficit, Some(words))
            } else {
                (0, None)
            };
            Outcome {
                status: if shortfall.is_some() {
                    Status::Unmet
                } else {
                    Status::Met
                },
                shortfall,
                deficit,
                meter: Some(Meter {
                    measure: *measure,
                    value,
                    min: *min,
                    max: *max,
                }),
                counted,
                children: Vec::new(),
            }
        }
        Node::Barred { units, max } => {
            let present = planned_among(units, allowed);
            let over = (present.len() as u32).saturating_sub(*max);
            Outcome {
                status: if over == 0 {
                    Status::Met
                } else {
                    Status::Unmet
                },
                shortfall: (over > 0).then(|| {
                    format!(
                        "remove {} of {}",
                        words::count_words(over),
                        codes(ctx, &present).join(" / ")
                    )
                }),
                deficit: over,
                meter: None,
                counted: present,
                children: Vec::new(),
            }
        }
        Node::AllOf { rules, distinct } => {
            let children: Vec<RuleResult> = if *distinct {
                assign_distinct(rules, ctx, allowed)
            } else {
                rules
                    .iter()
                    .map(|c| evaluate_rule(c, ctx, allowed))
                    .collect()
            };
            combine_all(children)
        }
        Node::AnyOf { rules } => {
            let children: Vec<RuleResult> = rules
                .iter()
                .map(|c| evaluate_rule(c, ctx, allowed))
                .collect();
            combine_any(children)
        }
        Node::Manual => Outcome::just(Status::NotJudged),
    }
}

pub(super) fn combine_all(children: Vec<RuleResult>) -> Outcome {
    let judged = children.iter().any(|c| c.status != Status::NotJudged);
    let unmet: Vec<&RuleResult> = children
        .iter()
        .filter(|c| c.status == Status::Unmet)
        .collect();
    let status = if !judged {
        Status::NotJudged
    } else if unmet.is_empty() {
        Status::Met
    } else {
        Status::Unmet
    };
    let shortfall = (!unmet.is_empty()).then(|| {
        unmet
            .iter()
            .filter_map(|c| c.shortfall.clone())
            .collect::<Vec<_>>()
            .join("; ")
    });
    let deficit = unmet.iter().map(|c| c.deficit).sum();
    let mut counted: Vec<UnitId> = children
        .iter()
        .flat_map(|c| c.counted.iter().copied())
        .collect();
    counted.sort_small();
    counted.dedup();
    Outcome {
        status,
        shortfall,
        deficit,
        counted,
        meter: None,
        children,
    }
}

fn combine_any(children: Vec<RuleResult>) -> Outcome {
    let met = children.iter().position(|c| c.status == Status::Met);
    let mut r = if let Some(i) = met {
        Outcome {
            counted: children[i].counted.clone(),
            ..Outcome::just(Status::Met)
        }
    } else if children.iter().all(|c| c.status == Status::NotJudged) {
        Outcome::just(Status::NotJudged)
    } else {
        let best = children
            .iter()
            .filter(|c| c.status == Status::Unmet)
            .min_by_key(|c| c.deficit)
            .expect("some child is unmet");
        Outcome {
            deficit: best.deficit,
            counted: best.counted.clone(),
            shortfall: Some(format!(
                "meet one of: {}; closest is {}: {}",
                children
                    .iter()
                    .map(|c| c.meta.label.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
                best.meta.label,
                best.shortfall.clone().unwrap_or_default()
            )),
            ..Outcome::just(Status::Unmet)
        }
    };
    r.children = children;
    r
}

/// Unplanned units a barred combination rules out (`barred`), and planned units in one the plan
/// breaks (`clashes`), each with the planned units of the combination that bar or clash with it.
fn collect_barred(
    rule: &CompiledRule,
    readings: &Readings,
    plan: &[UnitId],
    barred: &mut Vec<(UnitId, Vec<UnitId>)>,
    clashes: &mut Vec<(UnitId, Vec<UnitId>)>,
) {
    let (node, _) = node_in_force(rule, readings);
    match node {
        Node::Barred { units, max } => {
            let present = planned_among(units, plan);
            if present.len() as u32 >= *max {
                for u in units.iter().filter(|u| plan.binary_search(u).is_err()) {
                    with_units(barred, *u, &present);
                }
            }
            if present.len() as u32 > *max {
                for u in &present {
                    let others: Vec<UnitId> = present.iter().copied().filter(|o| o != u).collect();
                    with_units(clashes, *u, &others);
                }
            }
        }
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => {
            for r in rules {
                collect_barred(r, readings, plan, barred, clashes);
            }
        }
        _ => {}
    }
}

/// Adds `units` to what `out` holds for `unit`, each once and in order.
fn with_units(out: &mut Vec<(UnitId, Vec<UnitId>)>, unit: UnitId, units: &[UnitId]) {
    match out.iter_mut().find(|(id, _)| *id == unit) {
        Some((_, by)) => {
            by.extend(units.iter().copied());
            by.sort_small();
            by.dedup();
        }
        None => out.push((unit, units.to_vec())),
    }
}

/// A rule unmet because its maximum is passed or its barred combination taken (in a part that
/// all must meet, any part so).
fn broken_by_excess(rule: &CompiledRule, res: &RuleResult, readings: &Readings) -> bool {
    if res.status != Status::Unmet {
        return false;
    }
    match node_in_force(rule, readings).0 {
        Node::Barred { .. } => true,
        Node::Count { max: Some(max), .. } => res.meter.is_some_and(|p| p.value > *max),
        Node::AllOf {
            rules,
            distinct: false,
        } => rules
            .iter()
            .zip(&res.children)
            .any(|(r, c)| broken_by_excess(r, c, readings)),
        _ => false,
    }
}
