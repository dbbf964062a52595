//! A generated catalogue document of any size, for benchmarks and load tests: units at several
//! levels, qualifications with mandatory units, optional groups, level rules and barred sets.

use serde_json::{json, Value};

/// A small deterministic generator, so every run measures the same catalogue.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A document file (JSON text) with `units` units and `qualifications` qualifications.
pub fn synthetic_document(units: usize, qualifications: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let levels = ["Entry 3", "1", "2", "3"];
    let codes: Vec<String> = (0..units).map(|i| format!("G{i:05}")).collect();
    let unit_values: Vec<Value> = codes
        .iter()
        .map(|code| {
            let credit = 2 + rng.below(9) as u32;
            json!({
                "code": code, "uan": null, "title": format!("Generated unit {code}"),
                "level": levels[rng.below(levels.len())], "credit": credit, "glh": credit * 7,
                "learning_outcomes": null, "assessment_criteria": null, "source": "generated"
            })
        })
        .collect();
    let rule = |id: &str, label: &str, require: Value| json!({"id": id, "label": label, "text": label, "source": "generated", "require": require});
    let quals: Vec<Value> = (0..qualifications)
        .map(|q| {
            // Never more than there are units: a small document would otherwise never finish.
            let mut pick = |n: usize| -> Vec<String> {
                let n = n.min(codes.len());
                let mut v: Vec<String> = Vec::new();
                while v.len() < n {
                    let c = codes[rng.below(codes.len())].clone();
                    if !v.contains(&c) {
                        v.push(c);
                    }
                }
                v
            };
            let mandatory = pick(2);
            let groups: Vec<Vec<String>> = (0..4).map(|_| pick(10)).collect();
            let mut group_values = vec![json!({"id": "M", "name": "Mandatory", "units": mandatory})];
            for (i, g) in groups.iter().enumerate() {
                group_values.push(json!({"id": format!("G{i}"), "name": format!("Optional group {i}"), "units": g}));
            }
            let one_from = |i: usize| {
                rule(&format!("g{i}"), &format!("Optional group {i}"),
                     json!({"count": {"measure": "units", "from": {"groups": [format!("G{i}")]}, "min": 1}}))
            };
            let mut rules = vec![
                rule("mandatory", "Mandatory units", json!({"mandatory": mandatory})),
                rule("total", "Total credits", json!({"count": {"measure": "credits", "from": "all", "min": 30}})),
                rule("each", "One from each optional group",
                     json!({"all_of": {"distinct": true, "rules": (0..4).map(one_from).collect::<Vec<_>>()}})),
                rule("level2", "Credits at level 2 or above",
                     json!({"count": {"measure": "credits", "from": {"groups": ["G0", "G1", "G2", "G3"]}, "level": {"at_or_above": "2"}, "min": 11}})),
                rule("level1", "At most three units at level 1",
                     json!({"count": {"measure": "units", "from": "all", "level": {"at": "1"}, "max": 3}})),
            ];
            for b in 0..3 {
                let a = &groups[b][0];
                let c = &groups[b + 1][1];
                if a != c {
                    rules.push(rule(&format!("barred{b}"), "Barred combination", json!({"barred": {"units": [a, c]}})));
                }
            }
            json!({
                "id": format!("gen-{q:04}"), "title": format!("Generated Certificate {q}"),
                "awarding_body": "Generated", "awarding_body_number": null, "regulator_number": null,
                "level": "2", "size": "Certificate", "glh": null, "glh_range": null, "tqt": null,
                "min_credits": 30, "source": "generated", "groups": group_values,
                "rules_published": true, "rules": rules
            })
        })
        .collect();
    json!({
        "schema": 1,
        "document": {"id": "GEN", "title": "Generated catalogue", "awarding_body": "Generated"},
        "units": unit_values,
        "qualifications": quals
    })
    .to_string()
}
