//! Rules that must not share a unit (a unit listed in two groups counts towards one of them):
//! finds an assignment of units to rules that meets them all, if one exists, and otherwise the
//! one that meets the most and leaves the least shortfall.
//!
//! The search is exact within the evaluation's work budget, and fast on deep structures:
//!
//! - A distinct group directly inside a distinct group is one distinct group over all their parts
//!   (a unit given to the inner group goes to one of its parts either way), so nested groups are
//!   flattened into one search over their parts ("atoms"), and their results rebuilt afterwards.
//! - Units that every atom treats alike (the same counts take them, the same figures, and no
//!   atom names them as mandatory or barred) are interchangeable: only one order of each such
//!   class is tried, so the search runs over how many of a class each atom gets (multisets), not
//!   over every unit's choice (products).
//! - Branch and bound: a lower bound on the score of every assignment below a node cuts
//!   branches. It takes each atom's best case with every undecided unit it could take; the
//!   shortfalls of the minimums, which each undecided unit fills for one atom only; and the
//!   units each part still needs, which the undecided units can give to only so many parts. The
//!   first pass looks only for an assignment that meets everything and stops at the first; only
//!   if none exists does the second look for the closest, starting from the best of three quick
//!   placements. Searches that read only verdicts (completion) skip the second pass.
//!
//! Assignments are tried in the order the exhaustive search always used (the first shared unit
//! changing fastest), and cuts only drop branches with nothing better, so the result is the
//! assignment that search returned, the first with the best score (for nested groups, the
//! first with the best score of the outer group's parts; the verdict is the same).
//!
//! If the evaluation's work budget runs out, the units left are placed without search, and the
//! evaluation is marked as not exact.

use super::compile::{CompiledRule, Node};
use super::evaluate::{
    admits, combine_all, countable, evaluate_rule, measure_of, node_in_force, Ctx, RuleResult,
    Status,
};
use super::rule::Measure;
use crate::catalogue::UnitId;
use crate::sort::SmallSort;

/// (rules unmet, total shortfall): lower is better; (0, 0) meets everything.
type Score = (usize, u32);

/// Up to this many ways to share the units out, each is tried in turn: quicker than bounding.
const FEW: usize = 32;

/// A part of a distinct group as the search sees it.
enum Part<'r> {
    /// A requirement evaluated on the units given to it: index into the atoms.
    Atom(usize),
    /// A distinct group inside the group: its parts share the group's units as one search.
    Group {
        rule: &'r CompiledRule,
        parts: Vec<Part<'r>>,
    },
}

struct Shared {
    unit: UnitId,
    /// Atoms that could count it, ascending.
    takers: Vec<usize>,
    /// The next shared unit (by position) of its class: this unit's choice may not be below
    /// that one's, so each multiset of choices within a class is tried once, in its first order.
    floor: Option<usize>,
}

/// A lower bound on a requirement's result: certainly unmet, and by at least this much.
#[derive(Clone, Copy, Default)]
struct Lb {
    unmet: bool,
    deficit: u32,
}

struct Found {
    results: Vec<RuleResult>,
    score: Score,
}

struct Search<'s, 'c, 'r> {
    ctx: &'s Ctx<'c>,
    atoms: Vec<(&'r CompiledRule, &'r Node)>,
    /// Each atom's shortfall as its minimums make it up (`None` where they do not bound it).
    demands: Vec<Option<Demand<'r>>>,
    parts: Vec<Part<'r>>,
    /// The atoms of each top part, ascending, and the top part of each atom.
    part_atoms: Vec<Vec<usize>>,
    part_of: Vec<usize>,
    shared: Vec<Shared>,
    sets: Vec<Vec<UnitId>>,
    choice: Vec<usize>,
    stopped: bool,
}

/// Evaluates `rules` so that each planned unit counts towards at most one of them, choosing the
/// assignment that meets the most rules and, among those, leaves the least shortfall.
pub(super) fn assign_distinct<'r>(
    rules: &'r [CompiledRule],
    ctx: &Ctx,
    allowed: &[UnitId],
) -> Vec<RuleResult> {
    let mut atoms = Vec::new();
    let parts: Vec<Part<'r>> = rules.iter().map(|r| flatten(r, ctx, &mut atoms)).collect();
    let candidates: Vec<Vec<UnitId>> = atoms
        .iter()
        .map(|(_, node)| {
            let mut v = Vec::new();
            countable(node, ctx.catalogue, ctx.readings, allowed, &mut v);
            v.sort_small();
            v.dedup();
            v
        })
        .collect();
    let mut sets: Vec<Vec<UnitId>> = vec![Vec::new(); atoms.len()];
    let mut shared: Vec<Shared> = Vec::new();
    for u in allowed {
        let takers: Vec<usize> = (0..atoms.len())
            .filter(|i| candidates[*i].binary_search(u).is_ok())
            .collect();
        match takers.len() {
            0 => {}
            1 => sets[takers[0]].push(*u),
            _ => shared.push(Shared {
                unit: *u,
                takers,
                floor: None,
            }),
        }
    }
    let n = shared.len();
    let mut search = Search {
        ctx,
        atoms,
        demands: Vec::new(),
        parts,
        part_atoms: Vec::new(),
        part_of: Vec::new(),
        shared,
        sets,
        choice: vec![0; n],
        stopped: false,
    };
    let found = search.run();
    let mut results: Vec<Option<RuleResult>> = found.results.into_iter().map(Some).collect();
    search
        .parts
        .iter()
        .map(|p| rebuild(p, ctx, &mut results))
        .collect()
}

/// A rule as a part: a distinct group (under the readings in force) becomes its parts.
fn flatten<'r>(
    rule: &'r CompiledRule,
    ctx: &Ctx,
    atoms: &mut Vec<(&'r CompiledRule, &'r Node)>,
) -> Part<'r> {
    let node = node_in_force(rule, ctx.readings).0;
    match node {
        Node::AllOf {
            rules,
            distinct: true,
        } => Part::Group {
            rule,
            parts: rules.iter().map(|r| flatten(r, ctx, atoms)).collect(),
        },
        _ => {
            atoms.push((rule, node));
            Part::Atom(atoms.len() - 1)
        }
    }
}

/// A part's result from its atoms' results.
fn rebuild(part: &Part, ctx: &Ctx, results: &mut [Option<RuleResult>]) -> RuleResult {
    match part {
        Part::Atom(i) => results[*i].take().expect("each atom is rebuilt once"),
        Part::Group { rule, parts } => {
            let (_, reading) = node_in_force(rule, ctx.readings);
            combine_all(parts.iter().map(|p| rebuild(p, ctx, results)).collect())
                .for_rule(rule, reading)
        }
    }
}

/// Links each shared unit to the next one of its class: units with the same takers, counted by
/// the same counts with the same figures, and named by no mandatory or barred rule in any atom.
fn classes(atoms: &[(&CompiledRule, &Node)], ctx: &Ctx, shared: &mut [Shared]) {
    let mut counts: Vec<&Node> = Vec::new();
    let mut named: Vec<UnitId> = Vec::new();
    for (_, node) in atoms {
        leaves(node, ctx, &mut counts, &mut named);
    }
    let key = |u: UnitId| -> Option<(Vec<bool>, u32, u32)> {
        if named.contains(&u) {
            return None;
        }
        let mut credit = 0;
        let mut glh = 0;
        let admitted = counts
            .iter()
            .map(|c| match c {
                Node::Count {
                    measure,
                    scope,
                    level,
                    ..
                } => {
                    let yes = admits(ctx.catalogue, scope, *level, u);
                    if yes {
                        match measure {
                            Measure::Credits => credit = measure_of(ctx, Measure::Credits, u),
                            Measure::Glh => glh = measure_of(ctx, Measure::Glh, u),
                            Measure::Units => {}
                        }
                    }
                    yes
                }
                _ => false,
            })
            .collect();
        Some((admitted, credit, glh))
    };
    ctx.charge((shared.len() * (counts.len() + named.len() + shared.len())) as u64);
    let keys: Vec<Option<(Vec<bool>, u32, u32)>> = shared.iter().map(|s| key(s.unit)).collect();
    for i in 0..shared.len() {
        let Some(k) = &keys[i] else { continue };
        shared[i].floor = (i + 1..shared.len())
            .find(|j| shared[*j].takers == shared[i].takers && keys[*j].as_ref() == Some(k));
    }
}

/// Every count in a requirement (under the readings in force), and every unit it names.
fn leaves<'r>(node: &'r Node, ctx: &Ctx, counts: &mut Vec<&'r Node>, named: &mut Vec<UnitId>) {
    match node {
        Node::Count { .. } => counts.push(node),
        Node::Mandatory(units) | Node::Barred { units, .. } => named.extend(units),
        Node::Manual => {}
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => {
            for r in rules {
                leaves(node_in_force(r, ctx.readings).0, ctx, counts, named);
            }
        }
    }
}

/// How a requirement's shortfall is made up of its minimums (counts with a minimum, mandatory
/// lists), for the bound on what units still to place can fill.
enum Demand<'r> {
    /// A minimum: its shortfall, which a unit fills by at most its figure.
    Leaf(&'r Node),
    /// A plain `all_of`: at least the sum of its parts' shortfalls.
    Sum(Vec<Demand<'r>>),
    /// An `any_of`: at least the least of its judged pathways' shortfalls.
    Min(Vec<Demand<'r>>),
    /// A distinct group inside an atom: its parts start from nothing, and each unit it holds
    /// fills one of them.
    Distinct(Vec<Demand<'r>>),
}

impl<'r> Demand<'r> {
    /// `None` where some part of the shortfall is not made of minimums (a maximum, a barred set,
    /// a distinct group): then it does not bound the shortfall from below.
    fn of(node: &'r Node, ctx: &Ctx) -> Option<Demand<'r>> {
        match node {
            Node::Count { min: Some(_), .. } | Node::Mandatory(_) => Some(Demand::Leaf(node)),
            Node::AllOf {
                rules,
                distinct: false,
            } => {
                // Parts with no minimum add nothing (at least zero).
                let v: Vec<Demand> = rules
                    .iter()
                    .filter_map(|r| Demand::of(node_in_force(r, ctx.readings).0, ctx))
                    .collect();
                (!v.is_empty()).then_some(Demand::Sum(v))
            }
            Node::AllOf {
                rules,
                distinct: true,
            } => {
                let v: Vec<Demand> = rules
                    .iter()
                    .filter_map(|r| Demand::of(node_in_force(r, ctx.readings).0, ctx))
                    .collect();
                (!v.is_empty()).then_some(Demand::Distinct(v))
            }
            Node::AnyOf { rules } => {
                // Every judged pathway must have one, or the least may be nothing.
                let v: Option<Vec<Demand>> = rules
                    .iter()
                    .map(|r| node_in_force(r, ctx.readings).0)
                    .filter(|n| !never_judged(n, ctx))
                    .map(|n| Demand::of(n, ctx))
                    .collect();
                v.filter(|v| !v.is_empty()).map(Demand::Min)
            }
            _ => None,
        }
    }

    /// Its shortfall on `assigned`; every part's, depth first, into `out`.
    fn shorts(&self, ctx: &Ctx, assigned: &[UnitId], out: &mut Vec<u32>) -> u32 {
        match self {
            Demand::Leaf(node) => {
                let short = short_of(node, ctx, assigned);
                out.push(short);
                short
            }
            Demand::Sum(parts) | Demand::Min(parts) => {
                let at = out.len();
                out.push(0);
                let each = parts.iter().map(|p| p.shorts(ctx, assigned, out));
                let short = match self {
                    Demand::Sum(_) => each.sum(),
                    _ => each.min().unwrap_or(0),
                };
                out[at] = short;
                short
            }
            Demand::Distinct(parts) => {
                // The parts' shortfalls from nothing, less what the units it holds can fill,
                // each for one part.
                let at = out.len();
                out.push(u32::MAX);
                let whole: u32 = parts.iter().map(|p| p.shorts(ctx, &[], out)).sum();
                out[at] = whole;
                let filled: u32 = assigned
                    .iter()
                    .map(|u| self.fill(ctx, *u, out, &mut at.clone()))
                    .sum();
                let short = whole.saturating_sub(filled);
                out[at] = short;
                short
            }
        }
    }

    /// How much of its shortfall one more unit can fill, given `shorts` as `shorts` made them
    /// (read from `at` on, depth first).
    fn fill(&self, ctx: &Ctx, u: UnitId, shorts: &[u32], at: &mut usize) -> u32 {
        let short = shorts[*at];
        *at += 1;
        match self {
            Demand::Leaf(node) => fill_of(node, ctx, u, short),
            Demand::Sum(parts) => parts.iter().map(|p| p.fill(ctx, u, shorts, at)).sum(),
            Demand::Min(parts) | Demand::Distinct(parts) => parts
                .iter()
                .map(|p| p.fill(ctx, u, shorts, at))
                .max()
                .unwrap_or(0)
                .min(short),
        }
    }
}

/// How far a minimum is from met on `assigned`, in its own measure.
fn short_of(demand: &Node, ctx: &Ctx, assigned: &[UnitId]) -> u32 {
    ctx.charge(1 + assigned.len() as u64);
    match demand {
        Node::Count {
            measure,
            scope,
            level,
            min: Some(min),
            ..
        } => min.saturating_sub(
            assigned
                .iter()
                .filter(|u| admits(ctx.catalogue, scope, *level, **u))
                .map(|u| measure_of(ctx, *measure, *u))
                .sum(),
        ),
        Node::Mandatory(units) => units.iter().filter(|u| !assigned.contains(u)).count() as u32,
        _ => 0,
    }
}

/// How much of a minimum's shortfall `short` one more unit (not yet given) can fill.
fn fill_of(demand: &Node, ctx: &Ctx, u: UnitId, short: u32) -> u32 {
    if short == 0 {
        return 0;
    }
    match demand {
        Node::Count {
            measure,
            scope,
            level,
            ..
        } if admits(ctx.catalogue, scope, *level, u) => measure_of(ctx, *measure, u).min(short),
        Node::Mandatory(units) if units.contains(&u) => 1,
        _ => 0,
    }
}

/// Whether a requirement is never judged, whatever the plan: only manual requirements.
fn never_judged(node: &Node, ctx: &Ctx) -> bool {
    match node {
        Node::Manual => true,
        Node::AllOf { rules, .. } | Node::AnyOf { rules } => rules
            .iter()
            .all(|r| never_judged(node_in_force(r, ctx.readings).0, ctx)),
        _ => false,
    }
}

/// The least shortfall a count can have if its figure ends anywhere in `lo..=hi`.
fn count_deficit_lb(lo: u32, hi: u32, min: Option<u32>, max: Option<u32>) -> u32 {
    let deficit = |v: u32| match (min, max) {
        (Some(m), _) if v < m => m - v,
        (_, Some(m)) if v > m => v - m,
        _ => 0,
    };
    let clamp = |v: u32| v.clamp(lo, hi);
    let mut points = vec![lo, hi];
    for m in min.into_iter().chain(max) {
        points.extend([
            clamp(m),
            clamp(m.saturating_sub(1)),
            clamp(m.saturating_add(1)),
        ]);
    }
    points.into_iter().map(deficit).min().unwrap_or(0)
}

/// A lower bound on a requirement's result when it is evaluated on `assigned` plus any of
/// `possible`.
fn lower(node: &Node, ctx: &Ctx, assigned: &[UnitId], possible: &[UnitId]) -> Lb {
    match node {
        Node::Mandatory(units) => {
            ctx.charge(1 + units.len() as u64);
            let missing = units
                .iter()
                .filter(|u| !assigned.contains(u) && !possible.contains(u))
                .count() as u32;
            Lb {
                unmet: missing > 0,
                deficit: missing,
            }
        }
        Node::Count {
            measure,
            scope,
            level,
            min,
            max,
            ..
        } => {
            ctx.charge(1 + (assigned.len() + possible.len()) as u64);
            let value = |set: &[UnitId]| -> u32 {
                set.iter()
                    .filter(|u| admits(ctx.catalogue, scope, *level, **u))
                    .map(|u| measure_of(ctx, *measure, *u))
                    .sum()
            };
            let lo = value(assigned);
            let hi = lo.saturating_add(value(possible));
            let deficit = count_deficit_lb(lo, hi, *min, *max);
            Lb {
                unmet: deficit > 0,
                deficit,
            }
        }
        Node::Barred { units, max } => {
            ctx.charge(1 + units.len() as u64);
            let present = units.iter().filter(|u| assigned.contains(u)).count() as u32;
            let over = present.saturating_sub(*max);
            Lb {
                unmet: over > 0,
                deficit: over,
            }
        }
        Node::Manual => {
            ctx.charge(1);
            Lb::default()
        }
        Node::AllOf { rules, distinct } => {
            // A distinct group's parts each get some of its units: each is bounded by all of them.
            let widened: Vec<UnitId>;
            let (a, p) = if *distinct {
                widened = assigned.iter().chain(possible).copied().collect();
                (&[][..], &widened[..])
            } else {
                (assigned, possible)
            };
            let mut out = Lb::default();
            for r in rules {
                let lb = lower(node_in_force(r, ctx.readings).0, ctx, a, p);
                out.unmet |= lb.unmet;
                out.deficit = out.deficit.saturating_add(lb.deficit);
            }
            out
        }
        Node::AnyOf { rules } => {
            let mut best: Option<u32> = None;
            for r in rules {
                let child = node_in_force(r, ctx.readings).0;
                if never_judged(child, ctx) {
                    continue;
                }
                let lb = lower(child, ctx, assigned, possible);
                if !lb.unmet {
                    return Lb::default();
                }
                best = Some(best.map_or(lb.deficit, |b| b.min(lb.deficit)));
            }
            match best {
                Some(deficit) => Lb {
                    unmet: true,
                    deficit,
                },
                None => Lb::default(),
            }
        }
    }
}

/// How many more units a requirement evaluated on `assigned` plus some of `open` needs from
/// `open` to be met, at least (`None`: `open` cannot give it enough). Maxima are ignored.
fn more_units(node: &Node, ctx: &Ctx, assigned: &[UnitId], open: &[UnitId]) -> Option<u32> {
    match node {
        Node::Mandatory(units) => ctx.charge(1 + units.len() as u64),
        Node::Count { .. } => ctx.charge(1 + (assigned.len() + open.len()) as u64),
        Node::Barred { .. } | Node::Manual => ctx.charge(1),
        _ => {}
    }
    match node {
        Node::Mandatory(units) => {
            let missing: Vec<&UnitId> = units.iter().filter(|u| !assigned.contains(u)).collect();
            missing
                .iter()
                .all(|u| open.contains(u))
                .then_some(missing.len() as u32)
        }
        Node::Count {
            measure,
            scope,
            level,
            min: Some(min),
            ..
        } => {
            let value: u32 = assigned
                .iter()
                .filter(|u| admits(ctx.catalogue, scope, *level, **u))
                .map(|u| measure_of(ctx, *measure, *u))
                .sum();
            let mut short = min.saturating_sub(value);
            if short == 0 {
                return Some(0);
            }
            // The largest figures first.
            let mut figures: Vec<u32> = open
                .iter()
                .filter(|u| admits(ctx.catalogue, scope, *level, **u))
                .map(|u| measure_of(ctx, *measure, *u))
                .collect();
            figures.sort_small_by(|a, b| b.cmp(a));
            for (i, f) in figures.iter().enumerate() {
                short = short.saturating_sub(*f);
                if short == 0 {
                    return Some(i as u32 + 1);
                }
            }
            None
        }
        Node::Count { .. } | Node::Barred { .. } | Node::Manual => Some(0),
        Node::AllOf {
            rules,
            distinct: false,
        } => rules.iter().try_fold(0, |acc, r| {
            more_units(node_in_force(r, ctx.readings).0, ctx, assigned, open).map(|n| acc.max(n))
        }),
        Node::AllOf {
            rules,
            distinct: true,
        } => {
            // Each part needs its units from scratch, drawing on all of them; those already
            // given count once.
            let all: Vec<UnitId> = assigned.iter().chain(open).copied().collect();
            let total = rules.iter().try_fold(0u32, |acc, r| {
                more_units(node_in_force(r, ctx.readings).0, ctx, &[], &all)
                    .map(|n| acc.saturating_add(n))
            })?;
            let mut held = Vec::new();
            countable(node, ctx.catalogue, ctx.readings, assigned, &mut held);
            held.sort_small();
            held.dedup();
            Some(total.saturating_sub(held.len() as u32))
        }
        Node::AnyOf { rules } => {
            let mut best: Option<Option<u32>> = None;
            for r in rules {
                let child = node_in_force(r, ctx.readings).0;
                if never_judged(child, ctx) {
                    continue;
                }
                let n = more_units(child, ctx, assigned, open);
                best = Some(match (best.flatten(), n) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                });
            }
            best.unwrap_or(Some(0))
        }
    }
}

impl Search<'_, '_, '_> {
    /// What the bounds and the classes of interchangeable units need.
    fn prepare(&mut self) {
        let ctx = self.ctx;
        self.demands = self
            .atoms
            .iter()
            .map(|(_, node)| Demand::of(node, ctx))
            .collect();
        self.part_atoms = self
            .parts
            .iter()
            .map(|p| {
                let mut v = Vec::new();
                atoms_of(p, &mut v);
                v.sort_small();
                v
            })
            .collect();
        self.part_of = vec![0; self.atoms.len()];
        for (p, atoms) in self.part_atoms.iter().enumerate() {
            for a in atoms {
                self.part_of[*a] = p;
            }
        }
        classes(&self.atoms, ctx, &mut self.shared);
    }

    fn run(&mut self) -> Found {
        let n = self.shared.len();
        if n == 0 {
            return self.evaluate_sets(&self.sets);
        }
        let combinations = self
            .shared
            .iter()
            .try_fold(1usize, |acc, s| acc.checked_mul(s.takers.len()))
            .unwrap_or(usize::MAX);
        if combinations <= FEW {
            return self.every_assignment();
        }
        self.prepare();
        if self.ctx.spent() {
            return self.unsearched(self.placed_without_search());
        }
        // First pass: an assignment that meets everything, the first in order. Distinct groups
        // inside the atoms need give only their verdicts for it.
        let mut first = None;
        let want_closest = self.ctx.want_closest.replace(false);
        let closest = self.ctx.closest.get();
        self.dfs(n, (0, 0), &mut first);
        self.ctx.want_closest.set(want_closest);
        // The first pass's shortfalls are never shown.
        self.ctx.closest.set(closest);
        if let Some(found) = first.take_if(|f| f.score == (0, 0)) {
            return found;
        }
        if self.stopped {
            let placed = self.placed_without_search();
            return self.unsearched(closer(first, placed));
        }
        // None does. A quick placement shows the shortfall where only the verdict is wanted;
        // otherwise it bounds the search for the closest, which still returns the first
        // assignment in order with the best score, unless the budget runs out.
        let seed = self.placed_without_search();
        if !want_closest {
            self.ctx.closest.set(false);
            return seed;
        }
        let mut best = None;
        self.dfs(n, seed.score, &mut best);
        if self.stopped {
            self.ctx.closest.set(false);
        }
        closer(best, seed)
    }

    /// What a search cut short by the budget found: exact if it meets everything (a met
    /// verdict is witnessed by its assignment), otherwise neither the verdict nor the
    /// shortfall shown is sure.
    fn unsearched(&self, found: Found) -> Found {
        if found.score != (0, 0) {
            self.ctx.exact.set(false);
            self.ctx.closest.set(false);
        }
        found
    }

    /// Every assignment in order, the first shared unit changing fastest: the first with the
    /// best score, stopping at one that meets everything (or at the budget).
    fn every_assignment(&mut self) -> Found {
        let mut choice = vec![0usize; self.shared.len()];
        let mut best: Option<Found> = None;
        loop {
            let mut sets = self.sets.clone();
            for (s, c) in self.shared.iter().zip(&choice) {
                sets[s.takers[*c]].push(s.unit);
            }
            let found = self.evaluate_sets(&sets);
            if best.as_ref().is_none_or(|b| found.score < b.score) {
                let done = found.score == (0, 0);
                best = Some(found);
                if done {
                    break;
                }
            }
            if self.ctx.spent() {
                // What is left stays linear in the size of the rules: one assignment a group.
                return self.unsearched(best.expect("an assignment was tried"));
            }
            let mut i = 0;
            while i < choice.len() {
                choice[i] += 1;
                if choice[i] < self.shared[i].takers.len() {
                    break;
                }
                choice[i] = 0;
                i += 1;
            }
            if i == choice.len() {
                break;
            }
        }
        best.expect("at least one assignment is tried")
    }

    /// Depth first over the shared units from the last to the first (the last is the most
    /// significant, so the order is the exhaustive search's), cutting branches whose bound is
    /// beyond `limit` or cannot beat `best`. Returns true to stop: everything is met, or the
    /// budget ran out.
    fn dfs(&mut self, undecided: usize, limit: Score, best: &mut Option<Found>) -> bool {
        if self.ctx.spent() {
            self.stopped = true;
            return true;
        }
        let lb = self.bound(undecided);
        if lb > limit || best.as_ref().is_some_and(|b| lb >= b.score) {
            return false;
        }
        if undecided == 0 {
            let found = self.evaluate_sets(&self.sets);
            let done = found.score == (0, 0);
            if best.as_ref().is_none_or(|b| found.score < b.score) {
                *best = Some(found);
            }
            return done;
        }
        let i = undecided - 1;
        let start = self.shared[i].floor.map_or(0, |j| self.choice[j]);
        for c in start..self.shared[i].takers.len() {
            let t = self.shared[i].takers[c];
            self.choice[i] = c;
            self.sets[t].push(self.shared[i].unit);
            let stop = self.dfs(i, limit, best);
            self.sets[t].pop();
            if stop {
                return true;
            }
        }
        false
    }

    /// A lower bound on the score of every assignment that places `shared[..undecided]`
    /// somewhere and keeps the rest as placed.
    fn bound(&self, undecided: usize) -> Score {
        let open = &self.shared[..undecided];
        let mut atom_lb = Vec::with_capacity(self.atoms.len());
        // More units each atom needs (`None`: more than it can get).
        let mut atom_need: Vec<Option<u32>> = Vec::with_capacity(self.atoms.len());
        let mut possible: Vec<UnitId> = Vec::new();
        self.ctx.charge((self.atoms.len() * open.len()) as u64);
        for (a, (_, node)) in self.atoms.iter().enumerate() {
            possible.clear();
            possible.extend(
                open.iter()
                    .filter(|s| s.takers.binary_search(&a).is_ok())
                    .map(|s| s.unit),
            );
            atom_lb.push(lower(node, self.ctx, &self.sets[a], &possible));
            atom_need.push(more_units(node, self.ctx, &self.sets[a], &possible));
        }
        // The minimums' shortfalls in their own measures, which each unit still to place fills
        // for one atom only, by at most each shortfall: in all, and within each top part.
        let mut each_short: Vec<Vec<u32>> = Vec::with_capacity(self.atoms.len());
        let mut shorts: Vec<u32> = Vec::with_capacity(self.atoms.len());
        for (d, set) in self.demands.iter().zip(&self.sets) {
            let mut v = Vec::new();
            shorts.push(d.as_ref().map_or(0, |d| d.shorts(self.ctx, set, &mut v)));
            each_short.push(v);
        }
        let parts = self.parts.len();
        let mut left_all: u32 = shorts.iter().sum();
        let mut left: Vec<u32> = vec![0; parts];
        for (a, short) in shorts.iter().enumerate() {
            left[self.part_of[a]] += short;
        }
        // Units still to place that some atom of each part could take.
        let mut reach: Vec<u32> = vec![0; parts];
        let mut most: Vec<Option<u32>> = vec![None; parts];
        for s in open {
            let mut most_all = 0;
            for t in &s.takers {
                let fill: u32 = match &self.demands[*t] {
                    Some(d) if shorts[*t] > 0 => {
                        self.ctx.charge(each_short[*t].len() as u64);
                        d.fill(self.ctx, s.unit, &each_short[*t], &mut 0)
                    }
                    _ => 0,
                };
                most_all = most_all.max(fill);
                let p = self.part_of[*t];
                most[p] = Some(most[p].map_or(fill, |m| m.max(fill)));
            }
            left_all = left_all.saturating_sub(most_all);
            for (p, m) in most.iter_mut().enumerate() {
                if let Some(m) = m.take() {
                    reach[p] += 1;
                    left[p] = left[p].saturating_sub(m);
                }
            }
        }
        self.ctx.charge((open.len() * parts) as u64);
        let others: u32 = atom_lb
            .iter()
            .zip(&self.demands)
            .filter(|(_, d)| d.is_none())
            .map(|(lb, _)| lb.deficit)
            .sum();
        let each: u32 = atom_lb.iter().map(|lb| lb.deficit).sum();
        let mut deficit = each.max(left_all.saturating_add(others));
        // Top parts: certainly unmet if an atom is, if the units still to place cannot fill its
        // minimums even all going to it, or if it needs more units than can reach it. Of the
        // rest, the units still to place can meet at most as many as their numbers allow,
        // the parts needing fewest first.
        let mut certain = 0usize;
        let mut wanting: Vec<u32> = Vec::new();
        for (p, (part, atoms)) in self.parts.iter().zip(&self.part_atoms).enumerate() {
            let need = atoms
                .iter()
                .try_fold(0u32, |acc, a| atom_need[*a].map(|n| acc.saturating_add(n)));
            if part_unmet(part, &atom_lb) || need.is_none_or(|n| n > reach[p]) || left[p] > 0 {
                certain += 1;
            } else if let Some(n) = need.filter(|n| *n > 0) {
                wanting.push(n);
            }
        }
        wanting.sort_small();
        let mut units = open.len() as u32;
        let mut can_meet = 0;
        for n in &wanting {
            if *n > units {
                break;
            }
            units -= n;
            can_meet += 1;
        }
        let unmet = certain + wanting.len() - can_meet;
        // Every unmet part falls short by at least one.
        deficit = deficit.max(unmet as u32);
        (unmet.max(usize::from(deficit > 0)), deficit)
    }

    /// Evaluates every atom on its units and scores the parts.
    fn evaluate_sets(&self, sets: &[Vec<UnitId>]) -> Found {
        let results: Vec<RuleResult> = self
            .atoms
            .iter()
            .zip(sets)
            .map(|((rule, _), set)| {
                let mut s = set.clone();
                s.sort_small();
                evaluate_rule(rule, self.ctx, &s)
            })
            .collect();
        let scored: Vec<(Status, u32)> =
            self.parts.iter().map(|p| part_score(p, &results)).collect();
        let score = (
            scored.iter().filter(|(s, _)| *s == Status::Unmet).count(),
            scored.iter().map(|(_, d)| *d).sum(),
        );
        Found { results, score }
    }

    /// Every shared unit placed without search, the last unit first, three ways: each to the
    /// taker with most shortfall; each to the first taker still short, which fills the parts in
    /// turn; and the same with the parts needing fewest units first. The best of them (the
    /// first on ties).
    /// Once the budget is spent, only the first way, so that what is left stays linear in the
    /// size of the rules.
    fn placed_without_search(&self) -> Found {
        let in_order: Vec<usize> = (0..self.atoms.len()).collect();
        if self.ctx.spent() {
            return self.placed(true, &in_order);
        }
        let all: Vec<UnitId> = self.shared.iter().map(|s| s.unit).collect();
        let mut by_need: Vec<(u32, usize)> = Vec::new();
        for (p, atoms) in self.part_atoms.iter().enumerate() {
            let need = atoms.iter().try_fold(0u32, |acc, a| {
                more_units(self.atoms[*a].1, self.ctx, &self.sets[*a], &all)
                    .map(|n| acc.saturating_add(n))
            });
            by_need.push((need.unwrap_or(u32::MAX), p));
        }
        by_need.sort_small();
        let mut fewest_first = vec![0; self.atoms.len()];
        for (rank, (_, p)) in by_need.iter().enumerate() {
            for a in &self.part_atoms[*p] {
                fewest_first[*a] = rank;
            }
        }
        let mut best = self.placed(true, &in_order);
        for rank in [&in_order, &fewest_first] {
            let found = self.placed(false, rank);
            if found.score < best.score {
                best = found;
            }
        }
        best
    }

    /// With `spread`, each unit goes to the taker with most shortfall (the first on ties);
    /// otherwise to the first taker by `rank` (then position) that is still short, or the first
    /// by rank.
    fn placed(&self, spread: bool, rank: &[usize]) -> Found {
        let mut sets = self.sets.clone();
        for s in self.shared.iter().rev() {
            let need = |t: usize, sets: &[Vec<UnitId>]| -> u32 {
                match &self.demands[t] {
                    Some(d) => d.shorts(self.ctx, &sets[t], &mut Vec::new()),
                    None => u32::from(lower(self.atoms[t].1, self.ctx, &sets[t], &[]).unmet),
                }
            };
            let mut takers = s.takers.clone();
            takers.sort_small_by_key(|t| (rank[*t], *t));
            let mut pick = takers[0];
            let mut most = need(pick, &sets);
            for t in &takers[1..] {
                if !spread && most > 0 {
                    break;
                }
                let n = need(*t, &sets);
                if n > most {
                    pick = *t;
                    most = n;
                }
            }
            sets[pick].push(s.unit);
        }
        self.evaluate_sets(&sets)
    }
}

/// The search's best if it is at least as good as the placement without search.
fn closer(best: Option<Found>, placed: Found) -> Found {
    match best {
        Some(found) if found.score <= placed.score => found,
        _ => placed,
    }
}

fn atoms_of(part: &Part, out: &mut Vec<usize>) {
    match part {
        Part::Atom(i) => out.push(*i),
        Part::Group { parts, .. } => parts.iter().for_each(|p| atoms_of(p, out)),
    }
}

fn part_unmet(part: &Part, atom_lb: &[Lb]) -> bool {
    match part {
        Part::Atom(i) => atom_lb[*i].unmet,
        Part::Group { parts, .. } => parts.iter().any(|p| part_unmet(p, atom_lb)),
    }
}

/// A part's status and shortfall as `combine_all` would give them.
fn part_score(part: &Part, results: &[RuleResult]) -> (Status, u32) {
    match part {
        Part::Atom(i) => (results[*i].status, results[*i].deficit),
        Part::Group { parts, .. } => {
            let children: Vec<(Status, u32)> =
                parts.iter().map(|p| part_score(p, results)).collect();
            let judged = children.iter().any(|(s, _)| *s != Status::NotJudged);
            let unmet: Vec<u32> = children
                .iter()
                .filter(|(s, _)| *s == Status::Unmet)
                .map(|(_, d)| *d)
                .collect();
            if !judged {
                (Status::NotJudged, 0)
            } else if unmet.is_empty() {
                (Status::Met, 0)
            } else {
                (Status::Unmet, unmet.iter().sum())
            }
        }
    }
}
