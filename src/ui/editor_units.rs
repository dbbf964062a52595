//! The editor's units: pasted from a specification's unit table (read, shown for checking, then
//! kept), or added and corrected one by one; each put in groups with a checkbox.

use super::editor_details::all_levels;
use super::editor_row_level::RowLevel;
use super::editor_state::Editor;
use super::qualification_editor::{beside, Built};
use super::reveal::focus_soon;
use crate::catalogue::Level;
use crate::editor::draft::unit_entry;
use crate::editor::draft::Place;
use crate::editor::keep_table::{barred_offer, groups_offer, TableChoices};
use crate::editor::paste::{self, NumberColumn, Pasted};
use crate::editor::structure::{barred_pairs, heading_groups, ranges_words, row_levels};
use crate::limits::counted;
use crate::present::or_not_published;
use leptos::prelude::*;

const COLUMNS: [(NumberColumn, &str); 4] = [
    (NumberColumn::Glh, "GLH"),
    (NumberColumn::Credit, "Credit"),
    (NumberColumn::Tqt, "TQT"),
    (NumberColumn::Ignore, "Not used"),
];

/// The one-by-one form's fields, as typed.
#[derive(Clone, Default)]
struct Typed {
    code: String,
    title: String,
    level: String,
    credit: String,
    glh: String,
}

#[component]
pub fn EditorUnits(editor: Editor, built: Memo<Built>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let pasted: RwSignal<Option<Pasted>> = RwSignal::new(None);
    let columns: RwSignal<Vec<NumberColumn>> = RwSignal::new(Vec::new());
    let paste_error: RwSignal<Option<String>> = RwSignal::new(None);
    // Why the table read was not kept: shown beside "Keep", where the person is.
    let keep_error: RwSignal<Option<String>> = RwSignal::new(None);
    let fallback: RwSignal<Option<Level>> = RwSignal::new(None);
    // The level chosen for each row that prints none, by the row's place.
    let levels: RwSignal<Vec<Option<Level>>> = RwSignal::new(Vec::new());
    // Where those levels came from the text pasted with the table, what it said.
    let levels_read: RwSignal<String> = RwSignal::new(String::new());
    let make_groups = RwSignal::new(true);
    let make_barred = RwSignal::new(true);
    let said: RwSignal<String> = RwSignal::new(String::new());
    let read = move |_| {
        let t = text.get_untracked();
        match paste::parse(&t) {
            Ok(p) => {
                columns.set(paste::guess_columns(&p));
                let (from_text, ranges) = row_levels(&t, &p);
                levels.set(from_text);
                levels_read.set(ranges_words(&ranges));
                fallback.set(None);
                paste_error.set(None);
                keep_error.set(None);
                pasted.set(Some(p));
                // What was read is below the button: the keyboard (and a screen reader) goes
                // to its heading.
                focus_soon("ed-review-heading");
            }
            Err(e) => {
                pasted.set(None);
                paste_error.set(Some(e.to_string()));
            }
        }
    };
    let rows = Memo::new(move |_| {
        pasted.with(|p| {
            p.as_ref()
                .map(|p| columns.with(|c| paste::to_units(p, c)))
                .unwrap_or_default()
        })
    });
    let keep = move |_| {
        let Some(p) = pasted.get_untracked() else {
            return;
        };
        let choices = TableChoices {
            levels: levels.get_untracked(),
            fallback: fallback.get_untracked(),
            groups: make_groups.get_untracked(),
            barred: make_barred.get_untracked(),
        };
        let cols = columns.get_untracked();
        // Tried on a copy, so a refusal leaves the draft (and its saving) untouched.
        let tried = editor.with(|d| {
            let mut next = d.clone();
            next.keep_table(&p, &cols, &choices)
                .map(|kept| (kept, next))
        });
        match tried {
            Some(Ok((kept, next))) => {
                editor.edit(|d| *d = next);
                said.set(kept.words());
                keep_error.set(None);
                pasted.set(None);
                text.set(String::new());
                // The button pressed goes with the table read: the keyboard lands on what was kept.
                focus_soon("ed-units-said");
            }
            Some(Err(e)) => {
                keep_error.set(Some(e.to_string()));
                focus_soon("ed-keep-error");
            }
            None => {}
        }
    };
    let typed = RwSignal::new(Typed::default());
    let typed_error: RwSignal<Option<String>> = RwSignal::new(None);
    let save_typed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = typed.get_untracked();
        let entry = unit_entry(&t.code, &t.title, &t.level, &t.credit, &t.glh);
        match entry {
            Ok(e) => {
                let code = e.code.clone();
                let mut counts = (0, 0);
                editor.edit(|d| counts = d.add_units(vec![e]));
                said.set(format!(
                    "{} unit {code}.",
                    if counts.0 == 1 { "Added" } else { "Corrected" }
                ));
                typed.set(Typed::default());
                typed_error.set(None);
            }
            Err(e) => typed_error.set(Some(e.to_string())),
        }
    };
    let edit_unit = move |code: String| {
        if let Some(Some(u)) =
            editor.with(|d| d.file.units.iter().find(|u| u.code == code).cloned())
        {
            typed.set(Typed {
                code: u.code,
                title: u.title,
                level: u.level.to_string(),
                credit: u.credit.map(|n| n.to_string()).unwrap_or_default(),
                glh: u.glh.map(|n| n.to_string()).unwrap_or_default(),
            });
            if let Some(el) = document().get_element_by_id("ed-unit-title") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    };
    let units = move || editor.with(|d| d.file.units.clone()).unwrap_or_default();
    let groups = move || {
        editor
            .with(|d| d.qualification().groups.clone())
            .unwrap_or_default()
    };

    view! {
        <fieldset class="editor-units" id="editor-units">
            <legend>"Units"</legend>
            <div class="field">
                <label for="ed-paste">"Paste the unit table"</label>
                <span class="hint">"Copy the rows of the specification's unit table (code, title, level, then its figures) and paste them here. Titles broken over lines and headings between the rows are fine."</span>
                <textarea id="ed-paste" rows="6" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <button type="button" on:click=read>"Read the table"</button>
            {move || paste_error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
            <p class="hint" id="ed-units-said" tabindex="-1" role="status">{move || said.get()}</p>
            {move || pasted.get().map(|p| {
                let skipped = p.skipped.len();
                let (groups, pairs) = (heading_groups(&p), barred_pairs(&p));
                view! {
                    <div class="paste-review">
                        <h4 id="ed-review-heading" tabindex="-1">{format!("{} read: check them before keeping", counted(rows.with(Vec::len), "unit", "units"))}</h4>
                        <div class="column-map">
                            // With no level read, the figures follow the title.
                            <span>{move || if rows.with(|r| r.iter().any(|u| u.level.is_some())) { "The figures after each level are:" } else { "The figures after each title are:" }}</span>
                            {move || columns.get().into_iter().enumerate().map(|(i, col)| view! {
                                <label>
                                    {format!("Figure {}", i + 1)}
                                    " "
                                    <select on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        if let Some((c, _)) = COLUMNS.iter().find(|(_, name)| *name == v) {
                                            columns.update(|cols| cols[i] = *c);
                                        }
                                    }>
                                        {COLUMNS.iter().map(|(c, name)| view! { <option value=*name selected=*c == col>{*name}</option> }).collect_view()}
                                    </select>
                                </label>
                            }).collect_view()}
                        </div>
                        {(skipped > 0).then(|| view! {
                            <details class="skipped">
                                <summary>{format!("{} not read as units", counted(skipped, "line was", "lines were"))}</summary>
                                <ul>{p.skipped.iter().map(|s| view! { <li>{format!("Line {}: {}", s.line, s.text)}</li> }).collect_view()}</ul>
                            </details>
                        })}
                        // Above the rows: a table of fifty units is long, and the choice is made here.
                        <Show when=move || rows.with(|r| r.iter().any(|u| u.level.is_none()))>
                            <div class="field">
                                <label for="ed-fallback-level">"Level for every row where none was read"</label>
                                <span class="hint">"Or choose each row's level in the table below: a row's own level comes first."</span>
                                {move || levels_read.with(|w| (!w.is_empty()).then(|| view! { <span class="hint">{w.clone()}</span> }))}
                                <select id="ed-fallback-level" on:change=move |ev| fallback.set(Level::parse(&event_target_value(&ev)))>
                                    <option value="">"Choose"</option>
                                    {all_levels().into_iter().map(|l| view! { <option value=l.to_string()>{l.label()}</option> }).collect_view()}
                                </select>
                            </div>
                        </Show>
                        {(!groups.is_empty() || !pairs.is_empty()).then(|| view! {
                            <fieldset class="table-structure">
                                <legend>"Also from the table"</legend>
                                {(!groups.is_empty()).then(|| view! {
                                    <label class="check"><input type="checkbox" prop:checked=move || make_groups.get() on:change=move |ev| make_groups.set(event_target_checked(&ev)) />{groups_offer(&groups)}</label>
                                })}
                                {(!pairs.is_empty()).then(|| view! {
                                    <label class="check"><input type="checkbox" prop:checked=move || make_barred.get() on:change=move |ev| make_barred.set(event_target_checked(&ev)) />{barred_offer(&pairs)}</label>
                                })}
                            </fieldset>
                        })}
                        {move || keep_error.get().map(|e| view! { <p class="error-message" id="ed-keep-error" tabindex="-1" role="alert">{e}</p> })}
                        <div class="actions">
                            <button type="button" class="primary" on:click=keep>{move || format!("Keep these {} units", rows.with(Vec::len))}</button>
                            <button type="button" on:click=move |_| pasted.set(None)>"Cancel"</button>
                        </div>
                        <p class="hint scroll-hint">"Wider than the screen: scroll the table sideways for its other columns."</p>
                        <div class="table-wrap">
                            <table class="paste-table" aria-label="Units read from the table">
                                <thead><tr>
                                    <th scope="col">"Line"</th><th scope="col">"Code"</th><th scope="col">"Title"</th><th scope="col">"Level"</th><th scope="col">"Credit"</th><th scope="col">"GLH"</th>
                                    {p.rows.iter().any(|r| !r.extra.is_empty()).then(|| view! { <th scope="col">"Also printed (not part of the unit)"</th> })}
                                </tr></thead>
                                <tbody>
                                    {move || {
                                        let extras: Vec<String> = p.rows.iter().map(|r| r.extra.clone()).collect();
                                        let any_extra = extras.iter().any(|e| !e.is_empty());
                                        rows.get().into_iter().zip(extras).enumerate().map(|(i, (u, extra))| view! {
                                            <tr>
                                                <td>{u.line}</td>
                                                <td>{u.code.clone()}</td>
                                                <td>{u.title}</td>
                                                {match u.level {
                                                    Some(l) => view! { <td>{l.label()}</td> }.into_any(),
                                                    None => view! { <RowLevel code=u.code index=i levels fallback /> }.into_any(),
                                                }}
                                                <td>{or_not_published(u.credit)}</td>
                                                <td>{or_not_published(u.glh)}</td>
                                                {any_extra.then(|| view! { <td>{extra}</td> })}
                                            </tr>
                                        }).collect_view()
                                    }}
                                </tbody>
                            </table>
                        </div>
                    </div>
                }
            })}
            <form class="unit-form" on:submit=save_typed>
                <h4>"Add or correct one unit"</h4>
                {move || typed_error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                <div class="field-row">
                    <div class="field"><label for="ed-unit-code">"Code"</label><input id="ed-unit-code" type="text" prop:value=move || typed.with(|t| t.code.clone()) on:input=move |ev| typed.update(|t| t.code = event_target_value(&ev)) /></div>
                    <div class="field wide"><label for="ed-unit-title">"Title"</label><input id="ed-unit-title" type="text" prop:value=move || typed.with(|t| t.title.clone()) on:input=move |ev| typed.update(|t| t.title = event_target_value(&ev)) /></div>
                    <div class="field">
                        <label for="ed-unit-level">"Level"</label>
                        <select id="ed-unit-level" on:change=move |ev| typed.update(|t| t.level = event_target_value(&ev))>
                            <option value="" selected=move || typed.with(|t| t.level.is_empty())>"Choose"</option>
                            {all_levels().into_iter().map(|l| view! { <option value=l.to_string() selected=move || typed.with(|t| t.level == l.to_string())>{l.label()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field figure"><label for="ed-unit-credit">"Credit"</label><input id="ed-unit-credit" type="text" inputmode="numeric" placeholder="not published" prop:value=move || typed.with(|t| t.credit.clone()) on:input=move |ev| typed.update(|t| t.credit = event_target_value(&ev)) /></div>
                    <div class="field figure"><label for="ed-unit-glh">"GLH"</label><input id="ed-unit-glh" type="text" inputmode="numeric" placeholder="not published" prop:value=move || typed.with(|t| t.glh.clone()) on:input=move |ev| typed.update(|t| t.glh = event_target_value(&ev)) /></div>
                </div>
                <button type="submit">"Save unit"</button>
            </form>
            <p class="hint scroll-hint">"Wider than the screen: scroll the table sideways for its other columns."</p>
            <div class="table-wrap">
                <table class="editor-unit-table" aria-label="Units of this qualification">
                    <thead>
                        <tr>
                            <th scope="col">"Code"</th><th scope="col">"Title"</th><th scope="col">"Level"</th><th scope="col">"Credit"</th><th scope="col">"GLH"</th>
                            <th scope="col">"Groups"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let gs = groups();
                            units().into_iter().map(|u| {
                                let code = u.code.clone();
                                let (c1, c2) = (code.clone(), code.clone());
                                view! {
                                    <tr id=format!("ed-unit-{}", u.code)>
                                        <th scope="row">{u.code.clone()}</th>
                                        <td>
                                            {u.title.clone()}
                                            {let place = Place::Unit(u.code.clone()); move || beside(built.with(|b| b.at(&place)))}
                                        </td>
                                        <td>{u.level.label()}</td>
                                        <td>{or_not_published(u.credit)}</td>
                                        <td>{or_not_published(u.glh)}</td>
                                        <td class="group-boxes">
                                            {gs.iter().map(|g| {
                                                let (gid, c) = (g.id.clone(), code.clone());
                                                let member = g.units.contains(&code);
                                                view! {
                                                    <label>
                                                        <input type="checkbox" prop:checked=member
                                                            aria-label=format!("{} in {}", code, g.name)
                                                            on:change=move |ev| {
                                                                let on = event_target_checked(&ev);
                                                                editor.edit(|d| d.set_in_group(&c, &gid, on));
                                                            } />
                                                        " "{g.name.clone()}
                                                    </label>
                                                }
                                            }).collect_view()}
                                        </td>
                                        <td class="row-actions">
                                            <button type="button" aria-label=format!("Edit {}", u.code) on:click=move |_| edit_unit(c1.clone())>"Edit"</button>
                                            <button type="button" aria-label=format!("Remove {}", u.code) on:click=move |_| {
                                                let c = c2.clone();
                                                editor.edit(|d| { d.remove_unit(&c); });
                                                said.set(format!("Removed unit {c}."));
                                            }>"Remove"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </fieldset>
    }
}
