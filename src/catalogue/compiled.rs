//! Rules with every unit code and group resolved to catalogue unit ids, once, at load time, so
//! evaluation does no look-ups.

use super::build::UnitId;
use super::rule::{LevelFilter, Measure, Requirement, Rule, UnitSet};
use crate::sort::SmallSort;
use std::sync::Arc;

/// What a result shows of its rule, shared (not copied) by every evaluation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    pub id: String,
    pub label: String,
    pub text: String,
    pub source: String,
    /// Every reading (id, label), the default first; empty for a rule with one reading.
    pub readings: Vec<(String, String)>,
    /// A barred combination as printed (units not to be taken together): met by a plan with
    /// none of them, so it is kept to rather than met, and a start counts it apart.
    pub barred: bool,
}

#[derive(Clone, Debug)]
pub struct CompiledRule {
    pub rule: Rule,
    pub meta: Arc<RuleMeta>,
    pub node: Node,
    /// Alternative readings: (reading id, requirement under it).
    pub alternatives: Vec<(String, Node)>,
}

/// Which units a count looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Sorted, without duplicates.
    Units(Vec<UnitId>),
}

impl Scope {
    pub fn contains(&self, id: UnitId) -> bool {
        match self {
            Scope::All => true,
            Scope::Units(v) => v.binary_search(&id).is_ok(),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Node {
    Mandatory(Vec<UnitId>),
    Count {
        measure: Measure,
        scope: Scope,
        level: Option<LevelFilter>,
        min: Option<u32>,
        max: Option<u32>,
        /// Words for the set in a shortfall: "from Optional Group C"; empty for every unit.
        from_words: String,
    },
    Barred {
        units: Vec<UnitId>,
        max: u32,
    },
    AllOf {
        rules: Vec<CompiledRule>,
        distinct: bool,
    },
    AnyOf {
        rules: Vec<CompiledRule>,
    },
    Manual,
}

/// Compiles a qualification's rules. `groups` are (group id, unit ids); `id_of` resolves a code
/// that validation has already checked.
pub fn compile_rules(
    rules: &[Rule],
    groups: &[(String, Vec<UnitId>)],
    id_of: &dyn Fn(&str) -> UnitId,
) -> Vec<CompiledRule> {
    rules
        .iter()
        .map(|r| compile_rule(r, groups, id_of))
        .collect()
}

fn compile_rule(
    rule: &Rule,
    groups: &[(String, Vec<UnitId>)],
    id_of: &dyn Fn(&str) -> UnitId,
) -> CompiledRule {
    CompiledRule {
        node: compile_requirement(&rule.require, &rule.label, groups, id_of),
        alternatives: rule
            .alternatives
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    compile_requirement(&a.require, &rule.label, groups, id_of),
                )
            })
            .collect(),
        meta: Arc::new(RuleMeta {
            id: rule.id.clone(),
            label: rule.label.clone(),
            text: rule.text.clone(),
            source: rule.source.clone(),
            readings: rule
                .readings()
                .into_iter()
                .map(|(id, label)| (id.to_string(), label.to_string()))
                .collect(),
            barred: matches!(rule.require, Requirement::Barred(_)),
        }),
        rule: rule.clone(),
    }
}

fn compile_requirement(
    req: &Requirement,
    label: &str,
    groups: &[(String, Vec<UnitId>)],
    id_of: &dyn Fn(&str) -> UnitId,
) -> Node {
    let ids = |codes: &[String]| {
        let mut v: Vec<UnitId> = codes.iter().map(|c| id_of(c)).collect();
        v.sort_small();
        v.dedup();
        v
    };
    match req {
        Requirement::Mandatory(codes) => Node::Mandatory(ids(codes)),
        Requirement::Count(c) => {
            let scope = match &c.from {
                UnitSet::All => Scope::All,
                UnitSet::Units(codes) => Scope::Units(ids(codes)),
                UnitSet::Groups(names) => {
                    let mut v: Vec<UnitId> = groups
                        .iter()
                        .filter(|(g, _)| names.contains(g))
                        .flat_map(|(_, units)| units.iter().copied())
                        .collect();
                    v.sort_small();
                    v.dedup();
                    Scope::Units(v)
                }
            };
            let from_words = match (&c.from, &c.set_name) {
                (_, Some(name)) => format!("from {name}"),
                (UnitSet::All, None) => String::new(),
                (_, None) => format!("from {label}"),
            };
            Node::Count {
                measure: c.measure,
                scope,
                level: c.level,
                min: c.min,
                max: c.max,
                from_words,
            }
        }
        Requirement::Barred(b) => Node::Barred {
            units: ids(&b.units),
            max: b.max,
        },
        Requirement::AllOf(a) => Node::AllOf {
            rules: compile_rules(&a.rules, groups, id_of),
            distinct: a.distinct,
        },
        Requirement::AnyOf(a) => Node::AnyOf {
            rules: compile_rules(&a.rules, groups, id_of),
        },
        Requirement::Manual(_) => Node::Manual,
    }
}
