//! qualplan: a planner for UK vocational qualifications.
//!
//! The core (`catalogue`, `rules`, `plan`) is plain Rust with no web dependency; the shell (`ui`,
//! the browser's storage adapter, the `qualplan` command line in `cli`) holds no business rule.

pub mod catalogue;
pub mod limits;
pub mod plan;
pub mod present;
pub mod rules;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
