//! Rules of combination: the evaluator that explains every verdict, the assignment search for
//! rules that may not share a unit, and shortfalls in words. The rule tree as written and its
//! compiled form belong to the catalogue, which loads and checks them; this module depends on
//! the catalogue, never the other way. No web dependency.

mod distinct;
mod evaluate;
mod undecided;
mod words;

/// The catalogue's compiled rules, under the names the evaluator uses.
mod compile {
    pub use crate::catalogue::{compile_rules, CompiledRule, Node, RuleMeta, Scope};
}

/// The catalogue's rule tree as written, under the names the evaluator uses.
mod rule {
    pub use crate::catalogue::{
        AllOf, AnyOf, Barred, Count, LevelFilter, Manual, Measure, Reading, ReadingName,
        Requirement, Rule, UnitSet,
    };
}

pub use compile::{compile_rules, CompiledRule, Node, RuleMeta, Scope};
pub use evaluate::{
    countable, evaluate, evaluate_within, node_in_force, verdicts_within, Evaluation, Meter,
    Readings, RuleResult, Status, EVALUATION_BUDGET,
};
pub use rule::{
    AllOf, AnyOf, Barred, Count, LevelFilter, Manual, Measure, Reading, ReadingName, Requirement,
    Rule, UnitSet,
};
pub use undecided::mark_undecided;
