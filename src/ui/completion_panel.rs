//! "Complete this plan": the cheapest units to add so the plan meets every rule, by credits or
//! GLH, with near alternatives, each addable with one click.

use crate::catalogue::Catalogue;
use crate::plan::{complete, Check, CompletionResult, Minimise, Workspace};
use crate::present::{completion_words, option_words, ALTERNATIVES};
use leptos::prelude::*;

#[component]
pub fn CompletionPanel(
    catalogue: &'static Catalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let minimise = RwSignal::new(Minimise::Credits);
    // Computed on request (a search), and cleared whenever the plan changes.
    let result: RwSignal<Option<CompletionResult>> = RwSignal::new(None);
    Effect::new(move |_| {
        checked.track();
        result.set(None);
    });
    let run = move |_| {
        let r = checked.with(|c| {
            c.as_ref().map(|c| {
                let readings = workspace.with(|w| w.plan().readings.clone());
                complete(
                    catalogue,
                    c.qualification,
                    &c.planned,
                    &readings,
                    minimise.get(),
                    ALTERNATIVES,
                )
            })
        });
        result.set(r);
    };
    let body = move || {
        result.get().map(|r| match r {
            CompletionResult::AlreadyComplete => view! { <p role="status">{format!("\u{2713} {}", completion_words(&r, minimise.get()).headline)}</p> }.into_any(),
            CompletionResult::NoRules => view! { <p role="status">{completion_words(&r, minimise.get()).headline}</p> }.into_any(),
            CompletionResult::Impossible { ref reasons } => view! {
                <div role="status">
                    <p>{format!("\u{2717} {}", completion_words(&r, minimise.get()).headline)}</p>
                    <ul>{reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
            CompletionResult::Found { ref options, measure, .. } => view! {
                <div role="status">
                    <p>
                        {let words = completion_words(&r, minimise.get());
                        format!("{}{}", words.headline, words.notes.iter().map(|n| format!(" ({n})")).collect::<String>())}
                    </p>
                    <ol aria-label="Completions" class="completions">
                        {options
                            .iter()
                            .enumerate()
                            .map(|(i, o)| {
                                let codes: Vec<String> = o.added.iter().map(|u| catalogue.unit(*u).unit.code.clone()).collect();
                                let label = option_words(catalogue, o, measure);
                                view! {
                                    <li>
                                        <span>{label}</span>
                                        " "
                                        <button
                                            type="button"
                                            aria-label=format!("Add these units (completion {})", i + 1)
                                            on:click=move |_| workspace.update(|w| {
                                                w.add_units(&codes);
                                            })
                                        >
                                            "Add these units"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section class="completion" aria-labelledby="completion-heading">
            <h2 id="completion-heading">"Complete this plan"</h2>
            <div class="completion-controls">
                <label for="minimise">"Fewest"</label>
                <select
                    id="minimise"
                    on:change=move |ev| minimise.set(if event_target_value(&ev) == "glh" { Minimise::Glh } else { Minimise::Credits })
                >
                    <option value="credits">"credits"</option>
                    <option value="glh">"guided learning hours"</option>
                </select>
                <button type="button" on:click=run>"Find the cheapest completion"</button>
            </div>
            {body}
        </section>
    }
}
