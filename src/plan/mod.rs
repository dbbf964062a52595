//! A plan (units chosen towards a qualification), its totals, the named plans a user keeps, and
//! their saved form. No web dependency.

mod check;
pub mod saved;
mod totals;
mod workspace;

pub use check::{check, check_codes, Check};
pub use totals::Totals;
pub use workspace::{Plan, Workspace};
