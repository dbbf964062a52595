//! The whole screen: owns the workspace and catalogue signals, saves the workspace, and lays out
//! the panels. When the catalogue changes (a loaded file), the panels are rebuilt around it.

use super::announcer::{announcer, Announce};
use super::available_units::AvailableUnits;
use super::catalogue_files::{self, LoadedFile};
use super::catalogue_loader::CatalogueLoader;
use super::compare_plans::ComparePlans;
use super::completion_panel::CompletionPanel;
use super::kept_copies::KeptCopies;
use super::kept_store::{self, Stored};
use super::missing_list::{missing_items, MissingList};
use super::notices::{NoticeArea, Notices};
use super::other_qualifications::OtherQualifications;
use super::plan_for::PlanFor;
use super::plan_list::{add_dropped, PlanList};
use super::plan_tools::PlanTools;
use super::plans_bar::PlansBar;
use super::print_summary::{use_printing, PrintSummary};
use super::qualification_picker::QualificationPicker;
use super::record_panel::RecordPanel;
use super::rules_panel::RulesPanel;
use super::saved_workspace::use_saved_workspace;
use super::shared_catalogue::SharedCatalogue;
use super::shared_plan_offer::{take_shared_plan, SharedPlanOffer};
use super::storage;
use super::summary_bar::SummaryBar;
use super::totals_panel::TotalsPanel;
use super::use_record::use_record;
use super::verdict::Verdict;
use super::why_steps::WhySteps;
use crate::plan::{check, Check, Plan, Workspace};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const CLASSROOM_KEY: &str = "qualplan.classroom";

#[component]
pub fn App() -> impl IntoView {
    let (loaded, files, mut problems) = catalogue_files::load();
    let files: RwSignal<Vec<LoadedFile>> = RwSignal::new(files);
    let first_visit = storage::read().is_none();
    let restored = storage::load(&loaded);
    problems.extend(restored.messages);
    let workspace: RwSignal<Workspace> = RwSignal::new(restored.workspace);
    // Set while a text that could not be copied is held under the save's key: nothing is written
    // over it until the person downloads it or chooses to save anyway.
    let held = RwSignal::new(restored.held);
    let kept: RwSignal<Vec<Stored>> = RwSignal::new(kept_store::list());
    let offer: RwSignal<Option<Plan>> = RwSignal::new(None);
    match take_shared_plan(&loaded) {
        Some(Ok(p)) => {
            // A first visit, from a link: the planner under the preview is on the link's
            // qualification, not on a default one the person never chose.
            if first_visit {
                workspace.set(Workspace::new_on(&p.qualification));
            }
            offer.set(Some(p));
        }
        Some(Err(e)) => problems.push(e),
        None => {}
    }
    let catalogue: RwSignal<SharedCatalogue> = RwSignal::new(loaded);
    let notices = Notices::new(problems);
    let can_store = storage::available();
    let classroom =
        RwSignal::new(can_store && LocalStorage::get::<bool>(CLASSROOM_KEY).unwrap_or(false));
    Effect::new(move |_| {
        let on = classroom.get();
        // The page's type size follows the mode through a class on the root element: a `:has`
        // rule on the root would restyle the whole page each time a plan row is put in.
        if let Some(root) = document().document_element() {
            root.set_class_name(if on { "classroom" } else { "" });
        }
        if can_store {
            let _ = LocalStorage::set(CLASSROOM_KEY, on);
        }
    });

    let tell = move |message: String| notices.problem(message);
    use_saved_workspace(catalogue, workspace, held, kept, tell);
    // Another tab loaded or removed a catalogue file: this tab follows, so plans on it are shown
    // here too and never written out of the save.
    storage::on_other_tab_change(catalogue_files::KEY, move |_| {
        let (c, f, file_problems) = catalogue_files::load();
        file_problems.into_iter().for_each(tell);
        workspace.update(|w| {
            w.set_aside_unknown(&c);
            w.restore_set_aside(&c);
        });
        catalogue.set(c);
        files.set(f);
        kept.set(kept_store::list());
    });

    let checked: Memo<Option<Check>> = Memo::new(move |_| {
        let c = catalogue.get();
        workspace.with(|w| {
            let plan = w.plan();
            plan.resolve(&c)
                .map(|(q, ids)| check(&c, q, &ids, &plan.readings))
        })
    });

    let record = use_record(catalogue, workspace, checked);

    // Set in the frame after the one that shows a change to the plan: what is out of view as the
    // change is made (progress towards other qualifications) follows it then.
    let settled = RwSignal::new(false);
    Effect::new(move |_| {
        checked.track();
        workspace.track();
        request_animation_frame(move || request_animation_frame(move || settled.set(true)));
    });
    // The printed page is made only when printing.
    let printing = use_printing();

    // Before the panels, which announce their changes through it.
    let live = announcer(catalogue, workspace, checked);

    let screen = move || {
        let c = catalogue.get();
        let missing = missing_items(checked);
        let for_steps = c.clone();
        view! {
            <SharedPlanOffer catalogue=c.clone() offer=offer workspace=workspace notices=notices />
            <main class="layout" class:classroom=move || classroom.get()>
                // The qualification is the first choice a newcomer makes; plan administration and
                // tools sit compactly beside it.
                <section class="setup" aria-label="Plan and qualification">
                    <QualificationPicker catalogue=c.clone() workspace=workspace notices=notices />
                    <div class="setup-tools">
                        <PlansBar workspace=workspace notices=notices />
                        <div class="tool-row">
                            <PlanTools catalogue=c.clone() workspace=workspace notices=notices />
                            <CatalogueLoader catalogue=catalogue files=files workspace=workspace notices=notices />
                            <KeptCopies catalogue=catalogue files=files workspace=workspace kept=kept held=held notices=notices />
                        </div>
                    </div>
                </section>
                <AvailableUnits catalogue=c.clone() workspace=workspace checked=checked />
                // The verdict and what is missing stay in view while the unit list scrolls.
                <section
                    class="plan-column"
                    aria-labelledby="plan-heading"
                    on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                    on:drop=move |ev: leptos::ev::DragEvent| add_dropped(workspace, expect_context::<Announce>(), &ev)
                >
                    <h2 id="plan-heading" tabindex="-1">"Your plan"</h2>
                    <PlanFor catalogue=c.clone() checked=checked />
                    <Verdict checked=checked />
                    <MissingList items=missing />
                    <TotalsPanel catalogue=c.clone() workspace=workspace checked=checked />
                    <PlanList catalogue=c.clone() workspace=workspace checked=checked record=record />
                    <RecordPanel catalogue=c.clone() workspace=workspace record=record />
                    <ComparePlans catalogue=c.clone() workspace=workspace />
                    // In a classroom the rule-by-rule walk sits with the plan, beside the rules.
                    <Show when=move || classroom.get()>
                        <WhySteps catalogue=for_steps.clone() checked=checked />
                    </Show>
                    <CompletionPanel catalogue=c.clone() workspace=workspace checked=checked record=record />
                </section>
                <div class="side-column">
                    <RulesPanel catalogue=c.clone() workspace=workspace checked=checked classroom=classroom />
                    <OtherQualifications catalogue=c.clone() workspace=workspace checked=checked settled=settled />
                </div>
            </main>
            <SummaryBar catalogue=catalogue workspace=workspace checked=checked missing=missing />
            <PrintSummary catalogue=c.clone() workspace=workspace checked=checked record=record printing=printing />
        }
    };

    view! {
        <a class="skip-link" href="#plan-heading">"Skip to your plan"</a>
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
        <NoticeArea notices=notices />
        {live}
        {screen}
    }
}
