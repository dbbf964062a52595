//! A plan from a link, shown as it is before anything is saved: its name, qualification, units,
//! the readings it uses and its verdict; and the messages about links (refused, saved, copied).

use super::options::{unit_line, UnitLine};
use super::record::record_line;
use super::verdict::{missing, reading_label, verdict, Verdict};
use crate::catalogue::Catalogue;
use crate::plan::{check, share::ShareError, Check, Plan, UnitStatus};
use crate::rules::RuleResult;

/// Said under a shared plan: it is shown, not yet kept.
pub const SHARED_READ_ONLY: &str =
    "Shown as the link has it: nothing is saved until you choose \u{201c}Save as a new plan\u{201d}.";

/// Said under a plan with no units yet, as the editor opens the planner with.
pub const NEW_PLAN_NOTE: &str =
    "It has no units yet. Choose \u{201c}Save as a new plan\u{201d} to plan on this qualification; nothing is saved until you do.";

/// Said when a link could not be put on the clipboard: the person copies it by hand.
pub const LINK_NOT_COPIED: &str = "The link could not be copied by the browser. It is selected in the box \u{201c}Link to this plan\u{201d}: copy it from there (Ctrl+C, \u{2318}C on a Mac, or press and hold on a phone).";

/// Said beside "Copy link" once the link is copied (a status: a screen reader hears it too).
pub const LINK_COPIED_MARK: &str = "\u{2713} Copied";

/// A shared plan in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedPlanWords {
    /// "A plan from a link"; for a plan with no units (the editor's "Use in the planner"),
    /// "A new plan on …".
    pub heading: String,
    /// "A shared plan, “For Sam”: 2 units towards …: 002, 001."
    pub summary: String,
    /// What saving does.
    pub note: &'static str,
    /// The qualification's title, or the id where this catalogue does not hold it.
    pub qualification: String,
    pub units: Vec<SharedUnit>,
    /// "Entry 3 units 001-010: The 4 credits include the mandatory unit 002 (chosen in the link;
    /// not the document's default)", for every rule read more than one way.
    pub readings: Vec<String>,
    pub verdict: Verdict,
    /// Each unmet rule's label and shortfall.
    pub missing: Vec<(String, String)>,
}

/// A unit of a shared plan: its line, and where the learner's record the link carries says it
/// stands beyond planned ("Achieved on 1 March 2024", "In progress").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedUnit {
    pub line: UnitLine,
    pub record: Option<String>,
}

/// The readings a check used, for every rule (parts too) that can be read more than one way.
pub fn readings_used(check: &Check) -> Vec<String> {
    fn walk(rules: &[RuleResult], out: &mut Vec<String>) {
        for r in rules {
            if let Some(label) = reading_label(r) {
                let default = r.meta.readings.first().map(|(id, _)| id) == r.reading.as_ref();
                out.push(format!(
                    "{}: {label}{}",
                    r.meta.label,
                    if default {
                        " (the document's default)"
                    } else {
                        " (chosen in the link; not the document's default)"
                    }
                ));
            }
            walk(&r.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&check.evaluation.rules, &mut out);
    out
}

/// A shared plan as it reads before it is saved, checked against the catalogue as it is now.
pub fn shared_plan_words(c: &Catalogue, plan: &Plan) -> SharedPlanWords {
    let cq = c.qualification(&plan.qualification);
    let qualification = cq.map_or_else(
        || plan.qualification.clone(),
        |q| q.qualification.title.clone(),
    );
    let n = plan.units.len();
    let (heading, note) = if n == 0 {
        (format!("A new plan on {qualification}"), NEW_PLAN_NOTE)
    } else {
        ("A plan from a link".to_string(), SHARED_READ_ONLY)
    };
    let summary = if n == 0 {
        format!(
            "A new plan, \u{201c}{}\u{201d}, towards {qualification}.",
            plan.name
        )
    } else {
        format!(
            "A shared plan, \u{201c}{}\u{201d}: {} towards {qualification}: {}.",
            plan.name,
            super::units_words(n),
            plan.units.join(", ")
        )
    };
    let record = (!plan.record.is_empty()).then(|| plan.record(c)).flatten();
    let units = plan
        .units
        .iter()
        .map(
            |code| match cq.and_then(|q| c.offered_unit(q, code).map(|id| (q, id))) {
                Some((q, id)) => SharedUnit {
                    line: unit_line(c, q, id),
                    record: (record.as_ref())
                        .and_then(|(_, r)| r.entry(id))
                        .filter(|e| e.status != UnitStatus::Planned)
                        .map(|e| record_line(c, e)),
                },
                None => SharedUnit {
                    line: UnitLine {
                        code: code.clone(),
                        title: String::new(),
                        about: "not a unit of this qualification here".to_string(),
                    },
                    record: None,
                },
            },
        )
        .collect();
    let checked = plan
        .resolve(c)
        .map(|(q, ids)| check(c, q, &ids, &plan.readings));
    SharedPlanWords {
        heading,
        summary,
        note,
        qualification,
        units,
        readings: checked.as_ref().map(readings_used).unwrap_or_default(),
        verdict: verdict(checked.as_ref()),
        missing: checked.as_ref().map(missing).unwrap_or_default(),
    }
}

/// A link that could not be opened.
pub fn link_refused(e: &ShareError) -> String {
    format!("The link's plan could not be opened: {e}. Nothing was changed.")
}

/// A plan offered (from a link or the editor) kept as a plan of its own (under `name`, which may have been made unique).
pub fn shared_plan_saved(name: &str) -> String {
    format!("The plan is saved as \u{201c}{name}\u{201d} and open.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::embedded;
    use crate::plan::share;
    use crate::present::Tone;

    #[test]
    fn a_shared_plan_reads_with_its_units_readings_and_verdict() {
        let c = embedded();
        let plan = share::decode(
            "#q=cg-4411-30&u=002,001,104,106&r=entry3-min:inclusive&n=For%20Sam",
            c,
        )
        .unwrap();
        let w = shared_plan_words(c, &plan);
        let title = &c.qualification("cg-4411-30").unwrap().qualification.title;
        assert_eq!(
            w.summary,
            format!("A shared plan, \u{201c}For Sam\u{201d}: 4 units towards {title}: 002, 001, 104, 106.")
        );
        assert_eq!(&w.qualification, title);
        assert_eq!(
            w.units
                .iter()
                .map(|u| u.line.code.as_str())
                .collect::<Vec<_>>(),
            ["002", "001", "104", "106"]
        );
        assert!(w.units.iter().all(|u| !u.line.title.is_empty()
            && u.line.about.contains("credit")
            && u.record.is_none()));
        assert_eq!(
            w.readings,
            ["Entry 3 units 001-010: The 4 credits include the mandatory unit 002 (chosen in the link; not the document's default)"]
        );
        // The same verdict as the plan checked any other way.
        let (q, ids) = plan.resolve(c).unwrap();
        let checked = check(c, q, &ids, &plan.readings);
        assert_eq!(w.verdict, verdict(Some(&checked)));
        assert_eq!(w.verdict.tone, Tone::Met);
        assert!(w.missing.is_empty());

        let plan = share::decode("#q=cg-4411-30&u=002&n=One", c).unwrap();
        let w = shared_plan_words(c, &plan);
        assert!(w.summary.contains(": 1 unit towards "), "{}", w.summary);
        assert_eq!(w.verdict.tone, Tone::Unmet);
        assert!(!w.missing.is_empty());
        assert_eq!(
            w.readings,
            ["Entry 3 units 001-010: The 4 credits come on top of the mandatory unit 002 (the document's default)"]
        );
        // The learner's record the link carries shows beside each unit it moves on from planned.
        let plan = share::decode(
            "#q=edi-l2-nvq-customer-service&u=CU791,CU792,CU795&h=CU791:a,CU792:p&n=Rec",
            c,
        )
        .unwrap();
        let w = shared_plan_words(c, &plan);
        let records: Vec<(&str, Option<&str>)> = (w.units.iter())
            .map(|u| (u.line.code.as_str(), u.record.as_deref()))
            .collect();
        assert_eq!(
            records,
            [
                ("CU791", Some("Achieved")),
                ("CU792", Some("In progress")),
                ("CU795", None)
            ]
        );
        // A plan with no units (the editor opens the planner with one) is offered as new.
        let plan = share::decode("#q=cg-4411-30&n=None", c).unwrap();
        let w = shared_plan_words(c, &plan);
        assert_eq!(
            w.summary,
            format!("A new plan, \u{201c}None\u{201d}, towards {title}.")
        );
        assert_eq!(w.heading, format!("A new plan on {title}"));
        assert_eq!(w.note, NEW_PLAN_NOTE);
        let plan = share::decode("#q=cg-4411-30&u=002&n=One", c).unwrap();
        let w = shared_plan_words(c, &plan);
        assert_eq!(
            (w.heading.as_str(), w.note),
            ("A plan from a link", SHARED_READ_ONLY)
        );
    }

    #[test]
    fn link_messages() {
        let c = embedded();
        let e = share::decode("#q=cg-4411-30&u=999", c).unwrap_err();
        let m = link_refused(&e);
        assert!(
            m.starts_with("The link's plan could not be opened: "),
            "{m}"
        );
        assert!(m.ends_with(". Nothing was changed."), "{m}");
        assert_eq!(
            shared_plan_saved("For Sam 2"),
            "The plan is saved as \u{201c}For Sam 2\u{201d} and open."
        );
    }
}
