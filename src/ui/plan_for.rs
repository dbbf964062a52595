//! Which qualification the plan is for, at the plan's head: the qualification is chosen above
//! the unit list, far from the plan on a phone and below everything in classroom mode, where a
//! class would otherwise not see what is being planned. "Change" goes to the choice.

use super::shared_catalogue::SharedCatalogue;
use crate::plan::Check;
use crate::present::qualification_number;
use leptos::prelude::*;

#[component]
pub fn PlanFor(catalogue: SharedCatalogue, checked: Memo<Option<Check>>) -> impl IntoView {
    // Text only, no element made or dropped: the line is empty before a qualification is chosen.
    let name = move || {
        checked
            .with(|c| {
                let cq = catalogue
                    .qualifications
                    .get(c.as_ref()?.qualification.index())?;
                let q = &cq.qualification;
                // The number first: classroom mode cuts a long name short on one line, and
                // the number is what a class is told.
                Some(match qualification_number(q) {
                    Some(n) => format!("{n} \u{b7} {}", q.title),
                    None => q.title.clone(),
                })
            })
            .unwrap_or_default()
    };
    view! {
        <p class="plan-for">
            <span>{name}</span>
            " "
            <a href="#qualification-find">"Change"<span class="visually-hidden">" qualification"</span></a>
        </p>
    }
}
