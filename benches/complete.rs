//! Cheapest completion from an empty plan: every qualification of the real catalogue, and
//! qualifications of a generated catalogue of 5,000 units.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qualplan::catalogue::{embedded, synthetic_document, Catalogue, QualificationId};
use qualplan::plan::{complete, Minimise};
use qualplan::rules::Readings;

#[allow(dead_code)]
#[path = "../tests/common/nested.rs"]
mod nested;

fn real(crit: &mut Criterion) {
    let c = embedded();
    let readings = Readings::new();
    for (q, cq) in c.qualification_ids().zip(&c.qualifications) {
        if !cq.qualification.rules_published {
            continue;
        }
        crit.bench_function(
            &format!("complete (credits): {}", cq.qualification.id),
            |b| b.iter(|| complete(c, black_box(q), &[], &readings, Minimise::Credits, 5)),
        );
    }
}

fn generated(crit: &mut Criterion) {
    let text = synthetic_document(5000, 500, 7);
    let c = Catalogue::from_sources(&[("generated.json", &text)], None)
        .expect("generated catalogue is valid");
    let readings = Readings::new();
    crit.bench_function(
        "complete (credits): generated, first 20 of 500 qualifications",
        |b| {
            b.iter(|| {
                for q in (0..20).map(QualificationId) {
                    black_box(complete(&c, q, &[], &readings, Minimise::Credits, 5));
                }
            })
        },
    );
}

/// Cheapest completion (five options, as the command line asks) from an empty plan, for distinct
/// groups nested `depth` levels deep whose leaves each need 3 units: every leaf counting from all
/// units (the reported file's shape at depth 2), or from its own overlapping group.
fn nested_groups(crit: &mut Criterion) {
    let readings = Readings::new();
    for (leaves, varied) in [(nested::Leaves::All, false), (nested::Leaves::Groups, true)] {
        for depth in 1..=3 {
            for units in [15, 30] {
                let text = nested::nested_document(units, depth, 3, leaves, varied, 11);
                let c = Catalogue::from_sources(&[("nested.json", &text)], None)
                    .expect("generated catalogue is valid");
                crit.bench_function(
                    &format!("complete (credits): nested depth {depth}, {units} units, leaves from {leaves:?}"),
                    |b| b.iter(|| complete(&c, black_box(QualificationId(0)), &[], &readings, Minimise::Credits, 5)),
                );
            }
        }
    }
}

criterion_group!(benches, real, generated, nested_groups);
criterion_main!(benches);
