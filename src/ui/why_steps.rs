//! The step-by-step "why" view for a classroom: one rule of the current plan at a time, with its
//! verdict, what is missing, and the document's own words.

use super::rules_panel::status_mark;
use super::shared_catalogue::SharedCatalogue;
use crate::plan::Check;
use crate::present::rule_sentence;
use crate::rules::Status;
use leptos::prelude::*;

#[component]
pub fn WhySteps(catalogue: SharedCatalogue, checked: Memo<Option<Check>>) -> impl IntoView {
    // The walk starts where the rules list does: at a rule the plan has too much for, else the
    // first rule not met; that is what the class is looking at. It then goes in the document's
    // order, which stays put while the plan changes (the list's unmet-first order does not).
    let first_unmet = checked.with_untracked(|c| {
        c.as_ref()
            .and_then(|c| {
                let e = &c.evaluation;
                (e.too_many.first().copied())
                    .or_else(|| e.rules.iter().position(|r| r.status == Status::Unmet))
            })
            .unwrap_or(0)
    });
    let step = RwSignal::new(first_unmet);
    let count = move || checked.with(|c| c.as_ref().map(|c| c.evaluation.rules.len()).unwrap_or(0));
    let current = move || {
        checked.with(|c| {
            let c = c.as_ref()?;
            let i = step.get().min(c.evaluation.rules.len().checked_sub(1)?);
            let r = c.evaluation.rules[i].clone();
            let counted: Vec<String> = r
                .counted
                .iter()
                .map(|u| catalogue.unit(*u).unit.code.clone())
                .collect();
            Some((i, r, counted))
        })
    };
    view! {
        <section class="why-steps" aria-labelledby="why-heading">
            <h2 id="why-heading">"Why: rule by rule"</h2>
            {move || match current() {
                None => view! { <p>"This qualification's document publishes no rules of combination to walk through."</p> }.into_any(),
                Some((i, r, counted)) => {
                    let verdict = format!("{} {}", status_mark(r.status), rule_sentence(&r));
                    view! {
                        <p class="step-count">{format!("Rule {} of {} in the document", i + 1, count())}</p>
                        <h3>{r.meta.label.clone()}</h3>
                        <blockquote>{format!("\u{201c}{}\u{201d}", r.meta.text)}</blockquote>
                        <p class="source">{format!("Printed in: {}", r.meta.source)}</p>
                        <p class="step-verdict">{verdict}</p>
                        <p>{if counted.is_empty() { "No planned unit counts towards it.".to_string() } else { format!("Units that count: {}.", counted.join(", ")) }}</p>
                    }
                    .into_any()
                }
            }}
            <div class="step-buttons">
                <button type="button" disabled=move || step.get() == 0 on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>"Previous rule"</button>
                <button type="button" disabled=move || { step.get() + 1 >= count() } on:click=move |_| step.update(|s| *s += 1)>"Next rule"</button>
            </div>
        </section>
    }
}
