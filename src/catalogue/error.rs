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

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)?;
        } else {
            write!(f, "{}: {}: {}", self.file, self.record, self.problem)?;
        }
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
            let line = CatalogueError {
                excerpt: None,
                ..e.clone()
            };
            write!(f, "{}", crate::limits::cut(&line.to_string(), 400))?;
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
