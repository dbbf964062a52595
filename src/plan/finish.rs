//! When a plan would be finished at a study rate: the hours still to study (the units not yet
//! achieved, and the cheapest units still to add to meet the rules), counted in GLH, or in
//! notional hours (10 a credit) where a unit publishes no GLH, and the weeks they take. Beside
//! it, where it is quicker, the cheapest way from the units achieved and in progress alone: the
//! planned units not started are open to change.

use super::complete::{complete_within, CompletionResult, Minimise, GLH_CHECK_BUDGET};
use super::date::Date;
use super::record::{Record, UnitStatus};
use crate::catalogue::{Catalogue, QualificationId, UnitId};
use crate::rules::Readings;

/// Which figure the hours are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursFigure {
    /// Guided learning hours, published for every unit counted.
    Glh,
    /// 10 notional hours a credit: some unit counted publishes no GLH.
    Notional,
}

/// What is still to study, and when it would be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub hours: u32,
    pub figure: HoursFigure,
    pub in_progress: Vec<UnitId>,
    pub planned: Vec<UnitId>,
    /// The cheapest units (in GLH) to add so the plan meets its rules; `None` when that could
    /// not be worked out here (the plan breaks a maximum, no rules are published, or the
    /// search stopped early), so the hours are for the plan's own units.
    pub added: Option<Vec<UnitId>>,
    pub hours_a_week: u32,
    pub weeks: u32,
    pub from: Date,
    pub finish: Date,
    /// The cheapest way from the units achieved and in progress, where it takes fewer hours
    /// (counted in the same figure) than the plan as it stands.
    pub quickest: Option<Quickest>,
}

/// A finish from the units achieved and in progress alone, with the cheapest units (in GLH)
/// still to add; the planned units it uses are among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quickest {
    pub hours: u32,
    pub added: Vec<UnitId>,
    pub weeks: u32,
    pub finish: Date,
}

/// Why no finish date can be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoEstimate {
    /// Every unit is achieved and the plan meets its rules.
    NothingLeft,
    /// These units publish neither GLH nor a credit value.
    NoFigure(Vec<UnitId>),
    /// Later than the last day a date can be (9999-12-31).
    TooFar,
    /// Every unit of the plan is achieved, but the units still to add could not be worked
    /// out (see `Estimate::added`).
    NoCompletion,
}

/// The estimate for `record` on qualification `q` at `hours_a_week` (at least 1) from `from`.
pub fn finish_estimate(
    catalogue: &Catalogue,
    q: QualificationId,
    record: &Record,
    readings: &Readings,
    hours_a_week: u32,
    from: Date,
) -> Result<Estimate, NoEstimate> {
    let added = cheapest(catalogue, q, &record.units(), readings);
    let in_progress = record.with_status(UnitStatus::InProgress);
    let planned = record.with_status(UnitStatus::Planned);
    let left: Vec<UnitId> = in_progress
        .iter()
        .chain(&planned)
        .chain(added.iter().flatten())
        .copied()
        .collect();
    if left.is_empty() {
        return Err(match added {
            Some(_) => NoEstimate::NothingLeft,
            None => NoEstimate::NoCompletion,
        });
    }
    let (hours, figure) = hours_of(catalogue, &left).map_err(NoEstimate::NoFigure)?;
    let hours_a_week = hours_a_week.max(1);
    let (weeks, finish) = weeks_from(hours, hours_a_week, from).ok_or(NoEstimate::TooFar)?;
    // Planned units not started are the ones a quicker way could do without.
    let quickest = if planned.is_empty() || !record.has_progress() {
        None
    } else {
        cheapest(catalogue, q, &record.held(), readings).and_then(|added| {
            let left: Vec<UnitId> = in_progress.iter().chain(&added).copied().collect();
            let (h, f) = hours_of(catalogue, &left).ok()?;
            let (weeks, finish) = weeks_from(h, hours_a_week, from)?;
            (f == figure && h < hours).then_some(Quickest {
                hours: h,
                added,
                weeks,
                finish,
            })
        })
    };
    Ok(Estimate {
        hours,
        figure,
        in_progress,
        planned,
        added,
        hours_a_week,
        weeks,
        from,
        finish,
        quickest,
    })
}

/// The cheapest units (in GLH) to add to `start` to meet every rule: none where it already
/// does, `None` where that could not be worked out here.
fn cheapest(
    catalogue: &Catalogue,
    q: QualificationId,
    start: &[UnitId],
    readings: &Readings,
) -> Option<Vec<UnitId>> {
    match complete_within(
        catalogue,
        q,
        start,
        readings,
        Minimise::Glh,
        1,
        GLH_CHECK_BUDGET,
    )
    .0
    {
        CompletionResult::AlreadyComplete => Some(Vec::new()),
        CompletionResult::Found { options, .. } => options.into_iter().next().map(|o| o.added),
        _ => None,
    }
}

/// The hours of `units` in GLH, or in notional hours where one publishes no GLH; else the
/// units that publish neither GLH nor a credit value.
fn hours_of(catalogue: &Catalogue, units: &[UnitId]) -> Result<(u32, HoursFigure), Vec<UnitId>> {
    let unit = |u: &UnitId| &catalogue.unit(*u).unit;
    let sum = |f: &dyn Fn(&UnitId) -> Option<u32>| units.iter().map(f).sum::<Option<u32>>();
    match sum(&|u| unit(u).glh) {
        Some(glh) => Ok((glh, HoursFigure::Glh)),
        None => match sum(&|u| unit(u).credit.map(|c| c * 10)) {
            Some(notional) => Ok((notional, HoursFigure::Notional)),
            None => Err(units
                .iter()
                .filter(|u| unit(u).glh.is_none() && unit(u).credit.is_none())
                .copied()
                .collect()),
        },
    }
}

/// Whole weeks for `hours` at `hours_a_week` (at least 1), and the day they end; `None` after
/// the last day a date can be.
fn weeks_from(hours: u32, hours_a_week: u32, from: Date) -> Option<(u32, Date)> {
    let weeks = hours.div_ceil(hours_a_week);
    let finish = from.plus_days(weeks.checked_mul(7)?)?;
    Some((weeks, finish))
}
