//! The qualifications made in the editor, as the browser keeps them: each draft with the name of
//! the catalogue file it was last put into the planner as.

use super::draft::Draft;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub draft: Draft,
    /// The loaded catalogue file this draft was last used as, replaced when it is used again.
    #[serde(default)]
    pub used_as: Option<String>,
}

pub fn encode(entries: &[Entry]) -> String {
    serde_json::to_string(entries).expect("drafts are data files, which always serialise")
}

/// Reads the kept drafts. An unreadable list is an error in plain words, never an empty list
/// (which the next save would write over it).
pub fn decode(text: &str) -> Result<Vec<Entry>, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "The qualifications made in the editor could not be read ({})",
            crate::limits::cut(&e.to_string(), 120)
        )
    })
}

/// Ids taken by a draft or by the catalogue (`taken`), so a new draft's id is its own.
pub fn id_taken<'a>(
    entries: &'a [Entry],
    taken: impl Fn(&str) -> bool + 'a,
) -> impl Fn(&str) -> bool + 'a {
    move |id: &str| taken(id) || entries.iter().any(|e| e.draft.id() == id)
}
