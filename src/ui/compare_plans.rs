//! "Compare plans side by side": two or three of the person's plans in columns, each with its
//! verdict, totals, what is achieved, what is left and its finish date, and the units another
//! compared plan also holds marked. Worked out only while it is open.

use super::shared_catalogue::SharedCatalogue;
use crate::plan::Workspace;
use crate::present::{compare_plans, compared_names, MAX_COMPARED};
use leptos::prelude::*;

#[component]
pub fn ComparePlans(catalogue: SharedCatalogue, workspace: RwSignal<Workspace>) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let open = RwSignal::new(false);
    // The plans ticked, by name; none ticked yet means the open plan and the ones after it.
    let ticked: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let chosen = move || workspace.with(|w| ticked.with(|t| compared_names(w, t)));
    let choices = move || {
        let chosen = chosen();
        workspace.with(|w| {
            w.plans
                .iter()
                .map(|p| {
                    let name = p.name.clone();
                    let on = chosen.contains(&name);
                    let full = chosen.len() >= MAX_COMPARED && !on;
                    let label = name.clone();
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                checked=on
                                disabled=full
                                on:change=move |ev| {
                                    let mut now = workspace.with_untracked(|w| ticked.with_untracked(|t| compared_names(w, t)));
                                    if event_target_checked(&ev) {
                                        now.push(name.clone());
                                    } else {
                                        now.retain(|n| *n != name);
                                    }
                                    ticked.set(now);
                                }
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()
        })
    };
    let columns = move || {
        let names = chosen();
        let c = catalogue.get_value();
        let cols = workspace.with(|w| {
            let plans: Vec<_> = names
                .iter()
                .filter_map(|n| w.plans.iter().find(|p| p.name == *n))
                .collect();
            compare_plans(&c, &plans)
        });
        if cols.len() < 2 {
            return view! { <p class="hint">"Tick two or three plans. To make another, use New plan or Duplicate in the plan menu."</p> }.into_any();
        }
        cols.into_iter()
            .map(|col| {
                let label = col.name.clone();
                view! {
                    <section class="compare-column" aria-label=label>
                        <h4>{col.name}</h4>
                        <p class="compare-qualification">{col.qualification}</p>
                        <p class="compare-verdict"><strong>{col.verdict}</strong></p>
                        <p>{col.totals}</p>
                        {(!col.missing.is_empty()).then(|| view! {
                            <p class="compare-missing-head">"Still missing:"</p>
                            <ul class="compare-missing">{col.missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        })}
                        {col.achieved.map(|a| view! { <p>{a}</p> })}
                        {col.finish.map(|f| view! { <p class="compare-finish">{f}</p> })}
                        {col.left.map(|l| view! { <p>{l}</p> })}
                        <ul class="compare-units">
                            {col.units.into_iter().map(|u| view! {
                                <li class:shared=u.shared>
                                    <span class="code">{u.code}</span>" "{u.title}
                                    {(!u.status.is_empty()).then(|| view! { <span class="compare-status">{u.status}</span> })}
                                    {u.shared.then(|| view! { <span class="shared-mark">"In another plan compared"</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <details class="compare-plans" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let now = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
            open.set(now);
        }>
            <summary><h3>"Compare plans side by side"</h3></summary>
            {move || open.get().then(|| view! {
                <fieldset class="compare-choice">
                    <legend>{format!("Plans to compare (up to {MAX_COMPARED})")}</legend>
                    {choices}
                </fieldset>
                <div class="compare-grid">{columns}</div>
            })}
        </details>
    }
}
