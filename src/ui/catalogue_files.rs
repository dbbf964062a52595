//! Catalogue files a user has loaded (their own qualifications), kept in local storage and
//! added to the embedded catalogue at start-up.

use super::kept_store;
use super::shared_catalogue::SharedCatalogue;
use super::storage::{refusal_name, storage, KEPT};
use crate::catalogue::{
    decode_loaded_files, embedded, encode_loaded_files, unused_file_name, Catalogue,
};
use crate::plan::published::{with_checked_document, with_files};

pub use crate::catalogue::LoadedFile;

pub const KEY: &str = "qualplan.catalogues";

/// The files kept in storage; an unreadable list is an error that names the key, never an empty
/// list (which the next save would write over it).
fn stored() -> Result<Vec<LoadedFile>, String> {
    let Some(s) = storage() else {
        return Ok(Vec::new());
    };
    match s.get_item(KEY).ok().flatten() {
        None => Ok(Vec::new()),
        Some(text) => decode_loaded_files(&text).map_err(|e| {
            format!("The catalogue files kept in this browser ({KEY}) could not be read: {e}.")
        }),
    }
}

/// Moves an unreadable list to a kept copy, so new files can be kept; if that fails the list
/// stays where it is and nothing is written over it.
fn set_aside(reason: &str) -> Result<(), String> {
    let Some(s) = storage() else {
        return Ok(());
    };
    if let Some(text) = s.get_item(KEY).ok().flatten() {
        kept_store::keep(KEY, reason, &text).map_err(|why| {
            format!("No copy of it could be kept ({why}), so it stays where it is and no new file can be kept.")
        })?;
        let _ = s.remove_item(KEY);
    }
    Ok(())
}

fn store(files: &[LoadedFile]) -> Result<(), String> {
    let Some(s) = storage() else {
        return Err(
            "This browser does not allow local storage, so the catalogue file cannot be kept."
                .into(),
        );
    };
    s.set_item(KEY, &encode_loaded_files(files)).map_err(|e| {
        let name = refusal_name(&e);
        format!("The catalogue file could not be kept in this browser's storage ({name}).")
    })
}

/// The embedded catalogue plus every stored file that still loads; a file that no longer loads
/// is reported and left in storage, untouched.
pub fn load() -> (SharedCatalogue, Vec<LoadedFile>, Vec<String>) {
    let mut problems = Vec::new();
    let files = match stored() {
        Ok(files) => files,
        Err(e) => {
            problems.push(match set_aside(&e) {
                Ok(()) => format!("{e} {KEPT}"),
                Err(aside) => format!("{e} {aside}"),
            });
            Vec::new()
        }
    };
    if files.is_empty() {
        return (SharedCatalogue::embedded(), files, problems);
    }
    let (catalogue, refused) = with_files(embedded(), &files);
    problems.extend(refused.into_iter().map(|(name, e)| {
        format!("Your catalogue file {name} could not be loaded and was left aside:\n{e}")
    }));
    (SharedCatalogue::loaded(catalogue), files, problems)
}

/// A file kept: the catalogue with it, the files kept now, and what the person should look at
/// in it (see `catalogue::file_warnings`).
pub struct Kept {
    pub catalogue: SharedCatalogue,
    pub files: Vec<LoadedFile>,
    pub warnings: Vec<String>,
}

/// Validates and adds a file; on any error nothing changes and the errors are returned. A file
/// whose name another kept file has is kept beside it under a name of its own ("name (2)"), so
/// loading never replaces what was loaded before.
pub fn add(current: &Catalogue, name: &str, text: &str) -> Result<Kept, String> {
    let mut files = stored()?;
    let name = unused_file_name(&files, name);
    let added = with_checked_document(current, &name, text).map_err(|e| e.to_string())?;
    files.push(LoadedFile {
        name,
        text: text.to_string(),
    });
    store(&files)?;
    Ok(Kept {
        catalogue: SharedCatalogue::loaded(added.catalogue),
        files,
        warnings: added.warnings,
    })
}

/// Removes a file and rebuilds the catalogue without it.
pub fn remove(name: &str) -> Result<(SharedCatalogue, Vec<LoadedFile>), String> {
    let mut files = stored()?;
    files.retain(|f| f.name != name);
    store(&files)?;
    let (c, files, _) = load();
    Ok((c, files))
}

/// Puts `text` in place of the kept file `name`, under the same name, when it loads beside the
/// other kept files: the editor keeps a qualification in use up to date, and a planner open in
/// another tab follows. On any error nothing changes.
pub fn replace(name: &str, text: &str) -> Result<(), String> {
    let mut files = stored()?;
    let Some(at) = files.iter().position(|f| f.name == name) else {
        return Err(format!(
            "{name} is no longer among this browser's catalogue files: use it in the planner again."
        ));
    };
    if files[at].text == text {
        return Ok(());
    }
    let mut others = files.clone();
    others.remove(at);
    let (base, _) = with_files(embedded(), &others);
    with_checked_document(&base, name, text).map_err(|e| e.to_string())?;
    text.clone_into(&mut files[at].text);
    store(&files)
}
