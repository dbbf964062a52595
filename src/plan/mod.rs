//! A plan (units chosen towards a qualification), its totals, the named plans a user keeps, and
//! their saved form. No web dependency.

mod check;
mod complete;
pub mod exchange;
pub mod kept;
mod mismatch;
mod progress;
pub mod published;
pub mod saved;
pub mod share;
mod totals;
mod workspace;

pub use check::{check, check_codes, Check};
pub use complete::{
    cheapest_glh, cheapest_glh_within, complete, complete_within, Completion, CompletionResult,
    Minimise, COMPLETION_BUDGET, GLH_CHECK_BUDGET,
};
pub use mismatch::Mismatch;
pub use progress::{progress, progress_carried, progress_towards, Carried, Progress};
pub use totals::Totals;
pub use workspace::{Adopted, DeletedPlan, Plan, RenameError, Workspace};
