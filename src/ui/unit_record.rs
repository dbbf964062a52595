//! A planned unit's place in the learner's record: its status chosen from a list, and for an
//! achieved unit the date, the evidence and an exemption's reason, each checked by the core
//! before it is kept (an error is shown beside the field and nothing is changed). Written with
//! few reactive closures and no generic helpers: every row of the plan carries it.

use super::announcer::Announce;
use super::reveal::open_and_reveal_soon;
use super::shared_catalogue::SharedCatalogue;
use super::today::today;
use super::use_record::RecordSignals;
use crate::catalogue::UnitId;
use crate::plan::{StatusChoice, UnitRecord, Workspace};
use crate::present::{choice_words, entry_details};
use leptos::prelude::*;

/// An element id made from a unit code ("F/601/1609" holds characters ids avoid).
fn field_id(what: &str, code: &str) -> String {
    let safe: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{what}-{safe}")
}

/// Which part of an achieved unit's record a field holds.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Reason,
    On,
    Evidence,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Reason => "Reason for the exemption",
            Field::On => "Achieved on",
            Field::Evidence => "Evidence",
        }
    }

    fn value(self, r: &UnitRecord) -> Option<&String> {
        match self {
            Field::Reason => r.exemption.as_ref(),
            Field::On => r.on.as_ref(),
            Field::Evidence => r.evidence.as_ref(),
        }
    }
}

/// What a field of `code`'s record holds now.
fn value_now(workspace: RwSignal<Workspace>, code: &str, field: Field) -> String {
    workspace.with_untracked(|w| {
        w.plan()
            .record
            .get(code)
            .and_then(|r| field.value(r).cloned())
            .unwrap_or_default()
    })
}

/// One field of an achieved unit's record, kept when it is left or Enter is pressed.
fn record_field(
    workspace: RwSignal<Workspace>,
    code: StoredValue<String>,
    wants_exempt: RwSignal<bool>,
    field: Field,
) -> impl IntoView {
    let announce = expect_context::<Announce>();
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let id = field_id(
        match field {
            Field::Reason => "reason",
            Field::On => "on",
            Field::Evidence => "evidence",
        },
        &code.get_value(),
    );
    let error_id = format!("{id}-error");
    let value = move || {
        workspace.with(|w| {
            w.plan()
                .record
                .get(&code.get_value())
                .and_then(|r| field.value(r).cloned())
                .unwrap_or_default()
        })
    };
    let keep = move |typed: String| {
        let code = code.get_value();
        if field != Field::Reason && typed.trim() == value_now(workspace, &code, field) {
            error.set(None);
            return;
        }
        let mut r = Ok(());
        workspace.update(|w| {
            r = match field {
                Field::Reason => w.set_status(&code, StatusChoice::Exempt, &typed),
                Field::On => w.set_achieved_on(&code, &typed, today()),
                Field::Evidence => w.set_evidence(&code, &typed),
            }
        });
        if r.is_ok() && field == Field::Reason && wants_exempt.get_untracked() {
            wants_exempt.set(false);
            announce.said("Marked exempt", &code);
        }
        error.set(r.err().map(|e| e.to_string()));
    };
    view! {
        <div class=move || if error.with(Option::is_some) { "record-field field-error" } else { "record-field" }>
            <label for=id.clone()>{field.label()}</label>
            {let error_id = error_id.clone(); move || error.get().map(|e| view! { <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p> })}
            <input
                id=id
                type=if field == Field::On { "date" } else { "text" }
                prop:value=value
                // Names the error while there is one; an id with no element is ignored.
                aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                // Kept when the field is left or Enter is pressed: a date field reports a change
                // at each keystroke once what is typed so far is a date (year 2, then 20...).
                on:blur=move |ev| keep(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        keep(event_target_value(&ev));
                    }
                }
            />
        </div>
    }
}

/// The status list and (achieved) the record's details for the planned unit `code`.
pub fn unit_record(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    record: RecordSignals,
    unit: UnitId,
    code: String,
) -> impl IntoView {
    let announce = expect_context::<Announce>();
    let label = format!("Status of {code}");
    let code = StoredValue::new(code);
    // A memo, so what depends on the status is rebuilt only when it changes, not at each
    // field kept (focus stays in the field).
    let choice = Memo::new(move |_| {
        workspace.with(|w| StatusChoice::of(w.plan().record.get(&code.get_value())))
    });
    // "Exempt" chosen before its reason is given: the reason is asked for, and the status stays
    // as it was until it is.
    let wants_exempt = RwSignal::new(false);
    // Where the select stood when it took focus: arrowing through it keeps each status passed,
    // so stopping on "Exempt" puts back this one until the reason is given.
    let at_focus = RwSignal::new(StatusChoice::Planned);
    let shown = move || {
        if wants_exempt.get() {
            StatusChoice::Exempt
        } else {
            choice.get()
        }
    };
    let exempt_shown = Memo::new(move |_| shown() == StatusChoice::Exempt);
    let achieved =
        Memo::new(move |_| matches!(choice.get(), StatusChoice::Achieved | StatusChoice::Exempt));
    let open_more = Memo::new(move |_| achieved.get() || wants_exempt.get());
    let details = move || {
        record.record.with(|r| {
            r.as_ref()
                .and_then(|(_, r)| r.entry(unit))
                .map(|e| entry_details(&catalogue, e).join("; "))
                .unwrap_or_default()
        })
    };
    let choose = move |value: String| {
        let Some(to) = StatusChoice::from_value(&value) else {
            return;
        };
        let code = code.get_value();
        if to == StatusChoice::Exempt && choice.get_untracked() != StatusChoice::Exempt {
            let back = at_focus.get_untracked();
            if back != StatusChoice::Exempt && back != choice.get_untracked() {
                workspace.update(|w| {
                    let _ = w.set_status(&code, back, "");
                });
            }
            wants_exempt.set(true);
            open_and_reveal_soon(field_id("more", &code), field_id("reason", &code));
            return;
        }
        wants_exempt.set(false);
        let mut done = Ok(());
        workspace.update(|w| done = w.set_status(&code, to, ""));
        if done.is_ok() {
            announce.said(
                match to {
                    StatusChoice::Planned => "Marked planned",
                    StatusChoice::InProgress => "Marked in progress",
                    _ => "Marked achieved",
                },
                &code,
            );
        }
    };
    let more = move || {
        let asking = wants_exempt.get_untracked();
        open_more.get().then(|| {
            view! {
                <details class="record-more" id=field_id("more", &code.get_value()) open=asking>
                    <summary>"Date and evidence"<span class="visually-hidden">{format!(" for {}", code.get_value())}</span></summary>
                    {move || wants_exempt.get().then(|| view! { <p class="hint">"Give the reason for the exemption; the unit is marked exempt once it is given."</p> })}
                    {move || exempt_shown.get().then(|| record_field(workspace, code, wants_exempt, Field::Reason))}
                    {move || achieved.get().then(|| view! {
                        {record_field(workspace, code, wants_exempt, Field::On)}
                        {record_field(workspace, code, wants_exempt, Field::Evidence)}
                    })}
                </details>
            }
        })
    };
    view! {
        <div class="unit-record">
            <select
                aria-label=label
                class=move || match choice.get() {
                    StatusChoice::Planned => "status-choice",
                    StatusChoice::InProgress => "status-choice in-progress",
                    _ => "status-choice achieved",
                }
                prop:value=move || shown().value()
                on:focus=move |_| at_focus.set(choice.get_untracked())
                on:change=move |ev| choose(event_target_value(&ev))
            >
                {StatusChoice::ALL.map(|s| view! { <option value=s.value()>{choice_words(s)}</option> })}
            </select>
            <span class="record-details">{details}</span>
            {more}
        </div>
    }
}
