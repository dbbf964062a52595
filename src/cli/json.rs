//! `--json` output. Field names are a contract (the command-line section of the README): add
//! fields, never rename them.

use crate::catalogue::QualificationId;
use crate::catalogue::{Catalogue, UnitId};
use crate::plan::{
    Carried, CompletionResult, Record, RecordCheck, RecordProgress, Totals, UnitStatus,
};
use crate::present::{achieved_progress_words, achieved_so_far_words, entry_words};
use crate::rules::{Measure, RuleResult, Status};
use serde_json::{json, Value};
use std::io::Write;

pub fn print(out: &mut dyn Write, value: &Value) {
    let _ = writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

pub fn qualifications(c: &Catalogue) -> Value {
    Value::Array(
        c.qualifications
            .iter()
            .map(|cq| {
                let q = &cq.qualification;
                json!({
                    "id": q.id,
                    "title": q.title,
                    "awarding_body": q.awarding_body,
                    "awarding_body_number": q.awarding_body_number,
                    "regulator_number": q.regulator_number,
                    "level": q.level.to_string(),
                    "size": q.size.as_str(),
                    "glh": q.glh,
                    "glh_range": q.glh_range,
                    "tqt": q.tqt,
                    "min_credits": q.min_credits,
                    "document": c.document_of(cq).document.id,
                    "rules_published": q.rules_published,
                    "rules_note": q.rules_note,
                    "units": cq.units.len(),
                })
            })
            .collect(),
    )
}

pub fn units(c: &Catalogue, q: QualificationId) -> Value {
    let cq = &c.qualifications[q];
    Value::Array(
        cq.units
            .iter()
            .map(|id| {
                let cu = c.unit(*id);
                let u = &cu.unit;
                let groups: Vec<&crate::catalogue::Group> = cq
                    .groups_of(*id)
                    .into_iter()
                    .map(|g| &cq.qualification.groups[g])
                    .collect();
                json!({
                    "code": u.code,
                    "uan": u.uan,
                    "title": u.title,
                    "level": u.level.to_string(),
                    "credit": u.credit,
                    "glh": u.glh,
                    "groups": groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
                    "group_ids": groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
                    "id": cu.key,
                    "other_codes": u.other_codes.iter().map(|o| json!({"scheme": o.scheme, "code": o.code})).collect::<Vec<_>>(),
                    "learning_outcomes": u.learning_outcomes,
                    "assessment_criteria": u.assessment_criteria,
                    "same_as": c.same_units(*id).iter().map(|(o, basis)| json!({
                        "id": c.unit(*o).key,
                        "basis": basis,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

fn codes(c: &Catalogue, ids: &[UnitId]) -> Vec<String> {
    ids.iter().map(|id| c.unit(*id).unit.code.clone()).collect()
}

fn rule(c: &Catalogue, r: &RuleResult) -> Value {
    let met = match r.status {
        Status::Met => Value::Bool(true),
        Status::Unmet => Value::Bool(false),
        Status::NotJudged | Status::Undecided => Value::Null,
    };
    let mut v = json!({
        "id": r.meta.id,
        "text": r.meta.text,
        "met": met,
        "shortfall": r.shortfall,
        "label": r.meta.label,
        "source": r.meta.source,
        "counted": codes(c, &r.counted),
        "reading": r.reading,
        "readings": r.meta.readings.iter().map(|(id, label)| json!({"id": id, "label": label})).collect::<Vec<_>>(),
    });
    if let Some(p) = r.meter {
        v["progress"] = json!({
            "measure": match p.measure { Measure::Credits => "credits", Measure::Units => "units", Measure::Glh => "glh" },
            "value": p.value,
            "min": p.min,
            "max": p.max,
        });
    }
    if !r.children.is_empty() {
        v["children"] = Value::Array(r.children.iter().map(|ch| rule(c, ch)).collect());
    }
    v
}

fn totals(t: &Totals) -> Value {
    json!({"units": t.units, "credits": t.credits, "glh": t.glh, "tqt": t.tqt})
}

fn basis(how: Carried) -> String {
    match how {
        Carried::Same => "same record".to_string(),
        Carried::Linked(b) => serde_json::to_value(b)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
    }
}

/// Each unit of the record: its status, and where an achieved or in-progress unit was recorded
/// under another document's code.
fn record_entries(c: &Catalogue, record: &Record) -> Value {
    Value::Array(
        record
            .entries()
            .iter()
            .map(|e| {
                let a = e.achievement.as_ref();
                json!({
                    "unit": c.unit(e.unit).unit.code,
                    "status": e.status.as_str(),
                    "achieved_as": e.source.map(|s| {
                        let cu = c.unit(s.unit);
                        json!({
                            "id": cu.key,
                            "code": cu.unit.code,
                            "awarding_body": c.documents[cu.doc].document.awarding_body,
                            "basis": basis(s.how),
                        })
                    }),
                    "date": a.and_then(|a| a.on.as_ref()).map(|d| d.to_string()),
                    "evidence": a.and_then(|a| a.evidence.as_deref()),
                    "exemption": a.and_then(|a| a.exemption.as_deref()),
                    "words": entry_words(c, e),
                })
            })
            .collect(),
    )
}

pub fn check(c: &Catalogue, rc: &RecordCheck) -> Value {
    let check = &rc.whole;
    let cq = &c.qualifications[check.qualification];
    let so_far = &rc.achieved_so_far;
    let (met, judged) = so_far.evaluation.rules_met();
    let mut all_totals = totals(&check.totals);
    all_totals["achieved"] = totals(&rc.totals.achieved);
    all_totals["in_progress"] = totals(&rc.totals.in_progress);
    all_totals["to_do"] = totals(&rc.totals.to_do);
    json!({
        "qualification": cq.qualification.id,
        "title": cq.qualification.title,
        "compliant": check.evaluation.compliant,
        "rules_published": cq.qualification.rules_published,
        "rules_note": cq.qualification.rules_note,
        "min_credits": cq.qualification.min_credits,
        "totals": all_totals,
        "units": codes(c, &check.planned),
        "achieved": codes(c, &rc.record.with_status(UnitStatus::Achieved)),
        "in_progress": codes(c, &rc.record.with_status(UnitStatus::InProgress)),
        "record": record_entries(c, &rc.record),
        "duplicates": check.duplicates,
        "rules": check.evaluation.rules.iter().map(|r| rule(c, r)).collect::<Vec<_>>(),
        "barred": check.evaluation.barred.iter().map(|(u, by)| json!({
            "unit": c.unit(*u).unit.code,
            "by": codes(c, by),
        })).collect::<Vec<_>>(),
        // Planned units that cannot be taken together, each with those it clashes with.
        "clashes": check.evaluation.clashes.iter().map(|(u, with)| json!({
            "unit": c.unit(*u).unit.code,
            "with": codes(c, with),
        })).collect::<Vec<_>>(),
        "achieved_so_far": {
            "compliant": so_far.evaluation.compliant,
            "verdict": achieved_so_far_words(rc),
            "rules_met": met,
            "rules_total": judged,
            "units": codes(c, &so_far.planned),
            "rules": so_far.evaluation.rules.iter().map(|r| rule(c, r)).collect::<Vec<_>>(),
        },
    })
}

pub fn progress(c: &Catalogue, record: &Record, all: &[RecordProgress]) -> Value {
    let keys = |ids: Vec<UnitId>| {
        ids.iter()
            .map(|u| c.unit(*u).key.clone())
            .collect::<Vec<_>>()
    };
    json!({
        "units": keys(record.units()),
        "achieved": keys(record.with_status(UnitStatus::Achieved)),
        "in_progress": keys(record.with_status(UnitStatus::InProgress)),
        "qualifications": all.iter().map(|rp| {
            let p = &rp.all;
            let cq = &c.qualifications[p.qualification];
            let a = &rp.achieved;
            json!({
                "qualification": cq.qualification.id,
                "title": cq.qualification.title,
                "compliant": p.evaluation.compliant,
                "closeness": (p.closeness * 1000.0).round() / 1000.0,
                "rules_met": p.rules_met,
                "rules_total": p.rules_total,
                "totals": totals(&p.totals),
                "min_credits": cq.qualification.min_credits,
                "carried": p.carried.iter().map(|(from, to, how)| json!({
                    "unit": c.unit(*from).key,
                    "counts_as": c.unit(*to).unit.code,
                    "basis": basis(*how),
                })).collect::<Vec<_>>(),
                "missing": p.evaluation.rules.iter().filter_map(|r| r.shortfall.clone()).collect::<Vec<_>>(),
                "achieved": {
                    "compliant": a.evaluation.compliant,
                    "counted": a.carried.iter().map(|(from, _, _)| c.unit(*from).key.clone()).collect::<Vec<_>>(),
                    "rules_met": a.rules_met,
                    "rules_total": a.rules_total,
                    "totals": totals(&a.totals),
                    "words": achieved_progress_words(rp, cq.qualification.min_credits),
                },
            })
        }).collect::<Vec<_>>(),
    })
}

pub fn completion(c: &Catalogue, rc: &RecordCheck, result: &CompletionResult) -> Value {
    let check = &rc.whole;
    let cq = &c.qualifications[check.qualification];
    let mut v = json!({
        "qualification": cq.qualification.id,
        "units": codes(c, &check.planned),
        "achieved": codes(c, &rc.record.with_status(UnitStatus::Achieved)),
        "in_progress": codes(c, &rc.record.with_status(UnitStatus::InProgress)),
        "record": record_entries(c, &rc.record),
        "achieved_so_far": {
            "compliant": rc.achieved_so_far.evaluation.compliant,
            "verdict": achieved_so_far_words(rc),
        },
    });
    match result {
        CompletionResult::AlreadyComplete => {
            v["status"] = "already_complete".into();
            v["options"] = json!([]);
        }
        CompletionResult::NoRules => {
            v["status"] = "no_rules".into();
            v["reasons"] = json!([cq.qualification.rules_note]);
        }
        CompletionResult::Impossible { reasons } => {
            v["status"] = "impossible".into();
            v["reasons"] = json!(reasons);
        }
        CompletionResult::NotFound { reasons } => {
            v["status"] = "not_found".into();
            v["reasons"] = json!(reasons);
        }
        CompletionResult::Found {
            options,
            measure,
            proven_minimal,
        } => {
            v["status"] = "found".into();
            v["minimised"] = measure.as_str().into();
            v["proven_minimal"] = (*proven_minimal).into();
            v["options"] = Value::Array(options.iter().map(|o| {
                let credits: Option<u32> = o.added.iter().map(|u| c.unit(*u).unit.credit).sum();
                let glh: Option<u32> = o.added.iter().map(|u| c.unit(*u).unit.glh).sum();
                json!({"add": codes(c, &o.added), "cost": o.cost, "credits": credits, "glh": glh})
            }).collect());
        }
    }
    v
}
