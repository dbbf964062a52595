//! Rules of combination: the typed tree (as written in the catalogue), its compiled form, and the
//! evaluator that explains every verdict. No web dependency.

mod compile;
mod distinct;
mod evaluate;
mod rule;
mod words;

pub use compile::{compile_rules, CompiledRule, Node, RuleMeta, Scope};
pub use evaluate::{
    countable, evaluate, evaluate_within, node_in_force, verdicts_within, Evaluation, Progress,
    Readings, RuleResult, Status, EVALUATION_BUDGET,
};
pub use rule::{
    AllOf, AnyOf, Barred, Count, LevelFilter, Manual, Measure, Reading, ReadingName, Requirement,
    Rule, UnitSet,
};
