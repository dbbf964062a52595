//! The qualification editor's page (editor.html): the qualifications made so far, and the one
//! open for editing. Its own wasm, so a learner's planner does not load the editor.

use super::catalogue_files::{self, LoadedFile};
use super::editor_drafts::EditorDrafts;
use super::editor_state::use_editor;
use super::notices::{NoticeArea, Notices};
use super::qualification_editor::QualificationEditor;
use super::shared_catalogue::SharedCatalogue;
use leptos::prelude::*;

#[component]
pub fn EditorApp() -> impl IntoView {
    let (loaded, files, problems) = catalogue_files::load();
    let catalogue: RwSignal<SharedCatalogue> = RwSignal::new(loaded);
    let files: RwSignal<Vec<LoadedFile>> = RwSignal::new(files);
    let notices = Notices::new(problems);
    let editor = use_editor(move |m| notices.problem(m));
    view! {
        <a class="skip-link" href="#editor-drafts">"Skip to your qualifications"</a>
        <header class="masthead">
            <div>
                <h1>"qualplan: make a qualification"</h1>
                <p class="tagline">"Paste a specification's unit table, name its groups, pick its rules; then plan with it."</p>
            </div>
            <a class="masthead-link" href="./">"Back to the planner"</a>
        </header>
        <NoticeArea notices=notices />
        <main class="editor-page">
            <EditorDrafts editor=editor catalogue=catalogue notices=notices />
            <QualificationEditor editor=editor catalogue=catalogue files=files notices=notices />
        </main>
    }
}
