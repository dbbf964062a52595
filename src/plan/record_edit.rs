//! Changing a learner's record on the open plan, as the planner's controls do: a unit's status
//! (planned, in progress, achieved, exempt), its date and evidence, an exemption's reason, a unit
//! achieved under any document's code, and the study rate. Each change is checked before it is
//! kept, so the record in the workspace is always one `check_record_form` accepts.

use super::date::{Date, DateError};
use super::record::counted_unit;
use super::record_form::{Held, RecordError, StudyRate, UnitRecord, MAX_HOURS_A_WEEK};
use super::workspace::Workspace;
use crate::catalogue::{Catalogue, LookupError};
use crate::limits::{clean_note, TextError};

/// The status a person chooses for a planned unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChoice {
    Planned,
    InProgress,
    Achieved,
    /// Achieved by exemption or recognition of prior learning, with a reason.
    Exempt,
}

impl StatusChoice {
    pub const ALL: [StatusChoice; 4] = [
        StatusChoice::Planned,
        StatusChoice::InProgress,
        StatusChoice::Achieved,
        StatusChoice::Exempt,
    ];

    /// Where a unit with record `r` stands.
    pub fn of(r: Option<&UnitRecord>) -> StatusChoice {
        match r {
            None => StatusChoice::Planned,
            Some(r) if r.status == Held::InProgress => StatusChoice::InProgress,
            Some(r) if r.exemption.is_some() => StatusChoice::Exempt,
            Some(_) => StatusChoice::Achieved,
        }
    }

    /// The value a form control holds for it.
    pub fn value(self) -> &'static str {
        match self {
            StatusChoice::Planned => "planned",
            StatusChoice::InProgress => "in_progress",
            StatusChoice::Achieved => "achieved",
            StatusChoice::Exempt => "exempt",
        }
    }

    pub fn from_value(v: &str) -> Option<StatusChoice> {
        StatusChoice::ALL.into_iter().find(|c| c.value() == v)
    }
}

/// Why a change to the record was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordEditError {
    /// The unit is not in the open plan.
    NotPlanned(String),
    /// An exemption needs its reason; the reason is too long or shows nothing.
    Reason(TextError),
    Evidence(TextError),
    /// A date, evidence or reason given for a unit that is not achieved.
    NotAchieved(String),
    Date(DateError, String),
    /// An achievement dated after today (the date given, today).
    AfterToday(Date, Date),
    Lookup(Box<LookupError>),
    /// Hours a week that are not a whole number.
    Hours(String),
    Study(RecordError),
}

impl std::fmt::Display for RecordEditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordEditError::NotPlanned(code) => write!(f, "{code} is not in this plan"),
            RecordEditError::Reason(TextError::Empty(_)) => {
                write!(f, "Give the reason for the exemption, such as the certificate or prior learning that stands in for the unit")
            }
            RecordEditError::Reason(e) => write!(f, "The reason: {e}"),
            RecordEditError::Evidence(e) => write!(f, "The evidence: {e}"),
            RecordEditError::NotAchieved(code) => write!(
                f,
                "{code} is not achieved: choose \u{201c}Achieved\u{201d} or \u{201c}Exempt\u{201d} first"
            ),
            RecordEditError::Date(e, typed) => write!(f, "The date: {}", e.words(typed)),
            RecordEditError::AfterToday(on, today) => write!(
                f,
                "The date: {on} is after today ({today}); give the day the unit was achieved, today or earlier"
            ),
            RecordEditError::Lookup(e) => e.fmt(f),
            RecordEditError::Hours(typed) => write!(
                f,
                "The hours a week: {} is not a whole number of hours; give 1 to {MAX_HOURS_A_WEEK}",
                crate::limits::excerpt(typed)
            ),
            RecordEditError::Study(e) => write!(f, "The {e}"),
        }
    }
}

/// A unit recorded as achieved from a code a person typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// The plan's unit, as its document prints it.
    pub code: String,
    /// Whether it was added to the plan (it may have been planned already).
    pub added: bool,
}

impl Workspace {
    fn unit_record(&self, code: &str) -> Result<Option<&UnitRecord>, RecordEditError> {
        let plan = self.plan();
        if !plan.units.iter().any(|u| u == code) {
            return Err(RecordEditError::NotPlanned(code.to_string()));
        }
        Ok(plan.record.get(code))
    }

    /// Sets a planned unit's status. Exempt takes its reason (`reason`); the record it was
    /// achieved as, if any, is kept; a date and evidence are kept while it stays achieved.
    pub fn set_status(
        &mut self,
        code: &str,
        choice: StatusChoice,
        reason: &str,
    ) -> Result<(), RecordEditError> {
        let now = self.unit_record(code)?.cloned();
        let held_as = now.as_ref().and_then(|r| r.held_as.clone());
        let achieved = now.filter(|r| r.status == Held::Achieved);
        let new = match choice {
            StatusChoice::Planned => None,
            StatusChoice::InProgress => Some(UnitRecord {
                held_as,
                ..UnitRecord::new(Held::InProgress)
            }),
            StatusChoice::Achieved => Some(UnitRecord {
                held_as,
                exemption: None,
                ..achieved.unwrap_or(UnitRecord::new(Held::Achieved))
            }),
            StatusChoice::Exempt => Some(UnitRecord {
                held_as,
                exemption: Some(clean_note(reason).map_err(RecordEditError::Reason)?),
                ..achieved.unwrap_or(UnitRecord::new(Held::Achieved))
            }),
        };
        self.set_unit_record(code, new);
        Ok(())
    }

    /// Changes an achieved unit's date (`YYYY-MM-DD`, `today` or earlier; empty takes it away).
    pub fn set_achieved_on(
        &mut self,
        code: &str,
        typed: &str,
        today: Date,
    ) -> Result<(), RecordEditError> {
        let on = match typed.trim() {
            "" => None,
            t => {
                let on = Date::parse(t).map_err(|e| RecordEditError::Date(e, t.to_string()))?;
                if on > today {
                    return Err(RecordEditError::AfterToday(on, today));
                }
                Some(on.to_string())
            }
        };
        self.edit_achieved(code, |r| r.on = on)
    }

    /// Changes an achieved unit's evidence (empty takes it away).
    pub fn set_evidence(&mut self, code: &str, typed: &str) -> Result<(), RecordEditError> {
        let evidence = match typed.trim() {
            "" => None,
            t => Some(clean_note(t).map_err(RecordEditError::Evidence)?),
        };
        self.edit_achieved(code, |r| r.evidence = evidence)
    }

    fn edit_achieved(
        &mut self,
        code: &str,
        edit: impl FnOnce(&mut UnitRecord),
    ) -> Result<(), RecordEditError> {
        let mut r = self
            .unit_record(code)?
            .filter(|r| r.status == Held::Achieved)
            .cloned()
            .ok_or_else(|| RecordEditError::NotAchieved(code.to_string()))?;
        edit(&mut r);
        self.set_unit_record(code, Some(r));
        Ok(())
    }

    /// Records a unit achieved, from its code or accreditation number in any document: found as
    /// the open plan's qualification's unit it counts as (`counted_unit`), added to the plan if
    /// need be, and marked achieved as the record typed where that is another document's.
    pub fn record_achieved(
        &mut self,
        catalogue: &Catalogue,
        typed: &str,
    ) -> Result<Recorded, RecordEditError> {
        let q = catalogue
            .find_qualification(&self.plan().qualification)
            .map_err(|e| RecordEditError::Lookup(Box::new(e)))?;
        let counted =
            counted_unit(catalogue, q, typed).map_err(|e| RecordEditError::Lookup(Box::new(e)))?;
        let code = catalogue.unit(counted.unit).unit.code.clone();
        let added = self.add_unit(&code);
        let now = self.plan().record.get(&code).cloned();
        let held_as = counted.source.map(|s| catalogue.unit(s.unit).key.clone());
        let r = match now.filter(|r| r.status == Held::Achieved) {
            Some(r) => UnitRecord {
                held_as: held_as.or(r.held_as.clone()),
                ..r
            },
            None => UnitRecord {
                held_as,
                ..UnitRecord::new(Held::Achieved)
            },
        };
        self.set_unit_record(&code, Some(r));
        Ok(Recorded { code, added })
    }

    /// Sets the study rate from what was typed: whole hours a week and a start date.
    pub fn set_study_rate(&mut self, hours: &str, from: &str) -> Result<(), RecordEditError> {
        let hours_a_week = hours
            .trim()
            .parse::<u32>()
            .map_err(|_| RecordEditError::Hours(hours.trim().to_string()))?;
        let rate = StudyRate {
            hours_a_week,
            from: from.trim().to_string(),
        };
        let start = rate.start().map_err(RecordEditError::Study)?;
        self.set_study(Some(StudyRate {
            from: start.to_string(),
            ..rate
        }));
        Ok(())
    }
}
