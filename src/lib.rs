//! qualplan: a planner for UK vocational qualifications.
//!
//! The core (`catalogue`, `rules`, `plan`) is plain Rust with no web dependency; the shell (`ui`,
//! the browser's storage adapter, the `qualplan` command line in `cli`) holds no business rule.

// The browser build keeps to unstable sorts and ASCII case (clippy.toml says why); natively
// (the command line, tests) they cost nothing worth saving.
#![cfg_attr(not(target_arch = "wasm32"), allow(clippy::disallowed_methods))]

pub mod catalogue;
pub mod editor;
pub mod limits;
pub mod plan;
pub mod present;
pub mod rules;
pub mod sort;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;

// The browser build's allocator: smaller than the standard library's dlmalloc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
