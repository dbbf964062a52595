//! A polite live region for changes to the plan: each add, remove and move is announced with
//! the new credits ("Added CU795: 13 of 28 credits."), and a unit added that clashes with one
//! planned says so; the verdict has its own region.

use super::shared_catalogue::SharedCatalogue;
use crate::plan::{Check, Workspace};
use crate::present::{change_words, unit_mark};
use leptos::prelude::*;

/// What the person just did to a unit, for the announcement: ("Added", "CU795").
#[derive(Clone, Copy)]
pub struct Announce(RwSignal<Option<(&'static str, String)>>);

impl Announce {
    pub fn said(&self, done: &'static str, code: &str) {
        self.0.set(Some((done, code.to_string())));
    }
}

/// Provides `Announce` to the components below and returns the live region to place.
pub fn announcer(
    catalogue: RwSignal<SharedCatalogue>,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let change: RwSignal<Option<(&'static str, String)>> = RwSignal::new(None);
    provide_context(Announce(change));
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        // A change that leaves the check as it was (a unit's status) is announced too.
        change.track();
        let credits = checked.with(|c| c.as_ref().and_then(|c| c.totals.credits));
        let Some((done, code)) = change.try_update_untracked(Option::take).flatten() else {
            return;
        };
        let catalogue = catalogue.get_untracked();
        // A unit that stays planned and now clashes says so; one taken out has no mark to say.
        let clash = checked.with_untracked(|c| {
            let c = c.as_ref()?;
            let id = c
                .planned
                .iter()
                .find(|u| catalogue.unit(**u).unit.code == code)?;
            unit_mark(&catalogue, c, *id)
        });
        let words = workspace.with_untracked(|w| {
            let q = catalogue.qualification(&w.plan().qualification);
            change_words(
                done,
                &code,
                credits,
                q.map(|q| &q.qualification),
                clash.as_deref(),
            )
        });
        text.set(words);
    });
    view! { <div class="visually-hidden change-live" role="status" aria-live="polite">{move || text.get()}</div> }
}
