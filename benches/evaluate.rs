//! Evaluating plans: one plan against one qualification, and against every qualification, on
//! the real catalogue and on a generated one of 5,000 units and 500 qualifications (4,000 and 400 where it is loaded as a file, as large as a file may be); and the other
//! work the planner does on every change or at start-up (progress, saving, loading).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qualplan::catalogue::{
    embedded, synthetic_document, Catalogue, QualificationId, UnitId, EMBEDDED_FILES,
    EMBEDDED_LINKS,
};
use qualplan::plan::{
    check, check_achieved, check_record, check_record_with, progress, progress_carried, saved,
    Achievement, Plan, Record, Workspace,
};
use qualplan::rules::{evaluate, Readings};
use std::sync::Arc;

#[allow(dead_code)]
#[path = "../tests/common/nested.rs"]
mod nested;

/// For each qualification, a plan of every other unit it offers (a plausible, partly met plan).
fn plans(c: &Catalogue) -> Vec<(QualificationId, Vec<UnitId>)> {
    c.qualification_ids()
        .map(|q| {
            let cq = &c.qualifications[q];
            (q, cq.units.iter().step_by(2).take(10).copied().collect())
        })
        .collect()
}

/// Highfield's NVQ and a plan of six of its units.
fn highfield(c: &Catalogue) -> (QualificationId, Vec<UnitId>) {
    let q = c
        .qualification_index("highfield-l2-nvq-customer-service")
        .unwrap();
    let plan = [
        "F/601/1609",
        "L/601/1614",
        "R/601/1209",
        "A/601/1205",
        "M/601/1508",
        "T/601/1526",
    ]
    .iter()
    .map(|code| c.find_unit(&c.qualifications[q], code).unwrap())
    .collect();
    (q, plan)
}

fn real(crit: &mut Criterion) {
    let c = embedded();
    let readings = Readings::new();
    let (q, plan) = highfield(c);
    crit.bench_function("real: one plan, one qualification", |b| {
        b.iter(|| evaluate(c, black_box(q), black_box(&plan), &readings))
    });
    let all = plans(c);
    crit.bench_function("real: a plan for every qualification (15)", |b| {
        b.iter(|| {
            for (q, plan) in &all {
                black_box(evaluate(c, *q, plan, &readings));
            }
        })
    });
}

/// A plan's check as the planner runs it, without a learner's record and with one (three units
/// achieved, one in progress). From nothing, a record adds a second check (the achieved units
/// alone); on a change that leaves the achieved units as they were (a unit added, taken out or
/// started), the planner keeps that check and a record adds only the totals by status.
fn record(crit: &mut Criterion) {
    let c = embedded();
    let readings = Readings::new();
    let (q, plan) = highfield(c);
    let mut rec = Record::planned(&plan);
    for unit in &plan[..3] {
        rec.achieve(*unit, None, Achievement::default());
    }
    rec.start(plan[3], None);
    crit.bench_function("record: a plan's check, no record (6 units)", |b| {
        b.iter(|| check(c, black_box(q), black_box(&plan), &readings))
    });
    crit.bench_function(
        "record: the same plan's check with a record, from nothing (3 achieved, 1 in progress)",
        |b| b.iter(|| check_record(c, black_box(q), black_box(&rec), &readings)),
    );
    // The planner holds the record and the achieved units' check shared (`Arc`).
    let kept = Arc::new(check_achieved(c, q, &rec, &readings));
    let rec = Arc::new(rec);
    crit.bench_function(
        "record: the same plan's check with a record, on a change that keeps the achieved units",
        |b| {
            b.iter(|| {
                let whole = check(c, black_box(q), black_box(&plan), &readings);
                check_record_with(c, q, black_box(&rec).clone(), whole, kept.clone())
            })
        },
    );
}

fn generated(crit: &mut Criterion) {
    let text = synthetic_document(5000, 500, 7);
    let c = Catalogue::from_sources(&[("generated.json", &text)], None)
        .expect("generated catalogue is valid");
    let readings = Readings::new();
    let all = plans(&c);
    crit.bench_function("generated: one plan, one qualification", |b| {
        b.iter(|| {
            evaluate(
                &c,
                black_box(QualificationId(0)),
                black_box(&all[0].1),
                &readings,
            )
        })
    });
    crit.bench_function("generated: a plan for every qualification (500)", |b| {
        b.iter(|| {
            for (q, plan) in &all {
                black_box(evaluate(&c, *q, plan, &readings));
            }
        })
    });
}

/// "Other qualifications" after every change to the plan: the browser's case with a loaded
/// catalogue file of 4,000 units beside the embedded one (415 qualifications). The file is as
/// large as a browser takes (1.8 MB of the 2 MiB a catalogue file may be).
fn progress_all(crit: &mut Criterion) {
    let text = synthetic_document(4000, 400, 7);
    assert!(text.len() <= qualplan::limits::MAX_CATALOGUE_FILE_BYTES);
    let c = embedded()
        .with_document("generated.json", &text)
        .expect("generated catalogue is valid");
    let q = c.qualification_index("gen-0007").unwrap();
    let plan: Vec<UnitId> = c.qualifications[q].units.iter().take(4).copied().collect();
    crit.bench_function(
        "progress: 4 planned units towards 415 qualifications",
        |b| b.iter(|| black_box(progress(&c, black_box(&plan)))),
    );
    crit.bench_function(
        "progress_carried: the same, only where a unit counts",
        |b| b.iter(|| black_box(progress_carried(&c, black_box(&plan)))),
    );
}

/// Start-up: decoding, checking and indexing the embedded catalogue, which the app does before
/// its first render.
fn load(crit: &mut Criterion) {
    crit.bench_function(
        "load: the embedded catalogue (5 documents, 156 units)",
        |b| b.iter(|| Catalogue::from_sources(black_box(EMBEDDED_FILES), Some(EMBEDDED_LINKS))),
    );
}

/// Saving, which the planner does on every change: a workspace of 3,000 plans.
fn save(crit: &mut Criterion) {
    let plans = (0..3000)
        .map(|i| {
            let mut p = Plan::new(&format!("Plan {i}"), "cg-4411-30");
            p.units = vec!["002".into(), "001".into()];
            p
        })
        .collect();
    let w = Workspace::from_plans(plans, 0);
    crit.bench_function("save: encode a workspace of 3,000 plans", |b| {
        b.iter(|| saved::encode(black_box(&w)))
    });
    let text = saved::encode(&w);
    let c = embedded();
    crit.bench_function(
        "load: decode and check a saved workspace of 3,000 plans",
        |b| b.iter(|| saved::decode(black_box(&text), c)),
    );
}

/// Checking a plan of every unit against distinct groups nested `depth` levels deep whose leaves
/// each need 3 units (from all units, or from overlapping groups), and a plan one unit short of
/// meeting them (the assignment search cannot stop at a first success).
fn nested_groups(crit: &mut Criterion) {
    let readings = Readings::new();
    for leaves in [nested::Leaves::All, nested::Leaves::Groups] {
        for depth in 1..=3 {
            for units in [15, 30] {
                let text = nested::nested_document(units, depth, 3, leaves, true, 11);
                let c = Catalogue::from_sources(&[("nested.json", &text)], None)
                    .expect("generated catalogue is valid");
                let all = c.qualifications[0].units.clone();
                let short: Vec<UnitId> = all.iter().take(3 * (1 << depth) - 1).copied().collect();
                crit.bench_function(
                    &format!(
                        "nested depth {depth}, {units} units, leaves from {leaves:?}: every unit"
                    ),
                    |b| {
                        b.iter(|| {
                            evaluate(
                                &c,
                                black_box(QualificationId(0)),
                                black_box(&all),
                                &readings,
                            )
                        })
                    },
                );
                crit.bench_function(
                    &format!("nested depth {depth}, {units} units, leaves from {leaves:?}: one unit short"),
                    |b| b.iter(|| evaluate(&c, black_box(QualificationId(0)), black_box(&short), &readings)),
                );
            }
        }
    }
}

criterion_group!(
    benches,
    real,
    record,
    generated,
    nested_groups,
    progress_all,
    load,
    save
);
criterion_main!(benches);
