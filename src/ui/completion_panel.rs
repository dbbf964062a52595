//! "Complete this plan": the cheapest units to add so the plan meets every rule, by credits or
//! GLH, with near alternatives. Each option names its units by code and title, says how it
//! differs from the first, can be previewed (the verdict the plan would then have, nothing
//! changed) and added with one click. A plan with units achieved or in progress starts, by
//! default, from those alone: its planned units are open to change.

use super::reveal::{focus_soon, reveal_soon};
use super::shared_catalogue::SharedCatalogue;
use super::use_record::RecordSignals;
use super::verdict::tone_mark;
use crate::catalogue::Catalogue;
use crate::plan::{what_is_left, Check, CompletionResult, LeftFrom, Minimise, Record, Workspace};
use crate::present::{
    completion_words, left_heading, option_details, preview_announcement, preview_check,
    preview_words, ALREADY_PLANNED, ALTERNATIVES, NOT_IN_FIRST, PREVIEW_MARK, PREVIEW_NOTE,
};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompletionPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    record: RecordSignals,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let minimise = RwSignal::new(Minimise::Credits);
    // Every unit of the plan unless asked otherwise: an option found from the held units alone,
    // added to a plan that keeps its other planned units, would run past what the rules ask.
    let from = RwSignal::new(LeftFrom::Plan);
    // The start is a choice only where some unit is achieved or in progress.
    let has_progress = Memo::new(move |_| {
        record
            .record
            .with(|r| r.as_ref().is_some_and(|(_, r)| r.has_progress()))
    });
    // Where the result shown started, said above it.
    let ran_from: RwSignal<Option<LeftFrom>> = RwSignal::new(None);
    // Computed on request (a search), and cleared whenever the plan changes.
    let result: RwSignal<Option<CompletionResult>> = RwSignal::new(None);
    // The option shown as a preview (its index), if any; only ever one.
    let previewing: RwSignal<Option<usize>> = RwSignal::new(None);
    Effect::new(move |_| {
        checked.track();
        // A status changed is a different start.
        record.record.track();
        result.set(None);
        previewing.set(None);
    });
    let run = move |_| {
        let readings = workspace.with(|w| w.plan().readings.clone());
        let catalogue: &Catalogue = &catalogue.get_value();
        // A plan without a record is a record of planned units, completed as it stands.
        let held = record.record.get().filter(|(_, r)| r.has_progress());
        let shown_from = held.as_ref().map(|_| from.get());
        let start = held.or_else(|| {
            checked.with(|c| {
                c.as_ref()
                    .map(|c| (c.qualification, Arc::new(Record::planned(&c.planned))))
            })
        });
        let r = start.map(|(q, r)| {
            let from = shown_from.unwrap_or(LeftFrom::Plan);
            what_is_left(
                catalogue,
                q,
                &r,
                from,
                &readings,
                minimise.get(),
                ALTERNATIVES,
            )
        });
        previewing.set(None);
        ran_from.set(shown_from);
        result.set(r);
        reveal_soon("completion-outcome");
    };
    // The preview of the option previewed: the plan checked with its units added.
    let preview = Memo::new(move |_| {
        let i = previewing.get()?;
        result.with(|r| {
            let Some(CompletionResult::Found { options, .. }) = r else {
                return None;
            };
            let option = options.get(i)?;
            checked.with(|now| {
                let now = now.as_ref()?;
                let readings = workspace.with_untracked(|w| w.plan().readings.clone());
                {
                    let catalogue: &Catalogue = &catalogue.get_value();
                    let after = preview_check(catalogue, now, option, &readings);
                    Some((i, preview_words(catalogue, &after)))
                }
            })
        })
    });
    // Said once when a preview opens (the box itself is not a live region).
    let announcement = move || {
        preview
            .get()
            .map(|(i, w)| preview_announcement(&format!("Option {}", i + 1), &w))
            .unwrap_or_default()
    };
    let body = move || {
        let catalogue: &Catalogue = &catalogue.get_value();

        result.get().map(|r| match r {
            CompletionResult::AlreadyComplete => view! { <p role="status">{format!("\u{2713} {}", completion_words(&r, minimise.get()).headline)}</p> }.into_any(),
            CompletionResult::NoRules => view! { <p role="status">{completion_words(&r, minimise.get()).headline}</p> }.into_any(),
            CompletionResult::Impossible { ref reasons } | CompletionResult::NotFound { ref reasons } => view! {
                <div role="status">
                    <p>{format!("\u{2717} {}", completion_words(&r, minimise.get()).headline)}</p>
                    <ul>{reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
            CompletionResult::Found { ref options, measure, .. } => {
                let Some(q) = checked.with_untracked(|c| c.as_ref().map(|c| c.qualification)) else {
                    return ().into_any();
                };
                let Some(cq) = catalogue.qualifications.get(q.index()) else {
                    return ().into_any();
                };
                let details = option_details(catalogue, cq, options, measure);
                // From the units held, an option may name a unit the plan already has.
                let planned: Vec<String> = if ran_from.get() == Some(LeftFrom::Held) {
                    checked.with_untracked(|c| c.as_ref().map(|c| c.planned.iter().map(|u| catalogue.unit(*u).unit.code.clone()).collect()).unwrap_or_default())
                } else {
                    Vec::new()
                };
                view! {
                    <div class="completion-result">
                        <p role="status">
                            {let words = completion_words(&r, minimise.get());
                            format!("{}{}", words.headline, words.notes.iter().map(|n| format!(" ({n})")).collect::<String>())}
                        </p>
                        <ol aria-label="Completions" class="completions">
                            {options
                                .iter()
                                .zip(details)
                                .enumerate()
                                .map(|(i, (o, d))| {
                                    let codes: Vec<String> = o.added.iter().map(|u| catalogue.unit(*u).unit.code.clone()).collect();
                                    let shown = move || previewing.get() == Some(i);
                                    let heading = format!("completion-{}", i + 1);
                                    view! {
                                        // The option's heading has no <span>: the summary is the first.
                                        <li class="completion-option" class:previewing=shown aria-labelledby=heading.clone()>
                                            <h3 class="option-name" id=heading.clone()>{d.name.clone()}</h3>
                                            <span class="option-summary">{d.summary}</span>
                                            <p class="option-difference">{d.difference}</p>
                                            <dl class="option-units">
                                                {d.units
                                                    .into_iter()
                                                    .map(|u| {
                                                        let already = planned.contains(&u.line.code);
                                                        view! {
                                                        <div class="option-unit" class:not-in-first=u.not_in_first>
                                                            <dt class="code">{u.line.code}</dt>
                                                            <dd>
                                                                <b class="title">{u.line.title}</b>
                                                                " "
                                                                <small class="about">{u.line.about}</small>
                                                                {u.not_in_first.then(|| view! { " " <small class="option-mark not-in-first-mark">{NOT_IN_FIRST}</small> })}
                                                                {already.then(|| view! { " " <small class="option-mark already-mark">{ALREADY_PLANNED}</small> })}
                                                                " "
                                                                <small class="option-mark preview-mark" hidden=move || !shown()>{PREVIEW_MARK}</small>
                                                            </dd>
                                                        </div>
                                                    }})
                                                    .collect_view()}
                                            </dl>
                                            {move || preview.get().filter(|(p, _)| *p == i).map(|(_, w)| view! {
                                                    <div class="option-preview" role="group" aria-label=format!("Preview of option {}", i + 1)>
                                                        <p class="preview-note">{PREVIEW_NOTE}</p>
                                                        <p class=format!("preview-verdict {}", w.tone.as_str())>{format!("{}{}", tone_mark(w.tone), w.verdict)}</p>
                                                        <p class="preview-totals">{w.totals}</p>
                                                    </div>
                                                })}
                                            <div class="option-actions">
                                                <button
                                                    type="button"
                                                    aria-pressed=move || shown().to_string()
                                                    aria-label=format!("Preview (completion {})", i + 1)
                                                    on:click=move |_| previewing.update(|p| *p = if *p == Some(i) { None } else { Some(i) })
                                                >
                                                    "Preview"
                                                </button>
                                                <button
                                                    type="button"
                                                    class="primary"
                                                    aria-label=format!("Add these units (completion {})", i + 1)
                                                    on:click=move |_| {
                                                        workspace.update(|w| {
                                                            w.add_units(&codes);
                                                        });
                                                        // The options go with the change: the keyboard lands on the
                                                        // plan, its verdict in view.
                                                        focus_soon("plan-heading");
                                                    }
                                                >
                                                    "Add these units"
                                                </button>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="completion" aria-labelledby="completion-heading">
            <h2 id="completion-heading">"Complete this plan"</h2>
            <div class="completion-controls">
                <span class="control-pair">
                    <label for="minimise">"Fewest"</label>
                    <select
                        id="minimise"
                        on:change=move |ev| minimise.set(if event_target_value(&ev) == "glh" { Minimise::Glh } else { Minimise::Credits })
                    >
                        <option value="credits">"credits"</option>
                        <option value="glh">"guided learning hours"</option>
                    </select>
                </span>
                {move || has_progress.get().then(|| view! {
                    <span class="control-pair">
                        <label for="complete-from">"Start from"</label>
                        <select
                            id="complete-from"
                            on:change=move |ev| {
                                from.set(if event_target_value(&ev) == "plan" { LeftFrom::Plan } else { LeftFrom::Held });
                                result.set(None);
                                previewing.set(None);
                            }
                        >
                            <option value="held" selected=move || from.get() == LeftFrom::Held>"the units achieved and in progress"</option>
                            <option value="plan" selected=move || from.get() == LeftFrom::Plan>"every unit of the plan"</option>
                        </select>
                    </span>
                })}
                <button type="button" on:click=run>"Find the cheapest completion"</button>
            </div>
            <div id="completion-outcome">
                {move || ran_from.get().filter(|_| result.with(Option::is_some)).map(|f| view! { <p class="left-from">{left_heading(f)}</p> })}
                {body}
            </div>
            <p class="visually-hidden" role="status">{announcement}</p>
        </section>
    }
}
