//! A finish date in words: what is still to study, which hours were counted, and when it would
//! be done at the learner's rate.

use super::units_words;
use crate::catalogue::{Catalogue, UnitId};
use crate::limits::counted;
use crate::plan::{Date, Estimate, HoursFigure, NoEstimate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "7 December 2026".
pub fn day_words(d: Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[d.month() as usize - 1],
        d.year()
    )
}

fn weeks(n: u32) -> String {
    counted(n as usize, "week", "weeks")
}

/// What the estimate says, a sentence a line: the finish date first, then what was counted.
pub struct FinishWords {
    /// "Estimated finish: around 26 April 2027 (20 weeks at 6 hours a week from 7 December 2026)."
    pub finish: String,
    /// "Still to study: 120 GLH in 4 units (1 in progress, 2 planned, 1 to add to meet the rules: A/601/1222)."
    pub left: String,
    /// Which figure was counted, and how.
    pub figure: String,
    /// "Quicker, from the units achieved and in progress alone: …", where there is a quicker way.
    pub quickest: Option<String>,
}

pub fn finish_words(c: &Catalogue, e: &Estimate) -> FinishWords {
    let hours = hours_words(e.hours, e.figure);
    let mut parts = Vec::new();
    if !e.in_progress.is_empty() {
        parts.push(format!("{} in progress", e.in_progress.len()));
    }
    if !e.planned.is_empty() {
        parts.push(format!("{} planned", e.planned.len()));
    }
    let added = e.added.as_deref().unwrap_or_default();
    if !added.is_empty() {
        parts.push(to_add(c, added));
    }
    let count = e.in_progress.len() + e.planned.len() + added.len();
    let figure = match e.figure {
        HoursFigure::Glh => "Counted in guided learning hours (GLH), as each unit publishes them.",
        HoursFigure::Notional => "Counted in notional hours, 10 for each credit, because some of these units publish no GLH.",
    };
    let mut figure = format!("{figure} A unit in progress is counted whole.");
    if e.added.is_none() {
        figure.push_str(" The units still to add to meet the rules could not be worked out here, so this is for the plan's own units.");
    }
    FinishWords {
        finish: format!(
            "Estimated finish: around {} ({} at {} a week from {}).",
            day_words(e.finish),
            weeks(e.weeks),
            counted(e.hours_a_week as usize, "hour", "hours"),
            day_words(e.from)
        ),
        left: format!(
            "Still to study: {hours} in {} ({}).",
            units_words(count),
            parts.join(", ")
        ),
        figure,
        quickest: e.quickest.as_ref().map(|k| {
            let mut parts = Vec::new();
            if !e.in_progress.is_empty() {
                parts.push(format!("{} in progress", e.in_progress.len()));
            }
            if !k.added.is_empty() {
                parts.push(to_add(c, &k.added));
            }
            format!(
                "Quicker, from the units achieved and in progress alone: {} in {} ({}), around {} ({}). The planned units not started would change.",
                hours_words(k.hours, e.figure),
                units_words(e.in_progress.len() + k.added.len()),
                parts.join(", "),
                day_words(k.finish),
                weeks(k.weeks),
            )
        }),
    }
}

/// "99 GLH", "120 notional hours".
fn hours_words(hours: u32, figure: HoursFigure) -> String {
    match figure {
        HoursFigure::Glh => format!("{hours} GLH"),
        HoursFigure::Notional => format!("{hours} notional hours"),
    }
}

/// "2 to add to meet the rules, the cheapest in GLH: A/601/1222, A/601/1530".
fn to_add(c: &Catalogue, added: &[UnitId]) -> String {
    let codes: Vec<&str> = added
        .iter()
        .map(|u| c.unit(*u).unit.code.as_str())
        .collect();
    format!(
        "{} to add to meet the rules, the cheapest in GLH: {}",
        added.len(),
        codes.join(", ")
    )
}

/// Why there is no finish date.
pub fn no_estimate_words(c: &Catalogue, e: &NoEstimate) -> String {
    match e {
        NoEstimate::NothingLeft => {
            "Nothing is left to study: every unit is achieved and the plan meets its rules."
                .to_string()
        }
        NoEstimate::NoFigure(us) => {
            let codes: Vec<String> = us.iter().map(|u| c.unit(*u).unit.code.clone()).collect();
            format!(
                "No finish date: {} neither GLH nor a credit value ({}), so the hours left are not known.",
                counted(us.len(), "unit publishes", "units publish"),
                crate::limits::few(&codes)
            )
        }
        NoEstimate::TooFar => "No finish date: at this rate it is after the year 9999.".to_string(),
        NoEstimate::NoCompletion => "Every unit of the plan is achieved, but the units still to add to meet the rules could not be worked out here: use \u{201c}Find the cheapest completion\u{201d}.".to_string(),
    }
}
