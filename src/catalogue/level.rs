//! Levels of the Regulated Qualifications Framework: Entry 1-3, then 1-8.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A framework level. Entry levels sort below level 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Entry(u8),
    Numbered(u8),
}

impl Level {
    /// Parses the printed form: `"Entry 3"`, `"E3"`, `"1"`, `"Level 2"` (case and spaces ignored).
    pub fn parse(text: &str) -> Option<Level> {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        let (entry, digits) = if let Some(rest) = t.strip_prefix("entrylevel") {
            (true, rest)
        } else if let Some(rest) = t.strip_prefix("entry") {
            (true, rest)
        } else if let Some(rest) = t.strip_prefix("level") {
            (false, rest)
        } else if let Some(rest) = t.strip_prefix('e') {
            (true, rest)
        } else {
            (false, t.as_str())
        };
        let n: u8 = digits.parse().ok()?;
        match (entry, n) {
            (true, 1..=3) => Some(Level::Entry(n)),
            (false, 1..=8) => Some(Level::Numbered(n)),
            _ => None,
        }
    }
}

/// A level is written three ways, each made here and nowhere else: `label` for a reader (the
/// screen and the command line's text), `in_sentence` within a shortfall's words, and `Display`
/// as the data files and `--json` write it.
impl Level {
    /// The name a reader uses: "Entry 3", "Level 2".
    pub fn label(self) -> String {
        match self {
            Level::Entry(n) => format!("Entry {n}"),
            Level::Numbered(n) => format!("Level {n}"),
        }
    }

    /// Within a sentence: "at level 2", "at Entry 3".
    pub fn in_sentence(self) -> String {
        match self {
            Level::Entry(n) => format!("Entry {n}"),
            Level::Numbered(n) => format!("level {n}"),
        }
    }
}

/// As the data files and `--json` write it: "Entry 3", "2".
impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Level::Entry(n) => write!(f, "Entry {n}"),
            Level::Numbered(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Level::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid level {text:?}: expected \"Entry 1\" to \"Entry 3\" or \"1\" to \"8\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_forms_and_orders_entry_below_one() {
        assert_eq!(Level::parse("Entry 3"), Some(Level::Entry(3)));
        assert_eq!(Level::parse("entry level 3"), Some(Level::Entry(3)));
        assert_eq!(Level::parse("2"), Some(Level::Numbered(2)));
        assert_eq!(Level::parse("Level 2"), Some(Level::Numbered(2)));
        assert_eq!(Level::parse("Entry 4"), None);
        assert_eq!(Level::parse("9"), None);
        assert_eq!(Level::parse("two"), None);
        assert!(Level::Entry(3) < Level::Numbered(1));
        assert_eq!(Level::Entry(3).to_string(), "Entry 3");
        assert_eq!(Level::Numbered(2).to_string(), "2");
        assert_eq!(Level::Numbered(2).label(), "Level 2");
        assert_eq!(Level::Entry(3).label(), "Entry 3");
        assert_eq!(Level::Numbered(2).in_sentence(), "level 2");
        assert_eq!(Level::Entry(3).in_sentence(), "Entry 3");
    }
}
