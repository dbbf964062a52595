//! Why a plan from outside (a link, a file) cannot be used with a catalogue.

use super::record_form::RecordError;
use crate::limits::{excerpt, shortened};
use std::fmt;

/// The first thing that stops a plan being used: worded to follow "the link's " or a plan's
/// name and a colon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    UnknownQualification(String),
    /// A unit the qualification does not offer; `qualification` is its title.
    UnitNotOffered {
        unit: String,
        qualification: String,
    },
    /// A reading none of the qualification's rules has.
    UnknownReading {
        rule: String,
        reading: String,
    },
    /// A unit's record, or the study rate, cannot be used.
    Record(Box<RecordError>),
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::UnknownQualification(q) => {
                write!(f, "qualification {} is not in the catalogue", excerpt(q))
            }
            Mismatch::UnitNotOffered {
                unit,
                qualification,
            } => write!(f, "unit {} is not a unit of {qualification}", excerpt(unit)),
            Mismatch::UnknownReading { rule, reading } => write!(
                f,
                "reading {}:{} is not a reading of this qualification's rules",
                shortened(rule),
                shortened(reading)
            ),
            Mismatch::Record(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Mismatch {}
