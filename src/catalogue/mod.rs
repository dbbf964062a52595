//! The catalogue: units and qualifications from the source documents, loaded, validated and
//! indexed. No web dependency.

mod build;
mod check;
mod compiled;
mod embedded;
mod error;
mod index;
mod json_words;
mod level;
mod loaded;
mod lookup;
mod model;
mod rule;
mod synthetic;
mod warnings;

pub use build::{
    Catalogue, CatalogueQualification, CatalogueUnit, DocumentRecord, GroupPlacement, PlacedUnit,
    QualificationId, ReadingNote, UnitId,
};
pub use check::Problem;
pub use compiled::{compile_rules, CompiledRule, Node, RuleMeta, Scope};
pub use embedded::{embedded, EMBEDDED_FILES, EMBEDDED_LINKS};
pub use error::{CatalogueError, CatalogueErrors};
pub use json_words::json_error_words;
pub use level::Level;
pub use loaded::{decode_loaded_files, encode_loaded_files, unused_file_name, LoadedFile};
pub(crate) use lookup::describe;
pub use lookup::{normalise_code, FoundUnits, LookupError};
pub use model::{
    Decision, Document, DocumentFile, Group, Link, LinkBasis, LinksFile, OtherCode, Qualification,
    Size, Unit,
};
pub use rule::{
    AllOf, AnyOf, Barred, Count, LevelFilter, Manual, Measure, Reading, ReadingName, Requirement,
    Rule, UnitSet,
};
pub use synthetic::synthetic_document;
pub use warnings::{file_warnings, FileWarning};
