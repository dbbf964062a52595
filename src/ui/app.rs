//! The whole screen: owns the workspace and catalogue signals, saves the workspace, and lays out
//! the panels. When the catalogue changes (a loaded file), the panels are rebuilt around it.

use super::available_units::AvailableUnits;
use super::catalogue_files::{self, LoadedFile};
use super::catalogue_loader::CatalogueLoader;
use super::completion_panel::CompletionPanel;
use super::notices::Notices;
use super::other_qualifications::OtherQualifications;
use super::plan_list::PlanList;
use super::plan_tools::PlanTools;
use super::plans_bar::PlansBar;
use super::qualification_picker::QualificationPicker;
use super::rules_panel::RulesPanel;
use super::shared_plan_offer::{take_shared_plan, SharedPlanOffer};
use super::storage;
use super::totals_panel::TotalsPanel;
use super::verdict::Verdict;
use super::why_steps::WhySteps;
use crate::catalogue::Catalogue;
use crate::plan::{check, saved, Check, Plan, Workspace};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const CLASSROOM_KEY: &str = "qualplan.classroom";

#[component]
pub fn App() -> impl IntoView {
    let (loaded, files, mut problems) = catalogue_files::load();
    let catalogue: RwSignal<&'static Catalogue> = RwSignal::new(loaded);
    let files: RwSignal<Vec<LoadedFile>> = RwSignal::new(files);
    let restored = storage::load(loaded);
    problems.extend(restored.problems);
    let workspace: RwSignal<Workspace> = RwSignal::new(restored.workspace);
    let offer: RwSignal<Option<Plan>> = RwSignal::new(None);
    match take_shared_plan(loaded) {
        Some(Ok(p)) => offer.set(Some(p)),
        Some(Err(e)) => problems.push(e),
        None => {}
    }
    let notices: RwSignal<Vec<String>> = RwSignal::new(problems);
    let can_store = storage::available();
    let classroom =
        RwSignal::new(can_store && LocalStorage::get::<bool>(CLASSROOM_KEY).unwrap_or(false));
    Effect::new(move |_| {
        let on = classroom.get();
        if can_store {
            let _ = LocalStorage::set(CLASSROOM_KEY, on);
        }
    });

    // Set while applying another tab's save, which must not be written back (the tabs would
    // answer each other for ever, each with its own open plan).
    let from_other_tab = StoredValue::new(false);
    // Save on every change; report a failure instead of losing it silently.
    Effect::new(move |_| {
        let w = workspace.get();
        if from_other_tab.get_value() {
            from_other_tab.set_value(false);
            return;
        }
        if let Err(message) = storage::save(&w) {
            notices.update(|n| {
                if !n.contains(&message) {
                    n.push(message)
                }
            });
        }
    });
    // Another tab saved: show its plans, but keep this tab on the plan it has open, so two tabs
    // can show two plans side by side.
    storage::on_other_tab_change(move |text| {
        let theirs = saved::decode(&text, catalogue.get_untracked()).workspace;
        from_other_tab.set_value(true);
        workspace.update(|w| w.adopt(theirs));
    });

    let checked: Memo<Option<Check>> = Memo::new(move |_| {
        let c = catalogue.get();
        workspace.with(|w| {
            let plan = w.plan();
            plan.resolve(c)
                .map(|(q, ids)| check(c, q, &ids, &plan.readings))
        })
    });

    let screen = move || {
        let c = catalogue.get();
        view! {
            <SharedPlanOffer catalogue=c offer=offer workspace=workspace />
            <main class="layout" class:classroom=move || classroom.get()>
                <section class="setup" aria-label="Plan and qualification">
                    <div class="setup-tools">
                        <PlansBar workspace=workspace />
                        <PlanTools catalogue=c workspace=workspace notices=notices />
                        <CatalogueLoader catalogue=catalogue files=files workspace=workspace notices=notices />
                    </div>
                    <QualificationPicker catalogue=c workspace=workspace notices=notices />
                </section>
                <AvailableUnits catalogue=c workspace=workspace checked=checked />
                <section class="plan-column" aria-labelledby="plan-heading">
                    <h2 id="plan-heading" tabindex="-1">"Your plan"</h2>
                    <Verdict checked=checked />
                    <TotalsPanel catalogue=c workspace=workspace checked=checked />
                    <PlanList catalogue=c workspace=workspace checked=checked />
                    <CompletionPanel catalogue=c workspace=workspace checked=checked />
                </section>
                <div class="side-column">
                    <Show when=move || classroom.get()>
                        <WhySteps catalogue=c checked=checked />
                    </Show>
                    <RulesPanel catalogue=c workspace=workspace checked=checked />
                    <OtherQualifications catalogue=c workspace=workspace checked=checked />
                </div>
            </main>
        }
    };

    view! {
        <header class="masthead">
            <div>
                <h1>"qualplan"</h1>
                <p class="tagline">"Plan the units of a vocational qualification and check every rule of combination as you go."</p>
            </div>
            <button
                type="button"
                class="classroom-toggle"
                aria-pressed=move || classroom.get().to_string()
                on:click=move |_| classroom.update(|c| *c = !*c)
            >
                "Classroom mode"
            </button>
        </header>
        <Notices notices=notices />
        {screen}
    }
}
