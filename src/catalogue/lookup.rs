//! Finding a qualification or a unit by any code a user may hold.

use super::build::{Catalogue, CatalogueQualification, QualificationId, UnitId};
use crate::sort::SmallSort;
use std::fmt;

/// Codes compare without case, spaces or a leading "unit".
pub fn normalise_code(code: &str) -> String {
    let s: String = code
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    UnknownQualification {
        input: String,
        suggestions: Vec<String>,
    },
    AmbiguousQualification {
        input: String,
        candidates: Vec<String>,
    },
    UnknownUnit {
        input: String,
        qualification: String,
        suggestions: Vec<String>,
    },
    AmbiguousUnit {
        input: String,
        candidates: Vec<String>,
    },
    /// A unit held (achieved or in progress), which may be named by any document's code, that no
    /// document prints; `suggestions` are the qualification's own codes close to it.
    UnknownAnywhere {
        input: String,
        suggestions: Vec<String>,
    },
    /// A unit the catalogue holds, which counts as no unit of the qualification (neither
    /// offered by it nor linked to a unit it offers).
    CountsNowhere {
        input: String,
        unit: String,
        qualification: String,
    },
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LookupError::UnknownQualification { input, suggestions } => {
                write!(f, "unknown qualification {input:?}: expected an id, a regulator number (such as 600/5469/4), an awarding-body number (such as 4411-30) or part of a title")?;
                write_list(f, "did you mean", suggestions)
            }
            LookupError::AmbiguousQualification { input, candidates } => {
                write!(f, "qualification {input:?} is ambiguous: it matches {} qualifications; be more specific", candidates.len())?;
                write_list(f, "candidates", candidates)
            }
            LookupError::UnknownUnit {
                input,
                qualification,
                suggestions,
            } => {
                write!(f, "unknown unit {input:?} in {qualification}: expected a unit code as that qualification's document prints it, or its unit accreditation number")?;
                write_list(f, "did you mean", suggestions)
            }
            // In words the planner's record panel shows as they are.
            LookupError::UnknownAnywhere { input, suggestions } => {
                write!(f, "No awarding body\u{2019}s document in the catalogue prints a unit {}: give the unit\u{2019}s code as its document prints it (such as CU791 or F/601/1609) or its unit accreditation number", crate::limits::excerpt(input))?;
                if !suggestions.is_empty() {
                    write!(f, ". Codes of this qualification close to it: {}", suggestions.join(", "))?;
                }
                Ok(())
            }
            LookupError::CountsNowhere {
                input,
                unit,
                qualification,
            } => write!(
                f,
                "unit {input:?} ({unit}) does not count towards {qualification}: the qualification does not offer it and the catalogue links it to none of its units"
            ),
            LookupError::AmbiguousUnit { input, candidates } => {
                write!(
                    f,
                    "unit {input:?} is printed in more than one document: name it as DOCUMENT:CODE"
                )?;
                write_list(f, "candidates", candidates)
            }
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, head: &str, items: &[String]) -> fmt::Result {
    if !items.is_empty() {
        write!(f, "\n  {head}:")?;
        for item in items {
            write!(f, "\n    {item}")?;
        }
    }
    Ok(())
}

impl std::error::Error for LookupError {}

impl Catalogue {
    /// Finds a qualification by id, regulator number, awarding-body number, or an unambiguous part
    /// of its title (case-insensitive).
    pub fn find_qualification(&self, input: &str) -> Result<QualificationId, LookupError> {
        self.find_qualification_index(input).map(QualificationId)
    }

    fn find_qualification_index(&self, input: &str) -> Result<usize, LookupError> {
        let needle = normalise_code(input);
        let exact: Vec<usize> = self
            .qualifications
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                let q = &q.qualification;
                [
                    Some(&q.id),
                    q.regulator_number.as_ref(),
                    q.awarding_body_number.as_ref(),
                ]
                .into_iter()
                .flatten()
                .any(|c| normalise_code(c) == needle)
            })
            .map(|(i, _)| i)
            .collect();
        if exact.len() == 1 {
            return Ok(exact[0]);
        }
        // The start of an id ("cg-l3-nsvq") names a qualification too.
        let by_id: Vec<usize> = if exact.is_empty() && needle.len() >= 3 {
            self.qualifications
                .iter()
                .enumerate()
                .filter(|(_, q)| normalise_code(&q.qualification.id).starts_with(&needle))
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        if by_id.len() == 1 {
            return Ok(by_id[0]);
        }
        let pool: Vec<usize> = if exact.is_empty() {
            let words = title_words(input);
            self.qualifications
                .iter()
                .enumerate()
                .filter(|(_, q)| {
                    !words.is_empty()
                        && contains_words(&title_words(&q.qualification.title), &words)
                })
                .map(|(i, _)| i)
                .collect()
        } else {
            exact
        };
        match pool.len() {
            1 => Ok(pool[0]),
            0 => Err(LookupError::UnknownQualification {
                input: input.to_string(),
                suggestions: self.nearest_qualifications(input),
            }),
            _ => Err(LookupError::AmbiguousQualification {
                input: input.to_string(),
                candidates: pool
                    .iter()
                    .map(|i| describe(&self.qualifications[*i]))
                    .collect(),
            }),
        }
    }

    fn nearest_qualifications(&self, input: &str) -> Vec<String> {
        let needle = normalise_code(input);
        let mut scored: Vec<(usize, usize)> = self
            .qualifications
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let q = &q.qualification;
                let best = [
                    Some(&q.id),
                    q.regulator_number.as_ref(),
                    q.awarding_body_number.as_ref(),
                ]
                .into_iter()
                .flatten()
                .map(|c| edit_distance(&normalise_code(c), &needle))
                .min()
                .unwrap_or(usize::MAX);
                (best, i)
            })
            .collect();
        scored.sort_small();
        scored
            .into_iter()
            .filter(|(d, _)| *d <= 3)
            .take(5)
            .map(|(_, i)| describe(&self.qualifications[i]))
            .collect()
    }

    /// Finds a unit available in a qualification by the code its document prints, another code
    /// that document prints for it, or its UAN. Case and spaces are ignored.
    pub fn find_unit(
        &self,
        q: &CatalogueQualification,
        input: &str,
    ) -> Result<UnitId, LookupError> {
        let needle = normalise_code(
            input
                .trim_start_matches(['U', 'u'])
                .trim_start_matches("nit"),
        );
        let plain = normalise_code(input);
        let matches = |id: &UnitId| {
            let u = &self.unit(*id).unit;
            let code = normalise_code(&u.code);
            code == plain
                || code == needle
                || u.uan.as_deref().map(normalise_code).as_deref() == Some(plain.as_str())
                || u.other_codes
                    .iter()
                    .any(|c| normalise_code(&c.code) == plain)
        };
        // The document's own code wins over another code scheme that happens to collide.
        if let Some(id) = q.units.iter().find(|id| {
            let code = normalise_code(&self.unit(**id).unit.code);
            code == plain || code == needle
        }) {
            return Ok(*id);
        }
        if let Some(id) = q.units.iter().find(|id| matches(id)) {
            return Ok(*id);
        }
        let mut scored: Vec<(usize, UnitId)> = q
            .units
            .iter()
            .map(|id| {
                (
                    edit_distance(&normalise_code(&self.unit(*id).unit.code), &plain),
                    *id,
                )
            })
            .collect();
        scored.sort_small();
        let mut suggestions: Vec<String> = scored
            .iter()
            .filter(|(d, _)| *d <= 2)
            .take(5)
            .map(|(_, id)| {
                let u = &self.unit(*id).unit;
                format!("{} {}", u.code, u.title)
            })
            .collect();
        // A code from another document for the same unit: point to this document's code.
        for other in self.units.iter().enumerate().filter(|(_, u)| {
            normalise_code(&u.unit.code) == plain
                || u.unit.uan.as_deref().map(normalise_code).as_deref() == Some(plain.as_str())
        }) {
            for (same, _) in self.same_units(UnitId::at(other.0)) {
                if q.units.contains(&same) {
                    let u = &self.unit(same).unit;
                    suggestions.insert(
                        0,
                        format!(
                            "{} {} (the same unit as {} in document {})",
                            u.code,
                            u.title,
                            other.1.unit.code,
                            self.documents[other.1.doc].document.id
                        ),
                    );
                }
            }
        }
        suggestions.dedup();
        Err(LookupError::UnknownUnit {
            input: input.to_string(),
            qualification: describe(q),
            suggestions,
        })
    }
}

impl Catalogue {
    /// Every unit of any document that `input` names: the one unit of a `DOCUMENT:CODE` key,
    /// else each whose printed code or UAN it is (case and spaces ignored), in catalogue order.
    fn units_named(&self, input: &str) -> Vec<UnitId> {
        if let Some(id) = self.unit_by_key(input.trim()) {
            return vec![id];
        }
        let plain = normalise_code(input);
        (0..self.units.len())
            .map(UnitId::at)
            .filter(|id| {
                let u = &self.unit(*id).unit;
                normalise_code(&u.code) == plain
                    || u.uan.as_deref().map(normalise_code).as_deref() == Some(plain.as_str())
            })
            .collect()
    }
}

/// Units named anywhere in the catalogue, each once, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundUnits {
    pub units: Vec<UnitId>,
    /// What was typed for a unit already named earlier (counted once).
    pub repeated: Vec<String>,
}

impl Catalogue {
    /// Finds each of `inputs` anywhere in the catalogue (`find_unit_anywhere`), each unit once;
    /// the first input that names no unit, or more than one, is the error.
    pub fn find_units_anywhere(&self, inputs: &[String]) -> Result<FoundUnits, LookupError> {
        let mut found = FoundUnits {
            units: Vec::new(),
            repeated: Vec::new(),
        };
        for input in inputs {
            let id = self.find_unit_anywhere(input)?;
            if found.units.contains(&id) {
                found.repeated.push(input.clone());
            } else {
                found.units.push(id);
            }
        }
        Ok(found)
    }

    /// Finds a unit anywhere in the catalogue: by `DOCUMENT:CODE`, by a code or UAN printed in
    /// exactly one document, or by a UAN whose records are all linked as the same unit.
    pub fn find_unit_anywhere(&self, input: &str) -> Result<UnitId, LookupError> {
        let hits = self.units_named(input);
        let all_same = hits
            .iter()
            .all(|h| *h == hits[0] || self.same_units(hits[0]).iter().any(|(o, _)| o == h));
        match hits.as_slice() {
            [] => Err(LookupError::UnknownUnit {
                input: input.to_string(),
                qualification: "the catalogue".to_string(),
                suggestions: Vec::new(),
            }),
            [first, ..] if all_same => Ok(*first),
            _ => Err(LookupError::AmbiguousUnit {
                input: input.to_string(),
                candidates: hits
                    .iter()
                    .map(|h| format!("{} {}", self.unit(*h).key, self.unit(*h).unit.title))
                    .collect(),
            }),
        }
    }
}

/// A qualification as messages name it: its id, title and regulator number.
pub(crate) fn describe(q: &CatalogueQualification) -> String {
    let q = &q.qualification;
    let mut s = format!("{} {}", q.id, q.title);
    if let Some(n) = &q.regulator_number {
        s.push_str(&format!(" ({n})"));
    }
    s
}

fn title_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphanumeric() && c != '/')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// The input's words appear in the title in order, each as a whole word or a word's start.
fn contains_words(title: &[String], words: &[String]) -> bool {
    let mut at = 0;
    for w in words {
        match title[at..]
            .iter()
            .position(|t| t == w || t.starts_with(w.as_str()))
        {
            Some(p) => at += p + 1,
            None => return false,
        }
    }
    true
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}
