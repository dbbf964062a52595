//! The qualification editor's core: a catalogue data file made field by field (`draft`) with
//! rules from templates (`template`); the shell only renders it.

pub mod draft;
pub mod template;
