//! Level, credit and GLH badges for a unit, with "not published" where the document prints none.

use crate::catalogue::Unit;
use crate::present::{credit_words, glh_words};
use leptos::prelude::*;

#[component]
pub fn UnitBadges(unit: &'static Unit) -> impl IntoView {
    let level = unit.level.label();
    let credit = credit_words(unit.credit);
    let glh = glh_words(unit.glh);
    view! {
        <span class="badges">
            <span class="badge level">{level}</span>
            <span class="badge credit">{credit}</span>
            <span class="badge glh">{glh}</span>
        </span>
    }
}
