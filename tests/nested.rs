//! Distinct groups nested in distinct groups: a user's 3.5 KB catalogue file of this shape once
//! froze the app for over ten minutes (the GLH check runs as soon as a qualification is chosen).
//! The assignment search and the completion must stay exact and quick on such structures, and
//! every search must stop within its work budget and say so. Work is counted in leaf evaluations,
//! so every bound here is deterministic; nothing is timed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/nested.rs"]
mod nested;

use nested::{document, nested_document, rule, unit, Leaves};
use proptest::prelude::*;
use qualplan::catalogue::{embedded, Catalogue, QualificationId, UnitId};
use qualplan::plan::{
    cheapest_glh, cheapest_glh_within, complete, complete_within, CompletionResult, Minimise,
    COMPLETION_BUDGET, GLH_CHECK_BUDGET,
};
use qualplan::rules::{evaluate, evaluate_within, Readings, Status, EVALUATION_BUDGET};
use qualplan::sort::SmallSort;
use serde_json::{json, Value};

/// A catalogue file from `tests/catalogues/`, loaded beside the embedded catalogue as the app and
/// `qualplan --catalogue` load it, and the index of its qualification.
fn load(file: &str, id: &str) -> (Catalogue, QualificationId) {
    let path = format!("tests/catalogues/{file}");
    let text = std::fs::read_to_string(&path).unwrap();
    let c = embedded().with_document(&path, &text).unwrap();
    let q = c.qualification_index(id).unwrap();
    (c, q)
}

fn from_text(text: &str) -> Catalogue {
    Catalogue::from_sources(&[("nested.json", text)], None).expect("generated catalogue is valid")
}

fn cost(c: &Catalogue, units: &[UnitId], m: Minimise) -> u32 {
    units
        .iter()
        .map(|u| {
            let unit = &c.unit(*u).unit;
            match m {
                Minimise::Credits => unit.credit.unwrap_or(0),
                Minimise::Glh => unit.glh.unwrap_or(0),
                Minimise::Units => 1,
            }
        })
        .sum()
}

/// The cheapest cost of a compliant superset of `plan`, by trying every subset of the
/// qualification's units: `None` if there is none.
fn brute_force(c: &Catalogue, q: QualificationId, plan: &[UnitId], m: Minimise) -> Option<u32> {
    let units = &c.qualifications[q].units;
    assert!(units.len() <= 16, "brute force is for small instances");
    let mut best: Option<u32> = None;
    for mask in 0u32..(1 << units.len()) {
        let mut set: Vec<UnitId> = plan.to_vec();
        set.extend(
            units
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, u)| *u),
        );
        set.sort_small();
        set.dedup();
        let added: Vec<UnitId> = set.iter().copied().filter(|u| !plan.contains(u)).collect();
        let here = cost(c, &added, m);
        if best.is_some_and(|b| here >= b) {
            continue;
        }
        let e = evaluate(c, q, &set, &Readings::new());
        assert!(e.exact);
        if e.compliant == Some(true) {
            best = Some(here);
        }
    }
    best
}

#[test]
fn the_reported_file_is_found_impossible_at_once_and_has_no_glh_figure() {
    let (c, q) = load("nested-min1000.json", "nested-impossible");
    let (result, work) = complete_within(
        &c,
        q,
        &[],
        &Readings::new(),
        Minimise::Credits,
        5,
        COMPLETION_BUDGET,
    );
    match result {
        CompletionResult::Impossible { reasons } => {
            assert_eq!(reasons.len(), 4, "{reasons:?}");
            for (r, part) in reasons.iter().zip(["a", "b", "c", "d"]) {
                assert_eq!(
                    r,
                    &format!(
                        "Part {part}: cannot be met even with every unit this qualification offers"
                    )
                );
            }
        }
        other => panic!("{other:?}"),
    }
    assert!(work <= 1_000, "proved impossible before any search: {work}");
    let (glh, work) = cheapest_glh_within(&c, q, GLH_CHECK_BUDGET);
    assert_eq!(glh, None);
    assert!(work <= 1_000, "{work}");
    assert_eq!(cheapest_glh(&c, q), None);
    // Checking a plan of all 15 units (21 s before): the assignment search is short and exact.
    let all = c.qualifications[q].units.clone();
    let e = evaluate(&c, q, &all, &Readings::new());
    assert_eq!(e.compliant, Some(false));
    assert!(e.exact);
    assert!(e.work <= 20_000, "{}", e.work);
    // Each part is short by what is left after every unit is counted once: 4,000 - 15.
    assert_eq!(e.rules[0].deficit, 4000 - 15);
}

#[test]
fn the_meetable_variant_completes_exactly_with_twelve_units() {
    let (c, q) = load("nested-min3.json", "nested-min3");
    let (result, work) = complete_within(
        &c,
        q,
        &[],
        &Readings::new(),
        Minimise::Credits,
        5,
        COMPLETION_BUDGET,
    );
    let CompletionResult::Found {
        options,
        measure,
        proven_minimal,
    } = result
    else {
        panic!("{result:?}")
    };
    assert_eq!(measure, Minimise::Credits);
    assert!(proven_minimal);
    assert_eq!(options.len(), 5);
    for o in &options {
        // Twelve units of one credit: three for each of the four parts.
        assert_eq!((o.cost, o.added.len()), (12, 12));
        let e = evaluate(&c, q, &o.added, &Readings::new());
        assert_eq!((e.compliant, e.exact), (Some(true), true));
    }
    assert!(work <= 100_000, "{work}");
    let (glh, work) = cheapest_glh_within(&c, q, GLH_CHECK_BUDGET);
    assert_eq!(glh, Some(120));
    assert!(work <= 100_000, "{work}");
    // Building on a plan: five planned units leave seven to add.
    let planned = c.qualifications[q].units[..5].to_vec();
    let CompletionResult::Found { options, .. } =
        complete(&c, q, &planned, &Readings::new(), Minimise::Credits, 1)
    else {
        panic!()
    };
    assert_eq!(options[0].cost, 7);
    // Eleven units can never do: one short.
    let e = evaluate(&c, q, &c.qualifications[q].units[..11], &Readings::new());
    assert_eq!(
        (e.compliant, e.exact, e.rules[0].deficit),
        (Some(false), true, 1)
    );
}

#[test]
fn completions_of_smaller_nested_instances_match_brute_force() {
    // The same shapes, small enough to try every subset: credits 1 to 4, leaves from all units
    // or from overlapping groups, depth 1 to 3.
    for (units, depth, min) in [(9, 2, 2), (10, 1, 3), (10, 3, 1), (12, 2, 3), (8, 3, 1)] {
        for leaves in [Leaves::All, Leaves::Groups] {
            for seed in 0..3 {
                let c = from_text(&nested_document(units, depth, min, leaves, true, seed));
                for m in [Minimise::Credits, Minimise::Units] {
                    let want = brute_force(&c, QualificationId(0), &[], m);
                    let got = complete(&c, QualificationId(0), &[], &Readings::new(), m, 1);
                    match (want, got) {
                        (
                            Some(w),
                            CompletionResult::Found {
                                options,
                                proven_minimal,
                                ..
                            },
                        ) => {
                            assert!(proven_minimal);
                            assert_eq!(
                                options[0].cost, w,
                                "{units} {depth} {min} {leaves:?} {seed}"
                            );
                        }
                        (None, CompletionResult::Impossible { .. }) => {}
                        (w, g) => panic!("{units} {depth} {min} {leaves:?} {seed}: {w:?} {g:?}"),
                    }
                }
            }
        }
    }
}

/// Rules no assignment can meet and no bound can see through: each part must count exactly 5
/// credits, every unit carries 2 or 4, and every unit has to count towards some part.
fn parity_document(units: usize, parts: usize) -> String {
    let unit_values = (0..units)
        .map(|i| unit(&format!("U{i:02}"), if i % 2 == 0 { 2 } else { 4 }, 10))
        .collect();
    let part = |i: usize| {
        rule(
            &format!("p{i}"),
            json!({"count": {"measure": "credits", "from": "all", "min": 5, "max": 5}}),
        )
    };
    let codes: Vec<String> = (0..units).map(|i| format!("U{i:02}")).collect();
    document(
        unit_values,
        vec![json!({"id": "A", "name": "All units", "units": codes})],
        vec![rule(
            "parts",
            json!({"all_of": {"distinct": true, "rules": (0..parts).map(part).collect::<Vec<_>>()}}),
        )],
        Some(10),
    )
}

#[test]
fn a_search_too_large_for_its_budget_stops_and_says_so() {
    let c = from_text(&parity_document(30, 8));
    let all = c.qualifications[0].units.clone();
    // About 10^10 ways to share the units out (two kinds of unit, eight parts).
    let e = evaluate(&c, QualificationId(0), &all, &Readings::new());
    assert!(!e.exact, "the verdict comes from a shortened search");
    assert_eq!(e.compliant, Some(false));
    assert!(
        e.work <= EVALUATION_BUDGET + 10_000,
        "stops at the budget: {}",
        e.work
    );
    let e = evaluate_within(&c, QualificationId(0), &all, &Readings::new(), 500);
    assert!(!e.exact);
    assert!(e.work <= 500 + 10_000, "{}", e.work);
    // A plan of two units is searched exhaustively: exact.
    assert!(evaluate(&c, QualificationId(0), &all[..2], &Readings::new()).exact);

    // The completion: every evaluation it runs and its own nodes count against one budget.
    let (result, work) = complete_within(
        &c,
        QualificationId(0),
        &[],
        &Readings::new(),
        Minimise::Credits,
        5,
        20_000,
    );
    match result {
        // Stopped early: not found, never called impossible.
        CompletionResult::NotFound { reasons } => assert!(
            reasons[0].contains("limit") || reasons[0].contains("shortened"),
            "{reasons:?}"
        ),
        CompletionResult::Found { proven_minimal, .. } => assert!(!proven_minimal),
        other => panic!("{other:?}"),
    }
    assert!(work <= 20_000 + EVALUATION_BUDGET, "{work}");
    // The GLH check the app runs by itself gives no figure rather than running long.
    let (glh, work) = cheapest_glh_within(&c, QualificationId(0), GLH_CHECK_BUDGET);
    assert_eq!(glh, None);
    assert!(work <= 2 * GLH_CHECK_BUDGET, "{work}");
    // A budget too small for the meetable file: no claim of a minimum.
    let (c, q) = load("nested-min3.json", "nested-min3");
    let (result, work) = complete_within(&c, q, &[], &Readings::new(), Minimise::Credits, 5, 300);
    match result {
        CompletionResult::NotFound { reasons } => {
            assert!(reasons[0].contains("limit"), "{reasons:?}")
        }
        CompletionResult::Found { proven_minimal, .. } => assert!(!proven_minimal),
        other => panic!("{other:?}"),
    }
    assert!(work <= 300 + EVALUATION_BUDGET, "{work}");
    assert_eq!(cheapest_glh_within(&c, q, 300).0, None);
}

/// Distinct groups nested through pathways (`any_of`), which are searched one inside another:
/// `levels` deep, every part counting from all of `units` units.
fn pathways_document(units: usize, levels: usize) -> String {
    let unit_values = (0..units)
        .map(|i| unit(&format!("U{i:02}"), 1 + (i % 3) as u32, 10))
        .collect();
    let leaf = |id: &str, min: u32| {
        rule(
            id,
            json!({"count": {"measure": "units", "from": "all", "min": min}}),
        )
    };
    let mut inner = leaf("core", 2);
    for l in 0..levels {
        inner = rule(
            &format!("g{l}"),
            json!({"all_of": {"distinct": true, "rules": [
                rule(&format!("w{l}"), json!({"any_of": {"rules": [inner, leaf(&format!("alt{l}"), 2 + l as u32)]}})),
                leaf(&format!("a{l}"), 2),
                leaf(&format!("b{l}"), 1),
            ]}}),
        );
    }
    let codes: Vec<String> = (0..units).map(|i| format!("U{i:02}")).collect();
    document(
        unit_values,
        vec![json!({"id": "A", "name": "All units", "units": codes})],
        vec![inner],
        Some(10),
    )
}

#[test]
fn searches_nested_through_pathways_stay_within_their_budget() {
    let c = from_text(&pathways_document(24, 12));
    let all = c.qualifications[0].units.clone();
    for budget in [0, 1_000, 20_000, EVALUATION_BUDGET] {
        for plan in [&all[..], &all[..7]] {
            let e = evaluate_within(&c, QualificationId(0), plan, &Readings::new(), budget);
            // Once the budget is spent, each group places its units once: linear in the rules.
            assert!(e.work <= budget + 60_000, "{budget}: {}", e.work);
            assert!(e.exact || e.work >= budget, "{budget}");
            if e.compliant == Some(true) {
                // A verdict of met is witnessed by the assignment shown, however short the search.
                assert!(e.rules[0].status == Status::Met);
            }
        }
    }
    // With its whole budget, a plan of every unit is found to meet the rules.
    assert_eq!(
        evaluate(&c, QualificationId(0), &all, &Readings::new()).compliant,
        Some(true)
    );
}

// Random small structures against a reference: the exhaustive search the evaluator used to run,
// written again here over the rules as generated.

const UNITS: usize = 6;

#[derive(Clone, Debug)]
enum From {
    All,
    Group(usize),
}

#[derive(Clone, Debug)]
enum R {
    Units {
        from: From,
        min: Option<u32>,
        max: Option<u32>,
    },
    Credits {
        from: From,
        min: Option<u32>,
        max: Option<u32>,
    },
    Mandatory(Vec<usize>),
    Barred(Vec<usize>, u32),
    Manual,
    AllOf(Vec<R>, bool),
    AnyOf(Vec<R>),
}

#[derive(Clone, Debug)]
struct World {
    credits: Vec<u32>,
    /// Three groups, as bit masks of the units.
    groups: Vec<u32>,
}

fn from() -> impl Strategy<Value = From> {
    prop_oneof![Just(From::All), (0usize..3).prop_map(From::Group)]
}

fn units() -> impl Strategy<Value = Vec<usize>> {
    proptest::sample::subsequence((0..UNITS).collect::<Vec<_>>(), 1..=2)
}

/// A minimum, a maximum or both (the maximum not below the minimum).
fn limits(
    min: std::ops::Range<u32>,
    above: std::ops::Range<u32>,
) -> impl Strategy<Value = (Option<u32>, Option<u32>)> {
    (
        proptest::option::weighted(0.85, min),
        proptest::option::weighted(0.2, above),
    )
        .prop_map(|(min, above)| match (min, above) {
            (None, None) => (Some(1), None),
            (min, above) => (min, above.map(|a| min.unwrap_or(1) + a)),
        })
}

fn leaf() -> impl Strategy<Value = R> {
    prop_oneof![
        4 => (from(), limits(0..4, 0..3))
            .prop_map(|(from, (min, max))| R::Units { from, min, max }),
        2 => (from(), limits(1..9, 0..6))
            .prop_map(|(from, (min, max))| R::Credits { from, min, max }),
        1 => units().prop_map(R::Mandatory),
        1 => proptest::sample::subsequence((0..UNITS).collect::<Vec<_>>(), 2..=3)
            .prop_map(|u| { let max = u.len() as u32 - 1; R::Barred(u, max) }),
        1 => Just(R::Manual),
    ]
}

fn tree() -> impl Strategy<Value = R> {
    leaf().prop_recursive(3, 24, 3, |inner| {
        prop_oneof![
            4 => proptest::collection::vec(inner.clone(), 1..=3).prop_map(|v| R::AllOf(v, true)),
            1 => proptest::collection::vec(inner.clone(), 1..=3).prop_map(|v| R::AllOf(v, false)),
            1 => proptest::collection::vec(inner, 1..=3).prop_map(R::AnyOf),
        ]
    })
}

fn world() -> impl Strategy<Value = World> {
    (
        proptest::collection::vec(1u32..5, UNITS),
        proptest::collection::vec(1u32..(1 << UNITS), 3),
    )
        .prop_map(|(credits, groups)| World { credits, groups })
}

fn code(u: usize) -> String {
    format!("U{u}")
}

fn to_json(r: &R, path: &str) -> Value {
    let from_json = |f: &From| match f {
        From::All => json!("all"),
        From::Group(g) => json!({"groups": [format!("G{g}")]}),
    };
    let codes = |v: &[usize]| v.iter().map(|u| code(*u)).collect::<Vec<_>>();
    let children = |v: &[R]| {
        v.iter()
            .enumerate()
            .map(|(i, c)| to_json(c, &format!("{path}-{i}")))
            .collect::<Vec<_>>()
    };
    let require = match r {
        R::Units { from, min, max } => {
            json!({"count": {"measure": "units", "from": from_json(from), "min": min, "max": max}})
        }
        R::Credits { from, min, max } => {
            json!({"count": {"measure": "credits", "from": from_json(from), "min": min, "max": max}})
        }
        R::Mandatory(v) => json!({"mandatory": codes(v)}),
        R::Barred(v, max) => json!({"barred": {"units": codes(v), "max": max}}),
        R::Manual => json!({"manual": {}}),
        R::AllOf(v, distinct) => json!({"all_of": {"distinct": distinct, "rules": children(v)}}),
        R::AnyOf(v) => json!({"any_of": {"rules": children(v)}}),
    };
    rule(path, require)
}

fn catalogue_of(w: &World, rules: &[R]) -> Catalogue {
    let units = (0..UNITS)
        .map(|u| unit(&code(u), w.credits[u], w.credits[u] * 10))
        .collect();
    let mut groups =
        vec![json!({"id": "A", "name": "All", "units": (0..UNITS).map(code).collect::<Vec<_>>()})];
    for (g, mask) in w.groups.iter().enumerate() {
        let members: Vec<String> = (0..UNITS)
            .filter(|u| mask & (1 << u) != 0)
            .map(code)
            .collect();
        groups.push(json!({"id": format!("G{g}"), "name": format!("Group {g}"), "units": members}));
    }
    let rules = rules
        .iter()
        .enumerate()
        .map(|(i, r)| to_json(r, &format!("r{i}")))
        .collect();
    from_text(&document(units, groups, rules, None))
}

fn admitted(w: &World, f: &From, u: usize) -> bool {
    match f {
        From::All => true,
        From::Group(g) => w.groups[*g] & (1 << u) != 0,
    }
}

fn countable(w: &World, r: &R, u: usize) -> bool {
    match r {
        R::Units { from, .. } | R::Credits { from, .. } => admitted(w, from, u),
        R::Mandatory(v) => v.contains(&u),
        R::Barred(..) | R::Manual => false,
        R::AllOf(v, _) | R::AnyOf(v) => v.iter().any(|c| countable(w, c, u)),
    }
}

fn count(value: u32, min: Option<u32>, max: Option<u32>) -> (Status, u32) {
    match (min, max) {
        (Some(m), _) if value < m => (Status::Unmet, m - value),
        (_, Some(m)) if value > m => (Status::Unmet, value - m),
        _ => (Status::Met, 0),
    }
}

fn all(children: &[(Status, u32)]) -> (Status, u32) {
    let unmet: u32 = children
        .iter()
        .filter(|(s, _)| *s == Status::Unmet)
        .map(|(_, d)| d)
        .sum();
    if children.iter().all(|(s, _)| *s == Status::NotJudged) {
        (Status::NotJudged, 0)
    } else if children.iter().any(|(s, _)| *s == Status::Unmet) {
        (Status::Unmet, unmet)
    } else {
        (Status::Met, 0)
    }
}

/// The reference: status and shortfall of a requirement on a set of units, with each distinct
/// group trying every assignment, the first shared unit changing fastest, keeping the first with
/// the fewest unmet parts and then the least shortfall, and stopping at one that meets all.
fn reference(w: &World, r: &R, set: &[usize]) -> (Status, u32) {
    reference_parts(w, r, set).0
}

/// Also, for a distinct group, the status, shortfall and units of each part under the assignment
/// chosen.
#[allow(clippy::type_complexity)]
fn reference_parts(
    w: &World,
    r: &R,
    set: &[usize],
) -> ((Status, u32), Vec<(Status, u32, Vec<usize>)>) {
    let plain = |x| (x, Vec::new());
    match r {
        R::Units { from, min, max } => plain(count(
            set.iter().filter(|u| admitted(w, from, **u)).count() as u32,
            *min,
            *max,
        )),
        R::Credits { from, min, max } => plain(count(
            set.iter()
                .filter(|u| admitted(w, from, **u))
                .map(|u| w.credits[*u])
                .sum(),
            *min,
            *max,
        )),
        R::Mandatory(v) => {
            let missing = v.iter().filter(|u| !set.contains(u)).count() as u32;
            plain((
                if missing == 0 {
                    Status::Met
                } else {
                    Status::Unmet
                },
                missing,
            ))
        }
        R::Barred(v, max) => {
            let over = (v.iter().filter(|u| set.contains(u)).count() as u32).saturating_sub(*max);
            plain((
                if over == 0 {
                    Status::Met
                } else {
                    Status::Unmet
                },
                over,
            ))
        }
        R::Manual => plain((Status::NotJudged, 0)),
        R::AllOf(v, false) => plain(all(&v
            .iter()
            .map(|c| reference(w, c, set))
            .collect::<Vec<_>>())),
        R::AnyOf(v) => {
            let children: Vec<(Status, u32)> = v.iter().map(|c| reference(w, c, set)).collect();
            plain(if children.iter().any(|(s, _)| *s == Status::Met) {
                (Status::Met, 0)
            } else if children.iter().all(|(s, _)| *s == Status::NotJudged) {
                (Status::NotJudged, 0)
            } else {
                (
                    Status::Unmet,
                    children
                        .iter()
                        .filter(|(s, _)| *s == Status::Unmet)
                        .map(|(_, d)| *d)
                        .min()
                        .unwrap(),
                )
            })
        }
        R::AllOf(v, true) => {
            let mut fixed: Vec<Vec<usize>> = vec![Vec::new(); v.len()];
            let mut shared: Vec<(usize, Vec<usize>)> = Vec::new();
            for u in set {
                let takers: Vec<usize> =
                    (0..v.len()).filter(|i| countable(w, &v[*i], *u)).collect();
                match takers.len() {
                    0 => {}
                    1 => fixed[takers[0]].push(*u),
                    _ => shared.push((*u, takers)),
                }
            }
            let mut choice = vec![0usize; shared.len()];
            let mut best: Option<((usize, u32), Vec<(Status, u32, Vec<usize>)>)> = None;
            loop {
                let mut sets = fixed.clone();
                for ((u, takers), c) in shared.iter().zip(&choice) {
                    sets[takers[*c]].push(*u);
                }
                let parts: Vec<(Status, u32, Vec<usize>)> = v
                    .iter()
                    .zip(&sets)
                    .map(|(c, s)| {
                        let mut s = s.clone();
                        s.sort_small();
                        let (st, d) = reference(w, c, &s);
                        (st, d, s)
                    })
                    .collect();
                let score = (
                    parts.iter().filter(|p| p.0 == Status::Unmet).count(),
                    parts.iter().map(|p| p.1).sum(),
                );
                if best.as_ref().is_none_or(|(b, _)| score < *b) {
                    best = Some((score, parts));
                    if score == (0, 0) {
                        break;
                    }
                }
                let mut i = 0;
                while i < choice.len() {
                    choice[i] += 1;
                    if choice[i] < shared[i].1.len() {
                        break;
                    }
                    choice[i] = 0;
                    i += 1;
                }
                if i == choice.len() {
                    break;
                }
            }
            let parts = best.unwrap().1;
            (
                all(&parts.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>()),
                parts,
            )
        }
    }
}

/// Whether a distinct group sits directly in a distinct group anywhere (then the search runs
/// over both at once, and may report a different one of equally good assignments).
fn nested(r: &R, in_distinct: bool) -> bool {
    match r {
        R::AllOf(v, true) => in_distinct || v.iter().any(|c| nested(c, true)),
        R::AllOf(v, false) | R::AnyOf(v) => v.iter().any(|c| nested(c, false)),
        _ => false,
    }
}

fn ids(c: &Catalogue, units: &[usize]) -> Vec<UnitId> {
    units
        .iter()
        .map(|u| c.find_unit(&c.qualifications[0], &code(*u)).unwrap())
        .collect()
}

fn plan_of(mask: u32) -> Vec<usize> {
    (0..UNITS).filter(|u| mask & (1 << u) != 0).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The verdict of every rule equals the reference's; where no distinct group sits directly in
    /// another, the assignment reported is the reference's too (the same tie-breaks).
    #[test]
    fn the_assignment_search_agrees_with_trying_every_assignment(
        w in world(),
        rules in proptest::collection::vec(tree(), 1..=2),
        mask in 0u32..(1 << UNITS),
    ) {
        let c = catalogue_of(&w, &rules);
        let plan = plan_of(mask);
        let e = evaluate(&c, QualificationId(0), &ids(&c, &plan), &Readings::new());
        prop_assert!(e.exact);
        let mut compliant = true;
        for (r, got) in rules.iter().zip(&e.rules) {
            let ((status, deficit), parts) = reference_parts(&w, r, &plan);
            prop_assert_eq!(got.status, status, "{:?}", r);
            compliant &= status != Status::Unmet;
            // The closest assignment is compared where its search finished (it may stop at the
            // budget on a few small but tangled structures; the verdict never does here).
            if e.closest && !nested(r, false) {
                prop_assert_eq!(got.deficit, deficit, "{:?}", r);
                if let R::AllOf(children, true) = r {
                    for (child, (rule, (st, d, units))) in
                        got.children.iter().zip(children.iter().zip(&parts))
                    {
                        prop_assert_eq!((child.status, child.deficit), (*st, *d), "{:?}", rule);
                        if matches!(rule, R::Units { .. } | R::Credits { .. } | R::Mandatory(_)) {
                            let mut want = ids(&c, units);
                            want.sort_small();
                            prop_assert_eq!(&child.counted, &want, "{:?}", rule);
                        }
                    }
                }
            }
        }
        prop_assert_eq!(e.compliant, Some(compliant));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The cheapest completion costs what trying every superset of the plan finds, and is proven
    /// minimal; and there is none exactly when no superset complies.
    #[test]
    fn the_completion_costs_what_brute_force_finds(
        w in world(),
        rules in proptest::collection::vec(tree(), 1..=2),
        mask in 0u32..(1 << UNITS),
        from_empty in any::<bool>(),
    ) {
        let c = catalogue_of(&w, &rules);
        let plan = if from_empty { Vec::new() } else { ids(&c, &plan_of(mask & 0b11)) };
        let want = brute_force(&c, QualificationId(0), &plan, Minimise::Credits);
        match complete(&c, QualificationId(0), &plan, &Readings::new(), Minimise::Credits, 1) {
            CompletionResult::AlreadyComplete => prop_assert_eq!(want, Some(0)),
            CompletionResult::Found { options, proven_minimal, .. } => {
                prop_assert!(proven_minimal);
                prop_assert_eq!(Some(options[0].cost), want);
            }
            CompletionResult::Impossible { reasons } => prop_assert_eq!(want, None, "{:?}", reasons),
            // A world this small never spends the search's budget.
            CompletionResult::NotFound { reasons } => prop_assert!(false, "{:?}", reasons),
            CompletionResult::NoRules => prop_assert!(false),
        }
    }
}
