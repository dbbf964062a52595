//! Catalogue files a user has loaded (their own qualifications), kept in local storage and
//! added to the embedded catalogue at start-up.

use super::storage::{refusal_name, storage};
use crate::catalogue::{decode_loaded_files, embedded, encode_loaded_files, Catalogue};

pub use crate::catalogue::LoadedFile;

pub const KEY: &str = "qualplan.catalogues";

/// Where an unreadable list of catalogue files is kept, so nothing a user loaded is lost.
pub const UNREADABLE_KEY: &str = "qualplan.catalogues.unreadable";

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

/// Moves an unreadable list aside, so new files can be kept; if that fails the list stays where
/// it is and nothing is written over it.
fn set_aside() -> Result<(), String> {
    let Some(s) = storage() else {
        return Ok(());
    };
    if let Some(text) = s.get_item(KEY).ok().flatten() {
        s.set_item(UNREADABLE_KEY, &text)
            .and_then(|_| s.remove_item(KEY))
            .map_err(|_| format!("The unreadable catalogue files ({KEY}) could not be set aside, so no new file can be kept."))?;
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

/// A catalogue lives as long as the page; loading a file is rare, so leaking the old one is fine.
fn leak(c: Catalogue) -> &'static Catalogue {
    Box::leak(Box::new(c))
}

/// The embedded catalogue plus every stored file that still loads; a file that no longer loads
/// is reported and left in storage, untouched.
pub fn load() -> (&'static Catalogue, Vec<LoadedFile>, Vec<String>) {
    let mut problems = Vec::new();
    let files = match stored() {
        Ok(files) => files,
        Err(e) => {
            problems.push(match set_aside() {
                Ok(()) => format!("{e} It was kept aside in {UNREADABLE_KEY}."),
                Err(aside) => format!("{e} {aside}"),
            });
            Vec::new()
        }
    };
    if files.is_empty() {
        return (embedded(), files, problems);
    }
    let mut catalogue = embedded().clone();
    for f in &files {
        match catalogue.with_document(&f.name, &f.text) {
            Ok(c) => catalogue = c,
            Err(e) => problems.push(format!(
                "Your catalogue file {} could not be loaded and was left aside:\n{e}",
                f.name
            )),
        }
    }
    (leak(catalogue), files, problems)
}

/// Validates and adds a file; on any error nothing changes and the errors are returned.
pub fn add(
    current: &Catalogue,
    name: &str,
    text: &str,
) -> Result<(&'static Catalogue, Vec<LoadedFile>), String> {
    let catalogue = current
        .with_document(name, text)
        .map_err(|e| e.to_string())?;
    let mut files = stored()?;
    files.retain(|f| f.name != name);
    files.push(LoadedFile {
        name: name.to_string(),
        text: text.to_string(),
    });
    store(&files)?;
    Ok((leak(catalogue), files))
}

/// Removes a file and rebuilds the catalogue without it.
pub fn remove(name: &str) -> Result<(&'static Catalogue, Vec<LoadedFile>), String> {
    let mut files = stored()?;
    files.retain(|f| f.name != name);
    store(&files)?;
    let (c, files, _) = load();
    Ok((c, files))
}
