//! The qualification editor: a qualification made field by field (details, units, groups, rules),
//! checked as it is made, tried with a plan, then used in the planner or exported as a file.

use super::browser_files::download;
use super::catalogue_files::{self, LoadedFile};
use super::editor_check::EditorCheck;
use super::editor_details::EditorDetails;
use super::editor_groups::EditorGroups;
use super::editor_rules::EditorRules;
use super::editor_state::{base_catalogue, Editor};
use super::editor_units::EditorUnits;
use super::notices::Notices;
use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::Catalogue;
use crate::editor::draft::Problem;
use crate::plan::{share, Plan};
use leptos::prelude::*;
use std::sync::Arc;

/// How long after the last change a qualification in use is brought up to date in the planner's
/// files: typing a title rebuilds the planner's catalogue once, not once per key.
const FOLLOW_AFTER_MS: u64 = 400;

/// The draft's problems and, when it has no error, the catalogue with it (for trying plans).
#[derive(Clone)]
pub struct Built {
    pub problems: Vec<Problem>,
    pub catalogue: Option<Arc<Catalogue>>,
}

impl Built {
    /// The problems placed at `place`, in words, shown beside it (the summary lists them all).
    pub fn at(&self, place: &crate::editor::draft::Place) -> Vec<Problem> {
        self.problems
            .iter()
            .filter(|p| &p.place == place)
            .cloned()
            .collect()
    }
}

/// Problems shown beside the field, unit, group or rule they are about.
pub fn beside(problems: Vec<Problem>) -> impl IntoView {
    problems
        .into_iter()
        .map(|p| {
            let class = if p.warning {
                "row-problem warning"
            } else {
                "row-problem"
            };
            view! { <span class=class>{p.words}</span> }
        })
        .collect_view()
}

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        self.problems == other.problems
            && match (&self.catalogue, &other.catalogue) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

#[component]
pub fn QualificationEditor(
    editor: Editor,
    catalogue: RwSignal<SharedCatalogue>,
    files: RwSignal<Vec<LoadedFile>>,
    notices: Notices,
) -> impl IntoView {
    let used_as = move || {
        editor.open.get().and_then(|i| {
            editor
                .entries
                .with(|e| e.get(i).and_then(|e| e.used_as.clone()))
        })
    };
    // The catalogue a draft joins changes only when files are loaded or the draft is used.
    let base = Memo::new(move |_| {
        let name = used_as();
        files.with(|f| BaseKey(Arc::new(base_catalogue(f, name.as_deref()))))
    });
    let built = Memo::new(move |_| {
        let b = base.get();
        editor
            .with(|d| {
                let (problems, c) = d.build(&b.0);
                Built {
                    problems,
                    catalogue: c.map(Arc::new),
                }
            })
            .unwrap_or(Built {
                problems: Vec::new(),
                catalogue: None,
            })
    });
    let qualification = Signal::derive(move || {
        editor
            .with(|d| d.qualification().id.clone())
            .unwrap_or_default()
    });
    let units = Signal::derive(move || editor.with(|d| d.unit_choices()).unwrap_or_default());
    let ready = move || built.with(|b| b.catalogue.is_some());

    // The draft joins the catalogue files this browser keeps; the planner opens with a plan on it
    // offered as a link (nothing is saved there until the person says so). The link, or `None`
    // with the problem told.
    let keep_for_planner = move || -> Option<String> {
        let i = editor.open.get_untracked()?;
        let entry = editor.entries.with_untracked(|e| e.get(i).cloned())?;
        let name = format!("{} (made in the editor)", entry.draft.name());
        let mut current = catalogue.get_untracked();
        if let Some(old) = &entry.used_as {
            match catalogue_files::remove(old) {
                Ok((c, _)) => current = c,
                Err(e) => {
                    notices.problem(e);
                    return None;
                }
            }
        }
        match catalogue_files::add(&current, &name, &entry.draft.export()) {
            Ok(kept) => {
                let kept_as = kept.files.last().map(|f| f.name.clone());
                catalogue.set(kept.catalogue);
                files.set(kept.files);
                editor.entries.update(|e| e[i].used_as = kept_as);
                let plan = Plan::new(&entry.draft.name(), &entry.draft.qualification().id);
                Some(format!("./#{}", share::encode(&plan)))
            }
            Err(e) => {
                notices.problem(format!("The qualification could not be used:\n{e}"));
                None
            }
        }
    };
    let use_it = move |_| {
        if let Some(link) = keep_for_planner() {
            let _ = window().location().set_href(&link);
        }
    };
    // The planner in a tab of its own, beside the editor: it follows every change (see below).
    let preview = move |_| {
        if let Some(link) = keep_for_planner() {
            if window()
                .open_with_url_and_target(&link, "_blank")
                .ok()
                .flatten()
                .is_none()
            {
                notices.problem("The browser did not open a new tab: allow this page to open one, or use \u{201c}Use in the planner\u{201d}.".to_string());
            }
        }
    };
    // A qualification in use in the planner is kept up to date as it is edited, a moment after
    // the last change and only while it has no error, so a planner open in another tab follows.
    let follow_problem: RwSignal<Option<String>> = RwSignal::new(None);
    let turn = StoredValue::new(0u32);
    Effect::new(move |_| {
        let (Some(name), true) = (used_as(), ready()) else {
            return;
        };
        let Some(text) = editor.with(|d| d.export()) else {
            return;
        };
        let this = turn.get_value().wrapping_add(1);
        turn.set_value(this);
        set_timeout(
            move || {
                if turn.get_value() == this {
                    follow_problem.set(catalogue_files::replace(&name, &text).err());
                }
            },
            std::time::Duration::from_millis(FOLLOW_AFTER_MS),
        );
    });
    let follow_words = move || {
        used_as().map(|_| match (ready(), follow_problem.get()) {
            (_, Some(e)) => format!("The planner could not be brought up to date: {e}"),
            (true, None) => "The planner follows this qualification: each change reaches a planner open in another tab a moment after you make it.".to_string(),
            (false, None) => "The planner keeps the last version without a problem until the problems below are mended.".to_string(),
        })
    };
    let export = move |_| {
        if let Some((name, text)) = editor.with(|d| (d.file_name(), d.export())) {
            match download(&name, &text) {
                Ok(()) => notices.done(format!("Exported {name}: load it with \u{201c}Load a catalogue file\u{201d}, or give it to the command line with --catalogue.")),
                Err(e) => notices.problem(e),
            }
        }
    };
    let close = move |_| {
        editor.open.set(None);
        if let Some(el) = document().get_element_by_id("editor-drafts") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    view! {
        <Show when=move || editor.open.get().is_some()>
            <section class="qualification-editor" aria-labelledby="editor-heading">
                <div class="editor-head">
                    <h2 id="editor-heading" tabindex="-1">{move || format!("Qualification editor: {}", editor.with(|d| d.name()).unwrap_or_default())}</h2>
                    <div class="actions">
                        <button type="button" class="primary" prop:disabled=move || !ready() aria-describedby="editor-not-ready" on:click=use_it>"Use in the planner"</button>
                        <button type="button" prop:disabled=move || !ready() aria-describedby="editor-not-ready" on:click=preview>"Open the planner beside it"</button>
                        <button type="button" on:click=export>"Export the file"</button>
                        <button type="button" on:click=close>"Close the editor"</button>
                    </div>
                </div>
                // Says why the planner's two buttons are greyed, where they are.
                <p class="hint not-ready" id="editor-not-ready" hidden=ready>"The planner can use it once nothing is still needed: see the check below."</p>
                <p class="hint">"Everything here is kept in this browser as you type; the check shows what is still needed."</p>
                // A table of fifty units puts the groups and rules thousands of pixels (and
                // hundreds of Tab presses) down: a way straight to each part.
                <nav class="inline-form editor-parts" aria-label="Parts of the editor">
                    <a href="#editor-details">"Details"</a>
                    <a href="#editor-units">"Units"</a>
                    <a href="#editor-groups">"Groups"</a>
                    <a href="#editor-rules">"Rules of combination"</a>
                    <a href="#editor-check">"Check"</a>
                </nav>
                {move || follow_words().map(|w| view! { <p class="follow-status" role="status">{w}</p> })}
                <div class="editor-body">
                    <div class="editor-form">
                        <EditorDetails editor=editor />
                        <EditorUnits editor=editor built=built />
                        <EditorGroups editor=editor built=built />
                        <EditorRules editor=editor built=built />
                    </div>
                    <EditorCheck built=built qualification=qualification units=units />
                </div>
            </section>
        </Show>
    }
}

/// The base catalogue, compared by identity (it is rebuilt only when its inputs change).
#[derive(Clone)]
struct BaseKey(Arc<Catalogue>);

impl PartialEq for BaseKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
