//! Catalogue files a user has loaded (their own qualifications), kept in local storage and
//! added to the embedded catalogue at start-up.

use crate::catalogue::{embedded, Catalogue};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

pub const KEY: &str = "qualplan.catalogues";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedFile {
    pub name: String,
    pub text: String,
}

fn stored() -> Vec<LoadedFile> {
    if !super::storage::available() {
        return Vec::new();
    }
    LocalStorage::get::<Vec<LoadedFile>>(KEY).unwrap_or_default()
}

fn store(files: &[LoadedFile]) -> Result<(), String> {
    if !super::storage::available() {
        return Err(
            "This browser does not allow local storage, so the catalogue file cannot be kept."
                .into(),
        );
    }
    LocalStorage::set(KEY, files).map_err(|e| {
        format!("The catalogue file could not be kept in this browser's storage ({e}).")
    })
}

/// A catalogue lives as long as the page; loading a file is rare, so leaking the old one is fine.
fn leak(c: Catalogue) -> &'static Catalogue {
    Box::leak(Box::new(c))
}

/// The embedded catalogue plus every stored file that still loads; a file that no longer loads
/// is reported and left in storage, untouched.
pub fn load() -> (&'static Catalogue, Vec<LoadedFile>, Vec<String>) {
    let files = stored();
    if files.is_empty() {
        return (embedded(), files, Vec::new());
    }
    let mut catalogue = embedded().clone();
    let mut problems = Vec::new();
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
    let mut files = stored();
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
    let mut files = stored();
    files.retain(|f| f.name != name);
    store(&files)?;
    let (c, files, _) = load();
    Ok((c, files))
}
