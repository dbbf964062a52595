//! A qualification's rules, nested ones and alternatives included: ids unique, printed text and
//! source given, every unit and group they name one the qualification has, limits that can hold.

use super::document::Decisions;
use super::units::Codes;
use super::{readings, Problem, Report};
use crate::catalogue::model::{Group, Qualification};
use crate::catalogue::{Requirement, UnitSet};
use std::collections::HashSet;

pub(super) fn check(
    q: &Qualification,
    record: &str,
    codes: &Codes,
    available: &[usize],
    decisions: &Decisions,
    report: &mut Report,
) {
    let mut all_rules = Vec::new();
    for r in &q.rules {
        r.walk(&mut all_rules);
    }
    let mut rule_ids = HashSet::new();
    for r in &all_rules {
        let rrec = format!("{record}, rule {}", r.id);
        if !rule_ids.insert(r.id.as_str()) {
            report.error(&rrec, Problem::RuleIdTwice);
        }
        if r.text.trim().is_empty() || r.source.trim().is_empty() {
            report.error(&rrec, Problem::RuleWithoutTextOrSource);
        }
        decisions.check(&rrec, &r.decisions, report);
        readings::check(r, &rrec, report);
        let within = Within {
            record: &rrec,
            groups: &q.groups,
            available,
            codes,
        };
        within.requirement(&r.require, report);
        for alt in &r.alternatives {
            within.requirement(&alt.require, report);
        }
    }
}

/// What a rule's requirement may name: the qualification's groups and available units.
struct Within<'a> {
    record: &'a str,
    groups: &'a [Group],
    available: &'a [usize],
    codes: &'a Codes,
}

impl Within<'_> {
    fn units(&self, codes: &[String], report: &mut Report) {
        if codes.is_empty() {
            report.error(self.record, Problem::NoUnits);
        }
        for code in codes {
            match self.codes.index(code) {
                None => report.error(self.record, Problem::UnknownUnit(code.clone())),
                Some(i) if !self.available.contains(&i) => {
                    report.error(self.record, Problem::UnitInNoGroup(code.clone()))
                }
                Some(_) => {}
            }
        }
    }

    fn requirement(&self, req: &Requirement, report: &mut Report) {
        let record = self.record;
        match req {
            Requirement::Mandatory(units) => self.units(units, report),
            Requirement::Barred(b) => {
                self.units(&b.units, report);
                if b.units.len() as u32 <= b.max {
                    report.error(record, Problem::BarredNeverBroken(b.units.len(), b.max));
                }
            }
            Requirement::Count(c) => {
                if c.min.is_none() && c.max.is_none() {
                    report.error(record, Problem::CountWithoutLimit);
                }
                if let (Some(lo), Some(hi)) = (c.min, c.max) {
                    if lo > hi {
                        report.error(record, Problem::MinAboveMax(lo, hi));
                    }
                }
                match &c.from {
                    UnitSet::All => {}
                    UnitSet::Units(units) => self.units(units, report),
                    UnitSet::Groups(ids) => {
                        if ids.is_empty() {
                            report.error(record, Problem::NoGroups);
                        }
                        for id in ids
                            .iter()
                            .filter(|id| !self.groups.iter().any(|g| &g.id == *id))
                        {
                            let groups: Vec<&str> =
                                self.groups.iter().map(|g| g.id.as_str()).collect();
                            report.error(
                                record,
                                Problem::UnknownGroup(id.clone(), groups.join(", ")),
                            );
                        }
                    }
                }
            }
            Requirement::AllOf(a) if a.rules.is_empty() => {
                report.error(record, Problem::AllOfEmpty)
            }
            Requirement::AnyOf(a) if a.rules.is_empty() => {
                report.error(record, Problem::AnyOfEmpty)
            }
            Requirement::AllOf(_) | Requirement::AnyOf(_) | Requirement::Manual(_) => {}
        }
    }
}
