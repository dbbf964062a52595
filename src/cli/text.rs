//! Plain-text output for people at a terminal.

use crate::catalogue::Catalogue;
use crate::catalogue::QualificationId;
use crate::plan::{
    Carried, CompletionResult, LeftFrom, Minimise, Record, RecordCheck, RecordProgress, UnitStatus,
};
use crate::present::{
    achieved_progress_words, achieved_so_far_words, basis_words, completion_words, entry_words,
    glh_published, left_heading, option_words, or_not_published as or_np, reading_label,
    rule_status, split_totals_words, tqt_label, units_words, verdict,
};
use crate::rules::{RuleResult, Status};
use std::io::Write;

pub fn qualifications(out: &mut dyn Write, c: &Catalogue) {
    for cq in &c.qualifications {
        let q = &cq.qualification;
        let glh = glh_published(q);
        let _ = writeln!(
            out,
            "{:<36} {:<12} {:<8} {:<9} {}\n{:<36} {} | GLH {} | TQT {} | min credits {}{}",
            q.id,
            q.regulator_number.as_deref().unwrap_or("-"),
            q.awarding_body_number.as_deref().unwrap_or("-"),
            q.level.label(),
            q.title,
            "",
            q.awarding_body,
            glh,
            or_np(q.tqt),
            or_np(q.min_credits),
            if q.rules_published {
                ""
            } else {
                " | rules not published"
            },
        );
    }
}

pub fn units(out: &mut dyn Write, c: &Catalogue, q: QualificationId) {
    let cq = &c.qualifications[q];
    let _ = writeln!(out, "{} {}", cq.qualification.id, cq.qualification.title);
    for g in &cq.qualification.groups {
        let _ = writeln!(out, "\n{} ({})", g.name, g.id);
        for code in &g.units {
            if let Some(id) = cq.units.iter().find(|id| &c.unit(**id).unit.code == code) {
                let u = &c.unit(*id).unit;
                let _ = writeln!(
                    out,
                    "  {:<12} {:<9} {:>3} cr {:>4} GLH  {}",
                    u.code,
                    u.level.label(),
                    u.credit
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| "-".into()),
                    u.glh.map(|n| n.to_string()).unwrap_or_else(|| "-".into()),
                    u.title
                );
            }
        }
    }
    if !cq.qualification.rules_published {
        let _ = writeln!(
            out,
            "\nRules of combination: not published. {}",
            cq.qualification.rules_note.as_deref().unwrap_or("")
        );
    }
}

fn rule(out: &mut dyn Write, r: &RuleResult, depth: usize) {
    let mark = match r.status {
        Status::Met => "[met]    ".to_string(),
        Status::Unmet => "[not met]".to_string(),
        Status::NotJudged | Status::Undecided => {
            format!("[{}]", rule_status(r.status).words.to_lowercase())
        }
    };
    let pad = "  ".repeat(depth);
    let _ = writeln!(out, "{pad}{mark} {}", r.meta.label);
    if let Some(s) = &r.shortfall {
        if r.children.is_empty() {
            let _ = writeln!(out, "{pad}          {s}");
        }
    }
    if let Some(reading) = &r.reading {
        let label = reading_label(r).unwrap_or("");
        let _ = writeln!(out, "{pad}          reading: {reading} ({label})");
    }
    for ch in &r.children {
        rule(out, ch, depth + 1);
    }
}

pub fn check(out: &mut dyn Write, c: &Catalogue, rc: &RecordCheck) {
    let check = &rc.whole;
    let cq = &c.qualifications[check.qualification];
    let q = &cq.qualification;
    let verdict = verdict(Some(check)).words;
    let _ = writeln!(out, "{} {}\n{verdict}", q.id, q.title);
    let _ = writeln!(
        out,
        "Totals: {} | credits {} (minimum {}) | GLH {} | {} {}",
        units_words(check.totals.units as usize),
        or_np(check.totals.credits),
        or_np(q.min_credits),
        or_np(check.totals.glh),
        tqt_label(Some(q)),
        or_np(check.totals.tqt),
    );
    record(out, c, rc);
    for r in &check.evaluation.rules {
        rule(out, r, 0);
    }
}

/// What a learner's record adds to a check: achieved so far, totals by status, and each unit
/// that is achieved or in progress. Nothing where every unit is only planned.
fn record(out: &mut dyn Write, c: &Catalogue, rc: &RecordCheck) {
    if !rc.record.has_progress() {
        return;
    }
    let _ = writeln!(out, "{}", achieved_so_far_words(rc));
    let _ = writeln!(out, "{}", split_totals_words(&rc.totals));
    for e in rc.record.entries() {
        if e.status != UnitStatus::Planned {
            let _ = writeln!(out, "  {}", entry_words(c, e));
        }
    }
}

pub fn progress(out: &mut dyn Write, c: &Catalogue, record: &Record, all: &[RecordProgress]) {
    let achieved = !record.with_status(UnitStatus::Achieved).is_empty();
    for rp in all {
        let p = &rp.all;
        let q = &c.qualifications[p.qualification].qualification;
        let state = match p.evaluation.compliant {
            Some(true) => "complete".to_string(),
            Some(false) => format!("{}/{} rules met", p.rules_met, p.rules_total),
            None => "rules not published".to_string(),
        };
        let _ = writeln!(
            out,
            "{:<36} {:>3} unit(s) count, credits {} | {}",
            q.id,
            p.carried.len(),
            or_np(p.totals.credits),
            state
        );
        if achieved {
            let _ = writeln!(out, "    {}", achieved_progress_words(rp, q.min_credits));
        }
        for (from, to, how) in &p.carried {
            if let Carried::Linked(basis) = how {
                let _ = writeln!(
                    out,
                    "    {} counts as {} ({})",
                    c.unit(*from).key,
                    c.unit(*to).unit.code,
                    basis_words(Carried::Linked(*basis))
                );
            }
        }
        if p.evaluation.compliant == Some(false) {
            for r in p
                .evaluation
                .rules
                .iter()
                .filter_map(|r| r.shortfall.as_ref())
            {
                let _ = writeln!(out, "    missing: {r}");
            }
        }
    }
}

pub fn completion(
    out: &mut dyn Write,
    c: &Catalogue,
    rc: &RecordCheck,
    result: &CompletionResult,
    asked: Minimise,
) {
    let q = &c.qualifications[rc.whole.qualification].qualification;
    let _ = writeln!(out, "{} {}", q.id, q.title);
    if rc.record.has_progress() {
        record(out, c, rc);
        let _ = writeln!(out, "{}", left_heading(LeftFrom::Plan));
    }
    let words = completion_words(result, asked);
    let notes: String = words.notes.iter().map(|n| format!(" ({n})")).collect();
    let _ = writeln!(out, "{}{notes}", words.headline);
    match result {
        CompletionResult::AlreadyComplete | CompletionResult::NoRules => {}
        CompletionResult::Impossible { reasons } | CompletionResult::NotFound { reasons } => {
            for r in reasons {
                let _ = writeln!(out, "  {r}");
            }
        }
        CompletionResult::Found {
            options, measure, ..
        } => {
            for (i, o) in options.iter().enumerate() {
                let _ = writeln!(out, "  {}. {}", i + 1, option_words(c, o, *measure));
            }
        }
    }
}
