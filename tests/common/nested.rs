//! Generated catalogue documents whose one qualification is a tree of distinct `all_of` groups:
//! the shape of a user's catalogue file that once froze the app (a distinct group of distinct
//! groups of "N units from all" rules). Shared by the tests and the benches.

use serde_json::{json, Value};

/// A small deterministic generator, so every run builds the same document.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What each leaf counts from.
#[derive(Clone, Copy, Debug)]
pub enum Leaves {
    /// Every leaf counts units from every unit (the reported file).
    All,
    /// Each leaf counts units from its own group: a random half or so of the units, overlapping.
    Groups,
}

pub fn unit(code: &str, credit: u32, glh: u32) -> Value {
    json!({"code": code, "uan": null, "title": format!("Unit {code}"), "level": "2",
           "credit": credit, "glh": glh, "learning_outcomes": null,
           "assessment_criteria": null, "source": "generated"})
}

pub fn rule(id: &str, require: Value) -> Value {
    json!({"id": id, "label": format!("Part {id}"), "text": format!("Part {id}"),
           "source": "generated", "require": require})
}

/// A document with one qualification `nested` of `units` units (codes `U01`...): a binary tree of
/// distinct `all_of` groups `depth` levels deep (depth 2 is the reported file: a distinct group
/// of two distinct groups of two leaves), whose `2^depth` leaves each need `min` units.
/// `varied`: unit credits 1 to 4 (GLH ten a credit) instead of all 1 credit and 10 GLH.
pub fn nested_document(
    units: usize,
    depth: u32,
    min: u32,
    leaves: Leaves,
    varied: bool,
    seed: u64,
) -> String {
    let mut rng = Lcg(seed);
    let codes: Vec<String> = (1..=units).map(|i| format!("U{i:02}")).collect();
    let unit_values: Vec<Value> = codes
        .iter()
        .map(|c| {
            let credit = if varied { 1 + rng.below(4) as u32 } else { 1 };
            unit(c, credit, credit * 10)
        })
        .collect();
    let mut g = Gen {
        min,
        leaves,
        codes: &codes,
        rng: &mut rng,
        groups: vec![json!({"id": "A", "name": "All units", "units": codes})],
        next_leaf: 0,
    };
    let top = g.tree("p", depth);
    let groups = g.groups;
    document(unit_values, groups, vec![top], Some(10))
}

struct Gen<'a> {
    min: u32,
    leaves: Leaves,
    codes: &'a [String],
    rng: &'a mut Lcg,
    groups: Vec<Value>,
    next_leaf: usize,
}

impl Gen<'_> {
    /// A distinct group of two parts `depth` levels deep, or a leaf at depth 0.
    fn tree(&mut self, path: &str, depth: u32) -> Value {
        if depth == 0 {
            let from = match self.leaves {
                Leaves::All => json!("all"),
                Leaves::Groups => {
                    let id = format!("L{}", self.next_leaf);
                    let mut members: Vec<&String> = Vec::new();
                    let want = (self.min as usize + 1).min(self.codes.len());
                    while members.len() < want {
                        members = self
                            .codes
                            .iter()
                            .filter(|_| self.rng.below(2) == 0)
                            .collect();
                    }
                    self.groups
                        .push(json!({"id": id, "name": format!("Group {id}"), "units": members}));
                    json!({"groups": [id]})
                }
            };
            self.next_leaf += 1;
            return rule(
                path,
                json!({"count": {"measure": "units", "from": from, "min": self.min}}),
            );
        }
        let parts: Vec<Value> = (0..2)
            .map(|i| self.tree(&format!("{path}{}", i + 1), depth - 1))
            .collect();
        rule(path, json!({"all_of": {"distinct": true, "rules": parts}}))
    }
}

/// A document of these units, groups and rules as the one qualification `nested`.
pub fn document(
    units: Vec<Value>,
    groups: Vec<Value>,
    rules: Vec<Value>,
    glh: Option<u32>,
) -> String {
    json!({
        "schema": 1,
        "document": {"id": "NEST", "title": "Nested distinct groups", "awarding_body": "Test body"},
        "units": units,
        "qualifications": [{
            "id": "nested", "title": "Nested distinct groups", "awarding_body": "Test body",
            "awarding_body_number": null, "regulator_number": null, "level": "2",
            "size": "Certificate", "glh": glh, "glh_range": null, "tqt": null,
            "min_credits": null, "source": "generated", "groups": groups,
            "rules_published": true, "rules": rules
        }]
    })
    .to_string()
}
