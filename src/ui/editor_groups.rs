//! The editor's groups: the groups the document puts its units in (mandatory, optional A, ...);
//! units are put in them from the unit table.

use super::editor_state::Editor;
use super::qualification_editor::{beside, Built};
use crate::editor::draft::Place;
use leptos::prelude::*;

#[component]
pub fn EditorGroups(editor: Editor, built: Memo<Built>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(
                "Give the group's name as the document prints it.".into(),
            ));
            return;
        }
        editor.edit(|d| {
            d.add_group(&n);
        });
        name.set(String::new());
        error.set(None);
    };
    let groups = move || {
        editor
            .with(|d| d.qualification().groups.clone())
            .unwrap_or_default()
    };
    view! {
        <fieldset class="editor-groups" id="editor-groups">
            <legend>"Groups"</legend>
            <p class="hint">"Make the groups the document prints (mandatory units, optional group A, ...), then tick each unit's groups in the unit table."</p>
            <ul class="group-list" aria-label="Groups of this qualification">
                {move || groups().into_iter().map(|g| {
                    let id = g.id.clone();
                    let rename_id = g.id.clone();
                    view! {
                        <li id=format!("ed-group-{}", g.id)>
                            <label class="visually-hidden" for=format!("ed-group-name-{}", g.id)>{format!("Name of group {}", g.id)}</label>
                            <input
                                id=format!("ed-group-name-{}", g.id)
                                type="text"
                                prop:value=g.name.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    editor.edit(|d| {
                                        if let Some(g) = d.qualification_mut().groups.iter_mut().find(|g| g.id == rename_id) {
                                            v.trim().clone_into(&mut g.name);
                                        }
                                    });
                                }
                            />
                            <span class="hint">{format!("{} unit{}", g.units.len(), if g.units.len() == 1 { "" } else { "s" })}</span>
                            <button type="button" aria-label=format!("Remove group {}", g.name) on:click=move |_| editor.edit(|d| { d.remove_group(&id); })>"Remove"</button>
                            {let place = Place::Group(g.id.clone()); move || beside(built.with(|b| b.at(&place)))}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add>
                <label for="ed-group-new">"New group"</label>
                <input id="ed-group-new" type="text" placeholder="Optional Unit Group A" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">"Add group"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        </fieldset>
    }
}
