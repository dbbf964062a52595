//! A learner's record: which of a plan's units are planned, in progress or achieved (an
//! exemption, or recognition of prior learning, is achieved with a reason), checked as a whole
//! and as achieved so far by the one evaluator (`plan::check`), its totals split by status, and
//! what is left (`plan::complete`, starting from the units held). A unit achieved under another
//! document's code counts where the catalogue's links make it the same unit (`counts_as`, as
//! progress towards other qualifications counts it).

use super::check::{check, unknown_readings, Check};
use super::complete::{complete_within, CompletionResult, Minimise, COMPLETION_BUDGET};
use super::date::Date;
use super::progress::{counts_as, progress, progress_carried, progress_towards, Carried, Progress};
use super::totals::Totals;
use crate::catalogue::{
    describe, Catalogue, CatalogueQualification, Level, LookupError, QualificationId, UnitId,
};
use crate::limits::{clean_note, TextError};
use crate::rules::Readings;
use std::sync::Arc;

/// Where a unit of a plan stands for the learner, least to most done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitStatus {
    Planned,
    InProgress,
    Achieved,
}

impl UnitStatus {
    /// The name in `--json` output: "planned", "in_progress", "achieved".
    pub fn as_str(self) -> &'static str {
        match self {
            UnitStatus::Planned => "planned",
            UnitStatus::InProgress => "in_progress",
            UnitStatus::Achieved => "achieved",
        }
    }
}

/// The record a unit was achieved (or is being studied) under, where that is another document's:
/// the catalogue's links make it the same unit as the qualification's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// The unit as achieved (another document's record).
    pub unit: UnitId,
    /// Why it counts (always `Carried::Linked`).
    pub how: Carried,
}

/// A code a person holds, found as the unit of the qualification it counts as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// The qualification's own unit.
    pub unit: UnitId,
    /// Where the code named another document's record of it.
    pub source: Option<Source>,
}

/// What is known of an achieved unit. All optional; the notes are cleaned and bounded
/// (`limits::clean_note`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Achievement {
    pub on: Option<Date>,
    /// The evidence, in the adviser's words.
    pub evidence: Option<String>,
    /// Exempt, or recognised prior learning: why. Such a unit counts as achieved.
    pub exemption: Option<String>,
}

impl Achievement {
    /// An exemption or recognition of prior learning, with its reason.
    pub fn exempt(reason: &str) -> Result<Achievement, TextError> {
        Ok(Achievement {
            exemption: Some(clean_note(reason)?),
            ..Achievement::default()
        })
    }

    /// This achievement with its evidence noted.
    pub fn with_evidence(mut self, evidence: &str) -> Result<Achievement, TextError> {
        self.evidence = Some(clean_note(evidence)?);
        Ok(self)
    }

    /// This achievement dated.
    pub fn on(mut self, date: Date) -> Achievement {
        self.on = Some(date);
        self
    }
}

/// One unit of the plan and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub unit: UnitId,
    pub status: UnitStatus,
    /// Where it was achieved or is studied under another document's record.
    pub source: Option<Source>,
    /// Set only when `status` is `Achieved`.
    pub achievement: Option<Achievement>,
}

/// The statuses of a plan's units, each unit once, in the order first given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    entries: Vec<Entry>,
}

impl Record {
    pub fn new() -> Record {
        Record::default()
    }

    /// Every unit planned, none started: the record of a plan as it stands today.
    pub fn planned(units: &[UnitId]) -> Record {
        let mut r = Record::new();
        for u in units {
            r.plan(*u);
        }
        r
    }

    fn put(&mut self, entry: Entry) {
        match self.entries.iter_mut().find(|e| e.unit == entry.unit) {
            Some(e) => *e = entry,
            None => self.entries.push(entry),
        }
    }

    /// The unit is planned (and not started): any status it had is replaced.
    pub fn plan(&mut self, unit: UnitId) {
        self.put(Entry {
            unit,
            status: UnitStatus::Planned,
            source: None,
            achievement: None,
        });
    }

    /// The unit is in progress, studied under `source` where that is another document's record.
    pub fn start(&mut self, unit: UnitId, source: Option<Source>) {
        self.put(Entry {
            unit,
            status: UnitStatus::InProgress,
            source,
            achievement: None,
        });
    }

    /// The unit is achieved, under `source` where that is another document's record.
    pub fn achieve(&mut self, unit: UnitId, source: Option<Source>, achievement: Achievement) {
        self.put(Entry {
            unit,
            status: UnitStatus::Achieved,
            source,
            achievement: Some(achievement),
        });
    }

    /// Takes the unit out of the plan.
    pub fn remove(&mut self, unit: UnitId) {
        self.entries.retain(|e| e.unit != unit);
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, unit: UnitId) -> Option<&Entry> {
        self.entries.iter().find(|e| e.unit == unit)
    }

    pub fn status(&self, unit: UnitId) -> Option<UnitStatus> {
        self.entry(unit).map(|e| e.status)
    }

    /// Every unit of the plan, in order.
    pub fn units(&self) -> Vec<UnitId> {
        self.entries.iter().map(|e| e.unit).collect()
    }

    /// The units of one status, in order.
    pub fn with_status(&self, status: UnitStatus) -> Vec<UnitId> {
        self.entries
            .iter()
            .filter(|e| e.status == status)
            .map(|e| e.unit)
            .collect()
    }

    /// Achieved and in-progress units: what the learner holds or is working on.
    pub fn held(&self) -> Vec<UnitId> {
        self.entries
            .iter()
            .filter(|e| e.status != UnitStatus::Planned)
            .map(|e| e.unit)
            .collect()
    }

    /// Whether any unit is in progress or achieved (a record that says more than a plan).
    pub fn has_progress(&self) -> bool {
        self.entries.iter().any(|e| e.status != UnitStatus::Planned)
    }
}

/// Totals of a plan's units by status (`None`: not published, as in `Totals`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitTotals {
    pub achieved: Totals,
    pub in_progress: Totals,
    pub to_do: Totals,
}

/// One pass over the record, no list made: the planner works this out on every change.
pub fn split_totals(catalogue: &Catalogue, q: QualificationId, record: &Record) -> SplitTotals {
    let cq = &catalogue.qualifications[q];
    let mut sums = [Sums::default(); 3];
    for e in &record.entries {
        let unit = &catalogue.unit(e.unit).unit;
        let s = &mut sums[match e.status {
            UnitStatus::Planned => 0,
            UnitStatus::InProgress => 1,
            UnitStatus::Achieved => 2,
        }];
        s.units += 1;
        s.credits = s.credits.and_then(|c| Some(c + unit.credit?));
        s.glh = s.glh.and_then(|g| Some(g + unit.glh?));
    }
    let [to_do, in_progress, achieved] = sums.map(|s| s.totals(catalogue, cq));
    SplitTotals {
        achieved,
        in_progress,
        to_do,
    }
}

/// Running sums of one status's units (`None` once a unit publishes no figure).
#[derive(Clone, Copy)]
struct Sums {
    units: u32,
    credits: Option<u32>,
    glh: Option<u32>,
}

impl Default for Sums {
    fn default() -> Sums {
        Sums {
            units: 0,
            credits: Some(0),
            glh: Some(0),
        }
    }
}

impl Sums {
    fn totals(self, catalogue: &Catalogue, cq: &CatalogueQualification) -> Totals {
        if self.units == 0 {
            // As `Totals::of` says of no units: "not published" where the document prints none.
            return Totals::of(catalogue, cq, &[]);
        }
        Totals {
            units: self.units,
            credits: self.credits,
            glh: self.glh,
            tqt: self.credits.map(|c| c * 10),
        }
    }
}

/// A record checked: the whole plan, the achieved units alone, and the totals by status. The
/// record and the achieved units' check are shared, not copied: on most changes (a unit added
/// or taken out, a planned unit started) the achieved units stay as they were, and their check
/// is kept (`check_record_with`).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordCheck {
    pub record: Arc<Record>,
    /// Every unit of the plan, whatever its status (`plan::check`).
    pub whole: Check,
    /// The achieved units alone (`check_achieved`): what the learner has so far.
    pub achieved_so_far: Arc<Check>,
    pub totals: SplitTotals,
}

/// Checks a record against qualification `q`: the whole plan and the achieved units alone.
pub fn check_record(
    catalogue: &Catalogue,
    q: QualificationId,
    record: &Record,
    readings: &Readings,
) -> RecordCheck {
    let whole = check(catalogue, q, &record.units(), readings);
    let achieved = Arc::new(check_achieved(catalogue, q, record, readings));
    check_record_with(catalogue, q, Arc::new(record.clone()), whole, achieved)
}

/// The achieved units of `record` alone, checked (`plan::check`).
pub fn check_achieved(
    catalogue: &Catalogue,
    q: QualificationId,
    record: &Record,
    readings: &Readings,
) -> Check {
    check(
        catalogue,
        q,
        &record.with_status(UnitStatus::Achieved),
        readings,
    )
}

/// `check_record` from its parts, as the planner holds them: the whole plan's check (made on
/// every change anyway) and the achieved units' check (`check_achieved` of the same record
/// under the same readings, kept while the achieved units do not change). Only the totals by
/// status are worked out here.
pub fn check_record_with(
    catalogue: &Catalogue,
    q: QualificationId,
    record: Arc<Record>,
    whole: Check,
    achieved_so_far: Arc<Check>,
) -> RecordCheck {
    RecordCheck {
        whole,
        achieved_so_far,
        totals: split_totals(catalogue, q, &record),
        record,
    }
}

/// Where a completion of a record starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftFrom {
    /// The achieved and in-progress units: planned units are open to change.
    Held,
    /// Every unit of the plan, planned ones kept.
    Plan,
}

/// What is left: the cheapest units to add so that the plan meets every rule, starting from the
/// units held (or the whole plan). Completion only adds units, so no held unit is added again.
pub fn what_is_left(
    catalogue: &Catalogue,
    q: QualificationId,
    record: &Record,
    from: LeftFrom,
    readings: &Readings,
    minimise: Minimise,
    alternatives: usize,
) -> CompletionResult {
    let start = match from {
        LeftFrom::Held => record.held(),
        LeftFrom::Plan => record.units(),
    };
    complete_within(
        catalogue,
        q,
        &start,
        readings,
        minimise,
        alternatives,
        COMPLETION_BUDGET,
    )
    .0
}

/// Finds a code a person holds (from any document, as its code, UAN or `DOCUMENT:CODE`) as the
/// unit of qualification `q` it counts as: first as `q`'s own document prints it (`find_unit`),
/// else anywhere in the catalogue (`find_unit_anywhere`) and through its links (`counts_as`). An
/// unknown code is `UnknownAnywhere` with the nearest codes of `q`; a code printed for different
/// units in more than one document is `AmbiguousUnit` (name it as `DOCUMENT:CODE`); a unit that
/// counts as none of `q`'s is `CountsNowhere`.
pub fn counted_unit(
    catalogue: &Catalogue,
    q: QualificationId,
    input: &str,
) -> Result<Counted, LookupError> {
    let cq = &catalogue.qualifications[q];
    let unknown = match catalogue.find_unit(cq, input) {
        Ok(unit) => return Ok(Counted { unit, source: None }),
        Err(e) => e,
    };
    let from = match catalogue.find_unit_anywhere(input) {
        Ok(from) => from,
        // Any document's code is taken here, so "unknown" means in every document.
        Err(LookupError::UnknownUnit { .. }) => {
            return Err(match unknown {
                LookupError::UnknownUnit {
                    input, suggestions, ..
                } => LookupError::UnknownAnywhere { input, suggestions },
                other => other,
            })
        }
        Err(e) => return Err(e),
    };
    match counts_as(catalogue, q, from) {
        Some((unit, how)) => Ok(Counted {
            unit,
            source: (from != unit).then_some(Source { unit: from, how }),
        }),
        None => Err(LookupError::CountsNowhere {
            input: input.to_string(),
            unit: format!(
                "{} {}",
                catalogue.unit(from).key,
                catalogue.unit(from).unit.title
            ),
            qualification: describe(cq),
        }),
    }
}

/// A record made from codes a person typed, and what was typed twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedRecord {
    pub record: Record,
    /// What was typed for a unit already given with the same status (counted once).
    pub repeated: Vec<String>,
}

/// A record from codes: `planned` as `q`'s document prints them (`find_unit`, as `check_codes`
/// reads a plan), `in_progress` and `achieved` from any document (`counted_unit`). A unit given
/// with more than one status takes the furthest on (achieved, then in progress); the first code
/// that names no unit, or none of `q`'s, is the error.
pub fn record_codes(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[String],
    in_progress: &[String],
    achieved: &[String],
) -> Result<CodedRecord, LookupError> {
    let cq = &catalogue.qualifications[q];
    let mut record = Record::new();
    let mut repeated = Vec::new();
    let lists = [
        (UnitStatus::Planned, planned),
        (UnitStatus::InProgress, in_progress),
        (UnitStatus::Achieved, achieved),
    ];
    for (status, codes) in lists {
        for code in codes {
            let counted = match status {
                UnitStatus::Planned => Counted {
                    unit: catalogue.find_unit(cq, code)?,
                    source: None,
                },
                _ => counted_unit(catalogue, q, code)?,
            };
            match record.status(counted.unit) {
                Some(s) if s == status => {
                    repeated.push(code.clone());
                    continue;
                }
                Some(s) if s > status => continue,
                _ => {}
            }
            match status {
                UnitStatus::Planned => record.plan(counted.unit),
                UnitStatus::InProgress => record.start(counted.unit, counted.source),
                UnitStatus::Achieved => {
                    record.achieve(counted.unit, counted.source, Achievement::default())
                }
            }
        }
    }
    Ok(CodedRecord { record, repeated })
}

/// `check_record` on codes a person typed (`record_codes`), as `check_codes` checks a plan:
/// `whole.duplicates` holds what was typed twice, `whole.unknown_readings` the readings no rule
/// has.
pub fn check_record_codes(
    catalogue: &Catalogue,
    qualification: &str,
    planned: &[String],
    in_progress: &[String],
    achieved: &[String],
    readings: &Readings,
) -> Result<RecordCheck, LookupError> {
    let q = catalogue.find_qualification(qualification)?;
    let coded = record_codes(catalogue, q, planned, in_progress, achieved)?;
    let mut result = check_record(catalogue, q, &coded.record, readings);
    result.whole.duplicates = coded.repeated;
    result.whole.unknown_readings = unknown_readings(&catalogue.qualifications[q], readings);
    Ok(result)
}

/// Progress towards one qualification of a record's units (of any documents): all of them, and
/// the achieved ones alone.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordProgress {
    pub all: Progress,
    pub achieved: Progress,
}

/// `plan::progress` of every unit of the record, each with the progress of its achieved units
/// alone, in the same order (closest first on all units).
pub fn record_progress(catalogue: &Catalogue, record: &Record) -> Vec<RecordProgress> {
    let achieved = record.with_status(UnitStatus::Achieved);
    progress(catalogue, &record.units())
        .into_iter()
        .map(|all| RecordProgress {
            achieved: progress_towards(catalogue, all.qualification, &achieved),
            all,
        })
        .collect()
}

/// The level after `level` (Entry 3 is followed by Level 1); `None` after Level 8.
fn level_up(level: Level) -> Option<Level> {
    match level {
        Level::Entry(n) if n < 3 => Some(Level::Entry(n + 1)),
        Level::Entry(_) => Some(Level::Numbered(1)),
        Level::Numbered(n) if n < 8 => Some(Level::Numbered(n + 1)),
        Level::Numbered(_) => None,
    }
}

/// Where the achieved units lead: the other qualifications they go furthest towards (the
/// `closest` first, through the catalogue's links as progress counts them), and the closest one
/// level above qualification `q` where it is not among them already.
pub fn progression(
    catalogue: &Catalogue,
    q: QualificationId,
    record: &Record,
    closest: usize,
) -> Vec<Progress> {
    let achieved = record.with_status(UnitStatus::Achieved);
    if achieved.is_empty() {
        return Vec::new();
    }
    let all: Vec<Progress> = progress_carried(catalogue, &achieved)
        .into_iter()
        .filter(|p| p.qualification != q)
        .collect();
    let up = level_up(catalogue.qualifications[q].qualification.level);
    let is_up = |p: &Progress| {
        Some(
            catalogue.qualifications[p.qualification]
                .qualification
                .level,
        ) == up
    };
    let mut shown: Vec<Progress> = all.iter().take(closest).cloned().collect();
    if !shown.iter().any(is_up) {
        if let Some(p) = all.iter().find(|p| is_up(p)) {
            shown.push(p.clone());
        }
    }
    shown
}
