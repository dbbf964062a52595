//! The units the chosen qualification offers, grouped as its document groups them, with a text
//! and level filter. Each can be dragged into the plan or added with its button.

use super::announcer::Announce;
use super::reveal::uncover_soon;
use super::shared_catalogue::SharedCatalogue;
use super::unit_badges::unit_badges;
use super::DRAG_TYPE;
use crate::catalogue::Catalogue;
use crate::catalogue::{Level, PlacedUnit, UnitId};
use crate::plan::{Check, Workspace};
use crate::present;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn AvailableUnits(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let announce = expect_context::<Announce>();
    let text = RwSignal::new(String::new());
    let level: RwSignal<Option<Level>> = RwSignal::new(None);
    let qualification = Memo::new(move |_| workspace.with(|w| w.plan().qualification.clone()));
    // Another qualification may not have the level chosen: start again from every level.
    Effect::new(move |_| {
        qualification.track();
        level.set(None);
    });

    // Copy handles for the closures each row makes.
    let catalogue = StoredValue::new(catalogue);
    let levels = move || {
        let c: &Catalogue = &catalogue.get_value();

        c.qualification(&qualification.get())
            .map(|q| q.levels(c))
            .unwrap_or_default()
    };
    let shows = move |id: UnitId| {
        let c: &Catalogue = &catalogue.get_value();

        let u = &c.unit(id).unit;
        level.get().is_none_or(|l| l == u.level) && text.with(|t| u.matches_text(t))
    };
    let state_in = move |check: Option<&Check>, id: UnitId| {
        let c: &Catalogue = &catalogue.get_value();
        row_state(c, check, id)
    };

    let groups = move || {
        let catalogue: &Catalogue = &catalogue.get_value();

        let Some(cq) = catalogue.qualification(&qualification.get()) else {
            return ().into_any();
        };
        // A unit the document lists in two groups is shown once (see `placement`).
        let placement = cq.placement();
        // Each row follows a signal of its own, and one watcher of the check sets a row's only
        // when what that row shows changes: an add notifies the row added and any it bars, and
        // the check has one reader here instead of three a row (each reader a row had made every
        // change cost a little more for every row).
        let mut rows: Vec<(UnitId, RowSignals)> = Vec::new();
        let shown = placement
            .into_iter()
            .map(|placed| {
                let name = cq.qualification.groups[placed.group].name.clone();
                let ids: Vec<UnitId> = placed.units.iter().map(|p| p.unit).collect();
                let any_shown = move || ids.iter().any(|id| shows(*id));
                view! {
                    <li class="group" hidden=move || !any_shown()>
                        <h3>{name.clone()}</h3>
                        <ul aria-label=name.clone() class="units">
                            {placed
                                .units
                                .into_iter()
                                .map(|PlacedUnit { unit: id, also_in: also }| {
                                    let unit = &catalogue.unit(id).unit;
                                    let code = unit.code.clone();
                                    let drag_code = code.clone();
                                    let add_code = code.clone();
                                    let (planned, mark) =
                                        checked.with_untracked(|check| state_in(check.as_ref(), id));
                                    let planned = RwSignal::new(planned);
                                    let mark = RwSignal::new(mark);
                                    rows.push((id, (planned, mark)));
                                    view! {
                                        <li
                                            class="unit"
                                            class:planned=planned
                                            class:barred=move || mark.get().is_some() && !planned.get()
                                            class:clash=move || mark.get().is_some() && planned.get()
                                            hidden=move || !shows(id)
                                            draggable="true"
                                            on:dragstart=move |ev: leptos::ev::DragEvent| {
                                                if let Some(dt) = ev.data_transfer() {
                                                    let _ = dt.set_data(DRAG_TYPE, &drag_code);
                                                    dt.set_effect_allowed("copyMove");
                                                }
                                            }
                                        >
                                            <span class="code">{code.clone()}</span>
                                            <span class="title">{unit.title.clone()}</span>
                                            {unit_badges(unit)}
                                            {present::also_in_words(&also).map(|w| view! { <span class="also">{w}</span> })}
                                            <span class="status">
                                                // Kept and hidden rather than made and dropped: a change writes one attribute.
                                                // A link to the plan, one Shift+Tab back from the Add just pressed: the
                                                // keyboard's way there without Tab through every later unit.
                                                <a class="mark planned-mark" href="#plan-heading" hidden=move || !planned.get()>"\u{2713} In your plan"</a>
                                                {move || mark.get().map(|words| view! {
                                                    <span class="mark barred-mark">"\u{26a0} "{words}</span>
                                                })}
                                            </span>
                                            <button
                                                type="button"
                                                class="add"
                                                aria-label=format!("Add {code}")
                                                aria-disabled=move || planned.get().to_string()
                                                on:click=move |ev: leptos::ev::MouseEvent| {
                                                    if !planned.get_untracked() {
                                                        workspace.update(|w| {
                                                            w.add_unit(&add_code);
                                                        });
                                                        announce.said("Added", &add_code);
                                                        if let Some(row) = event_row(&ev) {
                                                            uncover_soon(row);
                                                        }
                                                    }
                                                }
                                            >
                                                "Add"
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view();
        Effect::new(move |_| {
            checked.with(|check| {
                for (id, (planned, mark)) in &rows {
                    let (now_planned, now_mark) = state_in(check.as_ref(), *id);
                    if planned.get_untracked() != now_planned {
                        planned.set(now_planned);
                    }
                    if mark.get_untracked() != now_mark {
                        mark.set(now_mark);
                    }
                }
            })
        });
        shown.into_any()
    };

    view! {
        <section
            class="available"
            aria-labelledby="available-heading"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                if let Some(code) = ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()) {
                    let mut removed = false;
                    workspace.update(|w| removed = w.remove_unit(&code));
                    if removed {
                        announce.said("Removed", &code);
                    }
                }
            }
        >
            <h2 id="available-heading">"Available units"</h2>
            <div class="filters">
                <label for="unit-filter">"Filter units"</label>
                <input
                    id="unit-filter"
                    type="search"
                    placeholder="code or title"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                <label for="level-filter">"Level"</label>
                <select
                    id="level-filter"
                    on:change=move |ev| level.set(Level::parse(&event_target_value(&ev)))
                >
                    <option value="">"All levels"</option>
                    {move || {
                        levels()
                            .into_iter()
                            .map(|l| {
                                let v = l.to_string();
                                let label = l.label();
                                view! { <option value=v selected=move || level.get() == Some(l)>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <ul aria-label="Available units" class="groups">
                {groups}
            </ul>
        </section>
    }
}

/// What a unit's row shows of the check: whether the unit is planned, and the words that mark
/// it when units already planned bar it (unplanned) or clash with it (planned). Each is a signal
/// of the row's own.
type RowSignals = (RwSignal<bool>, RwSignal<Option<String>>);

/// The unit row an Add press came from.
fn event_row(ev: &leptos::ev::MouseEvent) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("li.unit")
        .ok()
        .flatten()
}

fn row_state(c: &Catalogue, check: Option<&Check>, id: UnitId) -> (bool, Option<String>) {
    check.map_or((false, None), |check| {
        (
            check.planned.contains(&id),
            present::unit_mark(c, check, id),
        )
    })
}
