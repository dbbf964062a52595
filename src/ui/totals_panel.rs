//! Running totals against the qualification's published figures: credits, GLH and TQT.

use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::Catalogue;
use crate::plan::{Check, Workspace};
use crate::present::{unit_count, Total};
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
fn TotalRow(
    total: Total,
    value: Signal<Option<u32>>,
    catalogue: StoredValue<SharedCatalogue>,
    /// The published figures change with the qualification, not with each unit planned.
    qualification: Memo<String>,
) -> impl IntoView {
    // Read from the catalogue in place: the qualification is not copied to read it.
    let measure = Memo::new(move |_| {
        let c: &Catalogue = &catalogue.get_value();
        qualification.with(|id| total.measure(c.qualification(id).map(|q| &q.qualification)))
    });
    let label = move || measure.with(|m| m.label);
    let target = move || measure.with(|m| m.target);
    let max = move || {
        let t = target().map(|t| t.ceiling.unwrap_or(t.reach));
        t.unwrap_or(0).max(value.get().unwrap_or(0)).max(1)
    };
    // Under the target and past a ceiling the meter is "suboptimal", between them "optimum".
    view! {
        <div class="total" role="group" aria-label=label>
            <span class="total-label">{label}</span>
            // With no published figure there is nothing to measure against: an empty meter, marked.
            <meter
                class:no-target=move || target().is_none()
                aria-label=label
                min="0"
                max=move || max().to_string()
                low=move || target().map(|t| half_below(t.reach))
                high=move || target().and_then(|t| t.ceiling).map(|c| format!("{c}.5"))
                optimum=move || target().map_or_else(|| max().to_string(), |t| t.reach.to_string())
                value=move || if target().is_some() { value.get().unwrap_or(0) } else { 0 }.to_string()
            ></meter>
            <span class="total-value">{move || measure.with(|m| m.words(value.get()))}</span>
        </div>
    }
}

#[component]
pub fn TotalsPanel(
    catalogue: SharedCatalogue,
    workspace: RwSignal<Workspace>,
    checked: Memo<Option<Check>>,
) -> impl IntoView {
    let catalogue = StoredValue::new(catalogue);
    let qualification = Memo::new(move |_| workspace.with(|w| w.plan().qualification.clone()));
    let totals = move || checked.with(|c| c.as_ref().map(|c| c.totals));
    let units = move || totals().map(|t| t.units).unwrap_or(0);
    let credits = Signal::derive(move || totals().and_then(|t| t.credits));
    let glh = Signal::derive(move || totals().and_then(|t| t.glh));
    let tqt = Signal::derive(move || totals().and_then(|t| t.tqt));
    view! {
        <div class="totals" aria-label="Totals" role="group">
            <p class="unit-count">{move || unit_count(units())}</p>
            <TotalRow total=Total::Credits value=credits catalogue qualification />
            <TotalRow total=Total::Glh value=glh catalogue qualification />
            <TotalRow total=Total::Tqt value=tqt catalogue qualification />
        </div>
    }
}
