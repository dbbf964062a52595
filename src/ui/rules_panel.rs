//! Every rule of combination, met or not, with its shortfall, the document's wording and source,
//! and a switch between readings where the document can be read two ways.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::{Catalogue, CatalogueQualification};
use crate::plan::{Check, Workspace};
use crate::present::{reading_label, rule_rows, rule_status, RuleRow};
use crate::rules::{RuleResult, Status};
use leptos::prelude::*;

/// The status as shown: its class and a mark before the words.
fn status_words(s: Status) -> (&'static str, String) {
    let w = rule_status(s);
    let mark = match s {
        Status::Met => "\u{2713}",
        Status::Unmet => "\u{2717}",
        Status::NotJudged => "\u{2022}",
        Status::Undecided => "?",
    };
    (w.class, format!("{mark} {}", w.words))
}

fn rule_view(
    catalogue: &Catalogue,
    cq: &CatalogueQualification,
    r: RuleResult,
    workspace: RwSignal<Workspace>,
) -> AnyView {
    let (class, words) = status_words(r.status);
    let counted: Vec<String> = r
        .counted
        .iter()
        .map(|u| catalogue.unit(*u).unit.code.clone())
        .collect();
    let notes = cq.readings_of(&r.meta.id);
    let in_force = r.reading.clone();
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
            {(notes.len() > 1).then(|| {
                let name = format!("reading-{}", rule_id);
                view! {
                    <fieldset class="readings">
                        <legend>{format!("Reading of \u{201c}{}\u{201d}", r.meta.label)}</legend>
                        {notes
                            .into_iter()
                            .map(|note| {
                                let checked = in_force.as_deref() == Some(note.id.as_str());
                                let rule_id = rule_id.clone();
                                let chosen = (!note.default).then(|| note.id.clone());
                                let input_id = format!("{name}-{}", note.id);
                                view! {
                                    <div class="reading">
                                        <input
                                            type="radio"
                                            id=input_id.clone()
                                            name=name.clone()
                                            value=note.id.clone()
                                            checked=checked
                                            on:change=move |_| workspace.update(|w| w.set_reading(&rule_id, chosen.as_deref()))
                                        />
                                        <label for=input_id>{note.label.clone()}</label>
                                        <p class="reading-why">
                                            {note.default.then_some(view! { <strong>"The reading used unless you choose another. "</strong> })}
                                            {note.why.clone()}
                                        </p>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
            })}
            {(!children.is_empty()).then(|| view! {
                <ul class="sub-rules" aria-label=format!("Parts of {}", r.meta.label)>
                    {children.into_iter().map(|c| rule_view(catalogue, cq, c, workspace)).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}

#[component]
pub fn RulesPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    /// In classroom mode the unmet rules come first.
    classroom: RwSignal<bool>,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let body = move || {
        let catalogue: &Catalogue = &catalogue.get_value();

        let unmet_first = classroom.get();
        checked.with(|c| {
            let c = c.as_ref()?;
            // A catalogue newer than this panel's is shown once the screen is drawn again.
            let cq = catalogue.qualifications.get(c.qualification.index())?;
            let q = &cq.qualification;
            if !q.rules_published {
                return Some(
                    view! { <p class="unpublished">"Not published in this document: "{q.rules_note.clone().unwrap_or_default()}</p> }
                        .into_any(),
                );
            }
            let readings = workspace.with_untracked(|w| w.plan().readings.clone());
            let rules = &c.evaluation.rules;
            let rows = rule_rows(cq, rules, &readings, unmet_first);
            Some(
                view! {
                    <ul aria-label="Rules of combination" class="rules">
                        {rows
                            .into_iter()
                            .map(|row| match row {
                                RuleRow::One(i) => rule_view(catalogue, cq, rules[i].clone(), workspace),
                                RuleRow::Folded { rules: folded, words } => view! {
                                    <li class="rule met folded">
                                        <details>
                                            <summary><span class="rule-status">"\u{2713} "</span>{words}</summary>
                                            <ul class="sub-rules" aria-label="Barred combinations">
                                                {folded.into_iter().map(|i| rule_view(catalogue, cq, rules[i].clone(), workspace)).collect_view()}
                                            </ul>
                                        </details>
                                    </li>
                                }
                                .into_any(),
                            })
                            .collect_view()}
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
