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

/// `name`, or `name (2)`, `name (3)`, ... whichever no kept file has: a second file of the same
/// name is kept beside the first, never in its place.
pub fn unused_file_name(files: &[LoadedFile], name: &str) -> String {
    let taken = |n: &str| files.iter().any(|f| f.name == n);
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(|n| !taken(n))
        .expect("some number is free")
}

pub fn encode_loaded_files(files: &[LoadedFile]) -> String {
    serde_json::to_string(files).expect("a list of strings always serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_file_of_one_name_is_kept_beside_the_first() {
        let file = |name: &str| LoadedFile {
            name: name.into(),
            text: String::new(),
        };
        assert_eq!(unused_file_name(&[], "mine.json"), "mine.json");
        let files = vec![file("mine.json"), file("mine.json (2)")];
        assert_eq!(unused_file_name(&files, "mine.json"), "mine.json (3)");
        assert_eq!(unused_file_name(&files, "other.json"), "other.json");
    }
}
