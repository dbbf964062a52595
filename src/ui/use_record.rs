//! The open plan's learner's record, checked, and its finish date: memos the plan list, the
//! record panel and the printed page share. Each is `None` until the plan has a record (or a
//! study rate), so a plan with none costs no second check.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::QualificationId;
use crate::plan::{
    check_record_with, finish_estimate, Check, Date, Estimate, NoEstimate, Record, RecordCheck,
    Workspace,
};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct RecordSignals {
    /// The open plan as a record, when it has one.
    pub record: Memo<Option<(QualificationId, Record)>>,
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
            plan.record(&c)
        })
    });
    // The plan's own check is shared: a record adds the achieved units alone and the totals.
    let record_checked = Memo::new(move |_| {
        let c = catalogue.get();
        let readings = workspace.with(|w| w.plan().readings.clone());
        let whole = checked.get()?;
        record.with(|r| {
            r.as_ref()
                .map(|(q, record)| check_record_with(&c, *q, record, &readings, whole))
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
            None => workspace.with(|w| w.plan().record(&c))?,
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
