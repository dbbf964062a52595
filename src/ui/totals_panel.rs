//! Running totals against the qualification's published figures: credits, GLH and TQT.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::{Catalogue, Qualification};
use crate::plan::{Check, Workspace};
use crate::present::{
    credit_target_words, glh_target_words, not_published, tqt_label, tqt_target_words, unit_count,
};
use leptos::prelude::*;

/// The meter's `low` bound just under the target, so reaching the target turns it "optimum".
/// Written with integers: formatting an f64 would pull about 20 KB of float code into the wasm.
fn half_below(target: u32) -> String {
    match target {
        0 => "-0.5".into(),
        t => format!("{}.5", t - 1),
    }
}

/// One total: a labelled group with a meter and the figures in words.
#[component]
fn Total(
    #[prop(into)] label: Signal<&'static str>,
    value: Signal<Option<u32>>,
    target: Signal<Option<u32>>,
    target_words: Signal<String>,
) -> impl IntoView {
    let text = move || match value.get() {
        None => not_published().to_string(),
        Some(v) => format!("{v} {}", target_words.get()),
    };
    let max = move || {
        target
            .get()
            .unwrap_or(0)
            .max(value.get().unwrap_or(0))
            .max(1)
    };
    view! {
        <div class="total" role="group" aria-label=move || label.get()>
            <span class="total-label">{move || label.get()}</span>
            // With no published figure there is nothing to measure against: an empty meter, marked.
            <meter
                class:no-target=move || target.get().is_none()
                aria-label=move || label.get()
                min="0"
                max=move || max().to_string()
                low=move || target.get().map(half_below)
                optimum=move || max().to_string()
                value=move || if target.get().is_some() { value.get().unwrap_or(0) } else { 0 }.to_string()
            ></meter>
            <span class="total-value">{text}</span>
        </div>
    }
}

/// One of the qualification's published figures, or words about them, read from the catalogue in
/// place: the qualification is not copied to read it.
fn published<T: Send + Sync + 'static>(
    catalogue: StoredValue<SharedCatalogue>,
    qualification: Memo<String>,
    f: fn(Option<&Qualification>) -> T,
) -> Signal<T> {
    Signal::derive(move || {
        let c: &Catalogue = &catalogue.get_value();
        f(c.qualification(&qualification.get())
            .map(|q| &q.qualification))
    })
}

#[component]
pub fn TotalsPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    // The published figures change with the qualification, not with each unit planned.
    let qualification = Memo::new(move |_| workspace.with(|w| w.plan().qualification.clone()));
    let totals = move || checked.with(|c| c.as_ref().map(|c| c.totals));
    let units = move || totals().map(|t| t.units).unwrap_or(0);
    let credits = Signal::derive(move || totals().and_then(|t| t.credits));
    let glh = Signal::derive(move || totals().and_then(|t| t.glh));
    let tqt = Signal::derive(move || totals().and_then(|t| t.tqt));
    let min_credits = published(catalogue, qualification, |q| q?.min_credits);
    let pub_glh = published(catalogue, qualification, |q| q?.glh_target());
    let pub_tqt = published(catalogue, qualification, |q| q?.tqt);
    let credit_words = published(catalogue, qualification, credit_target_words);
    let glh_words = published(catalogue, qualification, glh_target_words);
    let tqt_words = published(catalogue, qualification, tqt_target_words);
    let tqt_name = published(catalogue, qualification, tqt_label);
    view! {
        <div class="totals" aria-label="Totals" role="group">
            <p class="unit-count">{move || unit_count(units())}</p>
            <Total label="Credits" value=credits target=min_credits target_words=credit_words />
            <Total label="GLH" value=glh target=pub_glh target_words=glh_words />
            <Total label=tqt_name value=tqt target=pub_tqt target_words=tqt_words />
        </div>
    }
}
