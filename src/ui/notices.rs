//! Messages the user must see: a save that could not be read, a full storage quota.

use leptos::prelude::*;

#[component]
pub fn Notices(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || !notices.with(Vec::is_empty)>
            <div class="notices" role="alert">
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" on:click=move |_| notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
