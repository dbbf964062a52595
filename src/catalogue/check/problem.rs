//! Every way a catalogue file can be wrong, each worded once (`Display`). The file and the record
//! it is in are the `CatalogueError`'s; a problem says only what is wrong there.

use crate::catalogue::model::LinkBasis;
use crate::limits::TooLarge;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // The file as a whole.
    /// Over a limit, refused before it is read.
    TooLarge(TooLarge),
    /// The parser's finding, already cut short.
    NotACatalogueFile(String),
    UnsupportedSchema(u32),
    BadDocumentId(String),
    DocumentAlreadyLoaded(String),
    UnknownDecision(String),
    NoQualifications,

    // Units.
    EmptyCode,
    EmptyTitle,
    NoSource,
    /// Collides with the unit at this position in the file (from 1), with this code.
    CodeCollides(usize, String),
    ZeroCredit,

    // A qualification's own record.
    EmptyQualificationId,
    QualificationIdTaken,
    GlhGivenTwice,
    GlhRangeReversed(u32, u32),
    /// The catalogue already has this regulator number, on the qualification with this title.
    RegulatorNumberTaken(String, String),
    RulesPublishedButNone,
    RulesGivenButNotPublished,
    NoRulesNote,

    // Groups, and the units a group or a rule names.
    GroupIdTwice(String),
    GroupEmpty(String),
    UnknownUnit(String),
    UnitInNoGroup(String),

    // Rules and their readings.
    RuleIdTwice,
    RuleWithoutTextOrSource,
    ReadingIdTwice(String),
    NoDefaultReading,
    NoUnits,
    NoGroups,
    /// Names this group, where the qualification's groups are these (joined).
    UnknownGroup(String, String),
    /// A barred set of this many units allowing at most this many.
    BarredNeverBroken(usize, u32),
    CountWithoutLimit,
    MinAboveMax(u32, u32),
    AllOfEmpty,
    AnyOfEmpty,

    // Links between documents.
    LinkTooShort,
    UnknownLinkedUnit(String),
    LinkWithinDocument,
    /// The basis does not hold between the link's first unit and this one (both DOCUMENT:CODE).
    BasisDoesNotHold(LinkBasis, String, String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Problem::*;
        match self {
            TooLarge(e) => write!(f, "{e}"),
            NotACatalogueFile(e) => write!(f, "this is not a catalogue file the planner can read: {e}"),
            UnsupportedSchema(n) => write!(f, "schema {n} is not supported: expected 1"),
            BadDocumentId(id) => {
                write!(f, "document id {id:?} must be non-empty and contain no ':'")
            }
            DocumentAlreadyLoaded(id) => {
                write!(f, "document id {id:?} is already in the catalogue")
            }
            NoQualifications => write!(
                f,
                "the file describes no qualification: add one to its \"qualifications\" list"
            ),
            RegulatorNumberTaken(number, title) => write!(
                f,
                "regulator number {number:?} is already in the catalogue, for \u{201c}{title}\u{201d}: a qualification is described once (leave the number out if this is another qualification)"
            ),
            GroupEmpty(id) => write!(
                f,
                "group {id:?} lists no units: put the document's units in it, or leave the group out"
            ),
            UnknownDecision(id) => write!(
                f,
                "refers to decision {id:?}, which the file's \"decisions\" list does not have"
            ),
            EmptyCode => f.write_str("empty code"),
            EmptyTitle => f.write_str("empty title"),
            NoSource => f.write_str("no source: say where the unit is printed"),
            CodeCollides(n, code) => write!(f, "code collides with unit #{n} ({code:?})"),
            ZeroCredit => f.write_str("credit 0: write null if the document prints none"),
            EmptyQualificationId => f.write_str("empty id"),
            QualificationIdTaken => f.write_str("id is used by another qualification"),
            GlhGivenTwice => f.write_str("has both glh and glh_range: give one"),
            GlhRangeReversed(lo, hi) => write!(f, "glh_range [{lo}, {hi}] is reversed"),
            RulesPublishedButNone => f.write_str("rules_published is true but no rules are given"),
            RulesGivenButNotPublished => {
                f.write_str("rules_published is false but rules are given")
            }
            NoRulesNote => f.write_str(
                "rules_published is false: rules_note must say what the document says instead",
            ),
            GroupIdTwice(id) => write!(f, "group id {id:?} is used twice"),
            UnknownUnit(code) => {
                write!(
                    f,
                    "unknown unit {code:?}: no unit in this file has that code"
                )
            }
            UnitInNoGroup(code) => {
                write!(f, "unit {code:?} is not in any group of this qualification")
            }
            RuleIdTwice => f.write_str("rule id is used twice in this qualification"),
            RuleWithoutTextOrSource => {
                f.write_str("every rule needs its printed text and its source")
            }
            ReadingIdTwice(id) => write!(f, "reading id {id:?} is used twice"),
            NoDefaultReading => {
                f.write_str("has alternatives but no \"reading\" naming the default reading")
            }
            NoUnits => f.write_str("lists no units"),
            NoGroups => f.write_str("lists no groups"),
            UnknownGroup(id, groups) => write!(
                f,
                "unknown group {id:?}: this qualification's groups are {groups}"
            ),
            BarredNeverBroken(units, max) => write!(
                f,
                "barred set of {units} units with max {max} can never be broken"
            ),
            CountWithoutLimit => f.write_str("count needs a min or a max"),
            MinAboveMax(lo, hi) => write!(f, "min {lo} is above max {hi}"),
            AllOfEmpty => f.write_str("all_of has no rules"),
            AnyOfEmpty => f.write_str("any_of has no rules"),
            LinkTooShort => f.write_str("a link needs at least two units"),
            UnknownLinkedUnit(key) => write!(
                f,
                "unknown unit {key:?}: expected DOCUMENT:CODE of a unit in the catalogue"
            ),
            LinkWithinDocument => f.write_str("links units of the same document"),
            BasisDoesNotHold(basis, first, other) => write!(
                f,
                "basis {basis:?} does not hold between {first} and {other}"
            ),
        }
    }
}
