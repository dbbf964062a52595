//! "Your plan": the drop zone and the planned units, each movable and removable by button.

use super::announcer::Announce;
use super::reveal::focus_soon;
use super::shared_catalogue::SharedCatalogue;
use super::unit_badges::unit_badges;
use super::unit_record::unit_record;
use super::use_record::RecordSignals;
use super::DRAG_TYPE;
use crate::catalogue::UnitId;
use crate::plan::{Check, Workspace};
use crate::present;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An element id for one of a unit's buttons: codes such as "F/601/1609" hold characters ids avoid.
fn button_id(action: &str, code: &str) -> String {
    let safe: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{action}-{safe}")
}

fn remove_id(code: &str) -> String {
    button_id("remove", code)
}

/// Keeps keyboard users in the list across a removal: focus goes to the next unit's Remove
/// button, or to the plan's heading when the list will be empty. It moves before the row is
/// taken away: removing the element that holds focus makes the browser work out the page's
/// style there and then, in the middle of the change (6-14 ms a removal on a 4x-slowed CPU),
/// and leaves focus on the page itself until it is moved.
fn focus_before_removal(next: Option<String>) {
    let doc = document();
    let target = next
        .and_then(|c| doc.get_element_by_id(&remove_id(&c)))
        .or_else(|| doc.get_element_by_id("plan-heading"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// "Move CODE up" (`delta` -1) or "down" (+1); focus stays on the button so it can be pressed
/// again. Disabled where the unit cannot move further that way.
fn move_button(workspace: RwSignal<Workspace>, code: &str, delta: isize) -> impl IntoView {
    let announce = expect_context::<Announce>();
    let (dir, arrow) = if delta < 0 {
        ("up", "\u{2191}")
    } else {
        ("down", "\u{2193}")
    };
    let code = code.to_string();
    let id = button_id(dir, &code);
    let label = format!("Move {code} {dir}");
    let at_end = {
        let code = code.clone();
        move || {
            workspace.with(|w| {
                let units = &w.plan().units;
                let i = units.iter().position(|u| *u == code);
                i.is_none_or(|i| (delta < 0 && i == 0) || (delta > 0 && i + 1 == units.len()))
            })
        }
    };
    view! {
        <button
            type="button"
            id=id.clone()
            aria-label=label
            disabled=at_end
            on:click=move |_| {
                let mut moved = false;
                workspace.update(|w| moved = w.move_unit(&code, delta));
                if moved {
                    announce.said(if delta < 0 { "Moved up" } else { "Moved down" }, &code);
                }
                // Moving re-orders the list: focus stays on the button pressed, to press again.
                focus_soon(id.clone());
            }
        >
            {arrow}
        </button>
    }
}

/// Adds the unit a drop carries at the end of the plan: the drop zone and the whole plan column
/// take drops, so the target is in view wherever the column is scrolled.
pub fn add_dropped(workspace: RwSignal<Workspace>, announce: Announce, ev: &leptos::ev::DragEvent) {
    ev.prevent_default();
    ev.stop_propagation();
    if let Some(code) = ev
        .data_transfer()
        .and_then(|dt| dt.get_data(DRAG_TYPE).ok())
    {
        let mut added = false;
        workspace.update(|w| added = w.add_unit(&code));
        if added {
            announce.said("Added", &code);
        }
    }
}

#[component]
pub fn PlanList(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
    record: RecordSignals,
) -> impl IntoView {
    let planned =
        move || checked.with(|c| c.as_ref().map(|c| c.planned.clone()).unwrap_or_default());
    // Planned units that cannot be taken together, each with its words: the check read once for
    // the list, and a row's mark re-drawn only when the clashes change.
    let for_words = catalogue.clone();
    let clashes = Memo::new(move |_| {
        checked.with(|c| {
            c.as_ref().map_or_else(Vec::new, |c| {
                (c.evaluation.clashes.iter())
                    .filter_map(|(u, _)| Some((*u, present::unit_mark(&for_words, c, *u)?)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let dragging_over = RwSignal::new(false);
    let announce = expect_context::<Announce>();
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
                add_dropped(workspace, announce, &ev);
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
                        let (c1, c2, c3, c4, c5) =
                            (code.clone(), code.clone(), code.clone(), code.clone(), code.clone());
                        view! {
                            <li
                                class="unit"
                                class:clash=move || clashes.with(|all| all.iter().any(|(u, _)| *u == id))
                                draggable="true"
                                on:dragstart=move |ev: leptos::ev::DragEvent| {
                                    if let Some(dt) = ev.data_transfer() {
                                        let _ = dt.set_data(DRAG_TYPE, &c1);
                                        dt.set_effect_allowed("move");
                                    }
                                }
                                on:drop=move |ev: leptos::ev::DragEvent| {
                                    // A planned unit dropped on another takes its place; a unit
                                    // from the list goes on to the drop zone, which adds it at
                                    // the end.
                                    let Some(dragged) = ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()) else { return };
                                    let planned_here = workspace.with_untracked(|w| w.plan().units.contains(&dragged));
                                    if !planned_here {
                                        return;
                                    }
                                    ev.prevent_default();
                                    ev.stop_propagation();
                                    dragging_over.set(false);
                                    let mut moved = false;
                                    workspace.update(|w| {
                                        if let Some(to) = w.plan().units.iter().position(|u| *u == c5) {
                                            moved = w.move_unit_to(&dragged, to);
                                        }
                                    });
                                    if moved {
                                        announce.said("Moved", &dragged);
                                    }
                                }
                            >
                                <span class="code">{code.clone()}</span>
                                <span class="title">{unit.title.clone()}</span>
                                {unit_badges(unit)}
                                {move || clashes.with(|all| all.iter().find(|(u, _)| *u == id).map(|(_, words)| view! {
                                    <span class="status"><span class="mark barred-mark">"\u{26a0} "{words.clone()}</span></span>
                                }))}
                                {unit_record(catalogue.clone(), workspace, record, id, code.clone())}
                                <span class="actions">
                                    {move_button(workspace, &c2, -1)}
                                    {move_button(workspace, &c3, 1)}
                                    <button
                                        type="button"
                                        class="remove"
                                        id=remove_id(&code)
                                        aria-label=format!("Remove {code}")
                                        on:click=move |_| {
                                            let next = workspace.with_untracked(|w| {
                                                let units = &w.plan().units;
                                                let i = units.iter().position(|u| *u == c4)?;
                                                units.get(i + 1).or(if i > 0 { units.get(i - 1) } else { None }).cloned()
                                            });
                                            focus_before_removal(next);
                                            workspace.update(|w| {
                                                w.remove_unit(&c4);
                                            });
                                            announce.said("Removed", &c4);
                                        }
                                    >
                                        "Remove"
                                    </button>
                                </span>
                            </li>
                        }
                    }
                />
            </ul>
        </div>
    }
}
