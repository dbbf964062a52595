//! Errors in catalogue files: each names the file, the record and what was expected.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// The file (or label of the input) the error is in.
    pub file: String,
    /// The record inside it: "unit 002", "qualification cg-4411-30, rule mandatory".
    pub record: String,
    pub message: String,
}

impl CatalogueError {
    pub fn new(file: &str, record: impl Into<String>, message: impl Into<String>) -> Self {
        CatalogueError {
            file: file.to_string(),
            record: record.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.record, self.message)
        }
    }
}

impl std::error::Error for CatalogueError {}

/// Every error found in one pass, so an editor can fix them all at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueErrors(pub Vec<CatalogueError>);

impl fmt::Display for CatalogueErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogueErrors {}
