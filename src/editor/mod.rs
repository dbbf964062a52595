//! The qualification editor's core: a catalogue data file made field by field (`draft`) with
//! rules from templates (`template`) and units read from a pasted unit table (`paste`); the shell
//! only renders it.

pub mod draft;
pub mod paste;
pub mod shelf;
pub mod template;
