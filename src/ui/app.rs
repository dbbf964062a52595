//! The whole screen: owns the workspace signal, saves it, and lays out the panels.

use super::available_units::AvailableUnits;
use super::completion_panel::CompletionPanel;
use super::notices::Notices;
use super::other_qualifications::OtherQualifications;
use super::plan_list::PlanList;
use super::plans_bar::PlansBar;
use super::qualification_picker::QualificationPicker;
use super::rules_panel::RulesPanel;
use super::storage;
use super::totals_panel::TotalsPanel;
use super::verdict::Verdict;
use crate::catalogue::embedded;
use crate::plan::{check, saved, Check, Workspace};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let catalogue = embedded();
    let restored = storage::load(catalogue);
    let workspace: RwSignal<Workspace> = RwSignal::new(restored.workspace);
    let notices: RwSignal<Vec<String>> = RwSignal::new(restored.problems);

    // Save on every change; report a failure instead of losing it silently.
    Effect::new(move |_| {
        let w = workspace.get();
        if let Err(message) = storage::save(&w) {
            notices.update(|n| {
                if !n.contains(&message) {
                    n.push(message)
                }
            });
        }
    });
    // Another tab saved: show what it saved.
    storage::on_other_tab_change(move |text| {
        let r = saved::decode(&text, catalogue);
        workspace.set(r.workspace);
    });

    let checked: Memo<Option<Check>> = Memo::new(move |_| {
        workspace.with(|w| {
            let plan = w.plan();
            plan.resolve(catalogue)
                .map(|(q, ids)| check(catalogue, q, &ids, &plan.readings))
        })
    });

    view! {
        <header class="masthead">
            <h1>"qualplan"</h1>
            <p class="tagline">"Plan the units of a vocational qualification and check every rule of combination as you go."</p>
        </header>
        <Notices notices=notices />
        <main class="layout">
            <section class="setup" aria-label="Plan and qualification">
                <PlansBar workspace=workspace />
                <QualificationPicker workspace=workspace notices=notices />
            </section>
            <AvailableUnits workspace=workspace checked=checked />
            <section class="plan-column" aria-labelledby="plan-heading">
                <h2 id="plan-heading" tabindex="-1">"Your plan"</h2>
                <Verdict checked=checked />
                <TotalsPanel workspace=workspace checked=checked />
                <PlanList workspace=workspace checked=checked />
                <CompletionPanel workspace=workspace checked=checked />
            </section>
            <div class="side-column">
                <RulesPanel workspace=workspace checked=checked />
                <OtherQualifications workspace=workspace checked=checked />
            </div>
        </main>
    }
}
