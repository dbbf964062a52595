//! The open plan's learner's record, checked, and its finish date: memos the plan list, the
//! record panel and the printed page share. Each is `None` until the plan has a record (or a
//! study rate), so a plan with none costs no second check.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::QualificationId;
use crate::plan::{
    check, check_record_with, finish_estimate, Check, Date, Estimate, NoEstimate, Record,
    RecordCheck, UnitStatus, Workspace,
};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct RecordSignals {
    /// The open plan as a record, when it has one.
    pub record: Memo<Option<(QualificationId, Arc<Record>)>>,
    /// The whole plan and the achieved units alone, checked; totals by status.
    pub checked: Memo<Option<RecordCheck>>,
    /// The finish date at the plan's study rate, when it has one.
    pub finish: Memo<Option<Result<Estimate, NoEstimate>>>,
}

pub fn use_record(
    catalogue: RwSignal<SharedCatalogue>,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> RecordSignals {
    let record = Memo::new(move |_| {
        let c = catalogue.get();
        workspace.with(|w| {
            let plan = w.plan();
            if plan.record.is_empty() {
                return None;
            }
            plan.record(&c).map(|(q, r)| (q, Arc::new(r)))
        })
    });
    // The achieved units alone, checked again only when they (or the readings) change: adding
    // or starting a unit leaves them as they were.
    let achieved = Memo::new(move |_| {
        let readings = workspace.with(|w| w.plan().readings.clone());
        record.with(|r| {
            r.as_ref()
                .map(|(q, record)| (*q, record.with_status(UnitStatus::Achieved), readings))
        })
    });
    let achieved_checked = Memo::new(move |_| {
        let c = catalogue.get();
        achieved.with(|a| {
            a.as_ref()
                .map(|(q, units, readings)| Arc::new(check(&c, *q, units, readings)))
        })
    });
    // The plan's own check is shared: a record adds only the totals by status to it.
    let record_checked = Memo::new(move |_| {
        let c = catalogue.get();
        let whole = checked.get()?;
        let achieved = achieved_checked.get()?;
        record.with(|r| {
            r.as_ref()
                .map(|(q, record)| check_record_with(&c, *q, record.clone(), whole, achieved))
        })
    });
    let finish = Memo::new(move |_| {
        let c = catalogue.get();
        let (rate, readings) =
            workspace.with(|w| (w.plan().study.clone(), w.plan().readings.clone()));
        let rate = rate?;
        let from = Date::parse(&rate.from).ok()?;
        let (q, record) = match record.get() {
            Some(r) => r,
            None => workspace.with(|w| w.plan().record(&c).map(|(q, r)| (q, Arc::new(r))))?,
        };
        Some(finish_estimate(
            &c,
            q,
            &record,
            &readings,
            rate.hours_a_week,
            from,
        ))
    });
    RecordSignals {
        record,
        checked: record_checked,
        finish,
    }
}
