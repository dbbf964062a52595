//! Which qualification the plan is for, at the plan's head: the qualification is chosen above
//! the unit list, far from the plan on a phone and below everything in classroom mode, where a
//! class would otherwise not see what is being planned. "Change" goes to the choice.

use super::shared_catalogue::SharedCatalogue;
use crate::plan::Check;
use crate::present::number_first_name;
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
                Some(number_first_name(&cq.qualification))
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
