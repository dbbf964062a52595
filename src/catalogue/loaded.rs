//! The catalogue files a user has loaded, as the browser keeps them: a JSON list of
//! `{"name", "text"}` records, each text a whole data file (see `data/SCHEMA.md`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedFile {
    /// The file name the user chose, which names the document in messages.
    pub name: String,
    pub text: String,
}

/// Reads a kept list. An unreadable list is an error naming what was expected, never an empty
/// list (which the next save would write over it).
pub fn decode_loaded_files(text: &str) -> Result<Vec<LoadedFile>, String> {
    serde_json::from_str(text)
        .map_err(|e| format!("{e}; expected a list of {{\"name\": ..., \"text\": ...}} records"))
}

pub fn encode_loaded_files(files: &[LoadedFile]) -> String {
    serde_json::to_string(files).expect("a list of strings always serialises")
}
