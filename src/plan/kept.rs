//! Kept copies: a text the planner could not wholly use (a damaged or newer save, another tab's
//! save it cannot read, an unreadable list of catalogue files), kept whole so the person can
//! download it or take back what can be read. Each copy is its own record and is never written
//! over; the shell decides where records live.

use serde::{Deserialize, Serialize};

/// One kept text and why it was kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptCopy {
    /// When it was kept, in milliseconds since 1970 (the browser's clock).
    pub kept_at: f64,
    /// Why, in plain words.
    pub reason: String,
    /// The storage key the text came from.
    pub from: String,
    /// The text, whole.
    pub text: String,
}

impl KeptCopy {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a kept copy is strings and a number")
    }

    /// Reads a record; `None` for a text that is not one (it is then shown as a bare text).
    pub fn decode(text: &str) -> Option<KeptCopy> {
        serde_json::from_str(text).ok()
    }

    /// A record for a text kept before copies were records (a bare text under `from`).
    pub fn bare(from: &str, text: String) -> KeptCopy {
        KeptCopy {
            kept_at: 0.0,
            reason: "kept by an earlier version of the planner".into(),
            from: from.into(),
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_round_trips_whole() {
        let copy = KeptCopy {
            kept_at: 1_764_000_000_000.0,
            reason: "damaged".into(),
            from: "qualplan.workspace".into(),
            text: "{\"version\":3, \u{202E} \"x\"".into(),
        };
        assert_eq!(KeptCopy::decode(&copy.encode()), Some(copy));
        assert_eq!(KeptCopy::decode("not a record"), None);
    }
}
