//! Named plans: switch, create, rename, duplicate, delete.

use crate::plan::Workspace;
use leptos::prelude::*;

#[component]
pub fn PlansBar(workspace: RwSignal<Workspace>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    // Memos, so thousands of plans are not listed afresh on every change to the open one.
    let names = Memo::new(move |_| {
        workspace.with(|w| w.plans.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
    });
    let current_index = Memo::new(move |_| workspace.with(|w| w.current));
    let names = move || names.get();
    let current = move || current_index.get();
    let rename = move || {
        let n = name.get();
        workspace.update(|w| {
            w.rename(&n);
        });
        name.set(String::new());
    };
    view! {
        <div class="plans-bar">
            <label for="plan-select">"Plan"</label>
            <select
                id="plan-select"
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        workspace.update(|w| {
                            w.switch(i);
                        });
                    }
                }
                prop:value=move || current().to_string()
            >
                {move || {
                    // `selected` marks the open plan as the options are made (the select's value
                    // cannot be set before they exist); later switches go through `prop:value`
                    // alone, so thousands of options are not each re-checked on every switch.
                    let open = current_index.get_untracked();
                    names()
                        .into_iter()
                        .enumerate()
                        .map(|(i, n)| view! { <option value=i.to_string() selected=i == open>{n}</option> })
                        .collect_view()
                }}
            </select>
            <button type="button" on:click=move |_| workspace.update(Workspace::new_plan)>"New plan"</button>
            <button type="button" on:click=move |_| workspace.update(Workspace::duplicate)>"Duplicate plan"</button>
            <button type="button" on:click=move |_| workspace.update(Workspace::delete)>"Delete plan"</button>
            <form class="rename" on:submit=move |ev| {
                ev.prevent_default();
                rename();
            }>
                <label for="plan-name">"New name"</label>
                <input id="plan-name" type="text" maxlength="80" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">"Rename plan"</button>
            </form>
        </div>
    }
}
