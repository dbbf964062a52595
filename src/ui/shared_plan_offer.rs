//! A plan opened from a link, at start or in a tab already open (the fragment changes): shown as
//! it is, read-only (its name, qualification, units, readings and verdict), and offered as a new
//! named plan (never over an existing one).

use super::notices::Notices;
use super::shared_catalogue::SharedCatalogue;
use super::verdict::tone_mark;
use crate::catalogue::Catalogue;
use crate::plan::{share, Plan, Workspace};
use crate::present::{link_refused, shared_plan_saved, shared_plan_words};
use leptos::prelude::*;

/// The planner's own in-page anchors (the skip link, the phone's "View plan", the plan's
/// "Change"), for a page loaded with one before it is drawn: following one is not opening a link.
const OWN_ANCHORS: [&str; 2] = ["#plan-heading", "#qualification-find"];

/// Whether the address's fragment is meant as a plan's link: anything but nothing and the
/// planner's own anchors (listed, or naming an element of the page), so a damaged or cut link is
/// refused in words rather than ignored.
fn is_plan_link(hash: &str) -> bool {
    hash.len() > 1
        && !OWN_ANCHORS.contains(&hash)
        && document().get_element_by_id(&hash[1..]).is_none()
}

/// Reads the link's fragment, then clears it so a reload does not offer it again. `None` when the
/// address holds no plan.
pub fn take_shared_plan(catalogue: &Catalogue) -> Option<Result<Plan, String>> {
    let hash = window().location().hash().ok()?;
    if !is_plan_link(&hash) {
        return None;
    }
    let result = share::decode(&hash, catalogue).map_err(|e| link_refused(&e));
    if let Ok(history) = window().history() {
        let path = window().location().pathname().unwrap_or_default();
        let search = window().location().search().unwrap_or_default();
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
    Some(result)
}

/// Brings the offer into view and gives its heading focus, so a link opened in a tab scrolled
/// down the page is seen and read at once.
fn show_offer() {
    request_animation_frame(|| {
        if let Some(h) = document()
            .get_element_by_id("shared-plan-heading")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            h.scroll_into_view();
            let _ = h.focus();
        }
    });
}

#[component]
pub fn SharedPlanOffer(
    catalogue: SharedCatalogue,
    offer: RwSignal<Option<Plan>>,
    workspace: RwSignal<Workspace>,
    notices: Notices,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    // A link pasted into the address bar of this tab, or followed from another page of it, only
    // changes the fragment: the page does not load again.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        match take_shared_plan(&catalogue.get_value()) {
            Some(Ok(p)) => {
                offer.set(Some(p));
                show_offer();
            }
            Some(Err(e)) => notices.problem(e),
            None => {}
        }
    });
    // The panel is rebuilt when the catalogue changes; the new one listens instead.
    on_cleanup(move || listener.remove());

    let words = Memo::new(move |_| {
        offer.with(|p| {
            p.as_ref()
                .map(|p| shared_plan_words(&catalogue.get_value(), p))
        })
    });
    let details = move || {
        words.get().map(|w| {
            let mark = tone_mark(w.verdict.tone);
            view! {
                <p class="shared-summary">{w.summary}</p>
                <p class="hint">{w.note}</p>
                <p class=format!("preview-verdict {}", w.verdict.tone.as_str())>{format!("{mark}{}", w.verdict.words)}</p>
                {(!w.missing.is_empty()).then(|| view! {
                    <ul class="shared-missing" aria-label="Still missing in the shared plan">
                        {w.missing.into_iter().map(|(label, shortfall)| view! { <li><b>{label}</b>": "{shortfall}</li> }).collect_view()}
                    </ul>
                })}
                // A new plan from the editor has none yet: no heading over an empty list.
                {(!w.units.is_empty()).then(|| view! {
                <h3>"Units"</h3>
                <ul class="shared-units" aria-label="Units in the shared plan">
                    {w.units.into_iter().map(|u| view! {
                        <li>
                            <b class="code">{u.line.code}</b>
                            " "
                            <span class="title">{u.line.title}</span>
                            " "
                            <small class="about">{u.line.about}</small>
                            {u.record.map(|r| view! { " " <strong class="record">{r}</strong> })}
                        </li>
                    }).collect_view()}
                </ul>
                })}
                {(!w.readings.is_empty()).then(|| view! {
                    <h3>"Readings"</h3>
                    <ul class="shared-readings" aria-label="Readings in the shared plan">
                        {w.readings.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                    </ul>
                })}
            }
        })
    };
    view! {
        <Show when=move || offer.with(Option::is_some)>
            <div class="shared-offer" role="region" aria-label="Shared plan">
                <h2 id="shared-plan-heading" tabindex="-1">{move || words.with(|w| w.as_ref().map(|w| w.heading.clone()))}</h2>
                {details}
                <div class="shared-actions">
                    <button type="button" class="primary" on:click=move |_| {
                        if let Some(p) = offer.get() {
                            workspace.update(|w| w.add_plans(vec![p]));
                            let name = workspace.with(|w| w.plan().name.clone());
                            notices.done(shared_plan_saved(&name));
                        }
                        offer.set(None);
                    }>"Save as a new plan"</button>
                    <button type="button" on:click=move |_| offer.set(None)>"Dismiss"</button>
                </div>
            </div>
        </Show>
    }
}
