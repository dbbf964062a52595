//! What a qualification's rules must bear out before a file is accepted: that some plan can meet
//! them, and that none meets them below the minimum credits the qualification publishes (which
//! would let a plan short of it be called compliant). The command line, the planner and the
//! editor all load a catalogue file through `with_checked_document`.

use super::complete::{complete_within, CompletionResult, Minimise, GLH_CHECK_BUDGET};
use crate::catalogue::QualificationId;
use crate::catalogue::{file_warnings, Catalogue, CatalogueErrors};
use crate::limits::cut;
use crate::rules::Readings;
use std::fmt;

/// Why a qualification's rules cannot stand as written. `qualification` is as a person names
/// it: its title in quotes, then its id (which the editor makes and a data file gives).
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
            } => {
                // The first two reasons, each cut short: a file of many rules no plan meets must
                // still give a message a person reads.
                let mut shown: Vec<String> = reasons.iter().take(2).map(|r| cut(r, 150)).collect();
                if reasons.len() > 2 {
                    shown.push(format!("and {} more", reasons.len() - 2));
                }
                write!(
                    f,
                    "{qualification}: no plan can meet its rules ({}). Check the figures of the rules against the units they count.",
                    shown.join("; ")
                )
            }
            Shortcoming::BelowMinimum {
                qualification,
                cheapest,
                published,
                plan,
            } => {
                let example = if plan.is_empty() {
                    "with no units at all".to_string()
                } else {
                    format!("for example with {}", cut(&plan.join(", "), 120))
                };
                write!(
                    f,
                    "{qualification}: its rules can be met with {cheapest} credits ({example}), fewer than its published minimum of {published}. Add the rules the document prints that are not here yet (often one for the total: at least {published} credits), or correct the minimum."
                )
            }
        }
    }
}

/// The work the checks of one file may spend, shared by its qualifications (see
/// `COMPLETION_BUDGET` for the unit): about 20 to 40 ms natively, so a file of hundreds of
/// qualifications cannot hold up the page that loads it. What is not reached is not checked.
pub const FILE_CHECK_BUDGET: u64 = 2 * GLH_CHECK_BUDGET;

/// Whether the rules of qualification `q`, read the document's way, can be met at all, and not
/// below its published minimum credits. Bounded: a search that runs out of work says nothing.
pub fn shortcoming(c: &Catalogue, q: QualificationId) -> Option<Shortcoming> {
    shortcoming_within(c, q, GLH_CHECK_BUDGET).0
}

/// `shortcoming` within `budget`, with the work spent.
fn shortcoming_within(
    c: &Catalogue,
    q: QualificationId,
    budget: u64,
) -> (Option<Shortcoming>, u64) {
    let cq = &c.qualifications[q];
    if !cq.qualification.rules_published || budget == 0 {
        return (None, 0);
    }
    let (result, work) = complete_within(
        c,
        q,
        &[],
        &Readings::default(),
        Minimise::Credits,
        0,
        budget,
    );
    (judge(c, q, result), work)
}

fn judge(c: &Catalogue, q: QualificationId, result: CompletionResult) -> Option<Shortcoming> {
    let cq = &c.qualifications[q];
    let qualification = format!(
        "\u{201c}{}\u{201d} ({})",
        cut(&cq.qualification.title, 120),
        cq.qualification.id
    );
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
        // A search that stopped early proves nothing either way.
        CompletionResult::NoRules | CompletionResult::NotFound { .. } => return None,
    };
    let published = cq.qualification.min_credits?;
    (cheapest < published).then_some(Shortcoming::BelowMinimum {
        qualification,
        cheapest,
        published,
        plan,
    })
}

/// The qualifications `after` has that `before` has not, each checked as above, all within
/// `FILE_CHECK_BUDGET`.
pub fn check_added(before: &Catalogue, after: &Catalogue) -> Vec<Shortcoming> {
    let mut left = FILE_CHECK_BUDGET;
    let mut found = Vec::new();
    for q in after.qualification_ids() {
        if before
            .qualification(&after.qualifications[q].qualification.id)
            .is_some()
        {
            continue;
        }
        let (s, work) = shortcoming_within(after, q, left.min(GLH_CHECK_BUDGET));
        left = left.saturating_sub(work);
        found.extend(s);
    }
    found
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

/// `base` with each of `files` that still loads, in order, and for each file that does not, its
/// name and why: how the planner and the editor build the catalogue from the files a browser keeps.
pub fn with_files<'a>(
    base: &Catalogue,
    files: impl IntoIterator<Item = &'a crate::catalogue::LoadedFile>,
) -> (Catalogue, Vec<(String, FileRefused)>) {
    let mut catalogue = base.clone();
    let mut refused = Vec::new();
    for f in files {
        match with_checked_document(&catalogue, &f.name, &f.text) {
            Ok(added) => catalogue = added.catalogue,
            Err(e) => refused.push((f.name.clone(), e)),
        }
    }
    (catalogue, refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;

    #[test]
    fn a_search_that_stops_at_its_limit_refuses_nothing() {
        let c = embedded();
        for q in c.qualification_ids() {
            // A budget of one look-up stops every search before it finds a completion.
            assert_eq!(shortcoming_within(c, q, 1).0, None, "{q:?}");
        }
        // With its full budget the search finds a completion for each of the five documents'
        // qualifications, so nothing is refused either.
        for q in c.qualification_ids() {
            assert_eq!(shortcoming(c, q), None, "{q:?}");
        }
    }
}
