//! "Still missing": each unmet rule's shortfall in words, under the verdict, so what to do next
//! is where the person is already looking.

use crate::plan::Check;
use crate::present::missing;
use leptos::prelude::*;

#[component]
pub fn MissingList(checked: Memo<Option<Check>>) -> impl IntoView {
    let items = Memo::new(move |_| checked.with(|c| c.as_ref().map(missing).unwrap_or_default()));
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <div class="missing">
                <h3 id="missing-heading">"Still missing"</h3>
                <ul aria-labelledby="missing-heading">
                    {move || {
                        items
                            .get()
                            .into_iter()
                            .map(|(label, shortfall)| view! {
                                <li><strong>{label}</strong>": "{shortfall}</li>
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
