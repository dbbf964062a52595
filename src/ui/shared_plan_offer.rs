//! A plan opened from a link: shown, and offered as a new named plan (never over an existing one).

use crate::catalogue::Catalogue;
use crate::plan::{share, Plan, Workspace};
use leptos::prelude::*;

/// Reads the link's fragment once, then clears it so a reload does not offer it again.
pub fn take_shared_plan(catalogue: &Catalogue) -> Option<Result<Plan, String>> {
    let hash = window().location().hash().ok()?;
    if hash.len() <= 1 {
        return None;
    }
    let result = share::decode(&hash, catalogue)
        .map_err(|e| format!("The link's plan could not be opened: {e}. Nothing was changed."));
    if let Ok(history) = window().history() {
        let path = window().location().pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(result)
}

#[component]
pub fn SharedPlanOffer(
    catalogue: &'static Catalogue,
    offer: RwSignal<Option<Plan>>,
    workspace: RwSignal<Workspace>,
) -> impl IntoView {
    let text = move || {
        offer.get().map(|p| {
            let title = catalogue
                .qualification(&p.qualification)
                .map(|q| q.qualification.title.clone())
                .unwrap_or_default();
            format!(
                "A shared plan, \u{201c}{}\u{201d}: {} unit{} towards {title}{}",
                p.name,
                p.units.len(),
                if p.units.len() == 1 { "" } else { "s" },
                if p.units.is_empty() {
                    ".".to_string()
                } else {
                    format!(": {}.", p.units.join(", "))
                }
            )
        })
    };
    view! {
        <Show when=move || offer.with(Option::is_some)>
            <div class="shared-offer" role="region" aria-label="Shared plan">
                <p>{text}</p>
                <button type="button" on:click=move |_| {
                    if let Some(p) = offer.get() {
                        workspace.update(|w| w.add_plans(vec![p]));
                    }
                    offer.set(None);
                }>"Save as a new plan"</button>
                <button type="button" on:click=move |_| offer.set(None)>"Dismiss"</button>
            </div>
        </Show>
    }
}
