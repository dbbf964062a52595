//! The rule-of-combination tree, as written in the catalogue's JSON (see `data/SCHEMA.md`).

use super::level::Level;
use serde::{Deserialize, Serialize};

/// One rule of combination: what it requires, and how the document words it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    /// Short name used in shortfalls: "1 more unit from *Optional Group C*".
    pub label: String,
    /// The document's own wording.
    pub text: String,
    /// Where the document prints it.
    pub source: String,
    pub require: Requirement,
    /// Names the reading that `require` encodes, where the rule can be read more than one way.
    #[serde(default)]
    pub reading: Option<ReadingName>,
    #[serde(default)]
    pub alternatives: Vec<Reading>,
    #[serde(default)]
    pub decisions: Vec<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReadingName {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub why: Option<String>,
}

/// Another way to read a rule, with the requirement that reading implies.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub why: Option<String>,
    pub require: Requirement,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Requirement {
    /// Every one of these units is planned.
    Mandatory(Vec<String>),
    /// A minimum and/or maximum of credits, units or GLH from a set of units.
    Count(Count),
    /// At most `max` of these units together.
    Barred(Barred),
    /// Every sub-rule is met (with `distinct`, no unit counts towards two of them).
    AllOf(AllOf),
    /// At least one sub-rule (a pathway) is met.
    AnyOf(AnyOf),
    /// Something a plan cannot show: displayed, never judged.
    Manual(Manual),
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Credits,
    Units,
    Glh,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum UnitSet {
    /// Every planned unit.
    #[serde(rename = "all")]
    All,
    Groups(Vec<String>),
    Units(Vec<String>),
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum LevelFilter {
    At(Level),
    AtOrAbove(Level),
}

impl LevelFilter {
    pub fn admits(self, level: Level) -> bool {
        match self {
            LevelFilter::At(l) => level == l,
            LevelFilter::AtOrAbove(l) => level >= l,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub measure: Measure,
    #[serde(default = "all_units")]
    pub from: UnitSet,
    #[serde(default)]
    pub level: Option<LevelFilter>,
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    /// Words naming the set in a shortfall ("3 more credits from *optional groups B to E*");
    /// the rule's label when absent.
    #[serde(default)]
    pub set_name: Option<String>,
}

fn all_units() -> UnitSet {
    UnitSet::All
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Barred {
    pub units: Vec<String>,
    #[serde(default = "one")]
    pub max: u32,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AllOf {
    pub rules: Vec<Rule>,
    #[serde(default)]
    pub distinct: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AnyOf {
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manual {}

impl Rule {
    /// The requirement in force under the chosen reading (`None`: the default reading).
    pub fn requirement_for(&self, reading: Option<&str>) -> (&Requirement, Option<&str>) {
        if let Some(id) = reading {
            if let Some(alt) = self.alternatives.iter().find(|a| a.id == id) {
                return (&alt.require, Some(alt.id.as_str()));
            }
        }
        (&self.require, self.reading.as_ref().map(|r| r.id.as_str()))
    }

    /// Every reading's id and label, the default first.
    pub fn readings(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        if let Some(r) = &self.reading {
            out.push((r.id.as_str(), r.label.as_str()));
        }
        out.extend(
            self.alternatives
                .iter()
                .map(|a| (a.id.as_str(), a.label.as_str())),
        );
        out
    }

    /// This rule and every rule nested in it (under any reading), depth first.
    pub fn walk<'a>(&'a self, out: &mut Vec<&'a Rule>) {
        out.push(self);
        let mut visit = |req: &'a Requirement| match req {
            Requirement::AllOf(a) => a.rules.iter().for_each(|r| r.walk(out)),
            Requirement::AnyOf(a) => a.rules.iter().for_each(|r| r.walk(out)),
            _ => {}
        };
        visit(&self.require);
        for alt in &self.alternatives {
            visit(&alt.require);
        }
    }
}
