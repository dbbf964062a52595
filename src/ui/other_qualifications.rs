//! "Other qualifications": how far the plan's units go towards every other qualification,
//! counting units recorded as the same unit in another document, closest first.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::Catalogue;
use crate::catalogue::QualificationId;
use crate::plan::{progress_carried, Check, Progress, Workspace};
use crate::present::{carried_words, progress_summary};
use leptos::prelude::*;

/// How many rows are listed until the user asks for all of them.
const CLOSEST: usize = 20;

#[component]
pub fn OtherQualifications(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    /// Set once a change is drawn: the progress is worked out then, outside that frame.
    settled: RwSignal<bool>,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let rows = Memo::new(move |_| {
        settled.track();
        checked.with_untracked(|c| {
            let Some(c) = c.as_ref() else {
                return Vec::new();
            };
            if c.planned.is_empty() {
                return Vec::new();
            }
            catalogue
                .with_value(|catalogue| progress_carried(catalogue, &c.planned))
                .into_iter()
                .filter(|p| p.qualification != c.qualification)
                .collect::<Vec<_>>()
        })
    });
    // With a large loaded catalogue the plan can count towards hundreds of qualifications: the
    // closest few are what a user reads, and drawing them all would slow every change.
    let show_all = RwSignal::new(false);
    let limit = move || if show_all.get() { usize::MAX } else { CLOSEST };
    let shown = move || {
        rows.with(|r| {
            r.iter()
                .take(limit())
                .map(|p| p.qualification)
                .collect::<Vec<_>>()
        })
    };
    let hidden = move || rows.with(Vec::len).saturating_sub(limit());
    view! {
        <section class="other-qualifications" aria-labelledby="other-heading">
            <h2 id="other-heading">"Other qualifications"</h2>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="hint">"Plan some units to see which other qualifications they also count towards."</p> }
            >
                <ul aria-label="Other qualifications" class="progress-list">
                    // Keyed by qualification, each row reading its own figures: a change to the
                    // plan updates the words of the rows it alters, rows move as the order changes,
                    // and a row the user opened stays open.
                    <For
                        each=shown
                        key=|q| *q
                        children=move |q| progress_row(catalogue, workspace, rows, q)
                    />
                </ul>
                <Show when=move || hidden() != 0>
                    <p class="hint">
                        {move || format!("Showing the {CLOSEST} closest; {} more not shown. ", hidden())}
                        <button type="button" on:click=move |_| show_all.set(true)>"Show them all"</button>
                    </p>
                </Show>
            </Show>
        </section>
    }
}

/// One qualification the plan counts towards: how far, which units carry over and how, what is
/// still missing, and a button to start a plan for it.
fn progress_row(
    catalogue: StoredValue<SharedCatalogue>,
    workspace: RwSignal<Workspace>,
    rows: Memo<Vec<Progress>>,
    q: QualificationId,
) -> impl IntoView {
    let row = Memo::new(move |_| rows.with(|r| r.iter().find(|p| p.qualification == q).cloned()));
    let (title, id, min_credits) = {
        let c: &Catalogue = &catalogue.get_value();
        let qual = &c.qualifications[q].qualification;
        (qual.title.clone(), qual.id.clone(), qual.min_credits)
    };
    let summary = move || row.with(|p| p.as_ref().map(|p| progress_summary(p, min_credits)));
    let closeness = move || {
        row.with(|p| {
            p.as_ref()
                .map_or(0, |p| (p.closeness * 100.0).round() as u32)
        })
        .to_string()
    };
    let carried = move || {
        row.with(|p| {
            p.as_ref()
                .map(|p| carried_words(&catalogue.get_value(), p))
                .unwrap_or_default()
        })
    };
    let missing = move || {
        row.with(|p| {
            p.iter()
                .flat_map(|p| {
                    p.evaluation
                        .rules
                        .iter()
                        .filter_map(|r| r.shortfall.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let open_as_new_plan = move |_| {
        let codes: Vec<String> = row.with_untracked(|p| {
            p.iter()
                .flat_map(|p| &p.carried)
                .map(|(_, t, _)| catalogue.get_value().unit(*t).unit.code.clone())
                .collect()
        });
        workspace.update(|w| w.new_plan_for(&catalogue.get_value(), &id, codes));
    };
    view! {
        <li class="progress-item">
            <h3>{title.clone()}</h3>
            <p>{summary}</p>
            <meter aria-label=format!("Progress towards {title}") min="0" max="100" value=closeness></meter>
            <details>
                <summary>"Which units carry over, and what is missing"</summary>
                <ul>{move || carried().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                {move || {
                    let missing = missing();
                    (!missing.is_empty()).then(|| view! {
                        <p>"Still missing:"</p>
                        <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                    })
                }}
            </details>
            <button type="button" aria-label=format!("Open as a new plan for {title}") on:click=open_as_new_plan>
                "Open as a new plan"
            </button>
        </li>
    }
}
