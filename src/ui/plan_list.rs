//! "Your plan": the drop zone and the planned units, each movable and removable by button.

use super::unit_badges::UnitBadges;
use super::DRAG_TYPE;
use crate::catalogue::{embedded, UnitId};
use crate::plan::{Check, Workspace};
use leptos::prelude::*;

#[component]
pub fn PlanList(workspace: RwSignal<Workspace>, checked: Memo<Option<Check>>) -> impl IntoView {
    let catalogue = embedded();
    let planned =
        move || checked.with(|c| c.as_ref().map(|c| c.planned.clone()).unwrap_or_default());
    let dragging_over = RwSignal::new(false);
    view! {
        <div
            class="dropzone"
            class:over=move || dragging_over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging_over.set(true);
            }
            on:dragleave=move |_| dragging_over.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                dragging_over.set(false);
                if let Some(code) = ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()) {
                    workspace.update(|w| {
                        w.add_unit(&code);
                    });
                }
            }
        >
            <Show when=move || checked.with(|c| c.as_ref().is_none_or(|c| c.planned.is_empty()))>
                <p class="hint">"Drag units here, or use their \u{201c}Add\u{201d} buttons."</p>
            </Show>
            <ul aria-label="Your plan" class="units planned-units">
                <For
                    each=planned
                    key=|id: &UnitId| *id
                    children=move |id: UnitId| {
                        let unit = &catalogue.unit(id).unit;
                        let code = unit.code.clone();
                        let (c1, c2, c3, c4) = (code.clone(), code.clone(), code.clone(), code.clone());
                        view! {
                            <li
                                class="unit"
                                draggable="true"
                                on:dragstart=move |ev: leptos::ev::DragEvent| {
                                    if let Some(dt) = ev.data_transfer() {
                                        let _ = dt.set_data(DRAG_TYPE, &c1);
                                        dt.set_effect_allowed("move");
                                    }
                                }
                            >
                                <span class="code">{code.clone()}</span>
                                <span class="title">{unit.title.clone()}</span>
                                <UnitBadges unit=unit />
                                <span class="actions">
                                    <button type="button" aria-label=format!("Move {code} up") on:click=move |_| workspace.update(|w| { w.move_unit(&c2, -1); })>"\u{2191}"</button>
                                    <button type="button" aria-label=format!("Move {code} down") on:click=move |_| workspace.update(|w| { w.move_unit(&c3, 1); })>"\u{2193}"</button>
                                    <button type="button" class="remove" aria-label=format!("Remove {code}") on:click=move |_| workspace.update(|w| { w.remove_unit(&c4); })>"Remove"</button>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </div>
    }
}
