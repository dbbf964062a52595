//! Checking a plan given as codes a user holds: look-up, de-duplication, totals and rules.

use super::totals::Totals;
use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, CatalogueQualification, LookupError, UnitId};
use crate::rules::{evaluate, mark_undecided, Evaluation, Readings};

#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub qualification: QualificationId,
    /// Planned units, each once, in the order first given.
    pub planned: Vec<UnitId>,
    /// Inputs that named a unit already in the plan (counted once).
    pub duplicates: Vec<String>,
    /// Readings asked for that no rule of the qualification has.
    pub unknown_readings: Vec<String>,
    pub totals: Totals,
    pub evaluation: Evaluation,
}

/// Checks unit ids already resolved (the app's plan).
pub fn check(
    catalogue: &Catalogue,
    q: QualificationId,
    planned: &[UnitId],
    readings: &Readings,
) -> Check {
    let mut units: Vec<UnitId> = Vec::with_capacity(planned.len());
    for u in planned {
        if !units.contains(u) {
            units.push(*u);
        }
    }
    let qual = &catalogue.qualifications[q];
    let mut evaluation = evaluate(catalogue, q, &units, readings);
    mark_undecided(catalogue, q, &mut evaluation);
    Check {
        qualification: q,
        totals: Totals::of(catalogue, qual, &units),
        evaluation,
        planned: units,
        duplicates: Vec::new(),
        unknown_readings: Vec::new(),
    }
}

/// Checks a plan given as a qualification and unit codes as a user types them.
pub fn check_codes(
    catalogue: &Catalogue,
    qualification: &str,
    units: &[String],
    readings: &Readings,
) -> Result<Check, LookupError> {
    let q = catalogue.find_qualification(qualification)?;
    let qual = &catalogue.qualifications[q];
    let mut ids = Vec::new();
    let mut duplicates = Vec::new();
    for code in units {
        let id = catalogue.find_unit(qual, code)?;
        if ids.contains(&id) {
            duplicates.push(code.clone());
        } else {
            ids.push(id);
        }
    }
    let unknown_readings = unknown_readings(qual, readings);
    let mut result = check(catalogue, q, &ids, readings);
    result.duplicates = duplicates;
    result.unknown_readings = unknown_readings;
    Ok(result)
}

/// Readings asked for that no rule of the qualification has, as `RULE=READING`.
pub(crate) fn unknown_readings(qual: &CatalogueQualification, readings: &Readings) -> Vec<String> {
    readings
        .iter()
        .filter(|(rule, reading)| !qual.has_reading(rule, reading))
        .map(|(rule, reading)| format!("{rule}={reading}"))
        .collect()
}
