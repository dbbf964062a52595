//! "Still missing": each unmet rule's shortfall in words, under the verdict, so what to do next
//! is where the person is already looking.

use crate::plan::Check;
use crate::present::missing;
use leptos::prelude::*;

/// Each unmet rule's label and shortfall; the summary bar reads the first.
pub fn missing_items(checked: Memo<Option<Check>>) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| checked.with(|c| c.as_ref().map(missing).unwrap_or_default()))
}

#[component]
pub fn MissingList(items: Memo<Vec<(String, String)>>) -> impl IntoView {
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
