//! Every rule of combination, met or not, with its shortfall, the document's wording and source,
//! and a switch between readings where the document can be read two ways.

use crate::catalogue::Catalogue;
use crate::plan::{Check, Workspace};
use crate::present::{reading_label, rule_status};
use crate::rules::{RuleResult, Status};
use leptos::prelude::*;

/// The status as shown: its class and a mark before the words.
fn status_words(s: Status) -> (&'static str, String) {
    let w = rule_status(s);
    let mark = match s {
        Status::Met => "\u{2713}",
        Status::Unmet => "\u{2717}",
        Status::NotJudged => "\u{2022}",
    };
    (w.class, format!("{mark} {}", w.words))
}

fn rule_view(
    catalogue: &'static Catalogue,
    r: RuleResult,
    workspace: RwSignal<Workspace>,
) -> AnyView {
    let (class, words) = status_words(r.status);
    let counted: Vec<String> = r
        .counted
        .iter()
        .map(|u| catalogue.unit(*u).unit.code.clone())
        .collect();
    let readings = r.meta.readings.clone();
    let in_force = r.reading.clone();
    let default = readings.first().map(|(id, _)| id.clone());
    let rule_id = r.meta.id.clone();
    let reading_label = reading_label(&r).map(String::from);
    let children = r.children.clone();
    view! {
        <li class=format!("rule {class}") aria-label=r.meta.label.clone()>
            <div class="rule-head">
                <span class="rule-status">{words}</span>
                " "
                <span class="rule-label">{r.meta.label.clone()}</span>
            </div>
            {r.shortfall.clone().filter(|_| r.children.is_empty()).map(|s| view! { <p class="shortfall">{s}</p> })}
            {(!counted.is_empty()).then(|| view! { <p class="counted">{format!("Counted: {}", counted.join(", "))}</p> })}
            {reading_label.map(|l| view! { <p class="reading-in-force">{format!("Reading in force: {l}")}</p> })}
            <details>
                <summary>"Printed wording and source"</summary>
                <blockquote>{format!("\u{201c}{}\u{201d}", r.meta.text)}</blockquote>
                <p class="source">{format!("Source: {}", r.meta.source)}</p>
            </details>
            {(readings.len() > 1).then(|| {
                let name = format!("reading-{}", rule_id);
                view! {
                    <fieldset class="readings">
                        <legend>{format!("Reading of \u{201c}{}\u{201d}", r.meta.label)}</legend>
                        {readings
                            .into_iter()
                            .map(|(id, label)| {
                                let checked = in_force.as_deref() == Some(id.as_str());
                                let rule_id = rule_id.clone();
                                let chosen = if Some(&id) == default.as_ref() { None } else { Some(id.clone()) };
                                view! {
                                    <label class="reading">
                                        <input
                                            type="radio"
                                            name=name.clone()
                                            value=id.clone()
                                            checked=checked
                                            on:change=move |_| workspace.update(|w| w.set_reading(&rule_id, chosen.as_deref()))
                                        />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
            })}
            {(!children.is_empty()).then(|| view! {
                <ul class="sub-rules" aria-label=format!("Parts of {}", r.meta.label)>
                    {children.into_iter().map(|c| rule_view(catalogue, c, workspace)).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn RulesPanel(
    catalogue: &'static Catalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let body = move || {
        checked.with(|c| {
            let c = c.as_ref()?;
            let q = &catalogue.qualifications[c.qualification].qualification;
            if !q.rules_published {
                return Some(
                    view! { <p class="unpublished">"Not published in this document: "{q.rules_note.clone().unwrap_or_default()}</p> }
                        .into_any(),
                );
            }
            Some(
                view! {
                    <ul aria-label="Rules of combination" class="rules">
                        {c.evaluation.rules.iter().cloned().map(|r| rule_view(catalogue, r, workspace)).collect_view()}
                    </ul>
                }
                .into_any(),
            )
        })
    };
    view! {
        <section class="rules-panel" aria-labelledby="rules-heading">
            <h2 id="rules-heading">"Rules of combination"</h2>
            {body}
        </section>
    }
}
