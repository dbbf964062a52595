//! Rules of combination made from templates, so a person never writes the rule tree: each
//! template is one of the engine's rule types, filled in with groups or units and a figure.

use crate::catalogue::{
    AllOf, AnyOf, Barred, Count, Group, Level, LevelFilter, Manual, Measure, Reading, ReadingName,
    Requirement, Rule, UnitSet,
};

/// How a count is bounded: at least, at most or exactly `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    AtLeast,
    AtMost,
    Exactly,
}

/// Which level a count admits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelChoice {
    Any,
    At(Level),
    AtOrAbove(Level),
}

/// One rule as a person fills it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Template {
    /// Every unit of these groups (mandatory units).
    AllUnitsOf { groups: Vec<String> },
    /// At least / at most / exactly `n` credits, units or GLH from these groups (every planned
    /// unit when none is named), optionally at or above a level.
    Count {
        measure: Measure,
        bound: Bound,
        n: u32,
        groups: Vec<String>,
        level: LevelChoice,
    },
    /// Not more than `max` of these units together.
    Barred { units: Vec<String>, max: u32 },
    /// Every one of the rules already made with these ids, no unit counting twice (`distinct`).
    AllOf { rules: Vec<String>, distinct: bool },
    /// Any one of the rules already made with these ids (pathways).
    AnyOf { rules: Vec<String> },
    /// Evidence a plan cannot show (practice hours, observations): shown, never judged.
    Evidence,
}

/// What a template cannot be made into, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateError {
    NoGroups,
    NoUnits,
    TooFewUnits,
    TooFewRules,
    UnknownRule(String),
    ZeroFigure,
    NoWording,
    /// A reading needs a name, and so does the first reading of a rule that had one only.
    NoReadingName,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::NoGroups => write!(f, "Choose at least one group."),
            TemplateError::NoUnits => write!(f, "Choose units: the rule names none."),
            TemplateError::TooFewUnits => {
                write!(
                    f,
                    "Choose at least two units that may not be taken together."
                )
            }
            TemplateError::TooFewRules => write!(f, "Choose at least two rules to combine."),
            TemplateError::UnknownRule(id) => write!(f, "There is no rule \u{201c}{id}\u{201d}."),
            TemplateError::ZeroFigure => write!(f, "Give a figure of 1 or more."),
            TemplateError::NoReadingName => write!(
                f,
                "Name each reading as a reader would tell them apart (\u{201c}Exactly level 2\u{201d}, \u{201c}Level 2 or above\u{201d})."
            ),
            TemplateError::NoWording => write!(
                f,
                "Give the rule's wording as the document prints it, so a reader can find it there."
            ),
        }
    }
}

impl Template {
    /// The requirement this template stands for. Rules named by `AllOf` and `AnyOf` are taken
    /// out of `existing` (they become the new rule's parts).
    fn requirement(
        &self,
        existing: &mut Vec<Rule>,
        all_groups: &[Group],
    ) -> Result<Requirement, TemplateError> {
        Ok(match self {
            Template::AllUnitsOf { groups } => {
                if groups.is_empty() {
                    return Err(TemplateError::NoGroups);
                }
                let units = mandatory(groups, all_groups);
                if units.is_empty() {
                    return Err(TemplateError::NoUnits);
                }
                Requirement::Mandatory(units)
            }
            Template::Count {
                measure,
                bound,
                n,
                groups,
                level,
            } => {
                if *n == 0 && *bound != Bound::AtMost {
                    return Err(TemplateError::ZeroFigure);
                }
                let (min, max) = match bound {
                    Bound::AtLeast => (Some(*n), None),
                    Bound::AtMost => (None, Some(*n)),
                    Bound::Exactly => (Some(*n), Some(*n)),
                };
                Requirement::Count(Count {
                    measure: *measure,
                    from: if groups.is_empty() {
                        UnitSet::All
                    } else {
                        UnitSet::Groups(groups.clone())
                    },
                    level: match level {
                        LevelChoice::Any => None,
                        LevelChoice::At(l) => Some(LevelFilter::At(*l)),
                        LevelChoice::AtOrAbove(l) => Some(LevelFilter::AtOrAbove(*l)),
                    },
                    min,
                    max,
                    // Shortfalls name the groups as the document does: "2 more credits from
                    // Optional Unit Group A".
                    set_name: (!groups.is_empty()).then(|| group_names(groups, all_groups)),
                })
            }
            Template::Barred { units, max } => {
                if units.len() < 2 {
                    return Err(TemplateError::TooFewUnits);
                }
                if *max == 0 {
                    return Err(TemplateError::ZeroFigure);
                }
                Requirement::Barred(Barred {
                    units: units.clone(),
                    max: *max,
                })
            }
            Template::AllOf { rules, distinct } => Requirement::AllOf(AllOf {
                rules: take_rules(existing, rules)?,
                distinct: *distinct,
            }),
            Template::AnyOf { rules } => Requirement::AnyOf(AnyOf {
                rules: take_rules(existing, rules)?,
            }),
            Template::Evidence => Requirement::Manual(Manual {}),
        })
    }
}

/// Takes the rules with these ids out of `existing`, in the order given.
fn take_rules(existing: &mut Vec<Rule>, ids: &[String]) -> Result<Vec<Rule>, TemplateError> {
    if ids.len() < 2 {
        return Err(TemplateError::TooFewRules);
    }
    if let Some(id) = ids.iter().find(|id| !existing.iter().any(|r| &r.id == *id)) {
        return Err(TemplateError::UnknownRule(id.clone()));
    }
    Ok(ids
        .iter()
        .filter_map(|id| {
            let at = existing.iter().position(|r| &r.id == id)?;
            Some(existing.remove(at))
        })
        .collect())
}

/// "Every unit of these groups" as the mandatory list of the groups' units as they are now:
/// documents print mandatory units by name.
fn mandatory(groups: &[String], all_groups: &[Group]) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for g in all_groups.iter().filter(|g| groups.contains(&g.id)) {
        for u in &g.units {
            if !units.contains(u) {
                units.push(u.clone());
            }
        }
    }
    units
}

/// The groups' names as a reader knows them ("Group A and Group B"), ids where a group has none.
fn group_names(ids: &[String], all_groups: &[Group]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| {
            all_groups
                .iter()
                .find(|g| &g.id == id)
                .map_or(id.as_str(), |g| g.name.as_str())
        })
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// A rule id no rule in `rules` (nested ones included) has: `r1`, `r2`, ...
pub fn unused_rule_id(rules: &[Rule]) -> String {
    let mut all = Vec::new();
    rules.iter().for_each(|r| r.walk(&mut all));
    (1..)
        .map(|i| format!("r{i}"))
        .find(|id| !all.iter().any(|r| &r.id == id))
        .expect("some number is free")
}

/// Makes `template` into a rule with its printed wording (`text`) and where it is printed
/// (`source`), and adds it to `rules`; rules it combines move inside it. `groups` are the
/// qualification's groups, which templates name by id. On an error nothing changes.
pub fn add_rule(
    rules: &mut Vec<Rule>,
    template: &Template,
    label: &str,
    text: &str,
    source: &str,
    groups: &[Group],
) -> Result<String, TemplateError> {
    if text.trim().is_empty() {
        return Err(TemplateError::NoWording);
    }
    let mut kept = rules.clone();
    let require = template.requirement(&mut kept, groups)?;
    let id = unused_rule_id(rules);
    let label = if label.trim().is_empty() {
        describe(template, groups)
    } else {
        label.trim().to_string()
    };
    kept.push(Rule {
        id: id.clone(),
        label,
        text: text.trim().to_string(),
        source: source.trim().to_string(),
        require,
        reading: None,
        alternatives: Vec::new(),
        decisions: Vec::new(),
    });
    *rules = kept;
    Ok(id)
}

/// How a rule already made can be read another way: the reading's name and why, and, where the
/// rule had one reading only, a name for that one (it stays the default).
pub struct ReadingWords<'a> {
    pub first: &'a str,
    pub label: &'a str,
    pub why: &'a str,
}

/// Adds another reading of the top-level rule `target`: its requirement is made from `template`
/// (rules it combines move inside the reading, so one reading can switch several rules at once:
/// combine them with "all of" both ways). On an error nothing changes. Returns the reading's id.
pub fn add_reading(
    rules: &mut Vec<Rule>,
    target: &str,
    template: &Template,
    words: ReadingWords,
    groups: &[Group],
) -> Result<String, TemplateError> {
    if words.label.trim().is_empty() {
        return Err(TemplateError::NoReadingName);
    }
    let mut kept = rules.clone();
    let require = template.requirement(&mut kept, groups)?;
    let at = kept
        .iter()
        .position(|r| r.id == target)
        .ok_or_else(|| TemplateError::UnknownRule(target.to_string()))?;
    let rule = &mut kept[at];
    if rule.reading.is_none() {
        if words.first.trim().is_empty() {
            return Err(TemplateError::NoReadingName);
        }
        rule.reading = Some(ReadingName {
            id: "reading-1".into(),
            label: words.first.trim().to_string(),
            why: None,
        });
    }
    let id = (2..)
        .map(|i| format!("reading-{i}"))
        .find(|id| {
            rule.reading.as_ref().is_none_or(|r| &r.id != id)
                && !rule.alternatives.iter().any(|a| &a.id == id)
        })
        .expect("some number is free");
    rule.alternatives.push(Reading {
        id: id.clone(),
        label: words.label.trim().to_string(),
        why: Some(words.why.trim().to_string()).filter(|w| !w.is_empty()),
        require,
    });
    *rules = kept;
    Ok(id)
}

/// A short name for a rule made from `template`, used when the person gives none.
pub fn describe(template: &Template, all_groups: &[Group]) -> String {
    let groups = |g: &[String]| {
        if g.is_empty() {
            "any unit".to_string()
        } else {
            group_names(g, all_groups)
        }
    };
    match template {
        Template::AllUnitsOf { groups: g } => format!("Every unit of {}", groups(g)),
        Template::Count {
            measure,
            bound,
            n,
            groups: g,
            level,
        } => {
            let what = match measure {
                Measure::Credits => "credits",
                Measure::Units => "units",
                Measure::Glh => "GLH",
            };
            let bound = match bound {
                Bound::AtLeast => "At least",
                Bound::AtMost => "At most",
                Bound::Exactly => "Exactly",
            };
            let level = match level {
                LevelChoice::Any => String::new(),
                LevelChoice::At(l) => format!(" at {}", l.label()),
                LevelChoice::AtOrAbove(l) => format!(" at {} or above", l.label()),
            };
            format!("{bound} {n} {what} from {}{level}", groups(g))
        }
        Template::Barred { units, max } => {
            format!("Not more than {max} of {}", units.join(", "))
        }
        Template::AllOf { distinct, .. } => {
            if *distinct {
                "All of these, no unit counted twice".into()
            } else {
                "All of these".into()
            }
        }
        Template::AnyOf { .. } => "Any one of these pathways".into(),
        Template::Evidence => "Evidence the plan cannot show".into(),
    }
}
