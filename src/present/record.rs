//! A learner's record in words: where each unit stands, what is achieved so far against the
//! rules, the totals by status, where a unit achieved under another document's code comes from,
//! and what is left.

use super::figures::{credit_words, glh_words, qualification_name};
use super::finish::day_words;
use super::progress::{basis_words, progress_summary};
use super::verdict::{judgement, rule_status, Judgement};
use crate::catalogue::Catalogue;
use crate::plan::{
    Entry, LeftFrom, Progress, RecordCheck, RecordProgress, Recorded, Source, SplitTotals,
    StatusChoice, Totals, UnitStatus,
};

/// "Planned", "In progress", "Achieved".
pub fn status_words(s: UnitStatus) -> &'static str {
    match s {
        UnitStatus::Planned => "Planned",
        UnitStatus::InProgress => "In progress",
        UnitStatus::Achieved => "Achieved",
    }
}

fn rules(n: usize) -> &'static str {
    if n == 1 {
        "rule"
    } else {
        "rules"
    }
}

/// The achieved units alone against the rules: "Achieved so far: meets 2 of 5 rules",
/// "Achieved so far: meets every rule of combination", "Achieved so far: no unit achieved yet".
pub fn achieved_so_far_words(rc: &RecordCheck) -> String {
    let so_far = &rc.achieved_so_far;
    let (met, total) = so_far.evaluation.rules_met();
    let state = match judgement(Some(so_far)) {
        Judgement::NoRules => {
            "the document publishes no rules of combination to check them against".to_string()
        }
        _ if so_far.planned.is_empty() => "no unit achieved yet".to_string(),
        Judgement::Meets => "meets every rule of combination".to_string(),
        Judgement::MeetsWithEvidence { open } => format!(
            "meets every rule the units can show; {open} {} evidence from outside the plan",
            if open == 1 {
                "rule needs"
            } else {
                "rules need"
            }
        ),
        Judgement::CannotJudge { undecided } => format!(
            "meets {met} of {total} {}; {undecided} cannot be judged from the document's figures",
            rules(total)
        ),
        Judgement::NotYet { .. }
        | Judgement::NothingPlanned { .. }
        | Judgement::NoQualification => {
            format!("meets {met} of {total} {}", rules(total))
        }
    };
    format!("Achieved so far: {state}")
}

/// "2 units, 8 credits, 60 GLH", with "credits not published" where a unit prints none.
fn totals_phrase(t: &Totals) -> String {
    let units = match t.units {
        1 => "1 unit".to_string(),
        n => format!("{n} units"),
    };
    format!("{units}, {}, {}", credit_words(t.credits), glh_words(t.glh))
}

/// The totals by status, a row each: ("Achieved", "2 units, 8 credits, 60 GLH"), ("In
/// progress", ...), ("Planned, not started", ...).
pub fn split_totals_rows(t: &SplitTotals) -> [(&'static str, String); 3] {
    [
        (
            status_words(UnitStatus::Achieved),
            totals_phrase(&t.achieved),
        ),
        (
            status_words(UnitStatus::InProgress),
            totals_phrase(&t.in_progress),
        ),
        ("Planned, not started", totals_phrase(&t.to_do)),
    ]
}

/// "Achieved: 2 units, 8 credits, 60 GLH • In progress: 1 unit, 5 credits, 33 GLH • Planned,
/// not started: 0 units, 0 credits, 0 GLH", with "credits not published" where a unit prints none.
pub fn split_totals_words(t: &SplitTotals) -> String {
    split_totals_rows(t)
        .map(|(label, words)| format!("{label}: {words}"))
        .join(" \u{2022} ")
}

/// "as CU792, EDI (the same title, level and credit value)".
fn as_source(c: &Catalogue, source: &Source) -> String {
    let cu = c.unit(source.unit);
    let body = &c.documents[cu.doc].document.awarding_body;
    format!("as {}, {body} ({})", cu.unit.code, basis_words(source.how))
}

/// Where a unit was achieved (or is studied): "achieved as CU792, EDI (the same title, level and
/// credit value)".
pub fn source_words(c: &Catalogue, status: UnitStatus, source: &Source) -> String {
    let done = match status {
        UnitStatus::Achieved => "achieved",
        UnitStatus::InProgress => "studied",
        UnitStatus::Planned => "planned",
    };
    format!("{done} {}", as_source(c, source))
}

/// One unit of the record: "L/601/1614 achieved as CU792, EDI (the same title, level and credit
/// value)", "R/601/1209 achieved on 2024-03-01 by exemption: prior learning; evidence: ...",
/// "F/601/1609 in progress", "A/601/1222 planned".
pub fn entry_words(c: &Catalogue, entry: &Entry) -> String {
    let code = &c.unit(entry.unit).unit.code;
    let mut s = match entry.status {
        UnitStatus::Planned => format!("{code} planned"),
        UnitStatus::InProgress => format!("{code} in progress"),
        UnitStatus::Achieved => format!("{code} achieved"),
    };
    if let Some(a) = &entry.achievement {
        if let Some(on) = &a.on {
            s.push_str(&format!(" on {on}"));
        }
    }
    if let Some(source) = &entry.source {
        s.push_str(&format!(" {}", as_source(c, source)));
    }
    if let Some(a) = &entry.achievement {
        if let Some(reason) = &a.exemption {
            s.push_str(&format!(" by exemption: {reason}"));
        }
        if let Some(evidence) = &a.evidence {
            s.push_str(&format!("; evidence: {evidence}"));
        }
    }
    s
}

/// What a person chooses a planned unit's status from: "Planned", "In progress", "Achieved",
/// "Exempt".
pub fn choice_words(c: StatusChoice) -> &'static str {
    match c {
        StatusChoice::Planned => "Planned",
        StatusChoice::InProgress => "In progress",
        StatusChoice::Achieved => "Achieved",
        StatusChoice::Exempt => "Exempt",
    }
}

/// What is known of a unit's record beyond its status, one phrase each, to follow the status:
/// "as CU793, EDI (the same title, level and credit value)", "on 1 March 2024", "exempt: prior
/// learning", "evidence: certificate seen".
pub fn entry_details(c: &Catalogue, entry: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(source) = &entry.source {
        out.push(as_source(c, source));
    }
    if let Some(a) = &entry.achievement {
        if let Some(on) = a.on {
            out.push(format!("on {}", day_words(on)));
        }
        if let Some(reason) = &a.exemption {
            out.push(format!("exempt: {reason}"));
        }
        if let Some(evidence) = &a.evidence {
            out.push(format!("evidence: {evidence}"));
        }
    }
    out
}

/// A unit's status and what is known of it, for the printed page: "Achieved as CU793, EDI (the
/// same title, level and credit value); on 1 March 2024", "In progress".
pub fn record_line(c: &Catalogue, entry: &Entry) -> String {
    let details = entry_details(c, entry);
    let mut line = status_words(entry.status).to_string();
    for (i, d) in details.iter().enumerate() {
        line.push_str(if i == 0 && d.starts_with("as ") {
            " "
        } else {
            "; "
        });
        line.push_str(d);
    }
    line
}

/// What a completion of a record starts from.
pub fn left_heading(from: LeftFrom) -> &'static str {
    match from {
        LeftFrom::Held => "What is left, from the units achieved and in progress:",
        LeftFrom::Plan => "What is left, keeping every unit of the plan:",
    }
}

/// The achieved units' progress towards one qualification: "Achieved so far: 1 unit counts •
/// 4 of 28 credits • 1 of 6 rules met", or "Achieved so far: no achieved unit counts here".
pub fn achieved_progress_words(p: &RecordProgress, min_credits: Option<u32>) -> String {
    if p.achieved.carried.is_empty() {
        "Achieved so far: no achieved unit counts here".to_string()
    } else {
        format!(
            "Achieved so far: {}",
            progress_summary(&p.achieved, min_credits)
        )
    }
}

/// A unit typed twice: "unit 001 is listed more than once; counted once".
pub fn repeated_words(typed: &str) -> String {
    format!("unit {typed} is listed more than once; counted once")
}

/// A qualification the achieved units count towards: "Level 3 Award in Business Skills (City &
/// Guilds 7593-03): 2 units count • 9 of 13 credits • 1 of 3 rules met".
pub fn progression_words(c: &Catalogue, p: &Progress) -> String {
    let q = &c.qualifications[p.qualification].qualification;
    format!(
        "{}: {}",
        qualification_name(q),
        progress_summary(p, q.min_credits)
    )
}

/// Each rule for the achieved units alone, a line each: "Met: Mandatory Units", "Not met:
/// Optional Unit Group A: 1 more unit from Optional Unit Group A".
pub fn achieved_rule_lines(rc: &RecordCheck) -> Vec<String> {
    rc.achieved_so_far
        .evaluation
        .rules
        .iter()
        .map(|r| {
            let mut line = format!("{}: {}", rule_status(r.status).words, r.meta.label);
            if let Some(s) = &r.shortfall {
                line.push_str(&format!(": {s}"));
            }
            line
        })
        .collect()
}

/// What recording a unit achieved did: "Recorded R/601/1209 as achieved (typed as CU793)."
pub fn recorded_words(r: &Recorded, typed: &str) -> String {
    let typed = typed.trim();
    if r.code == typed {
        format!("Recorded {} as achieved.", r.code)
    } else {
        format!("Recorded {} as achieved (typed as {typed}).", r.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_unit_is_named_with_what_was_typed_where_that_differs() {
        let r = Recorded {
            code: "R/601/1209".into(),
            added: true,
        };
        assert_eq!(
            recorded_words(&r, " CU793 "),
            "Recorded R/601/1209 as achieved (typed as CU793)."
        );
        assert_eq!(
            recorded_words(&r, "R/601/1209"),
            "Recorded R/601/1209 as achieved."
        );
    }
}
