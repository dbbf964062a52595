//! "Kept copies": every text the planner could not wholly use, and every plan kept aside for a
//! qualification not loaded here; each can be downloaded, taken back or deleted (with undo).
//! Shown only when there is something in it.

use super::browser_files::download;
use super::catalogue_files::{self, LoadedFile};
use super::kept_store::{self, Stored};
use super::notices::Notices;
use super::shared_catalogue::SharedCatalogue;
use super::storage;
use crate::catalogue::decode_loaded_files;
use crate::limits::{counted, size_words};
use crate::plan::{exchange, saved, Plan, Workspace};
use leptos::prelude::*;

/// What the last delete removed, so it can be undone.
#[derive(Clone)]
enum Deleted {
    Copy(Stored),
    PlanAside(Plan),
}

fn when(kept_at: f64) -> String {
    if kept_at <= 0.0 {
        return "earlier".into();
    }
    js_sys::Date::new(&kept_at.into())
        .to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

fn file_name(kept_at: f64) -> String {
    format!("qualplan-kept-copy-{}.json", kept_at as u64)
}

#[component]
pub fn KeptCopies(
    catalogue: RwSignal<SharedCatalogue>,
    files: RwSignal<Vec<LoadedFile>>,
    workspace: RwSignal<Workspace>,
    kept: RwSignal<Vec<Stored>>,
    held: RwSignal<bool>,
    notices: Notices,
) -> impl IntoView {
    let tell = move |m: String| notices.problem(m);
    let deleted: RwSignal<Option<Deleted>> = RwSignal::new(None);
    let aside = Memo::new(move |_| workspace.with(|w| w.set_aside.clone()));
    let count = move || kept.with(Vec::len) + aside.with(Vec::len);
    let shown = move || count() > 0 || held.get() || deleted.with(Option::is_some);

    let take_back = move |stored: Stored| {
        let c = catalogue.get_untracked();
        if stored.copy.from == catalogue_files::KEY {
            // A list of catalogue files: load each that still loads.
            let Ok(list) = decode_loaded_files(&stored.copy.text) else {
                tell("Nothing in this copy can be read by this version of the planner; download it to keep it.".into());
                return;
            };
            let mut current = c;
            let mut loaded = 0;
            for f in list {
                match catalogue_files::add(&current, &f.name, &f.text) {
                    Ok(kept) => {
                        current = kept.catalogue;
                        files.set(kept.files);
                        loaded += 1;
                    }
                    Err(e) => tell(format!("{} was not loaded: {e}", f.name)),
                }
            }
            workspace.update(|w| {
                w.restore_set_aside(&current);
            });
            catalogue.set(current);
            notices.done(format!(
                "Loaded {} from the copy.",
                counted(loaded, "catalogue file", "catalogue files")
            ));
            return;
        }
        let restored = saved::decode(&stored.copy.text, &c);
        if restored.plans_read == 0 {
            tell("Nothing in this copy can be read by this version of the planner; download it to keep it.".into());
            return;
        }
        let n = restored.plans_read;
        let mut theirs = restored.workspace;
        let aside = std::mem::take(&mut theirs.set_aside);
        workspace.update(|w| {
            w.add_plans(theirs.plans);
            w.add_set_aside(aside);
        });
        notices.done(format!(
            "Took back {} from the copy{}; the copy itself is still kept.",
            counted(n, "plan", "plans"),
            if restored.problems.is_empty() {
                String::new()
            } else {
                format!(" ({})", restored.problems.join(" "))
            }
        ));
    };

    let delete_copy = move |stored: Stored| {
        kept_store::remove(&stored.key);
        kept.set(kept_store::list());
        deleted.set(Some(Deleted::Copy(stored)));
    };
    let delete_aside = move |name: String| {
        let mut removed = None;
        workspace.update(|w| removed = w.discard_set_aside(&name));
        deleted.set(removed.map(Deleted::PlanAside));
    };
    let undo = move |_| match deleted.get_untracked() {
        Some(Deleted::Copy(stored)) => match kept_store::put_back(&stored) {
            Ok(()) => {
                kept.set(kept_store::list());
                deleted.set(None);
            }
            Err(e) => tell(e),
        },
        Some(Deleted::PlanAside(plan)) => {
            workspace.update(|w| w.add_set_aside(vec![plan]));
            deleted.set(None);
        }
        None => {}
    };
    let download_held = move |_| {
        let text = storage::storage()
            .and_then(|s| s.get_item(storage::KEY).ok().flatten())
            .unwrap_or_default();
        if let Err(e) = download("qualplan-saved-plans.json", &text) {
            tell(format!("The save could not be downloaded: {e}."));
        }
    };

    view! {
        <Show when=shown>
            <details class="kept-copies" open=move || held.get()>
                <summary>{move || format!("Kept copies ({})", count())}</summary>
                <p class="hint">"What the planner could not wholly use, kept whole so nothing is lost. Nothing here is sent anywhere."</p>
                <Show when=move || held.get()>
                    <div class="held" role="alert">
                        <p>"Your saved plans could not be read and there was no room to keep a copy, so this tab is not saving. Download the save first; then choose to save this tab's plans over it."</p>
                        <button type="button" on:click=download_held>"Download the save"</button>
                        <button type="button" on:click=move |_| held.set(false)>"Save this tab's plans anyway"</button>
                    </div>
                </Show>
                <Show when=move || deleted.with(Option::is_some)>
                    <p class="undo" role="status">
                        {move || match deleted.get() {
                            Some(Deleted::Copy(s)) => format!("Deleted the copy kept {}.", when(s.copy.kept_at)),
                            Some(Deleted::PlanAside(p)) => format!("Deleted \u{201c}{}\u{201d}.", p.name),
                            None => String::new(),
                        }}
                        " "
                        <button type="button" on:click=undo>"Undo"</button>
                    </p>
                </Show>
                <ul aria-label="Kept copies" class="kept-list">
                    {move || {
                        kept.get()
                            .into_iter()
                            .map(|stored| {
                                let label = format!("the copy kept {}", when(stored.copy.kept_at));
                                let (a, b, d) = (stored.clone(), stored.clone(), stored.clone());
                                view! {
                                    <li>
                                        <p>
                                            <strong>{when(stored.copy.kept_at)}</strong>
                                            {format!(" \u{b7} {} \u{b7} {}", size_words(stored.copy.text.len()), stored.copy.reason)}
                                        </p>
                                        <button type="button" aria-label=format!("Download {label}") on:click=move |_| {
                                            if let Err(e) = download(&file_name(a.copy.kept_at), &a.copy.text) {
                                                tell(format!("The copy could not be downloaded: {e}."));
                                            }
                                        }>"Download"</button>
                                        <button type="button" aria-label=format!("Take back what can be read from {label}") on:click=move |_| take_back(b.clone())>"Take back"</button>
                                        <button type="button" aria-label=format!("Delete {label}") on:click=move |_| delete_copy(d.clone())>"Delete"</button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <Show when=move || !aside.with(Vec::is_empty)>
                    <h3>"Plans kept aside"</h3>
                    <p class="hint">"Their qualification is in a catalogue file this browser does not have loaded; they come back when it is."</p>
                    <ul aria-label="Plans kept aside" class="kept-list">
                        {move || {
                            aside
                                .get()
                                .into_iter()
                                .map(|plan| {
                                    let name = plan.name.clone();
                                    let export = plan.clone();
                                    view! {
                                        <li>
                                            <p>
                                                <strong>{plan.name.clone()}</strong>
                                                {format!(" \u{b7} {} \u{b7} {} unit(s)", plan.qualification, plan.units.len())}
                                            </p>
                                            <button type="button" aria-label=format!("Export {}", plan.name) on:click=move |_| {
                                                let text = exchange::export(std::slice::from_ref(&export));
                                                if let Err(e) = download("plan-kept-aside.qualplan.json", &text) {
                                                    tell(format!("The plan could not be exported: {e}."));
                                                }
                                            }>"Export"</button>
                                            <button type="button" aria-label=format!("Delete {}", plan.name) on:click=move |_| delete_aside(name.clone())>"Delete"</button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </Show>
            </details>
        </Show>
    }
}
