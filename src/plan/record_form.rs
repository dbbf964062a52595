//! A learner's record as a plan keeps it (saved, in a link, in a plans file): by unit code, each
//! planned unit that is more than planned, with what is known of it; and the study rate the
//! finish date is estimated from. Read against the catalogue as the rest of a plan from outside
//! is (`check_record_form`), and made into the core's `Record` (`Plan::record`).

use super::date::{Date, DateError};
use super::progress::counts_as;
use super::record::{Achievement, Record, Source};
use super::workspace::Plan;
use crate::catalogue::{Catalogue, QualificationId, UnitId};
use crate::limits::{clean_note, excerpt, TextError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// How far on a unit is, where it is more than planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    InProgress,
    Achieved,
}

/// One unit's record as kept: the status, and for an achieved unit what is known of it. All
/// text, so a damaged save or link is read and reported field by field. Written as a JSON
/// object of strings (`{"as": "001:CU793", "status": "achieved", "unit": "R/601/1209"}`) and
/// read through the map of strings a plan's readings are read with, so the browser carries no
/// decoder of its own for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<String, String>",
    into = "BTreeMap<String, String>"
)]
pub struct UnitRecord {
    /// The unit's code, as the plan lists it.
    pub unit: String,
    pub status: Held,
    /// Achieved on, `YYYY-MM-DD`.
    pub on: Option<String>,
    pub evidence: Option<String>,
    /// Exempt, or recognised prior learning: why. Such a unit is achieved.
    pub exemption: Option<String>,
    /// Another document's record the unit was achieved or is studied under (`DOCUMENT:CODE`),
    /// written `as`, which the catalogue's links make the same unit.
    pub held_as: Option<String>,
}

impl TryFrom<BTreeMap<String, String>> for UnitRecord {
    /// Worded as serde words a derived decoder's errors ("unknown field", "missing field").
    type Error = String;

    fn try_from(mut m: BTreeMap<String, String>) -> Result<UnitRecord, String> {
        let unit = m.remove("unit").ok_or("missing field `unit`")?;
        let status = match m.remove("status").as_deref() {
            Some("in_progress") => Held::InProgress,
            Some("achieved") => Held::Achieved,
            Some(other) => {
                return Err(format!(
                    "unknown variant {}, expected in_progress or achieved",
                    excerpt(other)
                ))
            }
            None => return Err("missing field `status`".to_string()),
        };
        let r = UnitRecord {
            unit,
            status,
            on: m.remove("on"),
            evidence: m.remove("evidence"),
            exemption: m.remove("exemption"),
            held_as: m.remove("as"),
        };
        match m.keys().next() {
            Some(k) => Err(format!("unknown field {}", excerpt(k))),
            None => Ok(r),
        }
    }
}

impl From<UnitRecord> for BTreeMap<String, String> {
    fn from(r: UnitRecord) -> BTreeMap<String, String> {
        let status = match r.status {
            Held::InProgress => "in_progress",
            Held::Achieved => "achieved",
        };
        let mut m = BTreeMap::from([
            ("unit".to_string(), r.unit),
            ("status".to_string(), status.to_string()),
        ]);
        for (key, value) in [
            ("on", r.on),
            ("evidence", r.evidence),
            ("exemption", r.exemption),
            ("as", r.held_as),
        ] {
            if let Some(v) = value {
                m.insert(key.to_string(), v);
            }
        }
        m
    }
}

impl UnitRecord {
    pub fn new(status: Held) -> UnitRecord {
        UnitRecord {
            unit: String::new(),
            status,
            on: None,
            evidence: None,
            exemption: None,
            held_as: None,
        }
    }
}

/// The units of a plan that are more than planned, each once, found by code as the plan lists
/// them. A list rather than a map: a plan holds a few dozen units at most, and a list costs the
/// browser build no map code of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitRecords(Vec<UnitRecord>);

impl UnitRecords {
    pub fn new() -> UnitRecords {
        UnitRecords(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn get(&self, code: &str) -> Option<&UnitRecord> {
        self.0.iter().find(|r| r.unit == code)
    }

    pub fn get_mut(&mut self, code: &str) -> Option<&mut UnitRecord> {
        self.0.iter_mut().find(|r| r.unit == code)
    }

    pub fn contains_key(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    /// Sets the record of `code`, in place of any it had.
    pub fn insert(&mut self, code: String, mut r: UnitRecord) {
        r.unit = code;
        match self.get_mut(&r.unit) {
            Some(old) => *old = r,
            None => self.0.push(r),
        }
    }

    pub fn remove(&mut self, code: &str) -> Option<UnitRecord> {
        let i = self.0.iter().position(|r| r.unit == code)?;
        Some(self.0.remove(i))
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &UnitRecord) -> bool) {
        self.0.retain(|r| keep(&r.unit, r));
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|r| &r.unit)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &UnitRecord)> {
        self.0.iter().map(|r| (&r.unit, r))
    }
}

impl std::ops::Index<&str> for UnitRecords {
    type Output = UnitRecord;
    fn index(&self, code: &str) -> &UnitRecord {
        self.get(code).expect("a record of that unit")
    }
}

/// Hours a week the learner can give, from a day: what a finish date is estimated from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyRate {
    pub hours_a_week: u32,
    /// The first day of study, `YYYY-MM-DD`.
    pub from: String,
}

/// A week's hours: at least one, at most every hour of the week.
pub const MAX_HOURS_A_WEEK: u32 = 168;

/// Why a plan's record, or its study rate, cannot be used: worded to follow "the link's " or a
/// plan's name and a colon, as `Mismatch` is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// A record for a unit the plan does not list.
    NotPlanned {
        unit: String,
    },
    Date {
        unit: String,
        typed: String,
        error: DateError,
    },
    Note {
        unit: String,
        error: TextError,
    },
    /// A date, evidence or an exemption on a unit that is not achieved.
    NotAchieved {
        unit: String,
    },
    /// Held under a record the catalogue does not have (`DOCUMENT:CODE`).
    HeldAs {
        unit: String,
        held_as: String,
    },
    /// Held under a record that counts as another unit of the qualification.
    HeldAsOther {
        unit: String,
        held_as: String,
        counts_as: String,
    },
    StudyHours(u32),
    StudyFrom {
        typed: String,
        error: DateError,
    },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = |u: &String| format!("record of unit {}", excerpt(u));
        match self {
            RecordError::NotPlanned { unit: u } => {
                write!(f, "{} is for a unit the plan does not list", unit(u))
            }
            RecordError::Date {
                unit: u,
                typed,
                error,
            } => write!(f, "{}: {}", unit(u), error.words(typed)),
            RecordError::Note { unit: u, error } => write!(f, "{}: {error}", unit(u)),
            RecordError::NotAchieved { unit: u } => write!(
                f,
                "{} gives a date, evidence or an exemption, which only an achieved unit has",
                unit(u)
            ),
            RecordError::HeldAs { unit: u, held_as } => write!(
                f,
                "{} says it was achieved as {}, which is not a unit of the catalogue (expected DOCUMENT:CODE)",
                unit(u),
                excerpt(held_as)
            ),
            RecordError::HeldAsOther {
                unit: u,
                held_as,
                counts_as,
            } => write!(
                f,
                "{} says it was achieved as {}, which counts as {counts_as} instead",
                unit(u),
                excerpt(held_as)
            ),
            RecordError::StudyHours(h) => write!(
                f,
                "study rate of {h} hours a week: give 1 to {MAX_HOURS_A_WEEK} hours"
            ),
            RecordError::StudyFrom { error, typed } => {
                write!(f, "study start: {}", error.words(typed))
            }
        }
    }
}

impl std::error::Error for RecordError {}

impl RecordError {
    /// Whether it is the study rate (not a unit's record) that cannot be used.
    pub fn is_study(&self) -> bool {
        matches!(
            self,
            RecordError::StudyHours(_) | RecordError::StudyFrom { .. }
        )
    }
}

impl StudyRate {
    /// The rate with its start read as a day.
    pub fn start(&self) -> Result<Date, RecordError> {
        if self.hours_a_week == 0 || self.hours_a_week > MAX_HOURS_A_WEEK {
            return Err(RecordError::StudyHours(self.hours_a_week));
        }
        Date::parse(&self.from).map_err(|error| RecordError::StudyFrom {
            typed: self.from.clone(),
            error,
        })
    }
}

/// One unit's record read against qualification `q`: the unit, where it was held under another
/// document's record, and (achieved) what is known of it, with notes cleaned.
fn read_unit_record(
    catalogue: &Catalogue,
    q: QualificationId,
    unit: UnitId,
    code: &str,
    r: &UnitRecord,
) -> Result<(Option<Source>, Option<Achievement>), RecordError> {
    let at = || code.to_string();
    let source = match &r.held_as {
        None => None,
        Some(held_as) => {
            // Written by the planner as the record's key, so it is looked up as one.
            let from = catalogue
                .unit_by_key(held_as)
                .ok_or_else(|| RecordError::HeldAs {
                    unit: at(),
                    held_as: held_as.clone(),
                })?;
            match counts_as(catalogue, q, from) {
                Some((u, how)) if u == unit => (from != unit).then_some(Source { unit: from, how }),
                other => {
                    return Err(RecordError::HeldAsOther {
                        unit: at(),
                        held_as: held_as.clone(),
                        counts_as: other.map_or_else(
                            || "none of this qualification's".to_string(),
                            |(u, _)| catalogue.unit(u).unit.code.clone(),
                        ),
                    })
                }
            }
        }
    };
    if r.status == Held::InProgress {
        if r.on.is_some() || r.evidence.is_some() || r.exemption.is_some() {
            return Err(RecordError::NotAchieved { unit: at() });
        }
        return Ok((source, None));
    }
    let note = |text: &Option<String>| {
        text.as_deref()
            .map(clean_note)
            .transpose()
            .map_err(|error| RecordError::Note { unit: at(), error })
    };
    let on = match &r.on {
        None => None,
        Some(typed) => Some(Date::parse(typed).map_err(|error| RecordError::Date {
            unit: at(),
            typed: typed.clone(),
            error,
        })?),
    };
    Ok((
        source,
        Some(Achievement {
            on,
            evidence: note(&r.evidence)?,
            exemption: note(&r.exemption)?,
        }),
    ))
}

/// One unit's record checked against the plan and qualification `q`.
fn check_entry(
    plan: &Plan,
    catalogue: &Catalogue,
    q: QualificationId,
    code: &String,
    r: &UnitRecord,
) -> Result<(), RecordError> {
    let unit = plan
        .units
        .contains(code)
        .then(|| catalogue.offered_unit(&catalogue.qualifications[q], code))
        .flatten()
        .ok_or_else(|| RecordError::NotPlanned { unit: code.clone() })?;
    read_unit_record(catalogue, q, unit, code, r).map(|_| ())
}

/// The first thing in a plan's record or study rate that cannot be used with `catalogue` (the
/// plan's qualification and units are checked first, by `Plan::check_against`).
pub fn check_record_form(plan: &Plan, catalogue: &Catalogue) -> Result<(), RecordError> {
    if let Some(study) = &plan.study {
        study.start()?;
    }
    let Some(q) = catalogue.qualification_index(&plan.qualification) else {
        return Ok(());
    };
    plan.record
        .iter()
        .try_for_each(|(code, r)| check_entry(plan, catalogue, q, code, r))
}

/// Takes out of a plan's record what cannot be used, each with why (the unit is then planned;
/// a study rate that cannot be used is taken out too). Used on a save, which is read whole
/// whatever it holds.
pub fn drop_unusable_record(plan: &mut Plan, catalogue: &Catalogue) -> Vec<RecordError> {
    let mut dropped = Vec::new();
    if let Some(Err(e)) = plan.study.as_ref().map(StudyRate::start) {
        dropped.push(e);
        plan.study = None;
    }
    let Some(q) = catalogue.qualification_index(&plan.qualification) else {
        return dropped;
    };
    let bad: Vec<(String, RecordError)> = plan
        .record
        .iter()
        .filter_map(|(code, r)| {
            check_entry(plan, catalogue, q, code, r)
                .err()
                .map(|e| (code.clone(), e))
        })
        .collect();
    for (code, e) in bad {
        plan.record.remove(&code);
        dropped.push(e);
    }
    dropped
}

impl Plan {
    /// The plan's units as a `Record`: each unit planned unless its record says more. Records
    /// that cannot be used count as planned (a save, link or file that holds one is reported
    /// when read).
    pub fn record(&self, catalogue: &Catalogue) -> Option<(QualificationId, Record)> {
        let q = catalogue.qualification_index(&self.qualification)?;
        let cq = &catalogue.qualifications[q];
        let mut record = Record::new();
        for code in &self.units {
            let Some(unit) = catalogue.offered_unit(cq, code) else {
                continue;
            };
            let read = self
                .record
                .get(code)
                .map(|r| (r.status, read_unit_record(catalogue, q, unit, code, r)));
            match read {
                Some((Held::InProgress, Ok((source, _)))) => record.start(unit, source),
                Some((Held::Achieved, Ok((source, a)))) => {
                    record.achieve(unit, source, a.unwrap_or_default())
                }
                _ => record.plan(unit),
            }
        }
        Some((q, record))
    }
}
