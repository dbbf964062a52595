//! The qualifications made in the editor, listed where loaded files are: make a new one, open one
//! for editing (or a file), duplicate, delete with undo.

use super::browser_files::on_file_chosen;
use super::editor_state::Editor;
use super::notices::Notices;
use super::shared_catalogue::SharedCatalogue;
use crate::catalogue::Catalogue;
use crate::editor::draft::{import, Draft};
use crate::editor::shelf::{id_taken, Entry};
use crate::limits::MAX_CATALOGUE_FILE_BYTES;
use leptos::prelude::*;

/// Whether a document or qualification of the catalogue already has `id`.
fn in_catalogue(c: &Catalogue, id: &str) -> bool {
    c.documents.iter().any(|d| d.document.id == id) || c.qualification(id).is_some()
}

/// Opens the editor on entry `i` and moves focus to its heading.
fn open_at(editor: Editor, i: usize) {
    editor.open.set(Some(i));
    request_animation_frame(|| {
        if let Some(el) = document().get_element_by_id("editor-heading") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                el.scroll_into_view();
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn EditorDrafts(
    editor: Editor,
    catalogue: RwSignal<SharedCatalogue>,
    notices: Notices,
) -> impl IntoView {
    let deleted: RwSignal<Option<(usize, Entry)>> = RwSignal::new(None);
    let add = move |draft: Draft| {
        let mut at = 0;
        editor.entries.update(|e| {
            e.push(Entry {
                draft,
                used_as: None,
            });
            at = e.len() - 1;
        });
        open_at(editor, at);
    };
    let fresh_draft = move || {
        let c = catalogue.get_untracked();
        editor
            .entries
            .with_untracked(|e| Draft::new(id_taken(e, |id| in_catalogue(&c, id))))
    };
    let make = move |_| add(fresh_draft());
    let duplicate = move |i: usize| {
        let Some(copy) = editor
            .entries
            .with_untracked(|e| e.get(i).map(|e| e.draft.clone()))
        else {
            return;
        };
        let c = catalogue.get_untracked();
        let copy = editor
            .entries
            .with_untracked(|e| copy.duplicate(id_taken(e, |id| in_catalogue(&c, id))));
        add(copy);
    };
    let delete = move |i: usize| {
        let mut gone = None;
        editor.entries.update(|e| {
            if i < e.len() {
                gone = Some(e.remove(i));
            }
        });
        if editor.open.get_untracked() == Some(i) {
            editor.open.set(None);
        } else if let Some(o) = editor.open.get_untracked().filter(|o| *o > i) {
            editor.open.set(Some(o - 1));
        }
        deleted.set(gone.map(|g| (i, g)));
    };
    let undo = move |_| {
        if let Some((i, entry)) = deleted.get_untracked() {
            editor.entries.update(|e| e.insert(i.min(e.len()), entry));
            deleted.set(None);
        }
    };
    let open_file = move |ev: leptos::ev::Event| {
        on_file_chosen(
            ev,
            MAX_CATALOGUE_FILE_BYTES,
            move |e| notices.problem(e),
            move |name, text| {
                match import(&text) {
                    Ok(mut d) => {
                        // Opened for editing beside the file, not in its place: its ids are its own.
                        let c = catalogue.get_untracked();
                        editor.entries.with_untracked(|e| {
                            d.take_free_id(id_taken(e, |id| in_catalogue(&c, id)))
                        });
                        add(d);
                    }
                    Err(e) => notices.problem(format!(
                        "{} could not be opened in the editor: {e}",
                        crate::limits::shortened(&name)
                    )),
                }
            },
        );
    };
    view! {
        <div class="editor-drafts" id="editor-drafts" tabindex="-1">
            <h2>"Your qualifications"</h2>
            <p class="hint">"Kept in this browser. Each can be opened for editing, used in the planner or exported as a file."</p>
            <ul aria-label="Qualifications made in the editor">
                {move || editor.entries.with(|e| e.iter().enumerate().map(|(i, entry)| {
                    let name = entry.draft.name();
                    view! {
                        <li>
                            <span>{name.clone()}</span>
                            <button type="button" aria-label=format!("Edit {name}") on:click=move |_| open_at(editor, i)>"Edit"</button>
                            <button type="button" aria-label=format!("Duplicate {name}") on:click=move |_| duplicate(i)>"Duplicate"</button>
                            <button type="button" aria-label=format!("Delete {name}") on:click=move |_| delete(i)>"Delete"</button>
                        </li>
                    }
                }).collect_view())}
            </ul>
            {move || deleted.get().map(|(_, e)| view! {
                <p class="undo-row" role="status">
                    {format!("Deleted \u{201c}{}\u{201d}. ", e.draft.name())}
                    <button type="button" on:click=undo>"Undo"</button>
                </p>
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=make>"Make a qualification"</button>
                <label class="file-button" for="editor-open-file">"Open a file in the editor"</label>
                <input id="editor-open-file" type="file" accept="application/json,.json" on:change=open_file />
            </div>
        </div>
    }
}
