//! What a qualification's rules must bear out before a file is accepted: that some plan can meet
//! them, and that none meets them below the minimum credits the qualification publishes (which
//! would let a plan short of it be called compliant). The command line, the planner and the
//! editor all load a catalogue file through `with_checked_document`.

use super::complete::{complete_within, CompletionResult, Minimise, GLH_CHECK_BUDGET};
use crate::catalogue::{file_warnings, Catalogue, CatalogueErrors};
use crate::limits::few;
use crate::rules::Readings;
use std::fmt;

/// Why a qualification's rules cannot stand as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shortcoming {
    /// No plan can meet the rules, for these reasons.
    Unreachable {
        qualification: String,
        reasons: Vec<String>,
    },
    /// A plan of `cheapest` credits (`plan`, its codes) meets every rule, below the published
    /// minimum.
    BelowMinimum {
        qualification: String,
        cheapest: u32,
        published: u32,
        plan: Vec<String>,
    },
}

impl fmt::Display for Shortcoming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shortcoming::Unreachable {
                qualification,
                reasons,
            } => write!(
                f,
                "qualification {qualification}: no plan can meet its rules ({}). Check the figures of the rules against the units they count.",
                reasons.join("; ")
            ),
            Shortcoming::BelowMinimum {
                qualification,
                cheapest,
                published,
                plan,
            } => {
                let example = if plan.is_empty() {
                    "with no units at all".to_string()
                } else {
                    format!("for example with {}", few(plan))
                };
                write!(
                    f,
                    "qualification {qualification}: its rules can be met with {cheapest} credits ({example}), fewer than its published minimum of {published}. Add the rule the document prints for the total (at least {published} credits), or correct the minimum."
                )
            }
        }
    }
}

/// Whether the rules of qualification `q`, read the document's way, can be met at all, and not
/// below its published minimum credits. Bounded: a search that runs out of work says nothing.
pub fn shortcoming(c: &Catalogue, q: usize) -> Option<Shortcoming> {
    let cq = &c.qualifications[q];
    if !cq.qualification.rules_published {
        return None;
    }
    let (result, _) = complete_within(
        c,
        q,
        &[],
        &Readings::default(),
        Minimise::Credits,
        0,
        GLH_CHECK_BUDGET,
    );
    let qualification = cq.qualification.id.clone();
    let (cheapest, plan) = match result {
        CompletionResult::Impossible { reasons } => {
            return Some(Shortcoming::Unreachable {
                qualification,
                reasons,
            })
        }
        CompletionResult::AlreadyComplete => (0, Vec::new()),
        CompletionResult::Found { options, .. } => {
            let first = options.into_iter().next()?;
            let codes = first
                .added
                .iter()
                .map(|u| c.unit(*u).unit.code.clone())
                .collect();
            (first.cost, codes)
        }
        CompletionResult::NoRules => return None,
    };
    let published = cq.qualification.min_credits?;
    (cheapest < published).then_some(Shortcoming::BelowMinimum {
        qualification,
        cheapest,
        published,
        plan,
    })
}

/// The qualifications `after` has that `before` has not, each checked as above.
pub fn check_added(before: &Catalogue, after: &Catalogue) -> Vec<Shortcoming> {
    (0..after.qualifications.len())
        .filter(|&q| {
            before
                .qualification(&after.qualifications[q].qualification.id)
                .is_none()
        })
        .filter_map(|q| shortcoming(after, q))
        .collect()
}

/// Why a catalogue file was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRefused {
    /// The loader's checks (see `catalogue::check`).
    Invalid(CatalogueErrors),
    /// Rules that cannot stand as written, in the file named.
    Rules {
        file: String,
        found: Vec<Shortcoming>,
    },
}

impl fmt::Display for FileRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileRefused::Invalid(errors) => write!(f, "{errors}"),
            FileRefused::Rules { file, found } => {
                for (i, s) in found.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{file}: {s}")?;
                }
                Ok(())
            }
        }
    }
}

/// A file added: the catalogue with it, and what it may do but probably did not mean
/// (`catalogue::file_warnings`), each starting with the file's name.
pub struct Added {
    pub catalogue: Catalogue,
    pub warnings: Vec<String>,
}

/// `Catalogue::with_document`, then `check_added` on what the file adds.
pub fn with_checked_document(
    catalogue: &Catalogue,
    file: &str,
    text: &str,
) -> Result<Added, FileRefused> {
    let after = catalogue
        .with_document(file, text)
        .map_err(FileRefused::Invalid)?;
    let found = check_added(catalogue, &after);
    if found.is_empty() {
        // The text has just been read whole, so it reads again.
        let warnings = serde_json::from_str::<crate::catalogue::DocumentFile>(text)
            .map(|f| file_warnings(&f))
            .unwrap_or_default()
            .into_iter()
            .map(|w| format!("{file}: {w}"))
            .collect();
        Ok(Added {
            catalogue: after,
            warnings,
        })
    } else {
        Err(FileRefused::Rules {
            file: file.to_string(),
            found,
        })
    }
}
