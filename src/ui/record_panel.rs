//! "Learner's record and finish date": the achieved units alone against the rules, the totals
//! by status, a unit achieved elsewhere recorded by any document's code, and the study rate with
//! the finish date it gives; where the achieved units also count. Closed until the plan has a
//! record or a study rate.

use super::announcer::Announce;
use super::reveal::reveal_soon;
use super::shared_catalogue::SharedCatalogue;
use super::today::today;
use super::use_record::RecordSignals;
use crate::plan::{progression, Workspace};
use crate::present::{
    achieved_rule_lines, achieved_so_far_words, finish_words, no_estimate_words, progression_words,
    recorded_words, split_totals_rows,
};
use leptos::prelude::*;

/// A GOV.UK-style error message above a field: "Error: ..." for a screen reader.
fn error_message(id: &'static str, error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p class="error-message" id=id><span class="visually-hidden">"Error: "</span>{e}</p> }
        })
    }
}

#[component]
pub fn RecordPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    record: RecordSignals,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let announce = expect_context::<Announce>();
    let has_record = move || record.checked.with(Option::is_some);
    let has_study = move || workspace.with(|w| w.plan().study.is_some());

    // A unit achieved elsewhere, by its code or accreditation number.
    let held_typed = RwSignal::new(String::new());
    let held_error: RwSignal<Option<String>> = RwSignal::new(None);
    let held_done = RwSignal::new(String::new());
    let record_held = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = held_typed.get_untracked();
        let mut result = None;
        workspace.update(|w| result = Some(w.record_achieved(&catalogue.get_value(), &typed)));
        match result {
            Some(Ok(r)) => {
                held_error.set(None);
                held_typed.set(String::new());
                held_done.set(recorded_words(&r, &typed));
                announce.said("Marked achieved", &r.code);
                reveal_soon("held-done");
            }
            Some(Err(e)) => {
                held_done.set(String::new());
                held_error.set(Some(e.to_string()));
            }
            None => {}
        }
    };

    // The study rate, read from its fields when the button is pressed: a date field holds no
    // value while a date is half typed, so nothing is written back into them as they change.
    // The fields follow the saved rate (another plan opened, a rate kept), not each keystroke.
    let saved_rate = Memo::new(move |_| workspace.with(|w| w.plan().study.clone()));
    let hours0 = move || {
        saved_rate
            .get()
            .map(|s| s.hours_a_week.to_string())
            .unwrap_or_default()
    };
    let from0 = move || {
        saved_rate
            .get()
            .map_or_else(|| today().to_string(), |s| s.from)
    };
    let hours_ref: NodeRef<leptos::html::Input> = NodeRef::new();
    let from_ref: NodeRef<leptos::html::Input> = NodeRef::new();
    let study_error: RwSignal<Option<String>> = RwSignal::new(None);
    let set_rate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |r: NodeRef<leptos::html::Input>| r.get().map(|i| i.value()).unwrap_or_default();
        let (hours, from) = (read(hours_ref), read(from_ref));
        let mut r = Ok(());
        workspace.update(|w| r = w.set_study_rate(&hours, &from));
        if r.is_ok() {
            reveal_soon("finish");
        }
        study_error.set(r.err().map(|e| e.to_string()));
    };

    let so_far = move || {
        record
            .checked
            .with(|r| r.as_ref().map(achieved_so_far_words))
    };
    let rule_lines = move || {
        record.checked.with(|r| {
            r.as_ref()
                .map(achieved_rule_lines)
                .unwrap_or_default()
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view()
        })
    };
    let rows = move || {
        record.checked.with(|r| {
            r.as_ref().map(|r| {
                split_totals_rows(&r.totals)
                    .into_iter()
                    .map(|(label, words)| {
                        view! { <div class="summary-row"><dt>{label}</dt><dd>{words}</dd></div> }
                    })
                    .collect_view()
            })
        })
    };
    // Where the achieved units lead: the qualifications they go furthest towards.
    let leads = move || {
        record.record.with(|r| {
            let (q, r) = r.as_ref()?;
            let c = catalogue.get_value();
            let rows: Vec<String> = progression(&c, *q, r, 3)
                .iter()
                .map(|p| progression_words(&c, p))
                .collect();
            (!rows.is_empty()).then(|| {
                view! {
                    <h4>"Where the achieved units also count"</h4>
                    <ul class="progression">{rows.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                }
            })
        })
    };
    let finish = move || {
        record.finish.with(|f| {
            f.as_ref().map(|f| match f {
                Ok(e) => {
                    let w = finish_words(&catalogue.get_value(), e);
                    view! {
                        <div class="finish">
                            <p class="finish-date"><strong>{w.finish}</strong></p>
                            <p>{w.left}</p>
                            <p class="hint">{w.figure}</p>
                            {w.quickest.map(|q| view! { <p class="quickest">{q}</p> })}
                        </div>
                    }
                    .into_any()
                }
                Err(e) => {
                    view! { <p class="finish">{no_estimate_words(&catalogue.get_value(), e)}</p> }
                        .into_any()
                }
            })
        })
    };

    view! {
        <details class="record-panel" open=move || has_record() || has_study()>
            <summary><h3>"Learner\u{2019}s record and finish date"</h3></summary>
            <p class="hint">"Mark each planned unit\u{2019}s status in the list above. A unit already achieved under any awarding body\u{2019}s code can be recorded here."</p>
            {move || has_record().then(|| view! {
                <p class="achieved-so-far"><strong>{so_far}</strong></p>
                <details class="achieved-rules">
                    <summary>"Each rule, for the achieved units alone"</summary>
                    <ul>{rule_lines}</ul>
                </details>
                <dl class="summary-list" aria-label="Totals by status">{rows}</dl>
            })}
            {leads}
            <form class=move || if held_error.with(Option::is_some) { "record-held field-error" } else { "record-held" } on:submit=record_held>
                <label for="held-code">"Record a unit already achieved"</label>
                <p class="hint" id="held-code-hint">"Its code or unit accreditation number (UAN), from any awarding body. It counts here where the catalogue holds it or links it as the same unit."</p>
                {error_message("held-code-error", held_error)}
                <div class="inline-form">
                    <input
                        id="held-code"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="held-code-hint held-code-error"
                        aria-invalid=move || held_error.with(Option::is_some).then_some("true")
                        prop:value=move || held_typed.get()
                        on:input=move |ev| held_typed.set(event_target_value(&ev))
                    />
                    <button type="submit">"Record as achieved"</button>
                </div>
                <p class="status-line" id="held-done" role="status">{move || held_done.get()}</p>
            </form>
            <form class=move || if study_error.with(Option::is_some) { "study-rate field-error" } else { "study-rate" } on:submit=set_rate>
                <fieldset>
                    <legend>"Study rate"</legend>
                    {error_message("study-error", study_error)}
                    <div class="inline-form">
                        <div class="record-field">
                            <label for="study-hours">"Hours a week"</label>
                            <input
                                id="study-hours"
                                type="text"
                                inputmode="numeric"
                                class="short"
                                aria-describedby="study-error"
                                aria-invalid=move || study_error.with(Option::is_some).then_some("true")
                                prop:value=hours0
                                node_ref=hours_ref
                            />
                        </div>
                        <div class="record-field">
                            <label for="study-from">"Starting on"</label>
                            <input
                                id="study-from"
                                type="date"
                                aria-describedby="study-error"
                                prop:value=from0
                                node_ref=from_ref
                            />
                        </div>
                        <button type="submit">"Estimate the finish date"</button>
                        {move || has_study().then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| {
                                workspace.update(|w| w.set_study(None));
                                study_error.set(None);
                            }>"Clear the study rate"</button>
                        })}
                    </div>
                </fieldset>
                <div id="finish" aria-live="polite">{finish}</div>
            </form>
        </details>
    }
}
