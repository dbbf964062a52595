//! On a phone the plan is far below the unit list: a bar at the foot of the screen carries the
//! verdict, the credits and the first thing missing, and opens the plan. Classroom mode puts the
//! list below the plan, so there the stylesheet shows the bar once the plan is scrolled away; on
//! a phone it lies under the plan, which passes over it when scrolled to.

use super::shared_catalogue::SharedCatalogue;
use super::verdict::tone_mark;
use crate::plan::{Check, Workspace};
use crate::present::{credits_short, next_step, verdict, verdict_short, Tone};
use leptos::prelude::*;

#[component]
pub fn SummaryBar(
    catalogue: RwSignal<SharedCatalogue>,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    /// What is still missing, as the plan column lists it.
    missing: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let tone = move || checked.with(|c| verdict(c.as_ref()).tone);
    let line = move || {
        let catalogue = catalogue.get();
        workspace.with(|w| {
            let q = catalogue
                .qualification(&w.plan().qualification)
                .map(|q| &q.qualification);
            // A bullet stands in for a mark where the verdict is neither, so the line starts alike.
            let mark = match tone() {
                Tone::Unknown => "\u{2022} ",
                t => tone_mark(t),
            };
            checked.with(|c| {
                let credits = credits_short(c.as_ref().and_then(|c| c.totals.credits), q);
                format!("{mark}{} \u{b7} {credits}", verdict_short(c.as_ref()))
            })
        })
    };
    let next = move || missing.with(|m| next_step(m));
    view! {
        <nav id="summary-bar" class="summary-bar" class:met=move || tone() == Tone::Met class:start=move || tone() == Tone::Start aria-label="Plan summary">
            <div class="summary-text">
                <p class="summary-line">{line}</p>
                {move || next().map(|n| view! { <p class="summary-next">{n}</p> })}
            </div>
            <a class="summary-link" href="#plan-heading">"View plan"</a>
        </nav>
    }
}
