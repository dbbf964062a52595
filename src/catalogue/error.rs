//! Errors in catalogue files: each names the file, the record and what was expected. They are
//! made through `check::Report`; what can be wrong is `check::Problem`.

use super::check::Problem;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// The file (or label of the input) the error is in.
    pub file: String,
    /// The record inside it: "unit 002", "qualification cg-4411-30, rule mandatory".
    pub record: String,
    pub problem: Problem,
    /// Where the record is written in the file: "line N:", the line and a caret under the
    /// record's code or id (when the file's text is at hand and the record is found in it).
    pub excerpt: Option<String>,
}

impl CatalogueError {
    /// The file, the record and what is wrong, on one line (without the excerpt).
    fn head(&self) -> String {
        if self.record.is_empty() {
            format!("{}: {}", self.file, self.problem)
        } else {
            format!("{}: {}: {}", self.file, self.record, self.problem)
        }
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.head())?;
        match &self.excerpt {
            Some(excerpt) => write!(f, "\n{excerpt}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for CatalogueError {}

/// Every error found in one pass, so an editor can fix them all at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueErrors(pub Vec<CatalogueError>);

/// Errors shown in one message; the rest are counted.
const SHOWN: usize = 20;

impl fmt::Display for CatalogueErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().take(SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // A record or message may quote the file; a line stays readable. The excerpt is
            // short already.
            write!(f, "{}", crate::limits::cut(&e.head(), 400))?;
            if let Some(excerpt) = &e.excerpt {
                write!(f, "\n{excerpt}")?;
            }
        }
        if self.0.len() > SHOWN {
            write!(
                f,
                "\n... and {} more problems of the same kind",
                self.0.len() - SHOWN
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogueErrors {}
