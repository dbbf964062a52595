//! Level, credit and GLH badges for a unit, with "not published" where the document prints none.

use crate::catalogue::Unit;
use crate::present::{credit_words, glh_words};
use leptos::prelude::*;

/// The words are made here, so the view keeps no reference to the catalogue.
pub fn unit_badges(unit: &Unit) -> impl IntoView + use<> {
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
