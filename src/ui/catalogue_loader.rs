//! "Your own qualifications": the way to the qualification editor (its own page, editor.html, so
//! the planner does not carry its code), and catalogue files (data/SCHEMA.md) loaded, validated
//! and removed.

use super::browser_files::on_file_chosen;
use super::catalogue_files::{self, LoadedFile};
use super::notices::Notices;
use super::shared_catalogue::SharedCatalogue;
use crate::limits::MAX_CATALOGUE_FILE_BYTES;
use crate::plan::Workspace;
use leptos::prelude::*;

#[component]
pub fn CatalogueLoader(
    catalogue: RwSignal<SharedCatalogue>,
    files: RwSignal<Vec<LoadedFile>>,
    workspace: RwSignal<Workspace>,
    notices: Notices,
) -> impl IntoView {
    let tell = move |m: String| notices.problem(m);
    let load = move |ev: leptos::ev::Event| {
        on_file_chosen(ev, MAX_CATALOGUE_FILE_BYTES, tell, move |name, text| {
            match catalogue_files::add(&catalogue.get_untracked(), &name, &text) {
                Ok(kept) => {
                    let (c, f) = (kept.catalogue, kept.files);
                    let before = catalogue.get_untracked();
                    let added: Vec<String> = c
                        .added_since(&before)
                        .iter()
                        .map(|q| q.qualification.title.clone())
                        .collect();
                    // A second file of one name is kept under a name of its own: say which.
                    let kept_as = f.last().map_or(name.clone(), |k| k.name.clone());
                    let mut back = Vec::new();
                    workspace.update(|w| back = w.restore_set_aside(&c));
                    catalogue.set(c);
                    files.set(f);
                    notices.done(format!(
                        "Loaded {}: {}.",
                        crate::limits::shortened(&kept_as),
                        crate::limits::few(&added)
                    ));
                    if !back.is_empty() {
                        notices.done(format!(
                            "Plans kept aside for it are back: {}.",
                            crate::limits::few(&back)
                        ));
                    }
                    // Loaded, but worth a look: shown as problems so they are read.
                    kept.warnings.into_iter().for_each(tell);
                }
                Err(e) => tell(format!(
                    "{} was not loaded, and nothing was changed:\n{e}",
                    crate::limits::shortened(&name)
                )),
            }
        });
    };
    let remove = move |name: String| {
        match catalogue_files::remove(&name) {
            Ok((c, f)) => {
                // Plans on the file's qualifications are kept aside, to come back with it.
                let mut aside = 0;
                workspace.update(|w| aside = w.set_aside_unknown(&c));
                catalogue.set(c);
                files.set(f);
                notices.done(match aside {
                    0 => format!("Removed {name}."),
                    1 => format!("Removed {name}. The plan on it is kept aside and comes back if the file is loaded again (see Kept copies)."),
                    n => format!("Removed {name}. The {n} plans on it are kept aside and come back if the file is loaded again (see Kept copies)."),
                });
            }
            Err(e) => tell(e),
        }
    };
    view! {
        <details class="catalogue-loader">
            <summary>"Your own qualifications"</summary>
            <p class="hint">"Make a qualification in the editor (paste its unit table, name its groups, pick its rules), or load a catalogue file describing one (the format is in the README)."</p>
            <p><a class="button-link primary" href="editor.html">"Open the qualification editor"</a></p>
            <label class="file-button" for="load-catalogue">"Load a catalogue file"</label>
            <input id="load-catalogue" type="file" accept="application/json,.json" on:change=load />
            <ul aria-label="Loaded catalogue files">
                {move || {
                    files
                        .get()
                        .into_iter()
                        .map(|f| {
                            let name = f.name.clone();
                            view! {
                                <li>
                                    {f.name.clone()}
                                    " "
                                    <button type="button" aria-label=format!("Remove {}", f.name) on:click=move |_| remove(name.clone())>"Remove"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
