//! The editor's groups: the groups the document puts its units in (mandatory, optional A, ...).
//! Units are dragged between the groups here, or ticked into them in the unit table (the way
//! from the keyboard).

use super::editor_state::Editor;
use super::qualification_editor::{beside, Built};
use super::reveal::focus_soon;
use super::DRAG_TYPE;
use crate::editor::draft::Place;
use leptos::prelude::*;

/// A dragged unit carries its code and the group it was taken from ("" for none), joined by this.
const SEPARATOR: char = '\u{1f}';

fn dragged(ev: &leptos::ev::DragEvent) -> Option<(String, Option<String>)> {
    let data = ev.data_transfer()?.get_data(DRAG_TYPE).ok()?;
    let (code, from) = data.split_once(SEPARATOR)?;
    Some((
        code.to_string(),
        (!from.is_empty()).then(|| from.to_string()),
    ))
}

/// A unit's code as a chip that can be dragged to another group.
fn chip(code: String, title: String, from: Option<String>) -> impl IntoView {
    let data = format!("{code}{SEPARATOR}{}", from.unwrap_or_default());
    view! {
        <li class="unit-chip" draggable="true" title=title
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(DRAG_TYPE, &data);
                    dt.set_effect_allowed("move");
                }
            }
        >{code}</li>
    }
}

/// A place units can be dropped on: a group, or `None` for "in no group".
fn drop_zone(
    editor: Editor,
    to: Option<String>,
    to_name: String,
    said: RwSignal<String>,
    over: RwSignal<bool>,
) -> impl Fn(leptos::ev::DragEvent) + Copy + 'static {
    let to = StoredValue::new((to, to_name));
    move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let Some((code, from)) = dragged(&ev) else {
            return;
        };
        let (to, to_name) = to.get_value();
        if from == to {
            return;
        }
        editor.edit(|d| d.move_between_groups(&code, from.as_deref(), to.as_deref()));
        said.set(match to {
            Some(_) => format!("Moved {code} to {to_name}."),
            None => format!("Took {code} out of its group."),
        });
    }
}

#[component]
pub fn EditorGroups(editor: Editor, built: Memo<Built>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let said = RwSignal::new(String::new());
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
        // The groups listed above grew and pushed the form down: back in its name box, in view,
        // for the next group.
        focus_soon("ed-group-new");
    };
    let groups = move || {
        editor
            .with(|d| d.qualification().groups.clone())
            .unwrap_or_default()
    };
    let title_of = move |code: &str| {
        editor
            .with(|d| {
                d.unit_choices()
                    .into_iter()
                    .find(|(c, _)| c == code)
                    .map(|(_, title)| title)
            })
            .flatten()
            .unwrap_or_default()
    };
    let loose = move || editor.with(|d| d.units_in_no_group()).unwrap_or_default();
    let loose_over = RwSignal::new(false);
    let loose_drop = drop_zone(editor, None, String::new(), said, loose_over);
    view! {
        <fieldset class="editor-groups" id="editor-groups">
            <legend>"Groups"</legend>
            <p class="hint">"Make the groups the document prints (mandatory units, optional group A, ...), then drag units into them, or tick each unit's groups in the unit table."</p>
            <p class="visually-hidden" role="status">{move || said.get()}</p>
            <ul class="group-list" aria-label="Groups of this qualification">
                {move || groups().into_iter().enumerate().map(|(at, g)| {
                    let id = g.id.clone();
                    let rename_id = g.id.clone();
                    let over = RwSignal::new(false);
                    let on_drop = drop_zone(editor, Some(g.id.clone()), g.name.clone(), said, over);
                    let from = g.id.clone();
                    view! {
                        <li id=format!("ed-group-{}", g.id) class="group-zone" class:over=move || over.get()
                            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
                            on:dragleave=move |_| over.set(false)
                            on:drop=on_drop
                        >
                            <div class="group-head">
                                <label class="visually-hidden" for=format!("ed-group-name-{}", g.id)>{format!("Name of group {}", at + 1)}</label>
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
                                <span class="hint">{crate::limits::counted(g.units.len(), "unit", "units")}</span>
                                <button type="button" aria-label=format!("Remove group {}", g.name) on:click=move |_| editor.edit(|d| { d.remove_group(&id); })>"Remove"</button>
                            </div>
                            <ul class="unit-chips" aria-label=format!("Units in {}", g.name)>
                                {g.units.iter().map(|c| chip(c.clone(), title_of(c), Some(from.clone()))).collect_view()}
                            </ul>
                            {(g.units.is_empty()).then(|| view! { <p class="hint drop-hint">"Drop units here."</p> })}
                            {let place = Place::Group(g.id.clone()); move || beside(built.with(|b| b.at(&place)))}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || !loose().is_empty() || groups().iter().any(|g| !g.units.is_empty())>
                <div class="group-zone loose-units" class:over=move || loose_over.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); loose_over.set(true); }
                    on:dragleave=move |_| loose_over.set(false)
                    on:drop=loose_drop
                >
                    <h4 id="ed-loose-heading">{move || format!("In no group ({})", loose().len())}</h4>
                    <ul class="unit-chips" aria-labelledby="ed-loose-heading">
                        {move || loose().into_iter().map(|c| chip(c.clone(), title_of(&c), None)).collect_view()}
                    </ul>
                </div>
            </Show>
            <form class="inline-form" on:submit=add>
                <label for="ed-group-new">"New group"</label>
                <input id="ed-group-new" type="text" placeholder="Optional Unit Group A" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">"Add group"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
        </fieldset>
    }
}
