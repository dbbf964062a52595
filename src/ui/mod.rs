//! The browser shell: Leptos components, one per file, named for what the user sees. They read
//! signals and call the core; no business rule lives here.

mod announcer;
mod app;
mod available_units;
mod browser_files;
pub mod catalogue_files;
mod catalogue_loader;
mod compare_plans;
mod completion_panel;
mod editor_app;
mod editor_check;
mod editor_details;
mod editor_drafts;
mod editor_groups;
mod editor_row_level;
mod editor_rules;
mod editor_state;
mod editor_units;
mod kept_copies;
pub mod kept_store;
mod missing_list;
mod notices;
mod offline;
mod other_qualifications;
mod panic_message;
mod plan_for;
mod plan_list;
mod plan_tools;
mod plans_bar;
mod print_summary;
mod qualification_editor;
mod qualification_picker;
mod record_panel;
mod reveal;
mod rules_panel;
mod saved_workspace;
mod shared_catalogue;
mod shared_plan_offer;
pub mod storage;
mod summary_bar;
mod today;
mod totals_panel;
mod unit_badges;
mod unit_record;
mod use_record;
mod verdict;
mod why_steps;

pub use app::App;

/// Mounts the app on the page's body.
pub fn mount() {
    panic_message::show_panics_on_console();
    leptos::mount::mount_to_body(App);
    // The page's own loading message goes once the app is there, and so does the first screen
    // the release build wrote into the page (inert markup, see tests/e2e/prerender.mjs). Only
    // then: a mount that fails leaves the message for the page's start-failure script to turn
    // into what happened, over the first screen, instead of a blank page. Nothing is drawn
    // between the mount and this, and the app's effects, which may look elements up by id, run
    // after it.
    for id in ["loading", "prerendered"] {
        if let Some(e) = leptos::prelude::document().get_element_by_id(id) {
            e.remove();
        }
    }
    offline::register();
}

/// Mounts the qualification editor (editor.html) on the page's body: its own page and wasm, so
/// the planner's bundle does not carry the editor.
pub fn mount_editor() {
    panic_message::show_panics_on_console();
    leptos::mount::mount_to_body(editor_app::EditorApp);
    // After the mount, as for the planner.
    if let Some(loading) = leptos::prelude::document().get_element_by_id("loading") {
        loading.remove();
    }
}

/// The MIME type used to carry a unit's code through a drag.
pub(crate) const DRAG_TYPE: &str = "text/plain";
