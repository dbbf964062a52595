//! The qualification editor's core: a catalogue data file made field by field (`draft`) with
//! rules from templates (`template`) and units read from a pasted unit table (`paste`), with the
//! groups and barred combinations the table prints (`structure`), all kept in a draft at once
//! (`keep_table`); the shell only renders it.

pub mod draft;
pub mod keep_table;
pub mod paste;
pub mod shelf;
pub mod structure;
pub mod template;
