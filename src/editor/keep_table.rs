//! A pasted unit table kept in a draft: its units (each row's level as read, as chosen for that
//! row, or as chosen for every row without one), and, where the person keeps them too, the groups
//! its headings make and the combinations its rows bar; then what keeping did, in words.

use super::draft::{Draft, UnitEntry};
use super::paste::{to_units, NumberColumn, Pasted};
use super::structure::{barred_pairs, heading_groups, BarredPair, HeadingGroup};
use super::template::Template;
use crate::catalogue::{Level, Requirement};
use crate::limits::{counted, first_few, plural, thousands};

/// Where a barred pair read from the table says it is printed.
pub const TABLE_SOURCE: &str = "The unit table, as pasted into the qualification editor";

/// What the person chose in the table's review.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableChoices {
    /// The level chosen for each row (by its place among the rows), where the row has none read.
    pub levels: Vec<Option<Level>>,
    /// The level for every row with none read and none chosen.
    pub fallback: Option<Level>,
    /// Make a group of each heading, with its rows.
    pub groups: bool,
    /// Make a rule of each barred pair the rows print.
    pub barred: bool,
}

/// What keeping a table did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    pub added: usize,
    pub updated: usize,
    /// Groups made from headings.
    pub groups_made: usize,
    /// Groups already in the draft, by a heading's name, that units were put in.
    pub groups_filled: usize,
    /// Barred pairs made into rules (a pair a rule already bars is not made again).
    pub barred: usize,
}

/// Why a table was not kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeepError {
    /// These rows (by code) have no level read and none chosen.
    NoLevel(Vec<String>),
}

impl std::fmt::Display for KeepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeepError::NoLevel(codes) => write!(
                f,
                "{} no level ({}): choose the level of {} in the table below, or one for every row without a level, or correct the pasted text and read it again.",
                counted(codes.len(), "row has", "rows have"),
                first_few(codes),
                plural(codes.len(), "that row", "each")
            ),
        }
    }
}

impl Draft {
    /// Keeps the rows of `pasted` as units (their figures read as `columns` says), and the
    /// headings' groups and barred pairs where `choices` asks. Nothing changes on an error.
    pub fn keep_table(
        &mut self,
        pasted: &Pasted,
        columns: &[NumberColumn],
        choices: &TableChoices,
    ) -> Result<Kept, KeepError> {
        let rows = to_units(pasted, columns);
        let mut without = Vec::new();
        let mut entries = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let chosen = choices.levels.get(i).copied().flatten();
            match r.level.or(chosen).or(choices.fallback) {
                Some(level) => entries.push(UnitEntry {
                    code: r.code.clone(),
                    uan: r.uan.clone(),
                    title: r.title.clone(),
                    level,
                    credit: r.credit,
                    glh: r.glh,
                }),
                None => without.push(r.code.clone()),
            }
        }
        if !without.is_empty() {
            return Err(KeepError::NoLevel(without));
        }
        let mut kept = Kept::default();
        (kept.added, kept.updated) = self.add_units(entries);
        if choices.groups {
            for g in heading_groups(pasted) {
                let existing = self
                    .qualification()
                    .groups
                    .iter()
                    .find(|have| have.name.trim() == g.name)
                    .map(|have| have.id.clone());
                let id = match existing {
                    Some(id) => {
                        kept.groups_filled += 1;
                        id
                    }
                    None => {
                        kept.groups_made += 1;
                        self.add_group(&g.name)
                    }
                };
                for code in &g.units {
                    self.set_in_group(code, &id, true);
                }
            }
        }
        if choices.barred {
            for pair in barred_pairs(pasted) {
                if self.bars(&pair.units) {
                    continue;
                }
                let label = format!(
                    "Barred combination: {} and {}",
                    pair.units[0], pair.units[1]
                );
                let template = Template::Barred {
                    units: pair.units.to_vec(),
                    max: 1,
                };
                // A pair of two units with a printed wording is always a rule.
                if self
                    .add_rule(&template, &label, &pair.text, TABLE_SOURCE)
                    .is_ok()
                {
                    kept.barred += 1;
                }
            }
        }
        Ok(kept)
    }

    /// Whether a rule of the draft already allows at most one of these units.
    fn bars(&self, units: &[String]) -> bool {
        self.qualification().rules.iter().any(|r| {
            matches!(&r.require, Requirement::Barred(b)
                if b.max == 1
                    && b.units.len() == units.len()
                    && units.iter().all(|u| b.units.contains(u)))
        })
    }
}

impl Kept {
    /// "Kept 20 new units, made 5 groups from the table's headings and made 10 barred
    /// combinations into rules."
    pub fn words(&self) -> String {
        let mut parts = Vec::new();
        let new_units = format!("{} new {}", self.added, plural(self.added, "unit", "units"));
        parts.push(match (self.added, self.updated) {
            (_, 0) => format!("kept {new_units}"),
            (0, u) => format!(
                "updated {} already in the draft",
                counted(u, "unit", "units")
            ),
            (_, u) => format!("kept {new_units} and updated {u} already in the draft"),
        });
        if self.groups_made > 0 {
            parts.push(format!(
                "made {} from the table's headings",
                counted(self.groups_made, "group", "groups")
            ));
        }
        if self.groups_filled > 0 {
            parts.push(format!(
                "put units in {} already in the draft",
                counted(self.groups_filled, "group", "groups")
            ));
        }
        if self.barred > 0 {
            parts.push(format!(
                "made {} into {}",
                counted(self.barred, "barred combination", "barred combinations"),
                plural(self.barred, "a rule", "rules")
            ));
        }
        let mut text = match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}.", rest.join(", ")),
            _ => format!("{}.", parts.concat()),
        };
        text[..1].make_ascii_uppercase();
        text
    }
}

/// The groups a table's headings would make, for the person to choose: "Make 5 groups from its
/// headings: Mandatory Units (2 units), Optional Unit Group A (16 units), …".
pub fn groups_offer(groups: &[HeadingGroup]) -> String {
    let each: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({})", g.name, counted(g.units.len(), "unit", "units")))
        .collect();
    format!(
        "Make {} from its headings: {}",
        counted(groups.len(), "group", "groups"),
        first_few(&each)
    )
}

/// The barred pairs a table's rows print, for the person to choose: "Make the 10 barred
/// combinations its rows print into rules: 001 with 101, 002 with 102, …".
pub fn barred_offer(pairs: &[BarredPair]) -> String {
    let each: Vec<String> = pairs
        .iter()
        .map(|p| format!("{} with {}", p.units[0], p.units[1]))
        .collect();
    let what = match pairs.len() {
        1 => "the barred combination its rows print into a rule".to_string(),
        n => format!(
            "the {} barred combinations its rows print into rules",
            thousands(n)
        ),
    };
    format!("Make {what}: {}", first_few(&each))
}
