//! Level, credit and GLH badges for a unit, with "not published" where the document prints none.

use crate::catalogue::Unit;
use leptos::prelude::*;

#[component]
pub fn UnitBadges(unit: &'static Unit) -> impl IntoView {
    let level = unit.level.label();
    let credit = match unit.credit {
        Some(1) => "1 credit".to_string(),
        Some(c) => format!("{c} credits"),
        None => "credits not published".to_string(),
    };
    let glh = match unit.glh {
        Some(g) => format!("{g} GLH"),
        None => "GLH not published".to_string(),
    };
    view! {
        <span class="badges">
            <span class="badge level">{level}</span>
            <span class="badge credit">{credit}</span>
            <span class="badge glh">{glh}</span>
        </span>
    }
}
