//! A plan (units chosen towards a qualification), its totals, a learner's record of it, the named plans a user keeps, and
//! their saved form. No web dependency.

mod check;
mod complete;
mod date;
pub mod exchange;
mod finish;
pub mod kept;
mod mismatch;
mod progress;
pub mod published;
mod qualification_switch;
mod record;
mod record_edit;
mod record_form;
pub mod saved;
pub mod share;
mod totals;
mod workspace;

pub use check::{check, check_codes, Check};
pub use complete::{
    cheapest_glh, cheapest_glh_within, complete, complete_within, Completion, CompletionResult,
    Minimise, COMPLETION_BUDGET, GLH_CHECK_BUDGET,
};
pub use date::{Date, DateError};
pub use finish::{finish_estimate, Estimate, HoursFigure, NoEstimate, Quickest};
pub use mismatch::Mismatch;
pub use progress::{counts_as, progress, progress_carried, progress_towards, Carried, Progress};
pub use qualification_switch::{SwitchRun, Switched};
pub use record::{
    check_achieved, check_record, check_record_codes, check_record_with, counted_unit, progression,
    record_codes, record_progress, split_totals, what_is_left, Achievement, CodedRecord, Counted,
    Entry, LeftFrom, Record, RecordCheck, RecordProgress, Source, SplitTotals, UnitStatus,
};
pub use record_edit::{RecordEditError, Recorded, StatusChoice};
pub use record_form::{
    check_record_form, drop_unusable_record, Held, RecordError, StudyRate, UnitRecord, UnitRecords,
    MAX_HOURS_A_WEEK,
};
pub use totals::Totals;
pub use workspace::{Adopted, DeletedPlan, Plan, RenameError, Workspace};
