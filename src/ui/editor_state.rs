//! The qualification editor's state: the drafts kept in local storage (`qualplan.editor`), which
//! one is open, and the catalogue a draft is checked against.

use super::catalogue_files::LoadedFile;
use super::kept_store;
use super::storage::{refusal_name, storage, KEPT};
use crate::catalogue::{embedded, Catalogue};
use crate::editor::draft::Draft;
use crate::editor::shelf::{self, Entry};
use leptos::prelude::*;

pub const KEY: &str = "qualplan.editor";

#[derive(Clone, Copy)]
pub struct Editor {
    pub entries: RwSignal<Vec<Entry>>,
    /// The draft open in the editor, by its place in `entries`.
    pub open: RwSignal<Option<usize>>,
}

impl Editor {
    /// Changes the open draft.
    pub fn edit(&self, f: impl FnOnce(&mut Draft)) {
        if let Some(i) = self.open.get_untracked() {
            self.entries.update(|e| {
                if let Some(entry) = e.get_mut(i) {
                    f(&mut entry.draft);
                }
            });
        }
    }

    /// Reads the open draft.
    pub fn with<T>(&self, f: impl FnOnce(&Draft) -> T) -> Option<T> {
        let i = self.open.get()?;
        self.entries.with(|e| e.get(i).map(|entry| f(&entry.draft)))
    }
}

/// The drafts kept in this browser; an unreadable list is kept as a copy and reported. `true`
/// when it could not be copied either: then nothing may be written over it.
fn stored(problems: &mut Vec<String>) -> (Vec<Entry>, bool) {
    let Some(text) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return (Vec::new(), false);
    };
    match shelf::decode(&text) {
        Ok(entries) => (entries, false),
        Err(e) => match kept_store::keep(KEY, &e, &text) {
            Ok(_) => {
                problems.push(format!("{e}. {KEPT}"));
                (Vec::new(), false)
            }
            Err(why) => {
                problems.push(format!(
                    "{e}, and no copy could be kept ({why}); it is left where it was, and what you make in the editor now is not saved."
                ));
                (Vec::new(), true)
            }
        },
    }
}

/// The editor's state, saved on every change; `tell` gets what the person must be told.
pub fn use_editor(tell: impl Fn(String) + 'static) -> Editor {
    let mut problems = Vec::new();
    let (entries, held) = stored(&mut problems);
    problems.into_iter().for_each(&tell);
    let entries = RwSignal::new(entries);
    let editor = Editor {
        entries,
        open: RwSignal::new(None),
    };
    Effect::new(move |first: Option<()>| {
        let text = entries.with(|e| shelf::encode(e));
        if first.is_none() || held {
            return;
        }
        if let Some(s) = storage() {
            if let Err(e) = s.set_item(KEY, &text) {
                tell(format!(
                    "The qualifications made in the editor could not be saved ({}). Export them to keep them.",
                    refusal_name(&e)
                ));
            }
        }
    });
    editor
}

/// The catalogue a draft joins: the embedded one and every loaded file but the draft's own
/// earlier version (`used_as`), so the draft is not checked against itself.
pub fn base_catalogue(files: &[LoadedFile], used_as: Option<&str>) -> Catalogue {
    // A file that no longer loads is reported by the planner; here it is simply not there.
    let others = files.iter().filter(|f| Some(f.name.as_str()) != used_as);
    crate::plan::published::with_files(embedded(), others).0
}
