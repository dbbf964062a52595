//! The level of a pasted row that prints none, chosen in the table's review.

use super::editor_details::all_levels;
use crate::catalogue::Level;
use leptos::prelude::*;

/// The level of a row that prints none: chosen for the row, else the one for every such row.
#[component]
pub fn RowLevel(
    code: String,
    index: usize,
    levels: RwSignal<Vec<Option<Level>>>,
    fallback: RwSignal<Option<Level>>,
) -> impl IntoView {
    let level = move || {
        levels
            .with(|v| v.get(index).copied().flatten())
            .or(fallback.get())
    };
    let choose = move |ev| {
        let l = Level::parse(&event_target_value(&ev));
        levels.update(|v| {
            if let Some(slot) = v.get_mut(index) {
                *slot = l;
            }
        });
    };
    view! {
        <td class:missing-figure=move || level().is_none()>
            <select aria-label=format!("Level of {code}") on:change=choose>
                <option value="" prop:selected=move || level().is_none()>"Choose"</option>
                {all_levels().into_iter().map(|l| view! { <option value=l.to_string() prop:selected=move || level() == Some(l)>{l.label()}</option> }).collect_view()}
            </select>
        </td>
    }
}
