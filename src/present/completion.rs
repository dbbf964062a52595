//! A completion's result in words: what it found, how it measured, and each option.

use crate::catalogue::Catalogue;
use crate::plan::{Completion, CompletionResult, Minimise};

/// How many completions are offered: the cheapest and the closest alternatives.
pub const ALTERNATIVES: usize = 5;

pub const ALREADY_COMPLETE: &str = "The plan already meets every rule of combination.";
pub const NO_RULES: &str =
    "No completion can be worked out: the document publishes no rules of combination for this qualification.";

/// The headline of a completion and, where it matters, what was measured instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionWords {
    pub headline: String,
    /// Said when the search stopped early or measured other than asked; else empty.
    pub notes: Vec<String>,
}

pub fn completion_words(result: &CompletionResult, asked: Minimise) -> CompletionWords {
    let (headline, notes) = match result {
        CompletionResult::AlreadyComplete => (ALREADY_COMPLETE.to_string(), Vec::new()),
        CompletionResult::NoRules => (NO_RULES.to_string(), Vec::new()),
        CompletionResult::Impossible { .. } => ("No completion exists:".to_string(), Vec::new()),
        CompletionResult::NotFound { .. } => ("No completion was found:".to_string(), Vec::new()),
        CompletionResult::Found {
            measure,
            proven_minimal,
            ..
        } => {
            let mut notes = Vec::new();
            if !proven_minimal {
                notes.push(
                    "the search stopped early, so these may not be the very cheapest".to_string(),
                );
            }
            if *measure != asked {
                notes.push(format!(
                    "this qualification's units do not all publish {}, so {} were used",
                    asked.words(),
                    measure.words()
                ));
            }
            (
                format!("Cheapest ways to complete the plan, by {}", measure.words()),
                notes,
            )
        }
    };
    CompletionWords { headline, notes }
}

/// One option: "add 001, 010 (4 credits)".
pub fn option_words(c: &Catalogue, option: &Completion, measure: Minimise) -> String {
    let codes: Vec<&str> = option
        .added
        .iter()
        .map(|u| c.unit(*u).unit.code.as_str())
        .collect();
    format!(
        "add {} ({} {})",
        codes.join(", "),
        option.cost,
        measure.words()
    )
}
